"""One tagged PDF from parts laid out one at a time (a handout's overview, its chapters, its end):
each part's layout is freed once its pages are written, so a handout's memory is a chapter's, not
the cycle's, and the joined file is still one document to a screen reader and a PDF/UA checker —
one structure tree (the parts' elements under one Document, their keys, IDs and role names kept
apart), one outline, the first part's catalogue (language, metadata, viewer preferences).

Uses pikepdf (qpdf): pages and the structure elements that point at them are copied with one object
map per part, so an element's /Pg is the copied page.
"""
from __future__ import annotations

import io
import warnings
from collections.abc import Callable

import pikepdf
from pikepdf import Array, Dictionary, Name


def _numbers(tree) -> list[tuple[int, object]]:
    """A number tree's (key, value) pairs, its kids flattened."""
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        nums = node.get("/Nums")
        if nums is not None:
            out += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
        stack.extend(node.get("/Kids") or [])
    return out


def _names(tree) -> list[tuple[str, object]]:
    """A name tree's (name, value) pairs, its kids flattened."""
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        names = node.get("/Names")
        if names is not None:
            out += [(str(names[i]), names[i + 1]) for i in range(0, len(names), 2)]
        stack.extend(node.get("/Kids") or [])
    return out


def _elements(root):
    """Every structure element under `root` (not marked-content references or objects)."""
    stack = [root]
    seen = set()
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, Dictionary) and "/S" in kid and kid.objgen not in seen:
                seen.add(kid.objgen)
                yield kid
                stack.append(kid)


def _renamed(part: pikepdf.Pdf, prefix: str) -> None:
    """Give every structure element ID of `part` (and every table cell's /Headers naming one) the
    prefix, so that two parts' IDs never meet. With an ID tree (Typst's parts), the elements it
    names and the cells of their tables are all there is to visit, not every element (50 chapters:
    ~38,000 visits, a second of a handout)."""
    root = part.Root.StructTreeRoot
    if "/IDTree" not in root:
        _prefixed(_elements(root), prefix)
        return
    named = [element for _, element in _names(root.IDTree)]
    tables = {}
    for element in named:
        table = element
        while isinstance(table, Dictionary) and table.get("/S") != Name.Table:
            table = table.get("/P")
        if isinstance(table, Dictionary):
            tables[table.objgen] = table
    _prefixed(named, prefix, headers=False)
    _prefixed((cell for table in tables.values() for cell in _cells(table)), prefix, ids=False)


def _prefixed(elements, prefix: str, *, ids: bool = True, headers: bool = True) -> None:
    for element in elements:
        if ids and "/ID" in element:
            element.ID = pikepdf.String(prefix + bytes(element.ID).decode("latin-1"))
        if not headers:
            continue
        attributes = element.get("/A")
        for attribute in (attributes if isinstance(attributes, Array) else [attributes] if attributes else []):
            if isinstance(attribute, Dictionary) and "/Headers" in attribute:
                attribute.Headers = Array(pikepdf.String(prefix + bytes(h).decode("latin-1"))
                                          for h in attribute.Headers)


_ROWS = ("/THead", "/TBody", "/TFoot", "/TR")


def _cells(table):
    """A table's cells (TH, TD), not what is in them."""
    stack = [table]
    while stack:
        kids = stack.pop().get("/K")
        for kid in (kids if isinstance(kids, Array) else [kids] if kids is not None else []):
            if isinstance(kid, Dictionary) and "/S" in kid:
                kind = str(kid.S)
                if kind in ("/TH", "/TD"):
                    yield kid
                elif kind in _ROWS:
                    stack.append(kid)


def _outline_items(pdf: pikepdf.Pdf) -> list:
    outlines = pdf.Root.get("/Outlines")
    items = []
    item = outlines.get("/First") if outlines is not None else None
    while item is not None:
        items.append(item)
        item = item.get("/Next")
    return items


def _copied(out: pikepdf.Pdf, value):
    """`value` of another PDF, in `out`: an indirect object through qpdf's copier (one map per
    part), a direct array or dictionary member by member."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return out.copy_foreign(value)
    if isinstance(value, Array):
        return Array(_copied(out, item) for item in value)
    if isinstance(value, Dictionary):
        return Dictionary({key: _copied(out, item) for key, item in value.items()})
    return value


def join(parts: list[bytes], prepare: Callable[[pikepdf.Pdf, bytes], None] | None = None) -> bytes:
    """The parts (tagged PDFs, each a /Document of structure elements) as one tagged PDF;
    `prepare(part, its bytes)` is called on each part once it is open, before it is joined."""
    out = pikepdf.open(io.BytesIO(parts[0]))
    if prepare:
        prepare(out, parts[0])
    root = out.Root.StructTreeRoot
    document = root.K[0] if isinstance(root.K, Array) else root.K
    if not isinstance(document.K, Array):
        document.K = Array([document.K])
    numbers = _numbers(root.ParentTree)
    next_key = int(root.get("/ParentTreeNextKey", max((k for k, _ in numbers), default=-1) + 1))
    ids = _names(root.IDTree) if "/IDTree" in root else []
    roles = dict(root.get("/RoleMap") or {})
    dests = _names(out.Root.Names.Dests) if "/Names" in out.Root and "/Dests" in out.Root.Names else []
    outline = _outline_items(out)
    for n, data in enumerate(parts[1:], start=1):
        part = pikepdf.open(io.BytesIO(data))
        if prepare:
            prepare(part, data)
        proot = part.Root.StructTreeRoot
        _renamed(part, f"p{n}-")
        offset = next_key
        for page in part.pages:  # their keys into the joined parent tree
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots") or []:
                if "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        pdoc = proot.K[0] if isinstance(proot.K, Array) else proot.K
        del pdoc["/P"]  # not its tree root: copying it must not copy the whole part again
        with warnings.catch_warnings():  # named destinations: joined below, with every part's
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(part.pages)  # the pages first: what refers to them is copied onto these copies
        copied = out.copy_foreign(pdoc)
        kids = copied.K if isinstance(copied.K, Array) else [copied.K]
        for kid in kids:
            if isinstance(kid, Dictionary) and "/S" in kid:
                kid.P = document
            document.K.append(kid)
        pnums = _numbers(proot.ParentTree)
        numbers += [(key + offset, _copied(out, value)) for key, value in pnums]
        next_key = offset + int(proot.get("/ParentTreeNextKey", max((k for k, _ in pnums), default=-1) + 1))
        if "/IDTree" in proot:
            ids += [(f"p{n}-{name}", _copied(out, value)) for name, value in _names(proot.IDTree)]  # as _renamed
        roles.update(dict(proot.get("/RoleMap") or {}))
        if "/Names" in part.Root and "/Dests" in part.Root.Names:
            dests += [(name, _copied(out, value)) for name, value in _names(part.Root.Names.Dests)]
        outline += [_copied(out, item) for item in _outline_items(part)]
    root.ParentTree = out.make_indirect(Dictionary(Nums=Array(x for key, value in sorted(numbers, key=lambda kv: kv[0])
                                                             for x in (key, value))))
    root.ParentTreeNextKey = next_key
    if ids:
        root.IDTree = out.make_indirect(Dictionary(Names=Array(x for name, value in sorted(ids, key=lambda kv: kv[0])
                                                               for x in (pikepdf.String(name), value))))
    if roles:
        root.RoleMap = Dictionary(dict(roles))
    if dests:
        if "/Names" not in out.Root:
            out.Root.Names = Dictionary()
        out.Root.Names.Dests = out.make_indirect(Dictionary(Names=Array(
            x for name, value in sorted(dests, key=lambda kv: kv[0]) for x in (pikepdf.String(name), value))))
    if outline:
        _chain(out, outline)
    buffer = io.BytesIO()
    out.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
             deterministic_id=True)
    return buffer.getvalue()


def _chain(out: pikepdf.Pdf, items: list) -> None:
    """The parts' top-level outline items as one outline, in order."""
    outlines = out.Root.get("/Outlines")
    if outlines is None:
        outlines = out.Root.Outlines = out.make_indirect(Dictionary(Type=Name.Outlines))
    total = 0
    for at, item in enumerate(items):
        item.Parent = outlines
        if at:
            item.Prev = items[at - 1]
        elif "/Prev" in item:
            del item["/Prev"]
        if at + 1 < len(items):
            item.Next = items[at + 1]
        elif "/Next" in item:
            del item["/Next"]
        total += 1 + max(0, int(item.get("/Count", 0)))
    outlines.First, outlines.Last, outlines.Count = items[0], items[-1], total
