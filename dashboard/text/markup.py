"""What copied pages leave around the words: citation markers, wiki residue and image file names.

One home for the patterns every reader and cleaner uses, so a marker stripped in one place is stripped
everywhere (dates, casualty figures, party names).
"""
from __future__ import annotations

import re

# "[7]", "[a]", "[note 2]", "[nb 1]", "[citation needed]"
CITATION = re.compile(r"\[\s*(?:\d+|[a-z]|note\s*\d+|citation needed|nb\s*\d+)\s*\]", re.I)
# Citation markers plus the icon sizes wikitext leaves ("border|22px", "20px").
RESIDUE = re.compile(r"\bborder\s*\|\s*\d+px\b|\b\d+px\b|" + CITATION.pattern, re.I)
IMAGE_FILE = re.compile(r"\S+\.(?:svg|png|jpe?g|gif)\b", re.I)
# An image name of up to six words at the start of a cell: "Flag of Mali.svg Mali" -> "Mali".
LEADING_IMAGE_NAME = re.compile(r"^(?:\S+\s+){0,5}?\S*\.(?:svg|png|jpe?g|gif)\b\s*", re.I)
_SPACES = re.compile(r"\s+")


def without_citations(text: str) -> str:
    return CITATION.sub("", text)


def without_residue(text: str) -> str:
    """Citation markers and icon sizes replaced by a space (words either side stay apart)."""
    return RESIDUE.sub(" ", text)


def squeeze(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip()
