"""Start-up benchmark for the commands an editor or a pre-commit hook runs on every save:
`check` and `gaps` (table and JSON) as whole processes, this checkout against a baseline
revision, paired in one run (alternating order, medians), wall and CPU seconds.

Both sides read the same input: the largest example *as the baseline has it* (a newer
release must accept an older file). This checkout on its own largest example is shown too.
The script also checks, with `python -X importtime`, that neither command imports a
rendering library (WeasyPrint, python-docx).

    .venv/bin/python bench/startup_bench.py --baseline 5ff13fb [--runs 21]
    .venv/bin/python bench/startup_bench.py --breakdown [--runs 21]

--breakdown says where a command's time goes beyond the reference, phase by phase, timed inside
fresh processes (medians): the interpreter and `import yaml, click`; the standard-library modules
packetgen adds; packetgen's own modules (and, of those, building the dataclasses); the command's
work (reading and checking the files, matching, printing).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from paired import REFERENCE, ROOT, RUN, checkout, paired, timed

COMMANDS = {"check": ["check"], "gaps": ["gaps"], "gaps-json": ["gaps", "--format", "json"]}


def largest(tree: Path) -> Path:
    return max((tree / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)


def rendering_imports(tree: Path, argv: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", RUN, *argv], env=env,
                          capture_output=True, text=True, cwd=tree)
    modules = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in ("weasyprint", "docx", "pydyf", "fontTools")})


PHASES = """
import time, sys, dataclasses
t0 = time.perf_counter()
import yaml, click
t1 = time.perf_counter()
before = set(sys.modules)
spent = [0.0]
_process = dataclasses._process_class
def timed_process(*args):
    start = time.perf_counter()
    try:
        return _process(*args)
    finally:
        spent[0] += time.perf_counter() - start
dataclasses._process_class = timed_process
import packetgen.cli
t2 = time.perf_counter()
ours = {m for m in set(sys.modules) - before if m.split(".")[0] == "packetgen"}
theirs = sorted(set(sys.modules) - before - ours)
t3 = time.perf_counter()  # what `theirs` cost is timed in a second process (STDLIB)
sys.argv = ["packetgen"] + sys.argv[1:]
try:
    import contextlib, io
    with contextlib.redirect_stdout(io.StringIO()):
        packetgen.cli.main()
except SystemExit:
    pass
t4 = time.perf_counter()
print(repr(((t1 - t0), (t2 - t1), spent[0], (t4 - t3), theirs)))
"""

STDLIB = """
import time, sys, importlib
import yaml, click
t = time.perf_counter()
for name in sys.argv[1:]:
    importlib.import_module(name)
print(time.perf_counter() - t)
"""


def breakdown(runs: int) -> None:
    """Where `check` and `gaps` spend their time beyond `python -c "import yaml, click"`."""
    import ast
    import statistics

    target = largest(ROOT)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True, capture_output=True)
    for name, words in COMMANDS.items():
        samples, stdlib, whole, ref = [], [], [], []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", PHASES, *words, str(target)], env=env, capture_output=True,
                                 text=True, check=True, cwd=ROOT).stdout
            samples.append(ast.literal_eval(out.strip().splitlines()[-1]))
            theirs = [m for m in samples[-1][4] if not m.startswith("_")]
            stdlib.append(float(subprocess.run([sys.executable, "-c", STDLIB, *theirs], env=env, capture_output=True,
                                               text=True, check=True).stdout))
            whole.append(timed(ROOT, words + [str(target)])[0])
            ref.append(timed(ROOT, [], REFERENCE)[0])
        med = [statistics.median(s[i] for s in samples) for i in range(4)]
        std, total, reference = statistics.median(stdlib), statistics.median(whole), statistics.median(ref)
        print(f"{name}: {total * 1000:.0f} ms = reference {reference * 1000:.0f} ms (yaml + click "
              f"{med[0] * 1000:.0f} ms of it) + standard-library modules packetgen adds {std * 1000:.0f} ms "
              f"({', '.join(m for m in samples[-1][4] if not m.startswith('_'))}) + packetgen's modules "
              f"{(med[1] - std) * 1000:.0f} ms (building {med[2] * 1000:.0f} ms of dataclasses) + the command "
              f"{med[3] * 1000:.0f} ms; {total / reference:.2f}× the reference")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--breakdown", action="store_true", help="where the time goes, phase by phase")
    args = parser.parse_args()
    if args.breakdown:
        breakdown(args.runs)
        return

    work = Path(tempfile.mkdtemp(prefix="packetgen-startup-"))
    base = checkout(args.baseline, work / "baseline")
    here = ROOT
    old_input = largest(base)
    new_input = largest(here)
    print(f"baseline {args.baseline}; input {old_input.name} as the baseline has it "
          f"({old_input.stat().st_size:,} bytes); {args.runs} runs each, alternating")
    print(f"{'command':10} {'base wall':>9} {'this wall':>9} {'ratio':>6} {'base cpu':>8} {'this cpu':>8} "
          f"{'ratio':>6} | own example: {'wall':>6} {'cpu':>6}; ÷ python -c '{REFERENCE}': wall, cpu")
    for name, words in COMMANDS.items():
        med = paired([("base", base, words + [str(old_input)]), ("this", here, words + [str(old_input)]),
                      ("own", here, words + [str(new_input)]), ("ref", here, [], REFERENCE)], args.runs)
        print(f"{name:10} {med['base'][0]:9.3f} {med['this'][0]:9.3f} {med['this'][0] / med['base'][0]:6.2f} "
              f"{med['base'][1]:8.3f} {med['this'][1]:8.3f} {med['this'][1] / med['base'][1]:6.2f} | "
              f"{'':13}{med['own'][0]:6.3f} {med['own'][1]:6.3f}; {med['own'][0] / med['ref'][0]:.2f}×, "
              f"{med['own'][1] / med['ref'][1]:.2f}× (reference {med['ref'][0]:.3f} s wall, {med['ref'][1]:.3f} s cpu)")
    for name, words in COMMANDS.items():
        found = rendering_imports(here, words + [str(new_input)])
        print(f"{name}: rendering libraries imported: {', '.join(found) or 'none'}")


if __name__ == "__main__":
    main()
