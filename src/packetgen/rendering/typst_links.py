"""A Typst PDF's internal links, made after layout.

packet.typ lays a link to a place in the packet out as a link to the URL "packetgen:ID", and ends
with a note of where each such place is (a metadata element labelled <packetgen-targets>: its page
and position, and the document's page count). Here each of those links becomes what Typst itself
writes for a link to a label: a /Dest to that page and position, described as "page N" in Typst's
own words for the document's language. The PDF is the same; the layout is cheaper: Typst lays out
anything holding a link to a label twice (it learns where labels are from a first layout), a link
to a URL once: a packet's layout 131 -> 95 ms, a 50-candidate handout's 1.5 s.

A company's packet.typ written with `link(label(...))` still works: its links are Typst's own and
there is nothing to do here.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

SCHEME = "packetgen:"
TARGETS = "<packetgen-targets>"


@dataclass(frozen=True)
class Places:
    """Where a laid-out document's link targets are: id -> (page from 1, x, y in points from the
    page's top left), and how many pages it has (None: the template does not say)."""

    pages: int | None = None
    targets: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    starts: tuple[int, ...] = (1,)  # where each part laid out in it starts: a link says the page of its part


def places(compiler, parts: Sequence[str] = ()) -> Places:
    """The places `compiler`'s last compile noted (querying it lays nothing out again: every
    layout is in Typst's cache), and where each of `parts` (ids of parts laid out together) starts."""
    notes = json.loads(compiler.query(TARGETS, field="value"))
    if not notes:  # a company's template without the note: its links are Typst's own
        return Places()
    found = notes[0]
    targets = {key: (int(at["page"]), float(at["x"]), float(at["y"])) for key, at in found["targets"].items()}
    starts = tuple(targets[f"{part}-start"][0] for part in parts if f"{part}-start" in targets)
    return Places(int(found["pages"]), targets, starts or (1,))


def linked(links: list[list]) -> list[str]:
    """The ids the links of a tree of typst_pdf name (`links`: its elements with an href, those to a
    place it does not have already unlinked), sorted."""
    return sorted({node[1]["href"][1:] for node in links if node[1].get("href", "").startswith("#")})


def resolve(pdf, found: Places, lang: str) -> None:
    """Make every "packetgen:ID" link of `pdf` (open in pikepdf) a link to ID's place."""
    from pikepdf import Array, Name, String

    from packetgen.errors import RenderError

    if not found.targets:
        return
    pages = [page.obj for page in pdf.pages]
    tops: dict[int, float] = {}
    words = page_word(lang)
    for page in pages:
        for annot in page.get("/Annots") or ():
            uri = str(annot.get("/A", {}).get("/URI", ""))
            if not uri.startswith(SCHEME):
                continue
            key = uri[len(SCHEME):]
            if key not in found.targets:
                raise RenderError(f"a link to #{key}, which the laid-out packet does not have")
            number, x, y = found.targets[key]
            if number not in tops:
                tops[number] = float(pdf.pages[number - 1].mediabox[3])
            del annot["/A"]
            # as Typst does: the view opens a little (10 pt) above the place
            annot.Dest = Array([pages[number - 1], Name.XYZ, round(x, 6), round(tops[number] - max(0.0, y - 10), 6), 0])
            part = max(start for start in found.starts if start <= number)
            annot.Contents = String(words.replace("{page}", str(number - part + 1)))


@functools.cache
def page_word(lang: str) -> str:
    """How Typst describes a link to page {page} in `lang` ("page {page}", "Seite {page}"): read
    from a link Typst lays out itself."""
    import io

    import pikepdf

    from packetgen.rendering.typst_pdf import _empty

    probe = b"#set text(lang: sys.inputs.lang)\n#link(<t>)[x]#metadata(none)<t>"
    with pikepdf.open(io.BytesIO(_empty().compile(input=probe, format="pdf", sys_inputs={"lang": lang}))) as doc:
        words = str(doc.pages[0].Annots[0].Contents)
    return words.replace("1", "{page}") if words.count("1") == 1 else words + " {page}"
