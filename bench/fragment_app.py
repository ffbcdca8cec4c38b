"""The dashboard with its filters and counts line in a Streamlit fragment (an experiment measured by bench/run.py
--fragments): a filter change reruns only the fragment, which paints the new counts and then asks for the full
rerun that redraws the table and the map. Otherwise the same page as dashboard/web/app.py.

    DASHBOARD_CATALOGUE=DIR streamlit run bench/fragment_app.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.views import filters  # noqa: E402
from dashboard.web import selection  # noqa: E402
from dashboard.web.detail_panel import show_detail  # noqa: E402
from dashboard.web.events_table import events_table  # noqa: E402
from dashboard.web.loaders import Sources, load_catalogue, offline_assets  # noqa: E402
from dashboard.web.map_panel import show_map  # noqa: E402
from dashboard.web.sidebar import filter_widgets, sync_url  # noqa: E402


@st.fragment
def filters_and_counts(key: str, catalogue, counts) -> filters.FilterState:
    """The sidebar's filters and the counts line; a changed filter reruns the whole page after the counts."""
    state = filter_widgets(key, catalogue)
    events = catalogue.events
    kept = state.mask(events, catalogue.parties)
    count, located = int(kept.sum()), int((kept & events["latitude"].notna()).sum())
    counts.markdown(f"**{count}** of {len(events)} events shown · **{located}** on the map · "
                    f"{count - located} unlocated · {len(catalogue.problems)} problems (see below)")
    if st.session_state.get("applied", state) != state:
        st.session_state["applied"] = state
        st.rerun(scope="app")  # the counts are on screen; now the table and the map
    st.session_state["applied"] = state
    return state


def main() -> None:
    st.set_page_config(page_title="Mali War map", page_icon="🗺️", layout="wide")
    sources = Sources.from_env()
    key = sources.fingerprint()
    catalogue = load_catalogue(key, sources)
    events = catalogue.events
    st.title("Mali War in the north: the articles on a map")
    counts = st.empty()
    state = filters_and_counts(key, catalogue, counts)
    shown = filters.selected_rows(events, state.mask(events, catalogue.parties))
    offline_assets()
    map_column, detail_column = st.columns([5, 3], gap="medium")
    events_table(shown, state)  # filled before the map, as the app does
    with map_column:
        show_map(key, state, shown, catalogue)
    event_id = selection.selected()
    event_id = event_id if event_id and (events["event_id"] == event_id).any() else None
    with detail_column:
        if event_id:
            show_detail(event_id, catalogue)
    sync_url(state, event_id)

main()
