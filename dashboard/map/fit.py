"""The view the map opens on: every located event of the filters in sight (the page fits it on open; a filter change
builds a new map, so the view is fitted again, while the user's own pan and zoom last until then)."""
from __future__ import annotations

import pandas as pd

# Kidal, Gao, Ménaka and Timbuktu regions: the view when nothing is located.
NORTHERN_MALI_BOUNDS = [[14.6, -4.2], [21.0, 4.4]]
MIN_SPAN_DEGREES = 0.6  # one event, or several at one place: about 65 km across, so its surroundings show


def view_bounds(located: pd.DataFrame) -> list[list[float]]:
    """[[south, west], [north, east]] around the located events, at least MIN_SPAN_DEGREES wide and high."""
    if located.empty:
        return NORTHERN_MALI_BOUNDS
    lat, lon = located["latitude"], located["longitude"]
    south, north, west, east = float(lat.min()), float(lat.max()), float(lon.min()), float(lon.max())
    grow_lat = max(0.0, MIN_SPAN_DEGREES - (north - south)) / 2
    grow_lon = max(0.0, MIN_SPAN_DEGREES - (east - west)) / 2
    return [[round(south - grow_lat, 4), round(west - grow_lon, 4)], [round(north + grow_lat, 4), round(east + grow_lon, 4)]]
