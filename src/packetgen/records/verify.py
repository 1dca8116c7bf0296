"""`verify`: render a record again from what it embeds and compare everything it draws; check its
structure, decision, seal and signature.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from packetgen.errors import PacketgenError
from packetgen.records.decision import parse_decision
from packetgen.records.format import DECISION_NAME, FORMAT, RECORD_NAME, NotARecord, sha256
from packetgen.records.read import read
from packetgen.records.sources import make
from packetgen.version import __version__

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
    out = [f"{key} {made.get(key)} (here {here.get(key)})" for key in ("weasyprint", "pydyf", "pango", "typst")
           if made.get(key) != here.get(key)]
    fonts_made, fonts_here = made.get("fonts") or {}, here.get("fonts") or {}
    changed = sorted(name for name in set(fonts_made) | set(fonts_here) if fonts_made.get(name) != fonts_here.get(name))
    if changed:
        out.append(f"fonts {', '.join(changed[:4])}{' …' if len(changed) > 4 else ''} differ")
    return out


def verify(path: Path, *, trust: Sequence[Path] = (), expect: str | None = None) -> Verdict:
    """Every check of a record. Verdict.code: 0 sound, 1 altered or failing a check, 2 cannot
    be compared here (made by another release, or rendered with other fonts or libraries)."""
    import pikepdf

    from packetgen.records import compare, signing
    from packetgen.records.archive import environment

    verdict = Verdict()
    opened = read(path)
    data, record = opened.data, opened.record
    if expect is not None:
        got = sha256(data)
        # the digest alone, or the line `render --archival` and sha256sum print ("HASH  FILE")
        wanted = (expect.split() or [""])[0].lstrip("*").lower()
        verdict.add("file hash", got == wanted, f"SHA-256 {got}" + ("" if got == wanted else f", expected {wanted}"))
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
        if sig.expired is not None:
            verdict.add("certificate", None, f"expired since signing: signed {sig.signed_at:%Y-%m-%d %H:%M:%S %Z}, "
                                             f"valid until {sig.expired:%Y-%m-%d %H:%M:%S} UTC (not an alteration)")
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
    if "ballots" in record:
        from packetgen.records import ballots

        allowed_files.update(ballots.attachment_names(record))
        if opened.decision is None:
            verdict.add("ballots", False, "the record embeds ballots but no decision")
        for check in ballots.checks(record, opened.files, record["evidence"]["sha256"]):
            verdict.add(*check)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            refused = compare.refusals(pdf, allowed_files=allowed_files, signed=signed)
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
        engine = "typst" if record.get("engine") == "typst" else "weasyprint"
        differ = _environment_differences(record.get("environment") or {}, environment(engine))
        if differ:
            verdict.cannot = ("rendered with other libraries or fonts than this machine has: " + "; ".join(differ) +
                              "; verify on a machine set up like the one that made it")
    if verdict.cannot:
        verdict.add("re-render", None, verdict.cannot)
        return verdict
    if any(c.ok is False for c in verdict.checks if c.name in ("evidence hash", "evidence attached",
                                                               "framework hash", "framework attached",
                                                               "included file hash", "included file attached",
                                                               "ballots", "seal", "tally")):
        return verdict  # nothing trustworthy to re-render from
    try:
        fresh, fresh_record = make(opened.sources())
    except (PacketgenError, ValueError, KeyError) as exc:
        verdict.add("re-render", False, f"the embedded sources no longer render: {exc}")
        return verdict
    same_bytes = data[:len(fresh)] == fresh and (len(data) == len(fresh) or signed)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.open(io.BytesIO(fresh)) as again:
            differences = compare.differences(pdf, again, signed=signed)
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
        verdict.add(*_decision_page(data, parse_decision(opened.decision), str(opened.record.get("locale", ""))))
    return verdict


def _decision_page(data: bytes, decision: dict, locale: str = "") -> tuple[str, bool, str]:
    """The last page says what decision.json says, in the record's language: the outcome, who
    decided and when."""
    import unicodedata

    from pypdf import PdfReader

    from packetgen import catalogue

    def bare(text: str) -> str:  # as drawn: ligatures ("ﬁ"), compatibility forms and line breaks (at "@") aside
        return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace() and ch.isprintable())

    words = catalogue.load(locale or None)
    text = bare(PdfReader(_last_page(data)).pages[0].extract_text() or "")
    shown = words(f"outcome-{decision['outcome']}")
    when = " ".join(words.date(date.fromisoformat(decision["date"])).split())
    ok = all(bare(part) in text for part in (words("decision-title"), shown, when))
    if not ok:
        return ("decision", False, f"the last page does not show {DECISION_NAME}: {shown} by {decision['by']} "
                                   f"on {when}")
    # the page matched its re-render from decision.json already; who decided may be written in a script
    # (Thai, Cherokee) whose text a PDF reader cannot read back, which is no alteration
    read_back = bare(decision["by"]) in text
    return ("decision", True, f"{shown} by {decision['by']} on {when}, as the last page shows" + (
        "" if read_back else f" (re-rendered from {DECISION_NAME}; the name's script cannot be read back as text)"))


def _last_page(data: bytes) -> io.BytesIO:
    """The last page alone, as a PDF (pikepdf copies it with what it draws with): pypdf reads that in
    a tenth of the time it takes to find the last page of a whole record."""
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf, pikepdf.new() as last:
        last.pages.append(pdf.pages[-1])
        last.save(out)
    out.seek(0)
    return out
