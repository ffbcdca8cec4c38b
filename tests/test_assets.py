"""Offline copies of folium's JS/CSS: every URL the map needs resolves, and is written to a static dir."""
import re

import folium
import pandas as pd
import pytest
from folium.plugins import Timeline, TimelineSlider

from dashboard.map.assets import (
    STREAMLIT_BASE_URL,
    OfflineAssetError,
    ensure_static_files,
    local_filename,
    localize,
    map_resource_urls,
    missing_file_refs,
    offline_resources,
)
from dashboard.map.build import build_map
from dashboard.model import EVENT_COLUMNS


def one_event_frame() -> pd.DataFrame:
    row = {column: "" for column in EVENT_COLUMNS}
    row.update(event_id="ev-0123456789", title="Battle of Anefis", start_date="2013-06-05",
               end_date="2013-06-05", date_precision="day", place="Anefis", latitude=18.05, longitude=0.62)
    return pd.DataFrame([row], columns=EVENT_COLUMNS)


def test_every_resource_of_our_map_has_an_offline_copy():
    needed = map_resource_urls(build_map(one_event_frame()))
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js" in needed
    # The time bar and symbols are the map's own runtime, written into the page: no plugin, no moment.js.
    assert not any("timeline" in url or "moment" in url for url in needed)
    assert set(needed) <= set(offline_resources())


def test_our_map_loads_no_bootstrap_jquery_or_font_awesome():
    needed = " ".join(map_resource_urls(build_map(one_event_frame())))
    for unwanted in ("bootstrap", "jquery", "fontawesome", "awesome-markers"):
        assert unwanted not in needed


def test_localize_rewrites_every_link_to_the_local_copy():
    m = build_map(one_event_frame())
    mapping = localize(m, base_url="static/folium-offline/")
    html = m.get_root().render()
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert links and all(link.startswith("static/folium-offline/") for link in links)
    assert not any(url in html for url in offline_resources())
    assert sorted(mapping.values()) == sorted(set(links))


def test_localize_leaves_folium_class_defaults_alone():
    localize(build_map(one_event_frame()))
    fresh = folium.Map()
    assert fresh.default_js[0][1].startswith("https://")
    assert TimelineSlider.default_js[0][1].startswith("https://")


def test_localize_twice_is_harmless():
    m = build_map(one_event_frame())
    first = localize(m)
    assert localize(m) == {}  # nothing remote is left
    assert all(url.startswith(STREAMLIT_BASE_URL) for url in map_resource_urls(m))
    assert len(first) == len(map_resource_urls(m))


def test_a_url_without_offline_copy_is_reported_not_left_on_a_cdn():
    m = folium.Map(tiles=None)
    m.default_js = [("leaflet", "https://cdn.example.org/not-shipped.js")]
    with pytest.raises(OfflineAssetError, match="not-shipped.js"):
        localize(m)


def test_a_stylesheet_needing_unshipped_fonts_is_reported():
    # folium's default Map loads Font Awesome, whose CSS needs webfont files folium-offline lacks.
    with pytest.raises(OfflineAssetError, match="webfonts"):
        localize(folium.Map(tiles=None))


def test_missing_file_refs_ignores_data_uris():
    assert missing_file_refs("a{background:url(data:image/png;base64,AAA)} b{behavior:url(#default#VML)}") == []
    assert missing_file_refs("@font-face{src:url('../webfonts/fa.woff2')}") == ["../webfonts/fa.woff2"]


def test_ensure_static_files_writes_the_needed_files(tmp_path):
    m = Timeline({"type": "FeatureCollection", "features": []})
    urls = [url for _, url in m.default_js]
    written = ensure_static_files(tmp_path, urls)
    assert set(written) == set(urls)
    for url, path in written.items():
        assert path.parent == tmp_path / "folium-offline"
        assert path.read_text(encoding="utf-8") == offline_resources()[url]


def test_ensure_static_files_matches_localized_names(tmp_path):
    m = build_map(one_event_frame())
    mapping = localize(m, base_url="static/folium-offline/")
    written = ensure_static_files(tmp_path, mapping)
    for url, local in mapping.items():
        assert (tmp_path / local.removeprefix("static/")).is_file()
        assert written[url].name == local.rsplit("/", 1)[-1]


def test_ensure_static_files_rejects_unknown_urls(tmp_path):
    with pytest.raises(OfflineAssetError, match="nowhere.js"):
        ensure_static_files(tmp_path, ["https://cdn.example.org/nowhere.js"])
    assert not (tmp_path / "folium-offline").exists()


def test_local_names_keep_their_type_and_do_not_collide():
    names = {local_filename(url) for url in offline_resources()}
    assert len(names) == len(offline_resources())
    assert local_filename("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css").endswith("-leaflet.css")
    assert local_filename("https://unpkg.com/@joergdietrich/leaflet.terminator").endswith(".js")
