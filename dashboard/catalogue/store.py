"""A catalogue kept on disk as Parquet: written once per content, read back without the long article text.

The summary, sections and infobox of 100k events are most of the catalogue's memory and are only needed
for the one event a detail panel shows, or for an export; the store keeps them on disk in small row groups
and reads the rows asked for. Everything else is read into memory as the app's shared events table.

This module reads a store back and keeps the prepared tables beside it; writing it (store_writer), its folders
(store_folders), its text read by row (store_text) and the memory released after reading (memory) have modules
of their own, and their names are importable from here too.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from dashboard.catalogue.compact import read_compact
from dashboard.catalogue.memory import release_unused_memory
from dashboard.catalogue.store_folders import (
    DELETING, PARTIAL, STALE_AFTER_S, TABLES, is_complete, mark_used, partial_folder, remove_leftovers, remove_store,
    replace_folder, sync_directory, sync_folder,
)
from dashboard.catalogue.store_text import EventText, Recovered
from dashboard.catalogue.store_writer import StoreWriter, convert_csv, write_store
from dashboard.model import TEXT_COLUMNS

__all__ = [
    "COMPACT", "DELETING", "PARTIAL", "PREPARED", "ROW", "STALE_AFTER_S", "TABLES", "EventText", "Recovered",
    "StoreWriter", "convert_csv", "is_complete", "keep_prepared", "mark_used", "partial_folder", "read_columns",
    "read_prepared", "read_store", "release_unused_memory", "remove_leftovers", "remove_store", "replace_folder",
    "sync_directory", "sync_folder", "write_store",
]

ROW = "_row"  # an event's row in the store's events file, kept in the in-memory table to find its text
COMPACT = ("events", "claims", "parties")  # read with their repeated text as categories (compact)


def read_store(folder: Path, leave_out: Iterable[str] = TEXT_COLUMNS) -> dict[str, pd.DataFrame]:
    """The stored tables; the events without the `leave_out` columns, with each row's position in ROW; the
    prepared events, parties and claims when an earlier start kept them. Events, claims and parties come with
    their repeated text as categories (compact)."""
    prepared = read_prepared(folder)
    if prepared is not None:
        return {**prepared, **{name: _read(folder, name) for name in TABLES if name not in prepared}}
    left_out = set(leave_out)
    columns = [c for c in pq.ParquetFile(folder / "events.parquet").schema_arrow.names if c not in left_out]
    events = read_compact(folder / "events.parquet", columns)
    if ROW not in events.columns:
        events[ROW] = np.arange(len(events), dtype=np.int64)
    return {"events": events, **{name: _read(folder, name) for name in TABLES[1:]}}


def _read(folder: Path, name: str) -> pd.DataFrame:
    path = folder / f"{name}.parquet"
    return read_compact(path) if name in COMPACT else pd.read_parquet(path)


def read_columns(folder: Path, name: str, columns: list[str]) -> pd.DataFrame:
    """Some columns of a stored table (what linking needs of a million events, not their text)."""
    return pd.read_parquet(folder / f"{name}.parquet", columns=columns)


# The events and parties tables made ready for filtering (views.prepared), kept once the first start made them.
PREPARED = {"events": "events.prepared.parquet", "parties": "parties.prepared.parquet",
            "claims": "claims.prepared.parquet"}


def read_prepared(folder: Path) -> dict[str, pd.DataFrame] | None:
    """The prepared events and parties an earlier start kept in this store, or None."""
    paths = {name: folder / file for name, file in PREPARED.items()}
    if not all(path.is_file() for path in paths.values()):
        return None
    try:
        return {name: read_compact(path) for name, path in paths.items()}
    except (OSError, ValueError):  # half written by a server that stopped: made again
        return None


def keep_prepared(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Keep the prepared tables beside the store (each file written whole, then moved into place); a read-only
    disk only costs the next start the preparing."""
    for name, frame in tables.items():
        target = folder / PREPARED[name]
        partial = target.with_name(target.name + ".partial")
        try:
            frame.to_parquet(partial, index=False, row_group_size=100_000)
            partial.replace(target)
        except OSError:
            partial.unlink(missing_ok=True)
            return
