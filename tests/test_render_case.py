"""The case in its separate voices, and strength beside every status, read back from each
format: PDF (pypdf), DOCX (python-docx), HTML (BeautifulSoup) and Markdown (the text)."""
from __future__ import annotations

import re

import docx
import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLES
from render_helpers import between, docx_blocks, pdf_pages, squash

from packetgen.catalogue import english
from packetgen.model.result import SYMBOL

FORMATS = ("pdf", "docx", "html", "md")


def reading_text(path, fmt: str) -> str:
    """What a reader sees, in order, with list bullets and Markdown markup set aside."""
    if fmt == "pdf":
        text = " ".join(pdf_pages(path))
    elif fmt == "docx":  # the body; the contents list at the top repeats the headings (tested apart)
        text = " ".join(t for _, t in docx_blocks(docx.Document(str(path)), skip_styles=("Packet TOC",)))
    elif fmt == "html":
        text = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    else:  # Markdown: anchors and link targets set aside, link text kept
        text = re.sub(r"^#+ |^- ", "", path.read_text(encoding="utf-8"), flags=re.M)
        text = re.sub(r'<a id="[^"]*"></a>', "", text)
        text = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", text)
    return plain(text)


def plain(text: str) -> str:
    text = re.sub(r"[*`•\\]", "", text).replace("\u00a0", " ")
    text = re.sub(r"(^|\s)- ", r"\1", text)  # Markdown list markers in the source
    return re.sub(r" ([,.:;!?)])", r"\1", squash(text)).replace("( ", "(")


def opening(markdown: str, words: int = 7) -> str:
    return " ".join(plain(markdown).split()[:words])


def assert_in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}: …{text[at:at + 300]}…"
        at = found + len(part)


@pytest.fixture(scope="module", params=[(e, f) for e in EXAMPLES for f in FORMATS],
                ids=lambda p: f"{p[0].stem}-{p[1]}")
def case(request, packets):
    example, fmt = request.param
    packet = packets(example, fmt)
    return packet.result, reading_text(packet.path, fmt), fmt


@pytest.mark.renders
def test_each_voice_stands_under_its_own_heading_saying_whose_words(case):
    result, text, fmt = case
    ev = result.evidence
    section = between(text, "The case", "The levels to demonstrate: ")
    parts = []  # in the order of the case: summary, sponsor, recommendation, self-assessment, values, plan
    if ev.summary:
        parts += ["Summary", opening(ev.summary)]
    if ev.assessment:
        parts += ["The sponsor’s assessment", f"By {ev.sponsor}", opening(ev.assessment.overall)]
        for area, words in ev.assessment.areas:
            parts += [result.framework.area(area).name, opening(words)]
    if ev.recommendation:
        parts += ["Recommendation", f"{english()('decision-' + ev.recommendation.decision)} — recommended by {ev.sponsor}",
                  opening(ev.recommendation.rationale)]
    if ev.self_assessment:
        parts += ["Self-assessment", f"In {result.candidate.name}’s own words", opening(ev.self_assessment)]
    if ev.values:
        parts += ["Values", opening(ev.values)]
    if ev.development:
        parts.append("Development plan")
        for step in ev.development:
            parts += [plain(step.plan), *step.expectations]
    assert len(parts) > 12
    assert_in_order(section, parts)
    assert "No summary given" not in section


EXPECTATION_ID = re.compile(r"\b(?:all|ic\d)\.[a-z]+\.\d+\b")


@pytest.mark.renders
def test_every_expectation_to_demonstrate_shows_its_strength_beside_its_status(case):
    result, text, fmt = case
    body = between(text, "The levels to demonstrate: ", "Every item once")  # the cards
    for cov in result.to_demonstrate:
        at = body.index(cov.id + " ")
        following = EXPECTATION_ID.search(body, at + len(cov.id))
        segment = body[at:following.start() if following else at + 400]
        status = cov.status.upper() if fmt in ("pdf", "docx") else cov.status
        assert f"{SYMBOL[cov.status]} {status}" in segment, segment
        shown = [word for word in ("unsupported", "supported", "strong") if re.search(rf"\b{word}\b", segment)]
        assert shown[:1] == ([cov.strength] if cov.strength else []), segment


@pytest.mark.renders
def test_quotes_say_who_how_they_relate_and_when(case):
    result, text, fmt = case
    quotes = [q for item in result.evidence.items for q in item.quotes]
    assert quotes and all(q.relationship for q in quotes)
    for q in quotes:
        after = text[text.index(plain(q.text)[:40]):][:400]
        assert plain(q.author) in after and q.relationship in after
        if q.date:
            day = english().date(q.date).replace('\u00a0', ' ')
            assert day in after[:after.index(q.relationship) + 60]


@pytest.mark.renders
@pytest.mark.parametrize("fmt", FORMATS)
def test_absent_parts_are_left_out_not_shown_empty(evidence_file, tmp_path, fmt):
    from render_helpers import GENERATED, result_of

    from packetgen import render

    path = evidence_file("evidence: []\n")
    out = tmp_path / f"packet.{fmt}"
    render(result_of(path, min_evidence=1), out, generated=GENERATED)
    text = reading_text(out, fmt)
    assert "The case" not in text and "No summary given" not in text and "Self-assessment" not in text
    assert "The file lists no evidence items." in text
    assert " 0 with too few items" not in text  # with min-evidence 1 nothing can be thin: not even said
