"""The DOCX packet's colours and fills, by status and strength.
"""
from __future__ import annotations

from docx.shared import Mm, RGBColor

from packetgen.model.result import GAP, MET, THIN, UNSUPPORTED

ACCENT = RGBColor(0x2B, 0x4C, 0x7E)
MUTED = RGBColor(0x5B, 0x64, 0x74)
INK = RGBColor(0x1D, 0x24, 0x30)
# fills differ in lightness so they read apart in grey; gap text is white on dark red
FILL = {MET: "E8F5EC", THIN: "EFC24A", GAP: "A8281E"}
TEXT = {MET: RGBColor(0x1F, 0x5E, 0x33), THIN: RGBColor(0x5C, 0x43, 0x00), GAP: RGBColor(0xFF, 0xFF, 0xFF)}
ROW_TINT = {GAP: "FBECEB", THIN: "FDF6E1", MET: "FFFFFF", UNSUPPORTED: "F3F5F8", "concern": "F3F5F8"}
GAP_INK = RGBColor(0xA8, 0x28, 0x1E)  # dark red on white
STRENGTH_INK = {UNSUPPORTED: GAP_INK, "strong": TEXT[MET]}
PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}


TIME_FILL = ("FFFFFF", "E6EDF6", "C9D7EA", "A9BFDC")
EMPTY_FILL = "F3F5F8"
