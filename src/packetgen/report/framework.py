"""What `packetgen framework` prints: a framework's expectations with their IDs, as text or JSON."""
from __future__ import annotations

import json

from packetgen.errors import UsageError
from packetgen.model.framework import Expectation, Framework


def chosen(fw: Framework, level: str | None, *, only: bool = False) -> tuple[Expectation, ...]:
    """Every expectation; with `level`, its cumulative set (or, with `only`, its own)."""
    if level is None:
        return fw.expectations
    if fw.level(level) is None:
        raise UsageError(f"--level: unknown level {level!r}; the levels of {fw.id} are "
                         f"{', '.join(lv.id for lv in fw.levels)}")
    return fw.own(level) if only else fw.cumulative(level)


def listing_json(fw: Framework, level: str | None, *, only: bool = False) -> str:
    return json.dumps([{"id": e.id, "level": e.level, "area": e.area, "text": e.text}
                       for e in chosen(fw, level, only=only)], ensure_ascii=False, indent=2)


def listing(fw: Framework, level: str | None, *, only: bool = False) -> str:
    """The text listing: a heading per level and area, then `ID  text` lines."""
    expectations = chosen(fw, level, only=only)
    names = {lv.id: lv.name for lv in fw.levels}
    areas = {a.id: a.name for a in fw.areas}
    scope = "" if level is None else f" ({'own' if only else 'cumulative'}, {names[level]})"
    lines = [f"{fw.name} [{fw.id}]: {len(expectations)} expectations{scope}"]
    width = max((len(e.id) for e in expectations), default=0)
    group = None
    for exp in expectations:
        if (exp.level, exp.area) != group:
            group = (exp.level, exp.area)
            lines += ["", f"{names[exp.level]} / {areas[exp.area]}"]
        lines.append(f"  {exp.id:<{width}}  {exp.text}")
    return "\n".join(lines)
