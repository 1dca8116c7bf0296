"""The size of the packet an evidence file asks for, refused above a limit: what keeps a small
file (aliases repeat an item at no cost) from asking for hours of layout.
"""
from __future__ import annotations

from dataclasses import dataclass

from packetgen.loading.checker import Checker
from packetgen.model.framework import Framework

# The size of the packet a file asks for, in characters of text set on a page, plus weights for
# what costs layout time and memory besides text (measured with bench/limits_bench.py: a citation,
# a line under its expectation, costs about what 500 characters cost; an expectation of the
# target's cumulative set, a row or a card, about 1,200). A file over the limit is refused, however
# small it is: aliases repeat an item at no cost to the file. At the limit a PDF takes about 25 s
# and 700 MB on a 2-core machine (README, "Limits").
CITATION_WEIGHT = 500
EXPECTATION_WEIGHT = 1_200
MAX_LAYOUT = 2_500_000


@dataclass(frozen=True)
class LayoutSize:
    """What a packet will set on its pages (see MAX_LAYOUT)."""

    characters: int
    citations: int
    expectations: int

    @property
    def total(self) -> int:
        return self.characters + CITATION_WEIGHT * self.citations + EXPECTATION_WEIGHT * self.expectations

    def __str__(self) -> str:
        return (f"{self.characters:,} characters of text, {self.citations:,} citations and {self.expectations:,} "
                f"expectations come to {self.total:,}")


def layout_size(fw: Framework, level: str | None, items, texts) -> LayoutSize:
    characters = sum(map(len, texts)) + fw.printed_size
    for item in items:
        characters += len(item.title) + len(item.description)
        characters += sum(len(link.title) + len(link.url) for link in item.links)
        characters += sum(len(q.text) + len(q.author) for q in item.quotes)
    expectations = len(fw.cumulative(level)) if level and fw.level(level) else len(fw.expectations)
    return LayoutSize(characters, sum(len(item.expectations) for item in items), expectations)


def check_printed_size(c: Checker, fw: Framework, level: str | None, items, texts) -> None:
    """Refuse a file whose packet would be too big to lay out in reasonable time and memory."""
    size = layout_size(fw, level, items, texts)
    if size.total > MAX_LAYOUT:
        c.error(("evidence",), f"the packet would be too large to lay out: {size}; packetgen takes at most "
                               f"{MAX_LAYOUT:,} (a citation counts as {CITATION_WEIGHT} characters, an expectation "
                               f"as {EXPECTATION_WEIGHT:,}). Is an alias repeating an item? Cite in each item what "
                               "it shows best, and shorten the longest texts", key=True)
