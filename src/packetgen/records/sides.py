"""Opening what `diff` compares: an evidence file, or an archival record read through the sources
it embeds (never its page text), each matched against the newer case's target level."""
from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

from packetgen.analysis.diff import EVIDENCE, RECORD, Diff, Side, compare
from packetgen.analysis.matching import analyse
from packetgen.errors import UsageError


def _name(text: str) -> str:
    folded = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def open_side(path: str | Path, *, target: str | None = None, min_evidence: int | None = None,
              today: date | None = None) -> Side:
    """Load and match one side: an archival record through its embedded sources, or an
    evidence file. `target` is NEW's target level (None: the side's own)."""
    loaded, kind, generated, recorded = _load(path, today)
    if target is not None and loaded.framework.level(target) is None:
        raise UsageError(f"{path}: its framework has no level {target!r}, the level the newer case aims at; "
                         "compare cases against the same framework")
    result = analyse(loaded.framework, loaded.evidence, target=target,
                     min_evidence=min_evidence or recorded)
    return Side(str(path), kind, result, generated)


def _load(path: str | Path, today: date | None):
    """(evidence.Loaded, kind, the record's date, the record's min_evidence)."""
    from packetgen.loading.evidence import load_evidence

    path = Path(path)
    try:
        with open(path, "rb") as handle:
            is_pdf = handle.read(5) == b"%PDF-"
    except OSError:
        is_pdf = False  # the evidence loader says what is wrong, located
    if not is_pdf:
        return load_evidence(path, today=today), EVIDENCE, None, None
    from packetgen.records.read import read
    from packetgen.records.sources import load_sources

    sources = read(path).sources()
    return load_sources(sources), RECORD, sources.generated.date(), sources.override


def diff(old_path: str | Path, new_path: str | Path, *, force: bool = False,
         min_evidence: int | None = None, today: date | None = None) -> Diff:
    """Compare two cases; UsageError when they are of different candidates (unless `force`),
    matched against different frameworks (by id), or when OLD's framework has no level NEW aims at."""
    new = open_side(new_path, min_evidence=min_evidence, today=today)
    target = new.result.target_level
    old = open_side(old_path, target=target, min_evidence=min_evidence, today=today)
    before, after = old.result.framework, new.result.framework
    if before.id != after.id:  # the same IDs would name different expectations
        raise UsageError(f"{old_path} is matched against the framework {before.id!r}, {new_path} "
                         f"against {after.id!r}: compare cases against the same framework")
    if before.digest != after.digest and before.version == after.version:
        # one id, other content, and nothing says it is a newer version: the same ID may mean another thing
        raise UsageError(f"{old_path} and {new_path} are matched against two different ladders under one id "
                         f"({before.id!r}: {before.path or 'built in'}, {after.path or 'built in'}); a ladder that "
                         "changed says so with a new `version:` (and `renamed:` for moved expectations)")
    a, b = old.result.candidate.name, new.result.candidate.name
    if _name(a) != _name(b) and not force:
        raise UsageError(f"{old_path} is {a}'s case, {new_path} is {b}'s: diff compares two cycles of one "
                         "candidate (pass --force to compare anyway)")
    return compare(old, new)
