"""Result -> HTML through Jinja2. The same HTML is the screen document and WeasyPrint's input."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import __version__
from ..errors import RenderError
from ..markdown import to_html
from ..matching import SYMBOL, Result
from ..resources import data_dir
from .view import OPEN_LEAD, OPEN_TITLE, Packet, build

TEMPLATES = {"html": "packet.html.j2", "md": "packet.md.j2"}
PAPER_SIZES = {"a4": "A4", "letter": "Letter"}


def _markdown_safe(value):
    """Every value a Markdown template prints, made inert."""
    text = "" if value is None else str(value)
    # no raw HTML, no table-breaking pipe, and no [link](...) or ![image](...) of the
    # evidence's own: only the template's links (safe URLs) are links
    text = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
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
    if kind == "md":
        env = jinja2.Environment(loader=loader, autoescape=False, undefined=jinja2.StrictUndefined,
                                 finalize=_markdown_safe, auto_reload=False)
    else:
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                 auto_reload=False)
    env.filters["md"] = lambda text: Markup(to_html(text))
    env.globals.update(symbol=SYMBOL, version=__version__, chapter=False, record=None, created=None, about=True,
                       screen=False,
                       open_title=OPEN_TITLE, open_lead=OPEN_LEAD)
    return env


def render_html(result: Result, *, generated: date, paper: str = "a4",
                template_dir: Path | None = None, kind: str = "html", prefix: str = "",
                chapter: bool = False, record: dict | None = None,
                created: str | None = None, about: bool = True, screen: bool = False,
                review: tuple = (), decision: dict | None = None) -> tuple[str, Packet]:
    """The packet as HTML (kind "html", also WeasyPrint's input) or Markdown (kind "md").

    `chapter` gives the packet's markup without <html>/<head> for a handout; `prefix`
    keeps its anchors apart from other packets'; `about` False leaves out the framework's
    description (a handout prints it once, at its end); `screen` adds the screen stylesheet
    (the .html output; WeasyPrint's input leaves it out); `decision` (a record's decision.json)
    adds the final "Decision" page."""
    packet = build(result, generated, prefix, review=review)
    return render_template(TEMPLATES[kind], template_dir, kind, packet=packet, paper=PAPER_SIZES[paper],
                           chapter=chapter, record=record, about=about, screen=screen, decision=decision,
                           created=created or packet.generated.isoformat()), packet


def render_template(name: str, template_dir: Path | None, kind: str = "html", **context) -> str:
    """Render one template, turning every Jinja2 failure into a RenderError."""
    if template_dir is not None and not Path(template_dir).is_dir():
        raise RenderError(f"--template-dir {template_dir}: no such folder")
    env = environment(Path(template_dir) if template_dir else None, kind)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or name
        raise RenderError(f"{where}:{exc.lineno}:1: error: template syntax: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template {exc.name!r} not found in {template_dir or 'the built-in templates'}") from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"template error: {exc.message} (a template names a value the packet does not have)") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None
