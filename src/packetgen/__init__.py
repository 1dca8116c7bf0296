"""packetgen: evidence file (YAML) -> matching against a career framework -> promotion packet.

The library API the command line wraps; it imports no rendering library until a packet
is rendered:

    loaded = packetgen.load("evidence.yaml")
    result = packetgen.analyse(loaded, min_evidence=2)
    packetgen.render(result, "packet.pdf")
    for checked in packetgen.check(["a.yaml", "b.yaml"], fairness=True): ...

The stages live in sub-packages (ARCHITECTURE.md): load/ -> analyse/ -> render/, with the
result model (model/) in the middle; committee/, records/ and authoring/ build on them.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from packetgen.commands.check import Checked, check
from packetgen.errors import Diagnostic, InputError, PacketgenError, RenderError, UsageError
from packetgen.loading.evidence import load_evidence
from packetgen.loading.framework import load_framework
from packetgen.model.evidence import Loaded
from packetgen.model.result import Result
from packetgen.version import __version__

__all__ = [
    "Checked",
    "Diagnostic",
    "InputError",
    "Loaded",
    "PacketgenError",
    "RenderError",
    "Result",
    "UsageError",
    "__version__",
    "analyse",
    "check",
    "load",
    "load_framework",
    "render",
]


def load(path: str | Path, *, framework: str | None = None, target: str | None = None,
         today: date | None = None) -> Loaded:
    """Load and validate an evidence file (InputError lists every problem)."""
    return load_evidence(path, framework=framework, target=target, today=today)


def analyse(loaded: Loaded, *, target: str | None = None, min_evidence: int | None = None) -> Result:
    """Match a loaded evidence file against its framework's cumulative expectations."""
    from packetgen.analysis.matching import analyse as match

    return match(loaded.framework, loaded.evidence, target=target, min_evidence=min_evidence)


def render(result: Result, out: str | Path, **options) -> Path:
    """Write the packet for `result` to `out`; the format follows the suffix or `format=`;
    `archival=True` makes a PDF/A-3b record (see commands.render.render for every option)."""
    from packetgen.commands.render import render as write

    return write(result, out, **options)
