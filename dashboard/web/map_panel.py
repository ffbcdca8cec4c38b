"""The map in the page: the cached folium map of the filter state, with the selection ring added as a feature
group (it updates the map without remounting it, so the view and the slider keep their place)."""
from __future__ import annotations

import copy

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.catalogue.tables import Catalogue
from dashboard.map import event_id_from_tooltip, selection_layer
from dashboard.map.episodes import episodes_track, track_stops
from dashboard.views import filters
from dashboard.web.loaders import events_map, periods_of


def show_map(key: str, state: filters.FilterState, shown: pd.DataFrame, catalogue: Catalogue,
             selected: str | None) -> str | None:
    """Draw the map; the event_id of the marker clicked, if any."""
    # st_folium renames the ids inside the Map it renders, so each render gets its own copy of the cached map.
    cached = events_map(key, state, shown, catalogue.claims, periods_of(key, catalogue), catalogue.control)
    ring = selection_layer(shown, selected, catalogue.claims)
    added = [group for group in (ring, _track(shown, selected, catalogue)) if group is not None]
    clicked = st_folium(copy.deepcopy(cached), key="map", height=600, use_container_width=True,
                        feature_group_to_add=added or None, returned_objects=["last_object_clicked_tooltip"])
    return event_id_from_tooltip((clicked or {}).get("last_object_clicked_tooltip"))


def _track(shown: pd.DataFrame, selected: str | None, catalogue: Catalogue):
    """The selected event's episodes as a numbered track, when it is shown and they have places."""
    rows = shown[shown["event_id"] == selected] if selected else shown.iloc[0:0]
    if rows.empty:
        return None
    event = rows.iloc[0]
    episodes = catalogue.episodes[catalogue.episodes["event_id"] == selected]
    return episodes_track(track_stops(episodes, event["start_date"], event["end_date"]))
