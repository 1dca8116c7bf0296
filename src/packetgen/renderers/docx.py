"""Result -> Word document (python-docx), from the same view model as the PDF.

Linear on purpose: styles are resolved to ids once, paragraphs and tables are appended
to the body directly (python-docx's add_paragraph searches the body for the section
marker each time), and hyperlink relationships are indexed (ooxml.ExternalLinks).
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .. import __version__
from ..errors import RenderError
from ..markdown import tokens as markdown_tokens
from ..matching import GAP, MET, SYMBOL, THIN, Result
from ..strength import UNSUPPORTED
from ..resources import data_dir
from . import ooxml
from .view import (OPEN_KINDS, OPEN_LEAD, OPEN_TITLE, TIME_ALL, TIME_EMPTY, TIME_LEAD, TIME_TITLE, Packet, build, day,
                   time_text)

ACCENT = RGBColor(0x2B, 0x4C, 0x7E)
MUTED = RGBColor(0x5B, 0x64, 0x74)
INK = RGBColor(0x1D, 0x24, 0x30)
# fills differ in lightness so they read apart in grey; gap text is white on dark red
FILL = {MET: "E8F5EC", THIN: "EFC24A", GAP: "A8281E"}
TEXT = {MET: RGBColor(0x1F, 0x5E, 0x33), THIN: RGBColor(0x5C, 0x43, 0x00), GAP: RGBColor(0xFF, 0xFF, 0xFF)}
ROW_TINT = {GAP: "FBECEB", THIN: "FDF6E1", MET: "FFFFFF", UNSUPPORTED: "F3F5F8"}
GAP_INK = RGBColor(0xA8, 0x28, 0x1E)  # dark red on white
STRENGTH_INK = {UNSUPPORTED: GAP_INK, "strong": TEXT[MET]}
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}


def reference_path() -> Path:
    return data_dir("templates") / "reference.docx"


def make_reference(target: Path) -> None:
    """Write the built-in reference document: python-docx's default template with the
    packet's look and every style it uses (scripts/make_reference_docx.py calls this)."""
    document = docx.Document()
    style_house(document)
    ensure_styles(document)
    body = document.element.body
    for child in list(body):
        if child.tag != ooxml.qn("w:sectPr"):
            body.remove(child)
    page_setup(document, "a4")
    props = document.core_properties
    props.title, props.author, props.comments = "packetgen reference document", "packetgen", ""
    ooxml.application_properties(document, "packetgen")
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=timezone.utc)
    document.save(str(target))


# --- styles -----------------------------------------------------------------------------

def _font(style, *, size=None, bold=None, italic=None, color=None, name=None):
    f = style.font
    if size is not None:
        f.size = Pt(size)
    if bold is not None:
        f.bold = bold
    if italic is not None:
        f.italic = italic
    if color is not None:
        f.color.rgb = color
    if name is not None:
        f.name = name


# Styles the packet uses beyond Word's built-ins, with the look they get when the
# reference document does not define them.
def _para_defaults():
    return {
        "Packet Kicker": dict(size=8, bold=True, color=MUTED),
        "Packet Small": dict(size=8, color=MUTED),
        "Packet Expectation": dict(size=10, bold=True, color=INK),
        "Packet Item": dict(size=9.5, bold=True, color=INK),
        "Packet Gap Note": dict(size=9.5, bold=True, color=RGBColor(0xA8, 0x28, 0x1E)),
        "Packet Code Block": dict(size=8.5, name="DejaVu Sans Mono"),
        "Packet Table": dict(size=8.5),
        "Packet Caption": dict(size=9.5, bold=True, color=INK),
        "Packet Meta": dict(size=8, color=MUTED),
        "Packet Ref": dict(size=8.5, color=INK),
        "Packet TOC": dict(size=9.5),
    }


def _char_defaults():
    return {
        "Hyperlink": dict(color=ACCENT),
        "Packet Code": dict(size=8.5, name="DejaVu Sans Mono"),
        "Packet ID": dict(size=8, name="DejaVu Sans Mono", color=MUTED),
        "Packet Status": dict(size=8, bold=True),
        "Packet Muted": dict(color=MUTED),
        "Packet Ref Label": dict(size=7.5, bold=True, name="DejaVu Sans Mono", color=ACCENT),
    }


def ensure_styles(document) -> None:
    """Add every style the packet needs that `document` lacks (a company reference
    document keeps its own look for the styles it defines)."""
    styles = document.styles
    names = {s.name for s in styles}
    for name, look in _para_defaults().items():
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            _font(style, **look)
            style.paragraph_format.space_after = Pt(2)
            if name in ("Packet Expectation", "Packet Item", "Packet Caption"):
                style.paragraph_format.keep_with_next = True
                style.paragraph_format.space_before = Pt(6)
    for name, look in _char_defaults().items():
        if name not in names:
            style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
            _font(style, **look)
            if name == "Hyperlink":
                style.font.underline = True
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Quote", "List Bullet",
                 "List Number", "List Continue", "Footer", "Table Grid"):
        if name not in names:
            kind = WD_STYLE_TYPE.TABLE if name == "Table Grid" else WD_STYLE_TYPE.PARAGRAPH
            style = styles.add_style(name, kind)
            if kind == WD_STYLE_TYPE.PARAGRAPH:
                style.base_style = styles["Normal"]
                if name.startswith("Heading") or name == "Title":
                    _font(style, bold=True, size={"Title": 24, "Heading 1": 16}.get(name, 12))


def style_house(document) -> None:
    """The packet's own look, applied to the built-in reference document."""
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, size=10, name="Calibri", color=INK)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11), ("Heading 4", 10)):
        _font(styles[name], size=size, bold=True, italic=False, color=ACCENT if name != "Title" else INK,
              name="Calibri")
        styles[name].paragraph_format.keep_with_next = True
    styles["Heading 1"].paragraph_format.space_before = Pt(12)
    styles["Heading 2"].paragraph_format.space_before = Pt(8)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        styles[name].paragraph_format.space_after = Pt(3)
    _font(styles["Subtitle"], size=13, bold=True, color=ACCENT, italic=False, name="Calibri")
    _font(styles["Quote"], size=9.5, italic=True, color=RGBColor(0x3A, 0x43, 0x52))
    _font(styles["Footer"], size=8, color=MUTED)


class _Styles:
    """Style names to ids, looked up once per document."""

    def __init__(self, document):
        self.ids = {s.name: s.style_id for s in document.styles}

    def __getitem__(self, name: str) -> str:
        return self.ids[name]


# --- the writer ---------------------------------------------------------------------------

class Writer:
    """Appends paragraphs, runs and tables to a document body in O(1) each."""

    def __init__(self, document):
        self.doc = document
        self.prefix = ""  # bookmark prefix of the packet being written
        self.packet: Packet | None = None
        self.shift = 0  # heading levels are shifted down by this in a handout chapter
        self.body = document.element.body
        self.container = document._body
        self.sect_pr = self.body.sectPr
        if self.sect_pr is not None:
            self.body.remove(self.sect_pr)
        self.styles = _Styles(document)
        self.links = ooxml.ExternalLinks(document.part)
        self.next_bookmark = 1
        self.number_style = self._numbering_of("List Number")
        self.parsed: dict[str, list] = {}

    def finish(self) -> None:
        if self.sect_pr is not None:
            self.body.append(self.sect_pr)

    def _numbering_of(self, style_name: str) -> int | None:
        style = self.doc.styles[style_name]
        p_pr = style.element.pPr
        if p_pr is None or p_pr.numPr is None or p_pr.numPr.numId is None:
            return None
        return p_pr.numPr.numId.val

    # blocks
    def p(self, text: str = "", style: str = "Normal", container=None) -> Paragraph:
        element = OxmlElement("w:p")
        (container._element if container is not None else self.body).append(element)
        para = Paragraph(element, container or self.container)
        if style != "Normal":
            element.get_or_add_pPr().style = self.styles[style]
        if text:
            self.run(para, text)
        return para

    def heading(self, text: str, level: int, bookmark: str | None = None) -> Paragraph:
        level += self.shift
        para = self.p(text, "Title" if level == 0 else f"Heading {level}")
        if bookmark:
            self.bookmark(para, self.prefix + bookmark)
        return para

    def bookmark(self, para: Paragraph, name: str) -> None:
        ooxml.bookmark(para, name, self.next_bookmark)
        self.next_bookmark += 1

    def run(self, para: Paragraph, text: str, *, style: str | None = None, bold: bool | None = None,
            italic: bool | None = None, color: RGBColor | None = None, size: float | None = None,
            fill: str | None = None):
        """Append a run to `para` (built directly: see ooxml.make_run)."""
        element = ooxml.make_run(text, style_id=self.styles[style] if style else None, bold=bold,
                                 italic=italic, color=str(color) if color is not None else None,
                                 half_points=round(size * 2) if size else None, fill=fill)
        para._p.append(element)
        return element

    def status(self, para: Paragraph, status: str):
        """Status as symbol + word, coloured, on its own fill (reads in grey too)."""
        return self.run(para, f"{SYMBOL[status]} {status.upper()}", style="Packet Status",
                        color=TEXT[status], fill=FILL[status])

    def table(self, rows: int, widths_mm: list[float], *, header: bool = True) -> tuple[Table, list]:
        total = Mm(sum(widths_mm))
        tbl = CT_Tbl.new_tbl(rows, len(widths_mm), total)
        self.body.append(tbl)
        table = Table(tbl, self.container)
        tbl.tblPr.style = self.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths_mm):
            grid_col.w = Mm(width)
        ooxml.borders(table)
        ooxml.cell_margins(table)
        grid = []
        for i, tr in enumerate(tbl.tr_lst):
            cells = [_Cell(tc, table) for tc in tr.tc_lst]
            for cell, width in zip(cells, widths_mm):
                cell.width = Mm(width)
                cell.paragraphs[0]._p.get_or_add_pPr().style = self.styles["Packet Table"]
            ooxml.row_flags(table.rows[i], header=header and i == 0)
            grid.append(cells)
        return table, grid

    def cell_text(self, cell, text: str, *, bold: bool = False, italic: bool = False, color=None, align=None,
                  size=None):
        para = cell.paragraphs[0]
        if text:
            self.run(para, text, bold=bold or None, italic=italic or None, color=color, size=size)
        if align is not None:
            para.alignment = align
        return para

    def header_row(self, cells, labels, *, upper: bool = True) -> None:
        for cell, label in zip(cells, labels):
            self.cell_text(cell, label.upper() if upper else label, bold=True, color=MUTED, size=7.5)
            ooxml.shade(cell, "EEF1F5")

    # Markdown: the same token stream the HTML renderer uses, as Word formatting
    def markdown(self, text: str) -> None:
        lists: list[dict] = []
        quote = 0
        para = None
        bold_para = False
        if text not in self.parsed:
            self.parsed[text] = markdown_tokens(text)
        for tok in self.parsed[text]:
            kind = tok.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                num = None
                if kind == "ordered_list_open" and self.number_style is not None:
                    num = ooxml.restart_numbering(self.doc, self.number_style)
                lists.append({"ordered": kind == "ordered_list_open", "num": num, "first": False})
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                lists[-1]["first"] = True
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind in ("paragraph_open", "heading_open"):
                style = "Quote" if quote else "Normal"
                if lists:
                    current = lists[-1]
                    if current["first"]:
                        style = "List Number" if current["ordered"] else "List Bullet"
                        depth = len(lists)
                        if depth > 1 and f"{style} {min(depth, 3)}" in self.styles.ids:
                            style = f"{style} {min(depth, 3)}"
                    else:
                        style = "List Continue"
                para = self.p(style=style)
                if lists and lists[-1]["first"] and lists[-1]["num"] is not None and style.startswith("List Number"):
                    ooxml.set_num(para, lists[-1]["num"], 0)
                if lists:
                    lists[-1]["first"] = False
                bold_para = kind == "heading_open"  # a heading inside text is only bold
            elif kind in ("fence", "code_block"):
                block = self.p(style="Packet Code Block")
                self.run(block, tok.content.rstrip("\n"))
            elif kind == "hr":
                self.p("—", "Packet Small")
            elif kind == "inline" and para is not None:
                self.inline(para, tok.children or [], bold=bold_para)

    def inline(self, para: Paragraph, children, *, bold: bool = False) -> None:
        strong = 1 if bold else 0
        em = 0
        href = None
        link_text: list[str] = []
        for tok in children:
            kind = tok.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                em += 1
            elif kind == "em_close":
                em -= 1
            elif kind == "link_open":
                href, link_text = tok.attrGet("href"), []
            elif kind == "link_close":
                self.links.link(para, href, "".join(link_text) or href, self.styles["Hyperlink"])
                href = None
            elif kind in ("text", "code_inline", "softbreak", "hardbreak", "html_inline"):
                text = " " if kind == "softbreak" else tok.content
                if href is not None:
                    link_text.append(text)
                elif kind == "hardbreak":
                    self.run(para, "\n")
                elif kind == "code_inline":
                    self.run(para, text, style="Packet Code")
                else:
                    self.run(para, text, bold=True if strong else None, italic=True if em else None)


# --- the packet ---------------------------------------------------------------------------

# The packet's sections, in order, as (bookmark, heading): the written table of contents.
def sections(packet: Packet, *, about: bool = True) -> list[tuple[str, str]]:
    out = [("glance", "Readiness at a glance"), ("gaps", "The gaps")] + \
        ([("summary", "The case")] if packet.has_case else []) + [("target", f"{packet.target_name} expectations")]
    if packet.lower:
        out.append(("lower", "Lower levels"))
    out.append(("evidence", "Evidence"))
    if packet.review:
        out.append(("review", "Writing review"))
    if about:
        out.append(("about", "About the framework"))
    return out


def open_document(reference: Path | None = None):
    """The reference document (the company's or the built-in one) with its body emptied."""
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
    return document


def write_packet(w: Writer, packet: Packet, *, toc: bool = True, about: bool = True) -> None:
    """Append one packet's content (contract section 5) to the writer's document."""
    w.prefix = packet.prefix
    w.packet = packet
    _header(w, packet)
    if toc:
        table_of_contents(w, [(w.prefix + anchor, title) for anchor, title in sections(packet, about=about)])
    _glance(w, packet)
    _gaps(w, packet)
    if packet.has_case:
        w.heading("The case", 1, "summary")
        write_case(w, packet)
    _target(w, packet)
    _lower(w, packet)
    _evidence(w, packet)
    if packet.review:
        _review(w, packet)
    if about:
        write_about(w, packet.framework, bookmark="about")


def _header(w: Writer, packet: Packet) -> None:
    cand, ev = packet.candidate, packet.evidence
    w.p("PROMOTION PACKET" + (" · DRAFT WITH WRITING REVIEW" if packet.review else ""), "Packet Kicker")
    w.heading(cand.name, 0, "packet")
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


def _glance(w: Writer, packet: Packet) -> None:
    w.heading("Readiness at a glance", 1, "glance")
    table, grid = w.table(3, [56, 18, 18, 18, 19, 21, 24])
    w.header_row(grid[0], ["Expectations", "Met", "Thin", "Gap", "Strong", "Supported", "Unsupported"], upper=False)
    ink = {MET: TEXT[MET], THIN: TEXT[THIN], GAP: GAP_INK, "strong": TEXT[MET], "supported": INK,
           "unsupported": GAP_INK}
    rows = [(f"{packet.target_name}’s own {packet.own_totals.total}", packet.own_totals),
            (f"All {packet.totals.total} for {packet.target_name} (cumulative)", packet.totals)]
    for (label, t), cells in zip(rows, grid[1:]):
        w.cell_text(cells[0], label, bold=True)
        for cell, key in zip(cells[1:], (MET, THIN, GAP, "strong", "supported", "unsupported")):
            w.cell_text(cell, str(getattr(t, key)), bold=True, size=11, align=WD_ALIGN_PARAGRAPH.RIGHT, color=ink[key])
        if t is packet.own_totals:
            for cell in cells:
                ooxml.shade(cell, "F3F5F8")

    w.run(w.p(style="Packet Caption"), "Coverage by area and level")
    levels = packet.levels
    width = 150 / (len(levels) + 1)
    table, grid = w.table(len(packet.matrix) + 2, [24] + [width] * (len(levels) + 1))
    w.header_row(grid[0], ["Area"] + [lv.name for lv in levels] + ["Total"])
    body_rows = [(row.area.name, row.cells, row.total) for row in packet.matrix]
    body_rows.append(("All areas", packet.column_totals, packet.totals))
    for (label, cells_t, total), cells in zip(body_rows, grid[1:]):
        w.cell_text(cells[0], label, bold=True)
        for cell, t in zip(cells[1:], list(cells_t) + [total]):
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
TIME_FILL = ("FFFFFF", "E6EDF6", "C9D7EA", "A9BFDC")
EMPTY_FILL = "F3F5F8"


def _time_view(w: Writer, t) -> None:
    para = w.p(style="Packet Caption")
    w.run(para, TIME_TITLE + "  ")
    w.run(para, TIME_LEAD, bold=False, color=MUTED, size=7)
    width = 150 / max(len(t.quarters), 1)
    table, grid = w.table(len(t.rows) + 2, [24] + [width] * len(t.quarters))
    empty = [t.is_empty(q) for q in t.quarters]
    w.header_row(grid[0], ["Area"] + [q.label for q in t.quarters])
    for cell, is_empty in zip(grid[0][1:], empty):
        if is_empty:
            w.run(cell.paragraphs[0], "\n" + TIME_EMPTY, color=MUTED, size=7)
    for row, cells in zip(list(t.rows) + [t.total], grid[1:]):
        total = row is t.total
        w.cell_text(cells[0], TIME_ALL if total else row.area.name, bold=True)
        for cell, c, is_empty in zip(cells[1:], row.cells, empty):
            para = w.cell_text(cell, str(c.items) if c.items else "·", bold=total, color=INK if c.items else MUTED,
                               align=WD_ALIGN_PARAGRAPH.CENTER)
            if c.backed:
                w.run(para, f" ★{c.backed}", size=7)
            ooxml.shade(cell, EMPTY_FILL if is_empty else TIME_FILL[min(c.items, 3)])
    w.p(time_text(t), "Packet Small")


def _gaps(w: Writer, packet: Packet) -> None:
    _open_points(w, packet)
    if packet.time is not None:
        _time_view(w, packet.time)


def _open_points(w: Writer, packet: Packet) -> None:
    r = packet.result
    w.heading("The gaps", 1, "gaps")
    if not packet.open:
        w.p(f"None: every expectation for {packet.target_name} has at least {r.min_evidence} counting items, and "
            "each is backed by a quote, a link or number, or a second quarter.")
        return
    thin = f"{len(packet.open_of(THIN))} with fewer than {r.min_evidence} items, " if r.min_evidence > 1 else ""
    w.p(f"{len(packet.open_of(GAP))} without evidence, {thin}{len(packet.open_of(UNSUPPORTED))} met but "
        f"unsupported; {packet.target_name} first in each. Each links to its expectation.", "Packet Small")
    for kind in OPEN_KINDS:
        entries = packet.open_of(kind)
        if not entries:
            continue
        head = w.heading(f"{OPEN_TITLE[kind]} ({len(entries)})", 2)
        w.run(head, f"  {OPEN_LEAD[kind]}", bold=False, color=MUTED, size=8)
        table, grid = w.table(len(entries), [18, 27, 129], header=False)
        ooxml.borders(table, color="FFFFFF", size=8)
        for entry, (status_cell, id_cell, text_cell) in zip(entries, grid):
            cov = entry.coverage
            w.cell_text(status_cell, f"{SYMBOL[cov.status]} {cov.status.upper()}", bold=True,
                        color=TEXT[cov.status], size=8)
            ooxml.shade(status_cell, FILL[cov.status])
            ooxml.internal_link(id_cell.paragraphs[0], packet.anchor(cov.id), cov.id, w.styles["Hyperlink"])
            para = w.cell_text(text_cell, cov.expectation.text)
            if cov.evidence:
                w.run(para, f"  ({len(cov.evidence)} of {r.min_evidence} · {cov.strength})", color=MUTED)
            _near(w, entry.near, text_cell)
            for cell in (id_cell, text_cell):
                ooxml.shade(cell, ROW_TINT[kind])


def _near(w: Writer, near, cell) -> None:
    for ref in near.stale:
        para = w.p(style="Packet Meta", container=cell)
        w.run(para, "→ Outside the period: ")
        _ref_label(w, para, ref)
        w.run(para, f" {ref.item.title} · {day(ref.item.date)}")
    for step in near.steps:
        para = w.p(f"→ Planned: {step.plan}", "Packet Meta", container=cell)
        if step.by:
            w.run(para, f" by {day(step.by)}")


def _ref_label(w: Writer, para, ref) -> None:
    ooxml.internal_link(para, w.packet.item_anchor(ref.item.id), ref.label, w.styles["Packet Ref Label"])


def _target(w: Writer, packet: Packet) -> None:
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
                _ref_label(w, para, ref)
                w.run(para, f" {ref.item.title} · {day(ref.item.date)} · ", color=None if ref.counts else MUTED)
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


def _lower(w: Writer, packet: Packet) -> None:
    if not packet.lower:
        return
    w.heading("Lower levels", 1, "lower")
    w.p(f"Expected of every {packet.target_name} as well: {packet.lower_names}. Items by number (see Evidence).",
        "Packet Small")
    n_rows = 1 + sum(1 + len(group.rows) for group in packet.lower)
    table, grid = w.table(n_rows, [31, 76, 17, 21, 29])
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
            w.cell_text(strength_cell, cov.strength or "—", italic=True, color=STRENGTH_INK.get(cov.strength, MUTED))
            para = refs_cell.paragraphs[0]
            for n, ref in enumerate(row.refs):  # the counted items; then, apart, those outside the period
                if n:
                    w.run(para, " ")
                _ref_label(w, para, ref)
            for n, ref in enumerate(row.stale):
                w.run(para, (" " if n else " (" if row.refs else "("), color=MUTED, size=7)
                _ref_label(w, para, ref)
            if row.stale:
                w.run(para, " outside period)", color=MUTED, size=7)
            if cov.status != MET:
                for cell in (id_cell, text_cell, strength_cell, refs_cell):
                    ooxml.shade(cell, ROW_TINT[cov.status])
            i += 1


def _evidence(w: Writer, packet: Packet) -> None:
    w.heading("Evidence", 1, "evidence")
    n = len(packet.evidence_entries)
    w.p(f"Every item once, in the order of the file (E1{f'–E{n}' if n > 1 else ''}), with the expectations it supports and what it "
        "lends to them: a link, a number, a quote." if n else "The file lists no evidence items.", "Packet Small")
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
                _ref_label(w, para, packet.refs[item_id])


def _item(w: Writer, packet: Packet, entry) -> None:
    item, ref = entry.item, entry.ref
    head = w.p(style="Packet Item")
    w.bookmark(head, packet.item_anchor(item.id))
    w.run(head, ref.label + "  ", style="Packet ID")
    w.run(head, item.title, color=None if ref.counts else MUTED)
    w.run(head, "  " + day(item.date), bold=False, color=MUTED)
    tags = ([] if ref.counts else ["outside the review period: not counted"]) + \
        ([] if item.expectations else ["untagged"]) + list(entry.flags)
    for tag in tags:
        w.run(head, f"  [{tag}]", bold=False, color=GAP_INK if tag in entry.flags else MUTED, size=7.5)
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
            _ref_label(w, meta, packet.refs[entry.duplicate_of])
            w.run(meta, ")", color=GAP_INK)
    elif item.expectations:
        w.run(meta, "   Lends no link, number or quote", color=GAP_INK)
    meta.paragraph_format.space_after = Pt(8)


def _review(w: Writer, packet: Packet) -> None:
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


def table_of_contents(w: Writer, entries: list[tuple[str, str]]) -> None:
    """The contents, written out on one line: an internal link per section, so the real
    headings show on first open everywhere. They stand inside a TOC field, so Word can still
    rebuild it with page numbers (References › Update table); nothing asks the reader to."""
    para = w.p(style="Packet TOC")
    w.run(para, "CONTENTS   ", color=MUTED, size=7.5)
    ooxml.field_begin(para, 'TOC \\o "1-1" \\h \\z \\u')
    for n, (anchor, title) in enumerate(entries):
        if n:
            w.run(para, "  ·  ", color=MUTED)
        ooxml.internal_link(para, anchor, title, w.styles["Hyperlink"])
    ooxml.field_end(para)


def page_setup(document, paper: str) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAPER[paper]
        section.left_margin = section.right_margin = Mm(18)
        section.top_margin, section.bottom_margin = Mm(16), Mm(18)


def landscape(section) -> None:
    """Turn one section sideways (its paper and margins kept)."""
    section.orientation = WD_ORIENT.LANDSCAPE
    if section.page_width < section.page_height:
        section.page_width, section.page_height = section.page_height, section.page_width


def footer(section, text: str, *, pages_field: str = "NUMPAGES") -> None:
    """`text`, then "Page X of Y" at the right margin, as fields Word and LibreOffice compute."""
    part = section.footer
    part.is_linked_to_previous = False
    for para in list(part.paragraphs):
        para._p.getparent().remove(para._p)
    para = part.add_paragraph(style="Footer")
    text_width = section.page_width - section.left_margin - section.right_margin
    tabs = para.paragraph_format.tab_stops
    for inherited in para.style.paragraph_format.tab_stops:  # e.g. Word's centre tab
        tabs.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
    para.add_run(text + "\t")
    para.add_run("Page ")
    ooxml.field(para, "PAGE", "1")
    para.add_run(" of ")
    ooxml.field(para, pages_field, "1")


CORE_PROPERTY_LIMIT = 255  # characters Word (and python-docx) allow in one core property


def _fit(text: str) -> str:
    """A core property cut to the limit (the body of the document keeps the full text)."""
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[:CORE_PROPERTY_LIMIT - 1] + "…"


def properties(document, *, title: str, author: str, subject: str, keywords, generated: date) -> None:
    """Core properties (cut to Word's limits) and extended properties that name packetgen."""
    props = document.core_properties
    props.title = _fit(title)
    props.author = _fit(author)
    props.subject = _fit(subject)
    props.keywords = _fit(", ".join(keywords))
    ooxml.application_properties(document, f"packetgen {__version__}")
    props.comments = f"Generated by packetgen {__version__}"
    props.last_modified_by = f"packetgen {__version__}"
    created = datetime(generated.year, generated.month, generated.day, tzinfo=timezone.utc)
    props.created = created
    props.modified = created
    props.revision = 1
    props.language = "en"


def running_text(packet: Packet) -> str:
    return f"{packet.candidate.name} · packet for {packet.current_name} → {packet.target_name}"


def write_docx(result: Result, target: Path, *, generated: date, reference: Path | None = None,
               paper: str = "a4", review: tuple = ()) -> None:
    packet = build(result, generated, review=review)
    document = open_document(reference)
    w = Writer(document)
    write_packet(w, packet)
    w.finish()
    if reference is None:
        page_setup(document, paper)
    for section in document.sections:
        footer(section, running_text(packet))
    properties(document, title=packet.title, author=packet.candidate.name, subject=packet.subject,
               keywords=packet.keywords, generated=generated)
    document.save(str(target))
