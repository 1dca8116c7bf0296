"""Gendered pronouns and titles made neutral, with the verb after a replaced subject agreeing.
"""
from __future__ import annotations

import re

from packetgen.committee.names import WORD_AFTER

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
# 's before a past participle is *has* ("she's led" -> "they've led"); before anything else *is* ("she's
# ready", "he's excited"): irregular participles, and the regular ones evidence uses for what was done
_PARTICIPLES = ("been|got|gotten|had|led|built|written|run|made|taken|given|shown|grown|won|brought|bought|"
                "taught|found|met|sent|spent|begun|chosen|driven|spoken|become|drawn|rewritten|shipped|launched|"
                "delivered|owned|created|designed|completed|started|finished|mentored|hired|coached|helped|worked|"
                "managed|organized|organised|established|introduced|improved|reduced|increased|negotiated|"
                "proposed|published|presented|scoped|planned|released|migrated|rebuilt|redesigned|defined|turned|"
                "pushed|argued|answered|asked|trained|onboarded|shaped")  # not done, gone, known, set: "is" as often
_HAS = rf"(?P<has>(?=\s+(?:{_ADVERB}\s+)?(?:{_PARTICIPLES})\b))"
_SUBJECT = re.compile(r"\b(?P<pron>she|he)(?:(?P<s>['’]s)\b" + _HAS + "?"
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
_TITLE = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Mx)\.?\s+(?=[A-Z\[])")  # before a name or what stands for one
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
    theirs, herself/himself -> themself; Mr, Mrs, Ms, Miss and Mx before a name are dropped."""
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
        after = WORD_AFTER.match(text, m.end())
        followed = after is not None and after.group(1).lower() not in _FUNCTION
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
