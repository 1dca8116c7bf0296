"""A draft (contract section 6, issue 25): each writing-review note stands beside the paragraph it
is about (in a DOCX, a Word comment on the flagged words, which LibreOffice shows too), and every
format says DRAFT in its footer; a packet that is not a draft says neither."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from lxml import etree
from render_helpers import pdf_pages

from packetgen import analyse, load
from packetgen.analysis.fairness import review
from packetgen.catalogue import english
from packetgen.cli import cli

REVIEWER = english()("review-author")

pytestmark = pytest.mark.renders
HERE = Path(__file__).parent
CASE = HERE / "testdata" / "fairness" / "vague-praise.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The case rendered in every format, as a draft and not."""
    out = tmp_path_factory.mktemp("draft")
    found = {}
    for fmt in ("pdf", "docx", "html", "md"):
        for draft in (True, False):
            path = out / f"{'draft' if draft else 'final'}.{fmt}"
            result = CliRunner().invoke(cli, ["render", str(CASE), "-o", str(path), *(["--draft"] if draft else [])])
            assert result.exit_code == 0, result.output
            found[fmt, draft] = path
    return found


def flagged():
    """The notes on words: (the words, the rule)."""
    loaded = load(CASE)
    notes = [n for n in review(loaded, analyse(loaded)) if n.words]
    assert len(notes) == 6
    return [(" ".join(n.words.split()), n.rule) for n in notes]


def anchored_comments(path: Path) -> dict[int, str]:
    """Each comment's id and the text between its range start and end in the document body."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    open_ranges: dict[int, list[str]] = {}
    anchored: dict[int, str] = {}
    for el in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if el.tag == f"{W}commentRangeStart":
            open_ranges[int(el.get(f"{W}id"))] = []
        elif el.tag == f"{W}commentRangeEnd":
            anchored[int(el.get(f"{W}id"))] = "".join(open_ranges.pop(int(el.get(f"{W}id"))))
        else:
            for words in open_ranges.values():
                words.append(el.text or "")
    return anchored


def test_each_note_on_words_is_a_word_comment_anchored_to_those_words(rendered):
    document = docx.Document(str(rendered["docx", True]))
    comments = {c.comment_id: c for c in document.comments}
    anchored = anchored_comments(rendered["docx", True])
    assert set(anchored) == set(comments)
    got = sorted((anchored[i], comments[i].author, comments[i].text.split(":")[0]) for i in comments)
    assert got == sorted((words, REVIEWER, rule) for words, rule in flagged())
    for i, comment in comments.items():  # the comment says what to do about its words
        assert f"“{anchored[i]}”" in comment.text and "say what changed" in comment.text
    assert list(docx.Document(str(rendered["docx", False])).comments) == []


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_reads_the_comments_on_the_same_words(rendered, tmp_path):
    source = tmp_path / "draft.docx"
    shutil.copyfile(rendered["docx", True], source)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odt", "--outdir",
                    str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    content = zipfile.ZipFile(tmp_path / "draft.odt").read("content.xml").decode("utf-8")
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    root = etree.fromstring(content.encode("utf-8"))
    notes = root.findall(f".//{{{office}}}annotation")
    assert len(notes) == len(flagged())
    assert all(REVIEWER in "".join(n.itertext()) for n in notes)
    # each annotation spans its words up to its annotation-end
    spans = re.findall(r'<office:annotation office:name="([^"]+)".*?</office:annotation>(.*?)'
                       r'<office:annotation-end office:name="\1"/>', content, flags=re.S)
    words = sorted(re.sub(r"<[^>]+>", "", between) for _, between in spans)
    assert words == sorted(w for w, _ in flagged())


def test_the_html_and_markdown_put_each_note_beside_its_paragraph(rendered):
    soup = BeautifulSoup(rendered["html", True].read_text(encoding="utf-8"), "html.parser")
    field = soup.find(string=re.compile("A great year: Jordan")).find_parent(class_="prose")
    after = field.find_next_sibling()  # the summary's paragraphs, then their notes
    assert after.name == "aside" and " ".join(after.get_text(" ").split()).startswith("Writing review A great year")
    assert "“rock star”" in after.get_text()
    md = rendered["md", True].read_text(encoding="utf-8")
    at = md.index("A great year: Jordan")
    assert md.index("> **Writing review** “A great year", at) < md.index("\n#", at)
    assert "> **Writing review**" not in md[:at]


def footers(path: Path, fmt: str) -> list[str]:
    """The running footer a reader sees: of every PDF page (its last line), of the DOCX sections,
    of the HTML page, and the Markdown's first and last lines."""
    if fmt == "pdf":
        return [re.search(r"(\S+ · )?Jordan Lee · packet for .*$", page).group() for page in pdf_pages(path)]
    if fmt == "docx":
        return [" ".join(p.text for p in s.footer.paragraphs) for s in docx.Document(str(path)).sections]
    if fmt == "html":
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return [el.get_text(" ") for el in soup.select(".running-footer")]
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [lines[0], lines[-1]]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_every_footer_of_a_draft_says_draft_and_no_other_does(rendered, fmt):
    draft = footers(rendered[fmt, True], fmt)
    assert draft and all("DRAFT" in f for f in draft), draft
    final = footers(rendered[fmt, False], fmt)
    assert final and not any("DRAFT" in f for f in final), final
