"""What changed between two cycles of one candidate's case (`diff`; see docs/reference.md,
"Across cycles"): a plain data model, and `compare`, a pure function of two matched sides.
Opening a side (an evidence file or an archival record) is records/sides.py; the reports
(report/diff.py) print the model as a table, JSON or Markdown.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from packetgen.model.evidence import Item, Step
from packetgen.model.framework import Expectation
from packetgen.model.result import GAP, MET, STRONG, SUPPORTED, THIN, UNSUPPORTED, Coverage, Result

EVIDENCE, RECORD = "evidence", "record"
BETTER, WORSE, SAME, NEW = "better", "worse", "same", "new"
_STATUS_RANK = {GAP: 0, THIN: 1, MET: 2}
_STRENGTH_RANK = {None: 0, UNSUPPORTED: 1, SUPPORTED: 2, STRONG: 3}
# what "changed" compares: an item's content, not where it stands in its file
ITEM_FIELDS = tuple(f.name for f in fields(Item) if f.compare)


@dataclass(frozen=True)
class Side:
    source: str  # the path given
    kind: str  # EVIDENCE or RECORD
    result: Result
    generated: date | None = None  # a record's date


@dataclass(frozen=True)
class Change:
    """One expectation of NEW's target level, before and after."""

    expectation: Expectation
    before: Coverage | None  # None: OLD's framework has no such expectation
    after: Coverage

    @property
    def direction(self) -> str:
        if self.before is None:
            return NEW
        old = (_STATUS_RANK[self.before.status], _STRENGTH_RANK[self.before.strength])
        new = (_STATUS_RANK[self.after.status], _STRENGTH_RANK[self.after.strength])
        return BETTER if new > old else WORSE if new < old else SAME

    @property
    def changed(self) -> bool:
        return self.direction != SAME


@dataclass(frozen=True)
class ItemChange:
    before: Item
    after: Item

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name in ITEM_FIELDS if getattr(self.before, name) != getattr(self.after, name))


@dataclass(frozen=True)
class StepNow:
    """A development step of OLD, and where NEW stands on what it names."""

    step: Step
    statuses: tuple[tuple[str, str | None], ...]  # (expectation id, NEW's status or None: not in scope)

    @property
    def met(self) -> bool:
        return bool(self.statuses) and all(status == MET for _, status in self.statuses)


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    expectations: tuple[Change, ...]  # NEW's target level, framework order
    added: tuple[Item, ...]
    removed: tuple[Item, ...]
    changed: tuple[ItemChange, ...]
    newly_stale: tuple[Item, ...]  # in NEW's review period before, outside it now (or new and outside)
    development: tuple[StepNow, ...]

    @property
    def target_level(self) -> str:
        return self.new.result.target_level

    def count(self, direction: str) -> int:
        return sum(c.direction == direction for c in self.expectations)

    @property
    def gaps_closed(self) -> tuple[Change, ...]:
        return tuple(c for c in self.expectations if c.before is not None and c.before.status == GAP
                     and c.after.status != GAP)

    @property
    def gaps_opened(self) -> tuple[Change, ...]:
        return tuple(c for c in self.expectations if c.after.status == GAP
                     and (c.before is None or c.before.status != GAP))



def compare(old: Side, new: Side) -> Diff:
    """The two sides compared, expectation by expectation and item by item (pure)."""
    renames = new.result.framework.renames  # a newer version of the framework: OLD's IDs as they are now
    before = {renames.get(c.id, c.id): c for c in old.result.expectations}
    changes = tuple(Change(c.expectation, before.get(c.id), c) for c in new.result.expectations)
    old_items = {k: _as_now(item, renames) for k, item in old.result.items.items()}
    new_items = new.result.items
    added = tuple(i for i in new.result.evidence.items if i.id not in old_items)
    removed = tuple(i for i in old.result.evidence.items if i.id not in new_items)
    changed = tuple(ItemChange(old_items[i.id], i) for i in new.result.evidence.items
                    if i.id in old_items and ItemChange(old_items[i.id], i).fields)
    was_stale = set(old.result.stale)
    newly_stale = tuple(new_items[i] for i in new.result.stale if i not in was_stale)
    status_now = {c.id: c.status for c in new.result.expectations}
    development = tuple(StepNow(step, tuple((renames.get(ref, ref), status_now.get(renames.get(ref, ref)))
                                            for ref in step.expectations))
                        for step in old.result.evidence.development)
    return Diff(old, new, changes, added, removed, changed, newly_stale, development)


def _as_now(item: Item, renames: dict[str, str]) -> Item:
    """An item of OLD citing its expectations by their IDs in NEW's framework."""
    if not renames or not any(ref in renames for ref in item.expectations):
        return item
    return replace(item, expectations=tuple(renames.get(ref, ref) for ref in item.expectations))
