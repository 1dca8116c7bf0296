"""libyaml (the fast path) and PyYAML's Python parser read every file alike: the same values,
the same positions, the same errors (errors always come from the Python parser)."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from packetgen.errors import InputError
from packetgen.loading import yamlio

HERE = Path(__file__).parent
FILES = sorted([*EXAMPLES, *(HERE / "hostile").glob("*.yaml"), *(HERE / "testdata" / "invalid").glob("*.yaml")])


def outcome(path: Path):
    try:
        doc = yamlio.load_file(path)
    except InputError as exc:
        return ("error", [str(d) for d in exc.diagnostics])
    return ("ok", doc.data, dict(doc.values), dict(doc.keys), [str(d) for d in doc.diagnostics])


@pytest.mark.skipif(yamlio._FAST is None, reason="PyYAML was built without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_both_parsers_read_a_file_alike(path, monkeypatch):
    fast = outcome(path)
    monkeypatch.setattr(yamlio, "_FAST", None)
    assert outcome(path) == fast
