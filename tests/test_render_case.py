"""The case in its separate voices, and strength beside every status, read back from each
format: PDF (pypdf), DOCX (python-docx), HTML (BeautifulSoup) and Markdown (the text)."""
from __future__ import annotations

import re

import docx
import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLES
from packetgen.matching import SYMBOL
from packetgen.renderers.view import DECISION
from render_helpers import between, pdf_pages, squash

FORMATS = ("pdf", "docx", "html", "md")


def reading_text(path, fmt: str) -> str:
    """What a reader sees, in order, with list bullets and Markdown markup set aside."""
    if fmt == "pdf":
        text = " ".join(pdf_pages(path))
    elif fmt == "docx":
        text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    elif fmt == "html":
        text = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    else:
        text = re.sub(r"^#+ |^- ", "", path.read_text(encoding="utf-8"), flags=re.M)
    return plain(text)


def plain(text: str) -> str:
    text = re.sub(r"[*`•\\]", "", text)
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


def test_each_voice_stands_under_its_own_heading_saying_whose_words(case):
    result, text, fmt = case
    ev = result.evidence
    section = between(text, "The case", "Expectations in detail")
    parts = []
    if ev.summary:
        parts += ["Summary", opening(ev.summary)]
    if ev.self_assessment:
        parts += ["Self-assessment", f"In {result.candidate.name}’s own words", opening(ev.self_assessment)]
    if ev.assessment:
        parts += ["The sponsor’s assessment", f"By {ev.sponsor}", opening(ev.assessment.overall)]
        for area, words in ev.assessment.areas:
            parts += [result.framework.area(area).name, opening(words)]
    if ev.recommendation:
        parts += ["Recommendation", f"{DECISION[ev.recommendation.decision]} — recommended by {ev.sponsor}",
                  opening(ev.recommendation.rationale)]
    if ev.values:
        parts += ["Values", opening(ev.values)]
    if ev.development:
        parts.append("Development plan")
        for step in ev.development:
            parts += [plain(step.plan), *step.expectations]
    assert len(parts) > 12
    assert_in_order(section, parts)
    assert "No summary given" not in section


def test_every_expectation_shows_its_strength_beside_its_status(case):
    result, text, fmt = case
    target = result.framework.level(result.target_level).name
    details = between(text, "Expectations in detail", f"Beyond {target}").replace("- ", "-")
    for cov in result.expectations:
        status = f"{SYMBOL[cov.status]} {cov.status.upper() if fmt in ('pdf', 'docx') else cov.status}"
        after = details[details.index(f"{cov.id} {status}" if fmt != "md" else f"{cov.id} — {status}"):][:160]
        if cov.strength is None:
            assert not re.match(r"\S+ — \S+ \w+ (·|)\s*(strong|supported|unsupported)", after)
        else:
            assert cov.strength in after.split(cov.expectation.text.split()[0])[0], after


def test_quotes_say_who_how_they_relate_and_when(case):
    result, text, fmt = case
    quotes = [q for item in result.evidence.items for q in item.quotes]
    assert quotes and all(q.relationship for q in quotes)
    for q in quotes:
        after = text[text.index(plain(q.text)[:40]):][:400]
        assert plain(q.author) in after and q.relationship in after
        if q.date:
            day = q.date.isoformat() if fmt == "md" else f"{q.date.day} {q.date.strftime('%b %Y')}"
            assert day in after[:after.index(q.relationship) + 60]
