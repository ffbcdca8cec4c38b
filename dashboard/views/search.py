"""The search box: events whose title, place or region holds the words typed, or with a party of that name.

A party is found by any of its names ("MUJAO" finds the events of MOJWA, however the article wrote it) and by
the words of its name as written ("Gamou" finds nothing, "GATIA (al-Mahmoud" finds the faction). Accents and
case never matter. The folded text is computed once per catalogue (views.prepared), a search is a vectorised
substring test.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.distinct import per_value
from dashboard.parties import canonical_party
from dashboard.text.fold import fold

SEARCHED_COLUMNS = ("title", "place", "region")
_SEPARATOR = " \x1f "  # between the searched columns, so a query never matches across two of them


def search_text(events: pd.DataFrame) -> pd.Series:
    """Each row's folded title, place and region: the helper column "_search" (prepared once per catalogue)."""
    parts = [per_value(events[c], lambda v: fold(v) if isinstance(v, str) else "") if c in events.columns
             else np.full(len(events), "", dtype=object) for c in SEARCHED_COLUMNS]
    return pd.Series([_SEPARATOR.join(row) for row in zip(*parts)], index=events.index, dtype="string")


def party_keys(parties: pd.DataFrame) -> pd.Series:
    """Each party row's folded name as written and canonical name: the helper column "_search" of parties."""
    written = per_value(parties["party"], lambda v: fold(v) if isinstance(v, str) else "")
    canonical = per_value(parties["canonical"], lambda v: fold(v) if isinstance(v, str) else "")
    return pd.Series([f"{w}{_SEPARATOR}{c}" for w, c in zip(written, canonical)], index=parties.index, dtype="string")


def search_mask(prepared: pd.DataFrame, parties: pd.DataFrame, query: str) -> pd.Series:
    """Rows of prepared events (with "_search") matching the query; parties as views.prepared gives them."""
    words = fold(query).split()
    if not words:
        return pd.Series(True, index=prepared.index)
    text = prepared["_search"] if "_search" in prepared.columns else search_text(prepared)
    phrase = " ".join(words)
    hit = text.str.contains(phrase, regex=False).fillna(False).to_numpy(dtype=bool) \
        | _party_rows(prepared, parties, query, phrase)  # a new array: a category's answer may be read-only
    return pd.Series(hit, index=prepared.index)


def _party_rows(prepared: pd.DataFrame, parties: pd.DataFrame, query: str, phrase: str) -> np.ndarray:
    """Events with a party named by the query: one of its names (aliases included), or words of its name."""
    rows = np.zeros(len(prepared), dtype=bool)
    if parties is None or parties.empty or "_at" not in parties.columns:
        return rows
    canonical = canonical_party(query.strip())
    keys = parties["_search"] if "_search" in parties.columns else party_keys(parties)
    named = parties["canonical"].eq(canonical).fillna(False).to_numpy(dtype=bool)
    hit = named | keys.str.contains(phrase, regex=False).fillna(False).to_numpy(dtype=bool)
    rows[parties["_at"].to_numpy()[hit]] = True
    return rows
