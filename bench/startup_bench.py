"""Start-up benchmark for the commands an editor or a pre-commit hook runs on every save:
`check` and `gaps` (table and JSON) as whole processes, this checkout against a baseline
revision, paired in one run (alternating order, medians), wall and CPU seconds.

Both sides read the same input: the largest example *as the baseline has it* (a newer
release must accept an older file). This checkout on its own largest example is shown too.
The script also checks, with `python -X importtime`, that neither command imports a
rendering library (WeasyPrint, python-docx).

    .venv/bin/python bench/startup_bench.py --baseline 5ff13fb [--runs 21]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from paired import REFERENCE, ROOT, RUN, checkout, paired

COMMANDS = {"check": ["check"], "gaps": ["gaps"], "gaps-json": ["gaps", "--format", "json"]}


def largest(tree: Path) -> Path:
    return max((tree / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)


def rendering_imports(tree: Path, argv: list[str]) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", RUN, *argv], env=env,
                          capture_output=True, text=True, cwd=tree)
    modules = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")]
    return sorted({m.split(".")[0] for m in modules if m.split(".")[0] in ("weasyprint", "docx", "pydyf", "fontTools")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

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
