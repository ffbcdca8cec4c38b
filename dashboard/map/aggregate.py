"""Above a few thousand located events the map draws place × period counts instead of one circle per event.

Each count carries its area's code ("c"): the page adds up the periods of one area that its time bar shows, so an
area is one circle whatever the mode (every event, a window, cumulative)."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.distinct import coded, from_zero
from dashboard.map.features import column, ms, place_names, point
from dashboard.map.style import AGGREGATE, MAX_RADIUS, MIN_RADIUS, alignment_code
from dashboard.text.escape import js_safe_text


# Aggregation levels tried in order, finest first: (grid step in degrees, period).
_AGGREGATION_LEVELS = [(0.1, "M"), (0.25, "M"), (0.5, "Q"), (1.0, "Q"), (1.0, "Y"), (2.0, "Y"), (5.0, "Y")]


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


def aggregate_features(located: pd.DataFrame, limit: int) -> tuple[list[dict], str, str]:
    """Place × period count circles (at most `limit` unless the coarsest level is still bigger), and the period
    length used ("M", "Q" or "Y", the page's labels).

    An area's first count carries what its circle needs (where: the mean of its events; its most common place
    name; a radius and kind); the others carry only their period, alignment and count, and no geometry: at a
    million events that halves the map sent to the browser.
    """
    groups, periods, step, freq = aggregation_groups(located, limit)
    counts = np.bincount(groups, minlength=len(periods))
    align_codes, aligns = coded(column(located, "alignment_a", "unknown"), alignment_code)
    name_codes, names = place_names(located)
    area_of_row = pd.factorize(_place_period_codes(located, step, None), sort=True)[0]
    areas = np.zeros(len(periods), dtype=np.int64)
    areas[groups] = area_of_row  # a group lies in one area; areas are numbered in the groups' order
    where = located[["latitude", "longitude"]].groupby(area_of_row, sort=True).mean()
    area_counts = np.bincount(area_of_row)
    area_names = names[_most_common(area_of_row, name_codes)]
    firsts = np.flatnonzero(np.r_[True, areas[1:] != areas[:-1]])
    rows = zip(ms(pd.Series(periods.start_time)).tolist(), ms(pd.Series(periods.end_time)).tolist(),
               aligns[_most_common(groups, align_codes)], counts.tolist(), areas.tolist())
    features = [{"type": "Feature", "geometry": None,
                 "properties": {"start": int(start), "end": int(end), "a": align, "n": int(count), "c": area}}
                for start, end, align, count, area in rows]
    for index in firsts.tolist():
        area = areas[index]
        circle = {"r": round(min(MAX_RADIUS, MIN_RADIUS + 2.0 * math.sqrt(area_counts[area])), 1), "k": AGGREGATE,
                  "name": js_safe_text(area_names[area] or "area")}
        features[index] = point(where["longitude"].iat[area], where["latitude"].iat[area],
                                features[index]["properties"] | circle)
    unit = {"M": "month", "Q": "quarter", "Y": "year"}[freq]
    note = (f"Aggregated view: {len(located):,} events drawn as {len(firsts):,} areas counted per {unit} "
            f"(~{step:g}° each). The table and exports list every event.")
    return features, note, freq
