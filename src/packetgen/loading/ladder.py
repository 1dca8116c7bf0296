"""A career ladder where it lives — a handbook's Markdown page or a spreadsheet's CSV — read into the
plain shape a framework file holds, each expectation with where it stands in the source
(contract section 10; docs/reference.md, Bringing your own ladder). `framework import` writes it as a
framework file (authoring/framework_file.py); `framework lint` reads a ladder's words through it so its
notes point into the Markdown or CSV.

Markdown is read with the CommonMark parser the packet uses (markdown-it-py), never line by line:
- the first `#` heading is the ladder's name; prose before the first level is its description, except
  a list of `Area: what it means` items (the areas, in order) and the paragraph right after it (how
  levels add up: its first sentence, and the rest);
- a heading is a level when its part of the page holds areas with expectations: a list item naming an
  area with a nested list (or `-text` lines, a bullet missing its space), a bold line (`**Scope**`) or a
  sub-heading followed by a list. Each item of that list is one expectation (wrapped lines joined);
- a level's id is the first word like `IC3`, `L4` or `E5` in its heading (its name too), else the
  heading in lowercase with dashes; a first level called "All levels" (or "Every level") is the base
  level every other one includes. Prose between levels is allowed and left out.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from packetgen.errors import Diagnostic, InputError, Location
from packetgen.loading.sheets import column

_LEVEL_WORD = re.compile(r"\b([A-Za-z]{1,4}-?\d{1,2})\b")
_BASE = re.compile(r"^\s*(all|every|each)\b(\s+(levels?|roles?|grades?))?", re.IGNORECASE)
_MISSING_SPACE = re.compile(r"^\s*[-*+](?=\S)")


@dataclass(frozen=True)
class Bullet:
    level: str
    area: str
    text: str
    where: Location
    id: str | None = None  # an ID given by the source (a CSV's `id` column)


@dataclass
class Ladder:
    """A framework's content as read from where it lives, with every place an error or note can point to."""

    path: str
    name: str = ""
    about: str = ""
    cumulative_note: str = ""
    values_note: str = ""
    areas: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, description)
    levels: list[tuple[str, str, bool]] = field(default_factory=list)  # (id, name, base)
    bullets: list[Bullet] = field(default_factory=list)
    level_at: dict[str, Location] = field(default_factory=dict)


def slug(text: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")[:60]


def level_of(heading: str) -> tuple[str, str, bool]:
    """(id, name, base) of a level heading: "IC3 — Senior PM" -> ("ic3", "IC3", False)."""
    text = " ".join(heading.replace("*", "").split())
    if _BASE.match(text):
        return "all", text, True
    word = _LEVEL_WORD.search(text)
    if word:
        return word.group(1).lower().replace("-", ""), word.group(1), False
    return slug(text), text, False


def area_name(label: str) -> str:
    return " ".join(label.replace("*", "").replace("_", " ").split()).rstrip(":").strip()


def read(path: Path) -> Ladder:
    """A Markdown (.md, .markdown) or CSV (.csv) ladder; located InputError when it cannot be read."""
    from packetgen.loading import yamlio

    shown = str(path)
    text = yamlio.decode(yamlio.read_bytes(path, shown), shown).lstrip("\ufeff")
    if path.suffix.lower() == ".csv":
        return read_csv(text, shown)
    return read_markdown(text, shown)


# --- Markdown ------------------------------------------------------------------------------------

class _Page:
    def __init__(self, text: str, shown: str):
        from markdown_it.tree import SyntaxTreeNode

        from packetgen.markdown import parser

        self.lines = text.splitlines()
        self.shown = shown
        self.nodes = list(SyntaxTreeNode(parser().parse(text)).children)
        self.problems: list[Diagnostic] = []

    def at(self, node, line_offset: int = 0) -> Location:
        line = (node.map[0] if node.map else 0) + line_offset
        source = self.lines[line] if line < len(self.lines) else ""
        return Location(self.shown, line + 1, len(source) - len(source.lstrip()) + 1)

    def fail(self, node, message: str) -> None:
        self.problems.append(Diagnostic(self.at(node), "error", message))


def _inline(node) -> str:
    """The text of a heading, paragraph or list item's first paragraph, as written (wrapped lines joined)."""
    for child in node.children if node.type != "inline" else [node]:
        if child.type == "inline":
            return child.content
        if child.type == "paragraph":
            return _inline(child)
    return ""


def _is_list(node) -> bool:
    return node.type in ("bullet_list", "ordered_list")


def _bold_label(node) -> str | None:
    """`**Scope**` or `**Scope:**` alone in a paragraph: an area's label."""
    if node.type != "paragraph":
        return None
    text = _inline(node).strip()
    found = re.fullmatch(r"(\*\*|__)([^*_\n]+?):?(\*\*|__):?", text)
    return found.group(2) if found else None


def _area_items(item) -> tuple[str, list[tuple[str, int]], object] | None:
    """A list item that names an area: its label and its expectations ((text, line offset)), with the
    nested list node (None when they are `-text` lines); None when the item is not one."""
    first = _inline(item)
    label, *rest = first.split("\n")
    nested = next((c for c in item.children if _is_list(c)), None)
    loose = [(line.lstrip()[1:].strip(), n) for n, line in enumerate(rest, start=1) if _MISSING_SPACE.match(line)]
    if nested is None and not loose:
        return None
    return area_name(label), loose, nested


def _sections(page: _Page):
    """(heading node or None, the nodes after it up to the next heading of the same or a higher rank)."""
    out: list[tuple[object, list]] = []
    heads = [i for i, n in enumerate(page.nodes) if n.type == "heading"]
    if not heads or heads[0] > 0:
        out.append((None, page.nodes[:heads[0] if heads else len(page.nodes)]))
    for k, i in enumerate(heads):
        rank = int(page.nodes[i].tag[1])
        end = next((j for j in heads[k + 1:] if int(page.nodes[j].tag[1]) <= rank), len(page.nodes))
        out.append((page.nodes[i], page.nodes[i + 1:end]))
    return out


def _direct(body) -> list:
    """The nodes of a part before its first sub-heading."""
    return body[:next((n for n, node in enumerate(body) if node.type == "heading"), len(body))]


def _has_areas(nodes) -> bool:
    """Areas with their expectations right here: a list item naming an area with a nested list (or
    `-text` lines), or a bold line followed by a list."""
    for n, node in enumerate(nodes):
        if _is_list(node) and any(_area_items(item) for item in node.children):
            return True
        if _bold_label(node) and n + 1 < len(nodes) and _is_list(nodes[n + 1]):
            return True
    return False


def _is_level(body) -> bool:
    """A part of the page holds areas with expectations: in its own text, or as sub-headings each
    followed by a list (sub-parts that are levels themselves make it a group of levels, not one)."""
    if _has_areas(_direct(body)):
        return True
    heads = [n for n, node in enumerate(body) if node.type == "heading"]
    if not heads:
        return False
    rank = min(int(body[n].tag[1]) for n in heads)
    areas = 0
    for k, n in enumerate(heads):
        if int(body[n].tag[1]) != rank:
            continue
        end = next((m for m in heads[k + 1:] if int(body[m].tag[1]) <= rank), len(body))
        own = body[n + 1:end]
        if _has_areas(_direct(own)):
            return False  # a sub-part is a level itself
        if own and _is_list(own[0]):
            areas += 1
    return areas > 0


def read_markdown(text: str, shown: str) -> Ladder:
    page = _Page(text, shown)
    ladder = Ladder(shown)
    sections = _sections(page)
    level_heads = {id(head) for head, body in sections if head is not None and int(head.tag[1]) > 1
                   and _is_level(body)}
    within: set[int] = set()  # nodes inside a level's part (sub-headings included)
    for head, body in sections:
        if head is not None and id(head) in level_heads:
            within.update(id(n) for n in body)
    about: list[str] = []
    definitions_seen = False
    notes_taken = False
    first_level = next((n for n, node in enumerate(page.nodes) if id(node) in level_heads), len(page.nodes))
    for n, node in enumerate(page.nodes):  # the prose before the levels (between and after: left out)
        if node.type == "heading":
            if node.tag == "h1" and not ladder.name:
                ladder.name = " ".join(_inline(node).split())
            continue
        if n > first_level or id(node) in within:
            continue
        if _is_list(node) and not definitions_seen and all(":" in _inline(i) for i in node.children):
            for item in node.children:
                label, _, description = _inline(item).partition(":")
                name = area_name(label)
                ladder.areas.append((slug(name), name, " ".join(description.split())))
            definitions_seen = True
        elif node.type == "paragraph" and definitions_seen and not notes_taken:
            sentences = re.split(r"(?<=[.!?])\s+", " ".join(_inline(node).split()), maxsplit=1)
            ladder.cumulative_note = sentences[0]
            ladder.values_note = sentences[1] if len(sentences) > 1 else ""
            notes_taken = True
        elif node.type == "paragraph" and not definitions_seen:
            about.append(_inline(node).strip())
    ladder.about = "\n\n".join(about)
    for head, body in sections:
        if head is not None and id(head) in level_heads:
            _read_level(page, ladder, head, body)
    if not ladder.levels and not page.problems:
        page.problems.append(Diagnostic(Location(shown, 1, 1), "error", "no level found: a level is a heading "
                                        "followed by its areas, each with a list of expectations"))
    _check(ladder, page.problems)
    return ladder


def _read_level(page: _Page, ladder: Ladder, head, body) -> None:
    level, name, base = level_of(_inline(head))
    if level in {lv for lv, _, _ in ladder.levels}:
        page.fail(head, f"level {name!r} ({level}) is here a second time; each level has one heading")
        return
    if base and ladder.levels:
        page.fail(head, f"{name!r} reads as the level every other one includes; it must come first")
        return
    ladder.levels.append((level, name, base))
    ladder.level_at[level] = page.at(head)
    seen: set[str] = set()

    def start(label: str, node) -> str | None:
        area = slug(label)
        if not area:
            page.fail(node, "an area needs a name")
            return None
        if area in seen:
            page.fail(node, f"area {label!r} appears twice in level {name!r}")
            return None
        seen.add(area)
        if area not in {a for a, _, _ in ladder.areas}:
            ladder.areas.append((area, label, ""))
        return area

    pending: tuple[str, object] | None = None  # a bold line or sub-heading waiting for its list
    for node in body:
        if _is_list(node) and pending is not None:
            area = start(*pending)
            pending = None
            if area:
                _expectations(page, ladder, level, area, node)
        elif _is_list(node):
            for item in node.children:
                found = _area_items(item)
                if found is None:
                    page.fail(item, f"an expectation outside an area in level {name!r}: put it under an area "
                                    "(a bullet, a bold line or a sub-heading naming it)")
                    continue
                label, loose, nested = found
                area = start(label, item)
                if area is None:
                    continue
                for text, offset in loose:
                    ladder.bullets.append(Bullet(level, area, text, page.at(item, offset)))
                if nested is not None:
                    _expectations(page, ladder, level, area, nested)
        elif node.type == "heading" or _bold_label(node):
            pending = (area_name(_bold_label(node) or _inline(node)), node)
        else:
            pending = None  # prose inside a level: left out


def _expectations(page: _Page, ladder: Ladder, level: str, area: str, listing) -> None:
    for item in listing.children:
        if any(_is_list(c) for c in item.children):
            page.fail(item, "a list inside an expectation: packetgen reads one expectation per bullet")
            continue
        text = " ".join(_inline(item).split())
        if not text:
            page.fail(item, "an empty bullet: write the expectation, or remove the bullet")
            continue
        ladder.bullets.append(Bullet(level, area, text, page.at(item)))


def _check(ladder: Ladder, problems: list[Diagnostic]) -> None:
    if ladder.levels and all(base for _, _, base in ladder.levels):
        problems.append(Diagnostic(Location(ladder.path, 1, 1), "error", "a ladder needs a level besides the one "
                                                                         "every level includes"))
    if ladder.levels and not ladder.bullets and not problems:
        problems.append(Diagnostic(Location(ladder.path, 1, 1), "error", "the ladder lists no expectations"))
    if problems:
        raise InputError(problems)


# --- CSV -----------------------------------------------------------------------------------------

CSV_COLUMNS = ("level", "area", "text", "id", "level_id", "area_id")


def read_csv(text: str, shown: str) -> Ladder:
    """Columns `level,area,text`, optionally `id` (an expectation's own ID) and `level_id`/`area_id`
    (when the ids are not the names'), one expectation per row, in the ladder's order."""
    ladder = Ladder(shown)
    lines = text.splitlines()
    problems: list[Diagnostic] = []
    rows = list(csv.reader(lines))
    if not rows:
        raise InputError([Diagnostic(Location(shown, 1, 1), "error", "empty: a header (level,area,text) and one "
                                                                    "row per expectation")])
    header = [h.strip().lower() for h in rows[0]]
    missing = [c for c in CSV_COLUMNS[:3] if c not in header]
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if missing or unknown:
        raise InputError([Diagnostic(Location(shown, 1, 1), "error", (f"missing column {missing[0]!r}" if missing
                                     else f"unknown column {unknown[0]!r}") + ": the header names level, area and "
                                     "text, and optionally id, level_id and area_id")])
    at = {name: n for n, name in enumerate(header)}
    ids: dict[str, int] = {}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        value = {name: (cells[i].strip() if i < len(cells) else "") for name, i in at.items()}
        where = Location(shown, number, 1)
        if not value["level"] or not value["area"] or not value["text"]:
            empty = next(c for c in ("level", "area", "text") if not value[c])
            problems.append(Diagnostic(Location(shown, number, column(lines[number - 1], at[empty])), "error",
                                       f"{empty} is empty: every row names its level, area and text"))
            continue
        level, name, base = level_of(value["level"])
        level = value.get("level_id") or level
        if level not in {lv for lv, _, _ in ladder.levels}:
            if base and ladder.levels:
                problems.append(Diagnostic(where, "error", f"{name!r} reads as the level every other one includes; "
                                                           "its rows must come first"))
                continue
            ladder.levels.append((level, name, base))
            ladder.level_at[level] = where
        area = value.get("area_id") or slug(area_name(value["area"]))
        if area not in {a for a, _, _ in ladder.areas}:
            ladder.areas.append((area, area_name(value["area"]), ""))
        custom = value.get("id") or None
        if custom:
            if custom in ids:
                problems.append(Diagnostic(Location(shown, number, column(lines[number - 1], at["id"])), "error",
                                           f"id {custom!r} is also on line {ids[custom]}"))
                continue
            ids[custom] = number
        text_at = column(lines[number - 1], at["text"])
        ladder.bullets.append(Bullet(level, area, " ".join(value["text"].split()), Location(shown, number, text_at),
                                     custom))
    ladder.name = Path(shown).stem.replace("-", " ").replace("_", " ").strip().capitalize()
    _check(ladder, problems)
    return ladder
