"""The layout ARCHITECTURE.md describes, held: no import cycle, no import that goes up a layer or
across subsystems kept apart, no module too long to read, the public API at the root, and the
commands that must start fast importing no rendering library."""
from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts" / "import_graph.py")
graph = importlib.util.module_from_spec(_spec)
sys.modules["import_graph"] = graph
_spec.loader.exec_module(graph)

MAX_LINES = 450


def test_the_graph_sees_every_module_and_its_imports():
    modules = graph.modules()
    assert len(modules) > 60 and "packetgen.rendering.docx.packet" in modules
    edges = graph.edges()
    assert any(e.source == "packetgen.analysis.matching" and e.target == "packetgen.model.result" for e in edges)
    assert any(e.lazy for e in edges) and any(not e.lazy for e in edges)


def test_no_import_cycle():
    assert graph.cycles(graph.edges()) == []


def test_no_import_goes_up_a_layer_or_across_subsystems_kept_apart():
    assert graph.breaches(graph.edges()) == []


def test_the_checks_find_what_they_look_for():
    edge = graph.Edge
    assert graph.cycles([edge("a", "b", 1, False), edge("b", "a", 1, False)])
    assert not graph.cycles([edge("a", "b", 1, False), edge("b", "a", 1, True)])  # a lazy import cannot deadlock
    assert graph.breaches([edge("packetgen.model.result", "packetgen.rendering.view", 3, True)])
    assert graph.breaches([edge("packetgen.committee.cycle", "packetgen.records.read", 3, True)])
    assert not graph.breaches([edge("packetgen.committee.handout", "packetgen.rendering.view", 3, False)])


def test_no_module_is_longer_than_a_reader_can_hold():
    long = {name: n for name, path in graph.modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_public_api_stays_at_the_root():
    import packetgen

    for name in ("load", "analyse", "render", "check", "load_framework", "Result", "InputError", "__version__"):
        assert hasattr(packetgen, name), name
    # importing the stages' sub-packages must not hide the functions of the same purpose
    import packetgen.analysis.matching
    import packetgen.loading.evidence
    import packetgen.rendering

    assert callable(packetgen.load) and callable(packetgen.analyse) and callable(packetgen.render)


def test_every_package_is_shipped_typed():
    assert (ROOT / "src" / "packetgen" / "py.typed").is_file()
