"""The time-slider map of events, put together from the map's parts (one module per feature, as folium's plugins).

Pure: builds a folium.Map from an events DataFrame (EVENT_COLUMNS, with "alignment_a"/"alignment_b" and
"best_killed" when the catalogue has them) and the claims, testable without Streamlit. Each marker's tooltip
ends with the event_id so st_folium's `last_object_clicked_tooltip` names the event; the detail panel is the
app's job. Above `aggregate_above` located events the map draws place × period counts instead (and says so).
"""
from __future__ import annotations

import folium
import pandas as pd

from dashboard.casualties.estimate import with_best_killed
from dashboard.map.aggregate import aggregate_features
from dashboard.map.basemap import NORTHERN_MALI_BOUNDS, country_outlines, place_labels
from dashboard.map import control as control_map
from dashboard.map.controls import BOX_CSS, MapControl, legend_html
from dashboard.map.features import MAP_COLUMNS, event_features, located_events
from dashboard.map.regions import region_outlines
from dashboard.map.selection import selection_layer
from dashboard.map.timeline import events_timeline, timeline_slider
from dashboard.parties import parties_of_frame, side_alignment_columns
from dashboard.text.escape import js_safe_text


def with_alignments(events: pd.DataFrame, parties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events plus alignment_a / alignment_b (each side's alignment in the parties table), unless present."""
    if {"alignment_a", "alignment_b"} <= set(events.columns) or events.empty:
        return events
    parties = parties_of_frame(events) if parties is None else parties
    return pd.concat([events, side_alignment_columns(events, parties)], axis=1)


def build_map(events: pd.DataFrame, *, claims: pd.DataFrame | None = None, parties: pd.DataFrame | None = None,
              selected_event_id: str | None = None, aggregate_above: int = 5000,
              control: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> folium.Map:
    """The events map: offline borders, one Timeline layer with slider, legend, optional OSM tiles.

    `control` is (periods, statements) for the Control layer (views.control.control_periods), which the same
    slider moves.

    Colours come from "alignment_a"/"alignment_b" columns, taken from `parties` (or the side columns) when
    absent; sizes from "best_killed", computed from `claims` when absent and claims are given.
    """
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_snap=0.25)
    # Our map uses Leaflet only: no Bootstrap, jQuery, Font Awesome or awesome-markers.
    m.default_js = [(name, url) for name, url in m.default_js if name == "leaflet"]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    # An overlay above the offline basemap: online it covers it, offline its tiles just fail.
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online only)", overlay=True, show=False).add_to(m)
    country_outlines(m)
    region_outlines(m)
    located = with_alignments(located_events(events[[c for c in events.columns if c in MAP_COLUMNS]]), parties)
    place_labels(m, located)
    aggregated = len(located) > aggregate_above
    if aggregated:
        features, note = aggregate_features(located, aggregate_above)
    else:
        features, note = event_features(with_best_killed(located, claims)), ""
    held = control_map.control_layer(*control) if control is not None else None
    if features:
        timeline = events_timeline(features)
        timeline.add_to(m)
        slider = timeline_slider(timeline, features + (control_map.slider_extent(held[0].data["features"]) if held else []))
        if held:
            for part in held:
                part.add_to(m)
            slider.add_timelines(held[0])
        slider.add_to(m)
    else:
        note = "No located events match the current filters."
    if len(located) < len(events):
        missing = len(events) - len(located)
        note = f"{note} {missing:,} of {len(events):,} events have no map location or date; the table lists them.".strip()
    ring = selection_layer(events, selected_event_id, claims)
    if ring is not None:
        ring.add_to(m)
    MapControl(legend_html(aggregated, control_map.legend_lines() if held else ""), "mali-legend", "topright",
               BOX_CSS).add_to(m)
    if note:
        MapControl(js_safe_text(note), "mali-note", "topleft").add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    m.fit_bounds(NORTHERN_MALI_BOUNDS)
    return m
