"""The writing review (docs/reference.md, Writing review): notes that help the writer and the sponsor, never
a score. Each note is located at the words it is about, quotes the sentence, and says what to
write instead. The word lists are data (data/fairness.yaml, or a company's `--lexicon FILE`);
this module only matches and locates.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

from packetgen.analysis.strength import measured_changes, months_before
from packetgen.catalogue import Catalogue, english
from packetgen.errors import Diagnostic, InputError, Location
from packetgen.loading import yamlio
from packetgen.loading.checker import Checker
from packetgen.model.evidence import FAIRNESS_RULES, Loaded
from packetgen.model.result import BROAD, DUPLICATE, SELF_QUOTE, Result

VAGUE, PERSONALITY, SUPPORTIVE, POTENTIAL, RECENCY = ("vague-praise", "personality", "supportive-only",
                                                      "potential", "recency")
_FLAG_RULE = {BROAD: "broad", DUPLICATE: "duplicate", SELF_QUOTE: "self-quote"}
_LINK = re.compile(r"\]\([^)]+\)|https?://|www\.", re.IGNORECASE)
_BETWEEN = r"[\s*_`]+"  # what may stand between the words of a phrase: spaces, Markdown emphasis


@dataclass(frozen=True)
class Rule:
    id: str
    why: str  # "" for the catalogue's words (review-why-RULE)
    instead: str  # "" for the catalogue's words (review-instead-RULE)
    patterns: tuple[re.Pattern, ...] = ()  # what it looks for (phrases compiled too)
    supporting: tuple[re.Pattern, ...] = ()
    ownership: tuple[re.Pattern, ...] = ()
    share: float = 0.5


@dataclass(frozen=True)
class Lexicon:
    rules: dict[str, Rule]
    source: str


def _phrase(words: str) -> re.Pattern:
    body = _BETWEEN.join(re.escape(w) for w in words.split())
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


def word_list_languages() -> tuple[str, ...]:
    """The languages the built-in word lists are written in (data/fairness.yaml is English;
    data/fairness.LANG.yaml another language's)."""
    found = {"en"} | {p.name.split(".")[1] for p in (files("packetgen") / "data").iterdir()
                      if p.name.startswith("fairness.") and p.name.count(".") == 2}
    return tuple(sorted(found))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The word lists: packetgen's own, with a company's file (when given) replacing its rules."""
    builtin = files("packetgen") / "data" / "fairness.yaml"
    rules = _parse(yamlio.load(builtin.read_text(encoding="utf-8"), "packetgen:data/fairness.yaml"))
    if path is None:
        return Lexicon(rules, "packetgen")
    doc = yamlio.load_file(path)
    return Lexicon({**rules, **_parse(doc)}, str(path))


def _parse(doc: yamlio.Document) -> dict[str, Rule]:
    c = Checker(doc)
    top = c.mapping(doc.data, (), "the lexicon", FAIRNESS_RULES)
    out: dict[str, Rule] = {}
    for rule_id, raw in (top or {}).items():
        p = (rule_id,)
        entry = c.mapping(raw, p, f"rule {rule_id!r}", ("why", "instead", "phrases", "patterns", "supporting",
                                                        "ownership", "last_quarter_share"))
        if entry is None:
            continue
        patterns = [_phrase(x) for x in c.list_(entry, "phrases", p) or () if isinstance(x, str)]
        for j, raw_pattern in enumerate(c.list_(entry, "patterns", p) or ()):
            try:
                patterns.append(re.compile(raw_pattern, re.IGNORECASE))
            except (re.error, TypeError) as exc:
                c.error(p + ("patterns", j), f"not a regular expression: {exc}")
        share = c.text(entry, "last_quarter_share", p)
        out[rule_id] = Rule(rule_id, c.text(entry, "why", p) or "", c.text(entry, "instead", p) or "", tuple(patterns),
                            tuple(_phrase(x) for x in c.list_(entry, "supporting", p) or () if isinstance(x, str)),
                            tuple(_phrase(x) for x in c.list_(entry, "ownership", p) or () if isinstance(x, str)),
                            float(share) if share and re.fullmatch(r"0?\.\d+", share.strip()) else 0.5)
    if c.failed:
        raise InputError(c.in_order())
    return out


# --- locating words in the file -------------------------------------------------------------

class _Source:
    """The file's text, and where each value starts in it, to turn a match into a line and column."""

    def __init__(self, loaded: Loaded):
        self.path = loaded.evidence.path
        self.raw = loaded.evidence.raw.decode("utf-8", "replace").lstrip("\ufeff")
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.raw)]
        self.positions = loaded.positions
        self.offsets = sorted(self.offset(loc) for loc in self.positions.values())

    def offset(self, loc: Location) -> int:
        return self.line_starts[min(loc.line, len(self.line_starts)) - 1] + loc.column - 1

    def location(self, offset: int) -> Location:
        line = bisect.bisect_right(self.line_starts, offset)
        return Location(self.path, line, offset - self.line_starts[line - 1] + 1)

    def find(self, path: tuple, pattern: re.Pattern) -> Location:
        """Where `pattern` matches inside the value at `path` (the value's start when the words are
        written in a way the file's text does not show, such as an escape)."""
        start_loc = self.positions.get(path)
        if start_loc is None:
            return Location(self.path)
        start = self.offset(start_loc)
        i = bisect.bisect_right(self.offsets, start)
        end = self.offsets[i] if i < len(self.offsets) else len(self.raw)
        m = pattern.search(self.raw, start, end)
        return self.location(m.start()) if m else start_loc


def _sentence(text: str, match: re.Match) -> str:
    """The sentence around `match` in `text`, Markdown emphasis removed, at most 200 characters."""
    seps = (". ", "! ", "? ", ".\n", "!\n", "?\n", "\n\n", "\n- ", "\n* ")
    start = max(text.rfind(sep, 0, match.start()) for sep in seps)
    start = 0 if start < 0 else start + 2
    ends = [i for i in (text.find(sep, match.end()) for sep in seps[:7]) if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(re.sub(r"[*_`]", "", text[start:end]).split())
    return sentence if len(sentence) <= 200 else sentence[:199] + "…"


# --- the review -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Note:
    """A note of the writing review, in words of no language yet: `subject` and `detail` are
    catalogue keys with their values, `why` and `instead` a company lexicon's own words ("" for
    the catalogue's). `advice_in(words)` and `subject_in(words)` say it in a packet's language;
    `message`, `advice` and `subject` in English (the terminal's)."""

    rule: str
    location: Location
    about: tuple  # (catalogue key, ((name, value), ...)): "the summary", "item “Ranking v2”"
    path: tuple = ()  # the field it is about: ("summary",), ("evidence", 3, "description"), ("evidence", 3)
    words: str = ""  # the flagged words, as written ("" for notes about a whole item or the period)
    sentence: str = ""  # the sentence they stand in
    detail: tuple = ()  # (catalogue key, ((name, value), ...)) of what was found, for notes with no words
    why: str = ""
    instead: str = ""

    def subject_in(self, words: Catalogue) -> str:
        key, args = self.about
        return words(key, **_said(words, args))

    def advice_in(self, words: Catalogue) -> str:
        """Why it matters and what to write instead ("it cites 7 expectations — ...; ...")."""
        why = self.why or words(f"review-why-{self.rule}")
        instead = self.instead or words(f"review-instead-{self.rule}")
        if self.detail:
            key, args = self.detail
            return words("review-advice-detail", detail=words(key, **_said(words, args)), why=why, instead=instead)
        return words("review-advice", why=why, instead=instead)

    @property
    def subject(self) -> str:
        return self.subject_in(english())

    @property
    def advice(self) -> str:
        return self.advice_in(english())

    @property
    def message(self) -> str:
        """The terminal's line: the words, why, the sentence, what to write instead."""
        if not self.words:
            return self.advice
        en = english()
        return (f"“{' '.join(self.words.split())}” — {self.why or en(f'review-why-{self.rule}')}: “{self.sentence}”; "
                f"{self.instead or en(f'review-instead-{self.rule}')}")

    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.location, f"note[{self.rule}]", f"{self.subject}: {self.message}")


def _about(key: str, **args) -> tuple:
    return (key, tuple(sorted(args.items())))


def _said(words: Catalogue, args: tuple) -> dict:
    """A note's values for its message: a date in the reader's locale."""
    return {k: (words.date(v) if isinstance(v, date) else v) for k, v in args}


def _fields(loaded: Loaded):
    """(path in the file, what it is, text, item index or None) for every text the packet prints."""
    ev = loaded.evidence
    for key in ("summary", "self_assessment", "values"):
        yield (key,), _about(f"review-subject-{key.replace('_', '-')}"), getattr(ev, key), None
    if ev.assessment:
        yield ("assessment", "overall"), _about("review-subject-assessment"), ev.assessment.overall, None
        for area, text in ev.assessment.areas:
            yield ("assessment", "areas", area), _about("review-subject-assessment-area", area=area), text, None
    if ev.recommendation:
        yield (("recommendation", "rationale"), _about("review-subject-recommendation"), ev.recommendation.rationale,
               None)
    for n, step in enumerate(ev.development):
        yield ("development", n, "plan"), _about("review-subject-development", n=n + 1), step.plan, None
    for n, item in enumerate(ev.items):
        subject = _about("review-subject-item", title=item.title)
        yield ("evidence", n, "title"), subject, item.title, n
        yield ("evidence", n, "description"), subject, item.description, n
        for j, quote in enumerate(item.quotes):
            yield (("evidence", n, "quotes", j, "text"), _about("review-subject-quote", title=item.title, n=j + 1),
                   quote.text, n)


def review(loaded: Loaded, result: Result, lexicon: Lexicon | None = None) -> tuple[Note, ...]:
    """Every note of the writing review for one evidence file, in file order."""
    lexicon = lexicon or load_lexicon()
    rules = lexicon.rules
    ev = loaded.evidence
    source = _Source(loaded)
    silenced_file = set(ev.fairness_ignore)
    notes: list[Note] = []

    def silenced(rule: str, item: int | None) -> bool:
        return (rule not in rules or rule in silenced_file
                or (item is not None and rule in ev.items[item].fairness_ignore))

    def note(rule: str, path: tuple, subject: tuple, text: str, match: re.Match, pattern: re.Pattern) -> None:
        r = rules[rule]
        where = source.find(path, pattern)
        if path[0] == "evidence" and ev.items[path[1]].where and ev.items[path[1]].where.path != source.path:
            where = ev.items[path[1]].where  # an item of an included file: its start, in that file
        notes.append(Note(rule, where, subject, path, match.group(0), _sentence(text, match), why=r.why,
                          instead=r.instead))

    strength = result.strength_of
    for path, subject, text, item in _fields(loaded):
        if not text:
            continue
        # vague praise: in an item with no outcome and no artifact, or a paragraph with neither
        if not silenced(VAGUE, item):
            signals = strength[ev.items[item].id].signals if item is not None else None
            backed = signals is not None and (signals.outcome or signals.artifact)
            for pattern in () if backed else rules[VAGUE].patterns:
                for m in pattern.finditer(text):
                    paragraph = _paragraph(text, m)
                    if item is None and (measured_changes(paragraph) or _LINK.search(paragraph)):
                        continue
                    note(VAGUE, path, subject, text, m, pattern)
        for rule in (PERSONALITY, POTENTIAL):
            if silenced(rule, item):
                continue
            for pattern in rules[rule].patterns:
                for m in pattern.finditer(text):
                    note(rule, path, subject, text, m, pattern)

    for n, item in enumerate(ev.items):
        if silenced(SUPPORTIVE, n):
            continue
        r = rules[SUPPORTIVE]
        said = item.description or item.title
        field = ("evidence", n, "description" if item.description else "title")
        supporting = [(p, m) for p in r.supporting for m in [p.search(said)] if m]
        if supporting and not any(p.search(item.title) or p.search(item.description) for p in r.ownership):
            pattern, m = min(supporting, key=lambda pm: pm[1].start())
            note(SUPPORTIVE, field, _about("review-subject-item", title=item.title), said, m, pattern)

    recency = _recency(loaded, result, rules.get(RECENCY))
    if recency and not silenced(RECENCY, None):
        r = rules[RECENCY]
        where = loaded.positions.get(("period",), Location(ev.path))
        notes.append(Note(RECENCY, where, _about("review-subject-period"), ("period",), detail=recency, why=r.why,
                          instead=r.instead))

    for n, (item, s) in enumerate(zip(ev.items, result.item_strength, strict=False)):
        for flag in s.flags:
            rule = _FLAG_RULE[flag]
            if silenced(rule, n):
                continue
            r = rules[rule]
            where = item.where or Location(ev.path)
            if flag == SELF_QUOTE:
                places = item.quote_places
                where = places[s.self_quotes[0]] if s.self_quotes[0] < len(places) else where
            detail = {BROAD: _about("review-detail-broad", n=len(item.expectations)),
                      DUPLICATE: _about("review-detail-duplicate", title=result.items[s.duplicate_of].title
                                        if s.duplicate_of else ""),
                      SELF_QUOTE: _about("review-detail-self-quote")}[flag]
            notes.append(Note(rule, where, _about("review-subject-item", title=item.title), ("evidence", n),
                              detail=detail, why=r.why, instead=r.instead))
    return tuple(sorted(notes, key=lambda x: (x.location.line, x.location.column, x.rule)))


def _paragraph(text: str, match: re.Match) -> str:
    start = text.rfind("\n\n", 0, match.start())
    end = text.find("\n\n", match.end())
    return text[start + 2 if start >= 0 else 0: end if end >= 0 else len(text)]


def _recency(loaded: Loaded, result: Result, rule: Rule | None) -> tuple:
    """With a period: more than the rule's share of the counting items in its last three months,
    or none in its first half: what was found, as a catalogue key and its values; () when neither."""
    period = loaded.evidence.period
    if period is None or rule is None:
        return ()
    counting = [i.date for i in loaded.evidence.items if result.counts(i.id)]
    if not counting:
        return ()
    last_quarter = months_before(period.end, 3)
    late = sum(d > last_quarter for d in counting)
    middle = _middle(period)
    early = sum(d <= middle for d in counting)
    if late / len(counting) > rule.share:
        return _about("review-recency-late", late=late, counting=len(counting), date=last_quarter)
    if not early:
        return _about("review-recency-early", counting=len(counting), date=middle)
    return ()


def _middle(period) -> date:
    """The day by which half the period's counted days have passed (excluded spans, such as leave,
    do not count against the candidate)."""
    half = (period.counted_days - 1) // 2
    day = period.start
    while True:
        if not period.excluded(day):
            if half == 0:
                return day
            half -= 1
        if day >= period.end:
            return day
        day += timedelta(days=1)


def notes_of(items: Iterable[Note]) -> tuple[Diagnostic, ...]:
    return tuple(n.diagnostic() for n in items)
