"""What every packet format shows, in the order it shows it (README, Rendering a packet): built once
from the Result and read by the HTML/PDF, Markdown and DOCX renderers alike, so the formats
cannot drift apart. Every word it gives comes from the packet's catalogue (locales/LOCALE.ftl).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from packetgen.analysis.timeline import Timeline, timeline
from packetgen.catalogue import Catalogue, english
from packetgen.model.evidence import Item
from packetgen.model.framework import Level
from packetgen.model.result import GAP, MET, STRONG, SUPPORTED, THIN, UNSUPPORTED, Coverage, Result, Signal, Totals
from packetgen.rendering.parts import (
    CONCERN,
    OPEN_KINDS,
    AreaCards,
    Card,
    EvidenceEntry,
    ItemRef,
    LevelCards,
    LevelRows,
    Near,
    NoteGroup,
    OpenEntry,
    PlanStep,
    ReadinessRow,
    Row,
    Strongest,
    _grouped,
    strength_words,
    when,
)
from packetgen.wording import held_line


@dataclass(frozen=True)
class Packet:
    """The packet's content, in the order every format prints it (README, Rendering a packet):
    header; readiness at a glance; the strongest evidence; what is missing; the case; the levels to
    demonstrate; the evidence; the held levels for reference; the framework."""

    result: Result
    generated: date
    title: str
    subject: str
    keywords: tuple[str, ...]
    levels: tuple[Level, ...]  # every level in play, lowest first
    totals: Totals  # the whole cumulative set (the JSON keeps it; the packet shows the levels to demonstrate)
    own_totals: Totals  # the target level's own
    demonstrate_totals: Totals  # the levels to demonstrate
    readiness: tuple[ReadinessRow, ...]  # the levels to demonstrate by area, then the held levels (muted)
    strongest: tuple[Strongest, ...]  # up to three items
    open: tuple[OpenEntry, ...]  # gaps, thin, met but unsupported, concerns; target level first in each
    demonstrate: tuple[LevelCards, ...]  # the target level first
    held: tuple[LevelRows, ...]  # held levels, for reference
    evidence_entries: tuple[EvidenceEntry, ...]
    beyond: tuple[Signal, ...]
    refs: dict[str, ItemRef]  # item id -> its one-line reference
    steps: tuple[PlanStep, ...] = ()  # the development plan, numbered
    prefix: str = ""  # makes anchors unique when several packets share one document
    review: tuple = ()  # notes of the writing review (fairness.Note): a draft packet only
    time: Timeline | None = None  # when the work happened (timeline.py)
    words: Catalogue = None  # type: ignore[assignment]  # the catalogue of the packet's locale
    blind: bool = False  # a first-pass edition's chapter: the recommendation is not shown

    # Anchors are positions, not escaped ids: "a.b" and "a-b" must never share one, and
    # Word takes only letters and digits (at most 40) in a bookmark name.
    @cached_property
    def _positions(self) -> tuple[dict[str, int], dict[str, int]]:
        return ({e.id: n for n, e in enumerate(self.result.framework.expectations, start=1)},
                {item.id: n for n, item in enumerate(self.result.evidence.items, start=1)})

    def anchor(self, expectation_id: str) -> str:
        """The target of an expectation: its card, or its row in the held levels' table."""
        return f"{self.prefix}exp{self._positions[0][expectation_id]}"

    def item_anchor(self, item_id: str) -> str:
        """The target of an item in the evidence section."""
        return f"{self.prefix}item{self._positions[1][item_id]}"

    def step_anchor(self, number: int) -> str:
        """The target of a development step in the case."""
        return f"{self.prefix}step{number}"

    def section(self, name: str) -> str:
        return f"{self.prefix}{name}"

    @property
    def draft(self) -> bool:
        return bool(self.review)

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
    def demonstrate_names(self) -> str:
        """"IC4", or "IC3 and IC4" for a two-level jump."""
        return self.words.join(lv.name for lv in self.result.demonstrate_levels)

    @property
    def levels_line(self) -> str:
        """"IC3 → IC4"."""
        return self.words("levels", current=self.current_name, target=self.target_name)

    @property
    def held_line(self) -> str:
        return held_line(self.result, self.words)

    @property
    def has_case(self) -> bool:
        """Whether the file speaks in any voice (the case section is left out when it does not)."""
        ev = self.evidence
        return bool(ev.summary or ev.self_assessment or ev.assessment or ev.recommendation or ev.values
                    or ev.development)

    @property
    def decision(self) -> str:
        rec = self.evidence.recommendation
        return self.words(f"decision-{rec.decision}") if rec else ""

    @property
    def recommendation_line(self) -> str:
        """"Next cycle — Sam Rivera, Group Product Manager", or "none recorded"."""
        rec = self.evidence.recommendation
        if self.blind:
            return self.words("decision-blind")
        if rec is None:
            return self.words("decision-none")
        return self.decision + (f" — {self.evidence.sponsor}" if self.evidence.sponsor else "")

    @property
    def running(self) -> str:
        """The running footer's words: candidate and levels, and DRAFT on a draft."""
        return self.words("running-draft" if self.draft else "running", name=self.candidate.name,
                          levels=self.levels_line)

    @property
    def evidence_line(self) -> str:
        """How many items, and how many of them count: the handout's overview gives the counting
        ones, so page 1 says both when they differ."""
        r = self.result
        n, outside = len(r.evidence.items), len(r.stale)
        return self.words("evidence-line", items=n, outside=outside, counting=n - outside, min=r.min_evidence)

    def area_name(self, area_id: str) -> str:
        return self.framework.area_name(area_id)

    @cached_property
    def in_scope(self) -> frozenset[str]:
        """The ids of the target's cumulative expectations (each has a place to link to)."""
        return frozenset(c.id for c in self.result.expectations)

    @property
    def held_names(self) -> str:
        return self.words("list-separator").join(group.level.name for group in self.held)

    def open_of(self, kind: str) -> tuple[OpenEntry, ...]:
        return tuple(e for e in self.open if e.kind == kind)

    @property
    def missing_line(self) -> str:
        """The tally under "What is missing": "For IC4: 4 without evidence, 2 with too few items, …"."""
        w = self.words
        counts = [w("missing-count-gap", n=len(self.open_of(GAP)))]
        if self.result.min_evidence > 1:
            counts.append(w("missing-count-thin", n=len(self.open_of(THIN))))
        counts.append(w("missing-count-unsupported", n=len(self.open_of(UNSUPPORTED))))
        if self.open_of(CONCERN):
            counts.append(w("missing-count-concern", n=len(self.open_of(CONCERN))))
        return w("missing-tally", levels=self.demonstrate_names, counts=w("list-separator").join(counts))

    @property
    def evidence_span(self) -> str:
        """"E1–E18" (or "E1")."""
        n = len(self.evidence_entries)
        first = self.words("item-label", n=1)
        return first if n < 2 else self.words("evidence-span", first=first, last=self.words("item-label", n=n))

    def note_subject(self, note) -> str:
        """What a note of the writing review is about, in the packet's words."""
        return note.subject_in(self.words)

    def note_advice(self, note) -> str:
        return note.advice_in(self.words)

    @property
    def review_lists_note(self) -> str:
        """In a draft whose language has no word lists of its own: which lists read the text."""
        from packetgen.analysis.fairness import word_list_languages

        have = word_list_languages()
        if not self.review or self.words.language in have:
            return ""
        from babel import Locale

        names = [Locale.parse(code).get_display_name(self.words.cldr) for code in have]
        return self.words("review-lists-missing", languages=self.words.join(names))

    def notes_for(self, *path) -> tuple[NoteGroup, ...]:
        """The writing review's notes about one field ("summary"; "assessment", "overall"; ...), a
        sentence at a time: each sentence is quoted once, with every note about it."""
        return _grouped(n for n in self.review if n.path[:len(path)] == path)

    @cached_property
    def review_groups(self) -> tuple[NoteGroup, ...]:
        """Every note of the writing review, a sentence at a time, in file order."""
        return _grouped(self.review)

    def strength(self, cov: Coverage) -> str:
        return strength_words(cov, self.words)

    def day(self, d: date) -> str:
        return self.words.date(d)

    def when(self, item: Item) -> str:
        return when(item, self.words)

    @property
    def period_line(self) -> str:
        """"1 Oct 2025 – 30 Sep 2026", or the words for no period."""
        period = self.evidence.period
        if period is None:
            return self.words("fact-period-unset")
        return self.words("date-range", start=self.day(period.start), end=self.day(period.end))


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


def _strongest(result: Result, refs: dict[str, ItemRef]) -> tuple[Strongest, ...]:
    """Up to three items, ranked by how many expectations of the levels to demonstrate they lend
    strong or supported strength to, then by their signals (independent, outcome, artifact), then
    by date, latest first. An item that lends to none does not qualify."""
    backed = [c for c in result.to_demonstrate if c.strength in (STRONG, SUPPORTED)]
    ranked = []
    for item in result.evidence.items:
        lends = tuple(c for c in backed if item.id in c.lending)
        if not lends:
            continue
        sig = result.strength_of[item.id].signals
        ranked.append(((-len(lends), not sig.independent, not sig.outcome, not sig.artifact,
                        -item.end.toordinal()), Strongest(refs[item.id], lends)))
    ranked.sort(key=lambda pair: pair[0])
    return tuple(entry for _, entry in ranked[:3])


def _readiness(result: Result, words: Catalogue) -> tuple[ReadinessRow, ...]:
    """The levels to demonstrate by area (target level first), then one muted row for the held
    levels: how many of their expectations are re-evidenced (met or thin), never a gap cell."""
    areas = result.areas
    rows = [ReadinessRow(lv.name, tuple(result.totals(level=lv.id, area=a.id) for a in areas),
                         result.totals(level=lv.id), level=lv.id)
            for lv in reversed(result.demonstrate_levels)]
    if result.held:
        def held_in(area: str | None) -> Totals:
            return Totals.of(c for c in result.held if area is None or c.expectation.area == area)
        names = words("list-separator").join(lv.name for lv in result.held_levels)
        rows.append(ReadinessRow(words("held-row", levels=names),
                                 tuple(held_in(a.id) for a in areas), held_in(None), held=True))
    return tuple(rows)


def build(result: Result, generated: date, prefix: str = "", *, review: tuple = (),
          words: Catalogue | None = None, blind: bool = False) -> Packet:
    """The packet's content in the words of `words` (English when not given)."""
    words = words or english()
    cand = result.candidate
    fw = result.framework
    target = result.target_level
    levels = result.levels
    items = result.evidence.items
    refs = {item.id: ItemRef(item, n, result.strength_of[item.id], words) for n, item in enumerate(items, start=1)}
    steps = tuple(PlanStep(n, step, words) for n, step in enumerate(result.evidence.development, start=1))
    steps_for: dict[str, list[PlanStep]] = {}
    for plan in steps:
        for ref in plan.step.expectations:
            steps_for.setdefault(ref, []).append(plan)

    def near(cov: Coverage) -> Near:
        return Near(tuple(refs[i] for i in cov.stale), tuple(steps_for.get(cov.id, ())))

    def card(cov: Coverage) -> Card:
        return Card(cov, tuple(refs[i] for i in cov.evidence), tuple(refs[i] for i in cov.stale), near(cov), words)

    ranked = [(OPEN_KINDS.index(kind), cov.expectation.level != target, n, OpenEntry(cov, kind, near(cov), words))
              for n, cov in enumerate(result.expectations) if (kind := _kind(cov))]
    in_scope = {c.id for c in result.expectations}
    demonstrate = tuple(
        LevelCards(level, tuple(AreaCards(area, tuple(card(c) for c in result.select(level=level.id, area=area.id)))
                                for area in result.areas if result.select(level=level.id, area=area.id)))
        for level in reversed(result.demonstrate_levels))
    held = tuple(
        LevelRows(level, tuple(Row(cov, tuple(refs[i] for i in cov.evidence), tuple(refs[i] for i in cov.stale))
                               for cov in result.select(level=level.id)))
        for level in result.held_levels if result.select(level=level.id))
    notes_of_item: dict[int, list] = {}
    for note in review:
        path: tuple = getattr(note, "path", ())
        if len(path) > 1 and path[0] == "evidence":
            notes_of_item.setdefault(path[1], []).append(note)
    target_name = fw.level_name(target)
    levels_line = words("levels", current=fw.level_name(cand.current_level), target=target_name)
    return Packet(
        result=result,
        generated=generated,
        title=words("meta-title", name=cand.name, levels=levels_line),
        subject=words("meta-subject", target=target_name, framework=fw.name),
        keywords=(words("meta-keyword-packet"), fw.id, target, words("meta-keyword-framework")),
        levels=levels,
        totals=result.totals(),
        own_totals=result.totals(level=target),
        demonstrate_totals=result.demonstrate_totals,
        readiness=_readiness(result, words),
        strongest=_strongest(result, refs),
        open=tuple(entry for *_, entry in sorted(ranked, key=lambda r: r[:3])),
        demonstrate=demonstrate,
        held=held,
        evidence_entries=tuple(EvidenceEntry(refs[item.id], tuple(e for e in item.expectations if e in in_scope),
                                             tuple(e for e in item.expectations if e not in in_scope),
                                             tuple(x for e in item.expectations if e in in_scope
                                                   and (x := fw.expectation(e)) is not None),
                                             tuple(notes_of_item.get(n, ())))
                               for n, item in enumerate(items)),
        beyond=result.beyond_target,
        refs=refs,
        steps=steps,
        prefix=prefix,
        review=tuple(review),
        time=timeline(result),
        words=words,
        blind=blind,
    )
