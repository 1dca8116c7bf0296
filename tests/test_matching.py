from __future__ import annotations

import pytest
from conftest import TODAY

from packetgen import analyse, load
from packetgen.model.result import GAP, MET, THIN


def run(path, **options):
    loaded = load(path, today=TODAY, target=options.get("target"))
    return analyse(loaded, **options)


def status(result, ident):
    return next(c for c in result.expectations if c.id == ident)


ITEMS = """
evidence:
  - id: a
    title: A
    date: 2026-01-10
    expectations: [ic4.impact.1, all.scope.2]
  - id: b
    title: B
    date: 2026-02-10
    expectations: [ic4.impact.1, ic5.scope.2]
  - id: c
    title: C
    date: 2026-03-10
    expectations: [all.scope.2, ic5.scope.2, ic5.impact.1]
  - id: d
    title: D
    date: 2026-04-10
    expectations: []
"""


def test_statuses_met_thin_gap(evidence_file):
    result = run(evidence_file(ITEMS))
    assert result.target_level == "ic4" and result.min_evidence == 2
    assert len(result.expectations) == 48
    assert (status(result, "ic4.impact.1").status, status(result, "ic4.impact.1").evidence) == (MET, ("a", "b"))
    assert (status(result, "all.scope.2").status, status(result, "all.scope.2").evidence) == (MET, ("a", "c"))
    assert status(result, "ic4.impact.2").status == GAP
    assert status(result, "ic4.impact.2").evidence == ()
    t = result.totals()
    assert (t.total, t.met, t.thin, t.gap) == (48, 2, 0, 46)


def test_min_evidence_turns_met_into_thin_and_back(evidence_file):
    path = evidence_file(ITEMS)
    three = run(path, min_evidence=3)
    assert status(three, "ic4.impact.1").status == THIN
    assert three.totals().thin == 2 and three.totals().met == 0
    one = run(path, min_evidence=1)
    assert status(one, "ic4.impact.1").status == MET
    assert one.totals().met == 2


def test_beyond_target_is_listed_in_framework_order_and_changes_nothing(evidence_file):
    result = run(evidence_file(ITEMS))
    assert [(s.expectation.id, s.evidence) for s in result.beyond_target] == [
        ("ic5.impact.1", ("c",)), ("ic5.scope.2", ("b", "c"))]
    assert all(c.expectation.level != "ic5" for c in result.expectations)


def test_untagged_items(evidence_file):
    assert run(evidence_file(ITEMS)).untagged == ("d",)


def test_target_override_changes_the_cumulative_set(evidence_file):
    path = evidence_file(ITEMS)
    five = run(path, target="ic5")
    assert five.target_level == "ic5" and len(five.expectations) == 60
    assert status(five, "ic5.scope.2").status == MET
    assert status(five, "ic5.impact.1").status == THIN
    assert five.beyond_target == ()
    three = run(path, target="ic3")
    assert len(three.expectations) == 38
    assert [s.expectation.id for s in three.beyond_target] == ["ic4.impact.1", "ic5.impact.1", "ic5.scope.2"]


@pytest.mark.parametrize("target, total", [("ic2", 25), ("ic3", 38), ("ic4", 48), ("ic5", 60)])
def test_cumulative_totals(evidence_file, target, total):
    assert run(evidence_file(ITEMS), target=target).totals().total == total


def test_period_makes_items_outside_it_stale(evidence_file):
    header = ("candidate:\n  name: Jordan Lee\n  current_level: ic3\n  target_level: ic4\n"
              "period:\n  start: 2026-02-01\n  end: 2026-03-10\n")
    result = run(evidence_file(ITEMS, header=header))
    # a (Jan) and d (Apr) are outside; b and c (the period's last day, inclusive) count
    assert result.stale == ("a", "d")
    impact = status(result, "ic4.impact.1")
    assert (impact.status, impact.evidence, impact.stale) == (THIN, ("b",), ("a",))
    scope = status(result, "all.scope.2")
    assert (scope.status, scope.evidence, scope.stale) == (THIN, ("c",), ("a",))
    assert result.untagged == ("d",)  # untagged whatever its date


def test_period_start_is_inclusive(evidence_file):
    header = ("candidate:\n  name: Jordan Lee\n  current_level: ic3\n  target_level: ic4\n"
              "period:\n  start: 2026-01-10\n  end: 2026-12-31\n")
    result = run(evidence_file(ITEMS, header=header))
    assert result.stale == ()
    assert status(result, "ic4.impact.1").status == MET


def test_derived_ids_are_unique_and_do_not_clash_with_explicit_ones(evidence_file):
    path = evidence_file("""
    evidence:
      - title: Launched Ranking v2!
        date: 2026-01-10
        expectations: [ic4.impact.1]
      - id: launched-ranking-v2
        title: Something else
        date: 2026-01-11
        expectations: [ic4.impact.1]
      - title: Launched ranking v2
        date: 2026-01-12
        expectations: [ic4.impact.1]
    """)
    result = run(path)
    assert [i.id for i in result.evidence.items] == ["launched-ranking-v2-2", "launched-ranking-v2",
                                                       "launched-ranking-v2-3"]
    assert status(result, "ic4.impact.1").evidence == ("launched-ranking-v2-2", "launched-ranking-v2",
                                                        "launched-ranking-v2-3")


def test_result_is_immutable(evidence_file):
    result = run(evidence_file(ITEMS))
    with pytest.raises(AttributeError):
        result.target_level = "ic5"
    with pytest.raises(AttributeError):
        result.expectations[0].status = "met"


def test_level_and_area_totals_add_up(evidence_file):
    result = run(evidence_file(ITEMS))
    own = result.totals(level="ic4")
    assert own.total == 10 and own.met == 1
    by_cell = sum(result.totals(level=lv.id, area=a.id).total for lv in result.levels for a in result.areas)
    assert by_cell == 48


def test_yaml_11_words_stay_text(evidence_file):
    path = evidence_file("""
    evidence:
      - title: no
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: on
        quotes:
          - {from: yes, text: 1e3}
    """)
    item = run(path).evidence.items[0]
    assert (item.title, item.description, item.quotes[0].author, item.quotes[0].text) == ("no", "on", "yes", "1e3")


def test_text_xml_cannot_hold_is_cleaned_at_load(evidence_file):
    path = evidence_file(r'''
    evidence:
      - title: "Launch\x01ed \ud800ranking\x1f"
        date: 2026-01-10
        expectations: [ic4.impact.1]
        description: "tab\tand newline\nstay"
    ''')
    item = run(path).evidence.items[0]
    assert item.title == "Launched ranking"
    assert item.description == "tab\tand newline\nstay"


def test_stale_items_above_the_target_still_appear(evidence_file):
    header = ("candidate:\n  name: Jordan Lee\n  current_level: ic3\n  target_level: ic4\n"
              "period:\n  start: 2026-02-01\n  end: 2026-12-31\n")
    result = run(evidence_file(ITEMS, header=header))
    # a (January, stale) and b both cite ic5.scope.2; c alone cites ic5.impact.1
    beyond = {s.expectation.id: s.evidence for s in result.beyond_target}
    assert beyond == {"ic5.impact.1": ("c",), "ic5.scope.2": ("b", "c")}
    path = evidence_file("""
    evidence:
      - {id: old, title: Old, date: 2025-01-01, expectations: [ic5.impact.1]}
    """, header=header)
    result = run(path)
    assert [(s.expectation.id, s.evidence) for s in result.beyond_target] == [("ic5.impact.1", ("old",))]
    assert result.stale == ("old",)


def test_invisible_only_required_text_is_empty(evidence_file):
    from packetgen.errors import InputError

    path = evidence_file("""
    evidence:
      - {title: "\\u200f\\u202e", date: 2026-01-10, expectations: [ic4.impact.1]}
    """, header='candidate:\n  name: "\\u202e "\n  current_level: ic3\n  target_level: ic4\n')
    with pytest.raises(InputError) as info:
        run(path)
    messages = [d.message for d in info.value.errors]
    assert "'name' in 'candidate' is empty; it is required" in messages
    assert "'title' in evidence item #1 is empty; it is required" in messages
