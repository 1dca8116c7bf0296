"""The calibration meeting (docs/reference.md, Calibration handouts): the order a handout says it
uses (by name unless asked otherwise, so the first case discussed is not chosen by its strength) and
the first-pass edition (`--blind`), which leaves the case's voices out of every format."""
from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import EXAMPLES

from packetgen.catalogue import english
from packetgen.cli import cli

pytestmark = pytest.mark.renders


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def overview_names(path) -> list[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [squash(row.th.a.get_text()) for row in soup.select("table.cycle tbody tr")]


def test_the_default_order_is_by_name_and_the_page_says_so(tmp_path):
    out = tmp_path / "h.html"
    assert invoke("committee", *EXAMPLES, "-o", out).exit_code == 0
    names = overview_names(out)
    assert names == sorted(names, key=str.casefold) and len(names) == 3
    text = squash(BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text(" "))
    assert squash(english()("handout-order-name", anonymized="no")) in text
    strength = tmp_path / "s.html"
    assert invoke("committee", *EXAMPLES, "-o", strength, "--order", "strength").exit_code == 0
    assert overview_names(strength) != names  # the examples' strength order is not their names' order
    assert squash(english()("handout-order", anonymized="no")) in squash(
        BeautifulSoup(strength.read_text(encoding="utf-8"), "html.parser").get_text(" "))


def test_an_anonymised_handout_is_in_pseudonym_order(tmp_path):
    out = tmp_path / "h.html"
    assert invoke("committee", *EXAMPLES, "-o", out, "--anonymize").exit_code == 0
    assert overview_names(out) == ["Candidate A", "Candidate B", "Candidate C"]
    assert squash(english()("handout-order-name", anonymized="yes")) in squash(
        BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text(" "))


def voices(example) -> list[str]:
    """A file's own voice: the sponsor's name, the assessment, the self-assessment, the
    recommendation and its rationale, the summary (each as its first words, whitespace squeezed)."""
    d = yaml.safe_load(example.read_text(encoding="utf-8"))
    assessment, rec = d.get("assessment") or {}, d.get("recommendation") or {}
    found = [d["candidate"].get("manager", ""), assessment.get("by", ""), assessment.get("overall", ""),
             *(assessment.get("areas") or {}).values(), d.get("self_assessment", ""), rec.get("rationale", ""),
             d.get("summary", "")]
    return [squash(v)[:48] for v in found if v and v.strip()]


def texts(path) -> str:
    if path.suffix == ".pdf":
        from render_helpers import pdf_pages

        return " ".join(pdf_pages(path))
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
        return squash(" ".join([p.text for p in doc.paragraphs] + cells))
    return squash(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" "))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_the_first_pass_edition_leaves_every_voice_out_and_says_what_it_is(tmp_path, fmt):
    out = tmp_path / f"blind.{fmt}"
    result = invoke("committee", *EXAMPLES, "-o", out, "--blind")
    assert result.exit_code == 0, result.output
    text = texts(out)
    en = english()
    assert squash(en("handout-blind")) in text
    if fmt != "html":
        assert squash(en("handout-kicker-blind")).upper() in text.upper()
    for example in EXAMPLES:
        for voice in voices(example):
            assert voice not in text, (example.name, voice)
    for example in EXAMPLES:  # each file's recommendation, by its name in the packet
        decision = (yaml.safe_load(example.read_text(encoding="utf-8")).get("recommendation") or {}).get("decision")
        assert decision and en(f"decision-{decision}") not in text, (example.name, decision)
    assert en("case-assessment") not in text and en("case-self-assessment") not in text
    assert text.count(squash(en("decision-blind"))) >= 3  # the overview's column, each chapter's header
    # the evidence, readiness and what is missing are all there
    for heading in ("glance-title", "strongest-title", "missing-title", "evidence-title"):
        assert en(heading) in text


def test_the_first_pass_changes_no_status(tmp_path):
    """Leaving the voices out of the edition changes nothing judged: the overview's counts are the
    full handout's."""
    full, blind = tmp_path / "full.html", tmp_path / "blind.html"
    assert invoke("committee", *EXAMPLES, "-o", full).exit_code == 0
    assert invoke("committee", *EXAMPLES, "-o", blind, "--blind").exit_code == 0

    def counts(path):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return [(squash(r.select_one("td.own").get_text()), squash(r.select_one("td.all").get_text()))
                for r in soup.select("table.cycle tbody tr")]

    assert counts(full) == counts(blind)


def test_the_sponsor_view_sets_each_sponsors_recommendations_beside_their_candidates_strength(tmp_path):
    """Two candidates of one sponsor (a copy of an example under another name) make a row; a sponsor
    with one candidate has none (the overview already shows their one recommendation); anonymised, the
    sponsor is a pseudonym; a first-pass edition has no sponsor view."""
    import json

    example = next(e for e in EXAMPLES if e.stem.startswith("ic3-to-ic4"))
    twin = tmp_path / "twin.yaml"
    twin.write_text(example.read_text(encoding="utf-8").replace("name: Jordan Lee", "name: Alex Moreno"),
                    encoding="utf-8")
    out = tmp_path / "h.html"
    assert invoke("committee", *EXAMPLES, twin, "-o", out).exit_code == 0
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.sponsors tbody tr")
    assert [squash(r.th.get_text()) for r in rows] == ["Sam Rivera"]
    gaps = json.loads(invoke("gaps", example, "--format", "json").stdout)
    strong = sum(1 for e in gaps["expectations"] if e["level"] == "ic4" and e["strength"] == "strong")
    line = squash(rows[0].td.get_text())
    for name in ("Jordan Lee", "Alex Moreno"):
        assert english()("handout-sponsor-entry", name=name, decision=english()("decision-next-cycle"),
                         strong=strong, total=10) in line
    anonymous = tmp_path / "a.html"
    assert invoke("committee", *EXAMPLES, twin, "-o", anonymous, "--anonymize").exit_code == 0
    soup = BeautifulSoup(anonymous.read_text(encoding="utf-8"), "html.parser")
    sponsor = squash(soup.select_one("table.sponsors tbody tr th").get_text())
    assert re.fullmatch(r"Manager \d+", sponsor) and "Sam" not in soup.get_text()
    blind = tmp_path / "b.html"
    assert invoke("committee", *EXAMPLES, twin, "-o", blind, "--blind").exit_code == 0
    assert not BeautifulSoup(blind.read_text(encoding="utf-8"), "html.parser").select("table.sponsors")
    alone = tmp_path / "one.html"
    assert invoke("committee", *EXAMPLES, "-o", alone).exit_code == 0
    assert squash(english()("handout-sponsors-none")) in squash(alone.read_text(encoding="utf-8"))
