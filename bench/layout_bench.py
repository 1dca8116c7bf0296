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
# without Python's start-up and the import of WeasyPrint that every process pays first. One worker
# per tree, both alive at once, asked to render in turn (the order swapped every round): a burst of
# load on this shared machine falls on both sides of a pair, and the ratio is the median of the pairs'.
WORKER = """
import sys, time
from datetime import date
import packetgen
example, out = sys.argv[1], sys.argv[2]
def once():
    packetgen.render(packetgen.analyse(packetgen.load(example)), out, generated=date(2026, 11, 27))
once()
print("ready", flush=True)
for _ in sys.stdin:
    start = time.process_time(); once(); print(time.process_time() - start, flush=True)
"""


def inside(trees: dict[str, Path], example: Path, outs: dict[str, Path], runs: int) -> tuple[dict, float]:
    """Each side's median render CPU seconds, and the median of the per-round ratios this/base."""
    import statistics

    workers = {}
    for side, tree in trees.items():
        env = dict(os.environ, PYTHONPATH=str(tree / "src"))
        workers[side] = subprocess.Popen([sys.executable, "-c", WORKER, str(example), str(outs[side])], env=env,
                                         cwd=tree, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        for worker in workers.values():
            assert worker.stdout.readline().strip() == "ready"
        times: dict[str, list[float]] = {side: [] for side in trees}
        for n in range(runs):
            for side in (("base", "this") if n % 2 == 0 else ("this", "base")):
                workers[side].stdin.write("go\n")
                workers[side].stdin.flush()
                times[side].append(float(workers[side].stdout.readline()))
    finally:
        for worker in workers.values():
            worker.stdin.close()
            worker.wait()
    ratios = [t / b for b, t in zip(times["base"], times["this"], strict=True)]
    return {side: statistics.median(v) for side, v in times.items()}, statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="packetgen-layout-"))
    base = checkout(args.baseline, work / "baseline")
    print(f"baseline {args.baseline}; {args.runs} runs each, alternating; seconds are medians; in process: "
          f"{max(args.runs, 9)} renders each, interleaved, the ratio the median of the pairs'")
    print(f"{'example':34} {'pages':>9} {'base wall':>9} {'this wall':>9} {'ratio':>6} "
          f"{'base cpu':>8} {'this cpu':>8} {'ratio':>6} {'render cpu, in process':>24}")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        out = {side: work / f"{side}-{example.stem}.pdf" for side in ("base", "this")}
        med = paired([(side, tree, ["render", str(example), "-o", str(out[side])])
                      for side, tree in (("base", base), ("this", ROOT))], args.runs)
        pages = {side: len(PdfReader(out[side]).pages) for side in out}
        own, ratio = inside({"base": base, "this": ROOT}, example, out, max(args.runs, 9))
        print(f"{example.stem:34} {pages['base']:>4} → {pages['this']:<3} {med['base'][0]:9.2f} {med['this'][0]:9.2f} "
              f"{med['this'][0] / med['base'][0]:6.2f} {med['base'][1]:8.2f} {med['this'][1]:8.2f} "
              f"{med['this'][1] / med['base'][1]:6.2f} {own['base']:8.2f} → {own['this']:.2f} "
              f"({ratio:.2f})")


if __name__ == "__main__":
    main()
