"""What every packet format shows, in the order it shows it (README, Rendering a packet): built once
from the Result and read by the HTML/PDF, Markdown and DOCX renderers alike, so the formats
cannot drift apart. Wording shared by every format (decision names, signal words) lives here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from packetgen.analysis.timeline import Timeline, timeline
from packetgen.model.evidence import Item, Step
from packetgen.model.framework import Area, Level
from packetgen.model.result import (
    BROAD,
    DUPLICATE,
    EXPECTATION_SIGNALS,
    GAP,
    MET,
    NEEDS_EVIDENCE,
    SELF_QUOTE,
    THIN,
    UNSUPPORTED,
    Coverage,
    ItemStrength,
    Result,
    Signal,
    Totals,
)
from packetgen.wording import next_text

# How every packet format names what the file gives as ids.
DECISION = {"promote-now": "Promote now", "next-cycle": "Next cycle", "not-yet": "Not yet"}
CONCERN = "concern"
OPEN_KINDS = (GAP, THIN, UNSUPPORTED, CONCERN)  # the order the gaps section lists what needs work
OPEN_TITLE = {GAP: "Gaps", THIN: "Thin", UNSUPPORTED: "Met but unsupported", CONCERN: "Concerns raised by the sponsor"}
OPEN_LEAD = {GAP: "no counting evidence yet", THIN: "fewer items than needed",
             UNSUPPORTED: "met by citations, but no independent voice, link, result or span of time backs them",
             CONCERN: "expectations of a level the candidate holds, which the sponsor doubts"}
# The time view (timeline.py), in both formats
TIME_TITLE = "When the work happened"
TIME_LEAD = "counting items per quarter and area; ★ backed: items with a colleague’s quote and a link or number"
TIME_ALL = "All items"
TIME_EMPTY = "no items"


def time_text(t) -> str:
    """The time view in words: for print in grey and for a screen reader, beside the table."""
    parts = []
    for n, quarter in enumerate(t.quarters):
        total = t.total.cells[n]
        if not total.items:
            parts.append(f"{quarter.label}: no items")
            continue
        areas = ", ".join(f"{row.area.name} {row.cells[n].items}" for row in t.rows if row.cells[n].items)
        backed = f", {total.backed} backed" if total.backed else ""
        parts.append(f"{quarter.label}: {total.items} item{'s' * (total.items != 1)}{backed}"
                     + (f" ({areas})" if areas else ""))
    text = "In words: " + "; ".join(parts) + "."
    if t.earlier:
        text += f" Before {t.quarters[0].label}: {t.earlier} more."
    return text


# An item lends these, in this order (the words the packet prints for item signals)
LEND_WORDS = (("artifact", "link"), ("outcome", "result"), ("corroborated", "quote"))
FLAG_WORDS = {BROAD: "broad", DUPLICATE: "duplicate", SELF_QUOTE: "quotes the candidate"}
MISSING = {"corroborated": "no independent voice", "substantiated": "no link or result",
           "sustained": "spans under two months"}
NBSP = "\u00a0"


def day(d: date) -> str:
    """3 Dec 2025, with non-breaking spaces: a date never breaks across lines."""
    return f"{d.day}{NBSP}{d.strftime('%b')}{NBSP}{d.year}"


def when(item: Item) -> str:
    """An item's date, or its span: "5 Jan 2026 – 30 Mar 2026"."""
    return day(item.date) if item.until is None else f"{day(item.date)} – {day(item.until)}"


def strength_words(cov: Coverage) -> str:
    """"supported: corroborated, substantiated" — the strength and the signals that hold."""
    if cov.strength is None:
        return ""
    held = [name for name in EXPECTATION_SIGNALS if getattr(cov.backing, name)]
    return cov.strength + (f": {', '.join(held)}" if held and len(held) < 3 else "")


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

    @property
    def label(self) -> str:
        return f"E{self.number}"

    @property
    def counts(self) -> bool:
        return self.strength.counts

    @property
    def lends(self) -> tuple[str, ...]:
        """The signal words it lends ("link", "number", "quote"), or () when it lends nothing."""
        if not self.strength.lends:
            return ()
        return tuple(word for name, word in LEND_WORDS if getattr(self.strength.signals, name))

    @property
    def note(self) -> str:
        """Why it lends nothing, when it does not."""
        s = self.strength
        if not s.counts:
            return "outside the review period: not counted"
        if BROAD in s.flags:
            return "broad: lends nothing"
        if DUPLICATE in s.flags:
            return "duplicate: lends nothing"
        return ""

    @property
    def summary(self) -> str:
        """"link · result · quote", the note, or "no link, result or quote"."""
        return self.note or (" · ".join(self.lends) if self.lends else "no link, result or quote")

    @property
    def when(self) -> str:
        return when(self.item)

    @property
    def outcome(self) -> str:
        """The words that earned `outcome` (the result, or a measured change), or ""."""
        return self.strength.outcome_text


@dataclass(frozen=True)
class Near:
    """What stands near an open expectation: stale items citing it, development steps naming it."""

    stale: tuple[ItemRef, ...] = ()
    steps: tuple[Step, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.stale or self.steps)


@dataclass(frozen=True)
class OpenEntry:
    """One line of the gaps section."""

    coverage: Coverage
    kind: str  # gap, thin, unsupported or concern
    near: Near

    @property
    def id(self) -> str:
        return self.coverage.id

    @property
    def next(self) -> str:
        """What to do next, in words ("needs 1 more item"), or "" (also for a gap, whose group
        already says it needs evidence)."""
        step = self.coverage.next
        return next_text(step) if step is not None and step.step != NEEDS_EVIDENCE else ""


@dataclass(frozen=True)
class Card:
    """A target-level expectation: status, strength, signals and its items as one-liners."""

    coverage: Coverage
    refs: tuple[ItemRef, ...]  # counting citing items, in file order
    stale: tuple[ItemRef, ...]  # citing items outside the period
    near: Near

    @property
    def id(self) -> str:
        return self.coverage.id

    @property
    def signals(self) -> tuple[tuple[str, bool], ...]:
        return tuple((name, getattr(self.coverage.backing, name)) for name in EXPECTATION_SIGNALS)

    @property
    def missing(self) -> str:
        """What would make it stronger, in words ("no quote from a colleague; all in one quarter")."""
        if self.coverage.strength is None:
            return ""
        return "; ".join(MISSING[name] for name, held in self.signals if not held)


@dataclass(frozen=True)
class AreaCards:
    area: Area
    cards: tuple[Card, ...]


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
    """An item in full, once: what it supports (linking back), lends, and is flagged."""

    ref: ItemRef
    in_scope: tuple[str, ...]  # cited expectations of the target's cumulative set
    beyond: tuple[str, ...]  # cited expectations above the target level

    @property
    def item(self) -> Item:
        return self.ref.item

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(FLAG_WORDS[f] for f in self.ref.strength.flags)

    @property
    def duplicate_of(self) -> str:
        return self.ref.strength.duplicate_of

    @property
    def lends_why(self) -> tuple[str, ...]:
        """Each signal it lends with the words of the input that earned it."""
        s, item = self.ref.strength, self.item
        out = []
        if s.artifact is not None:
            out.append(f"link: {item.links[s.artifact].title}")
        if s.signals.outcome:
            out.append(f"result: {s.outcome_text}")
        if s.voice is not None:
            out.append(f"quote: {item.quotes[s.voice].author}")
        if s.independent_voice is not None and s.independent_voice != s.voice:
            out.append(f"independent quote: {item.quotes[s.independent_voice].author}")
        elif s.independent_voice is not None:
            out[-1] = "independent " + out[-1]
        return tuple(out)


@dataclass(frozen=True)
class Packet:
    """The packet's content: README, Rendering a packet, in order."""

    result: Result
    generated: date
    title: str
    subject: str
    keywords: tuple[str, ...]
    levels: tuple[Level, ...]
    totals: Totals
    own_totals: Totals
    matrix: tuple[MatrixRow, ...]
    column_totals: tuple[Totals, ...]
    open: tuple[OpenEntry, ...]  # gaps, then thin, then met but unsupported; target level first
    target_cards: tuple[AreaCards, ...]
    lower: tuple[LevelRows, ...]
    evidence_entries: tuple[EvidenceEntry, ...]
    beyond: tuple[Signal, ...]
    refs: dict[str, ItemRef]  # item id -> its one-line reference
    prefix: str = ""  # makes anchors unique when several packets share one document
    review: tuple = ()  # notes of the writing review (fairness.Note): a draft packet only
    time: Timeline | None = None  # when the work happened (timeline.py)

    # Anchors are positions, not escaped ids: "a.b" and "a-b" must never share one, and
    # Word takes only letters and digits (at most 40) in a bookmark name.
    @cached_property
    def _positions(self) -> tuple[dict[str, int], dict[str, int]]:
        return ({e.id: n for n, e in enumerate(self.result.framework.expectations, start=1)},
                {item.id: n for n, item in enumerate(self.result.evidence.items, start=1)})

    def anchor(self, expectation_id: str) -> str:
        """The target of an expectation: its card, or its row in the lower-levels table."""
        return f"{self.prefix}exp{self._positions[0][expectation_id]}"

    def item_anchor(self, item_id: str) -> str:
        """The target of an item in the evidence section."""
        return f"{self.prefix}item{self._positions[1][item_id]}"

    def section(self, name: str) -> str:
        return f"{self.prefix}{name}"

    @property
    def candidate(self):
        return self.result.candidate

    @property
    def framework(self):
        return self.result.framework

    @property
    def evidence(self):
        return self.result.evidence

    def level_name(self, level_id: str) -> str:
        return self.framework.level_name(level_id)

    @property
    def target_name(self) -> str:
        return self.level_name(self.result.target_level)

    @property
    def current_name(self) -> str:
        return self.level_name(self.candidate.current_level)

    @property
    def has_case(self) -> bool:
        """Whether the file speaks in any voice (the case section is left out when it does not)."""
        ev = self.evidence
        return bool(ev.summary or ev.self_assessment or ev.assessment or ev.recommendation or ev.values
                    or ev.development)

    @property
    def decision(self) -> str:
        rec = self.evidence.recommendation
        return DECISION[rec.decision] if rec else ""

    @property
    def evidence_line(self) -> str:
        """How many items, and how many of them count: the handout's overview gives the counting
        ones, so page 1 says both when they differ."""
        r = self.result
        n, outside = len(r.evidence.items), len(r.stale)
        line = f"{n} item{'s' * (n != 1)}"
        if outside:
            line += f" ({n - outside} counting)"
        return line + f"; met = {r.min_evidence} or more counting items"

    def area_name(self, area_id: str) -> str:
        return self.framework.area_name(area_id)

    @cached_property
    def in_scope(self) -> frozenset[str]:
        """The ids of the target's cumulative expectations (each has a place to link to)."""
        return frozenset(c.id for c in self.result.expectations)

    @property
    def lower_names(self) -> str:
        return ", ".join(group.level.name for group in self.lower)

    def open_of(self, kind: str) -> tuple[OpenEntry, ...]:
        return tuple(e for e in self.open if e.kind == kind)

    @staticmethod
    def strength(cov: Coverage) -> str:
        return strength_words(cov)

    @staticmethod
    def day(d: date) -> str:
        return day(d)

    @staticmethod
    def when(item: Item) -> str:
        return when(item)


def _kind(cov: Coverage) -> str | None:
    """Where an expectation stands in the gaps section: only the levels to demonstrate, and the
    sponsor's concerns; held expectations are context, never a gap to close."""
    if cov.concern:
        return CONCERN
    if cov.held:
        return None
    if cov.status in (GAP, THIN):
        return cov.status
    return UNSUPPORTED if cov.status == MET and cov.strength == UNSUPPORTED else None


def build(result: Result, generated: date, prefix: str = "", *, review: tuple = ()) -> Packet:
    cand = result.candidate
    fw = result.framework
    target = result.target_level
    levels = result.levels
    items = result.evidence.items
    refs = {item.id: ItemRef(item, n, result.strength_of[item.id]) for n, item in enumerate(items, start=1)}
    steps_for: dict[str, list[Step]] = {}
    for step in result.evidence.development:
        for ref in step.expectations:
            steps_for.setdefault(ref, []).append(step)

    def near(cov: Coverage) -> Near:
        return Near(tuple(refs[i] for i in cov.stale), tuple(steps_for.get(cov.id, ())))

    ranked = [(OPEN_KINDS.index(kind), cov.expectation.level != target, n, OpenEntry(cov, kind, near(cov)))
              for n, cov in enumerate(result.expectations) if (kind := _kind(cov))]
    in_scope = {c.id for c in result.expectations}
    matrix = tuple(MatrixRow(a, tuple(result.totals(level=lv.id, area=a.id) for lv in levels),
                             result.totals(area=a.id)) for a in result.areas)
    cards = tuple(
        AreaCards(area, tuple(Card(cov, tuple(refs[i] for i in cov.evidence), tuple(refs[i] for i in cov.stale),
                                   near(cov))
                              for cov in result.select(level=target, area=area.id)))
        for area in result.areas if result.select(level=target, area=area.id))
    lower = tuple(
        LevelRows(level, tuple(Row(cov, tuple(refs[i] for i in cov.evidence), tuple(refs[i] for i in cov.stale))
                               for cov in result.select(level=level.id)))
        for level in levels if level.id != target and result.select(level=level.id))
    target_name = fw.level_name(target)
    return Packet(
        result=result,
        generated=generated,
        title=f"Promotion packet: {cand.name}, {fw.level_name(cand.current_level)} → {target_name}",
        subject=f"Evidence for {target_name} against the {fw.name}",
        keywords=("promotion packet", fw.id, target, "career framework"),
        levels=levels,
        totals=result.totals(),
        own_totals=result.totals(level=target),
        matrix=matrix,
        column_totals=tuple(result.totals(level=lv.id) for lv in levels),
        open=tuple(entry for *_, entry in sorted(ranked, key=lambda r: r[:3])),
        target_cards=cards,
        lower=lower,
        evidence_entries=tuple(EvidenceEntry(refs[item.id], tuple(e for e in item.expectations if e in in_scope),
                                             tuple(e for e in item.expectations if e not in in_scope))
                               for item in items),
        beyond=result.beyond_target,
        refs=refs,
        prefix=prefix,
        review=tuple(review),
        time=timeline(result),
    )

