"""A committee's PDF handout three ways, as whole processes, paired in one run (alternating,
medians; CPU includes child processes, so LibreOffice's own is counted):

- packetgen:  `packetgen committee FILES -o h.pdf` (one tagged WeasyPrint document);
- typst:      `packetgen committee FILES -o h.pdf --engine typst` (one tagged Typst document);
- docx+lo:    `packetgen committee FILES -o h.docx`, then `libreoffice --headless --convert-to pdf`
              (run only when LibreOffice is installed);
- chapters:   every candidate's packet rendered to its own PDF, one after another, in one process.

Issue 18's bars: packetgen at most 2x the CPU of docx+lo; never slower in wall time than chapters.
Issue 30's: typst at most 0.5x the CPU of docx+lo; peak memory of a 50-candidate handout at most 300 MB
with Typst, 800 MB with WeasyPrint (peak: the largest process of a way, from /usr/bin/time).

    .venv/bin/python bench/handout_bench.py [--sizes examples,50] [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_evidence import generate
from paired import ROOT, RUN

CHAPTERS = ("import sys, pathlib; from packetgen import analyse, load, render\n"
            "from packetgen.cli import _rendering_process\n"
            "_rendering_process()\n"
            "out = pathlib.Path(sys.argv[1])\n"
            "for n, path in enumerate(sys.argv[2:]):\n"
            "    render(analyse(load(path)), out / f'c{n}.pdf')\n")


def run(argv: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall s, CPU s (children included) and peak MB of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "PEAK %M", *argv], capture_output=True, cwd=cwd,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])}… exited {proc.returncode}: {proc.stderr.decode()[-400:]}")
    peak = int(proc.stderr.decode().rsplit("PEAK ", 1)[1].split()[0]) / 1024
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="examples,50")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ways", default="packetgen,typst,chapters,docx+lo",
                        help="which ways to run (comma-separated; the ratios need their ways)")
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1780000000"
    work = Path(tempfile.mkdtemp(prefix="packetgen-handout-"))
    office = shutil.which("libreoffice") or shutil.which("soffice")
    py = sys.executable
    for size in args.sizes.split(","):
        files = ([str(p) for p in sorted((ROOT / "examples").glob("*.yaml"))] if size == "examples"
                 else [str(p) for p in generate(int(size), work / f"cycle{size}")])
        (work / "chapters").mkdir(exist_ok=True)
        ways = {"packetgen": lambda: [run([py, "-c", RUN, "committee", *files, "-o", str(work / "h.pdf")], work)],
                "typst": lambda: [run([py, "-c", RUN, "committee", *files, "-o", str(work / "t.pdf"), "--engine",
                                       "typst"], work)],
                "chapters": lambda: [run([py, "-c", CHAPTERS, str(work / "chapters"), *files], work)]}
        if office:
            ways["docx+lo"] = lambda: [run([py, "-c", RUN, "committee", *files, "-o", str(work / "h.docx")], work),
                                       run([office, "--headless", "--convert-to", "pdf", "--outdir", str(work / "lo"),
                                            str(work / "h.docx")], work)]
        ways = {k: v for k, v in ways.items() if k in args.ways.split(",")}
        samples: dict[str, list[tuple[float, float, float]]] = {k: [] for k in ways}
        order = list(ways)
        for i in range(args.runs):
            for name in (order if i % 2 == 0 else order[::-1]):
                parts = ways[name]()
                samples[name].append((sum(p[0] for p in parts), sum(p[1] for p in parts), max(p[2] for p in parts)))
        med = {k: tuple(statistics.median(s[i] for s in v) for i in range(3)) for k, v in samples.items()}
        label = "the three examples" if size == "examples" else f"{size} generated candidates"
        print(f"{label} ({len(files)} files), {args.runs} runs each, alternating:")
        for name, (wall, cpu, peak) in med.items():
            print(f"  {name:10} wall {wall:7.2f} s   cpu {cpu:7.2f} s   peak {peak:6.0f} MB")
        if {"packetgen", "docx+lo"} <= set(med):
            print(f"  packetgen / docx+lo cpu: {med['packetgen'][1] / med['docx+lo'][1]:.2f} (bar: at most 2)")
        if {"typst", "docx+lo"} <= set(med):
            # each run's pair (laid out one after the other, so on the same host state) as well as the medians'
            pairs = sorted(t[1] / d[1] for t, d in zip(samples["typst"], samples["docx+lo"], strict=True))
            print(f"  typst / docx+lo cpu: {med['typst'][1] / med['docx+lo'][1]:.2f} (bar: at most 0.5); "
                  f"run by run {', '.join(f'{r:.2f}' for r in pairs)}")
        if {"packetgen", "chapters"} <= set(med):
            print(f"  packetgen / chapters wall: {med['packetgen'][0] / med['chapters'][0]:.2f} (bar: at most 1)")


if __name__ == "__main__":
    main()
