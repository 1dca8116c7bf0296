"""Pseudonyms for a calibration cycle: every candidate becomes "Candidate A", "Candidate B",
..., managers "Manager 1", ..., quote authors "Colleague 1", ...; every occurrence of any
of their names in any free text is replaced; link URLs are reduced to their host; item ids
are renumbered (they are often derived from titles). Pure: evidence in, evidence out.

Letters are assigned by a hash of each candidate's name and file content, so the same
input set gets the same pseudonyms whatever order the files are given in.
"""
from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .evidence import Candidate, Evidence, Item, Link, Quote


@dataclass(frozen=True)
class KeyRow:
    pseudonym: str
    kind: str  # candidate, manager, colleague
    name: str
    source: str  # the evidence file(s)


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _person(author: str) -> tuple[str, str]:
    """'Alex Kim, EM' -> ('Alex Kim', ', EM'); a quote's author is a name and maybe a role."""
    name, sep, role = author.partition(",")
    return name.strip(), (sep + role) if sep else ""


class _Replacer:
    """Replaces every known name in text: full names in any case, then their single words
    as capitalised in the name or in capitals ("Jordan", "JORDAN"; not "will" for a
    "Will"), so common words survive and names do not."""

    def __init__(self, names: dict[str, str]):
        full: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        for name, pseudonym in names.items():
            for variant in {name, _fold(name)}:
                if variant.strip():
                    full[" ".join(variant.split()).lower()] = pseudonym
            for word in re.findall(r"[^\W\d_][\w'’-]*", name):
                if len(word) >= 2:
                    for variant in {word, _fold(word), word.upper(), _fold(word).upper()}:
                        owners.setdefault(variant, set()).add(pseudonym)
        words = {w: (o.pop() if len(o) == 1 else "[name]") for w, o in owners.items()}
        self.full, self.words = full, words
        self.lower_words = {w.lower() for w in words}
        self.full_re = _alternation(full, re.IGNORECASE)
        self.word_re = _alternation(words, 0)

    def __call__(self, text: str) -> str:
        if not text or not self.full:
            return text
        text = _strip_urls(text, self)
        text = self.full_re.sub(lambda m: self.full[" ".join(m.group(0).split()).lower()], text)
        return self.word_re.sub(lambda m: self.words[m.group(0)], text)

    def host(self, url: str) -> str:
        """A URL reduced to its host, or nothing when the host itself carries a name."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower()
        except ValueError:
            return ""
        if not host or any(w in host for w in self.lower_words if len(w) >= 3):
            return ""  # a personal domain would give the name away
        return host


def _alternation(table: dict[str, str], flags: int) -> re.Pattern:
    keys = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(k).replace("\\ ", r"\s+") for k in keys) or "(?!)"
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", flags)


_MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]*)>", re.IGNORECASE)
_BARE_URL = re.compile(r"\b(?:https?://|mailto:|www\.)[^\s)>\]]+", re.IGNORECASE)


def _strip_urls(text: str, names: _Replacer) -> str:
    """Markdown links keep their text, URLs become their host (names can hide in paths)."""
    def host_note(url: str) -> str:
        host = names.host(url)
        return f" ({host})" if host else ""

    text = _MD_LINK.sub(lambda m: f"{m.group(2)}{host_note(m.group(3))}", text)
    text = _AUTOLINK.sub(lambda m: names.host(m.group(1)) or "[link]", text)
    return _BARE_URL.sub(lambda m: names.host(m.group(0) if "://" in m.group(0) else "http://" + m.group(0))
                         or "[link]", text)


def anonymize(evidences: list[Evidence]) -> tuple[list[Evidence], list[KeyRow]]:
    """Pseudonymise a cycle (letters follow a hash of each name and file, not input order)."""
    order = sorted(range(len(evidences)), key=lambda i: hashlib.sha256(
        evidences[i].candidate.name.encode() + b"\0" + evidences[i].raw).hexdigest())
    names: dict[str, str] = {}
    key: list[KeyRow] = []
    labels: dict[int, str] = {}
    for n, i in enumerate(order):
        label = f"Candidate {letters(n)}"
        labels[i] = label
        names.setdefault(evidences[i].candidate.name, label)
        key.append(KeyRow(label, "candidate", evidences[i].candidate.name, evidences[i].path))

    def register(person: str, kind: str, prefix: str, source: str) -> None:
        if person and person not in names:
            count = sum(row.kind == kind for row in key) + 1
            names[person] = f"{prefix} {count}"
            key.append(KeyRow(names[person], kind, person, source))

    for i in order:
        ev = evidences[i]
        register(ev.candidate.manager.strip(), "manager", "Manager", ev.path)
        for item in ev.items:
            for quote in item.quotes:
                register(_person(quote.author)[0], "colleague", "Colleague", ev.path)
    scrub = _Replacer(names)

    out = []
    for i, ev in enumerate(evidences):
        items = []
        for n, item in enumerate(ev.items, start=1):
            links = tuple(Link(scrub(link.title), scrub.host(link.url)) for link in item.links)
            quotes = tuple(Quote(scrub(q.text), _quote_author(q.author, names, scrub)) for q in item.quotes)
            items.append(Item(f"e{n}", scrub(item.title), item.date, item.expectations,
                              scrub(item.description), links, quotes))
        cand = ev.candidate
        candidate = Candidate(labels[i], cand.current_level, cand.target_level, scrub(cand.role),
                              names.get(cand.manager.strip(), "") if cand.manager else "")
        out.append(replace(ev, path=labels[i], candidate=candidate, items=tuple(items),
                           summary=scrub(ev.summary), raw=b""))  # the source holds the names
    return out, key


def _quote_author(author: str, names: dict[str, str], scrub: _Replacer) -> str:
    person, role = _person(author)
    return (names.get(person, scrub(person)) + scrub(role)) if author else ""
