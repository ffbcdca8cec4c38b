"""The articles' events in the datasets' own vocabulary: a "UCDP GED-shaped" and an "ACLED-shaped" CSV with
their columns, filled with what the articles tell (sides, dates and their precision, place and its precision,
coordinates, region, deaths from our claims, the source article) and blank where they do not.

Deaths: per side the median of the claimants' figures (as the marker's best estimate counts them), low and
high the sums of each side's lowest and highest claimed figure, best our best estimate.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.text.spreadsheet import frame_csv
from dashboard.datasets import acled, ucdp


GED_DEATH_SIDES = {"a": "deaths_a", "b": "deaths_b", "civilian": "deaths_civilians", "unknown": "deaths_unknown"}


def _days(events: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    start = pd.to_datetime(events["start_date"], format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(events["end_date"], format="%Y-%m-%d", errors="coerce").fillna(start)
    return start, end, (end - start).dt.days + 1


def ged_date_prec(events: pd.DataFrame) -> pd.Series:
    """UCDP's date_prec from our dates: 1 one day, 2 up to 6 days, 3 a week, 4 a month, 5 longer (blank: no date)."""
    _, _, span = _days(events)
    precision = events["date_precision"].astype(str)
    code = np.select([precision.eq("year"), precision.eq("month"), span <= 1, span <= 6, span <= 7, span <= 31],
                     [5, 4, 1, 2, 3, 4], default=5)
    return pd.Series(code, index=events.index).where(span.notna()).astype("Int64")


def acled_time_precision(events: pd.DataFrame) -> pd.Series:
    """ACLED's time_precision from our dates: 1 one day, 2 within a week, 3 longer (blank: no date)."""
    _, _, span = _days(events)
    code = np.select([events["date_precision"].astype(str).eq("day") & (span <= 1), span <= 7], [1, 2], default=3)
    return pd.Series(code, index=events.index).where(span.notna()).astype("Int64")


def _side_names(parties: pd.DataFrame, events: pd.DataFrame, side: str, first: bool | None = None) -> pd.Series:
    """Our canonical parties of one side per event ("; "-joined); `first` only the first one, or all but it."""
    rows = parties[parties["side"] == side].sort_values(["event_id", "position"], kind="stable")
    rows = rows.assign(canonical=rows["canonical"].astype(str))  # a prepared table holds them as categories
    if first is True:
        rows = rows[rows["position"] == rows.groupby("event_id")["position"].transform("min")]
    elif first is False:
        rows = rows[rows["position"] != rows.groupby("event_id")["position"].transform("min")]
    joined = rows.drop_duplicates(["event_id", "canonical"]).groupby("event_id", sort=False)["canonical"].agg("; ".join)
    return pd.Series(joined.reindex(events["event_id"].to_numpy()).fillna("").to_numpy(), index=events.index)


def _killed(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Per event: per side the median of its claims' midpoints, and low and high over the sides."""
    killed = claims[claims["kind"].eq("killed") & claims["event_id"].isin(events["event_id"])]
    for later in ("part_of", "revised_by"):  # a breakdown's parts and revised figures count as the best estimate does
        if later in killed.columns:
            killed = killed[killed[later].fillna("").astype(str).eq("").to_numpy()]
    low, high = pd.to_numeric(killed["low"]).astype("float64"), pd.to_numeric(killed["high"]).astype("float64")
    mid = ((low + high) / 2).fillna(low).fillna(high)
    table = pd.DataFrame({"event_id": killed["event_id"].to_numpy(), "side": killed["side"].to_numpy(),
                          "low": low.fillna(high).to_numpy(), "high": high.fillna(low).to_numpy(), "mid": mid.to_numpy()})
    per_side = table.groupby(["event_id", "side"]).agg(low=("low", "min"), high=("high", "max"), mid=("mid", "median"))
    out = per_side["mid"].unstack("side").round()
    totals = per_side[["low", "high"]].groupby(level="event_id").sum(min_count=1)
    return out.join(totals, how="outer").reindex(events["event_id"].to_numpy())


def ged_shaped(events: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """The events as UCDP GED rows (ucdp.COLUMNS), blank where the articles do not tell."""
    start, end, _ = _days(events)
    side_a, side_b = _side_names(parties, events, "a"), _side_names(parties, events, "b")
    deaths = _killed(claims, events)
    aligned = events.get("alignment_a", pd.Series("", index=events.index)).astype(str), \
        events.get("alignment_b", pd.Series("", index=events.index)).astype(str)
    state = aligned[0].eq("state") | aligned[1].eq("state")
    both = side_a.ne("") & side_b.ne("")
    located = events["latitude"].notna() & events["longitude"].notna()
    sources = 1 + events["also_described_in"].fillna("").astype(str).str.count(";") + \
        events["also_described_in"].fillna("").astype(str).ne("").astype(int)
    columns = {
        "year": start.dt.year.astype("Int64"), "type_of_violence": pd.Series(np.where(both & state, 1, np.where(both, 2, 0)),
                                                                          index=events.index).replace(0, pd.NA).astype("Int64"),
        "dyad_name": (side_a + " - " + side_b).where(both, ""), "side_a": side_a, "side_b": side_b,
        "number_of_sources": sources.astype("Int64"),
        "source_article": events["title"].astype(str) + " (" + events["source_file"].astype(str) + "; event " +
        events["event_id"].astype(str) + ")",
        "source_headline": events["title"], "where_prec": events["location_precision"],
        "where_coordinates": events["place"], "where_description": events["place"], "adm_1": events["region"],
        "latitude": events["latitude"], "longitude": events["longitude"],
        "geom_wkt": ("POINT (" + events["longitude"].astype(str) + " " + events["latitude"].astype(str) + ")").where(located, ""),
        "date_prec": ged_date_prec(events), "date_start": start.dt.strftime("%Y-%m-%d"), "date_end": end.dt.strftime("%Y-%m-%d"),
        "best": pd.to_numeric(events.get("best_killed"), errors="coerce").astype("Int64") if "best_killed" in events.columns
        else pd.Series(pd.NA, index=events.index, dtype="Int64"),
        "low": deaths["low"].to_numpy(), "high": deaths["high"].to_numpy(),
        **{column: deaths[side].to_numpy() if side in deaths.columns else pd.NA for side, column in GED_DEATH_SIDES.items()},
    }
    return _shaped(ucdp.COLUMNS, columns, events.index, integers=("low", "high", *GED_DEATH_SIDES.values()))


def acled_shaped(events: pd.DataFrame, parties: pd.DataFrame) -> pd.DataFrame:
    """The events as ACLED rows (acled.COLUMNS), blank where the articles do not tell; `events` with their
    summary (Catalogue.with_text) for the notes."""
    start, _, _ = _days(events)
    geo = pd.to_numeric(events["location_precision"], errors="coerce")
    columns = {
        "event_date": start.dt.strftime("%Y-%m-%d"), "year": start.dt.year.astype("Int64"),
        "time_precision": acled_time_precision(events),
        "actor1": _side_names(parties, events, "a", first=True), "assoc_actor_1": _side_names(parties, events, "a", False),
        "actor2": _side_names(parties, events, "b", first=True), "assoc_actor_2": _side_names(parties, events, "b", False),
        "admin1": events["region"], "location": events["place"], "latitude": events["latitude"],
        "longitude": events["longitude"],
        "geo_precision": pd.Series(np.where(geo >= 3, 3, geo), index=events.index).astype("Int64"),
        "source": (events["source_file"].astype(str) + "; " + events["also_described_in"].fillna("").astype(str))
        .str.rstrip("; "),
        "notes": events["summary"] if "summary" in events.columns else "",
        "fatalities": pd.to_numeric(events.get("best_killed"), errors="coerce").astype("Int64")
        if "best_killed" in events.columns else pd.Series(pd.NA, index=events.index, dtype="Int64"),
    }
    return _shaped(acled.COLUMNS, columns, events.index)


def _shaped(names: tuple[str, ...], columns: dict, index: pd.Index, integers: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.DataFrame({name: columns.get(name, "") for name in names}, index=index)
    for name in integers:
        frame[name] = pd.to_numeric(frame[name], errors="coerce").round().astype("Int64")
    return frame.reset_index(drop=True)


def ged_csv(events: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame) -> bytes:
    """ged_shaped as a spreadsheet-safe CSV (catalogue.export's rules)."""
    return frame_csv(ged_shaped(events, claims, parties))


def acled_csv(events: pd.DataFrame, parties: pd.DataFrame) -> bytes:
    return frame_csv(acled_shaped(events, parties))



