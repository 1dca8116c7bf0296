"""Accessible PDFs, checked with tools nobody here wrote: every packet and handout is a tagged
PDF (a structure tree, /MarkInfo, /Lang) that `page` (page-validation on PyPI, an independent
PDF/UA and PDF/A validator) finds conformant to PDF/UA-1. Records: see test_archive.py."""
from __future__ import annotations

import pikepdf
import pytest
from conftest import EXAMPLES


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
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_packet_is_tagged_and_pdfua_1(packets, example):
    assert_tagged_and_ua1(packets(example, "pdf").path)


@pytest.mark.renders
@pytest.mark.parametrize("anonymize", [False, True], ids=["named", "anonymised"])
def test_a_handout_is_one_tagged_pdfua_1_document(handouts, anonymize):
    out, _ = handouts(anonymize=anonymize, fmt="pdf")
    assert_tagged_and_ua1(out)
    with pikepdf.open(out) as pdf:  # the tags cover every chapter, not only the first part
        parents = {int(p.obj.StructParents) for p in pdf.pages}
        assert len(parents) == len(pdf.pages)
