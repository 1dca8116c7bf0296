"""The command line, through click's runner (fast) and the installed console script (real)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from render_helpers import squash

from packetgen.cli import cli
from packetgen.loading.framework import load_framework


def invoke(*args, **kwargs):
    runner = CliRunner()
    return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False, **kwargs)


def test_framework_lists_cumulative_expectations_by_level():
    result = invoke("framework", "--level", "ic4")
    assert result.exit_code == 0
    lines = [l.split() for l in result.output.splitlines() if l.startswith("  ")]
    ids = [parts[0] for parts in lines]
    assert len(ids) == 48
    assert ids == [e.id for e in load_framework().cumulative("ic4")]
    assert "  ic3.execution.3  " in result.output.replace("   ", "  ")
    assert "Representing the product to leadership." in result.output


def test_framework_only_and_json():
    only = json.loads(invoke("framework", "--level", "ic5", "--only", "--format", "json").output)
    assert len(only) == 12 and {e["level"] for e in only} == {"ic5"}
    everything = json.loads(invoke("framework", "--format", "json").output)
    assert len(everything) == 60
    assert everything[0] == {"id": "all.impact.1", "level": "all", "area": "impact",
                             "text": "Directly contributes to achieving the company’s strategic goals "
                                     "and long term success."}


def test_framework_unknown_level_is_exit_2():
    result = invoke("framework", "--level", "ic9")
    assert result.exit_code == 2
    assert "unknown level 'ic9'" in result.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_pass_check(example):
    result = invoke("check", example)
    assert result.exit_code == 0, result.stderr
    assert f"{example}: ok (0 errors" in result.stdout
    assert " error: " not in result.stderr


def level_rank(level: str) -> int:
    return ["all", "ic2", "ic3", "ic4", "ic5"].index(level)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("target, total", [("ic2", 25), ("ic3", 38), ("ic4", 48), ("ic5", 60)])
def test_gaps_json_follows_the_contract(example, target, total):
    result = invoke("gaps", example, "--format", "json", "--target", target)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    base = ["framework", "candidate", "current_level", "target_level", "min_evidence",
            "summary", "expectations", "beyond_target", "untagged"]
    assert [k for k in doc if k in base] == base
    assert set(doc) - set(base) == {"own", "items", "recommendation", "demonstrate", "held"}  # the additions
    assert doc["framework"] == "sourcegraph-pm" and doc["target_level"] == target
    assert doc["min_evidence"] == 2
    fw = load_framework()
    assert [e["id"] for e in doc["expectations"]] == [e.id for e in fw.cumulative(target)]
    summary = doc["summary"]
    assert summary["total"] == total == len(doc["expectations"])
    for status in ("met", "thin", "gap"):
        assert summary[status] == sum(e["status"] == status for e in doc["expectations"])
    for e in doc["expectations"]:
        assert list(e) == ["id", "level", "area", "text", "status", "evidence", "stale", "strength", "signals",
                           "held", "concern", "next"]
        n = len(e["evidence"])
        assert e["status"] == ("met" if n >= 2 else "thin" if n == 1 else "gap")
        assert (e["next"] is None) == ((e["held"] and not e["concern"]) or (e["status"] == "met"
                                                                              and e["strength"] == "strong"))
    # held: every level of the cumulative set but those above the current level (the target alone
    # when the target is not above it)
    current = doc["current_level"]
    shown = [lv for lv in ("ic2", "ic3", "ic4", "ic5") if level_rank(lv) > level_rank(current) and level_rank(lv) <= level_rank(target)] \
        or [target]
    assert doc["demonstrate"]["levels"] == shown
    assert doc["demonstrate"]["total"] == sum(not e["held"] for e in doc["expectations"])
    assert all(e["held"] == (e["level"] not in shown) for e in doc["expectations"])
    held = [e for e in doc["expectations"] if e["held"]]
    assert doc["held"]["total"] == len(held) and doc["held"]["evidenced"] == sum(e["status"] != "gap" for e in held)
    assert doc["held"]["evidenced"] + doc["held"]["not_evidenced"] == len(held)
    # beyond_target: only expectations above the target, in framework order
    order = [x.id for x in fw.expectations]
    beyond = [b["id"] for b in doc["beyond_target"]]
    assert beyond == sorted(beyond, key=order.index)
    rank = {lv.id: lv.rank for lv in fw.levels}
    assert all(rank[b.split(".")[0]] > rank[target] for b in beyond)


def test_gaps_json_evidence_follows_the_file(evidence_file):
    path = evidence_file("""
    evidence:
      - {id: z, title: Z, date: 2026-01-01, expectations: [ic4.impact.1]}
      - {id: a, title: A, date: 2026-01-02, expectations: [ic4.impact.1, ic5.impact.1]}
      - {id: m, title: M, date: 2026-01-03, expectations: []}
    """)
    doc = json.loads(invoke("gaps", path, "--format", "json", "--min-evidence", "3").stdout)
    first = next(e for e in doc["expectations"] if e["id"] == "ic4.impact.1")
    assert first["evidence"] == ["z", "a"] and first["status"] == "thin"
    assert doc["min_evidence"] == 3
    assert doc["beyond_target"] == [{"id": "ic5.impact.1", "evidence": ["a"]}]
    assert doc["untagged"] == ["m"]
    assert doc["summary"] == {"total": 48, "met": 0, "thin": 1, "gap": 47,
                              "strong": 0, "supported": 0, "unsupported": 1}
    assert "recommendation" not in doc  # only when the file has one


def test_gaps_table_is_plain_when_piped(evidence_file):
    path = evidence_file("""
    evidence:
      - {id: z, title: Z, date: 2026-01-01, expectations: [ic4.impact.1, all.impact.1]}
      - {id: a, title: A, date: 2026-01-02, expectations: [ic4.impact.1]}
    """)
    result = invoke("gaps", path)
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout  # no colour codes into a pipe
    rows = {l.split()[0]: l for l in result.stdout.splitlines() if l.split() and "." in l.split()[0]}
    assert "✓ met" in rows["ic4.impact.1"]
    assert "✗ gap" in rows["ic4.impact.2"]
    assert "all.impact.1" not in rows  # a held level: context, not a row
    assert "To demonstrate (IC4): 10 expectations: 1 met, 0 thin, 9 gap" in result.stdout
    assert "Held: All Levels, IC2, IC3 — 1 of 38 re-evidenced; no concerns raised" in result.stdout


def test_gaps_table_has_colour_on_a_terminal(evidence_file):
    from rich.console import Console

    from packetgen import analyse, load
    from packetgen.report.gaps import print_table

    path = evidence_file("evidence: []\n")
    console = Console(force_terminal=True, color_system="standard", width=120, record=True)
    print_table(analyse(load(path)), console)
    assert "\x1b[1;31m✗ gap" in console.export_text(styles=True)


def test_check_reports_every_problem_and_exits_2(tmp_path):
    bad = ROOT / "tests" / "testdata" / "invalid" / "malformed-date.yaml"
    dup = ROOT / "tests" / "testdata" / "invalid" / "duplicate-key.yaml"
    result = invoke("check", bad, dup)
    assert result.exit_code == 2
    errors = [l for l in result.stderr.splitlines() if ": error: " in l]
    assert len(errors) == 6
    assert f"{bad}:10:11: error: 'date' in evidence item #1 is '03/12/2026'" in result.stderr
    assert f"{dup}:5:3: error: duplicate key 'name'" in result.stderr
    assert "Traceback" not in result.output


def test_check_strict_fails_on_warnings():
    warn = ROOT / "tests" / "testdata" / "invalid" / "warnings.yaml"
    assert invoke("check", warn).exit_code == 0
    assert invoke("check", "--strict", warn).exit_code == 2


def test_gaps_on_invalid_input_exit_2_with_located_message():
    bad = ROOT / "tests" / "testdata" / "invalid" / "unknown-expectation.yaml"
    result = invoke("gaps", bad, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{bad}:8:34: error: unknown expectation ID 'ic4.impact.9'; did you mean ic4.impact.2" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["gaps", "{ev}", "--target", "ic9"], "--target: unknown level 'ic9'"),
    (["gaps", "{ev}", "--target", "all"], "--target: 'all' is the base level"),
    (["gaps", "{ev}", "--min-evidence", "0"], "0 is not in the range x>=1"),
    (["gaps", "missing.yaml"], "missing.yaml:1:1: error: no such file"),
    (["gaps", "{ev}", "--framework", "nope"], "framework 'nope' must be a built-in framework"),
    (["gaps", "{ev}", "--framework", "nope.yaml"], "framework 'nope.yaml' is neither a built-in framework"),
    (["init", "--level", "ic7"], "--level: 'ic7' is not a level"),
])
def test_usage_errors_exit_2_without_traceback(evidence_file, args, message):
    path = evidence_file("evidence: []\n")
    result = invoke(*[a.format(ev=path) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("level, count", [("ic2", 25), ("ic3", 38), ("ic4", 48), ("ic5", 60)])
def test_init_lists_every_expectation_and_passes_check(tmp_path, level, count):
    out = tmp_path / "me.yaml"
    result = invoke("init", "--level", level, "--name", "Ana Díaz", "-o", out)
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    fw = load_framework()
    for exp in fw.cumulative(level):
        assert f"#   {exp.id} " in text
        assert exp.text.split()[0] in text
    assert len(re.findall(r"^#   [a-z0-9]+\.[a-z]+\.\d+ ", text, re.M)) == count
    check = invoke("check", out)
    assert check.exit_code == 0 and "ok (0 errors" in check.stdout
    from packetgen import analyse, load

    result = analyse(load(out))
    assert (result.candidate.name, result.target_level, result.totals().gap) == ("Ana Díaz", level, count)


def test_init_refuses_to_overwrite(tmp_path):
    out = tmp_path / "me.yaml"
    out.write_text("mine", encoding="utf-8")
    result = invoke("init", "--level", "ic3", "-o", out)
    assert result.exit_code == 2 and "exists" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"


def test_internal_errors_exit_1_and_say_it_is_a_bug(monkeypatch, evidence_file):
    import packetgen.report.gaps

    def boom(_result):
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(packetgen.report.gaps, "to_json", boom)
    monkeypatch.delenv("PACKETGEN_DEBUG", raising=False)
    result = invoke("gaps", evidence_file("evidence: []\n"), "--format", "json")
    assert result.exit_code == 1
    assert "internal error: ZeroDivisionError: oops" in result.stderr and "bug" in result.stderr


def _console_script() -> str:
    script = Path(sys.executable).with_name("packetgen")
    return str(script) if script.exists() else shutil.which("packetgen")


def test_console_script_end_to_end(tmp_path):
    example = EXAMPLES[0]
    run = subprocess.run([_console_script(), "gaps", str(example), "--format", "json"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["candidate"]
    bad = subprocess.run([_console_script(), "check", str(ROOT / "tests/testdata/invalid/yaml-syntax.yaml")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode == 2
    assert "yaml-syntax.yaml:9:10: error: YAML syntax error" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("command", ["check", "gaps"])
def test_check_and_gaps_do_not_import_renderers(command):
    code = ("import sys\nfrom packetgen.cli import cli\n"
            "try:\n    cli([sys.argv[1], sys.argv[2]], standalone_mode=True)\nexcept SystemExit:\n    pass\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'docx'))\n"
            "print('LOADED:', loaded)\n")
    run = subprocess.run([sys.executable, "-c", code, command, str(EXAMPLES[0])],
                         capture_output=True, text=True)
    assert "LOADED: []" in run.stdout, run.stdout + run.stderr


def test_init_writes_the_voices_as_examples_that_load_once_uncommented(tmp_path):
    out = tmp_path / "me.yaml"
    assert invoke("init", "--level", "ic4", "-o", out).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    start = lines.index("# The other voices of a case, each optional; remove the leading '# ' to use one.")
    end = lines.index("", start)
    for n in range(start + 1, end):
        lines[n] = lines[n][2:]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from packetgen import load

    ev = load(out).evidence
    assert ev.self_assessment and ev.assessment.overall and ev.assessment.areas[0][0] == "impact"
    assert ev.recommendation.decision == "next-cycle" and ev.values
    assert ev.development[0].expectations == ("ic4.teamwork.4",) and ev.development[0].by is not None


def test_check_warns_about_flags_and_fairness_ignore_silences_one(evidence_file):
    path = evidence_file("""
    evidence:
      - id: all
        title: Did everything
        date: 2026-03-12
        expectations: [ic4.impact.1, ic4.impact.2, ic4.scope.1, ic4.scope.2, ic4.execution.1]
      - id: again
        title: Did everything
        date: 2026-03-12
        expectations: [ic4.impact.1]
        fairness_ignore: [duplicate]
    """)
    result = invoke("check", path)
    assert result.exit_code == 0 and "ok (0 errors, 1 warning)" in result.stdout
    assert f"{path}:6:5: warning: item 'Did everything' is broad: it cites 5 expectations of IC4" in result.stderr
    assert "repeats" not in result.stderr  # silenced on that item; the flag itself stays
    doc = json.loads(invoke("gaps", path, "--format", "json").stdout)
    assert [i["flags"] for i in doc["items"]] == [["broad"], ["duplicate"]]
    assert invoke("check", "--strict", path).exit_code == 2


def test_x_keys_are_accepted_anywhere_and_ignored(evidence_file):
    plain = evidence_file("""
    evidence:
      - {id: a, title: A, date: 2026-03-12, expectations: [ic4.impact.1], quotes: [{from: Alex, text: Hi}]}
    """, name="plain.yaml")
    extended = evidence_file("""
    x-team: search
    evidence:
      - id: a
        x-jira: [BC-1, BC-2]
        title: A
        date: 2026-03-12
        expectations: [ic4.impact.1]
        quotes: [{from: Alex, text: Hi, x-source: {tool: slack}}]
    """, name="extended.yaml")
    assert invoke("check", extended).exit_code == 0
    assert invoke("gaps", plain, "--format", "json").stdout == invoke("gaps", extended, "--format", "json").stdout
    typo = evidence_file("evidence: []\nx_team: search\n", name="typo.yaml")
    result = invoke("check", typo)
    assert result.exit_code == 2 and "unknown key 'x_team'" in result.stderr and "start it with 'x-'" in result.stderr


def test_gaps_table_shows_the_levels_to_demonstrate_then_held_levels_in_one_line():
    result = invoke("gaps", ROOT / "tests/testdata/probes/ic3-to-ic4-ten-extra-tags.yaml")
    assert result.exit_code == 0
    out = squash(result.stdout)
    shown, held = out.index("To demonstrate (IC4): 10 expectations"), out.index("Held: All Levels, IC2, IC3 — ")
    assert shown < held < out.index("Strength")
    doc = json.loads(invoke("gaps", ROOT / "tests/testdata/probes/ic3-to-ic4-ten-extra-tags.yaml",
                            "--format", "json").stdout)
    d = doc["demonstrate"]
    assert (f"{d['met']} met, {d['thin']} thin, {d['gap']} gap; strength: {d['strong']} strong, "
            f"{d['supported']} supported, {d['unsupported']} unsupported") in out
    assert f"{doc['held']['evidenced']} of {doc['held']['total']} re-evidenced" in out
    rows = [line.split()[0] for line in result.stdout.splitlines() if line.split() and line.split()[0].count(".") == 2]
    assert rows == [e["id"] for e in doc["expectations"] if not e["held"]]
    row = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("ic4.teamwork.2 "))
    assert "✓ met" in row and "unsupported" in row


def test_gaps_open_lists_only_what_needs_work_target_level_first():
    path = ROOT / "tests/testdata/probes/ic3-to-ic4-ten-extra-tags.yaml"
    doc = json.loads(invoke("gaps", path, "--format", "json").stdout)
    needs_work = [e["id"] for e in doc["expectations"] if e["next"] is not None]
    assert all(not e["held"] for e in doc["expectations"] if e["id"] in needs_work)  # no concerns in this file
    result = invoke("gaps", path, "--open")
    listed = re.findall(r"^((?:all|ic\d)\.[a-z]+\.\d+) ", result.stdout, re.M)
    assert sorted(listed) == sorted(needs_work) and len(listed) == len(needs_work)
    text = squash(result.stdout)
    for e in doc["expectations"]:
        if e["next"] is not None:
            assert f"next: {e['next']['text']}" in text
    status = {e["id"]: (e["status"], e["strength"]) for e in doc["expectations"]}
    rank = [("gap", "thin", "met").index(status[i][0]) for i in listed]
    assert rank == sorted(rank)  # gaps, then thin, then met but unsupported
    for group in set(rank):  # within each, the target level first
        levels = [i.split(".")[0] for i, r in zip(listed, rank) if r == group]
        assert levels[:levels.count("ic4")] == ["ic4"] * levels.count("ic4")
    assert invoke("gaps", path, "--open", "--format", "json").exit_code == 2


@pytest.mark.renders
def test_standard_output_that_cannot_take_the_text_is_never_an_internal_error(tmp_path):
    """An ASCII or Latin-1 terminal gets escapes for the characters it lacks (exit 0); a standard
    output on a full device is exit 2 with the reason."""
    import os
    import subprocess
    import sys

    example = str(EXAMPLES[0])

    def run(argv, stdout=subprocess.PIPE, **env):
        return subprocess.run([sys.executable, "-m", "packetgen", *argv], stdout=stdout, stderr=subprocess.PIPE,
                              env=dict(os.environ, **env), timeout=120)

    for encoding in ("ascii", "latin-1"):
        for argv in (["gaps", example], ["diff", example, example, "--all"], ["check", example]):
            proc = run(argv, PYTHONIOENCODING=encoding)
            assert proc.returncode == 0, (encoding, argv, proc.stderr.decode()[-300:])
            assert b"internal error" not in proc.stderr
    assert b"\\u2192" in run(["gaps", example], PYTHONIOENCODING="ascii").stdout  # the arrow of IC2 → IC3
    if os.path.exists("/dev/full"):
        for argv in (["gaps", example], ["render", example, "-o", "-", "--format", "md"]):
            with open("/dev/full", "wb") as full:
                proc = run(argv, stdout=full)
            assert proc.returncode == 2, (argv, proc.stderr.decode()[-300:])
            assert proc.stderr.decode().strip() == "packetgen: error: cannot write to standard output: no space left on device"


def test_init_writes_only_files_its_own_check_accepts(tmp_path, monkeypatch):
    from render_helpers import invoke

    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    shutil.copy(ROOT / "framework" / "sourcegraph-pm.yaml", tmp_path / "sub" / "fw.yaml")
    shutil.copy(ROOT / "framework" / "sourcegraph-pm.yaml", tmp_path / "fw.yaml")
    made = invoke("init", "--level", "ic4", "--framework", "sub/fw.yaml", "-o", "sub/n.yaml")
    assert made.exit_code == 0, made.output
    assert 'framework: "fw.yaml"' in (tmp_path / "sub" / "n.yaml").read_text(encoding="utf-8")  # from its own folder
    assert invoke("check", "sub/n.yaml").exit_code == 0
    for argv, message in (
        (["--framework", "fw.yaml", "-o", "sub/m.yaml"], "--framework fw.yaml: an evidence file names a framework file "
                                                         "in its own folder or below; copy it beside sub/m.yaml"),
        (["--name", "a\nb: c"], "--name 'a\\nb: c': give the candidate's name on one line"),
        (["--name", " "], "--name ' ': give the candidate's name on one line"),
        (["--name", "Ada\u2028Lee"], f"--name {'Ada' + chr(0x2028) + 'Lee'!r}: give the candidate's name on one line"),
        (["--name", "Ada\x7fLee"], f"--name {'Ada' + chr(0x7f) + 'Lee'!r}: give the candidate's name on one line"),
    ):
        result = invoke("init", "--level", "ic4", *argv)
        assert result.exit_code == 2 and f"packetgen: error: {message}" in result.output, result.output
    assert not (tmp_path / "sub" / "m.yaml").exists()
    # -o a link: the file lands beside the link, so the framework is named from there (here: refused)
    (tmp_path / "elsewhere").mkdir()
    shutil.copy(ROOT / "framework" / "sourcegraph-pm.yaml", tmp_path / "elsewhere" / "fw.yaml")
    (tmp_path / "sub" / "link.yaml").symlink_to(tmp_path / "elsewhere" / "new.yaml")
    linked = invoke("init", "--level", "ic4", "--framework", "elsewhere/fw.yaml", "-o", "sub/link.yaml")
    assert linked.exit_code == 2 and "copy it beside sub/link.yaml" in linked.output
    # ~ is the home folder, as the loader reads it
    monkeypatch.setenv("HOME", str(tmp_path / "sub"))
    home = invoke("init", "--level", "ic4", "--framework", "~/fw.yaml", "-o", "sub/h.yaml")
    assert home.exit_code == 0, home.output
    assert 'framework: "fw.yaml"' in (tmp_path / "sub" / "h.yaml").read_text(encoding="utf-8")
    assert invoke("check", "sub/h.yaml").exit_code == 0
    printed = invoke("init", "--level", "ic4", "-o", "-")
    assert printed.exit_code == 0 and printed.stdout.startswith("# yaml-language-server:")
    assert not (tmp_path / "-").exists()


@pytest.mark.renders
def test_only_render_writes_to_standard_output(tmp_path, monkeypatch):
    from render_helpers import invoke

    monkeypatch.chdir(tmp_path)
    record = tmp_path / "r.pdf"
    assert invoke("render", EXAMPLES[0], "--archival", "-o", record).exit_code == 0
    for argv in (["committee", EXAMPLES[0], "-o", "-", "--format", "html"],
                 ["decide", record, "--outcome", "promoted", "--by", "C", "--date", "2026-12-01", "-o", "-"]):
        result = invoke(*argv)
        assert result.exit_code == 2, result.output
        assert "-o -: only `render` writes to standard output; give a file name" in result.output
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("columns", ["20", "40", "71"])
def test_gaps_on_a_narrow_terminal_lists_whole_ids_statuses_and_texts(columns):
    """Below 72 columns the table's columns would cut IDs and statuses to '…': each row becomes
    lines instead, and every word of it is there."""
    from render_helpers import invoke

    example = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"
    result = invoke("gaps", example, "--open", env={"COLUMNS": columns})
    assert result.exit_code == 0
    assert "…" not in result.stdout
    from packetgen.model.result import SYMBOL

    doc = json.loads(invoke("gaps", example, "--format", "json").stdout)
    open_rows = [e for e in doc["expectations"] if e["next"] is not None]
    assert open_rows
    words = " ".join(result.stdout.split())  # a line may wrap; no word may be cut
    assert words.count("items:") == len(open_rows)
    for e in open_rows:
        assert f"{e['id']} {SYMBOL[e['status']]} {e['status']} " in words
        assert " ".join(e["text"].split()) in words


@pytest.mark.parametrize("columns", ["72", "80", "88", "120"])
def test_gaps_table_folds_long_words_instead_of_cutting_them(columns):
    """At 80 columns "ambiguously-defined" was cut to "ambiguously-defi…": a column folds a word
    longer than itself onto the next line."""
    from render_helpers import invoke

    for example in EXAMPLES:
        result = invoke("gaps", example, env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert "…" not in result.stdout, (example.name, columns)
        ids = {line.split()[0] for line in result.stdout.splitlines() if line.split() and line.split()[0].count(".") == 2}
        shown = {e["id"] for e in json.loads(invoke("gaps", example, "--format", "json").stdout)["expectations"]
                 if not e["held"]}
        assert shown <= ids


@pytest.mark.renders
def test_a_file_name_the_system_refuses_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    """Names over 255 bytes anywhere a command takes a path, and a framework that is a loop of links:
    exit 2 with the name (shortened) and the system's reason, never a traceback."""
    from click.testing import CliRunner

    from packetgen.cli import cli

    monkeypatch.chdir(tmp_path)
    long = "x" * 300
    example = str(EXAMPLES[0])
    (tmp_path / "loop1.yaml").symlink_to("loop2.yaml")
    (tmp_path / "loop2.yaml").symlink_to("loop1.yaml")
    looped = tmp_path / "looped.yaml"
    looped.write_text(EXAMPLES[0].read_text(encoding="utf-8").replace("framework: sourcegraph-pm",
                                                                      "framework: loop1.yaml"), encoding="utf-8")
    for args in (["render", example, "-o", f"{long}.html"], ["render", example, "-o", "o.html", "--framework",
                                                             f"{long}.yaml"],
                 ["render", example, "-o", "o.html", "--template-dir", long], ["check", f"{long}.yaml"],
                 ["committee", example, "-o", f"{long}.html"], ["gaps", example, "--framework", f"{long}.yaml"],
                 ["committee", "ballots", example, "--members", f"{long}.txt", "-o", "b"],
                 ["decide", "--from", f"{long}.csv", "-o", "d"], ["check", str(looped)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output and "internal error" not in result.output, (args, result.output)
        assert "File name too long" in result.stderr or "loop of symbolic links" in result.stderr, (args, result.stderr)
