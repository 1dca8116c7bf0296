"""The packet's first pages in Word: header, readiness at a glance, the time view, the gaps.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from packetgen.model.result import GAP, MET, SYMBOL, THIN, UNSUPPORTED
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.palette import EMPTY_FILL, FILL, GAP_INK, INK, MUTED, ROW_TINT, TEXT, TIME_FILL
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.view import (
    OPEN_KINDS,
    OPEN_LEAD,
    OPEN_TITLE,
    TIME_ALL,
    TIME_EMPTY,
    TIME_LEAD,
    TIME_TITLE,
    Packet,
    day,
    time_text,
)


def write_header(w: Writer, packet: Packet) -> None:
    cand, ev = packet.candidate, packet.evidence
    w.p("PROMOTION PACKET" + (" · DRAFT WITH WRITING REVIEW" if packet.review else ""), "Packet Kicker")
    title = w.heading(cand.name, 0, "packet")
    if cand.pronouns:
        w.run(title, f" ({cand.pronouns})", bold=False, color=MUTED)
    sub = w.p(f"{packet.current_name} → {packet.target_name}", "Subtitle")
    if cand.role:
        w.run(sub, f"  ·  {cand.role}", bold=False, color=MUTED, size=10)
    if ev.recommendation:
        table, grid = w.table(1, [174], header=False)
        ooxml.borders(table, color="2B4C7E", size=6, inside_v=False)
        para = grid[0][0].paragraphs[0]
        w.run(para, "RECOMMENDATION   ", color=MUTED, size=7.5)
        w.run(para, packet.decision, bold=True, size=10)
        if ev.sponsor:
            w.run(para, f" — {ev.sponsor}", color=MUTED, size=10)
    period = ev.period
    facts = [("Manager", cand.manager),
             ("Review period", f"{day(period.start)} – {day(period.end)}" if period else "not set (every item counts)"),
             ("Framework", packet.framework.name),
             ("Evidence", packet.evidence_line),
             ("Generated", day(packet.generated))]
    facts = [(k, v) for k, v in facts if v]
    rows = (len(facts) + 1) // 2
    table, grid = w.table(rows, [25, 60, 25, 64], header=False)
    ooxml.borders(table, color="D5DAE1", inside_v=False)
    for n, (label, value) in enumerate(facts):
        cells = grid[n % rows][2 * (n // rows): 2 * (n // rows) + 2]
        w.cell_text(cells[0], label, color=MUTED)
        w.cell_text(cells[1], value)


def write_glance(w: Writer, packet: Packet) -> None:
    w.heading("Readiness at a glance", 1, "glance")
    _, grid = w.table(3, [56, 18, 18, 18, 19, 21, 24])
    w.header_row(grid[0], ["Expectations", "Met", "Thin", "Gap", "Strong", "Supported", "Unsupported"], upper=False)
    ink = {MET: TEXT[MET], THIN: TEXT[THIN], GAP: GAP_INK, "strong": TEXT[MET], "supported": INK,
           "unsupported": GAP_INK}
    rows = [(f"{packet.target_name}’s own {packet.own_totals.total}", packet.own_totals),
            (f"All {packet.totals.total} for {packet.target_name} (cumulative)", packet.totals)]
    for (label, t), cells in zip(rows, grid[1:], strict=False):
        w.cell_text(cells[0], label, bold=True)
        for cell, key in zip(cells[1:], (MET, THIN, GAP, "strong", "supported", "unsupported"), strict=False):
            w.cell_text(cell, str(getattr(t, key)), bold=True, size=11, align=WD_ALIGN_PARAGRAPH.RIGHT, color=ink[key])
        if t is packet.own_totals:
            for cell in cells:
                ooxml.shade(cell, "F3F5F8")

    w.run(w.p(style="Packet Caption"), "Coverage by area and level")
    levels = packet.levels
    width = 150 / (len(levels) + 1)
    _table, grid = w.table(len(packet.matrix) + 2, [24] + [width] * (len(levels) + 1))
    w.header_row(grid[0], ["Area"] + [lv.name for lv in levels] + ["Total"])
    body_rows = [(row.area.name, row.cells, row.total) for row in packet.matrix]
    body_rows.append(("All areas", packet.column_totals, packet.totals))
    for (label, cells_t, total), cells in zip(body_rows, grid[1:], strict=False):
        w.cell_text(cells[0], label, bold=True)
        for cell, t in zip(cells[1:], list(cells_t) + [total], strict=False):
            if not t.total:
                w.cell_text(cell, "–", color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
                continue
            para = w.cell_text(cell, f"{SYMBOL[t.status]} {t.met} of {t.total}", bold=t is total or t.status == GAP,
                               color=TEXT[t.status], align=WD_ALIGN_PARAGRAPH.CENTER)
            note = f"{t.gap} gap{'s' * (t.gap != 1)}" if t.gap else f"{t.thin} thin" if t.thin else ""
            if note:
                w.run(para, "\n" + note, color=TEXT[t.status], size=7)
            ooxml.shade(cell, FILL[t.status])
    legend = w.p("A cell shows expectations met of those in play and reads as its worst status: ", "Packet Small")
    for status, words in ((GAP, "at least one without evidence"), (THIN, "at least one with too few items"),
                          (MET, "all met")):
        w.status(legend, status)
        w.run(legend, f" {words}   ")
    w.p("Strength (strong: a colleague’s quote, a link or number, and two quarters; supported: one or two of "
        "them) is counted for met and thin expectations. " + packet.framework.cumulative_note, "Packet Small")


# the time view's fills deepen with the count (they read apart in grey; the count is the meaning)


def _time_view(w: Writer, t) -> None:
    para = w.p(style="Packet Caption")
    w.run(para, TIME_TITLE + "  ")
    w.run(para, TIME_LEAD, bold=False, color=MUTED, size=7)
    width = 150 / max(len(t.quarters), 1)
    _table, grid = w.table(len(t.rows) + 2, [24] + [width] * len(t.quarters))
    empty = [t.is_empty(q) for q in t.quarters]
    w.header_row(grid[0], ["Area"] + [q.label for q in t.quarters])
    for cell, is_empty in zip(grid[0][1:], empty, strict=False):
        if is_empty:
            w.run(cell.paragraphs[0], "\n" + TIME_EMPTY, color=MUTED, size=7)
    for row, cells in zip(list(t.rows) + [t.total], grid[1:], strict=False):
        total = row is t.total
        w.cell_text(cells[0], TIME_ALL if total else row.area.name, bold=True)
        for cell, c, is_empty in zip(cells[1:], row.cells, empty, strict=False):
            para = w.cell_text(cell, str(c.items) if c.items else "·", bold=total, color=INK if c.items else MUTED,
                               align=WD_ALIGN_PARAGRAPH.CENTER)
            if c.backed:
                w.run(para, f" ★{c.backed}", size=7)
            ooxml.shade(cell, EMPTY_FILL if is_empty else TIME_FILL[min(c.items, 3)])
    w.p(time_text(t), "Packet Small")


def write_gaps(w: Writer, packet: Packet) -> None:
    _open_points(w, packet)
    if packet.time is not None:
        _time_view(w, packet.time)


def _open_points(w: Writer, packet: Packet) -> None:
    r = packet.result
    w.heading("The gaps", 1, "gaps")
    if not packet.open:
        w.p(f"None: every expectation to demonstrate has at least {r.min_evidence} counting items, and each is "
            "backed by an independent voice, a link or result, or a span of time.")
        return
    thin = f"{len(packet.open_of(THIN))} with fewer than {r.min_evidence} items, " if r.min_evidence > 1 else ""
    concerns = len(packet.open_of("concern"))
    raised = f", {concerns} raised by the sponsor" if concerns else ""
    w.p(f"{len(packet.open_of(GAP))} without evidence, {thin}{len(packet.open_of(UNSUPPORTED))} met but "
        f"unsupported{raised}; {packet.target_name} first in each. Each links to its expectation.", "Packet Small")
    for kind in OPEN_KINDS:
        entries = packet.open_of(kind)
        if not entries:
            continue
        head = w.heading(f"{OPEN_TITLE[kind]} ({len(entries)})", 2)
        w.run(head, f"  {OPEN_LEAD[kind]}", bold=False, color=MUTED, size=8)
        table, grid = w.table(len(entries), [18, 27, 129], header=False)
        ooxml.borders(table, color="FFFFFF", size=8)
        for entry, (status_cell, id_cell, text_cell) in zip(entries, grid, strict=False):
            cov = entry.coverage
            w.cell_text(status_cell, f"{SYMBOL[cov.status]} {cov.status.upper()}", bold=True,
                        color=TEXT[cov.status], size=8)
            ooxml.shade(status_cell, FILL[cov.status])
            ooxml.internal_link(id_cell.paragraphs[0], packet.anchor(cov.id), cov.id, w.styles["Hyperlink"])
            para = w.cell_text(text_cell, cov.expectation.text)
            if cov.evidence:
                w.run(para, f"  ({len(cov.evidence)} of {cov.needed} · {cov.strength})", color=MUTED)
            if entry.next:
                w.run(para, f"  → {entry.next}", color=MUTED)
            _near(w, entry.near, text_cell)
            for cell in (id_cell, text_cell):
                ooxml.shade(cell, ROW_TINT[kind])


def _near(w: Writer, near, cell) -> None:
    for ref in near.stale:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, "→ Outside the period: ")
        ref_label(w, para, ref)
        w.run(para, f" {ref.item.title} · {ref.when}")
    for step in near.steps:
        para = w.p(f"→ Planned: {step.plan}", "Packet Meta", container=cell)
        if step.by:
            w.run(para, f" by {day(step.by)}")


def ref_label(w: Writer, para, ref) -> None:
    assert w.packet is not None  # set by write_packet
    ooxml.internal_link(para, w.packet.item_anchor(ref.item.id), ref.label, w.styles["Packet Ref Label"])
