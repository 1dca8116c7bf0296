"""Regenerate templates/reference.docx, the DOCX packet's built-in styles and page setup.

    .venv/bin/python scripts/make_reference_docx.py

Open the result in Word or LibreOffice to see (or restyle) every style the packet uses;
a company can pass its own such file with --reference-docx.
"""
from pathlib import Path

from packetgen.rendering.docx.styles import make_reference

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
    make_reference(target)
    print(f"wrote {target}")
