"""Writing archival PDF records (PDF/A-3b): the packet's pages, the sources embedded as
associated files, and PDF structure put in an order that depends on nothing but the inputs.
What a record holds and how it is verified: records/sources.py and records/verify.py.
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from packetgen.model.result import Result


def environment(engine: str = "weasyprint") -> dict:
    """What a record's bytes depend on besides its inputs and packetgen: the PDF writer's
    versions and the fonts (see fonts.fingerprint). `verify` compares it before re-rendering."""
    if engine == "typst":
        import typst

        from packetgen.rendering.fonts import fingerprint

        return {"typst": _typst_version(typst), "fonts": fingerprint()}
    import pydyf
    import weasyprint
    from weasyprint.text.ffi import pango

    from packetgen.rendering.fonts import fingerprint

    return {"weasyprint": weasyprint.__version__, "pydyf": pydyf.__version__, "pango": int(pango.pango_version()),
            "fonts": fingerprint()}


def _typst_version(typst) -> str:
    from importlib.metadata import version

    return getattr(typst, "__version__", None) or version("typst")


def write_record(result: Result, record: dict, files: list[tuple[str, bytes, str]], *, generated: datetime,
                 paper: str, decision: dict | None = None, words=None) -> bytes:
    """The bytes of a PDF/A-3b record of `result`: `files` ((name, bytes, description): the
    sources, the record JSON, a decision) embedded as associated files, `record` printed on every
    page, and, with `decision`, a final "Decision" page. Nothing is taken from the host but the
    fonts: the same arguments give the same bytes."""
    import weasyprint

    from packetgen.rendering.html import render_html
    from packetgen.rendering.pdf import render_document

    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ")
    html, _ = render_html(result, generated=generated.date(), paper=paper, record=record, created=stamp,
                          decision=decision, words=words)
    document = render_document(html)
    naive = generated.replace(tzinfo=None)
    attachments = [weasyprint.Attachment(file_obj=io.BytesIO(data), name=name, description=about,
                                         created=naive, modified=naive, relationship="Source")
                   for name, data, about in sorted(files)]
    with _unambiguous_stream_ends():
        return document.write_pdf(attachments=attachments, pdf_variant="pdf/a-3b", pdf_tags=True,
                                  finisher=_Finisher(record))


@contextmanager
def _unambiguous_stream_ends():
    """pydyf writes each stream as data, LF, "endstream". When compressed data happens to end
    with CR (one stream in 256), "CR LF endstream" reads as an EOL of two bytes, and PDF/A
    checkers (ISO 19005 6.1.7: Length counts up to the EOL before endstream) find the Length
    one byte long. While a record is written, such a stream gets a CR LF of its own after its
    data; Length and every offset stay right (pydyf measures what it writes)."""
    import pydyf

    plain = pydyf.Stream.data

    def data(self):
        out = plain.fget(self)
        if out.endswith(b"\r\nendstream"):
            out = out[:-len(b"\nendstream")] + b"\r\nendstream"
        return out

    pydyf.Stream.data = property(data)
    try:
        yield
    finally:
        pydyf.Stream.data = plain


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

        filespecs: list[Any] = sorted((o for o in pdf.objects if isinstance(o, dict) and o.get("Type") == "/Filespec"),
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


