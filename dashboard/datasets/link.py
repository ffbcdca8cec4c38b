"""Which dataset events are likely the same event as an article's: dates overlapping within two days, places
within 25 km (wider when either place is coarse), and a party of the war on both (a coalition counts for its
members); of those, the closest few per dataset (in days, then km). Computed once per catalogue, vectorised: candidates come from a join on (map cell, week), so an
article event is only compared with the dataset events near it in space and time.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from dashboard.parties import COALITIONS, PARTIES, expand_faction

LINK_COLUMNS = ["event_id", "dataset_event_id", "dataset", "days_apart", "distance_km", "shared_parties"]
DAYS = 2  # dates may be this many days apart and still be the same event
NEAR_KM = 25.0
# How much further a coarse place may be (UCDP where_prec; ACLED's geo_precision is mapped onto it): a point
# for a district (3) or a region (4-5) stands for anywhere in it; a country-wide point (6) for Mali itself.
WIDER_KM = {1: 0.0, 2: 25.0, 3: 75.0, 4: 200.0, 5: 200.0, 6: 1000.0}
UNKNOWN_PRECISION_KM = 25.0  # an event whose precision is not given: treated as "within ~25 km"
WEEK = 7
MOST_PER_DATASET = 5  # an article event keeps its closest links (in days, then km) to each dataset's events
ARTICLES_AT_ONCE = 2_000  # candidates are made and checked this many article events at a time (memory stays small)
EARTH_KM = 6371.0
_KNOWN = [p.name for p in PARTIES] + [c.name for c in COALITIONS if c.name not in {p.name for p in PARTIES}]
_BIT = {name: i for i, name in enumerate(_KNOWN)}


@lru_cache(maxsize=4096)
def party_bits(canonical: str) -> int:
    """The war's parties a canonical party stands for (itself, a coalition's members), as bits."""
    bits = 0
    for name in expand_faction(canonical) if canonical in _BIT else ():
        if name in _BIT:
            bits |= 1 << _BIT[name]
    return bits


def party_masks(events: pd.DataFrame, parties: pd.DataFrame) -> np.ndarray:
    """Per event row, the bits of every known party on any of its sides."""
    masks = np.zeros(len(events), dtype=np.uint64)
    ids = pd.Index(events["event_id"])
    at = (ids if ids.is_unique else ids.drop_duplicates()).get_indexer(parties["event_id"])
    codes, names = pd.factorize(parties["canonical"])
    bits = np.array([party_bits(n) for n in names] + [0], dtype=np.uint64)[codes]
    keep = at >= 0
    np.bitwise_or.at(masks, at[keep], bits[keep])
    return masks


def _prepared(events: pd.DataFrame, masks: np.ndarray) -> pd.DataFrame:
    start = pd.to_datetime(events["start_date"], format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(events["end_date"], format="%Y-%m-%d", errors="coerce").fillna(start)
    frame = pd.DataFrame({
        "event_id": events["event_id"].to_numpy(), "kind": events["kind"].to_numpy(),
        "lat": pd.to_numeric(events["latitude"], errors="coerce").to_numpy(dtype="float64"),
        "lon": pd.to_numeric(events["longitude"], errors="coerce").to_numpy(dtype="float64"),
        "start": (start.to_numpy(dtype="datetime64[D]").astype("int64")),
        "end": (end.to_numpy(dtype="datetime64[D]").astype("int64")),
        "wider": pd.to_numeric(events["location_precision"], errors="coerce").map(WIDER_KM)
        .fillna(UNKNOWN_PRECISION_KM).to_numpy(dtype="float64"),
        "parties": masks,
    })
    usable = np.isfinite(frame["lat"]) & np.isfinite(frame["lon"]) & start.notna().to_numpy() & (frame["parties"] > 0)
    return frame[usable.to_numpy()].reset_index(drop=True)


def link_events(events: pd.DataFrame, parties: pd.DataFrame, dataset_kinds: tuple[str, ...]) -> pd.DataFrame:
    """LINK_COLUMNS: one row per (article event, dataset event) likely the same, nearest first per article."""
    if not events["kind"].isin(dataset_kinds).any():
        return _no_links()
    table = _prepared(events, party_masks(events, parties))
    is_dataset = table["kind"].isin(dataset_kinds).to_numpy()
    articles, found = table[~is_dataset].reset_index(drop=True), table[is_dataset].reset_index(drop=True)
    pairs = [_pass(articles[articles["wider"] == a_wider], found[found["wider"] == d_wider], NEAR_KM + a_wider + d_wider)
             for a_wider in np.unique(articles["wider"]) for d_wider in np.unique(found["wider"])]
    pairs = [p for p in pairs if len(p)]
    if not pairs:
        return _no_links()
    links = _closest(pd.concat(pairs, ignore_index=True))
    return links.sort_values(["event_id", "days_apart", "distance_km", "dataset_event_id"], kind="stable",
                             ignore_index=True)[LINK_COLUMNS].astype({"event_id": "string", "dataset_event_id": "string", "dataset": "string",
                                       "shared_parties": "string"})


def _no_links() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="int64" if c == "days_apart" else "float64" if c == "distance_km"
                                      else "string") for c in LINK_COLUMNS})


def _pass(articles: pd.DataFrame, found: pd.DataFrame, reach_km: float) -> pd.DataFrame:
    """The links between these articles and dataset events, all of whose places may be reach_km apart."""
    if articles.empty or found.empty:
        return pd.DataFrame()
    cell = reach_km / 111.0  # degrees of latitude: a match is at most one cell away
    # Longitude cells per row of latitude cells, widened towards the poles (capped at 80°).
    found_row = np.floor(found["lat"].to_numpy() / cell).astype(np.int64)
    found_col = np.floor(found["lon"].to_numpy() / _lon_cell(found_row, cell)).astype(np.int64)
    keys, at = _exploded(found_row, found_col, found["start"].to_numpy(), found["end"].to_numpy())
    order = np.argsort(keys, kind="stable")
    index = (keys[order], at[order])
    parts = [_links_of(articles.iloc[first:first + ARTICLES_AT_ONCE], found, index, cell, reach_km)
             for first in range(0, len(articles), ARTICLES_AT_ONCE)]
    return pd.concat(parts, ignore_index=True)


def _links_of(articles: pd.DataFrame, found: pd.DataFrame, index: tuple[np.ndarray, np.ndarray], cell: float,
              reach_km: float) -> pd.DataFrame:
    """The links of a chunk of articles: their (cell, week) keys looked up in the dataset events' sorted keys,
    then every candidate checked for dates, distance and a shared party."""
    sorted_keys, sorted_at = index
    a_row = np.floor(articles["lat"].to_numpy() / cell).astype(np.int64)
    keys, at = [], []
    for d_row in (-1, 0, 1):
        row = a_row + d_row
        centre = np.floor(articles["lon"].to_numpy() / _lon_cell(row, cell)).astype(np.int64)
        for d_col in (-1, 0, 1):
            k, i = _exploded(row, centre + d_col, articles["start"].to_numpy() - DAYS, articles["end"].to_numpy() + DAYS)
            keys.append(k)
            at.append(i)
    keys, at = np.concatenate(keys), np.concatenate(at)
    low, high = np.searchsorted(sorted_keys, keys, "left"), np.searchsorted(sorted_keys, keys, "right")
    hits = high - low
    a = np.repeat(at, hits)
    d = sorted_at[np.repeat(low, hits) + (np.arange(hits.sum()) - np.repeat(np.cumsum(hits) - hits, hits))]
    pairs = np.unique(a.astype(np.int64) * len(found) + d)  # one pair may share several weeks
    a, d = pairs // len(found), pairs % len(found)
    gap = np.maximum(found["start"].to_numpy()[d] - articles["end"].to_numpy()[a],
                     articles["start"].to_numpy()[a] - found["end"].to_numpy()[d])
    shared = articles["parties"].to_numpy()[a] & found["parties"].to_numpy()[d]
    close = (gap <= DAYS) & (shared > 0)
    a, d, gap, shared = a[close], d[close], gap[close], shared[close]
    km = _distance_km(articles["lat"].to_numpy()[a], articles["lon"].to_numpy()[a],
                      found["lat"].to_numpy()[d], found["lon"].to_numpy()[d])
    keep = km <= reach_km
    a, d, gap, km, shared = a[keep], d[keep], gap[keep], km[keep], shared[keep]
    return _closest(pd.DataFrame({
        "event_id": articles["event_id"].to_numpy()[a], "dataset_event_id": found["event_id"].to_numpy()[d],
        "dataset": found["kind"].to_numpy()[d], "days_apart": np.maximum(gap, 0).astype(np.int64),
        "distance_km": np.round(km, 1), "shared_parties": _names(shared)}))


def _closest(links: pd.DataFrame) -> pd.DataFrame:
    """At most MOST_PER_DATASET links per article event and dataset: the closest in days, then in km."""
    ranked = links.sort_values(["event_id", "dataset", "days_apart", "distance_km", "dataset_event_id"], kind="stable")
    return ranked.groupby(["event_id", "dataset"], sort=False).head(MOST_PER_DATASET)


def _lon_cell(rows: np.ndarray, cell: float) -> np.ndarray:
    """Longitude cell width of each latitude row: as wide in km as the latitude cell at the row's poleward edge."""
    edge = np.minimum(np.maximum(np.abs(rows), np.abs(rows + 1)) * cell, 80.0)
    return cell / np.cos(np.radians(edge))


def _exploded(rows: np.ndarray, cols: np.ndarray, start: np.ndarray, end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One key per (cell, week) each item covers, and the item's position for each key."""
    first, last = np.floor_divide(start, WEEK), np.floor_divide(end, WEEK)
    weeks = (last - first + 1).astype(np.int64)
    at = np.repeat(np.arange(len(rows)), weeks)
    week = np.repeat(first, weeks) + (np.arange(weeks.sum()) - np.repeat(np.cumsum(weeks) - weeks, weeks))
    # Cells and weeks packed into one integer key: rows ±2^20, columns ±2^20, weeks ±2^21 fit in 63 bits.
    key = ((np.repeat(rows, weeks) + (1 << 20)) << 42) | ((np.repeat(cols, weeks) + (1 << 20)) << 21) | (week + (1 << 20))
    return key, at


def _distance_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance (haversine)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


def _names(bits: np.ndarray) -> np.ndarray:
    """The shared parties' names ("; "-joined, for the links CSV), once per distinct combination."""
    codes, uniques = pd.factorize(bits)
    names = np.array(["; ".join(n for n in _KNOWN if int(u) >> _BIT[n] & 1) for u in uniques], dtype=object)
    return names[codes]


def linked_ids(events: pd.DataFrame, links: pd.DataFrame) -> pd.Series:
    """Per event, the events linked to it ("; "-joined for people reading events.csv): an article's dataset
    events, a dataset event's articles."""
    both = pd.concat([links[["event_id", "dataset_event_id"]].set_axis(["own", "other"], axis=1),
                      links[["dataset_event_id", "event_id"]].set_axis(["own", "other"], axis=1)], ignore_index=True)
    joined = both.groupby("own", sort=False)["other"].agg("; ".join)
    return pd.Series(joined.reindex(events["event_id"].to_numpy()).fillna("").to_numpy(), index=events.index,
                     dtype="string[pyarrow]")


def link_counts(events: pd.DataFrame, links: pd.DataFrame, kind: str) -> np.ndarray:
    """Per event, how many events of this dataset kind are linked to it (0 for the dataset's own events)."""
    counts = links.loc[links["dataset"] == kind, "event_id"].value_counts()
    return counts.reindex(events["event_id"].to_numpy()).fillna(0).to_numpy(dtype=np.int64)

