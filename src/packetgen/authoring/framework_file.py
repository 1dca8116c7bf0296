"""Writing a framework file from a ladder read where it lives (`framework import`), and a framework
as CSV (`framework export --format csv`), which imports back to the same ladder."""
from __future__ import annotations

import csv
import io
import json

from packetgen.loading.ladder import Ladder
from packetgen.model.framework import Framework


def _q(text: str) -> str:
    """A YAML scalar that reads back as `text` (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str = "  ") -> list[str]:
    return [indent + line if line else "" for line in text.splitlines()]


def framework_yaml(ladder: Ladder, *, framework_id: str, name: str | None = None, source: str = "") -> str:
    """The framework file of `ladder`. Expectation IDs are derived (`<level>.<area>.<n>`) unless the
    source gave one."""
    lines = [f"# Imported with `packetgen framework import` from {ladder.path}.",
             "# Expectation IDs are derived: <level>.<area>.<n>, n the bullet's position in its level and area.",
             "# When a bullet is added or moved next year, keep old IDs working with `renamed:` (see the README).",
             "", f"id: {framework_id}", f"name: {_q(name or ladder.name or framework_id)}"]
    if source:
        lines.append(f"source: {_q(source)}")
    if ladder.about:
        lines += ["about: |", *_block(ladder.about)]
    for key in ("cumulative_note", "values_note"):
        if getattr(ladder, key):
            lines.append(f"{key}: {_q(getattr(ladder, key))}")
    lines += ["", "areas:"]
    for area, area_label, description in ladder.areas:
        lines += [f"  - id: {area}", f"    name: {_q(area_label)}"]
        if description:
            lines.append(f"    description: {_q(description)}")
    lines += ["", "levels:"]
    lines += [f"  - {{id: {level}, name: {_q(level_label)}{', base: true' if base else ''}}}"
              for level, level_label, base in ladder.levels]
    lines += ["", "expectations:"]
    for level, _, _ in ladder.levels:
        lines.append(f"  {level}:")
        for area, _, _ in ladder.areas:
            bullets = [b for b in ladder.bullets if b.level == level and b.area == area]
            if not bullets:
                continue
            lines.append(f"    {area}:")
            lines += [f"      - {{id: {_q(b.id)}, text: {_q(b.text)}}}" if b.id else f"      - {_q(b.text)}"
                      for b in bullets]
    return "\n".join(lines) + "\n"


def framework_csv(fw: Framework) -> str:
    """level,area,text,id,level_id,area_id: one row per expectation in framework order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["level", "area", "text", "id", "level_id", "area_id"])
    for e in fw.expectations:
        writer.writerow([fw.level_name(e.level), fw.area_name(e.area), e.text,
                         "" if e.id == f"{e.level}.{e.area}.{e.position}" else e.id, e.level, e.area])
    return out.getvalue()
