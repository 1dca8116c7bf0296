"""A cycle's packets in one command (issue 30, item 4): 50 generated evidence files rendered to PDF as one
`packetgen render` process per file (a shell loop: every process imports WeasyPrint again) against one
`render DIR/*.yaml -o OUT/` with --jobs 1 and with --jobs 2 (one worker per core here). Wall and CPU
seconds (children included) and the peak resident memory of the largest process (a worker's, with
--jobs 2; the one process's with --jobs 1: flat memory means it stays near one packet's).

    .venv/bin/python bench/batch_bench.py [--files 50]
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKETGEN = [sys.executable, "-m", "packetgen"]


def run(argv: list[str]) -> tuple[float, float, float]:
    """Wall, CPU (user + system, children included) and the peak RSS (MB) of the largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=False, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, after.ru_maxrss / 1024


def _descendants(root: int) -> dict[int, tuple[float, float]]:
    """{pid: (peak RSS MB, CPU s)} of `root` and every process below it, read from /proc now."""
    import os

    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(stat[1])
            except (OSError, IndexError, ValueError):
                continue
    found, frontier = {root}, [root]
    while frontier:
        kids = [pid for pid, parent in parents.items() if parent in frontier and pid not in found]
        found.update(kids)
        frontier = kids
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in found:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
        out[pid] = (hwm / 1024, (int(stat[11]) + int(stat[12])) / tick)
    return out


def watched(argv: list[str]) -> tuple[float, float, float]:
    """Wall s, CPU s of every process of the run and the largest one's peak RSS (MB), the worker
    processes included (a forkserver's workers are not the command's children: /proc is read while
    they live)."""
    seen: dict[int, tuple[float, float]] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        seen.update(_descendants(proc.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    return wall, sum(cpu for _, cpu in seen.values()), max((rss for rss, _ in seen.values()), default=0.0)


def peak_of(argv: list[str]) -> float:
    """The peak RSS (MB) of one run of `argv` on its own (RUSAGE_CHILDREN's maximum only grows)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    return int(subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True).stdout) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=50)
    parser.add_argument("--skip-loop", action="store_true", help="leave out the process-per-file run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        cycle = Path(folder) / "cycle"
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_evidence.py"), str(args.files), str(cycle),
                        "--seed", "7"], check=True, capture_output=True)
        files = sorted(map(str, cycle.glob("*.yaml")))
        one = [*PACKETGEN, "render", files[0], "-o", f"{folder}/single.pdf"]
        print(f"{len(files)} files; one packet alone: peak {peak_of(one):.0f} MB")
        if not args.skip_loop:
            start = time.perf_counter()
            cpu = 0.0
            for n, path in enumerate(files):
                _, used, _ = run([*PACKETGEN, "render", path, "-o", f"{folder}/loop-{n}.pdf"])
                cpu += used
            print(f"{'a process per file':22} wall {time.perf_counter() - start:6.1f} s  cpu {cpu:6.1f} s")
        for jobs in ("1", "2"):
            wall, used, peak = watched([*PACKETGEN, "render", *files, "-o", f"{folder}/jobs-{jobs}/", "--jobs", jobs])
            print(f"{'render --jobs ' + jobs:22} wall {wall:6.1f} s  cpu {used:6.1f} s  largest process {peak:4.0f} MB")


if __name__ == "__main__":
    main()
