"""`committee`: one calibration handout for many candidates, and its pseudonym key, written
together or not at all."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from packetgen.ballots.ballot import Manifest
from packetgen.errors import UsageError
from packetgen.text import fold


def handout(evidence: list[str], output: str | Path, *, format: str | None = None, anonymize: bool = False,
            roster: Path | None = None, hide_role: bool | None = None, key_out: str | Path | None = None,
            skip_invalid: bool = False, title: str | None = None, paper: str = "a4",
            template_dir: Path | None = None, reference_docx: Path | None = None,
            min_evidence: int | None = None, framework: str | None = None,
            on_ready: Callable[[str, str], None] | None = None, on_prepared: Callable | None = None,
            locale: str | None = None, catalogue: Path | None = None, order: str = "name",
            blind: bool = False, mixed_frameworks: bool = False, engine: str = "weasyprint"):
    """Check the options, prepare the cycle (load, pseudonymise, match, order), then write the
    handout and, with `key_out`, the key. `on_ready(format)` runs once the options are sound,
    `on_prepared(cycle)` once the cycle is (to print its warnings before the long render).
    Returns the cycle (committee.cycle.Cycle)."""
    from packetgen.committee.cycle import expand, key_csv, prepare
    from packetgen.committee.handout import FORMATS, render_handout
    from packetgen.output import atomic_paths, check_target
    from packetgen.rendering import check_engine, format_for, template_files

    for option, value in (("--key-out", key_out), ("--redact-names", roster), ("--hide-role", hide_role)):
        if value and not anonymize:
            raise UsageError(f"{option} needs --anonymize (without it there is nothing to hide)")
    hide_role = anonymize if hide_role is None else hide_role  # anonymised, roles go too unless --show-role
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
    check_engine(engine)
    if on_ready is not None:
        on_ready(fmt, engine)
    cycle = prepare(list(evidence), anonymize_names=anonymize, skip_invalid=skip_invalid,
                    min_evidence=min_evidence, framework=framework, roster=roster, hide_role=hide_role,
                    locale=locale, order=order, blind=blind, mixed_frameworks=mixed_frameworks)
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
                       reference_docx=reference_docx, title=title, words=words, engine=engine)
        if key_out:
            temps[1].write_bytes(key_csv(cycle))
    return cycle


@dataclass(frozen=True)
class Written:
    manifest: Manifest
    ballots: tuple[Path, ...]
    cycle: object  # committee.cycle.Cycle


def ballots(evidence: list[str], folder: str | Path, *, members: Path, anonymize: bool = False,
            key_out: str | Path | None = None, framework: str | None = None, locale: str | None = None,
            on_prepared: Callable | None = None, today=None) -> Written:
    """One ballot per member in `folder`, with the manifest (cycle.yaml) and the ballots' JSON
    Schema, all written or none; never over a file already there (a filled ballot would be lost)."""
    import json

    from packetgen.ballots import ballot as B
    from packetgen.committee.cycle import expand, key_csv, prepare
    from packetgen.output import atomic_paths, check_target

    if key_out and not anonymize:
        raise UsageError("--key-out needs --anonymize (without it the ballots name the candidates)")
    people = B.read_members(members)
    folder = Path(folder)
    names = B.member_file_names(people)
    targets = [folder / B.MANIFEST_NAME, folder / B.SCHEMA_NAME, *(folder / n for n in names)]
    there = [t for t in targets if t.exists() or t.is_symlink()]
    if there:
        raise UsageError(f"{there[0]} already exists: ballots are never written over (a filled one would be lost); "
                         "write them into a new folder")
    files = expand(list(evidence))
    if key_out:
        check_target(key_out, (*files, members), option="--key-out")
    cycle = prepare(list(evidence), anonymize_names=anonymize, framework=framework, locale=locale, today=today)
    if on_prepared is not None:
        on_prepared(cycle)
    labels = [r.candidate.name for r in cycle.results]
    for n, r in enumerate(cycle.results):  # two cases under one name (the cycle warned): tell them apart
        if [fold(x) for x in labels].count(fold(labels[n])) > 1 and not anonymize:
            labels[n] = f"{labels[n]} ({Path(r.evidence.path).name})"
    manifest = B.Manifest(cycle.inputs, anonymize, tuple(people), tuple(zip(labels, cycle.digests, strict=True)))
    blobs = [B.manifest_yaml(manifest), (json.dumps(B.ballot_schema(manifest), ensure_ascii=False, indent=2)
                                         + "\n").encode("utf-8"),
             *(B.ballot_yaml(manifest, person) for person in people)]
    if key_out:
        targets.append(Path(key_out))
        blobs.append(key_csv(cycle))
    made = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"-o {folder}: cannot make the folder: {exc.strerror or exc}") from None
    try:
        with atomic_paths(targets, private=(Path(key_out),) if key_out else (), inputs=(*files, members)) as temps:
            for tmp, blob in zip(temps, blobs, strict=True):
                tmp.write_bytes(blob)
    except BaseException:
        if made:  # nothing was written: leave no empty folder either
            folder.rmdir()
        raise
    return Written(manifest, tuple(targets[2:2 + len(people)]), cycle)


def count(folder: str | Path, *, partial: bool = False, seal: bool = False, seal_out: str | Path | None = None):
    """The tally of the ballots in `folder` (committee.tally), the problems found, and, with `seal`,
    the seal written to `seal_out` (never over an existing file) and its SHA-256."""
    from packetgen.ballots.ballot import read_ballots
    from packetgen.ballots.tally import seal_text, tally
    from packetgen.output import check_target, write_bytes
    from packetgen.records.format import sha256

    folder = Path(folder)
    if seal and seal_out is None:
        raise UsageError("--seal needs -o SEAL.txt: the file the seal is written to")
    if seal_out is not None and not seal:
        raise UsageError("-o is where --seal writes the seal; pass --seal too")
    if seal_out is not None:
        check_target(seal_out)
        if Path(seal_out).exists():
            raise UsageError(f"-o {seal_out} already exists: a seal is never replaced (its SHA-256 may have been "
                             "sent already); write the new one to another file")
    manifest, manifest_raw, ballots, diagnostics = read_ballots(folder, partial=partial)
    counted = tally(manifest, ballots)
    digest = None
    if seal_out is not None:
        data = seal_text(manifest_raw, ballots)
        write_bytes(seal_out, data)
        digest = sha256(data)
    return counted, diagnostics, digest
