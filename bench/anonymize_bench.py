"""The anonymiser on hostile text (issue 29, item 11), this checkout against a baseline revision, in one
run: each side replaces "Jordan Lee" in the texts of tests/test_anonymize.py's linear-time test, in a
process of its own; wall and CPU seconds and the process's peak memory (max RSS) per text.

    .venv/bin/python bench/anonymize_bench.py [BASELINE_REV]   # default: the revision before the fix

The baseline's quadratic handle pattern takes about a minute on the 62 KB run, so each text runs once.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from paired import checkout

TEXTS = {"62 KB run of letters": "'a' * 62_000", "30,000 [": "'[' * 30_000", "15,000 [x](": "'[x](' * 15_000",
         "10,000 <http:": "'<http:' * 10_000", "31,000 a.": "'a.' * 31_000", "31,000 x@": "'x@' * 31_000"}
CODE = """
import sys
from packetgen.committee.names import NameReplacer, Report
text = eval(sys.argv[1]) + " Jordan Lee led it."
out = NameReplacer({"Jordan Lee": "Candidate A"}, Report())(text)
assert "Jordan" not in out
import resource
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # this process's peak, in KB
"""


def measure(tree: Path, text: str) -> tuple[float, float, float]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    peak = subprocess.run([sys.executable, "-c", CODE, text], env=env, check=True, cwd=tree, capture_output=True,
                          text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, int(peak) / 1024


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "9d566e3^"
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as folder:
        baseline = checkout(base, Path(folder))
        print(f"{'text':24} {'side':9} {'wall s':>8} {'cpu s':>8} {'max RSS MB':>11}")
        for name, text in TEXTS.items():
            for label, tree in (("baseline", baseline), ("now", root)):
                wall, cpu, rss = measure(tree, text)
                print(f"{name:24} {label:9} {wall:8.2f} {cpu:8.2f} {rss:11.0f}", flush=True)


if __name__ == "__main__":
    main()
