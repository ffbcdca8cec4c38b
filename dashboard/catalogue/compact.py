"""Tables held in less memory: text columns that repeat a few values become categories.

A million events from UCDP and ACLED repeat the same few hundred sides, places, dates and file names; as text
each row holds its own copy (about 20 bytes), as a category one small integer. The catalogue's events, claims and
parties are held this way once prepared (catalogue.prepared), which takes the million-event case from 1.3 GB of
frames to a fraction of it. Every category list also holds "" so the `fillna("")` the views use keeps working.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

MAX_SHARE = 0.1  # a column becomes a category when it has at most this many distinct values per row
FEW = 32  # ... or at most this many: a small table's columns are categories too, so it behaves as a large one


def is_text(column: pd.Series) -> bool:
    """A column of pandas' text dtypes ("str", "string"); object columns may hold anything and are left alone."""
    return isinstance(column.dtype, pd.StringDtype)


def as_category(column: pd.Series) -> pd.Series:
    """The column as a category (see _categories)."""
    return column.astype(pd.CategoricalDtype(_categories(column.dropna().unique())))


def _categories(values) -> pd.Index:
    """The values and "" in text order: a category sorts by its categories' order, so sorting stays the text's."""
    return pd.Index(sorted({"", *(str(v) for v in values)}), dtype="string")


def _most_distinct(rows: int) -> float:
    return max(MAX_SHARE * rows, FEW)


def compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each text column of few distinct values as a category (in place; returned for chaining)."""
    limit = _most_distinct(len(frame))
    for name in frame.columns:
        column = frame[name]
        if not is_text(column):
            continue
        if column.nunique(dropna=False) <= limit:
            frame[name] = as_category(column)
    return frame


def read_compact(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """A Parquet table read with its text columns of few distinct values as categories, decoded from the file's
    own dictionaries so that a million rows of repeated text are never held as text (compact's rule)."""
    schema = pq.read_schema(path)
    names = columns if columns is not None else schema.names
    text = [n for n in names if pa.types.is_string(schema.field(n).type) or pa.types.is_large_string(schema.field(n).type)]
    table = pq.read_table(path, columns=names, read_dictionary=text)
    limit = _most_distinct(table.num_rows)
    plain = {pa.string(): pd.StringDtype("pyarrow"), pa.large_string(): pd.StringDtype("pyarrow")}
    for name in text:
        values = table.column(name).unify_dictionaries()
        if any(len(chunk.dictionary) > limit for chunk in values.chunks):
            table = table.set_column(table.schema.get_field_index(name), name, values.cast(pa.string()))
    frame = table.to_pandas(types_mapper=plain.get, self_destruct=True)
    for name in text:
        if isinstance(frame[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].cat.set_categories(_categories(frame[name].cat.categories))
    return frame
