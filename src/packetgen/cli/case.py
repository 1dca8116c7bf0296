"""Commands for one case: check, gaps, render, init, framework, add, preview, schema."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from packetgen.cli import options
from packetgen.cli.group import about_to_render, cli, print_diagnostics


@cli.command()
@click.argument("evidence", nargs=-1, required=True, type=click.Path(dir_okay=False))
@options.framework
@click.option("--fairness", is_flag=True, help="Add the writing review: notes on wording that lands unequally.")
@options.lexicon
@click.option("--strict", is_flag=True, help="Treat warnings (and, with --fairness, notes) as errors (exit 2).")
def check(evidence, framework, fairness, lexicon, strict):
    """Validate evidence files; print every error and warning (exit 2 on any error)."""
    from packetgen.commands.check import check as check_files
    from packetgen.commands.check import in_order
    from packetgen.report.check import verdict

    failed = False
    for checked in check_files(evidence, framework=framework, fairness=fairness, lexicon=lexicon):
        print_diagnostics(in_order(checked.diagnostics + checked.notes))
        click.echo(verdict(checked, notes=bool(fairness or lexicon)))
        failed |= checked.failed(strict=strict)
    if failed:
        sys.exit(2)


def _analysed(evidence, framework, target, min_evidence):
    """Load and match one file, printing its warnings first."""
    from packetgen.analysis.matching import analyse
    from packetgen.commands.check import case_diagnostics, in_order
    from packetgen.loading.evidence import load_evidence

    loaded = load_evidence(evidence, framework=framework, target=target)
    result = analyse(loaded.framework, loaded.evidence, target=target, min_evidence=min_evidence)
    print_diagnostics(in_order(case_diagnostics(loaded, result)))
    return result


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--open", "open_only", is_flag=True,
              help="Only what needs work: gaps, then thin, then met but unsupported (each: target level first).")
@options.target
@options.min_evidence
@options.framework
def gaps(evidence, fmt, open_only, target, min_evidence, framework):
    """Show how the evidence covers the target level's expectations, and how strongly."""
    from packetgen.errors import UsageError

    if open_only and fmt == "json":
        raise UsageError("--open filters the table; the JSON always lists every expectation "
                         "(select on \"status\" and \"strength\")")
    result = _analysed(evidence, framework, target, min_evidence)
    if fmt == "json":
        import json  # here, not at the top: `check` never needs it (2 ms a start)

        from packetgen.report.gaps import to_json

        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    from packetgen.report.gaps import print_table

    print_table(result, Console(highlight=False), open_only=open_only)


@cli.command()
@click.argument("evidence", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="Where to write the packet; the suffix (.pdf, .docx, .html, .md) picks the format "
                   "(- writes to standard output, with --format). With many evidence files, a folder (DIR/): "
                   "one packet each, named from the candidate.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="With many evidence files: render N at once, each in a worker process (default: one per CPU).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html", "md"]), help="Override the suffix.")
@options.paper
@options.engine
@options.template_dir
@options.reference_docx
@click.option("--archival", is_flag=True, help="A PDF/A-3b record with the evidence and framework embedded "
              "(see `packetgen verify`); prints its SHA-256.")
@options.sign("With --archival: sign the record with this PKCS#12 key and certificate (PAdES).")
@click.option("--draft", is_flag=True, help="Add a 'Writing review' section with the notes of check --fairness "
              "(for the writer and the sponsor; never in a committee's copy).")
@options.lexicon
@options.target
@options.min_evidence
@options.framework
@options.locale
@options.catalogue
def render(evidence, output, jobs, fmt, paper, engine, template_dir, reference_docx, archival, sign,
           sign_password_file, draft, lexicon, target, min_evidence, framework, locale, catalogue):
    """Write the promotion packet for EVIDENCE to OUTPUT; for many EVIDENCE files, one packet each
    into the folder OUTPUT/."""
    from packetgen.commands.render import prepare
    from packetgen.output import is_stdout

    options = dict(format=fmt, paper=paper, template_dir=template_dir, reference_docx=reference_docx,
                   archival=archival, sign=sign, sign_password_file=sign_password_file, draft=draft, lexicon=lexicon,
                   target=target, min_evidence=min_evidence, framework=framework, locale=locale, catalogue=catalogue,
                   engine=engine)
    if len(evidence) > 1 or output.endswith(("/", os.sep)) or Path(output).is_dir():
        _render_many(evidence, output, jobs, options)
        return
    (evidence,) = evidence
    job = prepare(evidence, output, on_ready=about_to_render, **options)
    print_diagnostics(job.diagnostics)
    job.write()
    click.echo("wrote the packet to standard output" if is_stdout(output) else f"wrote {output}", err=True)
    if archival:
        print_digest(Path(output))


def _render_many(evidence, folder: str, jobs: int | None, options: dict) -> None:
    """`render A.yaml B.yaml ... -o DIR/`: see commands/batch.py."""
    import time

    from packetgen.commands.batch import Stopped, check_folder, plan, render_all
    from packetgen.commands.render import check_options
    from packetgen.errors import UsageError
    from packetgen.output import is_stdout

    if is_stdout(folder):
        raise UsageError("-o -: many packets cannot share standard output; give a folder (-o DIR/)")
    fmt = options["format"] or "pdf"
    if fmt not in ("pdf", "docx", "html", "md"):
        raise UsageError(f"--format {fmt}: use pdf, docx, html or md")
    options = {**options, "format": fmt}
    check_folder(folder)
    check_options(Path(folder) / f"packet.{fmt}", **options)  # once, not once per file
    started = time.monotonic()
    batch = plan(evidence, folder, fmt=fmt, framework=options["framework"],
                 others=[options[key] for key in ("reference_docx", "sign", "sign_password_file", "lexicon",
                                                  "catalogue")])
    about_to_render(fmt, options["engine"])
    from packetgen.progress import bar as progress_bar

    bar = progress_bar(len(batch.planned))
    stopped = None
    try:
        outcomes = render_all(batch, jobs=jobs, options=options,
                              on_done=(lambda _: bar.advance(0)) if bar else None)
    except Stopped as exc:
        stopped, outcomes = exc.signum, exc.outcomes
    finally:
        if bar:
            bar.stop()
    for outcome in outcomes:
        print_diagnostics(outcome.diagnostics)
        if outcome.written:
            click.echo(f"wrote {outcome.output}", err=True)
            if outcome.digest:
                click.echo(f"{outcome.digest}  {outcome.output}")
    failed = [o for o in outcomes if not o.written]
    written = len(outcomes) - len(failed)
    click.echo(f"rendered {written} of {len(outcomes)} packets into {batch.folder}/ in "
               f"{time.monotonic() - started:.1f} s", err=True)
    for outcome in failed:
        click.echo(f"packetgen: error: {outcome.evidence}: not rendered ({outcome.error})", err=True)
    if stopped is not None:
        import signal

        click.echo(f"packetgen: stopped by {signal.Signals(stopped).name}; {written} packets were written, "
                   f"{len(failed)} were not", err=True)
        sys.exit(128 + stopped)
    if failed:
        sys.exit(2)


def print_digest(path: Path) -> None:
    """A record's SHA-256, in sha256sum's format, to keep outside the file (verify --expect)."""
    from packetgen.records.format import sha256

    click.echo(f"{sha256(path.read_bytes())}  {path}")


@cli.command()
@click.option("--level", "level", required=True, metavar="LEVEL", help="The target level, e.g. ic4.")
@click.option("--current", metavar="LEVEL", help="The current level (default: the level below).")
@click.option("--name", default="Your Name", show_default=True, help="The candidate's name (check warns until "
              "the default is replaced).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@options.framework
def init(level, current, name, output, force, framework):
    """Write a starter evidence file listing every expectation LEVEL must cover."""
    from packetgen.commands.init import starter, write_starter
    from packetgen.output import is_stdout

    made = starter(level, current=current, name=name, output=output, framework=framework)
    if not output or is_stdout(output):
        click.echo(made.text, nl=False)
        return
    write_starter(output, made, force=force)
    click.echo(f"wrote {output}: {made.expectations} expectations to cover for {made.level_name}", err=True)


@cli.group(name="framework", cls=DefaultGroup, default="show", default_if_no_args=True)
def framework_group():
    """A framework: list its expectations (the default: `framework [ID-or-PATH]`), import a ladder
    from Markdown or CSV, export it as CSV, lint its wording, migrate evidence to renamed IDs.

    The listing's options (--level, --only, --format): `packetgen framework show --help`.
    """


@framework_group.command(name="show")
@click.argument("ref", required=False, metavar="[ID-or-PATH]")
@click.option("--level", metavar="LEVEL", help="Only what this level expects (cumulative).")
@click.option("--only", is_flag=True, help="With --level: that level's own expectations, not cumulative.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def framework_cmd(ref, level, only, fmt):
    """List a framework's expectations with their IDs (built-in sourcegraph-pm by default)."""
    from packetgen.loading.framework import load_framework
    from packetgen.report.framework import listing, listing_json

    fw = load_framework(ref, Path.cwd())
    click.echo(listing_json(fw, level, only=only) if fmt == "json" else listing(fw, level, only=only))


@framework_group.command(name="import")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.md|FILE.csv")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The framework file to write (YAML).")
@click.option("--id", "framework_id", metavar="ID", help="The framework's id (default: from its name).")
@click.option("--name", help="The framework's name (default: the page's first heading).")
@click.option("--force", is_flag=True, help="Replace an existing output file.")
def framework_import(source, output, framework_id, name, force):
    """Write a framework file from a ladder as a handbook page (Markdown) or a spreadsheet (CSV:
    level,area,text and optionally id)."""
    from packetgen.commands.framework import import_ladder
    from packetgen.loading.framework import load_framework

    import_ladder(source, output, framework_id=framework_id, name=name, force=force)
    fw = load_framework(str(output))
    click.echo(f"wrote {output}: {len(fw.levels)} levels, {len(fw.areas)} areas, {len(fw.expectations)} "
               "expectations", err=True)


@framework_group.command(name="export")
@click.argument("ref", required=False, metavar="[ID-or-PATH]")
@click.option("--format", "fmt", type=click.Choice(["csv"]), default="csv", show_default=True)
def framework_export(ref, fmt):
    """Print a framework as CSV (level,area,text,id,level_id,area_id), for a spreadsheet; it imports back."""
    from packetgen.authoring.framework_file import framework_csv
    from packetgen.loading.framework import load_framework

    click.echo(framework_csv(load_framework(ref, Path.cwd())), nl=False)


@framework_group.command(name="migrate")
@click.argument("evidence", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--to", "framework", metavar="ID-or-PATH",
              help="The framework whose `renamed` to apply (default: the one the file names).")
def framework_migrate(evidence, framework):
    """Rewrite the expectation IDs EVIDENCE cites that the framework renamed, keeping every other
    byte of the file as it was."""
    from packetgen.commands.framework import migrate

    changed = migrate(evidence, framework)
    if not changed:
        click.echo(f"{evidence}: cites no renamed expectation; unchanged", err=True)
        return
    listed = ", ".join(f"{old} → {new}" + (f" ×{n}" if n > 1 else "") for old, new, n in changed)
    click.echo(f"{evidence}: {sum(n for _, _, n in changed)} citations renamed: {listed}", err=True)


@framework_group.command(name="lint")
@click.argument("ref", required=False, metavar="[ID-or-PATH]")
@options.lexicon
def framework_lint(ref, lexicon):
    """Notes on a framework's own wording: personality words, expectations repeated across levels, areas
    with more than 15 expectations. PATH may be a framework file, or a Markdown or CSV ladder."""
    from packetgen.analysis.ladder_lint import lint

    notes = lint(ref, Path.cwd(), lexicon=lexicon)
    for note in notes:
        click.echo(str(note))
    click.echo(f"{len(notes)} note{'s' * (len(notes) != 1)}", err=True)


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
    from packetgen.authoring.adding import add as add_item
    from packetgen.authoring.adding import new_item

    item = new_item(title, on, expectations, links, quotes, description)
    line = add_item(evidence, item)
    click.echo(f"{evidence}:{line}: added “{item.title}” ({item.day})", err=True)


@cli.command()
@click.argument("evidence", type=click.Path(dir_okay=False, exists=True))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="The port on 127.0.0.1 (0: any free one).")
@options.template_dir
@options.target
@options.framework
@options.engine
def preview(evidence, port, template_dir, target, framework, engine):
    """Serve the HTML packet of EVIDENCE on 127.0.0.1; it renders again, and the page reloads,
    whenever the file (or an included file, its framework, a template) changes. The PDF is at
    /packet.pdf (laid out by --engine; Typst's takes a tenth of the time)."""
    import time

    from packetgen.authoring.preview import Preview

    live = Preview(evidence, template_dir=template_dir, framework=framework, target=target, engine=engine)
    url = live.listen(port)
    click.echo(f"preview of {evidence} at {url} (the PDF: {url}packet.pdf; Ctrl-C to stop)", err=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        live.stop()


@cli.command(name="schema")
@click.argument("kind", type=click.Choice(["evidence", "framework", "included"]), default="evidence")
@options.framework
def schema_cmd(kind, framework):
    """Print the JSON Schema of an evidence file (with the framework's levels and expectation IDs),
    of a file named by `include:`, or of a framework file: for an editor's completion and checks."""
    from packetgen.authoring.json_schema import schema_text

    click.echo(schema_text(kind, framework), nl=False)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def locales(fmt):
    """The languages packets can be rendered in (render --locale, or locale: in the file)."""
    from packetgen.report.locales import locale_rows, locale_table

    rows = locale_rows()
    if fmt == "json":
        import json

        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(locale_table(rows))
