"""Reading a framework file: strict validation, every problem located.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from packetgen.errors import InputError, UsageError
from packetgen.loading import shapes as D
from packetgen.loading import yamlio
from packetgen.loading.checker import Checker, did_you_mean
from packetgen.model.framework import (
    DEFAULT_FRAMEWORK,
    DEFAULT_MIN_EVIDENCE,
    DEFAULT_SUSTAINED_DAYS,
    Area,
    Expectation,
    Framework,
    Level,
    Policy,
)
from packetgen.resources import builtin_frameworks

# A packet draws a column per level and a row per area, and lists every expectation: these keep a
# hostile framework from asking for thousands of pages (the README's limits).
MAX_LEVELS = 20
MAX_AREAS = 20
MAX_EXPECTATIONS = 2_000
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_EXPECTATION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def resolve(ref: str | None, relative_to: Path | None = None) -> Path:
    """A framework reference (built-in id or path) to a file; UsageError when it names nothing."""
    ref = ref or DEFAULT_FRAMEWORK
    builtins = builtin_frameworks()
    if ref in builtins:
        return builtins[ref]
    path = Path(ref).expanduser()
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    if path.suffix.lower() not in (".yaml", ".yml"):
        # an evidence file must not make packetgen read /etc/passwd or a private key
        raise UsageError(f"framework {ref!r} must be a built-in framework ({', '.join(builtins)}) "
                         "or a .yaml/.yml file")
    try:
        if path.is_file():
            path.resolve(strict=True)  # a link that leads back to itself is no file
            return path
    except (OSError, RuntimeError) as exc:  # a name too long for the system, a loop of links
        reason = getattr(exc, "strerror", None) or "a loop of symbolic links"
        raise UsageError(f"framework {ref[:80]!r}{'…' if len(ref) > 80 else ''} cannot be read: {reason}") from None
    hint = did_you_mean(ref, builtins)
    raise UsageError(f"framework {ref!r} is neither a built-in framework ({', '.join(builtins)}) "
                     f"nor an existing file{hint}")


def load_framework(ref: str | None = None, relative_to: Path | None = None) -> Framework:
    """Load and strictly validate a framework by built-in id or path."""
    path = resolve(ref, relative_to)
    stat = path.stat()
    return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@lru_cache(maxsize=16)
def _load_cached(resolved: str, _mtime: int, _size: int, shown: str) -> Framework:
    return parse_framework(yamlio.load_file(resolved, shown))


_TOP_KEYS = D.FRAMEWORK.keys


def parse_framework(doc: yamlio.Document) -> Framework:
    c = Checker(doc)
    top = c.mapping(doc.data, (), "the framework file", _TOP_KEYS)
    if top is None:
        raise InputError(c.in_order())
    fid = c.text(top, "id", (), required=True)
    if fid is not None and not _SLUG.match(fid):
        c.error(("id",), f"framework id {fid!r} must be lowercase letters, digits, '-' or '_'")
    name = c.text(top, "name", (), required=True)
    strings = {k: c.text(top, k, ()) or "" for k in ("source", "about", "cumulative_note", "values_note")}
    policy = _policy(c, top)

    areas = _parse_named(c, top, "areas", "area")
    levels_raw = _parse_named(c, top, "levels", "level", extra=("base",))
    levels = []
    for rank, (entry, path) in enumerate(levels_raw):
        base_raw = entry.get("base")
        base = False
        if base_raw is not None:
            if base_raw not in ("true", "false"):
                c.error(path + ("base",), f"'base' must be true or false, not {base_raw!r}")
            base = base_raw == "true"
            if base and rank != 0:
                c.error(path + ("base",), "only the first (lowest) level can be the base level")
        levels.append(Level(entry["id"], entry["name"], rank, base))
    if levels and all(lv.base for lv in levels):
        c.error(("levels",), "a framework needs at least one level that is not the base level")
    area_objs = [Area(e["id"], e["name"], e.get("description") or "") for e, _ in areas]

    for key, found, limit in (("levels", len(levels), MAX_LEVELS), ("areas", len(area_objs), MAX_AREAS)):
        if found > limit:
            c.error((key,), f"{found:,} {key}; packetgen takes at most {limit}", key=True)
    expectations = _parse_expectations(c, top, [lv.id for lv in levels], [a.id for a in area_objs])
    version = c.text(top, "version", ()) or ""
    renamed = _renamed(c, top, {e.id for e in expectations})
    if len(expectations) > MAX_EXPECTATIONS:
        c.error(("expectations",), f"{len(expectations):,} expectations; packetgen takes at most "
                                   f"{MAX_EXPECTATIONS:,}", key=True)
    if c.failed or fid is None or name is None:
        raise InputError(c.in_order())
    return Framework(id=fid, name=name, areas=tuple(area_objs), levels=tuple(levels),
                     expectations=tuple(expectations), path=doc.path, raw=doc.raw, policy=policy, version=version,
                     renamed=renamed, **strings)


def _renamed(c: Checker, top: dict, current: set[str]) -> tuple[tuple[str, str], ...]:
    """`renamed: {OLD-ID: NEW-ID}`: each new ID one of the framework's, each old ID none of them (a
    rename from an ID still in use would change what evidence written for this version means)."""
    if top.get("renamed") is None:
        return ()
    raw = top["renamed"]
    table = c.mapping(raw, ("renamed",), "'renamed'", list(raw) if isinstance(raw, dict) else [])
    out: list[tuple[str, str]] = []
    for old, new in (table or {}).items():
        path = ("renamed", old)
        if not isinstance(new, str) or new not in current:
            c.error(path, f"renamed {old} -> {new!r}: the new ID must be an expectation of this framework")
        elif old in current:
            c.error(path, f"renamed {old} -> {new}: {old} is still an ID of this framework, so evidence written for "
                          "this version would change meaning; keep existing IDs in place (add new bullets at the end "
                          "of their area, or give a moved bullet its own `id:`)", key=True)
        else:
            out.append((old, new))
    return tuple(out)


def _policy(c: Checker, top: dict) -> Policy:
    """`policy: {min_evidence: N, sustained_days: N}` (each optional)."""
    if top.get("policy") is None:
        return Policy()
    raw = c.mapping(top["policy"], ("policy",), "'policy'", D.POLICY.keys)
    if raw is None:
        return Policy()
    least = c.count(raw, "min_evidence", ("policy",), where="'policy'")
    days = c.count(raw, "sustained_days", ("policy",), where="'policy'", limit=3660)
    return Policy(least or DEFAULT_MIN_EVIDENCE, days or DEFAULT_SUSTAINED_DAYS)


def _parse_named(c: Checker, top: dict, key: str, what: str, extra: tuple = ()):
    """A required list of {id, name, ...} mappings with unique slug ids."""
    items = c.list_(top, key, ())
    if items is None:
        if key not in top or top[key] is None:
            c.error((), f"missing required key {key!r} (a list of {what}s)")
        return []
    if not items:
        c.error((key,), f"{key!r} is empty; a framework needs at least one {what}")
    out: list = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(items):
        path = (key, i)
        entry = c.mapping(raw, path, f"{what} #{i + 1}", (D.LEVEL if extra else D.NAMED).keys)
        if entry is None:
            continue
        ident = c.text(entry, "id", path, required=True, where=f"{what} #{i + 1}")
        label = c.text(entry, "name", path, where=f"{what} #{i + 1}")
        c.text(entry, "description", path)
        if ident is None:
            continue
        if not _SLUG.match(ident):
            c.error(path + ("id",), f"{what} id {ident!r} must be lowercase letters, digits, '-' or '_'")
            continue
        if ident in seen:
            c.error(path + ("id",), f"duplicate {what} id {ident!r} (first at line {seen[ident]})")
            continue
        seen[ident] = c.doc.at(*path, "id").line
        out.append(({**entry, "id": ident, "name": label or ident}, path))
    return out


def _parse_expectations(c: Checker, top: dict, level_ids: list[str], area_ids: list[str]):
    table = top.get("expectations")
    if "expectations" not in top:
        c.error((), "missing required key 'expectations' (level -> area -> list of texts)")
        return []
    by_level = c.mapping(table, ("expectations",), "'expectations'", level_ids)
    if by_level is None:
        return []
    out: list[Expectation] = []
    seen: dict[str, int] = {}
    for level in level_ids:  # framework order, whatever order the file uses
        if level not in by_level or by_level[level] is None:
            continue
        lpath = ("expectations", level)
        by_area = c.mapping(by_level[level], lpath, f"expectations of level {level!r}", area_ids)
        if by_area is None:
            continue
        for area in area_ids:
            bullets = c.list_(by_area, area, lpath, where=f"level {level!r}")
            for n, raw in enumerate(bullets or [], start=1):
                path = lpath + (area, n - 1)
                ident = f"{level}.{area}.{n}"
                if isinstance(raw, dict):
                    entry = c.mapping(raw, path, f"expectation {ident}", ("id", "text", "min_evidence"))
                    text = c.text(entry, "text", path, required=True) if entry else None
                    custom = c.text(entry, "id", path) if entry else None
                    least = c.count(entry, "min_evidence", path, where=f"expectation {ident}") if entry else None
                    if custom is not None:
                        if not _EXPECTATION_ID.match(custom):
                            c.error(path + ("id",), f"expectation id {custom!r} may hold only letters, digits, "
                                                     "'.', '-' and '_'")
                        ident = custom
                elif isinstance(raw, str) and raw.strip():
                    text, least = raw, None
                else:
                    c.error(path, f"expectation {ident} must be its text (or a mapping with 'text')")
                    continue
                if text is None:
                    continue
                if ident in seen:
                    c.error(path, f"duplicate expectation id {ident!r} (first at line {seen[ident]})")
                    continue
                seen[ident] = c.doc.at(*path).line
                out.append(Expectation(ident, level, area, n, " ".join(text.split()), least))
    if not out and not c.failed:
        c.error(("expectations",), "the framework lists no expectations")
    return out
