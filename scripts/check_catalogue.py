"""Compare catalogues with the English one: every key present, no key of its own, and each
message using exactly the placeables ({ $name }) the English one does. Then format every
message of each catalogue with sample values, so a broken selector shows here, not in a packet.

    .venv/bin/python scripts/check_catalogue.py [de fr ...]   (default: every installed locale)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from packetgen import catalogue

SAMPLE = {"n": 2, "total": 10, "met": 4, "thin": 2, "gap": 1, "have": 1, "needed": 2, "items": 3, "outside": 1,
          "counting": 2, "min": 2, "days": 60, "concerns": 1, "evidenced": 30, "backed": 1, "late": 3,
          "line": 12, "page": 3, "pages": 9, "anonymized": "no", "areas": "Impact 2"}


class _Variables(Visitor):
    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node):
        self.names.add(node.id.name)


def variables(message: ast.Message) -> set[str]:
    found = _Variables()
    found.visit(message)
    return found.names


def messages(path: Path) -> dict[str, ast.Message]:
    resource = FluentParser().parse(path.read_text(encoding="utf-8"))
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    if junk:
        raise SystemExit(f"{path}: not Fluent: {junk[0].annotations[0].message if junk[0].annotations else junk[0]}")
    return {e.id.name: e for e in resource.body if isinstance(e, ast.Message)}


def problems(code: str) -> list[str]:
    have = catalogue.installed()
    english, other = messages(have["en"]), messages(have[code])
    out = [f"{code}: missing {key}" for key in english if key not in other]
    out += [f"{code}: unknown key {key}" for key in other if key not in english]
    for key, message in other.items():
        if key in english and variables(message) != variables(english[key]):
            out.append(f"{code}: {key} uses {sorted(variables(message))}, English {sorted(variables(english[key]))}")
    words = catalogue.load(code)
    for key in other:
        if key.startswith("locale-"):
            continue
        args = {name: SAMPLE.get(name, "X") for name in variables(other[key])}
        for n in (0, 1, 2, 5, 21):
            try:
                words(key, **{k: (n if isinstance(v, int) else v) for k, v in args.items()})
            except Exception as exc:
                out.append(f"{code}: {key} with {n}: {exc}")
                break
    return out


def main(codes: list[str]) -> int:
    found = [p for code in (codes or [c for c in catalogue.installed() if c != "en"]) for p in problems(code)]
    print("\n".join(found) or "every catalogue has every key, with the English placeables")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
