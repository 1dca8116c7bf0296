"""The rest of the packet in Word: the target level, lower levels, evidence, the case, the writing
review and the framework's description.
"""
from __future__ import annotations

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from packetgen.model.result import GAP, MET, SYMBOL, THIN
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.glance import ref_label
from packetgen.rendering.docx.palette import ACCENT, FILL, GAP_INK, MUTED, ROW_TINT, STRENGTH_INK, TEXT
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.view import Packet, day


def write_target(w: Writer, packet: Packet) -> None:
    r = packet.result
    w.heading(f"{packet.target_name} expectations", 1, "target")
    w.p(f"What {packet.target_name} adds to the levels below: each expectation with its status, strength and the "
        "items citing it (details under Evidence).", "Packet Small")
    for group in packet.target_cards:
        w.heading(group.area.name, 2)
        for card in group.cards:
            cov = card.coverage
            paras = []
            head = w.p(style="Packet Expectation")
            w.bookmark(head, packet.anchor(cov.id))
            w.run(head, cov.id, style="Packet ID")
            w.run(head, "  ")
            w.status(head, cov.status)
            if cov.strength:
                w.run(head, "  " + cov.strength, italic=True, bold=True,
                      color=STRENGTH_INK.get(cov.strength, MUTED), size=8)
            w.run(head, "  " + cov.expectation.text)
            paras.append(head)
            if cov.status == GAP:
                paras.append(w.p(f"{SYMBOL[GAP]} No evidence yet.", "Packet Gap Note"))
            else:
                para = w.p(style="Packet Meta")
                for n, (name, held) in enumerate(card.signals):
                    w.run(para, ("   " if n else "") + f"{'✓' if held else '✗'} {name}",
                          color=TEXT[MET] if held else MUTED)
                if cov.status == THIN:
                    w.run(para, f"   {len(cov.evidence)} of {r.min_evidence} items", color=TEXT[THIN])
                paras.append(para)
            for ref in card.refs + card.stale:
                para = w.p(style="Packet Ref")
                ref_label(w, para, ref)
                w.run(para, f" {ref.item.title} · {ref.when} · ", color=None if ref.counts else MUTED)
                if ref.outcome:
                    w.run(para, ref.outcome, bold=True)
                    w.run(para, " · ")
                w.run(para, ref.summary, color=TEXT[MET] if ref.lends else GAP_INK)
                paras.append(para)
            for step in card.near.steps:
                para = w.p(f"Planned: {step.plan}", "Packet Meta")
                if step.by:
                    w.run(para, f" by {day(step.by)}")
                paras.append(para)
            for para in paras[:-1]:  # a card is never split across pages
                para.paragraph_format.keep_with_next = True
            paras[-1].paragraph_format.space_after = Pt(6)


def write_lower(w: Writer, packet: Packet) -> None:
    if not packet.lower:
        return
    w.heading("Lower levels", 1, "lower")
    w.p(f"Expected of every {packet.target_name} as well: {packet.lower_names}. Items by number (see Evidence).",
        "Packet Small")
    n_rows = 1 + sum(1 + len(group.rows) for group in packet.lower)
    _table, grid = w.table(n_rows, [31, 76, 17, 21, 29])
    w.header_row(grid[0], ["ID", "Expectation", "Status", "Strength", "Items"])
    i = 1
    for group in packet.lower:
        head = grid[i][0].merge(grid[i][4])
        w.cell_text(head, group.level.name, bold=True, color=ACCENT)
        ooxml.shade(head, "EEF1F5")
        i += 1
        for row in group.rows:
            cov = row.coverage
            id_cell, text_cell, status_cell, strength_cell, refs_cell = grid[i]
            para = w.cell_text(id_cell, "")
            w.run(para, cov.id, style="Packet ID")
            w.bookmark(para, packet.anchor(cov.id))
            w.cell_text(text_cell, cov.expectation.text)
            w.cell_text(status_cell, f"{SYMBOL[cov.status]} {cov.status.upper()}", bold=True,
                        color=TEXT[cov.status], size=7.5)
            ooxml.shade(status_cell, FILL[cov.status])
            ink = STRENGTH_INK.get(cov.strength or "", MUTED)
            w.cell_text(strength_cell, cov.strength or "—", italic=True, color=ink)
            para = refs_cell.paragraphs[0]
            for n, ref in enumerate(row.refs):  # the counted items; then, apart, those outside the period
                if n:
                    w.run(para, " ")
                ref_label(w, para, ref)
            for n, ref in enumerate(row.stale):
                w.run(para, (" " if n else " (" if row.refs else "("), color=MUTED, size=7)
                ref_label(w, para, ref)
            if row.stale:
                w.run(para, " outside period)", color=MUTED, size=7)
            if cov.status != MET:
                for cell in (id_cell, text_cell, strength_cell, refs_cell):
                    ooxml.shade(cell, ROW_TINT[cov.status])
            i += 1


def write_evidence(w: Writer, packet: Packet) -> None:
    w.heading("Evidence", 1, "evidence")
    n = len(packet.evidence_entries)
    span = f"E1{f'–E{n}' if n > 1 else ''}"
    w.p(f"Every item once, in the order of the file ({span}), with the expectations it supports and what it "
        "lends to them: a link, a result, a quote." if n else "The file lists no evidence items.", "Packet Small")
    for entry in packet.evidence_entries:
        _item(w, packet, entry)
    if packet.beyond:
        w.heading(f"Beyond {packet.target_name}", 2, "beyond")
        w.p(f"Signals toward the next level: cited expectations above {packet.target_name}. They change no status.",
            "Packet Small")
        for signal in packet.beyond:
            para = w.p(style="List Bullet")
            w.run(para, signal.expectation.id, style="Packet ID")
            w.run(para, "  " + signal.expectation.text + "  ")
            for k, item_id in enumerate(signal.evidence):
                if k:
                    w.run(para, " ")
                ref_label(w, para, packet.refs[item_id])


def _item(w: Writer, packet: Packet, entry) -> None:
    item, ref = entry.item, entry.ref
    head = w.p(style="Packet Item")
    w.bookmark(head, packet.item_anchor(item.id))
    w.run(head, ref.label + "  ", style="Packet ID")
    w.run(head, item.title, color=None if ref.counts else MUTED)
    w.run(head, "  " + entry.ref.when, bold=False, color=MUTED)
    tags = ([] if ref.counts else ["outside the review period: not counted"]) + \
        ([] if item.expectations else ["untagged"]) + list(entry.flags)
    for tag in tags:
        w.run(head, f"  [{tag}]", bold=False, color=GAP_INK if tag in entry.flags else MUTED, size=7.5)
    if item.result:
        para = w.p(style="Packet Small")
        w.run(para, "RESULT  ", color=MUTED, size=7.5)
        w.run(para, item.result, bold=True)
    if item.description:
        w.markdown(item.description)
    if item.links:
        para = w.p(style="Packet Small")
        for n, link in enumerate(item.links):
            w.run(para, "↗ ")
            if link.safe:
                w.links.link(para, link.href, link.title, w.styles["Hyperlink"])
            else:
                w.run(para, f"{link.title} ({link.url})")
            if n < len(item.links) - 1:
                w.run(para, "   ")
    for quote in item.quotes:
        para = w.p(f"“{quote.text}”", "Quote")
        credit = " · ".join(x for x in (quote.author, quote.relationship, quote.date and day(quote.date)) if x)
        if credit:
            w.run(para, f" — {credit}", italic=False, color=MUTED)
    body = w.body[-1]  # the last paragraph before the meta line keeps with it
    if body.tag == ooxml.qn("w:p"):
        Paragraph(body, w.container).paragraph_format.keep_with_next = True
    meta = w.p(style="Packet Meta")
    if entry.in_scope:
        w.run(meta, "Supports ")
        for n, exp_id in enumerate(entry.in_scope):
            if n:
                w.run(meta, ", ")
            ooxml.internal_link(meta, packet.anchor(exp_id), exp_id, w.styles["Hyperlink"])
    if entry.beyond:
        w.run(meta, ("; " if entry.in_scope else "") + f"beyond {packet.target_name}: " + ", ".join(entry.beyond),
              italic=True)
    if ref.lends:
        w.run(meta, "   Lends " + " · ".join(entry.lends_why), color=TEXT[MET])
    elif ref.note:
        w.run(meta, "   " + ref.note[0].upper() + ref.note[1:], color=GAP_INK)
        if entry.duplicate_of:
            w.run(meta, " (repeats ", color=GAP_INK)
            ref_label(w, meta, packet.refs[entry.duplicate_of])
            w.run(meta, ")", color=GAP_INK)
    elif item.expectations:
        w.run(meta, "   Lends no link, result or quote", color=GAP_INK)
    meta.paragraph_format.space_after = Pt(8)


def write_review(w: Writer, packet: Packet) -> None:
    """The writing review's notes: a draft for the writer and the sponsor only."""
    n = len(packet.review)
    w.heading("Writing review", 1, "review")
    w.p(f"A draft: {n} note{'s' * (n != 1)} for the writer and the sponsor on wording that lands unequally "
        "(packetgen check --fairness). Render without --draft for the committee.", "Packet Small")
    for note in packet.review:
        para = w.p(style="List Bullet")
        w.run(para, note.rule, style="Packet ID")
        w.run(para, f"  line {note.location.line} · ", color=MUTED)
        w.run(para, f"{note.subject}: {note.message}")


def write_about(w: Writer, fw, *, bookmark: str | None = None) -> None:
    """The framework's own description (once per packet, or once at the end of a handout)."""
    w.heading("About the framework", 1, bookmark)
    if fw.about:
        w.markdown(fw.about)
    for area in fw.areas:
        para = w.p(style="Packet Small")
        w.run(para, area.name + ": ", bold=True)
        w.run(para, area.description)
    w.p(" ".join(x for x in (fw.cumulative_note, fw.values_note) if x), "Packet Small")
    if fw.source:
        w.p("Source: " + fw.source, "Packet Small")


def write_case(w: Writer, packet: Packet) -> None:
    """Summary, self-assessment, the sponsor's assessment, recommendation, values, development:
    each voice under its own heading, said whose words they are; absent parts left out."""
    ev = packet.evidence
    if ev.summary:
        w.heading("Summary", 2)
        w.markdown(ev.summary)
    if ev.self_assessment:
        w.heading("Self-assessment", 2)
        w.run(w.p(style="Packet Small"), f"In {packet.candidate.name}’s own words", italic=True)
        w.markdown(ev.self_assessment)
    if ev.assessment and (ev.assessment.overall or ev.assessment.areas):
        w.heading("The sponsor’s assessment", 2)
        if ev.sponsor:
            w.run(w.p(style="Packet Small"), f"By {ev.sponsor}", italic=True)
        if ev.assessment.overall:
            w.markdown(ev.assessment.overall)
        for area, text in ev.assessment.areas:
            w.heading(packet.area_name(area), 3)
            w.markdown(text)
    if ev.recommendation:
        w.heading("Recommendation", 2)
        para = w.p()
        w.run(para, packet.decision, bold=True)
        if ev.sponsor:
            w.run(para, f" — recommended by {ev.sponsor}", italic=True, color=MUTED)
        if ev.recommendation.rationale:
            w.markdown(ev.recommendation.rationale)
    if ev.values:
        w.heading("Values", 2)
        w.markdown(ev.values)
    if ev.development:
        w.heading("Development plan", 2)
        for step in ev.development:
            para = w.p(step.plan, "List Bullet")
            if step.by:
                w.run(para, f"  by {day(step.by)}", color=MUTED)
            if step.expectations:
                w.run(para, "  (")
                for n, ref in enumerate(step.expectations):
                    if ref in packet.in_scope:
                        ooxml.internal_link(para, packet.anchor(ref), ref, w.styles["Hyperlink"])
                    else:
                        w.run(para, ref)
                    if n < len(step.expectations) - 1:
                        w.run(para, ", ")
                w.run(para, ")")
