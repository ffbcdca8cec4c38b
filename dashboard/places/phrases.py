"""Reading a place phrase around its names: "near Anefis", "15 km west of Anefis", "between Ansongo and Ménaka",
"Tessalit Cercle", "Tabankort (Ménaka Cercle, near the Niger border)".

A query is split at its top-level commas and semicolons: the first part holds the place, the others (and any
parenthesis in the first) qualify it. The words of the first part that are not names say how the event relates
to the place named: nothing (the place itself), its cercle, near it or some distance away, between two places.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.text.numbers import NUMBER_WORDS

# Words around a place name that do not move the event away from it ("the town of Anefis", "Dioura (Malian
# military base)", "Aguel'hoc (MINUSMA camp)"): articles, prepositions and the kinds of site.
FILLER = frozenset({
    "the", "a", "an", "of", "in", "at", "on", "and", "town", "city", "village", "locality", "commune", "rural",
    "urban", "camp", "military", "base", "de", "du", "des", "la", "le", "les", "d", "l", "ville", "localite",
    "malian", "army", "post", "garrison", "fort", "outpost", "inn", "old", "site", "market", "minusma", "un",
    "itself", "centre", "center", "oued", "wadi", "forest", "foret", "camp", "poste", "militaire", "campo",
    "villaggio", "citta", "base", "aerodrome", "airport", "airfield",
})
CERCLE_WORDS = frozenset({"cercle", "circle", "district"})
BETWEEN_WORDS = frozenset({"between", "entre", "tra", "fra"})
UNITS_KM = {"km": 1.0, "kms": 1.0, "kilometer": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometres": 1.0,
            "mile": 1.609344, "miles": 1.609344, "mi": 1.609344}
NEAR_KM = 25.0  # UCDP where_prec 2: within ~25 km of a named place
# Words that move an event away from the place named ("near", "outskirts", "15 km from").
PROXIMITY_WORDS = frozenset({
    "near", "nearby", "close", "around", "outskirts", "surrounding", "surroundings", "vicinity", "from",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "pres", "proche",
    "environs", "alentours", "nord", "sud", "est", "ouest", "vicino", "presso", "pressi", *UNITS_KM,
})
# The words a place phrase is made of besides names: the fuzzy matcher never reads these as a misspelt place.
PHRASE_WORDS = frozenset({
    *FILLER, *CERCLE_WORDS, *BETWEEN_WORDS, *UNITS_KM, *NUMBER_WORDS, "hundred",
    "near", "nearby", "close", "to", "from", "around", "outskirts", "surrounding", "surroundings", "areas", "area",
    "vicinity", "region", "province", "north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "northern", "southern", "eastern", "western", "central", "border", "près", "pres", "proche",
    "environs", "alentours", "nord", "sud", "est", "ouest", "frontiere", "vicino", "presso", "about", "some",
    "approximately", "roughly", "km", "mali", "country", "state", "road", "route", "highway", "axis", "axe",
})


@dataclass(frozen=True)
class Relation:
    """How an event relates to the place a phrase names."""
    kind: str  # name, cercle, relative (near or some distance away)
    words: tuple[str, ...] = ()
    distance_km: float | None = None

    @property
    def far(self) -> bool:
        return self.distance_km is not None and self.distance_km > NEAR_KM


def split_query(query: str) -> list[str]:
    """The query's parts at top-level commas and semicolons, also the ideographic ones ("Tin Keraten (oued; …), Mali",
    "マリ、コンナ" -> 2 parts)."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(query):
        depth += {"(": 1, "[": 1, ")": -1, "]": -1, "（": 1, "）": -1}.get(ch, 0)
        depth = max(depth, 0)
        if ch in ",;、，；" and depth == 0:
            parts.append(query[start:i])
            start = i + 1
    parts.append(query[start:])
    return [p.strip() for p in parts if p.strip()]


def bracketed(text: str) -> list[tuple[int, int]]:
    """Character spans of the top-level parentheses and brackets of a text, brackets included."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            if depth == 0:
                start = i
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans


def relation_of(other_words: list[str]) -> Relation:
    """The relation the non-name words of a place phrase state (folded words, in order)."""
    relation = tuple(w for w in other_words if w not in FILLER)
    if not relation:
        return Relation("name")
    if set(relation) <= CERCLE_WORDS:
        return Relation("cercle", relation)
    return Relation("relative", relation, distance_km(list(other_words)))


def proximity_words(other_words: list[str]) -> list[str]:
    """Only the words that move the event away from a place ("near the town" -> ["near"]), with any distance."""
    keep = [i for i, w in enumerate(other_words) if w in PROXIMITY_WORDS]
    numbers = [i - 1 for i in keep if other_words[i] in UNITS_KM and i > 0]
    return [w for i, w in enumerate(other_words) if i in keep or i in numbers or re.fullmatch(r"\d+(km|kms|mi)", w)]


def names_between(other_words: list[str]) -> bool:
    return bool(BETWEEN_WORDS & set(other_words))


def distance_km(words: list[str]) -> float | None:
    """"fifteen kilometers", "20 km", "twenty-five miles" -> kilometres; None when no distance is given."""
    for i, word in enumerate(words):
        number = re.fullmatch(r"(\d+(?:[.,]\d+)?)(km|kms|mi)?", word)
        if number and number.group(2):
            return float(number.group(1).replace(",", ".")) * UNITS_KM[number.group(2)]
        if word not in UNITS_KM or i == 0:
            continue
        value = _number_before(words[:i])
        if value is not None:
            return value * UNITS_KM[word]
    return None


def _number_before(words: list[str]) -> float | None:
    total, seen = 0.0, False
    for word in reversed(words):
        if re.fullmatch(r"\d+(?:[.,]\d+)?", word):
            return float(word.replace(",", ".")) + total
        if word == "hundred":
            total, seen = total + 100, True
        elif word in NUMBER_WORDS or word in ("a", "an"):
            total, seen = total + NUMBER_WORDS.get(word, 1), True
        else:
            break
    return total if seen else None
