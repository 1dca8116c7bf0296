"""`decide`: a new record with the committee's decision on a final page and decision.json
embedded, made only from a record that verifies."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from packetgen.errors import PacketgenError, UsageError
from packetgen.records.decision import decision_json, parse_decision
from packetgen.records.format import NAME_LIMIT, OUTCOMES, RATIONALE_LIMIT
from packetgen.records.read import read
from packetgen.records.sources import make
from packetgen.records.verify import verify


def decide(path: Path, *, outcome: str, by: str, on: date, rationale: str = "", replace_decision: bool = False,
           ballots: tuple[Path, Path] | None = None, engine: str | None = None) -> bytes:
    """A new record: the packet of the record at `path` with a final "Decision" page and
    decision.json embedded. The record must verify; deciding twice needs `replace_decision`.
    `ballots` (folder, seal): the committee's sealed ballots embedded with their tally
    (records/ballots.py), this candidate's votes shown on the decision page. `engine` lays the new
    record out (default: the engine that laid out the record decided on)."""
    if outcome not in OUTCOMES:
        raise UsageError(f"--outcome {outcome!r}: use one of {', '.join(OUTCOMES)}")
    by = " ".join(by.split())
    if not by or len(by) > NAME_LIMIT:
        raise UsageError(f"--by: give who decided (1 to {NAME_LIMIT} characters)")
    if len(rationale.encode("utf-8")) > RATIONALE_LIMIT:
        raise UsageError(f"--rationale: at most {RATIONALE_LIMIT // 1024} KB")
    # what the record says is read first: a decision already there or a date before the packet is told at
    # once, not after verify's re-render (seconds); whether the record is sound is verify's to say
    try:
        early = _opened(path)
    except PacketgenError:
        early = None  # verify says what is wrong with it
    if early is not None:
        _may_decide(path, early[0], early[1], replace_decision, on)
    verdict = verify(path)
    if verdict.code:
        failing = [c.detail for c in verdict.checks if c.ok is False] or [verdict.cannot]
        raise RecordNotSound(verdict.code, f"{path} does not verify ({failing[0]}); a decision is recorded "
                                           "only on a sound record (run packetgen verify)")
    opened, sources = early or _opened(path)
    if early is None:
        _may_decide(path, opened, sources, replace_decision, on)
    box = None
    if ballots is not None:
        from packetgen.records.ballots import collect

        taken = frozenset(opened.files) | {opened.record["evidence"]["name"], opened.record["framework"]["name"]}
        box = collect(ballots[0], ballots[1], opened.record["evidence"]["sha256"], str(path), taken)
    data, _ = make(replace(sources, decision=decision_json(outcome, by, on, rationale), ballots=box,
                           engine=engine or sources.engine))
    return data


def _opened(path: Path):
    opened = read(path)
    return opened, opened.sources()


def _may_decide(path: Path, opened, sources, replace_decision: bool, on: date) -> None:
    if opened.decision is not None and not replace_decision:
        old = parse_decision(opened.decision)
        raise UsageError(f"{path} already records a decision ({old['outcome']} by {old['by']} on {old['date']}); "
                         "pass --replace to record a new one")
    if on < sources.generated.date():
        raise UsageError(f"--date {on}: the packet was generated on {sources.generated.date()}; a decision "
                         "cannot come before it")


class RecordNotSound(PacketgenError):
    """decide on a record that does not verify: exit with the verdict's code."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
