"""A stress case for layout: the longest things a real file holds, everywhere at once: a 60-character
hyphenated name, long roles and titles, 40 items, quotes with long roles, an expectation ID in
every table, long link titles and unbreakable words. `write_stress(folder)` writes it and returns
its path; the geometry tests render it in every format and in handouts."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

NAME = "Anne-Marie Wolfeschlegel-Steinhausen-Oppenheimer-Rothschilds"  # 60 characters with spaces
assert len(NAME) == 60, len(NAME)
ROLE = "Principal Product Manager, Enterprise Code Intelligence, Platform Reliability and Governance"
SPONSOR = "Maximilian Theodor Featherstonehaugh-Cholmondeley, Vice President of Product Management"
LONG_WORD = "internationalization-readiness-dashboard"
IDS = [
    "ic4.impact.1",
    "ic4.impact.2",
    "ic4.scope.1",
    "ic4.scope.2",
    "ic4.execution.1",
    "ic4.execution.2",
    "ic4.teamwork.1",
    "ic4.teamwork.2",
    "ic4.teamwork.3",
    "ic4.teamwork.4",
    "all.impact.1",
    "all.scope.2",
    "ic3.execution.3",
    "ic2.teamwork.2",
    "ic5.scope.1",
]


def stress_yaml() -> str:
    start = date(2025, 10, 1)
    lines = [
        "candidate:",
        f'  name: "{NAME}"',
        "  pronouns: she/her",
        "  current_level: ic3",
        "  target_level: ic4",
        f'  role: "{ROLE}"',
        '  manager: "Maximilian Theodor Featherstonehaugh-Cholmondeley"',
        "period: {start: 2025-10-01, end: 2026-09-30}",
        "summary: |",
        f"  {NAME.split()[0]} led the {LONG_WORD} programme across four regions and twelve enterprise",
        "  accounts; onboarding time fell from 14 days to 3 days and support tickets halved.",
        "assessment:",
        f'  by: "{SPONSOR}"',
        "  overall: |",
        "    Ready on Impact and Execution; Teamwork needs one more quarter of visible mentoring.",
        "  concerns: [ic3.execution.3]",
        "recommendation:",
        "  decision: next-cycle",
        "  rationale: Strong delivery; the mentoring case is not yet sustained.",
        "development:",
        "  - expectations: [ic4.teamwork.1, ic4.teamwork.2]",
        f"    plan: Mentor two associate product managers through the {LONG_WORD} rollout in every region",
        "    by: 2027-03-31",
        "evidence:",
    ]
    for n in range(40):
        day = start + timedelta(days=8 * n)
        cited = ", ".join(IDS[(n + k) % len(IDS)] for k in range(3))
        lines += [
            f"  - id: item-{n + 1}",
            f'    title: "Coordinated the {LONG_WORD} migration wave {n + 1} across regional data-residency '
            f'boundaries and partner integrations"',
            f"    date: {day.isoformat()}",
            *([f"    until: {(day + timedelta(days=75)).isoformat()}"] if n % 5 == 0 else []),
            *([f'    result: "Build time 4 h → 22 min in wave {n + 1}"'] if n % 3 == 0 else []),
            f"    expectations: [{cited}]",
            "    description: |",
            f"      Wave {n + 1} moved {100 + n} repositories; the runbook now names an owner for every step.",
            "    links:",
            f'      - {{title: "{LONG_WORD} wave {n + 1} runbook and postmortem", url: "https://example.com/w/{n}"}}',
            "    quotes:",
            f'      - {{from: "Oluwaseun Adebayo-Fitzgerald, Staff Site Reliability Engineer, Regional Platform", '
            f'relationship: cross-functional, text: "Wave {n + 1} was the calmest migration we have run."}}',
        ]
    return "\n".join(lines) + "\n"


def write_stress(folder: Path) -> Path:
    path = Path(folder) / "stress-60-character-name.yaml"
    path.write_text(stress_yaml(), encoding="utf-8")
    return path
