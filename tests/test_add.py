"""`packetgen add` (issue 17): one item appended, every other byte of the file kept; validated
before writing; nothing written on an error."""
from __future__ import annotations

import difflib
import shutil

import pytest
from conftest import EXAMPLES
from render_helpers import invoke

from packetgen import load

ARGS = ["--title", "Ran the Q4 review: with the CPO", "--date", "2026-11-02",
        "--expectations", "ic4.scope.2, ic4.teamwork.4", "--link", "Review doc=https://docs.example.com/q4?a=1",
        "--quote", "Morgan Ellis, CPO: Clear about what we will not do."]


def only_inserted(before: str, after: str) -> list[str]:
    """The lines `after` adds to `before`, asserting it changes nothing else."""
    ops = difflib.SequenceMatcher(None, before.splitlines(keepends=True), after.splitlines(keepends=True),
                                  autojunk=False).get_opcodes()
    assert [tag for tag, *_ in ops if tag != "equal"] == ["insert"], ops
    (_, _, _, j1, j2), = [op for op in ops if op[0] == "insert"]
    return after.splitlines(keepends=True)[j1:j2]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_item_is_appended_and_nothing_else_changes(example, tmp_path):
    path = tmp_path / "case.yaml"
    shutil.copy(example, path)
    before = path.read_text(encoding="utf-8")
    count = len(load(path).evidence.items)
    result = invoke("add", path, *ARGS)
    assert result.exit_code == 0, result.stderr
    added = only_inserted(before, path.read_text(encoding="utf-8"))
    assert added[0].lstrip().startswith("- title: ")
    items = load(path).evidence.items
    assert len(items) == count + 1
    new = items[-1]
    assert (new.title, str(new.date), new.expectations) == ("Ran the Q4 review: with the CPO", "2026-11-02",
                                                            ("ic4.scope.2", "ic4.teamwork.4"))
    assert [(l.title, l.url) for l in new.links] == [("Review doc", "https://docs.example.com/q4?a=1")]
    assert [(q.author, q.text) for q in new.quotes] == [("Morgan Ellis, CPO", "Clear about what we will not do.")]
    assert f"{path}:" in result.stderr and "added “Ran the Q4 review: with the CPO”" in result.stderr


def test_the_starter_file_takes_its_first_item(tmp_path):
    path = tmp_path / "me.yaml"
    assert invoke("init", "--level", "ic4", "-o", path).exit_code == 0
    before = path.read_text(encoding="utf-8")
    assert invoke("add", path, "--title", "First", "--date", "2026-10-01", "--expectations", "ic4.impact.1").exit_code == 0
    after = path.read_text(encoding="utf-8")
    assert "evidence:\n  - title: First\n    date: 2026-10-01\n    expectations: [ic4.impact.1]\n# Replace the [] above" in after
    assert after.replace("evidence:\n  - title: First\n    date: 2026-10-01\n    expectations: [ic4.impact.1]\n",
                         "evidence: []\n") == before
    assert invoke("add", path, "--title", "Second", "--date", "2026-10-02").exit_code == 0
    assert [i.title for i in load(path).evidence.items] == ["First", "Second"]


def test_a_file_without_evidence_and_with_windows_line_ends(tmp_path):
    path = tmp_path / "e.yaml"
    path.write_bytes(b"# my case\r\ncandidate: {name: X, current_level: ic3, target_level: ic4}\r\n")
    assert invoke("add", path, "--title", "T", "--date", "2026-10-01").exit_code == 0
    assert path.read_bytes() == (b"# my case\r\ncandidate: {name: X, current_level: ic3, target_level: ic4}\r\n"
                                 b"evidence:\r\n  - title: T\r\n    date: 2026-10-01\r\n    expectations: []\r\n")


def test_an_unknown_id_is_a_located_error_and_nothing_is_written(tmp_path):
    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES[1], path)
    before = path.read_bytes()
    result = invoke("add", path, "--title", "X", "--date", "2026-10-01", "--expectations", "ic4.scope.9")
    assert result.exit_code == 2
    assert f"{path}:" in result.stderr and "unknown expectation ID 'ic4.scope.9'; did you mean ic4.scope.2" in result.stderr
    assert "nothing was written" in result.stderr
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["case.yaml"]


@pytest.mark.parametrize("option,value,message", [("--link", "no-equals-sign", "write it as TITLE=URL"),
                                                  ("--quote", "no colon here", "PERSON, ROLE: TEXT"),
                                                  ("--date", "12/03/2026", "YYYY-MM-DD")])
def test_badly_written_options(tmp_path, option, value, message):
    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES[0], path)
    args = {"--title": "X", "--date": "2026-10-01", option: value}
    result = invoke("add", path, *[x for kv in args.items() for x in kv])
    assert result.exit_code == 2 and message in result.stderr


HEAD = "candidate: {name: X, current_level: ic3, target_level: ic4}\n"


@pytest.mark.parametrize("body,expected_tail", [
    ("evidence: ~\n", "evidence:\n  - title: T\n"),
    ("evidence: null  # none yet\n", "evidence: # none yet\n  - title: T\n"),
    ("evidence:\n  []\n", "evidence:\n  - title: T\n"),
    ("evidence:\n  - title: A\n    date: 2026-01-01\n...\n", "    date: 2026-01-01\n  - title: T\n"),
])
def test_empty_or_closed_evidence_lists(tmp_path, body, expected_tail):
    path = tmp_path / "e.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    result = invoke("add", path, "--title", "T", "--date", "2026-10-01")
    assert result.exit_code == 0, result.stderr
    assert expected_tail in path.read_text(encoding="utf-8")
    assert load(path).evidence.items[-1].title == "T"


def test_a_kept_block_scalar_keeps_its_blank_lines_and_an_alias_item_its_place(tmp_path):
    path = tmp_path / "e.yaml"
    path.write_text(HEAD + "x-base: &a {title: Shared, date: 2026-01-02}\nevidence:\n"
                    "  - title: A\n    date: 2026-01-01\n    description: |+\n      line\n\n  - *a\n",
                    encoding="utf-8")
    before = [i.description for i in load(path).evidence.items]
    assert invoke("add", path, "--title", "T", "--date", "2026-10-01").exit_code == 0
    items = load(path).evidence.items
    assert [i.description for i in items[:2]] == before and before[0] == "line\n\n"
    assert path.read_text(encoding="utf-8").endswith("  - *a\n  - title: T\n    date: 2026-10-01\n    expectations: []\n")


def test_line_ends_follow_the_first_line(tmp_path):
    path = tmp_path / "e.yaml"
    path.write_bytes(HEAD.encode() .replace(b"\n", b"\r") + b"evidence: []\r")
    assert invoke("add", path, "--title", "T", "--date", "2026-10-01").exit_code == 0
    assert b"\n" not in path.read_bytes()


def test_links_and_read_only_files(tmp_path):
    import os

    real = tmp_path / "real"
    real.mkdir()
    target = real / "e.yaml"
    target.write_text(HEAD + "evidence: []\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert invoke("add", link, "--title", "Through", "--date", "2026-10-01").exit_code == 0
    assert link.is_symlink() and load(target).evidence.items[-1].title == "Through"  # written through the link
    hard = tmp_path / "hard.yaml"
    os.link(target, hard)
    refused = invoke("add", hard, "--title", "X", "--date", "2026-10-01")
    assert refused.exit_code == 2 and "hard links" in refused.stderr
    hard.unlink()
    target.chmod(0o444)
    before = target.read_bytes()
    read_only = invoke("add", target, "--title", "X", "--date", "2026-10-01")
    assert read_only.exit_code == 2 and "read-only" in read_only.stderr and target.read_bytes() == before


# --- round 3: what a pasted character, a quoted text or a second add at once did to a file -------------

def _items(path):
    from packetgen.loading import yamlio

    return yamlio.load_file(path).data["evidence"]


@pytest.mark.parametrize("odd", ["\u2028", "\u2029", "\u0085"])
def test_a_line_separator_pasted_into_a_quoted_text_moves_nothing(tmp_path, odd):
    """U+2028, U+2029, U+0085 end a line for Python and YAML 1.1, not for YAML 1.2: the item still goes
    last, every earlier item unchanged, and add never writes such a character itself."""
    path = tmp_path / "case.yaml"
    path.write_text(EXAMPLES[0].read_text(encoding="utf-8").replace(
        "    title: Took ownership of the search UX area after the July reorg",
        f'    title: "Took ownership{odd}of the search UX area after the July reorg"', 1), encoding="utf-8")
    before = _items(path)
    result = invoke("add", path, "--title", "Pasted", "--date", "2026-06-01", "--description", f"one{odd}two")
    assert result.exit_code == 0, result.output
    after = _items(path)
    paragraph = "\n\n" if odd == "\u2029" else "\n"  # a paragraph separator is a blank line in Markdown
    assert after[:-1] == before and after[-1]["title"] == "Pasted" and after[-1]["description"] == f"one{paragraph}two"
    assert path.read_bytes().count(odd.encode()) == 1  # only the one that was there
    assert invoke("add", path, "--title", "Second", "--date", "2026-06-02").exit_code == 0
    assert [i["title"] for i in _items(path)[-2:]] == ["Pasted", "Second"]


def test_a_quoted_texts_last_line_starting_with_a_hash_is_not_a_comment(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("candidate:\n  name: Jo Lee\n  current_level: ic3\n  target_level: ic4\nevidence:\n"
                    "  - title: A\n    date: 2026-01-01\n    expectations: [all.impact.1]\n"
                    '    description: "first line\n# last words"\n', encoding="utf-8")
    before = _items(path)
    assert invoke("add", path, "--title", "B", "--date", "2026-02-01").exit_code == 0
    after = _items(path)
    assert after[:-1] == before and after[0]["description"] == "first line # last words"
    assert after[-1]["title"] == "B"


def test_the_wide_indent_style_is_kept(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("candidate:\n  name: Jo Lee\n  current_level: ic3\n  target_level: ic4\nevidence:\n"
                    "-   title: A\n    date: 2026-01-01\n    expectations: [all.impact.1]\n", encoding="utf-8")
    result = invoke("add", path, "--title", "B", "--date", "2026-02-01", "--expectations", "all.impact.1")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8").endswith("-   title: B\n    date: 2026-02-01\n"
                                                      "    expectations: [all.impact.1]\n")


def test_eight_adds_at_once_keep_all_eight_items(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES[0], path)
    count = len(_items(path))
    procs = [subprocess.Popen([sys.executable, "-c", "from packetgen.cli import main; main()", "add", str(path),
                               "--title", f"At once {n}", "--date", "2026-06-01"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(8)]
    assert all(p.wait(timeout=60) == 0 for p in procs)
    titles = [i["title"] for i in _items(path)]
    assert len(titles) == count + 8 and sorted(titles[-8:]) == [f"At once {n}" for n in range(8)]
