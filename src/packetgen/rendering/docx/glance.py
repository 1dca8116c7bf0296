"""The packet's first pages in Word: header, readiness at a glance, the time view, the gaps.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH

from packetgen.catalogue import Slot
from packetgen.model.result import GAP, MET, SYMBOL, THIN
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.palette import EMPTY_FILL, FILL, GAP_INK, INK, MUTED, ROW_TINT, TEXT, TIME_FILL
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.parts import OPEN_KINDS, time_text
from packetgen.rendering.view import Packet


def write_header(w: Writer, packet: Packet) -> None:
    cand, ev, words = packet.candidate, packet.evidence, packet.words
    w.p((words("packet-kicker") + (" · " + words("packet-draft-mark") if packet.review else "")).upper(),
        "Packet Kicker")
    title = w.heading(cand.name, 0, "packet")
    if cand.pronouns:
        w.run(title, f" ({cand.pronouns})", bold=False, color=MUTED)
    sub = w.p(packet.levels_line, "Subtitle")
    if cand.role:
        w.run(sub, f"  ·  {cand.role}", bold=False, color=MUTED, size=10)
    if ev.recommendation:
        table, grid = w.table(1, [174], header=False)
        ooxml.borders(table, color="2B4C7E", size=6, inside_v=False)
        para = grid[0][0].paragraphs[0]
        w.run(para, words("label-recommendation").upper() + "   ", color=MUTED, size=7.5)
        w.run(para, packet.decision, bold=True, size=10)
        if ev.sponsor:
            w.run(para, f" — {ev.sponsor}", color=MUTED, size=10)
    facts = [(words("fact-manager"), cand.manager),
             (words("fact-period"), packet.period_line),
             (words("fact-framework"), packet.framework.name),
             (words("fact-evidence"), packet.evidence_line),
             (words("fact-generated"), packet.day(packet.generated))]
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
    words = packet.words
    w.heading(words("glance-title"), 1, "glance")
    t = packet.demonstrate_totals
    para = w.p()
    styled = {"levels": (packet.demonstrate_names, True, None),
              "met": (f"{SYMBOL[MET]} {words('count-met', n=t.met)}", True, TEXT[MET]),
              "thin": (f"{SYMBOL[THIN]} {words('count-thin', n=t.thin)}", True, TEXT[THIN]),
              "gap": (f"{SYMBOL[GAP]} {words('count-gap', n=t.gap)}", True, GAP_INK),
              "strong": (words("count-strong", n=t.strong), True, TEXT[MET]),
              "unsupported": (words("count-unsupported", n=t.unsupported), True, GAP_INK if t.unsupported else INK)}
    for piece in words.pieces("glance-line", total=t.total, supported=words("count-supported", n=t.supported),
                              **{k: Slot(k) for k in styled}):
        if isinstance(piece, Slot):
            text, bold, color = styled[piece.name]
            w.run(para, text, bold=bold, color=color)
        else:
            w.run(para, piece)
    held = w.p(style="Packet Small")
    w.run(held, words("label-held").upper() + "  ", color=MUTED, size=7)
    w.run(held, packet.held_line, color=MUTED)

    w.run(w.p(style="Packet Caption"), words("matrix-caption"))
    areas = packet.result.areas
    width = 136 / (len(areas) + 1)
    _table, grid = w.table(len(packet.readiness) + 1, [38] + [width] * (len(areas) + 1))
    w.header_row(grid[0], [words("column-level")] + [a.name for a in areas] + [words("column-total")])
    for row, cells in zip(packet.readiness, grid[1:], strict=True):
        w.cell_text(cells[0], row.label, bold=not row.held, color=MUTED if row.held else None)
        for cell, c in zip(cells[1:], list(row.cells) + [row.total], strict=True):
            if not c.total:
                w.cell_text(cell, "–", color=MUTED, align=WD_ALIGN_PARAGRAPH.CENTER)
            elif row.held:
                w.cell_text(cell, words("cell-of", met=c.met + c.thin, total=c.total), color=MUTED,
                            align=WD_ALIGN_PARAGRAPH.CENTER)
                ooxml.shade(cell, "F3F5F8")
            else:
                para = w.cell_text(cell, f"{SYMBOL[c.status]} {words('cell-of', met=c.met, total=c.total)}", bold=True,
                                   color=TEXT[c.status], align=WD_ALIGN_PARAGRAPH.CENTER)
                note = words("cell-gaps", n=c.gap) if c.gap else words("cell-thin", n=c.thin) if c.thin else ""
                if note:
                    w.run(para, "\n" + note, color=TEXT[c.status], size=7)
                ooxml.shade(cell, FILL[c.status])
        if row.held:
            ooxml.shade(cells[0], "F3F5F8")
    legend = w.p(style="Packet Small")
    for piece in words.pieces("legend-status", gap=Slot(GAP), thin=Slot(THIN), met=Slot(MET)):
        if isinstance(piece, Slot):
            w.status(legend, piece.name)
        else:
            w.run(legend, piece)
    w.run(legend, " " + words("legend-strength", days=packet.framework.policy.sustained_days))


def write_strongest(w: Writer, packet: Packet) -> None:
    """Up to three items that lend the most to the levels to demonstrate."""
    words = packet.words
    w.heading(words("strongest-title"), 1, "strongest")
    if not packet.strongest:
        w.p(words("strongest-none", levels=packet.demonstrate_names))
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
        for piece in words.pieces("strongest-lends", expectations=Slot("expectations")):
            if not isinstance(piece, Slot):
                w.run(detail, piece, color=MUTED)
                continue
            for k, c in enumerate(s.lends):
                ooxml.internal_link(detail, packet.anchor(c.id), c.id, w.styles["Hyperlink"])
                w.run(detail, " " + words(f"strength-{c.strength}")
                      + (words("list-separator") if k < len(s.lends) - 1 else ""),
                      color=TEXT[MET] if c.strength == "strong" else MUTED)


# the time view's fills deepen with the count (they read apart in grey; the count is the meaning)


def _time_view(w: Writer, t) -> None:
    words = w.words
    para = w.p(style="Packet Caption")
    w.run(para, words("time-title") + "  ")
    w.run(para, words("time-lead"), bold=False, color=MUTED, size=7)
    width = 150 / max(len(t.quarters), 1)
    _table, grid = w.table(len(t.rows) + 2, [24] + [width] * len(t.quarters))
    empty = [t.is_empty(q) for q in t.quarters]
    w.header_row(grid[0], [words("time-area")] + [words.quarter(q) for q in t.quarters])
    for cell, is_empty in zip(grid[0][1:], empty, strict=False):
        if is_empty:
            w.run(cell.paragraphs[0], "\n" + words("time-empty"), color=MUTED, size=7)
    for row, cells in zip(list(t.rows) + [t.total], grid[1:], strict=False):
        total = row is t.total
        w.cell_text(cells[0], words("time-all") if total else row.area.name, bold=True)
        for cell, c, is_empty in zip(cells[1:], row.cells, empty, strict=False):
            para = w.cell_text(cell, str(c.items) if c.items else "·", bold=total, color=INK if c.items else MUTED,
                               align=WD_ALIGN_PARAGRAPH.CENTER)
            if c.backed:
                w.run(para, f" ★{c.backed}", size=7)
            ooxml.shade(cell, EMPTY_FILL if is_empty else TIME_FILL[min(c.items, 3)])
    w.p(time_text(t, words), "Packet Small")


def write_gaps(w: Writer, packet: Packet) -> None:
    _open_points(w, packet)


def write_time_view(w: Writer, packet: Packet) -> None:
    if packet.time is not None:
        _time_view(w, packet.time)


def _open_points(w: Writer, packet: Packet) -> None:
    words = packet.words
    w.heading(words("missing-title"), 1, "gaps")
    if not packet.open:
        w.p(words("missing-none", levels=packet.demonstrate_names, concerns=len(packet.result.concerns)))
        return
    w.p(packet.missing_line, "Packet Small")
    for kind in OPEN_KINDS:
        entries = packet.open_of(kind)
        if not entries:
            continue
        head = w.heading(words("open-heading", title=words(f"open-{kind}"), n=len(entries)), 2)
        w.run(head, "  " + words(f"open-{kind}-lead"), bold=False, color=MUTED, size=8)
        table, grid = w.table(len(entries), [18, 27, 129], header=False)
        ooxml.borders(table, color="FFFFFF", size=8)
        for entry, (status_cell, id_cell, text_cell) in zip(entries, grid, strict=False):
            cov = entry.coverage
            w.cell_text(status_cell, f"{SYMBOL[cov.status]} {words('status-' + cov.status).upper()}", bold=True,
                        color=TEXT[cov.status], size=8)
            ooxml.shade(status_cell, FILL[cov.status])
            ooxml.internal_link(id_cell.paragraphs[0], packet.anchor(cov.id), cov.id, w.styles["Hyperlink"])
            para = w.cell_text(text_cell, cov.expectation.text)
            if cov.evidence:
                w.run(para, "  (", color=MUTED)
                for piece in words.pieces("open-count", items=Slot("items"), have=len(cov.evidence),
                                          needed=cov.needed, strength=words(f"strength-{cov.strength}")):
                    if isinstance(piece, Slot):
                        for k, item_id in enumerate(cov.evidence):
                            ref_label(w, para, packet.refs[item_id])
                            w.run(para, " " if k < len(cov.evidence) - 1 else "", color=MUTED)
                    else:
                        w.run(para, piece, color=MUTED)
                w.run(para, ")", color=MUTED)
            if entry.next:
                w.run(para, f"  {arrow(w)} {entry.next}", color=MUTED)
            _near(w, entry.near, text_cell)
            for cell in (id_cell, text_cell):
                ooxml.shade(cell, ROW_TINT[kind])


def _near(w: Writer, near, cell) -> None:
    assert w.packet is not None  # set by write_packet
    for ref in near.stale:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, arrow(w) + " ")
        for piece in w.words.pieces("near-outside", item=Slot("item")):
            if isinstance(piece, Slot):
                ref_label(w, para, ref)
                w.run(para, f" {ref.item.title} · {ref.when}")
            else:
                w.run(para, piece)
    for plan in near.steps:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, arrow(w) + " ")
        planned(w, para, plan)


def planned(w: Writer, para, plan) -> None:
    """"Planned: development step 3 by 30 Jun 2027", the step a link to it."""
    assert w.packet is not None
    for piece in w.words.pieces("near-planned", step=Slot("step")):
        if isinstance(piece, Slot):
            ooxml.internal_link(para, w.packet.step_anchor(plan.number), plan.label, w.styles["Hyperlink"])
        else:
            w.run(para, piece)
    if plan.step.by:
        w.run(para, " " + w.words("by-date", date=w.words.date(plan.step.by)))


def ref_label(w: Writer, para, ref) -> None:
    assert w.packet is not None  # set by write_packet
    ooxml.internal_link(para, w.packet.item_anchor(ref.item.id), ref.label, w.styles["Packet Ref Label"])


def arrow(w: Writer) -> str:
    """An arrow that points the way the text reads."""
    return "←" if w.words.rtl else "→"
