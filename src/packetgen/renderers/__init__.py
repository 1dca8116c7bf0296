"""Rendering: one entry point that picks the format and writes the file atomically."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import UsageError
from ..matching import Result
from ..output import atomic_path, is_stdout, to_stdout

FORMATS = ("pdf", "docx", "html", "md")


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
    return [p for p in Path(folder).iterdir() if p.suffix in (".j2", ".css", ".docx")][:1000]


def generation_time() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time in seconds") from None
    return datetime.now(tz=timezone.utc).replace(microsecond=0)


def render_packet(result: Result, out: Path, *, format: str | None = None, paper: str = "a4",
                  template_dir: Path | None = None, reference_docx: Path | None = None,
                  generated: date | None = None, archival: bool = False, review: tuple = (),
                  sign: Path | None = None, sign_password_file: Path | None = None) -> Path:
    """Write the packet. `generated` defaults to today, or SOURCE_DATE_EPOCH when set;
    `archival` makes a PDF/A-3b record (records.py), signed with the PKCS#12 key `sign` when
    given; `review` (notes of the writing review, fairness.review) adds a "Writing review"
    section: a draft for the writer and the sponsor."""
    fmt = format_for(out, format)
    when = generation_time() if generated is None else datetime(
        generated.year, generated.month, generated.day, tzinfo=timezone.utc)
    generated = when.date()
    if paper not in ("a4", "letter"):
        raise UsageError(f"--paper {paper!r}: use a4 or letter")
    if archival and fmt != "pdf":
        raise UsageError("--archival makes a PDF/A record; give the output a .pdf suffix")
    if archival and template_dir is not None:
        raise UsageError("--archival uses the built-in templates: `verify` re-renders a record from what it "
                         "embeds, and --template-dir is not embedded")
    if sign is not None and not archival:
        raise UsageError("--sign signs an archival record: add --archival")
    if sign is not None:
        from ..signing import check_key

        check_key(sign, sign_password_file)  # a wrong password is reported before any work
    if template_dir is not None:
        template_dir = Path(template_dir).resolve()  # WeasyPrint's base URL must be absolute
    inputs = (result.evidence.path, result.framework.path, reference_docx, sign, sign_password_file,
              *template_files(template_dir))
    with (to_stdout(fmt) if is_stdout(out) else atomic_path(out, inputs=inputs)) as tmp:
        if archival:
            from .. import records

            data, _ = records.make(records.sources_of(result, paper=paper, generated=when))
            if sign is not None:
                from ..signing import sign as sign_record

                data = sign_record(data, sign, sign_password_file)
            tmp.write_bytes(data)
        elif fmt in ("html", "pdf", "md"):
            from .html import render_html

            text, _ = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                                  kind="md" if fmt == "md" else "html", screen=fmt == "html", review=review)
            if fmt != "pdf":
                tmp.write_text(text.lstrip(), encoding="utf-8")
            else:
                from .pdf import write_pdf

                write_pdf(text, tmp, template_dir=template_dir)
        else:
            from .docx import write_docx

            write_docx(result, tmp, generated=generated, reference=reference_docx, paper=paper, review=review)
    return out
