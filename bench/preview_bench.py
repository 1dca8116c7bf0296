"""`packetgen preview`: how long from a save of the IC3→IC4 example to the new packet in the
browser (headless Chromium, driven by Playwright), and how much of it is the render.

    .venv/bin/python bench/preview_bench.py [--runs 9]

Each run appends one item with a fresh title, then waits for that title in the page; the clock
starts just before the write. Medians and the worst run, in seconds (wall).
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "ic3-to-ic4-teamwork-scope-gaps.yaml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from packetgen.authoring.preview import Preview

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is not installed (scripts/install-system-packages.sh --checkers)")
    folder = Path(tempfile.mkdtemp(prefix="packetgen-preview-"))
    path = folder / EXAMPLE.name
    shutil.copy(EXAMPLE, path)
    base = path.read_text(encoding="utf-8")
    preview = Preview(path)
    url = preview.start(0)
    renders, saves = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(url)
        for n in range(args.runs):
            title = f"Benchmark item number {n} {time.monotonic_ns()}"
            started = time.perf_counter()
            path.write_text(base + f"  - {{title: {title}, date: 2026-09-20, expectations: [ic4.teamwork.1]}}\n",
                            encoding="utf-8")
            page.get_by_text(title).first.wait_for(timeout=30_000)
            saves.append(time.perf_counter() - started)
            again = time.perf_counter()
            preview.render()  # the render alone, for comparison
            renders.append(time.perf_counter() - again)
            page.wait_for_load_state()
        browser.close()
    preview.stop()
    print(f"save → browser: median {statistics.median(saves):.3f} s, worst {max(saves):.3f} s ({args.runs} runs)")
    print(f"render alone:   median {statistics.median(renders):.3f} s, worst {max(renders):.3f} s")
    print(f"(file watched every {0.1:.1f} s; the page waits on /wait and reloads when it answers)")


if __name__ == "__main__":
    main()
