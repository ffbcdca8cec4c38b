"""Text cells of a dataset's rows as our columns: numbers, days, regions, JSON texts, and the frames they fill;
shared by every source, vectorised (files have a million rows)."""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.datasets.base import STAGE
from dashboard.model import CLAIM_COLUMNS, EVENT_COLUMNS, Problem
from dashboard.text.fold import name_key

_REGION_WORD = re.compile(r"(?i)\b(?:r[ée]gion(?:\s+de)?|province|state)\b")


def numbers(values: pd.Series) -> pd.Series:
    """Text cells as numbers (NaN when empty or not a number)."""
    return pd.to_numeric(values.replace("", None), errors="coerce")


def days(values: pd.Series, formats: tuple[str, ...] = ("%Y-%m-%d",)) -> pd.Series:
    """Text dates as days (NaT when none of the formats reads them), each distinct text read once; for ISO
    dates a time of day after the date ("2013-06-05 00:00:00.000") is ignored."""
    codes, uniques = pd.factorize(values)
    texts = pd.Series(uniques, dtype=object).astype(str).str.strip()
    found = pd.Series(pd.NaT, index=texts.index, dtype="datetime64[s]")
    for pattern in formats:
        todo = found.isna()
        if not todo.any():
            break
        candidates = texts[todo].str[:10] if pattern == "%Y-%m-%d" else texts[todo]
        found[todo] = pd.to_datetime(candidates, format=pattern, errors="coerce")
    read = found.to_numpy(dtype="datetime64[s]")
    out = np.where(codes >= 0, read[np.clip(codes, 0, None)] if len(read) else np.datetime64("NaT"),
                   np.datetime64("NaT"))
    return pd.Series(out, index=values.index, dtype="datetime64[s]")


def region_of(values: pd.Series, regions: dict[str, str]) -> pd.Series:
    """A dataset's first-level division ("Kidal region", "Timbuktu", "Menaka") as our region name, by the
    gazetteer's region names; one we do not know keeps its own name without "region"."""
    def one(value: object) -> str:
        text = str(value).strip() if isinstance(value, str) else ""
        bare = _REGION_WORD.sub("", text).strip(" ,-")
        return regions.get(name_key(bare), bare)

    codes, uniques = pd.factorize(values)
    mapped = np.array([one(v) for v in uniques] + [""], dtype=object)
    return pd.Series(mapped[codes], index=values.index, dtype="string")


def region_names(gazetteer) -> dict[str, str]:
    """{folded name: region} from the gazetteer's region rows ("Timbuktu Region" -> "Tombouctou")."""
    names: dict[str, str] = {}
    for place in getattr(gazetteer, "places", []):
        if place.kind == "region" and place.region:
            for name in (place.name, *place.alt_names, place.region):
                names.setdefault(name_key(_REGION_WORD.sub("", name)), place.region)
    return names




def events_table(columns: dict[str, object], index: pd.Index) -> pd.DataFrame:
    """An events frame with EVENT_COLUMNS in order: the given ones, "" for text we do not have."""
    frame = pd.DataFrame(index=index)
    for name in EVENT_COLUMNS:
        value = columns.get(name, "")
        frame[name] = value if not isinstance(value, str) else pd.Series(value, index=index, dtype="string")
    frame["latitude"] = frame["latitude"].astype("float64")
    frame["longitude"] = frame["longitude"].astype("float64")
    frame["location_precision"] = frame["location_precision"].astype("Int64")
    for name in EVENT_COLUMNS:
        if name not in ("latitude", "longitude", "location_precision"):
            frame[name] = frame[name].astype("string[pyarrow]")
    return frame.reset_index(drop=True)


def claims_table(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Claims frames of one block, in CLAIM_COLUMNS with their dtypes, each event's claims together and numbered
    as an article's are (claim_id "<event_id>-c1", "-c2"…)."""
    claims = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CLAIM_COLUMNS)
    claims = claims.sort_values("_order", kind="stable") if "_order" in claims.columns else claims
    out = claims.reindex(columns=CLAIM_COLUMNS).reset_index(drop=True)
    if "claim_id" in out.columns:
        out["claim_id"] = out["event_id"] + "-c" + (out.groupby("event_id", sort=False).cumcount() + 1).astype(str)
    for name in ("low", "high"):
        out[name] = pd.array(pd.to_numeric(out[name]).round(), dtype="Int64")
    for name in CLAIM_COLUMNS:
        if name not in ("low", "high"):
            out[name] = out[name].astype("string[pyarrow]")
    return out


def row_problems(file_name: str, lines: np.ndarray, bad: pd.Series, reason: pd.Series) -> list[Problem]:
    """One problem per malformed row: its line, why, and that it was left out."""
    where = np.flatnonzero(bad.to_numpy(dtype=bool))
    return [Problem(file_name, "", STAGE, f"line {int(lines[i])}: {reason.iloc[i]}; row skipped") for i in where]


def count_text(values: pd.Series) -> pd.Series:
    """Whole numbers as text ("12"), for a claim's words."""
    return values.round().astype("Int64").astype("string")


def quoted(values: pd.Series) -> pd.Series:
    """Cells quoted for a problem's reason, cut at 40 characters."""
    return "'" + values.str.slice(0, 40) + "'"


def json_records(cells: pd.DataFrame, fields: tuple[tuple[str, str], ...], *, pairs: bool) -> pd.Series:
    """One JSON text per row, [[label, value], …] or {label: value}, empty values left out (vectorised in Arrow:
    files have a million rows)."""
    parts = []
    for label, column in fields:
        value = pa.array(cells[column].to_numpy(dtype=object, na_value=""), type=pa.string())
        key = json.dumps(label, ensure_ascii=False)
        item = pc.binary_join_element_wise(("[" + key + ",") if pairs else (key + ":"), _json_string(value),
                                           "]" if pairs else "", "")
        parts.append(pc.if_else(pc.equal(value, ""), pa.scalar(None, pa.string()), item))
    joined = pc.binary_join_element_wise(*parts, ",", null_handling="skip") if parts else pa.array([""] * len(cells))
    opened, closed = ("[", "]") if pairs else ("{", "}")
    text = pc.binary_join_element_wise(opened, joined, closed, "")
    return pd.Series(text.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get), index=cells.index)


def _json_string(values: pa.Array) -> pa.Array:
    """Each cell as a JSON string literal (quotes, backslashes and control characters escaped)."""
    if not pc.any(pc.match_substring_regex(values, r'["\\\x00-\x1f]')).as_py():  # most columns: nothing to escape
        return pc.binary_join_element_wise('"', values, '"', "")
    escaped = pc.replace_substring(values, "\\", "\\\\")
    escaped = pc.replace_substring(escaped, '"', '\\"')
    for character, code in (("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        escaped = pc.replace_substring(escaped, character, code)
    escaped = pc.replace_substring_regex(escaped, r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ")
    return pc.binary_join_element_wise('"', escaped, '"', "")
