"""`framework lint`: notes on a ladder's own words (contract section 10; docs/reference.md, Bringing your
own ladder). A ladder that asks for "conviction" or a "firm technical opinion" asks reviewers to judge
personality, which the writing review's research finds judged unequally; an expectation repeated at
two levels leaves a committee unable to say what the higher level adds; an area with more than 15
expectations at one level is a list nobody weighs. Each note points at the words in the file they
stand in: the framework file, or the Markdown or CSV a ladder is imported from.
"""
from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from packetgen.errors import Diagnostic, Location

RULES = ("personality", "vague-praise", "potential")  # the writing review's rules that read a ladder's words
NEAR = 0.8  # two expectations this alike (difflib's ratio, case aside) are one repeated
MAX_PER_AREA = 15


@dataclass(frozen=True)
class Entry:
    """One expectation of the ladder and where its text starts."""

    id: str
    level: str
    level_name: str
    area: str
    text: str
    where: Location


class _Text:
    """A source file's text, to turn "the first match after this place" into a line and column."""

    def __init__(self, raw: str, shown: str):
        self.raw, self.shown = raw, shown
        self.starts = [0] + [m.end() for m in re.finditer("\n", raw)]

    def find(self, start: Location, pattern: re.Pattern, span: int) -> Location:
        offset = self.starts[min(start.line, len(self.starts)) - 1] + start.column - 1
        found = pattern.search(self.raw, offset, offset + span)
        if found is None:
            return start
        line = bisect.bisect_right(self.starts, found.start())
        return Location(self.shown, line, found.start() - self.starts[line - 1] + 1)


def entries(source: str | None, relative_to: Path) -> tuple[list[Entry], _Text]:
    """The expectations of a framework (id or path) or of a Markdown or CSV ladder, each located in
    the file it comes from, and the file's text."""
    from packetgen.loading import yamlio
    from packetgen.loading.framework import load_framework, resolve

    path = Path(source) if source else None
    if path is not None and path.suffix.lower() in (".md", ".markdown", ".csv"):
        from packetgen.loading.ladder import read

        ladder = read(path)
        text = _Text(yamlio.decode(yamlio.read_bytes(path), str(path)), str(path))
        names = {lv: name for lv, name, _ in ladder.levels}
        counters: dict[tuple[str, str], int] = {}
        out = []
        for b in ladder.bullets:
            n = counters[(b.level, b.area)] = counters.get((b.level, b.area), 0) + 1
            out.append(Entry(b.id or f"{b.level}.{b.area}.{n}", b.level, names[b.level], b.area, b.text, b.where))
        return out, text
    fw = load_framework(source, relative_to)
    resolved = resolve(source, relative_to)
    doc = yamlio.load_file(resolved, fw.path or str(resolved))
    text = _Text(yamlio.decode(doc.raw, doc.path), doc.path)
    out = [Entry(e.id, e.level, fw.level_name(e.level), e.area, e.text,
                 doc.at("expectations", e.level, e.area, e.position - 1)) for e in fw.expectations]
    return out, text


def lint(source: str | None = None, relative_to: Path | None = None, lexicon: str | None = None) -> list[Diagnostic]:
    """Every note, in the file's order."""
    from packetgen.analysis.fairness import load_lexicon

    found, text = entries(source, relative_to or Path.cwd())
    rules = load_lexicon(lexicon).rules
    notes: list[Diagnostic] = []
    for e in found:
        for rule_id in RULES:
            rule = rules.get(rule_id)
            for pattern in rule.patterns if rule else ():
                match = pattern.search(e.text)
                if match:
                    notes.append(Diagnostic(text.find(e.where, pattern, len(e.text) * 2 + 400), f"note[{rule_id}]",
                                            f"{e.id}: “{match.group(0)}” asks the reviewer to judge "
                                            f"{_JUDGED[rule_id]}, which reviews judge unequally; ask for what the "
                                            "person does and what it changes instead"))
    for a, b in combinations(found, 2):
        pair = difflib.SequenceMatcher(None, a.text.casefold(), b.text.casefold())
        if pair.real_quick_ratio() >= NEAR and pair.quick_ratio() >= NEAR and (ratio := pair.ratio()) >= NEAR:
            same = "repeats" if a.text.casefold() == b.text.casefold() else "nearly repeats"
            advice = ("one of the two is enough" if a.level == b.level else
                      f"say what {b.level_name} asks beyond it, or a committee cannot tell the two apart")
            alike = f"{round(100 * ratio)} % alike: “{a.text}” / “{b.text}”"
            notes.append(Diagnostic(b.where, "note[repeated]", f"{b.id} {same} {a.id} of {a.level_name} ({alike}); "
                                                               f"{advice}"))
    counts: dict[tuple[str, str], list[Entry]] = {}
    for e in found:
        counts.setdefault((e.level, e.area), []).append(e)
    for (_, area), listed in counts.items():
        if len(listed) > MAX_PER_AREA:
            notes.append(Diagnostic(listed[MAX_PER_AREA].where, "note[too-many]",
                                    f"{listed[0].level_name} lists {len(listed)} expectations in {area}; more than "
                                    f"{MAX_PER_AREA} in one area is a list a committee cannot weigh"))
    return sorted(notes, key=lambda d: (d.location.line, d.location.column))


_JUDGED = {"personality": "personality", "vague-praise": "an impression", "potential": "potential"}
