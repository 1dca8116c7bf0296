"""Accessible PDFs, checked with tools nobody here wrote: every packet and handout is a tagged
PDF (a structure tree, /MarkInfo, /Lang) that `page` (page-validation on PyPI, an independent
PDF/UA and PDF/A validator) finds conformant to PDF/UA-1. Records: see test_archive.py."""
from __future__ import annotations

import pikepdf
import pytest
from conftest import EXAMPLES

from packetgen.rendering.joining import _names


def assert_tagged_and_ua1(path):
    import page

    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "en"
        assert len(root.StructTreeRoot.K) > 0
        assert all("/StructParents" in p.obj for p in pdf.pages)
    report = page.validate_pdf(path, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


@pytest.mark.renders
@pytest.mark.parametrize(("example", "engine"), [(e, "weasyprint") for e in EXAMPLES] + [(EXAMPLES[1], "typst")],
                         ids=lambda p: getattr(p, "stem", p))
def test_every_packet_is_tagged_and_pdfua_1(packets, example, engine):
    """Both engines' (Typst's handout, below, holds the three examples' chapters)."""
    assert_tagged_and_ua1(packets(example, "pdf", engine).path)


@pytest.mark.renders
@pytest.mark.parametrize(("anonymize", "engine"), [(False, "weasyprint"), (True, "weasyprint"), (True, "typst")],
                         ids=["named", "anonymised", "anonymised-typst"])
def test_a_handout_is_one_tagged_pdfua_1_document(handouts, anonymize, engine):
    out, _ = handouts(anonymize=anonymize, fmt="pdf", engine=engine)
    assert_tagged_and_ua1(out)
    with pikepdf.open(out) as pdf:  # the tags cover every chapter, not only the first part
        parents = {int(p.obj.StructParents) for p in pdf.pages}
        assert len(parents) == len(pdf.pages)
        # each chapter's header cells keep their own IDs: every /Headers names one, and the ID tree
        # (where a reader looks an ID up) finds that very cell, never another chapter's
        cells = list(_table_cells(pdf))
        by_id = {str(c.ID): c for _, _, _, c in cells if "/ID" in c}
        named = [str(h) for _, _, _, c in cells for a in _attributes(c) for h in a.get("/Headers", [])]
        assert named and set(named) <= set(by_id)
        root = pdf.Root.StructTreeRoot
        if "/IDTree" in root:  # Typst writes one; WeasyPrint does not
            tree = _names(root.IDTree)
            assert len({k for k, _ in tree}) == len(tree) == len(by_id)
            assert all(str(element.ID) == key and element.objgen == by_id[key].objgen for key, element in tree)


def _attributes(element) -> list:
    found = element.get("/A")
    return [a for a in (found if isinstance(found, pikepdf.Array) else [found]) if isinstance(a, pikepdf.Dictionary)]


def _table_cells(pdf):
    """Every TH and TD structure element, each with its table (piece) and row number."""
    def walk(node, table, row):
        kids = node.get("/K")
        kids = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for kid in kids:
            if not isinstance(kid, pikepdf.Dictionary) or kid.get("/Type", pikepdf.Name.StructElem) != "/StructElem":
                continue
            tag = str(kid.get("/S"))
            if tag == "/Table":
                table = kid.objgen
            if tag == "/TR":
                row = (table, kid.objgen)
            if tag in ("/TH", "/TD"):
                yield tag, table, row, kid
            yield from walk(kid, table, row)

    yield from walk(pdf.Root.StructTreeRoot, None, None)


@pytest.mark.renders
def test_the_held_levels_table_gives_each_cell_its_own_headers_on_every_page(packets):
    """The held-levels table broke across pages with every level's name as a column header of every row
    (a screen reader read All-Levels rows as IC2 and IC3): a level heads only its own row, each row is
    headed by its ID, and the columns by the repeated header row of that page's piece."""
    path = packets(EXAMPLES[-1], "pdf").path  # IC4 -> IC5: All Levels, IC2, IC3, IC4 held, over two pages
    with pikepdf.open(path) as pdf:
        cells = list(_table_cells(pdf))
        levels = {str(c.ID) for tag, _, _, c in cells if tag == "/TH" and "/ColSpan" in c.get("/A", {})}
        assert len(levels) >= 4, "the level rows are tagged as headers"
        by_id = {str(c.ID): (row, c) for tag, _, row, c in cells if tag == "/TH" and "/ID" in c}
        pieces = {table for tag, table, _, c in cells if "/ColSpan" in c.get("/A", {})}
        assert len(pieces) >= 2, "the table breaks across pages in this example"
        checked = 0
        for tag, _table, row, cell in cells:
            if tag != "/TD" or row is None or row[0] not in pieces:
                continue
            headers = [str(h) for h in cell.A.get("/Headers", [])]
            assert not set(headers) & levels, "a level's name heads only its own row"
            row_headers = [h for h in headers if by_id.get(h, (None,))[0] == row]
            assert len(row_headers) == 1, "the row's ID heads each of its cells"
            checked += 1
        assert checked > 40
