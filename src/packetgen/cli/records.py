"""Commands across cycles: verify, decide and extract records; diff two cases."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from packetgen.cli import options
from packetgen.cli.case import print_digest
from packetgen.cli.group import cli, rendering_process
from packetgen.model.result import DEFAULT_MIN_EVIDENCE


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
    from packetgen.records.verify import verify as verify_record

    verdict = verify_record(packet, trust=list(trust), expect=expect)
    for check in verdict.checks:
        mark = {True: "ok  ", False: "FAIL", None: "note"}[check.ok]
        click.echo(f"{mark}  {check.name}: {check.detail}")
    code = verdict.code
    click.echo(f"{packet}: " + {0: "verified", 1: "NOT verified: altered or failing a check",
                                 2: "cannot be verified here"}[code])
    sys.exit(code)


@cli.command()
@click.argument("record", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--outcome", type=click.Choice(["promoted", "not-yet", "deferred"]))
@click.option("--by", "by", metavar="NAME", help="Who decided (a person or a committee).")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="When it was decided.")
@click.option("--rationale", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Why, in a UTF-8 text or Markdown file (printed on the decision page).")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The new record (never RECORD itself); with --from, a folder for the decided records.")
@click.option("--replace", is_flag=True, help="RECORD already holds a decision: record this one instead.")
@click.option("--from", "table", type=click.Path(dir_okay=False, path_type=Path), metavar="decisions.csv",
              help="Many decisions at once: columns record, outcome, by, date, rationale (paths relative to the "
                   "CSV); every record decided, or none.")
@click.option("--ballots", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Embed the committee's ballots from before the meeting (with --seal).")
@click.option("--seal", type=click.Path(dir_okay=False, path_type=Path), metavar="SEAL.txt",
              help="The seal `committee tally DIR --seal` wrote before the meeting.")
@options.sign("Sign the new record with this PKCS#12 key and certificate.")
@click.option("--engine", type=click.Choice(["weasyprint", "typst"]), default=None,
              help="Lay the decided record out with this engine (default: the one that laid out RECORD).")
def decide(record, outcome, by, on, rationale, output, replace, table, ballots, seal, sign, sign_password_file,
           engine):
    """Record the committee's decision on an archival RECORD: a new record with a final
    "Decision" page and decision.json embedded (with --ballots and --seal, the sealed ballots and
    their tally too). Prints its SHA-256. `--from decisions.csv -o DIR`: one per row."""
    from packetgen.commands.decide import decide as decide_file
    from packetgen.commands.decide import decide_many, parse_day
    from packetgen.errors import UsageError

    if table is not None:
        given = [name for name, value in (("RECORD", record), ("--outcome", outcome), ("--by", by), ("--date", on),
                                          ("--rationale", rationale)) if value]
        if given:
            raise UsageError(f"{given[0]} comes from decisions.csv with --from; give it in the CSV's row")
        written = decide_many(table, output, replace=replace, sign=sign, sign_password_file=sign_password_file,
                              ballots=ballots, seal=seal, on_ready=rendering_process, engine=engine,
                              on_each=lambda row: click.echo(f"deciding {row.record.name} (line {row.line})", err=True))
        click.echo(f"wrote {len(written)} decided records into {output}/", err=True)
        for path in written:
            print_digest(path)
        return
    missing = [name for name, value in (("RECORD", record), ("--outcome", outcome), ("--by", by), ("--date", on))
               if not value]
    if missing:
        raise UsageError(f"decide needs {', '.join(missing)} (or --from decisions.csv for many records)")
    day = parse_day(on)
    from packetgen.commands.decide import font_warnings

    for warning in font_warnings(by):
        click.echo(f"packetgen: warning: {warning}", err=True)
    decide_file(record, output, outcome=outcome, by=by, on=day, rationale=rationale, replace=replace, sign=sign,
                sign_password_file=sign_password_file, on_ready=rendering_process, ballots=ballots, seal=seal,
                engine=engine)
    click.echo(f"wrote {output}: {outcome}, decided by {' '.join(by.split())} on {day}", err=True)
    print_digest(output)


@cli.command()
@click.argument("packet", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write evidence.yaml, framework.yaml, packetgen-record.json (and decision.json) into.")
@click.option("--force", is_flag=True, help="Replace files of those names already in the folder.")
def extract(packet, folder, force):
    """Get the embedded evidence, framework and decision back from an archival PDF."""
    from packetgen.records.read import extract as extract_files

    for path in extract_files(packet, folder, force=force):
        click.echo(str(path))


@cli.command(name="diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True)
@click.option("--all", "everything", is_flag=True, help="List every expectation, not only those that changed.")
@click.option("--force", is_flag=True, help="Compare the cases of two different candidates.")
@click.option("--min-evidence", type=click.IntRange(min=1), default=None,
              help="Counting items an expectation needs to be met (default: a record's own, else the "
                   f"expectation's, else the framework's policy, else {DEFAULT_MIN_EVIDENCE}).")
def diff_cmd(old, new, fmt, everything, force, min_evidence):
    """What changed between two cycles of a case: OLD and NEW are evidence files or archival
    records (read through their embedded sources), both matched against NEW's target level."""
    from packetgen.records.sides import diff
    from packetgen.report.diff import print_table, to_json, to_markdown

    result = diff(old, new, force=force, min_evidence=min_evidence)
    if fmt == "json":
        import json

        click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=2))
    elif fmt == "md":
        click.echo(to_markdown(result, everything=everything))
    else:
        from rich.console import Console

        print_table(result, Console(highlight=False), everything=everything)
