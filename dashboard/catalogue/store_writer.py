"""Writing the Parquet store: tables a frame at a time, and CSV files converted into them a block at a time."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

ROW_GROUP = 1_000  # rows decoded to read one event's text
CSV_BLOCK_BYTES = 8 << 20  # how much of a CSV is held in memory at a time while it is converted


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
