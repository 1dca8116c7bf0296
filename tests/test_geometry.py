"""Nothing drawn over anything on paper, measured (issue 25): for every example, a stress file (a
60-character hyphenated name, long roles and titles, 40 items, an ID in every table) and committee
handouts of them (named on A4, anonymised on Letter): no two words overlap on any PDF page, no
word is cut at a line end, nothing runs off the paper, no packet or chapter ends on a page holding a
few lines; the same for the DOCX as LibreOffice lays it out. The screen: test_geometry_browser.py."""

from __future__ import annotations

import shutil

import pytest
from conftest import EXAMPLES
from geometry import (
    broken_status_words,
    broken_words,
    off_the_page,
    overlapping_words,
    pdf_words,
    run,
    short_last_pages,
    vocabulary,
)
from render_helpers import libreoffice_pdf

pytestmark = pytest.mark.renders


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory, packets, stress, htmls, handouts):
    """Every PDF the geometry is judged on (the examples and the stress packet from both engines, two handouts: the shared A4
    one of the examples, and the stress file's among them anonymised on Letter), each with its pages'
    words and the words its source holds. Both papers and both kinds of names are laid out; every
    combination would be four handouts (30 s of the suite) for the same templates."""
    out = tmp_path_factory.mktemp("geometry")
    found = {e.stem: (packets(e, "pdf").path, e.stem) for e in EXAMPLES}
    found["stress"] = (packets(stress, "pdf").path, "stress")
    # the second engine: the stress packet, and the handout, whose chapters are the three examples
    found["typst-stress"] = (packets(stress, "pdf", "typst").path, "stress")
    found["typst-handout-a4"] = (handouts(anonymize=False, fmt="pdf", engine="typst")[0], "handout")
    found["handout-a4"] = (handouts(anonymize=False, fmt="pdf")[0], "handout")
    letter = out / "handout-anonymised-letter.pdf"
    run("committee", *EXAMPLES, stress, "-o", letter, "--paper", "letter", "--anonymize")
    found["handout-anonymised-letter"] = (letter, "handout-anonymised")
    return {
        name: (path, pdf_words(path), vocabulary(htmls[source].read_text(encoding="utf-8")))
        for name, (path, source) in found.items()
    }


def judge(pdfs, check) -> dict:
    problems = {name: check(path, words, known) for name, (path, words, known) in pdfs.items()}
    return {name: found[:5] for name, found in problems.items() if found}


def test_no_two_words_overlap_on_any_pdf_page(pdfs):
    assert judge(pdfs, lambda path, words, known: overlapping_words(words)) == {}


def test_no_word_is_cut_at_a_line_end(pdfs):
    assert judge(pdfs, lambda path, words, known: broken_status_words(words) + broken_words(words, known)) == {}


def test_nothing_runs_off_the_paper(pdfs):
    assert judge(pdfs, lambda path, words, known: off_the_page(path, words)) == {}


def test_no_packet_or_chapter_ends_on_a_page_of_a_few_lines(pdfs):
    assert judge(pdfs, lambda path, words, known: short_last_pages(path, pages=words)) == {}


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (.ci/run installs it)")
def test_the_docx_laid_out_by_libreoffice_overprints_nothing_and_ends_no_part_on_a_few_lines(tmp_path, stress):
    """The DOCX of the stress file and a DOCX handout, as LibreOffice lays them out (Word's layout
    is close; this is the one an independent program can show us)."""
    run("render", stress, "-o", tmp_path / "stress.docx")
    run("committee", *EXAMPLES, stress, "-o", tmp_path / "handout.docx")
    libreoffice_pdf(tmp_path, tmp_path / "stress.docx", tmp_path / "handout.docx")
    problems = {}
    for name in ("stress", "handout"):
        path = tmp_path / f"{name}.pdf"
        words = pdf_words(path)
        assert len(words) > 10
        found = overlapping_words(words) + broken_status_words(words) + short_last_pages(path, pages=words)
        if found:
            problems[name] = found[:6]
    assert problems == {}


def test_the_checks_find_what_they_look_for(tmp_path):
    """The checks themselves, on a PDF made to fail them: two words drawn over each other, a status
    word and a name cut at a line end, a word past the paper's edge, a last page of one line."""
    import weasyprint

    source = """<style>@page { size: A4; margin: 16mm 16mm 18mm 16mm }
      .over { position: absolute; top: 40mm; left: 20mm } p.narrow { width: 13mm; word-break: break-all }</style>
      <p class="over">Overprinted</p><p class="over">Underneath</p>
      <p class="narrow">unsupported</p><p class="narrow">Cholmondeley</p>
      <p style="margin-left: 190mm; white-space: nowrap">Clipped at the edge</p>
      <p style="break-before: page">Alone.</p>"""
    out = tmp_path / "bad.pdf"
    weasyprint.HTML(string=source).write_pdf(out)
    words = pdf_words(out)
    assert overlapping_words(words) and broken_status_words(words) and off_the_page(out, words)
    broken = broken_words(words, vocabulary(source))
    assert any("'Chol" in found for found in broken) and any("'unsu" in found for found in broken), broken
    assert short_last_pages(out, chapter_start="nothing starts a chapter")
