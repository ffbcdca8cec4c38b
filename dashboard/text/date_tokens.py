"""The tokens text.dates reads a date from: day numbers, month names (in any language text.months knows), four-digit
years, ISO dates, range separators, the small words between, and breaks."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.text.months import FILLER_WORDS, SEPARATOR_WORDS, month_number, month_table

ORDINAL_SUFFIXES = {"", "st", "nd", "rd", "th", "er", "re", "e", "ème", "eme", "º", "ª", "о", "го", "е"}

TOKEN_PATTERN = re.compile(
    r"(?P<iso>(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d))"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.:]\d+)*)(?P<suffix>[^\W\d_]*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<dash>[-–—−－~～〜])"
    r"|(?P<comma>,)"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.S,
)

_PROSE_YEARS = range(1800, 2101)


@dataclass
class Token:
    kind: str  # day, month, year, iso, sep, filler, word, break
    value: object
    start: int
    end: int


def _classify_number(digits: str, suffix: str, start: int, end: int, prose: bool) -> Token:
    if not digits.isdigit() or suffix.lower() not in ORDINAL_SUFFIXES:
        return Token("word", digits + suffix, start, end)
    if len(digits) <= 2:
        return Token("day", int(digits), start, end)
    if len(digits) == 4 and not suffix and (not prose or int(digits) in _PROSE_YEARS):
        return Token("year", int(digits), start, end)
    return Token("word", digits + suffix, start, end)


def _classify_word(word: str, start: int, end: int, prose: bool, months: dict[str, int]) -> Token:
    low = word.casefold()
    month = month_number(word, months, prose)
    if month:
        return Token("month", month, start, end)
    if low in SEPARATOR_WORDS:
        return Token("sep", low, start, end)
    if low in FILLER_WORDS:
        return Token("filler", low, start, end)
    return Token("word", low, start, end)


def tokenize(text: str, prose: bool = False) -> list[Token]:
    """Date-relevant tokens of text.

    In prose, lower-case English month names are words ("may", "march") and only plausible years are
    years: four-digit numbers in prose are often head counts ("1500 Malian soldiers").
    """
    tokens: list[Token] = []
    months = month_table(text)
    for m in TOKEN_PATTERN.finditer(text):
        kind, start, end = m.lastgroup, m.start(), m.end()
        if kind == "suffix":
            kind = "num"
        if kind == "iso":
            y, mo, d = (int(x) for x in m.group("iso").split("-"))
            tokens.append(Token("iso", (y, mo, d), start, end))
        elif kind == "num":
            tokens.append(_classify_number(m.group("num"), m.group("suffix"), start, end, prose))
        elif kind == "word":
            tokens.append(_classify_word(m.group("word"), start, end, prose, months))
        elif kind == "dash":
            tokens.append(Token("sep", "-", start, end))
        elif kind == "comma":
            tokens.append(Token("filler", ",", start, end))
        elif kind == "other":
            if m.group() == "." and _dot_inside_date(tokens, text, start):
                continue
            tokens.append(Token("break", m.group(), start, end))
    return tokens


def _dot_inside_date(tokens: list[Token], text: str, at: int) -> bool:
    """A full stop inside a date: "Sept.", "1. Juli", and a year's that the date goes on after ("2013. január")."""
    last = tokens[-1] if tokens else None
    if last is None or last.end != at:
        return False
    if last.kind in ("month", "day"):
        return True
    after = text[at + 1:at + 4].lstrip()[:1]
    return last.kind in ("year", "filler") and (after.islower() or after in ("-", "–", "—"))
