"""Break opportunities in long words, for both PDF engines (neither breaks a word that has none
where a line ends, and WeasyPrint's search for one grows with the square of its length)."""
from __future__ import annotations

import re

# A word longer than a line must break, and CSS `overflow-wrap` does it in time that grows with
# the square of the word's length (a 99,000-character word: 79 s). A zero-width space every
# _CHUNK characters of a long word gives the line breaker places to break at no cost; it is not
# drawn. Only text between tags is touched: never an attribute, never the <head>. A "word" can
# also run across inline tags (Markdown's *a*a*a… is 8,000 <em>s with no space between them:
# 62 s for 16,000 characters); such a run gets a zero-width space after a closing inline tag once
# it is _RUN characters long.
# a character of a word: an entity (&amp; is one), a no-break space (it joins words: no break there
# either) or anything but a space, a tag or a hyphen (a hyphen is a break opportunity already)
_NO_BREAK = "\u00a0\u2007\u202f"
_UNIT = rf"(?:&#?\w+;|[^\s<>&-]|[{_NO_BREAK}])"
_LONG_WORD = re.compile(rf"{_UNIT}{{48,}}")
_TOKEN = re.compile(r"(<[^>]*>)|([^<]+)")
_INLINE_END = re.compile(r"</(em|strong|code|a|span|b|i|s|del|sub|sup)\s*>", re.I)
_SPACE = re.compile(rf"[^\S{_NO_BREAK}]")  # where a line may break
_CHUNK = 24
_RUN = 48
_TAG = re.compile(r"<[^>]*>")
# a run of _RUN characters with no space, tags aside: one character class (every space but the
# no-break ones), four times quicker than "not a space, or a no-break space" (a chapter: 4.2 -> 1.1 ms)
_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and chr(c) not in _NO_BREAK)
_RUN_OF = re.compile(f"[^{re.escape(_SPACES)}]{{{_RUN},}}")


def _chunked(word: re.Match) -> str:
    units = re.findall(_UNIT, word[0])  # never inside an entity
    return "\u200b".join("".join(units[i:i + _CHUNK]) for i in range(0, len(units), _CHUNK))


def breakable(html: str) -> str:
    """`html` with break opportunities inside words of 48 characters or more (body text only)."""
    head, sep, body = html.partition("<body")
    if not sep or not _RUN_OF.search(_TAG.sub("", body)):  # most packets: no run that long anywhere
        return html
    out, run = [], 0  # run: characters since the last space, across inline tags
    for tag, text in _TOKEN.findall(body):
        if text:
            if len(text) >= _RUN:
                text = _LONG_WORD.sub(_chunked, text)
            spaces = [m.end() for m in _SPACE.finditer(text)]
            run = len(text) - spaces[-1] if spaces else run + len(text)
            out.append(text)
        else:
            out.append(tag)
            if run >= _RUN and _INLINE_END.fullmatch(tag):
                out.append("\u200b")
                run = 0
    return head + sep + "".join(out)
