"""What every packet format shows, in the order it shows it: built from the Result,
read by the HTML/PDF and DOCX renderers alike so the formats cannot drift apart."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date

from ..evidence import Item
from ..framework import Area, Level
from ..matching import GAP, STATUSES, THIN, Coverage, Result, Signal, Totals
from ..strength import EXPECTATION_SIGNALS

# How every packet format names what the file gives as ids (one place for all formats).
DECISION = {"promote-now": "Promote now", "next-cycle": "Next cycle", "not-yet": "Not yet"}


def strength_words(cov: Coverage) -> str:
    """"supported: corroborated, substantiated" — the strength and the signals that hold."""
    if cov.strength is None:
        return ""
    held = [name for name in EXPECTATION_SIGNALS if getattr(cov.backing, name)]
    return cov.strength + (f": {', '.join(held)}" if held and len(held) < 3 else "")


@dataclass(frozen=True)
class Group:
    level: Level
    area: Area
    coverage: tuple[Coverage, ...]


@dataclass(frozen=True)
class MatrixRow:
    area: Area
    cells: tuple[Totals, ...]  # one per level of `Packet.levels`
    total: Totals


@dataclass(frozen=True)
class IndexEntry:
    item: Item
    counts: bool  # False when dated outside the review period
    in_scope: tuple[str, ...]  # cited expectations of the target's cumulative set
    beyond: tuple[str, ...]  # cited expectations above the target level


@dataclass(frozen=True)
class Packet:
    """The packet's content: contract section 5, in order."""

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
    open_groups: tuple[Group, ...]  # gap and thin only
    detail_groups: tuple[Group, ...]  # everything, by level then area
    beyond: tuple[Signal, ...]
    untagged: tuple[Item, ...]
    stale: tuple[Item, ...]
    index: tuple[IndexEntry, ...]
    prefix: str = ""  # makes anchors unique when several packets share one document

    # Anchors are positions, not escaped ids: "a.b" and "a-b" must never share one, and
    # Word takes only letters and digits (at most 40) in a bookmark name.
    @cached_property
    def _positions(self) -> tuple[dict[str, int], dict[str, int]]:
        return ({e.id: n for n, e in enumerate(self.result.framework.expectations, start=1)},
                {item.id: n for n, item in enumerate(self.result.evidence.items, start=1)})

    def anchor(self, expectation_id: str) -> str:
        """The target of an expectation's detailed section."""
        return f"{self.prefix}exp{self._positions[0][expectation_id]}"

    def item_anchor(self, item_id: str) -> str:
        """The target of an item's row in the evidence index."""
        return f"{self.prefix}item{self._positions[1][item_id]}"

    @property
    def candidate(self):
        return self.result.candidate

    @property
    def framework(self):
        return self.result.framework

    def level_name(self, level_id: str) -> str:
        return self.framework.level(level_id).name

    @property
    def target_name(self) -> str:
        return self.level_name(self.result.target_level)

    @property
    def current_name(self) -> str:
        return self.level_name(self.candidate.current_level)

    @property
    def evidence(self):
        return self.result.evidence

    @cached_property
    def in_scope(self) -> frozenset[str]:
        """The ids of the target's cumulative expectations (each has a section to link to)."""
        return frozenset(c.id for c in self.result.expectations)

    @property
    def decision(self) -> str:
        rec = self.evidence.recommendation
        return DECISION[rec.decision] if rec else ""

    def area_name(self, area_id: str) -> str:
        return self.framework.area(area_id).name

    @staticmethod
    def strength(cov: Coverage) -> str:
        return strength_words(cov)


def _groups(result: Result, statuses=STATUSES) -> tuple[Group, ...]:
    out = []
    for level in result.levels:
        for area in result.areas:
            cov = result.select(level=level.id, area=area.id, statuses=statuses)
            if cov:
                out.append(Group(level, area, cov))
    return tuple(out)


def build(result: Result, generated: date, prefix: str = "") -> Packet:
    cand = result.candidate
    fw = result.framework
    target = fw.level(result.target_level).name
    levels = result.levels
    matrix = tuple(MatrixRow(a, tuple(result.totals(level=lv.id, area=a.id) for lv in levels),
                             result.totals(area=a.id)) for a in result.areas)
    in_scope = {c.id for c in result.expectations}
    items = result.evidence.items
    return Packet(
        result=result,
        generated=generated,
        title=f"Promotion packet: {cand.name}, {fw.level(cand.current_level).name} → {target}",
        subject=f"Evidence for {target} against the {fw.name}",
        keywords=("promotion packet", fw.id, result.target_level, "career framework"),
        levels=levels,
        totals=result.totals(),
        own_totals=result.totals(level=result.target_level),
        matrix=matrix,
        column_totals=tuple(result.totals(level=lv.id) for lv in levels),
        open_groups=_groups(result, (GAP, THIN)),
        detail_groups=_groups(result),
        beyond=result.beyond_target,
        untagged=tuple(result.items[i] for i in result.untagged),
        stale=tuple(result.items[i] for i in result.stale),
        index=tuple(IndexEntry(item, result.counts(item.id),
                               tuple(e for e in item.expectations if e in in_scope),
                               tuple(e for e in item.expectations if e not in in_scope))
                    for item in items),
        prefix=prefix,
    )
