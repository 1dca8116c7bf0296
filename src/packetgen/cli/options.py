"""Options several commands share, declared once."""
from __future__ import annotations

from pathlib import Path

import click

from packetgen.model.result import DEFAULT_MIN_EVIDENCE


def min_evidence(f):
    return click.option("--min-evidence", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Counting items every expectation needs to be met (default: the expectation's own, "
                             f"else the framework's policy, else {DEFAULT_MIN_EVIDENCE}).")(f)


def target(f):
    return click.option("--target", metavar="LEVEL", help="Match against this level instead of the "
                        "file's target_level.")(f)


def framework(f):
    return click.option("--framework", "framework", metavar="ID-or-PATH",
                        help="Use this framework instead of the one the evidence file names.")(f)


def lexicon(f):
    return click.option("--lexicon", type=click.Path(dir_okay=False), metavar="FILE",
                        help="Word lists for the writing review, replacing packetgen's rule by rule "
                             "(see packetgen's data/fairness.yaml).")(f)


def locale(f):
    return click.option("--locale", metavar="TAG",
                        help="The packet's language and formats (packetgen locales lists them; default: the "
                             "file's locale:, else en).")(f)


def catalogue(f):
    return click.option("--catalogue", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                        help="A Fluent file of your own wording over the locale's (or every message, for "
                             "another language); see locales/en.ftl.")(f)


def paper(f):
    return click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)(f)


def template_dir(f):
    return click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path, resolve_path=True),
                        help="Folder of templates that override the built-in ones (PDF/HTML).")(f)


def reference_docx(f):
    return click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path),
                        help="A .docx whose styles and page setup the DOCX packet uses.")(f)


def sign(help: str):
    def decorate(f):
        f = click.option("--sign-password-file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
                         help="The key's password, on the first line of FILE.")(f)
        return click.option("--sign", type=click.Path(dir_okay=False, path_type=Path), metavar="KEY.p12",
                            help=help)(f)
    return decorate


def engine(f):
    return click.option("--engine", type=click.Choice(["weasyprint", "typst"]), default="weasyprint",
                        show_default=True, help="What lays a PDF out: WeasyPrint (CSS, templates/packet.css) or "
                        "Typst (about ten times faster; templates/packet.typ).")(f)
