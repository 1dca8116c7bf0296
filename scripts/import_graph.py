"""packetgen's own import graph: which module imports which, at import time and lazily.

    python scripts/import_graph.py            # the layers, and any cycle or layer breach
    python scripts/import_graph.py --dot      # the graph in Graphviz's language

The rules it checks (ARCHITECTURE.md) are also a test (tests/test_architecture.py), which
imports this module.
"""
from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "packetgen"

# The layers, lowest first. A module may import modules of its own layer and of lower ones.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", ("errors", "version", "resources", "urls", "text", "markdown", "output", "progress", "catalogue")),
    ("model", ("model", "wording")),
    ("load", ("loading",)),
    ("analyse", ("analysis", "ballots")),
    ("present", ("rendering", "report")),
    ("subsystems", ("committee", "records", "authoring")),
    ("api", ("commands", "")),  # the root package (packetgen.load, .analyse, .render, .check) and commands/
    ("cli", ("cli", "__main__")),
)
# Subsystems of one layer that must not import each other.
APART = ({"rendering", "report"}, {"committee", "records", "authoring"})


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    line: int
    lazy: bool  # inside a function or under TYPE_CHECKING: not run when the module is imported


def module_of(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["packetgen", *parts])


def modules() -> dict[str, Path]:
    return {module_of(p): p for p in sorted(SRC.rglob("*.py"))}


def _targets(node: ast.AST, here: str, is_package: bool, known: set[str]) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "packetgen"]
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = here.split(".")
        base = base if is_package else base[:-1]
        base = base[: len(base) - node.level + 1]
        mod = ".".join(base + ([node.module] if node.module else []))
    else:
        mod = node.module or ""
    if mod.split(".")[0] != "packetgen":
        return []
    out = []
    for alias in node.names:  # `from packetgen.rendering import docx` imports a module
        sub = f"{mod}.{alias.name}"
        out.append(sub if sub in known else mod)
    return out


def edges() -> list[Edge]:
    known = set(modules())
    found = []
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lazy_nodes: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or (
                    isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)):
                lazy_nodes |= {id(n) for n in ast.walk(node) if n is not node}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(node, name, path.name == "__init__.py", known):
                    if target != name:
                        found.append(Edge(name, target, node.lineno, id(node) in lazy_nodes))
    return found


def layer(module: str) -> tuple[int, str]:
    """The layer index of a module and the top-level part it belongs to."""
    part = module.split(".")[1] if module.count(".") else ""
    for n, (_, parts) in enumerate(LAYERS):
        if part in parts:
            return n, part
    raise ValueError(f"{module} is in no layer of scripts/import_graph.py")


def cycles(found: list[Edge]) -> list[list[str]]:
    """Cycles among the imports run at import time (lazy ones cannot deadlock an import)."""
    graph: dict[str, set[str]] = {}
    for e in found:
        if not e.lazy:
            graph.setdefault(e.source, set()).add(e.target)
    out, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                out.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return out


def breaches(found: list[Edge]) -> list[str]:
    """Imports that go up a layer, or across subsystems that are kept apart."""
    out = []
    for e in found:
        (src_layer, src_part), (dst_layer, dst_part) = layer(e.source), layer(e.target)
        apart = any(src_part in group and dst_part in group and src_part != dst_part for group in APART)
        if dst_layer > src_layer or apart:
            out.append(f"{e.source}:{e.line} imports {e.target} ({LAYERS[src_layer][0]} -> {LAYERS[dst_layer][0]})")
    return out


def main() -> int:
    found = edges()
    if "--dot" in sys.argv:
        print("digraph packetgen {")
        for e in sorted({(e.source, e.target, e.lazy) for e in found}):
            print(f'  "{e[0]}" -> "{e[1]}"' + (" [style=dashed]" if e[2] else "") + ";")
        print("}")
        return 0
    for n, (title, _parts) in enumerate(LAYERS):
        names = sorted(m for m in modules() if layer(m)[0] == n)
        print(f"{n} {title}: {', '.join(m.removeprefix('packetgen.') or 'packetgen' for m in names)}")
    problems = [" -> ".join(c) for c in cycles(found)] + breaches(found)
    for p in problems:
        print("problem:", p)
    print(f"{len(modules())} modules, {len(found)} imports, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
