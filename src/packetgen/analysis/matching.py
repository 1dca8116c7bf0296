"""Matching: a pure function from (framework, evidence, options) to the result model.

No I/O and no clock. Every renderer and the JSON output read the Result; none of them
changes it or matches again.
"""
from __future__ import annotations

from packetgen.analysis.strength import assess_items, backing
from packetgen.model.evidence import Evidence
from packetgen.model.framework import Framework
from packetgen.model.result import DEFAULT_MIN_EVIDENCE, GAP, MET, THIN, Backing, Coverage, Result, Signal


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
