"""`framework import`, `export`, `lint` and `migrate`: a company's ladder from where it lives into a
framework file, back out as CSV, its own words reviewed, and evidence files moved to its new IDs."""
from __future__ import annotations

from pathlib import Path

from packetgen.errors import UsageError

SOURCES = (".md", ".markdown", ".csv")


def import_ladder(source: Path, output: Path, *, framework_id: str | None = None, name: str | None = None,
                  force: bool = False) -> str:
    """Write the framework file of a Markdown or CSV ladder to `output` (never over a file unless
    `force`, never over `source`); the file is loaded back before it is written. Returns its text."""
    import re

    from packetgen.authoring.framework_file import framework_yaml
    from packetgen.loading import yamlio
    from packetgen.loading.framework import parse_framework
    from packetgen.loading.ladder import read, slug
    from packetgen.output import check_target, write_text

    if source.suffix.lower() not in SOURCES:
        raise UsageError(f"{source}: import reads a Markdown page (.md) or a CSV file (.csv)")
    check_target(output, (source,))
    if output.exists() and not force:
        raise UsageError(f"-o {output} already exists; pass --force to replace it")
    if framework_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", framework_id):
        raise UsageError(f"--id {framework_id!r}: lowercase letters, digits, '-' or '_'")
    ladder = read(source)
    text = framework_yaml(ladder, framework_id=framework_id or slug(ladder.name or source.stem) or "ladder",
                          name=name, source=f"imported from {source.name}")
    parse_framework(yamlio.load(text, str(output)))  # what is written loads: a bug here must not reach a file
    write_text(output, text, inputs=(source,))
    return text


def migrate(evidence: Path, framework: str | None = None) -> list[tuple[str, str, int]]:
    """Rewrite the expectation IDs an evidence file cites that the framework (`framework`, else the
    file's own) lists under `renamed`, keeping every other byte as it was (as `add` does); the file is
    replaced only once the result reads back with every citation renamed. Returns (old, new, count)."""
    from collections import Counter

    from packetgen.loading import yamlio
    from packetgen.loading.framework import load_framework
    from packetgen.output import write_bytes

    doc = yamlio.load_file(evidence)
    data = doc.data if isinstance(doc.data, dict) else {}
    fw = load_framework(framework or data.get("framework"), evidence.parent if not framework else Path.cwd())
    if framework and isinstance(data.get("framework"), str):
        own = load_framework(data["framework"], evidence.parent)
        if own.id != fw.id:
            raise UsageError(f"{evidence} cites the framework {own.id}; --to {framework} is {fw.id}: migrate to a "
                             "newer version of the same framework")
    if not fw.renames:
        raise UsageError(f"the framework {fw.id} ({fw.path}) renames no expectation: nothing to migrate")
    text = doc.raw.decode("utf-8")
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans: list[tuple[int, str, str]] = []  # (offset of the old ID in the text, old, new)
    for path, where in doc.values.items():
        if not _cites(path):
            continue
        value = _value_at(data, path)
        if isinstance(value, str) and value.strip() in fw.renames:
            old = value.strip()
            offset = starts[where.line - 1] + where.column - 1
            found = text.find(old, offset, offset + len(old) + 2)  # after an opening quote, if any
            if found < 0:
                raise UsageError(f"{where}: {old} is written in a way packetgen does not rewrite (an escape or a "
                                 "multi-line value); change it by hand")
            spans.append((found, old, fw.renames[old]))
    if not spans:
        return []
    out = text
    for offset, old, new in sorted(spans, reverse=True):
        out = out[:offset] + new + out[offset + len(old):]
    check = yamlio.load(out, str(evidence))  # read back: every citation renamed, the rest as it was
    leftover = [v for p, v in _cited(check.data) if v in fw.renames]
    if leftover or len(list(_cited(check.data))) != len(list(_cited(data))):
        raise UsageError(f"{evidence}: the rewritten file does not read back as expected; nothing was changed")
    write_bytes(evidence, (b"\xef\xbb\xbf" if doc.raw.startswith(b"\xef\xbb\xbf") else b"") + out.encode("utf-8"))
    counted = Counter((old, new) for _, old, new in spans)
    return [(old, new, n) for (old, new), n in counted.items()]


def _cites(path: tuple) -> bool:
    """A value that is an expectation ID: evidence[i].expectations[j], development[i].expectations[j],
    assessment.concerns[j]."""
    return (len(path) == 4 and path[0] in ("evidence", "development") and path[2] == "expectations"
            and isinstance(path[3], int)) or (len(path) == 3 and path[:2] == ("assessment", "concerns"))


def _value_at(data, path: tuple):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _cited(data):
    """(path, ID) of every citation in a loaded evidence file."""
    if not isinstance(data, dict):
        return
    for key in ("evidence", "development"):
        for i, entry in enumerate(data.get(key) or []):
            if isinstance(entry, dict) and isinstance(entry.get("expectations"), list):
                for j, ref in enumerate(entry["expectations"]):
                    yield (key, i, "expectations", j), ref
    assessment = data.get("assessment")
    if isinstance(assessment, dict) and isinstance(assessment.get("concerns"), list):
        for j, ref in enumerate(assessment["concerns"]):
            yield ("assessment", "concerns", j), ref
