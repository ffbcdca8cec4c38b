"""The dashboard: a short Streamlit script over cached loaders (loaders.py) and one module per panel."""
from __future__ import annotations

import streamlit as st

from dashboard.views import filters
from dashboard.web.add_article import add_article_panel
from dashboard.web.cache_notice import show_cache_state
from dashboard.web.detail_panel import show_detail
from dashboard.web.events_table import events_table, selection_from
from dashboard.web.exports import export_buttons
from dashboard.web.loaders import Sources, load_catalogue, offline_assets
from dashboard.web.map_panel import show_map
from dashboard.web.problems_panel import show_problems
from dashboard.web.sidebar import filter_widgets, sync_url


def main() -> None:
    st.set_page_config(page_title="Mali War map", page_icon="🗺️", layout="wide")
    sources = Sources.from_env()
    key = sources.fingerprint()
    catalogue = load_catalogue(key, sources)
    events = catalogue.events
    st.title("Mali War in the north: the articles on a map")
    state = filter_widgets(key, catalogue)
    # The counts go out before the rows are copied out of the 100k-row table: the first answer to a filter change.
    kept = state.mask(events, catalogue.parties)
    count, located = int(kept.sum()), int((kept & events["latitude"].notna()).sum())
    st.markdown(f"**{count}** of {len(events)} events shown · **{located}** on the map · "
                f"{count - located} unlocated · {len(catalogue.problems)} problems (see below)")
    show_cache_state(catalogue)
    shown = filters.selected_rows(events, kept)
    offline_assets()
    st.session_state.setdefault("selected", st.query_params.get("event"))
    map_column, detail_column = st.columns([3, 2])
    # The table is filled before the map, though shown below it: it answers a filter change at once while the
    # map of a new filter state is still being built.
    selection_from("table", events_table(shown))
    with map_column:
        selection_from("map", show_map(key, state, shown, catalogue, st.session_state.get("selected")))
    selected = st.session_state.get("selected")
    if not (selected and (events["event_id"] == selected).any()):
        selected = None
    with detail_column:
        if selected:
            show_detail(selected, catalogue)
        else:
            st.info("Click a marker on the map or a row in the table to read that battle.")
    sync_url(state, selected)
    export_buttons(catalogue, shown, state)
    show_problems(catalogue.problems)
    add_article_panel(sources)


main()
