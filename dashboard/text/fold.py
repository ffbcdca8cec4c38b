"""Comparing names as people write them: one accent- and case-free fold, and the two keys built on it."""
from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Case- and accent-free text ("Anéfis" -> "anefis"); spacing and punctuation as written."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(text: str) -> str:
    """Letters and digits of the folded text only: "In-Delimane", "In Delimane" and "indelimane" are one key."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def label_key(text: str) -> str:
    """The folded text with punctuation and underscores as single spaces: "Casualties_and losses:" ->
    "casualties and losses" (infobox labels, headings)."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def fold_in_place(text: str) -> str:
    """fold() character by character, so every character stays where it was: a match found in the folded text has
    the same span in the text as written."""
    return "".join((fold(ch) or ch)[:1] if len(fold(ch)) != 1 else fold(ch) for ch in text)
