"""The command line: a thin layer over the library. The only package that imports click.

Each command (cli/case.py, cli/committee.py, cli/records.py) declares its options and calls a
library function in a few lines; every library import is inside the command that needs it, so
`check` and `gaps` never import WeasyPrint or python-docx. cli/group.py turns packetgen's errors
into located messages and exit codes.
"""
from __future__ import annotations

import sys

from packetgen.cli import case, committee, records  # noqa: F401 - registers their commands
from packetgen.cli.group import cli, rendering_process
from packetgen.errors import Terminated

__all__ = ["cli", "main", "rendering_process"]

_rendering_process = rendering_process  # the name benches and tests have used


def _on_signal(signum, frame):
    raise Terminated(signum)


def main() -> None:
    import signal

    # SIGTERM and SIGHUP unwind like SIGINT, so a half-written output is removed
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _on_signal)
    for stream in (sys.stdout, sys.stderr):  # an ASCII or Latin-1 terminal gets \u2192 for →, not a crash
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    cli(prog_name="packetgen")
