"""`render`: one evidence file to a packet, or to an archival record (PDF/A-3b, optionally signed).

`render` is the library's entry point for a matched Result; `prepare` is what the command line
runs: every option checked before any work, the file loaded and matched, its warnings ready to
print, and the packet written by `RenderJob.write`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from packetgen.errors import Diagnostic, UsageError
from packetgen.model.result import Result
from packetgen.output import atomic_path, check_target, is_stdout

if TYPE_CHECKING:
    from packetgen.analysis.fairness import Lexicon


def render(result: Result, out: str | Path, *, format: str | None = None, paper: str = "a4",
           template_dir: Path | None = None, reference_docx: Path | None = None,
           generated: date | None = None, archival: bool = False, review: tuple = (),
           sign: Path | None = None, sign_password_file: Path | None = None,
           locale: str | None = None, catalogue: Path | None = None, engine: str = "weasyprint") -> Path:
    """Write the packet for `result` to `out`; the format follows the suffix or `format`.
    `archival` makes a PDF/A-3b record that embeds its sources (see docs/reference.md, "Records"),
    signed with the PKCS#12 key `sign` when given. `locale` (else the file's `locale:`, else
    English) picks the packet's language; `catalogue`, a company's Fluent file over it. `engine`
    lays a PDF out: "weasyprint" (the default) or "typst"."""
    from packetgen.rendering import format_for, render_packet

    out = Path(out)
    if sign is not None and not archival:
        raise UsageError("--sign signs an archival record: add --archival")
    if not archival:
        return render_packet(result, out, format=format, paper=paper, template_dir=template_dir,
                             reference_docx=reference_docx, generated=generated, review=review,
                             words=words_for(result, locale, catalogue), engine=engine)
    archival_options(format_for(out, format), template_dir=template_dir, catalogue=catalogue, sign=None)
    words_for(result, locale, None)  # an unknown locale is reported before any work
    return _record(result, out, format=format, paper=paper, template_dir=template_dir, generated=generated,
                   sign=sign, sign_password_file=sign_password_file, locale=locale, engine=engine)


def words_for(result: Result, locale: str | None, catalogue: Path | None):
    """The packet's catalogue: the option's locale, else the file's, else English."""
    from packetgen import catalogue as catalogues

    return catalogues.load(locale or result.evidence.locale or None, catalogue)


def _record(result: Result, out: Path, *, format: str | None, paper: str, template_dir: Path | None,
            generated: date | None, sign: Path | None, sign_password_file: Path | None,
            locale: str | None = None, engine: str = "weasyprint") -> Path:
    from packetgen.rendering import check_paper, format_for, generation_time

    fmt = format_for(out, format)
    when = generation_time() if generated is None else datetime(
        generated.year, generated.month, generated.day, tzinfo=UTC)
    check_paper(paper)
    archival_options(fmt, template_dir=template_dir, sign=sign, sign_password_file=sign_password_file)
    inputs = (result.evidence.path, result.framework.path, sign, sign_password_file)
    with atomic_path(out, inputs=inputs) as tmp:
        from packetgen.records.sources import make, sources_of

        data, _ = make(sources_of(result, paper=paper, generated=when, locale=locale, engine=engine))
        if sign is not None:
            from packetgen.records.signing import sign as sign_record

            data = sign_record(data, sign, sign_password_file)
        tmp.write_bytes(data)
    return out


def archival_options(fmt: str, *, template_dir: Path | None = None, catalogue: Path | None = None,
                     sign: Path | None = None, sign_password_file: Path | None = None) -> None:
    """What an archival record refuses, before any work: UsageError."""
    if catalogue is not None:
        raise UsageError("--archival uses the built-in catalogues: `verify` re-renders a record from what it "
                         "embeds, and --catalogue is not embedded")
    if fmt != "pdf":
        raise UsageError("--archival makes a PDF/A record; give the output a .pdf suffix")
    if template_dir is not None:
        raise UsageError("--archival uses the built-in templates: `verify` re-renders a record from what it "
                         "embeds, and --template-dir is not embedded")
    if sign is not None:
        from packetgen.records.signing import check_key

        check_key(sign, sign_password_file)  # a wrong password is reported before any work


def check_options(output: str | Path, *, format: str | None = None, paper: str = "a4",
                  template_dir: Path | None = None, archival: bool = False, sign: Path | None = None,
                  sign_password_file: Path | None = None, draft: bool = False,
                  lexicon: str | Path | None = None, locale: str | None = None,
                  catalogue: Path | None = None, engine: str = "weasyprint",
                  **_evidence_options) -> tuple[str, Lexicon | None]:
    """Every check of `render`'s options that needs no evidence file, before any work (a batch makes
    them once, not once per file): UsageError. Returns the format and the draft's lexicon rules."""
    from packetgen.rendering import check_engine, check_paper, format_for

    if is_stdout(output) and not format:
        raise UsageError("-o -: writing to standard output needs --format pdf|docx|html|md")
    fmt = format_for(Path(output), format)
    check_paper(paper)
    check_engine(engine)
    if sign is not None and not archival:
        raise UsageError("--sign signs an archival record: add --archival")
    if archival:
        if is_stdout(output):
            raise UsageError("--archival makes a record to keep, and prints its SHA-256: give -o a file name")
        if draft:
            raise UsageError("--draft adds the writer's notes; an archival record holds what the committee "
                             "saw: use one or the other")
        archival_options(fmt, template_dir=template_dir, catalogue=catalogue, sign=sign,
                         sign_password_file=sign_password_file)
    lexicon_rules = None
    if draft or lexicon:
        from packetgen.analysis.fairness import load_lexicon

        lexicon_rules = load_lexicon(lexicon)  # a broken lexicon is reported before any work
    if locale or catalogue:
        from packetgen import catalogue as catalogues

        catalogues.load(locale, catalogue)  # an unknown locale or a broken catalogue: before any work
    return fmt, lexicon_rules


@dataclass
class RenderJob:
    """A packet ready to write: the matched case and what to print about it first."""

    result: Result
    output: str
    diagnostics: tuple[Diagnostic, ...]  # warnings, and the writing review's notes of a draft
    notes: tuple = ()  # the writing review of a draft (analyse.fairness.Note)
    options: dict = field(default_factory=dict)

    def write(self) -> Path:
        return render(self.result, self.output, review=self.notes, **self.options)


def prepare(evidence: str | Path, output: str, *, format: str | None = None, paper: str = "a4",
            template_dir: Path | None = None, reference_docx: Path | None = None, archival: bool = False,
            sign: Path | None = None, sign_password_file: Path | None = None, draft: bool = False,
            lexicon: str | Path | None = None, target: str | None = None,
            min_evidence: int | None = None, framework: str | None = None,
            on_ready: Callable[[str, str], None] | None = None, locale: str | None = None,
            catalogue: Path | None = None, engine: str = "weasyprint") -> RenderJob:
    """Check every option (before any work: a bad suffix, an output that is an input), call
    `on_ready(format, engine)`, then load and match the file. UsageError or InputError on anything wrong."""
    from packetgen.analysis.matching import analyse
    from packetgen.commands.check import case_diagnostics, in_order
    from packetgen.loading.evidence import load_evidence

    fmt, lexicon_rules = check_options(output, format=format, paper=paper, template_dir=template_dir,
                                       archival=archival, sign=sign, sign_password_file=sign_password_file,
                                       draft=draft, lexicon=lexicon, locale=locale, catalogue=catalogue,
                                       engine=engine)
    if not is_stdout(output):
        check_target(output, (evidence, framework, reference_docx, sign, sign_password_file, lexicon, catalogue))
    if on_ready is not None:
        on_ready(fmt, engine)
    loaded = load_evidence(evidence, framework=framework, target=target)
    result = analyse(loaded.framework, loaded.evidence, target=target, min_evidence=min_evidence)
    shown = case_diagnostics(loaded, result)
    notes: tuple = ()
    if draft and lexicon_rules is not None:
        from packetgen.analysis.fairness import notes_of, review

        notes = review(loaded, result, lexicon_rules)
        shown += notes_of(notes)
    options = dict(format=format, paper=paper, template_dir=template_dir, reference_docx=reference_docx,
                   archival=archival, sign=sign, sign_password_file=sign_password_file, locale=locale,
                   catalogue=catalogue, engine=engine)
    return RenderJob(result, output, in_order(shown), notes, options)


def slow_subsetting(fmt: str) -> bool:
    """A PDF will be written the slow way: fonts subset by fontTools (no libharfbuzz-subset)."""
    if fmt != "pdf":
        return False
    from packetgen.rendering.pdf import subsets_with_harfbuzz

    return not subsets_with_harfbuzz()
