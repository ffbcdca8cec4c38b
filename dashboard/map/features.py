"""The map's events as lean GeoJSON features: a point, its interval in epoch ms, its style and type codes and a
tooltip naming the event and its date (the event_id travels as a property, never in the text shown)."""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from dashboard.distinct import coded, memoised, per_value
from dashboard.map.style import event_shape, alignment_code
from dashboard.map.symbols import type_code
from dashboard.text.escape import js_safe_text
from dashboard.map.sources import source_codes
from dashboard.text.when import when_text


MS_PER_DAY = 86_400_000
# What build_map reads: it copies only these per located row, not the articles' long texts.
MAP_COLUMNS = frozenset({
    "event_id", "title", "kind", "start_date", "end_date", "date_precision", "place", "latitude", "longitude",
    "location_precision", "side_a", "side_b", "side_c", "alignment_a", "alignment_b", "best_killed", "event_type",
})


def tooltip_text(title: object, when: str) -> str:
    """Escaped tooltip: 'Battle of Anefis · 5 Jun 2013'."""
    return js_safe_text(f"{title} · {when}")


def point(lon: float, lat: float, properties: dict) -> dict:
    geometry = {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def column(events: pd.DataFrame, name: str, default: object = None) -> pd.Series:
    return events[name] if name in events.columns else pd.Series(default, index=events.index, dtype=object)


def ms(stamps: pd.Series) -> pd.Series:
    """UTC epoch milliseconds, whatever the datetime resolution pandas picked."""
    return (stamps - pd.Timestamp(0)) // pd.Timedelta(milliseconds=1)


def _days(values: pd.Series) -> pd.Series:
    """YYYY-MM-DD dates (NaT when unreadable), each distinct text parsed once: events share days."""
    codes, uniques = pd.factorize(values)
    days = pd.to_datetime(uniques, format="%Y-%m-%d", errors="coerce")
    return pd.Series(days.take(codes, allow_fill=True, fill_value=pd.NaT), index=values.index)


def located_events(events: pd.DataFrame) -> pd.DataFrame:
    """Rows with a usable coordinate and date, plus start_ms / end_ms (UTC epoch milliseconds).

    end_ms is the last millisecond of the end day; a missing end date means a one-day event.
    """
    lat = pd.to_numeric(column(events, "latitude"), errors="coerce")
    lon = pd.to_numeric(column(events, "longitude"), errors="coerce")
    start = _days(column(events, "start_date"))
    end = _days(column(events, "end_date")).fillna(start)
    ok = lat.between(-90, 90) & lon.between(-180, 180) & start.notna() & (end >= start)
    return events.loc[ok].assign(
        latitude=lat[ok].astype(float),
        longitude=lon[ok].astype(float),
        start_ms=ms(start[ok]),
        end_ms=ms(end[ok]) + MS_PER_DAY - 1,
    )


def place_names(located: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's place name, the first part of "place" ("Anefis, Kidal Region, Mali" -> "Anefis"; "" if none).

    As a code per row and the sorted distinct names.
    """
    places = column(located, "place", "").fillna("").astype(str)
    return coded(places, lambda place: place.split(",")[0].strip())


def marker_codes(located: pd.DataFrame) -> Iterable[tuple[int, int, float, int]]:
    """Each row's fill and ring alignment codes, radius and kind (see circle_style)."""
    fills = per_value(column(located, "alignment_a", "unknown"), alignment_code).tolist()
    rings = per_value(column(located, "alignment_b", "unknown"), alignment_code).tolist()
    shapes = memoised(lambda key: event_shape(*key), zip(column(located, "best_killed").tolist(),
                                                            column(located, "location_precision").tolist()))
    return ((fill, ring, radius, kind) for fill, ring, (radius, kind) in zip(fills, rings, shapes))


def event_tooltips(located: pd.DataFrame) -> list[str]:
    """tooltip_text of every row, formatting each distinct date once."""
    dates = zip(map(str, located["start_date"].tolist()), map(str, located["end_date"].tolist()),
                located["date_precision"].tolist())
    whens = memoised(lambda key: when_text(*key, short=True), dates)
    return [tooltip_text(title, when) for title, when in zip(located["title"].tolist(), whens)]


def event_features(located: pd.DataFrame) -> list[dict]:
    """One lean GeoJSON point per event: event_id, start, end, tooltip, its compact style (circle_style), its
    type's symbol ("t", map.symbols) and, for a dataset's event, its source ("s", map.sources)."""
    types = per_value(column(located, "event_type"), type_code).tolist()
    rows = zip(located["longitude"].tolist(), located["latitude"].tolist(), located["event_id"].tolist(),
               located["start_ms"].tolist(), located["end_ms"].tolist(),
               marker_codes(located), types, source_codes(located).tolist(), event_tooltips(located))
    return [
        point(lon, lat, {"event_id": event_id, "start": int(start), "end": int(end), "a": fill, "b": ring,
                          "r": radius, "k": kind, "t": int(kind_of_event), "tooltip": tooltip} | ({"s": source} if source else {}))
        for lon, lat, event_id, start, end, (fill, ring, radius, kind), kind_of_event, source, tooltip in rows
    ]
