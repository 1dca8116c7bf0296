"""The calibration committee's command: one handout for many candidates."""
from __future__ import annotations

from pathlib import Path

import click

from packetgen.cli import options
from packetgen.cli.group import about_to_render, cli, print_diagnostics


@cli.command()
@click.argument("evidence", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The handout; the suffix (.pdf, .docx, .html) picks the format.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx", "html"]), help="Override the suffix.")
@click.option("--anonymize", is_flag=True, help="Replace every name by a pseudonym (Candidate A, ...), "
              "pronouns by neutral ones.")
@click.option("--redact-names", "roster", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="With --anonymize: more people to hide (one name per line, or a CSV with a 'name' column).")
@click.option("--hide-role", is_flag=True,
              help="With --anonymize: leave out each candidate's role and their sponsor's.")
@click.option("--key-out", type=click.Path(dir_okay=False),
              help="With --anonymize: write the pseudonym key (CSV, readable by its owner only).")
@click.option("--skip-invalid", is_flag=True,
              help="Leave out invalid files (named in the overview) instead of failing.")
@click.option("--title", help="The handout's title (default: \"Calibration handout\" in its language).")
@options.paper
@options.template_dir
@options.reference_docx
@options.min_evidence
@options.framework
@click.option("--order", type=click.Choice(["name", "strength"]), default="name", show_default=True,
              help="The overview's and chapters' order: by name (or pseudonym), so that the first case discussed "
                   "is not chosen by its strength; or by the target level's strength.")
@click.option("--blind", is_flag=True, help="The first-pass edition, read before the meeting: no recommendation, "
              "sponsor's assessment or self-assessment, and no sponsor named.")
@options.locale
@options.catalogue
def committee(evidence, output, fmt, anonymize, roster, hide_role, key_out, skip_invalid, title, paper,
              template_dir, reference_docx, min_evidence, framework, order, blind, locale, catalogue):
    """One handout for a calibration committee: a cycle overview, then every packet.

    EVIDENCE may be files, folders (their *.yaml) or glob patterns.
    """
    from packetgen.commands.committee import handout

    cycle = handout(list(evidence), output, format=fmt, anonymize=anonymize, roster=roster, hide_role=hide_role,
                    key_out=key_out, skip_invalid=skip_invalid, title=title, paper=paper,
                    template_dir=template_dir, reference_docx=reference_docx, min_evidence=min_evidence,
                    framework=framework, on_ready=about_to_render, on_prepared=_print_prepared, locale=locale,
                    catalogue=catalogue, order=order, blind=blind)
    _print_report(cycle.report)
    count = len(cycle.results)
    click.echo(f"wrote {output}: {count} candidate{'' if count == 1 else 's'}", err=True)


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
