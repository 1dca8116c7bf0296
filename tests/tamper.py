"""Tampering with an archival record the way someone with a PDF library and a motive would.

Each function takes the record's bytes and returns altered bytes; each is a few lines of
pikepdf or pypdf. test_records.py checks that `verify` says exit 1 to every one of them.
"""
from __future__ import annotations

import io
import json

import pikepdf
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import FreeText

GAP_RED = (0.659, 0.157, 0.118)  # --gap-bg, #a8281e
MET_GREEN = (0.133, 0.451, 0.2)


def _edit(data: bytes, change, *, raw: bool = False) -> bytes:
    """`change` applied with pikepdf; `raw`: streams written as they are (a bomb is not inflated)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        if raw:  # qpdf would otherwise inflate each stream to see whether compressing it helps
            pdf.save(out, stream_decode_level=pikepdf.StreamDecodeLevel.none, compress_streams=False)
        else:
            pdf.save(out)
        return out.getvalue()


def _set_record_json(pdf: pikepdf.Pdf, change) -> None:
    spec = pdf.attachments["packetgen-record.json"]
    record = json.loads(spec.get_file().read_bytes())
    change(record)
    pdf.attachments["packetgen-record.json"] = pikepdf.AttachedFileSpec(
        pdf, json.dumps(record, indent=2, sort_keys=True).encode(), filename="packetgen-record.json")


def _text_ops(page: pikepdf.Page):
    return [(i, op) for i, (operands, op) in enumerate(pikepdf.parse_content_stream(page))
            if str(op) in ("TJ", "Tj")]


def redraw_text_and_restate(data: bytes) -> bytes:
    """Page 1's words swapped around (a "✗ GAP" now reads as something else) and the record's
    statuses restated as all met, as a forger covering their tracks would."""
    def change(pdf):
        page = pdf.pages[0]
        ops = list(pikepdf.parse_content_stream(page))
        shows = [i for i, (_, op) in enumerate(ops) if str(op) in ("TJ", "Tj")]
        first, last = shows[3], shows[-4]
        ops[first], ops[last] = (ops[last][0], ops[first][1]), (ops[first][0], ops[last][1])
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        _set_record_json(pdf, lambda r: r["statuses"].update(dict.fromkeys(r["statuses"], "met")))
    return _edit(data, change)


def erase_text(data: bytes, page_number: int = 2) -> bytes:
    """Every word of a page erased (its gap list gone)."""
    def change(pdf):
        page = pdf.pages[page_number - 1]
        ops = [(operands, op) for operands, op in pikepdf.parse_content_stream(page) if str(op) not in ("TJ", "Tj")]
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
    return _edit(data, change)


def inline_image_over_totals(data: bytes) -> bytes:
    """A white box drawn over part of page 1, where the totals stand."""
    def change(pdf):
        page = pdf.pages[0]
        patch = b"\nq 120 0 0 40 300 600 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID \xff\xff\xff EI Q\n"
        page.Contents = pdf.make_stream(b"\n".join(
            s.read_bytes() for s in ([page.Contents] if isinstance(page.Contents, pikepdf.Stream)
                                     else page.Contents)) + patch)
    return _edit(data, change)


def font_copy_with_other_text_map(data: bytes) -> bytes:
    """A second copy of page 1's first font whose text map says other characters than it draws."""
    def change(pdf):
        fonts = pdf.pages[0].Resources.Font
        name = sorted(fonts.keys())[0]
        copy = pikepdf.Dictionary(fonts[name])
        cmap = fonts[name].ToUnicode.read_bytes()
        assert b"<0034>" in cmap, "no '4' in the font's text map: the tamper would test nothing"
        copy.ToUnicode = pdf.make_stream(cmap.replace(b"<0034>", b"<0030>", 1))
        fonts[name] = pdf.make_indirect(copy)
    return _edit(data, change)


def crop_page(data: bytes, page_number: int = 2) -> bytes:
    """A page cut to its bottom 40 %."""
    def change(pdf):
        page = pdf.pages[page_number - 1]
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        page.obj.CropBox = pikepdf.Array([x0, y0, x1, y0 + 0.4 * (y1 - y0)])
    return _edit(data, change)


def hide_page_in_optional_content(data: bytes, page_number: int = 2) -> bytes:
    """A page wrapped in a layer that is off by default: a viewer shows it blank."""
    def change(pdf):
        group = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name="Details"))
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=[group], D=pikepdf.Dictionary(OFF=[group], Order=[group]))
        page = pdf.pages[page_number - 1]
        page.Resources.Properties = pikepdf.Dictionary(oc1=group)
        body = b"\n".join(s.read_bytes() for s in ([page.Contents] if isinstance(page.Contents, pikepdf.Stream)
                                                   else page.Contents))
        page.Contents = pdf.make_stream(b"/OC /oc1 BDC\n" + body + b"\nEMC\n")
    return _edit(data, change)


def recolour_gap_fills(data: bytes) -> bytes:
    """Every gap-red fill repainted met-green, on every page."""
    def close(operands):
        return len(operands) == 3 and all(abs(float(v) - w) < 0.01 for v, w in zip(operands, GAP_RED))

    def change(pdf):
        hits = 0
        for page in pdf.pages:
            ops = []
            for operands, op in pikepdf.parse_content_stream(page):
                if str(op) in ("rg", "sc", "scn") and close(operands):
                    operands, hits = list(MET_GREEN), hits + 1
                ops.append((operands, op))
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
        assert hits, "no gap-red fill found: the tamper would test nothing"
    return _edit(data, change)


def approve_in_an_incremental_update(data: bytes) -> bytes:
    """An "APPROVED" note added in an incremental update: every byte of the record stays."""
    writer = PdfWriter(io.BytesIO(data), incremental=True)
    note = FreeText(text="APPROVED – all IC4 expectations met", rect=(300, 700, 560, 760))
    writer.add_annotation(page_number=0, annotation=note)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def open_action_javascript(data: bytes) -> bytes:
    def change(pdf):
        pdf.Root.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS="app.alert('hello')")
    return _edit(data, change)


def extra_attachment(data: bytes) -> bytes:
    def change(pdf):
        pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00", filename="payload.exe")
    return _edit(data, change)


def rewrite_bookmarks_and_links(data: bytes) -> bytes:
    """The first bookmark renamed, and page 1's first link sent elsewhere."""
    def change(pdf):
        with pdf.open_outline() as outline:
            outline.root[0].title = "All expectations met"
        for annot in pdf.pages[0].Annots:
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                annot.Dest = pikepdf.String("item1")
                break
    return _edit(data, change)


ATTACKS = {
    "redraw_text_and_restate": (redraw_text_and_restate, "page 1"),
    "erase_text": (erase_text, "page 2"),
    "inline_image_over_totals": (inline_image_over_totals, "page 1"),
    "font_copy_with_other_text_map": (font_copy_with_other_text_map, "page 1"),
    "crop_page": (crop_page, "page 2"),
    "hide_page_in_optional_content": (hide_page_in_optional_content, "optional content"),
    "recolour_gap_fills": (recolour_gap_fills, "page 1"),
    "approve_in_an_incremental_update": (approve_in_an_incremental_update, "page 1"),
    "open_action_javascript": (open_action_javascript, "/OpenAction"),
    "extra_attachment": (extra_attachment, "payload.exe"),
    "rewrite_bookmarks_and_links": (rewrite_bookmarks_and_links, "outline"),
}


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


# --- records built to make `verify` work for minutes or gigabytes (issue 15) ------------------

def object_dag(data: bytes, depth: int = 60) -> bytes:
    """A catalog entry that is a chain of arrays, each holding the next one twice: 60 small
    objects that a naive walk visits 2^60 times."""
    def change(pdf):
        node = pikepdf.Array([1])
        for _ in range(depth):
            node = pdf.make_indirect(pikepdf.Array([node, node]))
        pdf.Root["/PGWalk"] = node
    return _edit(data, change)


def outline_dag(data: bytes, depth: int = 60) -> bytes:
    """The same chain where verify compares most: inside the outline."""
    def change(pdf):
        node = pikepdf.Array([1])
        for _ in range(depth):
            node = pdf.make_indirect(pikepdf.Array([node, node]))
        pdf.Root.Outlines["/PGWalk"] = node
    return _edit(data, change)


def _inflating_to(megabytes: int, byte: bytes) -> bytes:
    """A zlib stream that inflates to `megabytes` MB of `byte`, made in milliseconds: with a full
    flush after each megabyte every block after the first compresses to the same bytes, so the
    stream is the first block, the second repeated, and the true checksum."""
    import struct
    import zlib

    chunk = byte * (1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush()[:-4]  # the final empty block, without the checksum of two megabytes
    adler = 1
    for _ in range(megabytes):
        adler = zlib.adler32(chunk, adler)
    return first + block * (megabytes - 1) + end + struct.pack(">I", adler)


def attachment_bomb(data: bytes, megabytes: int = 2048) -> bytes:
    """A foreign attachment that inflates, through two Flate filters, to `megabytes` of zeros."""
    import zlib

    outer = zlib.compress(_inflating_to(megabytes, b"\0"), 9)

    def change(pdf):
        stream = pikepdf.Stream(pdf, outer)
        stream["/Filter"] = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.FlateDecode])
        stream["/Type"] = pikepdf.Name.EmbeddedFile
        spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("zeros.bin"),
                                  UF=pikepdf.String("zeros.bin"), EF=pikepdf.Dictionary(F=pdf.make_indirect(stream)))
        names = pdf.Root.Names.EmbeddedFiles.Names
        names.append(pikepdf.String("zeros.bin"))
        names.append(pdf.make_indirect(spec))
    return _edit(data, change, raw=True)


def content_bomb(data: bytes, megabytes: int = 2048) -> bytes:
    """Page 1's content stream replaced by one that inflates to `megabytes` of spaces."""
    import zlib

    packed = zlib.compress(_inflating_to(megabytes, b" "), 9)

    def change(pdf):
        stream = pikepdf.Stream(pdf, packed)
        stream["/Filter"] = pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.FlateDecode])
        pdf.pages[0].obj["/Contents"] = pdf.make_indirect(stream)
    return _edit(data, change, raw=True)


def bad_record_fields(data: bytes) -> bytes:
    """packetgen-record.json with fields of the wrong types (a list for a name, text for a number)."""
    def change(pdf):
        _set_record_json(pdf, lambda r: r.update({"min_evidence": "two", "generated": 5,
                                                  "evidence": {"name": ["x"], "sha256": 1},
                                                  "statuses": ["met"], "paper": {"a": 1}}))
    return _edit(data, change)
