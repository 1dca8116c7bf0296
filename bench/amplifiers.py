"""Small inputs that ask for a large packet (issue 15's red-team reproducers), written to a folder:
each is a file or a folder (framework + evidence) that `limits_bench.py` renders under a clock and
a memory meter. The corpus copies of the small ones live in tests/hostile/.

    .venv/bin/python bench/amplifiers.py OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

HEADER = """framework: sourcegraph-pm
candidate: {name: Amp Lifier, current_level: ic3, target_level: ic4}
period: {start: 2025-07-01, end: 2026-06-30}
"""


def ic4_ids() -> list[str]:
    from packetgen.loading.framework import load_framework

    return [e.id for e in load_framework().cumulative("ic4")]


def alias_citations(copies: int) -> str:
    """One item citing every IC4 expectation, anchored, then repeated by alias."""
    first = ("evidence:\n  - &i\n    title: Did everything\n    date: 2026-03-01\n"
             f"    expectations: [{', '.join(ic4_ids())}]\n")
    return HEADER + first + "  - *i\n" * copies


def long_text_by_alias(copies: int) -> str:
    """A 100,000-character description, anchored once and repeated."""
    body = "word " * 20_000
    first = ("evidence:\n  - &i\n    title: Long\n    date: 2026-03-01\n    expectations: [ic4.impact.1]\n"
             f"    description: {body}\n")
    return HEADER + first + "  - *i\n" * copies


def long_word() -> str:
    return HEADER + ("evidence:\n  - title: One long word\n    date: 2026-03-01\n    expectations: [ic4.impact.1]\n"
                     f"    description: {'x' * 99_000}\n")


def inline_run(chars: int) -> str:
    """A summary of `*a*` repeated: thousands of <em>s with no space between them."""
    return HEADER + f"summary: \"{'*a*' * (chars // 3)}\"\nevidence: []\n"


def framework(levels: int, description_chars: int) -> str:
    lines = ["id: big", "name: Big ladder", "areas:",
             f"  - {{id: craft, name: Craft, description: {'d' * description_chars}}}", "levels:"]
    lines += [f"  - {{id: l{n}, name: L{n}}}" for n in range(1, levels + 1)]
    lines += ["expectations:"] + [f"  l{n}:\n    craft: [Does level {n} work.]" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def big_framework_evidence(levels: int) -> str:
    return (f"framework: ladder.yaml\ncandidate: {{name: Amp Lifier, current_level: l{levels - 1}, "
            f"target_level: l{levels}}}\nevidence:\n  - title: Work\n    date: 2026-03-01\n"
            f"    expectations: [l{levels}.craft.1]\n")


def unknown_ids(framework_levels: int, unknown: int) -> tuple[str, str]:
    fw = ["id: wide", "name: Wide ladder", "areas:"] + [f"  - {{id: area{a}, name: Area {a}}}" for a in range(20)]
    fw += ["levels:", "  - {id: one, name: One}", "  - {id: two, name: Two}", "expectations:"]
    for level in ("one", "two"):
        fw.append(f"  {level}:")
        for a in range(20):
            fw.append(f"    area{a}: [" + ", ".join(f"Expectation {level} {a} {n}" for n in range(framework_levels)) + "]")
    items = []
    for first in range(0, unknown, 100):  # at most 100 on one item
        refs = ", ".join(f"two.area{n % 20}.x{n}" for n in range(first, min(first + 100, unknown)))
        items.append(f"  - title: Work {first}\n    date: 2026-03-01\n    expectations: [{refs}]\n")
    ev = ("framework: ladder.yaml\ncandidate: {name: Amp Lifier, current_level: one, target_level: two}\n"
          "evidence:\n" + "".join(items))
    return "\n".join(fw) + "\n", ev


def at_limit_citations_and_text() -> str:
    """Just under evidence.MAX_LAYOUT: 1,000 items with 4 citations and about 350 characters each
    (no alias: every item is written out)."""
    ids = ic4_ids()
    words = ("Shipped the ranking change to every customer after a staged rollout; latency fell "
             "and adoption rose across teams. ") * 8
    items = [f"  - title: Item {n}\n    date: 2026-03-01\n    expectations: [{', '.join(ids[(n * 4 + k) % 48] for k in range(4))}]\n"
             f"    description: {words[:330]}\n" for n in range(1000)]
    return HEADER + "evidence:\n" + "".join(items)


def at_limit_long_texts() -> str:
    """Twenty-four items of 97,000 characters each: about MAX_LAYOUT in long paragraphs."""
    para = ("The migration moved every repository to the new index; " * 1800)[:97_000]
    first = f"  - &i\n    title: Long item\n    date: 2026-03-01\n    expectations: [ic4.impact.1]\n    description: {para}\n"
    return HEADER + "evidence:\n" + first + "  - *i\n" * 23  # an alias: the file stays under its 2 MB


def at_limit_framework() -> tuple[str, str]:
    """20 levels × 20 areas × 5 expectations (framework.MAX_* ), the candidate aiming at the top."""
    fw = ["id: wide", "name: Wide ladder", "areas:"] + [f"  - {{id: a{a}, name: Area {a}}}" for a in range(20)]
    fw += ["levels:"] + [f"  - {{id: l{n}, name: L{n}}}" for n in range(1, 21)] + ["expectations:"]
    for n in range(1, 21):
        fw.append(f"  l{n}:")
        for a in range(20):
            fw.append(f"    a{a}: [" + ", ".join(f"L{n} a{a} e{k}" for k in range(5)) + "]")
    ev = ("framework: ladder.yaml\ncandidate: {name: Amp Lifier, current_level: l19, target_level: l20}\nevidence:\n"
          + "".join(f"  - title: Work {n}\n    date: 2026-03-01\n    expectations: [l20.a{n % 20}.{n % 5 + 1}]\n"
                    for n in range(20)))
    return "\n".join(fw) + "\n", ev


def write_all(out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    cases: dict[str, Path] = {}

    def put(name: str, text: str, folder: str | None = None, ladder: str | None = None) -> None:
        where = out / folder if folder else out
        where.mkdir(parents=True, exist_ok=True)
        if ladder is not None:
            (where / "ladder.yaml").write_text(ladder, encoding="utf-8")
        path = where / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        cases[name] = path

    put("alias-citations-2k5", alias_citations(400))
    put("alias-citations-7k", alias_citations(880))
    put("long-text-by-alias", long_text_by_alias(60))
    put("long-word", long_word())
    put("inline-run", inline_run(16_000))
    put("framework-1000-levels", big_framework_evidence(1000), "fw1000", framework(1000, 0))
    put("framework-30-levels-100k-description", big_framework_evidence(30), "fw30", framework(30, 99_000))
    ladder, ev = unknown_ids(48, 1000)  # 1,920 expectations: under framework.MAX_EXPECTATIONS
    put("unknown-ids-1000", ev, "unknown", ladder)
    put("at-limit-citations-and-text", at_limit_citations_and_text())
    put("at-limit-long-texts", at_limit_long_texts())
    ladder, ev = at_limit_framework()
    put("at-limit-framework", ev, "wide", ladder)
    return cases


if __name__ == "__main__":
    for name, path in write_all(Path(sys.argv[1])).items():
        print(f"{name:40} {path.stat().st_size:>9,} bytes  {path}")
