"""The rest of the packet in Word: the target level, lower levels, evidence, the case, the writing
review and the framework's description.
"""
from __future__ import annotations

from docx.shared import Pt
from docx.text.paragraph import Paragraph

from packetgen.catalogue import Slot
from packetgen.model.result import GAP, MET, SYMBOL, THIN
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.glance import planned, ref_label, write_time_view
from packetgen.rendering.docx.palette import ACCENT, GAP_INK, MUTED, STRENGTH_INK, TEXT
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.view import Packet


def _message(w: Writer, para, key: str, slots: dict, **args) -> None:
    """A message whose Slot values are written by the functions in `slots` (links, labels)."""
    for piece in w.words.pieces(key, **{k: Slot(k) for k in slots}, **args):
        if isinstance(piece, Slot):
            slots[piece.name]()
        else:
            w.run(para, piece)


def write_target(w: Writer, packet: Packet) -> None:
    """The levels to demonstrate: the time view, then a card per expectation, by level and area."""
    words = packet.words
    w.heading(words("target-title", levels=packet.demonstrate_names), 1, "target")
    w.p(words("target-lead", evidence=words("evidence-title")), "Packet Small")
    write_time_view(w, packet)
    several = len(packet.demonstrate) > 1
    for group in packet.demonstrate:
        for area in group.areas:
            w.heading((f"{group.level.name} · " if several else "") + area.area.name, 2)
            for card in area.cards:
                _card(w, packet, card)


def _card(w: Writer, packet: Packet, card) -> None:
    cov, words = card.coverage, packet.words
    paras = []
    head = w.p(style="Packet Expectation")
    w.bookmark(head, packet.anchor(cov.id))
    w.run(head, cov.id, style="Packet ID")
    w.run(head, "  ")
    w.status(head, cov.status)
    if cov.strength:
        w.run(head, "  " + words(f"strength-{cov.strength}"), italic=True, bold=True,
              color=STRENGTH_INK.get(cov.strength, MUTED), size=8)
    w.run(head, "  " + cov.expectation.text)
    paras.append(head)
    if cov.status == GAP:
        paras.append(w.p(f"{SYMBOL[GAP]} {words('card-no-evidence')}", "Packet Gap Note"))
    else:
        para = w.p(style="Packet Meta")
        for n, (name, held) in enumerate(card.signals):
            w.run(para, ("   " if n else "") + f"{'✓' if held else '✗'} {name}", color=TEXT[MET] if held else MUTED)
        if cov.status == THIN:
            w.run(para, "   " + words("card-thin", have=len(cov.evidence), needed=cov.needed), color=TEXT[THIN])
        paras.append(para)
    if card.next:
        para = w.p(style="Packet Meta")
        w.run(para, words("card-next", step=card.next), bold=True)
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
        planned(w, para, plan)
        paras.append(para)
    for para in paras[:-1]:  # a card is never split across pages
        para.paragraph_format.keep_with_next = True
    paras[-1].paragraph_format.space_after = Pt(6)


def write_lower(w: Writer, packet: Packet) -> None:
    """The held levels, for reference: every held expectation, re-evidenced or not."""
    if not packet.held:
        return
    words = packet.words
    w.heading(words("held-title"), 1, "lower")
    lead = words("held-lead", levels=packet.held_names, current=packet.current_name, evidence=words("evidence-title"))
    if packet.result.concerns:
        lead += " " + words("held-lead-concerns", missing=words("missing-title"))
    w.p(lead, "Packet Small")
    n_rows = 1 + sum(1 + len(group.rows) for group in packet.held)
    _table, grid = w.table(n_rows, [31, 92, 24, 27])
    w.header_row(grid[0], [words("column-id"), words("column-expectation"), words("column-reevidenced"),
                           words("column-items")])
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
                w.run(para, f"  [{words('held-concern')}]", color=GAP_INK, size=7)
            w.cell_text(status_cell, "✓ " + words("held-yes") if cov.evidenced else "– " + words("held-no"),
                        color=TEXT[MET] if cov.evidenced else MUTED, size=7.5)
            para = refs_cell.paragraphs[0]
            for n, ref in enumerate(row.refs):  # the counted items; then, apart, those outside the period
                if n:
                    w.run(para, " ")
                ref_label(w, para, ref)
            if row.stale:
                w.run(para, " (" if row.refs else "(", color=MUTED, size=7)
                for piece in words.pieces("held-outside", items=Slot("items")):
                    if isinstance(piece, Slot):
                        for n, ref in enumerate(row.stale):
                            if n:
                                w.run(para, " ", color=MUTED, size=7)
                            ref_label(w, para, ref)
                    else:
                        w.run(para, piece, color=MUTED, size=7)
                w.run(para, ")", color=MUTED, size=7)
            i += 1
    for cells in grid[-7:-1]:  # the table never ends on a page of one or two rows
        for cell in cells:
            for para in cell.paragraphs:
                ooxml.keep_with_next(para)


def write_evidence(w: Writer, packet: Packet) -> None:
    words = packet.words
    w.heading(words("evidence-title"), 1, "evidence")
    w.p(words("evidence-lead", span=packet.evidence_span) if packet.evidence_entries else words("evidence-empty"),
        "Packet Small")
    for entry in packet.evidence_entries:
        _item(w, packet, entry)
    if packet.beyond:
        w.heading(words("beyond-title", level=packet.target_name), 2, "beyond")
        w.p(words("beyond-lead", level=packet.target_name), "Packet Small")
        for signal in packet.beyond:
            para = w.p(style="List Bullet")
            w.run(para, signal.expectation.id, style="Packet ID")
            w.run(para, "  " + signal.expectation.text + "  ")
            for k, item_id in enumerate(signal.evidence):
                if k:
                    w.run(para, " ")
                ref_label(w, para, packet.refs[item_id])


def _item(w: Writer, packet: Packet, entry) -> None:
    item, ref, words = entry.item, entry.ref, packet.words
    head = w.p(style="Packet Item")
    w.bookmark(head, packet.item_anchor(item.id))
    w.run(head, ref.label + "  ", style="Packet ID")
    w.run(head, item.title, color=None if ref.counts else MUTED)
    w.run(head, "  " + entry.ref.when, bold=False, color=MUTED)
    tags = ([] if ref.counts else [words("ref-outside")]) + ([] if item.expectations else [words("tag-untagged")]) + \
        list(entry.flags)
    for tag in tags:
        w.run(head, f"  [{tag}]", bold=False, color=GAP_INK if tag in entry.flags else MUTED, size=7.5)
    if item.result:
        para = w.p(style="Packet Small")
        w.run(para, words("label-result").upper() + "  ", color=MUTED, size=7.5)
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
        if quote.lang:  # a screen reader reads the quote in its own language (WCAG 3.1.2)
            ooxml.run_language(para.runs[0], quote.lang)
        relationship = words(f"relationship-{quote.relationship}") if quote.relationship else ""
        credit = " · ".join(x for x in (quote.author, relationship, quote.date and words.date(quote.date)) if x)
        if credit:
            w.run(para, f" — {credit}", italic=False, color=MUTED)
    body = w.body[-1]  # the last paragraph before the meta line keeps with it
    if body.tag == ooxml.qn("w:p"):
        Paragraph(body, w.container).paragraph_format.keep_with_next = True
    meta = w.p(style="Packet Meta")
    if entry.supports:
        w.run(meta, words("label-supports").upper() + "  ", color=MUTED, size=6.5)
        for n, exp in enumerate(entry.supports):
            if n:
                w.run(meta, " · ", color=MUTED)
            ooxml.internal_link(meta, packet.anchor(exp.id), exp.id, w.styles["Hyperlink"])
            w.run(meta, " " + exp.text)
    if entry.beyond:
        w.run(meta, ("  ·  " if entry.supports else "") + words("supports-beyond", level=packet.target_name,
                                                             ids=words("list-separator").join(entry.beyond)),
              italic=True)
    if ref.lends:
        w.run(meta, "   " + words("label-lends") + " " + " · ".join(entry.lends_why), color=TEXT[MET])
    elif ref.note:
        w.run(meta, "   " + ref.note[:1].upper() + ref.note[1:], color=GAP_INK)
        if entry.duplicate_of:
            w.run(meta, " ")
            _message(w, meta, "repeats", {"item": lambda: ref_label(w, meta, packet.refs[entry.duplicate_of])})
    elif item.expectations:
        w.run(meta, "   " + words("lends-nothing"), color=GAP_INK)
    meta.paragraph_format.space_after = Pt(8)
    write_notes(w, entry.note_groups)


def write_review(w: Writer, packet: Packet) -> None:
    """The writing review's notes, a sentence at a time: a draft for the writer and the sponsor only."""
    words = packet.words
    w.heading(words("review-title"), 1, "review")
    w.p(" ".join(x for x in (words("review-lead-comments", n=len(packet.review)), packet.review_lists_note) if x),
        "Packet Small")
    for group in packet.review_groups:
        para = w.p(style="List Bullet")
        w.run(para, words("review-where", subject=packet.note_subject(group.notes[0]), line=group.line), color=MUTED)
        if group.sentence:
            w.run(para, f"  “{group.sentence}”", italic=True)
        for note in group.notes:
            sub = w.p(style="Packet Meta")
            w.run(sub, note.rule, style="Packet ID")
            w.run(sub, (f" “{note.words}”" if note.words else "") + f": {packet.note_advice(note)}")


def write_notes(w: Writer, groups) -> None:
    """Notes of a draft about an item that concern it as a whole (broad, duplicate, self-quote)."""
    for group in groups:
        if group.sentence:
            continue  # a note on words is a comment on them
        for note in group.notes:
            para = w.p(style="Packet Meta")
            w.run(para, w.words("review-label").upper() + "  ", color=GAP_INK, size=6.5)
            w.run(para, f"{note.rule}: {note.advice_in(w.words)}", color=GAP_INK)


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
            w.doc.add_comment(run, text=f"{note.rule}: “{words}” — {note.advice_in(w.words)}",
                              author=w.words("review-author"), initials="PG")


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
    w.heading(w.words("about-title"), 1, bookmark)
    if fw.about:
        w.markdown(fw.about)
    for area in fw.areas:
        para = w.p(style="Packet Small")
        w.run(para, area.name + ": ", bold=True)
        w.run(para, area.description)
    w.p(" ".join(x for x in (fw.cumulative_note, fw.values_note) if x), "Packet Small")
    if fw.source:
        w.p(w.words("about-source", source=fw.source), "Packet Small")


def write_case(w: Writer, packet: Packet) -> None:
    """Summary, the sponsor's assessment, the recommendation, self-assessment, values, development:
    each voice under its own heading, said whose words they are; absent parts left out. In a draft,
    each note of the writing review is a comment on the words it is about."""
    ev, words = packet.evidence, packet.words

    def text(markdown: str, *path) -> None:
        start = len(w.body)
        w.markdown(markdown)
        comment(w, start, packet.review, path)

    if ev.summary:
        w.heading(words("case-summary"), 2)
        text(ev.summary, "summary")
    if ev.assessment and (ev.assessment.overall or ev.assessment.areas):
        w.heading(words("case-assessment"), 2)
        if ev.sponsor:
            w.run(w.p(style="Packet Small"), words("case-assessment-by", sponsor=ev.sponsor), italic=True)
        if ev.assessment.overall:
            text(ev.assessment.overall, "assessment", "overall")
        for area, said in ev.assessment.areas:
            w.heading(packet.area_name(area), 3)
            text(said, "assessment", "areas", area)
    if ev.recommendation:
        w.heading(words("case-recommendation"), 2)
        para = w.p()
        w.run(para, packet.decision, bold=True)
        if ev.sponsor:
            w.run(para, " — " + words("case-recommended-by", sponsor=ev.sponsor), italic=True, color=MUTED)
        if ev.recommendation.rationale:
            text(ev.recommendation.rationale, "recommendation", "rationale")
    if ev.self_assessment:
        w.heading(words("case-self-assessment"), 2)
        w.run(w.p(style="Packet Small"), words("case-own-words", name=packet.candidate.name), italic=True)
        text(ev.self_assessment, "self_assessment")
    if ev.values:
        w.heading(words("case-values"), 2)
        text(ev.values, "values")
    if packet.steps:
        w.heading(words("case-development"), 2)
        for plan in packet.steps:
            step = plan.step
            start = len(w.body)
            para = w.p(f"{plan.number}. {step.plan}", "Packet Small")
            w.bookmark(para, packet.step_anchor(plan.number))
            if step.by:
                w.run(para, "  " + words("by-date", date=words.date(step.by)), color=MUTED)
            if step.expectations:
                w.run(para, "  (")
                for n, ref in enumerate(step.expectations):
                    if ref in packet.in_scope:
                        ooxml.internal_link(para, packet.anchor(ref), ref, w.styles["Hyperlink"])
                    else:
                        w.run(para, ref)
                    if n < len(step.expectations) - 1:
                        w.run(para, words("list-separator"))
                w.run(para, ")")
            comment(w, start, packet.review, ("development", plan.number - 1, "plan"))
