"""Archival records: `render --archival` and `verify`, this checkout against a baseline revision,
paired in one run (alternating order, medians of whole processes), wall and CPU seconds.

`verify` now renders the packet again to compare it with the record, so it costs about a render;
the baseline's verify only re-hashed what the record says of itself. `render --archival` lays the
packet out once (the baseline wrote the PDF twice, to hash its page text).

    .venv/bin/python bench/record_bench.py --baseline 0433552 [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from paired import ROOT, checkout, paired, timed

EXAMPLE = "examples/ic3-to-ic4-teamwork-scope-gaps.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ["SOURCE_DATE_EPOCH"] = "1780000000"
    work = Path(tempfile.mkdtemp(prefix="packetgen-records-"))
    base = checkout(args.baseline, work / "baseline")
    records = {label: work / f"{label}.pdf" for label in ("base", "this")}
    for label, tree in (("base", base), ("this", ROOT)):
        timed(tree, ["render", EXAMPLE, "-o", str(records[label]), "--archival"])
    print(f"baseline {args.baseline}; {EXAMPLE}; {args.runs} runs each, alternating")
    print(f"{'command':16} {'base wall':>9} {'this wall':>9} {'ratio':>6} {'base cpu':>8} {'this cpu':>8} {'ratio':>6}")
    for name, argv in (("render --archival", lambda label: ["render", EXAMPLE, "-o", str(work / f"{label}-again.pdf"),
                                                             "--archival"]),
                       ("verify", lambda label: ["verify", str(records[label])])):
        med = paired([("base", base, argv("base")), ("this", ROOT, argv("this"))], args.runs)
        print(f"{name:16} {med['base'][0]:9.3f} {med['this'][0]:9.3f} {med['this'][0] / med['base'][0]:6.2f} "
              f"{med['base'][1]:8.3f} {med['this'][1]:8.3f} {med['this'][1] / med['base'][1]:6.2f}")
    # issue 18's bar: a record at most 1.2x a plain render of the same file (this checkout)
    med = paired([("plain", ROOT, ["render", EXAMPLE, "-o", str(work / "plain.pdf")]),
                  ("archival", ROOT, ["render", EXAMPLE, "-o", str(work / "archival.pdf"), "--archival"])], args.runs)
    print(f"this checkout: render --archival {med['archival'][0]:.3f} s wall, {med['archival'][1]:.3f} s cpu; "
          f"plain render {med['plain'][0]:.3f} s wall, {med['plain'][1]:.3f} s cpu; "
          f"archival / plain: wall {med['archival'][0] / med['plain'][0]:.2f}, cpu {med['archival'][1] / med['plain'][1]:.2f}")


if __name__ == "__main__":
    main()
