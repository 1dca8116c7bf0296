"""Where a CSV line's cells start, so an error about a cell points at its column (decisions.csv, a
ladder's sheet): the csv module says what the cells hold, not where they stand."""
from __future__ import annotations


def field_starts(line: str) -> list[int]:
    """The 1-based column where each field of a CSV line starts (quoted commas respected)."""
    starts, quoted = [1], False
    for n, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            starts.append(n + 2)
    return starts


def column(line: str, index: int) -> int:
    """The 1-based column where field `index` of a CSV line starts (1 when the line has fewer)."""
    starts = field_starts(line)
    return starts[index] if index < len(starts) else 1
