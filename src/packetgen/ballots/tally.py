"""Counting the ballots (contract section 7; docs/reference.md, Running a calibration): per candidate
the votes, the agreement (the share of the most common vote among the votes cast), the questions, the
members who did not vote; an agenda ordered most divided first; and the seal, the SHA-256 of every
ballot written before the meeting. Pure functions of a manifest and ballots: `verify` recomputes a
record's tally from the ballots it embeds and compares the bytes."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from packetgen.ballots.ballot import VOTES, Ballot, Manifest, sha256
from packetgen.errors import Diagnostic, InputError, Location

TALLY_FORMAT = 1


@dataclass(frozen=True)
class CandidateTally:
    candidate: str
    ballots: tuple[tuple[str, str | None, str], ...]  # (member, vote or None when abstaining, why), member order
    not_voted: tuple[str, ...]  # abstained, or no ballot at all (member order)

    @property
    def counts(self) -> dict[str, int]:
        return {v: sum(vote == v for _, vote, _ in self.ballots) for v in VOTES}

    @property
    def cast(self) -> int:
        return sum(self.counts.values())

    @property
    def agreement(self) -> float | None:
        """The share of the most common vote among the votes cast; None when nobody voted."""
        return max(self.counts.values()) / self.cast if self.cast else None

    @property
    def leading(self) -> tuple[str, ...]:
        """The most common vote, or each of them on a tie (in the order ready, not-yet, question)."""
        if not self.cast:
            return ()
        top = max(self.counts.values())
        return tuple(v for v, n in self.counts.items() if n == top)

    @property
    def questions(self) -> tuple[tuple[str, str], ...]:
        return tuple((member, why) for member, vote, why in self.ballots if vote == "question")


@dataclass(frozen=True)
class Tally:
    manifest: Manifest
    ballots: tuple[Ballot, ...]  # by member order
    candidates: tuple[CandidateTally, ...]  # handout order

    @property
    def missing_ballots(self) -> tuple[str, ...]:
        """Members with no ballot in the folder, or one without a single vote (returned unfilled)."""
        voted = {b.member for b in self.ballots if any(v.vote for v in b.votes)}
        return tuple(m for m in self.manifest.members if m not in voted)

    @property
    def agenda(self) -> tuple[CandidateTally, ...]:
        """Most divided first: lowest agreement (nobody voted counts as none), then most questions,
        then most members not voting, then handout order."""
        place = {c.candidate: n for n, c in enumerate(self.candidates)}
        return tuple(sorted(self.candidates, key=lambda c: (c.agreement or 0.0, -len(c.questions),
                                                            -len(c.not_voted), place[c.candidate])))


def tally(manifest: Manifest, ballots: list[Ballot]) -> Tally:
    order = {m: n for n, m in enumerate(manifest.members)}
    ordered = tuple(sorted(ballots, key=lambda b: order[b.member]))
    rows = []
    for label in manifest.labels:
        cast: list[tuple[str, str | None, str]] = []
        not_voted: list[str] = []
        for member in manifest.members:
            ballot = next((b for b in ordered if b.member == member), None)
            vote = ballot.vote_on(label) if ballot is not None else None
            if ballot is not None:
                cast.append((member, vote.vote if vote else None, vote.why if vote else ""))
            if vote is None or vote.vote is None:
                not_voted.append(member)
        rows.append(CandidateTally(label, tuple(cast), tuple(not_voted)))
    return Tally(manifest, ordered, tuple(rows))


def to_json(t: Tally) -> dict:
    """The document `committee tally --format json` prints and a decision record embeds (tally.json):
    a function of the manifest and the ballots only (no time, no path), so it can be recomputed."""
    return {
        "tally": TALLY_FORMAT,
        "inputs": t.manifest.inputs,
        "anonymized": t.manifest.anonymized,
        "members": list(t.manifest.members),
        "ballots": [{"member": b.member, "file": b.name, "sha256": sha256(b.raw)} for b in t.ballots],
        "missing_ballots": list(t.missing_ballots),
        "candidates": [{
            "candidate": c.candidate,
            "counts": c.counts,
            "cast": c.cast,
            "agreement": c.agreement,
            "leading": list(c.leading),
            "questions": [{"member": m, "why": why} for m, why in c.questions],
            "not_voted": list(c.not_voted),
            "votes": [{"member": m, "vote": vote, "why": why} for m, vote, why in c.ballots],
        } for c in t.candidates],
        "agenda": [c.candidate for c in t.agenda],
    }


def tally_json(t: Tally) -> bytes:
    return (json.dumps(to_json(t), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


# --- the seal -------------------------------------------------------------------------------------

SEAL_LINE = re.compile(r"^([0-9a-f]{64}) [ *](.+)$")


def seal_text(manifest_raw: bytes, ballots: list[Ballot]) -> bytes:
    """`sha256sum` lines (so `cd DIR && sha256sum -c SEAL.txt` checks it too) for the manifest and
    every ballot tallied, by file name."""
    from packetgen.ballots.ballot import MANIFEST_NAME

    rows = sorted([(MANIFEST_NAME, manifest_raw), *((b.name, b.raw) for b in ballots)])
    return "".join(f"{sha256(raw)}  {name}\n" for name, raw in rows).encode("utf-8")


def parse_seal(raw: bytes, shown: str) -> dict[str, str]:
    """A seal's lines: file name -> SHA-256. Located errors for a line that is not one."""
    from packetgen.ballots.ballot import MANIFEST_NAME

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Diagnostic(Location(shown), "error", "not a seal (not UTF-8 text)")]) from None
    found: dict[str, str] = {}
    problems = []
    for n, line in enumerate(text.splitlines(), start=1):
        match = SEAL_LINE.match(line)
        if match is None or "/" in match.group(2) or match.group(2) in found:
            problems.append(Diagnostic(Location(shown, n, 1), "error",
                                       "not a seal line (`SHA256  FILE`, one per ballot, each file once)"))
            continue
        found[match.group(2)] = match.group(1)
    if MANIFEST_NAME not in found and not problems:
        problems.append(Diagnostic(Location(shown, 1, 1), "error", f"the seal does not name {MANIFEST_NAME}; "
                                                                    "it is not one `committee tally --seal` wrote"))
    if problems:
        raise InputError(problems)
    return found


def check_sealed(folder_files: dict[str, bytes], seal: dict[str, str]) -> list[str]:
    """What differs between a folder's ballots (name -> bytes) and its seal: each ballot changed,
    missing or added since, in words; empty when they agree."""
    problems = []
    for name, digest in sorted(seal.items()):
        if name not in folder_files:
            problems.append(f"{name} is sealed but missing")
        elif sha256(folder_files[name]) != digest:
            problems.append(f"{name} differs from the sealed one (SHA-256 {sha256(folder_files[name])}, sealed "
                            f"{digest})")
    problems += [f"{name} is not in the seal (added after it, or left out of the tally)"
                 for name in sorted(set(folder_files) - set(seal))]
    return problems


def sealed_files(folder: Path) -> dict[str, bytes]:
    """What a seal covers in a folder: the manifest and every ballot file, by name."""
    from packetgen.ballots.ballot import MANIFEST_NAME, ballot_files
    from packetgen.loading import yamlio

    paths = [folder / MANIFEST_NAME, *ballot_files(folder)]
    return {p.name: yamlio.read_bytes(p) for p in paths if p.is_file()}
