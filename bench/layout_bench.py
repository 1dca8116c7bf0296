"""PDF render time of each example, this checkout against a baseline revision, paired in one
run (whole `packetgen render EXAMPLE -o X.pdf` processes, alternating, medians, wall and CPU
seconds), with each side's page count. Both sides render the same files: the examples as this
checkout has them.

    .venv/bin/python bench/layout_bench.py --baseline b1c2962 [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from paired import ROOT, checkout, paired
from pypdf import PdfReader

# Inside one process, after a warm-up: the render alone (load, match, template, layout, write),
# without Python's start-up and the import of WeasyPrint that every process pays first.
INSIDE = """
import statistics, sys, time
from datetime import date
import packetgen
example, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
def once():
    packetgen.render(packetgen.analyse(packetgen.load(example)), out, generated=date(2026, 11, 27))
once()
times = []
for _ in range(runs):
    start = time.process_time(); once(); times.append(time.process_time() - start)
print(statistics.median(times))
"""


def inside(tree: Path, example: Path, out: Path, runs: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    proc = subprocess.run([sys.executable, "-c", INSIDE, str(example), str(out), str(runs)], env=env,
                          capture_output=True, text=True, check=True, cwd=tree)
    return float(proc.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="packetgen-layout-"))
    base = checkout(args.baseline, work / "baseline")
    print(f"baseline {args.baseline}; {args.runs} runs each, alternating; seconds are medians")
    print(f"{'example':34} {'pages':>9} {'base wall':>9} {'this wall':>9} {'ratio':>6} "
          f"{'base cpu':>8} {'this cpu':>8} {'ratio':>6} {'render cpu, in process':>24}")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        out = {side: work / f"{side}-{example.stem}.pdf" for side in ("base", "this")}
        med = paired([(side, tree, ["render", str(example), "-o", str(out[side])])
                      for side, tree in (("base", base), ("this", ROOT))], args.runs)
        pages = {side: len(PdfReader(out[side]).pages) for side in out}
        own = {side: inside(tree, example, out[side], args.runs) for side, tree in (("base", base), ("this", ROOT))}
        print(f"{example.stem:34} {pages['base']:>4} → {pages['this']:<3} {med['base'][0]:9.2f} {med['this'][0]:9.2f} "
              f"{med['this'][0] / med['base'][0]:6.2f} {med['base'][1]:8.2f} {med['this'][1]:8.2f} "
              f"{med['this'][1] / med['base'][1]:6.2f} {own['base']:8.2f} → {own['this']:.2f} "
              f"({own['this'] / own['base']:.2f})")


if __name__ == "__main__":
    main()
