"""The events map, composed of layers (one module per feature, as folium's plugins): adding a layer is one line in
LAYERS. Each layer is a function `(m: folium.Map, data: MapData) -> None` that adds itself to the map.

Pure: builds a folium.Map from an events DataFrame (EVENT_COLUMNS, with "alignment_a"/"alignment_b",
"best_killed" and "event_type" when the catalogue has them) and the claims, testable without Streamlit. What
changes between reruns without a new map (the selection, the time bar kept across maps) is selection.py's job.
Above `aggregate_above` located events the map draws place × period counts instead (and says so).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import folium
import pandas as pd

from dashboard.casualties.estimate import with_best_killed
from dashboard.map.aggregate import aggregate_features
from dashboard.map.basemap import country_outlines, online_tiles, place_labels
from dashboard.map.controls import legend_html, notes_html
from dashboard.map import control as control_map
from dashboard.map.features import MAP_COLUMNS, event_features, located_events
from dashboard.map.fit import view_bounds
from dashboard.map.regions import region_outlines
from dashboard.map.sources import legend_lines, source_toggles
from dashboard.map.timeline import EventsLayer
from dashboard.parties import parties_of_frame, side_alignment_columns
from dashboard.views.event_types import event_types

AGGREGATE_ABOVE = 5000


@dataclass
class MapData:
    """What the layers draw: the events the filters show, those of them with a place and date (with alignments,
    best estimate of killed, event type, start_ms/end_ms), the claims, and the notes the map shows."""
    events: pd.DataFrame
    located: pd.DataFrame
    claims: pd.DataFrame | None = None
    aggregate_above: int = AGGREGATE_ABOVE
    notes: list[str] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)  # other layers' legend lines (HTML they escaped), added before
    control: tuple[pd.DataFrame, pd.DataFrame] | None = None  # (periods, statements) for the Control layer

    @property
    def aggregated(self) -> bool:
        return len(self.located) > self.aggregate_above


def events_layer(m: folium.Map, data: MapData) -> None:
    """The events in time (or counted per area and period above the threshold), the time bar and the legend."""
    period = None
    if data.aggregated:
        features, note, period = aggregate_features(data.located, data.aggregate_above)
        data.notes.insert(0, note)
    else:
        features = event_features(data.located)
    if not features:
        data.notes.insert(0, "No located events match the current filters.")
    missing = len(data.events) - len(data.located)
    if missing:
        data.notes.append(f"{missing:,} of {len(data.events):,} events have no map location or date; the table lists them.")
    legend = "".join(data.legend) + ("" if data.aggregated else legend_lines(data.located))
    EventsLayer(features, bounds=view_bounds(data.located), aggregated=data.aggregated, period=period,
                legend=legend_html(data.aggregated, legend), note=notes_html(data.notes)).add_to(m)


def control_layer(m: folium.Map, data: MapData) -> None:
    """Who held each place at the time bar's date (map/control.py); the time bar sets its time."""
    held = control_map.control_layer(*data.control) if data.control is not None else None
    if held:
        for part in held:
            part.add_to(m)
        data.legend.append(control_map.legend_lines())


def layer_control(m: folium.Map, _data: MapData) -> None:
    folium.LayerControl(collapsed=True, position="topright").add_to(m)


Layer = Callable[[folium.Map, MapData], None]
# Drawn in this order, one line per layer.
LAYERS: list[Layer] = [
    online_tiles,  # OpenStreetMap, an overlay for when there is internet
    country_outlines,  # Mali and its neighbours, offline
    lambda m, _data: region_outlines(m),  # Mali's regions, the neighbours' borders and the Niger (map/regions.py)
    place_labels,  # the names of the busiest places
    control_layer,  # who held each place at the slider's date (map/control.py), its line in the legend
    events_layer,  # the events, their time bar and legend, the fitted view
    source_toggles,  # a line per dataset (UCDP GED, ACLED) in the layer control that hides or shows its events
    layer_control,  # last: it lists the layers above
]


def with_alignments(events: pd.DataFrame, parties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events plus alignment_a / alignment_b (each side's alignment in the parties table), unless present."""
    if {"alignment_a", "alignment_b"} <= set(events.columns) or events.empty:
        return events
    parties = parties_of_frame(events) if parties is None else parties
    return pd.concat([events, side_alignment_columns(events, parties)], axis=1)


def map_data(events: pd.DataFrame, *, claims: pd.DataFrame | None = None, parties: pd.DataFrame | None = None,
             aggregate_above: int = AGGREGATE_ABOVE) -> MapData:
    """The located rows with what the layers read, computed only where the catalogue did not bring it."""
    located = with_alignments(located_events(events[[c for c in events.columns if c in MAP_COLUMNS]]), parties)
    if len(located) <= aggregate_above:
        located = with_best_killed(located, claims)
        if "event_type" not in located.columns:  # read from the title, else the lead the whole rows carry
            located = located.assign(event_type=event_types(events.loc[located.index]))
    return MapData(events, located, claims, aggregate_above)


def build_map(events: pd.DataFrame, *, claims: pd.DataFrame | None = None, parties: pd.DataFrame | None = None,
              aggregate_above: int = AGGREGATE_ABOVE,
              control: tuple[pd.DataFrame, pd.DataFrame] | None = None) -> folium.Map:
    """The events map: every layer of LAYERS over a Leaflet-only folium map.

    `control` is (periods, statements) for the Control layer (views.control.control_periods), which the same
    slider moves.

    Colours come from "alignment_a"/"alignment_b" columns, taken from `parties` (or the side columns) when
    absent; sizes from "best_killed", computed from `claims` when absent and claims are given.
    """
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_snap=0.25, location=[17.5, 0.0],
                   zoom_start=6)
    # Our map uses Leaflet only: no Bootstrap, jQuery, Font Awesome or awesome-markers.
    m.default_js = [(name, url) for name, url in m.default_js if name == "leaflet"]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    data = map_data(events, claims=claims, parties=parties, aggregate_above=aggregate_above)
    data.control = control
    for layer in LAYERS:
        layer(m, data)
    return m
