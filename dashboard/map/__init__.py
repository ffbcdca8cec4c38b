"""The folium map: build.py composes it from one module per feature (basemap, features, symbols, aggregate,
timeline with its page runtime in js/, controls, fit) and selection.py talks to it between reruns; assets.py
serves Leaflet's files offline."""
from dashboard.map.build import LAYERS, MapData, build_map, map_data, with_alignments
from dashboard.map.features import located_events
from dashboard.map.selection import MapReport, read_report, selection_layer

__all__ = ["LAYERS", "MapData", "MapReport", "build_map", "located_events", "map_data", "read_report",
           "selection_layer", "with_alignments"]
