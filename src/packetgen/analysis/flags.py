"""The warnings `check` prints about the evidence behind a case: one per item flag (broad,
duplicate, self-quote), located at the item, unless `fairness_ignore` silences it."""
from __future__ import annotations

from packetgen.errors import Diagnostic, Location
from packetgen.model.result import BROAD, BROAD_ALL, BROAD_OWN, DUPLICATE, SELF_QUOTE, Result

_RULE = {BROAD: "broad", DUPLICATE: "duplicate", SELF_QUOTE: "self-quote"}  # fairness_ignore names


def flag_warnings(result: Result) -> tuple[Diagnostic, ...]:
    """One located warning per item flag (docs/reference.md, Evidence strength), unless
    `fairness_ignore` silences it."""
    out = []
    level = result.framework.level_name(result.target_level)
    silenced_everywhere = set(result.evidence.fairness_ignore)
    for item in result.evidence.items:
        s = result.strength_of[item.id]
        where = item.where or Location(result.evidence.path)
        silenced = silenced_everywhere | set(item.fairness_ignore)
        name = repr(item.title)
        for flag in s.flags:
            if _RULE[flag] in silenced:
                continue
            if flag == BROAD:
                n = len(item.expectations)
                why = " and ".join(
                    ([f"{s.own_cited} of {level}'s own expectations (more than {BROAD_OWN})"]
                     if s.own_cited > BROAD_OWN else []) +
                    ([f"{n} expectations in all (more than {BROAD_ALL})"] if n > BROAD_ALL else []))
                msg = (f"item {name} is broad: it cites {why}, so it lends no strength to any of them; "
                       "split it into one item per accomplishment, each citing what it shows best")
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
    return tuple(out)
