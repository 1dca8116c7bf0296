"""When the work happened: counting items per calendar quarter of the review period and
framework area (the packet's time view). Sourcegraph's rule asks for "at least one quarter
consistently performing at the next level"; a committee sees here whether the evidence is
sustained or bunched into the last weeks, and which quarters are empty.

A plain data model, computed from a matching Result; renderers read it, none changes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from packetgen.model.framework import Area
from packetgen.model.result import Result

MAX_QUARTERS = 12  # a longer period shows its last twelve quarters and counts the earlier items


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int  # 1..4

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def next(self) -> Quarter:
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year}"

    def __lt__(self, other: Quarter) -> bool:
        return (self.year, self.number) < (other.year, other.number)


@dataclass(frozen=True)
class Cell:
    items: int = 0  # counting items dated in the quarter that cite an expectation of the area
    backed: int = 0  # of which backed (is_backed): not the expectations' "strong", which also needs two quarters


@dataclass(frozen=True)
class TimeRow:
    area: Area | None  # None: every counting item, cited or not
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Timeline:
    quarters: tuple[Quarter, ...]
    rows: tuple[TimeRow, ...]  # one per framework area, in framework order
    total: TimeRow  # distinct items per quarter (an item citing two areas counts once)
    earlier: int = 0  # counting items before the first quarter shown (a period over MAX_QUARTERS)

    @property
    def empty(self) -> tuple[Quarter, ...]:
        return tuple(q for q, cell in zip(self.quarters, self.total.cells, strict=False) if cell.items == 0)

    def is_empty(self, quarter: Quarter) -> bool:
        return quarter in self.empty


def is_backed(strength) -> bool:
    """An item that alone backs what it cites on two counts: it lends (counting, neither broad nor
    a duplicate), a colleague speaks for it, and it shows a link or a number."""
    s = strength.signals
    return strength.lends and s.corroborated and (s.artifact or s.outcome)


def timeline(result: Result) -> Timeline | None:
    """The quarters of the review period (or, without one, of the counting items' dates); None
    when there is nothing to place."""
    strength = result.strength_of
    items = [item for item in result.evidence.items if strength[item.id].counts]
    period = result.evidence.period
    if period is not None:
        first, last = Quarter.of(period.start), Quarter.of(period.end)
    elif items:
        first, last = Quarter.of(min(i.date for i in items)), Quarter.of(max(i.date for i in items))
    else:
        return None
    quarters = [first]
    while quarters[-1] < last:
        quarters.append(quarters[-1].next())
    shown = quarters[-MAX_QUARTERS:]
    column = {q: n for n, q in enumerate(shown)}
    fw = result.framework
    areas = result.areas
    counts = {(a.id, q): [0, 0] for a in areas for q in shown}
    totals = {q: [0, 0] for q in shown}
    earlier = 0
    for item in items:
        quarter = Quarter.of(item.date)
        if quarter not in column:
            earlier += quarter < shown[0]
            continue
        backed = is_backed(strength[item.id])
        totals[quarter][0] += 1
        totals[quarter][1] += backed
        cited = {exp.area for exp in map(fw.expectation, item.expectations) if exp is not None}
        for area in cited:
            if (area, quarter) in counts:
                counts[(area, quarter)][0] += 1
                counts[(area, quarter)][1] += backed
    rows = tuple(TimeRow(a, tuple(Cell(*counts[(a.id, q)]) for q in shown)) for a in areas)
    return Timeline(tuple(shown), rows, TimeRow(None, tuple(Cell(*totals[q]) for q in shown)), earlier)
