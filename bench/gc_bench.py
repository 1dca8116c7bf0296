"""Does tuning Python's garbage collector at the start of a render pay? `render` (and
`committee`, `decide`) call cli.group.rendering_process(): gc.freeze() and a first threshold of
50,000. This runs the same render with and without it, paired in one run (alternating, medians
of whole processes, wall and CPU), and checks that the PDFs are byte-identical.

    .venv/bin/python bench/gc_bench.py [--runs 7] [--example PATH] [--handout]
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from paired import ROOT, RUN, paired

UNTUNED = ("import sys; import packetgen.cli.group as group; group.rendering_process = lambda: None; "
           "sys.argv[0] = 'packetgen'; cli.main()")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--example", type=Path, default=max((ROOT / "examples").glob("*.yaml"),
                                                          key=lambda p: p.stat().st_size))
    parser.add_argument("--handout", action="store_true", help="a committee handout of the three examples instead")
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1780000000"
    out = Path(tempfile.mkdtemp(prefix="packetgen-gc-"))
    if args.handout:
        examples = [str(p) for p in sorted((ROOT / "examples").glob("*.yaml"))]
        words = lambda name: ["committee", *examples, "-o", str(out / name)]
        what = "committee handout of the three examples"
    else:
        words = lambda name: ["render", str(args.example), "-o", str(out / name)]
        what = args.example.name
    med = paired([("tuned", ROOT, words("tuned.pdf"), RUN), ("untuned", ROOT, words("untuned.pdf"), UNTUNED)],
                 args.runs)
    same = (out / "tuned.pdf").read_bytes() == (out / "untuned.pdf").read_bytes()
    print(f"{what}, {args.runs} runs each, alternating")
    print(f"{'':8} {'wall':>7} {'cpu':>7}")
    for label in ("untuned", "tuned"):
        print(f"{label:8} {med[label][0]:7.3f} {med[label][1]:7.3f}")
    print(f"tuned / untuned: wall {med['tuned'][0] / med['untuned'][0]:.3f}, cpu {med['tuned'][1] / med['untuned'][1]:.3f}; "
          f"PDFs byte-identical: {same}")


if __name__ == "__main__":
    main()
