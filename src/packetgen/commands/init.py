"""`init`: a starter evidence file for a target level, refusing what its own `check` would."""
from __future__ import annotations

import os.path
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from packetgen.errors import UsageError


@dataclass(frozen=True)
class Starter:
    text: str
    expectations: int  # how many the target level must cover
    level_name: str


def starter(level: str, *, current: str | None = None, name: str = "Your Name", output: str | None = None,
            framework: str | None = None, today: date | None = None) -> Starter:
    """The starter file's text for `level`. `output` is where it will be written (None or "-":
    standard output): a framework file is named from that file's folder."""
    from packetgen.authoring.json_schema import shipped
    from packetgen.authoring.starter import starter_file
    from packetgen.loading.framework import load_framework
    from packetgen.model.framework import DEFAULT_FRAMEWORK
    from packetgen.output import is_stdout

    if not name.strip() or not name.isprintable():  # a line break of any kind (U+2028 too), a control character
        raise UsageError(f"--name {name!r}: give the candidate's name on one line")
    to_file = bool(output) and not is_stdout(output)
    fw = load_framework(framework)
    if output and to_file and framework and Path(framework).expanduser().is_file():  # named from its own folder
        folder = Path(output).absolute().parent.resolve()  # where the file lands (a link -o is replaced)
        if not Path(framework).expanduser().resolve().is_relative_to(folder):
            raise UsageError(f"--framework {framework}: an evidence file names a framework file in its own folder "
                             f"or below; copy it beside {output}")
        framework = Path(os.path.relpath(Path(framework).expanduser().resolve(), folder)).as_posix()
    for option, value in (("--level", level), ("--current", current)):
        lv = fw.level(value) if value else None
        if value and (lv is None or lv.base):
            names = ", ".join(x.id for x in fw.candidate_levels)
            raise UsageError(f"{option}: {value!r} is not a level of {fw.id}; use one of {names}")
    target = fw.level(level)
    assert target is not None  # checked above
    # the package ships the built-in framework's schema; another framework's is made with `schema`
    schema = shipped("evidence").resolve().as_uri() if framework in (None, DEFAULT_FRAMEWORK) else None
    text = starter_file(fw, level, current=current, name=name, today=today or date.today(),
                        framework_ref=framework, schema=schema)
    return Starter(text, len(fw.cumulative(level)), target.name)


def write_starter(output: str, made: Starter, *, force: bool = False) -> None:
    from packetgen.output import write_text

    if Path(output).exists() and not force:
        raise UsageError(f"{output} exists; pass --force to overwrite it")
    write_text(output, made.text)
