"""The project's own gazetteer of the Mali War's geography, used as a geopy-style geocoder that never goes online.

`Gazetteer.from_csv(path)` loads the sourced places (rows.py); `geocode(query)` answers like any geopy geocoder
with `geopy.location.Location` objects; `match(query)` gives the same answer as a typed `PlaceMatch` (match.py)
with its UCDP precision, how the phrase relates to the place, how the name was spelt and, for a name several
places share, which was chosen and why. `find_places(text)` / `mentions(text)` list the places free text names;
`reverse(point)` / `nearest(point)` the places near a point. Names are matched in index.py, phrases read in
phrases.py, homonyms chosen in homonyms.py.
"""
from __future__ import annotations

import math
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterable

import numpy as np
from geopy.distance import geodesic
from geopy.location import Location
from geopy.point import Point

from dashboard import paths
from dashboard.model import Problem
from dashboard.places.homonyms import Choice, Context, choose
from dashboard.places.index import SAME_PLACE_KM, Mention, NameIndex, km
from dashboard.places.match import PlaceMatch
from dashboard.places.names import is_capitalised, word_key, words
from dashboard.places.phrases import (NEAR_KM, PHRASE_WORDS, bracketed, names_between, proximity_words,
                                      relation_of, split_query)
from dashboard.places.rows import REQUIRED_COLUMNS, Place, read_places

DEFAULT_CSV = paths.GAZETTEER
__all__ = ["DEFAULT_CSV", "REQUIRED_COLUMNS", "Context", "Gazetteer", "Place", "PlaceMatch"]
EARTH_KM = 6371.0088
# Capitalised words of prose that are never a misspelt place (the fuzzy matcher skips them).
_PROSE_WORDS = PHRASE_WORDS | {"battle", "attack", "attacks", "ambush", "combat", "bataille", "attaque", "raid",
                               "siege", "second", "first", "third", "fall", "massacre", "operation", "part"}


def _query_name_word(word: str) -> bool:
    key = word_key(word)
    return key not in PHRASE_WORDS and not key.isdigit()


def _prose_name_word(word: str) -> bool:
    return is_capitalised(word) and word_key(word) not in _PROSE_WORDS


class Gazetteer:
    """A geocoder over the gazetteer rows, following geopy's `geocode(query, exactly_one=...)` contract."""

    def __init__(self, places: Iterable[Place], problems: Iterable[Problem] = (), source_file: str = "gazetteer"):
        self.places: list[Place] = list(places)
        self.source_file = source_file
        self._index = NameIndex(self.places, source_file)
        self.problems: list[Problem] = [*problems, *self._index.problems]
        self._countries = {p.country: p.name for p in self.places if p.kind == "country"}
        self._points = np.radians(np.array([p.point for p in self.places], dtype=float).reshape(-1, 2))
        # Events share place texts, titles and leads: each is read once per context.
        self._cached_matches = lru_cache(maxsize=4096)(self._matches)
        self._cached_mentions = lru_cache(maxsize=4096)(self._mentions)

    @classmethod
    def from_csv(cls, path: str | Path) -> "Gazetteer":
        """Load and validate a gazetteer CSV; bad rows become `problems`, the good ones still load."""
        places, problems = read_places(path)
        return cls(places, problems, Path(path).name)

    # -- geopy contract ----------------------------------------------------------------------------------------

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: float | None = None
                ) -> Location | list[Location] | None:
        """The place a query names, or None. `timeout` is accepted for geopy compatibility; nothing goes online."""
        found = [m.location() for m in self.matches(query or "")]
        if not found:
            return None
        return found[0] if exactly_one else found

    def reverse(self, query: Any, *, exactly_one: bool = True, max_km: float = NEAR_KM
                ) -> Location | list[Location] | None:
        """The Malian places within `max_km` of a point, nearest first (geopy's reverse contract)."""
        found = [m.location() for m in self.nearest(Point(query), max_km)]
        if not found:
            return None
        return found[0] if exactly_one else found

    def find_places(self, text: str) -> list[Location]:
        """The known places free text names, whole words only, in order of first appearance."""
        return [m.location() for m in self.mentions(text)]

    def place_named(self, name: str) -> Place | None:
        """The row a name (or alt name) belongs to, Malian rows first."""
        claims = tuple(c for c in self._index.claims_named(name) if not c.secondary)
        return choose(claims).place if claims else None

    # -- the typed answers ------------------------------------------------------------------------------------

    def match(self, query: str, context: Context = Context()) -> PlaceMatch | None:
        """The one place a query stands for, with the precision its wording allows; None if it names none."""
        found = self.matches(query, context)
        return found[0] if found else None

    def matches(self, query: str, context: Context = Context()) -> list[PlaceMatch]:
        """The place a query stands for first, then every other place it names (none: an empty list)."""
        return list(self._cached_matches(query or "", context))

    def _matches(self, query: str, context: Context) -> list[PlaceMatch]:
        parts = split_query(query or "")
        if not parts:
            return []
        if len(parts) > 1 and self._only_country(parts[0]) and not all(map(self._only_country, parts[1:])):
            parts = [*parts[1:], parts[0]]  # "マリ、コンナ": Japanese and Korean write the country first
        head, qualifiers = parts[0], parts[1:]
        found = words(head)
        spans = bracketed(head)
        inside = [any(a <= w.start() < b for a, b in spans) for w in found]
        mentions = self._index.scan(head, capitalised=False, name_word=_query_name_word)
        named = [m for m in mentions if not inside[m.first]]
        aside = [m for m in mentions if inside[m.first]]
        hints = context | Context.of_qualifiers([choose(m.claims).place for m in aside] + self._places_in(qualifiers))
        if not named:
            return []
        chosen = [(m, choose(m.claims, hints)) for m in named]
        if any(c.place.kind != "country" for _, c in chosen):  # "말리 키달": the town, in its country
            chosen = [(m, c) for m, c in chosen if c.place.kind != "country"]
        if any(not c.place.foreign for _, c in chosen):  # a foreign place never wins over a Malian one
            chosen = [(m, c) for m, c in chosen if not c.place.foreign]
        covered = {i for m in mentions for i in range(m.first, m.end)}
        others = [word_key(w.group()) for i, w in enumerate(found) if i not in covered and not inside[i]]
        for a, b in spans:
            if not any(a <= m.start_char < b for m in aside):
                others += proximity_words([word_key(w.group()) for w in words(head[a:b])])
        primary = self._primary(query, chosen, others, _said(head, named[0]))
        rest = [self._make(c, m, query, precision=c.place.precision, how="mention", written=_said(head, m))
                for m, c in chosen[1:]]
        return [primary, *rest]

    def _only_country(self, part: str) -> bool:
        named = self._index.scan(part, capitalised=False)
        return bool(named) and all(c.place.kind == "country" for m in named for c in m.claims)

    def mentions(self, text: str, context: Context = Context(), *, fuzzy: bool = True) -> list[PlaceMatch]:
        """The places free text names (capitalised, whole words), once each, in order of first appearance."""
        return list(self._cached_mentions(text or "", context, fuzzy))

    def _mentions(self, text: str, context: Context, fuzzy: bool) -> list[PlaceMatch]:
        found = self._index.scan(text, capitalised=True, name_word=_prose_name_word if fuzzy else None)
        sure = [m.places()[0] for m in found if len(m.places()) == 1]
        lead = context | Context.of_lead(sure)
        matches: list[PlaceMatch] = []
        seen: set[str] = set()
        for mention in found:
            choice = choose(mention.claims, lead)
            if choice.place.name in seen:
                continue
            seen.add(choice.place.name)
            matches.append(self._make(choice, mention, text, precision=choice.place.precision, how="mention",
                                      offset=mention.start_char, written=text[mention.start_char:mention.end_char]))
        return matches

    def enclosing(self, query: str, context: Context = Context()) -> PlaceMatch | None:
        """When a query's place is unknown ("Tabarde, Ménaka Region, Mali"), the most specific cercle, region or
        country its other words name, at that area's precision; None if they name none."""
        parts = split_query(query or "")
        if not parts:
            return None
        spans = bracketed(parts[0])
        asides = [parts[0][a:b].strip("()[] ") for a, b in spans] + parts[1:]
        areas = [p for p in self._places_in(asides, context) if p.kind in ("cercle", "region", "country")]
        if not areas:
            return None
        area = min(areas, key=lambda p: p.precision)
        unknown = parts[0]
        for a, b in reversed(spans):
            unknown = unknown[:a] + unknown[b:]
        return PlaceMatch(area, area.precision, "enclosing", query, area.point, area.address,
                          relation=f"'{unknown.strip()}' is not in the gazetteer")

    def nearest(self, point: tuple[float, float] | Point, max_km: float = NEAR_KM, *,
                malian_towns_only: bool = True) -> list[PlaceMatch]:
        """The places within `max_km` of a point, nearest first: Malian settlements only unless told otherwise
        (then every row but the countries)."""
        lat, lon = float(point[0]), float(point[1])
        distances = self._distances_km(lat, lon)
        found = []
        for i in np.flatnonzero(distances <= max_km + 1):
            place, distance = self.places[i], geodesic((lat, lon), self.places[i].point).km
            if distance > max_km or place.kind == "country":
                continue
            if malian_towns_only and (place.foreign or place.is_area):
                continue
            found.append((distance, place))
        found.sort(key=lambda pair: pair[0])
        return [PlaceMatch(p, max(p.precision, 1 if d <= 1 else 2), "reverse", f"{lat}, {lon}", p.point, p.address,
                           distance_km=round(d, 1)) for d, p in found]

    def country_name(self, code: str) -> str:
        """"NE" -> "Niger", as the gazetteer's country row spells it (the code itself when it has none)."""
        return self._countries.get(code.upper(), code.upper())

    def homonyms(self, place: Place) -> list[Place]:
        """Other rows that one of this place's names may also mean, more than 10 km away."""
        others = {c.place for name in place.names for c in self._index.claims_named(name) if c.place is not place}
        return sorted((p for p in others if km(p, place) > SAME_PLACE_KM), key=lambda p: p.line)

    def twins(self, place: Place) -> list[Place]:
        """Rows in another country that share one of this place's names (twin towns across a border)."""
        others = {c.place for name in place.names for c in self._index.claims_named(name)}
        return sorted((p for p in others if p.country != place.country and p.kind != "country"), key=lambda p: p.line)

    # -- building answers -------------------------------------------------------------------------------------

    def _places_in(self, texts: list[str], context: Context = Context()) -> list[Place]:
        return [choose(m.claims, context).place for text in texts
                for m in self._index.scan(text, capitalised=False)]

    def _primary(self, query: str, chosen: list[tuple[Mention, Choice]], others: list[str], said: str
                 ) -> PlaceMatch:
        """The one match a query stands for, with the precision its wording allows."""
        mention, first = chosen[0]
        place = first.place
        make = partial(self._make, written=said)
        if len(chosen) >= 2 and names_between(others):
            a, b = place, chosen[1][1].place
            return make(first, mention, query, precision=5, how="between", point=_midpoint(a, b),
                              places=(a, b), address=f"between {a.name} and {b.name}")
        if len(chosen) >= 2:
            spread = max(km(place, c.place) for _, c in chosen[1:])
            return make(first, mention, query, precision=max(place.precision, 2 if spread <= NEAR_KM else 5),
                              how="several", places=tuple(c.place for _, c in chosen), spread_km=round(spread, 1))
        relation = relation_of(others)
        if relation.kind == "cercle":
            return make(first, mention, query, precision=max(place.precision, 3), how="cercle")
        if relation.kind == "relative":
            return make(first, mention, query, precision=max(place.precision, 5 if relation.far else 2),
                              how="relative", relation=" ".join(relation.words), distance_km=relation.distance_km)
        return make(first, mention, query, precision=place.precision, how="name")

    def _make(self, choice: Choice, mention: Mention, query: str, *, precision: int, how: str,
              point: tuple[float, float] | None = None, address: str | None = None, written: str = "",
              **extra: Any) -> PlaceMatch:
        place = choice.place
        reason = ""
        if choice.others:
            rivals = "; ".join(self._label(p) for p in choice.others)
            reason = f"chose {self._label(place)} over {rivals}: {choice.why}"
        return PlaceMatch(place, precision, how, query, point or place.point, address or place.address,
                          spelling=mention.spelling, score=mention.score, written=written or query, choice=reason,
                          others=choice.others, choice_named=choice.named, **extra)

    def _label(self, place: Place) -> str:
        """"Tabankort (Gao region)", "Tin Zaouatine (Algeria)"; a name that says where already stays as it is."""
        if place.name.endswith(")"):
            return place.name
        where = f"{place.region} region" if place.region and not place.foreign else self.country_name(place.country)
        return f"{place.name} ({where})"

    def _distances_km(self, lat: float, lon: float) -> np.ndarray:
        """Great-circle distances from a point to every row (haversine; a first cut before geodesic)."""
        if not len(self._points):
            return np.zeros(0)
        p1, l1 = math.radians(lat), math.radians(lon)
        p2, l2 = self._points[:, 0], self._points[:, 1]
        h = np.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
        return 2 * EARTH_KM * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def _said(text: str, mention: Mention) -> str:
    return text[mention.start_char:mention.end_char]


def _midpoint(a: Place, b: Place) -> tuple[float, float]:
    """The point halfway along the geodesic from a to b."""
    half = geodesic(a.point, b.point).km / 2
    mid = geodesic(kilometers=half).destination(a.point, _bearing(*a.point, *b.point))
    return mid.latitude, mid.longitude


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return (math.degrees(math.atan2(x, y)) + 360) % 360
