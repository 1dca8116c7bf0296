"""What changed between two cycles of one candidate's case (contract section 8, `diff`).

OLD and NEW are evidence files or archival records (read through the sources they embed, never
their page text). Both are matched against NEW's target level; the comparison is a plain data
model that the reports (diffreport.py) print as a table, JSON or Markdown.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from .errors import UsageError
from .evidence import Item, Step
from .framework import Expectation
from .matching import DEFAULT_MIN_EVIDENCE, GAP, MET, THIN, Coverage, Result, analyse
from .strength import STRONG, SUPPORTED, UNSUPPORTED

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


def _name(text: str) -> str:
    folded = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def open_side(path: str | Path, *, target: str | None = None, min_evidence: int | None = None,
              today: date | None = None) -> Side:
    """Load and match one side: an archival record through its embedded sources, or an
    evidence file. `target` is NEW's target level (None: the side's own)."""
    loaded, kind, generated, recorded = _load(path, today)
    if target is not None and loaded.framework.level(target) is None:
        raise UsageError(f"{path}: its framework has no level {target!r}, the level the newer case aims at; "
                         "compare cases against the same framework")
    result = analyse(loaded.framework, loaded.evidence, target=target,
                     min_evidence=min_evidence or recorded or DEFAULT_MIN_EVIDENCE)
    return Side(str(path), kind, result, generated)


def _load(path: str | Path, today: date | None):
    """(evidence.Loaded, kind, the record's date, the record's min_evidence)."""
    from .evidence import load_evidence

    path = Path(path)
    try:
        with open(path, "rb") as handle:
            is_pdf = handle.read(5) == b"%PDF-"
    except OSError:
        is_pdf = False  # the evidence loader says what is wrong, located
    if not is_pdf:
        return load_evidence(path, today=today), EVIDENCE, None, None
    from . import records

    sources = records.read(path).sources()
    return records.load_sources(sources), RECORD, sources.generated.date(), sources.min_evidence


def diff(old_path: str | Path, new_path: str | Path, *, force: bool = False,
         min_evidence: int | None = None, today: date | None = None) -> Diff:
    """Compare two cases; UsageError when they are of different candidates (unless `force`),
    matched against different frameworks (by id), or when OLD's framework has no level NEW aims at."""
    new = open_side(new_path, min_evidence=min_evidence, today=today)
    target = new.result.target_level
    old = open_side(old_path, target=target, min_evidence=min_evidence, today=today)
    if old.result.framework.id != new.result.framework.id:  # the same IDs would name different expectations
        raise UsageError(f"{old_path} is matched against the framework {old.result.framework.id!r}, {new_path} "
                         f"against {new.result.framework.id!r}: compare cases against the same framework")
    a, b = old.result.candidate.name, new.result.candidate.name
    if _name(a) != _name(b) and not force:
        raise UsageError(f"{old_path} is {a}'s case, {new_path} is {b}'s: diff compares two cycles of one "
                         "candidate (pass --force to compare anyway)")
    before = {c.id: c for c in old.result.expectations}
    changes = tuple(Change(c.expectation, before.get(c.id), c) for c in new.result.expectations)
    old_items, new_items = old.result.items, new.result.items
    added = tuple(i for i in new.result.evidence.items if i.id not in old_items)
    removed = tuple(i for i in old.result.evidence.items if i.id not in new_items)
    changed = tuple(ItemChange(old_items[i.id], i) for i in new.result.evidence.items
                    if i.id in old_items and ItemChange(old_items[i.id], i).fields)
    was_stale = set(old.result.stale)
    newly_stale = tuple(new_items[i] for i in new.result.stale if i not in was_stale)
    status_now = {c.id: c.status for c in new.result.expectations}
    development = tuple(StepNow(step, tuple((ref, status_now.get(ref)) for ref in step.expectations))
                        for step in old.result.evidence.development)
    return Diff(old, new, changes, added, removed, changed, newly_stale, development)
