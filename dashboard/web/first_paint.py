"""A new visitor's page draws the map first; the table, the timeline chart and the exports follow.

Sent at once, they made the browser parse the table's and the chart's code (about 2 MB of Streamlit's own
chunks) before it started the map's frame: on this 2-core machine page load → markers at 100k events was about
0.8 s slower than without them. So a session's first run leaves them out until the map says it has painted (its
first report, map_panel._reported, which reruns the script); if no report comes (the map's frame failed to load),
they come anyway after FALLBACK_S. Later runs (filter changes) draw everything at once.
"""
from __future__ import annotations

import time

import streamlit as st

PAINTED = "map_painted"  # the session's map has painted once: the table and the chart are drawn
WAITING_SINCE = "map_waiting_since"
FALLBACK_S = 4.0


def map_painted() -> bool:
    return bool(st.session_state.get(PAINTED))


def mark_painted() -> None:
    st.session_state[PAINTED] = True


def wait_for_map() -> None:
    """What stands in the table's place until the map has painted, and the fallback that ends the wait."""
    st.caption("The table, the timeline chart and the exports follow as soon as the map is drawn…")
    st.session_state.setdefault(WAITING_SINCE, time.monotonic())
    _fallback()


@st.fragment(run_every=1.0)
def _fallback() -> None:
    """Once a second while waiting: past FALLBACK_S without a report from the map, draw the rest anyway."""
    if map_painted():
        return
    if time.monotonic() - st.session_state.get(WAITING_SINCE, time.monotonic()) >= FALLBACK_S:
        mark_painted()
        st.rerun(scope="app")
