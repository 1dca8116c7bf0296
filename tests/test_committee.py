"""Calibration handouts: overview rows against `gaps --format json`, order, outline,
anonymisation that leaves no name anywhere, and invalid inputs."""
from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile

import docx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from pypdf import PdfReader
from render_helpers import libreoffice_pdf, pdf_pages, squash, write_ladder

from packetgen.cli import cli
from packetgen.committee.cycle import expand, prepare, readiness_key


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def gaps_json(path, *extra):
    return json.loads(invoke("gaps", path, "--format", "json", *extra).stdout)


def input_names() -> set[str]:
    """Every personal name in the examples: candidates, managers, quote authors."""
    names = set()
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"^\s+(?:name|manager): (.+)$", text, re.M))
        names |= {by.split(",")[0] for by in re.findall(r"^  by: \"?([^\"\n]+)", text, re.M)}
        names |= {m.split(",")[0].strip().strip('"') for m in re.findall(r"from: \"?([^\",}]+)", text)}
    return {n.strip().strip('"') for n in names}


def leaks(text: str, names: set[str]) -> list[str]:
    found = []
    for name in names:
        for word in [name] + name.split():
            if len(word) > 1 and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
                found.append(word)
    return found


@pytest.fixture(scope="module", params=["weasyprint", "typst"])
def handout_pdf(handouts, request):
    """The handout of the examples from each engine (Typst lays the chapters out two to a document:
    their pages, footers and the overview's page numbers must not show it)."""
    out, _ = handouts(anonymize=False, fmt="pdf", engine=request.param)
    return out, pdf_pages(out)


@pytest.fixture(scope="module")
def anonymous(handouts):
    return {fmt: handouts(anonymize=True, fmt=fmt) for fmt in ("pdf", "docx", "html")}


@pytest.mark.renders
def test_overview_rows_match_gaps_json_and_are_ordered(tmp_path):
    out = tmp_path / "h.html"
    assert invoke("committee", f"{ROOT}/examples/*.yaml", "-o", out, "--order", "strength").exit_code == 0
    by_folder = tmp_path / "by-folder.html"  # a folder names the same files as the pattern
    assert invoke("committee", ROOT / "examples", "-o", by_folder, "--order", "strength").exit_code == 0
    assert by_folder.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("table.cycle tbody tr")
    expected = {gaps_json(p)["candidate"]: gaps_json(p) for p in EXAMPLES}
    names = [squash(r.th.get_text()) for r in rows]
    assert sorted(names) == sorted(expected)
    for row in rows:
        doc = expected[squash(row.th.get_text())]
        own, every = doc["own"], doc["summary"]
        assert squash(row.select_one("td.own").get_text()) == (
            f"{own['met']} met · {own['thin']} thin · {own['gap']} gap of {own['total']} {own['strong']} strong")
        assert squash(row.select_one("td.all").get_text()) == f"{every['met']} / {every['thin']} / {every['gap']} of {every['total']}"
        counting = [i for i in doc["items"] if i["counts"]]
        depth = squash(row.select_one("td.depth").get_text())
        assert depth.startswith(f"{len(counting)} counting items ")
        share = round(100 * sum(i["signals"]["outcome"] for i in counting) / len(counting))
        assert f"{share}% outcome" in depth
        decision = {"promote-now": "Promote now", "next-cycle": "Next cycle"}[doc["recommendation"]["decision"]]
        assert squash(row.select_one("td.rec").get_text()).startswith(decision)
    # target level first (ic3 < ic4 < ic5), then the target level's own strong count
    targets = [expected[n]["target_level"] for n in names]
    assert targets == sorted(targets)
    assert "then by the target level's own strong count, then its own met count" in soup.get_text()
    # every chapter is there, with its own anchors
    assert len(soup.select("div.chapter")) == 3
    ids = [t["id"] for t in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    for row in rows:
        assert soup.find(id=row.th.a["href"][1:]) is not None


@pytest.mark.renders
def test_a_rich_case_ranks_above_a_thin_one_which_is_marked_for_the_sponsor(tmp_path):
    thin = tmp_path / "thin.yaml"
    thin.write_text(
        "candidate: {name: Casey Thin, current_level: ic3, target_level: ic4}\n"
        "period: {start: 2025-10-01, end: 2026-09-30}\nevidence:\n"
        "  - {title: Helped with various projects, date: 2026-09-22, expectations: [ic4.impact.1, ic4.scope.1]}\n"
        "  - {title: Did a lot of good work, date: 2026-09-27, expectations: [ic4.impact.1, ic4.scope.1]}\n",
        encoding="utf-8")
    rich = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"
    for fmt in ("pdf", "docx", "html"):
        out = tmp_path / f"cycle.{fmt}"
        assert invoke("committee", thin, rich, "-o", out, "--order", "strength").exit_code == 0
        if fmt == "pdf":
            text = pdf_pages(out)[0]
        elif fmt == "docx":
            text = " ".join(squash(c.text) for r in docx.Document(str(out)).tables[0].rows for c in r.cells)
        else:
            text = squash(BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").select_one("table.cycle").get_text(" "))
        assert text.index("Jordan Lee") < text.index("Casey Thin"), fmt  # 4 strong of IC4's own against 0
        after_thin = text[text.index("Casey Thin"):]
        assert "? under half the cycle’s median items" in after_thin.replace("'", "’"), fmt
        assert "a question for the sponsor" in after_thin and "100%" in after_thin  # both in the last quarter
        before_thin = text[text.index("Jordan Lee"):text.index("Casey Thin")]
        assert "under half" not in before_thin, fmt


def test_readiness_breaks_ties_within_a_level(tmp_path):
    from packetgen import analyse, load

    results = [analyse(load(p), target="ic4") for p in EXAMPLES]
    ordered = sorted(results, key=readiness_key)
    shares = [r.totals().met / r.totals().total for r in ordered]
    assert shares == sorted(shares, reverse=True)


@pytest.mark.renders
def test_pdf_has_overview_outline_per_candidate_and_restarting_pages(handout_pdf):
    out, pages = handout_pdf
    reader = PdfReader(out)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    names = [gaps_json(p)["candidate"] for p in EXAMPLES]
    assert top[0] == "Calibration handout" and top[-1] == "About the framework"  # once, at the end
    assert sorted(top[1:-1]) == sorted(names)
    overview = pages[0]
    for p in EXAMPLES:
        doc = gaps_json(p)
        assert f"{doc['candidate']} " in overview
        assert f"{doc['summary']['met']} / {doc['summary']['thin']} / {doc['summary']['gap']}" in overview
    firsts = [i for i, text in enumerate(pages) if "page 1 of" in text]
    assert len(firsts) == 5  # the overview, each chapter, and the framework's description start at 1
    # the overview lists where each chapter starts; every chapter page's footer says its handout page too
    import re

    listed = [int(n) for n in re.findall(r"\bpage (\d+)\b(?! of)", overview)]  # not its own "page 1 of 1"
    assert listed == [i + 1 for i in firsts[1:4]]
    for i, text in enumerate(pages[1:], start=2):  # the chapters and the framework's description at the end
        assert re.search(rf"page \d+ of \d+ · handout page {i}$", text), (i, text[-80:])
    assert "About the framework" in pages[-1] and "Calibration handout · about the framework" in pages[-1]
    assert reader.metadata.title == "Calibration handout"
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in reader.pages]
    assert sizes[0][0] > sizes[0][1]  # the overview is landscape, every chapter page portrait
    assert all(w < h for w, h in sizes[1:])


@pytest.mark.renders
def test_anonymized_outputs_hold_no_name(anonymous):
    names = input_names()
    assert {"Jordan Lee", "Sam Rivera", "Morgan Okafor", "Priya Natarajan"} <= names
    pdf, _ = anonymous["pdf"]
    reader = PdfReader(pdf)
    text = " ".join(pdf_pages(pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    outline = " ".join(str(i.title) for i in reader.outline if not isinstance(i, list))
    assert leaks(text + meta + outline, names) == []
    assert "Candidate A" in text and "Candidate C" in text
    raw = pdf.read_bytes()
    assert all(n.encode() not in raw for n in names)

    docx_path, _ = anonymous["docx"]
    with zipfile.ZipFile(docx_path) as z:
        every_part = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels"))
    assert leaks(every_part, names) == []
    document = docx.Document(str(docx_path))
    assert document.core_properties.author == "Calibration committee"
    assert "Candidate B" in "\n".join(p.text for p in document.paragraphs)

    html, _ = anonymous["html"]
    assert leaks(html.read_text(encoding="utf-8"), names) == []


@pytest.mark.renders
def test_key_maps_pseudonyms_back(anonymous):
    _, key = anonymous["pdf"]
    rows = list(csv.DictReader(key.open(encoding="utf-8")))
    candidates = {r["pseudonym"]: r for r in rows if r["kind"] == "candidate"}
    assert sorted(candidates) == ["Candidate A", "Candidate B", "Candidate C"]
    for _pseudonym, row in candidates.items():
        assert gaps_json(row["source"])["candidate"] == row["name"]
    managers = {r["name"] for r in rows if r["kind"] == "manager"}
    assert {"Sam Rivera"} <= managers
    assert input_names() == {r["name"] for r in rows if r["kind"] in ("candidate", "manager", "colleague")}
    # same input set in another order: same pseudonyms
    again = prepare([str(p) for p in reversed(EXAMPLES)], anonymize_names=True)
    assert {(r.pseudonym, r.name) for r in again.key} == {(r["pseudonym"], r["name"]) for r in rows}


@pytest.mark.renders
def test_anonymized_links_keep_only_their_host(anonymous):
    html, _ = anonymous["html"]
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    external = [a["href"] for a in soup.find_all("a") if not a["href"].startswith("#")]
    assert external == []  # URLs are shown as hosts, not followed
    assert "docs.example.com" in soup.get_text()


def test_names_inside_free_text_are_replaced():
    from packetgen.committee.names import NameReplacer

    scrub = NameReplacer({"Jordan Lee": "Candidate A", "Will Chen": "Colleague 1"})
    text = "Jordan's plan; JORDAN LEE agreed. Will asked if it will ship. [doc](https://x.io/jordan-lee/prd)"
    assert scrub(text) == ("Candidate A's plan; Candidate A agreed. Colleague 1 asked if it will ship. doc (x.io)")


@pytest.mark.renders
def test_invalid_files_stop_the_handout_unless_skipped(tmp_path):
    folder = tmp_path / "cycle"
    folder.mkdir()
    for p in EXAMPLES[:2]:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "broken.yaml").write_text("candidate:\n  name: X\n  current_level: ic3\n  target_level: ic9\n",
                                        encoding="utf-8")
    (folder / "worse.yaml").write_text("candidate: [\n", encoding="utf-8")
    out = tmp_path / "h.pdf"
    result = invoke("committee", folder, "-o", out)
    assert result.exit_code == 2 and not out.exists()
    assert "broken.yaml:4:17: error: target_level: unknown level 'ic9'" in result.stderr
    assert "worse.yaml:2:1: error: YAML syntax error" in result.stderr

    result = invoke("committee", folder, "-o", tmp_path / "h.html", "--skip-invalid")
    assert result.exit_code == 0, result.stderr
    soup = BeautifulSoup((tmp_path / "h.html").read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select("table.cycle tbody tr")) == 2
    assert sorted(squash(li.get_text()) for li in soup.select(".overview .plain-list li")) == [
        "broken.yaml — 1 error", "worse.yaml — 1 error"]


def test_expand_and_usage_errors(tmp_path):
    assert expand([str(ROOT / "examples")]) == EXAMPLES
    assert expand([f"{ROOT}/examples/ic*.yaml", str(EXAMPLES[0])]) == EXAMPLES
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "same-person.yaml"  # a link to a file already given: the same candidate
    link.symlink_to(EXAMPLES[0])
    assert expand([str(EXAMPLES[0]), str(link), str(EXAMPLES[1])]) == [EXAMPLES[0], EXAMPLES[1]]
    assert invoke("committee", f"{tmp_path}/*.yaml", "-o", tmp_path / "h.pdf").exit_code == 2
    result = invoke("committee", EXAMPLES[0], "-o", tmp_path / "h.pdf", "--key-out", tmp_path / "k.csv")
    assert result.exit_code == 2 and "--key-out needs --anonymize" in result.stderr


@pytest.mark.renders
def test_docx_handout_sections_restart_page_numbers(tmp_path):
    out = tmp_path / "h.docx"
    assert invoke("committee", *EXAMPLES, "-o", out).exit_code == 0
    document = docx.Document(str(out))
    sections = document.sections
    assert len(sections) == 5  # the overview, a chapter per candidate, the framework's description
    assert sections[0].page_width > sections[0].page_height  # the overview is landscape, the rest portrait
    assert all(s.page_width < s.page_height for s in sections[1:])
    from docx.oxml.ns import qn

    marks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    for n, section in enumerate(sections):
        if n:
            assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
        fields = [i.text.strip() for i in section.footer._element.iter(qn("w:instrText"))]
        assert fields[0] == "PAGE" and fields[1].startswith("PAGEREF ")  # "of Y": the part's last page
        assert fields[1].split()[1] in marks
    footers = [squash("".join(t.text for t in s.footer._element.iter(qn("w:t")))) for s in sections]
    assert footers[0].startswith("Calibration handout")
    assert footers[-1].startswith("Calibration handout · about the framework")
    heads = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert heads.count("About the framework") == 1 and heads[-1] == "About the framework"
    assert sorted(h for h in heads if h in {gaps_json(p)["candidate"] for p in EXAMPLES}) == sorted(
        gaps_json(p)["candidate"] for p in EXAMPLES)


def test_names_hide_in_many_shapes():
    from packetgen.committee.names import NameReplacer

    scrub = NameReplacer({"Mary-Jane Watson": "Candidate A", "Kim Alex": "Colleague 1",
                       "dana o'brien": "Colleague 2", "D'Angelo Ruiz": "Manager 1"})
    text = ("Mary drove this with mary-jane. Mail <mary-jane.watson@example.com> or mj@watson.dev; "
            "#mary-jane-watson and drive/mary-jane-watson-review.pdf. Reviewed by Alex. "
            "Dana and O'Brien helped; D’Angelo agreed.")
    out = scrub(text)
    for part in ("Mary", "mary", "Jane", "jane", "Watson", "watson", "Alex", "Dana", "Brien", "Angelo"):
        assert part not in out, (part, out)
    assert "Candidate A drove this" in out and "Reviewed by Colleague 1" in out


@pytest.mark.renders
def test_last_first_authors_and_untitled_links(tmp_path, evidence_file):
    path = evidence_file("""
    evidence:
      - title: Ranking
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: Alex and Kim reviewed it.
        links:
          - {url: "drive/jordan-lee-review.pdf"}
          - {url: "https://jordanlee.dev/notes"}
        quotes:
          - {from: "Kim, Alex (EM)", text: "Good."}
    """)
    out = tmp_path / "h.html"
    result = invoke("committee", path, "-o", out, "--anonymize")
    assert result.exit_code == 0, result.stderr
    text = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text()
    assert leaks(text, {"Jordan Lee", "Alex Kim", "jordan", "lee", "jordanlee"}) == []
    assert "Colleague 1 and Colleague 1 reviewed it." in text and "— Colleague 1" in text and "(EM)" not in text
    shown = invoke("committee", path, "-o", out, "--anonymize", "--show-role")  # the role, when asked for
    assert shown.exit_code == 0 and "— Colleague 1 (EM)" in BeautifulSoup(out.read_text(encoding="utf-8"),
                                                                       "html.parser").get_text()


@pytest.mark.renders
def test_docx_overview_with_two_frameworks_keeps_each_candidates_areas(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    write_ladder(folder / "ladder.yaml", id="acme", name="Acme ladder")
    (folder / "acme.yaml").write_text("framework: ladder.yaml\ncandidate: {name: Ana, current_level: one, "
                                      "target_level: two}\nevidence: []\n", encoding="utf-8")
    out = tmp_path / "h.docx"
    refused = invoke("committee", folder / "acme.yaml", EXAMPLES[0], "-o", out)
    assert refused.exit_code == 2 and "a committee compares cases on one ladder" in refused.stderr
    result = invoke("committee", folder / "acme.yaml", EXAMPLES[0], "-o", out, "--mixed-frameworks")
    assert result.exit_code == 0, result.stderr
    assert "warning: matched against the framework" in result.stderr
    overview = docx.Document(str(out)).tables[0]
    header = [squash(c.text) for c in overview.rows[0].cells]
    assert header[:3] == ["Candidate", "Level", "Target level’s own"]
    rows = {squash(r.cells[0].text): [squash(c.text) for c in r.cells] for r in overview.rows[1:]}
    assert rows["Ana"][1] == "One → Two" and rows["Ana"][2].startswith("0 met · 0 thin · 1 gap of 1")
    assert rows[gaps_json(EXAMPLES[0])["candidate"]][1] == "IC2 → IC3"


def test_anonymising_changes_no_status_and_no_strength():
    """Pseudonyms must not change who counts as the candidate or the manager in a quote."""
    plain = prepare([str(p) for p in EXAMPLES])
    hidden = prepare([str(p) for p in EXAMPLES], anonymize_names=True)
    def judged(cycle):
        return sorted(repr([(c.id, c.status, c.strength, c.backing) for c in r.expectations] +
                           [(s.signals, s.flags) for s in r.item_strength]) for r in cycle.results)
    assert judged(plain) == judged(hidden)
    assert all(r.evidence.assessment.by.startswith("Manager ") for r in hidden.results)
    assert all(r.evidence.assessment.by.split(",")[0] == r.candidate.manager for r in hidden.results)


@pytest.mark.renders
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (.ci/run installs it)")
def test_docx_handout_reads_page_x_of_y_per_candidate_in_libreoffice(tmp_path):
    out = tmp_path / "h.docx"
    assert invoke("committee", *EXAMPLES, "-o", out).exit_code == 0
    libreoffice_pdf(tmp_path, out)
    numbers = [tuple(map(int, m)) for page in pdf_pages(tmp_path / "h.pdf")
               for m in re.findall(r"Page (\d+) of (\d+)", page)]
    parts, current = [], []
    for x, y in numbers:
        if x == 1 and current:
            parts.append(current)
            current = []
        current.append((x, y))
    parts.append(current)
    assert len(parts) == 5  # the overview, three chapters, the framework's description
    for part in parts:
        assert part == [(n, len(part)) for n in range(1, len(part) + 1)]


@pytest.mark.renders
def test_one_name_twice_is_warned_at_the_second_file(tmp_path):
    """A copy of a case, or last cycle's file given beside this one: two chapters for one person."""
    copy = tmp_path / "copy.yaml"
    copy.write_text(EXAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")
    result = invoke("committee", EXAMPLES[0], copy, EXAMPLES[1], "-o", tmp_path / "h.html")
    assert result.exit_code == 0
    name = gaps_json(EXAMPLES[0])["candidate"]
    warned = [line for line in result.stderr.splitlines() if "also the candidate of" in line]
    assert len(warned) == 1
    assert re.match(rf"{re.escape(str(copy))}:\d+:\d+: warning: {name} is also the candidate of {re.escape(str(EXAMPLES[0]))}",
                    warned[0]), warned



def test_a_files_own_copy_of_the_built_in_ladder_is_not_ranked_with_the_others(tmp_path):
    """A ladder is known by its content: a copy of the built-in framework under its id, with softer
    words at IC4, is refused in a cycle of files on the real one (located at its `framework:` line), and
    `diff` will not compare across the two."""
    from conftest import ROOT

    text = (ROOT / "framework" / "sourcegraph-pm.yaml").read_text(encoding="utf-8")
    (tmp_path / "sourcegraph-pm-copy.yaml").write_text(text.replace(
        "Deliver on projects with high technical and organizational risk.", "Delivers projects."), encoding="utf-8")
    own = tmp_path / "own.yaml"
    lines = EXAMPLES[1].read_text(encoding="utf-8").replace("framework: sourcegraph-pm",
                                                             "framework: sourcegraph-pm-copy.yaml")
    own.write_text(lines, encoding="utf-8")
    line = next(n for n, row in enumerate(lines.splitlines(), 1) if row.startswith("framework:"))
    result = invoke("committee", own, EXAMPLES[0], EXAMPLES[2], "-o", tmp_path / "h.html")
    assert result.exit_code == 2
    assert f"{own}:{line}:12: error: matched against the framework 'sourcegraph-pm' (" in result.stderr
    assert not (tmp_path / "h.html").exists()
    diff = invoke("diff", EXAMPLES[1], own)
    assert diff.exit_code == 2 and "two different ladders under one id" in diff.stderr
