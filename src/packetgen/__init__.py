"""packetgen: evidence file (YAML) -> matching against a career framework -> promotion packet.

The library API the command line wraps; it imports no rendering library until a packet
is rendered:

    loaded = packetgen.load("evidence.yaml")
    result = packetgen.analyse(loaded, min_evidence=2)
    packetgen.render(result, "packet.pdf")
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Diagnostic, InputError, PacketgenError, RenderError, UsageError
from .evidence import Loaded, load_evidence
from .framework import load_framework
from .matching import DEFAULT_MIN_EVIDENCE, Result, analyse as _analyse

if TYPE_CHECKING:  # pragma: no cover
    from datetime import date

__version__ = "0.2.0"

__all__ = ["load", "analyse", "render", "load_framework", "Result", "Loaded", "Diagnostic",
           "InputError", "PacketgenError", "RenderError", "UsageError", "__version__"]


def load(path: str | Path, *, framework: str | None = None, target: str | None = None,
         today: "date | None" = None) -> Loaded:
    """Load and validate an evidence file (InputError lists every problem)."""
    return load_evidence(path, framework=framework, target=target, today=today)


def analyse(loaded: Loaded, *, target: str | None = None,
            min_evidence: int = DEFAULT_MIN_EVIDENCE) -> Result:
    """Match a loaded evidence file against its framework's cumulative expectations."""
    return _analyse(loaded.framework, loaded.evidence, target=target, min_evidence=min_evidence)


def render(result: Result, out: str | Path, **options) -> Path:
    """Write the packet for `result` to `out`; the format follows the suffix or `format=`."""
    from .renderers import render_packet

    return render_packet(result, Path(out), **options)
