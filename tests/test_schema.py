"""The JSON Schemas of `packetgen schema` (issue 17): generated from definitions.py, the shapes
the loaders read with; shipped up to date; every example valid; every file the loader refuses
for a structural reason refused by the schema too."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT
from render_helpers import invoke

from packetgen.authoring import json_schema as editor_schema
from packetgen.errors import InputError
from packetgen.loading import shapes as D
from packetgen.loading import yamlio
from packetgen.loading.evidence import load_evidence
from packetgen.loading.framework import load_framework

INVALID = sorted((Path(__file__).parent / "testdata" / "invalid").glob("*.yaml"))
# the loader's errors about structure and vocabulary (what a schema can say), not about values
# only the loader can judge (a date that does not exist, a duplicate id, an empty text)
STRUCTURAL = re.compile(r"must be (a |text|true)|unknown key|missing required key|not a date; write|unknown level|"
                        r"unknown expectation ID|; use one of|is the base level|unknown area|must start with a letter")


def shipped(kind: str) -> dict:
    return json.loads(editor_schema.shipped(kind).read_text(encoding="utf-8"))


def validator(kind: str = "evidence"):
    schema = shipped(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize("kind", ["evidence", "framework", "included"])
def test_each_shipped_schema_is_up_to_date(kind):
    fw = load_framework()
    made = {"evidence": lambda: editor_schema.evidence_schema(fw), "framework": editor_schema.framework_schema,
            "included": lambda: editor_schema.included_schema(fw)}[kind]()
    assert editor_schema.render(made) == editor_schema.shipped(kind).read_text(encoding="utf-8"), \
        f"run: packetgen schema {kind} > src/packetgen/data/schema/{kind}.schema.json"
    printed = invoke("schema", kind)
    assert printed.exit_code == 0 and printed.stdout == editor_schema.render(made)


@pytest.mark.parametrize("path", EXAMPLES + [ROOT / "examples" / "next-cycle" / "ic3-to-ic4-teamwork-scope-gaps.yaml"],
                         ids=lambda p: p.stem)
def test_every_example_validates(path):
    errors = list(validator().iter_errors(yamlio.load_file(path).data))
    assert errors == [], [e.message for e in errors[:3]]


def test_the_builtin_framework_validates():
    from packetgen.resources import builtin_frameworks

    frameworks = builtin_frameworks()
    assert "sourcegraph-pm" in frameworks  # the loop below judges at least the built-in one
    for path in frameworks.values():
        assert list(validator("framework").iter_errors(yamlio.load_file(path).data)) == []


def structural_errors(path: Path) -> list[str]:
    try:
        load_evidence(path)
    except InputError as exc:
        return [d.message for d in exc.errors if STRUCTURAL.search(d.message)]
    return []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_what_the_loader_refuses_for_its_structure_the_schema_refuses(path):
    try:
        data = yamlio.load_file(path).data
    except InputError:
        pytest.skip("not YAML a schema could be applied to")
    found = structural_errors(path)
    if not found:
        pytest.skip("refused for values only the loader judges, or not refused")
    assert list(validator().iter_errors(data)), f"{path.name}: the loader says {found[0]!r}; the schema accepts it"


def test_enough_invalid_files_are_structural():
    assert sum(bool(structural_errors(p)) for p in INVALID if p.suffix == ".yaml") >= 7


def test_expectation_ids_are_an_enum_with_their_texts():
    fw = load_framework()
    ids = shipped("evidence")["properties"]["evidence"]["items"]["properties"]["expectations"]["items"]
    assert ids["enum"] == [e.id for e in fw.expectations]
    first = fw.expectations[0]
    assert ids["enumDescriptions"][0].endswith(first.text)
    levels = shipped("evidence")["properties"]["candidate"]["properties"]["target_level"]["enum"]
    assert levels == ["ic2", "ic3", "ic4", "ic5"]


def test_every_defined_key_is_in_the_schema_and_nothing_else():
    schema = shipped("evidence")
    assert list(schema["properties"]) == list(D.EVIDENCE.keys)
    item = schema["properties"]["evidence"]["items"]
    assert list(item["properties"]) == list(D.ITEM.keys) and item["required"] == ["title", "date"]
    assert list(item["properties"]["quotes"]["items"]["properties"]) == list(D.QUOTE.keys)
    assert list(shipped("framework")["properties"]) == list(D.FRAMEWORK.keys)


@pytest.mark.parametrize("field,value", [("summary", ["a list"]), ("period", "2025..2026"), ("surprise", 1),
                                         ("candidate", {"name": "X", "current_level": "ic3"})])
def test_the_schema_and_the_loader_refuse_the_same_wrong_values(tmp_path, field, value):
    doc = {"candidate": {"name": "X", "current_level": "ic3", "target_level": "ic4"}, "evidence": [], field: value}
    path = tmp_path / "e.yaml"
    path.write_text(json.dumps(doc), encoding="utf-8")  # JSON is YAML
    assert structural_errors(path)
    assert list(validator().iter_errors(yamlio.load_file(path).data))


def test_a_custom_framework_gets_its_own_ids(tmp_path):
    from render_helpers import write_ladder

    ladder = write_ladder(tmp_path / "ladder.yaml", id="acme", name="Acme ladder")
    result = invoke("schema", "evidence", "--framework", ladder)
    schema = json.loads(result.stdout)
    assert schema["properties"]["evidence"]["items"]["properties"]["expectations"]["items"]["enum"] == \
        ["one.craft.1", "two.craft.1"]


def test_init_points_editors_at_the_schema(tmp_path):
    out = tmp_path / "me.yaml"
    assert invoke("init", "--level", "ic4", "-o", out).exit_code == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m and Path(m[1].removeprefix("file://")).resolve() == editor_schema.shipped("evidence").resolve()
    assert list(validator().iter_errors(yamlio.load_file(out).data)) == []
