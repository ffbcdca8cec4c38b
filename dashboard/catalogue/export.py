"""CSV and GeoJSON files of exactly the events the filters show, and of their casualty claims.

CSV files are UTF-8 *with* a byte-order mark, so Excel shows "Ménaka" and "Anéfis" correctly when the file
is double-clicked (pandas, LibreOffice and Python's csv with encoding="utf-8-sig" read it unchanged).
Text cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection,
CWE-1236); numbers stay numbers, so negative longitudes are not touched.

GeoJSON (RFC 7946) holds located events as Point features. Unlocated events cannot be features, so they
are left out but never silently: the collection's foreign member "unlocated" gives their count and ids.
"""
from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from typing import Any

import pandas as pd

from dashboard.model import CLAIM_COLUMNS, CONTROL_COLUMNS, EPISODE_COLUMNS, EVENT_COLUMNS, PROBLEM_COLUMNS
from dashboard.parties import PARTY_COLUMNS
from dashboard.text.spreadsheet import (  # noqa: F401  (names of this module's API since before the move)
    CSV_ENCODING, FORMULA_STARTS, GUARDED_FORMULA, frame_csv, neutralise_formulas, restore_formula_text,
)

_INT_COLUMNS = {"location_precision", "low", "high", "position"}
_LIST_COLUMNS = ("holder_parties", "previous_parties", "actor_parties")  # "; "-joined for the people reading a CSV


class ExportError(ValueError):
    """The table handed to an export lacks the columns the file format promises."""


def _columns(frame: pd.DataFrame, columns: list[str], what: str) -> pd.DataFrame:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ExportError(f"{what} table lacks columns: {', '.join(missing)}")
    out = frame.loc[:, columns].copy()
    for column in _INT_COLUMNS & set(columns):
        # Whole numbers stored as floats (NaN forces float) would be written "12.0".
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    return out


def events_csv(events: pd.DataFrame) -> bytes:
    """The events as CSV with exactly EVENT_COLUMNS, in the order given."""
    return frame_csv(_columns(events, EVENT_COLUMNS, "events"))


def claims_for_events(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The claims of exactly these events, in the events' order (each event's claims in their own order)."""
    order = {event_id: i for i, event_id in enumerate(events["event_id"])}
    kept = claims[claims["event_id"].isin(order.keys())]
    rank = kept["event_id"].map(order)
    return kept.iloc[rank.to_numpy().argsort(kind="stable")]


def claims_csv(claims: pd.DataFrame, events: pd.DataFrame) -> bytes:
    """The casualty claims of exactly these events as CSV with CLAIM_COLUMNS."""
    return frame_csv(_columns(claims_for_events(claims, events), CLAIM_COLUMNS, "claims"))


def _python_values(column: pd.Series) -> list[Any]:
    """The column as plain Python values for json: NaN and <NA> become None, numpy numbers Python numbers."""
    if column.name in _INT_COLUMNS:
        column = pd.to_numeric(column, errors="coerce").astype("Int64")
    return column.astype(object).where(column.notna(), None).tolist()


def _located(table: pd.DataFrame) -> pd.Series:
    """Rows whose coordinates make a valid GeoJSON point (geopy would wrap longitude 181, we do not)."""
    lat = pd.to_numeric(table["latitude"], errors="coerce")
    lon = pd.to_numeric(table["longitude"], errors="coerce")
    return (lat.between(-90, 90) & lon.between(-180, 180)).fillna(False).astype(bool)


def _claims_by_event(claims: pd.DataFrame, events: pd.DataFrame) -> dict[str, list[dict]]:
    kept = _columns(claims_for_events(claims, events), CLAIM_COLUMNS, "claims")
    fields = [c for c in CLAIM_COLUMNS if c != "event_id"]
    by_event: dict[str, list[dict]] = {}
    for event_id, *values in zip(*(_python_values(kept[c]) for c in CLAIM_COLUMNS)):
        by_event.setdefault(event_id, []).append(dict(zip(fields, values)))
    return by_event


@contextmanager
def _collector_paused():
    """Pause the cycle collector while building ~100k small acyclic dicts: it otherwise doubles the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def events_geojson(events: pd.DataFrame, claims: pd.DataFrame | None = None) -> bytes:
    """A GeoJSON FeatureCollection of the located events (with their claims if given), unlocated ones counted.

    Properties are the EVENT_COLUMNS as in the CSV ("sections" and "infobox" stay JSON text, which GIS
    tools keep as plain attributes); with claims, each feature also has "claims": a list of CLAIM_COLUMNS.
    """
    table = _columns(events, EVENT_COLUMNS, "events")
    located = _located(table)
    unlocated = table.loc[~located, "event_id"].tolist()
    table = table[located]
    by_event = _claims_by_event(claims, table) if claims is not None else None
    names = [c for c in EVENT_COLUMNS if c not in ("latitude", "longitude")]
    columns = [_python_values(table[c]) for c in names]
    with _collector_paused():
        features = []
        for lat, lon, values in zip(table["latitude"].tolist(), table["longitude"].tolist(), zip(*columns)):
            properties = dict(zip(names, values))
            if by_event is not None:
                properties["claims"] = by_event.get(properties["event_id"], [])
            features.append({"type": "Feature", "id": properties["event_id"],
                             "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties})
        collection = {"type": "FeatureCollection", "features": features,
                      "unlocated": {"count": len(unlocated), "event_ids": unlocated}}
        text = json.dumps(collection, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.encode("utf-8")


def parties_csv(parties: pd.DataFrame, events: pd.DataFrame) -> bytes:
    """The parties of exactly these events, one row per party of a side, as CSV with PARTY_COLUMNS."""
    return frame_csv(_columns(claims_for_events(parties, events), PARTY_COLUMNS, "parties"))


def control_csv(control: pd.DataFrame) -> bytes:
    """Changes of control as CSV with CONTROL_COLUMNS, in the order given (parties "; "-joined)."""
    return frame_csv(_joined(_columns(control, CONTROL_COLUMNS, "control")))


def episodes_csv(episodes: pd.DataFrame, events: pd.DataFrame) -> bytes:
    """The episodes of exactly these events as CSV with EPISODE_COLUMNS, in the events' order."""
    return frame_csv(_joined(_columns(claims_for_events(episodes, events), EPISODE_COLUMNS, "episodes")))


def _joined(frame: pd.DataFrame) -> pd.DataFrame:
    for column in _LIST_COLUMNS:
        if column in frame.columns:
            frame[column] = frame[column].map(lambda v: "; ".join(v) if isinstance(v, (list, tuple)) else v or "")
    return frame


def links_csv(links: pd.DataFrame) -> bytes:
    """The links between article events and dataset events (datasets.link.LINK_COLUMNS) as CSV."""
    return frame_csv(links)


def problems_csv(problems: pd.DataFrame) -> bytes:
    """The problems table as CSV with PROBLEM_COLUMNS."""
    return frame_csv(_columns(problems, PROBLEM_COLUMNS, "problems"))
