"""The pieces of the packet's view model, and the words every format shares for them: an item's
one-line reference, an open entry, a card, a row, an evidence entry, the notes of a draft.
"""
from __future__ import annotations

from dataclasses import dataclass

from packetgen.catalogue import Catalogue
from packetgen.model.evidence import Item, Link, Step
from packetgen.model.framework import Area, Expectation, Level
from packetgen.model.result import (
    BROAD,
    DUPLICATE,
    EXPECTATION_SIGNALS,
    GAP,
    NEEDS_EVIDENCE,
    SELF_QUOTE,
    THIN,
    UNSUPPORTED,
    Coverage,
    ItemStrength,
    Totals,
)
from packetgen.wording import next_text

CONCERN = "concern"
OPEN_KINDS = (GAP, THIN, UNSUPPORTED, CONCERN)  # the order the gaps section lists what needs work
# An item lends these, in this order (catalogue keys lend-link, lend-result, lend-quote)
LEND_WORDS = (("artifact", "link"), ("outcome", "result"), ("corroborated", "quote"))
FLAG_KEYS = {BROAD: "flag-broad", DUPLICATE: "flag-duplicate", SELF_QUOTE: "flag-self-quote"}
MISSING_KEYS = {"corroborated": "missing-voice", "substantiated": "missing-substance", "sustained": "missing-time"}


def time_text(t, words: Catalogue) -> str:
    """The time view in words: for print in grey and for a screen reader, beside the table."""
    parts = []
    for n, quarter in enumerate(t.quarters):
        total = t.total.cells[n]
        label = words.quarter(quarter)
        if not total.items:
            parts.append(words("time-quarter-empty", quarter=label))
            continue
        areas = words("list-separator").join(words("time-area-count", area=row.area.name, n=row.cells[n].items)
                                              for row in t.rows if row.cells[n].items)
        parts.append(words("time-quarter", quarter=label, items=total.items, backed=total.backed,
                           areas=areas or "none"))
    text = words("time-words", quarters="; ".join(parts))
    if t.earlier:
        text += " " + words("time-before", quarter=words.quarter(t.quarters[0]), n=t.earlier)
    return text


def when(item: Item, words: Catalogue) -> str:
    """An item's date, or its span: "5 Jan 2026 – 30 Mar 2026"."""
    if item.until is None:
        return words.date(item.date)
    return words("date-range", start=words.date(item.date), end=words.date(item.until))


def strength_words(cov: Coverage, words: Catalogue) -> str:
    """"supported: corroborated, substantiated" — the strength and the signals that hold."""
    if cov.strength is None:
        return ""
    held = [words(f"signal-{name}") for name in EXPECTATION_SIGNALS if getattr(cov.backing, name)]
    strength = words(f"strength-{cov.strength}")
    if held and len(held) < 3:
        return words("label-value", label=strength, value=words("list-separator").join(held))
    return strength


@dataclass(frozen=True)
class MatrixRow:
    area: Area
    cells: tuple[Totals, ...]  # one per level of `Packet.levels`
    total: Totals


@dataclass(frozen=True)
class ItemRef:
    """An item as one line: number, title, date and what it lends where it is cited."""

    item: Item
    number: int  # E1, E2, ... in file order
    strength: ItemStrength
    words: Catalogue

    @property
    def label(self) -> str:
        return self.words("item-label", n=self.number)

    @property
    def counts(self) -> bool:
        return self.strength.counts

    @property
    def lends(self) -> tuple[str, ...]:
        """The signal words it lends ("link", "number", "quote"), or () when it lends nothing."""
        if not self.strength.lends:
            return ()
        return tuple(self.words(f"lend-{word}") for name, word in LEND_WORDS if getattr(self.strength.signals, name))

    @property
    def note(self) -> str:
        """Why it lends nothing, when it does not."""
        s = self.strength
        if not s.counts:
            return self.words("ref-outside")
        if BROAD in s.flags:
            return self.words("ref-broad")
        if DUPLICATE in s.flags:
            return self.words("ref-duplicate")
        return ""

    @property
    def summary(self) -> str:
        """"link · result · quote", the note, or "no link, result or quote"."""
        return self.note or (" · ".join(self.lends) if self.lends else self.words("ref-lends-nothing"))

    @property
    def when(self) -> str:
        return when(self.item, self.words)

    @property
    def outcome(self) -> str:
        """The words that earned `outcome` (the result, or a measured change), or ""."""
        return self.strength.outcome_text

    @property
    def link(self) -> Link | None:
        """The link that earned `artifact`, or None."""
        s = self.strength
        return self.item.links[s.artifact] if s.artifact is not None else None

    @property
    def voice(self) -> str:
        """Who speaks for it: the independent voice, else the first voice ("" when none)."""
        s = self.strength
        n = s.independent_voice if s.independent_voice is not None else s.voice
        return self.item.quotes[n].author if n is not None else ""


@dataclass(frozen=True)
class PlanStep:
    """A development step and its number: printed once in the case, referred to elsewhere."""

    number: int
    step: Step
    words: Catalogue

    @property
    def label(self) -> str:
        """"development step 3": the words of a link to it."""
        return self.words("development-step", n=self.number)


@dataclass(frozen=True)
class Near:
    """What stands near an open expectation: stale items citing it, development steps naming it
    (by number: each step is printed once, in the development plan)."""

    stale: tuple[ItemRef, ...] = ()
    steps: tuple[PlanStep, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.stale or self.steps)


@dataclass(frozen=True)
class OpenEntry:
    """One line of the gaps section."""

    coverage: Coverage
    kind: str  # gap, thin, unsupported or concern
    near: Near
    words: Catalogue

    @property
    def id(self) -> str:
        return self.coverage.id

    @property
    def next(self) -> str:
        """What to do next, in words ("needs 1 more item"), or "" (also for a gap, whose group
        already says it needs evidence)."""
        step = self.coverage.next
        return next_text(step, self.words) if step is not None and step.step != NEEDS_EVIDENCE else ""


@dataclass(frozen=True)
class Card:
    """An expectation of a level to demonstrate: status, strength, signals, next step and its items
    as one-liners."""

    coverage: Coverage
    refs: tuple[ItemRef, ...]  # counting citing items, in file order
    stale: tuple[ItemRef, ...]  # citing items outside the period
    near: Near
    words: Catalogue

    @property
    def next(self) -> str:
        return next_text(self.coverage.next, self.words) if self.coverage.next is not None else ""

    @property
    def id(self) -> str:
        return self.coverage.id

    @property
    def signals(self) -> tuple[tuple[str, bool], ...]:
        """(the signal's name in words, whether it holds), in the framework's order."""
        return tuple((self.words(f"signal-{name}"), getattr(self.coverage.backing, name))
                     for name in EXPECTATION_SIGNALS)

    @property
    def missing(self) -> str:
        """What would make it stronger, in words ("no independent voice; spans under two months")."""
        if self.coverage.strength is None:
            return ""
        return "; ".join(self.words(MISSING_KEYS[name]) for name in EXPECTATION_SIGNALS
                         if not getattr(self.coverage.backing, name))


@dataclass(frozen=True)
class AreaCards:
    area: Area
    cards: tuple[Card, ...]


@dataclass(frozen=True)
class LevelCards:
    """The cards of one level to demonstrate, by area."""

    level: Level
    areas: tuple[AreaCards, ...]


@dataclass(frozen=True)
class ReadinessRow:
    """A row of the readiness matrix: a level to demonstrate by area, or the held levels (muted:
    re-evidenced of held, never a gap)."""

    label: str
    cells: tuple[Totals, ...]  # one per area
    total: Totals
    held: bool = False
    level: str = ""  # the level's id; "" for the held row


@dataclass(frozen=True)
class Strongest:
    """An item among the strongest evidence (page 1): what it lends to the levels to demonstrate."""

    ref: ItemRef
    lends: tuple[Coverage, ...]  # expectations to demonstrate it lends strong or supported strength to

    @property
    def ids(self) -> str:
        return ", ".join(c.id for c in self.lends)


@dataclass(frozen=True)
class Row:
    """A lower-level expectation in the compact table."""

    coverage: Coverage
    refs: tuple[ItemRef, ...]
    stale: tuple[ItemRef, ...]


@dataclass(frozen=True)
class LevelRows:
    level: Level
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class EvidenceEntry:
    """An item in full, once: what it supports (linking back, ID and text), lends, and is flagged."""

    ref: ItemRef
    in_scope: tuple[str, ...]  # cited expectations of the target's cumulative set
    beyond: tuple[str, ...]  # cited expectations above the target level
    supports: tuple[Expectation, ...] = ()  # the cited expectations in scope, with their texts
    notes: tuple = ()  # the writing review's notes about this item (a draft only)

    @property
    def note_groups(self) -> tuple[NoteGroup, ...]:
        return _grouped(self.notes)

    @property
    def item(self) -> Item:
        return self.ref.item

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(self.ref.words(FLAG_KEYS[f]) for f in self.ref.strength.flags)

    @property
    def duplicate_of(self) -> str:
        return self.ref.strength.duplicate_of

    @property
    def lends_why(self) -> tuple[str, ...]:
        """Each signal it lends with the words of the input that earned it."""
        s, item, words = self.ref.strength, self.item, self.ref.words
        out = []
        if s.artifact is not None:
            out.append(words("lends-why-link", title=item.links[s.artifact].title))
        if s.signals.outcome:
            out.append(words("lends-why-result", text=s.outcome_text))
        if s.voice is not None and s.independent_voice != s.voice:
            out.append(words("lends-why-quote", author=item.quotes[s.voice].author))
        if s.independent_voice is not None:
            out.append(words("lends-why-independent", author=item.quotes[s.independent_voice].author))
        return tuple(out)



@dataclass(frozen=True)
class NoteGroup:
    """Notes of the writing review about one sentence (or one item, or the period)."""

    subject: str
    line: int
    sentence: str
    notes: tuple


def _grouped(notes) -> tuple[NoteGroup, ...]:
    groups: dict[tuple, list] = {}
    for note in notes:
        groups.setdefault((note.subject, note.sentence or note.message), []).append(note)
    return tuple(NoteGroup(subject, group[0].location.line, group[0].sentence, tuple(group))
                 for (subject, _), group in groups.items())
