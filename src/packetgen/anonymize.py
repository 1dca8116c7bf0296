"""Pseudonyms for a calibration cycle (contract section 7): every candidate becomes "Candidate A",
"Candidate B", ..., managers "Manager 1", ..., quote authors and everyone on a roster
(`--redact-names`) "Colleague 1", ...; every occurrence of any of their names in any text is
replaced; gendered pronouns and titles become neutral; link URLs are reduced to their host;
item ids are renumbered (they are often derived from titles). Pure: evidence in, evidence out,
plus a report of what may still give someone away.

Names are matched on the text as the reader will see it: entities resolved, invisible
characters removed, Unicode normalised, Markdown emphasis inside a word unwrapped, and accents
folded on both sides; inside glued forms too (CamelCase, a genitive "s", handles, e-mail
addresses, file names and hosts, punycode included). A name that is also a common word (April,
Will, Grace, Hope) is replaced only where it stands as a name; what cannot be decided is
reported. Not handled: initials, nicknames, inflected forms ("Priyas" in another language).

Letters are assigned by a hash of each candidate's name and file content, so the same input
set gets the same pseudonyms whatever order the files are given in.
"""
from __future__ import annotations

import hashlib
import html
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlsplit

from .evidence import Assessment, Candidate, Evidence, Link, Recommendation
from .framework import Framework
from .matching import Result


@dataclass(frozen=True)
class KeyRow:
    pseudonym: str
    kind: str  # candidate, manager, colleague
    name: str
    source: str  # the evidence file(s), or the roster


@dataclass
class Report:
    """What the pseudonymised texts may still give away, for the administrator (stderr only)."""

    given_names: Counter = field(default_factory=Counter)  # capitalised words in a list of given names
    undecided: Counter = field(default_factory=Counter)  # a name that is also a word, kept as a word


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


# --- the text as a reader sees it -------------------------------------------------------------

_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u206a-\u206f\ufeff]")
_INTRAWORD_EMPHASIS = re.compile(r"(?<=[^\W\d_])(\*\*|__|\*|_)([^\s*_]+?)\1|(\*\*|__|\*|_)([^\s*_]+?)\3(?=[^\W\d_])")


def readable(text: str) -> str:
    """`text` as a reader will see it: entities resolved (`Pri&#121;a`), invisible characters
    removed (`Pri\\u00ADya`), NFC, Markdown emphasis inside a word unwrapped (`**Pri**ya`)."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", html.unescape(text)))
    while True:
        joined = _INTRAWORD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
        if joined == text:
            return text
        text = joined


def _fold_char(ch: str) -> str:
    """One character for one character: accents dropped, other Latin letters spelled plainly."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        return ch
    if not base.isascii() and base.isalpha() and unicodedata.name(base, "").startswith("LATIN"):
        from anyascii import anyascii

        plain = anyascii(base)
        return plain[0] if plain else base
    return base


def fold(text: str) -> str:
    """Accents folded, the same length as `text` (positions in one are positions in the other)."""
    return "".join(_fold_char(c) for c in text)


def _cjk(text: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for c in text)


# --- names ----------------------------------------------------------------------------------

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


# Names that are also common words: replaced only where they stand as names.
_COMMON = {"will", "may", "mark", "grant", "bill", "rose", "hope", "joy", "faith", "june", "april", "august",
           "grace", "frank", "sage", "rich", "long", "young", "brown", "green", "white", "black", "gray", "grey",
           "king", "love", "price", "hunter", "baker", "cook", "carter", "page", "park", "lee", "chase", "dean",
           "drew", "ray", "sun", "moon", "rice", "hill", "wood", "woods", "bell", "case", "house", "lane", "major",
           "miles", "north", "west", "summer", "winter", "storm", "star", "pat", "sam", "max", "art", "don", "gene",
           "march", "dawn", "iris", "penny", "sky", "river", "forest", "hunter", "victor", "patience", "honor"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}
# words that make a month of a following month-name ("in April"); "by" and "of" only in the
# phrases below, since "led by April" and "a note of April's" are about a person
_BEFORE_MONTH = {"in", "since", "until", "till", "early", "late", "mid", "through", "during", "last", "next", "this",
                 "each", "every", "before", "after"}
_MONTH_PHRASE = re.compile(r"(?:\b(?:end|start|beginning|middle|half|rest)\s+of|\b(?:due|ready|done|shipped|live|"
                           r"finished|complete|completed|launched|delivered|out)\s+by)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*+]\s+|\d+[.)]\s+)?|[\"“(]\s*)$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_APOSTROPHE = "['’]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# handles, slugs, file names and paths: a run with a separator such as - _ . / # @ in it
_TOKEN = re.compile(r"[\w#@]*(?:[-_./#@][\w]+)+[\w]*")
_MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]*)>", re.IGNORECASE)
_BARE_URL = re.compile(r"\b(?:https?://|mailto:|www\.)[^\s)>\]]+", re.IGNORECASE)


def _key(text: str) -> str:
    """How names are compared: case, accents, spacing and the kind of apostrophe do not matter."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).replace("’", "'").split()).lower()


class _Replacer:
    """Replaces every known name in a text (see the module's description)."""

    def __init__(self, names: dict[str, str], report: Report | None = None):
        self.report = report if report is not None else Report()
        variants: dict[str, set[str]] = {}  # folded, lower-case variant -> pseudonyms
        self.full: set[str] = set()
        for name, pseudonym in names.items():
            folded = _key(name)
            if not folded:
                continue
            words = [w for w in re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", folded)]
            forms = {folded, "".join(words)} | set(words) | {p for w in words for p in w.split("-") if len(p) >= 2}
            for form in forms:
                if len(form) >= 2 or _cjk(form):
                    variants.setdefault(form, set()).add(pseudonym)
            self.full |= {folded, "".join(words)}
        self.words = {v: (o.pop() if len(o) == 1 else "[name]") for v, o in variants.items()}
        # long enough to find inside handles, paths and hosts without matching ordinary words
        self.parts = sorted((v for v in self.words if len(v) >= 3 or (v in self.full and len(v) >= 4)
                             or _cjk(v)), key=len, reverse=True)
        keys = sorted(self.words, key=len, reverse=True)
        body = "|".join(re.escape(k).replace("\\ ", r"\s+").replace("'", _APOSTROPHE) for k in keys) or "(?!)"
        self.pattern = re.compile(body, re.IGNORECASE)

    def __call__(self, text: str) -> str:
        if not text or not self.words:
            return text
        text = readable(text)
        text = _strip_urls(text, self)
        text = _EMAIL.sub("[email]", text)
        text = _TOKEN.sub(self._token, text)
        return self._names(text)

    # names in running text, on the folded text so accents on either side do not matter
    def _names(self, text: str) -> str:
        folded = fold(text)
        out, last = [], 0
        for m in self.pattern.finditer(folded):
            start, end = m.span()
            found = folded[start:end]
            cjk = _cjk(found)
            before = folded[start - 1] if start else ""
            after = folded[end] if end < len(folded) else ""
            suffix = ""
            if not cjk:
                if before.isalnum() and not (before.islower() and found[:1].isupper()):
                    continue  # inside a longer word ("Kimberly" holds "Kim"), unless CamelCase ("RamanPriya")
                if after.isalnum():
                    rest = folded[end:end + 2]
                    if rest[:1] == "s" and not rest[1:2].isalnum():
                        suffix, end = "’s", end + 1  # a genitive without its apostrophe ("Lamberts")
                    elif not (after.isupper() and not found.isupper()):
                        continue  # glued to a lower-case letter: another word
            key = " ".join(found.lower().replace("’", "'").split())
            if not cjk and not self._stands_as_name(text, start, end, key):
                continue
            out.append(text[last:start] + self.words.get(key, "[name]") + suffix)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _stands_as_name(self, text: str, start: int, end: int, key: str) -> bool:
        if key not in _COMMON:
            return True
        word = text[start:end]
        if word.islower():
            return False  # "with grace", "will ship"
        after = _WORD_AFTER.match(text, end)
        next_word = after.group(1) if after else ""
        if key in _MONTHS:
            prev = re.search(r"([^\W\d_]+)\s+$", text[:start])
            if (re.match(r"\s*(?:\d{1,2}\b|\d{4}\b)", text[end:]) or _MONTH_PHRASE.search(text[:start])
                    or (prev and prev.group(1).lower() in _BEFORE_MONTH)):
                return False  # "in April", "May 3", "June 2026"
        if _SENTENCE_START.search(text[:start]) and next_word[:1].islower() and not re.search(
                r"(?:ed|'s|’s)$", next_word):
            self.report.undecided[f"{word} {next_word}"] += 1
            return False  # "Will ship the beta", "Hope this helps": kept as words, and reported
        return True

    def _token(self, m: re.Match) -> str:
        token = fold(m.group(0)).lower()
        return "[name]" if any(part in token for part in self.parts) else m.group(0)

    def has_name(self, text: str) -> bool:
        low = fold(text).lower()
        return any(part in low for part in self.parts)

    def host(self, url: str) -> str:
        """A URL reduced to its host, or nothing when the host itself carries a name (punycode
        labels are read as the name they spell)."""
        try:
            host = (urlsplit(url.strip()).hostname or "").lower()
        except ValueError:
            return ""
        shown = ".".join(_idna(label) for label in host.split("."))
        if not host or self.has_name(shown) or self.has_name(host):
            return ""  # a personal domain would give the name away
        return host


def _idna(label: str) -> str:
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except (UnicodeError, ValueError):
            return label
    return label


def _strip_urls(text: str, names: _Replacer) -> str:
    """Markdown links keep their text, URLs become their host (names can hide in paths)."""
    def host_note(url: str) -> str:
        host = names.host(url)
        return f" ({host})" if host else ""

    text = _MD_LINK.sub(lambda m: f"{m.group(2)}{host_note(m.group(3))}", text)
    text = _AUTOLINK.sub(lambda m: names.host(m.group(1)) or "[link]", text)
    return _BARE_URL.sub(lambda m: names.host(m.group(0) if "://" in m.group(0) else "http://" + m.group(0))
                         or "[link]", text)


# --- pronouns and titles ----------------------------------------------------------------------

_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
          "hasn't": "haven't", "doesn't": "don't", "is not": "are not", "was not": "were not"}
# a question puts the verb first: "Does she know?" -> "Do they know?"
# (at a sentence's start, or after its wh-word: "the reason is she cares" is no question)
_ASKED = re.compile(r"(?:^|(?<=[.?!:;] )|(?<=[.?!:;]  ))(?P<wh>(?:what|why|how|where|when|who|whom|which)\s+)?"
                    r"(?P<aux>is not|was not|is|was|has|does|isn['’]t|wasn['’]t|hasn['’]t|doesn['’]t)"
                    r"(?P<gap>\s+)(?P<pron>she|he)\b", re.IGNORECASE | re.MULTILINE)
_ADVERB = (r"(?:always|often|never|also|still|usually|really|just|even|already|rarely|sometimes|then|now|nowadays|"
           r"anyways|sideways|upstairs|downstairs|backwards|forwards|afterwards|perhaps|[a-z]+ly)")
_SUBJECT = re.compile(r"\b(?P<pron>she|he)(?:(?P<s>['’]s)\b(?P<has>(?=\s+(?:been|got|gotten|had)\b))?"
                      rf"|\b(?P<gap>\s+(?:{_ADVERB}\s+)?)(?:(?P<aux>is not|was not|is|was|has|does|isn['’]t|wasn['’]t"
                      r"|hasn['’]t|doesn['’]t)|(?P<verb>[a-z]{2,}[^s\W]s))\b|\b)", re.IGNORECASE)
# "she answers" -> "they answer": the present tense's -s comes off a regular verb right after the
# pronoun (or after one adverb: "she always answers"); the spelling rules of English for it
_PLURAL_VERB = ((re.compile(r"(?<=[^aeiou])ies$"), "y"),  # tries -> try
                (re.compile(r"(?:(?<=ss)|(?<=sh)|(?<=ch)|(?<=x)|(?<=zz)|(?<=o))es$"), ""),  # fixes -> fix, goes -> go
                (re.compile(r"s$"), ""))  # answers -> answer
# where the spelling rules above would misspell the verb (a base ending in -e, -s or -z)
_VERB_EXCEPTIONS = {"focuses": "focus", "refocuses": "refocus", "biases": "bias", "aliases": "alias",
                    "finesses": "finesse", "quizzes": "quiz", "whizzes": "whiz", "caches": "cache",
                    "aches": "ache", "dies": "die", "lies": "lie", "ties": "tie", "vies": "vie", "unties": "untie",
                    "belies": "belie", "tiptoes": "tiptoe", "canoes": "canoe", "hoes": "hoe", "toes": "toe"}
_NOT_VERBS = {"always", "sometimes", "perhaps", "nevertheless", "thus", "afterwards", "towards", "besides",
              "hers", "his", "this", "yes", "plus", "less", "unless", "across", "whereas", "its", "nowadays",
              "anyways", "sideways", "upstairs", "downstairs", "backwards", "forwards", "overseas", "indoors",
              "outdoors", "alias", "bonus", "status", "thanks"}


def _plural_verb(word: str) -> str:
    """`word` (a verb's -s form) without its -s, in the case it was written in."""
    low = word.lower()
    if low in _NOT_VERBS:
        return word
    base = _VERB_EXCEPTIONS.get(low)
    if base is None:
        pattern, ending = next((p, e) for p, e in _PLURAL_VERB if p.search(low))
        base = pattern.sub(ending, low)
    if word.isupper():
        return base.upper()
    return base[:1].upper() + base[1:] if word[:1].isupper() else base
_OBJECT = re.compile(r"\b(her|his|him|hers|herself|himself)\b", re.IGNORECASE)
_TITLE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss)\.?\s+(?=[A-Z])")
# after "her", these start a new phrase: "her" is then the object ("thanked her for")
_FUNCTION = {"to", "and", "or", "but", "in", "on", "with", "for", "at", "from", "by", "about", "as", "than",
             "that", "the", "a", "an", "when", "while", "if", "so", "into", "onto", "over", "up", "down", "out",
             "off", "through", "again", "too", "also", "more", "most", "first", "last", "this", "these", "those",
             "because", "before", "after", "until", "since", "who", "which", "what", "how", "why", "where"}


def _case_like(word: str, like: str) -> str:
    if len(like) > 1 and like.isupper():  # SHE -> THEY
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def neutral(text: str) -> str:
    """she/he -> they (with the verb agreeing), her/him -> them, her/his -> their, hers/his ->
    theirs, herself/himself -> themself; Mr, Mrs, Ms and Miss before a name are dropped."""
    if not text:
        return text
    text = _TITLE.sub("", text)

    def subject(m: re.Match) -> str:
        they = _case_like("they", m["pron"])
        if m["s"]:  # she's = she is, or she has before a participle: "she's been" -> "they've been"
            return they + ("’ve" if m["has"] is not None else "’re")
        if m["aux"]:
            aux = m["aux"].replace("’", "'").lower()
            return f"{they}{m['gap']}{_AGREE[aux]}"
        if m["verb"]:
            return f"{they}{m['gap']}{_plural_verb(m['verb'])}"
        return they

    def asked(m: re.Match) -> str:
        aux = _case_like(_AGREE[m["aux"].replace("’", "'").lower()], m["aux"])
        return f"{m['wh'] or ''}{aux}{m['gap']}{_case_like('they', m['pron'])}"

    text = _ASKED.sub(asked, text)
    text = _SUBJECT.sub(subject, text)

    def obj(m: re.Match) -> str:
        word = m.group(1)
        low = word.lower()
        after = _WORD_AFTER.match(text, m.end())
        followed = bool(after) and after.group(1).lower() not in _FUNCTION
        if low in ("herself", "himself"):
            new = "themself"
        elif low == "hers":
            new = "theirs"
        elif low == "him":
            new = "them"
        elif low == "his":
            new = "their" if followed else "theirs"
        else:  # her: "her plan" -> their plan; "thanked her." -> them
            new = "their" if followed else "them"
        return _case_like(new, word)

    return _OBJECT.sub(obj, text)


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
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            values = provider.__dict__.get(attr) if provider else None
            if isinstance(values, dict):
                values = values.keys()
            if isinstance(values, (list, tuple, set, frozenset, type({}.keys()))):
                found.update(v for v in values if isinstance(v, str) and len(v) >= 3)
    return frozenset(found)


_CALENDAR = {m.capitalize() for m in _MONTHS} | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                                 "Sunday"}
_CAPITALISED = re.compile(r"(?<![\w@.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w@-])")


def _common_word_here(text: str, start: int, end: int) -> bool:
    """A name that is also a word ("Will", "North") reads as a word at the start of a sentence or
    inside a capitalised phrase ("North Star metric")."""
    return bool(_SENTENCE_START.search(text[:start]) or re.search(r"[A-Z][\w'’-]*\s+$", text[:start])
                or re.match(r"\s+[A-Z]", text[end:]))


def _note_given_names(texts, report: Report) -> None:
    """Count capitalised words that are given names, except where they are plainly words: written
    in lower case elsewhere in the cycle ("mentor", "beta"), or a name that is also a common word
    where it reads as a word (see `_common_word_here`)."""
    names = given_names()
    texts = [t for t in texts if t]
    lower = {w for t in texts for w in re.findall(r"\b[a-z][a-z-]+\b", t)}
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            word = m.group(1)
            if (word in names and word not in _CALENDAR and word not in ("Candidate", "Manager", "Colleague")
                    and word.lower() not in lower
                    and not (word.lower() in _COMMON and _common_word_here(text, m.start(), m.end()))):
                report.given_names[word] += 1


# --- the cycle --------------------------------------------------------------------------------

def anonymize(evidences: list[Evidence], *, roster: list[str] = (), roster_source: str = "",
              hide_role: bool = False) -> tuple[list[Evidence], list[KeyRow], Report]:
    """Pseudonymise a cycle (letters follow a hash of each name and file, not input order)."""
    evidences, key, report, _ = _anonymize(evidences, roster=roster, roster_source=roster_source,
                                           hide_role=hide_role)
    return evidences, key, report


def _anonymize(evidences: list[Evidence], *, roster, roster_source: str, hide_role: bool):
    order = sorted(range(len(evidences)), key=lambda i: hashlib.sha256(
        evidences[i].candidate.name.encode() + b"\0" + evidences[i].raw).hexdigest())
    names: dict[str, str] = {}
    seen: set[str] = set()
    key: list[KeyRow] = []
    labels: dict[int, str] = {}
    for n, i in enumerate(order):
        label = f"Candidate {letters(n)}"
        labels[i] = label
        names.setdefault(evidences[i].candidate.name, label)
        seen.add(_key(evidences[i].candidate.name))
        key.append(KeyRow(label, "candidate", evidences[i].candidate.name, evidences[i].path))

    def register(person: str, kind: str, prefix: str, source: str) -> None:
        person = readable(person).strip()
        if person and _key(person) not in seen:
            count = sum(row.kind == kind for row in key) + 1
            names[person] = f"{prefix} {count}"
            seen.add(_key(person))
            key.append(KeyRow(names[person], kind, person, source))

    for i in order:
        ev = evidences[i]
        register(ev.candidate.manager, "manager", "Manager", ev.path)
        if ev.assessment is not None:
            register(_person(ev.assessment.by)[0], "manager", "Manager", ev.path)
        for item in ev.items:
            for quote in item.quotes:
                register(_person(quote.author)[0], "colleague", "Colleague", ev.path)
    for person in roster:
        register(person, "colleague", "Colleague", roster_source)
    report = Report()
    replacer = _Replacer(names, report)

    def scrub(text: str) -> str:
        return neutral(replacer(text))

    def who(author: str, *, role: bool = True) -> str:
        """A `from` or `by`: the person's pseudonym, then their role (scrubbed), unless `role` is False."""
        if not author:
            return ""
        person, title = _person(readable(author))
        return replacer(person) + (scrub(title) if role else "")

    out = []
    for i, ev in enumerate(evidences):
        items = []
        for n, item in enumerate(ev.items, start=1):
            links = tuple(Link(scrub(link.title) if link.title != link.url else (replacer.host(link.url) or "link"),
                               replacer.host(link.url)) for link in item.links)
            quotes = tuple(replace(q, text=scrub(q.text), author=who(q.author)) for q in item.quotes)
            items.append(replace(item, id=f"e{n}", title=scrub(item.title), description=scrub(item.description),
                                 links=links, quotes=quotes, where=None, quote_lines=()))
        cand = ev.candidate
        candidate = Candidate(labels[i], cand.current_level, cand.target_level,
                              "" if hide_role else scrub(cand.role), replacer(cand.manager) if cand.manager else "")
        assessment = ev.assessment and Assessment(
            who(ev.assessment.by, role=not hide_role), scrub(ev.assessment.overall),  # a sponsor's title (the
            # only Chief Product Officer) can name the team as well as the candidate's role does
            tuple((area, scrub(text)) for area, text in ev.assessment.areas))
        recommendation = ev.recommendation and Recommendation(ev.recommendation.decision,
                                                              scrub(ev.recommendation.rationale))
        development = tuple(replace(step, plan=scrub(step.plan)) for step in ev.development)
        out.append(replace(ev, path=labels[i], candidate=candidate, items=tuple(items),
                           summary=scrub(ev.summary), self_assessment=scrub(ev.self_assessment),
                           assessment=assessment, recommendation=recommendation, values=scrub(ev.values),
                           development=development, raw=b""))  # the source holds the names
    _note_given_names(_texts(out), report)
    return out, key, report, replacer


def _texts(evidences: list[Evidence]):
    for ev in evidences:
        yield from (ev.candidate.role, ev.summary, ev.self_assessment, ev.values)
        if ev.assessment:
            yield ev.assessment.by
            yield ev.assessment.overall
            yield from (t for _, t in ev.assessment.areas)
        if ev.recommendation:
            yield ev.recommendation.rationale
        yield from (s.plan for s in ev.development)
        for item in ev.items:
            yield from (item.title, item.description)
            yield from (link.title for link in item.links)
            for q in item.quotes:
                yield from (q.text, q.author)


def anonymize_results(results: list[Result], *, roster: list[str] = (), roster_source: str = "",
                      hide_role: bool = False) -> tuple[list[Result], list[KeyRow], Report]:
    """Pseudonymise matched cases. Statuses, strength and flags stay those judged on the real
    files: a pseudonym must never change them (a "Colleague 18" is not a quantity). The
    frameworks' own texts are scrubbed too (a company ladder may carry a person's name)."""
    evidences, key, report, replacer = _anonymize([r.evidence for r in results], roster=roster,
                                                  roster_source=roster_source, hide_role=hide_role)
    frameworks: dict[int, Framework] = {}
    for r in results:
        frameworks.setdefault(id(r.framework), _scrubbed_framework(r.framework, replacer))
    return ([_renamed(replace(r, framework=frameworks[id(r.framework)]), ev) for r, ev in zip(results, evidences)],
            key, report)


def _scrubbed_framework(fw: Framework, replacer: _Replacer) -> Framework:
    areas = tuple(replace(a, name=replacer(a.name), description=replacer(a.description)) for a in fw.areas)
    expectations = tuple(replace(e, text=replacer(e.text)) for e in fw.expectations)
    scrubbed_id = replacer(fw.id)
    return replace(fw, id=scrubbed_id if scrubbed_id == fw.id else "framework", name=replacer(fw.name),
                   about=replacer(fw.about), cumulative_note=replacer(fw.cumulative_note),
                   values_note=replacer(fw.values_note), source=replacer(fw.source), areas=areas,
                   expectations=expectations, path="", raw=b"")


def _renamed(result: Result, evidence: Evidence) -> Result:
    """`result` over the pseudonymised `evidence` (same items in the same order, new ids)."""
    ids = {old.id: new.id for old, new in zip(result.evidence.items, evidence.items)}

    def renamed(refs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(ids[i] for i in refs)

    exps = {e.id: e for e in result.framework.expectations}
    return replace(
        result, evidence=evidence,
        expectations=tuple(replace(c, expectation=exps.get(c.id, c.expectation), evidence=renamed(c.evidence),
                                   stale=renamed(c.stale), lending=renamed(c.lending)) for c in result.expectations),
        beyond_target=tuple(replace(s, expectation=exps.get(s.expectation.id, s.expectation),
                                    evidence=renamed(s.evidence)) for s in result.beyond_target),
        untagged=renamed(result.untagged), stale=renamed(result.stale),
        item_strength=tuple(replace(s, id=ids[s.id], duplicate_of=ids.get(s.duplicate_of, ""))
                            for s in result.item_strength))
