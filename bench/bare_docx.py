"""A bare python-docx build of the packet's content, for render_bench.py's DOCX ratio:
the same headings, tables (with shaded status cells), items, descriptions and quotes,
written the straightforward way with python-docx's public API."""
from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from packetgen.model.result import SYMBOL
from packetgen.rendering.view import build as build_view

FILL = {"met": "E8F5EC", "thin": "EFC24A", "gap": "A8281E"}


def _shade(cell, fill):
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def build_docx(result, generated):
    packet = build_view(result, generated)
    r = packet.result
    d = docx.Document()
    d.add_heading(packet.candidate.name, 0)
    d.add_paragraph(f"{packet.current_name} → {packet.target_name}")
    d.add_heading("Readiness at a glance", 1)
    t = d.add_table(rows=len(packet.matrix) + 1, cols=len(packet.levels) + 2)
    for row, mrow in zip(t.rows[1:], packet.matrix):
        row.cells[0].text = mrow.area.name
        for cell, tot in zip(row.cells[1:], list(mrow.cells) + [mrow.total]):
            cell.text = f"{SYMBOL[tot.status]} {tot.met} of {tot.total}"
            _shade(cell, FILL[tot.status])
    d.add_heading("The gaps", 1)
    t = d.add_table(rows=len(packet.open), cols=3)
    for row, entry in zip(t.rows, packet.open):
        cov = entry.coverage
        row.cells[0].text = cov.status
        _shade(row.cells[0], FILL[cov.status])
        row.cells[1].text = cov.id
        row.cells[2].text = cov.expectation.text
    d.add_heading("The case", 1)
    d.add_paragraph(r.evidence.summary)
    d.add_heading(f"{packet.target_name} expectations", 1)
    for group in packet.target_cards:
        d.add_heading(group.area.name, 2)
        for card in group.cards:
            cov = card.coverage
            p = d.add_paragraph()
            p.add_run(f"{cov.id} {SYMBOL[cov.status]} {cov.status} {cov.strength or ''} {cov.expectation.text}").bold = True
            for ref in card.refs + card.stale:
                d.add_paragraph(f"{ref.label} {ref.item.title} · {ref.item.date} · {ref.summary}")
    d.add_heading("Lower levels", 1)
    rows = [row for group in packet.lower for row in group.rows]
    t = d.add_table(rows=len(rows), cols=5)
    for trow, row in zip(t.rows, rows):
        cov = row.coverage
        trow.cells[0].text = cov.id
        trow.cells[1].text = cov.expectation.text
        trow.cells[2].text = cov.status
        _shade(trow.cells[2], FILL[cov.status])
        trow.cells[3].text = cov.strength or ""
        trow.cells[4].text = " ".join(ref.label for ref in row.refs)
    d.add_heading("Evidence", 1)
    for entry in packet.evidence_entries:
        item = entry.item
        d.add_paragraph().add_run(f"{entry.ref.label} {item.title} {item.date}").bold = True
        d.add_paragraph(item.description)
        for link in item.links:
            d.add_paragraph(f"{link.title} {link.url}")
        for quote in item.quotes:
            d.add_paragraph(f"“{quote.text}” — {quote.author}", style="Quote")
        d.add_paragraph("Supports " + ", ".join(entry.in_scope))
    return d


def build(result, out, generated=None):
    """The bench's entry point."""
    from datetime import date

    build_docx(result, generated or date(2026, 11, 27)).save(str(out))
