"""The events layer that plays in time: prebuilt GeoJSON handed to the page's own runtime (js/events_layer.js, which
draws each event as its type's symbol and spreads piles apart; js/time_bar.js, which shows them by the time bar's
mode — every event of the range, a window up to the slider's date, or cumulative — and puts the time bar and legend
under the map).

Other layers can follow the slider: the page fires `mali:time` on the Leaflet map ({time, mode, windowDays}) at
every change, and a folium `Timeline` layer added to the same map is set to the slider's time.
"""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import Timeline
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

from dashboard.map.features import MS_PER_DAY
from dashboard.map.sources import SOURCE_NAMES, SOURCE_STYLES
from dashboard.map.style import AREA, CIRCLE_KINDS, CODED_COLOURS, MAX_RADIUS, MIN_RADIUS, SELECTED_COLOUR
from dashboard.map.symbols import outlines_by_code

RUNTIME = (Path(__file__).with_name("js") / "events_layer.js", Path(__file__).with_name("js") / "time_bar.js")
STYLESHEET = Path(__file__).with_name("js") / "events_map.css"
# Window lengths the time bar offers (label, days); the default one first shown.
WINDOWS = (("1 week", 7), ("1 month", 31), ("3 months", 92), ("1 year", 366))
DEFAULT_WINDOW_DAYS = 31
SPEEDS = (0.5, 1, 2, 4, 8)
FOCUS_ZOOM = 8  # a selected event is shown at least this close
FIT_MAX_ZOOM = 9  # fitting one event (or a few at one place) stops here


@cache
def runtime_js() -> str:
    """The page's runtime; checked to hold nothing Jinja would read (the map's script is rendered twice)."""
    texts = []
    for path in RUNTIME:
        text = path.read_text(encoding="utf-8")
        for marker in ("{{", "{%", "{#"):
            if marker in text:
                raise ValueError(f"{path.name} holds {marker!r}, which Jinja would read when the map is rendered")
        texts.append(text)
    return "\n".join(texts)


@cache
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


class _Shared(dict):
    """A dict that deep copies share instead of copying: for data nothing changes once the map is built."""

    def __deepcopy__(self, memo: dict) -> _Shared:
        return self


class PrebuiltTimeline(JSCSSMixin, Timeline):
    """A folium Timeline whose GeoJSON is written once and shared by the map's deep copies, for a layer that follows
    the time bar (the page sets every Timeline on the map to the slider's time): map/control.py's squares.

    It names its own scripts (leaflet.timeline) as a JSCSSMixin: folium's Timeline leaves that to its slider, which
    this map does not use, and streamlit-folium loads only what such elements name."""

    default_js = Timeline.default_js

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


class EventsLayer(MacroElement):
    """The events and the time bar. The GeoJSON and options are written once, and shared by the map's deep copies
    (the app renders a fresh copy of its cached map on every rerun)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
          {{ this.runtime }}
          var {{ this.get_name() }} = window.maliEventsMapStart({{ this._parent.get_name() }},
              {{ this.options_json }}, {{ this.geojson }});
        {% endmacro %}
    """)

    def __init__(self, features: list[dict], *, bounds: list[list[float]] | None, aggregated: bool,
                 legend: str, note: str = "", period: str | None = None):
        """`period`: the length of an aggregated count's period ("M", "Q", "Y"), which the page's labels name."""
        super().__init__()
        self._name = "EventsLayer"
        self.data = _Shared(type="FeatureCollection", features=features)
        self.options = _Shared(
            colours=CODED_COLOURS, kinds=list(CIRCLE_KINDS), sources=list(SOURCE_STYLES), sourceNames=list(SOURCE_NAMES), shapes=outlines_by_code(), selected=SELECTED_COLOUR,
            range=time_range(features), windows=[list(w) for w in WINDOWS], window=DEFAULT_WINDOW_DAYS,
            speeds=list(SPEEDS), bounds=bounds, aggregated=aggregated, radius=[MIN_RADIUS, MAX_RADIUS],
            focusZoom=FOCUS_ZOOM, fitMaxZoom=FIT_MAX_ZOOM, legend=legend, note=note, css=stylesheet(), areaKind=AREA,
            period=period,
        )
        self.runtime = runtime_js()
        # What Timeline's tojson writes ("<", ">", "&" and "'" escaped), without the spaces.
        self.geojson = str(htmlsafe_json_dumps(self.data, sort_keys=True, separators=(",", ":")))
        self.options_json = str(htmlsafe_json_dumps(self.options, separators=(",", ":")))

    @property
    def features(self) -> list[dict]:
        return self.data["features"]


def time_range(features: list[dict]) -> list[int]:
    """The slider's bounds: the first start to the last end (a day around now when there are no features)."""
    if not features:
        return [0, MS_PER_DAY]
    return [min(f["properties"]["start"] for f in features), max(f["properties"]["end"] for f in features)]


def options_of(html: str) -> dict:
    """The options an EventsLayer wrote into a rendered page (for tests and tools)."""
    start = html.index("window.maliEventsMapStart(")
    text = html[html.index(",", start) + 1:]
    return json.JSONDecoder().raw_decode(text.strip())[0]
