"""The filtered events as a table, and the one selection that the table, the map and the URL share."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.views.prepared import public_columns


TABLE_ROWS = 5000  # rows sent to the browser's table; the export always holds every filtered row


def events_table(shown: pd.DataFrame) -> str | None:
    """The filtered events as a sortable table (the first TABLE_ROWS); the event_id of the row picked, if any."""
    table = public_columns(shown.head(TABLE_ROWS))
    if len(shown) > TABLE_ROWS:
        st.caption(f"The table lists the first {TABLE_ROWS:,} of {len(shown):,} events by date; narrow the filters, "
                   "or export, to see them all.")
    picked = st.dataframe(table[["title", "start_date", "end_date", "place", "region", "side_a", "side_b", "result", "kind",
                                 "event_id"]], hide_index=True, width="stretch", on_select="rerun",
                          selection_mode="single-row", key="table")
    rows = picked.selection.rows if picked else []
    return table.iloc[rows[0]]["event_id"] if rows else None


def selection_from(source: str, value: str | None) -> None:
    """Remember the newest click or row choice, whichever widget it came from."""
    if value and st.session_state.get(f"last_{source}") != value:
        st.session_state[f"last_{source}"] = value
        st.session_state["selected"] = value
