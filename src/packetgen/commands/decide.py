"""`decide`: the committee's decision recorded in a new record, optionally signed."""
from __future__ import annotations

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


def parse_day(value: str, option: str = "--date") -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r}: give a date as YYYY-MM-DD") from None


def decide(record: Path, output: Path, *, outcome: str, by: str, on: date, rationale: Path | None = None,
           replace: bool = False, sign: Path | None = None, sign_password_file: Path | None = None,
           on_ready=None) -> bytes:
    """Write the decided record to `output` (never over `record`) and return its bytes.
    records.decide.RecordNotSound when `record` does not verify."""
    from packetgen.output import check_target, write_bytes
    from packetgen.records.decide import decide as decide_record

    if output.resolve() == record.resolve():
        raise UsageError(f"-o {output}: write the decision record to a new file; {record} is kept as it is")
    check_target(output, (record, rationale, sign, sign_password_file))
    text = read_rationale(rationale) if rationale is not None else ""
    if sign is not None:
        from packetgen.records.signing import check_key

        check_key(sign, sign_password_file)
    if on_ready is not None:
        on_ready()
    data = decide_record(record, outcome=outcome, by=by, on=on, rationale=text.strip(), replace_decision=replace)
    if sign is not None:
        from packetgen.records.signing import sign as sign_record

        data = sign_record(data, sign, sign_password_file)
    write_bytes(output, data, inputs=(record, rationale, sign, sign_password_file))
    return data
