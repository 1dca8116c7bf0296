"""`packetgen locales`: what is installed, in words a company choosing a language needs."""
from __future__ import annotations


def locale_rows() -> list[dict]:
    """One row per installed catalogue: its tag, its name in its own language, its direction,
    whether the writing review has word lists in that language, and its file."""
    from packetgen import catalogue
    from packetgen.analysis.fairness import word_list_languages

    lists = word_list_languages()
    rows = []
    for code, path in catalogue.installed().items():
        words = catalogue.load(code)
        rows.append({"locale": code, "name": words.name, "direction": words.direction,
                     "cldr": str(words.cldr), "review_word_lists": code in lists, "catalogue": str(path)})
    return rows


def locale_table(rows: list[dict]) -> str:
    lines = [f"{'locale':<8}{'name':<12}{'direction':<11}{'writing review word lists':<27}catalogue"]
    for row in rows:
        lists = "yes" if row["review_word_lists"] else "English lists only"
        lines.append(f"{row['locale']:<8}{row['name']:<12}{row['direction']:<11}{lists:<27}{row['catalogue']}")
    lines.append("Add a language or your own wording: render --locale TAG --catalogue FILE (see locales/en.ftl).")
    return "\n".join(lines)
