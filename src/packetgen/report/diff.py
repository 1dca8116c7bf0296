"""`packetgen diff` printed: the JSON document (its shape is in the README), a Markdown section
to paste into a packet, and a terminal table. The wording a reader of a diff sees lives here."""
from __future__ import annotations

from typing import Any

from packetgen.analysis.diff import BETTER, NEW, SAME, WORSE, Change, Diff, Side
from packetgen.markdown import inert
from packetgen.model.result import GAP, MET, SYMBOL, THIN, Coverage
from packetgen.report.gaps import totals_json

ARROW = {BETTER: "▲ better", WORSE: "▼ worse", SAME: "= same", NEW: "+ new"}


def _coverage(c: Coverage | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"status": c.status, "strength": c.strength, "evidence": list(c.evidence)}


def _side(side: Side) -> dict[str, Any]:
    r = side.result
    return {"source": side.source, "kind": side.kind, "candidate": r.candidate.name,
            "framework": r.framework.id, "target_level": r.evidence.candidate.target_level,
            "generated": side.generated.isoformat() if side.generated else None,
            "items": len(r.evidence.items), "summary": totals_json(r.totals())}


def _item(item) -> dict[str, Any]:
    return {"id": item.id, "title": item.title, "date": item.date.isoformat()}


def to_json(d: Diff) -> dict[str, Any]:
    """The document `packetgen diff --format json` prints: every expectation, changed or not."""
    return {
        "target_level": d.target_level,
        "old": _side(d.old),
        "new": _side(d.new),
        "summary": {"better": d.count(BETTER), "worse": d.count(WORSE), "same": d.count(SAME), "new": d.count(NEW),
                    "gaps_closed": [c.expectation.id for c in d.gaps_closed],
                    "gaps_opened": [c.expectation.id for c in d.gaps_opened]},
        "expectations": [{"id": c.expectation.id, "level": c.expectation.level, "area": c.expectation.area,
                          "text": c.expectation.text, "change": c.direction,
                          "before": _coverage(c.before), "after": _coverage(c.after)} for c in d.expectations],
        "items": {"added": [_item(i) for i in d.added], "removed": [_item(i) for i in d.removed],
                  "changed": [{**_item(c.after), "fields": list(c.fields)} for c in d.changed],
                  "newly_stale": [_item(i) for i in d.newly_stale]},
        "development": [{"plan": s.step.plan, "by": s.step.by.isoformat() if s.step.by else None,
                         "expectations": [{"id": ref, "status": status} for ref, status in s.statuses],
                         "met": s.met} for s in d.development],
    }


def _state(c: Coverage | None) -> str:
    if c is None:
        return "not in the old framework"
    return f"{SYMBOL[c.status]} {c.status}" + (f", {c.strength}" if c.strength else "")


def _rows(d: Diff, everything: bool) -> list[Change]:
    return [c for c in d.expectations if everything or c.changed]


def headline(d: Diff) -> str:
    parts = [f"{d.count(BETTER)} better", f"{d.count(WORSE)} worse", f"{d.count(SAME)} unchanged"]
    if d.count(NEW):
        parts.append(f"{d.count(NEW)} new")
    text = f"{len(d.expectations)} expectations for {_level(d)}: " + ", ".join(parts)
    if d.gaps_closed:
        text += f"; gaps closed: {', '.join(c.expectation.id for c in d.gaps_closed)}"
    if d.gaps_opened:
        text += f"; gaps opened: {', '.join(c.expectation.id for c in d.gaps_opened)}"
    return text + "."


def _level(d: Diff) -> str:
    return d.new.result.framework.level_name(d.target_level)


def _what(side: Side) -> str:
    kind = f"archival record of {side.generated.isoformat()}" if side.generated else "evidence file"
    return f"{side.source} ({kind})"


def _item_lines(d: Diff) -> list[tuple[str, str]]:
    """(label, text) for each list of items that changed."""
    out = []
    groups = (("Added", d.added), ("Removed", d.removed), ("Newly outside the review period", d.newly_stale))
    for label, items in groups:
        if items:
            out.append((label, "; ".join(f"{i.id} “{i.title}” ({i.date.isoformat()})" for i in items)))
    if d.changed:
        out.append(("Changed", "; ".join(f"{c.after.id} ({', '.join(c.fields)})" for c in d.changed)))
    return out


def _step_line(s) -> str:
    now = ", ".join(f"{ref} {SYMBOL.get(status, '?')} {status or 'not in scope'}" for ref, status in s.statuses)
    by = f" (by {s.step.by.isoformat()})" if s.step.by else ""
    return f"{'✓ done' if s.met else '✗ open'}: {s.step.plan}{by}" + (f" — now {now}" if now else "")


def _md(text: str) -> str:
    """User text on one Markdown line: whitespace collapsed, nothing active (markdown.inert)."""
    return inert(" ".join(str(text).split()))


def to_markdown(d: Diff, *, everything: bool = False) -> str:
    """A section to paste into a packet: what changed since the last cycle."""
    name = d.new.result.candidate.name
    lines = [f"## Since the last cycle: {_md(name)}", "",
             _md(f"Compared {_what(d.old)} with {_what(d.new)}, both against {_level(d)}."), "", _md(headline(d)), ""]
    rows = _rows(d, everything)
    if rows:
        lines += ["| Expectation | Before | After | Change |", "|---|---|---|---|"]
        lines += [f"| `{c.expectation.id}` {_md(c.expectation.text)} | {_state(c.before)} | {_state(c.after)} | "
                  f"{ARROW[c.direction]} |" for c in rows]
        lines.append("")
    items = _item_lines(d)
    if items:
        lines += ["**Items**", ""] + [f"- {label}: {_md(text)}" for label, text in items] + [""]
    if d.development:
        lines += ["**The last cycle's development plan**", ""]
        lines += [f"- {_md(_step_line(s))}" for s in d.development] + [""]
    return "\n".join(lines)


_STYLE = {BETTER: "green", WORSE: "bold red", SAME: "", NEW: "cyan"}
_STATUS_STYLE = {MET: "green", THIN: "yellow", GAP: "bold red"}


def print_table(d: Diff, console, *, everything: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(Text.assemble((d.new.result.candidate.name, "bold"), f"  {_what(d.old)} → {_what(d.new)}"))
    console.print(headline(d))
    rows = _rows(d, everything)
    if rows:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=False, pad_edge=False)
        table.add_column("ID", no_wrap=True)
        table.add_column("Before")
        table.add_column("After")
        table.add_column("Change", no_wrap=True)
        table.add_column("Expectation", ratio=1)
        for c in rows:
            before = Text(_state(c.before), style=_STATUS_STYLE.get(c.before.status, "") if c.before else "")
            after = Text(_state(c.after), style=_STATUS_STYLE[c.after.status])
            table.add_row(c.expectation.id, before, after, Text(ARROW[c.direction], style=_STYLE[c.direction]),
                          c.expectation.text)
        console.print(table)
    for label, text in _item_lines(d):
        console.print(Text(f"{label}: ", style="bold") + Text(text))
    if d.development:
        console.print(Text("The last cycle's development plan:", style="bold"))
        for s in d.development:
            console.print(Text("  " + _step_line(s), style="green" if s.met else ""))
