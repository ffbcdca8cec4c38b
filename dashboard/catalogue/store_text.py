"""The long text columns of a stored catalogue's events, read from the store by row (or from memory once it went away)."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.catalogue.store_folders import is_complete
from dashboard.model import TEXT_COLUMNS


@dataclass(frozen=True)
class Recovered:
    """Where an event text store that went away is read from now: a store written again, or memory."""
    path: Path | None = None
    memory: pd.DataFrame | None = None  # TEXT_COLUMNS in the store's row order
    cache_off: str = ""  # why the text is now held in memory


class EventText:
    """The long text columns (TEXT_COLUMNS) of a stored catalogue's events, read from disk by row.

    If the store goes away under a running server (the cache folder removed, an old store pruned by another
    server), `recover()` is asked once where the text is now: a store written again, or memory.
    """

    def __init__(self, path: Path, recover: Callable[[], Recovered | None] | None = None):
        self.path = path
        self._recover = recover
        self._memory: pd.DataFrame | None = None
        self.cache_off = ""  # why the text is served from memory ("" while it is read from the store)
        self._lock = threading.Lock()

    def rows(self, positions: Sequence[int] | pd.Series) -> pd.DataFrame:
        """TEXT_COLUMNS for these rows of the events file, in the order asked."""
        wanted = np.asarray(positions, dtype=np.int64)
        if self._memory is not None:
            return _rows_in_memory(self._memory, wanted)
        try:
            return _read_rows(self.path, wanted)
        except (OSError, ValueError):  # gone (FileNotFoundError) or damaged (pyarrow's ArrowInvalid)
            if not self._recovered(self.path):
                raise
        return self.rows(positions)

    def ensure(self) -> str:
        """The store checked to be still on disk (recovered if not): "" or why the text is served from memory."""
        if self._memory is None and not is_complete(self.path.parent):
            self._recovered(self.path)
        return self.cache_off

    def _recovered(self, failed: Path) -> bool:
        with self._lock:  # one session recovers, the others wait for it and read where it put the text
            if self._memory is not None or self.path != failed:
                return True
            outcome = self._recover() if self._recover else None
            if outcome is None:
                return False
            if outcome.memory is not None:
                self._memory, self.cache_off = outcome.memory.reset_index(drop=True), outcome.cache_off
            else:
                self.path, self.cache_off = outcome.path, ""
            return True


def _read_rows(path: Path, wanted: np.ndarray) -> pd.DataFrame:
    parquet = pq.ParquetFile(path)  # one per call: a ParquetFile is not shared across sessions' threads
    sizes = [parquet.metadata.row_group(i).num_rows for i in range(parquet.num_row_groups)]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    if len(wanted) and (wanted.min() < 0 or wanted.max() >= starts[-1]):
        raise IndexError(f"rows outside the stored events ({starts[-1]} rows)")
    groups = np.searchsorted(starts, wanted, side="right") - 1
    out = {column: np.empty(len(wanted), dtype=object) for column in TEXT_COLUMNS}
    for group in np.unique(groups):
        here = np.flatnonzero(groups == group)
        table = parquet.read_row_group(int(group), columns=list(TEXT_COLUMNS))
        for column in TEXT_COLUMNS:
            values = table.column(column).take(pa.array(wanted[here] - starts[group])).to_pylist()
            out[column][here] = values
    return pd.DataFrame({c: pd.array(v, dtype="string") for c, v in out.items()})


def _rows_in_memory(memory: pd.DataFrame, wanted: np.ndarray) -> pd.DataFrame:
    if len(wanted) and (wanted.min() < 0 or wanted.max() >= len(memory)):
        raise IndexError(f"rows outside the stored events ({len(memory)} rows)")
    picked = memory.iloc[wanted].reset_index(drop=True)
    return pd.DataFrame({c: pd.array(picked[c].to_numpy(dtype=object), dtype="string") for c in TEXT_COLUMNS})
