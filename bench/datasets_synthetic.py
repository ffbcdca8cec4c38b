"""Synthetic UCDP GED- and ACLED-shaped files for the benchmark: their exact headers, rows shaped like theirs.

Places are the gazetteer's towns with a jitter (and, for GED, a share of events elsewhere in the world, as its
worldwide file has), dates 2012-2024 with their precision codes, actors written in each dataset's own naming
conventions ("Government of Mali" / "Military Forces of Mali (2021-)", "JNIM: Group for Support of Islam and
Muslims", unknown militias and civilians), figures and notes of realistic length. Everything is drawn with numpy
from a seed, a million rows in seconds; no row of theirs is copied.
"""
from __future__ import annotations


from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from bench import synthetic
from dashboard.datasets import acled, ucdp

FIRST, LAST = np.datetime64("2012-01-01"), np.datetime64("2024-12-31")
ABROAD = 0.3  # share of GED rows outside Mali (its file is worldwide)
# (UCDP name, ACLED name, years active, alignment group)
ACTORS = (
    ("Government of Mali", "Military Forces of Mali ({regime})", (2012, 2024), "state"),
    ("Government of France", "Military Forces of France (2017-)", (2013, 2022), "state"),
    ("Wagner Group", "Wagner Group", (2021, 2024), "state"),
    ("MNLA", "MNLA: National Movement for the Liberation of Azawad", (2012, 2024), "rebel"),
    ("CMA", "CMA: Coordination of Azawad Movements", (2014, 2023), "rebel"),
    ("HCUA", "HCUA: High Council for the Unity of Azawad", (2013, 2023), "rebel"),
    ("CSP", "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development", (2023, 2024), "rebel"),
    ("GATIA", "GATIA: Imghad Tuareg Self-Defense Group and Allies", (2014, 2024), "militia"),
    ("Platform", "Platform", (2014, 2024), "militia"),
    ("AQIM", "AQIM: Al Qaeda in the Islamic Maghreb", (2012, 2017), "jihadist"),
    ("Ansar Dine", "Ansar Dine", (2012, 2017), "jihadist"),
    ("MUJAO", "MUJAO: Movement for Unity and Jihad in West Africa", (2012, 2015), "jihadist"),
    ("JNIM", "JNIM: Group for Support of Islam and Muslims", (2017, 2024), "jihadist"),
    ("IS Sahel", "Islamic State (Sahel)", (2015, 2024), "jihadist"),
    ("Dan Na Ambassagou", "Dan Na Ambassagou", (2016, 2024), "unknown"),
    ("Fulani militia", "Fulani Ethnic Militia (Mali)", (2016, 2024), "unknown"),
)
REGIMES = ((2012, "2002-2012"), (2013, "2013-2020"), (2021, "2021-"))
VICTIMS = ("Civilians", "Civilians (Mali)")
NOTES = (
    "fighters attacked a position of the armed forces near the town; the exchange of fire lasted several hours.",
    "an improvised explosive device struck a convoy on the road between the two towns, destroying a vehicle.",
    "gunmen on motorbikes raided the weekly market and set several shops on fire before withdrawing north.",
    "the armed group claimed responsibility in a statement; local sources reported a different toll.",
)


def _places(n: int, rng: np.random.Generator, abroad: float) -> pd.DataFrame:
    towns = synthetic.settlements()
    pick = rng.integers(0, len(towns), n)
    lat = np.array([t.latitude for t in towns])[pick] + rng.normal(0, 0.05, n)
    lon = np.array([t.longitude for t in towns])[pick] + rng.normal(0, 0.05, n)
    names = np.array([t.spellings[-1] for t in towns], dtype=object)[pick]
    regions = np.array([t.region for t in towns], dtype=object)[pick]
    away = rng.random(n) < abroad
    lat[away], lon[away] = rng.uniform(-30, 60, away.sum()), rng.uniform(-80, 140, away.sum())
    names[away], regions[away] = "Elsewhere", "Abroad"
    return pd.DataFrame({"lat": lat.round(4), "lon": lon.round(4), "place": names, "region": regions, "mali": ~away})


def _dates(n: int, rng: np.random.Generator) -> np.ndarray:
    return FIRST + rng.integers(0, int((LAST - FIRST).astype(int)), n).astype("timedelta64[D]")


def _actors(days: np.ndarray, rng: np.random.Generator, column: int) -> tuple[np.ndarray, np.ndarray]:
    """Side A (the state, mostly) and side B (an armed group or civilians), active in each event's year."""
    years = days.astype("datetime64[Y]").astype(int) + 1970
    n = len(days)
    side_a, side_b = np.empty(n, dtype=object), np.empty(n, dtype=object)
    state = [a for a in ACTORS if a[3] == "state"]
    others = [a for a in ACTORS if a[3] != "state"]
    for year in np.unique(years):
        here = np.flatnonzero(years == year)
        regime = next(r for first, r in reversed(REGIMES) if year >= first)
        active_a = [a[column].format(regime=regime) for a in state if a[2][0] <= year <= a[2][1]]
        active_b = [a[column].format(regime=regime) for a in others if a[2][0] <= year <= a[2][1]]
        side_a[here] = np.array(active_a, dtype=object)[rng.choice(len(active_a), len(here), p=_weights(len(active_a)))]
        side_b[here] = np.array(active_b, dtype=object)[rng.integers(0, len(active_b), len(here))]
    civilians = rng.random(n) < 0.2
    side_b[civilians] = VICTIMS[column]
    return side_a, side_b


def _weights(n: int) -> np.ndarray:
    weights = np.array([6.0] + [1.0] * (n - 1))  # the army first
    return weights / weights.sum()


def _write(frame: pd.DataFrame, path: Path) -> Path:
    table = pa.Table.from_pandas(frame.astype(str), preserve_index=False)
    pacsv.write_csv(table, path)
    return path


def ged_file(path: str | Path, n: int, seed: int = 0) -> Path:
    """n GED-shaped rows (ucdp.COLUMNS) written to `path`."""
    rng = np.random.default_rng(seed)
    places = _places(n, rng, ABROAD)
    start = _dates(n, rng)
    prec = rng.choice([1, 2, 3, 4, 5], n, p=[0.7, 0.15, 0.08, 0.05, 0.02])
    span = np.select([prec == 1, prec == 2, prec == 3, prec == 4], [0, rng.integers(1, 6, n), 6, 29], default=120)
    side_a, side_b = _actors(start, rng, 0)
    deaths = rng.poisson(2.5, (n, 4)) * (rng.random((n, 4)) < [0.6, 0.7, 0.3, 0.2])
    best = deaths.sum(axis=1)
    where_prec = rng.choice([1, 2, 3, 4, 6], n, p=[0.7, 0.15, 0.08, 0.05, 0.02])
    ids = np.arange(1, n + 1) + 5_000_000
    frame = pd.DataFrame({
        "id": ids, "relid": [f"SYN-{i}" for i in ids], "year": start.astype("datetime64[Y]").astype(int) + 1970,
        "active_year": 1, "code_status": "Clear", "type_of_violence": np.where(side_b == "Civilians", 3, 1),
        "conflict_dset_id": 11347, "conflict_new_id": 11347, "conflict_name": "Mali: Azawad", "dyad_dset_id": 900,
        "dyad_new_id": 900, "dyad_name": side_a + " - " + side_b, "side_a_dset_id": 432, "side_a_new_id": 432,
        "side_a": side_a, "side_b_dset_id": 7000, "side_b_new_id": 7000, "side_b": side_b,
        "number_of_sources": rng.integers(1, 5, n),
        "source_article": "\"Synthetic report on " + places["place"] + "\", Agency " + pd.Series(start).astype(str),
        "source_office": "Synthetic Agency", "source_date": pd.Series(start).astype(str),
        "source_headline": "Clashes reported near " + places["place"], "source_original": "local sources",
        "where_prec": where_prec, "where_coordinates": places["place"] + " town",
        "where_description": places["place"] + ", " + places["region"] + " region", "adm_1": places["region"] + " region",
        "adm_2": "", "latitude": places["lat"], "longitude": places["lon"],
        "geom_wkt": "POINT (" + places["lon"].astype(str) + " " + places["lat"].astype(str) + ")",
        "priogrid_gid": 180000, "country": np.where(places["mali"], "Mali", "Elsewhere"), "country_id": 432,
        "region": "Africa", "event_clarity": 1, "date_prec": prec,
        "date_start": pd.Series(start).dt.strftime("%Y-%m-%d 00:00:00.000"),
        "date_end": pd.Series(start + span.astype("timedelta64[D]")).dt.strftime("%Y-%m-%d 00:00:00.000"),
        "deaths_a": deaths[:, 0], "deaths_b": deaths[:, 1], "deaths_civilians": deaths[:, 2],
        "deaths_unknown": deaths[:, 3], "best": best, "high": best + rng.integers(0, 10, n), "low": best,
        "gwnoa": 432, "gwnob": "",
    })
    return _write(frame[list(ucdp.COLUMNS)], Path(path))


def acled_file(path: str | Path, n: int, seed: int = 1) -> Path:
    """n ACLED-shaped rows (acled.COLUMNS) written to `path`."""
    rng = np.random.default_rng(seed)
    places = _places(n, rng, 0.0)
    day = _dates(n, rng)
    actor1, actor2 = _actors(day, rng, 1)
    associated = np.where(rng.random(n) < 0.1, "Fulani Ethnic Group (Mali)", "")
    civilians = actor2 == "Civilians (Mali)"
    notes = np.array(NOTES, dtype=object)[rng.integers(0, len(NOTES), n)]
    frame = pd.DataFrame({
        "event_id_cnty": [f"SYN{i}" for i in range(1, n + 1)], "event_date": pd.Series(day).dt.strftime("%Y-%m-%d"),
        "year": day.astype("datetime64[Y]").astype(int) + 1970,
        "time_precision": rng.choice([1, 2, 3], n, p=[0.85, 0.1, 0.05]), "disorder_type": "Political violence",
        "event_type": np.where(civilians, "Violence against civilians", "Battles"),
        "sub_event_type": np.where(civilians, "Attack", "Armed clash"), "actor1": actor1, "assoc_actor_1": "",
        "inter1": 1, "actor2": actor2, "assoc_actor_2": np.where(civilians, associated, ""), "inter2": 2,
        "interaction": 12, "civilian_targeting": np.where(civilians, "Civilian targeting", ""), "iso": 466,
        "region": "Western Africa", "country": "Mali", "admin1": places["region"], "admin2": "", "admin3": "",
        "location": places["place"], "latitude": places["lat"], "longitude": places["lon"],
        "geo_precision": rng.choice([1, 2, 3], n, p=[0.75, 0.2, 0.05]), "source": "Synthetic Agency; local sources",
        "source_scale": "National", "notes": "On " + pd.Series(day).dt.strftime("%d %B %Y") + ", " + notes,
        "fatalities": rng.poisson(3, n), "tags": "", "timestamp": 1700000000,
    })
    return _write(frame[list(acled.COLUMNS)], Path(path))


def dataset_files(folder: str | Path, n: int, seed: int = 0) -> list[Path]:
    """A GED-shaped and an ACLED-shaped file of n events together (40% GED, 60% ACLED)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n_ged = int(n * 0.4)
    return [ged_file(folder / "ged_synthetic.csv", n_ged, seed), acled_file(folder / "acled_synthetic.csv", n - n_ged, seed + 1)]



