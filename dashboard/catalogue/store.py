"""A catalogue kept on disk as Parquet: written once per content, read back without the long article text.

The summary, sections and infobox of 100k events are most of the catalogue's memory and are only needed
for the one event a detail panel shows, or for an export; the store keeps them on disk in small row groups
and reads the rows asked for. Everything else is read into memory as the app's shared events table.
"""
from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dashboard.model import TEXT_COLUMNS

ROW = "_row"  # an event's row in the store's events file, kept in the in-memory table to find its text
ROW_GROUP = 1_000  # rows decoded to read one event's text
CSV_BLOCK_BYTES = 8 << 20  # how much of a CSV is held in memory at a time while it is converted
TABLES = ("events", "claims", "parties", "problems", "control", "episodes")
KEEP_STORES = 3  # older stores kept beside the newest, for other servers on the same cache folder


@dataclass(frozen=True)
class EventText:
    """The long text columns (TEXT_COLUMNS) of a stored catalogue's events, read from disk by row."""
    path: Path

    def rows(self, positions: Sequence[int] | pd.Series) -> pd.DataFrame:
        """TEXT_COLUMNS for these rows of the events file, in the order asked."""
        wanted = np.asarray(positions, dtype=np.int64)
        parquet = pq.ParquetFile(self.path)  # one per call: a ParquetFile is not shared across sessions' threads
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


def write_store(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Each table as FOLDER/<name>.parquet; events in small row groups so one event's text is cheap to read."""
    for name, frame in tables.items():
        frame.to_parquet(folder / f"{name}.parquet", index=False, row_group_size=ROW_GROUP)


def convert_csv(path: Path, targets: dict[str, Path],
                transform: Callable[[pd.DataFrame], dict[str, pd.DataFrame]]) -> None:
    """A CSV file as Parquet files, a block at a time (memory stays small whatever the size).

    `transform(block)` turns one block of text cells into the rows each target gets from it ({name: frame}),
    typed as the whole-file reader types them; it is also called once on an empty frame for a file with no rows.
    """
    reader = pacsv.open_csv(path, read_options=pacsv.ReadOptions(block_size=CSV_BLOCK_BYTES, encoding="utf-8"),
                            convert_options=pacsv.ConvertOptions(strings_can_be_null=False, column_types=_all_text(path)))
    writers: dict[str, pq.ParquetWriter] = {}
    try:
        for batch in reader:
            for name, frame in transform(batch.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)).items():
                table = pa.Table.from_pandas(frame, preserve_index=False,
                                             schema=writers[name].schema if name in writers else None)
                if name not in writers:
                    writers[name] = pq.ParquetWriter(targets[name], table.schema)
                writers[name].write_table(table, row_group_size=ROW_GROUP)
        if not writers:  # a header and no rows
            for name, frame in transform(pd.DataFrame()).items():
                frame.to_parquet(targets[name], index=False)
    finally:
        for writer in writers.values():
            writer.close()


def _all_text(path: Path) -> dict[str, pa.DataType]:
    """Every column of the CSV read as text: typing is the `typed` function's job, not pyarrow's guess."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        names = next(csv.reader(handle), [])
    return {name: pa.string() for name in names}


def read_store(folder: Path, leave_out: Iterable[str] = TEXT_COLUMNS) -> dict[str, pd.DataFrame]:
    """The stored tables; the events without the `leave_out` columns, with each row's position in ROW."""
    left_out = set(leave_out)
    columns = [c for c in pq.ParquetFile(folder / "events.parquet").schema_arrow.names if c not in left_out]
    events = pd.read_parquet(folder / "events.parquet", columns=columns)
    if ROW not in events.columns:
        events[ROW] = np.arange(len(events), dtype=np.int64)
    return {"events": events, **{name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES[1:]}}


def release_unused_memory() -> None:
    """Give the memory Arrow kept from reading back to the system (about 90 MB after reading 100k events)."""
    pa.default_memory_pool().release_unused()


def is_complete(folder: Path) -> bool:
    return all((folder / f"{name}.parquet").is_file() for name in TABLES)


def replace_folder(partial: Path, folder: Path, keep: int | None = None) -> None:
    """Move a fully written store into place; of the older stores beside it only the `keep` last used stay.

    Older ones are not all dropped at once: another server on the same cache may still be reading one.
    """
    partial.rename(folder)
    keep = KEEP_STORES if keep is None else keep
    others = [p for p in folder.parent.glob("catalogue-*")
              if p != folder and p.is_dir() and p.suffix != ".partial"]  # a .partial may be another server's work
    for old in sorted(others, key=_last_used, reverse=True)[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def mark_used(folder: Path) -> None:
    try:
        folder.touch()
    except OSError:
        pass


def _last_used(folder: Path) -> float:
    try:
        return folder.stat().st_mtime
    except OSError:
        return 0.0
