"""`packetgen init`: a starter evidence file listing every expectation a level must cover."""
from __future__ import annotations

import json
import textwrap
from datetime import date, timedelta

from packetgen.model.framework import Framework


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def starter_file(fw: Framework, target: str, *, current: str | None = None, name: str = "Your Name",
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
    out = editor + [
        f"# packetgen evidence file: {name}, aiming for {tname} ({fw.name}).",
        "#",
        "# Add one item under `evidence:` per accomplishment and list the expectation IDs it",
        "# demonstrates (the full list for this level is at the end of this file).",
        "# `packetgen check FILE` validates it; `packetgen gaps FILE` shows what is covered.",
        "# Text fields (summary, description) take Markdown.",
        "",
        f"framework: {_q(framework_ref or fw.id)}",
        "candidate:",
        f"  name: {_q(name)}",
        f"  current_level: {current}",
        f"  target_level: {target}",
        '  role: "Product Manager"',
        "  # manager: \"Your Manager\"",
        "period:                # the review window; items dated outside it are listed as stale",
        f"  start: {today - timedelta(days=364)}",
        f"  end: {today}",
        "summary: |",
        "  The case in a few sentences: what changed because of your work, and why you are ready.",
        "",
        "# The other voices of a case, each optional; remove the leading '# ' to use one.",
        "# self_assessment: |               # your own words",
        "#   What I am proudest of, what I would do differently, where I want to grow.",
        "# assessment:                      # your sponsor's (manager's) words",
        "#   by: \"Your Manager, Their Role\"  # defaults to candidate.manager",
        "#   overall: |",
        "#     The sponsor's view of the case as a whole.",
        "#   areas:                         # one text per area: "
        + ", ".join(a.id for a in fw.areas),
        f"#     {fw.areas[0].id}: |",
        "#       What the sponsor has seen in this area.",
        "# recommendation:",
        "#   decision: next-cycle           # promote-now | next-cycle | not-yet",
        "#   rationale: |",
        "#     Why, in a few sentences.",
        "# values: |                        # how you show the company's values",
        "#   ...",
        "# development:                     # next steps, each tied to the expectations it works toward",
        f"#   - expectations: [{cumulative[-1].id}]",
        "#     plan: What you will do next to show it",
        f"#     by: {today + timedelta(days=180)}",
        "",
        "evidence: []",
        "# Replace the [] above with items like this one. Strength comes from a link (artifact), a",
        "# number (outcome), a quote from someone who saw the work, and items in different quarters;",
        "# an item citing more than 4 of the target level's own expectations lends nothing.",
        "#  - id: ranking-v2                      # optional, unique; derived from the title if absent",
        "#    title: Launched code search ranking v2",
        "#    date: 2026-03-12",
        f"#    expectations: [{cumulative[0].id}]",
        "#    description: |",
        "#      What you did, with numbers: *click-through +18%*.",
        "#    links:",
        "#      - {title: PRD, url: \"https://example.com/prd\"}",
        "#    quotes:",
        "#      - from: \"Alex Kim, EM\"       # the person, then their role",
        "#        text: \"...\"",
        "#        relationship: cross-functional   "
        "# peer | report | manager | cross-functional | customer | executive | other",
        "#        date: 2026-03-20",
        "",
        f"# The {len(cumulative)} expectations {tname} is measured against "
        f"({fw.level_name(fw.levels[0].id)} plus every level up to {tname}):",
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
