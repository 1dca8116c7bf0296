"""A calibration cycle: many evidence files, loaded, optionally pseudonymised, matched and
ordered for a committee handout. Rendering lives in committee/handout.py."""
from __future__ import annotations

import glob
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packetgen.analysis.matching import analyse
from packetgen.analysis.strength import months_before
from packetgen.committee.names import Report
from packetgen.committee.pseudonyms import KeyRow, anonymize_results
from packetgen.errors import Diagnostic, InputError, Location, UsageError
from packetgen.loading.evidence import load_evidence
from packetgen.loading.people import read_roster
from packetgen.model.evidence import Loaded
from packetgen.model.result import Result
from packetgen.text import fold


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
    report: Report | None = None  # what pseudonymised texts may still give away (stderr only)
    order: str = "name"  # "name" (by name or pseudonym) or "strength" (readiness_key)
    blind: bool = False  # the first-pass edition: the case's voices left out (committee/blind.py)
    digests: tuple[str, ...] = ()  # SHA-256 of each result's evidence file, in handout order
    inputs: str = ""  # SHA-256 of every input together (committee.ballots.inputs_digest): what a ballot names


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
    unique: dict[Path, Path] = {}  # the file itself (a link and its target are one candidate) -> as given
    for p in found:
        unique.setdefault(p.resolve() if p.exists() else p, p)
    if not unique:
        raise UsageError("no evidence files given")
    return list(unique.values())


def readiness_key(result: Result):
    """Contract section 7: target level (lowest first), then the target level's own strong count,
    then its own met count (both most first), then the name or pseudonym. The cumulative set is
    not used: its lower levels would outweigh the level the case is about."""
    own = result.totals(level=result.target_level)
    level = result.framework.level(result.target_level)
    return (level.rank if level else 0, -own.strong, -own.met, result.candidate.name)


ORDERS = ("name", "strength")


def name_order(result: Result, pseudonyms: bool = False):
    """By name, accents and case aside, or by pseudonym ("Candidate B" before "Candidate AA"); the
    readiness key breaks a tie. The first case discussed is not chosen by its strength."""
    name = result.candidate.name
    return (len(name) if pseudonyms else 0, fold(name), readiness_key(result))


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
    def of(cls, result: Result) -> Depth:
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


# the depth measures, in the overview's order (their words: handout-depth-measure-NAME in the catalogue)
DEPTH_MEASURES = ("items", "outcome", "artifact", "independent")


@dataclass(frozen=True)
class OverviewRow:
    """One candidate in the cycle overview (README, Calibration handouts)."""

    result: Result
    depth: Depth
    thin_on: tuple[str, ...]  # names of depth measures under half the cycle's median: a question for the sponsor


def overview(results) -> tuple[OverviewRow, ...]:
    """The overview's rows, in handout order, each marked where its evidence is under half the
    cycle's median depth."""
    import statistics

    depths = [Depth.of(r) for r in results]
    medians = {name: statistics.median(getattr(d, name) for d in depths) if depths else 0
               for name in DEPTH_MEASURES}
    return tuple(OverviewRow(r, d, tuple(name for name in DEPTH_MEASURES
                                         if medians[name] > 0 and getattr(d, name) < medians[name] / 2))
                 for r, d in zip(results, depths, strict=False))


def prepare(inputs: list[str], *, anonymize_names: bool = False, skip_invalid: bool = False,
            min_evidence: int | None = None, framework: str | None = None,
            today: date | None = None, roster: Path | None = None, hide_role: bool = False,
            locale: str | None = None, order: str = "name", blind: bool = False,
            mixed_frameworks: bool = False) -> Cycle:
    """Load, match, optionally pseudonymise (`roster`: more people to hide, `hide_role`: drop
    the candidates' roles) and order a calibration cycle: by name (or pseudonym), or with `order`
    "strength" by readiness_key. Pseudonyms are in the handout's language: `locale`, else the one
    every file names, else English. `blind`: the first-pass edition (committee/blind.py)."""
    if order not in ORDERS:
        raise UsageError(f"--order {order!r}: use {' or '.join(ORDERS)}")
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
    first_of: dict[str, Path] = {}  # one person's case twice (a copy, last cycle's file) is a mistake, mostly
    for path, item in loaded:
        name = fold(item.evidence.candidate.name)
        if name in first_of:
            where = item.positions.get(("candidate", "name"), Location(str(path)))
            diagnostics.append(Diagnostic(where, "warning", f"{item.evidence.candidate.name} is also the candidate of "
                                          f"{first_of[name]}: the handout shows two cases for one name"))
        first_of.setdefault(name, path)

    _one_ladder(loaded, mixed_frameworks, diagnostics)
    results = [analyse(item.framework, item.evidence, min_evidence=min_evidence) for _, item in loaded]
    from packetgen.ballots.ballot import inputs_digest, sha256

    blobs = [(item.evidence.raw, *(inc.raw for inc in item.evidence.includes), item.framework.raw)
             for _, item in loaded]
    evidence_shas = [sha256(b[0]) for b in blobs]  # in `results` order
    key: list[KeyRow] = []
    report = None
    if anonymize_names:  # after matching: the judgement is made on the real files
        from packetgen import catalogue

        named = {item.evidence.locale for _, item in loaded if item.evidence.locale}
        words = catalogue.load(locale or (named.pop() if len(named) == 1 else None))
        people = read_roster(roster) if roster else []
        results, key, report = anonymize_results(results, roster=people, roster_source=str(roster or ""),
                                                 hide_role=hide_role,
                                                 label_of=lambda kind, n: words(f"pseudonym-{kind}", n=n, letter=n))
    if blind:  # after matching and pseudonyms: the judgement is made on the whole file
        from packetgen import catalogue
        from packetgen.committee.blind import blinded

        named = {item.evidence.locale for _, item in loaded if item.evidence.locale}
        label = catalogue.load(locale or (named.pop() if len(named) == 1 else None))("blind-sponsor")
        results = [blinded(r, label) for r in results]
    shas = dict(zip(map(id, results), evidence_shas, strict=True))  # anonymising and blinding keep the order
    results.sort(key=readiness_key if order == "strength" else lambda r: name_order(r, anonymize_names))
    invalid = []
    for n, (path, error) in enumerate(failed, start=1):
        label = _file_label(n, locale, loaded) if anonymize_names else path.name
        invalid.append(Invalid(label, str(path), len(error.errors)))
        if anonymize_names:
            key.append(KeyRow(label, "invalid file", "", str(path)))
    return Cycle(tuple(results), tuple(invalid), tuple(key), anonymize_names, tuple(diagnostics), report, order,
                 blind, tuple(shas[id(r)] for r in results), inputs_digest(blobs))


def _one_ladder(loaded, allowed: bool, diagnostics: list[Diagnostic]) -> None:
    """A cycle is judged against one ladder, known by its content, not its id: a file's own copy of a
    ladder under the built-in id (fewer expectations, softer words) would be ranked against the others
    on other terms. Mixing is an error unless `allowed` (then a warning at each file of the others)."""
    ladders: dict[str, list] = {}
    for path, item in loaded:
        ladders.setdefault(item.framework.digest, []).append((path, item))
    if len(ladders) < 2:
        return
    (_, most), *others = sorted(ladders.items(), key=lambda kv: -len(kv[1]))
    base = most[0][1].framework
    found = []
    for _, group in others:
        for path, item in group:
            fw = item.framework
            where = item.positions.get(("framework",), Location(str(path)))
            found.append(Diagnostic(where, "warning" if allowed else "error",
                                    f"matched against the framework {fw.id!r} ({fw.path or 'built in'}: "
                                    f"{len(fw.expectations)} expectations), not the ladder of the cycle's other files "
                                    f"({base.id!r}, {base.path or 'built in'}: {len(base.expectations)} expectations, "
                                    f"content SHA-256 {base.digest[:12]}…): a committee compares cases on one ladder"
                                    + ("" if allowed else " (pass --mixed-frameworks to hand them out together)")))
    diagnostics.extend(found)
    if not allowed:
        raise InputError(diagnostics)


def _file_label(n: int, locale: str | None, loaded) -> str:
    """"File 2": an invalid file in an anonymised handout, in the handout's language."""
    from packetgen import catalogue

    named = {item.evidence.locale for _, item in loaded if item.evidence.locale}
    return catalogue.load(locale or (named.pop() if len(named) == 1 else None))("pseudonym-file", n=n)


def key_csv(cycle: Cycle) -> bytes:
    """The pseudonym key for HR (pseudonym, kind, name, source file) as CSV. A cell that a
    spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) starts with an
    apostrophe, so a name like =HYPERLINK(...) stays text."""
    import csv
    import io

    def inert(cell: str) -> str:
        return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["pseudonym", "kind", "name", "source"])
    for row in cycle.key:
        writer.writerow([inert(row.pseudonym), inert(row.kind), inert(row.name), inert(row.source)])
    return buffer.getvalue().encode("utf-8")


@dataclass(frozen=True)
class SponsorRow:
    """A sponsor and, in handout order, each of their candidates with the recommendation given
    and the strong count of the levels to demonstrate (of how many): a lenient or a severe sponsor
    shows across the row (README, Calibration handouts)."""

    sponsor: str
    candidates: tuple[tuple[Result, int, int], ...]  # (result, strong, expectations to demonstrate)


def sponsors(results) -> tuple[SponsorRow, ...]:
    """Every sponsor with two or more candidates in the cycle, by first appearance. A sponsor
    with one candidate is left out: their one recommendation is the overview's row already, and
    a row of their own would only repeat it (in an anonymised handout, nothing more is told of
    them than the overview tells)."""
    rows: dict[str, list] = {}
    names: dict[str, str] = {}
    for r in results:
        person = r.evidence.sponsor.partition(",")[0].strip()
        if not person or r.evidence.recommendation is None:
            continue
        names.setdefault(fold(person), person)
        totals = r.demonstrate_totals
        rows.setdefault(fold(person), []).append((r, totals.strong, totals.total))
    return tuple(SponsorRow(names[k], tuple(v)) for k, v in rows.items() if len(v) > 1)
