"""`check` on a file whose texts leave the base font's blocks (a Japanese quote, an emoji), beside the
examples, this checkout against a baseline revision, paired in one run (issue 30, item 5): whole
processes, medians of wall and CPU seconds, against `import yaml, click` (the reference issue 18 set).

    .venv/bin/python bench/check_fonts_bench.py --baseline REV [--runs 21]

The non-ASCII file is the IC3 -> IC4 example with a Japanese name and quote and an emoji added; on the
baseline every such file read every installed font's character set (fc-list) and merged it in Python.
The cache folder is a fresh temporary one, warmed once by each side as a user's would be.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from paired import REFERENCE, ROOT, checkout, paired

EXAMPLE = "ic3-to-ic4-teamwork-scope-gaps.yaml"


def non_ascii(tree: Path, folder: Path) -> Path:
    text = (tree / "examples" / EXAMPLE).read_text(encoding="utf-8")
    text = text.replace("evidence:\n", "evidence:\n  - title: Ran the Tokyo design review 🙂\n"
                        "    date: 2026-03-02\n    expectations: [ic4.teamwork.3]\n"
                        "    quotes:\n      - {from: \"佐藤 花子, Design lead\", lang: ja, "
                        "text: \"ジョーダンのレビューで方針が決まりました。\"}\n", 1)
    out = folder / f"non-ascii-{tree.name}.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_CACHE_HOME"] = str(Path(folder) / "cache")
        base = checkout(args.baseline, Path(folder) / "baseline")
        sides = [("reference", ROOT, [], REFERENCE)]
        for label, tree in (("baseline", base), ("now", ROOT)):
            sides += [(f"{label} check example", tree, ["check", str(tree / "examples" / EXAMPLE)]),
                      (f"{label} check non-ASCII", tree, ["check", str(non_ascii(tree, Path(folder)))])]
        results = paired(sides, args.runs)
    ref_cpu = results["reference"][1]
    print(f"{'':28} {'wall s':>8} {'cpu s':>8} {'× reference cpu':>16}")
    for label, (wall, cpu) in results.items():
        print(f"{label:28} {wall:8.3f} {cpu:8.3f} {cpu / ref_cpu:16.2f}")


if __name__ == "__main__":
    sys.exit(main())
