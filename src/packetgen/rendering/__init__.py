"""Rendering: one entry point that picks the format and writes the file atomically."""
from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from packetgen.errors import UsageError
from packetgen.model.result import Result

FORMATS = ("pdf", "docx", "html", "md")
ENGINES = ("weasyprint", "typst")  # what lays a PDF out; WeasyPrint by default


def format_for(out: Path, fmt: str | None, formats: tuple[str, ...] = FORMATS) -> str:
    """The output format: `fmt`, or the suffix of `out`; one of `formats`."""
    chosen = (fmt or Path(out).suffix.lstrip(".")).lower()
    if chosen not in formats:
        suffixes = ", ".join("." + f for f in formats[:-1]) + " or ." + formats[-1]
        raise UsageError(f"cannot tell the format of {out}: give it a {suffixes} suffix, "
                         f"or pass --format {'|'.join(formats)}")
    return chosen


def template_files(folder: Path | None) -> list[Path]:
    """The files of a template folder: inputs, which no output may replace."""
    if folder is None or not Path(folder).is_dir():
        return []
    return [p for p in Path(folder).iterdir() if p.suffix in (".j2", ".css", ".docx", ".typ")][:1000]


def generation_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time in seconds") from None
    return datetime.now(tz=UTC).replace(microsecond=0)


def render_packet(result: Result, out: Path, *, format: str | None = None, paper: str = "a4",
                  template_dir: Path | None = None, reference_docx: Path | None = None,
                  generated: date | None = None, review: tuple = (), words=None,
                  engine: str = "weasyprint") -> Path:
    """Write the packet to `out` (a file, replaced only once complete, or "-" for standard output).
    `generated` defaults to today, or SOURCE_DATE_EPOCH when set; `review` (notes of the writing
    review, analyse.fairness.review) adds a "Writing review" section: a draft for the writer and
    the sponsor. Archival records: records/sources.py (`packetgen.render(..., archival=True)`)."""
    from packetgen.output import atomic_path, is_stdout, to_stdout  # here: `check` imports rendering.fonts

    fmt = format_for(out, format)
    generated = (generation_time() if generated is None else datetime(
        generated.year, generated.month, generated.day, tzinfo=UTC)).date()
    check_paper(paper)
    if template_dir is not None:
        template_dir = Path(template_dir).resolve()  # WeasyPrint's base URL must be absolute
    inputs = (result.evidence.path, result.framework.path, reference_docx, *template_files(template_dir))
    with (to_stdout(fmt) if is_stdout(out) else atomic_path(out, inputs=inputs)) as tmp:
        write(result, tmp, fmt=fmt, generated=generated, paper=paper, template_dir=template_dir,
              reference_docx=reference_docx, review=review, words=words, engine=engine)
    return out


def check_engine(engine: str, fmt: str | None = None) -> None:
    if engine not in ENGINES:
        raise UsageError(f"--engine {engine!r}: use {' or '.join(ENGINES)}")


def check_paper(paper: str) -> None:
    if paper not in ("a4", "letter"):
        raise UsageError(f"--paper {paper!r}: use a4 or letter")


def write(result: Result, path: Path, *, fmt: str, generated: date, paper: str = "a4",
          template_dir: Path | None = None, reference_docx: Path | None = None, review: tuple = (),
          words=None, engine: str = "weasyprint") -> None:
    """Write the packet in format `fmt` to `path` as it is (no temporary file, no checks); a PDF is
    laid out by `engine`."""
    if fmt in ("html", "pdf", "md"):
        from packetgen.rendering.html import render_html

        text, packet = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                              kind="md" if fmt == "md" else "html", screen=fmt == "html", review=review,
                              words=words)
        if fmt != "pdf":
            path.write_text(text.lstrip(), encoding="utf-8")
        elif engine == "typst":
            from packetgen.rendering import typst_pdf

            running, page_of = typst_pdf.footer_words(packet)
            typst_pdf.write_pdf(text, path, template_dir=template_dir, paper=paper, running=running, page_of=page_of)
        else:
            from packetgen.rendering.pdf import write_pdf

            write_pdf(text, path, template_dir=template_dir)
    else:
        from packetgen.rendering.docx.packet import write_docx

        write_docx(result, path, generated=generated, reference=reference_docx, paper=paper, review=review,
                   words=words)
