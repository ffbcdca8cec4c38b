"""The obvious way, as folium's and streamlit-folium's documentation show it: the events read with pandas, filtered
with pandas, every filtered event a feature of one folium.GeoJson layer with a popup, shown with st_folium.

    BASELINE_EVENTS_CSV=events.csv streamlit run bench/baseline_app.py

Measured by bench/run.py beside our app on the same data. The one change to the documented way: folium's
JavaScript and CSS are served from this machine (it has no internet; the map would otherwise stay blank), Leaflet
only: the fonts of Bootstrap and Font Awesome, which this map does not use, have no offline copy.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dashboard.map import assets  # noqa: E402  (only to load Leaflet offline)

STATIC = Path(__file__).with_name("static")


@st.cache_data
def load(path: str) -> pd.DataFrame:
    return pd.read_csv(path)


events = load(os.environ["BASELINE_EVENTS_CSV"])
st.title("Mali War events (baseline)")
regions = st.sidebar.multiselect("Region", sorted(events["region"].dropna().unique()))
shown = events[events["region"].isin(regions)] if regions else events
shown = shown.dropna(subset=["latitude", "longitude"])
st.markdown(f"**{len(shown)}** of {len(events)} events shown")
m = folium.Map(location=[17.5, 0.0], zoom_start=6)
m.default_js = [(name, url) for name, url in m.default_js if name == "leaflet"]
m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [row.longitude, row.latitude]},
             "properties": {"title": row.title, "start_date": row.start_date, "side_a": row.side_a, "side_b": row.side_b}}
            for row in shown.itertuples()]
folium.GeoJson({"type": "FeatureCollection", "features": features},
               popup=folium.GeoJsonPopup(fields=["title", "start_date", "side_a", "side_b"])).add_to(m)
assets.ensure_static_files(STATIC)
assets.localize(m)
st_folium(m, width=900, height=600)
