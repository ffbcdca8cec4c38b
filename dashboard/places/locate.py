"""Placing events on the map: the article's own coordinates when they agree with the place it names, the
gazetteer otherwise.

`place_events` fills each Event's latitude, longitude, location_precision (UCDP where_prec), location_source
and region (the gazetteer's admin-1 region; the country's name outside Mali), and returns a Problem (stage
"geocode") for every event it cannot place, every article coordinate it rejects or doubts (article_point.py),
every choice between homonyms and every spelling it only guessed. A place known only by its region is drawn at
the region (precision 4, an area); one known only by its country is not drawn.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from dashboard.model import Event, Problem
from dashboard.places.article_point import judge_article_point
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.homonyms import Context
from dashboard.places.match import PlaceMatch
from dashboard.text.fold import name_key

STAGE = "geocode"


@dataclass
class Placing:
    """Where an event's place was found (place, title or summary), and what the user should know about it."""
    match: PlaceMatch | None
    source: str = ""  # place, title, summary
    why: str = ""  # why the place text did not do (or why nothing did)
    notes: list[str] = field(default_factory=list)


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
        problems.append(problem(event, f"article coordinates ({event.latitude}, {event.longitude}) are out of "
                                       f"range; placing from the place text instead"))
        event.latitude = event.longitude = None
        event.location_source = ""
    placing = find_place(event, gazetteer)
    problems += [problem(event, note) for note in placing.notes]
    if _has_coordinates(event):
        return problems + _use_article_point(event, placing, gazetteer)
    if placing.match is None:
        return problems + [problem(event, placing.why)]
    if placing.match.country_only:
        return problems + [problem(event, f"{placing.why}: not drawn on the map")]
    if placing.why:
        problems.append(problem(event, placing.why))
    place_at(event, placing.match, placing.source, gazetteer)
    return problems


def _use_article_point(event: Event, placing: Placing, gazetteer: Gazetteer) -> list[Problem]:
    """The article's own coordinates, unless they are rejected for the place it names (article_point.py)."""
    event.location_source = event.location_source or "article"
    if event.location_precision is None:
        event.location_precision = 1
    said = event.place.strip() if placing.source == "place" else f"the {placing.source}"
    verdict = judge_article_point((float(event.latitude), float(event.longitude)), placing.match, said, gazetteer)
    if not verdict.keep and placing.match is not None:
        place_at(event, placing.match, placing.source, gazetteer)
    elif verdict.region_from is not None:
        fill_region(event, verdict.region_from, gazetteer)
    return [problem(event, verdict.reason)] if verdict.reason else []


def find_place(event: Event, gazetteer: Gazetteer) -> Placing:
    """The gazetteer's answer for an event: its place text, else the place its title or summary names."""
    context = named_region(event, gazetteer)
    place_text = event.place.strip()
    area = found = None
    if place_text:
        found = gazetteer.match(place_text, context)
        if found is not None and found.others and not found.choice_named:  # homonyms: ask the lead too
            context = context | lead_context(event, gazetteer)
            found = gazetteer.match(place_text, context)
        if found is not None and not found.country_only:
            return Placing(found, "place", notes=_notes(found))
        area = found or gazetteer.enclosing(place_text, context)
        why = (f"'{place_text}' names only the country ({found.place.name})" if found is not None
               else f"unknown place '{place_text}': no gazetteer entry matches it")
    else:
        why = "no place text"
    countries: list[str] = []
    context = context | lead_context(event, gazetteer)
    for source, text in (("title", event.title), ("summary", event.summary)):
        if source == "summary" and area is not None and not area.country_only:
            break  # the article names the place's region: the lead's other towns may be anywhere in it
        mentions = gazetteer.mentions(text, context)
        best = most_specific(mentions, within=area)
        if best is not None:
            said = f"{why}; placed at '{best.place.name}' from the {source} instead" if place_text else ""
            return Placing(best, source, said, _notes(best))
        countries += [m.place.name for m in mentions if m.country_only]
    if area is not None and not area.country_only:
        return Placing(area, "place", notes=[f"{why}; drawn at {area.place.name} ({_area_word(area)} only)"])
    if area is not None:
        known = "" if found is not None else f"; only the country is known ({area.place.name})"
        return Placing(area, "place", why + known)
    if not place_text and countries:
        return Placing(None, "", f"no place text, and the title and summary name only the country "
                                 f"({', '.join(dict.fromkeys(countries))}): not drawn on the map")
    if not place_text:
        why = "no place text, and no known place in the title or summary"
    return Placing(None, "", why)


def named_region(event: Event, gazetteer: Gazetteer) -> Context:
    """The region the article names for its event (the reader's `region`), as a hint between homonyms."""
    region = gazetteer.match(event.region) if event.region.strip() else None
    return Context.of_qualifiers([region.place]) if region is not None and not region.country_only else Context()


def lead_context(event: Event, gazetteer: Gazetteer) -> Context:
    """The places the article's title and lead name, as hints between homonyms."""
    return Context.of_lead([m.place for text in (event.title, event.summary) for m in gazetteer.mentions(text)])


def most_specific(mentions: list[PlaceMatch], within: PlaceMatch | None = None) -> PlaceMatch | None:
    """The first place named down to a cercle (a Malian one before a foreign one), else the first region or
    wider area; never the country alone. With `within` (the area the place text names), only places inside it."""
    usable = [m for m in mentions if not m.country_only and (within is None or _inside(m, within))]
    return min(usable, key=lambda m: (0 if m.precision <= 3 else m.precision, m.foreign), default=None)


def _inside(match: PlaceMatch, area: PlaceMatch) -> bool:
    place, outer = match.place, area.place
    if outer.kind == "country":
        return place.country == outer.country
    if outer.kind == "cercle":
        return bool(place.cercle) and name_key(place.cercle) == name_key(outer.cercle)
    return bool(place.region) and name_key(place.region) == name_key(outer.region) and place is not outer


def place_at(event: Event, match: PlaceMatch, source: str, gazetteer: Gazetteer) -> None:
    """Put the event at a gazetteer match, saying which row, whether it is an area, and what named it."""
    event.latitude, event.longitude = match.point
    event.location_precision = match.precision
    notes = [w for w in (_area_word(match) if match.is_area else "",
                         f"from the {source}" if source not in ("place", "") else "") if w]
    event.location_source = f"gazetteer: {match.place.name}" + (f" ({', '.join(notes)})" if notes else "")
    fill_region(event, match, gazetteer)


def fill_region(event: Event, match: PlaceMatch, gazetteer: Gazetteer) -> None:
    """The event's region is the gazetteer's (Ménaka and Taoudénit as their own); outside Mali, its country."""
    if match.country_only:
        return
    if match.foreign:
        event.region = gazetteer.country_name(match.place.country)
    elif match.place.region:
        event.region = match.place.region


def _area_word(match: PlaceMatch) -> str:
    if match.how == "between":
        return "between places"
    if match.how == "enclosing" or match.place.kind in ("region", "cercle", "country"):
        return match.place.kind or "area"
    if match.how == "cercle":
        return "cercle"
    return "area" if match.place.is_area else "wider area"


def _notes(match: PlaceMatch) -> list[str]:
    """What a user should know about a match: a homonym chosen without the article naming its region, a spelling
    only guessed."""
    notes = []
    if match.choice and not match.choice_named:
        notes.append(f"'{match.written}': {match.choice}")
    if match.spelling == "fuzzy":
        notes.append(f"'{match.written}' is not in the gazetteer; read as '{match.place.name}' "
                     f"(spelling {match.score:.0f}% alike)")
    return notes


def _has_coordinates(event: Event) -> bool:
    return event.latitude is not None and event.longitude is not None


def _coordinates_valid(event: Event) -> bool:
    lat, lon = event.latitude, event.longitude
    return (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and math.isfinite(lat)
            and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180)


def problem(event: Event, reason: str) -> Problem:
    return Problem(source_file=event.source_file, event_id=event.event_id, stage=STAGE, reason=reason)
