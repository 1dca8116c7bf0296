"""The PDF packet, read back with pypdf: what a committee member sees and what a PDF
reader's outline and properties show."""
from __future__ import annotations

import logging
import re

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from pypdf import PdfReader
from render_helpers import (
    GENERATED,
    anchor,
    between,
    case_headings,
    in_gap_list,
    outline_titles,
    pdf_pages,
    render_to,
    squash,
)

from packetgen.cli import cli
from packetgen.model.result import SYMBOL
from packetgen.report.gaps import to_json


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def rendered(request, packets):
    packet = packets(request.param, "pdf")
    return packet.result, packet.path, pdf_pages(packet.path), packet.records


# About the machine, not the packet: without Debian's libharfbuzz-subset0 WeasyPrint
# subsets fonts with fontTools and says so once per font.
MACHINE_NOTES = ("Using fontTools instead of HarfBuzz-Subset",)


@pytest.mark.renders
def test_weasyprint_logs_no_warnings(rendered):
    _, _, _, records = rendered
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert [w for w in warnings if not w.startswith(MACHINE_NOTES)] == []


@pytest.mark.renders
def test_everything_open_is_in_the_gaps_section_and_nothing_else(rendered):
    result, _, pages, _ = rendered
    gaps = between(" ".join(pages), "The gaps", "The case")
    needs_work = in_gap_list(result)
    assert needs_work, "each example has something to work on"
    for cov in needs_work:
        assert f"{cov.id} {squash(cov.expectation.text)}" in gaps
    listed = re.findall(r"\b(?:all|ic\d)\.[a-z]+\.\d+\b", gaps)
    assert sorted(listed) == sorted(c.id for c in needs_work)  # each once


@pytest.mark.renders
def test_every_target_card_shows_status_strength_and_text(rendered):
    result, _, pages, _ = rendered
    target = result.framework.level(result.target_level).name
    cards = between(" ".join(pages), f"{target} expectations", "Lower levels").replace("- ", "-")
    for cov in result.select(level=result.target_level):
        strength = cov.strength + " " if cov.strength else ""
        line = f"{cov.id} {SYMBOL[cov.status]} {cov.status.upper()} {strength}{squash(cov.expectation.text)}"
        assert line.replace("- ", "-") in cards  # a line may break after a hyphen
        if cov.status == "gap":
            start = cards.index(cov.id + " ")
            assert "No evidence yet." in cards[start:start + 400]


@pytest.mark.renders
def test_matrix_totals_equal_the_json_totals(rendered):
    result, _, pages, _ = rendered
    summary = to_json(result)["summary"]
    first = pages[0]
    target = result.framework.level(result.target_level).name
    m = re.search(rf"All {summary['total']} for {target} \(cumulative\) " + " ".join([r"(\d+)"] * 6), first)
    assert m, first
    assert tuple(map(int, m.groups())) == tuple(summary[k] for k in ("met", "thin", "gap", "strong", "supported",
                                                                     "unsupported"))
    footer_row = re.findall(r"(\d+) of (\d+)", first[first.index("All areas"):])[: len(result.levels) + 1]
    cells = [(int(a), int(b)) for a, b in footer_row]
    assert cells[-1] == (summary["met"], summary["total"])
    assert cells[:-1] == [(result.totals(level=lv.id).met, result.totals(level=lv.id).total)
                          for lv in result.levels]
    own = result.totals(level=result.target_level)
    m = re.search(rf"{target}’s own {own.total} " + " ".join([r"(\d+)"] * 6), first)
    assert m and tuple(map(int, m.groups())) == (own.met, own.thin, own.gap, own.strong, own.supported, own.unsupported)
    assert first.index(f"{target}’s own") < first.index(f"All {summary['total']} for")  # the target level leads


@pytest.mark.renders
def test_matrix_cells_are_met_of_total(rendered):
    result, _, pages, _ = rendered
    first = pages[0]
    for area in result.areas:
        row = first[first.index(f"{area.name} {SYMBOL[result.totals(area=area.id, level=result.levels[0].id).status]}"):]
        for level in result.levels:
            t = result.totals(level=level.id, area=area.id)
            assert f"{SYMBOL[t.status]} {t.met} of {t.total}" in row


@pytest.mark.renders
def test_page_x_of_y_and_running_footer_on_every_page(rendered):
    result, _, pages, _ = rendered
    target = result.framework.level(result.target_level).name
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text
        assert f"{result.candidate.name} · packet for" in text and target in text


@pytest.mark.renders
def test_metadata(rendered):
    result, path, _, _ = rendered
    meta = PdfReader(path).metadata
    cand = result.candidate
    assert cand.name in meta.title and meta.title.startswith("Promotion packet")
    assert meta.author == cand.name
    assert result.framework.name in meta.subject
    assert result.target_level in meta.get("/Keywords")
    assert meta.get("/CreationDate").startswith("D:" + GENERATED.strftime("%Y%m%d"))
    assert meta.creator.startswith("packetgen ")


@pytest.mark.renders
def test_outline_follows_the_headings(rendered):
    result, path, _, _ = rendered
    titles = outline_titles(PdfReader(path))
    assert titles[0] == (0, result.candidate.name)
    top = [t for depth, t in titles if depth == 1]
    target = result.framework.level(result.target_level).name
    assert top == ["Readiness at a glance", "The gaps", "The case", f"{target} expectations", "Lower levels",
                   "Evidence", "About the framework"]
    voices, _ = case_headings(result)
    areas = [a.name for a in result.areas if result.select(level=result.target_level, area=a.id)]
    beyond = [f"Beyond {target}"] if result.beyond_target else []
    assert [t for d, t in titles if d == 2] == voices + areas + beyond
    assert max(d for d, _ in titles) == 2  # cards and items are not bookmarks: the outline stays short


@pytest.mark.renders
def test_gap_entries_link_to_their_sections(rendered):
    result, path, pages, _ = rendered
    reader = PdfReader(path)
    first = next(i for i, text in enumerate(pages) if "The gaps" in text)
    last = next(i for i, text in enumerate(pages) if "The case Summary" in text)
    targets = set()
    for page in reader.pages[first:last + 1]:  # the links of the gaps section itself
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                targets.add(str(a["/Dest"]))
    needs_work = in_gap_list(result)
    assert {anchor(result, c.id) for c in needs_work} <= targets
    assert {anchor(result, c.id) for c in needs_work} <= set(reader.named_destinations)


@pytest.mark.renders
def test_paper_sizes(tmp_path):
    a4 = tmp_path / "a4.pdf"
    letter = tmp_path / "letter.pdf"
    render_to(EXAMPLES[0], a4, paper="a4")
    render_to(EXAMPLES[0], letter, paper="letter")
    w, h = (float(x) for x in PdfReader(a4).pages[0].mediabox[2:])
    assert (round(w), round(h)) == (595, 842)
    w, h = (float(x) for x in PdfReader(letter).pages[0].mediabox[2:])
    assert (round(w), round(h)) == (612, 792)


@pytest.mark.renders
def test_render_through_the_cli(tmp_path):
    out = tmp_path / "p.pdf"
    result = CliRunner().invoke(cli, ["render", str(EXAMPLES[1]), "-o", str(out), "--paper", "letter",
                                      "--min-evidence", "1"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    text = " ".join(pdf_pages(out))
    assert "met = 1 or more counting items" in text


@pytest.mark.renders
def test_pdf_stays_small(rendered):
    # fonts are subset and rules are plain strokes (a dotted border once cost 100 KB a page)
    _, path, pages, _ = rendered
    assert path.stat().st_size < 20_000 * len(pages)


@pytest.mark.renders
def test_a_render_without_harfbuzz_subsetting_says_it_is_slower(tmp_path, monkeypatch):
    from render_helpers import invoke
    from weasyprint.text import ffi

    with_it = invoke("render", EXAMPLES[0], "-o", tmp_path / "a.pdf")
    assert with_it.exit_code == 0 and "libharfbuzz-subset" not in with_it.stderr  # installed here (set-up)
    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    without = invoke("render", EXAMPLES[0], "-o", tmp_path / "b.pdf")
    assert without.exit_code == 0
    notes = [line for line in without.stderr.splitlines() if "libharfbuzz-subset" in line]
    assert notes == ["packetgen: note: libharfbuzz-subset is not installed, so fonts are subset by fontTools and "
                     "PDFs take about 20 % longer to write (Debian: apt-get install libharfbuzz-subset0)"]
    assert invoke("render", EXAMPLES[0], "-o", tmp_path / "c.docx").stderr.count("libharfbuzz") == 0


@pytest.mark.renders
def test_page_one_counts_items_as_the_handout_overview_does(rendered):
    """Page 1 gives the file's items and, when some fall outside the period, how many count: the
    number the handout's overview prints as "N counting items" (and the matrix counts from)."""
    result, path = rendered[0], rendered[1]
    first = squash(pdf_pages(path)[0])
    n, counting = len(result.evidence.items), sum(s.counts for s in result.item_strength)
    expected = f"{n} items" + (f" ({counting} counting)" if counting != n else "") + "; met ="
    assert expected in first
    if result.evidence.path.endswith("ic3-to-ic4-teamwork-scope-gaps.yaml"):
        assert "18 items (17 counting); met = 2 or more counting items" in first
