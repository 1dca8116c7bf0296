"""Committee handout benchmark: N generated evidence files (bench/generate_evidence.py,
seeded) rendered to one handout in each format, for N = 10 and 50 by default: seconds (median
of --repeat) and pages. The PDF is one tagged WeasyPrint document (see committee/handout.py).

    .venv/bin/python bench/committee_bench.py [--sizes 10,50] [--repeat 1] [--formats pdf,docx]
"""
from __future__ import annotations

import argparse
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
    parser.add_argument("--formats", default="pdf,docx")
    args = parser.parse_args()

    import weasyprint  # noqa: F401  (paid once, outside the timings)
    from generate_evidence import generate

    from packetgen.committee.cycle import prepare
    from packetgen.committee.handout import render_handout

    work = Path(tempfile.mkdtemp(prefix="packetgen-committee-"))
    print(f"{'N':>4} {'format':>6} {'seconds':>8} {'pages':>6}")
    for n in (int(x) for x in args.sizes.split(",")):
        folder = work / f"n{n}"
        generate(n, folder, seed=7)
        for fmt in args.formats.split(","):
            out = work / f"handout-{n}.{fmt}"

            def run() -> float:
                start = time.perf_counter()
                cycle = prepare([str(folder)], today=date(2026, 11, 27))
                render_handout(cycle, out, progress=False, generated=date(2026, 11, 27))
                return time.perf_counter() - start

            seconds = statistics.median(run() for _ in range(args.repeat))
            pages = "-"
            if fmt == "pdf":
                from pypdf import PdfReader

                pages = str(len(PdfReader(out).pages))
            print(f"{n:>4} {fmt:>6} {seconds:8.2f} {pages:>6}", flush=True)


if __name__ == "__main__":
    main()
