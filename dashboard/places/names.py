"""How place names are written and compared: words, the exact key, the transliteration key, and the words
around a name that say it is a person or a river rather than a place.

The exact key is `text.fold.name_key` ("In-Delimane" = "In Delimane" = "indelimane"). The transliteration key
also folds what French, English, Tamasheq and Cyrillic spellings of one name vary in: ou/u/w ("Tinzaouaten"/
"Tinzawaten", "Boulkessi"/"Булкесси"),
a mute final e ("Tinzaouatène"), doubled letters ("Anéfiss"), c/k before a consonant or at the end ("Aguelhoc"),
dj/j, y/i, sh/ch and the Tamasheq prefixes Tin-/Ti-n-/Tine-/In- written joined or apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dashboard.text.fold import name_key

APOSTROPHES = "'’‘`´ʼ"
_WORD = re.compile(r"[^\W_]+(?:[" + APOSTROPHES + r"][^\W_]+)*")
# A Tuareg or Arab person's name ("El Hadj Ag Gamou", "Ould Sidati"): what follows these is never a place.
PERSON_LINKS = frozenset({"ag", "ould", "ben", "bin", "wuld", "ibn"})
# A place name next to one of these names a river, not the town ("Niger River", "River Niger").
RIVER_WORDS = frozenset({"river", "fleuve"})
# Shorter transliteration keys are never compared loosely: "Berr" is not safely "Ber".
MIN_VARIANT_LENGTH = 4


def words(text: str) -> list[re.Match[str]]:
    """The words of a text with their positions (apostrophes inside a word kept: "Aguel'hoc", "N'Tillit")."""
    return list(_WORD.finditer(text))


def without_possessive(word: str) -> str:
    """"Kidal's" -> "Kidal"."""
    return re.sub("[" + APOSTROPHES + "]s$", "", word)


def elision_length(word: str) -> int:
    """Length of a French elision at the start of a word ("d'" of "d'Anéfis"), 0 when there is none."""
    match = re.match(r"(?i)(d|l|qu)[" + APOSTROPHES + "]", word)
    return match.end() if match else 0


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return name_key(without_possessive(word))


def elided_key(word: str) -> str | None:
    """French elision: "d'Anéfis" also tries "Anéfis"."""
    length = elision_length(word)
    return name_key(without_possessive(word[length:])) if length else None


_VARIANT_RULES = (
    (re.compile(r"^tine(?=[aeiou])"), "tin"),  # Tine Aouker / Tin Aouker
    (re.compile(r"ou|w"), "u"),  # Zaouaten / Zawaten, Boulkessi / Булкесси
    (re.compile(r"dj"), "j"),  # Adjelhoc / Ajelhoc
    (re.compile(r"sh"), "ch"),
    (re.compile(r"y"), "i"),
    (re.compile(r"c(?=[^aeiouh]|$)"), "k"),  # Aguelhoc / Aguelhok
    (re.compile(r"(.)\1+"), r"\1"),  # Anéfiss / Anéfis
    (re.compile(r"(?<=[^aeiou])e$"), ""),  # Tinzaouatène / Tinzaouaten
)


@lru_cache(maxsize=65536)
def variant_key(text: str) -> str:
    """The transliteration key of a name ("Tin-Zaouatène", "Tinzawaten" -> "tinzawaten")."""
    key = name_key(text)
    for pattern, replacement in _VARIANT_RULES:
        key = pattern.sub(replacement, key)
    return key


# Case endings a name takes in the languages that inflect place names ("w Kidalu", "v Timbuktu", "Gao'da",
# "Kidalissa", "Gaóban", "Ménakaregionen"), longest first; a stem is tried as written and with the "a" that
# Polish and Czech replace ("Konnę", "Konnie", "Konny" -> "Konna"). Folded keys, so no accents.
_TURKISH_ENDING = re.compile(r"[" + APOSTROPHES + r"](?:y?[aeiıuü]|d[ae]n?|t[ae]n?|n[ıiuü]n|[ıiuü]n|l[ae]|yl[ae]|n[ae])$",
                             re.I)
_ENDINGS = tuple(sorted((
    "regionens", "regionen", "regionu", "regionie", "region", "ssa", "sta", "lla", "lta", "lle", "ban", "ben", "bol",
    "rol", "nal", "nel", "hoz", "hez", "iem", "ach", "ami", "om", "em", "ie", "on", "en", "ra", "re", "ou", "ow",
    "iin", "in", "an", "u", "e", "y", "i", "a", "o", "iu"), key=len, reverse=True))
MIN_STEM_LENGTH = 4


def inflection_stems(word: str) -> list[str]:
    """Keys a word written with a case ending may be the name of ("Kidalu" -> ["kidal", "kidala", …]); the apostrophe
    of Turkish endings makes theirs sure enough for three-letter names ("Gao'da" -> ["gao"])."""
    turkish = _TURKISH_ENDING.search(word)
    if turkish and len(name_key(word[:turkish.start()])) >= 3:
        return [name_key(word[:turkish.start()])]
    key = name_key(word)
    stems: list[str] = []
    for ending in _ENDINGS:
        stem = key[:-len(ending)]
        if key.endswith(ending) and len(stem) >= MIN_STEM_LENGTH:
            stems += [stem, stem + "a"]
    return stems


def base_name(name: str) -> str:
    """'Tabankort (Ménaka)' -> 'Tabankort'; other names unchanged."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def is_person_or_river(found: list[re.Match[str]], i: int, n: int) -> bool:
    """Words i..i+n-1 follow "Ag"/"Ould" (a person's name) or stand beside "River" (a river, not a town)."""
    before = word_key(found[i - 1].group()) if i > 0 else ""
    after = word_key(found[i + n].group()) if i + n < len(found) else ""
    return before in PERSON_LINKS or before in RIVER_WORDS or after in RIVER_WORDS


def is_capitalised(word: str) -> bool:
    """The word (after any French elision) starts with a capital: in prose only these can be place names."""
    return word[elision_length(word):][:1].isupper()
