"""The first-pass edition of a handout (`committee --blind`, docs/reference.md, Calibration
handouts): what a committee member reads before the meeting, so that each judges the evidence before
hearing the sponsor's verdict. The case's voices are left out — the recommendation and its rationale,
the sponsor's assessment, the self-assessment, the summary, values and development plan — and the
sponsor is named nowhere (not as the manager, not as the author of a quote: "the sponsor"). Statuses
and strength stay those judged on the whole file: leaving words out of the edition never changes them.
"""
from __future__ import annotations

from dataclasses import replace

from packetgen.model.evidence import Evidence
from packetgen.model.result import Result
from packetgen.text import fold


def blinded(result: Result, sponsor_label: str) -> Result:
    """`result` over its evidence with the case's voices left out; the sponsor's own quotes keep
    their words but speak as `sponsor_label`."""
    ev = result.evidence
    sponsors = {fold(name) for name in (ev.candidate.manager, ev.assessment.by.partition(",")[0]
                                        if ev.assessment and ev.assessment.by else "") if name.strip()}
    items = tuple(replace(item, quotes=tuple(
        replace(q, author=sponsor_label + (f", {q.role}" if q.role else "")) if fold(q.person) in sponsors else q
        for q in item.quotes)) for item in ev.items)
    evidence: Evidence = replace(ev, candidate=replace(ev.candidate, manager=""), items=items, summary="",
                                 self_assessment="", assessment=None, recommendation=None, values="",
                                 development=())
    return replace(result, evidence=evidence)
