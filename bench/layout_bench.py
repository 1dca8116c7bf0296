"""PDF render time of each example, this checkout against a baseline revision, paired in one
run (whole `packetgen render EXAMPLE -o X.pdf` processes, alternating, medians, wall and CPU
seconds), with each side's page count. Both sides render the same files: the examples as this
checkout has them.

    .venv/bin/python bench/layout_bench.py --baseline b1c2962 [--runs 5]
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from pypdf import PdfReader

from paired import ROOT, checkout, paired


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="packetgen-layout-"))
    base = checkout(args.baseline, work / "baseline")
    print(f"baseline {args.baseline}; {args.runs} runs each, alternating; seconds are medians")
    print(f"{'example':34} {'pages':>9} {'base wall':>9} {'this wall':>9} {'ratio':>6} "
          f"{'base cpu':>8} {'this cpu':>8} {'ratio':>6}")
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        out = {side: work / f"{side}-{example.stem}.pdf" for side in ("base", "this")}
        med = paired([(side, tree, ["render", str(example), "-o", str(out[side])])
                      for side, tree in (("base", base), ("this", ROOT))], args.runs)
        pages = {side: len(PdfReader(out[side]).pages) for side in out}
        print(f"{example.stem:34} {pages['base']:>4} → {pages['this']:<3} {med['base'][0]:9.2f} {med['this'][0]:9.2f} "
              f"{med['this'][0] / med['base'][0]:6.2f} {med['base'][1]:8.2f} {med['this'][1]:8.2f} "
              f"{med['this'][1] / med['base'][1]:6.2f}")


if __name__ == "__main__":
    main()
