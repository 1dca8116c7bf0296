"""Pseudonyms for a calibration cycle: every candidate becomes "Candidate A", "Candidate B",
..., managers "Manager 1", ..., quote authors "Colleague 1", ...; every occurrence of any
of their names in any free text is replaced; link URLs are reduced to their host; item ids
are renumbered (they are often derived from titles). Pure: evidence in, evidence out; or, for
matched cases, results in, results out with the judgement made on the real files.

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

from .evidence import Assessment, Candidate, Evidence, Link, Recommendation
from .matching import Result


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
    """A quote's author as (name, role): 'Alex Kim, EM' -> ('Alex Kim', ', EM');
    'Kim, Alex (EM)' -> ('Kim Alex', ' (EM)') — a single word, a comma and a capitalised word
    is read as "Last, First"."""
    name, sep, rest = author.partition(",")
    name = name.strip()
    if not sep:
        return name, ""
    first = re.match(r"\s*([^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*)(?=\s*(?:\(|$))", rest)
    if len(name.split()) == 1 and first and first.group(1)[0].isupper() and not first.group(1).isupper():
        return f"{name} {first.group(1)}", rest[first.end():]
    return name, sep + rest


# Common words that are also first or last names: in lower case they stay words ("will",
# "may", "mark"); capitalised, they are still replaced.
_COMMON = {"will", "may", "mark", "grant", "bill", "rose", "hope", "joy", "faith", "june", "april", "august",
           "sage", "rich", "long", "young", "brown", "green", "white", "black", "gray", "grey", "king", "love",
           "price", "hunter", "baker", "cook", "carter", "page", "park", "lee", "chase", "dean", "drew", "ray",
           "sun", "moon", "rice", "hill", "wood", "woods", "bell", "case", "house", "lane", "major", "miles",
           "north", "west", "summer", "winter", "storm", "star", "pat", "sam", "max", "art", "don", "gene"}
_APOSTROPHE = "['’]"


class _Replacer:
    """Replaces every known name in text: full names and each of their words (also the
    parts of hyphenated names) in any case — common words only when capitalised — plus
    e-mail addresses and identifier-like tokens (handles, slugs, paths) that contain a name."""

    def __init__(self, names: dict[str, str]):
        full: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        for name, pseudonym in names.items():
            for variant in {name, _fold(name)}:
                if variant.strip():
                    full[_key(variant)] = pseudonym
                words = set(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", variant))
                words |= set(re.findall(r"[^\W\d_]+", variant))
                for word in words:
                    if len(word) >= 2:
                        owners.setdefault(_key(word), set()).add(pseudonym)
        self.full = full
        self.words = {w: (o.pop() if len(o) == 1 else "[name]") for w, o in owners.items()}
        self.parts = sorted((w for w in self.words if len(w) >= 3 and "'" not in w and "-" not in w),
                            key=len, reverse=True)
        self.full_re = _alternation(full)
        self.word_re = _alternation(self.words)

    def __call__(self, text: str) -> str:
        if not text or not self.full:
            return text
        text = _strip_urls(text, self)
        text = _EMAIL.sub("[email]", text)
        text = _TOKEN.sub(self._token, text)
        text = self.full_re.sub(lambda m: self.full[_key(m.group(0))], text)
        return self.word_re.sub(self._word, text)

    def _word(self, m: re.Match) -> str:
        found = m.group(0)
        if found.islower() and _key(found) in _COMMON:
            return found
        return self.words[_key(found)]

    def _token(self, m: re.Match) -> str:
        token = m.group(0).lower()
        return "[name]" if any(part in token for part in self.parts) else m.group(0)

    def has_name(self, text: str) -> bool:
        low = text.lower()
        return any(part in low for part in self.parts)

    def host(self, url: str) -> str:
        """A URL reduced to its host, or nothing when the host itself carries a name."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower()
        except ValueError:
            return ""
        if not host or self.has_name(host):
            return ""  # a personal domain would give the name away
        return host


def _key(text: str) -> str:
    """How names are compared: case, spacing and the kind of apostrophe do not matter."""
    return " ".join(text.replace("’", "'").split()).lower()


def _alternation(table: dict[str, str]) -> re.Pattern:
    keys = sorted(table, key=len, reverse=True)
    body = "|".join(re.escape(k).replace("\\ ", r"\s+").replace("'", _APOSTROPHE) for k in keys) or "(?!)"
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# handles, slugs, file names and paths: a run with a separator such as - _ . / # @ in it
_TOKEN = re.compile(r"[\w#@]*(?:[-_./#@][\w]+)+[\w]*")
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
        if ev.assessment is not None:
            register(_person(ev.assessment.by)[0], "manager", "Manager", ev.path)
        for item in ev.items:
            for quote in item.quotes:
                register(_person(quote.author)[0], "colleague", "Colleague", ev.path)
    scrub = _Replacer(names)

    out = []
    for i, ev in enumerate(evidences):
        items = []
        for n, item in enumerate(ev.items, start=1):
            links = tuple(Link(scrub(link.title) if link.title != link.url else (scrub.host(link.url) or "link"),
                               scrub.host(link.url)) for link in item.links)
            quotes = tuple(replace(q, text=scrub(q.text), author=_quote_author(q.author, names, scrub))
                           for q in item.quotes)
            items.append(replace(item, id=f"e{n}", title=scrub(item.title), description=scrub(item.description),
                                 links=links, quotes=quotes, where=None, quote_lines=()))
        cand = ev.candidate
        candidate = Candidate(labels[i], cand.current_level, cand.target_level, scrub(cand.role),
                              names.get(cand.manager.strip(), "") if cand.manager else "")
        assessment = ev.assessment and Assessment(
            _quote_author(ev.assessment.by, names, scrub), scrub(ev.assessment.overall),
            tuple((area, scrub(text)) for area, text in ev.assessment.areas))
        recommendation = ev.recommendation and Recommendation(ev.recommendation.decision,
                                                              scrub(ev.recommendation.rationale))
        development = tuple(replace(step, plan=scrub(step.plan)) for step in ev.development)
        out.append(replace(ev, path=labels[i], candidate=candidate, items=tuple(items),
                           summary=scrub(ev.summary), self_assessment=scrub(ev.self_assessment),
                           assessment=assessment, recommendation=recommendation, values=scrub(ev.values),
                           development=development, raw=b""))  # the source holds the names
    return out, key


def _quote_author(author: str, names: dict[str, str], scrub: _Replacer) -> str:
    person, role = _person(author)
    return (names.get(person, scrub(person)) + scrub(role)) if author else ""


def anonymize_results(results: list[Result]) -> tuple[list[Result], list[KeyRow]]:
    """Pseudonymise matched cases. Statuses, strength and flags stay those judged on the real
    files: a pseudonym must never change them (a "Colleague 18" is not a quantity)."""
    evidences, key = anonymize([r.evidence for r in results])
    return [_renamed(r, ev) for r, ev in zip(results, evidences)], key


def _renamed(result: Result, evidence: Evidence) -> Result:
    """`result` over the pseudonymised `evidence` (same items in the same order, new ids)."""
    ids = {old.id: new.id for old, new in zip(result.evidence.items, evidence.items)}

    def renamed(refs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(ids[i] for i in refs)

    return replace(
        result, evidence=evidence,
        expectations=tuple(replace(c, evidence=renamed(c.evidence), stale=renamed(c.stale),
                                   lending=renamed(c.lending)) for c in result.expectations),
        beyond_target=tuple(replace(s, evidence=renamed(s.evidence)) for s in result.beyond_target),
        untagged=renamed(result.untagged), stale=renamed(result.stale),
        item_strength=tuple(replace(s, id=ids[s.id], duplicate_of=ids.get(s.duplicate_of, ""))
                            for s in result.item_strength))
