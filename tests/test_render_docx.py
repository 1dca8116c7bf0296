"""The DOCX packet, read back with python-docx: styles, tables, shading, links, fields."""
from __future__ import annotations

import docx
import pytest
from conftest import EXAMPLES
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from render_helpers import (
    GENERATED,
    anchor,
    case_headings,
    demonstrate_names,
    in_gap_list,
    render_to,
    section_titles,
    squash,
)

from packetgen.model.result import GAP, SYMBOL, THIN
from packetgen.rendering.docx.palette import FILL
from packetgen.rendering.docx.styles import make_reference
from packetgen.report.gaps import to_json


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request, packets):
    packet = packets(request.param, "docx")
    return packet.result, docx.Document(str(packet.path)), packet.path


def paragraphs(document):
    return [(p.style.name, squash(p.text)) for p in document.paragraphs]


def cell_fill(cell) -> str | None:
    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return shd.get(qn("w:fill")) if shd is not None else None


def table_after(document, heading_text):
    """The first table that follows the paragraph with `heading_text` in the body."""
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        if child.tag == qn("w:p") and squash("".join(t.text or "" for t in child.iter(qn("w:t")))) == heading_text \
                and Paragraph(child, document._body).style.name != "Packet TOC":
            seen = True
        elif seen and child.tag == qn("w:tbl"):
            return next(t for t in document.tables if t._tbl is child)
    raise AssertionError(f"no table after {heading_text!r}")


@pytest.mark.renders
def test_heading_structure(rendered):
    result, document, _ = rendered
    paras = paragraphs(document)
    assert ("Title", result.candidate.name) in paras
    target = result.framework.level(result.target_level).name
    assert [t for s, t in paras if s == "Heading 1"] == section_titles(result)
    voices, areas = case_headings(result)
    assert len(voices) >= 4 and len(areas) >= 2  # the examples speak in several voices
    listed = in_gap_list(result)
    kinds = [f"{title} ({n})" for title, n in (("Gaps", sum(c.status == GAP and not c.held for c in listed)),
                                                 ("Thin", sum(c.status == THIN and not c.held for c in listed)),
                                                 ("Met but unsupported", sum(c.unsupported and not c.held for c in listed)),
                                                 ("Concerns raised by the sponsor", sum(c.concern for c in listed)))
             if n]
    heading2 = [t for s, t in paras if s == "Heading 2"]
    several = len(result.demonstrate) > 1
    areas_shown = [("" if not several else f"{lv.name} · ") + a.name for lv in reversed(result.demonstrate_levels)
                   for a in result.areas if result.select(level=lv.id, area=a.id)]
    leads = (" no ", " fewer ", " met by ", " expectations of a level")
    cut = list(heading2)
    for lead in leads:
        cut = [t.split(lead)[0] for t in cut]
    assert cut == kinds + voices + areas_shown + ([f"Beyond {target}"] if result.beyond_target else [])
    assert [t for s, t in paras if s == "Heading 3"] == areas


def open_rows(document):
    """(status cell text, id, text, fill) of every row of the gaps section's tables, in order."""
    body = document.element.body
    rows, inside = [], False
    for child in body.iterchildren():
        text = squash("".join(t.text or "" for t in child.iter(qn("w:t"))))
        heading = child.tag == qn("w:p") and Paragraph(child, document._body).style.name == "Heading 1"
        if heading and text == "What is missing":
            inside = True
        elif heading and inside:
            break  # the next section closes it
        elif inside and child.tag == qn("w:tbl"):
            table = next(t for t in document.tables if t._tbl is child)
            rows += [(squash(r.cells[0].text), squash(r.cells[1].text), squash(r.cells[2].text), cell_fill(r.cells[0]),
                      [h.get(qn("w:anchor")) for h in r.cells[1]._tc.iter(qn("w:hyperlink"))]) for r in table.rows]
    return rows


@pytest.mark.renders
def test_gap_tables_hold_everything_open_in_order_with_its_shading(rendered):
    result, document, _ = rendered
    rows = open_rows(document)
    needs_work = in_gap_list(result)
    order = {"gap": 0, "thin": 1, "met": 2}
    assert sorted(c.id for c in needs_work) == sorted(r[1] for r in rows)
    assert [order[result_status(result, r[1])] for r in rows] == sorted(order[result_status(result, r[1])] for r in rows)
    for status_text, ident, text, fill, _ in rows:
        cov = next(c for c in result.expectations if c.id == ident)
        assert status_text == f"{SYMBOL[cov.status]} {cov.status.upper()}"
        assert text.startswith(squash(cov.expectation.text))
        assert fill == FILL[cov.status]
    assert FILL[GAP] == "A8281E" and FILL[THIN] == "EFC24A"


def result_status(result, ident):
    return next(c.status for c in result.expectations if c.id == ident)


@pytest.mark.renders
def test_gap_ids_link_to_bookmarks_on_cards_and_rows(rendered):
    result, document, _ = rendered
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    rows = open_rows(document)
    assert [r[4] for r in rows] == [[anchor(result, r[1])] for r in rows]
    assert {anchor(result, c.id) for c in result.expectations} <= bookmarks


@pytest.mark.renders
def test_readiness_equals_gaps_json(rendered):
    result, document, _ = rendered
    doc = to_json(result)
    d = doc["demonstrate"]
    text = squash(" ".join(p.text for p in document.paragraphs))
    assert (f"{demonstrate_names(result)}: {d['total']} expectations to demonstrate — ✓ {d['met']} met, "
            f"◐ {d['thin']} thin, ✗ {d['gap']} gap; {d['strong']} strong, {d['supported']} supported, "
            f"{d['unsupported']} unsupported") in text
    assert f"{doc['held']['evidenced']} of {doc['held']['total']} re-evidenced" in text
    matrix = table_after(document, "By area: the levels to demonstrate, and the held levels re-evidenced")
    rows = matrix.rows[1:]
    shown = list(reversed(result.demonstrate_levels))
    assert [squash(r.cells[0].text) for r in rows] == [lv.name for lv in shown] + (
        [f"Held: {', '.join(lv.name for lv in result.held_levels)}"] if result.held else [])
    for row, level in zip(rows, shown):
        for cell, area in zip(row.cells[1:], result.areas):
            cell_t = result.totals(level=level.id, area=area.id)
            if cell_t.total:
                assert squash(cell.text).startswith(f"{SYMBOL[cell_t.status]} {cell_t.met} of {cell_t.total}")
                assert cell_fill(cell) == FILL[cell_t.status]
    if result.held:  # muted, never a gap fill
        assert all(cell_fill(c) == "F3F5F8" for c in rows[-1].cells)


@pytest.mark.renders
def test_core_properties(rendered):
    result, document, _ = rendered
    props = document.core_properties
    assert result.candidate.name in props.title and props.title.startswith("Promotion packet")
    assert props.author == result.candidate.name
    assert result.framework.name in props.subject
    assert result.target_level in props.keywords
    assert props.created.date() == GENERATED


@pytest.mark.renders
def test_footer_has_page_fields_and_running_text(rendered):
    result, document, _ = rendered
    footer = document.sections[0].footer
    instructions = [squash(i.text) for i in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    text = squash("".join(t.text or "" for t in footer._element.iter(qn("w:t"))))
    assert text.startswith(f"{result.candidate.name} · packet for")
    assert "Page" in text and " of " in text


@pytest.mark.renders
def test_toc_field_and_external_links(rendered):
    result, document, _ = rendered
    instructions = [i.text for i in document.element.body.iter(qn("w:instrText"))]
    assert [i.strip().split()[0] for i in instructions] == ["TOC"]  # written out inside, for Word to refresh
    rels = [r for r in document.part.rels.values() if r.is_external]
    urls = {r.target_ref for r in rels}
    assert rels and all(r.reltype.endswith("/hyperlink") for r in rels)
    assert all(u.startswith(("https://", "http://", "mailto:")) for u in urls)
    safe_links = {link.url for item in result.evidence.items for link in item.links if link.safe}
    assert safe_links <= urls
    used = {h.get(qn("r:id")) for h in document.element.body.iter(qn("w:hyperlink")) if h.get(qn("r:id"))}
    assert used == {r.rId for r in rels}


@pytest.mark.renders
def test_cards_say_no_evidence_yet_for_each_gap(rendered):
    result, document, _ = rendered
    paras = paragraphs(document)
    own = result.select(level=result.target_level)
    notes = [t for s, t in paras if s == "Packet Gap Note"]
    assert notes == [f"{SYMBOL[GAP]} No evidence yet."] * sum(c.status == GAP for c in own)
    heads = [t for s, t in paras if s == "Packet Expectation"]
    assert heads == [f"{c.id} {SYMBOL[c.status]} {c.status.upper()} "
                     f"{c.strength + ' ' if c.strength else ''}{squash(c.expectation.text)}" for c in own]


@pytest.mark.renders
def test_markdown_becomes_word_formatting(evidence_file, tmp_path):
    path = evidence_file("""
    summary: |
      A **bold claim**, an *aside*, `code`, and [the PRD](https://example.com/prd).

      - first point
      - second point

      1. one
      2. two

      > quoted

      [bad](javascript:alert(1))
    evidence: []
    """)
    out = tmp_path / "p.docx"
    render_to(path, out)
    document = docx.Document(str(out))
    paras = document.paragraphs
    claim = next(p for p in paras if "bold claim" in p.text)
    runs = {r.text: r for r in claim.runs}
    assert runs["bold claim"].bold is True
    assert runs["A "].bold is None  # plain text stays plain
    assert runs["aside"].italic is True
    assert runs["code"].style.name == "Packet Code"
    link = claim._p.find(qn("w:hyperlink"))
    assert "".join(t.text for t in link.iter(qn("w:t"))) == "the PRD"
    assert document.part.rels[link.get(qn("r:id"))].target_ref == "https://example.com/prd"
    styles = {squash(p.text): p.style.name for p in paras}
    assert styles["first point"] == styles["second point"] == "List Bullet"
    assert styles["one"] == styles["two"] == "List Number"
    assert styles["quoted"] == "Quote"
    assert "[bad](javascript:alert(1))" in styles  # literal text, not a link
    assert all(not r.target_ref.startswith("javascript") for r in document.part.rels.values() if r.is_external)


@pytest.mark.renders
def test_reference_docx_styles_are_used(tmp_path):
    reference = tmp_path / "company.docx"
    company = docx.Document()
    heading = company.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.size = Pt(20)
    company.sections[0].left_margin = company.sections[0].right_margin = Pt(36)
    company.add_paragraph("Old body text that must not survive")
    company.save(str(reference))
    out = tmp_path / "p.docx"
    render_to(EXAMPLES[0], out, reference_docx=reference)
    document = docx.Document(str(out))
    h1 = document.styles["Heading 1"]
    assert h1.font.name == "Courier New" and h1.font.size == Pt(20)
    assert document.sections[0].left_margin == Pt(36)
    assert "Old body text" not in "\n".join(p.text for p in document.paragraphs)
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    names = {s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    assert {"Packet Expectation", "Packet Gap Note"} <= names  # the packet's own fall back


def test_builtin_reference_is_current(tmp_path):
    fresh = tmp_path / "reference.docx"
    make_reference(fresh)
    from packetgen.rendering.docx.styles import reference_path

    ours = docx.Document(str(reference_path()))
    again = docx.Document(str(fresh))
    assert sorted(s.name for s in ours.styles) == sorted(s.name for s in again.styles)
    assert ours.styles["Heading 1"].element.xml == again.styles["Heading 1"].element.xml


@pytest.mark.renders
def test_control_characters_never_crash_docx(evidence_file, tmp_path):
    path = evidence_file(r'''
    evidence:
      - title: "Bell\x07 and \ud83d lone surrogate"
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: "form\x0cfeed"
    ''')
    out = tmp_path / "p.docx"
    render_to(path, out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Bell and lone surrogate" in text and "formfeed" in text


@pytest.mark.renders
def test_bare_reference_and_bad_reference_errors(tmp_path):
    from click.testing import CliRunner

    from packetgen.cli import cli

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    out = tmp_path / "p.docx"
    out.write_bytes(b"old")
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES[0]), "-o", str(out), "--reference-docx", str(bad)],
                                catch_exceptions=False)
    assert result.exit_code == 2 and "not a usable Word document" in result.stderr
    assert out.read_bytes() == b"old"


@pytest.mark.renders
def test_names_longer_than_words_limit_render_in_full_with_core_properties_cut(tmp_path):
    from conftest import ROOT

    source = ROOT / "tests" / "hostile" / "names-over-255.yaml"
    out = tmp_path / "long.docx"
    result = render_to(source, out)
    assert len(result.candidate.name) > 255
    document = docx.Document(str(out))
    props = document.core_properties
    assert len(props.author) == 255 and props.author.endswith("…") and result.candidate.name.startswith(props.author[:-1])
    assert len(props.title) <= 255 and len(props.subject) <= 255
    assert result.candidate.name in [p.text for p in document.paragraphs]  # the body keeps the whole name


@pytest.mark.renders
def test_app_properties_name_packetgen_and_no_template_thumbnail(rendered):
    import zipfile

    _, _, path = rendered
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        app = z.read("docProps/app.xml").decode()
    assert "<Application>packetgen " in app and "Microsoft" not in app
    assert not [n for n in names if "thumbnail" in n]


@pytest.mark.renders
def test_an_independent_validator_finds_nothing(packets, handouts, tmp_path):
    """openxml-audit (a Python port of Microsoft's Open XML SDK validation) on every example, a
    handout and the built-in reference document: schema, semantics and Word's app-compat rules (one
    audit of a folder of them: each process of its own took a second to start)."""
    import json
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from packetgen.rendering.docx.styles import reference_path

    files = [packets(e, "docx").path for e in EXAMPLES] + [handouts(anonymize=False, fmt="docx")[0], reference_path()]
    folder = tmp_path / "audited"
    folder.mkdir()
    for n, path in enumerate(files):
        shutil.copyfile(path, folder / f"{n}-{Path(path).name}")
    audit = Path(sys.executable).with_name("openxml-audit")
    proc = subprocess.run([str(audit), "-m", "0", "-o", "json", "-r", str(folder)], capture_output=True, text=True)
    reports = json.loads(proc.stdout)
    assert sorted(Path(r["file"]).name for r in reports) == sorted(p.name for p in folder.iterdir())
    for report in reports:
        assert report["errors"] == [] and report["valid"], (report["file"], report["errors"][:3])


@pytest.mark.renders
def test_held_levels_list_counted_items_apart_from_those_outside_the_period(rendered):
    """The Items cell names the counted items, then the ones outside the period in brackets, as the
    PDF and Markdown do: an item that does not count never looks like one that does."""
    from packetgen.rendering.view import build

    result, document, _ = rendered
    packet = build(result, GENERATED)
    expected = {}
    for group in packet.held:
        for row in group.rows:
            text = " ".join(ref.label for ref in row.refs)
            if row.stale:
                text += (" " if row.refs else "") + "(" + " ".join(ref.label for ref in row.stale) + " outside period)"
            expected[row.coverage.id] = text
    table = table_after(document, "Held levels, for reference")
    found = {squash(r.cells[0].text): squash(r.cells[3].text) for r in table.rows if squash(r.cells[0].text) in expected}
    assert found == expected
    if result.evidence.path.endswith("ic3-to-ic4-teamwork-scope-gaps.yaml"):
        assert found["ic3.teamwork.1"] == "E7 (E1 outside period)"


@pytest.mark.renders
def test_the_same_inputs_give_the_same_docx_bytes_in_any_time_zone(tmp_path):
    """Zip entries are dated the packet's date, never the host's clock and zone (python-docx's
    zipfile takes time.localtime())."""
    import os
    import subprocess
    import sys
    import zipfile

    outs = []
    for zone in ("UTC", "Asia/Tokyo"):
        out = tmp_path / f"{zone.replace('/', '-')}.docx"
        env = {**os.environ, "TZ": zone, "SOURCE_DATE_EPOCH": "1780000000"}
        run = subprocess.run([sys.executable, "-c", "from packetgen.cli import main; main()", "render",
                              str(EXAMPLES[0]), "-o", str(out)], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        outs.append(out.read_bytes())
        with zipfile.ZipFile(out) as z:
            assert {info.date_time for info in z.infolist()} == {(2026, 5, 28, 0, 0, 0)}
    assert outs[0] == outs[1]
