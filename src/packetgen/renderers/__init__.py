"""Rendering: one entry point that picks the format and writes the file atomically."""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import UsageError
from ..matching import Result
from ..output import atomic_path

FORMATS = ("pdf", "docx", "html", "md")


def format_for(out: Path, fmt: str | None) -> str:
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise UsageError(f"cannot tell the format of {out}: give it a .pdf, .docx, .html or .md suffix, "
                         f"or pass --format {'|'.join(FORMATS)}")
    return chosen


def render_packet(result: Result, out: Path, *, format: str | None = None, paper: str = "a4",
                  template_dir: Path | None = None, reference_docx: Path | None = None,
                  generated: date | None = None, archival: bool = False) -> Path:
    """Write the packet. `generated` defaults to today, or SOURCE_DATE_EPOCH when set;
    `archival` makes a PDF/A-3b record (see archive.py)."""
    from .archive import generation_time

    fmt = format_for(out, format)
    when = generation_time() if generated is None else datetime(
        generated.year, generated.month, generated.day, tzinfo=timezone.utc)
    generated = when.date()
    if paper not in ("a4", "letter"):
        raise UsageError(f"--paper {paper!r}: use a4 or letter")
    if archival and fmt != "pdf":
        raise UsageError("--archival makes a PDF/A record; give the output a .pdf suffix")
    with atomic_path(out) as tmp:
        if archival:
            from .archive import write_archival_pdf

            write_archival_pdf(result, tmp, generated=when, paper=paper, template_dir=template_dir)
        elif fmt in ("html", "pdf", "md"):
            from .html import render_html

            text, _ = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                                  kind="md" if fmt == "md" else "html")
            if fmt != "pdf":
                tmp.write_text(text, encoding="utf-8")
            else:
                from .pdf import write_pdf

                write_pdf(text, tmp, template_dir=template_dir)
        else:
            from .docx import write_docx

            write_docx(result, tmp, generated=generated, reference=reference_docx, paper=paper)
    return out
