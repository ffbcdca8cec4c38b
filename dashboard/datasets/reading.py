"""A dataset file's rows a block at a time, with each row's line in the file: `read_dataset(path)` gives the whole
file's tables and what was detected, `iter_dataset(path)` the same a block at a time (files of a million rows)."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard.datasets.base import STAGE, Block, DatasetTables, Detected, Source, detect, normalise_header, open_bytes
from dashboard.model import Problem
from dashboard.text.spreadsheet import GUARDED_FORMULA

BLOCK_BYTES = 8 << 20  # how much of a file is parsed at a time


@dataclass
class _LineCounter:
    """Physical line numbers of the rows a CSV reader yields: rows it skipped and cells holding newlines
    both move the lines of the rows after them."""
    skipped: dict[int, str] = field(default_factory=dict)  # row ordinal (header = 1) -> the row's text
    next_ordinal: int = 2
    extra_lines: int = 0  # newlines inside cells (and skipped rows) seen so far

    def lines(self, newlines: np.ndarray) -> np.ndarray:
        count = len(newlines)
        ordinals = np.arange(self.next_ordinal, self.next_ordinal + count + len(self.skipped), dtype=np.int64)
        skipped = np.array(sorted(k for k in self.skipped if k >= self.next_ordinal), dtype=np.int64)
        ordinals = np.setdiff1d(ordinals, skipped, assume_unique=True)[:count]
        # Lines moved by skipped rows before each row: each one's own newlines.
        skipped_newlines = np.array([self.skipped[k].count("\n") for k in skipped], dtype=np.int64)
        moved = np.concatenate([[0], np.cumsum(skipped_newlines)])[np.searchsorted(skipped, ordinals)] \
            if len(skipped) else np.zeros(count, dtype=np.int64)
        before = np.concatenate([[0], np.cumsum(newlines)[:-1]]) if count else np.zeros(0, dtype=np.int64)
        lines = ordinals + self.extra_lines + before + moved
        if count:
            self.next_ordinal = int(ordinals[-1]) + 1
            self.extra_lines += int(newlines.sum()) + int(skipped_newlines[skipped <= ordinals[-1]].sum())
        return lines

    def physical_line(self, ordinal: int) -> int:
        """A skipped row's line (approximate only when cells before it in the same block held newlines)."""
        return ordinal + self.extra_lines


def iter_blocks(path: str | Path, source: Source, detected: Detected,
                problems: list[Problem]) -> Iterator[Block]:
    """The file's rows a block at a time, as text under the source's own column names; rows whose number of
    cells is wrong are reported in `problems` with their line and left out."""
    path = Path(path)
    counter = _LineCounter()
    names = [normalise_header(h) for h in detected.columns]

    def skip(row) -> str:
        counter.skipped[row.number] = row.text or ""
        return "skip"

    raw, _ = open_bytes(path)
    reader = pacsv.open_csv(
        raw, read_options=pacsv.ReadOptions(block_size=BLOCK_BYTES, encoding=detected.encoding, use_threads=False,
                                            skip_rows=1, column_names=_unique(names)),
        parse_options=pacsv.ParseOptions(delimiter=detected.delimiter, newlines_in_values=True,
                                         invalid_row_handler=skip),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in _unique(names)},
                                             strings_can_be_null=False, include_columns=list(source.columns)))
    reported = set()
    with raw:
        while True:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except (pa.ArrowInvalid, UnicodeDecodeError) as error:
                problems.append(Problem(path.name, "", STAGE, f"after line {counter.physical_line(counter.next_ordinal)}:"
                                        f" the rest of the file could not be read ({error})"))
                break
            newlines = _newlines(batch)
            lines = counter.lines(newlines)
            for ordinal in sorted(set(counter.skipped) - reported):
                reported.add(ordinal)
                cells = len(next(csv.reader([counter.skipped[ordinal]], delimiter=detected.delimiter), []))
                problems.append(Problem(path.name, "", STAGE, f"line {counter.physical_line(ordinal)}: {cells} cells "
                                        f"where the header has {len(names)}; row skipped"))
            cells = _unguarded(batch).to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
            yield Block(cells, lines)


def _unique(names: list[str]) -> list[str]:
    """Column names made unique (a repeated header gets a suffix; the source reads the first)."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}.{seen[name]}")
    return out


def _newlines(batch: pa.RecordBatch) -> np.ndarray:
    total = np.zeros(batch.num_rows, dtype=np.int64)
    for column in batch.columns:
        total += pc.count_substring(column, "\n").to_numpy(zero_copy_only=False)
    return total


def _unguarded(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Cells without outer spaces, and without the apostrophe a spreadsheet-safe export puts before a formula
    character ("'=…", "'-…"; as catalogue.export writes it)."""

    columns = []
    for column in batch.columns:
        values = pc.utf8_trim_whitespace(column)
        if pc.any(pc.starts_with(values, "'")).as_py():  # the regex only where an apostrophe leads a cell
            guarded = pc.match_substring_regex(values, "^" + GUARDED_FORMULA)
            values = pc.if_else(guarded, pc.utf8_slice_codeunits(values, 1), values)
        columns.append(values)
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def read_dataset(path: str | Path, regions: dict[str, str] | None = None) -> DatasetTables:
    """A whole dataset file as our tables (DatasetError if it cannot be read at all)."""
    parts = list(iter_dataset(path, regions))
    return concat_tables(parts)


def iter_dataset(path: str | Path, regions: dict[str, str] | None = None) -> Iterator[DatasetTables]:
    """read_dataset a block at a time (memory stays small whatever the size); the first block carries the
    problems found in the header, every block those found in its rows."""
    source, detected = detect(path)
    problems: list[Problem] = []
    yielded = False
    for block in iter_blocks(path, source, detected, problems):
        tables = source.tables(block, Path(path).name, regions or {})
        tables.detected = detected
        tables.problems[:0] = problems
        problems.clear()
        yielded = True
        yield tables
    if not yielded or problems:
        empty = source.tables(Block(pd.DataFrame({c: pd.Series(dtype="string") for c in source.columns}),
                                    np.zeros(0, dtype=np.int64)), Path(path).name, regions or {})
        empty.detected = detected
        empty.problems[:0] = problems
        yield empty


def concat_tables(parts: list[DatasetTables]) -> DatasetTables:
    """Blocks of one file (or several files) as one set of tables."""
    unknown: dict[str, int] = {}
    for part in parts:
        for name, count in part.unknown_actors.items():
            unknown[name] = unknown.get(name, 0) + count
    return DatasetTables(pd.concat([p.events for p in parts], ignore_index=True),
                         pd.concat([p.claims for p in parts], ignore_index=True),
                         pd.concat([p.parties for p in parts], ignore_index=True),
                         [problem for p in parts for problem in p.problems], unknown, parts[0].detected)
