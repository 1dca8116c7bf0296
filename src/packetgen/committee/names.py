"""Finding and replacing people's names in a text, as a reader would read it (entities, invisible
characters and emphasis inside a word resolved first).
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from packetgen.text import INVISIBLE, is_cjk, unaccent


@dataclass
class Report:
    """What the pseudonymised texts may still give away, for the administrator (stderr only)."""

    given_names: Counter = field(default_factory=Counter)  # capitalised words in a list of given names
    undecided: Counter = field(default_factory=Counter)  # a name that is also a word, kept as a word


_INTRAWORD_EMPHASIS = re.compile(r"(?<=[^\W\d_])(\*\*|__|\*|_)([^\s*_]+?)\1|(\*\*|__|\*|_)([^\s*_]+?)\3(?=[^\W\d_])")


# a variation selector after a letter of an alphabet changes nothing a reader sees (after an emoji or a CJK
# ideograph it picks a glyph, and stays)
_VARIATION_IN_WORD = re.compile(r"(?<=[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])"
                                "[\ufe00-\ufe0f\U000e0100-\U000e01ef]+")
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # Ｊｏｒｄａｎ -> Jordan
_STYLED_LETTERS = re.compile("[\u2102-\u2134\U0001D400-\U0001D7FF]")  # 𝐏𝐫𝐢𝐲𝐚, ℙ𝕣𝕚𝕪𝕒: letters in a style
_EMPHASIS_DEPTH = 8
_MIXED_WORD = re.compile(r"[^\W\d_]*[A-Za-z][^\W\d_]*")


def _latin_lookalikes(text: str) -> str:
    """In a word that mixes Latin letters with letters of another script, each letter that looks like
    a Latin one is read as it (the Cyrillic о in `Jоrdan`), from Unicode's confusables data
    (confusable_homoglyphs); a word in one script is left as it is written."""
    def latin(m: re.Match) -> str:
        word = m.group(0)
        if word.isascii():
            return word
        from confusable_homoglyphs import confusables

        found = confusables.is_confusable(word, greedy=True, preferred_aliases=["latin"]) or []
        swap = {}
        for f in found:
            letters = [h["c"] for h in f["homoglyphs"] if len(h["c"]) == 1 and h["c"].isascii() and h["c"].isalpha()]
            same_case = [c for c in letters if c.isupper() == f["character"].isupper()]
            if f["alias"] != "LATIN" and letters:
                latin = (same_case or letters)[0]
                if f["character"].isupper() and latin.islower():  # Unicode's prototype of I is l: in
                    latin = "I" if latin == "l" else latin.upper()  # PRІYA the Cyrillic І stands for I
                swap[f["character"]] = latin
        return "".join(swap.get(ch, ch) for ch in word)

    return _MIXED_WORD.sub(latin, text) if not text.isascii() else text


def _plain_letter(m: re.Match) -> str:
    plain = unicodedata.normalize("NFKC", m.group(0))
    return plain if len(plain) == 1 and plain.isalnum() else m.group(0)


def readable(text: str) -> str:
    """`text` as a reader will see it: entities resolved (`Pri&#121;a`), invisible characters
    removed (`Pri\\u00ADya`), NFC, fullwidth letters as their ASCII ones, Latin look-alikes from
    another script inside a Latin word as the Latin letter, Markdown emphasis inside a word
    unwrapped (`**Pri**ya`)."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", INVISIBLE.sub("", html.unescape(text)))
    if not text.isascii():
        text = _STYLED_LETTERS.sub(_plain_letter, _VARIATION_IN_WORD.sub("", text).translate(_FULLWIDTH))
        text = _latin_lookalikes(text)
    for _ in range(_EMPHASIS_DEPTH):  # nesting deeper than a writer would is left as written (linear time)
        joined = _INTRAWORD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
        if joined == text:
            break
        text = joined
    return text


# --- names ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """data/role-words.txt: words of roles, titles and teams, never of a name."""
    from packetgen.resources import package_data

    text = package_data("role-words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))


_ROLE_SEPARATOR = re.compile(r"\s+[-–—|/]\s+|\s*\(")


def _person_words(name: str) -> str:
    """`name` less the role words at its start and end, and "" when nothing that can be a name is left
    (a lowercase word, "of", is never one): "Group Product Manager Sam Rivera" -> "Sam Rivera",
    "Head of Sales" -> ""."""
    words = name.split()
    roles = role_words()

    def is_role(word: str) -> bool:
        bare = word.strip(".,;:()").casefold()
        return bare in roles or not word[:1].isupper()

    while words and is_role(words[0]):
        words.pop(0)
    while words and is_role(words[-1]):
        words.pop()
    return " ".join(words)


def split_person(author: str) -> tuple[str, str]:
    """A quote's author as (name, role): 'Alex Kim, EM' -> ('Alex Kim', ', EM');
    'Kim, Alex (EM)' -> ('Kim Alex', ' (EM)') — a single word, a comma and a capitalised word
    is read as "Last, First". Without a comma, a dash or a parenthesis ends the name ("Dana - Design"),
    and role words at either end are no name ("Head of Sales" names nobody)."""
    name, sep, rest = author.partition(",")
    name = name.strip()
    if not sep:
        found = _ROLE_SEPARATOR.search(name)
        head, tail = (name[:found.start()], name[found.start():]) if found else (name, "")
        person = _person_words(head)
        if not person:
            return "", author.strip()  # a role, no one's name: said as it is
        removed = " ".join(head.replace(person, " ", 1).split())  # the role words around the name
        return person, (f", {removed}" if removed else "") + tail
    first = re.match(r"\s*([^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*)(?=\s*(?:\(|$))", rest)
    if len(name.split()) == 1 and first and first.group(1)[0].isupper() and not first.group(1).isupper():
        return f"{name} {first.group(1)}", rest[first.end():]
    return name, sep + rest


# Names that are also common words: replaced only where they stand as names.
COMMON_WORD_NAMES = {"will", "may", "mark", "grant", "bill", "rose", "hope", "joy", "faith", "june", "april", "august",
           "grace", "frank", "sage", "rich", "long", "young", "brown", "green", "white", "black", "gray", "grey",
           "king", "love", "price", "hunter", "baker", "cook", "carter", "page", "park", "lee", "chase", "dean",
           "drew", "ray", "sun", "moon", "rice", "hill", "wood", "woods", "bell", "case", "house", "lane", "major",
           "miles", "north", "west", "summer", "winter", "storm", "star", "pat", "sam", "max", "art", "don", "gene",
           "march", "dawn", "iris", "penny", "sky", "river", "forest", "victor", "patience", "honor"}
# of those, the ones that do not begin a sentence as a word ("Sam thinks", "Lee wrote"): names there too
NAMES_FIRST = {"sam", "lee", "gene", "dean", "carter", "victor", "pat", "ray", "iris"}
_LOOK_BACK = 80  # characters before a name that decide whether it is one
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*\s+$")
_DAY_OR_YEAR = re.compile(r"\s*(?:\d{1,2}\b|\d{4}\b)")
_MONTH_AFTER = re.compile(r"\s*(?:[-–—/]|to|through|until|till)\s*(?:january|february|march|april|may|june|july|"
                          r"august|september|october|november|december)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december)\s*(?:[-–—/]|to|through|until|till)\s*$", re.IGNORECASE)
_CONTRACTION = re.compile(r"['’]t\b")
_ARTICLES = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "my", "your"}
# a verb after a capitalised word at a sentence's start makes it its subject: a name ("Grace said")
_FINITE = {"is", "was", "has", "had", "said", "says", "did", "does", "can", "could", "would", "should", "might",
           "must", "thinks", "thought", "wrote", "writes", "led", "leads", "ran", "runs", "made", "makes", "took",
           "gave", "told", "asked", "asks", "felt", "knew", "saw", "sent", "built", "owns", "owned", "agreed",
           "agrees", "believes", "wants", "joined", "joins", "noted", "notes", "approved", "approves"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}
# words that make a month of a following month-name ("in April"); "by" and "of" only in the
# phrases below, since "led by April" and "a note of April's" are about a person
_BEFORE_MONTH = {"in", "since", "until", "till", "early", "late", "mid", "through", "during", "last", "next", "this",
                 "each", "every", "before", "after"}
_MONTH_PHRASE = re.compile(r"(?:\b(?:end|start|beginning|middle|half|rest)\s+of|\b(?:due|ready|done|shipped|live|"
                           r"finished|complete|completed|launched|delivered|out)\s+by)\s+$", re.IGNORECASE)
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*+]\s+|\d+[.)]\s+)?|[\"“(]\s*)$")
WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_APOSTROPHE = "['’ʼ`´‘]"
# between two parts of one person's name: spaces, a middle initial or one capitalised middle name
_BETWEEN_PARTS = re.compile(r"\s+(?:[A-Z][\w'’-]*\.?\s+)?")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# handles, slugs, file names and paths: a run with a separator such as - _ . / # @ in it
_PIECE = re.compile(r"[^\W\d_]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_TOKEN = re.compile(r"(?<![\w#@])[\w#@]*(?:[-_./#@]\w+)+")
_MD_LINK = re.compile(r"(!?)\[([^\[\]]*)\]\(\s*+<?([^()\s<>]*+)>?(?:\s++\"[^\"\n]{0,300}\")?\s*+\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>", re.IGNORECASE)
_BARE_URL = re.compile(r"\b(?:https?://|mailto:|www\.)[^\s)>\]]+", re.IGNORECASE)


_APOSTROPHES = str.maketrans(dict.fromkeys("’ʼ`´‘", "'"))


def name_key(text: str) -> str:
    """How names are compared: case, accents, spacing and the kind of apostrophe do not matter."""
    return " ".join(unaccent(unicodedata.normalize("NFC", text)).translate(_APOSTROPHES).split()).lower()


class NameReplacer:
    """Replaces every known name in a text (see the module's description)."""

    def __init__(self, names: dict[str, str], report: Report | None = None):
        self.report = report if report is not None else Report()
        owners: dict[str, list[str]] = {}  # folded, lower-case variant -> pseudonyms, in the order given
        shorthand: dict[str, list[str]] = {}  # initials glued to a name: jordanl, praman
        self.full: set[str] = set()
        for name, pseudonym in names.items():
            folded = name_key(name)
            if not folded:
                continue
            words = list(re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", folded))
            bare = [w.replace("'", "") for w in words]  # o'brien -> obrien
            forms = {folded, "".join(words), "".join(bare)} | set(words) | set(bare) | {
                p for w in words for p in w.split("-") if len(p) >= 2}
            forms |= {folded.replace("'", " "), *(w.replace("'", " ") for w in words if "'" in w)}  # O Brien
            if len(words) >= 2:
                first, last = bare[0], bare[-1]
                forms.add(f"{first} dot {last}")  # an address spelled out: "jordan dot lee"
                forms.add(first + last)  # jordanlee, without the middle initial
                if len(first) >= 4 and first not in COMMON_WORD_NAMES:
                    shorthand.setdefault(first + last[0], []).append(pseudonym)  # jordanl
                if len(last) >= 3:
                    shorthand.setdefault(first[0] + last, []).append(pseudonym)  # praman, written PRaman
            for form in forms:
                if len(form) >= 2 or is_cjk(form):
                    owners.setdefault(form, [])
                    if pseudonym not in owners[form]:
                        owners[form].append(pseudonym)
            self.full |= {folded, "".join(words), "".join(bare)}
        # an initial glued to a name only where no one's name is that word; the first initial and a surname
        # ("PRaman") only where written so (in lower case it is as often a word: P. Lan -> "plan")
        self.first_initial = {f for f in shorthand if f not in owners and f[1:] in owners}
        for form, pseudonyms in shorthand.items():
            owners.setdefault(form, pseudonyms)
        self.owners = {v: tuple(o) for v, o in owners.items()}
        self.words = {v: (o[0] if len(o) == 1 else "[name]") for v, o in self.owners.items()}
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
        folded = unaccent(text)
        found: list[tuple[int, int, str, str, bool]] = []  # start, end, variant, suffix, a name here by itself
        for m in self.pattern.finditer(folded):
            start, end = m.span()
            written = folded[start:end]
            cjk = is_cjk(written)
            before = folded[start - 1] if start else ""
            after = folded[end] if end < len(folded) else ""
            suffix = ""
            key = " ".join(written.lower().replace("’", "'").split())
            if not cjk:
                if before.isalnum() and not (before.islower() and written[:1].isupper()):
                    continue  # inside a longer word ("Kimberly" holds "Kim"), unless CamelCase ("RamanPriya")
                if after.isdigit():  # a handle's number: jordan2
                    while end < len(folded) and folded[end].isdigit():
                        end += 1
                elif after.isalpha():
                    rest = folded[end:end + 2]
                    if rest[:1] == "s" and not rest[1:2].isalnum():
                        suffix, end = "’s", end + 1  # a genitive without its apostrophe ("Lamberts")
                    elif not (after.isupper() and not written.isupper()):
                        continue  # glued to a lower-case letter: another word (a digit is a handle's: jordan2)
                    elif not folded[end + 1:end + 2].isalpha():
                        end += 1  # CamelCase with an initial: TomO, PriyaR
                if key in self.first_initial and not (written[1:2].isupper() and not written.isupper()):
                    continue  # "praman" and "PRAMAN" may be words; "PRaman" is Priya Raman
            found.append((start, end, key, suffix, cjk or self._stands_as_name(text, start, end, key)))
        out, last, said = [], 0, ""
        for start, end, owners, suffix in self._units(text, found):
            if len(owners) == 1:
                said = owners[0]
            label = owners[0] if len(owners) == 1 else (said if said in owners else "[name]")
            out.append(text[last:start] + label + suffix)
            last = end
        out.append(text[last:])
        return "".join(out)

    def _units(self, text: str, found: list[tuple[int, int, str, str, bool]]):
        """Names found next to each other ("Jordan Lee", "Jordan M. Lee", "Jordan Alex Lee") as one
        person when one person has every part: a full name is replaced as a unit, never leaving a part
        or a placeholder. A part that is no name by itself (a word: "lee", an acronym: LEE) is one
        beside another part of the same name ("jordan lee", "JORDAN LEE"). Yields (start, end, owners,
        suffix)."""
        i = 0
        while i < len(found):
            start, end, key, suffix, strong = found[i]
            owners = self.owners.get(key, ("[name]",))
            j = i + 1
            while not suffix and j < len(found) and _BETWEEN_PARTS.fullmatch(text, end, found[j][0]):
                shared = tuple(o for o in owners if o in self.owners.get(found[j][2], ()))
                if not shared:
                    break
                owners, end, suffix, strong = shared, found[j][1], found[j][3], strong or found[j][4]
                j += 1
            if strong:
                yield start, end, owners, suffix
            i = j

    def _stands_as_name(self, text: str, start: int, end: int, key: str) -> bool:
        """Whether a name written here is one. Short all-capital words (LEE, SAM, LAN) are acronyms as
        often as names: alone they stay, beside another part of the same name they are one (`_units`)."""
        word = text[start:end]
        if word.isupper() and len(word) <= 4 and " " not in key:
            return False
        if _CONTRACTION.match(text, end):
            return False  # "Don't", "Won't"
        if key not in COMMON_WORD_NAMES:
            return True
        if word.islower() or word.isupper():
            return False  # "with grace", "will ship", WILL
        before = text[max(0, start - _LOOK_BACK):start]  # what decides is near: a bounded look (linear time)
        after = WORD_AFTER.match(text, end)
        next_word = after.group(1) if after else ""
        if key in MONTHS:
            prev = _PREVIOUS_WORD.search(before)
            if (_DAY_OR_YEAR.match(text, end) or _MONTH_PHRASE.search(before)
                    or (prev and (prev.group(1).lower() in _BEFORE_MONTH or prev.group(1).lower() in MONTHS
                                  or (prev.group(1) == "By" and SENTENCE_START.search(before[:prev.start()]))))
                    or _MONTH_AFTER.match(text, end) or _MONTH_BEFORE.search(before)):
                return False  # "in April", "May 3", "June 2026", "from March to April", "April–June", "By April"
        previous = _PREVIOUS_WORD.search(before)
        if previous and previous.group(1).lower() in _ARTICLES:
            return False  # "the Hill team", "a Rich text editor"
        if next_word[:1].isupper() and not SENTENCE_START.search(text[end:end + 2]):
            return False  # a capitalised phrase: "Green Build", "Mark Complete", "Will Ship Beta"
        if SENTENCE_START.search(before) and next_word[:1].islower() and key not in NAMES_FIRST and not (
                re.search(r"(?:ed|'s|’s)$", next_word) or next_word in _FINITE):
            self.report.undecided[f"{word} {next_word}"] += 1
            return False  # "Will ship the beta", "Hope this helps": kept as words, and reported
        return True

    def _token(self, m: re.Match) -> str:
        return "[name]" if self.has_name(m.group(0)) else m.group(0)

    def has_name(self, text: str) -> bool:
        """Whether a handle, path, file name or host holds a name: one of its pieces (between separators
        and digits, and each part of a CamelCase piece) is a form of one. "jordan-lee-review.pdf",
        "@lina", "PriyaRaman.docx" do; "customer-facing" and "samsung.com" do not (a piece must be the
        name, not hold its letters), nor "SAM/TAM" (an acronym) or "April-June" (months)."""
        folded = unaccent(text)
        pieces = _PIECE.findall(folded)
        months = sum(p.lower() in MONTHS for p in pieces)
        for piece in pieces:
            for part in {piece, *_CAMEL.findall(piece)}:
                low = part.lower()
                if low not in self.words or not (len(low) >= 3 or low in self.full or is_cjk(low)):
                    continue
                if low in self.first_initial and not (part[1:2].isupper() and not part.isupper()):
                    continue  # "plan" is a word; "PRaman" is Priya Raman
                if low in COMMON_WORD_NAMES and (part.isupper() or (low in MONTHS and (
                        months > 1 or any(c.isdigit() for c in folded)))):
                    continue  # SAM/TAM, April-June, may-2026
                return True
        return False

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


def _strip_urls(text: str, names: NameReplacer) -> str:
    """Markdown links keep their text, URLs become their host (names can hide in paths)."""
    def host_note(url: str) -> str:
        host = names.host(url)
        return f" ({host})" if host else ""

    text = _MD_LINK.sub(lambda m: f"{m.group(2)}{host_note(m.group(3))}", text)
    text = _AUTOLINK.sub(lambda m: names.host(m.group(1)) or "[link]", text)
    return _BARE_URL.sub(lambda m: names.host(m.group(0) if "://" in m.group(0) else "http://" + m.group(0))
                         or "[link]", text)
