"""`packetgen init`: a starter evidence file listing every expectation a level must cover."""
from __future__ import annotations

import json
import textwrap
from datetime import date, timedelta

from packetgen.loading import placeholders
from packetgen.model.framework import Framework


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def starter_file(fw: Framework, target: str, *, current: str | None = None, name: str = placeholders.NAME,
                 today: date, framework_ref: str | None = None, schema: str | None = None) -> str:
    """The starter file; `schema`, the URI of the JSON Schema an editor should check it with
    (a `# yaml-language-server: $schema=` line, which VS Code's YAML extension reads)."""
    levels = [lv.id for lv in fw.candidate_levels]
    if current is None:
        i = levels.index(target)
        current = levels[i - 1] if i > 0 else target
    cumulative = fw.cumulative(target)
    tname = fw.level_name(target)
    editor = ([f"# yaml-language-server: $schema={schema}"] if schema else
              [f"# For completion in your editor: packetgen schema evidence --framework {framework_ref or fw.id} "
               "> evidence.schema.json", "# yaml-language-server: $schema=evidence.schema.json"])
    start, end = today - timedelta(days=364), today
    demonstrate = fw.to_demonstrate(current, target)
    shown = " and ".join(fw.level_name(lv) for lv in demonstrate)
    P = placeholders
    out = editor + [
        f"# packetgen evidence file: {name}, aiming for {tname} ({fw.name}).",
        "#",
        "# Add one item under `evidence:` per accomplishment and list the expectation IDs it",
        "# demonstrates (the full list for this level is at the end of this file).",
        "# `packetgen check FILE` validates it; `packetgen gaps FILE --open` says what to do next.",
        "# Text fields (summary, description) take Markdown. Replace every example text: `check`",
        "# warns where one is left.",
        "",
        f"framework: {_q(framework_ref or fw.id)}",
        "candidate:",
        f"  name: {_q(name)}",
        f"  current_level: {current}",
        f"  target_level: {target}",
        f"  role: {_q(P.ROLE)}",
        f"  # manager: {_q(P.MANAGER)}",
        "  # pronouns: she/her            # optional; printed in the header, never in an anonymised handout",
        f"period:                # assumed: the twelve months to {today}; set your company's review cycle",
        f"  start: {start}",
        f"  end: {end}",
        "  # exclude:            # spans that must not count against you (leave, say); no reason is written",
        f"  #   - {{start: {start + timedelta(days=120)}, end: {start + timedelta(days=150)}}}",
        "summary: |",
        f"  {P.SUMMARY}",
        "",
        "# The other voices of a case, each optional; remove the leading '# ' to use one.",
        "# self_assessment: |               # your own words",
        f"#   {P.SELF_ASSESSMENT}",
        "# assessment:                      # your sponsor's (manager's) words",
        f"#   by: {_q(P.SPONSOR)}  # defaults to candidate.manager",
        "#   overall: |",
        f"#     {P.OVERALL}",
        "#   areas:                         # one text per area: "
        + ", ".join(a.id for a in fw.areas),
        f"#     {fw.areas[0].id}: |",
        f"#       {P.AREA}",
        "#   concerns: []                   # held expectations the sponsor doubts, e.g. "
        + (fw.cumulative(target)[0].id if fw.held(current, target) else "none here"),
        "# recommendation:",
        "#   decision: next-cycle           # promote-now | next-cycle | not-yet",
        "#   rationale: |",
        f"#     {P.RATIONALE}",
        "# values: |                        # how you show the company's values",
        f"#   {P.VALUES}",
        "# development:                     # next steps, each tied to the expectations it works toward",
        f"#   - expectations: [{cumulative[-1].id}]",
        f"#     plan: {P.PLAN}",
        f"#     by: {today + timedelta(days=180)}",
        "",
        "evidence: []",
        "# Replace the [] above with items like this one. An expectation is strong when its items",
        "# carry a voice other than yours or your sponsor's (a quote with the person's role), a link or",
        "# a measured result, and span at least 60 days. An item citing more than 4 expectations of",
        f"# {shown} lends nothing.",
        "#  - id: ranking-v2                      # optional, unique; derived from the title if absent",
        f"#    title: {P.ITEM_TITLE}",
        f"#    date: {start + timedelta(days=30)}",
        f"#    until: {start + timedelta(days=120)}       # optional: the last day of work that ran over time",
        f"#    result: {_q(P.ITEM_RESULT)}   # optional: what changed, in one line",
        f"#    expectations: [{fw.own(target)[0].id if fw.own(target) else cumulative[0].id}]",
        "#    description: |",
        f"#      {P.ITEM_DESCRIPTION}",
        "#    links:",
        "#      - {title: PRD, url: \"https://example.com/prd\"}",
        "#    quotes:",
        "#      - from: \"Alex Kim, Engineering Manager\"   # the person, then their role",
        f"#        text: {_q(P.QUOTE_TEXT)}",
        "#        relationship: cross-functional   "
        "# peer | report | manager | cross-functional | customer | executive | other",
        f"#        date: {start + timedelta(days=125)}",
        "#        # lang: ja                   # the quote's language, when it is not the packet's",
        "",
        f"# The {len(cumulative)} expectations {tname} is measured against "
        f"({fw.level_name(fw.levels[0].id)} plus every level up to {tname}). You hold",
        f"# {', '.join(lv.name for lv in fw.levels_up_to(target) if lv.id not in demonstrate) or 'none of them'}: "
        f"cite them where an item shows them. The case is {shown}.",
    ]
    width = max(len(e.id) for e in cumulative)
    heading = None
    for exp in cumulative:
        group = (exp.level, exp.area)
        if group != heading:
            heading = group
            out.append("#")
            out.append(f"# {fw.level_name(exp.level)} / {fw.area_name(exp.area)}")
        wrapped = textwrap.wrap(exp.text, 88 - width)
        out.append(f"#   {exp.id:<{width}}  {wrapped[0]}")
        out.extend(f"#   {'':<{width}}  {more}" for more in wrapped[1:])
    return "\n".join(out) + "\n"
