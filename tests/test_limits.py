"""Inputs under the size limits that ask for a huge packet (issue 15's amplifiers): `check`
and `render` refuse them at once, with an error located in the file; files that only look
deep (brackets in comments, strings, code blocks) are accepted. The timings at the limits
are in bench/limits_bench.py and the README, not asserted here."""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from render_helpers import invoke, pdf_chars

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "bench"))
import amplifiers  # noqa: E402  (the generators the bench script measures)

LOCATED = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$", re.M)


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return amplifiers.write_all(tmp_path_factory.mktemp("amplifiers"))


REFUSED = {
    "alias-citations-2k5": "too large to lay out",
    "alias-citations-7k": "too large to lay out",
    "long-text-by-alias": "too large to lay out",
    "framework-1000-levels": "1,000 levels; packetgen takes at most 20",
    "framework-30-levels-100k-description": "30 levels; packetgen takes at most 20",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
@pytest.mark.parametrize("command", ["check", "pdf", "docx"])
def test_an_amplifier_is_refused_with_a_located_error(cases, tmp_path, name, command):
    path = cases[name]
    args = ["check", path] if command == "check" else ["render", path, "-o", tmp_path / f"out.{command}"]
    started = time.perf_counter()
    result = invoke(*args)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 2, result.stderr[-500:]
    errors = list(LOCATED.finditer(result.stderr))
    assert errors and any(REFUSED[name] in m["message"] for m in errors), result.stderr[-800:]
    assert all(int(m["line"]) >= 1 for m in errors)
    assert not (tmp_path / f"out.{command}").exists()
    assert elapsed < 20, elapsed  # refused before layout (a generous bound for a loaded CI machine)


def test_the_layout_size_error_points_at_the_evidence_key(cases):
    result = invoke("check", cases["alias-citations-2k5"])
    text = cases["alias-citations-2k5"].read_text(encoding="utf-8").splitlines()
    first = next(m for m in LOCATED.finditer(result.stderr) if "too large" in m["message"])
    assert text[int(first["line"]) - 1].startswith("evidence:")
    assert "19,248 citations" in first["message"]  # 401 items × 48


def test_a_thousand_unknown_ids_are_reported_quickly_with_some_suggestions(cases):
    started = time.perf_counter()
    result = invoke("check", cases["unknown-ids-1000"])
    assert time.perf_counter() - started < 20
    assert result.exit_code == 2
    unknown = [m for m in LOCATED.finditer(result.stderr) if "unknown expectation ID" in m["message"]]
    assert len(unknown) == 1000
    suggested = [m for m in unknown if "did you mean" in m["message"]]
    assert 0 < len(suggested) <= 20  # schema.MAX_SUGGESTIONS: the rest point at `packetgen framework`
    assert all("packetgen framework" in m["message"] for m in unknown if m not in suggested)


def test_a_framework_at_the_limits_is_accepted(cases):
    result = invoke("check", cases["at-limit-framework"])
    assert result.exit_code == 0, result.stderr[-800:]


def test_a_framework_over_the_expectation_limit_is_refused(tmp_path):
    fw = ["id: wide", "name: Wide", "areas:"] + [f"  - {{id: a{a}, name: A{a}}}" for a in range(20)]
    fw += ["levels:"] + [f"  - {{id: l{n}, name: L{n}}}" for n in range(1, 21)] + ["expectations:"]
    for n in range(1, 21):
        fw.append(f"  l{n}:")
        fw += [f"    a{a}: [" + ", ".join(f"E{k}" for k in range(6)) + "]" for a in range(20)]
    (tmp_path / "ladder.yaml").write_text("\n".join(fw) + "\n", encoding="utf-8")
    result = invoke("framework", tmp_path / "ladder.yaml")
    assert result.exit_code == 2
    assert "2,400 expectations; packetgen takes at most 2,000" in result.stderr


@pytest.mark.parametrize("name", ["brackets-in-comment", "braces-in-code-blocks", "brackets-in-quoted-string"])
def test_brackets_that_are_not_nesting_are_accepted(name):
    result = invoke("check", HERE / "hostile" / f"{name}.yaml")
    assert result.exit_code == 0, result.stderr
    assert "nested" not in result.stderr


def test_real_nesting_is_still_refused_where_it_starts(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("candidate: {name: X}\nsummary: " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    result = invoke("check", path)
    assert result.exit_code == 2
    match = LOCATED.search(result.stderr)
    assert "nested more than 32 levels deep" in match["message"]
    assert (int(match["line"]), int(match["col"])) == (2, 10 + 31)  # the 32nd "[", in the top mapping


@pytest.mark.renders
@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_a_99000_character_word_breaks_inside_the_margins(cases, tmp_path, engine):
    out = tmp_path / "word.pdf"
    result = invoke("render", cases["long-word"], "-o", out, "--engine", engine)
    assert result.exit_code == 0, result.stderr
    drawn = pdf_chars(out)
    footer = {}  # each page's "page N of M" line: the top of its digits, in the lowest 60 points
    for n, ch, _, _, _, _, top in drawn:
        if top < 60 and ch.isdigit():
            footer[n] = max(footer.get(n, 0), top)
    xs = [c for c in drawn if c[1] == "x"]
    for n, _, width, left, bottom, right, _ in xs:
        assert left > 0 and right < width - 40, (n + 1, right)
        assert bottom > footer[n], (n + 1, bottom, footer[n])
    assert len(xs) >= 99_000  # every character of the word drawn (and the x of other words)


def test_a_word_across_inline_tags_gets_break_opportunities():
    """Markdown's *a*a*a… is thousands of <em>s with no space: the PDF renderer gives the run a
    zero-width space after a closing inline tag every 48 characters or so (it took 62 s to lay
    out 16,000 such characters; bench/limits_bench.py --only inline-run)."""
    from packetgen.markdown import to_html
    from packetgen.rendering.breaks import breakable

    body = to_html("*a*a" * 2000)  # <em>a</em>a, 2,000 times: a 4,000-character word
    html = breakable(f"<html><head><style>p{{}}</style></head><body>{body}</body></html>")
    assert 4000 // 50 <= html.count("\u200b") <= 4000 // 40  # about one per 48 characters
    assert "\u200b" not in html.split("<body")[0]
    normal = breakable("<html><body><p>A <em>normal</em> sentence, <code>a.b.c</code> and "
                       "<a href='https://example.com/a/long/path/that/stays/whole/in/the/href'>a link</a>.</p></body></html>")
    assert "\u200b" not in normal  # ordinary text is left as it was


@pytest.mark.parametrize("argv", [
    ["check", "/dev/zero"], ["gaps", "/dev/urandom"], ["render", "/dev/zero", "-o", "{tmp}/z.md"],
    ["add", "/dev/zero", "--title", "t", "--date", "2026-01-01"], ["diff", "/dev/zero", "{example}"],
    ["check", "--fairness", "--lexicon", "/dev/zero", "{example}"],
    ["decide", "{record}", "--outcome", "promoted", "--by", "C", "--date", "2026-12-01", "--rationale", "/dev/zero",
     "-o", "{tmp}/d.pdf"],
], ids=lambda a: " ".join(a[:2]))
@pytest.mark.renders
def test_a_device_without_end_is_refused_after_the_limit(tmp_path, argv, record_of_example):
    """A file with no size to ask (/dev/zero, a FIFO) is read only up to the limit: exit 2 at once,
    not memory until the process is killed (it took 23 GB)."""
    import resource
    import subprocess

    example = str(HERE.parent / "examples" / "ic2-to-ic3-nearly-ready.yaml")
    args = [a.format(tmp=tmp_path, example=example, record=record_of_example) for a in argv]

    def one_gigabyte():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    proc = subprocess.run([sys.executable, "-m", "packetgen", *args], capture_output=True, text=True, timeout=60,
                          preexec_fn=one_gigabyte)
    assert proc.returncode == 2, proc.stderr[-500:]
    assert "Traceback" not in proc.stderr
    assert re.search(r"^/dev/(zero|urandom):1:1: error: more than 2,097,152 bytes", proc.stderr, re.M) \
        or "error: --rationale /dev/zero: at most 64 KB" in proc.stderr, proc.stderr[-500:]


@pytest.fixture(scope="module")
def record_of_example(tmp_path_factory):
    out = tmp_path_factory.mktemp("record") / "r.pdf"
    result = invoke("render", str(HERE.parent / "examples" / "ic2-to-ic3-nearly-ready.yaml"), "--archival", "-o", str(out))
    assert result.exit_code == 0, result.output
    return str(out)


@pytest.mark.renders
@pytest.mark.parametrize("engine", ["weasyprint", "typst"])
def test_runs_joined_by_ampersands_or_no_break_spaces_break_inside_the_margins(write, tmp_path, engine):
    """An ampersand and a no-break space are no break opportunities: a long run of words joined by them
    is a long word (Typst drew one past the page's right edge)."""
    from conftest import HEADER

    run = "abcdefghijklmnopq&" * 20 + " and " + ("w" * 36 + "\\u00a0") * 12 + " end"
    path = write(HEADER + f'summary: "{run}"\n', "runs.yaml")
    out = tmp_path / "runs.pdf"
    result = invoke("render", path, "-o", out, "--engine", engine)
    assert result.exit_code == 0, result.stderr
    drawn = [c for c in pdf_chars(out) if c[1] in "qw"]
    assert len(drawn) >= 20 + 36 * 12
    assert all(right < width - 40 for _, _, width, _, _, right, _ in drawn), max(c[5] for c in drawn)
