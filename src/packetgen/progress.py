"""The progress bar of a long render (a handout's chapters, a cycle's packets): on stderr when it is a
terminal, nothing otherwise (a pipe or a log gets the final summary only)."""
from __future__ import annotations

import sys


def bar(total: int, enabled: bool = True):
    """A started rich progress bar of `total` steps (advance(0) per step, stop() at the end), or None."""
    if not enabled or not total or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    progress.start()
    progress.add_task("rendering packets", total=total)
    return progress
