"""Placing events on the map: article coordinates when the article has them, the gazetteer otherwise.

`place_events` fills each Event's latitude, longitude, location_precision (UCDP where_prec), location_source
and, when the event has none, its region; it returns a Problem (stage "geocode") for every event it cannot
place and for every article coordinate the gazetteer disagrees with by more than ~10 km (an article
coordinate outside Mali for a place the gazetteer has in Mali is not used).
"""
from __future__ import annotations

import math
from functools import lru_cache

from countryinfo import CountryInfo
from geopy.distance import geodesic
from geopy.location import Location

from dashboard.places.gazetteer import Gazetteer
from dashboard.model import Event, Problem

STAGE = "geocode"
DISAGREE_KM = 10.0


def place_events(events: list[Event], gazetteer: Gazetteer) -> list[Problem]:
    """Locate every event in place; the problems say which could not be placed and why."""
    problems: list[Problem] = []
    for event in events:
        problems.extend(place_event(event, gazetteer))
    return problems


def place_event(event: Event, gazetteer: Gazetteer) -> list[Problem]:
    """Locate one event in place."""
    problems: list[Problem] = []
    if _has_coordinates(event) and not _coordinates_valid(event):
        problems.append(_problem(event, f"article coordinates ({event.latitude}, {event.longitude}) are out of "
                                        f"range; placing from the place text instead"))
        event.latitude = event.longitude = None
        event.location_source = ""
    if _has_coordinates(event):
        return problems + _keep_article_coordinates(event, gazetteer)
    found, how, why = _resolve(event, gazetteer)
    if found is None:
        return problems + [_problem(event, why)]
    if why:
        problems.append(_problem(event, why))
    _place_at(event, found, how)
    return problems


def _place_at(event: Event, found: Location, how: str) -> None:
    """Put the event at a gazetteer place, saying which row and (unless it was the place text) what named it."""
    name = found.raw["place"]["name"]
    event.latitude, event.longitude = found.latitude, found.longitude
    event.location_precision = int(found.raw["precision"])
    event.location_source = f"gazetteer: {name}" + (f" (from the {how})" if how != "place" else "")
    _fill_region(event, found)


def _keep_article_coordinates(event: Event, gazetteer: Gazetteer) -> list[Problem]:
    """The article's own coordinate line wins; a gazetteer point far from it is recorded, not used.

    Except when the article's point is not even in Mali while the place it names is: then the point is a
    typo (a flipped sign, swapped numbers), so the event goes to the named place and the problem says so.
    """
    event.location_source = event.location_source or "article"
    if event.location_precision is None:
        event.location_precision = 1
    found, how, _ = _resolve(event, gazetteer)
    problems: list[Problem] = []
    if found is not None and found.raw["precision"] <= 3:
        km = geodesic((event.latitude, event.longitude), (found.latitude, found.longitude)).km
        if km > DISAGREE_KM:
            said = event.place if how == "place" else f"the {how}"
            article = f"article coordinates ({event.latitude:.4f}, {event.longitude:.4f})"
            gazetteer_point = (f"gazetteer '{found.raw['place']['name']}' ({found.latitude:.4f}, {found.longitude:.4f}) "
                               f"for '{said}'")
            if not _within_mali(event.latitude, event.longitude):
                _place_at(event, found, how)
                return [_problem(event, f"{article} lie outside Mali, {km:.0f} km from {gazetteer_point}; placed at "
                                        f"the gazetteer's point instead")]
            problems.append(_problem(event, f"{article} are {km:.0f} km from {gazetteer_point}; kept the article's"))
    agrees = found is not None and found.raw["precision"] <= 3 and not problems
    region_from = found if agrees else (gazetteer.reverse((event.latitude, event.longitude)) or found)
    if region_from is not None:
        _fill_region(event, region_from)
    return problems


def _resolve(event: Event, gazetteer: Gazetteer) -> tuple[Location | None, str, str]:
    """The gazetteer place for an event, where it came from (place, title, summary), and any problem text."""
    place_text = event.place.strip()
    if place_text:
        found = gazetteer.geocode(place_text)
        if found is not None and not found.raw["foreign"]:
            return found, "place", ""
        why = (f"only a foreign place in '{place_text}': {found.raw['place']['name']} "
               f"({found.raw['place']['country']})" if found is not None
               else f"unknown place '{place_text}': no gazetteer entry matches it")
    else:
        why = "no place text"
    for how, text in (("title", event.title), ("summary", event.summary)):
        mentions = gazetteer.find_places(text)
        best = _most_specific(mentions)
        if best is not None:
            return best, how, (f"{why}; placed at '{best.raw['place']['name']}' from the {how} instead"
                               if place_text else "")
        foreign = [m.raw["place"]["name"] for m in mentions if m.raw["foreign"]]
        if foreign and not place_text:
            why = f"no place text, and only a foreign place in the {how}: {', '.join(foreign)}"
    if not place_text and why == "no place text":
        why = "no place text, and no known place in the title or summary"
    return None, "", why


def _most_specific(mentions: list[Location]) -> Location | None:
    """The first Malian place named, a town before a region before the country."""
    malian = [m for m in mentions if not m.raw["foreign"]]
    return min(malian, key=lambda m: m.raw["precision"] if m.raw["precision"] >= 4 else 0, default=None)


def _fill_region(event: Event, found: Location) -> None:
    region = found.raw["place"].get("region", "")
    if not event.region and region and not found.raw["foreign"]:
        event.region = region


@lru_cache(maxsize=1)
def _mali_extent() -> tuple[float, float, float, float]:
    """South, north, west and east edges of Mali, from the country outline the map draws (countryinfo)."""
    ring = CountryInfo("MLI").geo_json()["features"][0]["geometry"]["coordinates"][0]
    lons, lats = zip(*ring)
    return min(lats), max(lats), min(lons), max(lons)


def _within_mali(lat: float, lon: float) -> bool:
    """False for a point certainly outside Mali (outside its bounding box); border areas count as inside."""
    south, north, west, east = _mali_extent()
    return south <= lat <= north and west <= lon <= east


def _has_coordinates(event: Event) -> bool:
    return event.latitude is not None and event.longitude is not None


def _coordinates_valid(event: Event) -> bool:
    lat, lon = event.latitude, event.longitude
    return (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and math.isfinite(lat)
            and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180)


def _problem(event: Event, reason: str) -> Problem:
    return Problem(source_file=event.source_file, event_id=event.event_id, stage=STAGE, reason=reason)
