"""Comparing names as people write them: one accent- and case-free fold, and the two keys built on it."""
from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")
# Cyrillic and Greek letters as French-based Latin spellings of the Sahel's names are usually carried over
# ("Булкессі" -> "bulkessi", "Кидаль" -> "kidal", "Γκάο" -> "gao"), so a name keys alike in every script. Applied
# to folded (lower-case, accent-free) text.
_CYRILLIC = dict(zip("абвгґдезийіїклмнопрстуфыэ", "abvggdeziiiiklmnoprstufye")) | {
    "ж": "j", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ь": "", "ъ": "", "ю": "iu", "я": "ia",
    "є": "ie", "ё": "io", "ў": "u", "ј": "j", "љ": "l", "њ": "n", "ћ": "tch", "ђ": "dj", "џ": "dj"}
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω", "avgdeziqiklmnxoprsstifhpo")) | {
    "θ": "th", "χ": "kh", "ψ": "ps", "ξ": "x"}
_GREEK_PAIRS = (("ου", "ou"), ("γκ", "g"), ("μπ", "b"), ("ντ", "d"), ("αι", "e"), ("ει", "i"), ("οι", "i"))
_TO_LATIN = str.maketrans(_CYRILLIC | _GREEK)


def fold(text: str) -> str:
    """Case- and accent-free text ("Anéfis" -> "anefis"); spacing and punctuation as written."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    # NFC again: Korean syllables come apart into letters under NFKD and must come back whole ("전투")
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))).casefold()


def name_key(text: str) -> str:
    """Letters and digits of the folded text only, in Latin letters: "In-Delimane", "In Delimane", "indelimane"
    and "Ин-Делимане" are one key."""
    return "".join(ch for ch in in_latin(fold(text)) if ch.isalnum())


def in_latin(folded: str) -> str:
    """Folded Cyrillic or Greek text in Latin letters; other text unchanged."""
    if folded.isascii():
        return folded
    if any("α" <= ch <= "ω" for ch in folded):
        for pair, latin in _GREEK_PAIRS:
            folded = folded.replace(pair, latin)
    return folded.translate(_TO_LATIN)


def label_key(text: str) -> str:
    """The folded text with punctuation and underscores as single spaces: "Casualties_and losses:" ->
    "casualties and losses" (infobox labels, headings)."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def fold_in_place(text: str) -> str:
    """fold() character by character, so every character stays where it was: a match found in the folded text has
    the same span in the text as written."""
    return "".join((fold(ch) or ch)[:1] if len(fold(ch)) != 1 else fold(ch) for ch in text)
