"""The events layer that plays forward in time: a folium Timeline of prebuilt GeoJSON and its slider."""
from __future__ import annotations

import json

from folium.plugins import Timeline, TimelineSlider
from folium.template import Template
from folium.utilities import JsCode
from jinja2.utils import htmlsafe_json_dumps

from dashboard.map.features import MS_PER_DAY
from dashboard.map.style import CIRCLE_KINDS, CODED_COLOURS


DISPLAY_WINDOW_DAYS = 31  # how long a circle stays on the map after its event ends
# circle_style in the browser; the tables are built once per page, not once per circle.
_POINT_TO_LAYER = JsCode(
    f"(function () {{ var colours = {json.dumps(CODED_COLOURS)}, kinds = {json.dumps(CIRCLE_KINDS)}; "
    "return function (feature, latlng) { var p = feature.properties, style = {radius: p.r, fillColor: colours[p.a]}; "
    "if (p.b !== undefined) { style.color = colours[p.b]; } "
    "return L.circleMarker(latlng, Object.assign(style, kinds[p.k])); }; })()"
)
# A per-layer string tooltip: st_folium reads it from the clicked layer at any slider time.
_ON_EACH_FEATURE = JsCode(
    "function(feature, layer) { layer.bindTooltip(feature.properties.tooltip, {sticky: true}); }"
)
_DISPLAY_INTERVAL = JsCode(
    "function(feature) { return {start: feature.properties.start, "
    f"end: feature.properties.end + {DISPLAY_WINDOW_DAYS} * {MS_PER_DAY}}}; }}"
)
_SLIDER_DATE = JsCode("function(date) { return moment.utc(date).format('D MMM YYYY'); }")


class _Shared(dict):
    """A dict that deep copies share instead of copying: for data nothing changes once the map is built."""

    def __deepcopy__(self, memo: dict) -> _Shared:
        return self


class PrebuiltTimeline(Timeline):
    """A folium Timeline whose GeoJSON is written once, and shared by the map's deep copies.

    The app renders a fresh deep copy of its cached map on every rerun: copying and encoding thousands of
    features each time cost more than the rest of the render.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
          var {{ this.get_name() }}_options = {{ this.options|tojavascript }};
          var {{ this.get_name() }} = L.timeline(
              {{ this.geojson }},
              {{ this.get_name() }}_options
          );
          {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, features: list[dict], **kwargs):
        super().__init__(_Shared(type="FeatureCollection", features=features), **kwargs)
        # What Timeline's tojson writes ("<", ">", "&" and "'" escaped), without the spaces.
        self.geojson = str(htmlsafe_json_dumps(self.data, sort_keys=True, separators=(",", ":")))


def timeline_slider(timeline: Timeline, features: list[dict]) -> TimelineSlider:
    """A playable slider from the first start to the last end, stepping about a month at a time."""
    start = min(f["properties"]["start"] for f in features)
    end = max(f["properties"]["end"] for f in features)
    months = max(1, round((end - start) / (30.44 * MS_PER_DAY)))
    slider = TimelineSlider(
        auto_play=False, start=start, end=end, steps=months, show_ticks=False,
        enable_keyboard_controls=True, playback_duration=min(60_000, max(5_000, months * 250)),
    )
    slider.options["format_output"] = _SLIDER_DATE  # UTC, so days don't shift with the viewer's zone
    return slider.add_timelines(timeline)


def events_timeline(features: list[dict]) -> PrebuiltTimeline:
    """The Timeline layer of these features, styled from their codes, each with its tooltip."""
    timeline = PrebuiltTimeline(features, point_to_layer=_POINT_TO_LAYER, on_each_feature=_ON_EACH_FEATURE,
                                get_interval=_DISPLAY_INTERVAL)
    timeline.layer_name = "Events"
    return timeline
