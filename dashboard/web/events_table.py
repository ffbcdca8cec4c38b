"""The search box and the filtered events as a table; the table's ticked row is always the session's selection."""
from __future__ import annotations

import functools
import hashlib

import pandas as pd
import streamlit as st

from dashboard.views import filters
from dashboard.views.event_types import TYPE_LABELS
from dashboard.views.prepared import public_columns
from dashboard.web import selection
from dashboard.web.sidebar import QUERY_KEY, changed

TABLE_ROWS = 5000  # rows sent to the browser's table; the export always holds every filtered row
IDS = "table_ids"  # per table key, the event_id of each of its rows, for its selection callback
COLUMNS = {"title": "Event", "event_type": "Type", "start_date": "Start", "end_date": "End", "place": "Place",
           "region": "Region", "side_a": "Side A", "side_b": "Side B", "result": "Result", "kind": "Comes from"}


def search_box() -> None:
    st.text_input("Search titles, places and parties", key=QUERY_KEY, on_change=changed,
                  placeholder="e.g. Anéfis, MUJAO, ambush, Gamou",
                  help="Accents and case do not matter; a party is found by any of its names.")


def _picked(key: str) -> None:
    """A row picked: its event is the selection. Un-ticking the row keeps it (the panel stays open)."""
    rows = (st.session_state.get(key) or {}).get("selection", {}).get("rows", [])
    ids = st.session_state.get(IDS, {}).get(key, [])
    if rows and rows[0] < len(ids):
        selection.select(ids[rows[0]])


def _tick(key: str, ids: list[str]) -> None:
    """Tick the selected event's row (and only it) before the table is drawn."""
    event_id = selection.selected()
    wanted = [ids.index(event_id)] if event_id in ids else []
    current = (st.session_state.get(key) or {}).get("selection", {}).get("rows")
    if current != wanted:
        # In the very shape the browser sends it back ("cells" too): else its first echo of a new table's tick
        # reads as a pick, and re-selects this row over a marker clicked meanwhile.
        st.session_state[key] = {"selection": {"rows": wanted, "columns": [], "cells": []}}


def table_key(state: object) -> str:
    """One table widget per filter state: a table of other rows never inherits another's ticked row number."""
    return "table-" + hashlib.sha1(repr(state).encode("utf-8")).hexdigest()[:12]


def events_table(shown: pd.DataFrame, state: object) -> None:
    """The filtered events as a sortable table (the first TABLE_ROWS); picking a row selects its event."""
    table = public_columns(shown.head(TABLE_ROWS))
    if len(shown) > TABLE_ROWS:
        st.caption(f"The table lists the first {TABLE_ROWS:,} of {len(shown):,} events by date; narrow the filters, "
                   "or export, to see them all.")
    ids = table["event_id"].tolist()
    key = table_key(state)
    st.session_state.setdefault(IDS, {})[key] = ids
    _tick(key, ids)
    view = table.reindex(columns=list(COLUMNS)).assign(
        event_type=table.get("event_type", pd.Series(index=table.index, dtype=object)).map(TYPE_LABELS),
        kind=table["kind"].map(filters.KIND_LABELS))
    st.dataframe(view, hide_index=True, width="stretch", height=min(420, 38 + 35 * max(len(view), 1)),
                 on_select=functools.partial(_picked, key), selection_mode="single-row", key=key,
                 column_config={column: st.column_config.TextColumn(label, width="large" if column == "title" else None)
                                for column, label in COLUMNS.items()})
    st.caption("Pick a row to open its event. With the keyboard: Tab to the table, arrow keys to a row, Shift+Space.")
