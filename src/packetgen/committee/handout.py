"""Calibration handouts: the cycle overview, then every candidate's packet as a chapter, then
the framework's description once.

PDF: the overview, each chapter and the closing part are laid out as documents of their own
(so page numbers restart per candidate) and written as one tagged PDF: WeasyPrint combines
their pages, so the structure tree, /Lang, the outline and the links cover the whole handout
(joining finished PDFs would drop the tags). HTML and DOCX are built in one pass.
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from markupsafe import Markup

from packetgen.committee.cycle import Cycle
from packetgen.errors import RenderError
from packetgen.output import atomic_path
from packetgen.rendering.view import Packet, build
from packetgen.version import __version__

FORMATS = ("pdf", "docx", "html")


def _meta(cycle: Cycle, packets: list[Packet], title: str) -> dict:
    frameworks = sorted({p.framework.id for p in packets})
    return dict(
        title=title,
        author="Calibration committee",
        subject=f"{len(packets)} promotion packets" + (", names hidden" if cycle.anonymized else ""),
        keywords=("calibration handout", *frameworks),
    )


def _overview_html(cycle, packets, *, generated, paper, template_dir, title, chapters=(), html=False,
                   part="overview", first_pages=(), handout_page=None):
    """The handout's own pages: `part` "overview" (with the chapters, for HTML), or "about"
    (the description of each framework, once, at the end of a PDF handout). `first_pages`:
    where each chapter starts in the PDF; `handout_page`: where the "about" part starts."""
    from packetgen.committee.cycle import overview
    from packetgen.rendering.html import PAPER_SIZES, render_template

    return render_template("committee.html.j2", template_dir, packets=packets, invalid=cycle.invalid,
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


def _progress(total: int, enabled: bool):
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not enabled or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    progress.start()
    progress.add_task("rendering packets", total=total)
    return progress


def _pdf(cycle, packets, target, *, generated, paper, template_dir, title, progress):
    from packetgen.rendering.html import render_html
    from packetgen.rendering.pdf import ACCESSIBLE, SharedStyles, render_document

    def part(html: str):
        return render_document(html, template_dir=template_dir)

    def laid_out_overview(starts: list[int]):
        return part(_overview_html(cycle, packets, generated=generated, paper=paper, template_dir=template_dir,
                                   title=title, first_pages=starts))

    # Each chapter's footer gives its page of the handout too, as the overview lists them: so the
    # overview's length comes first (three-digit page numbers take the most room), then the chapters.
    length = len(laid_out_overview([999] * len(packets)).pages)
    styles = SharedStyles()  # every chapter has the same stylesheet: parse it once
    chapters, starts, page = [], [], length + 1
    bar = _progress(len(packets), progress)
    try:
        for result, packet in zip(cycle.results, packets, strict=False):
            starts.append(page)
            html, _ = render_html(result, generated=generated, paper=paper, template_dir=template_dir,
                                  prefix=packet.prefix, about=False,  # the framework's description: once, last
                                  handout_page=starts[-1])
            chapters.append(render_document(html, template_dir=template_dir, styles=styles))
            page += len(chapters[-1].pages)
            if bar:
                bar.advance(0)
    finally:
        if bar:
            bar.stop()
    overview = laid_out_overview(starts)
    if len(overview.pages) != length:
        raise RenderError(f"the overview took {len(overview.pages)} pages, not {length}: the chapters' page "
                          "numbers would be wrong")
    documents = [overview, *chapters, part(_overview_html(cycle, packets, generated=generated, paper=paper,
                                                          template_dir=template_dir, title=title, part="about",
                                                          handout_page=page))]
    handout = overview.copy([page for document in documents for page in document.pages])
    meta = _meta(cycle, packets, title)
    handout.metadata.title = meta["title"]
    handout.metadata.authors = [meta["author"]]
    handout.metadata.description = meta["subject"]
    handout.metadata.keywords = list(meta["keywords"])
    handout.metadata.generator = f"packetgen {__version__}"
    handout.metadata.created = handout.metadata.modified = generated.isoformat()
    handout.metadata.lang = "en"
    handout.write_pdf(target, **ACCESSIBLE)


def _html(cycle, packets, target, *, generated, paper, template_dir, title):
    from packetgen.rendering.html import render_html

    chapters = [Markup(render_html(r, generated=generated, paper=paper, template_dir=template_dir,
                                   prefix=p.prefix, chapter=True, about=False)[0])
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
    from packetgen.rendering.docx.page import footer, landscape, page_setup, properties
    from packetgen.rendering.docx.palette import GAP_INK, MUTED, TEXT
    from packetgen.rendering.docx.writer import Writer

    document = open_document(reference)
    w = Writer(document)
    template_sect = w.sect_pr
    w.p("CALIBRATION HANDOUT", "Packet Kicker")
    w.heading(title, 0)
    w.p(f"{len(packets)} candidate{'s' * (len(packets) != 1)}" + (" · names hidden" if cycle.anonymized else ""),
        "Subtitle")
    w.p("Sorted by target level, then by the target level's own strong count, then its own met count (most "
        f"first), then by {'pseudonym' if cycle.anonymized else 'name'}. Each candidate's packet follows as its "
        "own section with its own page numbers." +
        (" Names, managers and quoted colleagues are replaced by pseudonyms, pronouns are neutral; links show "
         "only their host." if cycle.anonymized else ""), "Packet Small")
    table_of_contents(w, [("overview", "Cycle overview")] +
                        [(p.prefix + "packet", p.candidate.name) for p in packets] + [("about", "About the framework")])
    w.heading("Cycle overview", 1, "overview")
    rows = overview(cycle.results)
    _table, grid = w.table(len(packets) + 1, [32, 20, 44, 24, 58, 16, 49])  # landscape: fits A4 and Letter
    w.header_row(grid[0], ["Candidate", "Level", "Target level's own", "All (cumulative)", "Evidence depth",
                           "Last quarter", "Recommendation"], upper=False)
    for p, row, cells in zip(packets, rows, grid[1:], strict=False):
        depth, own, every = row.depth, p.own_totals, p.totals
        ooxml.internal_link(cells[0].paragraphs[0], p.prefix + "packet", p.candidate.name, w.styles["Hyperlink"])
        w.cell_text(cells[1], f"{p.current_name} → {p.target_name}")
        para = w.cell_text(cells[2], f"{own.met} met", color=TEXT["met"], size=8)
        w.run(para, f" · {own.thin} thin", color=TEXT["thin"], size=8)
        w.run(para, f" · {own.gap} gap", color=GAP_INK, bold=True, size=8)
        w.run(para, f" of {own.total}\n", color=MUTED, size=8)
        w.run(para, f"{own.strong} strong", color=TEXT["met"], bold=True, size=8)
        w.cell_text(cells[3], f"{every.met} / {every.thin} / {every.gap} of {every.total}", size=8)
        para = w.cell_text(cells[4], f"{depth.items} counting item{'s' * (depth.items != 1)}\n", size=8)
        w.run(para, f"{depth.outcome:.0%} outcome · {depth.artifact:.0%} artifact · {depth.independent:.0%} "
                    "independent quote", color=MUTED, size=7.5)
        if row.thin_on:
            w.run(para, f"\n? under half the cycle's median {', '.join(row.thin_on)}: a question for the sponsor",
                  color=GAP_INK, bold=True, size=7.5)
        w.cell_text(cells[5], "–" if depth.last_quarter is None else f"{depth.last_quarter:.0%}",
                    align=WD_ALIGN_PARAGRAPH.RIGHT, size=8)
        para = w.cell_text(cells[6], p.decision or p.recommendation_line, size=8, color=None if p.decision else MUTED)
        if p.decision and p.evidence.sponsor:
            w.run(para, f" — {p.evidence.sponsor}", color=MUTED, size=8)
    w.p("Met / thin / gap: expectations with enough, too few and no counting items; strong: backed by a "
        "colleague's quote, a link or number, and two quarters. Evidence depth: counting items, and the share "
        "of them with an outcome, an artifact and a quote from someone other than the candidate and the manager. "
        "Last quarter: the share of counting items in the period's last three months. A candidate under half "
        "the cycle's median on any depth measure is marked \"?\": a question for the sponsor, not a verdict.",
        "Packet Small")
    if cycle.invalid:
        w.heading("Not included", 2)
        w.p("These files have errors (run packetgen check on them) and are left out of this handout:",
            "Packet Small")
        for bad in cycle.invalid:
            w.p(f"{bad.label} — {bad.errors} error{'s' * (bad.errors != 1)}", "List Bullet")

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
    labels = (["Calibration handout · overview"] + [running_text(p) for p in packets] +
              ["Calibration handout · about the framework"])
    for n, (section, label, end) in enumerate(zip(sections, labels, ends, strict=False)):
        if n:
            ooxml.restart_page_numbers(section._sectPr)
        footer(section, label, pages_field=f"PAGEREF {end}")
    meta = _meta(cycle, packets, title)
    properties(document, title=meta["title"], author=meta["author"], subject=meta["subject"],
                 keywords=meta["keywords"], generated=generated)
    document.save(str(target))


def render_handout(cycle: Cycle, out: Path, *, format: str | None = None, paper: str = "a4",
                   template_dir: Path | None = None, reference_docx: Path | None = None,
                   generated: date | None = None, progress: bool = True,
                   title: str = "Calibration handout") -> Path:
    from packetgen.rendering import format_for, generation_time

    fmt = format_for(Path(out), format, FORMATS)
    if template_dir is not None:
        template_dir = Path(template_dir).resolve()  # WeasyPrint's base URL must be absolute
    generated = generated or generation_time().date()
    packets = [build(result, generated, prefix=f"c{i}") for i, result in enumerate(cycle.results, start=1)]
    with atomic_path(out) as tmp:
        if fmt == "pdf":
            _pdf(cycle, packets, tmp, generated=generated, paper=paper, template_dir=template_dir,
                 title=title, progress=progress)
        elif fmt == "html":
            _html(cycle, packets, tmp, generated=generated, paper=paper, template_dir=template_dir, title=title)
        else:
            _docx(cycle, packets, tmp, generated=generated, paper=paper, reference=reference_docx, title=title)
    return Path(out)
