"""The warnings `check` prints about the evidence behind a case: one per item flag (broad,
duplicate, self-quote), located at the item, unless `fairness_ignore` silences it."""
from __future__ import annotations

from packetgen.analysis.strength import People
from packetgen.errors import Diagnostic, Location
from packetgen.model.result import BROAD, BROAD_DEMONSTRATE, DUPLICATE, SELF_QUOTE, Result
from packetgen.text import fold

_RULE = {BROAD: "broad", DUPLICATE: "duplicate", SELF_QUOTE: "self-quote"}  # fairness_ignore names


def flag_warnings(result: Result) -> tuple[Diagnostic, ...]:
    """One located warning per item flag (docs/reference.md, Evidence strength), unless
    `fairness_ignore` silences it."""
    out = []
    levels = " and ".join(lv.name for lv in result.demonstrate_levels)
    silenced_everywhere = set(result.evidence.fairness_ignore)
    people = People.of(result.evidence)
    for item in result.evidence.items:
        s = result.strength_of[item.id]
        where = item.where or Location(result.evidence.path)
        silenced = silenced_everywhere | set(item.fairness_ignore)
        name = repr(item.title)
        for flag in s.flags:
            if _RULE[flag] in silenced:
                continue
            if flag == BROAD:
                msg = (f"item {name} is broad: it cites {s.demonstrate_cited} expectations of {levels} (more than "
                       f"{BROAD_DEMONSTRATE}), so it lends no strength to any of them; split it into one item per "
                       "accomplishment, each citing what it shows best (citing held levels' expectations too is "
                       "fine)")
            elif flag == DUPLICATE:
                earlier = result.items[s.duplicate_of]
                line = earlier.where.line if earlier.where else "?"
                msg = (f"item {name} repeats item {earlier.title!r} (line {line}): same title and description, "
                       "so it lends no strength; remove it or say what is different")
            else:
                who = ", ".join(repr(item.quotes[n].author) + (f" (line {item.quote_lines[n]})"
                                                               if n < len(item.quote_lines) else "")
                                for n in s.self_quotes)
                msg = (f"item {name} quotes the candidate: {who}; a candidate's own words corroborate "
                       "nothing: move them to self_assessment, or quote someone who saw the work")
            out.append(Diagnostic(where, "warning", msg))
        out.extend(_silent_quotes(result, item, people))
    return tuple(out)


def _silent_quotes(result: Result, item, people: People) -> list[Diagnostic]:
    """A quote that names someone but not who they are (no role, no relationship) corroborates
    nothing: say so at the quote. The candidate's own quotes have their flag; nameless ones the
    loader's warning."""
    out = []
    for n, quote in enumerate(item.quotes):
        if quote.is_voice or not fold(quote.person) or people.is_candidate(quote.person):
            continue
        places = item.quote_places
        where = places[n] if n < len(places) else item.where or Location(result.evidence.path)
        out.append(Diagnostic(where, "warning", f"this quote does not say who {quote.person!r} is, so it "
                              "corroborates nothing; write their role after a comma (from: \"Alex Kim, Engineering "
                              "Manager\") or a relationship (relationship: peer)"))
    return out
