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
