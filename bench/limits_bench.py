"""The amplifiers of bench/amplifiers.py, each through `check`, `render` to PDF and to DOCX, as whole
processes under a clock and a memory meter (GNU time's maximum resident set size), with a timeout:
what no input under the documented limits may exceed is 60 s and 1 GB.

    .venv/bin/python bench/limits_bench.py [--timeout 120] [--only NAME] [--packetgen PATH]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from amplifiers import write_all


def measure(argv: list[str], timeout: float) -> tuple[str, float, float]:
    """(exit code or 'timeout', wall seconds, peak MB)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.perf_counter() - start, float("nan")
    wall = time.perf_counter() - start
    peak_kb = float(proc.stderr.strip().splitlines()[-1]) if proc.stderr.strip() else float("nan")
    return str(proc.returncode), wall, peak_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--only", help="one case by name")
    parser.add_argument("--packetgen", default=str(Path(sys.executable).with_name("packetgen")))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="packetgen-limits-"))
    cases = write_all(work / "cases")
    print(f"{'case':40} {'bytes':>8} {'step':6} {'exit':>7} {'wall s':>7} {'peak MB':>8}")
    for name, path in cases.items():
        if args.only and name != args.only:
            continue
        for step, extra in (("check", ["check", str(path)]),
                            ("pdf", ["render", str(path), "-o", str(work / f"{name}.pdf")]),
                            ("docx", ["render", str(path), "-o", str(work / f"{name}.docx")])):
            code, wall, peak = measure([args.packetgen, *extra], args.timeout)
            print(f"{name:40} {path.stat().st_size:>8,} {step:6} {code:>7} {wall:7.1f} {peak:8.0f}", flush=True)


if __name__ == "__main__":
    main()
