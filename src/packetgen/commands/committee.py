"""`committee`: one calibration handout for many candidates, and its pseudonym key, written
together or not at all."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from packetgen.errors import UsageError


def handout(evidence: list[str], output: str | Path, *, format: str | None = None, anonymize: bool = False,
            roster: Path | None = None, hide_role: bool = False, key_out: str | Path | None = None,
            skip_invalid: bool = False, title: str | None = None, paper: str = "a4",
            template_dir: Path | None = None, reference_docx: Path | None = None,
            min_evidence: int | None = None, framework: str | None = None,
            on_ready: Callable[[str], None] | None = None, on_prepared: Callable | None = None,
            locale: str | None = None, catalogue: Path | None = None, order: str = "name",
            blind: bool = False):
    """Check the options, prepare the cycle (load, pseudonymise, match, order), then write the
    handout and, with `key_out`, the key. `on_ready(format)` runs once the options are sound,
    `on_prepared(cycle)` once the cycle is (to print its warnings before the long render).
    Returns the cycle (committee.cycle.Cycle)."""
    from packetgen.committee.cycle import expand, key_csv, prepare
    from packetgen.committee.handout import FORMATS, render_handout
    from packetgen.output import atomic_paths, check_target
    from packetgen.rendering import format_for, template_files

    for option, value in (("--key-out", key_out), ("--redact-names", roster), ("--hide-role", hide_role)):
        if value and not anonymize:
            raise UsageError(f"{option} needs --anonymize (without it there is nothing to hide)")
    if key_out and Path(key_out).resolve() == Path(output).resolve():
        raise UsageError("--key-out and -o name the same file; the key must be kept apart from the handout")
    fmt = format_for(Path(output), format, FORMATS)
    files = expand(list(evidence))
    for option, path in (("-o", output), ("--key-out", key_out)):
        if path:  # before any work: a handout of fifty candidates takes minutes
            check_target(path, (*files, roster, reference_docx), option=option)
    if locale or catalogue:
        from packetgen import catalogue as catalogues

        catalogues.load(locale, catalogue)  # an unknown locale or a broken catalogue: before any work
    if on_ready is not None:
        on_ready(fmt)
    cycle = prepare(list(evidence), anonymize_names=anonymize, skip_invalid=skip_invalid,
                    min_evidence=min_evidence, framework=framework, roster=roster, hide_role=hide_role,
                    locale=locale, order=order, blind=blind)
    words = None
    if locale or catalogue:
        from packetgen import catalogue as catalogues
        from packetgen.committee.handout import handout_words

        words = catalogues.load(locale or handout_words(cycle).locale, catalogue)
    if on_prepared is not None:
        on_prepared(cycle)
    targets = [Path(output)] + ([Path(key_out)] if key_out else [])
    inputs = (*files, *(r.framework.path for r in cycle.results), roster, reference_docx, catalogue,
              *template_files(template_dir))
    # the handout and its key replace their files together, or neither does: a failed run must
    # not leave an old handout beside a new key that maps its pseudonyms to other people
    with atomic_paths(targets, private=tuple(targets[1:]), inputs=inputs) as temps:
        render_handout(cycle, temps[0], format=fmt, paper=paper, template_dir=template_dir,
                       reference_docx=reference_docx, title=title, words=words)
        if key_out:
            temps[1].write_bytes(key_csv(cycle))
    return cycle
