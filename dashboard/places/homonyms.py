"""Choosing between places that share a name, with what the article says around it.

Two Tabankorts (Gao region near Anéfis; Ménaka region by the Niger border), Tinzaouaten (Mali) beside Tin
Zaouatine (Algeria), Bamba (Gao region) and a southern Bamba: the cercle, region or country the article names
decides first, then the other places it names (the candidate nearest to them), then the gazetteer's own order
(a Malian row before a foreign one, a row whose full name it is before one that only shares its base name).
Every choice says why.
"""
from __future__ import annotations

from dataclasses import dataclass

from geopy.distance import geodesic

from dashboard.places.index import Claim
from dashboard.places.rows import Place
from dashboard.text.fold import name_key

# Regions made in 2016 out of older ones: an article written before then names the older region.
OLDER_REGION = {name_key("Ménaka"): name_key("Gao"), name_key("Taoudénit"): name_key("Tombouctou")}
# Candidates nearer than this to the article's other places count as equally near.
NEAR_TIE_KM = 25.0


@dataclass(frozen=True)
class Context:
    """What an article names around a place: cercles, regions (folded keys) and countries (ISO codes) it
    names, and the other places it names (from its lead), to choose between homonyms."""
    cercles: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    nearby: tuple[Place, ...] = ()

    def __or__(self, other: "Context") -> "Context":
        return Context(self.cercles | other.cercles, self.regions | other.regions, self.countries | other.countries,
                       tuple(dict.fromkeys(self.nearby + other.nearby)))

    @classmethod
    def of_qualifiers(cls, places: list[Place]) -> "Context":
        """What the words after a place name say ("…, Kidal Region, Mali", "…, Gao"): each one's cercle, region
        and country."""
        return cls(frozenset(name_key(p.cercle) for p in places if p.kind == "cercle" and p.cercle),
                   frozenset(name_key(p.region) for p in places if p.region),
                   frozenset(p.country for p in places if p.country))

    @classmethod
    def of_lead(cls, places: list[Place]) -> "Context":
        """What an article's title and lead name: the cercles, regions and countries it names as such, and its
        towns as places nearby (a town in the lead may be a distractor, so it only counts by distance)."""
        areas = [p for p in places if p.kind in ("cercle", "region", "country")]
        return cls.of_qualifiers(areas) | cls(nearby=tuple(p for p in places if not p.is_area))


@dataclass(frozen=True)
class Choice:
    """The place chosen among a name's candidates, the others, and why (empty when there was no choice).

    `named` is true when the article itself names the chosen place's cercle, region or country (and not the
    others'): the choice is then the article's, not a guess.
    """
    place: Place
    others: tuple[Place, ...] = ()
    why: str = ""
    named: bool = False


def choose(claims: tuple[Claim, ...], context: Context = Context()) -> Choice:
    """The candidate the context points to; see the module docstring for the order."""
    secondary: dict[Place, bool] = {}
    for claim in claims:
        secondary[claim.place] = secondary.get(claim.place, True) and claim.secondary
    candidates = list(secondary)
    if len(candidates) == 1:
        return Choice(candidates[0])
    distances = {p: _nearest_km(p, context.nearby, candidates) for p in candidates}
    closest = min((d for d in distances.values() if d is not None), default=None)

    def near_rank(place: Place) -> float:
        d = distances[place]
        if closest is None:
            return 0.0
        return float("inf") if d is None else (0.0 if d - closest <= NEAR_TIE_KM else d)

    def rank(place: Place) -> tuple:
        return (*_hint_misses(place, context), near_rank(place), place.foreign, secondary[place], place.line)

    ordered = sorted(candidates, key=rank)
    chosen, runner_up = ordered[0], ordered[1]
    named = _hint_misses(chosen, context) != _hint_misses(runner_up, context)
    return Choice(chosen, tuple(ordered[1:]), _why(chosen, runner_up, context, distances, secondary), named)


def _hint_misses(place: Place, context: Context) -> tuple[bool, bool, bool, bool]:
    """Which hints the place misses: its cercle named, its region, its region's pre-2016 name, its country."""
    region = name_key(place.region)
    cercle_named = bool(place.cercle) and name_key(place.cercle) in context.cercles
    region_named = bool(region) and region in context.regions
    older_named = bool(region) and OLDER_REGION.get(region, region) in context.regions
    return not cercle_named, not region_named, not older_named, place.country not in context.countries


def _older_name(region: str) -> str:
    return {"menaka": "Gao", "taoudenit": "Tombouctou"}.get(name_key(region), region)


def _nearest_km(place: Place, nearby: tuple[Place, ...], candidates: list[Place]) -> float | None:
    others = [p for p in nearby if p not in candidates]
    return min((geodesic(place.point, p.point).km for p in others), default=None)


def _why(chosen: Place, runner_up: Place, context: Context, distances: dict[Place, float | None],
         secondary: dict[Place, bool]) -> str:
    mine, theirs = _hint_misses(chosen, context), _hint_misses(runner_up, context)
    if mine != theirs:
        level = next(i for i, (a, b) in enumerate(zip(mine, theirs)) if a != b)
        named = (f"its cercle, {chosen.cercle}", f"its region, {chosen.region}",
                 f"its region by its pre-2016 name, {_older_name(chosen.region)}", f"its country, {chosen.country}")
        return f"the article names {named[level]}"
    near, far = distances[chosen], distances[runner_up]
    if near is not None and (far is None or far - near > NEAR_TIE_KM):
        names = ", ".join(p.name for p in context.nearby if p not in distances)
        against = f", against {far:.0f} km for the other" if far is not None else ""
        return f"nearest to the other places the article names ({names}): {near:.0f} km{against}"
    if chosen.foreign != runner_up.foreign:
        return "the article names no country: the Malian place first"
    if secondary[chosen] != secondary[runner_up]:
        return f"the article gives no hint: the place called exactly '{chosen.name}' first"
    return "the article gives no hint: the gazetteer's first row"
