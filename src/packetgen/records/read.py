"""Reading a record back: its attachments and record JSON, within fixed limits (a record may be
hostile), and `extract`.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from packetgen.errors import UsageError
from packetgen.records.ballots import attachment_names, box_of
from packetgen.records.format import DECISION_NAME, NAME_LIMIT, RECORD_NAME, NotARecord
from packetgen.records.sources import Sources

# --- reading a record back ------------------------------------------------------------------

@dataclass(frozen=True)
class Opened:
    data: bytes
    record: dict
    files: dict[str, bytes]

    @property
    def decision(self) -> bytes | None:
        return self.files.get(DECISION_NAME)

    def sources(self) -> Sources:
        r = self.record
        return Sources(r["evidence"]["name"], self.files.get(r["evidence"]["name"], b""), r["framework"]["name"],
                       self.files.get(r["framework"]["name"], b""), r["target_level"], int(r["min_evidence"]),
                       r["paper"], datetime.fromisoformat(r["generated"]), self.decision,
                       tuple((inc["name"], self.files.get(inc["name"], b"")) for inc in r.get("includes", ())),
                       min_evidence_given=r.get("min_evidence_from") != "framework",
                       locale=str(r.get("locale", "")), ballots=box_of(r, self.files),
                       engine="typst" if r.get("engine") == "typst" else "weasyprint")


# What `verify` reads before it refuses: a record is a packet of at most a few hundred pages
# (evidence.MAX_LAYOUT) with three or four small files attached.
MAX_RECORD_BYTES = 64 * 1024 * 1024
MAX_OBJECTS = 500_000
MAX_ATTACHMENT = 4 * 1024 * 1024  # an evidence or framework file is at most 2 MB (yamlio)


def _attachment(spec, shown: str, name: str) -> bytes:
    """One attachment's bytes, inflated at most to MAX_ATTACHMENT, and only through the one
    filter packetgen writes (FlateDecode): a small file must not inflate to gigabytes."""
    import zlib

    import pikepdf

    stream = spec.obj.get("/EF", pikepdf.Dictionary()).get("/F")
    if not isinstance(stream, pikepdf.Stream):
        raise NotARecord(f"{shown}: the attachment {name!r} holds no file")
    given = stream.get("/Filter")
    filters = list(given) if isinstance(given, pikepdf.Array) else [] if given is None else [given]
    raw = stream.read_raw_bytes()
    if filters == [] and len(raw) <= MAX_ATTACHMENT:
        return raw
    if filters != [pikepdf.Name.FlateDecode] or "/DecodeParms" in stream:
        raise NotARecord(f"{shown}: the attachment {name!r} is encoded in a way packetgen never writes "
                         f"({', '.join(map(str, filters))})")
    try:
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_ATTACHMENT + 1)
    except zlib.error as exc:
        raise NotARecord(f"{shown}: the attachment {name!r} cannot be read ({exc})") from None
    if len(data) > MAX_ATTACHMENT or inflater.unconsumed_tail:
        raise NotARecord(f"{shown}: the attachment {name!r} is larger than any file packetgen embeds "
                         f"({MAX_ATTACHMENT // (1024 * 1024)} MB)")
    return data


def read(path: Path) -> Opened:
    """A record's bytes, record JSON and its own attachments (those the record JSON names);
    NotARecord when it is not one. Bounded: a file of at most MAX_RECORD_BYTES, MAX_OBJECTS
    objects, and attachments of at most MAX_ATTACHMENT, whatever they claim to inflate to."""
    import pikepdf

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_RECORD_BYTES + 1)
    except OSError as exc:
        raise NotARecord(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not data.startswith(b"%PDF-"):
        raise NotARecord(f"{path}: not a PDF file")
    if len(data) > MAX_RECORD_BYTES:
        raise NotARecord(f"{path}: larger than any packetgen record ({MAX_RECORD_BYTES // (1024 * 1024)} MB); "
                         "not verified")
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.objects) > MAX_OBJECTS:
                raise NotARecord(f"{path}: {len(pdf.objects):,} objects, more than any packetgen record has")
            specs = dict(pdf.attachments.items())
            if RECORD_NAME not in specs:
                raise NotARecord(f"{path}: no {RECORD_NAME} attached; not a packetgen archival record "
                                 "(render one with --archival)")
            record = _record_json(_attachment(specs[RECORD_NAME], str(path), RECORD_NAME), path)
            wanted = {record["evidence"]["name"], record["framework"]["name"], RECORD_NAME, DECISION_NAME,
                      *(inc["name"] for inc in record.get("includes", ())), *attachment_names(record)}
            files = {name: _attachment(spec, str(path), name) for name, spec in specs.items() if name in wanted}
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise NotARecord(f"{path}: unreadable PDF ({exc})") from None
    return Opened(data, record, files)


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _record_json(blob: bytes, path: Path) -> dict:
    """packetgen-record.json, every field a verify reads checked for its type: NotARecord
    with a sentence naming the first wrong field, never a crash."""
    def fail(what: str):
        return NotARecord(f"{path}: {RECORD_NAME} is not a packetgen record ({what})")

    try:
        record = json.loads(blob)
    except (ValueError, UnicodeDecodeError):
        raise fail("not JSON") from None
    if not isinstance(record, dict):
        raise fail("not a JSON object")
    for key in ("evidence", "framework"):
        part = record.get(key)
        if not isinstance(part, dict) or not isinstance(part.get("name"), str) or not part["name"]:
            raise fail(f"{key}.name is not a file name")
        if not isinstance(part.get("sha256"), str) or not _SHA256.match(part["sha256"]):
            raise fail(f"{key}.sha256 is not a SHA-256")
    checks = (("packetgen", lambda v: isinstance(v, str), "a version"),
              ("format", lambda v: isinstance(v, int) and not isinstance(v, bool), "a number"),
              ("target_level", lambda v: isinstance(v, str), "a level"),
              ("min_evidence", lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1000,
               "a number from 1"),
              ("paper", lambda v: v in ("a4", "letter"), "a4 or letter"),
              ("generated", _is_timestamp, "a date and time"),
              ("statuses", lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str)
                                                                 for k, x in v.items()), "expectation statuses"),
              ("environment", lambda v: v is None or isinstance(v, dict), "the rendering environment"),
              ("decision", lambda v: v is None or (isinstance(v, dict) and isinstance(v.get("sha256"), str)),
               "a decision's SHA-256"),
              ("includes", lambda v: v is None or (isinstance(v, list) and all(
                  isinstance(i, dict) and isinstance(i.get("name"), str) and _plain_name(i["name"])
                  and isinstance(i.get("sha256"), str) and _SHA256.match(i["sha256"]) for i in v)),
               "a list of included files"),
              ("ballots", _is_box, "the sealed ballots' names and SHA-256"))
    for key, ok, what in checks:
        if not ok(record.get(key)):
            raise fail(f"{key} is not {what}")
    return record


def _is_box(value) -> bool:
    def digest(v) -> bool:
        return isinstance(v, str) and bool(_SHA256.match(v))

    return value is None or (
        isinstance(value, dict) and isinstance(value.get("candidate"), str)
        and all(digest(value.get(k)) for k in ("manifest", "seal", "tally"))
        and isinstance(value.get("files"), list) and len(value["files"]) <= 1000
        and all(isinstance(f, dict) and isinstance(f.get("name"), str) and _plain_name(f["name"])
                and digest(f.get("sha256")) for f in value["files"]))


def _plain_name(name: str) -> bool:
    """A file name with no folder, not hidden: safe to write into a folder (extract)."""
    return bool(name) and Path(name).name == name and not name.startswith(".") and "\\" not in name \
        and len(name) <= NAME_LIMIT


def _is_timestamp(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def extract(path: Path, folder: Path, *, force: bool = False) -> list[Path]:
    """Write the embedded evidence, framework, record and decision into `folder`. File names
    are fixed, never taken from the PDF (an attachment called ../../x places nothing). Files
    already there are replaced only with `force`, and never the record itself."""
    from packetgen.model.evidence import EXTRACTED_NAMES
    from packetgen.output import atomic_paths

    opened = read(path)
    blobs: dict[str, bytes] = {}
    for key, fixed in zip(("evidence", "framework"), EXTRACTED_NAMES, strict=False):
        blob = opened.files.get(opened.record[key]["name"])
        if blob is None:
            raise NotARecord(f"{path}: the {key} file {opened.record[key]['name']!r} is not attached")
        blobs[fixed] = blob
    for inc in opened.record.get("includes", ()):  # under the names evidence.yaml's `include:` gives
        blob = opened.files.get(inc["name"])
        if blob is None or inc["name"] in blobs or inc["name"] in EXTRACTED_NAMES:
            raise NotARecord(f"{path}: the included file {inc['name']!r} is not attached, or clashes with another")
        blobs[inc["name"]] = blob
    for name in (RECORD_NAME, DECISION_NAME):
        if name in opened.files:
            blobs[name] = opened.files[name]
    targets = [Path(folder) / name for name in blobs]
    there = [t for t in targets if t.exists() or t.is_symlink()]
    if there and not force:
        raise UsageError(f"{', '.join(map(str, there))} already exist{'s' * (len(there) == 1)}; "
                         "pass --force to replace them, or extract into another folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"-o {folder}: cannot make the folder: {exc.strerror or exc}") from None
    with atomic_paths(targets, inputs=(path,)) as temps:
        for tmp, blob in zip(temps, blobs.values(), strict=False):
            tmp.write_bytes(blob)
    return targets
