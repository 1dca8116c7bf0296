"""The result model in the middle of the pipeline: every expectation of the target level's
cumulative set with its status, strength and next step, whether it is held or to demonstrate,
and every item with its signals and flags (docs/reference.md, Matching, Evidence strength, What
to do next).

Matching (analysis/matching.py) and the strength rules (analysis/strength.py) build it; every
renderer and report reads it, and none changes it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from packetgen.model.evidence import Evidence, Item
from packetgen.model.framework import DEFAULT_MIN_EVIDENCE, Area, Expectation, Framework, Level

__all__ = ["DEFAULT_MIN_EVIDENCE"]  # re-exported: the default every command names

MET, THIN, GAP = "met", "thin", "gap"
STATUSES = (MET, THIN, GAP)

# How every output names a status: a symbol and a word, so it reads without colour.
SYMBOL = {MET: "✓", THIN: "◐", GAP: "✗"}
WORD = {MET: "met", THIN: "thin", GAP: "gap"}

# --- strength: item signals and flags, an expectation's backing ---------------------------

ARTIFACT, OUTCOME, CORROBORATED, INDEPENDENT = "artifact", "outcome", "corroborated", "independent"
ITEM_SIGNALS = (ARTIFACT, OUTCOME, CORROBORATED, INDEPENDENT)
BROAD, DUPLICATE, SELF_QUOTE = "broad", "duplicate", "self_quote"
FLAGS = (BROAD, DUPLICATE, SELF_QUOTE)  # the order flags are listed in
SUBSTANTIATED, SUSTAINED = "substantiated", "sustained"
EXPECTATION_SIGNALS = (CORROBORATED, SUBSTANTIATED, SUSTAINED)
STRONG, SUPPORTED, UNSUPPORTED = "strong", "supported", "unsupported"
STRENGTHS = (STRONG, SUPPORTED, UNSUPPORTED)

BROAD_DEMONSTRATE = 4  # an item citing more expectations of the levels to demonstrate than this is broad

# What to do next (docs/reference.md, What to do next), the first that applies
NEEDS_EVIDENCE, NEEDS_ITEMS = "needs-evidence", "needs-items"
NEEDS_VOICE, NEEDS_SUBSTANCE, NEEDS_TIME = "needs-independent-voice", "needs-substance", "needs-time"
STEPS = (NEEDS_EVIDENCE, NEEDS_ITEMS, NEEDS_VOICE, NEEDS_SUBSTANCE, NEEDS_TIME)


# --- per item -----------------------------------------------------------------------------
# Small value types are NamedTuples: building a dataclass at import costs about 0.4 ms each, a
# NamedTuple a fifth of that, and `check` pays for every one on every start.

class ItemSignals(NamedTuple):
    """What an item shows beyond its claim: an artifact, an outcome, a voice, an independent voice."""

    artifact: bool = False
    outcome: bool = False
    corroborated: bool = False
    independent: bool = False

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in ITEM_SIGNALS}


@dataclass(frozen=True)
class ItemStrength:
    """What one item lends: its signals, its flags and what earned them. Quotes and links are
    named by position in the item (so the words shown are the item's own, pseudonymised or not)."""

    id: str
    counts: bool  # some day of its work inside the review period (or no period)
    signals: ItemSignals
    flags: tuple[str, ...]  # in FLAGS order
    outcome_text: str = ""  # the words that earned `outcome`: the result, or a measured change
    artifact: int | None = None  # the first link with an http(s) URL (why `artifact`)
    voice: int | None = None  # the first voice not the candidate's (why `corroborated`)
    independent_voice: int | None = None  # ... neither the candidate's nor the manager's (`independent`)
    demonstrate_cited: int = 0  # how many expectations of the levels to demonstrate it cites
    duplicate_of: str = ""  # the id of the earlier item it repeats
    self_quotes: tuple[int, ...] = ()  # positions of quotes from the candidate

    @property
    def lends(self) -> bool:
        """Counting, and flagged neither broad nor duplicate: its signals back what it cites."""
        return self.counts and BROAD not in self.flags and DUPLICATE not in self.flags


# --- per expectation ----------------------------------------------------------------------

class Backing(NamedTuple):
    """The three signals of an expectation, judged over its lending items."""

    corroborated: bool = False
    substantiated: bool = False
    sustained: bool = False

    @property
    def strength(self) -> str:
        held = self.corroborated + self.substantiated + self.sustained
        return STRONG if held == 3 else SUPPORTED if held else UNSUPPORTED

    def as_dict(self) -> dict[str, bool]:
        return {name: getattr(self, name) for name in EXPECTATION_SIGNALS}


class NextStep(NamedTuple):
    """What would move an expectation on, the first that applies: evidence, more items, an
    independent voice, a link or a measured result, or time."""

    step: str  # one of STEPS
    missing: int | None = None  # items still needed (needs-evidence, needs-items)
    days: int | None = None  # the span the items must cover (needs-time)


@dataclass(frozen=True)
class Coverage:
    """One expectation of the target's cumulative set with its status."""

    expectation: Expectation
    status: str
    evidence: tuple[str, ...]  # ids of counting items citing it, in file order
    stale: tuple[str, ...]  # ids of items citing it but outside the period
    strength: str | None = None  # strong, supported or unsupported; None for a gap
    backing: Backing = Backing()  # its three signals (all False for a gap)
    lending: tuple[str, ...] = ()  # the counting items that are neither broad nor duplicate
    needed: int = DEFAULT_MIN_EVIDENCE  # counting items it needs to be met
    held: bool = False  # of a level the candidate holds: context, never a gap to close
    concern: bool = False  # held, and named by the sponsor under assessment.concerns
    next: NextStep | None = None  # what to do next; None when held without concern, or met and strong

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

    @property
    def evidenced(self) -> bool:
        """Met or thin: some counting item cites it (for a held expectation: re-evidenced)."""
        return self.status != GAP


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
    def of(cls, coverage) -> Totals:
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
    min_evidence: int  # counting items an expectation needs, unless it names its own
    expectations: tuple[Coverage, ...]  # framework order
    beyond_target: tuple[Signal, ...]  # framework order
    untagged: tuple[str, ...]  # item ids, file order
    stale: tuple[str, ...]  # ids of items outside the period, file order
    item_strength: tuple[ItemStrength, ...] = ()  # every item's signals and flags, file order
    demonstrate: tuple[str, ...] = ()  # the levels to demonstrate, lowest first
    min_evidence_given: bool = False  # min_evidence came from --min-evidence (it overrides every other)

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
    def held_levels(self) -> tuple[Level, ...]:
        return tuple(lv for lv in self.levels if lv.id not in self.demonstrate)

    @property
    def demonstrate_levels(self) -> tuple[Level, ...]:
        return tuple(lv for lv in self.levels if lv.id in self.demonstrate)

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
    def to_demonstrate(self) -> tuple[Coverage, ...]:
        """The expectations of the levels to demonstrate, in framework order."""
        return tuple(c for c in self.expectations if not c.held)

    @property
    def held(self) -> tuple[Coverage, ...]:
        return tuple(c for c in self.expectations if c.held)

    @property
    def concerns(self) -> tuple[Coverage, ...]:
        return tuple(c for c in self.expectations if c.concern)

    @property
    def demonstrate_totals(self) -> Totals:
        return Totals.of(self.to_demonstrate)

    @property
    def next_steps(self) -> tuple[Coverage, ...]:
        """Every expectation with a next step: the levels to demonstrate, the target level first
        (then the others, highest first), gaps before thin before the rest; then the concerns."""
        rank = {lv: n for n, lv in enumerate(reversed(self.demonstrate))}
        order = {GAP: 0, THIN: 1, MET: 2}
        rows = [c for c in self.to_demonstrate if c.next is not None]
        rows.sort(key=lambda c: (rank[c.expectation.level], order[c.status]))
        return tuple(rows) + tuple(c for c in self.concerns if c.next is not None)

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

    def label(self, item_id: str) -> str:
        """An item's label in every output: E1, E2, ... in file order."""
        return f"E{self._numbers[item_id]}"

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {item.id: n for n, item in enumerate(self.evidence.items, start=1)}
