"""Everything the detail panel shows for one event, as plain data (no HTML: the app escapes what it renders).

Casualty claims are grouped so that conflicting figures for the same side and kind sit together, with
the range they imply: side b killed, 2 (per MNLA) and 30 (per Mali) -> 2–30.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

import pandas as pd

from dashboard.text.when import when_text
from dashboard.parties import parties_of_frame, split_parties
from dashboard.views.history import UnknownEventError, events_at_place
from dashboard.views.prepared import public_columns
from dashboard.views.sources import Source, article_titles, event_sources

SIDES = ("a", "b", "c")
SIDE_ORDER = (*SIDES, "civilian")
KIND_ORDER = ("killed", "injured", "captured", "missing", "vehicles destroyed", "vehicles captured",
              "displaced", "unknown")
SAME_PLACE_COLUMNS = ["event_id", "start_date", "end_date", "title", "side_a", "side_b", "result"]
CLAIMS_TABLE_COLUMNS = ["side", "kind", "figure", "low", "high", "claimed_by", "text"]
CLAIMS_RANGE_COLUMNS = ["side", "kind", "range", "low", "high", "claims", "unquantified", "claimants", "claimed_by",
                        "conflicting"]
UNATTRIBUTED = "unattributed"

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
    sections: list[tuple[str, str]]
    infobox: dict[str, str]
    source_file: str
    also_described_in: list[str]
    same_place: pd.DataFrame  # other events at this place, by date
    notes: list[str] = field(default_factory=list)  # what could not be read, said plainly
    sources: list[Source] = field(default_factory=list)  # the articles it comes from, by title
    event_type: str = ""  # views.event_types


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


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


def figure_text(low: Any, high: Any) -> str:
    """ "30", "10–20", "14+" (open-ended), "up to 30", or "unquantified" ("dozens")."""
    low, high = _int(low), _int(high)
    if low is None and high is None:
        return "unquantified"
    if high is None:
        return f"{low}+"
    if low is None:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


def _default_side_label(side: str) -> str:
    return "Civilians" if side == "civilian" else f"Side {side.upper()}" if side in SIDES else side


def _sorted_claims(claims: pd.DataFrame) -> pd.DataFrame:
    side_rank = claims["side"].map({s: i for i, s in enumerate(SIDE_ORDER)}).fillna(len(SIDE_ORDER))
    kind_rank = claims["kind"].map({k: i for i, k in enumerate(KIND_ORDER)}).fillna(len(KIND_ORDER))
    keyed = claims.assign(_side=side_rank, _kind=kind_rank, _low=pd.to_numeric(claims["low"]))
    return keyed.sort_values(["_side", "_kind", "_low"], kind="stable", na_position="last")


def claims_table(claims_for_event: pd.DataFrame, side_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """The event's claims, one per row, conflicting figures for the same side and kind next to each other."""
    labels = side_labels or {}
    ordered = _sorted_claims(claims_for_event)
    table = pd.DataFrame({
        "side": [labels.get(s) or _default_side_label(s) for s in ordered["side"]],
        "kind": ordered["kind"].to_list(),
        "figure": [figure_text(lo, hi) for lo, hi in zip(ordered["low"], ordered["high"])],
        "low": pd.array(ordered["low"].to_list(), dtype="Int64"),
        "high": pd.array(ordered["high"].to_list(), dtype="Int64"),
        "claimed_by": [_text(c) or UNATTRIBUTED for c in ordered["claimed_by"]],
        "text": ordered["text"].to_list(),
    }, columns=CLAIMS_TABLE_COLUMNS)
    return table


def _range_row(side: str, kind: str, group: pd.DataFrame, labels: dict[str, str]) -> dict:
    lows, highs = pd.to_numeric(group["low"]), pd.to_numeric(group["high"])
    quantified = lows.notna() | highs.notna()
    open_ended = (lows.notna() & highs.isna()).any()
    low = _int(lows.min()) if lows.notna().any() else None
    high = None if open_ended or not highs.notna().any() else _int(highs.max())
    claimants = list(dict.fromkeys(_text(c) or UNATTRIBUTED for c in group["claimed_by"]))
    # "hundreds injured" against "10 injured" is a conflict too, though only one of them has a number.
    figures = {(_int(lo), _int(hi)) for lo, hi in zip(lows, highs)}
    return {"side": labels.get(side) or _default_side_label(side), "kind": kind,
            "range": figure_text(low, high), "low": low, "high": high, "claims": len(group),
            "unquantified": int((~quantified).sum()), "claimants": len(claimants),
            "claimed_by": "; ".join(claimants), "conflicting": len(figures) > 1}


def claims_range(claims_for_event: pd.DataFrame, side_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per side and kind: lowest low, highest high (open if any claim is "N+"), counts, and who claimed."""
    labels = side_labels or {}
    ordered = _sorted_claims(claims_for_event)
    rows = [_range_row(side, kind, group, labels)
            for (_, _, side, kind), group in ordered.groupby(["_side", "_kind", "side", "kind"], sort=False)]
    table = pd.DataFrame(rows, columns=CLAIMS_RANGE_COLUMNS)
    return table.astype({"low": "Int64", "high": "Int64", "claims": "int64", "unquantified": "int64",
                         "claimants": "int64", "conflicting": "bool"})


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
                 text: Mapping[str, Any] | None = None, parties: pd.DataFrame | None = None) -> EventDetail:
    """The detail panel's content for one event; pass the whole catalogue so "same place" sees every event.

    `text` gives the event's summary, sections and infobox when `events` leaves them out (Catalogue.event_text);
    `parties` is the catalogue's parties table (derived from the event's side columns when not given).
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
        place=_text(row.get("place")),
        place_text=place_text(row.get("place"), row.get("location_precision"), row.get("location_source"),
                              row.get("region"), located=latitude is not None and longitude is not None),
        region=_text(row.get("region")), latitude=latitude, longitude=longitude, sides=sides,
        result=_text(row.get("result")), part_of=_text(row.get("part_of")), summary=_text(row.get("summary")),
        claims=claims_table(own_claims, labels), claim_ranges=claims_range(own_claims, labels),
        sections=_decode_sections(row.get("sections"), notes), infobox=_decode_infobox(row.get("infobox"), notes),
        source_file=_text(row.get("source_file")),
        also_described_in=also,
        same_place=same_place.loc[:, SAME_PLACE_COLUMNS].reset_index(drop=True), notes=notes,
        sources=event_sources(row, also, article_titles(events[events["source_file"].isin([row.get("source_file"), *also])])),
        event_type=_text(row.get("event_type")),
    )
