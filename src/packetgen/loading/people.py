"""A list of people from a file: one name per line, or a CSV with a `name` column (the roster of
`committee --redact-names`, the members of `committee ballots --members`)."""
from __future__ import annotations

import csv
from pathlib import Path

from packetgen.errors import Diagnostic, InputError, Location


def read_roster(path: Path) -> list[str]:
    """The people a file lists: one name per line (a line starting with # is a comment), or a CSV
    with a `name` column. Errors are located like any input's."""
    from packetgen.loading import yamlio

    text = yamlio.read_text(path)
    lines = text.splitlines()
    if str(path).lower().endswith(".csv") or (lines and "," in lines[0]):
        rows = list(csv.DictReader(lines))
        header = [h.strip().lower() for h in (csv.reader(lines[:1]).__next__() if lines else [])]
        if "name" not in header:
            raise InputError([Diagnostic(Location(str(path), 1, 1), "error",
                                         "a CSV roster needs a 'name' column (one person per row)")])
        column = next(h for h in (rows[0].keys() if rows else []) if h.strip().lower() == "name") if rows else None
        return [row[column].strip() for row in rows if column and (row.get(column) or "").strip()]
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
