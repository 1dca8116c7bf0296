from __future__ import annotations

from pathlib import Path

import pytest

from packetgen.errors import InputError, UsageError
from packetgen.loading.framework import load_framework, parse_framework
from packetgen.loading.yamlio import load


@pytest.fixture(scope="module")
def fw():
    return load_framework()


def test_builtin_framework_has_the_seed_counts(fw):
    assert fw.id == "sourcegraph-pm"
    assert [a.id for a in fw.areas] == ["impact", "scope", "execution", "teamwork"]
    assert [lv.id for lv in fw.levels] == ["all", "ic2", "ic3", "ic4", "ic5"]
    per_level = {lv.id: len(fw.own(lv.id)) for lv in fw.levels}
    assert per_level == {"all": 17, "ic2": 8, "ic3": 13, "ic4": 10, "ic5": 12}
    assert [len(fw.cumulative(lv)) for lv in ("ic2", "ic3", "ic4", "ic5")] == [25, 38, 48, 60]


@pytest.mark.parametrize("ident, text", [
    ("all.execution.1", "Seeks clear ownership of areas of responsibility as appropriate for the level."),
    ("ic3.execution.3", "Representing the product to leadership."),
    ("ic5.teamwork.4", "Manage up effectively by determining their own tasks and priorities instead of "
                       "getting those from management."),
    ("all.impact.1", "Directly contributes to achieving the company’s strategic goals and long term success."),
    ("ic4.teamwork.1", "Actively mentors one or more junior team members"),
])
def test_expectation_texts_are_word_for_word(fw, ident, text):
    assert fw.expectation(ident).text == text


def test_every_seed_bullet_is_in_the_framework_word_for_word(fw):
    # a copy of shared/seeds/sourcegraph-pm-career-framework.md, the framework's source
    seed = Path(__file__).parent / "testdata" / "seed" / "sourcegraph-pm-career-framework.md"
    bullets = [line.strip()[1:].strip() for line in seed.read_text(encoding="utf-8").splitlines()
               if line.startswith("  -")]
    assert len(bullets) == 60
    assert sorted(bullets) == sorted(e.text for e in fw.expectations)


def test_prose_is_data(fw):
    assert "add to the expectations of earlier levels" in fw.cumulative_note
    assert "values" in fw.values_note
    assert fw.area("teamwork").description.startswith("The art of collaborating")
    assert "reduce bias" in fw.about


def test_base_level_is_not_a_candidate_level(fw):
    assert [lv.id for lv in fw.candidate_levels] == ["ic2", "ic3", "ic4", "ic5"]


def test_unknown_framework_reference_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="sourcegraph-pm"):
        load_framework("sourcegraph-pn", tmp_path)


def test_custom_framework_with_explicit_ids(tmp_path):
    (tmp_path / "ladder.yaml").write_text(
        "id: acme\nname: Acme ladder\nareas:\n  - {id: craft, name: Craft}\n"
        "levels:\n  - {id: junior, name: Junior}\n  - {id: senior, name: Senior}\n"
        "expectations:\n  junior:\n    craft:\n      - Ships small things.\n"
        "  senior:\n    craft:\n      - {id: ship-big, text: Ships big things.}\n      - Leads.\n",
        encoding="utf-8")
    fw = load_framework("ladder.yaml", tmp_path)
    assert [e.id for e in fw.expectations] == ["junior.craft.1", "ship-big", "senior.craft.2"]
    assert [e.id for e in fw.cumulative("junior")] == ["junior.craft.1"]
    assert fw.candidate_levels[0].id == "junior"


def _problems(text: str) -> list[str]:
    with pytest.raises(InputError) as info:
        parse_framework(load(text, "ladder.yaml"))
    return [str(d) for d in info.value.diagnostics]


def test_framework_file_is_validated_strictly():
    problems = _problems(
        "id: Acme Ladder\n"
        "name: Acme\n"
        "areas:\n  - {id: craft, name: Craft}\n  - {id: craft, name: Again}\n"
        "levels:\n  - {id: one, name: One}\n  - {id: two, name: Two, base: true}\n"
        "expectations:\n  three:\n    craft: [x]\n  one:\n    craf: [y]\n"
        "colour: blue\n")
    assert problems == [
        "ladder.yaml:1:5: error: framework id 'Acme Ladder' must be lowercase letters, digits, '-' or '_'",
        "ladder.yaml:5:10: error: duplicate area id 'craft' (first at line 4)",
        "ladder.yaml:8:32: error: only the first (lowest) level can be the base level",
        "ladder.yaml:10:3: error: unknown key 'three' in 'expectations'; valid keys: one, two",
        "ladder.yaml:13:5: error: unknown key 'craf' in expectations of level 'one' (did you mean 'craft'?); "
        "valid keys: craft",
        "ladder.yaml:14:1: error: unknown key 'colour' in the framework file; valid keys: id, name, source, "
        "about, cumulative_note, values_note, policy, version, renamed, areas, levels, expectations",
    ]


def test_framework_missing_parts():
    problems = _problems("id: acme\nname: Acme\n")
    assert problems == [
        "ladder.yaml:1:1: error: missing required key 'areas' (a list of areas)",
        "ladder.yaml:1:1: error: missing required key 'levels' (a list of levels)",
        "ladder.yaml:1:1: error: missing required key 'expectations' (level -> area -> list of texts)",
    ]
