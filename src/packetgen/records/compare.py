"""What differs between a record and a re-render of it, and what a record never holds.

Both read a PDF with pikepdf (qpdf). `differences` compares everything that is drawn or that
a reader follows — each page's content streams, resources (fonts, images, graphic states),
annotations and boxes; the outline, named destinations, attachments, metadata and the
document's own settings — and says where, by page. `refusals` lists structures a packetgen
record never has, whatever it is compared with.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

import pikepdf

# keys that point back up the tree or number things for the structure tree: comparing them
# would walk the whole file from every object, and a difference shows elsewhere anyway
_SKIP = {"/Parent", "/P", "/StructParent", "/StructParents", "/Length", "/Filter", "/DecodeParms"}
_MAX_DEPTH = 64
_PAGE_KEYS = ("/Contents", "/Resources", "/Annots")
_BOXES = ("mediabox", "cropbox", "bleedbox", "trimbox", "artbox")


class TooComplex(Exception):
    """The file asks for more work than any record needs to be compared (_Canon.BUDGET)."""


class _Canon:
    """A comparable (hashable, printable) form of a PDF object: streams by the hash of their
    raw (still encoded) data, pages by their number, cycles cut. Each indirect object is
    walked once per depth (a file of arrays that each hold the next one twice would otherwise
    be walked 2^n times), and at most BUDGET objects are visited in all."""

    BUDGET = 2_000_000

    def __init__(self, pdf: pikepdf.Pdf):
        self.pages: dict[Any, int] = {page.objgen: n for n, page in enumerate(pdf.pages, start=1)}  # objgen -> number
        self.memo: dict[tuple, object] = {}
        # an object whose walk cut nothing (no depth limit, no cycle) reads the same at any depth it fits
        # in: objgen -> (value, its height); a structure element reached from its parent and again from
        # the parent tree is walked once, not once per depth (half of verify's comparing)
        self.whole: dict[Any, tuple[object, int]] = {}
        self.cuts = 0
        self.deepest = 0
        self.visits = 0

    def __call__(self, obj, depth: int = 0, path: tuple = ()):
        self.visits += 1
        if self.visits > self.BUDGET:
            raise TooComplex(f"more than {self.BUDGET:,} objects to compare")
        if depth > _MAX_DEPTH:
            self.cuts += 1
            return "…"
        self.deepest = max(self.deepest, depth)
        key = None
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream, pikepdf.Array)) and obj.is_indirect:
            if obj.objgen in self.pages and depth:
                return f"page {self.pages[obj.objgen]}"
            if obj.objgen in path:
                self.cuts += 1
                return "↺"
            whole = self.whole.get(obj.objgen)
            if whole is not None and depth > 0 and depth + whole[1] <= _MAX_DEPTH:
                self.deepest = max(self.deepest, depth + whole[1])
                return whole[0]
            key = (obj.objgen, depth)
            if key in self.memo:
                return self.memo[key]
            path = path + (obj.objgen,)
            cuts, deepest, self.deepest = self.cuts, self.deepest, depth
            value = self._walk(obj, depth, path)
            if self.cuts == cuts and depth > 0:
                self.whole[obj.objgen] = (value, self.deepest - depth)
            self.deepest = max(deepest, self.deepest)
            self.memo[key] = value
            return value
        return self._walk(obj, depth, path)

    def _walk(self, obj, depth, path):
        if isinstance(obj, pikepdf.Stream):
            # the raw bytes: a record's streams are compared as written, and a stream that
            # inflates to gigabytes is never inflated
            digest = hashlib.sha256(obj.read_raw_bytes()).hexdigest()
            return ("stream", self._dict(obj.stream_dict, depth, path), digest)
        if isinstance(obj, pikepdf.Dictionary):
            return self._dict(obj, depth, path)
        if isinstance(obj, pikepdf.Array):
            return tuple(self._item(x, depth + 1, path) for x in obj)
        if isinstance(obj, pikepdf.Name):
            return str(obj)
        if isinstance(obj, pikepdf.String):
            return bytes(obj)
        if isinstance(obj, (int, float, Decimal)) and not isinstance(obj, bool):
            return format(Decimal(str(obj)).normalize(), "f")
        return repr(obj)

    def _dict(self, obj, depth, path):
        return tuple(sorted((str(k), self._item(v, depth + 1, path)) for k, v in obj.items() if k not in _SKIP))

    def _item(self, obj, depth, path):
        """An array's item or a dictionary's value: an integer (most of a structure tree's numbers,
        a font's widths) said at once, in the form _walk gives it; anything else walked."""
        if type(obj) is int:
            self.visits += 1
            if self.visits > self.BUDGET:
                raise TooComplex(f"more than {self.BUDGET:,} objects to compare")
            return str(obj)
        return self(obj, depth, path)


def _content(page: pikepdf.Page) -> bytes:
    """What page draws, as written (raw: never inflated; a re-render writes the same bytes)."""
    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    return b"\n".join(hashlib.sha256(s.read_raw_bytes()).digest() for s in streams if isinstance(s, pikepdf.Stream))


def _box(page: pikepdf.Page, name: str) -> tuple:
    return tuple(float(x) for x in getattr(page, name))


def is_signature_widget(annot) -> bool:
    return annot.get("/Subtype") == "/Widget" and annot.get("/FT") == "/Sig"


# What the one signature field `--sign` adds may hold: nothing drawn (no appearance, a rectangle of no
# area), no action. A signature widget with an appearance paints over the page it sits on.
_SIGNATURE_KEYS = {"/Type", "/Subtype", "/FT", "/F", "/Rect", "/P", "/T", "/V", "/Ff", "/Parent"}


def signature_widget_problem(annot) -> str | None:
    """Why a signature widget is not the invisible, appearance-free, action-free one packetgen signs with."""
    extra = sorted(set(annot.keys()) - _SIGNATURE_KEYS)
    if extra:
        return f"a signature field with {', '.join(extra)} (an appearance or an action: it can paint over the page)"
    try:
        x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", pikepdf.Array([0, 0, 0, 0])))
    except (TypeError, ValueError):
        return "a signature field whose rectangle cannot be read"
    if abs(x1 - x0) > 0 or abs(y1 - y0) > 0:
        return f"a visible signature field ({abs(x1 - x0):.0f} × {abs(y1 - y0):.0f} pt on the page)"
    return None


def _annots(page: pikepdf.Page, canon: _Canon, *, signed: bool) -> list:
    out = []
    for annot in page.obj.get("/Annots", pikepdf.Array()):
        if isinstance(annot, pikepdf.Dictionary) and signed and is_signature_widget(annot):
            continue
        out.append(canon(annot, 1))
    return out


def _describe(annot) -> str:
    fields = dict(annot) if isinstance(annot, tuple) else {}
    kind = fields.get("/Subtype", "?")
    text = fields.get("/Contents", b"")
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{kind} annotation" + (f" “{text[:60]}”" if text else "")


def differences(record: pikepdf.Pdf, fresh: pikepdf.Pdf, *, signed: bool = False) -> list[str]:
    """Each difference between the `record` and the `fresh` re-render, page by page first."""
    try:
        return _differences(record, fresh, signed=signed)
    except TooComplex as exc:
        return [f"document: {exc}; a packetgen record never needs that many, so this one was altered"]


def _differences(record: pikepdf.Pdf, fresh: pikepdf.Pdf, *, signed: bool) -> list[str]:
    found: list[str] = []
    a, b = _Canon(record), _Canon(fresh)
    if len(record.pages) != len(fresh.pages):
        found.append(f"the record has {len(record.pages)} pages, the re-render {len(fresh.pages)}")
    for n, (old, new) in enumerate(zip(record.pages, fresh.pages, strict=False), start=1):
        where = f"page {n}"
        try:
            if _content(old) != _content(new):
                found.append(f"{where}: what is drawn differs (content stream)")
            res_old: Any = old.obj.get("/Resources", pikepdf.Dictionary())
            res_new: Any = new.obj.get("/Resources")
            for kind in sorted(set(res_old.keys()) | set(res_new.keys())):
                x, y = res_old.get(kind), res_new.get(kind)
                if x is None or y is None:
                    found.append(f"{where}: resources {kind} {'added' if y is None else 'removed'}")
                    continue
                if isinstance(x, pikepdf.Dictionary) and isinstance(y, pikepdf.Dictionary):
                    for name in sorted(set(x.keys()) | set(y.keys())):
                        if name not in x or name not in y or a(x[name], 1) != b(y[name], 1):
                            found.append(f"{where}: resource {kind} {name} differs (a font, image or graphics state)")
                elif a(x, 1) != b(y, 1):
                    found.append(f"{where}: resources {kind} differ")
            for box in _BOXES:
                if _box(old, box) != _box(new, box):
                    found.append(f"{where}: {box[:-3]} box {list(_box(old, box))} differs from "
                                 f"{list(_box(new, box))}")
            rest_old = {k: a(v, 1) for k, v in old.obj.items() if k not in _PAGE_KEYS and k not in _SKIP}
            rest_new = {k: b(v, 1) for k, v in new.obj.items() if k not in _PAGE_KEYS and k not in _SKIP}
            for key in sorted(set(rest_old) | set(rest_new)):
                if rest_old.get(key) != rest_new.get(key):
                    found.append(f"{where}: page setting {key} differs")
            ann_old, ann_new = _annots(old, a, signed=signed), _annots(new, b, signed=signed)
            if ann_old != ann_new:
                extra = [x for x in ann_old if x not in ann_new]
                gone = [x for x in ann_new if x not in ann_old]
                what = ([f"{_describe(x)} not in the packet" for x in extra[:3]] +
                        [f"{_describe(x)} of the packet missing or changed" for x in gone[:3]])
                found.append(f"{where}: annotations differ ({'; '.join(what) or 'their order'})")
        except (pikepdf.PdfError, AttributeError, TypeError, ValueError) as exc:
            found.append(f"{where}: cannot be read ({exc})")
    for key, differs in (("/Outlines", "the outline (bookmarks) differs"),
                      ("/Names", "the named destinations (link targets) or attachments differ"),
                      ("/AF", "the associated files differ"),
                      ("/StructTreeRoot", "the structure tree (what a screen reader follows) differs")):
        try:
            if a(record.Root.get(key), 0) != b(fresh.Root.get(key), 0):
                found.append(f"document: {differs} from the re-render")
        except (pikepdf.PdfError, RecursionError) as exc:
            found.append(f"document: {differs.split(' differ')[0]} cannot be read ({exc})")
    # A signature's update adds its form field, the PAdES extension and the PDF version that
    # declares it (signing.py keeps the metadata as it was); nothing else may change.
    skip = {"/Pages", "/Outlines", "/Names", "/AF", "/Metadata", "/StructTreeRoot"} | (
        {"/AcroForm", "/Extensions", "/Version"} if signed else set())
    for key in sorted((set(record.Root.keys()) | set(fresh.Root.keys())) - skip):
        if a(record.Root.get(key), 0) != b(fresh.Root.get(key), 0):
            found.append(f"document: catalog entry {key} differs from the re-render")
    if _info(record, a) != _info(fresh, b):
        found.append("document: the document information (title, author, dates) differs from the re-render")
    if a(record.Root.get("/Metadata"), 0) != b(fresh.Root.get("/Metadata"), 0):
        found.append("document: the XMP metadata differs from the re-render")
    return found


def _info(pdf: pikepdf.Pdf, canon: _Canon):
    info = pdf.trailer.get("/Info")
    return canon(info, 0) if isinstance(info, pikepdf.Dictionary) else None


def refusals(pdf: pikepdf.Pdf, *, allowed_files: set[str], signed: bool) -> list[str]:
    """Structures a record never has: actions and JavaScript, optional content, annotations
    other than links (and a signature's field), attachments beyond its own, a cropped page."""
    found: list[str] = []
    root = pdf.Root
    if "/OpenAction" in root or "/AA" in root:
        found.append("document: an action runs on opening (/OpenAction or /AA)")
    names = root.get("/Names", pikepdf.Dictionary())
    if "/JavaScript" in names:
        found.append("document: JavaScript in the name tree")
    if "/OCProperties" in root:
        found.append("document: optional content (layers a viewer can hide)")
    if "/AcroForm" in root and not signed:
        found.append("document: a form (/AcroForm) in an unsigned record")
    elif "/AcroForm" in root and set(root.AcroForm.keys()) - {"/Fields", "/SigFlags"}:
        extra = ", ".join(sorted(set(root.AcroForm.keys()) - {"/Fields", "/SigFlags"}))
        found.append(f"document: the signature's form holds more than its field ({extra})")
    try:
        attached = set(pdf.attachments.keys())
    except (pikepdf.PdfError, AttributeError, TypeError, ValueError):
        attached = set()
        found.append("document: the attachments cannot be read")
    for name in sorted(attached - allowed_files):
        found.append(f"document: an attachment that is not the record's own: {name!r}")
    for n, page in enumerate(pdf.pages, start=1):
        try:
            if _box(page, "cropbox") != _box(page, "mediabox"):
                found.append(f"page {n}: crop box {list(_box(page, 'cropbox'))} is not the page "
                             f"{list(_box(page, 'mediabox'))}")
            if "/AA" in page.obj:
                found.append(f"page {n}: an action runs when the page opens or closes (/AA)")
            for annot in page.obj.get("/Annots", pikepdf.Array()):
                if not isinstance(annot, pikepdf.Dictionary):
                    continue
                if signed and is_signature_widget(annot):
                    problem = signature_widget_problem(annot)
                    if problem:
                        found.append(f"page {n}: {problem}")
                    continue
                if annot.get("/Subtype") != "/Link":
                    found.append(f"page {n}: a {annot.get('/Subtype', '?')} annotation the packet does not make")
                elif annot.get("/A", pikepdf.Dictionary()).get("/S") not in (None, "/URI", "/GoTo"):
                    found.append(f"page {n}: a link that runs an action ({annot.A.get('/S')})")
        except (pikepdf.PdfError, AttributeError, TypeError, ValueError) as exc:
            found.append(f"page {n}: cannot be read ({exc})")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and not isinstance(obj, pikepdf.Stream):
            if obj.get("/S") == "/JavaScript" or "/JS" in obj:
                found.append(f"document: a JavaScript action (object {obj.objgen[0]})")
            elif obj.get("/Type") == "/OCG" or "/OC" in obj:
                found.append(f"document: optional content (object {obj.objgen[0]})")
    return list(dict.fromkeys(found))
