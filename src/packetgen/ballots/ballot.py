"""Ballots before the meeting (contract section 7; docs/reference.md, Running a calibration): one
YAML file per committee member, each naming the SHA-256 of the inputs the handout was made from, with
a vote (ready, not-yet, question) and a why for every candidate; and reading them back, every mistake
located in the file a member edited.

A ballot folder holds, besides the ballots, `cycle.yaml` (the manifest: the inputs' SHA-256, the
members, each candidate's label — a pseudonym when anonymised — with the SHA-256 of their evidence
file, which is how a decision record finds its candidate without a name) and `ballot.schema.json`,
which the ballots' first line points editors at, so that `vote:` is completed from its three words.
Counting is committee/tally.py's.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from packetgen.errors import Diagnostic, InputError, Location, UsageError
from packetgen.text import fold

FORMAT = "1"  # `ballot:` and `ballots:` say which format a file is
VOTES = ("ready", "not-yet", "question")
MANIFEST_NAME = "cycle.yaml"
SCHEMA_NAME = "ballot.schema.json"
MAX_MEMBERS = 200
WHY_LIMIT = 4000  # characters: a sentence or two, a paragraph at most

# What a member reads at the top of their ballot (English, like the evidence file's keys).
INSTRUCTIONS = (
    "Your own judgement, before the meeting: for each candidate set `vote:` to ready, not-yet or question",
    "and say why in a sentence or two. Leave a vote empty to abstain on that candidate.",
    "Keep `member:`, `inputs:` and each `candidate:` as they are: the tally checks them. The inputs are",
    "the SHA-256 of the files the handout was made from; a ballot for other inputs is refused.",
)


@dataclass(frozen=True)
class Manifest:
    """What a ballot folder was made for (cycle.yaml)."""

    inputs: str  # SHA-256 of the handout's inputs (inputs_digest)
    anonymized: bool
    members: tuple[str, ...]
    candidates: tuple[tuple[str, str], ...]  # (label, SHA-256 of the evidence file), in handout order

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.candidates)

    def label_of(self, evidence_sha256: str) -> str | None:
        return next((label for label, sha in self.candidates if sha == evidence_sha256), None)


@dataclass(frozen=True)
class Vote:
    candidate: str
    vote: str | None  # None: the member abstains on this candidate
    why: str


@dataclass(frozen=True)
class Ballot:
    member: str
    name: str  # the file's name in the folder
    raw: bytes
    votes: tuple[Vote, ...]

    def vote_on(self, candidate: str) -> Vote | None:
        return next((v for v in self.votes if v.candidate == candidate), None)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- making ballots ---------------------------------------------------------------------------

def inputs_digest(files: Sequence[Sequence[bytes]]) -> str:
    """The SHA-256 a ballot names: for each candidate the bytes of their evidence file, its included
    files and its framework file, each hashed; one line per candidate (its files' digests, space
    separated), lines sorted, joined with newlines, hashed. The order files were given in does not
    change it; a changed byte in any of them does."""
    lines = sorted(" ".join(sha256(blob) for blob in blobs) for blobs in files)
    return sha256("\n".join(lines).encode("utf-8"))


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as `text` whatever it holds (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def manifest_yaml(manifest: Manifest) -> bytes:
    lines = ["# Written by `packetgen committee ballots`; `packetgen committee tally` reads it. Do not edit:",
             "# the seal and any decision record made from these ballots hold its SHA-256.",
             f"ballots: {FORMAT}", f"inputs: {manifest.inputs}",
             f"anonymized: {'true' if manifest.anonymized else 'false'}", "members:"]
    lines += [f"  - {_quoted(m)}" for m in manifest.members]
    lines.append("candidates:")
    for label, sha in manifest.candidates:
        lines += [f"  - candidate: {_quoted(label)}", f"    evidence: {sha}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def ballot_yaml(manifest: Manifest, member: str) -> bytes:
    """One member's empty ballot."""
    lines = [f"# yaml-language-server: $schema={SCHEMA_NAME}", *(f"# {line}" for line in INSTRUCTIONS),
             f"ballot: {FORMAT}", f"member: {_quoted(member)}", f"inputs: {manifest.inputs}", "votes:"]
    for label in manifest.labels:
        lines += [f"  - candidate: {_quoted(label)}", "    vote:      # ready | not-yet | question",
                  "    why: \"\""]
    return ("\n".join(lines) + "\n").encode("utf-8")


def ballot_schema(manifest: Manifest) -> dict:
    """The JSON Schema of this folder's ballots: an editor completes `vote:` and each candidate."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#", "title": "packetgen ballot", "type": "object",
        "additionalProperties": False,
        "required": ["ballot", "member", "inputs", "votes"],
        "properties": {
            "ballot": {"description": "The ballot format (keep as it is).", "enum": [FORMAT, int(FORMAT)]},
            "member": {"description": "Who votes: one of the committee (keep as it is).", "type": "string",
                       "enum": list(manifest.members)},
            "inputs": {"description": "SHA-256 of the files the handout was made from (keep as it is).",
                       "type": "string", "pattern": "^[0-9a-f]{64}$"},
            "votes": {"type": "array", "maxItems": len(manifest.labels), "items": {
                "type": "object", "additionalProperties": False, "required": ["candidate"],
                "properties": {
                    "candidate": {"description": "The candidate (keep as it is).", "type": "string",
                                  "enum": list(manifest.labels)},
                    "vote": {"description": "ready, not-yet or question; empty to abstain.",
                             "enum": [*VOTES, None]},
                    "why": {"description": "Why, in a sentence or two (what a question asks).",
                            "type": ["string", "null"], "maxLength": WHY_LIMIT}}}}}}


def member_file_names(members: Sequence[str]) -> list[str]:
    """ballot-<member>.yaml, in ASCII, one per member (a number added where two would clash)."""
    from anyascii import anyascii

    names: list[str] = []
    for member in members:
        stem = re.sub(r"[^a-z0-9]+", "-", anyascii(member).lower()).strip("-")[:60] or "member"
        name, n = f"ballot-{stem}.yaml", 2
        while name in names:
            name, n = f"ballot-{stem}-{n}.yaml", n + 1
        names.append(name)
    return names


def read_members(path: Path) -> list[str]:
    """The committee: one name per line, or a CSV with a `name` column (as --redact-names reads)."""
    from packetgen.loading.people import read_roster

    members = read_roster(path)
    seen: dict[str, int] = {}
    for n, member in enumerate(members, start=1):
        if fold(member) in seen:
            raise UsageError(f"--members {path}: {member!r} is listed twice; each member votes once")
        seen[fold(member)] = n
    if not members:
        raise UsageError(f"--members {path}: no member listed (one name per line, or a CSV with a 'name' column)")
    if len(members) > MAX_MEMBERS:
        raise UsageError(f"--members {path}: {len(members)} members; at most {MAX_MEMBERS}")
    return members


# --- reading ballots back ------------------------------------------------------------------------

def _error(where: Location, message: str) -> Diagnostic:
    return Diagnostic(where, "error", message)


def parse_manifest(raw: bytes, shown: str) -> Manifest:
    """cycle.yaml's bytes read back; an InputError located in it when it is not one."""
    from packetgen.loading import yamlio

    doc = yamlio.load(yamlio.decode(raw, shown), shown)
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Diagnostic] = []

    def need(ok: bool, *at, message: str) -> None:
        if not ok:
            problems.append(_error(doc.at(*at), message))

    need(data.get("ballots") == FORMAT, "ballots", message=f"not a ballot manifest of format {FORMAT}")
    need(isinstance(data.get("inputs"), str) and bool(re.fullmatch(r"[0-9a-f]{64}", data.get("inputs") or "")),
         "inputs", message="inputs: not a SHA-256")
    need(data.get("anonymized") in ("true", "false"), "anonymized", message="anonymized: true or false")
    members = data.get("members")
    need(isinstance(members, list) and bool(members) and all(isinstance(m, str) and m for m in members),
         "members", message="members: a list of names")
    candidates = data.get("candidates")
    ok = isinstance(candidates, list) and all(
        isinstance(c, dict) and isinstance(c.get("candidate"), str) and isinstance(c.get("evidence"), str)
        for c in candidates)
    need(ok, "candidates", message="candidates: a list of `candidate:` and `evidence:`")
    if problems:
        raise InputError(problems)
    return Manifest(data["inputs"], data["anonymized"] == "true", tuple(members or ()),
                    tuple((c["candidate"], c["evidence"]) for c in candidates or ()))


def read_manifest(folder: Path) -> tuple[Manifest, bytes]:
    from packetgen.loading import yamlio

    path = folder / MANIFEST_NAME
    if not path.is_file():
        raise UsageError(f"{folder}: no {MANIFEST_NAME} in it; is it a folder `packetgen committee ballots` wrote?")
    raw = yamlio.read_bytes(path)
    return parse_manifest(raw, str(path)), raw


def ballot_files(folder: Path) -> list[Path]:
    """The ballots in a folder: its YAML files but the manifest, by name."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".yaml", ".yml") and p.name != MANIFEST_NAME and p.is_file())


def parse_ballot(raw: bytes, name: str, shown: str, manifest: Manifest) -> tuple[Ballot | None, list[Diagnostic]]:
    """One ballot (its bytes; `name`, its file name; `shown`, where errors point) and what is wrong
    with it (errors: the ballot is refused, None)."""
    from packetgen.loading import yamlio

    try:
        doc = yamlio.load(yamlio.decode(raw, shown), shown)
    except InputError as exc:
        return None, list(exc.diagnostics)
    problems = list(doc.diagnostics)
    data = doc.data
    if not isinstance(data, dict):
        return None, [*problems, _error(doc.at(), "a ballot is a mapping: ballot, member, inputs, votes")]
    for key in data:
        if key not in ("ballot", "member", "inputs", "votes"):
            problems.append(_error(doc.key_at(key), f"unknown key {key!r}: a ballot has ballot, member, inputs "
                                                    "and votes"))
    if data.get("ballot") != FORMAT:
        problems.append(_error(doc.at("ballot"), f"not a packetgen ballot (`ballot: {FORMAT}` is missing)"))
    member = data.get("member")
    members = {fold(m): m for m in manifest.members}
    if not isinstance(member, str) or fold(member) not in members:
        problems.append(_error(doc.at("member"), f"member {member!r} is not on the committee this folder was made "
                                                 f"for ({', '.join(manifest.members)})"))
        member = None
    else:
        member = members[fold(member)]
    if data.get("inputs") != manifest.inputs:
        problems.append(_error(doc.at("inputs"), f"this ballot was made for other inputs ({data.get('inputs')}); "
                                                 f"the handout's are {manifest.inputs}: vote on the current "
                                                 "handout's ballot"))
    votes: list[Vote] = []
    given = data.get("votes")
    if not isinstance(given, list):
        problems.append(_error(doc.at("votes"), "votes: a list with one entry per candidate"))
        given = []
    labels = {fold(label): label for label in manifest.labels}
    seen: set[str] = set()
    for n, entry in enumerate(given):
        if not isinstance(entry, dict):
            problems.append(_error(doc.at("votes", n), "a vote is a mapping: candidate, vote, why"))
            continue
        for key in entry:
            if key not in ("candidate", "vote", "why"):
                problems.append(_error(doc.key_at("votes", n, key), f"unknown key {key!r}: a vote has candidate, "
                                                                   "vote and why"))
        given_label = entry.get("candidate")
        label = labels.get(fold(given_label)) if isinstance(given_label, str) else None
        if label is None:
            problems.append(_error(doc.at("votes", n, "candidate"), f"unknown candidate {given_label!r}: this "
                                                                    f"cycle's are {', '.join(manifest.labels)}"))
            continue
        if label in seen:
            problems.append(_error(doc.at("votes", n, "candidate"), f"{label} is voted on twice in this ballot"))
            continue
        seen.add(label)
        vote = entry.get("vote")
        if vote is not None and vote not in VOTES:
            problems.append(_error(doc.at("votes", n, "vote"), f"unknown vote {vote!r}: use ready, not-yet or "
                                                               "question, or leave it empty to abstain"))
            continue
        why = entry.get("why") or ""
        if not isinstance(why, str) or len(why) > WHY_LIMIT:
            problems.append(_error(doc.at("votes", n, "why"), f"why: a text of at most {WHY_LIMIT} characters"))
            continue
        votes.append(Vote(label, vote, " ".join(why.split())))
    if any(p.is_error for p in problems) or member is None:
        return None, problems
    return Ballot(member, name, raw, tuple(votes)), problems


def sound_ballots(manifest: Manifest, entries: Sequence[tuple[str, bytes, str]], *, partial: bool = False
                  ) -> tuple[list[Ballot], list[Diagnostic]]:
    """The sound ballots among `entries` ((file name, bytes, where errors point)) and every problem.
    A refused ballot (bad vote, unknown candidate or member, other inputs, a second ballot of one
    member) is an InputError naming every problem, unless `partial`: then it is left out."""
    from packetgen.loading import yamlio

    ballots: list[Ballot] = []
    diagnostics: list[Diagnostic] = []
    first: dict[str, str] = {}
    for name, raw, shown in entries:
        ballot, problems = parse_ballot(raw, name, shown, manifest)
        if ballot is not None and ballot.member in first:
            where = yamlio.load(yamlio.decode(raw, shown), shown).at("member")
            problems.append(_error(where, f"{ballot.member} already voted in {first[ballot.member]}; one ballot "
                                          "per member (remove one of the two)"))
            ballot = None
        if ballot is not None:
            first[ballot.member] = name
            ballots.append(ballot)
        diagnostics.extend(problems)
    if any(d.is_error for d in diagnostics) and not partial:
        raise InputError(diagnostics)
    return ballots, _left_out(diagnostics) if partial else diagnostics


def _left_out(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """--partial: a refused ballot's errors, said as warnings that it was left out."""
    return [Diagnostic(d.location, "warning", f"{d.message} (this ballot is left out of the tally)")
            if d.is_error else d for d in diagnostics]


def read_ballots(folder: Path, *, partial: bool = False) -> tuple[Manifest, bytes, list[Ballot], list[Diagnostic]]:
    """The manifest and every sound ballot of `folder` (sound_ballots), with the problems found."""
    from packetgen.loading import yamlio

    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder of ballots")
    manifest, manifest_raw = read_manifest(folder)
    entries: list[tuple[str, bytes, str]] = []
    unreadable: list[Diagnostic] = []
    for path in ballot_files(folder):
        try:
            entries.append((path.name, yamlio.read_bytes(path), str(path)))
        except InputError as exc:
            unreadable.extend(exc.diagnostics)
    if unreadable and not partial:
        raise InputError(unreadable)
    unreadable = _left_out(unreadable) if partial else unreadable
    ballots, diagnostics = sound_ballots(manifest, entries, partial=partial)
    return manifest, manifest_raw, ballots, unreadable + diagnostics
