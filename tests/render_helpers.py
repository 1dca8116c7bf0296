"""Reading rendered packets back the way a reader sees them."""
from __future__ import annotations

import functools
import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from packetgen import analyse, load, render

GENERATED = date(2026, 11, 27)


def result_of(path, **options):
    return analyse(load(path, today=GENERATED), **options)


def render_to(path, out: Path, **options):
    result = result_of(path)
    render(result, out, generated=GENERATED, **options)
    return result


def write_ladder(path: Path, *, id: str, name: str, about: str = "") -> Path:
    """A two-level, one-area framework file (a company's own ladder)."""
    path.write_text(
        f"id: {id}\nname: {name}\n" + (f"about: {about}\n" if about else "") +
        "areas:\n  - {id: craft, name: Craft}\nlevels:\n  - {id: one, name: One}\n  - {id: two, name: Two}\n"
        "expectations:\n  one:\n    craft: [Ships small things.]\n  two:\n    craft: [Ships big things.]\n",
        encoding="utf-8")
    return path


def squash(text: str) -> str:
    """Whitespace-normalised text, so a line wrap does not hide a phrase."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(path: Path) -> list[str]:
    """Each page's text as a reader would copy it, whitespace-normalised. Read with PDFium (pypdfium2):
    pypdf's pure-Python text extraction was half of the layout tests' time. A file read once is
    remembered while it is unchanged (many tests read the run's shared packets)."""
    path = Path(path)
    stat = path.stat()
    return list(_pdf_pages(str(path.resolve()), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=64)
def _pdf_pages(path: str, mtime: int, size: int) -> tuple[str, ...]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        # PDFium marks a hyphen that ends a line as U+FFFE
        return tuple(squash(page.get_textpage().get_text_range().replace("\ufffe", "-")) for page in document)
    finally:
        document.close()


def pdf_chars(path) -> list[tuple[int, str, float, float, float, float, float]]:
    """Every drawn character of a PDF: (page index, character, page width, left, bottom, right,
    top) in points, the origin at the page's bottom left (pdfium: five times quicker than
    pdfplumber on a 99,000-character word)."""
    import pypdfium2 as pdfium

    found = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for n, page in enumerate(pdf):
            width = page.get_width()
            text = page.get_textpage()
            for i, ch in enumerate(text.get_text_range(0, text.count_chars())):
                if not ch.isspace():
                    found.append((n, ch, width, *text.get_charbox(i)))
    finally:
        pdf.close()
    return found


def between(text: str, start: str, end: str) -> str:
    """The part of `text` after the heading `start` and before the heading `end`."""
    i = text.index(start)
    return text[i + len(start): text.index(end, i)]


def outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []

    def walk(items, depth):
        for entry in items:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                out.append((depth, entry.title))

    walk(reader.outline, 0)
    return out


def anchor(result, expectation_id: str) -> str:
    """Where a packet of `result` puts an expectation's section."""
    from packetgen.rendering.view import build

    return build(result, GENERATED).anchor(expectation_id)


def case_headings(result) -> tuple[list[str], list[str]]:
    """The headings of "The case" a packet of `result` must show: one per voice the file has
    (in order), and under the sponsor's assessment one per area it speaks to."""
    ev = result.evidence
    voices = [("Summary", ev.summary),
              ("The sponsor’s assessment", ev.assessment and (ev.assessment.overall or ev.assessment.areas)),
              ("Recommendation", ev.recommendation), ("Self-assessment", ev.self_assessment), ("Values", ev.values),
              ("Development plan", ev.development)]
    areas = [result.framework.area(a).name for a, _ in ev.assessment.areas] if ev.assessment else []
    return [name for name, present in voices if present], areas


def docx_blocks(document, *, skip_styles: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(style, text) of every paragraph in reading order, table cells included (row by row)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list[tuple[str, str]] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document._body)
            if para.style.name not in skip_styles:
                out.append((para.style.name, para.text))
        elif tag == "tbl":
            seen: set = set()  # holds the cell elements themselves, so identities stay valid
            for row in Table(child, document._body).rows:
                for cell in row.cells:
                    if cell._tc in seen:  # a merged cell is listed once
                        continue
                    seen.add(cell._tc)
                    out.extend((p.style.name, p.text) for p in cell.paragraphs)
    return out


def invoke(*args, env=None):
    """The command line, in process (exceptions propagate: a bug fails the test loudly)."""
    from click.testing import CliRunner

    from packetgen.cli import cli

    return CliRunner(env=env).invoke(cli, [str(a) for a in args], catch_exceptions=False)


ARCHIVE_EPOCH = "1780000000"  # 2026-05-28


def render_record(example: Path, out: Path, engine: str = "weasyprint"):
    """An archival record of `example` at ARCHIVE_EPOCH; the command's result."""
    result = invoke("render", example, "-o", out, "--archival", "--engine", engine,
                    env={"SOURCE_DATE_EPOCH": ARCHIVE_EPOCH})
    assert result.exit_code == 0, result.stderr
    return result


def in_gap_list(result) -> list:
    """What a packet's gaps section lists: open expectations of the levels to demonstrate (a gap,
    thin, or met but unsupported), then the sponsor's concerns; held levels are context only."""
    return [c for c in result.expectations if (c.open and not c.held) or c.concern]


def demonstrate_names(result) -> str:
    names = [lv.name for lv in result.demonstrate_levels]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def section_titles(result, *, draft: bool = False, about: bool = True) -> list[str]:
    """The packet's sections in the order every format prints them (README, Rendering a packet)."""
    ev = result.evidence
    case = bool(ev.summary or ev.self_assessment or ev.assessment or ev.recommendation or ev.values
                or ev.development)
    return (["Readiness at a glance", "Strongest evidence", "What is missing"] + (["The case"] if case else [])
            + [f"The levels to demonstrate: {demonstrate_names(result)}", "Evidence"]
            + (["Held levels, for reference"] if result.held else []) + (["Writing review"] if draft else [])
            + (["About the framework"] if about else []))


def libreoffice_pdf(outdir: Path, *docs: Path) -> list[Path]:
    """Each DOCX laid out by LibreOffice as a PDF in `outdir`. Every call has its own user profile:
    two LibreOffices on one profile (parallel test workers) fail on its lock."""
    import subprocess

    profile = Path(outdir) / ".libreoffice-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), *map(str, docs)], check=True, capture_output=True, timeout=300)
    return [Path(outdir) / f"{Path(doc).stem}.pdf" for doc in docs]
