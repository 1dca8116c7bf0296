"""Property-based tests: generated evidence files, valid ones with arbitrary Unicode text
and broken ones, must each end in success or a located exit 2 — never a traceback — and a
successful PDF and DOCX contain the generated text."""
from __future__ import annotations

import json
import os
import re
from datetime import date, timedelta

import docx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from render_helpers import pdf_pages, squash

from packetgen.cli import cli
from packetgen.loading.framework import load_framework

FW = load_framework()
LEVELS = [lv.id for lv in FW.candidate_levels]
LOCATED = re.compile(r"^\S.*:\d+:\d+: (error|warning): .+", re.M)

# Text a YAML file can hold as written (no C0/C1 controls, no surrogates); anything else.
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
printable = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=200)
# Words a reader can see in the PDF with the bundled fonts (Latin, Greek, Cyrillic).
visible_char = st.one_of(st.characters(min_codepoint=0x21, max_codepoint=0x7E),
                         st.characters(min_codepoint=0xC0, max_codepoint=0x17F),
                         st.characters(min_codepoint=0x391, max_codepoint=0x3C9),
                         st.characters(min_codepoint=0x410, max_codepoint=0x44F))
word = st.text(visible_char, min_size=1, max_size=12)
title = st.lists(word, min_size=1, max_size=6).map(" ".join)


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@st.composite
def evidence_yaml(draw, text=printable, titles=title, max_items=4):
    target_i = draw(st.integers(1, len(LEVELS) - 1))
    target, current = LEVELS[target_i], LEVELS[target_i - 1]
    ids = [e.id for e in FW.expectations]
    start = date(2025, 7, 1)
    name = draw(titles)
    lines = [f"candidate:\n  name: {q(name)}\n  current_level: {current}\n  target_level: {target}",
             f"  role: {q(draw(text))}\n  manager: {q(draw(titles))}",
             "period:\n  start: 2025-07-01\n  end: 2026-06-30",
             f"summary: {q(draw(text))}", "evidence:"]
    items = []
    for i in range(draw(st.integers(0, max_items))):
        item_title = draw(titles)
        items.append(item_title)
        cites = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4, unique=True))
        day = start + timedelta(days=draw(st.integers(-60, 400)))
        lines.append(f"  - id: item-{i}\n    title: {q(item_title)}\n    date: {day}\n"
                     f"    expectations: [{', '.join(cites)}]\n    description: {q(draw(text))}\n"
                     f"    links:\n      - {{title: {q(draw(text) or 'x')}, url: {q(draw(st.sampled_from(['https://example.com/a', 'javascript:alert(1)', 'mailto:a@b.c', 'file:///etc/passwd'])))}}}\n"
                     f"    quotes:\n      - {{from: {q(draw(titles))}, text: {q(draw(text) or 'y')}}}")
    return "\n".join(lines) + "\n", name, items


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def assert_clean(result):
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert LOCATED.search(result.stderr) or result.stderr.startswith("packetgen: error:"), result.stderr


@given(st.binary(max_size=400))
def test_any_bytes_end_in_success_or_a_located_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "e.yaml"
    path.write_bytes(data)
    assert_clean(invoke("check", path))
    assert_clean(invoke("gaps", path, "--format", "json"))


@given(evidence_yaml(text=any_text).flatmap(lambda t: st.tuples(st.just(t[0]), st.integers(0, len(t[0])),
                                                                     st.sampled_from(["", ":", "- ", "\t", "[", "'", "\\", "&a ", "*b", "!!str ", "\n  x: ["]))))
def test_broken_files_end_in_success_or_a_located_error(tmp_path_factory, case):
    text, at, junk = case
    path = tmp_path_factory.mktemp("broken") / "e.yaml"
    path.write_text(text[:at] + junk + text[at:], encoding="utf-8", errors="surrogatepass")
    assert_clean(invoke("check", path))


@given(evidence_yaml(text=any_text, titles=any_text.filter(lambda s: s.strip())))
def test_valid_structure_with_any_unicode_is_accepted(tmp_path_factory, case):
    text, name, items = case
    path = tmp_path_factory.mktemp("valid") / "e.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("gaps", path, "--format", "json")
    assert_clean(result)
    if result.exit_code == 0:
        doc = json.loads(result.stdout)
        assert doc["summary"]["total"] == len(doc["expectations"])


@pytest.mark.renders
@settings(max_examples=6 if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci" else 80)
@given(evidence_yaml(max_items=3))
def test_rendered_pdf_and_docx_contain_the_generated_text(tmp_path_factory, case):
    text, name, items = case
    folder = tmp_path_factory.mktemp("render")
    path = folder / "e.yaml"
    path.write_text(text, encoding="utf-8")
    pdf, word = folder / "p.pdf", folder / "p.docx"
    for out in (pdf, word):
        result = invoke("render", path, "-o", out)
        assert result.exit_code == 0, result.stderr
    pages = squash(" ".join(pdf_pages(pdf)))
    paragraphs = "\n".join(p.text for p in docx.Document(str(word)).paragraphs)
    assert squash(name) in pages and squash(name) in paragraphs
    for item_title in items:
        assert squash(item_title) in pages
        assert squash(item_title) in paragraphs
