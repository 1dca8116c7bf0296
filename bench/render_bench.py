"""Render-time benchmark: packetgen's whole render against a bare render of the same content.

PDF: `packetgen.render` (load + match + Jinja2 + WeasyPrint with the restricted fetcher
+ atomic write) against `weasyprint.HTML(string=same_html).write_pdf()`.
DOCX: `packetgen.render` against a bare python-docx build (bench/bare_docx.py) of the
same content, when the DOCX renderer exists.

Both run in one process after a warm-up, interleaved, median of --runs; ratios are what
to quote (absolute seconds drift by about ±30% on this machine).

    .venv/bin/python bench/render_bench.py [--runs 5] [--formats pdf,docx]
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))


def timed(fn) -> float:
    gc.collect()  # neither side pays for the other's garbage
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default="pdf,docx")
    args = parser.parse_args()

    import weasyprint

    import packetgen
    from packetgen.rendering.html import render_html

    examples = sorted((ROOT / "examples").glob("*.yaml"))
    today = date(2026, 11, 27)
    out_dir = Path(tempfile.mkdtemp(prefix="packetgen-bench-"))
    print(f"{'example':40} {'fmt':4} {'packetgen s':>11} {'bare s':>8} {'ratio':>6} {'overhead':>8}")
    for fmt in args.formats.split(","):
        if fmt == "docx":
            try:
                import bare_docx

                import packetgen.rendering.docx
            except ImportError:
                print("docx: no DOCX renderer yet, skipped")
                continue
        for example in examples:
            target = out_dir / f"{example.stem}.{fmt}"

            def ours():
                result = packetgen.analyse(packetgen.load(example, today=today))
                packetgen.render(result, target, generated=today)

            result = packetgen.analyse(packetgen.load(example, today=today))
            if fmt == "pdf":
                html, _ = render_html(result, generated=today)

                def bare():
                    weasyprint.HTML(string=html).write_pdf(out_dir / "bare.pdf")
            else:
                def bare():
                    bare_docx.build(result, out_dir / "bare.docx")

            ours(), bare()  # warm-up
            a, b = [], []
            for i in range(args.runs):  # alternate which goes first, so drift hits both alike
                if i % 2:
                    b.append(timed(bare))
                    a.append(timed(ours))
                else:
                    a.append(timed(ours))
                    b.append(timed(bare))
            ma, mb = statistics.median(a), statistics.median(b)
            print(f"{example.stem:40} {fmt:4} {ma:11.3f} {mb:8.3f} {ma / mb:6.3f} {100 * (ma / mb - 1):7.1f}%")


if __name__ == "__main__":
    main()
