"""What `gaps` prints: the JSON document scripts read and the terminal table. Needs no rendering
library. The wording a terminal user reads lives here."""
from __future__ import annotations

from typing import Any

from packetgen.model.result import GAP, MET, STRONG, SUPPORTED, SYMBOL, THIN, UNSUPPORTED, Coverage, Result, Totals


def totals_json(t: Totals, *, strength: bool = True) -> dict[str, int]:
    out = {"total": t.total, "met": t.met, "thin": t.thin, "gap": t.gap}
    if strength:
        out.update(strong=t.strong, supported=t.supported, unsupported=t.unsupported)
    return out


def to_json(result: Result) -> dict[str, Any]:
    """The document `packetgen gaps --format json` prints (docs/reference.md, The JSON of gaps)."""
    ev = result.evidence
    doc: dict[str, Any] = {
        "framework": result.framework.id,
        "candidate": result.candidate.name,
        "current_level": result.candidate.current_level,
        "target_level": result.target_level,
        "min_evidence": result.min_evidence,
        "summary": totals_json(result.totals()),
        "own": totals_json(result.totals(level=result.target_level)),
        "expectations": [
            {"id": c.id, "level": c.expectation.level, "area": c.expectation.area,
             "text": c.expectation.text, "status": c.status, "evidence": list(c.evidence),
             "stale": list(c.stale), "strength": c.strength, "signals": c.backing.as_dict()}
            for c in result.expectations
        ],
        "beyond_target": [{"id": s.expectation.id, "evidence": list(s.evidence)} for s in result.beyond_target],
        "untagged": list(result.untagged),
        "items": [{"id": s.id, "counts": s.counts, "signals": s.signals.as_dict(), "flags": list(s.flags)}
                  for s in result.item_strength],
    }
    if ev.recommendation is not None:
        doc["recommendation"] = {"decision": ev.recommendation.decision, "by": ev.sponsor or None,
                                 "rationale": ev.recommendation.rationale or None}
    return doc


# --- the terminal table -------------------------------------------------------------------

_STYLE = {MET: "green", THIN: "yellow", GAP: "bold red"}
_STRENGTH_STYLE = {STRONG: "green", SUPPORTED: "", UNSUPPORTED: "bold magenta"}
_MISSING = {"corroborated": "no quote", "substantiated": "no link or number", "sustained": "one quarter"}


def strength_text(cov: Coverage) -> str:
    """"supported (no quote)": the strength and, below strong, what it lacks."""
    if cov.strength is None:
        return ""
    missing = [_MISSING[k] for k, held in cov.backing.as_dict().items() if not held]
    return cov.strength + (f" ({', '.join(missing)})" if missing and cov.strength != UNSUPPORTED else "")


def _open_order(result: Result):
    """What needs work, as the packet lists it: gaps, then thin, then met but unsupported;
    within each, the target level first, then lower levels (framework order)."""
    rank = {GAP: 0, THIN: 1, MET: 2}
    return sorted((c for c in result.expectations if c.open),
                  key=lambda c: (rank[c.status], c.expectation.level != result.target_level))


NARROW = 72  # columns below which `gaps` lists rows as lines instead of a table


def print_table(result: Result, console, *, open_only: bool = False) -> None:
    """Coverage as a table on a rich Console: colour on a terminal, plain text when piped."""
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    cand = result.candidate
    fw = result.framework
    target_name = fw.level_name(result.target_level)
    console.print(Text.assemble((cand.name, "bold"), f"  {fw.level_name(cand.current_level)} → {target_name}"
                                f"  ({fw.name}; met = at least {result.min_evidence} items)"))

    def line(label, t):
        return Text.assemble((label, "bold"), f"{t.total} expectations: ",
                             (f"{t.met} {MET}", _STYLE[MET]), ", ", (f"{t.thin} {THIN}", _STYLE[THIN]),
                             ", ", (f"{t.gap} {GAP}", _STYLE[GAP]), "; strength: ",
                             (f"{t.strong} {STRONG}", _STRENGTH_STYLE[STRONG]), f", {t.supported} {SUPPORTED}, ",
                             (f"{t.unsupported} {UNSUPPORTED}", _STRENGTH_STYLE[UNSUPPORTED]))
    console.print(line(f"{target_name}'s own: ", result.totals(level=result.target_level)))
    console.print(line(f"All for {target_name} (cumulative): ", result.totals()))

    rows = _open_order(result) if open_only else result.expectations
    if open_only and not rows:
        console.print(Text("Nothing open: every expectation is met and backed by evidence.", style="green"))
    else:
        def cells(cov):
            status = Text(f"{SYMBOL[cov.status]} {cov.status}", style=_STYLE[cov.status])
            strength = Text(strength_text(cov), style=_STRENGTH_STYLE.get(cov.strength or "", ""))
            count = str(len(cov.evidence)) + (f" (+{len(cov.stale)} stale)" if cov.stale else "")
            return status, strength, count

        if console.width < NARROW:  # too narrow for the table's columns: a row becomes lines, nothing cut
            for cov in rows:
                status, strength, count = cells(cov)
                console.print(Text.assemble((cov.id, "bold"), "  ", status, "  ", strength, f"  items: {count}"))
                console.print(Padding(Text(cov.expectation.text), (0, 0, 0, 2)))
        else:
            table = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=False, pad_edge=False)
            table.add_column("ID", no_wrap=True)
            table.add_column("Status", no_wrap=True)
            table.add_column("Strength", max_width=20, overflow="fold")
            table.add_column("Items", justify="right")
            table.add_column("Expectation", ratio=1, overflow="fold")  # a long word folds; never cut to "…"
            for cov in rows:
                table.add_row(cov.id, *cells(cov), cov.expectation.text)
            console.print(table)
    if open_only:
        return
    if result.beyond_target:
        console.print(Text("Beyond the target level: ", style="bold") +
                      Text(", ".join(f"{s.expectation.id} ({len(s.evidence)})" for s in result.beyond_target)))
    if result.untagged:
        console.print(Text("Untagged items: ", style="bold") + Text(", ".join(result.untagged)))
    if result.stale:
        console.print(Text("Outside the review period (not counted): ", style="bold") +
                      Text(", ".join(result.stale)))
    flagged = [(s.id, s.flags) for s in result.item_strength if s.flags]
    if flagged:
        console.print(Text("Items that lend no strength or quote the candidate: ", style="bold") +
                      Text(", ".join(f"{i} ({', '.join(f)})" for i, f in flagged)))
