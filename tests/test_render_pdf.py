"""The PDF packet, read back with pypdf: what a committee member sees and what a PDF
reader's outline and properties show, from either engine (WeasyPrint and Typst)."""
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
    demonstrate_names,
    in_gap_list,
    outline_titles,
    pdf_pages,
    render_to,
    section_titles,
    squash,
)

from packetgen.cli import cli
from packetgen.model.result import SYMBOL
from packetgen.rendering.view import build
from packetgen.report.gaps import to_json

ENGINES = ("weasyprint", "typst")


@pytest.fixture(scope="module", params=[(e, x) for e in ENGINES for x in EXAMPLES],
                ids=lambda p: f"{p[0]}-{p[1].stem}")
def rendered(request, packets):
    engine, example = request.param
    packet = packets(example, "pdf", engine)
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
    gaps = between(" ".join(pages), "What is missing", "The case")
    needs_work = in_gap_list(result)
    assert needs_work, "each example has something to work on"
    for cov in needs_work:
        assert f"{cov.id} {squash(cov.expectation.text)}" in gaps
    listed = re.findall(r"\b(?:all|ic\d)\.[a-z]+\.\d+\b", gaps)  # development steps are referred to by number
    assert sorted(listed) == sorted(c.id for c in needs_work)  # each once


@pytest.mark.renders
def test_every_card_of_the_levels_to_demonstrate_shows_status_strength_and_text(rendered):
    result, _, pages, _ = rendered
    cards = between(" ".join(pages), f"The levels to demonstrate: {demonstrate_names(result)}", "Evidence Every item")
    cards = cards.replace("- ", "-")
    for cov in result.to_demonstrate:
        strength = cov.strength + " " if cov.strength else ""
        line = f"{cov.id} {SYMBOL[cov.status]} {cov.status.upper()} {strength}{squash(cov.expectation.text)}"
        assert line.replace("- ", "-") in cards  # a line may break after a hyphen
        if cov.status == "gap":
            start = cards.index(cov.id + " ")
            assert "No evidence yet." in cards[start:start + 400]


@pytest.mark.renders
def test_page_one_gives_the_levels_to_demonstrate_and_the_held_levels_in_one_line(rendered):
    result, _, pages, _ = rendered
    doc = to_json(result)
    first = pages[0]
    d, held = doc["demonstrate"], doc["held"]
    assert (f"{demonstrate_names(result)}: {d['total']} expectations to demonstrate — ✓ {d['met']} met, "
            f"◐ {d['thin']} thin, ✗ {d['gap']} gap; {d['strong']} strong, {d['supported']} supported, "
            f"{d['unsupported']} unsupported") in first
    assert f"{held['evidenced']} of {held['total']} re-evidenced" in first
    names = ", ".join(lv.name for lv in result.held_levels)
    assert f"HELD {names} — " in first
    for level in reversed(result.demonstrate_levels):  # one row per level to demonstrate, by area
        row = first[first.index(f"\n{level.name} ") if f"\n{level.name} " in first else first.index(level.name):]
        for area in result.areas:
            t = result.totals(level=level.id, area=area.id)
            if t.total:
                assert f"{SYMBOL[t.status]} {t.met} of {t.total}" in row
    assert f"Held: {names}" in first  # the muted row of held levels


@pytest.mark.renders
def test_page_one_holds_the_recommendation_the_strongest_evidence_and_what_is_missing(rendered):
    result, _, pages, _ = rendered
    first = pages[0]
    rec = result.evidence.recommendation
    assert ("RECOMMENDATION " + ({"promote-now": "Promote now", "next-cycle": "Next cycle",
                                  "not-yet": "Not yet"}[rec.decision] if rec else "none recorded")) in first
    assert "Strongest evidence" in first and "What is missing" in first
    strongest = squash(between(first, "Strongest evidence", "What is missing"))
    expected = build(result, GENERATED).strongest
    assert 1 <= len(expected) <= 3
    for entry in expected:  # each with its outcome and its voice, in rank order
        ref = entry.ref
        assert f"{ref.label} {squash(ref.item.title)}" in strongest
        assert squash(ref.outcome) in strongest and squash(ref.voice) in strongest
    at = [strongest.index(f"{e.ref.label} {squash(e.ref.item.title)}") for e in expected]
    assert at == sorted(at)
    assert any("The case" in page for page in pages[:2])  # the case starts no later than page 2


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
    assert meta.creator.startswith(("packetgen ", "Typst "))  # Typst names itself


@pytest.mark.renders
def test_outline_follows_the_headings(rendered):
    result, path, _, _ = rendered
    titles = outline_titles(PdfReader(path))
    assert titles[0] == (0, result.candidate.name)
    top = [t for depth, t in titles if depth == 1]
    target = result.framework.level(result.target_level).name
    assert top == section_titles(result)
    voices, _ = case_headings(result)
    several = len(result.demonstrate) > 1
    areas = [("" if not several else f"{lv.name} · ") + a.name for lv in reversed(result.demonstrate_levels)
             for a in result.areas if result.select(level=lv.id, area=a.id)]
    beyond = [f"Beyond {target}"] if result.beyond_target else []
    assert [t for d, t in titles if d == 2] == voices + areas + beyond
    assert max(d for d, _ in titles) == 2  # cards and items are not bookmarks: the outline stays short


@pytest.mark.renders
def test_gap_entries_link_to_their_sections(rendered):
    result, path, pages, _ = rendered
    reader = PdfReader(path)
    first = next(i for i, text in enumerate(pages) if "What is missing" in text)
    last = next(i for i, text in enumerate(pages) if "The case Summary" in text)
    targets = set()
    for page in reader.pages[first:last + 1]:  # the links of the gaps section itself
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") == "/Link" and "/Dest" in a:
                targets.add(str(a["/Dest"]))
    needs_work = in_gap_list(result)
    if reader.named_destinations:  # WeasyPrint: each link names its target
        assert {anchor(result, c.id) for c in needs_work} <= targets
        assert {anchor(result, c.id) for c in needs_work} <= set(reader.named_destinations)
        return
    # Typst: each link points at a place on a page; every open expectation's card is on a page linked to
    number = {p.indirect_reference.idnum: n for n, p in enumerate(reader.pages)}
    landed = {number[annot.get_object()["/Dest"][0].idnum] for page in reader.pages[first:last + 1]
              for annot in page.get("/Annots") or [] if "/Dest" in annot.get_object()}
    cards = between(" ".join(pages), "The levels to demonstrate", "Evidence Every item")
    for cov in needs_work:
        if cov.id in cards:
            assert any(cov.id in pages[n] for n in landed), cov.id


@pytest.mark.renders
def test_paper_sizes(packets, tmp_path):
    a4 = packets(EXAMPLES[0], "pdf").path  # A4 is the default
    letter = tmp_path / "letter.pdf"
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
    words = sum(len(page.split()) for page in pages)
    assert path.stat().st_size < 20_000 * len(pages) or path.stat().st_size < 40 * words + 40_000  # Typst fills pages fuller


@pytest.mark.renders
def test_a_render_without_harfbuzz_subsetting_says_it_is_slower(evidence_file, tmp_path, monkeypatch):
    from render_helpers import invoke
    from weasyprint.text import ffi

    small = evidence_file("evidence: []\n")  # a page or two: the note does not depend on the packet
    with_it = invoke("render", small, "-o", tmp_path / "a.pdf")
    assert with_it.exit_code == 0 and "libharfbuzz-subset" not in with_it.stderr  # installed here (set-up)
    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    without = invoke("render", small, "-o", tmp_path / "b.pdf")
    assert without.exit_code == 0
    notes = [line for line in without.stderr.splitlines() if "libharfbuzz-subset" in line]
    assert notes == ["packetgen: note: libharfbuzz-subset is not installed, so fonts are subset by fontTools and "
                     "PDFs take about 20 % longer to write (Debian: apt-get install libharfbuzz-subset0)"]
    assert invoke("render", small, "-o", tmp_path / "c.docx").stderr.count("libharfbuzz") == 0


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
