"""Above a few thousand located events the map draws place × period counts instead of one circle per event.

Each count carries its area's code ("c"): the page adds up the periods of one area that its time bar shows, so an
area is one circle whatever the mode (every event, a window, cumulative)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.distinct import coded, from_zero, per_value
from dashboard.map.features import column, ms, place_names, point
from dashboard.map.style import AGGREGATE, MAX_RADIUS, MIN_RADIUS, alignment_code
from dashboard.text.escape import js_safe_text


# Aggregation levels tried in order, finest first: (grid step in degrees, period).
_AGGREGATION_LEVELS = [(0.1, "M"), (0.25, "M"), (0.5, "Q"), (1.0, "Q"), (1.0, "Y"), (2.0, "Y"), (5.0, "Y")]
_PERIOD_FORMAT = {"M": "%b %Y", "Q": "Q%q %Y", "Y": "%Y"}


def _place_period_codes(located: pd.DataFrame, step: float, periods: pd.PeriodIndex | None) -> np.ndarray:
    """Per row, one integer for its (latitude cell, longitude cell, period), ordered like those keys (without a
    period: for its area only)."""
    # Spans are at most 1801 × 3601 × 120,000 monthly periods (years 1-9999): no int64 overflow.
    parts = [np.round(located["latitude"].to_numpy() / step).astype(np.int64),
             np.round(located["longitude"].to_numpy() / step).astype(np.int64)]
    if periods is not None:
        parts.append(periods.asi8)
    codes = np.zeros(len(located), dtype=np.int64)
    for part in parts:
        shifted, span = from_zero(part)
        codes = codes * span + shifted
    return codes


def aggregation_groups(located: pd.DataFrame, limit: int) -> tuple[np.ndarray, pd.PeriodIndex, float, str]:
    """Group located events by rounded place and period, coarsening until at most `limit` groups.

    Returns each row's group number (groups ordered by latitude cell, longitude cell, period),
    each group's period, and the grid step and period length used.
    """
    days = pd.DatetimeIndex(located["start_ms"].to_numpy().astype("datetime64[ms]"))
    periods: dict[str, pd.PeriodIndex] = {}
    for step, freq in _AGGREGATION_LEVELS:
        if freq not in periods:
            periods[freq] = days.to_period(freq)
        groups, keys = pd.factorize(_place_period_codes(located, step, periods[freq]), sort=True)
        if len(keys) <= limit:
            break
    ordinals = np.zeros(len(keys), dtype=np.int64)
    ordinals[groups] = periods[freq].asi8  # the rows of a group share its period
    return groups, pd.PeriodIndex.from_ordinals(ordinals, freq=freq), step, freq


def _most_common(groups: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """For each group number 0, 1, …, its most frequent code (vectorised; ties: the first seen)."""
    width = int(codes.max(initial=0)) + 1
    pair_ids, pairs = pd.factorize(groups.astype(np.int64) * width + codes)  # pairs in order of first appearance
    group = pairs // width
    order = np.lexsort((-np.bincount(pair_ids, minlength=len(pairs)), group))  # stable: ties stay first seen first
    firsts = order[np.unique(group[order], return_index=True)[1]]
    return pairs[firsts] % width


def aggregate_features(located: pd.DataFrame, limit: int) -> tuple[list[dict], str]:
    """Place × period count circles (at most `limit` unless the coarsest level is still bigger)."""
    groups, periods, step, freq = aggregation_groups(located, limit)
    table = located[["latitude", "longitude"]].groupby(groups, sort=True).agg(
        count=("latitude", "size"), latitude=("latitude", "mean"), longitude=("longitude", "mean"),
    )
    align_codes, aligns = coded(column(located, "alignment_a", "unknown"), alignment_code)
    name_codes, names = place_names(located)
    labels = per_value(pd.Series(periods), lambda period: period.strftime(_PERIOD_FORMAT[freq]))
    areas = np.zeros(len(table), dtype=np.int64)
    areas[groups] = pd.factorize(_place_period_codes(located, step, None))[0]  # a group lies in one area
    rows = zip(table["longitude"].tolist(), table["latitude"].tolist(), table["count"].tolist(),
               ms(pd.Series(periods.start_time)).tolist(), ms(pd.Series(periods.end_time)).tolist(),
               aligns[_most_common(groups, align_codes)], names[_most_common(groups, name_codes)], labels,
               areas.tolist())
    features = [
        point(lon, lat, {
            "start": int(start),
            "end": int(end),
            "a": align,
            "r": round(min(MAX_RADIUS, MIN_RADIUS + 2.0 * math.sqrt(count)), 1),
            "k": AGGREGATE,
            "n": int(count),
            "c": area,
            "name": js_safe_text(name or "area"),
            "label": js_safe_text(label),
        })
        for lon, lat, count, start, end, align, name, label, area in rows
    ]
    unit = {"M": "month", "Q": "quarter", "Y": "year"}[freq]
    note = (f"Aggregated view: {len(located):,} events drawn as {len(features):,} circles "
            f"(one per ~{step:g}° area and {unit}). The table and exports list every event.")
    return features, note
