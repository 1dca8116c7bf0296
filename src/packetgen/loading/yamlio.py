"""YAML reading that keeps every node's line and column and trusts nothing.

Every scalar is kept as the text the user wrote (no YAML 1.1 guessing: an unquoted
`no` stays "no", `1e3` stays "1e3", a date stays its text) except a plain `null`, `~`
or empty value, which is None. The schema (framework.py, evidence.py) decides what a
text means and says where it is wrong. Duplicate keys, merge keys and custom tags are
errors, and aliases cannot expand past a fixed number of nodes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from packetgen.errors import Diagnostic, InputError, Location

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 50_000
MAX_DEPTH = 32
MAX_STRING = 100_000

_NULL = "tag:yaml.org,2002:null"
# Characters no XML document (DOCX) or PDF text can hold: C0 controls but tab, newline
# and carriage return; lone surrogates; U+FFFE and U+FFFF. Escapes like "\x01" in a
# double-quoted YAML string can produce them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map", "binary", "merge")
}



@dataclass
class Document:
    """Plain data (dicts, lists, str, None) plus where each value and key stands."""

    path: str
    data: Any
    values: dict[tuple, Location] = field(default_factory=dict)
    keys: dict[tuple, Location] = field(default_factory=dict)
    # problems that still leave usable data (a duplicate key keeps its first value)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    raw: bytes = b""  # the exact bytes parsed, for records that embed the source

    def at(self, *path: Any) -> Location:
        """Location of the value at `path`, or of its nearest ancestor that exists."""
        p = tuple(path)
        while p not in self.values and p:
            p = p[:-1]
        return self.values.get(p, Location(self.path))

    def key_at(self, *path: Any) -> Location:
        """Location of the key that names `path`'s value (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.at(*path)


def read_bytes(path: str | Path, display: str | None = None, limit: int = MAX_FILE_BYTES) -> bytes:
    """A file's bytes, with located errors for what cannot be read (or is too big). Never more than
    `limit` bytes are read: a device (/dev/zero), a FIFO or a growing file has no size to ask."""
    shown = display or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > limit:
            raise _fail(shown, 1, 1, f"file is {size:,} bytes; packetgen reads at most {limit:,}")
        with open(p, "rb") as handle:
            raw = handle.read(limit + 1)
        if len(raw) > limit:
            raise _fail(shown, 1, 1,
                        f"more than {limit:,} bytes (not a regular file?); packetgen reads at most {limit:,}")
        return raw
    except IsADirectoryError:
        raise _fail(shown, 1, 1, "is a directory, not a YAML file") from None
    except FileNotFoundError:
        unmatched = any(mark in Path(p).name for mark in "*?[")  # a pattern no file matched, left as typed
        raise _fail(shown, 1, 1, "no such file" + ("; no file matches this pattern" if unmatched else "")) from None
    except PermissionError:
        raise _fail(shown, 1, 1, "permission denied") from None
    except OSError as exc:
        raise _fail(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None


def read_text(path: str | Path, display: str | None = None) -> str:
    """Read a file as UTF-8 text, with located errors for what YAML cannot be."""
    shown = display or str(path)
    return decode(read_bytes(path, shown), shown)


def decode(raw: bytes, shown: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte order mark is harmless; editors on Windows write one
    if b"\x00" in raw:
        line, col = _line_col(raw, raw.index(b"\x00"))
        raise _fail(shown, line, col, "the file contains NUL bytes: it looks binary, not a YAML text file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise _fail(shown, line, col,
                    f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8") from None
    if not text.strip() or all(ln.strip().startswith("#") or not ln.strip() for ln in text.splitlines()):
        raise _fail(shown, 1, 1, "the file is empty; expected a YAML mapping")
    return text


# libyaml (PyYAML's C extension), where installed, parses about ten times faster than PyYAML's
# Python parser; every error is reported by the Python parser, whose messages the goldens hold.
_FAST = getattr(yaml, "CSafeLoader", None)


def _depth_check(text: str, shown: str, loader=yaml.SafeLoader) -> None:
    """Refuse absurd nesting before a recursive composer overflows the stack (PyYAML's, or
    libyaml's C one). Depth is measured on the parser's event stream (both parsers keep an
    explicit stack), so brackets in comments, quoted strings and block scalars do not count."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise _fail(shown, mark.line + 1, mark.column + 1,
                                f"values are nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return  # a syntax error: the composer below reports it, located


def _compose_fast(text: str, shown: str):
    """The document's node with libyaml, or None when libyaml is missing or finds a problem
    (the Python parser then says what, in its words)."""
    if _FAST is None:
        return None
    _depth_check(text, shown, _FAST)
    loader = _FAST(text)
    try:
        return loader.get_single_node() or False
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def load(text: str, shown: str) -> Document:
    """Parse one YAML document into a located plain-data Document."""
    node = _compose_fast(text, shown)
    if node is None:
        node = _compose(text, shown)
    doc = Document(shown, None)
    if node is None or node is False:
        raise _fail(shown, 1, 1, "the file is empty; expected a YAML mapping")
    builder = _Builder(doc)
    doc.data = builder.convert(node, (), 0)
    doc.diagnostics.extend(builder.problems)
    return doc


def _compose(text: str, shown: str):
    """The document's node with PyYAML's Python parser; every syntax problem, located."""
    _depth_check(text, shown)
    loader = None
    try:
        loader = yaml.SafeLoader(text)  # its reader refuses control characters at once
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, shown) from None
    except RecursionError:
        raise _fail(shown, 1, 1, f"values are nested more than {MAX_DEPTH} levels deep") from None
    except yaml.reader.ReaderError as exc:
        raw = text.encode("utf-8", "surrogatepass")
        line, col = _line_col(raw, len(text[:exc.position].encode("utf-8", "surrogatepass")))
        raise _fail(shown, line, col, f"the file contains a control character (code {exc.character:#04x}) "
                                      "that YAML does not allow; remove it") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly everything
        raise _fail(shown, 1, 1, f"YAML syntax error: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()


def load_file(path: str | Path, display: str | None = None) -> Document:
    """Parse a file; the Document keeps the exact bytes it was parsed from (`raw`)."""
    shown = display or str(path)
    raw = read_bytes(path, shown)
    doc = load(decode(raw, shown), shown)
    doc.raw = raw
    if raw.startswith(b"\xef\xbb\xbf"):
        doc.diagnostics.append(Diagnostic(Location(shown, 1, 1), "warning",
                                          "the file starts with a byte order mark (BOM); it is ignored"))
    return doc


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.count = 0
        self.problems: list[Diagnostic] = []

    def loc(self, node: yaml.Node) -> Location:
        return Location(self.doc.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError([Diagnostic(self.loc(node), "error",
                f"the document has more than {MAX_NODES:,} values (are aliases expanding?); "
                "packetgen refuses files this large")])
        if depth > MAX_DEPTH:
            raise InputError([Diagnostic(self.loc(node), "error",
                f"values are nested more than {MAX_DEPTH} levels deep")])
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(Diagnostic(self.loc(node), "error",
                f"YAML tag {node.tag!r} is not allowed; write plain values"))
            return None
        self.doc.values[path] = self.loc(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _NULL and not node.style:  # plain: None (PyYAML) or "" (libyaml)
                return None
            if len(node.value) > MAX_STRING:
                self.problems.append(Diagnostic(self.loc(node), "error",
                    f"text is {len(node.value):,} characters long; at most {MAX_STRING:,} are allowed"))
                return node.value[:MAX_STRING]
            return _NOT_XML.sub("", node.value)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Diagnostic(self.loc(key_node), "error",
                    "merge keys (<<) are not supported; write the keys out"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Diagnostic(self.loc(key_node), "error",
                    "a key must be plain text, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                first = self.doc.keys[path + (key,)]
                self.problems.append(Diagnostic(self.loc(key_node), "error",
                    f"duplicate key {key!r} (first defined at line {first.line}); remove one of them"))
                continue
            self.doc.keys[path + (key,)] = self.loc(key_node)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result


def _syntax_error(exc: yaml.MarkedYAMLError, shown: str) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "invalid YAML"
    if "found character '\\t'" in problem or "\t" in problem:
        problem = "a tab character cannot indent YAML; use spaces"
    elif exc.context:
        ctx = exc.context_mark
        started = (f" that starts at line {ctx.line + 1}, column {ctx.column + 1}"
                   if ctx and mark and (ctx.line, ctx.column) != (mark.line, mark.column) else "")
        problem = f"{problem} ({exc.context}{started})"
    if isinstance(exc, yaml.composer.ComposerError) and "single document" in (exc.context or ""):
        problem = "the file holds more than one YAML document (a second '---'); keep one"
    return InputError([Diagnostic(Location(shown, line, col), "error", f"YAML syntax error: {problem}")])


def _fail(shown: str, line: int, col: int, message: str) -> InputError:
    return InputError([Diagnostic(Location(shown, line, col), "error", message)])


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col
