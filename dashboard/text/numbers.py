"""Numbers written as words ("twenty-eight", "a dozen", "a hundred") as digits: one table for every reader."""
from __future__ import annotations

import re

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000}
# "several hundred" and "a few dozen" are not numbers.
VAGUE_BEFORE_MULTIPLIER = {"several", "few", "many", "some", "numerous"}
_WORD = re.compile(r"[a-z]+")


def words_to_digits(text: str) -> str:
    """Lower-case text with spelled-out numbers as digits ("twenty-eight" -> "28", "a dozen" -> "12");
    vague ones ("several hundred", "dozens") stay words."""
    words = list(_WORD.finditer(text))
    out, pos, i = [], 0, 0
    while i < len(words):
        end, value = _spelled_number(text, words, i)
        if end > i:
            out.append(text[pos:words[i].start()] + str(value))
            pos = words[end - 1].end()
            i = end
        else:
            i += 1
    out.append(text[pos:])
    return "".join(out)


def _spelled_number(text: str, words: list[re.Match], i: int) -> tuple[int, int]:
    """(index after, value) of a number spelled out from words[i]; (i, 0) when none starts there."""
    if i > 0 and words[i - 1].group() in VAGUE_BEFORE_MULTIPLIER and words[i].group() in MULTIPLIERS:
        return i, 0
    total = current = 0
    k, seen = i, False
    while k < len(words):
        if k > i and not re.fullmatch(r"[\s-]+", text[words[k - 1].end():words[k].start()]):
            break
        word = words[k].group()
        nxt = words[k + 1].group() if k + 1 < len(words) else ""
        if word in ("a", "an") and not seen and nxt in MULTIPLIERS:
            current = 1
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
        elif word == "thousand":
            total, current, seen = total + max(current, 1) * 1000, 0, True
        elif word in MULTIPLIERS:
            current, seen = max(current, 1) * MULTIPLIERS[word], True
        elif not (word == "and" and seen and words[k - 1].group() in ("hundred", "thousand") and nxt in NUMBER_WORDS):
            break
        k += 1
    return (k, total + current) if seen else (i, 0)
