"""Goldens that pin the point of evidence strength (issue 10), and a contract guard: the
strength additions leave every key the JSON had before them exactly as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, TODAY

from packetgen import analyse, load
from packetgen.cli import cli
from packetgen.report.gaps import to_json

PROBES = ROOT / "tests" / "testdata" / "probes"
CONTRACT = ROOT / "tests" / "testdata" / "contract"
EMPTY = PROBES / "two-empty-items.yaml"
TAGGED = PROBES / "ic3-to-ic4-ten-extra-tags.yaml"
EXAMPLE = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"


def gaps_json(path) -> dict:
    return to_json(analyse(load(path, today=TODAY)))


def test_two_empty_items_meet_everything_by_status_and_nothing_by_strength():
    doc = gaps_json(EMPTY)
    items = yaml.safe_load(EMPTY.read_text(encoding="utf-8"))["evidence"]
    assert len(items) == 2 and all(len(i["expectations"]) == 48 and "description" not in i for i in items)
    assert doc["own"] == {"total": 10, "met": 10, "thin": 0, "gap": 0,
                          "strong": 0, "supported": 0, "unsupported": 10}
    assert doc["summary"]["met"] == 48 and doc["summary"]["strong"] == 0
    assert [i["flags"] for i in doc["items"]] == [["broad"], ["broad"]]
    assert all(e["strength"] == "unsupported" for e in doc["expectations"])


def test_check_warns_at_each_broad_item():
    result = CliRunner().invoke(cli, ["check", str(EMPTY)])
    assert result.exit_code == 0  # warnings, not errors
    broad = [line for line in result.stderr.splitlines() if " is broad: " in line]
    assert [line.split(": warning:")[0] for line in broad] == [f"{EMPTY}:12:5", f"{EMPTY}:22:5"]
    assert all("cites 10 expectations of IC4 (more than 4)" in line
               and "split it" in line for line in broad)
    assert "ok (0 errors, 2 warnings)" in result.stdout


def test_the_tagged_probe_is_the_example_plus_ten_tags():
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["evidence"]
    probe = yaml.safe_load(TAGGED.read_text(encoding="utf-8"))["evidence"]
    assert len(probe) == len(example)
    added = {}
    for before, after in zip(example, probe):
        assert {k: v for k, v in after.items() if k != "expectations"} == \
               {k: v for k, v in before.items() if k != "expectations"}
        assert after["expectations"][:len(before["expectations"])] == before["expectations"]
        if len(after["expectations"]) > len(before["expectations"]):
            added[after["id"]] = after["expectations"][len(before["expectations"]):]
    assert sum(map(len, added.values())) == 10 and len(added) == 2


def test_ten_extra_tags_close_the_gaps_by_status_but_not_by_strength():
    before, after = gaps_json(EXAMPLE), gaps_json(TAGGED)
    assert before["own"]["gap"] == 4 and after["own"]["gap"] == 0 and after["summary"]["gap"] == 0
    was = {e["id"]: e for e in before["expectations"]}
    newly_met = [e for e in after["expectations"]
                 if e["level"] == "ic4" and e["status"] == "met" and was[e["id"]]["status"] != "met"]
    assert [e["id"] for e in newly_met] == ["ic4.scope.2", "ic4.teamwork.1", "ic4.teamwork.2", "ic4.teamwork.4"]
    assert all(e["strength"] == "unsupported" for e in newly_met)
    assert all(e["signals"] == {"corroborated": False, "substantiated": False, "sustained": False}
               for e in newly_met)
    flagged = {i["id"]: i["flags"] for i in after["items"] if i["flags"]}
    assert flagged == {"fy27-roadmap": ["broad"], "server-side-ga": ["broad"]}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_have_no_flagged_item(example):
    assert [i for i in gaps_json(example)["items"] if i["flags"]] == []


# --- revision 3: what strength is for (issue 24) ---------------------------------------------------

REVISION_3 = ["attended-meetings", "weekly-mentoring", "hollow-six-items"]


@pytest.mark.parametrize("name", REVISION_3)
def test_probe_goldens(name, update_testdata):
    """The whole `gaps` JSON of each probe, pinned: a change to a rule shows here, on purpose."""
    doc = gaps_json(PROBES / f"{name}.yaml")
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    golden = PROBES / f"{name}.json"
    if update_testdata:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_being_in_the_room_is_not_strong():
    doc = gaps_json(PROBES / "attended-meetings.yaml")
    roadmap = next(e for e in doc["expectations"] if e["id"] == "ic4.execution.1")
    assert roadmap["status"] == "met" and roadmap["strength"] == "supported"
    assert roadmap["signals"] == {"corroborated": False, "substantiated": True, "sustained": False}
    assert roadmap["next"]["step"] == "needs-independent-voice"
    from packetgen.analysis.fairness import load_lexicon, notes_of, review

    loaded = load(PROBES / "attended-meetings.yaml", today=TODAY)
    notes = notes_of(review(loaded, analyse(loaded), load_lexicon()))
    assert len(notes) == 2 and all(": note[supportive-only]: " in str(n) and "Attended" in str(n) for n in notes)


def test_weekly_mentoring_with_the_mentees_words_a_result_and_until_is_strong():
    doc = gaps_json(PROBES / "weekly-mentoring.yaml")
    mentoring = next(e for e in doc["expectations"] if e["id"] == "ic4.teamwork.1")
    assert (mentoring["status"], mentoring["strength"], mentoring["next"]) == ("met", "strong", None)
    first = doc["items"][0]
    assert first["until"] == "2026-03-30" and first["outcome_text"] == "The APM ran the May launch review alone"
    assert first["signals"] == {"artifact": False, "outcome": True, "corroborated": True, "independent": True}


def test_six_hollow_items_read_strong_nowhere():
    doc = gaps_json(PROBES / "hollow-six-items.yaml")
    assert doc["demonstrate"]["met"] == 10 and doc["demonstrate"]["strong"] == 0
    assert all(e["strength"] != "strong" for e in doc["expectations"])
    assert all(not i["signals"]["artifact"] and not i["signals"]["independent"] for i in doc["items"])
    assert {i["id"] for i in doc["items"] if "self_quote" in i["flags"]} == {"h2", "h5"}


def test_a_hollow_case_sits_below_a_real_one_in_a_handout():
    from packetgen.committee.cycle import prepare

    cycle = prepare([str(PROBES / "hollow-six-items.yaml"), str(EXAMPLE)], min_evidence=None)
    strong = {r.evidence.path: r.totals(level="ic4").strong for r in cycle.results}
    assert strong[str(PROBES / "hollow-six-items.yaml")] < strong[str(EXAMPLE)]


# --- the contract guard -------------------------------------------------------------------------

ADDED_TOP = ("own", "items", "recommendation", "demonstrate", "held")  # revision 3: demonstrate, held
ADDED_SUMMARY = ("strong", "supported", "unsupported")
ADDED_EXPECTATION = ("strength", "signals", "held", "concern", "next")
GOLDENS = sorted(CONTRACT.glob("*.json"))


def without_additions(doc: dict) -> dict:
    doc = {k: v for k, v in doc.items() if k not in ADDED_TOP}
    doc["summary"] = {k: v for k, v in doc["summary"].items() if k not in ADDED_SUMMARY}
    doc["expectations"] = [{k: v for k, v in e.items() if k not in ADDED_EXPECTATION} for e in doc["expectations"]]
    return doc


def test_the_guard_covers_every_example_and_every_valid_hostile_file():
    names = {g.stem for g in GOLDENS}
    assert {f"examples--{e.stem}" for e in EXAMPLES} <= names
    assert sum(n.startswith("hostile--") for n in names) >= 20


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.stem)
def test_json_before_the_additions_is_byte_identical(golden):
    folder, stem = golden.stem.split("--", 1)
    source = ROOT / ("examples" if folder == "examples" else "tests/hostile") / f"{stem}.yaml"
    doc = gaps_json(source)
    assert set(ADDED_TOP[:2]) <= set(doc) and all(k in doc["summary"] for k in ADDED_SUMMARY)
    text = json.dumps(without_additions(doc), ensure_ascii=False, indent=2) + "\n"
    assert text == golden.read_text(encoding="utf-8")


# the hostile corpus as it was when the goldens were taken; files added later have no "before"
SNAPSHOT = (CONTRACT / "hostile-corpus.txt").read_text(encoding="utf-8").split()
REFUSED = [ROOT / "tests" / "hostile" / name for name in SNAPSHOT
           if not (CONTRACT / f"hostile--{Path(name).stem}.json").exists()]


@pytest.mark.parametrize("case", REFUSED, ids=lambda p: p.stem)
def test_every_other_hostile_file_is_still_refused(case):
    """Together with the goldens above, every file of the hostile corpus keeps its verdict."""
    from packetgen.errors import PacketgenError

    with pytest.raises(PacketgenError):
        gaps_json(case)
