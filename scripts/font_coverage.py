"""Writes src/packetgen/data/font-coverage.txt: the characters the packet's own fonts draw (DejaVu Sans
and Noto Sans CJK JP, which the set-up installs from Debian's fonts-dejavu-core and fonts-noto-cjk), as
merged hexadecimal ranges. `check` and `render` read it to answer "can this character be drawn?"
without asking fontconfig about every installed font (rendering/fonts.py). Run it again when the
packet's fonts change (templates/packet.css, FONT_PACKAGES):

    .venv/bin/python scripts/font_coverage.py
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "packetgen" / "data" / "font-coverage.txt"
PATTERNS = ("DejaVu Sans:style=Book", "Noto Sans CJK JP:style=Regular")


def main() -> None:
    spans = []
    for pattern in PATTERNS:
        out = subprocess.run(["fc-list", pattern, "--format=%{family[0]} %{fontversion} %{charset}\n"],
                             capture_output=True, text=True, check=True).stdout
        if not out.strip():
            raise SystemExit(f"{pattern}: not installed (run the set-up: scripts/install-system-packages.sh)")
        spans += [(int(a, 16), int(b or a, 16)) for a, b in re.findall(r"([0-9a-f]+)(?:-([0-9a-f]+))?",
                                                                        out.split(" ", 2)[2])]
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    header = ("# Characters the packet's own fonts draw (" + ", ".join(p.split(":")[0] for p in PATTERNS) +
              "), merged ranges in hexadecimal; written by scripts/font_coverage.py\n")
    OUT.write_text(header + "".join(f"{lo:x}-{hi:x}\n" if hi != lo else f"{lo:x}\n" for lo, hi in merged),
                   encoding="utf-8")
    print(f"wrote {OUT.relative_to(OUT.parents[3])}: {len(merged)} ranges")


if __name__ == "__main__":
    main()
