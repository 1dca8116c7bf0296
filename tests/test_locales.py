"""Every word once, in the reader's language (docs/reference.md, Languages): one catalogue per
locale read by every format, no reader-facing English left in code or templates, every catalogue
complete, and the IC3→IC4 example rendered in each locale: its language declared (PDF /Lang,
HTML lang and dir, Word's language), laid out right to left where the locale is, PDF/UA-1, its
dates and numbers the locale's, nothing drawn over anything."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, _made_once, _shared_folder
from literals import ALLOWED, SOURCES, TERMINAL, python_literals, template_files, template_literals

from packetgen import catalogue
from packetgen.cli import cli
from packetgen.errors import InputError, UsageError

sys.path.insert(0, str(ROOT / "scripts"))
from check_catalogue import problems

EXAMPLE = next(e for e in EXAMPLES if e.stem.startswith("ic3-to-ic4"))
LOCALES = sorted(catalogue.installed())
FORMATS = ("pdf", "docx", "html", "md")


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


# --- the catalogues -------------------------------------------------------------------------

def test_the_contracts_locales_are_installed_one_of_them_right_to_left():
    assert {"en", "de", "fr", "es", "ja"} <= set(LOCALES)
    assert any(catalogue.load(code).rtl for code in LOCALES)


@pytest.mark.parametrize("code", [c for c in LOCALES if c != "en"])
def test_every_catalogue_has_every_key_with_the_english_placeables(code):
    assert problems(code) == []


def test_no_reader_facing_english_in_templates_or_renderers():
    found = [f"{p.name}:{line}: {text!r}" for p in template_files() for line, text in template_literals(p)]
    found += [f"{p.relative_to(ROOT)}:{line}: {text!r}" for p in SOURCES for line, text in python_literals(p)]
    assert found == [], "words for a reader belong in locales/en.ftl:\n" + "\n".join(found)


def test_the_walker_finds_words_written_in_code(tmp_path):
    template = tmp_path / "t.html.j2"
    template.write_text('<h2>Readiness at a glance</h2><p class="x">{{ t("glance-title") }}</p>'
                        '{{ m.badge("met") }}{{ "No evidence yet" }}', encoding="utf-8")
    assert sorted(text for _, text in template_literals(template)) == ["No evidence yet", "Readiness at a glance"]
    code = tmp_path / "r.py"
    code.write_text('"""Docstrings are not words on a page."""\nw.p("What is missing", "Packet Small")\n'
                    'raise UsageError("terminal words may stay")\nw.run(para, f"{n} of {m} items")\n',
                    encoding="utf-8")
    assert sorted(text for _, text in python_literals(code)) == ["What is missing", "of   items"]


def test_every_allowed_literal_is_still_there_and_has_a_reason(monkeypatch):
    """The allow-list cannot grow stale: each entry is something the walker still finds."""
    import literals

    monkeypatch.setattr(literals, "ALLOWED", {})
    seen = {text for p in SOURCES for _, text in python_literals(p)}
    seen |= {text for p in template_files() for _, text in template_literals(p)}
    assert [k for k in ALLOWED if k not in seen] == []
    assert all(reason.strip() for reason in [*ALLOWED.values(), *TERMINAL.values()])


def test_a_message_says_numbers_by_the_locales_plural_rules():
    en = catalogue.load("en")
    assert en("next-items", n=1) == "needs 1 more item" and en("next-items", n=3) == "needs 3 more items"
    assert en("cell-gaps", n=1) == "1 gap" and en("cell-gaps", n=2) == "2 gaps"
    assert en.join(["IC3", "IC4", "IC5"]) == "IC3, IC4 and IC5"
    pieces = en.pieces("strongest-lends", expectations=catalogue.Slot("expectations"))
    assert pieces == ["lends to ", catalogue.Slot("expectations")]


def test_dates_numbers_and_percentages_follow_the_locale():
    from datetime import date

    day = date(2025, 10, 1)
    nbsp = "\u00a0"
    assert catalogue.load("en").date(day) == f"1{nbsp}Oct{nbsp}2025"
    assert catalogue.load("en-US").date(day) == f"Oct{nbsp}1,{nbsp}2025"
    assert catalogue.load("de").date(day).replace(nbsp, " ") == "1. Okt. 2025"
    assert catalogue.load("ja").date(day) == "2025年10月1日"
    assert catalogue.load("de").percent(0.38).replace(nbsp, " ") == "38 %"
    assert catalogue.load("en").percent(0.38) == "38%"
    assert catalogue.load("fr").number(1234567).replace("\u202f", " ").replace(nbsp, " ") == "1 234 567"


def test_an_unknown_locale_is_refused_naming_the_installed_ones(tmp_path):
    out = tmp_path / "p.html"
    result = invoke("render", EXAMPLE, "-o", out, "--locale", "xx")
    assert result.exit_code == 2 and not out.exists()
    assert "unknown locale 'xx'" in result.output and all(code in result.output for code in LOCALES)
    copy = tmp_path / "e.yaml"
    copy.write_text("locale: tlh\n" + EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("render", copy, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert f"{copy}:1:9: error: unknown locale 'tlh'" in result.output
    assert invoke("check", copy).exit_code == 2


@pytest.mark.renders
def test_a_companys_catalogue_changes_its_words_and_a_misspelt_key_is_located(tmp_path):
    own = tmp_path / "acme.ftl"
    own.write_text("glance-title = Where the case stands\n", encoding="utf-8")
    out = tmp_path / "p.md"
    assert invoke("render", EXAMPLE, "-o", out, "--catalogue", own).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "## Where the case stands" in text and "Readiness at a glance" not in text
    own.write_text("glance-title = Where the case stands\n\nglance-titel = typo\n", encoding="utf-8")
    result = invoke("render", EXAMPLE, "-o", tmp_path / "q.md", "--catalogue", own)
    assert result.exit_code == 2 and f"{own}:3:1: error: no message 'glance-titel'" in result.output
    own.write_text("glance-title = { $\n", encoding="utf-8")
    result = invoke("render", EXAMPLE, "-o", tmp_path / "q.md", "--catalogue", own)
    assert result.exit_code == 2 and f"{own}:1:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "q.md").exists()


@pytest.mark.renders
def test_a_catalogue_for_another_language_must_have_every_message(tmp_path):
    partial = tmp_path / "nl.ftl"
    partial.write_text("locale-name = Nederlands\nglance-title = Gereedheid in één oogopslag\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs every message; missing"):
        catalogue.load("nl", partial)
    whole = tmp_path / "nl-whole.ftl"
    whole.write_text(catalogue.installed()["en"].read_text(encoding="utf-8").replace(
        "glance-title = Readiness at a glance", "glance-title = Gereedheid in één oogopslag"), encoding="utf-8")
    out = tmp_path / "p.md"
    assert invoke("render", EXAMPLE, "-o", out, "--locale", "nl", "--catalogue", whole).exit_code == 0
    assert "## Gereedheid in één oogopslag" in out.read_text(encoding="utf-8")
    with pytest.raises(UsageError):
        catalogue.load("nl")


def test_packetgen_locales_lists_each_with_its_direction_and_word_lists():
    result = invoke("locales")
    assert result.exit_code == 0
    for code in LOCALES:
        words = catalogue.load(code)
        assert re.search(rf"^{code}\s+{re.escape(words.name)}\s+{words.direction}\s", result.output, re.M)
    assert re.search(r"^en\s.*\byes\b", result.output, re.M)
    assert re.search(r"^de\s.*English lists only", result.output, re.M)


# --- the example in every locale --------------------------------------------------------------

@pytest.fixture(scope="session")
def localized(tmp_path_factory):
    """localized(code, fmt) -> the IC3→IC4 example rendered in that locale, once per run (the PDF as
    an archival record: a packet, PDF/A-3b too, with its sources embedded)."""
    base = _shared_folder(tmp_path_factory, "localized")

    def get(code: str, fmt: str) -> Path:
        out = base / f"{code}.{fmt}"

        def make(path):
            archival = ["--archival"] if fmt == "pdf" else []
            result = invoke("render", EXAMPLE, "-o", path, "--locale", code, *archival)
            assert result.exit_code == 0, result.output
        _made_once(out, make)
        return out

    return get


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2068", "").replace("\u2069", "")).strip()


def _headings(words) -> list[str]:
    return [words("glance-title"), words("strongest-title"), words("missing-title"), words("case-title"),
            words("evidence-title"), words("held-title")]


@pytest.mark.renders
@pytest.mark.parametrize("code", LOCALES)
def test_the_pdf_speaks_the_locale_is_pdfua_1_pdfa_3b_verifies_and_nothing_overlaps(localized, code):
    import page
    import pikepdf
    from geometry import broken_words, overlapping_words, pdf_words, vocabulary
    from pypdf import PdfReader

    from packetgen.loading.evidence import load_evidence

    words = catalogue.load(code)
    path = localized(code, "pdf")
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == code
        assert pdf.Root.MarkInfo.Marked is True
    for profile in ("ua1", "3b"):
        report = page.validate_pdf(path, profile=profile)
        assert report.is_compliant, (profile, [(f.rule_id, f.message) for f in report.failures])
    if code == "ja" or words.rtl:  # re-rendered in the locale the record states: a CJK and a right-to-left one
        # (de, fr and es take the same path with Latin text; English records are verified throughout test_archive)
        assert invoke("verify", path).exit_code == 0
    pages = [_squash(p.extract_text() or "") for p in PdfReader(path).pages]
    text = " ".join(pages)
    for heading in _headings(words):
        assert _squash(heading) in text, heading
    period = load_evidence(EXAMPLE).evidence.period
    said = [_squash(words.date(period.start)), _squash(words("page-of", page=1, pages=len(pages)))]
    for phrase in said:  # a right-to-left line is extracted in visual order: its words, then
        assert phrase in pages[0] if not words.rtl else all(w in pages[0] for w in phrase.split()), phrase
    words_on_pages = pdf_words(path)
    assert overlapping_words(words_on_pages) == []
    if not words.rtl and code != "ja":  # Japanese breaks lines between any two characters; a right-to-left
        # line's letters come out of the PDF in visual order (both are covered by the overlap check)
        known = vocabulary(localized(code, "html").read_text(encoding="utf-8"))
        known |= {w.upper().lower() for w in known}  # CSS capitals: "außerhalb" prints "AUSSERHALB"
        from packetgen.records.read import read

        record = read(path).record  # the record line at the top of every page: "Evidence SHA-256 0776a8bd…"
        known |= vocabulary(words("record-line", sha=record["evidence"]["sha256"], version=record["packetgen"],
                                  framework=record["framework"]["id"]))
        assert broken_words(words_on_pages, known) == []  # no word of the locale's cut in two


@pytest.mark.renders
@pytest.mark.parametrize("code", LOCALES)
def test_the_docx_declares_the_language_and_a_right_to_left_locale_runs_right_to_left(localized, code):
    from docx import Document
    from docx.oxml.ns import qn

    words = catalogue.load(code)
    doc = Document(str(localized(code, "docx")))
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")).split("-")[0] == code
    assert doc.core_properties.language == code
    bidi = defaults.find(qn("w:pPrDefault")) is not None and \
        defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:bidi")) is not None
    tables = [t._tbl.tblPr.find(qn("w:bidiVisual")) is not None for t in doc.tables]
    assert bidi == words.rtl and set(tables) == {words.rtl}
    paragraphs = [p.text for p in doc.paragraphs]
    for heading in _headings(words):
        assert heading in paragraphs, heading


@pytest.mark.renders
@pytest.mark.parametrize("code", LOCALES)
def test_the_html_and_markdown_speak_the_locale(localized, code):
    from bs4 import BeautifulSoup

    words = catalogue.load(code)
    soup = BeautifulSoup(localized(code, "html").read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == code and soup.html.get("dir", "ltr") == words.direction  # ltr: the default, unsaid
    h2 = [_squash(h.get_text()) for h in soup.find_all("h2")]
    assert all(_squash(h) in h2 for h in _headings(words)), h2
    md = localized(code, "md").read_text(encoding="utf-8")
    assert all(f"## {h}" in md or f"</a>{h}" in md for h in _headings(words))


@pytest.mark.renders
def test_ids_and_numbers_stay_whole_inside_right_to_left_text(localized):
    """Each expectation ID of a right-to-left packet is isolated (U+2068 … U+2069) in the HTML,
    and reads in order in the PDF's text."""
    rtl = [code for code in LOCALES if catalogue.load(code).rtl]
    from pypdf import PdfReader

    for code in rtl:
        html = localized(code, "html").read_text(encoding="utf-8")
        assert "\u2068ic4.scope.2\u2069" in html
        text = " ".join(p.extract_text() or "" for p in PdfReader(localized(code, "pdf")).pages)
        assert "ic4.scope.2" in text and "ic4.teamwork.4" in text


@pytest.mark.renders
def test_a_record_states_its_locale(localized, tmp_path):
    from packetgen.records.read import read

    assert read(localized("de", "pdf")).record["locale"] == "de"
    assert invoke("render", EXAMPLE, "-o", tmp_path / "s.pdf", "--archival", "--catalogue",
                  tmp_path / "x.ftl").exit_code == 2


@pytest.mark.renders
def test_a_handout_and_its_pseudonyms_speak_the_locale(tmp_path):
    from docx import Document

    out = tmp_path / "h.docx"
    result = invoke("committee", *EXAMPLES, "-o", out, "--locale", "de", "--anonymize")
    assert result.exit_code == 0, result.output
    de = catalogue.load("de")
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert de("handout-overview") in text and de("handout-title") in text
    assert de("pseudonym-candidate", letter="A") in text
    assert catalogue.load("en")("handout-overview") not in text or de("handout-overview") == "Cycle overview"


@pytest.mark.renders
def test_a_drafts_writing_review_speaks_the_locale_and_says_which_word_lists_read_it(tmp_path):
    out = tmp_path / "d.md"
    draft = ROOT / "tests/testdata/fairness/personality.yaml"
    result = invoke("render", draft, "-o", out, "--draft", "--locale", "de")
    assert result.exit_code == 0, result.output
    de = catalogue.load("de")
    text = out.read_text(encoding="utf-8")
    assert f"## {de('review-title')}" in text
    assert de("review-why-personality") in text
    assert _squash(de("review-lists-missing", languages=de.join(["Englisch"]))) in _squash(text)


@pytest.mark.renders
def test_each_locales_html_passes_axe_and_nothing_overlaps_in_chromium(localized):
    """axe-core's WCAG 2.2 AA rules at 1280 px for the locales that differ from English in what axe reads
    (de: the longest words, ja: another script and no spaces, he: right to left; fr and es are Latin text in
    the same markup as de, so their runs would repeat de's), bar colour contrast: the colours are the
    style sheet's, the same in every language, and test_html_browser.py checks them (2.2 s of each
    3.4 s run); the layout checks of the geometry
    suite (no text box over another, nothing wider than the screen, no word broken) at 390 px for
    the locales whose words are longest (de) or have no spaces (ja), and at 390 and 1280 px for the
    right-to-left one."""
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    from axe_playwright_python.sync_playwright import Axe
    from geometry import layout_at, opened
    from playwright.sync_api import sync_playwright

    wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for code in [c for c in LOCALES if c in ("de", "ja") or catalogue.load(c).rtl]:
                with opened(browser, localized(code, "html"), 390) as page:  # laid out at 390 px, then 1280
                    for width in (390,) if code != "he" else (390, 1280):
                        layout = layout_at(page, width)
                        # Japanese breaks a line between any two characters: "broken" is no fault there
                        kinds = ("overlaps", "wide", "narrow") + (() if code == "ja" else ("broken",))
                        bad = {k: layout[k] for k in kinds if layout[k]}
                        if bad or layout["scroll"] > width:
                            problems[f"{code} at {width} px"] = bad or {"scroll": layout["scroll"]}
                    page.set_viewport_size({"width": 1280, "height": 900})
                    found = Axe().run(page, options={"runOnly": {"type": "tag", "values": wcag},
                                                     "rules": {"color-contrast": {"enabled": False}}}).response["violations"]
                if found:
                    problems[f"{code} axe"] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in found]
        finally:
            browser.close()
    assert problems == {}
