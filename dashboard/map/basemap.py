"""The offline basemap: Mali and its neighbours drawn from installed data, the names of the busiest places, and
OpenStreetMap tiles as an overlay for when there is internet. Labels are not in the keyboard's tab order."""
from __future__ import annotations

import folium
import pandas as pd

from dashboard.map.features import place_names
from dashboard.text.escape import js_safe_text


BASEMAP_PANE = "basemap"


def online_tiles(m: folium.Map, _data=None) -> None:
    """OpenStreetMap as an overlay above the offline basemap: online it covers it, offline its tiles just fail."""
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online only)", overlay=True, show=False).add_to(m)


def country_outlines(m: folium.Map, _data=None) -> None:
    """Mali (bold) and its neighbours from the countryinfo package's bundled GeoJSON."""
    try:
        from countryinfo import CountryInfo
    except ImportError as exc:
        raise ImportError("the map's offline borders need `pip install countryinfo==1.0.1`") from exc
    mali = CountryInfo("MLI")
    countries = [(mali, True)] + [(CountryInfo(code), False) for code in mali.borders()]
    # Below the tile pane (z-index 200), so the optional online tiles draw over it.
    folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
    layer = folium.FeatureGroup(name="Borders (offline)", control=True)
    for country, is_mali in countries:
        style = {"color": "#444" if is_mali else "#9a9a9a", "weight": 2.5 if is_mali else 1,
                 "fillColor": "#fbf8f1" if is_mali else "#ece8df", "fillOpacity": 1}
        folium.GeoJson(country.geo_json(), style_function=lambda _f, s=style: s,
                       interactive=False, pane=BASEMAP_PANE).add_to(layer)
        folium.Marker(country.latlng(), interactive=False, keyboard=False, icon=folium.DivIcon(
            html=f'<span class="mali-country">{js_safe_text(country.name().title())}</span>',
            icon_size=(0, 0))).add_to(layer)
    layer.add_to(m)


def place_labels(m: folium.Map, data, limit: int = 12) -> None:
    """Names of the places with most events (of those data.located holds), so the map reads without tiles."""
    located = data.located
    if located.empty or "place" not in located.columns:
        return
    codes, names = place_names(located)
    named = names[codes] != ""
    frame = pd.DataFrame({"lat": located["latitude"].to_numpy()[named], "lon": located["longitude"].to_numpy()[named]})
    # Codes follow the names' order, so ties in the count rank as they would grouped by name.
    top = frame.groupby(codes[named]).agg(n=("lat", "size"), lat=("lat", "median"), lon=("lon", "median"))
    layer = folium.FeatureGroup(name="Place names", control=True)
    for code, row in top.sort_values("n", ascending=False).head(limit).iterrows():
        folium.Marker([row.lat, row.lon], interactive=False, keyboard=False, icon=folium.DivIcon(
            html=f'<span class="mali-label">{js_safe_text(names[code])}</span>',
            icon_size=(0, 0), icon_anchor=(-8, 6))).add_to(layer)
    layer.add_to(m)
