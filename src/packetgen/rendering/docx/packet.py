"""One packet as a Word document: its sections in order, from the view model.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import docx

from packetgen.catalogue import Catalogue
from packetgen.errors import RenderError
from packetgen.model.result import Result
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.body import (
    write_about,
    write_case,
    write_evidence,
    write_lower,
    write_review,
    write_target,
)
from packetgen.rendering.docx.glance import write_gaps, write_glance, write_header, write_strongest
from packetgen.rendering.docx.page import footer, language, page_setup, properties, save
from packetgen.rendering.docx.palette import MUTED
from packetgen.rendering.docx.styles import ensure_styles, reference_path
from packetgen.rendering.docx.writer import Writer
from packetgen.rendering.view import Packet, build

# --- the packet ---------------------------------------------------------------------------

# The packet's sections, in order, as (bookmark, heading): the written table of contents.
def sections(packet: Packet, *, about: bool = True) -> list[tuple[str, str]]:
    words = packet.words
    out = [("glance", words("glance-title")), ("strongest", words("strongest-title")),
           ("gaps", words("missing-title"))] + \
        ([("summary", words("case-title"))] if packet.has_case else []) + \
        [("target", words("target-title", levels=packet.demonstrate_names)), ("evidence", words("evidence-title"))]
    if packet.held:
        out.append(("lower", words("held-title")))
    if packet.review:
        out.append(("review", words("review-title")))
    if about:
        out.append(("about", words("about-title")))
    return out


def open_document(reference: Path | None = None, words: Catalogue | None = None):
    """The reference document (the company's or the built-in one) with its body emptied, its
    language and direction those of `words`."""
    source = reference or reference_path()
    if reference is not None and not Path(reference).is_file():
        raise RenderError(f"--reference-docx {reference}: no such file")
    try:
        document = docx.Document(str(source))
    except Exception as exc:  # a broken or non-DOCX reference file
        raise RenderError(f"--reference-docx {source}: not a usable Word document ({exc})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != ooxml.qn("w:sectPr"):
            body.remove(child)
    ensure_styles(document)
    if words is not None:
        language(document, words)
    return document


def write_packet(w: Writer, packet: Packet, *, toc: bool = True, about: bool = True) -> None:
    """Append one packet's content (README, Rendering a packet) to the writer's document."""
    w.prefix = packet.prefix
    w.packet = packet
    write_header(w, packet)
    if toc:
        table_of_contents(w, [(w.prefix + anchor, title) for anchor, title in sections(packet, about=about)])
    write_glance(w, packet)
    write_strongest(w, packet)
    write_gaps(w, packet)
    if packet.has_case:
        w.heading(packet.words("case-title"), 1, "summary")
        write_case(w, packet)
    write_target(w, packet)
    write_evidence(w, packet)
    write_lower(w, packet)
    if packet.review:
        write_review(w, packet)
    if about:
        write_about(w, packet.framework, bookmark="about")


def running_text(packet: Packet) -> str:
    return packet.running


def write_docx(result: Result, target: Path, *, generated: date, reference: Path | None = None,
               paper: str = "a4", review: tuple = (), words: Catalogue | None = None) -> None:
    packet = build(result, generated, review=review, words=words)
    document = open_document(reference, packet.words)
    w = Writer(document, packet.words)
    write_packet(w, packet)
    w.finish()
    if reference is None:
        page_setup(document, paper)
    for section in document.sections:
        footer(section, running_text(packet), packet.words)
    properties(document, title=packet.title, author=packet.candidate.name, subject=packet.subject,
               keywords=packet.keywords, generated=generated, lang=packet.words.lang)
    save(document, target, generated)

def table_of_contents(w: Writer, entries: list[tuple[str, str]]) -> None:
    """The contents, written out on one line: an internal link per section, so the real
    headings show on first open everywhere. They stand inside a TOC field, so Word can still
    rebuild it with page numbers (References › Update table); nothing asks the reader to."""
    para = w.p(style="Packet TOC")
    w.run(para, w.words("contents").upper() + "   ", color=MUTED, size=7.5)
    ooxml.field_begin(para, 'TOC \\o "1-1" \\h \\z \\u')
    for n, (anchor, title) in enumerate(entries):
        if n:
            w.run(para, "  ·  ", color=MUTED)
        ooxml.internal_link(para, anchor, title, w.styles["Hyperlink"])
    ooxml.field_end(para)
