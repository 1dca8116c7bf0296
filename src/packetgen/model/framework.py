"""The career framework's model: areas, levels and expectations (the loader: loading/framework.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

DEFAULT_FRAMEWORK = "sourcegraph-pm"
DEFAULT_MIN_EVIDENCE = 2  # counting items an expectation needs to be met, unless a policy says otherwise
DEFAULT_SUSTAINED_DAYS = 60  # days the lending items must cover for an expectation to be sustained


class Policy(NamedTuple):
    """A framework's own rules of evidence (docs/reference.md, The framework file): how many counting
    items make an expectation met, and how many days its evidence must cover to be sustained."""

    min_evidence: int = DEFAULT_MIN_EVIDENCE
    sustained_days: int = DEFAULT_SUSTAINED_DAYS


@dataclass(frozen=True)
class Area:
    """An area of the framework (Impact, Scope, Execution, Teamwork)."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Level:
    """A level of the framework; `base` is the level every other one includes (All Levels)."""

    id: str
    name: str
    rank: int  # 0 for the lowest level
    base: bool = False  # applies to every level; never a candidate's level


@dataclass(frozen=True)
class Expectation:
    """One expectation: what a level asks in an area, with its stable ID."""

    id: str
    level: str
    area: str
    position: int  # 1-based within its level and area
    text: str
    min_evidence: int | None = None  # its own (an annual review needs one item); None: the policy's


@dataclass(frozen=True)
class Framework:
    """A career framework: its areas, its levels (lowest first) and their expectations."""

    id: str
    name: str
    areas: tuple[Area, ...]
    levels: tuple[Level, ...]
    expectations: tuple[Expectation, ...]  # framework order: level, area, position
    about: str = ""
    cumulative_note: str = ""
    values_note: str = ""
    source: str = ""
    policy: Policy = Policy()
    version: str = ""
    renamed: tuple[tuple[str, str], ...] = ()  # (old ID, ID now), as the file lists them
    path: str = ""
    raw: bytes = field(default=b"", repr=False, compare=False)  # the bytes that were parsed

    @cached_property
    def _by_id(self) -> dict[str, Expectation]:
        return {e.id: e for e in self.expectations}

    @cached_property
    def _levels(self) -> dict[str, Level]:
        return {lv.id: lv for lv in self.levels}

    @cached_property
    def _areas(self) -> dict[str, Area]:
        return {a.id: a for a in self.areas}

    @cached_property
    def digest(self) -> str:
        """The ladder's identity by content (not by id: anyone can copy the built-in id onto a ladder of
        their own): SHA-256 of its levels, areas, expectations and rules of evidence."""
        import hashlib
        import json

        content = [self.id, [(lv.id, lv.name, lv.base) for lv in self.levels], [(a.id, a.name) for a in self.areas],
                   [(e.id, e.level, e.area, e.text, e.min_evidence) for e in self.expectations], list(self.policy)]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()

    @cached_property
    def renames(self) -> dict[str, str]:
        """Old expectation ID -> its ID now (the file's `renamed`)."""
        return dict(self.renamed)

    def expectation(self, expectation_id: str) -> Expectation | None:
        return self._by_id.get(expectation_id)

    def level(self, level_id: str) -> Level | None:
        return self._levels.get(level_id)

    def area(self, area_id: str) -> Area | None:
        return self._areas.get(area_id)

    def level_name(self, level_id: str) -> str:
        """The name of a level the framework has (KeyError otherwise: a validated id is expected)."""
        return self._levels[level_id].name

    def area_name(self, area_id: str) -> str:
        """The name of an area the framework has (KeyError otherwise)."""
        return self._areas[area_id].name

    @property
    def candidate_levels(self) -> tuple[Level, ...]:
        """Levels a person can hold or aim for (every level but the base)."""
        return tuple(lv for lv in self.levels if not lv.base)

    def levels_up_to(self, level_id: str) -> tuple[Level, ...]:
        rank = self._levels[level_id].rank
        return tuple(lv for lv in self.levels if lv.rank <= rank)

    def cumulative(self, level_id: str) -> tuple[Expectation, ...]:
        """The base expectations plus those of every level up to and including `level_id`."""
        rank = self._levels[level_id].rank
        return tuple(e for e in self.expectations if self._levels[e.level].rank <= rank)

    def own(self, level_id: str) -> tuple[Expectation, ...]:
        return tuple(e for e in self.expectations if e.level == level_id)

    def to_demonstrate(self, current: str, target: str) -> tuple[str, ...]:
        """The levels a case for `target` must demonstrate, lowest first: those above `current` up to
        and including `target`; when the target is at or below the current level, the target alone.
        Every other level of the target's cumulative set (the base included) is held."""
        ranks = self._levels
        if current not in ranks or ranks[target].rank <= ranks[current].rank:
            return (target,)
        low, high = ranks[current].rank, ranks[target].rank
        return tuple(lv.id for lv in self.levels if low < lv.rank <= high and not lv.base)

    def held(self, current: str, target: str) -> tuple[str, ...]:
        """The levels of the target's cumulative set that the candidate holds (see to_demonstrate)."""
        shown = set(self.to_demonstrate(current, target))
        return tuple(lv.id for lv in self.levels_up_to(target) if lv.id not in shown)

    @cached_property
    def printed_size(self) -> int:
        """Characters of the framework's own text a packet may print (loading/budget.py)."""
        return (sum(len(x) for x in (self.name, self.about, self.cumulative_note, self.values_note, self.source))
                + sum(len(a.name) + len(a.description) for a in self.areas)
                + sum(len(lv.name) for lv in self.levels) + sum(len(e.text) for e in self.expectations))
