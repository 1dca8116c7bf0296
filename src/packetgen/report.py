"""Reports that need no rendering libraries: the JSON of `gaps` and the terminal table."""
from __future__ import annotations

from typing import Any

from .matching import GAP, MET, SYMBOL, THIN, Result


def to_json(result: Result) -> dict[str, Any]:
    """The document `packetgen gaps --format json` prints (contract section 4)."""
    totals = result.totals()
    return {
        "framework": result.framework.id,
        "candidate": result.candidate.name,
        "current_level": result.candidate.current_level,
        "target_level": result.target_level,
        "min_evidence": result.min_evidence,
        "summary": {"total": totals.total, "met": totals.met, "thin": totals.thin, "gap": totals.gap},
        "expectations": [
            {"id": c.id, "level": c.expectation.level, "area": c.expectation.area,
             "text": c.expectation.text, "status": c.status, "evidence": list(c.evidence),
             "stale": list(c.stale)}
            for c in result.expectations
        ],
        "beyond_target": [{"id": s.expectation.id, "evidence": list(s.evidence)} for s in result.beyond_target],
        "untagged": list(result.untagged),
    }


_STYLE = {MET: "green", THIN: "yellow", GAP: "bold red"}


def print_table(result: Result, console) -> None:
    """Coverage as a table on a rich Console: colour on a terminal, plain text when piped."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    cand = result.candidate
    fw = result.framework
    target_name = fw.level(result.target_level).name
    totals = result.totals()
    own = result.totals(level=result.target_level)
    console.print(Text.assemble((cand.name, "bold"), f"  {fw.level(cand.current_level).name} → {target_name}"
                                f"  ({fw.name}; met = at least {result.min_evidence} items)"))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=False, pad_edge=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Items", justify="right")
    table.add_column("Expectation")
    for cov in result.expectations:
        status = Text(f"{SYMBOL[cov.status]} {cov.status}", style=_STYLE[cov.status])
        count = str(len(cov.evidence)) + (f" (+{len(cov.stale)} stale)" if cov.stale else "")
        table.add_row(cov.id, status, count, cov.expectation.text)
    console.print(table)

    def line(label, t):
        return Text.assemble((label, "bold"), f"{t.total} expectations: ",
                             (f"{t.met} {MET}", _STYLE[MET]), ", ", (f"{t.thin} {THIN}", _STYLE[THIN]),
                             ", ", (f"{t.gap} {GAP}", _STYLE[GAP]))
    console.print(line(f"Overall ({target_name} cumulative): ", totals))
    console.print(line(f"{target_name}'s own: ", own))
    if result.beyond_target:
        console.print(Text("Beyond the target level: ", style="bold") +
                      Text(", ".join(f"{s.expectation.id} ({len(s.evidence)})" for s in result.beyond_target)))
    if result.untagged:
        console.print(Text("Untagged items: ", style="bold") + Text(", ".join(result.untagged)))
    if result.stale:
        console.print(Text("Outside the review period (not counted): ", style="bold") +
                      Text(", ".join(result.stale)))
