"""Words every output shares (the terminal, JSON, every packet format): the next step's sentence,
the held levels' line.
One place, so the formats cannot say it differently."""
from __future__ import annotations

from packetgen.model.result import (
    NEEDS_EVIDENCE,
    NEEDS_ITEMS,
    NEEDS_SUBSTANCE,
    NEEDS_TIME,
    NEEDS_VOICE,
    NextStep,
    Result,
)


def next_text(step: NextStep) -> str:
    """"needs 1 more item", "needs a link or a measured result", ... (docs/reference.md, What to do next)."""
    if step.step == NEEDS_EVIDENCE:
        return "needs evidence"
    if step.step == NEEDS_ITEMS:
        n = step.missing or 1
        return f"needs {n} more item{'s' * (n != 1)}"
    if step.step == NEEDS_VOICE:
        return "needs a voice other than yours or your sponsor's"
    if step.step == NEEDS_SUBSTANCE:
        return "needs a link or a measured result"
    if step.step == NEEDS_TIME:
        return f"needs items at least {step.days} days apart"
    raise ValueError(f"no words for the step {step.step!r}")


def held_line(result: Result) -> str:
    """"All Levels, IC2, IC3 — 30 of 38 re-evidenced; no concerns raised"."""
    held = result.held
    if not held:
        return "none"
    names = ", ".join(lv.name for lv in result.held_levels)
    concerns = result.concerns
    raised = ("no concerns raised" if not concerns else
              f"{len(concerns)} concern{'s' * (len(concerns) != 1)} raised by the sponsor: "
              + ", ".join(c.id for c in concerns))
    return f"{names} — {sum(c.evidenced for c in held)} of {len(held)} re-evidenced; {raised}"
