"""UCDP's Georeferenced Event Dataset (GED): its 49 columns as our events, claims and parties.

Their id becomes `ucdp-<id>`; date_start/date_end the dates (their date_prec stays in the infobox, and the
range itself says how precise it is); where_prec is our location_precision (we use their scale); side_a and
side_b the two sides; deaths_a, deaths_b, deaths_civilians, deaths_unknown the claims per side and low–high the
claim for all sides together, each claimed by "UCDP GED"; best the marker's size.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.datasets.actors import dataset_parties, years_of
from dashboard.datasets.base import Block, DatasetTables, Source
from dashboard.datasets.cells import (
    claims_table, count_text, days, events_table, json_records, numbers, quoted, region_of, row_problems,
)

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id", "conflict_new_id",
    "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a",
    "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates", "where_description",
    "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "priogrid_gid", "country", "country_id", "region",
    "event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "gwnoa", "gwnob",
)
CLAIMANT = "UCDP GED"
# Their coded fields kept as written in the event's infobox (the detail panel shows them).
INFOBOX = ("id", "relid", "code_status", "type_of_violence", "dyad_name", "number_of_sources", "event_clarity",
           "date_prec", "where_prec", "adm_1", "adm_2", "best", "low", "high", "deaths_a", "deaths_b",
           "deaths_civilians", "deaths_unknown")
VIOLENCE = {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"}
# (column, our claim side, the words of the claim)
PER_SIDE = (("deaths_a", "a", "deaths of side A"), ("deaths_b", "b", "deaths of side B"),
            ("deaths_civilians", "civilian", "civilian deaths"), ("deaths_unknown", "unknown", "deaths of unknown status"))
# What date_prec and where_prec mean, in UCDP's codebook's words (shown beside their codes).
DATE_PRECISION = {"1": "exact date", "2": "within 2–6 days", "3": "within a week", "4": "within a month",
                  "5": "within a year"}


class UcdpGed(Source):
    key = "ucdp"
    name = CLAIMANT
    columns = COLUMNS
    id_prefix = "ucdp-"

    def tables(self, block: Block, file_name: str, regions: dict[str, str]) -> DatasetTables:
        cells, lines = block.cells, block.lines
        start, end = days(cells["date_start"]), days(cells["date_end"])
        end = end.fillna(start)
        latitude, longitude = numbers(cells["latitude"]), numbers(cells["longitude"])
        figures = {c: numbers(cells[c]) for c in ("best", "low", "high", *(p[0] for p in PER_SIDE))}
        reason = _first_reason(cells, start, end, latitude, longitude, figures)
        problems = row_problems(file_name, lines, reason != "", reason)
        keep = (reason == "").to_numpy()
        cells, start, end = cells[keep], start[keep], end[keep]
        latitude, longitude = latitude[keep], longitude[keep]
        figures = {c: v[keep] for c, v in figures.items()}
        ids = self.id_prefix + cells["id"]
        place = cells["where_coordinates"].where(cells["where_coordinates"] != "", cells["where_description"])
        events = events_table({
            "event_id": ids, "title": cells["side_a"] + " – " + cells["side_b"] + ", " + place,
            "kind": self.key, "start_date": start.dt.strftime("%Y-%m-%d"), "end_date": end.dt.strftime("%Y-%m-%d"),
            "date_precision": _precision(start, end), "place": place, "region": region_of(cells["adm_1"], regions),
            "latitude": latitude, "longitude": longitude,
            "location_precision": numbers(cells["where_prec"]).astype("Int64"),
            "location_source": CLAIMANT + " coordinates", "side_a": cells["side_a"], "side_b": cells["side_b"],
            "part_of": cells["conflict_name"], "summary": cells["source_headline"], "source_file": file_name,
            "sections": _sections(cells), "infobox": _infobox(cells),
        }, cells.index)
        claims = claims_table(_claims(ids, figures))
        sides = [((a,) if a else (), (b,) if b else ()) for a, b in zip(cells["side_a"].tolist(), cells["side_b"].tolist())]
        parties, unknown = dataset_parties(ids.tolist(), sides, years_of(start))
        return DatasetTables(events, claims, parties, problems, unknown)


def _first_reason(cells: pd.DataFrame, start: pd.Series, end: pd.Series, latitude: pd.Series,
                  longitude: pd.Series, figures: dict[str, pd.Series]) -> pd.Series:
    """Why each row cannot be used ("" when it can): the first rule it breaks."""
    rules = [
        (cells["id"] == "", "no id"),
        (cells["id"].duplicated(), "the id " + cells["id"] + " is given twice"),
        (start.isna(), "date_start " + quoted(cells["date_start"]) + " is not a date"),
        (cells["date_end"].ne("") & days(cells["date_end"]).isna(), "date_end " + quoted(cells["date_end"]) + " is not a date"),
        (end < start, "date_end is before date_start"),
        (~latitude.between(-90, 90), "latitude " + quoted(cells["latitude"]) + " is not a latitude"),
        (~longitude.between(-180, 180), "longitude " + quoted(cells["longitude"]) + " is not a longitude"),
    ]
    for column, values in figures.items():
        rules.append((cells[column].ne("") & (values.isna() | (values < 0)),
                      column + " " + quoted(cells[column]) + " is not a number of deaths"))
    reason = pd.Series("", index=cells.index, dtype="string")
    for broken, why in reversed(rules):  # the first rule broken wins
        reason = reason.mask(broken.fillna(True).to_numpy(dtype=bool), why if isinstance(why, str) else why)
    return reason


def _precision(start: pd.Series, end: pd.Series) -> pd.Series:
    """The precision our date writer needs to write their range as they coded it: "month" for a whole month,
    "year" for a whole year, else "day" (their range then says how sure they are)."""
    whole_month = (start.dt.day == 1) & (end == start + pd.offsets.MonthEnd(0)) if len(start) else start.notna()
    whole_year = (start.dt.strftime("%m-%d") == "01-01") & (end.dt.strftime("%m-%d") == "12-31") & \
        (start.dt.year == end.dt.year)
    return pd.Series(np.where(whole_year, "year", np.where(whole_month, "month", "day")), index=start.index)


def _claims(ids: pd.Series, figures: dict[str, pd.Series]) -> list[pd.DataFrame]:
    order = np.arange(len(ids))
    parts = []
    for rank, (column, side, words) in enumerate(PER_SIDE):
        value = figures[column]
        shown = (value > 0).fillna(False).to_numpy()
        parts.append(pd.DataFrame({"event_id": ids[shown].to_numpy(), "side": side, "kind": "killed",
                                   "low": value[shown].to_numpy(), "high": value[shown].to_numpy(),
                                   "claimed_by": CLAIMANT, "text": (f"{words}: " + count_text(value[shown])).to_numpy(),
                                   "_order": order[shown] + rank / 10}))
    best, low, high = figures["best"], figures["low"], figures["high"]
    total = (best.notna() | low.notna() | high.notna()).to_numpy()
    low_total, high_total = low.fillna(best), high.fillna(best)
    text = ("best " + _count(best) + " (low " + _count(low_total) + ", high " + _count(high_total) + ")")
    parts.append(pd.DataFrame({"event_id": ids[total].to_numpy(), "side": "all", "kind": "killed",
                               "low": low_total[total].to_numpy(), "high": high_total[total].to_numpy(),
                               "claimed_by": CLAIMANT, "text": text[total].to_numpy(), "_order": order[total] + 0.5}))
    return parts


def _count(values: pd.Series) -> pd.Series:
    return count_text(values).fillna("?")


def _sections(cells: pd.DataFrame) -> pd.Series:
    """Their sources, as the detail panel's sections (JSON, like an article's)."""
    return json_records(cells, (("Source article", "source_article"), ("Source office", "source_office"),
                                 ("Source date", "source_date"), ("Source original", "source_original"),
                                 ("Where", "where_description")), pairs=True)


def _infobox(cells: pd.DataFrame) -> pd.Series:
    return json_records(cells, tuple((c, c) for c in INFOBOX), pairs=False)
