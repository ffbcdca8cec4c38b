"""The map in the page: the cached folium map of the filter state, and the channel with it (map/selection.py).

A click on a marker reaches the session through st_folium's on_change callback, which runs before the script, so
the ring, the table, the URL and the panel all show that click in the same run (no selection one click behind).
The selection and the time bar travel to the page as a feature group, which never remounts the map: the view
and the slider keep their place until the filters change.
"""
from __future__ import annotations

import copy

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.catalogue.tables import Catalogue
from dashboard.map import read_report, selection_layer
from dashboard.map.selection import RETURNED
from dashboard.views import filters
from dashboard.web import selection
from dashboard.web.loaders import events_map, periods_of
from dashboard.map.episodes import episodes_track, track_stops

MAP_KEY = "map"
MAP_HEIGHT = 720  # the frame: map, time bar and legend
CLICKS = "map_clicks"  # marker clicks already read
TIME = "map_time"  # the time bar's settings last reported, restored on the next map
DRAWN = "map_state"  # the filter state of the map this session last drew


def _reported() -> None:
    """st_folium's on_change: a new click selects its event; the time bar's settings are kept."""
    report = read_report(st.session_state.get(MAP_KEY))
    if report is None:
        return
    if report.clicks > st.session_state.get(CLICKS, 0) and report.event_id:
        selection.select(report.event_id)
        st.session_state[selection.FOCUSED] = report.event_id  # the page has centred on it already
    st.session_state[CLICKS] = report.clicks
    st.session_state[TIME] = report.time_settings()


def time_settings() -> dict | None:
    """The time bar's settings the page last reported (slider time, mode, window, speed), if any."""
    return st.session_state.get(TIME)


def drawn_before() -> bool:
    """Whether this session has drawn a map yet (no: its first run)."""
    return DRAWN in st.session_state


def show_map(key: str, state: filters.FilterState, shown: pd.DataFrame, catalogue: Catalogue) -> None:
    # st_folium renames the ids inside the Map it renders, so each render gets its own copy of the cached map.
    cached = events_map(key, state, shown, catalogue.claims, periods_of(key, catalogue), catalogue.control)
    event_id = selection.selected()
    on_map = bool(event_id) and bool((shown["event_id"] == event_id).any())
    command = selection_layer(event_id if on_map else None, focus=selection.is_new(),
                              time_settings=time_settings())
    # A new map (new filters) starts counting its own clicks from zero.
    st.session_state[CLICKS] = 0 if st.session_state.get(DRAWN) != state else st.session_state.get(CLICKS, 0)
    st.session_state[DRAWN] = state
    st_folium(copy.deepcopy(cached), key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True,
              feature_group_to_add=[command, *filter(None, [_track(shown, event_id if on_map else None, catalogue)])],
              returned_objects=[RETURNED], on_change=_reported)


def _track(shown: pd.DataFrame, selected: str | None, catalogue: Catalogue):
    """The selected event's episodes as a numbered track (map/episodes.py), when it is shown and they have places."""
    rows = shown[shown["event_id"] == selected] if selected else shown.iloc[0:0]
    if rows.empty:
        return None
    event = rows.iloc[0]
    episodes = catalogue.episodes[catalogue.episodes["event_id"] == selected]
    return episodes_track(track_stops(episodes, event["start_date"], event["end_date"]))
