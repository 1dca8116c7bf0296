"""Matching: a pure function from (framework, evidence, options) to the result model.

No I/O and no clock. Every renderer and the JSON output read the Result; none of them
changes it or matches again.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .evidence import Evidence, Item
from .framework import Area, Expectation, Framework, Level
from .strength import STRONG, SUPPORTED, UNSUPPORTED, Backing, ItemStrength, assess_items, backing

MET, THIN, GAP = "met", "thin", "gap"
STATUSES = (MET, THIN, GAP)
DEFAULT_MIN_EVIDENCE = 2


@dataclass(frozen=True)
class Coverage:
    """One expectation of the target's cumulative set with its status."""

    expectation: Expectation
    status: str
    evidence: tuple[str, ...]  # ids of counting items citing it, in file order
    stale: tuple[str, ...]  # ids of items citing it but dated outside the period
    strength: str | None = None  # strong, supported or unsupported; None for a gap
    backing: Backing = Backing()  # its three signals (all False for a gap)
    lending: tuple[str, ...] = ()  # the counting items that are neither broad nor duplicate

    @property
    def id(self) -> str:
        return self.expectation.id

    @property
    def unsupported(self) -> bool:
        """Met, yet nothing a committee would trust backs it: probed first."""
        return self.status == MET and self.strength == UNSUPPORTED

    @property
    def open(self) -> bool:
        """Needs work: a gap, thin, or met but unsupported."""
        return self.status != MET or self.strength == UNSUPPORTED


@dataclass(frozen=True)
class Totals:
    """Counts of expectations by status and by strength."""

    total: int = 0
    met: int = 0
    thin: int = 0
    gap: int = 0
    strong: int = 0
    supported: int = 0
    unsupported: int = 0

    @classmethod
    def of(cls, coverage) -> "Totals":
        coverage = list(coverage)
        statuses = [c.status for c in coverage]
        strengths = [c.strength for c in coverage]
        return cls(len(statuses), statuses.count(MET), statuses.count(THIN), statuses.count(GAP),
                   strengths.count(STRONG), strengths.count(SUPPORTED), strengths.count(UNSUPPORTED))

    @property
    def status(self) -> str:
        """The status a group of expectations reads as: its worst. Any gap makes it a gap
        (a gap never hides in an amber cell), else any thin makes it thin."""
        return GAP if self.gap else THIN if self.thin else MET


@dataclass(frozen=True)
class Signal:
    """An expectation above the target level that items cite (a signal; changes no status)."""

    expectation: Expectation
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class Result:
    """The evidence matched against the target level's cumulative expectations."""

    framework: Framework
    evidence: Evidence
    target_level: str
    min_evidence: int
    expectations: tuple[Coverage, ...]  # framework order
    beyond_target: tuple[Signal, ...]  # framework order
    untagged: tuple[str, ...]  # item ids, file order
    stale: tuple[str, ...]  # ids of items dated outside the period, file order
    item_strength: tuple[ItemStrength, ...] = ()  # every item's signals and flags, file order

    @property
    def candidate(self):
        return self.evidence.candidate

    @cached_property
    def items(self) -> dict[str, Item]:
        return {item.id: item for item in self.evidence.items}

    @property
    def levels(self) -> tuple[Level, ...]:
        """The levels whose expectations are in play, lowest first."""
        return self.framework.levels_up_to(self.target_level)

    @property
    def areas(self) -> tuple[Area, ...]:
        return self.framework.areas

    def totals(self, level: str | None = None, area: str | None = None) -> Totals:
        return Totals.of(self.select(level=level, area=area))

    def select(self, level: str | None = None, area: str | None = None,
               statuses: tuple[str, ...] = STATUSES) -> tuple[Coverage, ...]:
        return tuple(c for c in self.expectations
                     if (level is None or c.expectation.level == level)
                     and (area is None or c.expectation.area == area)
                     and c.status in statuses)

    @property
    def open_points(self) -> tuple[Coverage, ...]:
        """Every gap and thin expectation, in framework order."""
        return self.select(statuses=(GAP, THIN))

    @cached_property
    def strength_of(self) -> dict[str, ItemStrength]:
        """Item id -> its signals and flags."""
        return {s.id: s for s in self.item_strength}

    def counts(self, item_id: str) -> bool:
        return item_id not in self.stale


def analyse(framework: Framework, evidence: Evidence, *, target: str | None = None,
            min_evidence: int = DEFAULT_MIN_EVIDENCE) -> Result:
    """Match `evidence` against the cumulative expectations of the target level."""
    if min_evidence < 1:
        raise ValueError("min_evidence must be at least 1")
    target = target or evidence.candidate.target_level
    in_scope = framework.cumulative(target)
    scope_ids = {e.id for e in in_scope}
    period = evidence.period
    stale = tuple(i.id for i in evidence.items if period is not None and i.date not in period)
    stale_set = set(stale)

    citing: dict[str, list[str]] = {}
    citing_stale: dict[str, list[str]] = {}
    for item in evidence.items:
        bucket = citing_stale if item.id in stale_set else citing
        for ref in item.expectations:
            bucket.setdefault(ref, []).append(item.id)

    assessed = assess_items(evidence, (e.id for e in framework.own(target)),
                            (i.id for i in evidence.items if i.id not in stale_set))
    by_id = {i.id: i for i in evidence.items}
    lends = {s.id for s in assessed if s.lends}
    strength_of = {s.id: s for s in assessed}

    coverage = []
    for exp in in_scope:
        ids = tuple(citing.get(exp.id, ()))
        status = MET if len(ids) >= min_evidence else THIN if ids else GAP
        lending = tuple(i for i in ids if i in lends)
        signals = backing((by_id[i], strength_of[i]) for i in lending) if status != GAP else Backing()
        coverage.append(Coverage(exp, status, ids, tuple(citing_stale.get(exp.id, ())),
                                 None if status == GAP else signals.strength, signals, lending))

    # every citing item, stale ones too: beyond_target is the only place they can appear
    all_citing: dict[str, list[str]] = {}
    for item in evidence.items:
        for ref in item.expectations:
            all_citing.setdefault(ref, []).append(item.id)
    beyond = tuple(Signal(e, tuple(all_citing[e.id])) for e in framework.expectations
                   if e.id not in scope_ids and e.id in all_citing)
    untagged = tuple(i.id for i in evidence.items if not i.expectations)
    return Result(framework, evidence, target, min_evidence, tuple(coverage), beyond, untagged, stale, assessed)


# How every output names a status: a symbol and a word, so it reads without colour.
SYMBOL = {MET: "✓", THIN: "◐", GAP: "✗"}
WORD = {MET: "met", THIN: "thin", GAP: "gap"}
