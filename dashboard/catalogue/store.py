"""A catalogue kept on disk as Parquet: written once per content, read back without the long article text.

The summary, sections and infobox of 100k events are most of the catalogue's memory and are only needed
for the one event a detail panel shows, or for an export; the store keeps them on disk in small row groups
and reads the rows asked for. Everything else is read into memory as the app's shared events table.

A store is written into a folder of its own writer's (`partial_folder`) and renamed into place only once every
file is on disk, so a server killed while writing leaves a partial folder that is never read (and is removed
once its writer is gone); an old store is renamed away before it is deleted, so none is ever half there.
"""
from __future__ import annotations

import csv
import ctypes
import os
import secrets
import shutil
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dashboard.catalogue.compact import read_compact
from dashboard.model import TEXT_COLUMNS

ROW = "_row"  # an event's row in the store's events file, kept in the in-memory table to find its text
ROW_GROUP = 1_000  # rows decoded to read one event's text
CSV_BLOCK_BYTES = 8 << 20  # how much of a CSV is held in memory at a time while it is converted
TABLES = ("events", "claims", "parties", "problems", "control", "episodes", "links")  # links last: written after the rest
COMPACT = ("events", "claims", "parties")  # read with their repeated text as categories (compact)
KEEP_STORES = 3  # older stores kept beside the newest, for other servers on the same cache folder
PARTIAL, DELETING = ".partial-", ".deleting-"  # in the names of folders being written and being removed
STALE_AFTER_S = 24 * 3600  # a partial folder of another machine's writer is removed after this long


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


class StoreWriter:
    """Tables written to FOLDER/<name>.parquet a frame at a time, each frame cast to the first one's schema
    (so blocks of a CSV, an article catalogue and dataset files can go into one table)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.writers: dict[str, pq.ParquetWriter] = {}

    def append(self, name: str, frame: pd.DataFrame) -> None:
        writer = self.writers.get(name)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if writer is None:
            # A column with no value in the first frame (all None) is text in the frames after it.
            schema = pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in table.schema],
                               metadata=table.schema.metadata)
            writer = self.writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", schema)
        table = table.select(writer.schema.names).cast(writer.schema)
        writer.write_table(table, row_group_size=ROW_GROUP)

    def close(self) -> None:
        """Every table's file finished; each is closed even when one fails (a full disk), then the first error raised."""
        errors = []
        for writer in self.writers.values():
            try:
                writer.close()
            except OSError as error:
                errors.append(error)
        self.writers = {}
        if errors:
            raise errors[0]

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, exc_type, _exc, _tb) -> None:
        try:
            self.close()
        except OSError:
            if exc_type is None:
                raise  # otherwise the error already in flight says what went wrong


def write_store(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """Each table as FOLDER/<name>.parquet; events in small row groups so one event's text is cheap to read."""
    with StoreWriter(folder) as out:
        for name, frame in tables.items():
            out.append(name, frame)


def convert_csv(path: Path, out: StoreWriter, transform: Callable[[pd.DataFrame], dict[str, pd.DataFrame]]) -> None:
    """A CSV file into the store's tables, a block at a time (memory stays small whatever the size).

    `transform(block)` turns one block of text cells into the rows each table gets from it ({name: frame}),
    typed as the whole-file reader types them; it is also called once on an empty frame for a file with no rows.
    """
    reader = pacsv.open_csv(path, read_options=pacsv.ReadOptions(block_size=CSV_BLOCK_BYTES, encoding="utf-8"),
                            convert_options=pacsv.ConvertOptions(strings_can_be_null=False, column_types=_all_text(path)))
    seen = False
    for batch in reader:
        seen = True
        for name, frame in transform(batch.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)).items():
            out.append(name, frame)
    if not seen:  # a header and no rows
        for name, frame in transform(pd.DataFrame()).items():
            out.append(name, frame)


def _all_text(path: Path) -> dict[str, pa.DataType]:
    """Every column of the CSV read as text: typing is the `typed` function's job, not pyarrow's guess."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        names = next(csv.reader(handle), [])
    return {name: pa.string() for name in names}


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


def release_unused_memory() -> None:
    """Give the memory Arrow and the C allocator kept from reading back to the system (about 90 MB after reading
    100k events; most of a gigabyte after importing a million dataset rows)."""
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _glibc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (macOS, musl, Windows): the allocator keeps what it keeps
        return None


_LIBC = _glibc()


def is_complete(folder: Path) -> bool:
    return all((folder / f"{name}.parquet").is_file() for name in TABLES)


def partial_folder(folder: Path) -> Path:
    """A folder of this writer's own to write the store into: two servers writing the same store at once
    never write into each other's files; its name says which process on which machine writes it."""
    return folder.with_name(f"{folder.name}{PARTIAL}{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}")


def sync_folder(folder: Path) -> None:
    """Every file of the folder, and the folder itself, on disk (not only in the page cache)."""
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    sync_directory(folder)


def sync_directory(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace_folder(partial: Path, folder: Path, keep: int | None = None) -> None:
    """Move a fully written store into place; of the older stores beside it only the `keep` last used stay.

    Older ones are not all dropped at once: another server on the same cache may still be reading one.
    A folder of that name left incomplete (a removal cut short) is removed first; a complete one (another
    server's, just written) makes the rename fail with an OSError, and the caller reads that one.
    """
    if folder.exists() and not is_complete(folder):
        remove_store(folder)
    partial.rename(folder)
    sync_directory(folder.parent)
    keep = KEEP_STORES if keep is None else keep
    others = [p for p in folder.parent.glob("catalogue-*")
              if p != folder and p.is_dir() and PARTIAL not in p.name and DELETING not in p.name]
    for old in sorted(others, key=_last_used, reverse=True)[keep:]:
        remove_store(old)


def remove_store(folder: Path) -> None:
    """Rename the store away, then delete it: it is never seen half deleted under its own name."""
    aside = folder.with_name(f"{folder.name}{DELETING}{os.getpid()}-{secrets.token_hex(3)}")
    try:
        folder.rename(aside)
    except OSError:
        return  # already gone (another server removed it), or the disk says no: it stays whole
    shutil.rmtree(aside, ignore_errors=True)


def remove_leftovers(cache_dir: Path, now: float | None = None) -> list[Path]:
    """Partial folders whose writer is gone (killed while writing) and removals cut short; the paths removed."""
    now = time.time() if now is None else now
    removed = []
    for path in cache_dir.glob("catalogue-*"):
        if DELETING in path.name or (PARTIAL in path.name and _writer_gone(path, now)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _writer_gone(partial: Path, now: float) -> bool:
    host, _, pid = partial.name.split(PARTIAL, 1)[1].rpartition("-")[0].rpartition("-")
    if host != socket.gethostname():
        return now - _last_used(partial) > STALE_AFTER_S
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError):  # alive as another user's process / not a name we wrote
        return not pid.isdigit()
    return False


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
