"""Small helpers to validate a located YAML Document and collect every problem."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from packetgen.errors import Diagnostic
from packetgen.loading.yamlio import Document

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Bidirectional formatting characters: in a name or title they can make text display as
# something else ("evil\u202etxt.exe"), so one-line fields drop them.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def one_line(text: str) -> str:
    """A name or title: bidi controls removed, whitespace collapsed."""
    return " ".join(_BIDI.sub("", text).split())


def visible(text: str) -> bool:
    """Whether `text` shows anything once spaces and invisible format characters go."""
    return bool(_INVISIBLE.sub("", text).strip())


def is_extension(key) -> bool:
    """A user's own field (`x-…`): accepted anywhere, ignored by packetgen, kept in the source."""
    return isinstance(key, str) and key.startswith("x-")


MAX_CANDIDATES = 5_000  # "did you mean" compares a word with at most this many candidates


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The nearest candidates (difflib), from the first MAX_CANDIDATES; a long word is not
    compared at all (each comparison costs about the product of the two lengths)."""
    import difflib

    pool = list(candidates)[:MAX_CANDIDATES]
    if len(word) > 200:
        return []
    return difflib.get_close_matches(word, pool, n=n, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    near = closest(word, candidates)
    if not near:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in near) + "?)"


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {value!r}" if len(str(value)) < 40 else "text"


MAX_SUGGESTIONS = 20


# a line that opens with a dozen quote, list or indent marks (a tab counts four columns): blocks cannot
# nest 20 deep without one
_NESTED = re.compile(r"^[ \t>*+\-.)0-9]{12,}", re.M)

class Checker:
    """Collects located errors and warnings while a loader walks a document."""

    def __init__(self, doc: Document, *, extensions: bool = False):
        self.doc = doc
        self.diagnostics: list[Diagnostic] = list(doc.diagnostics)
        self.extensions = extensions  # accept (and ignore) a user's own `x-` keys anywhere
        self.suggestions_left = MAX_SUGGESTIONS  # "did you mean" searches this file may still make

    def suggest(self, word: str, candidates: Iterable[str]) -> list[str]:
        """`closest`, for the first MAX_SUGGESTIONS unknown words of a file: a file of a thousand
        misspelt IDs is reported in a second, the rest without a suggestion."""
        if self.suggestions_left <= 0:
            return []
        self.suggestions_left -= 1
        return closest(word, candidates) or closest(word.lower(), candidates)

    # reporting
    def error(self, path: tuple, message: str, *, key: bool = False) -> None:
        loc = self.doc.key_at(*path) if key else self.doc.at(*path)
        self.diagnostics.append(Diagnostic(loc, "error", message))

    def warning(self, path: tuple, message: str, *, key: bool = False) -> None:
        loc = self.doc.key_at(*path) if key else self.doc.at(*path)
        self.diagnostics.append(Diagnostic(loc, "warning", message))

    def in_order(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic, by file then position (the framework file's may come first)."""
        return tuple(sorted(self.diagnostics, key=lambda d: (d.location.path != self.doc.path,
                                                              d.location.path, d.location.line,
                                                              d.location.column)))

    @property
    def failed(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    # typed reads; each returns None (after reporting) when the value is unusable
    def mapping(self, value: Any, path: tuple, what: str, allowed: Iterable[str]) -> dict | None:
        if not isinstance(value, dict):
            self.error(path, f"{what} must be a mapping of keys to values, not {_type_name(value)}")
            return None
        allowed = list(allowed)
        for key in value:
            if key not in allowed and not (self.extensions and is_extension(key)):
                own = " (a field of your own: start it with 'x-')" if self.extensions else ""
                self.error(path + (key,), f"unknown key {key!r} in {what}{did_you_mean(key, allowed)}; "
                           f"valid keys: {', '.join(allowed)}{own}", key=True)
        return value

    def text(self, parent: dict, key: str, path: tuple, *, required: bool = False,
             where: str = "") -> str | None:
        here = path + (key,)
        label = f"{key!r}{' in ' + where if where else ''}"
        if key not in parent or parent[key] is None:
            if required:
                if key in parent:
                    self.error(here, f"{label} is empty; it is required")
                else:
                    self.error(path, f"missing required key {label}")
            return None
        value = parent[key]
        if not isinstance(value, str):
            self.error(here, f"{label} must be text, not {_type_name(value)}")
            return None
        if required and not visible(value):
            self.error(here, f"{label} is empty; it is required")
            return None
        return value

    def markdown(self, parent: dict, key: str, path: tuple, *, where: str = "") -> str | None:
        """A Markdown text; a located warning when its quotes and lists nest deeper than Markdown is
        read (it is then shown as plain paragraphs, every word kept)."""
        value = self.text(parent, key, path, where=where)
        if value and _NESTED.search(value):  # a cheap test first: `check` need not load the Markdown parser
            from packetgen.markdown import DEPTH, too_deep

            if too_deep(value):
                self.warning(path + (key,), f"{key!r}{' in ' + where if where else ''} nests quotes or lists "
                                            f"more than {DEPTH} deep; it is shown as plain text")
        return value

    def choice(self, parent: dict, key: str, path: tuple, choices: tuple[str, ...], *,
               required: bool = False, where: str = "") -> str | None:
        """A text that must be one of `choices` (the error lists them all)."""
        raw = self.text(parent, key, path, required=required, where=where)
        if raw is None:
            return None
        value = raw.strip()
        if value not in choices:
            label = f"{key!r}{' in ' + where if where else ''}"
            self.error(path + (key,), f"{label} is {value!r}{did_you_mean(value, choices)}; "
                                      f"use one of {', '.join(choices)}")
            return None
        return value

    def list_(self, parent: dict, key: str, path: tuple, *, where: str = "") -> list | None:
        if key not in parent or parent[key] is None:
            return None
        value = parent[key]
        if not isinstance(value, list):
            label = f"{key!r}{' in ' + where if where else ''}"
            self.error(path + (key,), f"{label} must be a list (one '- ' line per entry), not {_type_name(value)}")
            return None
        return value

    def iso_date(self, parent: dict, key: str, path: tuple, *, required: bool = False,
                 where: str = "") -> date | None:
        raw = self.text(parent, key, path, required=required, where=where)
        if raw is None:
            return None
        raw = raw.strip()
        label = f"{key!r}{' in ' + where if where else ''}"
        if not _ISO_DATE.match(raw):
            self.error(path + (key,), f"{label} is {raw!r}, not a date; write it as YYYY-MM-DD, e.g. 2026-03-12")
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError as exc:
            self.error(path + (key,), f"{label} is {raw!r}, which is not a real date ({exc})")
            return None

    def count(self, parent: dict, key: str, path: tuple, *, where: str = "", limit: int = 1000) -> int | None:
        """A whole number from 1 to `limit`, written as digits."""
        raw = self.text(parent, key, path, where=where)
        if raw is None:
            return None
        label = f"{key!r}{' in ' + where if where else ''}"
        raw = raw.strip()
        if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= limit:
            self.error(path + (key,), f"{label} is {raw!r}; write a whole number from 1 to {limit}")
            return None
        return int(raw)

    def lang(self, parent: dict, key: str, path: tuple, *, where: str = "") -> str | None:
        """A language tag (BCP 47: ja, de, pt-BR, zh-Hant)."""
        raw = self.text(parent, key, path, where=where)
        if raw is None:
            return None
        raw = raw.strip()
        if not _LANG.match(raw):
            label = f"{key!r}{' in ' + where if where else ''}"
            self.error(path + (key,), f"{label} is {raw!r}, not a language tag; write one such as ja, de or pt-BR")
            return None
        return raw
