"""A place's history: the events at the same place as one event and the statements of who held it, in date order
(views.control works out the periods: who held it from when to when)."""
from __future__ import annotations

import pandas as pd

from dashboard.text.fold import name_key
from dashboard.views.control import KIND_OF_CHANGE, by_date
from dashboard.text.when import when_text
from dashboard.views.prepared import is_prepared, place_key, prepare_events

# Two located events are at the same place within this many degrees (~1 km) of each other.
SAME_PLACE_DEGREES = 0.01
# Coordinates stand for a place only when precise to the place itself or ~25 km of it (UCDP 1-2);
# cercle- or region-level points are centroids shared by unrelated events.
PRECISE_LOCATION = 2
HISTORY_COLUMNS = ["date", "when", "kind", "what", "source_file", "section", "sentence", "event_id"]
CHANGE_WORDS = {"took": "taken by", "recaptured": "retaken by", "held": "held by", "abandoned": "abandoned by",
                "evacuated": "evacuated by", "withdrew": "left by"}


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


def control_at_place(control: pd.DataFrame, events: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The statements of control about the place of this event (and its sites), by date."""
    prepared = events if is_prepared(events) else prepare_events(events)
    rows = prepared[prepared["event_id"] == event_id]
    if rows.empty:
        raise UnknownEventError(f"no event with id {event_id!r}")
    if control.empty:
        return control
    this = rows.iloc[0]
    keys = {this["_place"]} - {""}
    source = str(this.get("location_source") or "")
    if source.startswith("gazetteer:"):
        keys.add(place_key(source.split(":", 1)[1].split("(")[0]))
    same = control["place"].map(name_key).isin(keys)
    if _is_precise(this):
        near = ((control["latitude"] - this["latitude"]).abs() <= SAME_PLACE_DEGREES) & \
               ((control["longitude"] - this["longitude"]).abs() <= SAME_PLACE_DEGREES)
        same |= (near & (control["location_precision"].fillna(1) <= PRECISE_LOCATION)).fillna(False).astype(bool)
    return by_date(control[same])


def place_history(events: pd.DataFrame, control: pd.DataFrame, event_id: str) -> pd.DataFrame:
    """The events at this event's place and the statements of who held it, in date order (HISTORY_COLUMNS)."""
    here = events_at_place(events, event_id, include_self=True)
    rows = [{"date": e["start_date"] or "", "when": when_text(e["start_date"], e["end_date"], e["date_precision"]),
             "kind": "this event" if e["event_id"] == event_id else "event", "what": e["title"],
             "source_file": e["source_file"], "section": "", "sentence": "", "event_id": e["event_id"]}
            for _, e in here.iterrows()]
    for _, c in control_at_place(control, events, event_id).iterrows():
        rows.append({"date": c["date_start"] or c["date_end"], "when": statement_when(c), "kind": "control",
                     "what": statement_text(c), "source_file": c["source_file"], "section": c["section"],
                     "sentence": c["sentence"], "event_id": c["event_id"]})
    table = pd.DataFrame(rows, columns=HISTORY_COLUMNS)
    undated = table["date"] == ""
    return pd.concat([table[~undated].sort_values("date", kind="stable"), table[undated]], ignore_index=True)


def statement_text(row: pd.Series) -> str:
    """ "Kidal: taken by The Malian Army (from the CSP-PSD)", "the camp in Kidal: evacuated by MINUSMA peacekeepers"."""
    where = row["place_as_written"] if row["site"] else row["place"]
    who = row["holder"] if KIND_OF_CHANGE.get(row["change"]) != "left" else row["previous"]
    text = f"{where}: {CHANGE_WORDS.get(row['change'], row['change'])} {who}".strip()
    if row["previous"] and KIND_OF_CHANGE.get(row["change"]) != "left":
        text += f" (from {row['previous']})"
    marks = [mark for mark, on in (("background", row["background"]),
                                   ("a related article's summary", row["origin"] == "related")) if on]
    return text + "".join(f" [{mark}]" for mark in marks)


def statement_when(row: pd.Series) -> str:
    """ "14 November 2023", "by 31 October 2023", "after 31 October 2023", "date not stated"."""
    start, end, precision = row["date_start"], row["date_end"], row["precision"] or "day"
    if start and end:
        return when_text(start, end, precision)
    if end:
        return f"by {when_text(end, end, precision)}"
    if start:
        return f"after {when_text(start, start, precision)}"
    return "date not stated"


def _is_precise(row: pd.Series) -> bool:
    located = pd.notna(row["latitude"]) and pd.notna(row["longitude"])
    precision = row["location_precision"]
    return located and (pd.isna(precision) or precision <= PRECISE_LOCATION)
