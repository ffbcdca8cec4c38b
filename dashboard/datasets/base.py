"""What every dataset reader shares: opening a file (gzip or plain, any of the encodings spreadsheets write),
recognising it by its header and saying what was recognised, reading it a block at a time with the line number
of every row, and the contract a source implements (`Source.tables`).

A source (ucdp.py, acled.py) only turns a block of text cells into our tables; everything about files is here,
as geopy keeps fetching apart from parsing. `read_dataset(path)` gives the whole file's tables and what was
detected; `iter_dataset(path)` the same a block at a time, for files of a million rows.
"""
from __future__ import annotations

import codecs
import csv
import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from dashboard.model import Problem

BLOCK_BYTES = 8 << 20  # how much of a file is parsed at a time
SNIFF_BYTES = 64 << 10  # what is read to recognise the file
DELIMITERS = (",", ";", "\t")  # comma; semicolon and tab as spreadsheets in many locales save a CSV
STAGE = "dataset"  # the model.STAGES stage of every problem found in a dataset file
ALL_SIDES = "all"  # the claim side of a dataset's figure for every side together


class DatasetError(ValueError):
    """A dataset file that cannot be read at all (the CLI exits 2 with this message)."""


class UnreadableFileError(DatasetError):
    """The file is missing, empty, binary or not text in an encoding we know."""


class UnknownHeadersError(DatasetError):
    """The header is not one of a known dataset's; `lacking` names what each known source missed."""

    def __init__(self, path: str, lacking: dict[str, list[str]]):
        self.lacking = lacking
        closest = min(lacking, key=lambda name: len(lacking[name]))
        others = "; ".join(f"{name} lacks {len(missing)}" for name, missing in lacking.items() if name != closest)
        super().__init__(f"{path}: not a dataset we can read. Closest is {closest}, but the header lacks "
                         f"{', '.join(lacking[closest])}" + (f" ({others})" if others else ""))


@dataclass(frozen=True)
class Detected:
    """What a file was recognised as, said plainly (`describe`)."""
    path: str
    source: str  # a key of SOURCES: "ucdp", "acled"
    name: str  # "UCDP GED", "ACLED": also the claimant of its figures
    compression: str  # "gzip" or ""
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252"
    delimiter: str
    columns: tuple[str, ...]  # the header as written
    ignored: tuple[str, ...] = ()  # columns of the file the source does not read
    variants: tuple[str, ...] = ()  # what else the reader noticed (upper-case headers, formula guards…)

    def describe(self) -> str:
        """"UCDP GED, 49 columns, gzip, utf-8, comma-separated"."""
        delimiter = {",": "comma", ";": "semicolon", "\t": "tab"}.get(self.delimiter, repr(self.delimiter))
        parts = [self.name, f"{len(self.columns)} columns", self.compression or "not compressed", self.encoding,
                 f"{delimiter}-separated", *self.variants]
        if self.ignored:
            parts.append(f"{len(self.ignored)} other columns ignored ({', '.join(self.ignored[:5])}"
                         f"{'…' if len(self.ignored) > 5 else ''})")
        return ", ".join(parts)


@dataclass
class Block:
    """One block of a file's rows: text cells under the source's column names, and each row's line in the file."""
    cells: pd.DataFrame
    lines: np.ndarray  # 1-based physical line of each row


@dataclass
class DatasetTables:
    """What a dataset file gives: our tables for its events, and what was detected."""
    events: pd.DataFrame  # EVENT_COLUMNS
    claims: pd.DataFrame  # CLAIM_COLUMNS, claimed_by the dataset
    parties: pd.DataFrame  # PARTY_COLUMNS: each actor as written, mapped onto our parties
    problems: list[Problem] = field(default_factory=list)
    unknown_actors: dict[str, int] = field(default_factory=dict)  # actor as written -> events naming it
    detected: Detected | None = None


class Source:
    """A dataset: the columns that recognise it and the rule turning its rows into our tables.

    Subclasses set `key`, `name`, `columns` (every header it needs, in its own order) and implement `tables`.
    """
    key: str = ""
    name: str = ""
    columns: tuple[str, ...] = ()
    id_prefix: str = ""

    def lacking(self, header: list[str]) -> list[str]:
        have = {normalise_header(h) for h in header}
        return [c for c in self.columns if c not in have]

    def tables(self, block: Block, file_name: str, regions: dict[str, str]) -> DatasetTables:
        """Our tables for one block of rows (no I/O); malformed rows are left out as problems."""
        raise NotImplementedError


def claims_for_size(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims a map marker's size reads: a figure for all sides together is left out where the same event
    has figures per side (UCDP's deaths per side add up to its best estimate)."""
    total = claims["side"].eq(ALL_SIDES).to_numpy(dtype=bool, na_value=False)
    if not total.any():
        return claims
    with_sides = claims["event_id"].isin(claims.loc[~total, "event_id"]).to_numpy()
    return claims[~(total & with_sides)]


def normalise_header(name: str) -> str:
    """A column name as the sources write it: "EVENT_ID_CNTY", " event_id_cnty " and "'event_id_cnty" are one."""
    return name.strip().strip("'\"\ufeff").strip().lower()


# --- opening ---------------------------------------------------------------------------------------------

def _raw(path: Path) -> tuple[BinaryIO, str]:
    """The file's bytes as a stream, gunzipped when it starts with gzip's magic number (not by its name)."""
    handle = path.open("rb")
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle), "gzip"
    handle.seek(0)
    return handle, ""


def _encoding(head: bytes) -> str:
    """The text encoding from the byte-order mark, else UTF-8 when the start decodes, else Windows-1252."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head[:4096]:
        raise UnreadableFileError("binary data, not a CSV file")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


def _header(text: str) -> tuple[list[str], str]:
    """The first row's cells and the delimiter that splits it into the most cells."""
    first = text.splitlines()[0] if text else ""
    delimiter = max(DELIMITERS, key=lambda d: first.count(d))
    return next(csv.reader([first], delimiter=delimiter), []), delimiter


def detect(path: str | Path) -> tuple[Source, Detected]:
    """Which source a file is, from its header; UnknownHeadersError names the headers each source lacks."""
    from dashboard.datasets import SOURCES

    path = Path(path)
    if not path.is_file():
        raise UnreadableFileError(f"{path}: no such file")
    try:
        raw, compression = _raw(path)
        with raw:
            head = raw.read(SNIFF_BYTES)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise UnreadableFileError(f"{path}: cannot be read ({error})") from error
    if not head.strip():
        raise UnreadableFileError(f"{path}: the file is empty")
    try:
        encoding = _encoding(head)
    except UnreadableFileError as error:
        raise UnreadableFileError(f"{path}: {error}") from None
    header, delimiter = _header(head.decode(encoding, errors="replace"))
    lacking = {source.name: source.lacking(header) for source in SOURCES.values()}
    found = next((s for s in SOURCES.values() if not lacking[s.name]), None)
    if found is None:
        raise UnknownHeadersError(str(path), lacking)
    wanted = set(found.columns)
    variants = []
    if any(h.strip() != h.strip().lower() for h in header):
        variants.append("upper-case headers")
    if any(h.strip().startswith("'") for h in header):
        variants.append("spreadsheet formula guards (')")
    detected = Detected(str(path), found.key, found.name, compression, encoding.replace("utf-16-le", "utf-16"),
                        delimiter, tuple(header), tuple(h for h in header if normalise_header(h) not in wanted),
                        tuple(variants))
    return found, detected


# --- reading ---------------------------------------------------------------------------------------------

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

    raw, _ = _raw(path)
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
            cells = batch.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)
            yield Block(_unguarded(cells), lines)


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


def _unguarded(cells: pd.DataFrame) -> pd.DataFrame:
    """Cells without outer spaces, and without the apostrophe a spreadsheet-safe export puts before a formula
    character ("'=…", "'-…"; as catalogue.export writes it)."""
    from dashboard.catalogue.export import GUARDED_FORMULA  # here: the catalogue package imports this module

    for column in cells.columns:
        values = cells[column].str.strip()
        guarded = values.str.match(GUARDED_FORMULA).fillna(False).astype(bool)
        cells[column] = values.where(~guarded, values.str[1:]) if guarded.any() else values
    return cells


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


__all__ = [
    "Block", "DatasetError", "DatasetTables", "Detected", "Source", "UnknownHeadersError", "UnreadableFileError",
    "concat_tables", "detect", "iter_dataset", "read_dataset",
]
