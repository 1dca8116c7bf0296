"""`include:` (issue 17): a case split over files, errors located in the file they are in,
duplicate ids named in both places, and records that embed, verify and give back every file."""
from __future__ import annotations

import io
import re

import pikepdf
import pytest
from render_helpers import invoke, render_record

from packetgen import analyse, load
from packetgen.errors import InputError

MAIN = """\
candidate: {name: Jordan Lee, current_level: ic3, target_level: ic4}
period: {start: 2025-10-01, end: 2026-09-30}
include: [2026-q1.yaml, 2026-q2.yaml]
evidence:
  - {id: kickoff, title: Kicked off the roadmap, date: 2025-11-05, expectations: [ic4.impact.1]}
"""
Q1 = """\
# written in the first quarter
evidence:
  - {id: ranking, title: Launched ranking v2, date: 2026-02-05, expectations: [ic4.impact.1, ic4.scope.1]}
"""
Q2 = """\
evidence:
  - title: Mentored the APM
    date: 2026-05-05
    expectations: [ic4.teamwork.1]
"""


@pytest.fixture
def case(tmp_path):
    (tmp_path / "2026-q1.yaml").write_text(Q1, encoding="utf-8")
    (tmp_path / "2026-q2.yaml").write_text(Q2, encoding="utf-8")
    path = tmp_path / "case.yaml"
    path.write_text(MAIN, encoding="utf-8")
    return path


def messages(path) -> list[str]:
    with pytest.raises(InputError) as err:
        load(path)
    return [str(d) for d in err.value.errors]


def test_included_items_count_like_the_files_own(case):
    loaded = load(case)
    assert [i.id for i in loaded.evidence.items] == ["kickoff", "ranking", "mentored-the-apm"]
    assert [inc.name for inc in loaded.evidence.includes] == ["2026-q1.yaml", "2026-q2.yaml"]
    impact = next(c for c in analyse(loaded).expectations if c.id == "ic4.impact.1")
    assert impact.evidence == ("kickoff", "ranking") and impact.status == "met"
    assert invoke("check", case).exit_code == 0


def test_errors_are_located_in_the_included_file(case):
    q2 = case.parent / "2026-q2.yaml"
    q2.write_text(Q2.replace("ic4.teamwork.1", "ic4.teamwork.9") + "summary: not here\n", encoding="utf-8")
    found = messages(case)
    assert any(re.match(rf"{re.escape(str(q2))}:4:20: error: unknown expectation ID 'ic4.teamwork.9'", m) for m in found), found
    assert any(m.startswith(f"{q2}:5:1: error: unknown key 'summary' in an included file; valid keys: evidence")
               for m in found), found


def test_a_duplicate_id_names_both_places(case):
    q1 = case.parent / "2026-q1.yaml"
    q1.write_text(Q1.replace("id: ranking", "id: kickoff"), encoding="utf-8")
    found = messages(case)
    assert f"{q1}:3:10: error: duplicate evidence id 'kickoff' (first used at {case}:5:10); evidence ids must be " \
           "unique across the case and its included files" in found


@pytest.mark.parametrize("entry,message", [
    ("../2026-q1.yaml", "name a file in this file's folder"),
    ("sub/2026-q1.yaml", "name a file in this file's folder"),
    ("/etc/passwd", "name a file in this file's folder"),
    ("missing.yaml", "there is no such file beside this one"),
    ("case.yaml", "a file cannot include itself"),
    ("2026-q1.yaml, 2026-q1.yaml", "is named twice"),
    ("framework.yaml", "records give the case's framework file back under this name; rename the included file"),
    ("evidence.yaml", "records give the case's evidence file back under this name; rename the included file"),
])
def test_what_include_may_name(case, entry, message):
    case.write_text(MAIN.replace("include: [2026-q1.yaml, 2026-q2.yaml]", f"include: [{entry}]"), encoding="utf-8")
    found = messages(case)
    assert any(m.startswith(f"{case}:3:") and message in m for m in found), found


def test_an_included_file_with_a_syntax_error_is_located_in_it(case):
    q1 = case.parent / "2026-q1.yaml"
    q1.write_text("evidence:\n  - [unclosed\n", encoding="utf-8")
    assert any(m.startswith(f"{q1}:") and "YAML syntax error" in m for m in messages(case))


@pytest.mark.renders
def test_a_record_embeds_verifies_and_gives_back_every_file(case, tmp_path):
    record = tmp_path / "r.pdf"
    render_record(case, record)
    verified = invoke("verify", record)
    assert verified.exit_code == 0, verified.stdout
    assert verified.stdout.count("ok    included file hash:") == 2
    out = tmp_path / "out"
    extracted = invoke("extract", record, "-o", out)
    assert extracted.exit_code == 0
    assert (out / "2026-q1.yaml").read_text(encoding="utf-8") == Q1
    assert (out / "2026-q2.yaml").read_text(encoding="utf-8") == Q2
    again = load(out / "evidence.yaml")
    assert [i.id for i in again.evidence.items] == ["kickoff", "ranking", "mentored-the-apm"]


@pytest.mark.renders
def test_an_altered_included_file_in_a_record_is_exit_1(case, tmp_path):
    record = tmp_path / "r.pdf"
    render_record(case, record)
    with pikepdf.open(record) as pdf:
        pdf.attachments["2026-q1.yaml"] = pikepdf.AttachedFileSpec(pdf, Q1.replace("v2", "v3").encode(),
                                                                   filename="2026-q1.yaml")
        buf = io.BytesIO()
        pdf.save(buf)
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(buf.getvalue())
    result = invoke("verify", altered)
    assert result.exit_code == 1
    assert any(line.startswith("FAIL  included file hash: 2026-q1.yaml") for line in result.stdout.splitlines())


def test_a_link_out_of_the_folder_is_not_followed(case, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    outside.write_text("evidence:\n  - {title: 'SALARY BAND', date: 2026-01-01}\n", encoding="utf-8")
    q1 = case.parent / "2026-q1.yaml"
    q1.unlink()
    q1.symlink_to(outside)
    found = messages(case)
    assert any("is a link to a file outside this file's folder" in m for m in found), found
    assert not any("SALARY" in m for m in found)
