"""Result -> HTML through Jinja2. The same HTML is the screen document and WeasyPrint's input."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from packetgen.catalogue import Catalogue, Slot
from packetgen.errors import RenderError
from packetgen.markdown import ANCHOR_MARK, inert, inert_markdown, portable_anchors, to_html
from packetgen.model.result import SYMBOL, Result
from packetgen.rendering.parts import time_text
from packetgen.rendering.view import Packet, build
from packetgen.resources import data_dir
from packetgen.version import __version__

TEMPLATES = {"html": "packet.html.j2", "md": "packet.md.j2"}
PAPER_SIZES = {"a4": "A4", "letter": "Letter"}


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None, kind: str = "html") -> jinja2.Environment:
    """Jinja2 with the user's folder searched first, then the built-in templates.

    The built-ins are also reachable as "builtin/NAME" so an override can extend them.
    HTML templates autoescape; Markdown templates pass every value through a finalize
    hook that neutralises HTML. Evidence text is only ever data, never template source.
    """
    builtin = str(data_dir("templates"))
    search = [str(template_dir)] if template_dir else []
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(search + [builtin]),
        jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(builtin)}),
    ])
    # compiled templates are kept (Jinja's per-user folder, checked against each template's source):
    # compiling them was 0.28 s of every render process
    cache = _bytecode_cache()
    if kind == "md":
        env = jinja2.Environment(loader=loader, autoescape=False, undefined=jinja2.StrictUndefined,
                                 finalize=inert, auto_reload=False, bytecode_cache=cache)
    else:
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                 auto_reload=False, bytecode_cache=cache)
    env.filters["md"] = inert_markdown if kind == "md" else (lambda text: Markup(to_html(text)))
    env.globals.update(symbol=SYMBOL, version=__version__, chapter=False, record=None, created=None, about=True,
                       screen=False, time_text=time_text)
    return env


@lru_cache(maxsize=1)
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Jinja's own file cache in its private per-user folder (mode 0700, refused when another user
    owns it), or none when there is no such folder to be had."""
    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):
        return None


def word_functions(words: Catalogue, kind: str = "html") -> dict:
    """What a template says words with: `t("key", n=3)` (text, escaped as any value), `tm("key",
    link=markup)` (a message whose Markup values, a link or a badge, stand where the locale's
    sentence puts them; its own words escaped) and `css_words("key", name="string(candidate)")`
    (a message as a CSS `content` value, its values CSS expressions)."""
    protect = inert if kind == "md" else escape

    def tm(key: str, **args) -> Markup:
        slots = {k: v for k, v in args.items() if isinstance(v, Markup)}
        pieces = words.pieces(key, **{k: (Slot(k) if k in slots else v) for k, v in args.items()})
        return Markup("".join(str(slots[p.name]) if isinstance(p, Slot) else str(protect(p)) for p in pieces))

    def css_words(key: str, **expressions) -> Markup:
        pieces = words.pieces(key, **{k: Slot(k) for k in expressions})
        return Markup(" ".join(expressions[p.name] if isinstance(p, Slot) else css_string(p) for p in pieces))

    def iso(text) -> str:
        """An ID or a number kept whole inside right-to-left text (Unicode isolation marks)."""
        return f"\u2068{text}\u2069" if words.rtl else text

    # an arrow that points the way the text reads ("→ needs 1 more item"; "←" right to left)
    def auto(text) -> Markup:
        """In a right-to-left packet, the direction of the evidence's own paragraphs: their first
        strong letter's (what dir="auto" does in a browser, which WeasyPrint does not)."""
        if not words.rtl:
            return Markup("")
        return Markup(f' dir="{first_strong_direction(text or "")}"')

    return {"t": words, "tm": tm, "css_words": css_words, "iso": iso, "arrow": "←" if words.rtl else "→",
            "auto": auto}


def first_strong_direction(text: str) -> str:
    """"ltr" or "rtl": the Unicode direction of the first letter that has one (rtl when none)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "rtl"


def css_string(text: str) -> str:
    """A CSS string literal that cannot end the string, the rule or the <style> element."""
    body = "".join(ch if ch.isalnum() or ch in " .,;:·→–—()[]!?'/%+-_" or ord(ch) > 127 else f"\\{ord(ch):x} "
                   for ch in text)
    return f'"{body}"'


def render_html(result: Result, *, generated: date, paper: str = "a4",
                template_dir: Path | None = None, kind: str = "html", prefix: str = "",
                chapter: bool = False, record: dict | None = None,
                created: str | None = None, about: bool = True, screen: bool = False,
                review: tuple = (), decision: dict | None = None,
                handout_page: int | None = None, words: Catalogue | None = None,
                blind: bool = False) -> tuple[str, Packet]:
    """The packet as HTML (kind "html", also WeasyPrint's input) or Markdown (kind "md").

    `chapter` gives the packet's markup without <html>/<head> for a handout; `prefix`
    keeps its anchors apart from other packets'; `about` False leaves out the framework's
    description (a handout prints it once, at its end); `screen` adds the screen stylesheet
    (the .html output; WeasyPrint's input leaves it out); `decision` (a record's decision.json)
    adds the final "Decision" page; `handout_page`, the handout page this packet starts on (a PDF
    handout's chapter), adds it to every footer."""
    # the Markdown packet's anchors carry a character no evidence can (the loader refuses control characters),
    # so that only the template's own markers and links become heading anchors (markdown.portable_anchors)
    packet = build(result, generated, ANCHOR_MARK + prefix if kind == "md" else prefix, review=review, words=words,
                   blind=blind)
    text = render_template(TEMPLATES[kind], template_dir, kind, packet=packet, paper=PAPER_SIZES[paper],
                           chapter=chapter, record=record, about=about, screen=screen, decision=decision,
                           created=created or packet.generated.isoformat(), handout_page=handout_page,
                           **word_functions(packet.words, kind))
    return (portable_anchors(text) if kind == "md" else text), packet


def render_template(name: str, template_dir: Path | None, kind: str = "html", **context) -> str:
    """Render one template, turning every Jinja2 failure into a RenderError."""
    if template_dir is not None and not Path(template_dir).is_dir():
        raise RenderError(f"--template-dir {template_dir}: no such folder")
    env = environment(Path(template_dir) if template_dir else None, kind)
    try:
        text = env.get_template(name).render(**context)
        # a line or paragraph separator left in plain text (a title) is a space to a reader; WeasyPrint's
        # line breaker stops on one after a space ("Got ' \u2029' between two lines")
        # (str.replace, not str.translate: a translation table costs 5 ms a packet, replace next to nothing)
        return text.replace("\u2028", " ").replace("\u2029", " ") if kind == "html" else text
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise RenderError(f"{where}:{exc.lineno}:1: error: template syntax: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {exc.name!r} not found in {template_dir or 'the built-in templates'}") from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template error: {exc.message} "
                          "(a template names a value the packet does not have)") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None
