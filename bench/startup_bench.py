"""Start-up benchmark for the commands an editor or a pre-commit hook runs on every save:
`check` and `gaps` (table and JSON) as whole processes, this checkout against a baseline
revision, paired in one run (alternating order, medians), wall and CPU seconds.

Both sides read the same input: the largest example *as the baseline has it* (a newer
release must accept an older file). This checkout on its own largest example is shown too.
The script also checks, with `python -X importtime`, that neither command imports a
rendering library (WeasyPrint, python-docx).

    .venv/bin/python bench/startup_bench.py --baseline 5ff13fb [--runs 21]
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {"check": ["check"], "gaps": ["gaps"], "gaps-json": ["gaps", "--format", "json"]}
RUN = "import sys; from packetgen.cli import main; sys.argv[0] = 'packetgen'; main()"


def checkout(rev: str, into: Path) -> Path:
    """The tree of `rev` (src, framework, templates, examples) extracted into `into`."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src", "framework", "templates", "examples"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def largest(tree: Path) -> Path:
    return max((tree / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)


def timed(tree: Path, argv: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process running packetgen from `tree`."""
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), PYTHONDONTWRITEBYTECODE="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", RUN, *argv], env=env, capture_output=True, cwd=tree)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0,):
        raise SystemExit(f"{tree}: packetgen {' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def rendering_imports(tree: Path, argv: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", RUN, *argv], env=env,
                          capture_output=True, text=True, cwd=tree)
    modules = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in ("weasyprint", "docx", "pydyf", "fontTools")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="packetgen-startup-"))
    base = checkout(args.baseline, work / "baseline")
    here = ROOT
    old_input = largest(base)
    new_input = largest(here)
    print(f"baseline {args.baseline}; input {old_input.name} as the baseline has it "
          f"({old_input.stat().st_size:,} bytes); {args.runs} runs each, alternating")
    print(f"{'command':10} {'base wall':>9} {'this wall':>9} {'ratio':>6} {'base cpu':>8} {'this cpu':>8} "
          f"{'ratio':>6} {'this, own example':>18}")
    for name, words in COMMANDS.items():
        samples: dict[str, list[tuple[float, float]]] = {"base": [], "this": [], "own": []}
        sides = [("base", base, old_input), ("this", here, old_input), ("own", here, new_input)]
        for tree, file in ((base, old_input), (here, old_input), (here, new_input)):
            timed(tree, words + [str(file)])  # warm the file cache
        for i in range(args.runs):
            order = sides if i % 2 == 0 else sides[::-1]
            for label, tree, file in order:
                samples[label].append(timed(tree, words + [str(file)]))
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in samples.items()}
        print(f"{name:10} {med['base'][0]:9.3f} {med['this'][0]:9.3f} {med['this'][0] / med['base'][0]:6.2f} "
              f"{med['base'][1]:8.3f} {med['this'][1]:8.3f} {med['this'][1] / med['base'][1]:6.2f} "
              f"{med['own'][0]:11.3f} wall")
    for name, words in COMMANDS.items():
        found = rendering_imports(here, words + [str(new_input)])
        print(f"{name}: rendering libraries imported: {', '.join(found) or 'none'}")


if __name__ == "__main__":
    main()
