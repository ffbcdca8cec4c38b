"""The events and parties tables made ready for fast filtering: helper columns computed once per catalogue.

`prepare_events` adds date, year, region and place keys, the folded text the search box reads and a stable
(start_date, event_id) order (and the event type, when the catalogue did not bring it); `prepare_parties` ties
each party row to its event's row in that order. Every helper column's name starts with "_" so exports can
drop them (`public_columns`).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from dashboard.distinct import per_value
from dashboard.parties import parties_of_frame
from dashboard.text.fold import name_key
from dashboard.views.event_types import event_types
from dashboard.views.search import party_keys, search_text

HELPER_COLUMNS = ("_start", "_end", "_year", "_region", "_place", "_order", "_search")


def place_key(place: Any) -> str:
    """The folded first part of a place as written: "Anéfis, Mali" and "Anefis, Kidal Region" -> "anefis"."""
    return name_key(place.split(",")[0]) if isinstance(place, str) else ""


def is_prepared(events: pd.DataFrame) -> bool:
    return all(c in events.columns for c in HELPER_COLUMNS)


def prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """A copy of the events in (start_date, event_id) order, with helper columns for fast filtering."""
    out = events.sort_values(["start_date", "event_id"], kind="stable", na_position="last", ignore_index=True)
    out["_order"] = range(len(out))
    out["_start"] = pd.to_datetime(out["start_date"], format="%Y-%m-%d", errors="coerce")
    out["_end"] = pd.to_datetime(out["end_date"], format="%Y-%m-%d", errors="coerce").fillna(out["_start"])
    out["_year"] = out["_start"].dt.year.astype("Int64")
    out["_region"] = pd.Categorical(per_value(out["region"], lambda v: name_key(v) if isinstance(v, str) else ""))
    out["_place"] = per_value(out["place"], place_key)
    out["_search"] = search_text(out)
    if "event_type" not in out.columns:  # a table that did not come through catalogue.tables.with_derived
        out["event_type"] = event_types(out)
    return out


def prepare_parties(parties: pd.DataFrame | None, prepared: pd.DataFrame) -> pd.DataFrame:
    """The parties of these prepared events, each row with `_at` (its event's row in `prepared`) and `_year`.

    Without a parties table, it is derived from the events' side columns (parties.parties_of_frame).
    """
    if parties is None:
        parties = parties_of_frame(prepared)
    at = pd.Index(prepared["event_id"]).get_indexer(parties["event_id"])
    kept = parties.loc[at >= 0].reset_index(drop=True)
    at = at[at >= 0]
    years = prepared["_year"].to_numpy(dtype="float64", na_value=np.nan)[at]
    # The columns filters compare, as categories: a million events' parties repeat a few hundred names.
    coded = {c: kept[c].astype("category") for c in ("canonical", "alignment", "side_alignment") if c in kept.columns}
    return kept.assign(_at=at, _year=pd.array(np.where(np.isnan(years), None, years), dtype="Int64"),
                       _search=party_keys(kept), **coded)


def public_columns(events: pd.DataFrame) -> pd.DataFrame:
    """The events without the helper columns prepare_events adds."""
    return events.drop(columns=[c for c in events.columns if c.startswith("_") and c in HELPER_COLUMNS])
