"""The evidence file's model: the candidate, their items and the case's voices, as loaded.

Plain frozen data: the loader (loading/evidence.py) builds it, every later stage reads it.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple
from urllib.parse import urlsplit

from packetgen.errors import Diagnostic, Location
from packetgen.model.framework import Framework
from packetgen.urls import is_safe_url, link_target

# The closed vocabularies of the file (docs/reference.md, The evidence file)
RELATIONSHIPS = ("peer", "report", "manager", "cross-functional", "customer", "executive", "other")
DECISIONS = ("promote-now", "next-cycle", "not-yet")
# Rules of the writing review (docs/reference.md, Writing review) that `fairness_ignore` may name
FAIRNESS_RULES = ("vague-praise", "personality", "supportive-only", "potential", "recency",
                  "self-quote", "duplicate", "broad")
EXTRACTED_NAMES = ("evidence.yaml", "framework.yaml")  # what `extract` names a record's evidence and framework


@dataclass(frozen=True)
class Link:
    """An artifact an item links to."""

    title: str
    url: str

    @property
    def safe(self) -> bool:
        """Only http, https and mailto links become clickable anywhere."""
        return is_safe_url(self.url)

    @property
    def href(self) -> str:
        """Where the clickable link goes (urls.link_target)."""
        return link_target(self.url)

    @property
    def is_artifact(self) -> bool:
        """An absolute http or https URL with a host: something a committee can open ("TBD",
        a bare word or a mailto address backs nothing)."""
        try:
            parts = urlsplit(self.url.strip())
        except ValueError:
            return False
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


@dataclass(frozen=True)
class Quote:
    """Words about an item from someone, with who they are to the candidate and when."""

    text: str
    author: str = ""  # the file's `from`: the person, then (after the first comma) their role
    relationship: str = ""  # one of RELATIONSHIPS, or "" when not given
    date: date | None = None
    lang: str = ""  # the quote's language when it is not the packet's (a BCP 47 tag)

    @property
    def person(self) -> str:
        """The `from` up to the first comma, trimmed (docs/reference.md, Evidence strength)."""
        return self.author.partition(",")[0].strip()

    @property
    def role(self) -> str:
        return self.author.partition(",")[2].strip()

    @property
    def is_voice(self) -> bool:
        """Says who speaks: a person of at least two letters, with a role (after the first comma of
        `from`) or a relationship. Anything else ("X", "-", a bare name) corroborates nothing."""
        return sum(ch.isalpha() for ch in self.person) >= 2 and bool(self.role or self.relationship)


@dataclass(frozen=True)
class Candidate:
    """Whom the case is for: their name, current and target level, role and manager."""

    name: str
    current_level: str
    target_level: str
    role: str = ""
    manager: str = ""
    pronouns: str = ""  # free text ("she/her"); printed in the header, never in an anonymised handout


class Span(NamedTuple):
    """Days from `start` to `end`, both inclusive."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Period:
    """The review period; items dated outside it are not counted. `exclude` holds spans that must
    not count against the candidate (leave, for instance); their reason is never written down."""

    start: date
    end: date
    exclude: tuple[Span, ...] = ()

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def overlaps(self, start: date, end: date) -> bool:
        """Whether any day from `start` to `end` lies inside the period."""
        return start <= self.end and end >= self.start

    def excluded(self, day: date) -> bool:
        return any(s.start <= day <= s.end for s in self.exclude)

    @property
    def counted_days(self) -> int:
        """The period's days less the excluded ones (spans never overlap: the loader refuses it)."""
        return (self.end - self.start).days + 1 - sum(s.days for s in self.exclude)


@dataclass(frozen=True)
class Item:
    """One accomplishment and the expectations it cites."""

    id: str
    title: str
    date: date
    expectations: tuple[str, ...]
    description: str = ""
    links: tuple[Link, ...] = ()
    quotes: tuple[Quote, ...] = ()
    fairness_ignore: tuple[str, ...] = ()
    until: _dt.date | None = None  # the work ran from `date` to `until` (inclusive)
    result: str = ""  # one line: what changed, in the author's words
    # where the item stands in its file (for warnings about it); not part of its content
    where: Location | None = field(default=None, compare=False)
    quote_lines: tuple[int, ...] = field(default=(), repr=False, compare=False)
    quote_places: tuple[Location, ...] = field(default=(), repr=False, compare=False)  # each quote's start

    @property
    def end(self) -> _dt.date:
        """The last day of the work: `until`, or the item's date."""
        return self.until or self.date

    def counts_in(self, period: Period | None) -> bool:
        """Whether the item counts: no period, or some day of its work inside the period."""
        return period is None or period.overlaps(self.date, self.end)


@dataclass(frozen=True)
class Assessment:
    """The sponsor's voice: an overall view and one text per framework area."""

    by: str = ""  # as written; Evidence.sponsor falls back to the candidate's manager
    overall: str = ""
    areas: tuple[tuple[str, str], ...] = ()  # (area id, Markdown), in framework order
    concerns: tuple[str, ...] = ()  # held expectations the sponsor doubts


@dataclass(frozen=True)
class Recommendation:
    """The sponsor's decision and why."""

    decision: str  # one of DECISIONS
    rationale: str = ""


@dataclass(frozen=True)
class Step:
    """One development step, tied to the expectations it works toward."""

    plan: str
    expectations: tuple[str, ...] = ()
    by: date | None = None


@dataclass(frozen=True)
class Included:
    """A file named by `include:`: its name (in the including file's folder) and exact bytes."""

    name: str
    raw: bytes = field(repr=False)


@dataclass(frozen=True)
class Evidence:
    """A loaded evidence file: the candidate, their items and the case's voices."""

    path: str
    framework: str  # the reference as written (built-in id or path)
    candidate: Candidate
    items: tuple[Item, ...]
    period: Period | None = None
    summary: str = ""
    raw: bytes = field(default=b"", repr=False, compare=False)  # the bytes that were parsed
    self_assessment: str = ""
    assessment: Assessment | None = None
    recommendation: Recommendation | None = None
    values: str = ""
    development: tuple[Step, ...] = ()
    fairness_ignore: tuple[str, ...] = ()
    includes: tuple[Included, ...] = ()  # the files `include:` names, in its order
    locale: str = ""  # the packet's language as the file names it ("" for the default)

    @property
    def sponsor(self) -> str:
        """Who speaks for the case: `assessment.by`, else the candidate's manager ("" if neither)."""
        return (self.assessment.by if self.assessment and self.assessment.by else self.candidate.manager)


@dataclass(frozen=True)
class Loaded:
    """A valid evidence file, the framework it is read against, and its warnings."""

    evidence: Evidence
    framework: Framework
    diagnostics: tuple[Diagnostic, ...]
    # where each value stands in the file (path of keys and indexes -> its start), for notes
    # that point at words inside a text
    positions: dict = field(default_factory=dict, repr=False, compare=False)
