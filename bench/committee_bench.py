"""Committee handout benchmark: N generated evidence files (bench/generate_evidence.py,
seeded) rendered to one PDF handout, serial (one process) and parallel (one worker per
core), for N = 10 and 50 by default. Quote the parallel/serial ratio.

    .venv/bin/python bench/committee_bench.py [--sizes 10,50] [--repeat 1]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--format", default="pdf")
    args = parser.parse_args()

    import weasyprint  # noqa: F401  (paid once, outside the timings)

    from generate_evidence import generate
    from packetgen.committee import prepare
    from packetgen.renderers.handout import render_handout

    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="packetgen-committee-"))
    print(f"cores: {cores}; format: {args.format}")
    print(f"{'N':>4} {'serial s':>9} {'parallel s':>11} {'ratio':>6} {'pages':>6}")
    for n in (int(x) for x in args.sizes.split(",")):
        folder = work / f"n{n}"
        generate(n, folder, seed=7)
        out = work / f"handout-{n}.{args.format}"

        def run(jobs: int) -> float:
            start = time.perf_counter()
            cycle = prepare([str(folder)], today=date(2026, 11, 27))
            render_handout(cycle, out, jobs=jobs, progress=False, generated=date(2026, 11, 27))
            return time.perf_counter() - start

        serial = statistics.median(run(1) for _ in range(args.repeat))
        parallel = statistics.median(run(cores) for _ in range(args.repeat))
        pages = "-"
        if args.format == "pdf":
            from pypdf import PdfReader

            pages = str(len(PdfReader(out).pages))
        print(f"{n:>4} {serial:9.2f} {parallel:11.2f} {parallel / serial:6.3f} {pages:>6}", flush=True)


if __name__ == "__main__":
    main()
