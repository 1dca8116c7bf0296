"""What `gaps` prints: the JSON document scripts read and the terminal table. Needs no rendering
library. The wording a terminal user reads lives here."""
from __future__ import annotations

from typing import Any

from packetgen.model.result import GAP, MET, STRONG, SUPPORTED, SYMBOL, THIN, UNSUPPORTED, Coverage, Result, Totals
from packetgen.wording import held_line, next_text


def totals_json(t: Totals, *, strength: bool = True) -> dict[str, int]:
    out = {"total": t.total, "met": t.met, "thin": t.thin, "gap": t.gap}
    if strength:
        out.update(strong=t.strong, supported=t.supported, unsupported=t.unsupported)
    return out


def _next(cov: Coverage) -> dict[str, Any] | None:
    if cov.next is None:
        return None
    return {"step": cov.next.step, "missing": cov.next.missing, "text": next_text(cov.next)}


def to_json(result: Result) -> dict[str, Any]:
    """The document `packetgen gaps --format json` prints (docs/reference.md, The JSON of gaps)."""
    ev = result.evidence
    held = result.held
    doc: dict[str, Any] = {
        "framework": result.framework.id,
        "candidate": result.candidate.name,
        "current_level": result.candidate.current_level,
        "target_level": result.target_level,
        "min_evidence": result.min_evidence,
        "summary": totals_json(result.totals()),
        "own": totals_json(result.totals(level=result.target_level)),
        "demonstrate": {"levels": list(result.demonstrate), **totals_json(result.demonstrate_totals)},
        "held": {"levels": [lv.id for lv in result.held_levels], "total": len(held),
                 "evidenced": sum(c.evidenced for c in held), "not_evidenced": sum(not c.evidenced for c in held),
                 "concerns": [c.id for c in result.concerns]},
        "expectations": [
            {"id": c.id, "level": c.expectation.level, "area": c.expectation.area,
             "text": c.expectation.text, "status": c.status, "evidence": list(c.evidence),
             "stale": list(c.stale), "strength": c.strength, "signals": c.backing.as_dict(),
             "held": c.held, "concern": c.concern, "next": _next(c)}
            for c in result.expectations
        ],
        "beyond_target": [{"id": s.expectation.id, "evidence": list(s.evidence)} for s in result.beyond_target],
        "untagged": list(result.untagged),
        "items": [{"id": s.id, "counts": s.counts, "signals": s.signals.as_dict(), "flags": list(s.flags),
                   "until": item.until.isoformat() if item.until else None, "result": item.result or None,
                   "outcome_text": s.outcome_text or None}
                  for s, item in zip(result.item_strength, ev.items, strict=True)],
    }
    if ev.recommendation is not None:
        doc["recommendation"] = {"decision": ev.recommendation.decision, "by": ev.sponsor or None,
                                 "rationale": ev.recommendation.rationale or None}
    return doc


# --- the terminal table -------------------------------------------------------------------

_STYLE = {MET: "green", THIN: "yellow", GAP: "bold red"}
_STRENGTH_STYLE = {STRONG: "green", SUPPORTED: "", UNSUPPORTED: "bold magenta"}


NARROW = 72  # columns below which `gaps` lists rows as lines instead of a table


def print_table(result: Result, console, *, open_only: bool = False) -> None:
    """Coverage as a table on a rich Console: colour on a terminal, plain text when piped. The
    levels to demonstrate come first, row by row; the held levels are one line of context; with
    `open_only`, only the rows that have a next step (docs/reference.md, What to do next)."""
    from rich import box
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    cand = result.candidate
    fw = result.framework
    target_name = fw.level_name(result.target_level)
    shown = " and ".join(lv.name for lv in result.demonstrate_levels)
    console.print(Text.assemble((cand.name, "bold"), f"  {fw.level_name(cand.current_level)} → {target_name}"
                                f"  ({fw.name}; met = at least {result.min_evidence} items)"))

    def line(label, t):
        return Text.assemble((label, "bold"), f"{t.total} expectations: ",
                             (f"{t.met} {MET}", _STYLE[MET]), ", ", (f"{t.thin} {THIN}", _STYLE[THIN]),
                             ", ", (f"{t.gap} {GAP}", _STYLE[GAP]), "; strength: ",
                             (f"{t.strong} {STRONG}", _STRENGTH_STYLE[STRONG]), f", {t.supported} {SUPPORTED}, ",
                             (f"{t.unsupported} {UNSUPPORTED}", _STRENGTH_STYLE[UNSUPPORTED]))
    console.print(line(f"To demonstrate ({shown}): ", result.demonstrate_totals))
    console.print(Text.assemble(("Held: ", "bold"), held_line(result)))

    labels = {item.id: result.label(item.id) for item in result.evidence.items}
    rows = result.next_steps if open_only else result.to_demonstrate
    if open_only and not rows:
        console.print(Text(f"Nothing open: every expectation of {shown} is met and strong"
                           + ("" if not result.concerns else ", and the sponsor's concerns are answered") + ".",
                           style="green"))
        return

    def cells(cov):
        status = Text(f"{SYMBOL[cov.status]} {cov.status}", style=_STYLE[cov.status])
        strength = Text(cov.strength or "", style=_STRENGTH_STYLE.get(cov.strength or "", ""))
        items = ", ".join(labels[i] for i in cov.evidence) or "—"
        if cov.stale:
            items += f" (+{len(cov.stale)} outside the period)"
        return status, strength, items

    if open_only or console.width < NARROW:  # a row as lines: the next step and the text, nothing cut
        for cov in rows:
            status, strength, items = cells(cov)
            step = next_text(cov.next) if cov.next else ""
            if cov.concern:
                step = f"concern raised by the sponsor; {step}" if step else "concern raised by the sponsor"
            head = Text.assemble((cov.id, "bold"), "  ", status, *(("  ", strength) if cov.strength else ()),
                                 f"  items: {items}")
            console.print(head)
            console.print(Padding(Text(cov.expectation.text), (0, 0, 0, 2)))
            if step:
                console.print(Padding(Text.assemble(("next: ", "bold"), step), (0, 0, 0, 2)))
    else:
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", expand=False, pad_edge=False)
        table.add_column("ID", no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column("Strength", no_wrap=True)
        table.add_column("Items", max_width=14, overflow="fold")
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
        console.print(Text("Untagged items: ", style="bold") + Text(", ".join(labels[i] for i in result.untagged)))
    if result.stale:
        console.print(Text("Outside the review period (not counted): ", style="bold") +
                      Text(", ".join(labels[i] for i in result.stale)))
    flagged = [(s.id, s.flags) for s in result.item_strength if s.flags]
    if flagged:
        console.print(Text("Items that lend no strength or quote the candidate: ", style="bold") +
                      Text(", ".join(f"{labels[i]} ({', '.join(f)})" for i, f in flagged)))
