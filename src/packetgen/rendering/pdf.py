"""HTML -> PDF with WeasyPrint. Nothing is fetched but the packet's own template files
and data: URIs: no network, no file outside the template folders."""
from __future__ import annotations

import functools
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from packetgen.rendering.breaks import breakable
from packetgen.resources import data_dir


class RestrictedFetcher(URLFetcher):
    """Allows data: URIs and file: URLs inside the given folders; refuses everything else."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False, timeout=1)
        self.roots = [r.resolve() for r in roots]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                return super().fetch(url, headers)
        self.refused.append(url)
        raise ValueError(f"packetgen fetches nothing outside its templates: {url!r} refused")


def subsets_with_harfbuzz() -> bool:
    """Whether WeasyPrint subsets fonts with HarfBuzz (libharfbuzz-subset, HarfBuzz 4.1 or later)
    rather than fontTools, which writes a PDF about 20 % slower (bench/render_bench.py)."""
    from weasyprint.text import ffi

    return bool(ffi.harfbuzz_subset) and bool(ffi.harfbuzz.hb_version_atleast(4, 1, 0))


def roots_for(template_dir: Path | None) -> list[Path]:
    """The folders WeasyPrint may read from: the built-in templates and the user's."""
    return [data_dir("templates")] + ([Path(template_dir)] if template_dir else [])


def render_document(html: str, *, template_dir: Path | None = None, fetcher: RestrictedFetcher | None = None,
                    styles: SharedStyles | None = None):
    """Lay `html` out with WeasyPrint, fetching nothing but the packet's own files. The document's
    <style> is parsed once for every document that has the same one (`styles`, else the process's for
    the template folder: a handout's chapters, a batch worker's packets, a record and its verification
    in one process), and they share one font configuration: the same bytes, 0.05-0.15 s less a document."""
    from packetgen.rendering import tagging

    tagging.install()  # a quote in another language says so in the structure tree
    roots = roots_for(template_dir)
    fetcher = fetcher or RestrictedFetcher(roots)
    base_url = roots[-1].as_uri() + "/"
    styles = styles or process_styles(base_url)
    html, sheet = styles.take(html, base_url, fetcher)
    return HTML(string=breakable(html), base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=[sheet] if sheet is not None else None, font_config=styles.fonts)


_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


class SharedStyles:
    """The stylesheets of documents laid out one after another in one process, parsed once each
    (WeasyPrint parses a document's <style> again for every document: 0.1 s a chapter)."""

    def __init__(self):
        from weasyprint.text.fonts import FontConfiguration

        self.fonts = FontConfiguration()
        self.sheets: dict[tuple[str, str], object] = {}
        self.lock = threading.Lock()  # preview renders from a server thread

    def take(self, html: str, base_url: str, fetcher) -> tuple[str, object | None]:
        """`html` without its first <style> element, and that style parsed (once per text). The
        sheet applies as a user stylesheet: above the browser's defaults, as the <style> did, with
        no other author sheet to order it against."""
        from weasyprint import CSS

        head_end = html.find("</head>")
        found = _STYLE.search(html, 0, head_end if head_end >= 0 else len(html))
        if found is None:
            return html, None
        key = (found[1], base_url)  # the same text under another folder may name other files
        with self.lock:
            if key not in self.sheets:
                self.sheets[key] = CSS(string=found[1], base_url=base_url, url_fetcher=fetcher, font_config=self.fonts)
        return html[:found.start()] + html[found.end():], self.sheets[key]


@functools.cache
def process_styles(base_url: str) -> SharedStyles:
    """The styles the documents of this process laid out from one template folder share, unless given
    their own: each folder its own font configuration, so one template's @font-face never reaches
    another's documents."""
    return SharedStyles()


# Every PDF is tagged (a structure tree a screen reader follows, /MarkInfo, /Lang) and declares
# PDF/UA-1; records add PDF/A-3b (archive.py).
ACCESSIBLE = {"pdf_variant": "pdf/ua-1"}


def write_pdf(html: str, target, *, template_dir: Path | None = None) -> RestrictedFetcher:
    """Render `html` to `target` (a path or a binary file object); returns the fetcher, which
    lists what it refused."""
    fetcher = RestrictedFetcher(roots_for(template_dir))
    render_document(html, template_dir=template_dir, fetcher=fetcher).write_pdf(target, **ACCESSIBLE)
    return fetcher
