"""Spreadsheet-safe CSV, one rule written and read: a text cell a spreadsheet would run as a formula gets a
leading apostrophe (OWASP CSV injection, CWE-1236), numbers stay numbers; files are UTF-8 with a byte-order mark
(Excel shows "Ménaka" right) and CRLF rows; a cell read back from such a file loses its apostrophe again."""
from __future__ import annotations

from typing import Any

import pandas as pd

CSV_ENCODING = "utf-8-sig"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralise_value(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix an apostrophe to text cells a spreadsheet would evaluate; numeric values are left alone."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if pd.api.types.infer_dtype(values, skipna=True) in ("string", "empty"):
            risky = values.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
            out[column] = values.where(~risky, "'" + values)
        else:  # mixed text and numbers in one column: look at each value
            out[column] = values.map(_neutralise_value)
    return out


def frame_csv(frame: pd.DataFrame) -> bytes:
    """Any table as our CSV files are written: BOM, CRLF rows, formula cells guarded."""
    # CRLF rows (RFC 4180): a cell holding a bare CR is then quoted too, instead of splitting its row.
    return neutralise_formulas(frame).to_csv(index=False, lineterminator="\r\n").encode(CSV_ENCODING)


# A cell our own CSV guarded: the apostrophe followed by what a spreadsheet would run.
GUARDED_FORMULA = r"'[=+\-@\t\r]"


def restore_formula_text(value: Any) -> Any:
    """Undo _neutralise_value for a cell read back from our own CSV ("'=SUM(A1)" -> "=SUM(A1)")."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
