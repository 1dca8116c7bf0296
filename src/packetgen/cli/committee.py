"""The calibration committee's commands: the handout (`committee EVIDENCE... -o OUT`, the group's
default), ballots before the meeting, their tally and seal."""
from __future__ import annotations

from pathlib import Path

import click
from click_default_group import DefaultGroup

from packetgen.cli import options
from packetgen.cli.group import about_to_render, cli, print_diagnostics


@cli.group(cls=DefaultGroup, default="handout")
def committee():
    """A calibration cycle: the handout (the default: `committee EVIDENCE... -o OUT`), ballots for
    each member before the meeting, and their tally and seal.

    The handout's options: `packetgen committee handout --help`.
    """


@committee.command(name="handout")
@click.argument("evidence", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The handout; the suffix (.pdf, .docx, .html) picks the format.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), help="Override the suffix.")
@click.option("--anonymize", is_flag=True, help="Replace every name by a pseudonym (Candidate A, ...), "
              "pronouns by neutral ones.")
@click.option("--redact-names", "roster", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="With --anonymize: more people to hide (one name per line, or a CSV with a 'name' column).")
@click.option("--hide-role/--show-role", default=None,
              help="With --anonymize, roles and titles (the candidate's, their sponsor's, each quoted colleague's) "
                   "are left out unless --show-role: they are the most identifying words left.")
@click.option("--key-out", type=click.Path(dir_okay=False),
              help="With --anonymize: write the pseudonym key (CSV, readable by its owner only).")
@click.option("--skip-invalid", is_flag=True,
              help="Leave out invalid files (named in the overview) instead of failing.")
@click.option("--title", help="The handout's title (default: \"Calibration handout\" in its language).")
@options.paper
@options.engine
@options.template_dir
@options.reference_docx
@options.min_evidence
@options.framework
@click.option("--order", type=click.Choice(["name", "strength"]), default="name", show_default=True,
              help="The overview's and chapters' order: by name (or pseudonym), so that the first case discussed "
                   "is not chosen by its strength; or by the target level's strength.")
@click.option("--blind", is_flag=True, help="The first-pass edition, read before the meeting: no recommendation, "
              "sponsor's assessment or self-assessment, and no sponsor named.")
@click.option("--mixed-frameworks", is_flag=True, help="Hand out cases matched against different ladders together "
              "(each file's is named in a warning); by default a cycle is judged on one ladder.")
@options.locale
@options.catalogue
def handout(evidence, output, fmt, anonymize, roster, hide_role, key_out, skip_invalid, title, paper, engine,
            template_dir, reference_docx, min_evidence, framework, order, blind, mixed_frameworks, locale, catalogue):
    """One handout for a calibration committee: a cycle overview, then every packet.

    EVIDENCE may be files, folders (their *.yaml) or glob patterns.
    """
    from packetgen.commands.committee import handout as write_handout

    cycle = write_handout(list(evidence), output, format=fmt, anonymize=anonymize, roster=roster, hide_role=hide_role,
                    key_out=key_out, skip_invalid=skip_invalid, title=title, paper=paper,
                    template_dir=template_dir, reference_docx=reference_docx, min_evidence=min_evidence,
                    framework=framework, on_ready=about_to_render, on_prepared=_print_prepared, locale=locale,
                    catalogue=catalogue, order=order, blind=blind, mixed_frameworks=mixed_frameworks,
                    engine=engine)
    _print_report(cycle.report)
    count = len(cycle.results)
    click.echo(f"wrote {output}: {count} candidate{'' if count == 1 else 's'} (inputs sha256 {cycle.inputs}, as the "
               "ballots of these files name them)", err=True)


def _print_prepared(cycle) -> None:
    print_diagnostics(cycle.diagnostics)
    for bad in cycle.invalid:
        click.echo(f"packetgen: warning: {bad.path} left out ({bad.errors} errors)", err=True)


def _print_report(report) -> None:
    """What the pseudonymised handout may still give away: on stderr, never in the handout."""
    if report is None:
        return
    if report.given_names:
        counted = sorted(report.given_names.items(), key=lambda x: (-x[1], x[0]))
        listed = ", ".join(f"{word} ×{n}" for word, n in counted)
        click.echo("packetgen: warning: the anonymised handout still holds words that are given names; if they are "
                   f"people, add them to --redact-names FILE: {listed}", err=True)
    if report.undecided:
        listed = ", ".join(f"“{words}” ×{n}" for words, n in sorted(report.undecided.items()))
        click.echo("packetgen: warning: a name that is also a word was kept as a word where it starts a sentence "
                   f"before a verb; check these: {listed}", err=True)


@committee.command()
@click.argument("evidence", nargs=-1, required=True)
@click.option("--members", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="The committee: one name per line, or a CSV with a 'name' column.")
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              metavar="DIR", help="A new folder (or one without ballots): one ballot per member, cycle.yaml and "
                                  "the ballots' JSON Schema.")
@click.option("--anonymize", is_flag=True,
              help="Candidates by pseudonym, as in an anonymised handout of the same files.")
@click.option("--key-out", type=click.Path(dir_okay=False), help="With --anonymize: write the pseudonym key (CSV).")
@options.framework
@options.locale
def ballots(evidence, members, folder, anonymize, key_out, framework, locale):
    """One ballot per committee member, to fill in before the meeting (YAML: a vote and a why for
    each candidate). Make them from the same EVIDENCE and options as the handout."""
    from packetgen.commands.committee import ballots as write_ballots

    written = write_ballots(list(evidence), folder, members=members, anonymize=anonymize, key_out=key_out,
                            framework=framework, locale=locale, on_prepared=_print_prepared)
    click.echo(f"wrote {len(written.ballots)} ballots for {len(written.manifest.labels)} candidates into {folder}/ "
               f"(inputs sha256 {written.manifest.inputs})", err=True)


@committee.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), metavar="DIR")
@click.option("--partial", is_flag=True, help="Tally the sound ballots and leave out those refused (each still "
                                              "listed on stderr).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True)
@click.option("--seal", is_flag=True, help="Before the meeting: write the SHA-256 of every ballot to -o SEAL.txt.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), metavar="SEAL.txt",
              help="With --seal: the seal (a new file, never replaced).")
def tally(folder, partial, fmt, seal, output):
    """Count the filled ballots in DIR: per candidate the votes, the agreement, the questions and
    who did not vote; the agenda, most divided first."""
    from packetgen.commands.committee import count
    from packetgen.report import tally as report

    counted, diagnostics, sealed = count(folder, partial=partial, seal_out=output if seal else None,
                                         seal=seal)
    print_diagnostics(diagnostics)
    if fmt == "json":
        click.echo(report.json_text(counted), nl=False)
    elif fmt == "md":
        click.echo(report.to_markdown(counted), nl=False)
    else:
        from rich.console import Console

        report.print_table(counted, Console(highlight=False))
    if sealed is not None:
        click.echo(f"sealed cycle.yaml and {len(counted.ballots)} ballots in {output} (SHA-256 {sealed}); send this "
                   "SHA-256 to the committee now, before the meeting", err=True)
