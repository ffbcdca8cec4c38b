"""The folium map: build.py puts it together from one module per feature (style, features, aggregate,
timeline, controls, basemap, selection) and assets.py serves Leaflet's files offline."""
from dashboard.map.build import build_map, with_alignments
from dashboard.map.features import event_id_from_tooltip, located_events
from dashboard.map.selection import selection_layer

__all__ = ["build_map", "event_id_from_tooltip", "located_events", "selection_layer", "with_alignments"]
