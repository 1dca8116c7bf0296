"""How texts are compared and cleaned, for every stage: `fold` (the comparison key of names and
texts), `unaccent` (accents folded, same length) and the invisible characters a reader never sees.
"""
from __future__ import annotations

import re
import unicodedata

# --- comparing people and texts ---------------------------------------------------------

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


# Characters that draw nothing: the Unicode format characters (category Cf: soft hyphen, zero-width
# space and joiners, bidi controls, tags; listed as ranges, as unicodedata's 14.0 has them, so that
# no character's category is looked up one by one; a test compares the list with unicodedata) and
# the variation selectors.
HIDDEN = re.compile("[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
                    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438"
                    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
                    "\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def visible_text(text: str) -> str:
    """`text` NFKC-normalised, with every character that draws nothing removed: what two texts
    must agree on before they are compared (a duplicate hiding a zero-width space is a duplicate)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", HIDDEN.sub("", text))


def fold(text: str) -> str:
    """Case-folded, accents removed, whitespace collapsed: how names and texts are compared.

    Invisible characters go first (as in visible_text); accents go by Unicode decomposition (NFKD:
    NFC and NFD compare alike); Latin letters that do not decompose (ł, ø, ß, æ) are spelled as a keyboard
    without them would ("Łukasz" = "Lukasz"); every apostrophe is the plain one ("O’Brien" =
    "O'Brien")."""
    shown = text if text.isascii() else HIDDEN.sub("", text)
    decomposed = unicodedata.normalize("NFKD", shown.translate(_APOSTROPHES))
    if decomposed.isascii():  # most text: nothing to strip or spell out
        return " ".join(decomposed.casefold().split())
    bare = "".join(_latin(ch) for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


# "LATIN SMALL LETTER O WITH STROKE" is an o to a keyboard without ø: the letter its Unicode name
# says, as anyascii spells it too (a test compares every Latin letter). Reading the name saves
# importing anyascii (8 ms of a 0.11 s `check`) for the common ø, ł, đ, ħ; other letters (ß, æ,
# þ) and letters past the Latin blocks go to anyascii.
_LETTER_WITH = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?!.*LETTER)")


def _latin(ch: str) -> str:
    if ch.isascii() or not ch.isalpha():
        return ch
    name = unicodedata.name(ch, "")
    if not name.startswith("LATIN"):
        return ch
    plain = _LETTER_WITH.match(name) if ch < "\u2000" else None
    if plain:
        return plain[2] if plain[1] == "CAPITAL" else plain[2].lower()
    from anyascii import anyascii

    return anyascii(ch)


_ASCII_PUNCTUATION = {n: None for n in range(128) if unicodedata.category(chr(n)).startswith("P")}


def bare(text: str) -> str:
    """fold() with punctuation removed too (for duplicate items)."""
    folded = fold(text)
    if folded.isascii():
        return " ".join(folded.translate(_ASCII_PUNCTUATION).split())
    kept = "".join(ch for ch in folded if not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.split())


# Characters that draw nothing: soft hyphen, joiners, zero-width spaces, bidi controls, fillers.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0]")


def _unaccent_char(ch: str) -> str:
    """One character for one character: accents dropped, other Latin letters spelled plainly."""
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    if len(base) != 1:
        return ch
    if not base.isascii() and base.isalpha() and unicodedata.name(base, "").startswith("LATIN"):
        from anyascii import anyascii

        plain = anyascii(base)
        return plain[0] if plain else base
    return base


def unaccent(text: str) -> str:
    """Accents folded, the same length as `text` (positions in one are positions in the other)."""
    return "".join(_unaccent_char(c) for c in text)


def is_cjk(text: str) -> bool:
    return any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for c in text)
