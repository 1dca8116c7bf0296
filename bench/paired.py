"""Timing packetgen as whole processes, this checkout against a baseline git revision, in one
run: the shared part of the paired benchmarks (startup_bench.py, layout_bench.py).

Each side runs from its own tree (src, framework, templates, examples) with PYTHONPATH set,
so both use the same interpreter and libraries; runs alternate, so drift hits both alike.
"""
from __future__ import annotations

import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUN = "import sys; from packetgen.cli import main; sys.argv[0] = 'packetgen'; main()"


def checkout(rev: str, into: Path) -> Path:
    """The tree of `rev` (src, framework, templates, examples, locales) extracted into `into`."""
    folders = ["src", "framework", "templates", "examples", "locales"]
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-tree", "--name-only", rev], check=True, capture_output=True,
                            text=True).stdout.split()
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, *(f for f in folders if f in listed)],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


REFERENCE = "import yaml, click"  # what a command that only reads YAML needs to start (issue 18's bar)


def timed(tree: Path, argv: list[str], code: str = RUN) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one whole `packetgen ARGV` run from `tree`
    (or of `python -c CODE ARGV`)."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), PYTHONDONTWRITEBYTECODE="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, *argv], env=env, capture_output=True, cwd=tree)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: packetgen {' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(sides: list[tuple], runs: int) -> dict[str, tuple[float, float]]:
    """Median (wall, cpu) per label, running every side once per round, alternating the order.
    A side is (label, tree, argv) or (label, tree, argv, python code to run instead of packetgen)."""
    for tree in {side[1] for side in sides}:  # bytecode as an installed package has it: pip compiles at
        # install, and with PYTHONDONTWRITEBYTECODE (set here, and on this machine) a stale or missing .pyc
        # would make every run compile the modules it imports (a baseline checkout has none at all)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True, capture_output=True)
    for _, tree, argv, *code in sides:
        timed(tree, argv, *code)  # warm the file cache
    samples: dict[str, list[tuple[float, float]]] = {side[0]: [] for side in sides}
    for i in range(runs):
        for label, tree, argv, *code in (sides if i % 2 == 0 else sides[::-1]):
            samples[label].append(timed(tree, argv, *code))
    return {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in samples.items()}
