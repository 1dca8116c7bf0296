"""`check`: validate evidence files and collect everything a writer should see about them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from packetgen.errors import Diagnostic, InputError


@dataclass(frozen=True)
class Checked:
    """One file checked: its diagnostics (errors and warnings, in file order) and, with the
    writing review, its notes."""

    path: str
    diagnostics: tuple[Diagnostic, ...]
    notes: tuple[Diagnostic, ...] = ()

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors

    def failed(self, *, strict: bool = False) -> bool:
        """An error, or with `strict` any warning or note."""
        return self.errors > 0 or (strict and (self.warnings > 0 or len(self.notes) > 0))


def in_order(diagnostics) -> tuple[Diagnostic, ...]:
    """By file, line and column: how every command prints diagnostics."""
    return tuple(sorted(diagnostics, key=lambda d: (d.location.path, d.location.line, d.location.column)))


def case_diagnostics(loaded, result) -> tuple[Diagnostic, ...]:
    """Every warning about a valid case: the loader's, the item flags', the fonts'."""
    from packetgen.analysis.flags import flag_warnings
    from packetgen.rendering.fonts import uncovered

    return loaded.diagnostics + flag_warnings(result) + uncovered(loaded.evidence)


def check_file(path: str | Path, *, framework: str | None = None, lexicon=None) -> Checked:
    """Load, match and judge one file; with a lexicon (analyse.fairness.load_lexicon), also the
    writing review's notes. An invalid file is a Checked with its errors, never an exception."""
    from packetgen.analysis.matching import analyse
    from packetgen.loading.evidence import load_evidence

    try:
        loaded = load_evidence(path, framework=framework)
        result = analyse(loaded.framework, loaded.evidence)
    except InputError as exc:
        return Checked(str(path), exc.diagnostics)
    notes: tuple[Diagnostic, ...] = ()
    if lexicon is not None:
        from packetgen.analysis.fairness import notes_of, review

        notes = notes_of(review(loaded, result, lexicon))
    return Checked(str(path), in_order(case_diagnostics(loaded, result)), notes)


def check(paths, *, framework: str | None = None, fairness: bool = False, lexicon: str | Path | None = None
          ) -> list[Checked]:
    """`packetgen check`: every file checked; the writing review with `fairness` or a lexicon."""
    words = None
    if fairness or lexicon:
        from packetgen.analysis.fairness import load_lexicon

        words = load_lexicon(lexicon)
    return [check_file(path, framework=framework, lexicon=words) for path in paths]
