"""Archival records: what one holds, how it is made, verified, decided and read back
(contract section 8).

A record is a PDF/A-3b packet that embeds the exact evidence and framework bytes it was
rendered from, `packetgen-record.json` (versions, options, the rendering environment, hashes
and statuses) and, once decided, `decision.json`. Rendering is reproducible byte for byte, so
`verify` renders the packet again from what the record embeds and compares everything it
draws; a signature (signing.py) adds who made it.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import PacketgenError, UsageError

RECORD_NAME = "packetgen-record.json"
DECISION_NAME = "decision.json"
FORMAT = 2
OUTCOMES = ("promoted", "not-yet", "deferred")
RATIONALE_LIMIT = 64 * 1024
_NAME_LIMIT = 200


class NotARecord(PacketgenError):
    """The file is not a packetgen archival record (exit code 2)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- what a record is made from ---------------------------------------------------------------

@dataclass(frozen=True)
class Sources:
    """Everything a record's bytes follow from (with the release and the environment)."""

    evidence_name: str
    evidence: bytes
    framework_name: str
    framework: bytes
    target: str
    min_evidence: int
    paper: str
    generated: datetime
    decision: bytes | None = None  # decision.json, as embedded
    includes: tuple[tuple[str, bytes], ...] = ()  # the files the evidence's `include:` names (name, bytes)


def sources_of(result, *, paper: str, generated: datetime) -> Sources:
    """The sources of a matched case (render --archival)."""
    evidence, framework = result.evidence.raw, result.framework.raw
    if not evidence or not framework:
        raise UsageError("an archival record needs the evidence and framework files it was built from")
    evidence_name = Path(result.evidence.path).name or "evidence.yaml"
    framework_name = Path(result.framework.path).name or "framework.yaml"
    if framework_name == evidence_name:
        framework_name = "framework-" + framework_name
    includes = tuple((inc.name, inc.raw) for inc in result.evidence.includes)
    clash = {name for name, _ in includes} & {framework_name, RECORD_NAME, DECISION_NAME}
    if clash:
        raise UsageError(f"an archival record cannot embed an included file named {sorted(clash)[0]!r}: the record "
                         "needs that name for itself; rename the included file")
    return Sources(evidence_name, evidence, framework_name, framework, result.target_level, result.min_evidence,
                   paper, generated.astimezone(timezone.utc).replace(microsecond=0), includes=includes)


def _safe(name: str, fallback: str) -> str:
    """A file name from a record, usable inside a temporary folder (no folders, no dot-files)."""
    name = Path(str(name)).name.lstrip(".")
    return name[:_NAME_LIMIT] or fallback


def load_sources(sources: Sources, *, target: str | None = None):
    """The embedded evidence and framework, loaded as `render` loaded them (evidence.Loaded),
    against `target` or the record's own target level."""
    from .evidence import load_evidence

    with tempfile.TemporaryDirectory(prefix="packetgen-record-") as tmp:
        ev_path = Path(tmp) / _safe(sources.evidence_name, "evidence.yaml")
        fw_path = Path(tmp) / "framework" / _safe(sources.framework_name, "framework.yaml")
        fw_path.parent.mkdir()
        ev_path.write_bytes(sources.evidence)
        fw_path.write_bytes(sources.framework)
        for name, blob in sources.includes:  # beside the evidence file, under the names it gives
            (Path(tmp) / _safe(name, "included.yaml")).write_bytes(blob)
        return load_evidence(ev_path, framework=str(fw_path), target=target or sources.target,
                             today=sources.generated.date())


def _result(sources: Sources):
    """Load and match the sources exactly as `render` did."""
    from .matching import analyse

    loaded = load_sources(sources)
    return analyse(loaded.framework, loaded.evidence, target=sources.target, min_evidence=sources.min_evidence)


def make(sources: Sources) -> tuple[bytes, dict]:
    """The record's bytes (unsigned) and its record JSON. Rendering is deterministic, so the
    last few are kept: `verify` right after `render` in one process does not lay out twice."""
    data, blob = _make(sources)
    return data, json.loads(blob)


@lru_cache(maxsize=4)
def _make(sources: Sources) -> tuple[bytes, bytes]:
    from .renderers.archive import environment, write_record

    result = _result(sources)
    record = {
        "packetgen": __version__,
        "format": FORMAT,
        "evidence": {"name": sources.evidence_name, "sha256": sha256(sources.evidence)},
        "framework": {"id": result.framework.id, "name": sources.framework_name, "sha256": sha256(sources.framework)},
        "target_level": result.target_level,
        "min_evidence": sources.min_evidence,
        "paper": sources.paper,
        "generated": sources.generated.isoformat(),
        "environment": environment(),
        "statuses": {c.id: c.status for c in result.expectations},
    }
    if sources.includes:
        record["includes"] = [{"name": name, "sha256": sha256(blob)} for name, blob in sources.includes]
    files = [(sources.evidence_name, sources.evidence, "The evidence file this packet was built from"),
             *((name, blob, f"An evidence file that {sources.evidence_name} includes") for name, blob in sources.includes),
             (sources.framework_name, sources.framework, f"The career framework ({result.framework.id})")]
    decision = None
    if sources.decision is not None:
        decision = parse_decision(sources.decision)
        record["decision"] = {"sha256": sha256(sources.decision)}
        files.append((DECISION_NAME, sources.decision, "The committee's decision on this packet"))
    blob = json.dumps(record, indent=2, sort_keys=True).encode("utf-8")
    files.append((RECORD_NAME, blob, "packetgen record: versions, options, hashes and statuses"))
    data = write_record(result, record, files, generated=sources.generated, paper=sources.paper,
                        decision=decision and {**decision, "date": date.fromisoformat(decision["date"])})
    return data, blob


# --- decisions ----------------------------------------------------------------------------------

def decision_json(outcome: str, by: str, on: date, rationale: str = "") -> bytes:
    """decision.json as embedded: fixed keys, sorted, UTF-8."""
    return (json.dumps({"outcome": outcome, "by": by, "date": on.isoformat(), "rationale": rationale},
                       indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def parse_decision(blob: bytes) -> dict:
    """decision.json read back; NotARecord when it is not one packetgen writes."""
    try:
        decision = json.loads(blob)
        ok = (isinstance(decision, dict) and set(decision) == {"outcome", "by", "date", "rationale"}
              and decision["outcome"] in OUTCOMES and isinstance(decision["by"], str)
              and isinstance(decision["rationale"], str) and date.fromisoformat(decision["date"]))
    except (ValueError, TypeError):
        ok = False
    if not ok:
        raise NotARecord(f"{DECISION_NAME} is not a decision packetgen writes")
    return decision


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
                       tuple((inc["name"], self.files.get(inc["name"], b"")) for inc in r.get("includes", ())))


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
    filters = stream.get("/Filter")
    filters = list(filters) if isinstance(filters, pikepdf.Array) else [] if filters is None else [filters]
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
                      *(inc["name"] for inc in record.get("includes", ()))}
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
               "a list of included files"))
    for key, ok, what in checks:
        if not ok(record.get(key)):
            raise fail(f"{key} is not {what}")
    return record


def _plain_name(name: str) -> bool:
    """A file name with no folder, not hidden: safe to write into a folder (extract)."""
    return bool(name) and Path(name).name == name and not name.startswith(".") and "\\" not in name \
        and len(name) <= _NAME_LIMIT


def _is_timestamp(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def extract(path: Path, folder: Path, *, force: bool = False) -> list[Path]:
    """Write the embedded evidence, framework, record and decision into `folder`. File names
    are fixed, never taken from the PDF (an attachment called ../../x places nothing). Files
    already there are replaced only with `force`, and never the record itself."""
    from .evidence import EXTRACTED_NAMES
    from .output import atomic_paths

    opened = read(path)
    blobs: dict[str, bytes] = {}
    for key, fixed in zip(("evidence", "framework"), EXTRACTED_NAMES):
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
        for tmp, blob in zip(temps, blobs.values()):
            tmp.write_bytes(blob)
    return targets


# --- verifying ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Check:
    name: str
    ok: bool | None  # None: said for the reader, neither a pass nor a failure
    detail: str


@dataclass
class Verdict:
    checks: list[Check] = field(default_factory=list)
    cannot: str = ""  # why the re-render could not be compared (another release or environment)

    def add(self, name: str, ok: bool | None, detail: str) -> None:
        self.checks.append(Check(name, ok, detail))

    @property
    def code(self) -> int:
        if any(c.ok is False for c in self.checks):
            return 1
        return 2 if self.cannot else 0


def _revisions(data: bytes) -> int | None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        return PdfFileReader(io.BytesIO(data), strict=False).xrefs.total_revisions
    except Exception:  # a damaged cross-reference table
        return None


def _environment_differences(made: dict, here: dict) -> list[str]:
    out = [f"{key} {made.get(key)} (here {here.get(key)})" for key in ("weasyprint", "pydyf", "pango")
           if made.get(key) != here.get(key)]
    fonts_made, fonts_here = made.get("fonts") or {}, here.get("fonts") or {}
    changed = sorted(name for name in set(fonts_made) | set(fonts_here) if fonts_made.get(name) != fonts_here.get(name))
    if changed:
        out.append(f"fonts {', '.join(changed[:4])}{' …' if len(changed) > 4 else ''} differ")
    return out


def verify(path: Path, *, trust: list[Path] = (), expect: str | None = None) -> Verdict:
    """Every check of a record. Verdict.code: 0 sound, 1 altered or failing a check, 2 cannot
    be compared here (made by another release, or rendered with other fonts or libraries)."""
    import pikepdf

    from . import pdfcompare, signing
    from .renderers.archive import environment

    verdict = Verdict()
    opened = read(path)
    data, record = opened.data, opened.record
    if expect is not None:
        got = sha256(data)
        verdict.add("file hash", got == expect.strip().lower(),
                    f"SHA-256 {got}" + ("" if got == expect.strip().lower() else f", expected {expect.strip()}"))
    for key, meta in [("evidence", record["evidence"]), ("framework", record["framework"]),
                      *(("included file", inc) for inc in record.get("includes", ()))]:
        blob = opened.files.get(meta["name"])
        if blob is None:
            verdict.add(f"{key} attached", False, f"{meta['name']} is missing")
        else:
            got = sha256(blob)
            verdict.add(f"{key} hash", got == meta["sha256"],
                        f"{meta['name']}: sha256 {got}" + ("" if got == meta["sha256"] else
                                                          f", the record says {meta['sha256']}"))
    if opened.decision is not None:
        try:
            decision = parse_decision(opened.decision)
        except NotARecord as exc:
            verdict.add("decision", False, str(exc))
            decision = None
        if decision is not None and record.get("decision", {}).get("sha256") != sha256(opened.decision):
            verdict.add("decision", False, f"{DECISION_NAME} is not the one the record names")
    elif "decision" in record:
        verdict.add("decision", False, f"the record names a decision, but {DECISION_NAME} is not attached")

    from pyhanko.pdf_utils.misc import PdfReadError

    try:
        found = signing.signatures(data, list(trust))
    except PdfReadError as exc:  # pikepdf repairs what pyHanko will not read (a missing %%EOF)
        raise NotARecord(f"{path}: unreadable PDF ({exc})") from None
    signed = bool(found)
    for sig in found:
        ok = sig.intact and sig.covers_all and (sig.trusted is not False)
        detail = (f"signed by {sig.signer}; " + ("intact" if sig.intact else "BROKEN: the signed bytes changed") +
                  ("; covers the whole file" if sig.covers_all else "; something was added after it"))
        if sig.trusted is True:
            detail += "; chains to the certificate given with --trust"
        elif sig.trusted is False:
            detail += f"; {sig.problem}"
        else:
            detail += "; who signed is not checked (pass --trust CERT.pem)"
        verdict.add("signature", ok, detail)
    if not signed:
        if trust:
            verdict.add("signature", False, "the record is not signed, and --trust asks for a signature")
        else:
            verdict.add("signature", None, "none: this proves the record agrees with its own embedded sources "
                                           "(consistency), not who made it; sign records with --sign")
    revisions = _revisions(data)
    allowed = 2 if signed else 1
    verdict.add("revisions", revisions == allowed,
                f"{revisions} revision{'s' * (revisions != 1)}" + ("" if revisions == allowed else
                f"; a record has {allowed}{' (the signature is the second)' if signed else ''}")
                if revisions is not None else "the cross-reference table cannot be read")
    allowed_files = {record["evidence"]["name"], record["framework"]["name"], RECORD_NAME,
                     *(inc["name"] for inc in record.get("includes", ()))}
    if opened.decision is not None:
        allowed_files.add(DECISION_NAME)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            refused = pdfcompare.refusals(pdf, allowed_files=allowed_files, signed=signed)
    except Exception as exc:  # as above
        refused = [f"document: cannot be read ({type(exc).__name__}: {exc})"]
    for problem in refused:
        verdict.add("structure", False, problem)
    if not refused:
        verdict.add("structure", True, "no actions, scripts, layers, foreign annotations or attachments; "
                                       "no cropped page")

    if record.get("packetgen") != __version__ or record.get("format") != FORMAT:
        verdict.cannot = (f"made with packetgen {record.get('packetgen')} (record format {record.get('format')}); "
                          f"this is {__version__}: verify with that release")
    else:
        differ = _environment_differences(record.get("environment") or {}, environment())
        if differ:
            verdict.cannot = ("rendered with other libraries or fonts than this machine has: " + "; ".join(differ) +
                              "; verify on a machine set up like the one that made it")
    if verdict.cannot:
        verdict.add("re-render", None, verdict.cannot)
        return verdict
    if any(c.ok is False for c in verdict.checks if c.name in ("evidence hash", "evidence attached",
                                                               "framework hash", "framework attached",
                                                               "included file hash", "included file attached")):
        return verdict  # nothing trustworthy to re-render from
    try:
        fresh, fresh_record = make(opened.sources())
    except (PacketgenError, ValueError, KeyError) as exc:
        verdict.add("re-render", False, f"the embedded sources no longer render: {exc}")
        return verdict
    same_bytes = data[:len(fresh)] == fresh and (len(data) == len(fresh) or signed)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.open(io.BytesIO(fresh)) as again:
            differences = pdfcompare.differences(pdf, again, signed=signed)
            pages = len(again.pages)
    except Exception as exc:  # a hostile file can break a PDF reader in many ways; none is "verified"
        differences, pages = [f"the file cannot be compared with its re-render ({type(exc).__name__}: {exc})"], 0
    for problem in differences:
        verdict.add("re-render", False, problem)
    if not differences:
        verdict.add("re-render", same_bytes,
                    f"the {pages} pages are exactly what the embedded sources render to, byte for byte" if same_bytes
                    else "the file's bytes differ from a re-render of its embedded sources outside the pages")
    changed = sorted(k for k in set(fresh_record["statuses"]) | set(record["statuses"])
                     if fresh_record["statuses"].get(k) != record["statuses"].get(k))
    verdict.add("statuses", not changed, f"{len(fresh_record['statuses'])} statuses match the matching re-run"
                if not changed else f"{len(changed)} differ: {', '.join(changed[:5])}")
    if opened.decision is not None and not differences:
        verdict.add(*_decision_page(data, parse_decision(opened.decision)))
    return verdict


def _decision_page(data: bytes, decision: dict) -> tuple[str, bool, str]:
    """The last page says what decision.json says: the outcome, who decided and when."""
    from pypdf import PdfReader

    from .renderers.view import Packet

    text = " ".join((PdfReader(io.BytesIO(data)).pages[-1].extract_text() or "").split())
    shown = {"promoted": "Promoted", "not-yet": "Not yet", "deferred": "Deferred"}[decision["outcome"]]
    when = " ".join(Packet.day(date.fromisoformat(decision["date"])).split())
    ok = text.startswith("DECISION RECORD") or "Decision" in text
    ok = ok and shown in text and " ".join(decision["by"].split()) in text and when in text
    return ("decision", ok, f"{shown} by {decision['by']} on {when}, as the last page shows" if ok else
            f"the last page does not show {DECISION_NAME}: {shown} by {decision['by']} on {when}")


# --- deciding -----------------------------------------------------------------------------------

def decide(path: Path, *, outcome: str, by: str, on: date, rationale: str = "", replace_decision: bool = False
           ) -> bytes:
    """A new record: the packet of the record at `path` with a final "Decision" page and
    decision.json embedded. The record must verify; deciding twice needs `replace_decision`."""
    if outcome not in OUTCOMES:
        raise UsageError(f"--outcome {outcome!r}: use one of {', '.join(OUTCOMES)}")
    by = " ".join(by.split())
    if not by or len(by) > _NAME_LIMIT:
        raise UsageError(f"--by: give who decided (1 to {_NAME_LIMIT} characters)")
    if len(rationale.encode("utf-8")) > RATIONALE_LIMIT:
        raise UsageError(f"--rationale: at most {RATIONALE_LIMIT // 1024} KB")
    verdict = verify(path)
    if verdict.code:
        failing = [c.detail for c in verdict.checks if c.ok is False] or [verdict.cannot]
        raise RecordNotSound(verdict.code, f"{path} does not verify ({failing[0]}); a decision is recorded "
                                           "only on a sound record (run packetgen verify)")
    opened = read(path)
    if opened.decision is not None and not replace_decision:
        old = parse_decision(opened.decision)
        raise UsageError(f"{path} already records a decision ({old['outcome']} by {old['by']} on {old['date']}); "
                         "pass --replace to record a new one")
    sources = opened.sources()
    if on < sources.generated.date():
        raise UsageError(f"--date {on}: the packet was generated on {sources.generated.date()}; a decision "
                         "cannot come before it")
    data, _ = make(replace(sources, decision=decision_json(outcome, by, on, rationale)))
    return data


class RecordNotSound(PacketgenError):
    """decide on a record that does not verify: exit with the verdict's code."""

    def __init__(self, code: int, message: str):
        super().__init__(message)
        self.code = code
