"""`packetgen diff`: two cycles of one case (README, Records for HR), from evidence files or from
archival records, as a table, JSON (golden, and key by key) and Markdown."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT
from render_helpers import invoke, render_record

OLD = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"
NEW = ROOT / "examples" / "next-cycle" / "ic3-to-ic4-teamwork-scope-gaps.yaml"
GOLDEN = Path(__file__).parent / "testdata" / "diff" / "next-cycle.json"
WHERE_FROM = ("source", "kind", "generated")  # what says where a side came from, not what it holds


def diff_json(old, new, *extra):
    result = invoke("diff", old, new, "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def doc():
    return diff_json(OLD, NEW)


def relative(doc):
    """The document with each side's source relative to the repository (the golden's form)."""
    out = json.loads(json.dumps(doc))
    for side in ("old", "new"):
        out[side]["source"] = Path(out[side]["source"]).resolve().relative_to(ROOT).as_posix()
    return out


def test_golden(doc, update_testdata):
    got = relative(doc)
    if update_testdata or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_the_json_key_by_key(doc):
    assert list(doc) == ["target_level", "old", "new", "summary", "expectations", "items", "development"]
    assert doc["target_level"] == "ic4"
    for side in ("old", "new"):
        assert list(doc[side]) == ["source", "kind", "candidate", "framework", "target_level", "generated",
                                   "items", "summary"]
        assert doc[side]["kind"] == "evidence" and doc[side]["generated"] is None
        assert doc[side]["candidate"] == "Jordan Lee" and doc[side]["framework"] == "sourcegraph-pm"
    assert (doc["old"]["items"], doc["new"]["items"]) == (18, 19)  # two added, one removed
    assert doc["old"]["summary"]["gap"] == 4 and doc["new"]["summary"]["gap"] == 2
    summary = doc["summary"]
    assert list(summary) == ["better", "worse", "same", "new", "gaps_closed", "gaps_opened"]
    assert summary["gaps_closed"] == ["ic4.teamwork.1", "ic4.teamwork.2"] and summary["gaps_opened"] == []
    assert summary["better"] + summary["worse"] + summary["same"] + summary["new"] == len(doc["expectations"]) == 48
    by_id = {e["id"]: e for e in doc["expectations"]}
    mentoring = by_id["ic4.teamwork.1"]
    assert list(mentoring) == ["id", "level", "area", "text", "change", "before", "after"]
    assert mentoring["before"] == {"status": "gap", "strength": None, "evidence": []}
    assert mentoring["after"] == {"status": "met", "strength": "supported",
                                  "evidence": ["apm-first-launch", "roadmap-template-refresh"]}
    assert mentoring["change"] == "better"
    assert by_id["ic4.scope.2"]["change"] == "same" and by_id["ic4.scope.2"]["after"]["status"] == "gap"
    items = doc["items"]
    assert [i["id"] for i in items["added"]] == ["apm-first-launch", "roadmap-template-refresh"]
    assert items["removed"] == [{"id": "dev-tools-summit-talk",
                                 "title": "Gave a talk at the internal Developer Tools Summit", "date": "2026-09-10"}]
    assert [(i["id"], i["fields"]) for i in items["changed"]] == [("ai-batch-specs-exec-pitch", ["quotes"])]
    assert items["newly_stale"] == []
    steps = doc["development"]
    assert [s["met"] for s in steps] == [True, True, False]
    assert steps[2]["expectations"] == [{"id": "ic4.teamwork.3", "status": "thin"},
                                        {"id": "ic4.teamwork.4", "status": "gap"},
                                        {"id": "ic4.scope.2", "status": "gap"}]
    assert steps[0]["by"] == "2027-03-31" and steps[0]["plan"].startswith("Mentor the incoming APM")


@pytest.mark.renders
def test_the_same_pair_as_archival_records_gives_the_same_json(doc, tmp_path):
    old_pdf, new_pdf = tmp_path / "old.pdf", tmp_path / "new.pdf"
    render_record(OLD, old_pdf)
    render_record(NEW, new_pdf)
    from_records, from_files = diff_json(old_pdf, new_pdf), json.loads(json.dumps(doc))
    for side in ("old", "new"):
        assert from_records[side]["kind"] == "record" and from_records[side]["generated"] == "2026-05-28"
        for key in WHERE_FROM:
            from_records[side].pop(key), from_files[side].pop(key)
    assert from_records == from_files
    mixed = diff_json(OLD, new_pdf)  # one of each
    assert mixed["summary"] == from_records["summary"]


def test_the_table_shows_what_changed_unless_all():
    result = invoke("diff", OLD, NEW)
    assert result.exit_code == 0
    text = result.stdout
    assert "4 better, 0 worse, 44 unchanged; gaps closed: ic4.teamwork.1, ic4.teamwork.2." in " ".join(text.split())
    assert "ic4.teamwork.1" in text and "ic4.impact.1 " not in text
    everything = invoke("diff", OLD, NEW, "--all").stdout
    assert "ic4.impact.1 " in everything and "= same" in everything
    assert "✓ done: Mentor the incoming APM" in " ".join(text.split())


def test_markdown_is_a_section_to_paste(tmp_path):
    md = invoke("diff", OLD, NEW, "--format", "md").stdout
    assert md.startswith("## Since the last cycle: Jordan Lee\n")
    assert "| `ic4.teamwork.1` Actively mentors one or more junior team members | ✗ gap | ✓ met, supported | ▲ better |" in md
    assert "- Removed: dev-tools-summit-talk" in md


HEAD = "candidate: {{name: {name}, current_level: ic3, target_level: ic4}}\nperiod: {{start: {start}, end: 2026-09-30}}\n"


def case(path: Path, *, name="Jordan Lee", start="2025-10-01", items=""):
    path.write_text(HEAD.format(name=name, start=start) + "evidence:\n" + items, encoding="utf-8")
    return path


ITEM = "  - {{id: {id}, title: '{title}', date: {date}, expectations: [ic4.impact.1]}}\n"


def test_different_candidates_need_force(tmp_path):
    a = case(tmp_path / "a.yaml")
    b = case(tmp_path / "b.yaml", name="Alex Kim")
    refused = invoke("diff", a, b)
    assert refused.exit_code == 2
    assert "is Jordan Lee's case" in refused.stderr and "is Alex Kim's" in refused.stderr and "--force" in refused.stderr
    assert invoke("diff", a, b, "--force").exit_code == 0
    assert invoke("diff", a, case(tmp_path / "c.yaml", name="  jordan   LÉE ")).exit_code == 0  # the same person


def test_newly_stale_items_and_hostile_titles(tmp_path):
    items = ITEM.format(id="early", title="Early <script>x</script> | [click](https://evil.example)", date="2025-11-02")
    items += ITEM.format(id="late", title="Late", date="2026-05-02")
    a = case(tmp_path / "a.yaml", items=items)
    b = case(tmp_path / "b.yaml", start="2026-01-01", items=items)
    doc = diff_json(a, b)
    assert [i["id"] for i in doc["items"]["newly_stale"]] == ["early"]
    impact = next(e for e in doc["expectations"] if e["id"] == "ic4.impact.1")
    assert (impact["before"]["status"], impact["after"]["status"], impact["change"]) == ("met", "thin", "worse")
    md = invoke("diff", a, b, "--format", "md").stdout
    assert "<script>" not in md and "\\<script\\>" in md and "\\|" in md and "\\[click\\]" in md
    assert "Newly outside the review period: early" in md


def test_a_broken_side_is_a_located_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidate: [\n", encoding="utf-8")
    result = invoke("diff", bad, NEW)
    assert result.exit_code == 2 and result.stderr.startswith(f"{bad}:")


def test_a_backslash_cannot_bring_a_link_back_in_markdown(tmp_path):
    from packetgen.markdown import inert, to_html

    title = r"\[click me\](https://evil.example/steal)"
    assert "<a " not in to_html(inert(title)) and "evil.example" in to_html(inert(title))
    a = case(tmp_path / "a.yaml", items=ITEM.format(id="one", title="One", date="2026-05-02"))
    b = case(tmp_path / "b.yaml", items=ITEM.format(id="one", title="One", date="2026-05-02")
             + ITEM.format(id="two", title=title.replace("'", "''"), date="2026-05-03"))
    md = invoke("diff", a, b, "--format", "md").stdout
    assert "<a " not in to_html(md) and "evil.example/steal" in md


def test_cases_against_different_frameworks_are_refused(tmp_path):
    """Another framework's ic4.impact.1 is another expectation: no comparison, even with --force."""
    fw = (ROOT / "framework" / "sourcegraph-pm.yaml").read_text(encoding="utf-8")
    assert fw.count("id: sourcegraph-pm") == 1
    (tmp_path / "acme.yaml").write_text(fw.replace("id: sourcegraph-pm", "id: acme-pm"), encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(OLD.read_text(encoding="utf-8").replace("framework: sourcegraph-pm", "framework: acme.yaml"),
                     encoding="utf-8")
    assert invoke("check", other).exit_code == 0
    for argv in ([OLD, other], [other, OLD], [OLD, other, "--force"]):
        refused = invoke("diff", *argv)
        assert refused.exit_code == 2, refused.output
        assert "compare cases against the same framework" in refused.stderr
        assert "'sourcegraph-pm'" in refused.stderr and "'acme-pm'" in refused.stderr
