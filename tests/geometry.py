"""Geometry of rendered outputs, measured rather than eyeballed: word boxes of PDF pages (pdfium,
through pypdfium2), text boxes of HTML pages in Chromium. Each check returns what it found wrong,
as readable strings; an empty list is a pass."""

from __future__ import annotations

import re
from contextlib import contextmanager

# words a reader must never see cut inside a table cell or a line (a prefix means the rest wrapped)
STATUS_WORDS = ("unsupported", "supported", "strong", "thin", "gap", "met", "re-evidenced")
_ENGLISH = {"support", "supp"}


def pdf_words(path) -> list[list[tuple[str, tuple[float, float, float, float]]]]:
    """Each page's words (runs of non-space characters that touch, on one line) with their tight
    boxes, in PDF points with the origin at the bottom left. Characters next to each other in the
    text but apart on the page (the edge of a right-to-left run beside a left-to-right one) are
    two words."""
    import pypdfium2 as pdfium

    pages = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            tp = page.get_textpage()
            count = tp.count_chars()
            text = tp.get_text_range(0, count)
            words, chars, box, last = [], [], None, None
            for i, ch in enumerate(text):
                if ch.isspace() or ch in "\ufffe\ufffd":
                    if chars:
                        words.append(("".join(chars), box))
                    chars, box = [], None
                    continue
                left, bottom, right, top = tp.get_charbox(i)
                if right - left <= 0 or top - bottom <= 0:
                    continue
                # the next character far ahead, or behind the last one: the other side of a direction change
                if chars and last is not None and (left > last[2] + (top - bottom) or right < last[0] - 1.5):
                    words.append(("".join(chars), box))
                    chars, box = [], None
                last = (left, bottom, right, top)
                chars.append(ch)
                box = (
                    (left, bottom, right, top)
                    if box is None
                    else (min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top))
                )
            if chars:
                words.append(("".join(chars), box))
            pages.append(words)
    finally:
        pdf.close()
    return pages


def overlapping_words(pages, tolerance: float = 0.8) -> list[str]:
    """Pairs of words whose boxes overlap by more than `tolerance` points both ways: one drawn
    over the other."""
    found = []
    for n, words in enumerate(pages, start=1):
        ordered = sorted(words, key=lambda w: w[1][0])
        active: list = []
        for word in ordered:
            left = word[1][0]
            active = [a for a in active if a[1][2] > left + tolerance]
            for other in active:
                (l1, b1, r1, t1), (l2, b2, r2, t2) = word[1], other[1]
                if min(r1, r2) - max(l1, l2) > tolerance and min(t1, t2) - max(b1, b2) > tolerance:
                    found.append(f"page {n}: {other[0]!r} and {word[0]!r} overlap")
            active.append(word)
    return found


def broken_status_words(pages) -> list[str]:
    """Status words cut at a line end ("unsupporte" + "d"): a prefix standing as a word."""
    prefixes = {w[:k] for w in STATUS_WORDS for k in range(4, len(w))} - _ENGLISH - set(STATUS_WORDS)
    found = []
    for n, words in enumerate(pages, start=1):
        for text, _ in words:
            bare = re.sub(r"^[^\w]+|[^\w]+$", "", text).lower()
            if bare in prefixes:
                found.append(f"page {n}: {text!r}")
    return found


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def vocabulary(*texts: str) -> set[str]:
    """Every run of letters in the given texts (lower case): the words a rendering may print."""
    return {m.group().lower() for text in texts for m in _LETTERS.finditer(text)}


def broken_words(pages, known: set[str]) -> list[str]:
    """Runs of letters printed that are no word of the source: the pieces of a word the layout cut
    in two ("RECOMME" + "NDATION", "Cholmondel" + "ey"). A break at a hyphen leaves whole words."""
    found = []
    for n, words in enumerate(pages, start=1):
        for text, _ in words:
            for m in _LETTERS.finditer(text):
                if m.group().lower() not in known:
                    found.append(f"page {n}: {m.group()!r} in {text!r}")
    return found


def off_the_page(path, pages, edge: float = 2.0) -> list[str]:
    """Words drawn (partly) beyond the paper's edge: clipped for every reader."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        sizes = [(page.get_width(), page.get_height()) for page in pdf]
    finally:
        pdf.close()
    found = []
    for n, (words, (width, height)) in enumerate(zip(pages, sizes, strict=True), start=1):
        for text, (left, bottom, right, top) in words:
            if left < edge or bottom < edge or right > width - edge or top > height - edge:
                found.append(f"page {n}: {text!r} at x {left:.0f}–{right:.0f} of {width:.0f} pt")
    return found


def body_fill(words, height: float, top_margin: float = 45, bottom_margin: float = 51) -> float:
    """How much of a page's body height its words span (0..1), the running footer left out."""
    body = [w for w in words if w[1][1] > bottom_margin + 2]
    if not body:
        return 0.0
    top = max(w[1][3] for w in body)
    bottom = min(w[1][1] for w in body)
    return (top - bottom) / (height - top_margin - bottom_margin)


def body_lines(words, bottom_margin: float = 51) -> int:
    """How many lines of text a page's body holds (the running footer left out)."""
    return len({round(w[1][1] / 3) for w in words if w[1][1] > bottom_margin + 2})


def short_last_pages(path, chapter_start: str = "PROMOTION PACKET", pages=None) -> list[str]:
    """A packet's (or a handout chapter's) last page that holds only a few lines (fewer than eight,
    and under a fifth of the page): a heading or a small item that did not earn a page. `pages`:
    the file's pdf_words, when already read."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        heights = [page.get_height() for page in pdf]
    finally:
        pdf.close()
    pages = pdf_words(path) if pages is None else pages
    texts = [" ".join(w for w, _ in words) for words in pages]
    found = []
    for n, words in enumerate(pages):
        last = (
            n == len(pages) - 1 or texts[n + 1].startswith(chapter_start) or "Calibration handout" in texts[n + 1][:60]
        )
        if last and n > 0 and body_lines(words) < 8 and body_fill(words, heights[n]) < 0.2:
            found.append(f"page {n + 1} holds {body_fill(words, heights[n]):.0%} of a page: {texts[n][:80]!r}")
    return found


# --- HTML in Chromium ---------------------------------------------------------------------------

LAYOUT_JS = r"""
() => {
  const rects = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node, id = 0;
  const broken = [];
  while ((node = walker.nextNode())) {
    if (!node.textContent.trim()) continue;
    id += 1;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0.5 && r.height > 0.5) rects.push([r.left, r.top, r.right, r.bottom, id, node.textContent.trim().slice(0, 40)]);
    }
    // every word of the page, bar addresses and digests (which may break anywhere by design)
    const free = node.parentElement && node.parentElement.closest('.url, .record-line, code');
    // a word can break only in text that runs over more than one line
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0.5).map(r => Math.round(r.top)));
    if (!free && lines.size > 1) {
      const text = node.textContent;
      const re = /\S+/g; let m;
      while ((m = re.exec(text))) {
        const word = m[0];
        if (!/[A-Za-z]{2}/.test(word)) continue;
        const w = document.createRange();
        w.setStart(node, m.index); w.setEnd(node, m.index + word.length);
        const lines = new Set([...w.getClientRects()].filter(r => r.width > 0.5).map(r => Math.round(r.top)));
        if (lines.size > 1) {
          const parts = word.split(/[-.\/·]/);
          // a break at a hyphen or an identifier's dot is allowed: every piece must stay whole
          let whole = true;
          for (const part of parts) {
            if (!part) continue;
            const i = word.indexOf(part);
            const p = document.createRange();
            p.setStart(node, m.index + i); p.setEnd(node, m.index + i + part.length);
            const pl = new Set([...p.getClientRects()].filter(r => r.width > 0.5).map(r => Math.round(r.top)));
            if (pl.size > 1) whole = false;
          }
          if (!whole) broken.push(word);
        }
      }
    }
  }
  rects.sort((a, b) => a[1] - b[1]);
  const overlaps = [];
  const active = [];
  for (const r of rects) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i][3] <= r[1] + 1) active.splice(i, 1);
    for (const o of active) {
      if (o[4] === r[4]) continue;
      const w = Math.min(r[2], o[2]) - Math.max(r[0], o[0]);
      const h = Math.min(r[3], o[3]) - Math.max(r[1], o[1]);
      if (w > 1.5 && h > 1.5) overlaps.push(`${JSON.stringify(o[5])} and ${JSON.stringify(r[5])}`);
    }
    active.push(r);
  }
  // a cell whose content is wider than the cell: its column is narrower than its longest word
  const narrow = [...document.querySelectorAll('td, th')].filter(c => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1)
    .map(c => `${JSON.stringify(c.textContent.trim().slice(0, 40))} (${c.scrollWidth} px in ${c.clientWidth})`);
  const width = window.innerWidth;
  const wide = rects.filter(r => r[2] > width + 1).map(r => JSON.stringify(r[5]));
  return {overlaps: overlaps.slice(0, 10), wide: wide.slice(0, 10), broken: broken.slice(0, 10), narrow: narrow.slice(0, 10),
          scroll: document.documentElement.scrollWidth, width};
}
"""


def html_layout(browser, path, width: int) -> dict:
    with opened(browser, path, width) as page:
        return layout_at(page, width)


@contextmanager
def opened(browser, path, width: int):
    """`path` loaded in a new page `width` px wide; layout_at() then judges it at any width, as a reader
    turning a tablet sees it: Chromium lays the page out again (loading it again per width took twice as long)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(path.as_uri())
        yield page
    finally:
        page.close()


def layout_at(page, width: int) -> dict:
    """LAYOUT_JS's findings on `page` laid out `width` px wide."""
    if page.viewport_size["width"] != width:
        page.set_viewport_size({"width": width, "height": 900})
    return page.evaluate(LAYOUT_JS)


# --- what is judged ----------------------------------------------------------------------------


def run(*args):
    """packetgen on the command line, in process; it must succeed."""
    from click.testing import CliRunner

    from packetgen.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def judged_htmls(out, packets, stress, *, render: bool = True) -> dict:
    """The HTML of every packet and handout judged (their text is also the words the PDFs may
    print: the HTML carries the same text and its style sheet); `render` False names the handouts
    already made in `out` (conftest's judged_htmls makes them once per run)."""
    from conftest import EXAMPLES

    found = {e.stem: packets(e, "html").path for e in EXAMPLES}
    found["stress"] = packets(stress, "html").path
    for anonymize in (False, True):
        name = f"handout{'-anonymised' if anonymize else ''}"
        if render:
            run("committee", *EXAMPLES, stress, "-o", out / f"{name}.html", *(["--anonymize"] if anonymize else []))
        found[name] = out / f"{name}.html"
    return found
