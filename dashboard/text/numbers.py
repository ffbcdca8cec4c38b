"""Numbers as articles write them, in digits or words, English and French ("twenty-eight", "a dozen", "a hundred",
"dix", "quatre-vingts", "une dizaine"): one table for every reader.

`find_numbers` gives every number standing as a word in a text with where it is written; quantities that name no
number ("dozens", "several hundred", "des dizaines") come back too, with no value. `words_to_digits` rewrites the
spelled-out ones as digits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    # French ("un"/"une" are articles as often as numbers, and "UN" folds to "un": they count only inside a
    # number, "vingt et un", or before a multiplier, "une centaine").
    "zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    # Spanish, Italian, Portuguese and German, the other languages copies come in ("uno", "una", "ein" are articles;
    # Spanish "once" and Italian "sei" are left out: English "once" and Italian "you are" are far commoner).
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "veintiuno": 21, "sete": 7, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11,
    "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18,
    "diciannove": 19, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
    "dois": 2, "duas": 2, "três": 3, "quatro": 4, "oito": 8, "dez": 10, "doze": 12, "treze": 13, "catorze": 14,
    "dezesseis": 16, "dezasseis": 16, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18,
    "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    # Dutch ("een" is an article; "elf", eleven in Dutch and German, is an English word too)
    "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
}
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "cent": 100, "cents": 100, "mille": 1000,
               "cien": 100, "cento": 100, "cem": 100, "hundert": 100, "mil": 1000, "tausend": 1000,
               "honderd": 100, "duizend": 1000}
# "une dizaine", "une vingtaine": about that many, read as that number (as "around 30" is 30).
APPROXIMATE_NOUNS = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                     "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
                     "decena": 10, "docena": 12, "veintena": 20, "treintena": 30, "centenar": 100,
                     "decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30, "quarantina": 40,
                     "cinquantina": 50, "centinaio": 100, "dezena": 10, "dúzia": 12, "vintena": 20, "centena": 100,
                     "dutzend": 12, "tiental": 10}
# Quantities with no number: "dozens", "hundreds", "several", "des dizaines", "plusieurs centaines".
VAGUE_QUANTITIES = {"dozens", "hundreds", "thousands", "scores", "several", "dizaines", "douzaines", "vingtaines",
                    "centaines", "milliers", "plusieurs", "quelques", "decenas", "cientos", "centenares", "varios",
                    "varias", "decine", "centinaia", "diversi", "diverse", "dezenas", "centenas", "vários", "várias",
                    "dutzende", "hunderte", "mehrere", "tientallen", "honderden", "duizenden", "enkele",
                    "verscheidene", "meerdere"}
# "several hundred" and "a few dozen" are not numbers.
VAGUE_BEFORE_MULTIPLIER = {"several", "few", "many", "some", "numerous", "plusieurs", "quelques"}
_ARTICLES = {"a", "an", "un", "une", "una", "uno", "uma", "um", "ein", "eine", "een"}
_JOINERS = {"and", "et"}  # "one hundred and twenty", "vingt et un"

# Words a spelled-out number or quantity can start with (the rest need no look).
_STARTERS = {*NUMBER_WORDS, *MULTIPLIERS, *VAGUE_QUANTITIES, *VAGUE_BEFORE_MULTIPLIER, *_ARTICLES}
_TOKEN = re.compile(r"(?P<word>[^\W\d_]+)|(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\d)"
                    r"|\d+(?:[.:]\d+)*)")


@dataclass(frozen=True)
class NumberSpan:
    """A number as written in a text: text[start:end], its value (None for "dozens", "several hundred")."""
    start: int
    end: int
    value: int | None


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number standing as a word in text, in order: digits ("1,500", "40"), words ("twenty-eight", "a dozen",
    "quatre-vingts", "une dizaine") and quantities with no number ("dozens", "several hundred").

    Digits glued to letters or in a code ("TB2", "L-39", "2nd", "5am") and decimals or times ("5.30") are not numbers
    standing as words and are left out. Case does not matter.
    """
    tokens = list(_TOKEN.finditer(text))
    out: list[NumberSpan] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token["digits"]:
            if _standalone_digits(text, token):
                out.append(NumberSpan(token.start(), token.end(), int(re.sub(r"\D", "", token.group()))))
            i += 1
            continue
        if token.group().casefold() not in _STARTERS or _no_number_here(tokens, i):
            i += 1
            continue
        end, value = _spelled(text, tokens, i)
        if end > i:
            out.append(NumberSpan(token.start(), tokens[end - 1].end(), value))
            i = end
        else:
            i += 1
    return out


def _no_number_here(tokens: list[re.Match], i: int) -> bool:
    """A number word of one language that is another word in this phrase: Italian "due" (2) in English "due to",
    "was due", "due process"; English "ten" in Dutch "ten minste" (at least), "ten noorden" (north of)."""
    word = tokens[i].group().casefold()
    before, after = _word(tokens, i - 1) if i else "", _word(tokens, i + 1)
    if word == "due":
        return after in ("to", "process", "diligence", "date", "") or before in ("was", "were", "is", "are", "be",
                                                                                  "overdue")
    if word == "ten":
        return after in ("minste", "noorden", "zuiden", "oosten", "westen", "gevolge", "behoeve", "tijde", "slotte")
    return False


def words_to_digits(text: str) -> str:
    """Lower-case text with spelled-out numbers as digits ("twenty-eight" -> "28", "a dozen" -> "12");
    vague ones ("several hundred", "dozens") stay words."""
    out, pos = [], 0
    for number in find_numbers(text):
        if number.value is None or text[number.start].isdigit():
            continue
        out.append(text[pos:number.start] + str(number.value))
        pos = number.end
    out.append(text[pos:])
    return "".join(out)


def _standalone_digits(text: str, token: re.Match) -> bool:
    if not re.fullmatch(r"[\d,\u00a0\u202f]+", token.group()):
        return False  # "5.30", "5:30"
    before, after = text[max(token.start() - 2, 0):token.start()], text[token.end():token.end() + 1]
    return not (after[:1].isalpha() or before[-1:].isalpha() or re.fullmatch(r"[^\W\d_]-", before))


def _word(tokens: list[re.Match], k: int) -> str:
    return tokens[k].group().casefold() if k < len(tokens) and tokens[k]["word"] else ""


def _joined(text: str, tokens: list[re.Match], k: int) -> bool:
    """Whether tokens[k] follows tokens[k-1] with only spaces or hyphens between them."""
    return re.fullmatch(r"[\s-]+", text[tokens[k - 1].end():tokens[k].start()]) is not None


def _joins(word: str, before: str, after: str) -> bool:
    """Whether "and"/"et" continues a number: "one hundred and twenty", "vingt et un", "soixante et onze"."""
    if word == "and":
        return before in ("hundred", "thousand") and after in NUMBER_WORDS
    return word == "et" and after in ("un", "une", "onze") and NUMBER_WORDS.get(before, 0) >= 20


def _spelled(text: str, tokens: list[re.Match], i: int) -> tuple[int, int | None]:
    """(index after, value) of a number or vague quantity spelled out from tokens[i]; (i, None) when none starts there."""
    first, second = _word(tokens, i), _word(tokens, i + 1) if i + 1 < len(tokens) and _joined(text, tokens, i + 1) else ""
    if first in VAGUE_BEFORE_MULTIPLIER | {"a"} and (second in MULTIPLIERS or second in APPROXIMATE_NOUNS):
        if first != "a":  # "several hundred", "quelques centaines" is below
            return i + 2, None
    if first in VAGUE_QUANTITIES or (first == "a" and second == "few"):
        k = i + (2 if first == "a" else 1)
        follow = _word(tokens, k) if k < len(tokens) and _joined(text, tokens, k) else ""
        if follow in MULTIPLIERS or follow in VAGUE_QUANTITIES or follow in APPROXIMATE_NOUNS:
            k += 1  # "several dozen", "a few hundred", "plusieurs dizaines"
        return k, None
    if first in _ARTICLES and second in APPROXIMATE_NOUNS:
        return i + 2, APPROXIMATE_NOUNS[second]
    total = current = 0
    k, seen = i, False
    while k < len(tokens) and tokens[k]["word"]:
        if k > i and not _joined(text, tokens, k):
            break
        word, nxt = _word(tokens, k), _word(tokens, k + 1)
        if word in _ARTICLES and not seen and nxt in MULTIPLIERS:
            current = 1
        elif word in ("un", "une") and seen and _word(tokens, k - 1) == "et":
            current += 1  # "vingt et un"
        elif word in ("vingt", "vingts") and seen and current % 20 and current < 20 and _word(tokens, k - 1) == "quatre":
            current = current * 20  # "quatre-vingts" is 4 x 20
            seen = True
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
        elif word in ("thousand", "mille"):
            total, current, seen = total + max(current, 1) * 1000, 0, True
        elif word in MULTIPLIERS:
            current, seen = max(current, 1) * MULTIPLIERS[word], True
        elif not (seen and _joins(word, _word(tokens, k - 1), nxt)):
            break
        k += 1
    return (k, total + current) if seen else (i, None)
