"""What a screen reader needs from the PDF's structure tree that WeasyPrint's tagging leaves out: the
language of a part written in another language than the packet (a quote's `lang:`), as /Lang on its
structure element (PDF 1.7, 14.9.2; WCAG 3.1.2 "Language of Parts"). The HTML carries it as the
blockquote's lang attribute, the DOCX as w:lang on its runs.

WeasyPrint builds the tree box by box in `weasyprint.pdf.tags._build_box_tree`, which calls itself
through its module; `install()` wraps it once, adding /Lang to the element of a box whose HTML element
has a lang of its own. With a WeasyPrint that has no such function, nothing is wrapped (and the test
that reads /Lang back fails, saying so)."""
from __future__ import annotations

_ROOT_TAGS = {"html", "body"}  # the document's language is the catalog's /Lang


def install() -> bool:
    """Wrap WeasyPrint's structure builder (once); False when this WeasyPrint has none to wrap."""
    from weasyprint.pdf import tags

    built = getattr(tags, "_build_box_tree", None)
    if built is None:
        return False
    if getattr(built, "packetgen_languages", False):
        return True

    import pydyf

    def build_box_tree(box, parent, pdf, page_number, nums, annotations, marked):
        lang = _own_language(box)
        for element in built(box, parent, pdf, page_number, nums, annotations, marked):
            if lang and "Lang" not in element:
                element["Lang"] = pydyf.String(lang)
            yield element

    build_box_tree.packetgen_languages = True  # type: ignore[attr-defined]
    tags._build_box_tree = build_box_tree
    return True


def _own_language(box) -> str:
    element = getattr(box, "element", None)
    if element is None or not isinstance(getattr(element, "tag", None), str) or element.tag in _ROOT_TAGS:
        return ""
    return element.get("lang") or ""
