"""What every dataset shares: the contract a source implements (`Source.tables`), the tables it gives, and
opening a file (gzip or plain, any of the encodings spreadsheets write) and recognising it by its header, saying
what was recognised (`detect`). Reading the rows is reading.py's.

A source (ucdp.py, acled.py) only turns a block of text cells into our tables; everything about files is here and
in reading.py, as geopy keeps fetching apart from parsing.
"""
from __future__ import annotations

import codecs
import csv
import gzip
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from dashboard.model import Problem

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

def open_bytes(path: Path) -> tuple[BinaryIO, str]:
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
        raw, compression = open_bytes(path)
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


__all__ = [
    "Block", "DatasetError", "DatasetTables", "Detected", "Source", "UnknownHeadersError", "UnreadableFileError",
    "claims_for_size", "detect", "normalise_header",
]
