"""Words that still look like given names after replacing: warned about, never guessed from.
"""
from __future__ import annotations

import re
from functools import lru_cache

from packetgen.committee.names import COMMON_WORD_NAMES, MONTHS, SENTENCE_START, Report

# --- given names (to warn about, never to guess anything from) -----------------------------

@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names in every locale of Faker's person data (a well-kept package): used only to
    point at words that may be people's names, never to guess anyone's gender."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    found: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{module.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
                     "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female"):
            values = provider.__dict__.get(attr) if provider else None
            if isinstance(values, dict):
                values = values.keys()
            if isinstance(values, (list, tuple, set, frozenset, type({}.keys()))):
                found.update(v for v in values if isinstance(v, str) and len(v) >= 2)  # Jun, Li, Bo too
    return frozenset(found)


_CALENDAR = {m.capitalize() for m in MONTHS} | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                                 "Sunday"}
# two-letter words that are also given names somewhere ("An", "Bo", "Jo"): only the English words among them
_SHORT_WORDS = {"an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my", "no", "of",
                "on", "or", "so", "to", "up", "us", "we"}
_ABBREVIATED_MONTHS = {m[:3].capitalize() for m in MONTHS}  # "Jun 3" is a date, "Jun wrote" a person
# a capitalised word in any alphabet (Zoë, Łukasz, Søren), with a hyphenated second part
_CAPITALISED = re.compile(r"(?<![\w@.-])([^\W\d_][^\W\d_]+(?:-[^\W\d_]+)?)(?![\w@-])")


def _common_word_here(text: str, start: int, end: int) -> bool:
    """A name that is also a word ("Will", "North") reads as a word at the start of a sentence or
    inside a capitalised phrase ("North Star metric")."""
    return bool(SENTENCE_START.search(text[:start]) or re.search(r"[A-Z][\w'’-]*\s+$", text[:start])
                or re.match(r"\s+[A-Z]", text[end:]))


def note_given_names(texts, report: Report) -> None:
    """Count capitalised words that are given names, except where they are plainly words: written
    in lower case elsewhere in the cycle ("mentor", "beta"), or a name that is also a common word
    where it reads as a word (see `_common_word_here`)."""
    names = given_names()
    texts = [t for t in texts if t]
    lower = {w for t in texts for w in re.findall(r"\b[^\W\d_][\w-]+\b", t) if w.islower()}
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            word = m.group(1)
            if not (word[:1].isupper() and all(p[:1].isupper() and p[1:].islower() for p in word.split("-"))):
                continue
            if word.lower() in _SHORT_WORDS or (word in _ABBREVIATED_MONTHS and re.match(r"\s*\d", text[m.end():])):
                continue
            if (word in names and word not in _CALENDAR and word not in ("Candidate", "Manager", "Colleague")
                    and word.lower() not in lower
                    and not (word.lower() in COMMON_WORD_NAMES and _common_word_here(text, m.start(), m.end()))):
                report.given_names[word] += 1
