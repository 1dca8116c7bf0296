"""The document builder: paragraphs, runs, tables and links appended directly to the body.
"""
from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.table import CT_Tbl
from docx.shared import Mm, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from packetgen.catalogue import Catalogue
from packetgen.markdown import tokens as markdown_tokens
from packetgen.model.result import SYMBOL
from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.palette import FILL, MUTED, TEXT
from packetgen.rendering.docx.styles import StyleIds
from packetgen.rendering.view import Packet

_LTR = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")  # Latin letters and digits

# --- the writer ---------------------------------------------------------------------------

class Writer:
    """Appends paragraphs, runs and tables to a document body in O(1) each."""

    def __init__(self, document, words: Catalogue):
        self.doc = document
        self.words = words
        self.rtl = words.rtl
        self.prefix = ""  # bookmark prefix of the packet being written
        self.packet: Packet | None = None
        self.shift = 0  # heading levels are shifted down by this in a handout chapter
        self.body = document.element.body
        self.container = document._body
        self.sect_pr = self.body.sectPr
        if self.sect_pr is not None:
            self.body.remove(self.sect_pr)
        self.styles = StyleIds(document)
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
        """Append a run to `para` (built directly: see ooxml.make_run). In a right-to-left
        document, a run of Latin text or numbers is isolated (U+2068 … U+2069): a title, a date, an
        ID keeps its order and its punctuation inside the right-to-left line."""
        if self.rtl and _LTR.search(text):
            text = f"\u2068{text}\u2069"
        element = ooxml.make_run(text, style_id=self.styles[style] if style else None, bold=bold,
                                 italic=italic, color=str(color) if color is not None else None,
                                 half_points=round(size * 2) if size else None, fill=fill)
        para._p.append(element)
        return element

    def status(self, para: Paragraph, status: str):
        """Status as symbol + word, coloured, on its own fill (reads in grey too)."""
        return self.run(para, f"{SYMBOL[status]} {self.words('status-' + status).upper()}", style="Packet Status",
                        color=TEXT[status], fill=FILL[status])

    def table(self, rows: int, widths_mm: list[float], *, header: bool = True) -> tuple[Table, list]:
        total = Mm(sum(widths_mm))
        tbl = CT_Tbl.new_tbl(rows, len(widths_mm), total)
        self.body.append(tbl)
        table = Table(tbl, self.container)
        tbl.tblPr.style = self.styles["Table Grid"]
        if self.words.rtl:  # columns from the right, as the text runs
            ooxml.put(tbl.tblPr, OxmlElement("w:bidiVisual"), ooxml.TBL_PR_ORDER)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths_mm, strict=False):
            grid_col.w = Mm(width)
        ooxml.borders(table)
        ooxml.cell_margins(table)
        grid = []
        for i, tr in enumerate(tbl.tr_lst):
            cells = [_Cell(tc, table) for tc in tr.tc_lst]
            for cell, width in zip(cells, widths_mm, strict=False):
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
        for cell, label in zip(cells, labels, strict=False):
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
                self.links.link(para, href or "", "".join(link_text) or href or "", self.styles["Hyperlink"])
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
