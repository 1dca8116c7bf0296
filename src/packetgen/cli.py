"""The command line: a thin layer over the library API. The only module that imports click.

Rendering libraries are imported inside `render` only, so `check`, `gaps`, `init` and
`framework` start fast.
"""
from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

from . import __version__
from .errors import Diagnostic, InputError, PacketgenError, Terminated
from .matching import DEFAULT_MIN_EVIDENCE

RENDER_FORMATS = ("pdf", "docx", "html", "md")


class _Group(click.Group):
    """Turns packetgen's errors into located messages and exit codes, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InputError as exc:
            _print_diagnostics(exc.diagnostics)
            ctx.exit(2)
        except PacketgenError as exc:
            click.echo(f"packetgen: error: {exc}", err=True)
            ctx.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # `packetgen framework | head`: the reader left; so do we
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(1)
        except OSError as exc:
            from .output import disk_refused

            reason = disk_refused(exc)  # a write to standard output (`> /dev/full`); files say so themselves
            if reason is None:
                raise
            click.echo(f"packetgen: error: cannot write to standard output: {reason}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt:
            click.echo("packetgen: interrupted", err=True)
            ctx.exit(130)
        except Terminated as exc:
            import signal

            click.echo(f"packetgen: stopped by {signal.Signals(exc.signum).name}; nothing was written", err=True)
            ctx.exit(128 + exc.signum)
        except Exception as exc:  # a bug: say so plainly
            if os.environ.get("PACKETGEN_DEBUG"):
                raise
            click.echo(f"packetgen: internal error: {type(exc).__name__}: {exc}\n"
                       "This is a bug in packetgen. Run again with PACKETGEN_DEBUG=1 for the details "
                       "and report them.", err=True)
            ctx.exit(1)


def _print_diagnostics(diagnostics) -> None:
    for d in diagnostics:
        click.echo(str(d), err=True)


def _min_evidence_option(f):
    return click.option("--min-evidence", type=click.IntRange(min=1), default=DEFAULT_MIN_EVIDENCE,
                        show_default=True, help="Counting items an expectation needs to be met.")(f)


def _target_option(f):
    return click.option("--target", metavar="LEVEL", help="Match against this level instead of the "
                        "file's target_level.")(f)


def _framework_option(f):
    return click.option("--framework", "framework", metavar="ID-or-PATH",
                        help="Use this framework instead of the one the evidence file names.")(f)


def _analyse(path, framework, target, min_evidence, *, lexicon=None):
    """Load, match, and print the file's warnings (the loader's, the item flags', the fonts');
    with a lexicon, also the writing review's notes, which are returned with the result."""
    from . import analyse, load
    from .fonts import uncovered
    from .report import flag_warnings

    loaded = load(path, framework=framework, target=target)
    result = analyse(loaded, target=target, min_evidence=min_evidence)
    shown = loaded.diagnostics + flag_warnings(result) + uncovered(loaded.evidence)
    notes = ()
    if lexicon is not None:
        from .fairness import notes_of, review

        notes = review(loaded, result, lexicon)
        shown += notes_of(notes)
    _print_diagnostics(_in_order(shown))
    return result, notes


def _rendering_process() -> None:
    """A render allocates hundreds of thousands of small objects that live to the end; Python's
    collector would scan them again and again (11–20 % of a render). Freeze what is loaded and
    collect rarely: same output, same memory (bench/layout_bench.py)."""
    import gc

    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _note_slow_subsetting() -> None:
    """One line when PDFs will be written the slow way (no libharfbuzz-subset)."""
    from .renderers.pdf import subsets_with_harfbuzz

    if not subsets_with_harfbuzz():
        click.echo("packetgen: note: libharfbuzz-subset is not installed, so fonts are subset by fontTools and "
                   "PDFs take about 20 % longer to write (Debian: apt-get install libharfbuzz-subset0)", err=True)


def _in_order(diagnostics) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=lambda d: (d.location.path, d.location.line, d.location.column)))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="packetgen")
def cli():
    """Turn a PM's evidence file into a gap-highlighted promotion packet.

    Typical use: `packetgen init --level ic4 -o me.yaml`, fill it in, then
    `packetgen check me.yaml`, `packetgen gaps me.yaml`, `packetgen render me.yaml -o packet.pdf`.
    """


def _lexicon_option(f):
    return click.option("--lexicon", type=click.Path(dir_okay=False), metavar="FILE",
                        help="Word lists for the writing review, replacing packetgen's rule by rule "
                             "(see packetgen's data/fairness.yaml).")(f)


@cli.command()
@click.argument("evidence", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_framework_option
@click.option("--fairness", is_flag=True, help="Add the writing review: notes on wording that lands unequally.")
@_lexicon_option
@click.option("--strict", is_flag=True, help="Treat warnings (and, with --fairness, notes) as errors (exit 2).")
def check(evidence, framework, fairness, lexicon, strict):
    """Validate evidence files; print every error and warning (exit 2 on any error)."""
    from . import analyse, load
    from .fonts import uncovered
    from .report import flag_warnings

    words = None
    if fairness or lexicon:
        from .fairness import load_lexicon

        words = load_lexicon(lexicon)
    failed = False
    for path in evidence:
        notes: tuple[Diagnostic, ...] = ()
        try:
            loaded = load(path, framework=framework)
            result = analyse(loaded)
            diagnostics: tuple[Diagnostic, ...] = _in_order(loaded.diagnostics + flag_warnings(result)
                                                            + uncovered(loaded.evidence))
            if words is not None:
                from .fairness import notes_of, review

                notes = notes_of(review(loaded, result, words))
        except InputError as exc:
            diagnostics = exc.diagnostics
        _print_diagnostics(_in_order(diagnostics + notes))
        errors = sum(d.is_error for d in diagnostics)
        warnings = len(diagnostics) - errors
        failed |= errors > 0 or (strict and (warnings > 0 or len(notes) > 0))
        verdict = "invalid" if errors else "ok"
        counted = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
        if words is not None:
            counted += f", {len(notes)} note{'s' * (len(notes) != 1)}"
        click.echo(f"{path}: {verdict} ({counted})")
    if failed:
        sys.exit(2)


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--open", "open_only", is_flag=True,
              help="Only what needs work: gaps, then thin, then met but unsupported (each: target level first).")
@_target_option
@_min_evidence_option
@_framework_option
def gaps(evidence, fmt, open_only, target, min_evidence, framework):
    """Show how the evidence covers the target level's expectations, and how strongly."""
    from .errors import UsageError
    from .report import to_json

    if open_only and fmt == "json":
        raise UsageError("--open filters the table; the JSON always lists every expectation "
                         "(select on \"status\" and \"strength\")")
    result, _ = _analyse(evidence, framework, target, min_evidence)
    if fmt == "json":
        import json  # here, not at the top: `check` never needs it (2 ms a start)

        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from .report import print_table

    print_table(result, Console(highlight=False), open_only=open_only)


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Where to write the packet; the suffix (.pdf, .docx, .html, .md) picks the format "
                   "(- writes to standard output, with --format).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html", "md"]), help="Override the suffix.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path, resolve_path=True),
              help="Folder of templates that override the built-in ones (PDF/HTML).")
@click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path),
              help="A .docx whose styles and page setup the DOCX packet uses.")
@click.option("--archival", is_flag=True, help="A PDF/A-3b record with the evidence and framework embedded "
              "(see `packetgen verify`); prints its SHA-256.")
@click.option("--sign", type=click.Path(dir_okay=False, path_type=Path), metavar="KEY.p12",
              help="With --archival: sign the record with this PKCS#12 key and certificate (PAdES).")
@click.option("--sign-password-file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="The key's password, on the first line of FILE.")
@click.option("--draft", is_flag=True, help="Add a 'Writing review' section with the notes of check --fairness "
              "(for the writer and the sponsor; never in a committee's copy).")
@_lexicon_option
@_target_option
@_min_evidence_option
@_framework_option
def render(evidence, output, fmt, paper, template_dir, reference_docx, archival, sign, sign_password_file, draft,
           lexicon, target, min_evidence, framework):
    """Write the promotion packet for EVIDENCE to OUTPUT."""
    from . import render as render_packet
    from .renderers import format_for

    from .errors import UsageError

    from .output import check_target, is_stdout

    if is_stdout(output) and not fmt:
        raise UsageError("-o -: writing to standard output needs --format pdf|docx|html|md")
    format_for(Path(output), fmt)  # a bad suffix is reported before any work
    if is_stdout(output) and archival:
        raise UsageError("--archival makes a record to keep, and prints its SHA-256: give -o a file name")
    if not is_stdout(output):
        check_target(output, (evidence, framework, reference_docx, sign, sign_password_file, lexicon))
    if draft and archival:
        raise UsageError("--draft adds the writer's notes; an archival record holds what the committee saw: "
                         "use one or the other")
    words = None
    if draft or lexicon:
        from .fairness import load_lexicon

        words = load_lexicon(lexicon)  # a broken lexicon is reported before any work
    _rendering_process()
    if format_for(Path(output), fmt) == "pdf":
        _note_slow_subsetting()
    result, notes = _analyse(evidence, framework, target, min_evidence, lexicon=words if draft else None)
    render_packet(result, output, format=fmt, paper=paper, template_dir=template_dir,
                  reference_docx=reference_docx, archival=archival, review=notes, sign=sign,
                  sign_password_file=sign_password_file)
    click.echo("wrote the packet to standard output" if is_stdout(output) else f"wrote {output}", err=True)
    if archival:
        _print_digest(Path(output))


def _print_digest(path: Path) -> None:
    """A record's SHA-256, in sha256sum's format, to keep outside the file (verify --expect)."""
    from .records import sha256

    click.echo(f"{sha256(path.read_bytes())}  {path}")


@cli.command()
@click.argument("packet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--trust", type=click.Path(dir_okay=False, path_type=Path), multiple=True, metavar="CERT.pem",
              help="Require a signature that chains to this certificate (repeatable).")
@click.option("--expect", metavar="SHA256", help="The record's SHA-256 as printed when it was made.")
def verify(packet, trust, expect):
    """Check an archival record: render it again from its embedded sources and compare
    everything it draws; check its structure, its decision and its signature.

    Exit 0 when the record is sound, 1 when it was altered or fails a check, 2 when it is not a
    packetgen record or cannot be compared here (another release, other fonts).
    """
    from .records import verify as verify_record

    verdict = verify_record(packet, trust=list(trust), expect=expect)
    for check in verdict.checks:
        mark = {True: "ok  ", False: "FAIL", None: "note"}[check.ok]
        click.echo(f"{mark}  {check.name}: {check.detail}")
    code = verdict.code
    click.echo(f"{packet}: " + {0: "verified", 1: "NOT verified: altered or failing a check",
                                 2: "cannot be verified here"}[code])
    sys.exit(code)


@cli.command()
@click.argument("record", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--outcome", required=True, type=click.Choice(["promoted", "not-yet", "deferred"]))
@click.option("--by", "by", required=True, metavar="NAME", help="Who decided (a person or a committee).")
@click.option("--date", "on", required=True, metavar="YYYY-MM-DD", help="When it was decided.")
@click.option("--rationale", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Why, in a UTF-8 text or Markdown file (printed on the decision page).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The new record (never RECORD itself).")
@click.option("--replace", is_flag=True, help="RECORD already holds a decision: record this one instead.")
@click.option("--sign", type=click.Path(dir_okay=False, path_type=Path), metavar="KEY.p12",
              help="Sign the new record with this PKCS#12 key and certificate.")
@click.option("--sign-password-file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
def decide(record, outcome, by, on, rationale, output, replace, sign, sign_password_file):
    """Record the committee's decision on an archival RECORD: a new record with a final
    "Decision" page and decision.json embedded. Prints its SHA-256."""
    from . import records
    from .errors import UsageError
    from .output import check_target, write_bytes

    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise UsageError(f"--date {on!r}: give a date as YYYY-MM-DD") from None
    if output.resolve() == record.resolve():
        raise UsageError(f"-o {output}: write the decision record to a new file; {record} is kept as it is")
    check_target(output, (record, rationale, sign, sign_password_file))
    text = ""
    if rationale is not None:
        try:
            with open(rationale, "rb") as handle:
                raw = handle.read(records.RATIONALE_LIMIT + 1)  # never more: it may be a device
            if len(raw) > records.RATIONALE_LIMIT:
                raise UsageError(f"--rationale {rationale}: at most {records.RATIONALE_LIMIT // 1024} KB")
            text = raw.decode("utf-8")
        except OSError as exc:
            raise UsageError(f"--rationale {rationale}: cannot read: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise UsageError(f"--rationale {rationale}: not UTF-8 text") from None
    if sign is not None:
        from .signing import check_key

        check_key(sign, sign_password_file)
    _rendering_process()
    try:
        data = records.decide(record, outcome=outcome, by=by, on=day, rationale=text.strip(),
                              replace_decision=replace)
    except records.RecordNotSound as exc:
        click.echo(f"packetgen: error: {exc}", err=True)
        sys.exit(exc.code)
    if sign is not None:
        from .signing import sign as sign_record

        data = sign_record(data, sign, sign_password_file)
    write_bytes(output, data, inputs=(record, rationale, sign, sign_password_file))
    click.echo(f"wrote {output}: {outcome}, decided by {' '.join(by.split())} on {day}", err=True)
    _print_digest(output)


@cli.command()
@click.argument("packet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write evidence.yaml, framework.yaml, packetgen-record.json (and decision.json) into.")
@click.option("--force", is_flag=True, help="Replace files of those names already in the folder.")
def extract(packet, folder, force):
    """Get the embedded evidence, framework and decision back from an archival PDF."""
    from .records import extract as extract_files

    for path in extract_files(packet, folder, force=force):
        click.echo(str(path))


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False, exists=True))
@click.option("--title", required=True, help="The accomplishment, in one line.")
@click.option("--date", "on", required=True, metavar="YYYY-MM-DD", help="When it happened.")
@click.option("--expectations", default="", metavar="ID,...", help="The expectation IDs it demonstrates.")
@click.option("--link", "links", multiple=True, metavar="TITLE=URL", help="An artifact (repeatable).")
@click.option("--quote", "quotes", multiple=True, metavar='"PERSON, ROLE: TEXT"',
              help="What someone who saw the work said (repeatable).")
@click.option("--description", default="", help="What happened (Markdown).")
def add(evidence, title, on, expectations, links, quotes, description):
    """Append one evidence item to EVIDENCE, keeping everything else in the file as it is."""
    from .adding import NewItem, add as add_item, parse_link, parse_quote
    from .errors import UsageError

    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise UsageError(f"--date {on!r}: give a date as YYYY-MM-DD") from None
    item = NewItem(" ".join(title.split()), day, tuple(i.strip() for i in expectations.split(",") if i.strip()),
                   tuple(parse_link(v) for v in links), tuple(parse_quote(v) for v in quotes), description.strip())
    line = add_item(evidence, item)
    click.echo(f"{evidence}:{line}: added “{item.title}” ({day})", err=True)


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False, exists=True))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="The port on 127.0.0.1 (0: any free one).")
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path, resolve_path=True))
@_target_option
@_framework_option
def preview(evidence, port, template_dir, target, framework):
    """Serve the HTML packet of EVIDENCE on 127.0.0.1; it renders again, and the page reloads,
    whenever the file (or an included file, its framework, a template) changes."""
    from .errors import UsageError
    from .preview import Preview

    live = Preview(evidence, template_dir=template_dir, framework=framework, target=target)
    try:
        url = live.start(port)
    except OSError as exc:
        raise UsageError(f"--port {port}: cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); "
                         "pass another --port, or --port 0 for any free one") from None
    click.echo(f"preview of {evidence} at {url} (Ctrl-C to stop)", err=True)
    try:
        while True:
            import time

            time.sleep(3600)
    finally:
        live.stop()


@cli.command(name="schema")
@click.argument("kind", type=click.Choice(["evidence", "framework", "included"]), default="evidence")
@_framework_option
def schema_cmd(kind, framework):
    """Print the JSON Schema of an evidence file (with the framework's levels and expectation IDs),
    of a file named by `include:`, or of a framework file: for an editor's completion and checks."""
    from . import editor_schema
    from .framework import load_framework

    if kind == "framework":
        doc = editor_schema.framework_schema()
    else:
        fw = load_framework(framework, Path.cwd())
        doc = (editor_schema.evidence_schema if kind == "evidence" else editor_schema.included_schema)(fw)
    click.echo(editor_schema.render(doc), nl=False)


@cli.command(name="diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True)
@click.option("--all", "everything", is_flag=True, help="List every expectation, not only those that changed.")
@click.option("--force", is_flag=True, help="Compare the cases of two different candidates.")
@click.option("--min-evidence", type=click.IntRange(min=1), default=None,
              help="Counting items an expectation needs to be met (default: a record's own, else "
                   f"{DEFAULT_MIN_EVIDENCE}).")
def diff_cmd(old, new, fmt, everything, force, min_evidence):
    """What changed between two cycles of a case: OLD and NEW are evidence files or archival
    records (read through their embedded sources), both matched against NEW's target level."""
    from .diff import diff
    from .diffreport import print_table, to_json, to_markdown

    result = diff(old, new, force=force, min_evidence=min_evidence)
    if fmt == "json":
        import json

        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(to_markdown(result, everything=everything))
    else:
        from rich.console import Console

        print_table(result, Console(highlight=False), everything=everything)


@cli.command()
@click.argument("evidence", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The handout; the suffix (.pdf, .docx, .html) picks the format.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), help="Override the suffix.")
@click.option("--anonymize", is_flag=True, help="Replace every name by a pseudonym (Candidate A, ...), "
              "pronouns by neutral ones.")
@click.option("--redact-names", "roster", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="With --anonymize: more people to hide (one name per line, or a CSV with a 'name' column).")
@click.option("--hide-role", is_flag=True, help="With --anonymize: leave out each candidate's role and their sponsor's.")
@click.option("--key-out", type=click.Path(dir_okay=False),
              help="With --anonymize: write the pseudonym key (CSV, readable by its owner only).")
@click.option("--skip-invalid", is_flag=True, help="Leave out invalid files (named in the overview) instead of failing.")
@click.option("--title", default="Calibration handout", show_default=True)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path, resolve_path=True))
@click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path))
@_min_evidence_option
@_framework_option
def committee(evidence, output, fmt, anonymize, roster, hide_role, key_out, skip_invalid, title, paper,
              template_dir, reference_docx, min_evidence, framework):
    """One handout for a calibration committee: a cycle overview, then every packet.

    EVIDENCE may be files, folders (their *.yaml) or glob patterns.
    """
    from .committee import expand, key_csv, prepare
    from .errors import UsageError
    from .output import atomic_paths, check_target
    from .renderers import format_for, template_files
    from .renderers.handout import FORMATS, render_handout

    for option, value in (("--key-out", key_out), ("--redact-names", roster), ("--hide-role", hide_role)):
        if value and not anonymize:
            raise UsageError(f"{option} needs --anonymize (without it there is nothing to hide)")
    if key_out and Path(key_out).resolve() == Path(output).resolve():
        raise UsageError("--key-out and -o name the same file; the key must be kept apart from the handout")
    fmt = format_for(Path(output), fmt, FORMATS)
    if fmt == "pdf":
        _note_slow_subsetting()
    for option, path in (("-o", output), ("--key-out", key_out)):
        if path:  # before any work: a handout of fifty candidates takes minutes
            check_target(path, (*expand(list(evidence)), roster, reference_docx), option=option)
    _rendering_process()
    cycle = prepare(list(evidence), anonymize_names=anonymize, skip_invalid=skip_invalid,
                    min_evidence=min_evidence, framework=framework, roster=roster, hide_role=hide_role)
    _print_diagnostics(cycle.diagnostics)
    for bad in cycle.invalid:
        click.echo(f"packetgen: warning: {bad.path} left out ({bad.errors} errors)", err=True)
    targets = [Path(output)] + ([Path(key_out)] if key_out else [])
    inputs = (*expand(list(evidence)), *(r.framework.path for r in cycle.results), roster, reference_docx,
              *template_files(template_dir))
    # the handout and its key replace their files together, or neither does: a failed run must
    # not leave an old handout beside a new key that maps its pseudonyms to other people
    with atomic_paths(targets, private=tuple(targets[1:]), inputs=inputs) as temps:
        render_handout(cycle, temps[0], format=fmt, paper=paper, template_dir=template_dir,
                       reference_docx=reference_docx, title=title)
        if key_out:
            temps[1].write_bytes(key_csv(cycle))
    _print_report(cycle.report)
    count = len(cycle.results)
    click.echo(f"wrote {output}: {count} candidate{'' if count == 1 else 's'}", err=True)


def _print_report(report) -> None:
    """What the pseudonymised handout may still give away: on stderr, never in the handout."""
    if report is None:
        return
    if report.given_names:
        listed = ", ".join(f"{word} ×{n}" for word, n in sorted(report.given_names.items(), key=lambda x: (-x[1], x[0])))
        click.echo("packetgen: warning: the anonymised handout still holds words that are given names; if they are "
                   f"people, add them to --redact-names FILE: {listed}", err=True)
    if report.undecided:
        listed = ", ".join(f"“{words}” ×{n}" for words, n in sorted(report.undecided.items()))
        click.echo("packetgen: warning: a name that is also a word was kept as a word where it starts a sentence "
                   f"before a verb; check these: {listed}", err=True)


@cli.command()
@click.option("--level", "level", required=True, metavar="LEVEL", help="The target level, e.g. ic4.")
@click.option("--current", metavar="LEVEL", help="The current level (default: the level below).")
@click.option("--name", default="Your Name", show_default=True, help="The candidate's name.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@_framework_option
def init(level, current, name, output, force, framework):
    """Write a starter evidence file listing every expectation LEVEL must cover."""
    from .errors import UsageError
    from .framework import load_framework
    from .output import write_text
    from .starter import starter_file

    from .output import is_stdout

    if not name.strip() or not name.isprintable():  # a line break of any kind (U+2028 too), a control character
        raise UsageError(f"--name {name!r}: give the candidate's name on one line")
    to_file = bool(output) and not is_stdout(output)
    fw = load_framework(framework)
    if to_file and framework and Path(framework).expanduser().is_file():  # named from the file's own folder
        import os.path

        folder = Path(output).absolute().parent.resolve()  # where the file lands (a link -o is replaced)
        if not Path(framework).expanduser().resolve().is_relative_to(folder):
            raise UsageError(f"--framework {framework}: an evidence file names a framework file in its own folder "
                             f"or below; copy it beside {output}")
        framework = Path(os.path.relpath(Path(framework).expanduser().resolve(), folder)).as_posix()
    for option, value in (("--level", level), ("--current", current)):
        lv = fw.level(value) if value else None
        if value and (lv is None or lv.base):
            names = ", ".join(x.id for x in fw.candidate_levels)
            raise UsageError(f"{option}: {value!r} is not a level of {fw.id}; use one of {names}")
    from .editor_schema import shipped
    from .framework import DEFAULT_FRAMEWORK

    # the package ships the built-in framework's schema; another framework's is made with `schema`
    schema = shipped("evidence").resolve().as_uri() if framework in (None, DEFAULT_FRAMEWORK) else None
    text = starter_file(fw, level, current=current, name=name, today=date.today(), framework_ref=framework,
                        schema=schema)
    if not to_file:
        click.echo(text, nl=False)
        return
    if Path(output).exists() and not force:
        raise UsageError(f"{output} exists; pass --force to overwrite it")
    write_text(output, text)
    click.echo(f"wrote {output}: {len(fw.cumulative(level))} expectations to cover for {fw.level(level).name}",
               err=True)


@cli.command(name="framework")
@click.argument("ref", required=False, metavar="[ID-or-PATH]")
@click.option("--level", metavar="LEVEL", help="Only what this level expects (cumulative).")
@click.option("--only", is_flag=True, help="With --level: that level's own expectations, not cumulative.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def framework_cmd(ref, level, only, fmt):
    """List a framework's expectations with their IDs (built-in sourcegraph-pm by default)."""
    from .errors import UsageError
    from .framework import load_framework

    fw = load_framework(ref, Path.cwd())
    if level is None:
        chosen = fw.expectations
    elif fw.level(level) is None:
        raise UsageError(f"--level: unknown level {level!r}; the levels of {fw.id} are "
                         f"{', '.join(lv.id for lv in fw.levels)}")
    else:
        chosen = fw.own(level) if only else fw.cumulative(level)
    if fmt == "json":
        import json

        click.echo(json.dumps([{"id": e.id, "level": e.level, "area": e.area, "text": e.text}
                               for e in chosen], ensure_ascii=False, indent=2))
        return
    scope = "" if level is None else f" ({'own' if only else 'cumulative'}, {fw.level(level).name})"
    click.echo(f"{fw.name} [{fw.id}]: {len(chosen)} expectations{scope}")
    width = max((len(e.id) for e in chosen), default=0)
    group = None
    for exp in chosen:
        if (exp.level, exp.area) != group:
            group = (exp.level, exp.area)
            click.echo(f"\n{fw.level(exp.level).name} / {fw.area(exp.area).name}")
        click.echo(f"  {exp.id:<{width}}  {exp.text}")


def _on_signal(signum, frame):
    raise Terminated(signum)


def main() -> None:
    import signal

    # SIGTERM and SIGHUP unwind like SIGINT, so a half-written output is removed
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)
    for stream in (sys.stdout, sys.stderr):  # an ASCII or Latin-1 terminal gets \u2192 for →, not a crash
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    cli(prog_name="packetgen")
