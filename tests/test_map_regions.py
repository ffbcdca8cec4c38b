"""Mali's regions, the neighbours' borders and the Niger on the offline map (map/regions.py), from data/regions."""
from __future__ import annotations

import json
import folium
import pandas as pd

from dashboard.map import build_map
from dashboard.map.regions import REGIONS_DIR, boundary_lines, label_point, load_outlines, region_outlines
from dashboard.map.style import AREA, APPROXIMATE, EXACT, event_shape
from dashboard.model import EVENT_COLUMNS
from dashboard.paths import DATA_DIR


def test_the_region_files_are_read_from_the_data_folder():
    assert REGIONS_DIR == DATA_DIR / "regions"
    regions = load_outlines("mali_regions")
    names = {f["properties"]["name"] for f in regions["features"]}
    assert {"Kidal", "Gao", "Tombouctou", "Mopti", "Ségou"} <= names and len(names) == 9
    assert load_outlines("rivers")["features"][0]["properties"]["name"] == "Niger"


def test_inner_boundaries_and_the_national_border_are_told_apart():
    inner, border = boundary_lines(load_outlines("mali_regions"))
    inner_points = {p for line in inner for p in line}
    border_points = {p for line in border for p in line}
    assert inner and border and len(border) < 20  # chained into a few lines, not one per edge
    # Kidal's south-west corner is on the Kidal–Gao–Tombouctou boundary, inside the country; the far north is
    # on the Algerian border only.
    assert any(16.5 < lat < 19.5 and -1.5 < lon < 1.5 for lon, lat in inner_points)
    assert max(lat for _, lat in border_points) > 24.5 and max(lat for _, lat in inner_points) < 24.5


def test_each_region_is_named_inside_its_own_outline():
    for feature in load_outlines("mali_regions")["features"]:
        lat, lon = label_point(feature["geometry"])
        ring = feature["geometry"]["coordinates"][0]
        lons, lats = zip(*ring)
        assert min(lats) < lat < max(lats) and min(lons) < lon < max(lons), feature["properties"]["name"]


def test_the_map_draws_the_regions_and_says_natural_earth_predates_2016():
    html = build_map(pd_frame()).get_root().render()
    assert "Regions and the Niger (offline)" in html
    for words in ("before 2016", "Ménaka still inside Gao", "Taoudénit inside Tombouctou"):
        assert json.dumps(words)[1:-1] in html  # the note, as the map's script carries it
    assert html.count('"name": "') >= 8 and '"mali-region"' in html  # the labels, written as text by the page
    assert '"MultiLineString"' in html  # the region lines and the river


def test_without_region_files_the_map_still_draws(tmp_path):
    m = folium.Map()
    region_outlines(m, tmp_path)
    assert "Regions and the Niger" not in m.get_root().render()


def test_a_region_file_that_is_not_json_is_skipped(tmp_path):
    (tmp_path / "mali_regions.geojson").write_text("{not json", encoding="utf-8")
    assert load_outlines("mali_regions", tmp_path) is None


def test_events_placed_somewhere_in_a_cercle_or_region_are_drawn_as_areas():
    assert event_shape(None, 1)[1] == EXACT and event_shape(None, 2)[1] == APPROXIMATE
    radius, kind = event_shape(None, 4)
    assert kind == AREA and radius >= 24 and event_shape(None, 3)[1] == AREA


def pd_frame() -> pd.DataFrame:
    row = {c: "" for c in EVENT_COLUMNS} | {"event_id": "ev-00000000a1", "title": "Battle of Tabarde",
                                             "start_date": "2018-06-03", "end_date": "2018-06-05",
                                             "date_precision": "day", "place": "Tabarde, Ménaka Region, Mali",
                                             "latitude": 15.97649, "longitude": 2.74458, "location_precision": 4}
    return pd.DataFrame([row], columns=EVENT_COLUMNS).astype({"location_precision": "Int64"})
