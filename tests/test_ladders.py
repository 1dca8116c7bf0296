"""Frameworks from where they live (README, Bringing your own ladder): the seed's Markdown imports to the
built-in framework exactly; handbook shapes and spreadsheets import, or fail where they cannot be read;
a CSV export imports back; `version` and `renamed` keep old citations working and `migrate` rewrites
them byte for byte; `lint` points at the ladder's own words in the file they stand in."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT

from packetgen.analysis.ladder_lint import lint
from packetgen.cli import cli
from packetgen.loading.framework import load_framework

LADDERS = ROOT / "tests" / "testdata" / "ladders"
SEED = ROOT / "tests" / "testdata" / "seed" / "sourcegraph-pm-career-framework.md"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "sourcegraph-pm-career-framework.md"
EXAMPLE = EXAMPLES[1]  # IC3 -> IC4: cites ic4.impact.2 three times


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def imported(source: Path, out: Path, *extra) -> object:
    result = invoke("framework", "import", source, "-o", out, *extra)
    assert result.exit_code == 0, result.output
    return load_framework(str(out))


def content(fw) -> dict:
    return {"levels": [(lv.id, lv.name, lv.rank, lv.base) for lv in fw.levels],
            "areas": [(a.id, a.name) for a in fw.areas],
            "expectations": [(e.id, e.level, e.area, e.position, e.text) for e in fw.expectations]}


def test_the_seed_imports_to_the_built_in_framework_exactly(tmp_path):
    if SHARED_SEED.exists():  # the copy in the test data is the seed itself
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()
    fw = imported(SEED, tmp_path / "seed.yaml", "--id", "sourcegraph-pm")
    builtin = load_framework()
    assert content(fw) == content(builtin)
    assert len(fw.expectations) == 60 and "’" in fw.expectation("all.impact.1").text  # typographic apostrophe kept
    assert [a.description for a in fw.areas] == [a.description for a in builtin.areas]
    assert (fw.id, fw.name, fw.about.strip(), fw.cumulative_note, fw.values_note) == \
        (builtin.id, builtin.name, builtin.about.strip(), builtin.cumulative_note, builtin.values_note)
    # the bullet missing its space in the seed ("-Seeks clear ownership…") is the first Execution bullet
    assert fw.expectation("all.execution.1").text.startswith("Seeks clear ownership")


@pytest.mark.parametrize(("name", "levels", "areas", "count", "sample"), [
    ("bold-areas.md", [("ic1", "IC1"), ("ic2", "IC2")], ["impact", "craft"], 6,
     ("ic2.craft.1", "Writes specs that engineering builds from without a meeting.")),
    ("sub-headings.md", [("p1", "P1"), ("p2", "P2")], ["impact", "teamwork"], 5,
     ("p2.teamwork.1", "Mentors a new teammate.")),
    ("any-order-wrapped.md", [("all", "All levels"), ("l4", "L4")], ["scope", "impact"], 5,
     ("l4.scope.1", "Sets a direction for a product line, written down and agreed.")),
    ("engineering.md", [("e3", "E3"), ("e4", "E4"), ("e5", "E5")],
     ["technical-skill", "delivery", "collaboration", "influence", "ownership"], 12,
     ("e5.influence.1", "Shapes the technical strategy of a group.")),
    ("grouped-levels.md", [("m1", "M1"), ("m2", "M2")], ["impact", "people"], 4, ("m2.people.1", "Grows managers.")),
    ("mixed-lists.md", [("d1", "D1"), ("d2", "D2")], ["craft", "reach"], 5,
     ("d1.craft.1", "Designs flows that pass usability testing on the first or second round.")),
    ("engineering.csv", [("e3", "E3"), ("e4", "E4"), ("e5", "E5")],
     ["technical-skill", "delivery", "collaboration", "influence", "ownership"], 12,
     ("e3.technical-skill.1", "Writes tested, readable code for well-defined tasks.")),
    ("reordered-with-ids.csv", [("ic1", "IC1"), ("ic2", "IC2")], ["impact", "craft"], 3,
     ("pm-own", "Owns a feature area end to end.")),
    ("crlf-capitalised.csv", [("all", "All levels"), ("l4", "L4")], ["impact"], 2,
     ("all.impact.1", "Moves a metric, and says which.")),
])
def test_handbook_shapes_and_sheets_import(tmp_path, name, levels, areas, count, sample):
    fw = imported(LADDERS / name, tmp_path / "ladder.yaml")
    assert [(lv.id, lv.name) for lv in fw.levels] == levels
    assert [a.id for a in fw.areas] == areas and len(fw.expectations) == count
    assert fw.expectation(sample[0]).text == sample[1]
    assert fw.levels[0].base == (levels[0][0] == "all")


def test_the_engineering_page_and_sheet_are_one_ladder(tmp_path):
    page, sheet = (imported(LADDERS / f"engineering.{kind}", tmp_path / f"{kind}.yaml") for kind in ("md", "csv"))
    assert content(page)["expectations"] == content(sheet)["expectations"]
    assert page.areas[0].description == "what you can build."
    assert (page.cumulative_note, page.values_note) == ("Each level adds to the one before.",
                                                        "Our values apply to everyone.")


@pytest.mark.parametrize("ref", ["sourcegraph-pm", str(LADDERS / "engineering.md")])
def test_a_csv_export_imports_back_to_the_same_framework(tmp_path, ref):
    if ref.endswith(".md"):
        ref = str(imported(Path(ref), tmp_path / "eng.yaml").path)
    exported = invoke("framework", "export", ref)
    assert exported.exit_code == 0
    (tmp_path / "export.csv").write_text(exported.stdout, encoding="utf-8")
    again = imported(tmp_path / "export.csv", tmp_path / "again.yaml")
    assert content(again) == content(load_framework(ref))


@pytest.mark.parametrize(("text", "where", "said"), [
    ("# L\n\n## IC2\n\n- Impact\n  - One.\n\n- A bullet with no area.\n", "8:1",
     "an expectation outside an area in level 'IC2'"),
    ("# L\n\n## IC2\n\n- Impact\n  - One.\n    - A list inside it.\n", "6:3", "a list inside an expectation"),
    ("# L\n\nJust prose, no levels.\n", "1:1", "no level found"),
    ("# L\n\n## IC2\n\n- Impact\n  - One.\n\n## IC2 again\n\n- Impact\n  - Two.\n", "8:1",
     "level 'IC2' (ic2) is here a second time"),
    ("# L\n\n## IC2\n\n**Impact**\n- One.\n\n**Impact**\n- Two.\n", "8:1", "area 'Impact' appears twice"),
])
def test_what_a_page_cannot_say_is_a_located_error(tmp_path, text, where, said):
    page = tmp_path / "ladder.md"
    page.write_text(text, encoding="utf-8")
    result = invoke("framework", "import", page, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{page}:{where}: error: {said}" in result.stderr, result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_what_a_sheet_cannot_say_is_a_located_error(tmp_path):
    sheet = tmp_path / "ladder.csv"
    sheet.write_text("level,area,text\nIC2,Impact,One.\nIC2,,Two.\n", encoding="utf-8")
    result = invoke("framework", "import", sheet, "-o", tmp_path / "out.yaml")
    assert f"{sheet}:3:5: error: area is empty" in result.stderr and result.exit_code == 2
    sheet.write_text("level,text\nIC2,One.\n", encoding="utf-8")
    assert f"{sheet}:1:1: error: missing column 'area'" in invoke("framework", "import", sheet, "-o",
                                                                  tmp_path / "out.yaml").stderr


# --- versions, renames, migrate ---------------------------------------------------------------------

def next_version(folder: Path, framework_id: str = "sourcegraph-pm") -> Path:
    """Next year's built-in ladder: "Owns a related set of medium-large products." moves from IC4
    Impact (ic4.impact.2, its last bullet) to the end of IC4 Scope (ic4.scope.3)."""
    text = (ROOT / "framework" / "sourcegraph-pm.yaml").read_text(encoding="utf-8")
    bullet = '      - "Owns a related set of medium-large products."\n'
    text = text.replace(bullet, "", 1)
    at = text.index("    execution:", text.index("\n  ic4:"))
    text = text[:at] + bullet + text[at:]
    text = text.replace("id: sourcegraph-pm\n", f'id: {framework_id}\nversion: "2027"\nrenamed:\n'
                                                "  ic4.impact.2: ic4.scope.3\n", 1)
    out = folder / "ladder-2027.yaml"
    out.write_text(text, encoding="utf-8")
    return out


@pytest.mark.renders
def test_an_old_id_is_matched_as_the_new_one_with_a_located_warning(tmp_path):
    new = next_version(tmp_path)
    case = tmp_path / "jordan.yaml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8").replace("framework: sourcegraph-pm",
                                                                "framework: ladder-2027.yaml"), encoding="utf-8")
    lines = case.read_text(encoding="utf-8").splitlines()
    cited = [(n, line.index("ic4.impact.2") + 1) for n, line in enumerate(lines, 1) if "ic4.impact.2" in line]
    result = invoke("check", case)
    assert result.exit_code == 0
    for line, column in cited:
        assert (f"{case}:{line}:{column}: warning: ic4.impact.2 is ic4.scope.3 in the framework sourcegraph-pm "
                "version 2027 (renamed)") in result.stderr
    gaps = json.loads(invoke("gaps", case, "--format", "json").stdout)
    ids = [e["id"] for e in gaps["expectations"]]
    assert "ic4.impact.2" not in ids
    scope3 = next(e for e in gaps["expectations"] if e["id"] == "ic4.scope.3")
    assert scope3["status"] == "met" and len(scope3["evidence"]) == 3
    html = tmp_path / "packet.html"
    assert invoke("render", case, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "ic4.scope.3" in page and "ic4.impact.2" not in page
    record = tmp_path / "record.pdf"  # a record's statuses are the matched case's: the new ID
    assert invoke("render", case, "-o", record, "--archival").exit_code == 0
    import pikepdf

    with pikepdf.open(record) as pdf:
        statuses = json.loads(pdf.attachments["packetgen-record.json"].get_file().read_bytes())["statuses"]
    assert statuses["ic4.scope.3"] == "met" and "ic4.impact.2" not in statuses
    # a rename from an ID the version still has is refused, where it is written
    clash = new.read_text(encoding="utf-8").replace("  ic4.impact.2: ic4.scope.3", "  ic4.impact.1: ic4.scope.3")
    new.write_text(clash, encoding="utf-8")
    refused = invoke("check", case)
    assert refused.exit_code == 2 and re.search(r"ladder-2027.yaml:\d+:3: error: renamed ic4.impact.1 -> "
                                                r"ic4.scope.3: ic4.impact.1 is still an ID", refused.stderr)


def test_migrate_rewrites_the_cited_ids_and_keeps_every_other_byte(tmp_path):
    new = next_version(tmp_path)
    case = tmp_path / "jordan.yaml"
    original = EXAMPLE.read_bytes().replace(b"framework: sourcegraph-pm\n", b"framework: sourcegraph-pm\n"
                                            b"# ic4.impact.2 in a comment stays as it is\n")
    case.write_bytes(original)
    result = invoke("framework", "migrate", case, "--to", new)
    assert result.exit_code == 0, result.output
    assert "3 citations renamed: ic4.impact.2 → ic4.scope.3 ×3" in result.stderr
    expected = b"\n".join(line.replace(b"ic4.impact.2", b"ic4.scope.3") if line.lstrip().startswith(b"expectations:")
                          else line for line in original.split(b"\n"))
    assert case.read_bytes() == expected != original
    assert invoke("framework", "migrate", case, "--to", new).exit_code == 0  # a second run changes nothing
    assert case.read_bytes() == expected
    other = invoke("framework", "migrate", case, "--to", next_version(tmp_path / "..", "acme-pm"))
    assert other.exit_code == 2 and "migrate to a newer version of the same framework" in other.stderr


def test_diff_across_two_versions_compares_a_renamed_expectation_with_itself(tmp_path):
    next_version(tmp_path)
    case = tmp_path / "jordan.yaml"
    case.write_text(EXAMPLE.read_text(encoding="utf-8").replace("framework: sourcegraph-pm",
                                                                "framework: ladder-2027.yaml"), encoding="utf-8")
    assert invoke("framework", "migrate", case).exit_code == 0
    result = invoke("diff", EXAMPLE, case, "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    moved = next(e for e in doc["expectations"] if e["id"] == "ic4.scope.3")
    assert moved["before"]["evidence"] == moved["after"]["evidence"] and moved["before"]["status"] == "met"
    assert doc["summary"]["better"] == doc["summary"]["worse"] == 0 and doc["items"]["changed"] == []


# --- lint -----------------------------------------------------------------------------------------

def at(path: Path, note) -> str:
    """The file's text from where a note points."""
    line = path.read_text(encoding="utf-8").splitlines()[note.location.line - 1]
    return line[note.location.column - 1:]


@pytest.mark.parametrize("source", [None, SEED, "csv"])
def test_lint_names_the_ladders_personality_words_and_repeats_where_they_stand(tmp_path, source):
    if source == "csv":
        source = tmp_path / "built-in.csv"
        source.write_text(invoke("framework", "export").stdout, encoding="utf-8")
    path = Path(source) if source else ROOT / "framework" / "sourcegraph-pm.yaml"
    notes = lint(str(source) if source else None)
    assert all(Path(n.location.path).resolve() == path.resolve() for n in notes)
    words = {re.search(r"“([^”]+)”", n.message).group(1): n for n in notes if n.severity == "note[personality]"}
    assert set(words) == {"firm technical opinion", "strong technical opinion", "conviction"}
    for phrase, note in words.items():
        assert at(path, note).startswith(phrase), (phrase, at(path, note))
    repeated = [n.message.split(" ")[0:4] for n in notes if n.severity == "note[repeated]"]
    assert repeated == [["ic3.execution.2", "nearly", "repeats", "ic2.execution.2"],
                        ["ic5.teamwork.1", "nearly", "repeats", "ic4.teamwork.1"]]


def test_lint_counts_a_crowded_area(tmp_path):
    sheet = tmp_path / "crowded.csv"
    sheet.write_text("level,area,text\n" + "".join(f"IC2,Impact,Ships thing number {n} of the plan.\n"
                                                    for n in range(1, 18)), encoding="utf-8")
    crowded = [n for n in lint(str(sheet)) if n.severity == "note[too-many]"]
    assert len(crowded) == 1 and crowded[0].location.line == 17 and "17 expectations in impact" in crowded[0].message


# --- the README's commands ---------------------------------------------------------------------------

def test_the_readme_commands_run_as_written(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Bringing your own ladder"):readme.index("## Security")]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    shutil.copy(SEED, tmp_path / "ladder.md")
    next_version(tmp_path, "acme-pm")
    (tmp_path / "jordan.yaml").write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "framework: sourcegraph-pm", "framework: ladder.yaml"), encoding="utf-8")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    run = subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=tmp_path, capture_output=True, text=True,
                         env=env)
    assert run.returncode == 0, run.stderr
    assert load_framework(str(tmp_path / "ladder.yaml")).id == "acme-pm"
    assert "ladder.md:34:11: note[personality]" in run.stdout
    assert "jordan.yaml: 3 citations renamed" in run.stderr
    assert (tmp_path / "ladder-export.csv").read_text(encoding="utf-8").startswith("level,area,text,id")
