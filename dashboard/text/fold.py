"""Comparing names as people write them: one accent- and case-free form shared by every module."""
from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case- and accent-free text ("Anéfis" -> "anefis"); spacing and punctuation as written."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(text: str) -> str:
    """Letters and digits of the folded text only: "In-Delimane", "In Delimane" and "indelimane" are one key."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
