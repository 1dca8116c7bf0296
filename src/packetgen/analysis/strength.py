"""Evidence strength (docs/reference.md, Evidence strength): plain rules over the evidence file alone.

Pure and deterministic, like matching: no I/O, no clock. Item signals (`artifact`,
`outcome`, `corroborated`, `independent`) and item flags (`broad`, `duplicate`,
`self_quote`) are judged per item; an expectation's strength (an independent voice, a link or
a measured result, a span of days) is judged from the items that lend to it. Every signal keeps
the words of the input that earned it, so a reader
can check it without trusting the tool.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from packetgen.model.evidence import Evidence, Item, Quote
from packetgen.model.framework import DEFAULT_SUSTAINED_DAYS
from packetgen.model.result import BROAD, BROAD_DEMONSTRATE, DUPLICATE, SELF_QUOTE, Backing, ItemSignals, ItemStrength
from packetgen.text import bare, fold


@dataclass(frozen=True)
class Person:
    """Someone a quote may be from: their full name and the words of it, folded."""

    full: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> Person | None:
        words = _words(name)
        return cls(" ".join(words), tuple(words)) if words else None

    def is_(self, person: str) -> bool:
        """Whether a quote's person (its `from` up to the first comma) is this one: their full name
        or any one word of it ("Jordan", "jordan lee", "Jordan Lée"), or words that are each a word
        of the name or the initial of one, at least one whole ("J. Lee", "Jordan L.", "Lee Jordan")."""
        words = _words(person)
        if not words:
            return False
        if " ".join(words) == self.full or (len(words) == 1 and words[0] in self.words):
            return True
        initials = {w[0] for w in self.words}
        whole = [w in self.words for w in words]
        return any(whole) and all(ok or (len(w) == 1 and w in initials) for w, ok in zip(words, whole, strict=True))


def _words(name: str) -> list[str]:
    return [w for w in (w.strip(".,;:()[]\"'’") for w in fold(name).split()) if w]


@dataclass(frozen=True)
class People:
    """The candidate and their manager(s): `candidate.manager` and the person of `assessment.by`."""

    candidate: Person | None
    managers: tuple[Person, ...]

    @classmethod
    def of(cls, evidence: Evidence) -> People:
        names = [evidence.candidate.manager]
        if evidence.assessment is not None:
            names.append(evidence.assessment.by.partition(",")[0])
        managers = tuple(p for p in (Person.of(n) for n in names) if p is not None)
        return cls(Person.of(evidence.candidate.name), managers)

    def is_candidate(self, person: str) -> bool:
        return self.candidate is not None and self.candidate.is_(person)

    def is_manager(self, person: str) -> bool:
        return any(m.is_(person) for m in self.managers)


# --- outcomes: a measured change ----------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAYS = rf"{_DAY}(?:\s*[-–—]\s*{_DAY})?"  # a day, or a range of days ("3–5")
_YEAR = r"(?:19|20)\d\d"
# Spans that are not quantities, blanked before numbers are read: URLs (a pull request's
# number is not an outcome), ISO and numeric dates (2026-03-12, 2026-03, 12/03/2026,
# 12.03.2026), and a day, a range of days or a year beside a month name ("12 March",
# "3–5 March", "12th of March 2026", "March 12, 2026", "12-Mar-2026", "March 2026", "Mar. 3").
_NOT_QUANTITIES = re.compile(
    r"\b(?:https?://|mailto:|www\.)\S+"
    r"|(?<![\w.])\d{4}-\d{2}(?:-\d{2})?(?!\d)"
    r"|(?<![\w.,/])\d{1,4}[/.]\d{1,2}[/.]\d{2,4}(?![\d/.]\d)"
    rf"|(?<![\w.,]){_DAYS}(?:\s+of)?[\s-]+{_MONTH}(?:,?[\s-]+{_YEAR})?(?![\w])"
    rf"|(?<!\w){_MONTH}\s+{_DAYS}(?:,?\s+{_YEAR})?(?![\w])"
    rf"|(?<!\w){_MONTH},?\s+{_YEAR}(?!\d)",
    re.IGNORECASE)
# A number: digits with optional thousands separators and decimals. Not glued to a letter or
# digit on its left (IC4, v2, p95), nor to a word through a separator (ic4.impact.1, GPT-4,
# Q3'26), not the tail of another number (1.2.3, 24/7), not either side of N:N (1:1, 10:30), and
# not joined by a hyphen to the word after it ("18-month", "20-minute").
_NUMBER = re.compile(r"(?<!\w)(?<!\d[.,:/])(?<![^\W_][.\-_/'’])"
                     r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?![.,:]\d)(?!-[^\W\d_])")
# what makes a number a measured change when it stands right after it, or right before it
_AFTER = re.compile(r"\s?(?:%|percent\b|per\s?cent\b|×)|x(?![^\W_]|\d)", re.IGNORECASE)
_SCALE = re.compile(r"\s?(?:[kKMB]|bn|m|million|billion)\b")
_CURRENCY = re.compile(r"[+\-−±~]?[$€£¥₹]\s?$")
_SIGN = "+-−±~"
_WORDS = re.compile(r"\b(?:doubled|tripled|quadrupled|halved)\b", re.IGNORECASE)
_CONNECTOR = re.compile(r"(?:\bto\b|→|->)", re.IGNORECASE)
_ANY = re.compile(r"\d|doubled|tripled|quadrupled|halved", re.IGNORECASE)  # nothing to read without these
_SENTENCE_END = re.compile(r"[.!?;](?=\s|$)|\n\s*\n")
_TOKEN = re.compile(r"→|->|[^\s→]+")
_UNIT = re.compile(r"\s?(?:%|×|x\b|[kKMB]\b|bn\b|h\b|hrs?\b|hours?\b|min\b|mins\b|minutes?\b|ms\b|s\b|secs?\b"
                   r"|seconds?\b|days?\b|weeks?\b|months?\b|years?\b|pp\b|points?\b|[KMGT]B\b)")


def _numbers(blanked: str) -> list[re.Match]:
    """The numbers of a text whose dates and URLs are blanked, a year standing alone left out."""
    out = []
    for m in _NUMBER.finditer(blanked):
        num = m.group("num")
        end = m.end()
        if len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099 and blanked[end:end + 1] != "%" \
                and blanked[max(0, m.start() - 1):m.start()] not in "$€£¥₹":
            continue  # a year standing alone
        out.append(m)
    return out


def _changes(blanked: str, numbers: list[re.Match]) -> list[tuple[int, int]]:
    """(d): a number followed, in the same sentence and within four words, by "to", "→" or "->",
    and then, within two words, by another number: the span from the first number to the second
    and the second's unit ("41 min to 6 min", "4 h → 22 min")."""
    starts = {m.start(): m for m in numbers}
    out = []
    for m in numbers:
        stop = _SENTENCE_END.search(blanked, m.end())
        sentence = blanked[m.end():stop.start() if stop else len(blanked)]
        tokens = list(_TOKEN.finditer(sentence))
        for k, tok in enumerate(tokens[:4]):
            if not _CONNECTOR.fullmatch(tok.group(0)):
                continue
            for after in tokens[k + 1:k + 3]:
                second = starts.get(m.end() + after.start())
                if second is not None:
                    end = second.end()
                    unit = _UNIT.match(blanked, end)
                    if unit:
                        end = unit.end()
                    out.append((m.start(), end))
                    break
            break
    return out


def measured_changes(text: str) -> list[str]:
    """The measured changes `text` states, as written, in the order they stand: a percentage
    ("+61 %"), a multiple ("2×", "4.1x"), money ("$1.2M"), a change between two numbers ("4 h → 22
    min", "from 41 min to 6 min") or doubled, tripled, quadrupled, halved. A bare count ("3 teams",
    "2,300 pull requests") is not one; neither is a year, a date, "IC4", "1:1" or "18-month"."""
    if not text or not _ANY.search(text):
        return []
    blanked = _NOT_QUANTITIES.sub(lambda m: " " * len(m.group(0)), text)
    numbers = _numbers(blanked)
    spans = []
    for m in numbers:  # (a) a percentage, (b) a multiple, (c) money: read around each number
        start, end = m.start(), m.end()
        after = _AFTER.match(blanked, end)
        money = _CURRENCY.search(blanked, max(0, start - 3), start)
        if money:
            scale = _SCALE.match(blanked, end)
            spans.append((money.start(), scale.end() if scale else end))
        elif after:
            sign = start - 1 if start and blanked[start - 1] in _SIGN else start
            spans.append((sign, after.end()))
    if len(numbers) > 1 and _CONNECTOR.search(blanked):
        spans += _changes(blanked, numbers)
    spans += [(m.start(), m.end()) for m in _WORDS.finditer(blanked)]
    found: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if found and start < found[-1][1]:
            continue  # inside a longer match ("41 min to 6 min" holds no second outcome)
        found.append((start, end))
    return [text[a:b].strip() for a, b in found]


def outcome_of(item: Item) -> str:
    """The words that earn `outcome`: the item's `result` when it has one, else the first measured
    change in its title, then its description ("" when there is none)."""
    if item.result.strip():
        return item.result.strip()
    for text in (item.title, item.description):
        found = measured_changes(text)
        if found:
            return found[0]
    return ""


# --- per item -----------------------------------------------------------------------------

def _voices(quotes: Iterable[Quote], people: People) -> tuple[int | None, int | None, tuple[int, ...]]:
    """Positions of the first voice not the candidate's, the first independent one (neither the
    candidate's nor the manager's, nor marked `relationship: manager`), and the self-quotes."""
    voice = independent = None
    own: list[int] = []
    for n, quote in enumerate(quotes):
        person = quote.person
        if people.is_candidate(person):
            own.append(n)
            continue
        if not quote.is_voice:
            continue
        voice = n if voice is None else voice
        if independent is None and not people.is_manager(person) and quote.relationship != "manager":
            independent = n
    return voice, independent, tuple(own)


def assess_items(evidence: Evidence, demonstrate_ids: Iterable[str], counting: Iterable[str]
                 ) -> tuple[ItemStrength, ...]:
    """Signals and flags of every item, in file order. `demonstrate_ids` are the expectations of
    the levels to demonstrate; `counting` the ids of items that count (inside the period)."""
    demonstrate = set(demonstrate_ids)
    counts = set(counting)
    people = People.of(evidence)
    seen: dict[tuple[str, str], str] = {}
    out = []
    for item in evidence.items:
        outcome = outcome_of(item)
        artifact = next((n for n, link in enumerate(item.links) if link.is_artifact), None)
        voice, independent, self_quotes = _voices(item.quotes, people)
        cited = sum(ref in demonstrate for ref in item.expectations)
        key = (bare(item.title), bare(item.description))
        earlier = seen.setdefault(key, item.id)
        flags = []
        if cited > BROAD_DEMONSTRATE:
            flags.append(BROAD)
        if earlier != item.id:
            flags.append(DUPLICATE)
        if self_quotes:
            flags.append(SELF_QUOTE)
        out.append(ItemStrength(
            id=item.id, counts=item.id in counts,
            signals=ItemSignals(artifact=artifact is not None, outcome=bool(outcome),
                                corroborated=voice is not None, independent=independent is not None),
            flags=tuple(flags), outcome_text=outcome, artifact=artifact, voice=voice,
            independent_voice=independent, demonstrate_cited=cited,
            duplicate_of=earlier if earlier != item.id else "", self_quotes=self_quotes))
    return tuple(out)


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is shorter)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for d in range(day.day, 0, -1):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return day  # pragma: no cover - day 1 always exists


def quarter(day: date) -> tuple[int, int]:
    """The calendar quarter of a date: (year, 1..4)."""
    return day.year, (day.month - 1) // 3 + 1


def covered_days(items: Iterable[Item]) -> int:
    """The days from the earliest item's date to the latest end (`until`, or the date), both
    inclusive; 0 for no item."""
    items = list(items)
    if not items:
        return 0
    return (max(item.end for item in items) - min(item.date for item in items)).days + 1


def backing(lending: Iterable[tuple[Item, ItemStrength]], sustained_days: int = DEFAULT_SUSTAINED_DAYS) -> Backing:
    """Strength signals from the lending items (counting, neither broad nor duplicate): an
    independent voice, a link or a measured result, and at least `sustained_days` days covered."""
    lending = list(lending)
    return Backing(
        corroborated=any(s.signals.independent for _, s in lending),
        substantiated=any(s.signals.artifact or s.signals.outcome for _, s in lending),
        sustained=covered_days(item for item, _ in lending) >= sustained_days,
    )
