"""The English packet of every example, pinned as the text a reader sees, per format: the PDF's
text page by page, the DOCX's paragraphs and table rows (body, headers, footers), the HTML's text
and the Markdown. The formats share one catalogue of words (locales/en.ftl); when a wording
changes on purpose, rewrite these files with `pytest --update-testdata` and read the diff.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "testdata" / "golden"
FORMATS = ("pdf", "docx", "html", "md")

pytestmark = pytest.mark.renders


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = []
    for n, page in enumerate(doc, start=1):
        text = page.get_textpage().get_text_range().replace("\r\n", "\n").replace("\r", "\n")
        pages.append(f"--- page {n} ---\n" + _lines(text))
    return "\n".join(pages) + "\n"


def docx_text(path: Path) -> str:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    out: list[str] = []

    def block(parent, element) -> None:
        if element.tag.endswith("}p"):
            text = Paragraph(element, parent).text
            if text.strip():
                out.append(text)
        elif element.tag.endswith("}tbl"):
            for row in Table(element, parent).rows:
                cells = []
                for cell in row.cells:
                    text = " / ".join(p.text for p in cell.paragraphs if p.text.strip())
                    if not cells or cells[-1] != text:  # a merged cell repeats
                        cells.append(text)
                out.append(" | ".join(cells))

    for section in doc.sections:
        out.append("--- header ---")
        for element in section.header._element:
            block(section.header, element)
    out.append("--- body ---")
    for element in doc.element.body:
        block(doc, element)
    for section in doc.sections:
        out.append("--- footer ---")
        for element in section.footer._element:
            block(section.footer, element)
    return _lines("\n".join(out)) + "\n"


def html_text(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in soup(["style", "script"]):
        tag.decompose()
    return _lines(soup.get_text("\n")) + "\n"


def md_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _lines(text: str) -> str:
    """One line per visual line, spaces squeezed, empty lines dropped."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


READ = {"pdf": pdf_text, "docx": docx_text, "html": html_text, "md": md_text}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_english_packet_text_is_pinned(example, fmt, packets, update_testdata):
    text = READ[fmt](packets(example, fmt).path)
    golden = GOLDEN / f"{example.stem}.{fmt}.txt"
    if update_testdata or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        if not update_testdata:
            pytest.fail(f"wrote the missing golden {golden.name}: read it, then run again")
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, f"{golden.name} differs: read the diff, then --update-testdata if intended"
