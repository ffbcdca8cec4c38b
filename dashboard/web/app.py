"""The dashboard: a short Streamlit script over cached loaders (loaders.py) and one module per panel."""
from __future__ import annotations

import os
import time

import pandas as pd
import streamlit as st

from dashboard.text.escape import markdown_text as md
from dashboard.views import filters
from dashboard.views.totals import Totals, range_text
from dashboard.map.style import ALIGNMENT_LABELS
from dashboard.web import selection
from dashboard.web.add_article import add_article_panel
from dashboard.web.cache_notice import show_cache_state
from dashboard.web.detail_panel import show_detail
from dashboard.web.events_table import events_table, search_box
from dashboard.web.exports import export_buttons
from dashboard.web.loaders import (
    Sources, chart_data, filter_choices, load_catalogue, offline_assets, problem_rows, shown_totals,
)
from dashboard.web.map_panel import MAP_HEIGHT, drawn_before, show_map, time_settings
from dashboard.web.problems_panel import show_problems
from dashboard.web.sidebar import filter_widgets, sync_url
from dashboard.web.timeline_chart import timeline_chart

# Room for the page: a compact title, and the main area wider than Streamlit's default margins.
PAGE_CSS = """<style>
[data-testid="stMainBlockContainer"]{padding-top:3.2rem;padding-left:1.6rem;padding-right:1.6rem;max-width:none}
h1{font-size:1.45rem !important;padding:0 0 .2rem !important}
@media (max-width:640px){[data-testid="stMainBlockContainer"]{padding-top:2.6rem;padding-left:.8rem;padding-right:.8rem}
h1{font-size:1.1rem !important}}
</style>"""
PANEL_HEIGHT = MAP_HEIGHT + 250  # the detail panel scrolls within the height of the map and its chart
# A new visitor's browser parses Streamlit's code for the table and the chart (~2 MB) before the map's frame when
# they arrive together. On a session's first run the map goes out first and the rest this long after it
# (measured on this 2-core machine: markers 0.7 s sooner, the table 0.5 s later). 0 turns it off (AppTest).
MAP_HEAD_START_S = float(os.environ.get("DASHBOARD_MAP_HEAD_START", "0.8"))


def counts_line(catalogue, kept, problems: pd.DataFrame) -> str:
    events = catalogue.events
    count, located = int(kept.sum()), int((kept & events["latitude"].notna()).sum())
    action, noted = int(problems["needs_action"].sum()), int((~problems["needs_action"]).sum())
    return (f"**{count}** of {len(events)} events shown · **{located}** on the map · {count - located} unlocated · "
            f"{_plural(action, 'problem')} to look at, {_plural(noted, 'note')} (see below)")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def totals_line(found: Totals) -> str:
    killed = " · ".join(f"{md(ALIGNMENT_LABELS.get(row.alignment, row.alignment))} {range_text(row.low, row.high, row.open)}"
                        for row in found.killed.itertuples())
    return (f"{found.places} places · killed by side, the claims' range: {killed or 'no figures'}")


def main() -> None:
    st.set_page_config(page_title="Mali War map", page_icon="🗺️", layout="wide")
    st.markdown(PAGE_CSS, unsafe_allow_html=True)
    sources = Sources.from_env()
    key = sources.fingerprint()
    catalogue = load_catalogue(key, sources)
    events = catalogue.events
    st.title("Mali War in the north: the articles on a map")
    state = filter_widgets(key, catalogue)
    link_note = selection.from_link(st.query_params.get("event"),
                                    bool((events["event_id"] == st.query_params.get("event")).any()))
    if link_note:
        st.session_state["link_notes"] = [*st.session_state.get("link_notes", []), link_note]
    # The counts go out before the rows are copied out of the 100k-row table: the first answer to a filter change.
    kept = state.mask(events, catalogue.parties)
    problems = problem_rows(key, catalogue)
    st.markdown(counts_line(catalogue, kept, problems))
    for note in st.session_state.get("link_notes", []):
        st.info(f"Link adjusted: {md(note)}")
    show_cache_state(catalogue)
    shown = filters.selected_rows(events, kept)
    st.caption(totals_line(shown_totals(key, state, shown, catalogue)))
    offline_assets()
    map_column, detail_column = st.columns([5, 3], gap="medium")
    below = st.container()
    first_run = not drawn_before()
    if first_run:
        with map_column:
            show_map(key, state, shown, catalogue)
        time.sleep(MAP_HEAD_START_S)
    # Later runs fill the table before the map, though it is shown below it: it answers a filter change at once
    # while the map of a new filter state is still being built.
    with below:
        search_box()
        events_table(shown, state)
        export_buttons(catalogue, shown, state)
    with map_column:
        if not first_run:
            show_map(key, state, shown, catalogue)
        settings = time_settings() or {}
        _, _, bounds = filter_choices(key, catalogue)
        timeline_chart(chart_data(key, state, shown), bounds, st.session_state["f_dates"],
                       settings.get("time") if settings.get("mode") not in (None, "all") else None)
    event_id = selection.selected()
    if not (event_id and (events["event_id"] == event_id).any()):
        event_id = None
    with detail_column, st.container(height=PANEL_HEIGHT, border=False):
        if event_id:
            show_detail(event_id, catalogue)
        else:
            st.info("Click a marker on the map or a row in the table to read that battle.")
    sync_url(state, event_id)
    show_problems(problems)
    add_article_panel(sources)


main()
