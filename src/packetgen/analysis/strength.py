"""Evidence strength (docs/reference.md, Evidence strength): plain rules over the evidence file alone.

Pure and deterministic, like matching: no I/O, no clock. Item signals (`artifact`,
`outcome`, `corroborated`, `independent`) and item flags (`broad`, `duplicate`,
`self_quote`) are judged per item; an expectation's strength is judged from the items
that lend to it. Every signal keeps the words of the input that earned it, so a reader
can check it without trusting the tool.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from packetgen.model.evidence import Evidence, Item, Quote
from packetgen.model.result import (
    BROAD,
    BROAD_ALL,
    BROAD_OWN,
    DUPLICATE,
    SELF_QUOTE,
    Backing,
    ItemSignals,
    ItemStrength,
)
from packetgen.text import bare, fold


@dataclass(frozen=True)
class Person:
    """Someone a quote may be from: their full name and each single word of it."""

    full: str
    words: frozenset[str]

    @classmethod
    def of(cls, name: str) -> Person | None:
        folded = fold(name)
        if not folded:
            return None
        words = {w.strip(".,;:()[]\"'’") for w in folded.split()}
        return cls(folded, frozenset(w for w in words if w))

    def is_(self, person: str) -> bool:
        """Whether a quote's person (its `from` up to the first comma) is this one."""
        p = fold(person)
        return bool(p) and (p == self.full or p in self.words)


@dataclass(frozen=True)
class People:
    """The candidate and their manager(s): `candidate.manager` and the person of `assessment.by`."""

    candidate: Person | None
    managers: tuple[Person, ...]

    @classmethod
    def of(cls, evidence: Evidence) -> People:
        names = [evidence.candidate.manager]
        if evidence.assessment is not None:
            names.append(evidence.assessment.by.partition(",")[0])
        managers = tuple(p for p in (Person.of(n) for n in names) if p is not None)
        return cls(Person.of(evidence.candidate.name), managers)

    def is_candidate(self, person: str) -> bool:
        return self.candidate is not None and self.candidate.is_(person)

    def is_manager(self, person: str) -> bool:
        return any(m.is_(person) for m in self.managers)


# --- outcomes: a stated quantity ----------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAYS = rf"{_DAY}(?:\s*[-–—]\s*{_DAY})?"  # a day, or a range of days ("3–5")
_YEAR = r"(?:19|20)\d\d"
# Spans that are not quantities, blanked before numbers are read: URLs (a pull request's
# number is not an outcome), ISO and numeric dates (2026-03-12, 2026-03, 12/03/2026,
# 12.03.2026), and a day, a range of days or a year beside a month name ("12 March",
# "3–5 March", "12th of March 2026", "March 12, 2026", "12-Mar-2026", "March 2026", "Mar. 3").
_NOT_QUANTITIES = re.compile(
    r"\b(?:https?://|mailto:|www\.)\S+"
    r"|(?<![\w.])\d{4}-\d{2}(?:-\d{2})?(?!\d)"
    r"|(?<![\w.,/])\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?![\d/.]\d)"
    rf"|(?<![\w.,]){_DAYS}(?:\s+of)?[\s-]+{_MONTH}(?:,?[\s-]+{_YEAR})?(?![\w])"
    rf"|(?<!\w){_MONTH}\s+{_DAYS}(?:,?\s+{_YEAR})?(?![\w])"
    rf"|(?<!\w){_MONTH},?\s+{_YEAR}(?!\d)",
    re.IGNORECASE)
# A number: digits with optional thousands separators and decimals, optionally after a
# currency sign. Not glued to a letter or digit on its left (IC4, v2, p95), nor to a word
# through a separator (ic4.impact.1, GPT-4, Q3'26), not the tail of another number (1.2.3,
# 24/7) and not either side of N:N (1:1, 10:30).
_NUMBER = re.compile(r"(?<!\w)(?<!\d[.,:/])(?<![^\W_][.\-_/'’])(?P<cur>[$€£¥₹]\s?)?"
                     r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?![.,:]\d)")


def quantities(text: str) -> list[str]:
    """The quantities `text` states, as written ("23%", "$1.2M", "2,300"), in order.

    A number counts unless it is a year standing alone (1900–2099), part of a date (ISO,
    or a day or year beside a month name), glued to letters on its left (IC4, v2, Q3, H1,
    FY27, p95, and through a separator: ic4.impact.1, GPT-4), part of N:N (1:1, 10:30), or
    inside a URL.
    """
    if not text:
        return []
    blanked = _NOT_QUANTITIES.sub(lambda m: " " * len(m.group(0)), text)
    found = []
    for m in _NUMBER.finditer(blanked):
        num, end = m.group("num"), m.end()
        if not m.group("cur") and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099 \
                and blanked[end:end + 1] != "%":
            continue  # a year standing alone
        found.append(text[m.start():end] + _unit(text, end))
    return found


_UNIT = re.compile(r"\s?(?:%|×|x\b|[kKMB]\b|bn\b|h\b|min\b|ms\b|s\b)")


def _unit(text: str, end: int) -> str:
    m = _UNIT.match(text, end)
    return m.group(0) if m else ""


def _voices(quotes: Iterable[Quote], people: People) -> tuple[int | None, int | None, tuple[int, ...]]:
    """Positions of the first corroborating quote, the first independent one, and the self-quotes."""
    voice = independent = None
    own: list[int] = []
    for n, quote in enumerate(quotes):
        person = quote.person
        if not fold(person):
            continue  # a quote without a person corroborates nothing
        if people.is_candidate(person):
            own.append(n)
            continue
        voice = n if voice is None else voice
        if independent is None and not people.is_manager(person):
            independent = n
    return voice, independent, tuple(own)


def assess_items(evidence: Evidence, own_ids: Iterable[str], counting: Iterable[str]) -> tuple[ItemStrength, ...]:
    """Signals and flags of every item, in file order. `own_ids` are the target level's own
    expectations; `counting` the ids of items inside the review period."""
    own = set(own_ids)
    counts = set(counting)
    people = People.of(evidence)
    seen: dict[tuple[str, str], str] = {}
    out = []
    for item in evidence.items:
        numbers = quantities(item.title) + quantities(item.description)
        voice, independent, self_quotes = _voices(item.quotes, people)
        own_cited = sum(ref in own for ref in item.expectations)
        key = (bare(item.title), bare(item.description))
        earlier = seen.setdefault(key, item.id)
        flags = []
        if own_cited > BROAD_OWN or len(item.expectations) > BROAD_ALL:
            flags.append(BROAD)
        if earlier != item.id:
            flags.append(DUPLICATE)
        if self_quotes:
            flags.append(SELF_QUOTE)
        out.append(ItemStrength(
            id=item.id, counts=item.id in counts,
            signals=ItemSignals(artifact=bool(item.links), outcome=bool(numbers),
                                corroborated=voice is not None, independent=independent is not None),
            flags=tuple(flags), quantity=numbers[0] if numbers else "", voice=voice, independent_voice=independent,
            own_cited=own_cited, duplicate_of=earlier if earlier != item.id else "",
            self_quotes=self_quotes))
    return tuple(out)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in range(day.day, 0, -1):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return day  # pragma: no cover - day 1 always exists


def quarter(day: date) -> tuple[int, int]:
    """The calendar quarter of a date: (year, 1..4)."""
    return day.year, (day.month - 1) // 3 + 1


def backing(lending: Iterable[tuple[Item, ItemStrength]]) -> Backing:
    """Strength signals from the lending items (counting, neither broad nor duplicate)."""
    lending = list(lending)
    return Backing(
        corroborated=any(s.signals.corroborated for _, s in lending),
        substantiated=any(s.signals.artifact or s.signals.outcome for _, s in lending),
        sustained=len({quarter(item.date) for item, _ in lending}) >= 2,
    )
