"""The packet's first pages in Word: header, readiness at a glance, the time view, the gaps.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from packetgen.model.result import GAP, MET, SYMBOL, THIN
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.palette import EMPTY_FILL, FILL, GAP_INK, INK, MUTED, ROW_TINT, TEXT, TIME_FILL
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.parts import (
    OPEN_KINDS,
    OPEN_LEAD,
    OPEN_TITLE,
    TIME_ALL,
    TIME_EMPTY,
    TIME_LEAD,
    TIME_TITLE,
    day,
    time_text,
)
from packetgen.rendering.view import Packet


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
    """Readiness at a glance: the levels to demonstrate in numbers, the held levels in one line,
    and the levels by area (held levels one muted row, never a gap cell)."""
    w.heading("Readiness at a glance", 1, "glance")
    t = packet.demonstrate_totals
    para = w.p()
    w.run(para, packet.demonstrate_names, bold=True)
    w.run(para, f": {t.total} expectations to demonstrate — ")
    for n, (status, count) in enumerate(((MET, t.met), (THIN, t.thin), (GAP, t.gap))):
        w.run(para, f"{SYMBOL[status]} {count} {status}", bold=True, color=TEXT[status] if status != GAP else GAP_INK)
        w.run(para, ", " if n < 2 else "; ")
    w.run(para, f"{t.strong} strong", bold=True, color=TEXT[MET])
    w.run(para, f", {t.supported} supported, ")
    w.run(para, f"{t.unsupported} unsupported", bold=True, color=GAP_INK if t.unsupported else INK)
    held = w.p(style="Packet Small")
    w.run(held, "HELD  ", color=MUTED, size=7)
    w.run(held, packet.held_line, color=MUTED)

    w.run(w.p(style="Packet Caption"), "By area: the levels to demonstrate, and the held levels re-evidenced")
    areas = packet.result.areas
    width = 136 / (len(areas) + 1)
    _table, grid = w.table(len(packet.readiness) + 1, [38] + [width] * (len(areas) + 1))
    w.header_row(grid[0], ["Level"] + [a.name for a in areas] + ["Total"])
    for row, cells in zip(packet.readiness, grid[1:], strict=True):
        w.cell_text(cells[0], row.label, bold=not row.held, color=MUTED if row.held else None)
        for cell, c in zip(cells[1:], list(row.cells) + [row.total], strict=True):
            if not c.total:
                w.cell_text(cell, "–", color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
            elif row.held:
                w.cell_text(cell, f"{c.met + c.thin} of {c.total}", color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
                ooxml.shade(cell, "F3F5F8")
            else:
                para = w.cell_text(cell, f"{SYMBOL[c.status]} {c.met} of {c.total}", bold=True,
                                   color=TEXT[c.status], align=WD_ALIGN_PARAGRAPH.CENTER)
                note = f"{c.gap} gap{'s' * (c.gap != 1)}" if c.gap else f"{c.thin} thin" if c.thin else ""
                if note:
                    w.run(para, "\n" + note, color=TEXT[c.status], size=7)
                ooxml.shade(cell, FILL[c.status])
        if row.held:
            ooxml.shade(cells[0], "F3F5F8")
    legend = w.p("A cell reads as its worst status: ", "Packet Small")
    for status, words in ((GAP, "at least one without evidence"), (THIN, "at least one with too few items"),
                          (MET, "all met")):
        w.status(legend, status)
        w.run(legend, f" {words}   ")
    w.run(legend, f"Strong: a voice other than the candidate’s or the sponsor’s, a link or a measured result, and at "
                  f"least {packet.framework.policy.sustained_days} days; supported: one or two of them.")


def write_strongest(w: Writer, packet: Packet) -> None:
    """Up to three items that lend the most to the levels to demonstrate."""
    w.heading("Strongest evidence", 1, "strongest")
    if not packet.strongest:
        w.p(f"No item yet lends strong or supported strength to an expectation of {packet.demonstrate_names}.")
        return
    for n, s in enumerate(packet.strongest, start=1):
        ref = s.ref
        para = w.p(style="Packet Small")
        w.run(para, f"{n}. ")
        ref_label(w, para, ref)
        w.run(para, f"  {ref.item.title}", bold=True, size=9)
        w.run(para, f"  {ref.when}", color=MUTED)
        detail = w.p(style="Packet Meta")
        if ref.outcome:
            w.run(detail, ref.outcome, bold=True)
            w.run(detail, " · ")
        if ref.voice:
            w.run(detail, ref.voice, italic=True, color=MUTED)
            w.run(detail, " · ")
        w.run(detail, "lends to ", color=MUTED)
        for k, c in enumerate(s.lends):
            ooxml.internal_link(detail, packet.anchor(c.id), c.id, w.styles["Hyperlink"])
            w.run(detail, f" {c.strength}" + (", " if k < len(s.lends) - 1 else ""),
                  color=TEXT[MET] if c.strength == "strong" else MUTED)


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


def write_time_view(w: Writer, packet: Packet) -> None:
    if packet.time is not None:
        _time_view(w, packet.time)


def _open_points(w: Writer, packet: Packet) -> None:
    w.heading("What is missing", 1, "gaps")
    if not packet.open:
        w.p(f"Nothing: every expectation of {packet.demonstrate_names} is met and strong.")
        return
    w.p(packet.missing_line, "Packet Small")
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
                w.run(para, "  (", color=MUTED)
                for k, item_id in enumerate(cov.evidence):
                    ref_label(w, para, packet.refs[item_id])
                    w.run(para, " " if k < len(cov.evidence) - 1 else "", color=MUTED)
                w.run(para, f": {len(cov.evidence)} of {cov.needed} · {cov.strength})", color=MUTED)
            if entry.next:
                w.run(para, f"  → {entry.next}", color=MUTED)
            _near(w, entry.near, text_cell)
            for cell in (id_cell, text_cell):
                ooxml.shade(cell, ROW_TINT[kind])


def _near(w: Writer, near, cell) -> None:
    assert w.packet is not None  # set by write_packet
    for ref in near.stale:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, "→ Outside the period: ")
        ref_label(w, para, ref)
        w.run(para, f" {ref.item.title} · {ref.when}")
    for plan in near.steps:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, "→ Planned: ")
        ooxml.internal_link(para, w.packet.step_anchor(plan.number), f"development {plan.label}", w.styles["Hyperlink"])
        if plan.step.by:
            w.run(para, f" by {day(plan.step.by)}")


def ref_label(w: Writer, para, ref) -> None:
    assert w.packet is not None  # set by write_packet
    ooxml.internal_link(para, w.packet.item_anchor(ref.item.id), ref.label, w.styles["Packet Ref Label"])
