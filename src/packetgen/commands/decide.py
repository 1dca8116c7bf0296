"""`decide`: the committee's decision recorded in a new record, optionally signed."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packetgen.errors import UsageError


def read_rationale(path: Path) -> str:
    """A rationale file's text: UTF-8, at most RATIONALE_LIMIT bytes (never read further: it may be
    a device)."""
    from packetgen.records.format import RATIONALE_LIMIT

    try:
        with open(path, "rb") as handle:
            raw = handle.read(RATIONALE_LIMIT + 1)
        if len(raw) > RATIONALE_LIMIT:
            raise UsageError(f"--rationale {path}: at most {RATIONALE_LIMIT // 1024} KB")
        return raw.decode("utf-8")
    except OSError as exc:
        raise UsageError(f"--rationale {path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"--rationale {path}: not UTF-8 text") from None


def font_warnings(by: str, rationale: str = "") -> list[str]:
    """What the decision page would draw as empty boxes (no installed font covers it), as `render` warns."""
    from packetgen.rendering.fonts import missing_glyphs

    said = [missing_glyphs(label, text) for label, text in (("--by", by), ("--rationale", rationale)) if text]
    return [s[0].replace("would print", "would print on the decision page") for s in said if s]


def parse_day(value: str, option: str = "--date") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: give a date as YYYY-MM-DD") from None


def _ballot_options(ballots: Path | None, seal: Path | None) -> tuple[Path, Path] | None:
    if (ballots is None) != (seal is None):
        raise UsageError("--ballots and --seal go together: the folder of ballots and the seal written before the "
                         "meeting (`packetgen committee tally DIR --seal -o SEAL.txt`)")
    return (ballots, seal) if ballots is not None and seal is not None else None


def decide(record: Path, output: Path, *, outcome: str, by: str, on: date, rationale: Path | None = None,
           replace: bool = False, sign: Path | None = None, sign_password_file: Path | None = None,
           on_ready=None, ballots: Path | None = None, seal: Path | None = None, engine: str | None = None) -> bytes:
    """Write the decided record to `output` (never over `record`) and return its bytes; with
    `ballots` and `seal`, the committee's sealed ballots and their tally embedded.
    records.decide.RecordNotSound when `record` does not verify."""
    from packetgen.output import check_target, write_bytes
    from packetgen.records.decide import decide as decide_record

    box = _ballot_options(ballots, seal)
    if output.resolve() == record.resolve():
        raise UsageError(f"-o {output}: write the decision record to a new file; {record} is kept as it is")
    check_target(output, (record, rationale, sign, sign_password_file, seal))
    text = read_rationale(rationale) if rationale is not None else ""
    if sign is not None:
        from packetgen.records.signing import check_key

        check_key(sign, sign_password_file)
    if on_ready is not None:
        on_ready()
    data = decide_record(record, outcome=outcome, by=by, on=on, rationale=text.strip(), replace_decision=replace,
                         ballots=box, engine=engine)
    if sign is not None:
        from packetgen.records.signing import sign as sign_record

        data = sign_record(data, sign, sign_password_file)
    write_bytes(output, data, inputs=(record, rationale, sign, sign_password_file))
    return data


# --- many decisions at once: decide --from decisions.csv -----------------------------------------

COLUMNS = ("record", "outcome", "by", "date", "rationale")


@dataclass(frozen=True)
class Row:
    line: int
    columns: dict[str, int]  # column name -> 1-based character column where its field starts
    record: Path
    outcome: str
    by: str
    on: date
    rationale: Path | None


def read_decisions(path: Path) -> list[Row]:
    """decisions.csv: a header naming record, outcome, by, date and rationale (the rationale column,
    "rationale file" too, may be absent or empty), then one row per record. Paths are relative to
    the CSV's folder. Every problem is located (`decisions.csv:LINE:COL`); any problem refuses all."""
    import csv

    from packetgen.errors import Diagnostic, InputError, Location
    from packetgen.loading import yamlio

    shown = str(path)
    text = yamlio.decode(yamlio.read_bytes(path, shown, limit=4 * 1024 * 1024), shown).lstrip("\ufeff")
    lines = text.splitlines()
    problems: list[Diagnostic] = []
    if not lines:
        raise InputError([Diagnostic(Location(shown, 1, 1), "error", "empty: a header (record,outcome,by,date,"
                                                                      "rationale) and one row per record")])
    header = [h.strip().lower().replace("_", " ").removesuffix(" file") for h in next(csv.reader(lines[:1]))]
    at = {name: n for n, name in enumerate(header)}
    missing = [c for c in COLUMNS[:4] if c not in at]
    unknown = [h for h in header if h not in COLUMNS]
    if missing or unknown:
        what = (f"missing column{'s' * (len(missing) > 1)} {', '.join(missing)}" if missing else
                f"unknown column {unknown[0]!r}")
        raise InputError([Diagnostic(Location(shown, 1, 1), "error", f"{what}: the header names record, outcome, "
                                                                     "by, date and (optionally) rationale")])
    rows: list[Row] = []
    seen: dict[Path, int] = {}
    for number, cells in enumerate(csv.reader(lines[1:]), start=2):
        if any(c.strip() for c in cells):
            row = _row(path, number, lines[number - 1], cells, header, problems, seen)
            if row is not None:
                rows.append(row)
    if not rows and not problems:
        problems.append(Diagnostic(Location(shown, 1, 1), "error", "no decision in it: one row per record"))
    if problems:
        raise InputError(problems)
    return rows


def _row(table: Path, number: int, line: str, cells: list[str], header: list[str], problems: list, seen: dict
         ) -> Row | None:
    """One row of decisions.csv; its problems appended to `problems`, located at their field."""
    from packetgen.errors import Diagnostic, Location
    from packetgen.records.format import NAME_LIMIT, OUTCOMES

    base = table.parent
    from packetgen.loading.sheets import field_starts

    starts = field_starts(line)
    columns = {name: starts[i] if i < len(starts) else 1 for i, name in enumerate(header)}
    value = {name: cells[i].strip() if i < len(cells) else "" for i, name in enumerate(header)}
    found: list[tuple[str, str]] = []  # (column, message)
    if len(cells) > len(header):
        problems.append(Diagnostic(Location(str(table), number, starts[len(header)] if len(header) < len(starts)
                                            else 1), "error", f"{len(cells)} fields; the header names {len(header)}"))
        return None
    record = base / value["record"] if value["record"] else None
    if record is None or not record.is_file():
        found.append(("record", f"record {value['record']!r}: no such file" +
                      (f" (paths are relative to {base})" if value["record"] else "")))
    elif record.resolve() in seen:
        found.append(("record", f"{value['record']} is decided twice (also on line {seen[record.resolve()]})"))
    else:
        seen[record.resolve()] = number
    if value["outcome"] not in OUTCOMES:
        found.append(("outcome", f"outcome {value['outcome']!r}: use one of {', '.join(OUTCOMES)}"))
    by = " ".join(value["by"].split())
    if not by or len(by) > NAME_LIMIT:
        found.append(("by", f"by: who decided (1 to {NAME_LIMIT} characters)"))
    try:
        on = date.fromisoformat(value["date"])
    except ValueError:
        found.append(("date", f"date {value['date']!r}: give a date as YYYY-MM-DD"))
        on = date.min
    rationale = base / value["rationale"] if value.get("rationale") else None
    if rationale is not None and not rationale.is_file():
        found.append(("rationale", f"rationale {value['rationale']!r}: no such file"))
    problems.extend(Diagnostic(Location(str(table), number, columns[name]), "error", message)
                    for name, message in found)
    return Row(number, columns, record, value["outcome"], by, on, rationale) if record is not None else None


def decide_many(table: Path, folder: Path, *, replace: bool = False, sign: Path | None = None,
                sign_password_file: Path | None = None, ballots: Path | None = None, seal: Path | None = None,
                on_ready=None, on_each=None, engine: str | None = None) -> list[Path]:
    """One decided record per row of `table`, each written to `folder` under its record's name, all
    or none: every row is checked, every record decided in memory, then all are written together.
    A row whose record does not verify, or that a record refuses (a date before the packet's), is a
    located error. Returns the paths written."""
    from packetgen.errors import Diagnostic, InputError, Location, PacketgenError
    from packetgen.output import atomic_paths
    from packetgen.records.decide import decide as decide_record

    box = _ballot_options(ballots, seal)
    rows = read_decisions(table)
    targets = [folder / row.record.name for row in rows]
    names: dict[str, int] = {}
    problems = []
    for row, target in zip(rows, targets, strict=True):
        if target.name in names:
            problems.append(Diagnostic(Location(str(table), row.line, row.columns["record"]), "error",
                                       f"{target.name} is also the name of line {names[target.name]}'s record; each "
                                       f"is written to {folder} under its own name"))
        names.setdefault(target.name, row.line)
        if target.exists() or target.is_symlink():
            problems.append(Diagnostic(Location(str(table), row.line, row.columns["record"]), "error",
                                       f"{target} already exists; write the decided records into a new folder "
                                       "(never over a record)"))
    if problems:
        raise InputError(problems)
    texts = {row.line: read_rationale(row.rationale).strip() if row.rationale else "" for row in rows}
    if sign is not None:
        from packetgen.records.signing import check_key

        check_key(sign, sign_password_file)
    if on_ready is not None:
        on_ready()
    made: list[bytes] = []
    for row in rows:
        if on_each is not None:
            on_each(row)
        try:
            data = decide_record(row.record, outcome=row.outcome, by=row.by, on=row.on, rationale=texts[row.line],
                                 replace_decision=replace, ballots=box, engine=engine)
        except PacketgenError as exc:
            raise InputError([Diagnostic(Location(str(table), row.line, row.columns["record"]), "error",
                                         f"{row.record.name}: {exc}; nothing was written")]) from None
        if sign is not None:
            from packetgen.records.signing import sign as sign_record

            data = sign_record(data, sign, sign_password_file)
        made.append(data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"-o {folder}: cannot make the folder: {exc.strerror or exc}") from None
    inputs = (table, sign, sign_password_file, seal, *(r.record for r in rows), *(r.rationale for r in rows))
    with atomic_paths(targets, inputs=inputs) as temps:
        for tmp, data in zip(temps, made, strict=True):
            tmp.write_bytes(data)
    return targets
