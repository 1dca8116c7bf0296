"""The HTML packet (the screen document and WeasyPrint's input), parsed with BeautifulSoup."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import EXAMPLES
from render_helpers import anchor, in_gap_list, render_to, section_titles, squash

from packetgen.model.result import SYMBOL


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def page(request, packets):
    packet = packets(request.param, "html")
    return packet.result, BeautifulSoup(packet.path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.renders
def test_head_carries_the_metadata(page):
    result, soup = page
    assert result.candidate.name in soup.title.string
    assert soup.find("meta", attrs={"name": "author"})["content"] == result.candidate.name
    assert result.framework.name in soup.find("meta", attrs={"name": "description"})["content"]


@pytest.mark.renders
def test_sections_in_contract_order(page):
    result, soup = page
    assert [squash(h.get_text()) for h in soup.find_all("h2")] == section_titles(result)


@pytest.mark.renders
def test_gap_list_holds_exactly_what_is_open_and_links_to_it(page):
    result, soup = page
    items = soup.select("#gaps li.gap-item")
    order = {"gap": 0, "thin": 1, "unsupported": 2}
    listed = [li.select_one("a.exp-id").get_text() for li in items]
    assert sorted(listed) == sorted(c.id for c in in_gap_list(result))
    kinds = [next(k for k in order if f"kind-{k}" in li["class"]) for li in items]
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)  # gaps, thin, met but unsupported
    for kind in order:  # within each kind the target level first
        levels = [i.split(".")[0] for i, k in zip(listed, kinds) if k == kind]
        assert levels == sorted(levels, key=lambda lv: lv != result.target_level)
    for li, ident in zip(items, listed):
        cov = next(c for c in result.expectations if c.id == ident)
        assert squash(li.select_one(".badge").get_text()) == f"{SYMBOL[cov.status]} {cov.status}"
        target = li.select_one("a.exp-id")["href"]
        assert target == f"#{anchor(result, cov.id)}"
        assert soup.find(id=target[1:]) is not None  # the link lands somewhere


@pytest.mark.renders
def test_every_expectation_has_a_card_or_a_row_with_its_items(page):
    result, soup = page
    for cov in result.expectations:
        place = soup.find(id=anchor(result, cov.id))
        assert (f"status-{cov.status}" if not cov.held else "held-yes" if cov.evidenced else "held-no") in place["class"]
        numbers = {item.id: f"E{n}" for n, item in enumerate(result.evidence.items, start=1)}
        refs = [a.get_text() for a in place.select("a.ref")]
        assert refs == [numbers[i] for i in cov.evidence + cov.stale]
        for link in place.select("a.ref"):
            assert soup.find(id=link["href"][1:]).name == "article"  # each reference lands on its item
        if not cov.held:  # a card for each expectation of the levels to demonstrate
            assert place.name == "article"
            assert squash(place.select_one(".exp-text").get_text()) == squash(cov.expectation.text)
            assert (place.select_one(".no-evidence") is not None) == (cov.status == "gap")
        else:
            assert place.name == "tr" and squash(cov.expectation.text) in squash(place.get_text())


@pytest.mark.renders
def test_matrix_cells_match_the_result(page):
    result, soup = page
    rows = soup.select("table.matrix tbody tr")
    shown = list(reversed(result.demonstrate_levels))  # the target level first
    assert [squash(r.th.get_text()) for r in rows] == [lv.name for lv in shown] + (
        [f"Held: {', '.join(lv.name for lv in result.held_levels)}"] if result.held else [])
    for row, level in zip(rows, shown):
        cells = row.find_all("td")
        for cell, area in zip(cells, result.areas):
            t = result.totals(level=level.id, area=area.id)
            note = f" {t.gap} gap{'s' * (t.gap != 1)}" if t.gap else f" {t.thin} thin" if t.thin else ""
            assert squash(cell.get_text()) == (f"{SYMBOL[t.status]} {t.met} of {t.total}{note}" if t.total else "–")
            assert f"cell-{t.status}" in cell["class"]
        t = result.totals(level=level.id)
        assert squash(cells[-1].get_text()).startswith(f"{SYMBOL[t.status]} {t.met} of {t.total}")
    if result.held:  # held levels: a muted row of re-evidenced counts, never a gap cell
        held = rows[-1].find_all("td")
        assert all("cell-held" in c["class"] and "cell-gap" not in c["class"] for c in held)
        evidenced = sum(c.evidenced for c in result.held)
        assert squash(held[-1].get_text()) == f"{evidenced} of {len(result.held)}"


@pytest.mark.renders
def test_evidence_lists_every_item_once_linking_back_to_what_it_supports(page):
    result, soup = page
    articles = soup.select("section.evidence article.item")
    assert len(articles) == len(result.evidence.items)
    for n, (article, item) in enumerate(zip(articles, result.evidence.items), start=1):
        assert squash(article.select_one(".item-title").get_text()) == item.title
        assert squash(article.select_one(".item-no").get_text()) == f"E{n}"
        links = [a.get_text() for a in article.select(".supports a")]
        in_scope = {c.id for c in result.expectations}
        assert links == [e for e in item.expectations if e in in_scope]
        for a in article.select(".supports a"):
            assert soup.find(id=a["href"][1:]) is not None


@pytest.mark.renders
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
    items = soup.select("section.evidence article.item")
    assert [squash(r.select_one(".item-title").get_text()) for r in items] == ["First", "Second"]
    assert items[0]["id"] != items[1]["id"]
