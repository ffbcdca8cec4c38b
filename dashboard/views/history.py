"""A place's history: the events at the same place as one event, over time (the control timeline joins it later)."""
from __future__ import annotations

import pandas as pd

from dashboard.views.prepared import is_prepared, prepare_events

# Two located events are at the same place within this many degrees (~1 km) of each other.
SAME_PLACE_DEGREES = 0.01
# Coordinates stand for a place only when precise to the place itself or ~25 km of it (UCDP 1-2);
# cercle- or region-level points are centroids shared by unrelated events.
PRECISE_LOCATION = 2


class UnknownEventError(LookupError):
    """No event with this id in the table."""


def events_at_place(events: pd.DataFrame, event_id: str, *, include_self: bool = False) -> pd.DataFrame:
    """Events at the same place as this one over time (same place name, or located within ~1 km), by date."""
    prepared = events if is_prepared(events) else prepare_events(events)
    rows = prepared[prepared["event_id"] == event_id]
    if rows.empty:
        raise UnknownEventError(f"no event with id {event_id!r}")
    this = rows.iloc[0]
    same = pd.Series(False, index=prepared.index)
    if this["_place"]:
        same |= prepared["_place"] == this["_place"]
    if _is_precise(this):
        precise = prepared["location_precision"].isna() | (prepared["location_precision"] <= PRECISE_LOCATION)
        near = ((prepared["latitude"] - this["latitude"]).abs() <= SAME_PLACE_DEGREES) & \
               ((prepared["longitude"] - this["longitude"]).abs() <= SAME_PLACE_DEGREES)
        same |= (near & precise).fillna(False)
    if not include_self:
        same &= prepared["event_id"] != event_id
    return prepared[same].sort_values("_order", kind="stable").reset_index(drop=True)


def _is_precise(row: pd.Series) -> bool:
    located = pd.notna(row["latitude"]) and pd.notna(row["longitude"])
    precision = row["location_precision"]
    return located and (pd.isna(precision) or precision <= PRECISE_LOCATION)


