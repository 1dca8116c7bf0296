"""The two PDF engines side by side, paired in one run (alternating, medians): the IC3->IC4 example's
packet laid out by WeasyPrint and by Typst,

- in one warm process: `packetgen.render(result, out, engine=...)` after a warm-up (issue 30's bar:
  Typst at most 0.15x WeasyPrint);
- as whole processes: `packetgen render EXAMPLE -o p.pdf --engine E` (imports included), wall and CPU
  (children included) and peak memory of the process;

plus each PDF's size and page count.

    .venv/bin/python bench/engine_bench.py [--runs 5] [--example ic3]
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from paired import ROOT

ENGINES = ("weasyprint", "typst")
PROCESS = ("import json, resource, subprocess, sys, time\n"
           "t0 = time.perf_counter(); r0 = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "subprocess.run([sys.executable, '-c', 'import sys; from packetgen.cli import main; "
           "sys.argv[0] = \"packetgen\"; main()', *sys.argv[1:]], check=True)\n"
           "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print(json.dumps([time.perf_counter() - t0, r.ru_utime - r0.ru_utime + r.ru_stime - r0.ru_stime, "
           "r.ru_maxrss / 1024]))\n")


def whole(example: Path, out: Path, engine: str) -> tuple[float, float, float]:
    """Wall s, CPU s and peak MB of one `packetgen render` process."""
    done = subprocess.run([sys.executable, "-c", PROCESS, "render", str(example), "-o", str(out),
                           "--engine", engine], capture_output=True, text=True, check=True)
    return tuple(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--example", default="ic3")
    args = parser.parse_args()

    from pypdf import PdfReader

    from packetgen import analyse, load, render

    example = next(p for p in sorted((ROOT / "examples").glob("*.yaml")) if p.name.startswith(args.example))
    result = analyse(load(example))
    out = Path(tempfile.mkdtemp(prefix="packetgen-engines-"))
    warm: dict[str, list[float]] = {e: [] for e in ENGINES}
    cold: dict[str, list[tuple[float, float, float]]] = {e: [] for e in ENGINES}
    for engine in ENGINES:  # warm-up: imports, fonts, the Typst compiler
        render(result, out / f"{engine}.pdf", engine=engine)
    for i in range(args.runs):
        for engine in ENGINES if i % 2 == 0 else ENGINES[::-1]:
            gc.collect()
            start = time.perf_counter()
            render(result, out / f"{engine}.pdf", engine=engine)
            warm[engine].append(time.perf_counter() - start)
            cold[engine].append(whole(example, out / f"{engine}-cli.pdf", engine))
    print(f"{example.name}, {args.runs} paired runs, medians")
    print(f"{'engine':11} {'warm s':>7} {'process wall s':>15} {'CPU s':>6} {'peak MB':>8} {'pages':>6} {'size KB':>8}")
    med = {}
    for engine in ENGINES:
        w = statistics.median(warm[engine])
        wall, cpu, peak = (statistics.median(v[k] for v in cold[engine]) for k in range(3))
        pdf = out / f"{engine}.pdf"
        med[engine] = (w, wall, cpu)
        print(f"{engine:11} {w:7.3f} {wall:15.2f} {cpu:6.2f} {peak:8.0f} {len(PdfReader(pdf).pages):6d} "
              f"{pdf.stat().st_size / 1024:8.0f}")
    (tw, twall, tcpu), (ww, wwall, wcpu) = med["typst"], med["weasyprint"]
    print(f"typst / weasyprint: warm {tw / ww:.3f}x, process wall {twall / wwall:.2f}x, CPU {tcpu / wcpu:.2f}x")


if __name__ == "__main__":
    main()
