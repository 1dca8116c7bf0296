"""Error and diagnostic types shared by every stage. Imports nothing of packetgen's."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in an input file; line and column are 1-based, as editors show them."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning about an input file, printed as `path:LINE:COL: severity: message`."""

    location: Location
    severity: str  # "error" or "warning"
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class PacketgenError(Exception):
    """Base class for every error packetgen reports to a user (exit code 2)."""


class InputError(PacketgenError):
    """An input file is invalid. Carries every diagnostic found, errors and warnings."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)


class UsageError(PacketgenError):
    """A command-line option or argument is wrong (unknown level, bad output suffix...)."""


class RenderError(PacketgenError):
    """A packet could not be rendered (a broken template, an unwritable output...)."""


class Terminated(BaseException):
    """A terminating signal (SIGTERM, SIGHUP) arrived: unwind like Ctrl-C, so that every
    `finally` runs and no temporary file is left behind. Not an Exception: nothing swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
