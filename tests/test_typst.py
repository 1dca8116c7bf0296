"""The second PDF engine (--engine typst): evidence reaches Typst as data and is printed as written,
never evaluated; a company's packet.typ restyles the packet; nothing is fetched; the same input gives
the same bytes. What both engines must share (content, order, PDF/UA-1, geometry) is tested with
both in test_render_pdf.py, test_accessibility.py and test_geometry.py."""
from __future__ import annotations

import pytest
from conftest import EXAMPLES
from render_helpers import invoke, pdf_pages, squash

pytestmark = pytest.mark.renders

TYPST_MARKUP = ['#read("/etc/passwd")', '#import "@preview/cetz:0.3.0": *', "$ x^2 $", "<secret-label>",
                "@ref-nowhere", "#{ panic(1) }", "= Forged heading", "#link(\"file:///etc/passwd\")[x]"]


def test_typst_markup_in_evidence_is_printed_not_run(write, tmp_path):
    import json

    from conftest import HEADER

    item = {"id": "typed", "title": "Title #strong[not bold] and *stars* \\ backslash", "date": "2026-01-10",
            "expectations": ["ic4.impact.1"], "description": "\n\n".join(TYPST_MARKUP),
            "quotes": [{"text": m, "from": "Dana Kim, Engineer"} for m in TYPST_MARKUP]}
    path = write(HEADER + "evidence:\n  - " + json.dumps(item) + "\n", "evidence.yaml")
    out = tmp_path / "p.pdf"
    result = invoke("render", path, "-o", out, "--engine", "typst")
    assert result.exit_code == 0, result.stderr
    text = squash(" ".join(pdf_pages(out)))
    assert "root:" not in text  # /etc/passwd was not read
    assert "Title #strong[not bold] and *stars*" in text
    for markup in TYPST_MARKUP:
        assert squash(markup) in text, markup
        assert f"“{squash(markup)}”" in text  # and as a quote


def test_a_company_packet_typ_restyles_the_packet(tmp_path):
    from packetgen.resources import data_dir

    ours = tmp_path / "ours"
    ours.mkdir()
    text = (data_dir("templates") / "packet.typ").read_text(encoding="utf-8")
    text = text.replace("footer-text(data.running)", 'footer-text([ACME CONFIDENTIAL · ] + data.running)')
    (ours / "packet.typ").write_text(text, encoding="utf-8")
    out = tmp_path / "p.pdf"
    result = invoke("render", EXAMPLES[0], "-o", out, "--engine", "typst", "--template-dir", ours)
    assert result.exit_code == 0, result.stderr
    pages = pdf_pages(out)
    assert all("ACME CONFIDENTIAL" in page for page in pages) and len(pages) > 2


def test_a_template_that_imports_a_typst_package_is_refused(tmp_path):
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "packet.typ").write_text('#import "@preview/cetz:0.3.0": canvas\n#sys.inputs.packet\n')
    out = tmp_path / "p.pdf"
    out.write_bytes(b"keep")
    result = invoke("render", EXAMPLES[0], "-o", out, "--engine", "typst", "--template-dir", ours)
    assert result.exit_code == 2 and "imports a Typst package" in result.stderr
    assert out.read_bytes() == b"keep"


def test_a_broken_company_template_is_a_clear_error(tmp_path):
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / "packet.typ").write_text("#let x = (\n")
    result = invoke("render", EXAMPLES[0], "-o", tmp_path / "p.pdf", "--engine", "typst", "--template-dir", ours)
    assert result.exit_code == 2 and "packet.typ" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "p.pdf").exists()


def test_the_same_input_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        result = invoke("render", EXAMPLES[1], "-o", out, "--engine", "typst", env={"SOURCE_DATE_EPOCH": "1780000000"})
        assert result.exit_code == 0, result.stderr
    assert first.read_bytes() == second.read_bytes()


def test_elements_nested_without_end_are_laid_out(tmp_path):
    """Typst calls itself once per element it lays out and stops at a depth: past DEPTH elements
    keep their text, not their tags (a template's own HTML could nest that deep)."""
    from packetgen.rendering.typst_pdf import DEPTH, write_pdf

    html = ("<html><head><title>Deep</title></head><body>" + "<div><ul><li><span><blockquote>" * 100 + "deep text" + "</blockquote></span></li></ul></div>" * 100
            + "<p>after</p></body></html>")
    out = tmp_path / "deep.pdf"
    write_pdf(html, out)
    text = " ".join(pdf_pages(out))
    assert "deep text" in text and "after" in text and DEPTH < 100


def test_characters_no_font_draws_print_as_a_replacement_with_the_same_warning(tmp_path):
    """Typst's PDF/UA-1 export refuses a glyph no installed font has (WeasyPrint draws an empty box):
    such a character prints as U+FFFD, and the warning is WeasyPrint's. Emoji and rockets are drawn
    where a font has them (a machine with an emoji font), and then printed as written."""
    from conftest import ROOT

    from packetgen.rendering.fonts import _drawn

    source = ROOT / "tests" / "hostile" / "emoji-cjk-rtl.yaml"
    outs = {engine: tmp_path / f"{engine}.pdf" for engine in ("typst", "weasyprint")}
    results = {engine: invoke("render", source, "-o", out, "--engine", engine) for engine, out in outs.items()}
    assert all(r.exit_code == 0 for r in results.values()), {e: r.stderr[-500:] for e, r in results.items()}
    said = {e: [line for line in r.stderr.splitlines() if "warning:" in line] for e, r in results.items()}
    assert said["typst"] == said["weasyprint"] and "no installed font covers" in results["typst"].stderr
    text = " ".join(pdf_pages(outs["typst"]))
    assert "검색" in text
    for emoji in "🚀🔥🎉":
        assert (emoji in text) if _drawn(emoji, None) else ("\ufffd" in text and emoji not in text)


def test_unassigned_signs_and_marks_no_font_draws_do_not_stop_typst(write, tmp_path):
    """Not only emoji: an unassigned code point inside the Greek block, the Arabic number sign (a format
    character that is drawn) and a Thai mark, in the name (the footer's too) and the summary."""
    from conftest import HEADER

    from packetgen.rendering.fonts import _drawn

    odd = "\u0378\u0600\u0e3a"
    path = write(HEADER.replace("Jordan Lee", f"Jordan {odd} Lee") + f'summary: "Odd {odd} signs"\n', "odd.yaml")
    result = invoke("render", path, "-o", tmp_path / "odd.pdf", "--engine", "typst")
    assert result.exit_code == 0, result.stderr[-600:]
    text = " ".join(pdf_pages(tmp_path / "odd.pdf"))
    assert "Jordan" in text and "signs" in text
    for ch in odd:
        assert (ch in text) if _drawn(ch, None) else ch not in text


@pytest.fixture(scope="module")
def typst_record(records):
    return records(EXAMPLES[1], "typst")


def test_a_typst_record_is_reproducible_anywhere_and_says_its_engine(typst_record, tmp_path):
    import json
    import subprocess
    import sys

    from pypdf import PdfReader
    from render_helpers import ARCHIVE_EPOCH

    again = tmp_path / "again.pdf"
    run = subprocess.run([sys.executable, "-c", "from packetgen.cli import main; main()", "render", str(EXAMPLES[1]),
                          "-o", str(again), "--archival", "--engine", "typst"], capture_output=True, text=True,
                         env={"SOURCE_DATE_EPOCH": ARCHIVE_EPOCH, "PATH": "/usr/bin:/bin", "TZ": "Asia/Tokyo"})
    assert run.returncode == 0, run.stderr
    assert again.read_bytes() == typst_record.read_bytes()  # another process, another time zone
    files = {name: data[0] for name, data in PdfReader(typst_record).attachments.items()}
    assert files[EXAMPLES[1].name] == EXAMPLES[1].read_bytes()
    record = json.loads(files["packetgen-record.json"])
    assert record["engine"] == "typst" and "typst" in record["environment"] and "weasyprint" not in record["environment"]


def test_a_typst_record_is_pdfa_3b_and_pdfua_1_with_its_line_on_every_page(typst_record):
    import hashlib

    import page
    import pikepdf

    for profile in ("3b", "ua1"):
        report = page.validate_pdf(typst_record, profile=profile)
        assert report.is_compliant, (profile, [(f.rule_id, f.message) for f in report.failures])
    digest = hashlib.sha256(EXAMPLES[1].read_bytes()).hexdigest()
    assert all(f"Evidence SHA-256 {digest} · packetgen " in text for text in pdf_pages(typst_record))
    with pikepdf.open(typst_record) as pdf:
        types = {str(spec.UF): str(spec.EF.F.Subtype) for spec in pdf.Root.AF}
    assert types == {EXAMPLES[1].name: "/application/yaml", "sourcegraph-pm.yaml": "/application/yaml",
                     "packetgen-record.json": "/application/json"}


def test_verify_re_renders_a_typst_record_with_typst_and_catches_a_changed_byte(typst_record, tmp_path):
    import pikepdf

    result = invoke("verify", typst_record)
    assert result.exit_code == 0, result.output
    assert "exactly what the embedded sources render to, byte for byte" in result.output
    tampered = tmp_path / "tampered.pdf"
    with pikepdf.open(typst_record) as pdf:
        for spec in pdf.Root.AF:
            if str(spec.UF) == EXAMPLES[1].name:
                data = bytearray(spec.EF.F.read_bytes())
                data[data.index(b"ic4.impact.1")] = ord("I")
                spec.EF.F.write(bytes(data))
        pdf.save(tampered)
    result = invoke("verify", tampered)
    assert result.exit_code == 1 and "FAIL  evidence hash" in result.output


def test_check_does_not_import_either_engine():
    import subprocess
    import sys

    code = ("import sys; from packetgen.cli import main; sys.argv=['packetgen','check',%r]\n"
            "try: main()\nexcept SystemExit: pass\nprint('typst' in sys.modules, 'weasyprint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code % str(EXAMPLES[0])], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_decide_keeps_the_records_engine_and_verify_follows_it(typst_record, tmp_path):
    import json

    from pypdf import PdfReader

    decided = tmp_path / "decided.pdf"
    result = invoke("decide", typst_record, "--outcome", "promoted", "--by", "Calibration committee",
                    "--date", "2026-06-15", "-o", decided)
    assert result.exit_code == 0, result.output
    files = {name: data[0] for name, data in PdfReader(decided).attachments.items()}
    assert json.loads(files["packetgen-record.json"])["engine"] == "typst"
    assert "Promoted" in pdf_pages(decided)[-1]
    verified = invoke("verify", decided)
    assert verified.exit_code == 0 and "byte for byte" in verified.output
    again = tmp_path / "weasy.pdf"  # --engine lays the decided record out anew
    result = invoke("decide", typst_record, "--outcome", "promoted", "--by", "Calibration committee",
                    "--date", "2026-06-15", "-o", again, "--engine", "weasyprint")
    assert result.exit_code == 0, result.output
    files = {name: data[0] for name, data in PdfReader(again).attachments.items()}
    assert "engine" not in json.loads(files["packetgen-record.json"])


def test_a_japanese_packet_from_typst_is_pdfua_1_but_for_one_misread_width(tmp_path):
    """`page` reads a CID-keyed CFF glyph without an explicit width as 0 wide; the font's own Private
    dictionary (defaultWidthX, per font dict) says 1000, as /W does: fontTools reads each width, and
    every one agrees with /W. Every other PDF/UA-1 rule holds."""
    import io

    import page
    import pikepdf
    from fontTools.cffLib import CFFFontSet

    out = tmp_path / "ja.pdf"
    result = invoke("render", EXAMPLES[0], "-o", out, "--engine", "typst", "--locale", "ja")
    assert result.exit_code == 0, result.stderr
    report = page.validate_pdf(out, profile="ua1")
    assert {f.rule_id for f in report.failures} <= {"PDFUA1-FONT-GLYPH-WIDTH-001"}
    checked = 0
    with pikepdf.open(out) as pdf:
        for font in (o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Subtype") == "/CIDFontType0"):
            widths, w = {}, list(font.get("/W", []))
            at = 0
            while at < len(w):  # [first last width] or [first [w1 w2 ...]]
                if isinstance(w[at + 1], pikepdf.Array):
                    widths.update({int(w[at]) + i: float(x) for i, x in enumerate(w[at + 1])})
                    at += 2
                else:
                    widths.update({cid: float(w[at + 2]) for cid in range(int(w[at]), int(w[at + 1]) + 1)})
                    at += 3
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(font.FontDescriptor.FontFile3.read_bytes()), None)
            top = cff[cff.fontNames[0]]
            for gid, name in enumerate(top.charset):
                charstring, fd = top.CharStrings.getItemAndSelector(name)
                private = top.FDArray[fd].Private if fd is not None else top.Private
                charstring.decompile()
                charstring.draw(_NoPen())  # sets .width from the charstring, else the default
                drawn = charstring.width if charstring.width is not None else private.defaultWidthX
                assert drawn == widths.get(gid, float(font.get("/DW", 1000))), (name, drawn)
                checked += 1
    assert checked > 10


class _NoPen:
    """A pen that draws nothing: drawing a charstring is how fontTools reads its width."""

    def moveTo(self, *point):
        pass

    lineTo = curveTo = qCurveTo = moveTo

    def closePath(self):
        pass

    endPath = closePath


def test_a_company_packet_typ_edited_in_a_long_process_is_read_again(tmp_path):
    """`preview` renders again in one process when a template changes: Typst must see the new one."""
    import os

    from packetgen import analyse, load, render
    from packetgen.resources import data_dir

    ours = tmp_path / "ours"
    ours.mkdir()
    text = (data_dir("templates") / "packet.typ").read_text(encoding="utf-8")
    result = analyse(load(EXAMPLES[0]))
    for n, mark in enumerate(("FIRST EDITION", "SECOND EDITION")):
        (ours / "packet.typ").write_text(text.replace("footer-text(data.running)", f'footer-text([{mark} ])'),
                                         encoding="utf-8")
        os.utime(ours / "packet.typ", ns=(n * 10**9, n * 10**9))  # a changed file, whatever the clock says
        render(result, tmp_path / f"{n}.pdf", engine="typst", template_dir=ours)
        assert mark in pdf_pages(tmp_path / f"{n}.pdf")[0]


def _links(path) -> list[tuple]:
    """Every link annotation of a PDF: its page, box, destination (page, kind, x, y), URI, words."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        out = []
        for n, page in enumerate(pdf.pages):
            for annot in page.obj.get("/Annots") or []:
                dest = annot.get("/Dest")
                out.append((n, [round(float(v), 2) for v in annot.Rect],
                            (index[dest[0].objgen], str(dest[1]), round(float(dest[2]), 2), round(float(dest[3]), 2))
                            if dest is not None else None,
                            str(annot.A.URI) if "/A" in annot else None, str(annot.get("/Contents"))))
        return out


def test_links_made_after_layout_go_where_typsts_own_links_go(tmp_path):
    """packet.typ links to "packetgen:ID" and notes where each ID is; the links are made afterwards
    (rendering/typst_links.py). A company's packet.typ of the older kind, linking to labels as
    Typst would, still works: its links, Typst's own, are the same links as ours, page, place and
    words ("ページ 4" in Japanese), and no "packetgen:" address is left in either."""
    from packetgen.resources import data_dir

    text = (data_dir("templates") / "packet.typ").read_text(encoding="utf-8")
    made = 'link("packetgen:" + href.slice(1), inner)'
    assert made in text and "<packetgen-targets>" in text
    older = tmp_path / "older"
    older.mkdir()
    (older / "packet.typ").write_text(text.replace(made, "link(label(href.slice(1)), inner)")
                                      .split("// Where each link's target is")[0], encoding="utf-8")
    ours, theirs = tmp_path / "ours.pdf", tmp_path / "theirs.pdf"
    for out, extra in ((ours, []), (theirs, ["--template-dir", older])):
        result = invoke("render", EXAMPLES[1], "-o", out, "--engine", "typst", "--locale", "ja", *extra)
        assert result.exit_code == 0, result.stderr
    made_links, own_links = _links(ours), _links(theirs)
    internal = [link for link in own_links if link[2] is not None]
    assert len(internal) > 100 and internal[0][4].startswith("ページ")
    assert not any(link[3] and link[3].startswith("packetgen:") for link in made_links + own_links)
    assert len(made_links) == len(own_links)
    for mine, typsts in zip(made_links, own_links, strict=True):
        assert mine[:2] == typsts[:2] and mine[3:] == typsts[3:], (mine, typsts)
        if typsts[2]:
            assert mine[2][:2] == typsts[2][:2] and abs(mine[2][2] - typsts[2][2]) <= 0.01 \
                and abs(mine[2][3] - typsts[2][3]) <= 0.01, (mine, typsts)


def test_a_handout_of_many_candidates_laid_out_a_document_at_a_time_is_one_numbered_tagged_pdf(tmp_path):
    """More candidates than one Typst document lays out (committee/handout.py: TOGETHER chapters to a
    document, each document's layouts forgotten once written): nine chapters in three documents, joined.
    Each chapter's pages count from 1 and say their handout page, as the overview lists them; the
    outline names every candidate once; one tag tree, its IDs unique; PDF/UA-1."""
    import re

    import page
    import pikepdf
    from pypdf import PdfReader

    from packetgen.committee.handout import TOGETHER

    files, names = [], []
    for n in range(3):
        for example in EXAMPLES:
            text = example.read_text(encoding="utf-8")
            name = re.search(r"^  name: (.+)$", text, re.M)[1]
            names.append(f"{name} {'ABC'[n]}")
            files.append(tmp_path / f"{example.stem}-{n}.yaml")
            files[-1].write_text(text.replace(name, names[-1]), encoding="utf-8")
    assert len(files) > 2 * TOGETHER  # at least three chapter documents, and the handout ages Typst's memory
    out = tmp_path / "many.pdf"
    result = invoke("committee", *files, "-o", out, "--engine", "typst")
    assert result.exit_code == 0, result.stderr
    pages = pdf_pages(out)
    firsts = [i for i, text in enumerate(pages) if re.search(r"page 1 of \d+", text)]
    assert len(firsts) == len(files) + 2  # the overview, each chapter and the framework's description
    overview = " ".join(pages[:firsts[1]])
    listed = [int(n) for n in re.findall(r"\bpage (\d+)\b(?! of)", overview)]
    assert sorted(listed) == [i + 1 for i in firsts[1:-1]]
    for i, text in enumerate(pages[firsts[1]:], start=firsts[1] + 1):
        assert re.search(rf"page \d+ of \d+ · handout page {i}$", text), (i, text[-80:])
    for start, end in zip(firsts[1:-1], firsts[2:], strict=True):  # each chapter's "of N" is its own length
        assert all(f"of {end - start} · handout" in text for text in pages[start:end])
    top = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert top[0] == "Calibration handout" and top[-1] == "About the framework"
    assert sorted(top[1:-1]) == sorted(names)
    with pikepdf.open(out) as pdf:
        tree = pdf.Root.StructTreeRoot
        named = tree.IDTree.Names
        ids = [str(named[i]) for i in range(0, len(named), 2)]
        assert len(ids) == len(set(ids)) > 9 * 6  # every chapter's tables' header cells, each ID once
        assert all(str(named[i + 1].ID) == str(named[i]) for i in range(0, len(named), 2))  # the element's own
        headers = [str(h) for element in pdf.objects if isinstance(element, pikepdf.Dictionary)
                   and element.get("/S") in (pikepdf.Name.TD, pikepdf.Name.TH)
                   for attributes in [element.get("/A")] if isinstance(attributes, pikepdf.Array)
                   for attribute in attributes if "/Headers" in attribute for h in attribute.Headers]
        assert len(headers) > 100 and set(headers) <= set(ids)  # each cell names its header cells by their IDs
        assert not isinstance(tree.K, pikepdf.Array) or len(tree.K) == 1  # one Document element
    report = page.validate_pdf(out, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
