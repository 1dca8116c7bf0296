"""The rest of the packet in Word: the target level, lower levels, evidence, the case, the writing
review and the framework's description.
"""
from __future__ import annotations

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from packetgen.model.result import GAP, MET, SYMBOL, THIN
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.glance import ref_label, write_time_view
from packetgen.rendering.docx.palette import ACCENT, GAP_INK, MUTED, STRENGTH_INK, TEXT
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.parts import day
from packetgen.rendering.view import Packet


def write_target(w: Writer, packet: Packet) -> None:
    """The levels to demonstrate: the time view, then a card per expectation, by level and area."""
    w.heading(f"The levels to demonstrate: {packet.demonstrate_names}", 1, "target")
    w.p("Each expectation with its status, strength, next step and the items citing it (in full under Evidence).",
        "Packet Small")
    write_time_view(w, packet)
    several = len(packet.demonstrate) > 1
    for group in packet.demonstrate:
        for area in group.areas:
            w.heading((f"{group.level.name} · " if several else "") + area.area.name, 2)
            for card in area.cards:
                _card(w, packet, card)


def _card(w: Writer, packet: Packet, card) -> None:
    cov = card.coverage
    paras = []
    head = w.p(style="Packet Expectation")
    w.bookmark(head, packet.anchor(cov.id))
    w.run(head, cov.id, style="Packet ID")
    w.run(head, "  ")
    w.status(head, cov.status)
    if cov.strength:
        w.run(head, "  " + cov.strength, italic=True, bold=True, color=STRENGTH_INK.get(cov.strength, MUTED), size=8)
    w.run(head, "  " + cov.expectation.text)
    paras.append(head)
    if cov.status == GAP:
        paras.append(w.p(f"{SYMBOL[GAP]} No evidence yet.", "Packet Gap Note"))
    else:
        para = w.p(style="Packet Meta")
        for n, (name, held) in enumerate(card.signals):
            w.run(para, ("   " if n else "") + f"{'✓' if held else '✗'} {name}", color=TEXT[MET] if held else MUTED)
        if cov.status == THIN:
            w.run(para, f"   {len(cov.evidence)} of {cov.needed} items", color=TEXT[THIN])
        paras.append(para)
    if card.next:
        para = w.p(style="Packet Meta")
        w.run(para, "Next: " + card.next, bold=True)
        paras.append(para)
    for ref in card.refs + card.stale:
        para = w.p(style="Packet Ref")
        ref_label(w, para, ref)
        w.run(para, f" {ref.item.title} · {ref.when}", color=None if ref.counts else MUTED)
        if ref.outcome:
            w.run(para, " · ")
            w.run(para, ref.outcome, bold=True)
        if ref.link is not None:
            w.run(para, " · ↗ ")
            if ref.link.safe:
                w.links.link(para, ref.link.href, ref.link.title, w.styles["Hyperlink"])
            else:
                w.run(para, ref.link.title)
        if ref.voice:
            w.run(para, f" · {ref.voice}", italic=True, color=MUTED)
        if not ref.lends:
            w.run(para, f" · {ref.summary}", color=GAP_INK)
        paras.append(para)
    for plan in card.near.steps:
        para = w.p(style="Packet Meta")
        w.run(para, "Planned: ")
        ooxml.internal_link(para, packet.step_anchor(plan.number), f"development {plan.label}", w.styles["Hyperlink"])
        if plan.step.by:
            w.run(para, f" by {day(plan.step.by)}")
        paras.append(para)
    for para in paras[:-1]:  # a card is never split across pages
        para.paragraph_format.keep_with_next = True
    paras[-1].paragraph_format.space_after = Pt(6)


def write_lower(w: Writer, packet: Packet) -> None:
    """The held levels, for reference: every held expectation, re-evidenced or not."""
    if not packet.held:
        return
    w.heading("Held levels, for reference", 1, "lower")
    w.p(f"{packet.held_names}: held by a {packet.current_name}, so context, never a gap. Re-evidenced: cited by "
        "counting items (by number, see Evidence).", "Packet Small")
    n_rows = 1 + sum(1 + len(group.rows) for group in packet.held)
    _table, grid = w.table(n_rows, [31, 92, 24, 27])
    w.header_row(grid[0], ["ID", "Expectation", "Re-evidenced", "Items"])
    i = 1
    for group in packet.held:
        head = grid[i][0].merge(grid[i][3])
        w.cell_text(head, group.level.name, bold=True, color=ACCENT)
        ooxml.shade(head, "EEF1F5")
        i += 1
        for row in group.rows:
            cov = row.coverage
            id_cell, text_cell, status_cell, refs_cell = grid[i]
            para = w.cell_text(id_cell, "")
            w.run(para, cov.id, style="Packet ID")
            w.bookmark(para, packet.anchor(cov.id))
            para = w.cell_text(text_cell, cov.expectation.text)
            if cov.concern:
                w.run(para, "  [concern raised by the sponsor]", color=GAP_INK, size=7)
            w.cell_text(status_cell, "✓ yes" if cov.evidenced else "– not re-evidenced",
                        color=TEXT[MET] if cov.evidenced else MUTED, size=7.5)
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
            i += 1
    for cells in grid[-7:-1]:  # the table never ends on a page of one or two rows
        for cell in cells:
            for para in cell.paragraphs:
                ooxml.keep_with_next(para)


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
        start = len(w.body)
        w.markdown(item.description)
        comment(w, start, packet.review, ("evidence", packet.evidence_entries.index(entry), "description"))
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
    if entry.supports:
        w.run(meta, "SUPPORTS  ", color=MUTED, size=6.5)
        for n, exp in enumerate(entry.supports):
            if n:
                w.run(meta, " · ", color=MUTED)
            ooxml.internal_link(meta, packet.anchor(exp.id), exp.id, w.styles["Hyperlink"])
            w.run(meta, " " + exp.text)
    if entry.beyond:
        w.run(meta, ("; " if entry.supports else "") + f"beyond {packet.target_name}: " + ", ".join(entry.beyond),
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
    write_notes(w, entry.note_groups)


def write_review(w: Writer, packet: Packet) -> None:
    """The writing review's notes, a sentence at a time: a draft for the writer and the sponsor only."""
    n = len(packet.review)
    w.heading("Writing review", 1, "review")
    w.p(f"A draft: {n} note{'s' * (n != 1)} for the writer and the sponsor on wording that lands unequally "
        "(packetgen check --fairness), each also a comment on the words it is about. Render without --draft for "
        "the committee.", "Packet Small")
    for group in packet.review_groups:
        para = w.p(style="List Bullet")
        w.run(para, f"{group.subject} · line {group.line}", color=MUTED)
        if group.sentence:
            w.run(para, f"  “{group.sentence}”", italic=True)
        for note in group.notes:
            sub = w.p(style="Packet Meta")
            w.run(sub, note.rule, style="Packet ID")
            w.run(sub, (f" “{note.words}”" if note.words else "") + f": {note.advice or note.message}")


def write_notes(w: Writer, groups) -> None:
    """Notes of a draft about an item that concern it as a whole (broad, duplicate, self-quote)."""
    for group in groups:
        if group.sentence:
            continue  # a note on words is a comment on them
        for note in group.notes:
            para = w.p(style="Packet Meta")
            w.run(para, "WRITING REVIEW  ", color=GAP_INK, size=6.5)
            w.run(para, f"{note.rule}: {note.advice or note.message}", color=GAP_INK)


REVIEWER = "packetgen writing review"


def comment(w: Writer, start: int, review, path: tuple) -> None:
    """Each note about the field at `path` as a Word comment on the flagged words, in the paragraphs
    written since `start` (the body's length before them)."""
    notes = [n for n in review if getattr(n, "path", ()) == path and n.words]
    if not notes:
        return
    paragraphs = [Paragraph(el, w.container) for el in list(w.body)[start:] if el.tag == ooxml.qn("w:p")]
    for note in notes:
        words = " ".join(note.words.replace("*", "").replace("_", "").replace("`", "").split())
        run = _isolate(paragraphs, words)
        if run is not None:
            w.doc.add_comment(run, text=f"{note.rule}: “{words}” — {note.advice}", author=REVIEWER, initials="PG")


def _isolate(paragraphs, words: str):
    """The run that holds exactly `words` (split out of the run it stands in), or the first run of
    the paragraph that holds them when they cross runs; None when no paragraph holds them."""
    import copy

    for para in paragraphs:
        for run in para.runs:
            text = run.text
            at = text.find(words)
            if at < 0:
                continue
            before, after = text[:at], text[at + len(words):]
            if before:
                left = copy.deepcopy(run._r)
                run._r.addprevious(left)
                type(run)(left, run._parent).text = before
            if after:
                right = copy.deepcopy(run._r)
                run._r.addnext(right)
                type(run)(right, run._parent).text = after
            run.text = words
            return run
        if words in para.text and para.runs:
            return para.runs[0]
    return None


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
    """Summary, the sponsor's assessment, the recommendation, self-assessment, values, development:
    each voice under its own heading, said whose words they are; absent parts left out. In a draft,
    each note of the writing review is a comment on the words it is about."""
    ev = packet.evidence

    def text(markdown: str, *path) -> None:
        start = len(w.body)
        w.markdown(markdown)
        comment(w, start, packet.review, path)

    if ev.summary:
        w.heading("Summary", 2)
        text(ev.summary, "summary")
    if ev.assessment and (ev.assessment.overall or ev.assessment.areas):
        w.heading("The sponsor’s assessment", 2)
        if ev.sponsor:
            w.run(w.p(style="Packet Small"), f"By {ev.sponsor}", italic=True)
        if ev.assessment.overall:
            text(ev.assessment.overall, "assessment", "overall")
        for area, words in ev.assessment.areas:
            w.heading(packet.area_name(area), 3)
            text(words, "assessment", "areas", area)
    if ev.recommendation:
        w.heading("Recommendation", 2)
        para = w.p()
        w.run(para, packet.decision, bold=True)
        if ev.sponsor:
            w.run(para, f" — recommended by {ev.sponsor}", italic=True, color=MUTED)
        if ev.recommendation.rationale:
            text(ev.recommendation.rationale, "recommendation", "rationale")
    if ev.self_assessment:
        w.heading("Self-assessment", 2)
        w.run(w.p(style="Packet Small"), f"In {packet.candidate.name}’s own words", italic=True)
        text(ev.self_assessment, "self_assessment")
    if ev.values:
        w.heading("Values", 2)
        text(ev.values, "values")
    if packet.steps:
        w.heading("Development plan", 2)
        for plan in packet.steps:
            step = plan.step
            start = len(w.body)
            para = w.p(f"{plan.number}. {step.plan}", "Packet Small")
            w.bookmark(para, packet.step_anchor(plan.number))
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
            comment(w, start, packet.review, ("development", plan.number - 1, "plan"))
