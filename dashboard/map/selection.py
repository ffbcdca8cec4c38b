"""The ring around the selected event, added without remounting the map (the view and slider keep their place)."""
from __future__ import annotations

import folium
import pandas as pd

from dashboard.casualties.estimate import with_best_killed
from dashboard.map.features import located_events
from dashboard.map.style import SELECTED_COLOUR, event_shape


def selection_layer(events: pd.DataFrame, selected_event_id: str | None,
                    claims: pd.DataFrame | None = None) -> folium.FeatureGroup | None:
    """A ring around the selected event (sized to circle its marker), or None if it is not on the map.

    In Streamlit pass it as st_folium(..., feature_group_to_add=...): the ring then moves
    without remounting the map, so the view and the slider keep their place.
    """
    if not selected_event_id:
        return None
    located = with_best_killed(located_events(events.loc[events["event_id"] == selected_event_id]), claims)
    if located.empty:
        return None
    row = located.iloc[0]
    killed = row["best_killed"] if "best_killed" in located.columns else None
    precision = row["location_precision"] if "location_precision" in located.columns else None
    radius = event_shape(killed, precision)[0] + 7
    group = folium.FeatureGroup(name="Selected event", control=False)
    ring = folium.CircleMarker([row["latitude"], row["longitude"]], radius=radius, color=SELECTED_COLOUR,
                               weight=4, fill=False)
    ring.options["interactive"] = False  # folium drops this option; without it the ring swallows clicks
    ring.add_to(group)
    return group
