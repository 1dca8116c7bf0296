"""The writing review (docs/reference.md, Writing review): goldens, one file per rule, with the exact notes
`check --fairness` prints; silencing; a company's lexicon; where notes show and where never."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, TODAY

from packetgen import analyse, load
from packetgen.analysis.fairness import load_lexicon, notes_of, review
from packetgen.cli import cli
from packetgen.model.evidence import FAIRNESS_RULES

HERE = Path(__file__).parent
CASES = sorted((HERE / "testdata" / "fairness").glob("*.yaml"))


def notes(relative: str, lexicon=None) -> list[str]:
    loaded = load(relative, today=TODAY)
    return [str(d) for d in notes_of(review(loaded, analyse(loaded), lexicon))]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_golden_notes(case, monkeypatch, update_testdata):
    monkeypatch.chdir(HERE)
    relative = case.relative_to(HERE).as_posix()
    got = notes(relative)
    expected = case.with_suffix(".expected")
    if update_testdata or not expected.exists():
        expected.write_text("\n".join(got) + "\n", encoding="utf-8")
        if not update_testdata:
            pytest.fail(f"wrote missing golden file {expected.name}; review and commit it")
    assert got == [line for line in expected.read_text(encoding="utf-8").splitlines() if line]
    for line in got:  # located, shaped path:LINE:COL: note[RULE]: message
        path, lineno, col, rest = line.split(":", 3)
        assert path == relative and int(lineno) >= 1 and int(col) >= 1 and rest.startswith(" note[")


def test_every_rule_has_a_golden_that_fires():
    fired = {line.split("note[")[1].split("]")[0] for case in CASES
             for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines() if "note[" in line}
    assert fired == set(FAIRNESS_RULES)


def test_notes_are_at_the_words_and_quote_the_sentence(monkeypatch):
    monkeypatch.chdir(HERE)
    got = notes("testdata/fairness/personality.yaml")
    abrasive = next(n for n in got if "“abrasive”" in n)
    line, col = map(int, abrasive.split(":")[1:3])
    text = (HERE / "testdata/fairness/personality.yaml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1][col - 1:].startswith("abrasive")
    assert "“Jordan can be abrasive in reviews but is brilliant with customers.”" in abrasive


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_the_examples_are_written_without_vague_praise_supportive_only_or_duplicates(example):
    found = {n.split("note[")[1].split("]")[0] for n in notes(str(example))}
    assert not found & {"vague-praise", "supportive-only", "duplicate"}


def test_fairness_ignore_silences_a_rule_for_the_file_or_an_item(monkeypatch):
    monkeypatch.chdir(HERE)
    got = notes("testdata/fairness/silenced.yaml")
    rules = [n.split("note[")[1].split("]")[0] for n in got]
    assert "personality" not in rules  # silenced for the file
    assert rules.count("supportive-only") == 1 and rules.count("vague-praise") == 1  # only the second item
    assert all(":10:" in n or ":13:" in n for n in got)


def test_a_company_lexicon_replaces_a_rules_words(tmp_path, evidence_file):
    lexicon = tmp_path / "acme.yaml"
    lexicon.write_text("vague-praise:\n  why: Acme's own reason\n  instead: Acme's advice\n"
                       "  phrases: [synergy]\n", encoding="utf-8")
    path = evidence_file('summary: "Great job, and real synergy."\nevidence: []\n')
    result = CliRunner().invoke(cli, ["check", "--fairness", "--lexicon", str(lexicon), str(path)])
    assert result.exit_code == 0
    assert "note[vague-praise]" in result.stderr and "“synergy” — Acme's own reason" in result.stderr
    assert "great job" not in result.stderr.lower().split("note[")[1].split("—")[0]  # its list replaced ours
    bad = tmp_path / "bad.yaml"
    bad.write_text("vague-praize:\n  why: x\n  instead: y\n", encoding="utf-8")
    broken = CliRunner().invoke(cli, ["check", "--fairness", "--lexicon", str(bad), str(path)])
    assert broken.exit_code == 2 and f"{bad}:1:1: error: unknown key 'vague-praize'" in broken.stderr
    assert "did you mean 'vague-praise'" in broken.stderr


def test_notes_never_change_the_exit_code_unless_strict(monkeypatch):
    monkeypatch.chdir(HERE)
    case = "testdata/fairness/potential.yaml"
    plain = CliRunner().invoke(cli, ["check", "--fairness", case])
    assert plain.exit_code == 0 and "ok (0 errors, 0 warnings, 3 notes)" in plain.stdout
    assert CliRunner().invoke(cli, ["check", case]).stderr == ""  # no notes without --fairness
    assert CliRunner().invoke(cli, ["check", "--fairness", "--strict", case]).exit_code == 2


@pytest.mark.renders
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_only_a_draft_carries_the_writing_review(tmp_path, fmt, monkeypatch):
    from test_render_case import reading_text

    monkeypatch.chdir(HERE)
    case = "testdata/fairness/vague-praise.yaml"
    draft, plain = tmp_path / f"draft.{fmt}", tmp_path / f"plain.{fmt}"
    assert CliRunner().invoke(cli, ["render", case, "--draft", "-o", str(draft)]).exit_code == 0
    assert CliRunner().invoke(cli, ["render", case, "-o", str(plain)]).exit_code == 0
    text = reading_text(draft, fmt)
    assert "Writing review" in text and "vague-praise" in text and "“rock star”" in text
    assert "Writing review" not in reading_text(plain, fmt) and "vague-praise" not in reading_text(plain, fmt)


@pytest.mark.renders
def test_no_handout_carries_notes(tmp_path, monkeypatch):
    from test_render_case import reading_text

    monkeypatch.chdir(HERE)
    out = tmp_path / "handout.html"
    assert CliRunner().invoke(cli, ["committee", *map(str, CASES[:3]), "-o", str(out)]).exit_code == 0
    text = reading_text(out, "html")
    assert "Writing review" not in text and "note[" not in text


def test_the_builtin_lexicon_covers_every_rule_and_the_contracts_words():
    rules = load_lexicon().rules
    assert set(rules) == set(FAIRNESS_RULES)
    for rule, words in (("vague-praise", ["great job", "team player", "hard-working", "hardworking", "go-to person",
                                          "rock star", "rockstar", "pleasure to work with", "great attitude",
                                          "solid performer"]),
                        ("personality", ["abrasive", "aggressive", "bossy", "emotional", "opinionated", "nice",
                                         "sweet", "warm", "brilliant", "genius"]),
                        ("potential", ["has the potential", "has potential", "will be able to", "is ready to",
                                       "could become", "I am confident it will"])):
        for word in words:
            assert any(p.search(word) for p in rules[rule].patterns), (rule, word)
