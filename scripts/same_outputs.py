"""Compare two folders of rendered outputs: PDF, HTML, Markdown, JSON and text byte for byte, DOCX
part by part (a DOCX's zip entries carry the time they were written; their contents must not
differ). Used to check that a change meant to keep the output (a refactoring, a speed-up) did.

    SOURCE_DATE_EPOCH=1790000000 packetgen render ... -o before/x.pdf   # from the old tree
    SOURCE_DATE_EPOCH=1790000000 packetgen render ... -o after/x.pdf    # from the new one
    python scripts/same_outputs.py before after                          # exit 1 on any difference
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in sorted(z.namelist())}


def differences(a: Path, b: Path) -> list[str]:
    out = []
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    for name in names:
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            out.append(f"{name}: only in {a if left.exists() else b}")
        elif name.endswith(".docx"):
            pa, pb = parts(left), parts(right)
            out += [f"{name}: part {part} differs"
                    for part in sorted(set(pa) | set(pb)) if pa.get(part) != pb.get(part)]
        elif left.read_bytes() != right.read_bytes():
            out.append(f"{name}: bytes differ")
    return out


if __name__ == "__main__":
    found = differences(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(found) or f"identical: every file of {sys.argv[1]} and {sys.argv[2]}")
    sys.exit(1 if found else 0)
