"""Calibration handouts: the cycle overview, then every candidate's packet as a chapter, then
the framework's description once.

PDF: the overview, each chapter and the closing part are laid out as documents of their own
(so page numbers restart per candidate) and written as one tagged PDF: WeasyPrint combines
their pages, so the structure tree, /Lang, the outline and the links cover the whole handout
(joining finished PDFs would drop the tags). HTML and DOCX are built in one pass.
"""
from __future__ import annotations

import io
from datetime import date
from itertools import pairwise
from pathlib import Path

from markupsafe import Markup

from packetgen.catalogue import Catalogue, Slot
from packetgen.committee.cycle import Cycle
from packetgen.errors import RenderError
from packetgen.output import atomic_path
from packetgen.rendering.view import Packet, build
from packetgen.version import __version__

# Chapters Typst lays out in one document: each compile's own costs (its memo cache walked, the fonts
# subset and written, the part opened and joined) are paid once for them. 50 candidates, paired (4 runs):
# two to a document 11.75 s CPU, 279 MB peak; four 10.51 s, 277 MB; five 10.74 s, 291 MB
TOGETHER = 4

FORMATS = ("pdf", "docx", "html")


def _meta(cycle: Cycle, packets: list[Packet], title: str) -> dict:
    frameworks = sorted({p.framework.id for p in packets})
    words = packets[0].words
    return dict(
        title=title,
        author=words("handout-author"),
        subject=words("handout-meta-subject", n=len(packets), anonymized="yes" if cycle.anonymized else "no"),
        keywords=(words("handout-keyword"), *frameworks),
    )


def _sponsor_lines(cycle: Cycle, words) -> list[tuple[str, list[str]]]:
    """The sponsor view: each sponsor of two or more candidates, and each candidate's line
    ("Jordan Lee: Next cycle, 4 of 10 strong"); none in a first-pass edition."""
    from packetgen.committee.cycle import sponsors

    if cycle.blind:
        return []
    return [(row.sponsor, [words("handout-sponsor-entry", name=r.candidate.name,
                                 decision=words(f"decision-{r.evidence.recommendation.decision}"),
                                 strong=strong, total=total)
                           for r, strong, total in row.candidates if r.evidence.recommendation])
            for row in sponsors(cycle.results)]


def _depth_words(words):
    """"with an outcome, with an artifact": the depth measures a row is thin on, in words."""
    return lambda names: words("list-separator").join(words(f"handout-depth-measure-{n}") for n in names)


def _overview_html(cycle, packets, *, generated, paper, template_dir, title, chapters=(), html=False,
                   part="overview", first_pages=(), handout_page=None):
    """The handout's own pages: `part` "overview" (with the chapters, for HTML), or "about"
    (the description of each framework, once, at the end of a PDF handout). `first_pages`:
    where each chapter starts in the PDF; `handout_page`: where the "about" part starts."""
    from packetgen.committee.cycle import overview
    from packetgen.rendering.html import PAPER_SIZES, render_template, word_functions

    words = packets[0].words
    return render_template("committee.html.j2", template_dir, **word_functions(words),
                           depth_words=_depth_words(words), packets=packets, invalid=cycle.invalid,
                           blind=cycle.blind, order=cycle.order, sponsor_lines=_sponsor_lines(cycle, words),
                           anonymized=cycle.anonymized, generated=generated, paper=PAPER_SIZES[paper],
                           chapters=chapters, html=html, part=part, frameworks=_frameworks(packets),
                           rows=overview(cycle.results), first_pages=first_pages, handout_page=handout_page,
                           **_meta(cycle, packets, title))


def _frameworks(packets: list[Packet]) -> list:
    """Each framework of the cycle once, in order of first use."""
    seen: dict[str, object] = {}
    for p in packets:
        seen.setdefault(p.framework.id, p.framework)
    return list(seen.values())


def _joined(cycle, packets, *, progress: bool, overview, chapters, about, together: int = 1,
            prepare=None) -> bytes:
    """A PDF handout laid out a part at a time, each part written (and its layout freed) before the
    next, then joined into one tagged PDF (rendering/joining.py), so its memory is a part's, not
    the cycle's. An engine gives `overview(starts, write)` -> (PDF or None, pages), `chapters(batch,
    start)` -> (PDF, pages of each) for `together` chapters at a time ([(result, packet, n)...]) and
    `about(page)` -> PDF, `start` and `page` being handout pages. Each chapter's footer gives its page
    of the handout too, as the overview lists them: so the overview's length comes first
    (three-digit page numbers take the most room), then the chapters. `prepare(part, bytes)`, if
    given, finishes each part once it is open in pikepdf."""
    from packetgen.progress import bar as progress_bar
    from packetgen.rendering.joining import join

    _, length = overview([999] * len(packets), False)
    laid, starts, page = [], [], length + 1
    cases = [(result, packet, n) for n, (result, packet) in enumerate(zip(cycle.results, packets, strict=False),
                                                                        start=1)]
    bar = progress_bar(len(packets), progress)
    try:
        for at in range(0, len(cases), together):
            batch = cases[at:at + together]
            pdf, counts = chapters(batch, page)
            laid.append(pdf)
            for pages in counts:
                starts.append(page)
                page += pages
                if bar:
                    bar.advance(0)
    finally:
        if bar:
            bar.stop()
    first, pages = overview(starts, True)
    if pages != length:
        raise RenderError(f"the overview took {pages} pages, not {length}: the chapters' page numbers would be wrong")
    return join([first, *laid, about(page)], prepare=prepare)


def _pdf(cycle, packets, target, *, generated, paper, template_dir, title, progress):
    """The handout laid out by WeasyPrint (50 candidates took 1.1 GB when every chapter's layout was
    held until a single write)."""
    from packetgen.rendering.html import render_html
    from packetgen.rendering.pdf import ACCESSIBLE, SharedStyles, render_document

    meta = _meta(cycle, packets, title)
    styles = SharedStyles()  # every chapter has the same stylesheet: parse it once

    def written(document) -> bytes:
        out = io.BytesIO()
        document.write_pdf(out, **ACCESSIBLE)
        return out.getvalue()

    def overview(starts: list[int], write: bool):
        document = render_document(_overview_html(cycle, packets, generated=generated, paper=paper,
                                                  template_dir=template_dir, title=title, first_pages=starts),
                                   template_dir=template_dir)
        if not write:
            return None, len(document.pages)
        document.metadata.title = meta["title"]  # the joined file keeps the first part's catalogue
        document.metadata.authors = [meta["author"]]
        document.metadata.description = meta["subject"]
        document.metadata.keywords = list(meta["keywords"])
        document.metadata.generator = f"packetgen {__version__}"
        document.metadata.created = document.metadata.modified = generated.isoformat()
        document.metadata.lang = packets[0].words.lang
        return written(document), len(document.pages)

    def chapters(batch, start: int):
        ((result, packet, _),) = batch
        html, _ = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                              prefix=packet.prefix, about=False,  # the framework's description: once, last
                              handout_page=start, words=packet.words, blind=cycle.blind)
        document = render_document(html, template_dir=template_dir, styles=styles)
        return written(document), [len(document.pages)]

    def about(page: int) -> bytes:
        return written(render_document(_overview_html(cycle, packets, generated=generated, paper=paper,
                                                      template_dir=template_dir, title=title, part="about",
                                                      handout_page=page), template_dir=template_dir))

    Path(target).write_bytes(_joined(cycle, packets, progress=progress, overview=overview, chapters=chapters,
                                     about=about))


def _pdf_typst(cycle, packets, target, *, generated, paper, template_dir, title, progress):
    """The handout laid out by Typst (--engine typst): the same parts as WeasyPrint's."""
    from packetgen.rendering import typst_links, typst_pdf
    from packetgen.rendering.html import render_html
    from packetgen.rendering.typst_links import Places

    words = packets[0].words
    handout_page = typst_pdf.unisolated(words("handout-page", page="{handout}"))
    page_of = typst_pdf.unisolated(words("page-of", page="{page}", pages="{pages}"))
    # Typst holds the layouts of its last ten compiles: a handout of a few parts never holds more than
    # itself; in a longer one each document's layouts are forgotten once it is written, so its memory is
    # one document's whatever the cycle's size (holding them for one more document: the same CPU, 290 MB)
    many = len(packets) > 8
    places: dict[bytes, tuple] = {}  # each part's link targets, by its bytes, until the join makes its links

    def laid_out(items: list[tuple[str, dict]]) -> tuple[bytes, Places]:
        data = typst_pdf.parts(items, paper=paper)
        pdf, found = typst_pdf.laid_out(data, template_dir=template_dir)
        if many:
            typst_pdf.age(typst_pdf.MAX_AGE)
        places[pdf] = (found, data["lang"])
        return pdf, found  # as bytes until the join: a part open in pikepdf holds ~2 MB

    def overview(starts: list[int], write: bool):
        html = _overview_html(cycle, packets, generated=generated, paper=paper, template_dir=template_dir,
                              title=title, first_pages=starts)
        pdf, found = laid_out([(html, {"kind": "overview", "id": "overview", "page_of": page_of,
                                       "footer": words("handout-footer-overview")})])
        return pdf, found.pages or _pages(pdf)

    def chapters(batch, start: int):
        items = []
        for result, packet, n in batch:
            html, built = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                                      prefix=packet.prefix, about=False, words=packet.words, blind=cycle.blind)
            running, own = typst_pdf.footer_words(built)
            items.append((html, {"kind": "chapter", "id": f"c{n}", "running": running,
                                 "page_of": f"{own} · {handout_page}", "offset": start - 1}))
        pdf, found = laid_out(items)
        if len(batch) == 1:
            return pdf, [found.pages or _pages(pdf)]
        spans = [(found.targets[f"c{n}-start"][0], found.targets[f"c{n}-end"][0]) for _, _, n in batch]
        if spans[0][0] != 1 or spans[-1][1] != found.pages or any(a[1] + 1 != b[0] for a, b in pairwise(spans)):
            raise RenderError(f"chapters laid out together took pages {spans} of {found.pages}: their page numbers "
                              "would be wrong")
        return pdf, [last - first + 1 for first, last in spans]

    def about(page: int) -> bytes:
        pdf, _ = laid_out([(_overview_html(cycle, packets, generated=generated, paper=paper, template_dir=template_dir,
                                           title=title, part="about"),
                            {"kind": "about", "id": "about-part", "footer": words("handout-footer-about"),
                             "page_of": f"{page_of} · {handout_page}", "offset": page - 1})])
        if many:
            typst_pdf.forget()  # the last part: every layout is forgotten before the join needs the memory
        return pdf

    def resolve(part, data: bytes) -> None:
        typst_links.resolve(part, *places[data])

    Path(target).write_bytes(_joined(cycle, packets, progress=progress, overview=overview, chapters=chapters,
                                     about=about, together=TOGETHER, prepare=resolve))


def _pages(pdf: bytes) -> int:
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def _html(cycle, packets, target, *, generated, paper, template_dir, title):
    from packetgen.rendering.html import render_html

    chapters = [Markup(render_html(r, generated=generated, paper=paper, template_dir=template_dir,
                                   prefix=p.prefix, chapter=True, about=False, words=p.words,
                                   blind=cycle.blind)[0])
                for r, p in zip(cycle.results, packets, strict=False)]
    text = _overview_html(cycle, packets, generated=generated, paper=paper, template_dir=template_dir,
                          title=title, chapters=chapters, html=True)
    Path(target).write_text(text, encoding="utf-8")


def _docx(cycle, packets, target, *, generated, paper, reference, title):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.text.paragraph import Paragraph

    from packetgen.committee.cycle import overview
    from packetgen.rendering.docx import ooxml
    from packetgen.rendering.docx.body import write_about
    from packetgen.rendering.docx.packet import open_document, running_text, table_of_contents, write_packet
    from packetgen.rendering.docx.page import footer, landscape, page_setup, properties, save
    from packetgen.rendering.docx.palette import GAP_INK, MUTED, TEXT
    from packetgen.rendering.docx.writer import Writer

    words = packets[0].words
    document = open_document(reference, words)
    w = Writer(document, words)
    template_sect = w.sect_pr
    w.p(words("handout-kicker-blind" if cycle.blind else "handout-kicker").upper(), "Packet Kicker")
    w.heading(title, 0)
    w.p(words("handout-candidates", n=len(packets)) + (" · " + words("handout-names-hidden") if cycle.anonymized
                                                          else ""), "Subtitle")
    anonymized = "yes" if cycle.anonymized else "no"
    w.p(" ".join(([words("handout-blind")] if cycle.blind else []) +
                 [words("handout-order" if cycle.order == "strength" else "handout-order-name", anonymized=anonymized),
                  words("handout-chapters-docx")] + ([words("handout-anonymized")] if cycle.anonymized else [])),
        "Packet Small")
    table_of_contents(w, [("overview", words("handout-overview"))] +
                      [(p.prefix + "packet", p.candidate.name) for p in packets] + [("about", words("about-title"))])
    w.heading(words("handout-overview"), 1, "overview")
    rows = overview(cycle.results)
    depth_words = _depth_words(words)
    _table, grid = w.table(len(packets) + 1, [32, 20, 44, 24, 58, 16, 49])  # landscape: fits A4 and Letter
    w.header_row(grid[0], [words(f"handout-column-{c}") for c in ("candidate", "level", "own", "all", "depth",
                                                                   "last", "recommendation")], upper=False)
    for p, row, cells in zip(packets, rows, grid[1:], strict=False):
        depth, own, every = row.depth, p.own_totals, p.totals
        ooxml.internal_link(cells[0].paragraphs[0], p.prefix + "packet", p.candidate.name, w.styles["Hyperlink"])
        w.cell_text(cells[1], p.levels_line)
        para = w.cell_text(cells[2], "", size=8)
        counts = {"met": (words("handout-own-met", n=own.met), TEXT["met"], False),
                  "thin": (words("handout-own-thin", n=own.thin), TEXT["thin"], False),
                  "gap": (words("handout-own-gap", n=own.gap), GAP_INK, True)}
        for piece in words.pieces("handout-own", met=Slot("met"), thin=Slot("thin"), gap=Slot("gap"),
                                  total=own.total):
            if isinstance(piece, Slot):
                text, color, bold = counts[piece.name]
                w.run(para, text, color=color, bold=bold, size=8)
            else:
                w.run(para, piece, color=MUTED, size=8)
        w.run(para, "\n")
        w.run(para, words("handout-own-strong", n=own.strong), color=TEXT["met"], bold=True, size=8)
        w.cell_text(cells[3], words("handout-all", met=every.met, thin=every.thin, gap=every.gap, total=every.total),
                    size=8)
        para = w.cell_text(cells[4], words("handout-depth-items", n=depth.items) + "\n", size=8)
        w.run(para, words("handout-depth-shares", outcome=words.percent(depth.outcome),
                          artifact=words.percent(depth.artifact), independent=words.percent(depth.independent)),
              color=MUTED, size=7.5)
        if row.thin_on:
            w.run(para, "\n" + words("handout-question", measures=depth_words(row.thin_on)),
                  color=GAP_INK, bold=True, size=7.5)
        w.cell_text(cells[5], "–" if depth.last_quarter is None else words.percent(depth.last_quarter),
                    align=WD_ALIGN_PARAGRAPH.RIGHT, size=8)
        para = w.cell_text(cells[6], p.decision or p.recommendation_line, size=8, color=None if p.decision else MUTED)
        if p.decision and p.evidence.sponsor:
            w.run(para, f" — {p.evidence.sponsor}", color=MUTED, size=8)
    w.p(words("handout-legend"), "Packet Small")
    if not cycle.blind:
        lines = _sponsor_lines(cycle, words)
        w.heading(words("handout-sponsors"), 2)
        w.p(words("handout-sponsors-lead") if lines else words("handout-sponsors-none"), "Packet Small")
        if lines:
            _table, grid = w.table(len(lines) + 1, [50, 193])
            w.header_row(grid[0], [words("handout-column-sponsor"), words("handout-column-candidates")], upper=False)
            for (sponsor, entries), cells in zip(lines, grid[1:], strict=True):
                w.cell_text(cells[0], sponsor, size=8)
                w.cell_text(cells[1], " · ".join(entries), size=8)
    if cycle.invalid:
        w.heading(words("handout-not-included"), 2)
        w.p(words("handout-not-included-lead", command="packetgen check"), "Packet Small")
        for bad in cycle.invalid:
            w.p(words("handout-errors", file=bad.label, n=bad.errors), "List Bullet")

    # Each part ends on a bookmark; its footer's "of Y" is a PAGEREF to it. With page numbers
    # restarting per part, that is the part's page count in Word and in LibreOffice alike
    # (LibreOffice does not support SECTIONPAGES).
    ends = ["end0"] + [f"end{n}" for n in range(1, len(packets) + 1)] + ["endabout"]
    w.shift = 1
    for p, end in zip(packets, ends, strict=False):
        w.bookmark(Paragraph(ooxml.section_break(w.body, template_sect).getparent().getparent(), w.container), end)
        write_packet(w, p, toc=False, about=False)
    w.shift = 0
    w.prefix = ""
    # the framework's description, once, at the end
    w.bookmark(Paragraph(ooxml.section_break(w.body, template_sect).getparent().getparent(), w.container), ends[-2])
    for n, fw in enumerate(_frameworks(packets)):
        write_about(w, fw, bookmark="about" if n == 0 else None)
    w.bookmark(Paragraph(w.body[-1], w.container), ends[-1])
    w.finish()
    if reference is None:
        page_setup(document, paper)
    sections = list(document.sections)
    landscape(sections[0])  # the overview: seven columns a reader compares across rows
    labels = ([words("handout-footer-overview")] + [running_text(p) for p in packets] +
              [words("handout-footer-about")])
    for n, (section, label, end) in enumerate(zip(sections, labels, ends, strict=False)):
        if n:
            ooxml.restart_page_numbers(section._sectPr)
        footer(section, label, words, pages_field=f"PAGEREF {end}")
    meta = _meta(cycle, packets, title)
    properties(document, title=meta["title"], author=meta["author"], subject=meta["subject"],
                 keywords=meta["keywords"], generated=generated)
    save(document, target, generated)


def render_handout(cycle: Cycle, out: Path, *, format: str | None = None, paper: str = "a4",
                   template_dir: Path | None = None, reference_docx: Path | None = None,
                   generated: date | None = None, progress: bool = True,
                   title: str | None = None, words: Catalogue | None = None, engine: str = "weasyprint") -> Path:
    """Write the handout in one language: `words` (default: the language every file names, else
    English); `title` defaults to the catalogue's "Calibration handout"."""
    from packetgen.rendering import format_for, generation_time

    fmt = format_for(Path(out), format, FORMATS)
    if template_dir is not None:
        template_dir = Path(template_dir).resolve()  # WeasyPrint's base URL must be absolute
    generated = generated or generation_time().date()
    words = words or handout_words(cycle)
    title = title or words("handout-title")
    packets = [build(result, generated, prefix=f"c{i}", words=words, blind=cycle.blind)
               for i, result in enumerate(cycle.results, start=1)]
    with atomic_path(out) as tmp:
        if fmt == "pdf":
            lay_out = _pdf_typst if engine == "typst" else _pdf
            lay_out(cycle, packets, tmp, generated=generated, paper=paper, template_dir=template_dir,
                    title=title, progress=progress)
        elif fmt == "html":
            _html(cycle, packets, tmp, generated=generated, paper=paper, template_dir=template_dir, title=title)
        else:
            _docx(cycle, packets, tmp, generated=generated, paper=paper, reference=reference_docx, title=title)
    return Path(out)


def handout_words(cycle: Cycle) -> Catalogue:
    """The language every file of the cycle names (English when none does, or they differ)."""
    from packetgen import catalogue

    named = {r.evidence.locale for r in cycle.results if r.evidence.locale}
    return catalogue.load(named.pop() if len(named) == 1 else None)
