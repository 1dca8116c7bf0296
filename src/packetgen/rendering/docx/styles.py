"""The styles the DOCX packet uses, and the built-in reference document that holds them.
"""
from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt, RGBColor

from packetgen.rendering.docx import ooxml
from packetgen.rendering.docx.page import page_setup, save
from packetgen.rendering.docx.palette import ACCENT, INK, MUTED
from packetgen.resources import data_dir


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
    props.created = props.modified = datetime(2026, 1, 1, tzinfo=UTC)
    save(document, target)


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
    for name, size in (("Title", 22), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11), ("Heading 4", 10)):
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


class StyleIds:
    """Style names to ids, looked up once per document."""

    def __init__(self, document):
        self.ids = {s.name: s.style_id for s in document.styles}

    def __getitem__(self, name: str) -> str:
        return self.ids[name]
