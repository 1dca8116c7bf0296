"""Raw WordprocessingML the python-docx API does not cover, in small named helpers:
cell shading, bookmarks, internal and external hyperlinks, fields, table row flags.
The DOCX builder speaks in style names and calls these."""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement


def _el(tag: str, **attrs) -> BaseOxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key), str(value))
    return element


# Child order the OOXML schema demands (Word refuses files that break it).
_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
                "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
_TRPR_ORDER = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
               "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")

P_PR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
TBL_PR_ORDER = _TBLPR_ORDER


def put(parent, child, order: tuple[str, ...]) -> None:
    """Insert `child` where the schema's `order` puts it, replacing one of its kind."""
    _put(parent, child, order)


def _put(parent, child, order: tuple[str, ...]) -> None:
    """Insert `child` where the schema's `order` puts it, replacing one of its kind."""
    tag = child.tag
    for old in parent.findall(tag):
        parent.remove(old)
    later = order[order.index(next(t for t in order if qn(t) == tag)) + 1:]
    for successor in later:
        found = parent.find(qn(successor))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def shade(cell, fill_hex: str) -> None:
    """Fill a table cell with a solid colour (w:shd)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    tc_pr.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill_hex}))


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def make_run(text: str, *, style_id: str | None = None, bold: bool | None = None,
             italic: bool | None = None, color: str | None = None, half_points: int | None = None,
             fill: str | None = None):
    """A w:r element built directly (python-docx's add_run costs ~60 µs a run).

    rPr children are written in schema order: rStyle, b, i, color, sz, shd. Newlines
    become line breaks and tabs become tab characters.
    """
    run = _el("w:r")
    props = []
    if style_id:
        props.append(_el("w:rStyle", **{"w:val": style_id}))
    if bold is not None:
        props.append(_el("w:b", **({} if bold else {"w:val": "0"})))
    if italic is not None:
        props.append(_el("w:i", **({} if italic else {"w:val": "0"})))
    if color:
        props.append(_el("w:color", **{"w:val": color}))
    if half_points:
        props.append(_el("w:sz", **{"w:val": half_points}))
    if fill:
        props.append(_el("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))
    if props:
        r_pr = _el("w:rPr")
        r_pr.extend(props)
        run.append(r_pr)
    for n, line in enumerate(text.split("\n")):
        if n:
            run.append(_el("w:br"))
        for m, chunk in enumerate(line.split("\t")):
            if m:
                run.append(_el("w:tab"))
            if chunk:
                t = _el("w:t")
                t.text = chunk
                t.set(_XML_SPACE, "preserve")
                run.append(t)
    return run


def cell_margins(table, top=40, bottom=40, left=80, right=80) -> None:
    """Default cell padding of a table, in twentieths of a point."""
    tbl_pr = table._tbl.tblPr
    mar = _el("w:tblCellMar")
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(_el(f"w:{side}", **{"w:w": value, "w:type": "dxa"}))
    _put(tbl_pr, mar, _TBLPR_ORDER)


def borders(table, color: str = "D5DAE1", size: int = 4, inside_v: bool = True) -> None:
    """Single-line borders around and inside a table (size in eighths of a point)."""
    tbl_pr = table._tbl.tblPr
    box = _el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        val = "nil" if side == "insideV" and not inside_v else "single"
        box.append(_el(f"w:{side}", **{"w:val": val, "w:sz": size, "w:space": 0, "w:color": color}))
    _put(tbl_pr, box, _TBLPR_ORDER)


def row_flags(row, *, header: bool = False) -> None:
    """Never break this row across pages; a header row repeats on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    _put(tr_pr, _el("w:cantSplit"), _TRPR_ORDER)
    if header:
        _put(tr_pr, _el("w:tblHeader"), _TRPR_ORDER)


def bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the paragraph's content in a bookmark `name` (a target for internal links)."""
    p = paragraph._p
    start = _el("w:bookmarkStart", **{"w:id": bookmark_id, "w:name": name})
    end = _el("w:bookmarkEnd", **{"w:id": bookmark_id})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _link_run(text: str, style_id: str | None) -> BaseOxmlElement:
    return make_run(text, style_id=style_id)


def internal_link(paragraph, anchor: str, text: str, style_id: str | None = None):
    """A hyperlink to bookmark `anchor` in this document."""
    link = _el("w:hyperlink", **{"w:anchor": anchor, "w:history": 1})
    link.append(_link_run(text, style_id))
    paragraph._p.append(link)
    return link


class ExternalLinks:
    """External hyperlink relationships, one per distinct URL, added in O(1).

    python-docx's own relate_to() scans every relationship for a match, which makes a
    document with many links quadratic; this keeps its own index instead.
    """

    def __init__(self, part):
        self.part = part
        self.ids: dict[str, str] = {}

    def link(self, paragraph, url: str, text: str, style_id: str | None = None):
        r_id = self.ids.get(url)
        if r_id is None:
            r_id = f"rIdPgLink{len(self.ids) + 1}"
            self.part.rels.add_relationship(RT.HYPERLINK, url, r_id, is_external=True)
            self.ids[url] = r_id
        link = _el("w:hyperlink", **{"r:id": r_id, "w:history": 1})
        link.append(_link_run(text, style_id))
        paragraph._p.append(link)
        return link


def _field_run(p, child) -> None:
    r = _el("w:r")
    r.append(child)
    p.append(r)


def field_begin(paragraph, instruction: str) -> None:
    """Open a complex field whose shown result is what follows, up to field_end (possibly in a
    later paragraph): the result is written by packetgen, so nothing waits for an update."""
    p = paragraph._p
    _field_run(p, _el("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _el("w:instrText")
    instr.text = f" {instruction} "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _field_run(p, instr)
    _field_run(p, _el("w:fldChar", **{"w:fldCharType": "separate"}))


def field_end(paragraph) -> None:
    _field_run(paragraph._p, _el("w:fldChar", **{"w:fldCharType": "end"}))


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (PAGE, NUMPAGES ...) Word and LibreOffice compute on display; the
    placeholder is its result until they do."""
    field_begin(paragraph, instruction)
    t = _el("w:t")
    t.text = placeholder
    _field_run(paragraph._p, t)
    field_end(paragraph)


def keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def restart_numbering(document, num_id_of_style: int) -> int:
    """Give an ordered list its own numbering instance that starts again at 1."""
    numbering = document.part.numbering_part.element
    abstract = None
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id_of_style):
            abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    if abstract is None:
        return num_id_of_style
    new_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = _el("w:num", **{"w:numId": new_id})
    num.append(_el("w:abstractNumId", **{"w:val": abstract}))
    override = _el("w:lvlOverride", **{"w:ilvl": 0})
    override.append(_el("w:startOverride", **{"w:val": 1}))
    num.append(override)
    numbering.append(num)
    return new_id


def set_num(paragraph, num_id: int, level: int = 0) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


_SECTPR_ORDER = ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
                 "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
                 "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                 "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def section_break(body, template_sect_pr):
    """End the section here (a paragraph carrying a copy of the page setup, new page).

    The copy drops header/footer references, so the new section can get a footer part
    of its own; its header inherits the previous section's.
    """
    import copy

    sect_pr = copy.deepcopy(template_sect_pr)
    for ref in sect_pr.findall(qn("w:headerReference")) + sect_pr.findall(qn("w:footerReference")):
        sect_pr.remove(ref)
    p = _el("w:p")
    p_pr = _el("w:pPr")
    p_pr.append(sect_pr)
    p.append(p_pr)
    body.append(p)
    return sect_pr


def restart_page_numbers(sect_pr) -> None:
    """Page numbers of this section start again at 1."""
    _put(sect_pr, _el("w:pgNumType", **{"w:start": 1}), _SECTPR_ORDER)


_APP_XML = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            "<Application>{}</Application><DocSecurity>0</DocSecurity></Properties>")


def application_properties(document, application: str) -> None:
    """docProps/app.xml names the application that wrote the file, and the template's
    thumbnail (a blank page from python-docx's own template) is dropped."""
    from xml.sax.saxutils import escape

    package = document.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML.format(escape(application)).encode("utf-8")
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(r_id)
    # Word 2010's stylesWithEffects copy of styles.xml (from python-docx's template) would
    # disagree with the styles the packet adds; it is optional, and Word rebuilds it
    rels = document.part.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            rels.pop(r_id)


def run_language(run, tag: str) -> None:
    """Mark a run as written in language `tag` (BCP 47): w:lang, for a Latin, East Asian or
    right-to-left script alike (Word reads the one that applies to the run's characters)."""
    r_pr = run._r.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
