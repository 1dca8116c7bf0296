"""Documents of one process sharing one parsed stylesheet and font configuration (rendering/pdf.py
process_styles): `render FILES -o DIR/ --jobs 1` (one worker laying out every packet) from this checkout
against a baseline revision, paired in one run (CPU includes the worker).

    .venv/bin/python bench/styles_bench.py --baseline REV [--files 12] [--runs 3]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_evidence import generate
from paired import ROOT, checkout, paired


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--files", type=int, default=12)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="packetgen-styles-"))
    files = [str(p) for p in generate(args.files, work / "cycle")]
    base = checkout(args.baseline, work / "base")
    sides = [(name, tree, [*files, "-o", str(work / f"out-{name}") + "/", "--jobs", "1"])
             for name, tree in (("baseline", base), ("shared", ROOT))]
    sides = [(name, tree, ["render", *argv]) for name, tree, argv in sides]
    med = paired(sides, args.runs)
    for name, (wall, cpu) in med.items():
        print(f"  {name:9} wall {wall:6.2f} s   cpu {cpu:6.2f} s")
    print(f"  shared / baseline cpu: {med['shared'][1] / med['baseline'][1]:.2f} ({args.files} packets, one worker)")


if __name__ == "__main__":
    main()
