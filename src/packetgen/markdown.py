"""One Markdown parser for every renderer: CommonMark with raw HTML off, images off, and
links only for http, https and mailto. The PDF/HTML renderer takes its HTML; the DOCX
renderer walks its tokens."""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from packetgen.urls import is_safe_url, link_target

DEPTH = 20  # markdown-it's maxNesting for CommonMark: how deep quotes and lists are read


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "maxNesting": DEPTH})
    md.disable("image")  # evidence never makes the renderer fetch anything
    md.validateLink = is_safe_url  # type: ignore[method-assign]  # a javascript: or file: link stays literal
    normalize = md.normalizeLink
    md.normalizeLink = lambda url: normalize(link_target(url))  # type: ignore[method-assign]  # no attach=, bcc=
    renderer = md.renderer

    def heading_open(_self, tokens, idx, options, env):
        # a heading inside a description must not become a packet heading or bookmark
        return '<p class="md-heading"><strong>'

    def heading_close(_self, tokens, idx, options, env):
        return "</strong></p>\n"

    def link_open(_self, tokens, idx, options, env):
        tokens[idx].attrSet("rel", "noopener noreferrer")
        return renderer.renderToken(tokens, idx, options, env)  # type: ignore[attr-defined]

    md.add_render_rule("heading_open", heading_open)
    md.add_render_rule("heading_close", heading_close)
    md.add_render_rule("link_open", link_open)
    _guard(md)
    return md


_TOO_DEEP = "packetgen-too-deep"


def _guard(md: MarkdownIt) -> None:
    """Note in the parse's env when blocks nest deeper than markdown-it goes (maxNesting, 20): it
    drops everything from there to the end without a word, so the text is shown plain instead."""
    block = md.block
    tokenize = block.tokenize

    def guarded(state, start: int, end: int, *args):
        if state.level >= state.md.options.maxNesting and any(
                state.getLines(line, line + 1, 0, False).strip() for line in range(start, end)):
            state.env[_TOO_DEEP] = True
        return tokenize(state, start, end, *args)

    block.tokenize = guarded  # type: ignore[method-assign,assignment]  # the rules call it through md.block


@lru_cache(maxsize=1)
def _plain() -> MarkdownIt:
    """Paragraphs of plain text, nothing else: for text nested too deep to parse whole."""
    return MarkdownIt("zero", {"html": False})


# Unicode's own line and paragraph separators (pasted from word processors) are no line ending to
# CommonMark: they end a line and a paragraph here, as a reader of the text sees them
_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n"})


def to_html(text: str) -> str:
    """Markdown to safe HTML (all text escaped, no raw HTML passes)."""
    md, found = _parsed(text)
    return md.renderer.render(found, md.options, {})


def tokens(text: str) -> list[Token]:
    """The token stream of `text`, for renderers that build their own structure."""
    return _parsed(text)[1]


def too_deep(text: str) -> bool:
    """Whether `text` nests blocks (quotes, lists) deeper than Markdown is read here: it is shown as
    plain paragraphs, every word kept."""
    env: dict = {}
    parser().parse((text or "").translate(_SEPARATORS), env)
    return bool(env.get(_TOO_DEEP))


def _parsed(text: str) -> tuple[MarkdownIt, list[Token]]:
    text = (text or "").translate(_SEPARATORS)
    env: dict = {}
    found = parser().parse(text, env)
    if env.get(_TOO_DEEP):
        return _plain(), _plain().parse(text)
    return parser(), found


def inert(value) -> str:
    """A value printed into Markdown as plain text (a title, a name, a role, the template's words):
    made inert (the Markdown packet, `diff --format md`, the tally). Every character that could start
    Markdown inside a line is escaped — emphasis (`_u_` stays `_u_`), code, links, raw HTML, a
    table-breaking pipe, strikethrough — and a block marker at a line's start (a heading, a quote, a
    list). Markup is the template's own text (a macro's output marked `| safe`, its values made inert
    inside it) and passes as it is."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    text = _UNDERSCORE.sub(r"\\_", text.translate(_PLAIN).replace("&", "&amp;"))
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", text)) if text else text


_PLAIN = str.maketrans({c: "\\" + c for c in "\\`*[]<>|~"})
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # inside a word (snake_case) it emphasises nothing
_LINE_START = re.compile(r"(?m)^([ \t]*)([#>+=-])")  # a heading, quote, list or thematic break
_NUMBERED = re.compile(r"(?m)^([ \t]*\d+)([.)])")  # a numbered list's "1." or "1)"


def inert_markdown(value) -> Markup:
    """A field written in Markdown (a description, a summary, an assessment) for the Markdown packet:
    its emphasis, lists and code stay Markdown; raw HTML, links and images of its own, a
    table-breaking pipe and a heading that would stand as the packet's own section do not. Code spans
    and code blocks are shown as written: their `<`, `&&` and backslashes are code, never entities.
    The blocks are CommonMark's own (the packet's parser): a code span never runs from one paragraph
    or list item into the next, and a heading is escaped wherever it stands (in a list item too)."""
    text = "" if value is None else str(value)
    if not text:
        return Markup("")
    lines = text.split("\n")
    owner: list[object] = [None] * len(lines)  # per line: "code", a block's (start, end), or None
    headings: list[tuple[int, str]] = []  # the line whose marker to escape, and the marker
    for token in parser().parse(text):
        if not token.map:
            continue
        start, end = token.map
        if token.type in ("fence", "code_block"):
            owner[start:end] = ["code"] * (end - start)
        elif token.type == "inline":
            owner[start:end] = [(start, end)] * (end - start)
        elif token.type == "heading_open":
            headings.append((start, "#") if token.markup.startswith("#") else (end - 1, token.markup[:1]))
    out, n = [], 0
    while n < len(lines):
        block = owner[n]
        if block == "code":
            out.append(lines[n])
            n += 1
        elif isinstance(block, tuple):
            out.extend(_inert_prose("\n".join(lines[n:block[1]])).split("\n"))
            n = block[1]
        else:
            out.append(_escape_prose(lines[n]))
            n += 1
    for line, marker in headings:  # "# Recommendation" in a description must not stand as a section
        at = out[line].find(marker)
        if at >= 0:
            out[line] = out[line][:at] + "\\" + out[line][at:]
    return Markup("\n".join(out))


_BACKTICKS = re.compile(r"(?<!\\)`+")


def _inert_prose(text: str) -> str:
    """One block's text: code spans (a run of n backticks to the next run of exactly n) kept as
    written, the rest escaped (entities, brackets, pipes)."""
    out, last, at = [], 0, 0
    while (opening := _BACKTICKS.search(text, at)) is not None:
        run = opening.group(0)
        closing = next((m for m in re.finditer("`+", text[opening.end():]) if len(m.group(0)) == len(run)), None)
        if closing is None:
            at = opening.end()
            continue
        end = opening.end() + closing.end()
        out.append(_escape_prose(text[last:opening.start()]))
        out.append(text[opening.start():end])
        last = at = end
    out.append(_escape_prose(text[last:]))
    return "".join(out)


def _escape_prose(text: str) -> str:
    return (text.replace("\\", "\\\\")  # first: a backslash must not unescape what follows
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("[", "\\[").replace("]", "\\]"))


# --- anchors a Markdown viewer keeps --------------------------------------------------------

ANCHOR_MARK = "\x1f"  # starts the template's own anchors in the Markdown packet: no evidence text holds it
_ANCHOR = re.compile(r'<a id="(\x1f[^"<>]*)"></a>')
_ANCHOR_OPEN = re.compile(r'<a id="(\x1f[^"<>]*)">')
_LOCAL_LINK = re.compile(r"\]\(#(\x1f[^)\s]*)\)")


def github_slug(text: str) -> str:
    """A heading's anchor as GitHub (github-slugger) and most Markdown viewers make it: lower case,
    every character but letters, marks, numbers, "-", "_" and spaces dropped, spaces as hyphens."""
    import unicodedata

    kept = "".join(ch for ch in text.lower()
                   if ch.isalnum() or ch in "-_ " or unicodedata.category(ch).startswith("M"))
    return kept.replace(" ", "-")


def portable_anchors(markdown: str) -> str:
    """The packet's Markdown with its `<a id>` markers turned into links a viewer that drops raw HTML
    (GitHub, GitLab, a wiki) still follows: a marker in a heading becomes that heading's own anchor
    (its text's slug, numbered when two headings read alike), a marker elsewhere (a table row, a
    list item) the anchor of the heading it stands under; every `](#id)` link is rewritten to it."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    slugs: dict[str, int] = {}
    target: dict[str, str] = {}
    here = ""
    tokens = md.parse(markdown)
    for n, token in enumerate(tokens):
        if token.type != "inline":
            continue
        heading = n > 0 and tokens[n - 1].type == "heading_open"
        ids = [m.group(1) for child in token.children or () if child.type == "html_inline"  # <a id="x"> and </a>
               for m in [_ANCHOR_OPEN.fullmatch(child.content)] if m]
        if heading:
            words = "".join(child.content for child in token.children or ()
                            if child.type in ("text", "code_inline"))
            base = github_slug(words.strip())
            slug, count = base, slugs.get(base, 0)
            while slug in slugs:  # as github-slugger: "x", "x-1", "x-2"
                count += 1
                slug = f"{base}-{count}"
            slugs[base] = count
            slugs.setdefault(slug, 0)
            here = slug
        for anchor in ids:
            target.setdefault(anchor, here)
    markdown = _LOCAL_LINK.sub(lambda m: f"](#{target.get(m.group(1), github_slug(m.group(1)))})", markdown)
    return _ANCHOR.sub("", markdown).replace(ANCHOR_MARK, "")
