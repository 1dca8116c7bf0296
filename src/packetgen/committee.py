"""A calibration cycle: many evidence files, loaded, optionally pseudonymised, matched and
ordered for a committee handout. Rendering lives in renderers/handout.py."""
from __future__ import annotations

import glob
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .anonymize import KeyRow, anonymize_results
from .errors import Diagnostic, InputError, UsageError
from .evidence import Loaded, load_evidence
from .matching import DEFAULT_MIN_EVIDENCE, Result, analyse
from .strength import months_before


@dataclass(frozen=True)
class Invalid:
    label: str  # what the handout may show: the file name, or "File 1" when anonymised
    path: str
    errors: int


@dataclass(frozen=True)
class Cycle:
    results: tuple[Result, ...]  # in handout order
    invalid: tuple[Invalid, ...]
    key: tuple[KeyRow, ...]  # pseudonym -> name, only when anonymised
    anonymized: bool
    diagnostics: tuple[Diagnostic, ...]  # every warning (and, with skip_invalid, error) seen


def expand(inputs: list[str]) -> list[Path]:
    """Files, folders (their *.yaml and *.yml) and glob patterns, in a stable order."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        elif path.exists():
            found.append(path)
        elif any(ch in raw for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"{raw}: the pattern matches no file")
            found.extend(m for m in matches if m.is_file())
        else:
            found.append(path)  # reported as a located "no such file" by the loader
    unique: dict[Path, None] = {}
    for p in found:
        unique.setdefault(p, None)
    if not unique:
        raise UsageError("no evidence files given")
    return list(unique)


def readiness_key(result: Result):
    """Contract section 7: target level (lowest first), then the target level's own strong count,
    then its own met count (both most first), then the name or pseudonym. The cumulative set is
    not used: its lower levels would outweigh the level the case is about."""
    own = result.totals(level=result.target_level)
    level = result.framework.level(result.target_level)
    return (level.rank, -own.strong, -own.met, result.candidate.name)


@dataclass(frozen=True)
class Depth:
    """How deep a case's evidence goes: counting items, and the share of them that state an
    outcome, carry an artifact, hold an independent quote; the share in the period's last
    three months (None without a period)."""

    items: int
    outcome: float
    artifact: float
    independent: float
    last_quarter: float | None

    @classmethod
    def of(cls, result: Result) -> "Depth":
        counting = [s for s in result.item_strength if s.counts]
        n = len(counting)

        def share(signal: str) -> float:
            return sum(getattr(s.signals, signal) for s in counting) / n if n else 0.0

        period = result.evidence.period
        late = None
        if period is not None and n:
            cut = months_before(period.end, 3)
            dates = [result.items[s.id].date for s in counting]
            late = sum(d > cut for d in dates) / n
        return cls(n, share("outcome"), share("artifact"), share("independent"), late)


DEPTH_MEASURES = (("items", "items"), ("outcome", "with an outcome"), ("artifact", "with an artifact"),
                  ("independent", "with an independent quote"))


@dataclass(frozen=True)
class OverviewRow:
    """One candidate in the cycle overview (contract section 7)."""

    result: Result
    depth: Depth
    thin_on: tuple[str, ...]  # depth measures under half the cycle's median: a question for the sponsor


def overview(results) -> tuple[OverviewRow, ...]:
    """The overview's rows, in handout order, each marked where its evidence is under half the
    cycle's median depth."""
    import statistics

    depths = [Depth.of(r) for r in results]
    medians = {name: statistics.median(getattr(d, name) for d in depths) if depths else 0
               for name, _ in DEPTH_MEASURES}
    return tuple(OverviewRow(r, d, tuple(label for name, label in DEPTH_MEASURES
                                         if medians[name] > 0 and getattr(d, name) < medians[name] / 2))
                 for r, d in zip(results, depths))


def prepare(inputs: list[str], *, anonymize_names: bool = False, skip_invalid: bool = False,
            min_evidence: int = DEFAULT_MIN_EVIDENCE, framework: str | None = None,
            today: date | None = None) -> Cycle:
    paths = expand(inputs)
    loaded: list[tuple[Path, Loaded]] = []
    failed: list[tuple[Path, InputError]] = []
    diagnostics: list[Diagnostic] = []
    for path in paths:
        try:
            item = load_evidence(path, framework=framework, today=today)
        except InputError as exc:
            failed.append((path, exc))
            diagnostics.extend(exc.diagnostics)
            continue
        loaded.append((path, item))
        diagnostics.extend(item.diagnostics)
    if failed and not skip_invalid:
        raise InputError(diagnostics)
    if not loaded:
        raise UsageError("none of the evidence files is valid; nothing to put in a handout")

    results = [analyse(item.framework, item.evidence, min_evidence=min_evidence) for _, item in loaded]
    key: list[KeyRow] = []
    if anonymize_names:  # after matching: the judgement is made on the real files
        results, key = anonymize_results(results)
    results.sort(key=readiness_key)
    invalid = []
    for n, (path, exc) in enumerate(failed, start=1):
        label = f"File {n}" if anonymize_names else path.name
        invalid.append(Invalid(label, str(path), len(exc.errors)))
        if anonymize_names:
            key.append(KeyRow(label, "invalid file", "", str(path)))
    return Cycle(tuple(results), tuple(invalid), tuple(key), anonymize_names, tuple(diagnostics))


def write_key(cycle: Cycle, target: Path) -> None:
    """The pseudonym key for HR: pseudonym, kind, name, source file (CSV)."""
    import csv
    import io

    from .output import write_text

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["pseudonym", "kind", "name", "source"])
    for row in cycle.key:
        writer.writerow([row.pseudonym, row.kind, row.name, row.source])
    write_text(target, buffer.getvalue())



