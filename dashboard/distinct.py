"""Work done once per distinct value, not once per row: catalogues repeat the same few places, dates, sides."""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable

import numpy as np
import pandas as pd


def memoised(how: Callable[[object], object], keys: Iterable[Hashable]) -> list:
    """[how(key) for key in keys], calling `how` once per distinct key (tables repeat values a lot).

    Keys that compare equal share one result, so `how` must not tell them apart (1 and 1.0, say).
    """
    cache: dict = {}
    found = []
    for key in keys:
        if key not in cache:
            cache[key] = how(key)
        found.append(cache[key])
    return found


def coded(values: pd.Series, how: Callable[[object], str]) -> tuple[np.ndarray, np.ndarray]:
    """how(value) of every row as a code per row and the sorted distinct results.

    Calls `how` once per distinct value (missing values: how(None)); tables repeat the same few values.
    """
    codes, uniques = pd.factorize(values)
    found = [how(value) for value in uniques]
    if (codes < 0).any():
        found.append(how(None))  # code -1 takes the last item
    result_codes, results = pd.factorize(np.array(found, dtype=object), sort=True, use_na_sentinel=False)
    return result_codes[codes], np.asarray(results, dtype=object)


def per_value(values: pd.Series, how: Callable[[object], str]) -> np.ndarray:
    """how(value) for every row, calling `how` once per distinct value (missing values: how(None))."""
    codes, results = coded(values, how)
    return results[codes]


def from_zero(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Integers shifted to start at 0, and how many values their range spans."""
    low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
    return values - low, high - low + 1
