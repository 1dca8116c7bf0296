"""HTML -> PDF with Typst, the second PDF engine (`--engine typst`).

Typst lays out the very document the HTML template makes (templates/packet.html.j2, a company's
overrides included): this module reads that HTML into a plain tree of elements, their classes and
text, and hands it to templates/packet.typ as data (`sys.inputs`), never as Typst markup, so no
evidence text is ever evaluated. packet.typ says how each element and class looks, as packet.css
does for WeasyPrint; a company overrides it by putting its own packet.typ in --template-dir. The
content, its order, its links and its words are the template's, so both engines print the same
packet.

Nothing is fetched: Typst reads files only inside the template folder it is given, and a template
that imports a Typst package (`@preview/...`, which Typst would download) is refused.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from packetgen.errors import RenderError, UsageError
from packetgen.rendering.fonts import drawable
from packetgen.rendering.typst_links import Places, linked, places, resolve
from packetgen.resources import data_dir

TEMPLATE = "packet.typ"
DEPTH = 24  # elements nested deeper than this (a hostile Markdown list) keep their text, not their tags
_VOID = {"br", "hr", "img", "meta", "link", "input", "wbr"}
_DROPPED = {"style", "script", "head", "title", "template"}
# elements whose whitespace-only text is layout, not a space a reader sees (Typst drops the others
# where they touch a block)
_BLOCKS = {"ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr"}
_SPACES = re.compile(r"[ \t\n\r\f]+")
_PACKAGE = re.compile(r"""["']@[a-z]""")  # a Typst package import: Typst would download it


@dataclass
class _Tree:
    """The HTML's <body> as nested lists, [tag, {attributes}, child...], text as strings; its <meta>
    names, its <html> attributes and the element ids it keeps (each id once)."""
    root: list = field(default_factory=lambda: ["body", {}])
    meta: dict[str, str] = field(default_factory=dict)
    html_attrs: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    links: list[list] = field(default_factory=list)  # the elements with an href, in document order


def _parsed(html: str) -> _Tree:
    """The tree of `html`'s <body>, its <meta> names and <html> attributes: tokenised by libxml2
    (lxml, which python-docx needs too; half the time Python's own HTMLParser took) and built by
    _built: the same tree, element for element."""
    from lxml import etree

    from packetgen.rendering.breaks import breakable

    tree = _Tree()
    # huge_tree: neither a long text nor deep nesting is cut short (libxml2's defaults would drop it)
    parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True, remove_pis=True,
                              no_network=True)
    text = breakable(html)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (no file can hold one; a caller's string might)
        data = re.sub("[\ud800-\udfff]", "\ufffd", text).encode("utf-8")
    root = etree.fromstring(data, parser)
    if root is None:  # nothing at all
        return tree
    tree.html_attrs = dict(root.attrib) if root.tag == "html" else {}
    for meta in root.iter("meta"):
        if meta.get("name"):
            tree.meta[meta.get("name")] = meta.get("content") or ""
    etree.strip_elements(root, *_DROPPED, with_tail=False)
    body = root if root.tag == "body" else root.find("body")
    if body is not None:
        _built(body, tree.root, 1, False, tree)
    return tree


_KEPT = ("href", "lang", "dir", "scope", "colspan")


def _built(element, node: list, depth: int, pre: bool, tree: _Tree) -> None:
    """`element`'s text and children into `node` (at `depth` in the tree), tidied (_tidy): an element
    nested deeper than DEPTH gives its text to `node`, never a node of its own. One pass: the tree of
    a chapter is 2,000 elements, each walk of it ~3 ms."""
    if element.text:
        _text(node, element.text, pre)
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in ("html", "body"):
            pass
        elif depth > DEPTH:
            if tag not in _VOID:
                _text(node, "".join(child.itertext()), pre)
        else:
            attrs = child.attrib
            kept: dict = {k: v for k, v in attrs.items() if k in _KEPT}
            if attrs.get("class", "").split():
                kept["class"] = attrs["class"].split()  # a list: Typst need not split it for every element
            if attrs.get("id") and attrs["id"] not in tree.ids:
                tree.ids.add(attrs["id"])
                kept["id"] = attrs["id"]
            made = [tag, kept]
            node.append(made)
            if "href" in kept:
                tree.links.append(made)
            if tag not in _VOID:
                _built(child, made, depth + 1, pre or tag == "pre", tree)
        if child.tail:
            _text(node, child.tail, pre)
    if not pre:
        _tidy(node)


def _text(node: list, data: str, pre: bool) -> None:
    data = drawable(data)
    if not pre:
        data = _SPACES.sub(" ", data)
        if data == " " and node[0] in _BLOCKS:
            return
    if len(node) > 2 and isinstance(node[-1], str):
        node[-1] += data
    else:
        node.append(data)


def _meta(tree: _Tree, html: str, paper: str) -> dict:
    meta = tree.meta
    return {
        "title": _title(html),
        "author": meta.get("author", ""),
        "description": meta.get("description", ""),
        "keywords": [k.strip() for k in meta.get("keywords", "").split(",") if k.strip()],
        "lang": tree.html_attrs.get("lang", "en"),
        "rtl": tree.html_attrs.get("dir") == "rtl",
        "paper": {"a4": "a4", "letter": "us-letter"}[paper],
        "created": _created(meta.get("dcterms.created", "")),
    }


def document(html: str, *, paper: str = "a4", running: str = "", page_of: str = "{page} / {pages}") -> dict:
    """The data packet.typ lays out: the document's metadata, the running footer's words (`page_of`
    with {page} and {pages} in it) and its body as a tree."""
    tree = _parsed(html)
    _unlink(tree.links, tree.ids)
    return {**_meta(tree, html, paper), "running": drawable(running), "page_of": drawable(page_of), "body": tree.root,
            "targets": linked(tree.links)}


def part(html: str, attrs: dict, *, paper: str = "a4") -> dict:
    """The data of one part of a handout, laid out on its own (rendering/joining.py joins them):
    `attrs` give its kind ("overview", "chapter", "about"), its id, its footer words ("page_of" with
    {page}, {pages} and {handout}, beside "running" for a chapter, "footer" for the others) and
    "offset", the handout pages before the document it is laid out in."""
    return parts([(html, attrs)], paper=paper)


def parts(items: list[tuple[str, dict]], *, paper: str = "a4") -> dict:
    """The data of parts laid out together (each `(html, attrs)` as part() takes them), one after
    another, each from a new page with its own footer; the metadata is the first part's. Where each
    part starts and ends is noted with the places its links go to (labels ID-start and ID-end)."""
    trees = [_parsed(html) for html, _ in items]
    ids = set().union(*(tree.ids for tree in trees))
    body: list = ["body", {}]
    for tree, (_, attrs) in zip(trees, items, strict=True):
        attrs = {k: drawable(v) if k in ("running", "page_of", "footer") else v for k, v in attrs.items()}
        body.append(["part", attrs, *tree.root[2:]])
    links = [node for tree in trees for node in tree.links]
    _unlink(links, ids)
    ends = [f"{attrs['id']}-{end}" for _, attrs in items for end in ("start", "end")]
    return {**_meta(trees[0], items[0][0], paper), "running": "", "page_of": "", "body": body,
            "targets": linked(links) + ends, "parts": [attrs["id"] for _, attrs in items]}


def _created(value: str) -> list[int]:
    """The document's date and time (its dcterms.created, as WeasyPrint reads it: a day, or a
    record's UTC time) as [year, month, day, hour, minute, second]."""
    from datetime import datetime

    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        when = datetime(1970, 1, 1)
    return [when.year, when.month, when.day, when.hour, when.minute, when.second]


def _title(html: str) -> str:
    import html as html_lib

    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return html_lib.unescape(found[1]).strip() if found else ""


_INLINE = {"a", "span", "strong", "em", "b", "i", "code", "q", "br", "sub", "sup", "del", "s", "abbr", "small",
           "mark", "u", "time", "cite", "kbd", "var", "wbr"}


def _tidy(node: list) -> None:
    """Drop the whitespace between `node`'s blocks (Typst would make it an empty paragraph), keep it
    between inline elements (a reader's space)."""
    kids = node[2:]
    if not any(isinstance(kid, str) and not kid.strip(" ") for kid in kids):
        return
    kept = []
    for at, kid in enumerate(kids):
        if isinstance(kid, str) and not kid.strip(" "):
            before = kids[at - 1] if at else None
            after = kids[at + 1] if at + 1 < len(kids) else None
            if not (_inline(before) and _inline(after)):
                continue
        kept.append(kid)
    node[2:] = kept


def _inline(node) -> bool:
    return isinstance(node, str) or (isinstance(node, list) and node[0] in _INLINE)


def _unlink(links: list[list], ids: set[str]) -> None:
    """A link to a place the document does not have becomes its text (Typst refuses a missing label)."""
    for node in links:
        href = node[1]["href"]
        if href.startswith("#") and href[1:] not in ids:
            del node[1]["href"]


def template_source(template_dir: Path | None) -> tuple[Path, str]:
    """The packet.typ to use (the company's, else the built-in one) and the folder Typst may read."""
    for folder in ([Path(template_dir)] if template_dir else []) + [data_dir("templates")]:
        path = folder / TEMPLATE
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            if _PACKAGE.search(text):
                raise UsageError(f"{path}: imports a Typst package, which Typst would download; packetgen "
                                 "fetches nothing while rendering: copy what you need into the template")
            return path, text
    raise RenderError(f"no {TEMPLATE} in {template_dir} or the built-in templates")


_compilers: dict[Path, object] = {}


def _compiler(template: Path):
    """One Typst compiler per template in a process (its fonts read once: 0.2 s)."""
    import typst

    if template not in _compilers:
        _compilers[template] = typst.Compiler(template, root=template.parent)
    return _compilers[template]


_EMPTY = b" "
MAX_AGE = 10  # the binding drops what ten compiles in a row did not use: age(MAX_AGE) forgets everything


def age(compiles: int) -> None:
    """Let Typst forget layouts sooner. Typst keeps what it laid out in a memo cache (its memory
    grows ~17 MB a chapter), and the binding ages every entry by one compile after each compile,
    dropping those unused for ten (comemo::evict(10)): so a handout of fifty chapters held ten
    chapters' layouts, 300 MB. An empty document compiles in microseconds and ages the cache like
    any other: `compiles` of them age it by as many, MAX_AGE forgets it all. Not free: each ageing
    walks the cache (~7 ms with a document's layouts in it), and what is forgotten is laid out anew
    if needed again (shaped words, the template's rules)."""
    empty = _empty()
    for _ in range(compiles):
        empty.compile(input=_EMPTY, format="svg")


def forget() -> None:
    """Forget every layout (age(MAX_AGE)) and give the memory back to the system: Typst lays out on
    worker threads, whose freed memory glibc keeps in per-thread arenas that the main thread's
    allocations (the join's) never reuse, unless trimmed (50 chapters: 269 -> 167 MB)."""
    import ctypes
    from contextlib import suppress

    age(MAX_AGE)
    with suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL(None).malloc_trim(0)  # the process's own symbols: glibc's, where it is the C library


@functools.cache
def _empty():
    """A compiler for documents of packetgen's own (the empty one that ages the cache, a probe of
    Typst's words): Typst's built-in fonts are all they need, so it does not read the system's
    (70 ms a process)."""
    import typst

    return typst.Compiler(ignore_system_fonts=True)


def unisolated(words: str) -> str:
    """A catalogue's message without the isolation marks Fluent puts around {placeholders}."""
    return words.replace("\u2068", "").replace("\u2069", "")


def footer_words(packet) -> tuple[str, str]:
    """The running footer's words and its "page N of M" with {page} and {pages} in it, from the
    packet's catalogue (WeasyPrint's come from its CSS)."""
    return packet.running, unisolated(packet.words("page-of", page="{page}", pages="{pages}"))


def write_pdf(html: str, target, *, template_dir: Path | None = None, paper: str = "a4",
              standards: tuple[str, ...] = ("ua-1",), timestamp: int | None = None, running: str = "",
              page_of: str = "{page} / {pages}") -> None:
    """Lay `html` out with Typst into `target` (a path or a binary file), tagged and PDF/UA-1."""
    write_data(document(html, paper=paper, running=running, page_of=page_of), target,
               template_dir=template_dir, standards=standards, timestamp=timestamp)


def write_data(data: dict, target, *, template_dir: Path | None = None, standards: tuple[str, ...] = ("ua-1",),
               timestamp: int | None = None) -> None:
    """Lay out `data` (document()) with packet.typ into `target`, its links made and packed."""
    pdf, found = laid_out(data, template_dir=template_dir, standards=standards, timestamp=timestamp)
    pdf = _packed(pdf, found, data["lang"])
    if hasattr(target, "write"):
        target.write(pdf)
    else:
        Path(target).write_bytes(pdf)


def laid_out(data: dict, *, template_dir: Path | None = None, standards: tuple[str, ...] = ("ua-1",),
             timestamp: int | None = None) -> tuple[bytes, Places]:
    """`data` (document() or part()) laid out by packet.typ as Typst writes it (its links to places
    in it still to be made: typst_links.resolve), and where those places are."""
    import typst

    template, _ = template_source(template_dir)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    compiler = _compiler(template)
    try:
        pdf = compiler.compile(sys_inputs={"packet": text}, pdf_standards=list(standards), timestamp=timestamp)
        return pdf, places(compiler, data.get("parts", ()))
    except typst.TypstError as exc:
        raise RenderError(f"{template}: Typst could not lay the packet out: {exc.message}\n{exc.diagnostic}") from None


MIME = {".yaml": "application/yaml", ".yml": "application/yaml", ".json": "application/json"}


def write_record(result, record: dict, files: list[tuple[str, bytes, str]], *, generated, paper: str,
                 decision: dict | None = None, words=None) -> bytes:
    """A PDF/A-3b and PDF/UA-1 record laid out by Typst (as records/archive.write_record does with
    WeasyPrint): `files` embedded as associated files (their bytes passed as data), the record line
    atop every page, and with `decision` the final "Decision" page. The same arguments give the same bytes."""
    import io
    from pathlib import PurePath

    from packetgen.rendering.html import render_html

    stamp = generated.strftime("%Y-%m-%dT%H:%M:%SZ")
    html, packet = render_html(result, generated=generated.date(), paper=paper, record=record, created=stamp,
                               decision=decision, words=words)
    running, page_of = footer_words(packet)
    data = document(html, paper=paper, running=running, page_of=page_of)
    data["record_line"] = packet.words("record-line", sha=record["evidence"]["sha256"], version=record["packetgen"],
                                       framework=record["framework"]["id"])
    data["attachments"] = [{"name": name, "data": list(blob), "description": about,
                            "mime": MIME.get(PurePath(name).suffix.lower(), "application/octet-stream")}
                           for name, blob, about in sorted(files)]
    out = io.BytesIO()
    write_data(data, out, standards=("a-3b", "ua-1"))
    return out.getvalue()


def _packed(pdf: bytes, found: Places, lang: str) -> bytes:
    """Typst writes the structure tree (thousands of small objects) uncompressed: packed into object
    streams the file is less than half the size (345 -> 158 KB for 9 pages, 35 ms), the same bytes
    for the same input (its /ID from its content). Its links are made on the way (typst_links)."""
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        resolve(doc, found, lang)
        doc.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True,
                 deterministic_id=True)
    return out.getvalue()
