"""The ballots a decision record embeds (`decide --ballots DIR --seal SEAL`; docs/reference.md,
Running a calibration): the folder's manifest and every sealed ballot exactly as written, the seal,
and the tally computed from them, so that years later a record proves what each member thought
before the discussion. `verify` checks each ballot against the seal, recomputes the tally, and
re-renders the decision page that shows it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from packetgen.ballots.ballot import MANIFEST_NAME, parse_manifest, sound_ballots
from packetgen.ballots.tally import Tally, check_sealed, parse_seal, tally, tally_json
from packetgen.errors import InputError, UsageError
from packetgen.records.format import sha256

SEAL_NAME = "seal.txt"
TALLY_NAME = "tally.json"
RESERVED = (MANIFEST_NAME, SEAL_NAME, TALLY_NAME)  # never a source's name in a record (records/sources.py)


@dataclass(frozen=True)
class BallotBox:
    """What a decided record embeds of the committee's ballots (hashable: records/sources.py
    keeps the last renders by their sources)."""

    manifest: bytes  # cycle.yaml
    ballots: tuple[tuple[str, bytes], ...]  # (file name, bytes), by name: every sealed ballot
    seal: bytes
    tally: bytes  # tally.json of the ballots
    candidate: str  # this record's candidate as the ballots name them (a pseudonym when anonymised)

    @property
    def files(self) -> list[tuple[str, bytes]]:
        """Every attachment, by its name in the record."""
        return [(MANIFEST_NAME, self.manifest), *self.ballots, (SEAL_NAME, self.seal), (TALLY_NAME, self.tally)]

    def record_json(self) -> dict:
        return {"candidate": self.candidate, "manifest": sha256(self.manifest), "seal": sha256(self.seal),
                "tally": sha256(self.tally), "files": [{"name": n, "sha256": sha256(b)} for n, b in self.ballots]}

    def summary(self) -> dict:
        """What the decision page shows: this candidate's row of the tally, and the seal."""
        counted = json.loads(self.tally)
        row = next((c for c in counted["candidates"] if c["candidate"] == self.candidate), None)
        if row is None:
            raise ValueError(f"{TALLY_NAME} has no row for {self.candidate!r}")
        return {"candidate": self.candidate, "anonymized": counted["anonymized"], "votes": row["votes"],
                "not_voted": row["not_voted"],
                "cast": row["cast"], "agreement": row["agreement"], "members": len(counted["members"]),
                "seal": sha256(self.seal)}


def _names(box_json: dict) -> list[str]:
    return [MANIFEST_NAME, *(f["name"] for f in box_json["files"]), SEAL_NAME, TALLY_NAME]


def attachment_names(record: dict) -> list[str]:
    """The names of the ballot attachments a record's JSON announces (none without ballots)."""
    box = record.get("ballots")
    return _names(box) if isinstance(box, dict) else []


def recount(manifest_raw: bytes, ballots: list[tuple[str, bytes]], shown: str) -> Tally:
    """The tally of embedded or sealed ballots; InputError when one is not sound."""
    manifest = parse_manifest(manifest_raw, f"{shown}: {MANIFEST_NAME}")
    sound, _ = sound_ballots(manifest, [(name, raw, f"{shown}: {name}") for name, raw in ballots])
    return tally(manifest, sound)


def collect(folder: Path, seal_path: Path, evidence_sha256: str, shown: str,
            taken_names: frozenset[str] = frozenset()) -> BallotBox:
    """The box for one record from a ballot folder and its seal: every sealed file present and
    unchanged, nothing added, every ballot sound, and the record's evidence among the candidates."""
    from packetgen.ballots.tally import sealed_files
    from packetgen.loading import yamlio

    if not folder.is_dir():
        raise UsageError(f"--ballots {folder}: not a folder of ballots")
    seal_raw = yamlio.read_bytes(seal_path, limit=1024 * 1024)
    seal = parse_seal(seal_raw, str(seal_path))
    files = sealed_files(folder)
    problems = check_sealed(files, seal)
    if problems:
        raise UsageError(f"--ballots {folder} does not match --seal {seal_path}: " + "; ".join(problems))
    ballots = tuple(sorted((name, raw) for name, raw in files.items() if name != MANIFEST_NAME))
    taken = [name for name, _ in ballots if name in taken_names]
    if taken:
        raise UsageError(f"--ballots {folder}: the ballot {taken[0]} has the name of one of the record's own files; "
                         "rename it and seal again")
    counted = recount(files[MANIFEST_NAME], list(ballots), str(folder))
    label = counted.manifest.label_of(evidence_sha256)
    if label is None:
        raise UsageError(f"{shown}: the ballots in {folder} were not cast on this record's evidence (SHA-256 "
                         f"{evidence_sha256}); make the record from the files the ballots were made for")
    return BallotBox(files[MANIFEST_NAME], ballots, seal_raw, tally_json(counted), label)


def box_of(record: dict, files: dict[str, bytes]) -> BallotBox | None:
    """The box a record embeds, read back (missing attachments as empty bytes: verify says which)."""
    box = record.get("ballots")
    if not isinstance(box, dict):
        return None
    return BallotBox(files.get(MANIFEST_NAME, b""), tuple((f["name"], files.get(f["name"], b"")) for f in box["files"]),
                     files.get(SEAL_NAME, b""), files.get(TALLY_NAME, b""), box["candidate"])


def checks(record: dict, files: dict[str, bytes], evidence_sha256: str) -> list[tuple[str, bool | None, str]]:
    """verify's lines about the ballots: each embedded file against the record and the seal, the
    tally recomputed, the candidate found by the evidence's SHA-256."""
    box_json = record["ballots"]
    out: list[tuple[str, bool | None, str]] = []
    announced = {MANIFEST_NAME: box_json["manifest"], SEAL_NAME: box_json["seal"], TALLY_NAME: box_json["tally"],
                 **{f["name"]: f["sha256"] for f in box_json["files"]}}
    for name, digest in announced.items():
        if name not in files:
            out.append(("ballots", False, f"{name} is not attached"))
        elif sha256(files[name]) != digest:
            out.append(("ballots", False, f"{name} is not the one the record names (SHA-256 {sha256(files[name])})"))
    if any(ok is False for _, ok, _ in out):
        return out
    try:
        seal = parse_seal(files[SEAL_NAME], SEAL_NAME)
    except InputError as exc:
        return [("seal", False, str(exc))]
    sealed = {name: files[name] for name in (MANIFEST_NAME, *(f["name"] for f in box_json["files"]))}
    problems = check_sealed(sealed, seal)
    out += [("seal", False, p) for p in problems]
    if not problems:
        out.append(("seal", True, f"the {len(sealed) - 1} ballots and {MANIFEST_NAME} are those sealed (seal SHA-256 "
                                  f"{sha256(files[SEAL_NAME])}: compare it with the one sent before the meeting)"))
    try:
        counted = recount(files[MANIFEST_NAME], [(f["name"], files[f["name"]]) for f in box_json["files"]], "record")
    except InputError as exc:
        return [*out, ("tally", False, f"a ballot is not sound: {exc}")]
    follows = tally_json(counted) == files[TALLY_NAME]
    out.append(("tally", follows, "follows from the ballots" if follows else
                f"{TALLY_NAME} does not follow from the embedded ballots"))
    label = counted.manifest.label_of(evidence_sha256)
    out.append(("ballots", label == box_json["candidate"],
                f"the ballots name this record's candidate {box_json['candidate']}" if label == box_json["candidate"]
                else f"the record says the ballots name it {box_json['candidate']!r}; its evidence is "
                     f"{label!r} in the manifest"))
    return out
