"""Everything the detail panel shows for one event, as plain data (no HTML: the app escapes what it renders).

Casualty claims come from views.claims: the range per side and kind, every claim in a table, and every claimant
with their claims, each quoted from its sentence with its date, revision and reference.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from dashboard.text.when import day_text, when_text
from dashboard.parties import parties_of_frame, split_parties
from dashboard.views.claims import (  # noqa: F401 - the claims views, also read from here
    CLAIMS_RANGE_COLUMNS, CLAIMS_TABLE_COLUMNS, SIDES, UNATTRIBUTED, ClaimantGroup, claimant_groups, claims_range,
    claims_table, figure_text,
)
from dashboard.views.control import control_periods
from dashboard.views.history import UnknownEventError, control_at_place, events_at_place, place_history
from dashboard.views.prepared import public_columns
from dashboard.views.sources import Reference, Source, article_titles, cited_references, event_sources

SAME_PLACE_COLUMNS = ["event_id", "start_date", "end_date", "title", "side_a", "side_b", "result"]
EPISODE_TIMELINE_COLUMNS = ["when", "place", "actor", "sentence", "section"]
HOLDER_COLUMNS = ["from", "to", "held by", "disputed", "statements"]

# UCDP GED where_prec, worded for a reader; {name} is the place the point stands for.
PRECISION_WORDS = {
    1: "{name} (exact place)",
    2: "within ~25 km of {name}",
    3: "somewhere in the district (cercle) of {name}",
    4: "somewhere in {region}",
    5: "somewhere in a wider area around {name}",
    6: "somewhere in Mali (country only)",
    7: "international waters or airspace",
}


@dataclass
class SideDetail:
    letter: str  # "a", "b", "c"
    label: str  # "Side A: Mali; Wagner Group"
    parties: list[str]
    commanders: list[str]  # as written, e.g. "Bojan (killed in action)"
    strength: str
    alignment: str  # in this event, see factions.party_alignment


@dataclass
class EventDetail:
    event_id: str
    title: str
    kind: str
    dates: str  # "10–14 November 2023"
    place: str  # as written in the article
    place_name: str  # the place's name on the map (the gazetteer's), for its history
    place_text: str  # "within ~25 km of Anefis"
    region: str
    latitude: float | None
    longitude: float | None
    sides: list[SideDetail]
    result: str
    part_of: str
    summary: str
    claims: pd.DataFrame  # claims_table
    claim_ranges: pd.DataFrame  # claims_range
    claimants: list[ClaimantGroup]  # claimant_groups: every claimant with their claims, sentences and references
    sections: list[tuple[str, str]]
    infobox: dict[str, str]
    source_file: str
    also_described_in: list[str]
    same_place: pd.DataFrame  # other events at this place, by date
    notes: list[str] = field(default_factory=list)  # what could not be read, said plainly
    sources: list[Source] = field(default_factory=list)  # the articles it comes from, by title
    references: list[Reference] = field(default_factory=list)  # what its claims cite
    event_type: str = ""  # views.event_types
    episodes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EPISODE_TIMELINE_COLUMNS))
    place_history: pd.DataFrame = field(default_factory=pd.DataFrame)  # views.history.place_history
    holders: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=HOLDER_COLUMNS))  # who held the place
    origins: str = ""  # where the fields came from, in words (origins_text)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def place_name(place: Any, location_source: Any = "") -> str:
    """The place's name as the map knows it: the gazetteer's row, else the first part of the place as written."""
    source = _text(location_source)
    if source.startswith("gazetteer:"):
        return re.sub(r"\s*\(from the [^)]*\)\s*$", "", source.split(":", 1)[1]).strip()
    return _text(place).split(",")[0].strip()


def place_text(place: Any, precision: Any, location_source: Any = "", region: Any = "",
               located: bool = True) -> str:
    """Where the map point stands, in words: "Kidal (exact place)", "within ~25 km of Anefis"…"""
    written = _text(place)
    source = _text(location_source)
    name = source.split(":", 1)[1].strip() if source.startswith("gazetteer:") else written.split(",")[0].strip()
    name = name or written
    if not located:
        return f"{written} (not located on the map)" if written else "place unknown"
    level = _int(precision)
    if level not in PRECISION_WORDS:
        return f"{name} (precision not stated)"
    region_name = _text(region)
    region_words = f"{region_name} Region" if region_name else f"the region of {name}"
    return PRECISION_WORDS[level].format(name=name, region=region_words)


def _decode_sections(text: Any, notes: list[str]) -> list[tuple[str, str]]:
    if not _text(text):
        return []
    try:
        items = json.loads(text)
        return [(str(heading), str(body)) for heading, body in items]
    except (json.JSONDecodeError, TypeError, ValueError):
        notes.append("the article's sections could not be read")
        return []


def _decode_infobox(text: Any, notes: list[str]) -> dict[str, str]:
    if not _text(text):
        return {}
    try:
        box = json.loads(text)
        if not isinstance(box, dict):
            raise TypeError(type(box).__name__)
        return {str(k): str(v) for k, v in box.items()}
    except (json.JSONDecodeError, TypeError):
        notes.append("the article's infobox could not be read")
        return {}


_ORIGIN_FIELDS = {"date": "date", "place": "place", "coordinates": "map point", "side_a": "side A", "side_b": "side B",
                  "side_c": "side C", "claims": "casualty figures"}
_ORIGIN_WORDS = {"infobox": "the infobox", "lead": "the lead", "body": "the article's own sections",
                 "title": "the title", "page": "the page's coordinate line"}


def origins_text(origins: Any) -> str:
    """Where an event's fields came from, in words: "date: the lead; place: the title; side B: the lead"."""
    try:
        found = json.loads(origins) if isinstance(origins, str) and origins.strip() else {}
    except json.JSONDecodeError:
        return ""
    if not isinstance(found, dict):
        return ""
    parts = []
    for key, name in _ORIGIN_FIELDS.items():
        where = found.get(key)
        if isinstance(where, str) and where:
            words = " and ".join(_ORIGIN_WORDS.get(w, w) for w in where.split("+"))
            parts.append(f"{name}: {words}")
    return "; ".join(parts)


def _sides(row: pd.Series, parties: pd.DataFrame) -> list[SideDetail]:
    """Each side with its parties (as written), commanders, strength and alignment in this event."""
    own = parties[parties["event_id"] == row.get("event_id")].sort_values(["side", "position"], kind="stable")
    sides = []
    for letter in SIDES:
        rows = own[own["side"] == letter]
        names = rows["party"].tolist()
        commanders = split_parties(row.get(f"commanders_{letter}"))
        strength = _text(row.get(f"strength_{letter}"))
        if not (names or commanders or strength):
            continue
        label = f"Side {letter.upper()}" + (f": {'; '.join(names)}" if names else "")
        alignment = rows["side_alignment"].iloc[0] if len(rows) else "unknown"
        sides.append(SideDetail(letter, label, names, commanders, strength, alignment))
    return sides


def _coordinate(value: Any) -> float | None:
    return float(value) if value is not None and not pd.isna(value) and math.isfinite(float(value)) else None


def event_detail(event_id: str, events: pd.DataFrame, claims: pd.DataFrame,
                 text: Mapping[str, Any] | None = None, parties: pd.DataFrame | None = None,
                 control: pd.DataFrame | None = None, episodes: pd.DataFrame | None = None) -> EventDetail:
    """The detail panel's content for one event; pass the whole catalogue so "same place" sees every event.

    `text` gives the event's summary, sections and infobox when `events` leaves them out (Catalogue.event_text);
    `parties` is the catalogue's parties table (derived from the event's side columns when not given); `control`
    and `episodes` the catalogue's tables, for the event's day-by-day timeline and its place's history.
    """
    rows = events[events["event_id"] == event_id]
    if rows.empty:
        raise UnknownEventError(f"no event with id {event_id!r}")
    row = rows.iloc[0]
    if text:
        row = row.astype(object)  # a copy that can take the text cells whatever the row's dtype
        for column, value in text.items():
            row[column] = value
    notes: list[str] = []
    if parties is None:
        parties = parties_of_frame(rows.head(1))
    sides = _sides(row, parties)
    labels = {s.letter: s.label for s in sides}
    own_claims = claims[claims["event_id"] == event_id]
    latitude, longitude = _coordinate(row.get("latitude")), _coordinate(row.get("longitude"))
    same_place = public_columns(events_at_place(events, event_id))
    also = [s.strip() for s in _text(row.get("also_described_in")).split(";") if s.strip()]
    return EventDetail(
        event_id=event_id, title=_text(row.get("title")), kind=_text(row.get("kind")),
        dates=when_text(row.get("start_date"), row.get("end_date"), row.get("date_precision")),
        place=_text(row.get("place")), place_name=place_name(row.get("place"), row.get("location_source")),
        place_text=place_text(row.get("place"), row.get("location_precision"), row.get("location_source"),
                              row.get("region"), located=latitude is not None and longitude is not None),
        region=_text(row.get("region")), latitude=latitude, longitude=longitude, sides=sides,
        result=_text(row.get("result")), part_of=_text(row.get("part_of")), summary=_text(row.get("summary")),
        claims=claims_table(own_claims, labels), claim_ranges=claims_range(own_claims, labels),
        claimants=claimant_groups(own_claims, labels),
        sections=_decode_sections(row.get("sections"), notes), infobox=_decode_infobox(row.get("infobox"), notes),
        source_file=_text(row.get("source_file")),
        also_described_in=also,
        same_place=same_place.loc[:, SAME_PLACE_COLUMNS].reset_index(drop=True), notes=notes,
        sources=event_sources(row, also, article_titles(events[events["source_file"].isin([row.get("source_file"), *also])])),
        event_type=_text(row.get("event_type")), references=cited_references(own_claims),
        episodes=episode_timeline(episodes, event_id) if episodes is not None else
        pd.DataFrame(columns=EPISODE_TIMELINE_COLUMNS),
        place_history=place_history(events, control, event_id) if control is not None else pd.DataFrame(),
        holders=place_holders(control, events, event_id) if control is not None else
        pd.DataFrame(columns=HOLDER_COLUMNS),
        origins=origins_text(row.get("origins")),
    )


def episode_timeline(episodes: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The event's episodes by date (the text's order within a day), as the panel lists them."""
    own = episodes[episodes["event_id"] == event_id]
    anchor = own["date_start"].where(own["date_start"] != "", own["date_end"])
    own = own.assign(_anchor=anchor).sort_values(["_anchor", "position"], kind="stable")
    return pd.DataFrame({
        "when": [("by " if not s else "") + when_text(s or e, e, p) for s, e, p in
                 zip(own["date_start"], own["date_end"], own["precision"])],
        "place": [w or p for w, p in zip(own["place_as_written"], own["place"])],
        "actor": own["actor"].tolist(), "sentence": own["sentence"].tolist(), "section": own["section"].tolist(),
    }, columns=EPISODE_TIMELINE_COLUMNS)


def place_holders(control: pd.DataFrame, events: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """Who held this event's place from when to when (not its camps or other parts), from every article."""
    here = control_at_place(control, events, event_id)
    periods = control_periods(here[here["site"] == ""]) if len(here) else pd.DataFrame()
    if periods.empty:
        return pd.DataFrame(columns=HOLDER_COLUMNS)
    return pd.DataFrame({
        "from": [day_text(s, p) for s, p in zip(periods["start"], periods["precision"])],
        "to": [day_text(e, p) if e else "last statement" for e, p in zip(periods["end"], periods["end_precision"])],
        "held by": ["; ".join(h) or f"no known holder (left by {left})" for h, left in
                    zip(periods["holders"], periods["left_by"])],
        "disputed": periods["disputed"].tolist(), "statements": periods["statements"].map(len).tolist(),
    }, columns=HOLDER_COLUMNS)
