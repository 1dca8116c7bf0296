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


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
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
    return md


def to_html(text: str) -> str:
    """Markdown to safe HTML (all text escaped, no raw HTML passes)."""
    return parser().render(text or "")


def tokens(text: str) -> list[Token]:
    """The token stream of `text`, for renderers that build their own structure."""
    return parser().parse(text or "")


def inert(value) -> str:
    """A value printed into Markdown, made inert (the Markdown packet and `diff --format md`).
    Markup is the template's own text (a macro's output marked `| safe`, its values made inert
    inside it) and passes as it is."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    # no raw HTML, no table-breaking pipe, and no [link](...) or ![image](...) of the
    # evidence's own: only the template's links (safe URLs) are links
    text = (text.replace("\\", "\\\\")  # first: a backslash must not unescape what follows
            .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("[", "\\[").replace("]", "\\]"))
    return _no_headings(text) if "\n" in text or text.lstrip().startswith("#") else text


_ATX = re.compile(r"^( {0,3})(#{1,6}(?:[ \t]|$))")
_SETEXT = re.compile(r"^( {0,3})([=-]+[ \t]*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _no_headings(text: str) -> str:
    """A heading inside evidence text would stand as one of the packet's own sections (a
    self-assessment could forge "# Recommendation"): its marker is escaped, as the HTML and
    Word packets show such a line as a paragraph. Code blocks are left as they are."""
    out, fence, previous = [], None, ""
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence:
                fence = None
        elif opened:
            fence = opened.group(1)[0]
        else:
            line = _ATX.sub(r"\1\\\2", line)
            if previous.strip():
                line = _SETEXT.sub(r"\1\\\2", line)
        out.append(line)
        previous = line
    return "\n".join(out)
