"""What `check` prints after a file's diagnostics: one line with its verdict and counts."""
from __future__ import annotations


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def verdict(checked, *, notes: bool = False) -> str:
    """'me.yaml: ok (0 errors, 1 warning)', with the notes when the writing review ran."""
    counted = f"{_count(checked.errors, 'error')}, {_count(checked.warnings, 'warning')}"
    if notes:
        counted += f", {_count(len(checked.notes), 'note')}"
    return f"{checked.path}: {'invalid' if checked.errors else 'ok'} ({counted})"
