"""Generate N synthetic, valid evidence files (seeded, so the same N and seed give the
same files) for handout benchmarks and load tests.

    .venv/bin/python bench/generate_evidence.py 50 /tmp/cycle --seed 7
"""
from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Indra", "Jules", "Kai",
         "Leslie", "Marlo", "Noor", "Oakley", "Parker", "Quinn", "Reese", "Sasha", "Tatum", "Uma"]
LAST = ["Abara", "Bergström", "Castillo", "Dimitrov", "Eze", "Fujita", "Gallo", "Haddad", "Ivanova",
        "Jensen", "Kowalski", "Lindholm", "Moreau", "Nakashima", "Okonjo", "Petrov", "Quispe", "Rossi"]
VERBS = ["Launched", "Shipped", "Led", "Redesigned", "Migrated", "Negotiated", "Ran", "Wrote", "Drove"]
THINGS = ["code search ranking", "the batch changes UI", "SSO for enterprise", "the usage dashboard",
          "a pricing experiment", "the onboarding flow", "an API deprecation", "the quarterly roadmap",
          "a customer advisory board", "the incident review process", "the AI context API"]


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def evidence_file(rng: random.Random, ids_by_level: dict[str, list[str]], n: int) -> str:
    levels = ["ic2", "ic3", "ic4", "ic5"]
    target = rng.choice(levels[1:])
    current = levels[levels.index(target) - 1]
    pool = [i for lv in ["all"] + levels[: levels.index(target) + 1] for i in ids_by_level[lv]]
    above = [i for lv in levels[levels.index(target) + 1:] for i in ids_by_level[lv]]
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    manager = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    start = date(2025, 7, 1)
    lines = [f"candidate:\n  name: {q(name)}\n  current_level: {current}\n  target_level: {target}",
             f"  role: {q('Product Manager, ' + rng.choice(THINGS).title())}\n  manager: {q(manager)}",
             "period:\n  start: 2025-07-01\n  end: 2026-06-30",
             f"summary: |\n  {name.split()[0]} had a strong year: **{rng.randint(5, 40)}%** more adoption "
             f"and a clearer roadmap.\n\n  - shipped {rng.randint(2, 9)} launches\n  - mentored {rng.randint(0, 3)} people",
             "evidence:"]
    for i in range(n):
        cites = rng.sample(pool, rng.randint(1, 4)) + (rng.sample(above, 1) if above and rng.random() < 0.1 else [])
        day = start + timedelta(days=rng.randint(-30, 360))
        title = f"{rng.choice(VERBS)} {rng.choice(THINGS)}"
        lines.append(f"  - id: item-{i + 1}\n    title: {q(title)}\n    date: {day}\n"
                     f"    expectations: [{', '.join(cites)}]\n"
                     f"    description: |\n      {title} with {rng.randint(2, 12)} teams; "
                     f"metric moved **{rng.randint(3, 60)}%**. {name.split()[0]} wrote the plan.\n"
                     f"    links:\n      - {{title: Doc, url: \"https://docs.example.com/{i}\"}}\n"
                     f"    quotes:\n      - {{from: {q(rng.choice(FIRST) + ' ' + rng.choice(LAST) + ', EM')}, "
                     f"text: \"Great work with {name.split()[0]}.\"}}")
    return "\n".join(lines) + "\n"


def generate(count: int, folder: Path, seed: int = 7, items: int = 14) -> list[Path]:
    from packetgen.loading.framework import load_framework

    fw = load_framework()
    ids_by_level = {lv.id: [e.id for e in fw.own(lv.id)] for lv in fw.levels}
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"candidate-{n + 1:03d}.yaml"
        path.write_text(evidence_file(rng, ids_by_level, items), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--items", type=int, default=14)
    args = parser.parse_args()
    print(f"wrote {len(generate(args.count, args.folder, args.seed, args.items))} files to {args.folder}")
