"""Matching: a pure function from (framework, evidence, options) to the result model.

No I/O and no clock. Every renderer and the JSON output read the Result; none of them
changes it or matches again. The rules are docs/reference.md's Matching, Evidence strength and
What to do next.
"""
from __future__ import annotations

from packetgen.analysis.strength import assess_items, backing
from packetgen.model.evidence import Evidence
from packetgen.model.framework import Expectation, Framework
from packetgen.model.result import (
    GAP,
    MET,
    NEEDS_EVIDENCE,
    NEEDS_ITEMS,
    NEEDS_SUBSTANCE,
    NEEDS_TIME,
    NEEDS_VOICE,
    STRONG,
    THIN,
    Backing,
    Coverage,
    NextStep,
    Result,
    Signal,
)


def needed(expectation: Expectation, framework: Framework, override: int | None) -> int:
    """Counting items an expectation needs to be met: --min-evidence, else its own min_evidence,
    else the framework's policy (2 unless it says otherwise)."""
    return override or expectation.min_evidence or framework.policy.min_evidence


def next_step(status: str, signals: Backing, count: int, need: int, sustained_days: int) -> NextStep | None:
    """The first step that applies: evidence, more items, an independent voice, a link or a
    measured result, time; None when nothing is missing (met and strong)."""
    if status == GAP:
        return NextStep(NEEDS_EVIDENCE, missing=need)
    if status == THIN:
        return NextStep(NEEDS_ITEMS, missing=need - count)
    if not signals.corroborated:
        return NextStep(NEEDS_VOICE)
    if not signals.substantiated:
        return NextStep(NEEDS_SUBSTANCE)
    if not signals.sustained:
        return NextStep(NEEDS_TIME, days=sustained_days)
    return None


def analyse(framework: Framework, evidence: Evidence, *, target: str | None = None,
            min_evidence: int | None = None) -> Result:
    """Match `evidence` against the cumulative expectations of the target level. `min_evidence`
    (--min-evidence) overrides every expectation's own and the framework's policy."""
    if min_evidence is not None and min_evidence < 1:
        raise ValueError("min_evidence must be at least 1")
    target = target or evidence.candidate.target_level
    policy = framework.policy
    in_scope = framework.cumulative(target)
    scope_ids = {e.id for e in in_scope}
    demonstrate = framework.to_demonstrate(evidence.candidate.current_level, target)
    concerns = set(evidence.assessment.concerns) if evidence.assessment else set()
    period = evidence.period
    stale = tuple(i.id for i in evidence.items if not i.counts_in(period))
    stale_set = set(stale)

    citing: dict[str, list[str]] = {}
    citing_stale: dict[str, list[str]] = {}
    for item in evidence.items:
        bucket = citing_stale if item.id in stale_set else citing
        for ref in item.expectations:
            bucket.setdefault(ref, []).append(item.id)

    demonstrate_ids = [e.id for e in in_scope if e.level in demonstrate]
    assessed = assess_items(evidence, demonstrate_ids, (i.id for i in evidence.items if i.id not in stale_set))
    by_id = {i.id: i for i in evidence.items}
    lends = {s.id for s in assessed if s.lends}
    strength_of = {s.id: s for s in assessed}

    coverage = []
    for exp in in_scope:
        ids = tuple(citing.get(exp.id, ()))
        need = needed(exp, framework, min_evidence)
        status = MET if len(ids) >= need else THIN if ids else GAP
        lending = tuple(i for i in ids if i in lends)
        signals = (backing(((by_id[i], strength_of[i]) for i in lending), policy.sustained_days)
                   if status != GAP else Backing())
        strength = None if status == GAP else signals.strength
        held = exp.level not in demonstrate
        concern = held and exp.id in concerns
        step = None if (held and not concern) or (status == MET and strength == STRONG) else \
            next_step(status, signals, len(ids), need, policy.sustained_days)
        coverage.append(Coverage(exp, status, ids, tuple(citing_stale.get(exp.id, ())), strength, signals,
                                 lending, need, held, concern, step))

    # every citing item, stale ones too: beyond_target is the only place they can appear
    all_citing: dict[str, list[str]] = {}
    for item in evidence.items:
        for ref in item.expectations:
            all_citing.setdefault(ref, []).append(item.id)
    beyond = tuple(Signal(e, tuple(all_citing[e.id])) for e in framework.expectations
                   if e.id not in scope_ids and e.id in all_citing)
    untagged = tuple(i.id for i in evidence.items if not i.expectations)
    return Result(framework, evidence, target, min_evidence or policy.min_evidence, tuple(coverage), beyond,
                  untagged, stale, assessed, demonstrate, min_evidence is not None)
