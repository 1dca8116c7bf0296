"""The HTML packet (the screen document and WeasyPrint's input), parsed with BeautifulSoup."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import EXAMPLES
from packetgen.matching import SYMBOL

from render_helpers import anchor, render_to, squash


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def page(request, packets):
    packet = packets(request.param, "html")
    return packet.result, BeautifulSoup(packet.path.read_text(encoding="utf-8"), "html.parser")


def test_head_carries_the_metadata(page):
    result, soup = page
    assert result.candidate.name in soup.title.string
    assert soup.find("meta", attrs={"name": "author"})["content"] == result.candidate.name
    assert result.framework.name in soup.find("meta", attrs={"name": "description"})["content"]


def test_sections_in_contract_order(page):
    result, soup = page
    target = result.framework.level(result.target_level).name
    assert [squash(h.get_text()) for h in soup.find_all("h2")] == [
        "Readiness at a glance", "The gaps", "The case", "Expectations in detail", f"Beyond {target}",
        "Untagged items", "Outside the review period", "Evidence index", "About the framework"]


def test_gap_list_holds_exactly_the_open_points_and_links_to_them(page):
    result, soup = page
    items = soup.select("#gaps li.gap-item")
    assert [li.select_one("a.exp-id").get_text() for li in items] == [c.id for c in result.open_points]
    for li, cov in zip(items, result.open_points):
        assert f"status-{cov.status}" in li["class"]
        assert squash(li.select_one(".badge").get_text()) == f"{SYMBOL[cov.status]} {cov.status}"
        target = li.select_one("a.exp-id")["href"]
        assert target == f"#{anchor(result, cov.id)}"
        assert soup.find(id=target[1:]) is not None  # the link lands somewhere


def test_every_expectation_has_its_section_with_status(page):
    result, soup = page
    for cov in result.expectations:
        article = soup.find(id=anchor(result, cov.id))
        assert article.name == "article" and f"status-{cov.status}" in article["class"]
        assert squash(article.select_one(".exp-text").get_text()) == squash(cov.expectation.text)
        titles = [squash(t.get_text()) for t in article.select(".item-title")]
        assert titles == [result.items[i].title for i in cov.evidence + cov.stale]
        assert (article.select_one(".no-evidence") is not None) == (cov.status == "gap")


def test_matrix_cells_match_the_result(page):
    result, soup = page
    rows = soup.select("table.matrix tbody tr")
    assert [squash(r.th.get_text()) for r in rows] == [a.name for a in result.areas]
    for row, area in zip(rows, result.areas):
        cells = row.find_all("td")
        for cell, level in zip(cells, result.levels):
            t = result.totals(level=level.id, area=area.id)
            assert squash(cell.get_text()) == f"{SYMBOL[t.status]} {t.met} of {t.total}"
            assert f"cell-{t.status}" in cell["class"]
    total = soup.select("table.matrix tfoot td")[-1]
    t = result.totals()
    assert squash(total.get_text()) == f"{SYMBOL[t.status]} {t.met} of {t.total}"


def test_index_lists_every_item_with_what_it_supports(page):
    result, soup = page
    rows = soup.select("table.index-table tbody tr")
    assert len(rows) == len(result.evidence.items)
    for row, item in zip(rows, result.evidence.items):
        assert squash(row.select_one(".item-title").get_text()) == item.title
        supports = squash(row.select_one(".supports").get_text())
        for ref in item.expectations:
            assert ref in supports


def test_ids_that_escape_alike_get_their_own_anchors(evidence_file, tmp_path):
    path = evidence_file("""
    evidence:
      - {id: a.b, title: First, date: 2026-01-10, expectations: [ic4.impact.1]}
      - {id: a-b, title: Second, date: 2026-01-11, expectations: [ic4.impact.1]}
    """)
    out = tmp_path / "p.html"
    render_to(path, out)
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    ids = [t["id"] for t in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    rows = soup.select("table.index-table tbody tr")
    assert [squash(r.select_one(".item-title").get_text()) for r in rows] == ["First", "Second"]
    assert rows[0]["id"] != rows[1]["id"]
