"""The fields revision 3 added to the evidence file, shown in every format: pronouns in the header,
an item's `result` on the item and in its one-line references, `until` as a date range; and the
starter file's placeholders, which `check` warns about until they are replaced."""
from __future__ import annotations

import docx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from render_helpers import pdf_pages, render_to, squash

from packetgen.cli import cli

CASE = """\
candidate:
  name: Jordan Lee
  pronouns: they/them
  current_level: ic3
  target_level: ic4
  manager: Sam Rivera
period: {start: 2025-10-01, end: 2026-09-30}
evidence:
  - id: mentoring
    title: Weekly mentoring of the new APM
    date: 2026-01-05
    until: 2026-03-30
    result: The APM ran the May launch review alone
    expectations: [ic4.teamwork.1]
    quotes:
      - {from: "Aiko Tanaka, APM", relationship: report, lang: ja, text: "ジョーダンに教わりました。"}
  - id: ranking
    title: Ranking v2
    date: 2026-04-10
    expectations: [ic4.teamwork.1]
    description: Build time 4 h → 22 min.
"""


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    path = tmp_path_factory.mktemp("fields") / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


@pytest.mark.renders
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_pronouns_result_and_until_are_shown(case, tmp_path, fmt):
    out = tmp_path / f"p.{fmt}"
    render_to(case, out)
    if fmt == "pdf":
        text = squash(" ".join(pdf_pages(out)))
        import pikepdf

        with pikepdf.open(out) as pdf:  # `lang: ja` on the quote's structure element, under the packet's "en"
            languages = {}

            def walk(node, lang):
                kids = node.get("/K")
                for kid in kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []:
                    if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                        here = str(kid.get("/Lang", lang))
                        languages.setdefault(str(kid.S), set()).add(here)
                        walk(kid, here)

            walk(pdf.Root.StructTreeRoot, str(pdf.Root.Lang))
        assert languages["/BlockQuote"] == {"ja"} and "en" in languages["/P"] and "ja" in languages["/P"]
        from test_accessibility import assert_tagged_and_ua1

        assert_tagged_and_ua1(out)  # and `page` still finds it PDF/UA-1
    elif fmt == "docx":
        document = docx.Document(str(out))
        from docx.oxml.ns import qn

        quoted = next(p for p in document.paragraphs if "ジョーダン" in p.text)  # `lang: ja`: read as Japanese
        assert quoted.runs[0]._r.rPr.find(qn("w:lang")).get(qn("w:val")) == "ja"
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        text = squash(" ".join([p.text for p in document.paragraphs] + cells))
    elif fmt == "html":
        soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
        text = squash(soup.get_text(" "))
        assert soup.select_one("blockquote[lang=ja]") is not None
    else:
        text = squash(out.read_text(encoding="utf-8"))
    assert "Jordan Lee (they/them)" in text
    assert "5 Jan 2026 – 30 Mar 2026" in text  # until: the item's span
    assert text.count("The APM ran the May launch review alone") >= 2  # on the item and in its reference
    assert "4 h → 22 min" in text  # the measured change of an item without a result


def test_a_starter_file_warns_at_every_placeholder_until_replaced(tmp_path):
    out = tmp_path / "me.yaml"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", "--level", "ic4", "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "# assumed: the twelve months to" in text and "until:" in text and "result:" in text
    assert "pronouns:" in text and "exclude:" in text and "concerns:" in text and "lang:" in text
    result = runner.invoke(cli, ["check", str(out)])
    warned = [line for line in result.stderr.splitlines() if "still holds the starter file's example" in line]
    assert [w.split(": warning: ")[1].split(" still")[0] for w in warned] == ["candidate.name", "candidate.role", "summary"]
    # uncommented unchanged, the examples warn too
    lines = text.splitlines()
    start = lines.index("evidence: []")
    example = [line[1:] if line.startswith("#  ") else line for line in lines[start + 4:start + 24]]
    uncommented = "\n".join(lines[:start] + ["evidence:"] + [l for l in example if l.startswith(" ")]) + "\n"
    out.write_text(uncommented.replace('name: "Your Name"', 'name: "Ana Díaz"'), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(out)])
    warned = [line.split(": warning: ")[1].split(" still")[0] for line in result.stderr.splitlines()
              if "still holds the starter file's example" in line]
    assert warned == ["candidate.role", "summary", "evidence.title", "evidence.result", "evidence.description",
                      "evidence.quotes.text"], result.stderr
    assert result.exit_code == 0, result.stderr


def test_a_replaced_starter_file_checks_clean(tmp_path):
    out = tmp_path / "me.yaml"
    runner = CliRunner()
    runner.invoke(cli, ["init", "--level", "ic4", "--name", "Ana Díaz", "-o", str(out)])
    text = out.read_text(encoding="utf-8").replace('"Your Role, Your Team"', '"Product Manager, Search"')
    text = text.replace("  The case in a few sentences: what changed because of your work, and why you are ready.",
                        "  Ana took search relevance from a research project to the default ranking.")
    out.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(out)])
    assert result.exit_code == 0 and "ok (0 errors, 0 warnings)" in result.stdout, result.stderr
