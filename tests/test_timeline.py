"""The time view (issue 16): counting items per quarter of the review period and per area,
backed items (a colleague’s quote and a link or number) marked, empty quarters visible, a text
form beside the table. The counts are
read back from the PDF and the DOCX and compared with counts made here, from the YAML alone."""
from __future__ import annotations

import re
from collections import Counter

import docx
import pytest
import yaml
from conftest import EXAMPLES
from render_helpers import pdf_pages, render_to, result_of, squash

from packetgen.analysis.timeline import Quarter, timeline

AREA_NAMES = {"impact": "Impact", "scope": "Scope", "execution": "Execution", "teamwork": "Teamwork"}


def expected_counts(path) -> tuple[list[str], Counter, Counter]:
    """(quarter labels, items per (quarter, area), items per quarter), from the file alone:
    counting items are those dated inside the period; an expectation ID is LEVEL.AREA.N."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    start, end = doc["period"]["start"], doc["period"]["end"]
    labels, q = [], (start.year, (start.month - 1) // 3 + 1)
    while q <= (end.year, (end.month - 1) // 3 + 1):
        labels.append(f"Q{q[1]} {q[0]}")
        q = (q[0] + q[1] // 4, q[1] % 4 + 1)
    per_area, per_quarter = Counter(), Counter()
    for item in doc["evidence"]:
        day = item["date"]
        if not start <= day <= end:
            continue
        label = f"Q{(day.month - 1) // 3 + 1} {day.year}"
        per_quarter[label] += 1
        for area in {ref.split(".")[1] for ref in item.get("expectations") or []}:
            per_area[(label, area)] += 1
    return labels, per_area, per_quarter


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_model_counts_what_the_file_says(example):
    labels, per_area, per_quarter = expected_counts(example)
    t = timeline(result_of(example))
    assert [q.label for q in t.quarters] == labels
    for row in t.rows:
        assert [c.items for c in row.cells] == [per_area[(label, row.area.id)] for label in labels]
    assert [c.items for c in t.total.cells] == [per_quarter[label] for label in labels]
    assert all(c.backed <= c.items for row in (*t.rows, t.total) for c in row.cells)


def words_of(text: str) -> dict[str, tuple[int, int]]:
    """The text form, read back: quarter label -> (items, backed)."""
    found = {}
    sentence = squash(text).split("In words: ", 1)[1].split(".")[0]
    for part in sentence.split("; "):
        label, rest = part.split(": ", 1)
        if rest.startswith("no items"):
            found[label] = (0, 0)
        else:
            m = re.match(r"(\d+) items?(?:, (\d+) backed)?", rest)
            found[label] = (int(m[1]), int(m[2] or 0))
    return found


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_pdf_shows_the_counts_where_the_levels_to_demonstrate_begin(packets, example):
    rendered = packets(example, "pdf")
    labels, _, per_quarter = expected_counts(example)
    pages = pdf_pages(rendered.path)
    start = next(n for n, page in enumerate(pages) if "The levels to demonstrate: " in page)
    first_two = pages[start] + " " + pages[start + 1]
    assert "WHEN THE WORK HAPPENED" in first_two.upper() and start <= 2
    t = timeline(rendered.result)
    assert words_of(first_two) == {label: (per_quarter[label], cell.backed)
                                   for label, cell in zip(labels, t.total.cells)}


@pytest.mark.renders
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_docx_table_holds_the_counts_and_shades_them(packets, example):
    rendered = packets(example, "docx")
    labels, per_area, per_quarter = expected_counts(example)
    document = docx.Document(str(rendered.path))
    table = next(t for t in document.tables if t.rows[0].cells[-1].text.split("\n")[0] == labels[-1].upper()
                 or t.rows[0].cells[-1].text.split("\n")[0] == labels[-1])
    header = [c.text.split("\n")[0] for c in table.rows[0].cells[1:]]
    assert [h.upper() for h in header] == [label.upper() for label in labels]
    for row in table.rows[1:]:
        name = row.cells[0].text
        counts = [int(c.text.split()[0]) if c.text.split()[0].isdigit() else 0 for c in row.cells[1:]]
        if name == "All items":
            assert counts == [per_quarter[label] for label in labels]
        else:
            area = next(k for k, v in AREA_NAMES.items() if v == name)
            assert counts == [per_area[(label, area)] for label in labels]
        for cell, n in zip(row.cells[1:], counts):
            fill = cell._tc.tcPr.xpath("./w:shd/@w:fill")[0]
            assert fill == ("FFFFFF", "E6EDF6", "C9D7EA", "A9BFDC")[min(n, 3)] or fill == "F3F5F8"
    assert "In words: " in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.renders
def test_an_empty_quarter_is_visible_in_every_format(evidence_file, tmp_path):
    path = evidence_file("""
        period: {start: 2026-01-01, end: 2026-09-30}
        evidence:
          - {title: Launched search, date: 2026-02-10, expectations: [ic4.impact.1],
             links: [{title: PRD, url: "https://example.com/prd"}],
             quotes: [{from: "Alex Kim, EM", text: "It shipped."}]}
          - {title: Ran the review, date: 2026-08-10, expectations: [ic4.teamwork.1, ic4.scope.1]}
    """)
    t = timeline(result_of(path))
    assert [q.label for q in t.quarters] == ["Q1 2026", "Q2 2026", "Q3 2026"]
    assert t.empty == (Quarter(2026, 2),)
    assert [(c.items, c.backed) for c in t.total.cells] == [(1, 1), (0, 0), (1, 0)]
    render_to(path, tmp_path / "p.pdf")
    text = squash(" ".join(pdf_pages(tmp_path / "p.pdf")))  # after 44 gaps: the view follows the gap list
    assert "Q1 2026: 1 item, 1 backed (Impact 1); Q2 2026: no items; Q3 2026: 1 item (Scope 1, Teamwork 1)." in text
    render_to(path, tmp_path / "p.docx")
    table = next(t for t in docx.Document(str(tmp_path / "p.docx")).tables if t.rows[0].cells[-1].text == "Q3 2026")
    assert table.rows[0].cells[2].text == "Q2 2026\nno items"
    assert table.rows[-1].cells[2]._tc.tcPr.xpath("./w:shd/@w:fill") == ["F3F5F8"]
    assert table.rows[-1].cells[1].text == "1 ★1"
    render_to(path, tmp_path / "p.md")
    md = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "| Area | Q1 2026 | Q2 2026 (no items) | Q3 2026 |" in md


def test_no_period_spans_the_items_and_no_items_no_view(evidence_file):
    t = timeline(result_of(evidence_file("""
        evidence:
          - {title: A, date: 2025-12-30, expectations: [ic4.impact.1]}
          - {title: B, date: 2026-04-01, expectations: [ic4.impact.1]}
    """)))
    assert [q.label for q in t.quarters] == ["Q4 2025", "Q1 2026", "Q2 2026"] and t.empty == (Quarter(2026, 1),)
    assert timeline(result_of(evidence_file("evidence: []\n"))) is None


def test_a_long_period_shows_its_last_twelve_quarters(evidence_file):
    t = timeline(result_of(evidence_file("""
        period: {start: 2020-01-01, end: 2026-09-30}
        evidence:
          - {title: Old, date: 2020-03-01, expectations: [ic4.impact.1]}
          - {title: New, date: 2026-03-01, expectations: [ic4.impact.1]}
    """)))
    assert len(t.quarters) == 12 and t.quarters[0] == Quarter(2023, 4) and t.earlier == 1
