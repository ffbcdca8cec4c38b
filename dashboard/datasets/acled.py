"""ACLED exports (the 31 columns since March 2023): their events as our events, claims and parties.

Their event_id_cnty becomes `acled-<event_id_cnty>`. event_date is read as ISO (their API and current exports)
or as spreadsheets and their older exports write it ("05 June 2013", "05-June-2013", "05/06/2013", day first).
time_precision 1 is the day itself, 2 the week around it, 3 its month; geo_precision 1 and 2 are UCDP's
where_prec 1 and 2, their 3 (a larger region) is where_prec 4. actor1 with assoc_actor_1 is side A, actor2 with
assoc_actor_2 side B; fatalities one claim for all sides together, claimed by "ACLED"; notes the summary.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.datasets.actors import dataset_parties, short_names, split_actors, years_of
from dashboard.datasets.base import Block, DatasetTables, Source
from dashboard.datasets.cells import (
    claims_table, count_text, days, events_table, json_records, numbers, quoted, region_of, row_problems,
)

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
CLAIMANT = "ACLED"
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")
# Their coded fields kept as written in the event's infobox (the rest are columns of ours, or its sections).
INFOBOX = ("event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "inter1", "inter2", "interaction", "civilian_targeting", "admin2", "admin3", "geo_precision",
           "fatalities", "tags", "timestamp")
GEO_TO_WHERE_PREC = {1: 1, 2: 2, 3: 4}
TIME_PRECISION = {"1": "the day itself", "2": "the week around this day", "3": "the month of this day"}


class Acled(Source):
    key = "acled"
    name = CLAIMANT
    columns = COLUMNS
    id_prefix = "acled-"

    def tables(self, block: Block, file_name: str, regions: dict[str, str]) -> DatasetTables:
        cells, lines = block.cells, block.lines
        day = days(cells["event_date"], DATE_FORMATS)
        latitude, longitude = numbers(cells["latitude"]), numbers(cells["longitude"])
        fatalities = numbers(cells["fatalities"])
        reason = _first_reason(cells, day, latitude, longitude, fatalities)
        problems = row_problems(file_name, lines, reason != "", reason)
        keep = (reason == "").to_numpy()
        cells, day, latitude, longitude, fatalities = (x[keep] for x in (cells, day, latitude, longitude, fatalities))
        start, end, precision = _range(day, numbers(cells["time_precision"]))
        ids = self.id_prefix + cells["event_id_cnty"]
        side_a, side_b = _side(cells["actor1"], cells["assoc_actor_1"]), _side(cells["actor2"], cells["assoc_actor_2"])
        actor1, actor2 = short_names(cells["actor1"]), short_names(cells["actor2"])
        title = cells["sub_event_type"].where(cells["sub_event_type"] != "", cells["event_type"]) + " at " + \
            cells["location"] + ": " + actor1 + (" – " + actor2).where(actor2 != "", "")
        geo = numbers(cells["geo_precision"]).map(GEO_TO_WHERE_PREC)
        events = events_table({
            "event_id": ids, "title": title, "kind": self.key,
            "start_date": start.dt.strftime("%Y-%m-%d"), "end_date": end.dt.strftime("%Y-%m-%d"),
            "date_precision": precision, "place": cells["location"], "region": region_of(cells["admin1"], regions),
            "latitude": latitude, "longitude": longitude, "location_precision": geo.astype("Int64"),
            "location_source": CLAIMANT + " coordinates", "side_a": side_a, "side_b": side_b,
            "summary": cells["notes"], "source_file": file_name,
            "sections": json_records(cells, (("Source", "source"), ("Source scale", "source_scale")), pairs=True),
            "infobox": json_records(cells, tuple((c, c) for c in INFOBOX), pairs=False),
        }, cells.index)
        known = fatalities.notna().to_numpy()
        claims = claims_table([pd.DataFrame({
            "event_id": ids[known].to_numpy(), "side": "all", "kind": "killed", "low": fatalities[known].to_numpy(),
            "high": fatalities[known].to_numpy(), "claimed_by": CLAIMANT,
            "text": ("fatalities: " + count_text(fatalities[known])).to_numpy()})])
        sides = list(zip(_actors(cells["actor1"], cells["assoc_actor_1"]), _actors(cells["actor2"], cells["assoc_actor_2"])))
        parties, unknown = dataset_parties(ids.tolist(), sides, years_of(start))
        return DatasetTables(events, claims, parties, problems, unknown)


def _first_reason(cells: pd.DataFrame, day: pd.Series, latitude: pd.Series, longitude: pd.Series,
                  fatalities: pd.Series) -> pd.Series:
    """Why each row cannot be used ("" when it can): the first rule it breaks."""
    rules = [
        (cells["event_id_cnty"] == "", "no event_id_cnty"),
        (cells["event_id_cnty"].duplicated(), "the event_id_cnty " + cells["event_id_cnty"] + " is given twice"),
        (day.isna(), "event_date " + quoted(cells["event_date"]) + " is not a date"),
        (~latitude.between(-90, 90), "latitude " + quoted(cells["latitude"]) + " is not a latitude"),
        (~longitude.between(-180, 180), "longitude " + quoted(cells["longitude"]) + " is not a longitude"),
        (cells["fatalities"].ne("") & (fatalities.isna() | (fatalities < 0)),
         "fatalities " + quoted(cells["fatalities"]) + " is not a number of deaths"),
    ]
    reason = pd.Series("", index=cells.index, dtype="string")
    for broken, why in reversed(rules):
        reason = reason.mask(broken.fillna(True).to_numpy(dtype=bool), why)
    return reason


def _range(day: pd.Series, precision: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Start, end and our precision from their day and time_precision (1 day, 2 week, 3 month)."""
    week = (precision == 2).to_numpy()
    month = (precision == 3).to_numpy()
    start = day.mask(week, day - pd.Timedelta(days=3)).mask(month, day.dt.to_period("M").dt.start_time)
    end = day.mask(week, day + pd.Timedelta(days=3)).mask(month, day + pd.offsets.MonthEnd(0))
    ours = pd.Series(np.where(month, "month", "day"), index=day.index)
    return start.astype("datetime64[s]"), end.astype("datetime64[s]"), ours


def _side(actor: pd.Series, associated: pd.Series) -> pd.Series:
    """The side cell: the actor, then its associated actors ("; "-joined, as ACLED writes them)."""
    joined = actor.where(associated == "", actor + "; " + associated)
    return joined.where(actor != "", associated)


def _actors(actor: pd.Series, associated: pd.Series) -> list[tuple[str, ...]]:
    return [(first,) * bool(first) + split_actors(rest) for first, rest in zip(actor.tolist(), associated.tolist())]
