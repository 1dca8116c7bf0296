"""Every word a reader of a packet sees, in the reader's language (docs/reference.md, Languages).

One catalogue per locale, `locales/LOCALE.ftl`, written in Project Fluent's syntax (plurals and
selectors inside the sentence, for any language's rules) and read by every format. Dates, numbers,
percentages and lists follow the locale through Babel's CLDR data. A company adds a language or
its own wording with `--catalogue FILE` (a Fluent file over an installed locale, or a complete one
for another language). A key missing from a catalogue is an error, never a silent English word.

Fluent and Babel are imported when a catalogue is first loaded (`check` never pays for them), and
an installed catalogue's messages are parsed one by one as they are first said: the terminal's
few words do not pay for a packet's hundreds. Its syntax is checked whole by the tests
(scripts/check_catalogue.py); a company's file, whole, when it is loaded.
"""
from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from packetgen.errors import Diagnostic, InputError, Location, UsageError
from packetgen.resources import data_dir

if TYPE_CHECKING:
    from babel import Locale
    from fluent.runtime import FluentBundle
    from fluent.syntax.ast import Resource

DEFAULT = "en"
NBSP = "\u00a0"
# Messages that describe the catalogue itself rather than words of a packet
META = ("locale-name", "locale-direction", "locale-cldr")
_SLOT = re.compile("\ue000([A-Za-z0-9_]+)\ue001")
_TAG = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def installed() -> dict[str, Path]:
    """Installed locales (file stems) to their catalogues."""
    return {p.stem: p for p in sorted(data_dir("locales").glob("*.ftl"))}


def normal(tag: str) -> str:
    """"de_de" -> "de-DE": a locale tag as BCP 47 writes it."""
    parts = re.split("[-_]", tag.strip())
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p.title() for p in parts[1:]])


@dataclass(frozen=True)
class Slot:
    """A place in a message where the caller puts something of its own (a link, a badge)."""

    name: str


@dataclass
class Catalogue:
    """The words of one locale: `catalogue("key", n=3)` -> "3 items"."""

    locale: str  # the tag asked for: "de", "en-US"
    code: str  # the installed catalogue it uses: "de", "en"
    source: str  # where its words come from (a path, for `packetgen locales` and errors)
    messages: dict = field(repr=False)  # key -> its Fluent source (parsed when first said) or parsed message
    bundle: FluentBundle = field(repr=False)
    cldr: Locale = field(repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    # --- identity ---------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self("locale-name")

    @property
    def direction(self) -> str:
        return "rtl" if self("locale-direction").strip() == "rtl" else "ltr"

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def lang(self) -> str:
        """The BCP 47 tag documents declare (HTML lang, the PDF's /Lang, Word's language)."""
        return self.locale

    @property
    def language(self) -> str:
        return self.locale.split("-")[0]

    def keys(self) -> set[str]:
        return set(self.messages)

    # --- words ------------------------------------------------------------------------------
    def __call__(self, key: str, **args) -> str:
        cache_key = (key, *sorted(args.items())) if args else key
        try:
            return self._cache[cache_key]
        except (KeyError, TypeError):
            pass
        text = self._format(key, args)
        with suppress(TypeError):  # an argument that cannot be a key (never one of the packet's own values)
            self._cache[cache_key] = text
        return text

    def _message(self, key: str):
        """The parsed message `key`, added to the bundle the first time it is asked for."""
        message = self.messages.get(key)
        if isinstance(message, str):
            from fluent.syntax import FluentParser, ast

            resource = FluentParser(with_spans=False).parse(message)
            self.bundle.add_resource(resource)
            message = self.messages[key] = next((e for e in resource.body if isinstance(e, ast.Message)
                                                 and e.id.name == key), None)
        return message

    def _format(self, key: str, args: dict) -> str:
        message = self._message(key)
        if message is None or message.value is None:
            raise KeyError(f"the catalogue {self.source} has no message {key!r}")
        values = {k: (v if isinstance(v, (int, float, str)) else str(v)) for k, v in args.items()}
        pattern = self.bundle.get_message(key).value
        assert pattern is not None  # checked above: the message has a value
        text, errors = self.bundle.format_pattern(pattern, values)
        if errors:
            raise ValueError(f"{self.source}: message {key!r}: {errors[0]}")
        return str(text)

    def pieces(self, key: str, **args) -> list[str | Slot]:
        """The message as text and slots: each argument given as a Slot comes back as itself, in
        the place the locale's sentence puts it, for the caller to fill (a link, a coloured run)."""
        values = {k: (f"\ue000{v.name}\ue001" if isinstance(v, Slot) else v) for k, v in args.items()}
        out: list[str | Slot] = []
        text = self._format(key, values)
        at = 0
        for m in _SLOT.finditer(text):
            if m.start() > at:
                out.append(text[at:m.start()])
            out.append(Slot(m.group(1)))
            at = m.end()
        if at < len(text):
            out.append(text[at:])
        return out

    # --- dates and numbers (CLDR) -----------------------------------------------------------
    def date(self, d: date) -> str:
        """"3 Dec 2025", "3. Dez. 2025", "2025年12月3日": never broken across lines."""
        try:
            return self._cache[d]
        except KeyError:
            from babel.dates import format_skeleton

            text = format_skeleton("yMMMd", d, locale=self.cldr).replace(" ", NBSP).replace("\u202f", NBSP)
            self._cache[d] = text
            return text

    def quarter(self, q) -> str:
        """A quarter (analysis.timeline.Quarter): "Q2 2026", "T2 2026", "2026/Q2"."""
        from babel.dates import format_skeleton

        first = date(q.year, 3 * q.number - 2, 1)
        return format_skeleton("yQQQ", first, locale=self.cldr)

    def number(self, n: int | float) -> str:
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.cldr)

    def percent(self, share: float) -> str:
        """0.38 -> "38%" ("38 %" in German and French)."""
        from babel.numbers import format_percent

        return format_percent(share, format=None, locale=self.cldr).replace(" ", NBSP)

    def join(self, words) -> str:
        """"IC3 and IC4", "IC3, IC4 and IC5" in the locale's words."""
        from babel.lists import format_list

        words = [str(w) for w in words]
        return format_list(words, locale=self.cldr) if words else ""


# --- loading --------------------------------------------------------------------------------

def resolve(tag: str | None) -> str:
    """The installed catalogue for a locale tag: itself, else its language; UsageError else."""
    tag = normal(tag or DEFAULT)
    have = installed()
    if tag in have:
        return tag
    if tag.split("-")[0] in have:
        return tag.split("-")[0]
    raise UsageError(f"unknown locale {tag!r}; installed: {', '.join(have)} (packetgen locales)")


def load(tag: str | None = None, extra: str | Path | None = None, *, where: Location | None = None) -> Catalogue:
    """The catalogue for `tag` (default English), with a company's `extra` file over it. A tag
    with no installed catalogue needs an `extra` file that has every key."""
    tag = normal(tag or DEFAULT)
    if not _TAG.match(tag):
        _unknown(tag, where)
    try:
        code = resolve(tag)
    except UsageError:
        if extra is None:
            _unknown(tag, where)
        code = ""
    if not extra:
        return _load(tag, code, "", "")
    import hashlib

    path = Path(extra).resolve()
    return _load(tag, code, str(path), hashlib.sha256(_read(path)).hexdigest())  # a changed file is read anew


def _unknown(tag: str, where: Location | None):
    message = f"unknown locale {tag!r}; installed: {', '.join(installed())} (packetgen locales)"
    if where is not None:
        raise InputError([Diagnostic(where, "error", message)])
    raise UsageError(message)


@lru_cache(maxsize=16)
def _load(tag: str, code: str, extra: str, digest: str) -> Catalogue:
    from babel import Locale, UnknownLocaleError
    from fluent.runtime import FluentBundle

    messages: dict = {}
    sources = []
    resources = []
    if code:
        path = installed()[code]
        messages.update(_entries(path.read_text(encoding="utf-8")))
        sources.append(str(path))
    if extra:
        resource, own = _parse(Path(extra), known=set(messages) if code else None)
        messages.update(own)
        resources.append(resource)
        sources.append(extra)
        if code == "":
            _complete(Path(extra), messages)
    cldr_tag = tag if "-" in tag else (_meta_text(messages.get("locale-cldr")) or tag)
    try:
        cldr = Locale.parse(cldr_tag.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        cldr = Locale.parse(tag.split("-")[0]) if tag.split("-")[0] != tag else Locale.parse(DEFAULT)
    rtl = _meta_text(messages.get("locale-direction")).strip() == "rtl"
    # Isolation marks around each placeable keep an ID, a number or a Latin name readable inside
    # right-to-left text; left-to-right text needs none.
    bundle = FluentBundle([tag], use_isolating=rtl)
    for resource in resources:
        bundle.add_resource(resource, allow_overrides=True)
    return Catalogue(tag, code or tag, " + ".join(sources), messages, bundle, cldr)


_ENTRY = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)[ \t]*=", re.M)


def _entries(text: str) -> dict[str, str]:
    """An installed catalogue's messages as their source, by key: a message runs from its key at
    the start of a line to the next line that starts with anything but a space (the next message,
    a comment)."""
    out: dict[str, str] = {}
    starts = [(m.start(), m.group(1)) for m in _ENTRY.finditer(text)]
    for (start, key), (end, _) in zip(starts, [*starts[1:], (len(text), "")], strict=True):
        chunk = text[start:end]
        cut = re.search(r"\n(?=[^ \t\n])", chunk)
        out[key] = chunk[:cut.start() + 1] if cut else chunk
    return out


def _meta_text(message) -> str:
    if isinstance(message, str):
        from fluent.syntax import FluentParser

        message = next(iter(FluentParser(with_spans=False).parse(message).body), None)
    if message is None or getattr(message, "value", None) is None:
        return ""
    return "".join(getattr(e, "value", "") for e in message.value.elements)


def _parse(path: Path, known: set[str] | None = None) -> tuple[Resource, dict]:
    """The messages of one Fluent file; a syntax error, or (over an installed locale) a key it
    does not have, is a located error."""
    from fluent.syntax import FluentParser, ast

    raw = _read(path)
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        where = Location(str(path), *_line_col(raw[:exc.start].decode("utf-8", "replace"), exc.start))
        raise InputError([Diagnostic(where, "error", "not UTF-8 text")]) from None
    resource = FluentParser(with_spans=True).parse(text)
    errors: list[Diagnostic] = []
    out: dict = {}
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            note = entry.annotations[0] if entry.annotations else None
            offset = note.span.start if note and note.span else entry.span.start if entry.span else 0
            errors.append(Diagnostic(Location(str(path), *_line_col(text, offset)), "error",
                                     f"not a Fluent message: {note.message if note else 'unreadable'}"))
        elif isinstance(entry, ast.Message):
            key = entry.id.name
            if known is not None and key not in known:
                at = entry.span.start if entry.span else 0
                errors.append(Diagnostic(Location(str(path), *_line_col(text, at)), "error",
                                         f"no message {key!r} in the catalogue it changes (a misspelt key?)"))
            out[key] = entry
    if errors:
        raise InputError(errors)
    return resource, out


def _read(path: Path) -> bytes:
    """A catalogue's bytes, at most 1 MB (a catalogue is a few hundred short messages)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(1_000_001)
    except OSError as exc:
        raise UsageError(f"--catalogue {path}: {exc.strerror or exc}") from None
    if len(raw) > 1_000_000:
        raise UsageError(f"--catalogue {path}: over 1 MB; a catalogue is a few hundred short messages")
    return raw


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _complete(path: Path, messages: dict) -> None:
    missing = sorted(set(_entries(installed()[DEFAULT].read_text(encoding="utf-8"))) - set(messages))
    if missing:
        shown = ", ".join(missing[:8]) + (f" and {len(missing) - 8} more" if len(missing) > 8 else "")
        raise InputError([Diagnostic(Location(str(path)), "error",
                                     f"a catalogue for a new language needs every message; missing {shown}")])


@lru_cache(maxsize=1)
def english() -> Catalogue:
    """The built-in English catalogue (the terminal's words, and the default packet's)."""
    return load(DEFAULT)
