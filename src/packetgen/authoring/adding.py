"""`packetgen add`: append one evidence item to a file, leaving every other byte of it as it was.

ruamel.yaml reads the file (round-trip: it knows where each item starts) and writes the new
item's own YAML (quoting what needs quoting); the item is then inserted as text after the last
item, in the file's own indentation, so comments, order and formatting elsewhere stay byte for
byte. The result is validated like any evidence file before it replaces the file, atomically.
"""
from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from packetgen.errors import Diagnostic, InputError, Location, UsageError

_QUOTE = re.compile(r"^(?P<who>[^:]+?)\s*:\s*(?P<text>.+)$", re.S)


@dataclass(frozen=True)
class NewItem:
    title: str
    day: date
    expectations: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (title, url)
    quotes: tuple[tuple[str, str], ...] = ()  # (from, text)
    description: str = ""
    extra: dict = field(default_factory=dict)


def parse_link(value: str) -> tuple[str, str]:
    """--link TITLE=URL"""
    title, sep, url = value.partition("=")
    if not sep or not title.strip() or not url.strip():
        raise UsageError(f"--link {value!r}: write it as TITLE=URL, e.g. PRD=https://example.com/prd")
    return title.strip(), url.strip()


def parse_quote(value: str) -> tuple[str, str]:
    """--quote "PERSON, ROLE: TEXT" """
    m = _QUOTE.match(value.strip())
    if not m:
        raise UsageError(f"--quote {value!r}: write it as \"PERSON, ROLE: TEXT\", e.g. \"Alex Kim, EM: It shipped.\"")
    return m["who"].strip(), m["text"].strip()


# Characters Python (and YAML 1.1) read as line ends but YAML 1.2 does not (pasted from the web): never
# written into a file, where they would make two readers disagree on its lines
_ODD_BREAKS = str.maketrans({"\u2028": "\n", "\u2029": "\n\n", "\x85": "\n"})


def _one_line(text: str) -> str:
    return " ".join(text.translate(_ODD_BREAKS).split())


def new_item(title: str, on: str, expectations: str = "", links=(), quotes=(), description: str = "") -> NewItem:
    """An item from `add`'s options: --date YYYY-MM-DD, --expectations ID,ID, --link TITLE=URL,
    --quote "PERSON, ROLE: TEXT"; UsageError naming the option that is wrong."""
    try:
        day = date.fromisoformat(on)
    except ValueError:
        raise UsageError(f"--date {on!r}: give a date as YYYY-MM-DD") from None
    return NewItem(_one_line(title), day, tuple(i.strip() for i in expectations.split(",") if i.strip()),
                   tuple((_one_line(t), u.strip()) for t, u in map(parse_link, links)),
                   tuple((_one_line(w), _one_line(t)) for w, t in map(parse_quote, quotes)),
                   description.translate(_ODD_BREAKS).strip())


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()  # round-trip
    y.width = 4096
    return y


def _item_text(item: NewItem, dash: int, indent: int, newline: str = "\n") -> str:
    """The item as block YAML at the file's indentation: '- ' at column `dash`, keys at `indent`.
    Text is written plain where ruamel.yaml judges it safe, unless packetgen's YAML reader
    (PyYAML, YAML 1.1) would read it otherwise: then every text is double-quoted."""
    from packetgen.loading import yamlio

    expected: dict[str, object] = {"title": item.title, "date": item.day.isoformat(),
                                   "expectations": list(item.expectations)}
    if item.description:
        expected["description"] = item.description
    if item.links:
        expected["links"] = [{"title": t, "url": u} for t, u in item.links]
    if item.quotes:
        expected["quotes"] = [{"from": who, "text": text} for who, text in item.quotes]
    text = _dump(item, quoted=False)
    try:
        plain_ok = yamlio.load(text, "item").data == expected
    except InputError:  # PyYAML could not read it at all
        plain_ok = False
    if not plain_ok:
        text = _dump(item, quoted=True)
    lines = text.rstrip("\n").split("\n")
    # "- " then the first key at the column the file's keys stand at ("-   title:" in a wide-indent file)
    first = " " * dash + "-" + " " * max(1, indent - dash - 1) + lines[0]
    return newline.join([first] + [" " * indent + line for line in lines[1:]]) + newline


def _dump(item: NewItem, *, quoted: bool) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    def s(value: str):
        return DoubleQuotedScalarString(value) if quoted else value

    ids = CommentedSeq(list(item.expectations))
    ids.fa.set_flow_style()
    entry = CommentedMap()
    entry["title"] = s(item.title)
    entry["date"] = item.day
    entry["expectations"] = ids
    if item.description:
        entry["description"] = s(item.description)
    if item.links:
        entry["links"] = [CommentedMap(title=s(t), url=s(u)) for t, u in item.links]
    if item.quotes:
        entry["quotes"] = [CommentedMap([("from", s(who)), ("text", s(text))]) for who, text in item.quotes]
    out = io.StringIO()
    y = _yaml()
    y.indent(mapping=2, sequence=4, offset=2)
    y.dump(entry, out)
    return out.getvalue()


def insert(text: str, item: NewItem, shown: str, *, before_trailing_comments: bool = True) -> tuple[str, int]:
    """`text` with `item` appended to its `evidence:` list, and the line the item starts on. The item
    goes before the comments and blank lines that end the list (they belong to what follows), unless
    `before_trailing_comments` is False (a quoted text's line may start with "#": add checks)."""
    from ruamel.yaml.error import YAMLError

    try:
        data = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = Location(shown, mark.line + 1, mark.column + 1) if mark else Location(shown)
        raise InputError([Diagnostic(where, "error", f"YAML syntax error: {getattr(exc, 'problem', exc)}")]) from None
    if not hasattr(data, "lc"):
        raise InputError([Diagnostic(Location(shown), "error",
                                     "the evidence file must be a mapping of keys to values")])
    lines = _LINES.findall(text)  # the lines YAML counts (ruamel's marks): \n, \r\n, \r only, never U+2028
    nl = _line_end(lines)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += nl
    keys = list(data)
    # a document-end marker closes the mapping: nothing goes after it
    stop = next((n for n, line in enumerate(lines) if _DOCUMENT_END.match(line)), len(lines))
    if "evidence" not in data:
        block = "evidence:" + nl + _item_text(item, 2, 4, nl)
        lines.insert(stop, block)
        return "".join(lines), stop + 2
    key_line = data.lc.key("evidence")[0]
    seq = data["evidence"]
    if seq is None or (isinstance(seq, list) and len(seq) == 0):
        # `evidence:`, `evidence: ~` or `evidence: []` (maybe on the next line): the first item
        # goes right under the key
        lines[key_line] = _EMPTY_VALUE.sub(lambda m: (" " + m[2] if m[2] else "") + nl,
                                           lines[key_line].rstrip("\r\n"), count=1)
        if isinstance(seq, list) and key_line + 1 < len(lines) and _EMPTY_LIST_LINE.match(lines[key_line + 1]):
            del lines[key_line + 1]
        lines.insert(key_line + 1, _item_text(item, 2, 4, nl))
        return "".join(lines), key_line + 2
    if not isinstance(seq, list) or (hasattr(seq, "fa") and seq.fa.flow_style()):
        raise UsageError(f"{shown}: `evidence:` is not a block list of items ('- ' lines); add cannot append to it "
                         "without rewriting it")
    # where the items stand ('- ' at column `dash`, keys at `indent`): an alias item is reported at
    # its anchor, elsewhere in the file, so take the first item written out on its own '- ' line
    places = [seq.lc.item(i) for i in range(len(seq))]  # type: ignore[attr-defined]  # ruamel's CommentedSeq
    own = [(line, col) for line, col in places if key_line < line < stop and lines[line].lstrip().startswith("-")]
    first_line, indent = own[0] if own else (key_line + 1, 4)
    dash = len(lines[first_line]) - len(lines[first_line].lstrip(" "))
    last_line = max([line for line, _ in places if key_line < line < stop] or [key_line])
    # the end of the last item: the next top-level key (or the end), less trailing top-level
    # comments and blank lines, which belong to what follows; blank lines stay where a kept
    # block scalar (|+) may own them
    after = [data.lc.key(k)[0] for k in keys[keys.index("evidence") + 1:]]
    end = min(after + [stop])
    keeps = any(_KEEP.search(line) for line in lines[last_line:end])
    while before_trailing_comments and end > last_line + 1 and (
            lines[end - 1].startswith("#") or (not keeps and not lines[end - 1].strip())):
        end -= 1
    lines.insert(end, _item_text(item, dash, indent, nl))
    return "".join(lines), end + 1


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_DOCUMENT_END = re.compile(r"^\.\.\.\s*(#.*)?$")
_EMPTY_VALUE = re.compile(r"\s*(\[\s*\]|~|null|Null|NULL)?\s*(#.*)?$")
_EMPTY_LIST_LINE = re.compile(r"^\s+\[\s*\]\s*(#.*)?(\r\n|\r|\n)?$")
_KEEP = re.compile(r":\s*[|>][1-9]?\+|:\s*[|>]\+[1-9]?")


def _line_end(lines: list[str]) -> str:
    """The file's own line end: that of its first line."""
    first = lines[0] if lines else "\n"
    return "\r\n" if first.endswith("\r\n") else "\r" if first.endswith("\r") else "\n"


def add(path: str | Path, item: NewItem, *, today: date | None = None) -> int:
    """Append `item` to the evidence file at `path`; validate the result as a whole first
    (InputError, nothing written); return the line the item starts on."""

    path = Path(path)
    target = path.resolve()  # through a symbolic link: the file it names is the one to change
    info = target.stat()
    if info.st_nlink > 1:
        raise UsageError(f"{path} has {info.st_nlink} hard links; add writes a new file in its place, which "
                         "would separate them: add to a copy, or remove the other links")
    if not info.st_mode & 0o222:
        raise UsageError(f"{path} is read-only; make it writable to add to it")
    with _locked(target.parent):  # eight adds at once: one after the other, each reading the last one's file
        return _add_locked(path, target, item, today)


def _add_locked(path: Path, target: Path, item: NewItem, today: date | None) -> int:
    from packetgen.loading import yamlio
    from packetgen.loading.evidence import parse_evidence
    from packetgen.output import write_bytes

    raw = yamlio.read_bytes(path, str(path))
    text = yamlio.decode(raw, str(path))
    for before in (True, False):  # the second place only when the first would change another item
        new_text, line = insert(text, item, str(path), before_trailing_comments=before)
        if _appended_only(text, new_text, item, str(path)):
            break
    else:
        raise UsageError(f"{path}: add cannot place the item without changing what the file already says (read "
                         "back, another item or key would differ); nothing was written: add it by hand")
    doc = yamlio.load(new_text, str(path))
    doc.raw = new_text.encode("utf-8")
    try:
        parse_evidence(doc, base_dir=path.parent, today=today or date.today())
    except InputError as exc:
        raise InputError(exc.diagnostics + (Diagnostic(Location(str(path), line), "error",
                         "the item was not added: the file would be invalid (the lines above are where it "
                         "would stand); nothing was written"),)) from None
    prefix = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    write_bytes(target, prefix + new_text.encode("utf-8"))
    return line


def _appended_only(old_text: str, new_text: str, item: NewItem, shown: str) -> bool:
    """`new_text` reads back as `old_text` with one item more, last, and it is `item`."""
    from packetgen.loading import yamlio

    try:
        old, new = yamlio.load(old_text, shown).data, yamlio.load(new_text, shown).data
    except InputError:
        return False
    if not isinstance(old, dict) or not isinstance(new, dict) or not isinstance(new.get("evidence"), list):
        return False
    before = old.get("evidence") or []
    after = new["evidence"]
    if not isinstance(before, list) or after[:-1] != before or not after:
        return False
    last = after[-1]
    same_rest = {k: v for k, v in old.items() if k != "evidence"} == {k: v for k, v in new.items() if k != "evidence"}
    return same_rest and isinstance(last, dict) and last.get("title") == item.title \
        and last.get("date") == item.day.isoformat() and (last.get("description") or "").strip() == item.description


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the file's folder (flock: released if the process dies), where the
    platform has one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)
