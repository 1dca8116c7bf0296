"""Words every output shares (the terminal, JSON, every packet format): the next step's sentence,
the held levels' line, from the catalogue (English unless a packet's locale says otherwise).
One place, so the formats cannot say it differently."""
from __future__ import annotations

from packetgen.catalogue import Catalogue, english
from packetgen.model.result import (
    NEEDS_EVIDENCE,
    NEEDS_ITEMS,
    NEEDS_SUBSTANCE,
    NEEDS_TIME,
    NEEDS_VOICE,
    NextStep,
    Result,
)

_KEYS = {NEEDS_EVIDENCE: "next-evidence", NEEDS_ITEMS: "next-items", NEEDS_VOICE: "next-voice",
         NEEDS_SUBSTANCE: "next-substance", NEEDS_TIME: "next-time"}


def next_text(step: NextStep, words: Catalogue | None = None) -> str:
    """"needs 1 more item", "needs a link or a measured result", ... (docs/reference.md, What to do next)."""
    if step.step not in _KEYS:
        raise ValueError(f"no words for the step {step.step!r}")
    return (words or english())(_KEYS[step.step], n=step.missing or 1, days=step.days or 0)


def held_line(result: Result, words: Catalogue | None = None) -> str:
    """"All Levels, IC2, IC3 — 30 of 38 re-evidenced; no concerns raised"."""
    words = words or english()
    held = result.held
    if not held:
        return words("held-none")
    concerns = result.concerns
    return words("held-line", levels=words("list-separator").join(lv.name for lv in result.held_levels),
                 evidenced=sum(c.evidenced for c in held), total=len(held), concerns=len(concerns),
                 ids=words("list-separator").join(c.id for c in concerns))
