"""Archival PDF records (PDF/A-3b) and their verification.

A record embeds, as PDF/A-3 associated files, the exact evidence and framework bytes that
were matched and `packetgen-record.json`: versions, hashes, options, every expectation's
status and a hash of the page text. Every page prints the evidence's SHA-256 and the
packetgen version, so a printed copy can be matched to its source. With SOURCE_DATE_EPOCH
set, the same inputs give a byte-identical file.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import __version__
from ..errors import RenderError
from ..matching import Result

RECORD_NAME = "packetgen-record.json"
PRINTED_HASH = re.compile(r"Evidence SHA-256 ([0-9a-f]{64})")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_text(pdf: bytes) -> str:
    """The text a reader sees, page by page (what the record's text hash covers)."""
    from pypdf import PdfReader

    return "\f".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _names(result: Result) -> tuple[str, str]:
    evidence = Path(result.evidence.path).name or "evidence.yaml"
    framework = Path(result.framework.path).name or "framework.yaml"
    if framework == evidence:
        framework = "framework-" + framework
    return evidence, framework


def write_archival_pdf(result: Result, target, *, generated: datetime, paper: str = "a4",
                       template_dir: Path | None = None) -> None:
    import weasyprint

    from .html import render_html
    from .pdf import render_document

    evidence_raw, framework_raw = result.evidence.raw, result.framework.raw
    if not evidence_raw or not framework_raw:
        raise RenderError("an archival record needs the evidence and framework files it was built from")
    evidence_name, framework_name = _names(result)
    record = {
        "packetgen": __version__,
        "format": 1,
        "evidence": {"name": evidence_name, "sha256": sha256(evidence_raw)},
        "framework": {"id": result.framework.id, "name": framework_name, "sha256": sha256(framework_raw)},
        "target_level": result.target_level,
        "min_evidence": result.min_evidence,
        "generated": generated.isoformat(),
        "statuses": {c.id: c.status for c in result.expectations},
    }
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ")
    html, _ = render_html(result, generated=generated.date(), paper=paper, template_dir=template_dir,
                          record=record, created=stamp)
    document = render_document(html, template_dir=template_dir)
    naive = generated.replace(tzinfo=None)

    def attachments(extra: bytes | None) -> list:
        files = [(evidence_name, evidence_raw, "The evidence file this packet was built from"),
                 (framework_name, framework_raw, f"The career framework ({result.framework.id})")]
        if extra is not None:
            files.append((RECORD_NAME, extra, "packetgen record: hashes, options and statuses"))
        return [weasyprint.Attachment(file_obj=io.BytesIO(data), name=name, description=about,
                                      created=naive, modified=naive, relationship="Source")
                for name, data, about in sorted(files)]

    options = dict(pdf_variant="pdf/a-3b", pdf_tags=True, finisher=_Finisher(record))
    # Attachments do not change the pages, so the text of a first write is the text of the
    # final one; its hash goes into the record.
    first = document.write_pdf(attachments=attachments(None), **options)
    record["page_text_sha256"] = sha256(page_text(first).encode("utf-8"))
    blob = json.dumps(record, indent=2, sort_keys=True).encode("utf-8")
    document.write_pdf(target, attachments=attachments(blob), **options)


# What a record embeds, typed by packetgen itself (never by the host's MIME database).
MIME = {".yaml": "application/yaml", ".yml": "application/yaml", ".json": "application/json"}


class _Finisher:
    """Puts a record's PDF structure in order before WeasyPrint writes it, so the bytes depend
    on nothing but the inputs: each embedded file typed by its suffix, the attachments listed
    once (in the catalog's /AF) and sorted (a name tree must be), and one XMP packet that also
    holds dc:source and the PDF/UA identification, uncompressed as PDF/A asks."""

    def __init__(self, record: dict):
        self.record = record

    def __call__(self, document, pdf) -> None:
        import pydyf

        filespecs = sorted((o for o in pdf.objects if isinstance(o, dict) and o.get("Type") == "/Filespec"),
                           key=lambda o: o["UF"].string)
        for spec in filespecs:
            stream = pdf.objects[int(spec["EF"]["F"].split()[0])]
            mime = MIME.get(Path(spec["UF"].string).suffix.lower(), "application/octet-stream")
            stream.extra["Subtype"] = "/" + mime.replace("/", "#2f")
        if filespecs:
            pdf.catalog["AF"] = pydyf.Array(spec.reference for spec in filespecs)
            tree = pdf.objects[int(pdf.catalog["Names"]["EmbeddedFiles"].split()[0])]
            tree["Names"] = pydyf.Array(x for spec in filespecs for x in (spec["F"], spec.reference))
        metadata = pdf.objects[int(pdf.catalog["Metadata"].split()[0])]
        metadata.stream = [_merged_xmp(b"".join(_bytes(x) for x in metadata.stream), self.record)]
        metadata.compress = False


def _bytes(chunk) -> bytes:
    return chunk if isinstance(chunk, bytes) else str(chunk).encode()


# PDF/A accepts only the XMP schemas it predefines or that the file describes: this describes
# the PDF/UA identification (pdfuaid:part), as ISO 14289-1 shows for PDF/A documents.
_PDFUA_EXTENSION = (
    '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" '
    'xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
    '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>'
    '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>'
    '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>'
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
    '<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>'
    '<pdfaProperty:category>internal</pdfaProperty:category>'
    '<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>'
    '</rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>')


def _merged_xmp(xmp: bytes, record: dict) -> bytes:
    """WeasyPrint's XMP packet with dc:source (what the record was built from) and the PDF/UA
    identification added as descriptions inside its one rdf:RDF (XMP readers ignore a second)."""
    from xml.sax.saxutils import escape

    source = (f"packetgen {record['packetgen']}; framework {record['framework']['id']}; "
              f"evidence sha256 {record['evidence']['sha256']}")
    extra = ('<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" rdf:about="">'
             f"<dc:source>{escape(source)}</dc:source></rdf:Description>"
             '<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="" pdfuaid:part="1"/>'
             + _PDFUA_EXTENSION)
    end = xmp.rindex(b"</rdf:RDF>")
    return xmp[:end] + extra.encode("utf-8") + xmp[end:]


# --- reading records back -------------------------------------------------------------------

class NotARecord(Exception):
    """The file is not a packetgen archival record (exit code 2)."""


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def read_record(pdf_path: Path) -> tuple[dict, dict[str, bytes], bytes]:
    """The record, its attachments by name, and the file's bytes."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        data = Path(pdf_path).read_bytes()
    except OSError as exc:
        raise NotARecord(f"{pdf_path}: cannot read: {exc.strerror or exc}") from None
    if not data.startswith(b"%PDF-"):
        raise NotARecord(f"{pdf_path}: not a PDF file")
    try:
        reader = PdfReader(io.BytesIO(data))
        files = {name: contents[0] for name, contents in reader.attachments.items() if contents}
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise NotARecord(f"{pdf_path}: unreadable PDF ({exc})") from None
    if RECORD_NAME not in files:
        raise NotARecord(f"{pdf_path}: no {RECORD_NAME} attached; not a packetgen archival record "
                         "(render one with --archival)")
    try:
        record = json.loads(files[RECORD_NAME])
        record["evidence"]["name"], record["framework"]["name"], record["statuses"]
    except (ValueError, KeyError, TypeError):
        raise NotARecord(f"{pdf_path}: {RECORD_NAME} is not a packetgen record") from None
    return record, files, data


def verify(pdf_path: Path) -> list[Check]:
    """Every check of a record; the packet is sound when all pass."""
    import tempfile

    from ..evidence import load_evidence
    from ..errors import PacketgenError
    from ..matching import analyse

    record, files, data = read_record(pdf_path)
    checks: list[Check] = []
    ev_name, fw_name = record["evidence"]["name"], record["framework"]["name"]
    evidence, framework = files.get(ev_name), files.get(fw_name)
    for label, blob, meta in (("evidence", evidence, record["evidence"]), ("framework", framework, record["framework"])):
        if blob is None:
            checks.append(Check(f"{label} attached", False, f"{meta['name']} is missing"))
        else:
            got = sha256(blob)
            checks.append(Check(f"{label} hash", got == meta["sha256"],
                                f"{meta['name']}: sha256 {got}" + ("" if got == meta["sha256"] else
                                                                  f", record says {meta['sha256']}")))
    try:
        text = page_text(data)
    except Exception as exc:  # a damaged page stream
        text = ""
        checks.append(Check("page text", False, f"the pages cannot be read ({type(exc).__name__})"))
    else:
        got = sha256(text.encode("utf-8"))
        want = record.get("page_text_sha256")
        checks.append(Check("page text", got == want, "unchanged since rendering" if got == want else
                            "the text on the pages differs from what was rendered"))
    pages = text.split("\f") if text else []
    printed = {m for page in pages for m in PRINTED_HASH.findall(page)}
    on_every_page = bool(pages) and all(PRINTED_HASH.search(page) for page in pages)
    checks.append(Check("printed hash", on_every_page and printed == {record["evidence"]["sha256"]},
                        f"every page prints {record['evidence']['sha256'][:16]}…" if on_every_page and printed ==
                        {record["evidence"]["sha256"]} else f"pages print {sorted(printed) or 'no hash'}"))
    if evidence is not None and framework is not None:
        with tempfile.TemporaryDirectory(prefix="packetgen-verify-") as tmp:
            ev_path, fw_path = Path(tmp) / "evidence.yaml", Path(tmp) / "framework.yaml"
            ev_path.write_bytes(evidence)
            fw_path.write_bytes(framework)
            try:
                loaded = load_evidence(ev_path, framework=str(fw_path), target=record.get("target_level"),
                                       today=date.fromisoformat(record["generated"][:10]))
                result = analyse(loaded.framework, loaded.evidence, target=record.get("target_level"),
                                 min_evidence=int(record.get("min_evidence", 2)))
                now = {c.id: c.status for c in result.expectations}
                changed = sorted(k for k in set(now) | set(record["statuses"])
                                 if now.get(k) != record["statuses"].get(k))
                checks.append(Check("statuses", not changed, f"{len(now)} statuses match the matching re-run"
                                    if not changed else f"{len(changed)} differ: {', '.join(changed[:5])}"))
            except PacketgenError as exc:
                checks.append(Check("statuses", False, f"the embedded evidence no longer loads: {exc}"))
    if record.get("packetgen") != __version__:
        checks.append(Check("version", True, f"made by packetgen {record.get('packetgen')}, "
                                             f"checked by {__version__}"))
    return checks


def extract(pdf_path: Path, folder: Path) -> list[Path]:
    """Write the embedded evidence, framework and record into `folder`.

    File names are fixed, never taken from the PDF (an attachment called ../../x must not
    place a file anywhere)."""
    from ..output import write_bytes

    record, files, _ = read_record(pdf_path)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key, fixed in (("evidence", "evidence.yaml"), ("framework", "framework.yaml")):
        blob = files.get(record[key]["name"])
        if blob is None:
            raise NotARecord(f"{pdf_path}: the {key} file {record[key]['name']!r} is not attached")
        write_bytes(folder / fixed, blob)
        written.append(folder / fixed)
    write_bytes(folder / RECORD_NAME, files[RECORD_NAME])
    written.append(folder / RECORD_NAME)
    return written
