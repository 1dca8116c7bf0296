"""The packet a committee reads (contract section 5; issues 11 and 25), read back from the outputs:
the case first on page 1, every item once, short, gaps that cannot hide, nothing to fill in, and
typesetting checked with positions from the PDF (pdfplumber)."""
from __future__ import annotations

import re
import shutil
import zipfile

import docx
import pdfplumber
import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLES, ROOT
from render_helpers import GENERATED, docx_blocks, libreoffice_pdf, pdf_pages, squash
from test_render_case import assert_in_order, opening, plain, reading_text

from packetgen.rendering.docx.palette import FILL
from packetgen.rendering.view import build
from packetgen.text import fold

FORMATS = ("pdf", "docx", "html", "md")
EXAMPLE = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"
STRONG_CASE = ROOT / "examples" / "ic4-to-ic5-strong-case.yaml"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
GAP_RGB = (0xA8 / 255, 0x28 / 255, 0x1E / 255)


def fragment(markdown: str, words: int = 9) -> str:
    return " ".join(plain(markdown).split()[:words])


def target_name(result) -> str:
    return result.framework.level(result.target_level).name


# --- 0. the case first (issue 25) -------------------------------------------------------------
# Page 1 answers "ready or not, and where not": the recommendation line, the strongest evidence,
# what is missing; the case starts by page 2; the same order in every format.

CASES = [e.stem for e in EXAMPLES] + ["stress"]


@pytest.fixture
def case(request, stress):
    """The path of a case by name: an example, or the layout stress file."""
    return {e.stem: e for e in EXAMPLES}.get(request.param, stress)


def page_one_parts(view, *, first_entry: bool = True) -> list[str]:
    """What page 1 must hold, in reading order: the recommendation line, the strongest items'
    titles under their heading, what is missing (its heading, its tally for the levels to
    demonstrate and, unless told otherwise, its first entry)."""
    parts = [view.recommendation_line, "Strongest evidence"]
    parts += [opening(s.ref.item.title, 6) for s in view.strongest]
    parts += ["What is missing", f"For {view.demonstrate_names}:"]
    if view.open and first_entry:
        parts.append(view.open[0].id)
    return [squash(p) for p in parts]


def pages_of(path) -> list[str]:
    return [page.replace("RECOMMENDATION", "Recommendation") for page in pdf_pages(path)]


@pytest.mark.renders
@pytest.mark.parametrize("case", CASES, indirect=True)
def test_page_1_of_the_pdf_holds_the_recommendation_the_strongest_evidence_and_what_is_missing(packets, case):
    rendered = packets(case, "pdf")
    view = build(rendered.result, GENERATED)
    pages = pages_of(rendered.path)
    assert view.strongest, "every case here has evidence worth putting first"
    assert_in_order(pages[0], page_one_parts(view))
    assert opening(rendered.result.evidence.summary) in pages[0] + " " + pages[1], "the case starts by page 2"


@pytest.mark.renders
@pytest.mark.parametrize("fmt", ("docx", "html", "md"))
@pytest.mark.parametrize("case", CASES, indirect=True)
def test_every_format_opens_with_the_same_case_first(packets, case, fmt):
    """The same order in DOCX, HTML and Markdown: recommendation, strongest, what is missing, then
    the case (its summary) before the levels to demonstrate."""
    rendered = packets(case, fmt)
    view = build(rendered.result, GENERATED)
    assert_in_order(reading_text(rendered.path, fmt), page_one_parts(view) + [
        "The case", opening(rendered.result.evidence.summary), "The levels to demonstrate"])


@pytest.fixture(scope="module")
def libreoffice_pages(packets, stress, tmp_path_factory):
    """Each case's DOCX as LibreOffice lays it out (one conversion for all): its pages' text."""
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    out = tmp_path_factory.mktemp("docx-pages")
    copies = []
    for case in [*EXAMPLES, stress]:
        copies.append(out / f"{case.stem}.docx")
        shutil.copyfile(packets(case, "docx").path, copies[-1])
    return {pdf.stem: pages_of(pdf) for pdf in libreoffice_pdf(out, *copies)}


@pytest.mark.renders
@pytest.mark.parametrize("case", CASES, indirect=True)
def test_page_1_of_the_docx_in_libreoffice_holds_the_same(packets, case, libreoffice_pages):
    rendered = packets(case, "docx")
    view = build(rendered.result, GENERATED)
    pages = libreoffice_pages[case.stem]
    # Word and LibreOffice break pages their own way: the tally of what is missing is on page 1,
    # its entries follow on page 1 or 2
    assert_in_order(pages[0], page_one_parts(view, first_entry=False))
    if view.open:
        assert view.open[0].id in pages[0] + " " + pages[1]
    assert opening(rendered.result.evidence.summary) in pages[0] + " " + pages[1]


# --- 1. every item once -----------------------------------------------------------------------

@pytest.mark.renders
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES, indirect=True)
def test_every_description_quote_and_development_step_occurs_exactly_once(packets, case, fmt):
    packet = packets(case, fmt)
    ev = packet.result.evidence
    text = reading_text(packet.path, fmt)
    texts = [item.description for item in ev.items if item.description]
    texts += [q.text for item in ev.items for q in item.quotes]
    steps = [step.plan for step in ev.development]
    assert len(texts) > 20 and steps
    for source in texts + steps:
        assert text.count(fragment(source)) == 1, fragment(source)


# --- 2. short ---------------------------------------------------------------------------------

@pytest.mark.renders
@pytest.mark.parametrize("example, most", [(EXAMPLE, 9), (STRONG_CASE, 11)], ids=["ic3-to-ic4", "ic4-to-ic5"])
def test_a_packet_fits_in_few_pages_and_reaches_the_levels_to_demonstrate_by_page_3(packets, example, most):
    packet = packets(example, "pdf")
    pages = pdf_pages(packet.path)
    assert len(pages) <= most
    heading = f"The levels to demonstrate: {target_name(packet.result)} Each expectation"
    first = next(n for n, page in enumerate(pages, start=1) if heading in page)
    assert first <= 3


@pytest.mark.renders
def test_a_handout_of_the_three_examples_fits_in_40_pages_with_the_framework_once_at_its_end(handout_pdf):
    pages = pdf_pages(handout_pdf)
    assert len(pages) <= 40
    about = [n for n, page in enumerate(pages) if "About the framework" in page]
    assert about == [len(pages) - 1] or about == [len(pages) - 2, len(pages) - 1][:len(about)]
    assert sum(page.count("About the framework") for page in pages) == 1
    # every chapter has the packet's layout
    for name in ("Priya Natarajan", "Jordan Lee", "Morgan Okafor"):
        start = next(n for n, page in enumerate(pages) if page.startswith(f"PROMOTION PACKET {name}"))
        chapter = " ".join(pages[start:start + 12])
        for heading in ("Readiness at a glance", "Strongest evidence", "What is missing", "The case",
                        "The levels to demonstrate: ", "Evidence Every item"):
            assert heading in chapter


@pytest.fixture(scope="module")
def handout_pdf(handouts):
    return handouts(anonymize=False, fmt="pdf")[0]


# --- 3. gaps cannot hide ----------------------------------------------------------------------

@pytest.mark.renders
def test_page_1_names_every_gap_of_the_target_level(packets):
    packet = packets(EXAMPLE, "pdf")
    first = pdf_pages(packet.path)[0]
    gaps = [c for c in packet.result.expectations if c.status == "gap" and c.expectation.level == "ic4"]
    assert len(gaps) == 4
    for cov in gaps:
        assert f"{cov.id} {squash(cov.expectation.text)}" in first


def expected_gap_cells(result) -> list[str]:
    """The text of every readiness cell that holds a gap ("✗ 0 of 4 3 gaps"): the levels to
    demonstrate by area and in all; held levels never show a gap cell."""
    cells = [result.totals(level=lv.id, area=a.id) for lv in result.demonstrate_levels for a in result.areas]
    cells += [result.totals(level=lv.id) for lv in result.demonstrate_levels]
    return [f"✗ {t.met} of {t.total} {t.gap} gap{'s' * (t.gap != 1)}" for t in cells if t.gap]


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_matrix_cell_with_a_gap_is_labelled_and_filled_as_a_gap_in_the_pdf(packets, example):
    packet = packets(example, "pdf")
    with pdfplumber.open(packet.path) as pdf:
        page = pdf.pages[0]
        fills = [r for r in page.rects if r.get("non_stroking_color") and len(r["non_stroking_color"]) == 3
                 and all(abs(a - b) < 0.01 for a, b in zip(r["non_stroking_color"], GAP_RGB))]
        words = page.extract_words()
        top = next(w for w, after in zip(words, words[1:]) if w["text"] == "By" and after["text"] == "area:")["top"]
        bottom = next(w for w in words if w["text"] == "Strongest" and w["top"] > top)["top"]
        crosses = [w for w in page.extract_words() if w["text"] == "✗" and top < w["top"] < bottom - 4]
        in_matrix = []
        for word in crosses:  # the ✗ of a cell, and the words beside and under it
            rect = next((r for r in fills if r["x0"] <= word["x0"] and word["x1"] <= r["x1"]
                         and r["top"] <= word["top"] and word["bottom"] <= r["bottom"]), None)
            if rect is not None:
                inside = squash(page.within_bbox((rect["x0"], rect["top"], rect["x1"], rect["bottom"])).extract_text())
                if inside != "✗ GAP":  # the legend's badge
                    in_matrix.append(inside)
    expected = expected_gap_cells(packet.result)
    assert sorted(in_matrix) == sorted(expected)


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_matrix_cell_with_a_gap_is_labelled_and_filled_as_a_gap_in_the_docx(packets, example):
    packet = packets(example, "docx")
    document = docx.Document(str(packet.path))
    matrix = next(t for t in document.tables if squash(t.rows[0].cells[0].text).upper() == "LEVEL")
    found = []
    for row in matrix.rows[1:]:
        for cell in row.cells[1:]:
            shd = cell._tc.tcPr.find(docx.oxml.ns.qn("w:shd")) if cell._tc.tcPr is not None else None
            fill = shd.get(docx.oxml.ns.qn("w:fill")) if shd is not None else None
            text = squash(cell.text)
            if "✗" in text:
                assert fill == FILL["gap"], text
                found.append(text)
            else:
                assert "gap" not in text and fill != FILL["gap"]
    assert sorted(found) == sorted(expected_gap_cells(packet.result))


# --- 4. nothing for the reader to fill in -----------------------------------------------------

@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_docx_contents_are_written_out_and_nothing_asks_for_an_update(packets, example):
    packet = packets(example, "docx")
    document = docx.Document(str(packet.path))
    qn = docx.oxml.ns.qn
    headings = [text for style, text in docx_blocks(document) if style == "Heading 1"]
    toc = next(p for p in document.paragraphs if p.style.name == "Packet TOC")
    links = [("".join(t.text for t in h.iter(qn("w:t"))), h.get(qn("w:anchor"))) for h in toc._p.iter(qn("w:hyperlink"))]
    assert [text for text, _ in links] == headings and len(links) >= 6
    body = document.element.body
    for (text, anchor) in links:  # each entry lands on its heading
        mark = next(b for b in body.iter(qn("w:bookmarkStart")) if b.get(qn("w:name")) == anchor)
        assert squash("".join(t.text for t in mark.getparent().iter(qn("w:t")))) == text
    with zipfile.ZipFile(packet.path) as z:
        settings = z.read("word/settings.xml").decode()
        visible = " ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", z.read("word/document.xml").decode()))
    assert "updateFields" not in settings
    assert not re.search(r"\bupdate (the|this) (table|field)|\(F9\)|right-click", visible, re.I)


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_heading_levels_never_skip(packets, example):
    document = docx.Document(str(packets(example, "docx").path))
    levels = [0 if style == "Title" else int(style.split()[-1])
              for style, _ in docx_blocks(document) if style == "Title" or style.startswith("Heading ")]
    assert levels[0] == 0 and all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    soup = BeautifulSoup(packets(example, "html").path.read_text(encoding="utf-8"), "html.parser")
    html_levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert html_levels[0] == 1 and all(b <= a + 1 for a, b in zip(html_levels, html_levels[1:]))


@pytest.mark.renders
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_shows_the_contents_on_first_open(packets, libreoffice_pages):
    packet = packets(EXAMPLE, "docx")
    first = libreoffice_pages[EXAMPLE.stem][0].replace("Recommendation", "RECOMMENDATION")
    assert ("CONTENTS Readiness at a glance · Strongest evidence · What is missing · The case · The levels to "
            "demonstrate: IC4 · Evidence · Held levels, for reference") in first
    assert "update" not in first.lower()
    for cov in packet.result.select(level="ic4"):  # LibreOffice's page 1 names every gap too
        if cov.status == "gap":
            assert f"{cov.id} {squash(cov.expectation.text)}" in first


# --- 5. typesetting ---------------------------------------------------------------------------

FOOTER_PT = 18 * 72 / 25.4  # the bottom margin holds the running footer


def body_lines(path) -> list[list[dict]]:
    """Each page's text lines above the footer, top to bottom, with their first character."""
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            lines = [line for line in page.extract_text_lines(return_chars=True)
                     if line["bottom"] < page.height - FOOTER_PT + 4]
            out.append(lines)
    return out


def is_heading(line: dict) -> bool:
    font = line["chars"][0]["fontname"]
    return "Condensed" in font and "Bold" in font and line["chars"][0]["size"] >= 9.4


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def laid_out(request, packets):
    packet = packets(request.param, "pdf")
    return packet, body_lines(packet.path)


@pytest.mark.renders
def test_no_heading_is_the_last_line_of_a_page(laid_out):
    _, pages = laid_out
    for n, lines in enumerate(pages[:-1], start=1):
        assert not is_heading(lines[-1]), f"page {n} ends with the heading {lines[-1]['text']!r}"


@pytest.mark.renders
def test_no_page_holds_fewer_than_five_lines(laid_out):
    _, pages = laid_out
    for n, lines in enumerate(pages, start=1):
        assert len(lines) >= 5, f"page {n} holds {len(lines)} lines"


@pytest.mark.renders
def test_no_date_breaks_across_lines(laid_out):
    _, pages = laid_out
    for lines in pages:
        for a, b in zip(lines, lines[1:]):
            split = (re.search(r"(?<![\d,.])\b\d{1,2}$", a["text"]) and re.match(rf"{MONTH} \d{{4}}", b["text"])) or \
                    (re.search(rf"\b\d{{1,2}} {MONTH}$", a["text"]) and re.match(r"\d{4}\b", b["text"]))
            assert not split, (a["text"], b["text"])


@pytest.mark.renders
def test_a_card_is_never_split_across_pages(laid_out):
    packet, _ = laid_out
    pages = pdf_pages(packet.path)
    cards = [card for level in build(packet.result, GENERATED).demonstrate for group in level.areas
             for card in group.cards]
    for card in cards:
        head = f"{card.id} {'✓✗◐'[['met', 'gap', 'thin'].index(card.coverage.status)]}"
        page = next(n for n, text in enumerate(pages) if head in text)
        for ref in card.refs + card.stale:
            line = f"{ref.label} {squash(ref.item.title)} · "
            assert line in pages[page], f"{card.id}: {ref.label} is not on the card's page {page + 1}"


@pytest.mark.renders
def test_status_is_a_word_and_a_symbol_everywhere_it_is_coloured(packets):
    text = " ".join(pdf_pages(packets(EXAMPLE, "pdf").path))
    assert fold(text).count("✗ gap") >= 4 and "◐ THIN" in text and "✓ MET" in text


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_docx_keeps_headings_with_what_follows_and_dates_whole(packets, example):
    packet = packets(example, "docx")
    document = docx.Document(str(packet.path))
    for name in ("Heading 1", "Heading 2", "Heading 3", "Packet Expectation", "Packet Item"):
        assert document.styles[name].paragraph_format.keep_with_next, name
    text = " ".join(t for _, t in docx_blocks(document))
    dates = re.findall(rf"\b\d{{1,2}}(\s){MONTH}(\s)\d{{4}}\b", text)
    assert len(dates) > 20 and all(a == b == "\u00a0" for a, b in dates)


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_markdown_links_go_both_ways_and_all_land(packets, example):
    """Read as GitHub reads it: raw HTML dropped, headings anchored by their text (mdit-py-plugins'
    anchors, another implementation of the slugs): every internal link lands, each item is linked to,
    and no `<a id>` is left for a safe renderer to drop (54 to 79 links per packet went nowhere)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin

    packet = packets(example, "md")
    text = packet.path.read_text(encoding="utf-8")
    assert "<a id" not in text
    viewer = MarkdownIt("commonmark", {"html": False}).enable("table").use(anchors_plugin, max_level=6)
    soup = BeautifulSoup(viewer.render(text), "html.parser")
    ids = {t["id"] for t in soup.find_all(id=True)}
    targets = [a["href"][1:] for a in soup.find_all("a", href=True) if a["href"].startswith("#")]
    assert set(targets) <= ids and len(targets) > 50
    headings = {h.get_text(): h["id"] for h in soup.find_all(["h3"]) if h.get("id")}
    items = [i for i in packet.result.evidence.items if i.expectations]
    linked = set(targets)
    for item in items:  # an item's heading starts with its label and title
        found = [anchor for heading, anchor in headings.items() if item.title in heading]
        assert found and found[0] in linked, item.title


# --- what a page break must not split (read back from each example's PDF) ---------------------

@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_page_breaks_keep_headings_lists_and_items_whole(packets, example):
    """The time view's caption stands on the page of its table; a gap list's heading has its first
    two rows (or all) on its page; an evidence item's title never ends a page (some of its body
    follows it) and its "Supports" line never opens one (some of the item stands above it)."""
    from packetgen.catalogue import english
    from packetgen.rendering.parts import OPEN_KINDS

    en = english()
    TIME_TITLE, TIME_ALL = en("time-title"), en("time-all")
    OPEN_TITLE = {kind: en(f"open-{kind}") for kind in OPEN_KINDS}
    packet = packets(example, "pdf")
    pages = pdf_pages(packet.path)
    view = build(packet.result, GENERATED)
    caption = next(n for n, page in enumerate(pages) if TIME_TITLE in page)
    assert f"{TIME_ALL} " in pages[caption].split(TIME_TITLE, 1)[1], f"caption alone on page {caption + 1}"
    for kind, title in OPEN_TITLE.items():
        entries = view.open_of(kind)
        if not entries:
            continue
        head = f"{title} {len(entries)} ·"
        n = next(n for n, page in enumerate(pages) if head in page)
        after = pages[n].split(head, 1)[1]
        shown = [e for e in entries if f"{e.coverage.id} " in after]
        assert len(shown) >= min(2, len(entries)), (head, n + 1, len(shown))
    evidence = next(n for n, page in enumerate(pages) if "Evidence Every item once" in page)
    for entry in view.evidence_entries:
        head = f"{entry.ref.label} {squash(entry.ref.item.title)}"
        where = [n for n in range(evidence, len(pages)) if head in pages[n]]  # not a card's reference
        assert where, head
        body = pages[where[0]].split(head, 1)[-1]
        assert len(body.split(f"{packet.result.candidate.name} · packet for")[0].split()) > 8, (head, where[0] + 1)
    for page in pages[evidence + 1:]:  # a page never opens with an item's last line
        assert not page.lstrip().startswith(("SUPPORTS", "LENDS")), page[:80]
