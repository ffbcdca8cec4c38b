"""The map's two-way channel with the server, without rebuilding the map.

Server to page: a small FeatureGroup passed as st_folium(..., feature_group_to_add=...), whose script tells the
page's runtime which event is selected (ring, slider at its date, centre and zoom when the selection is new) and,
once after each new map, the time bar's settings to keep. streamlit-folium runs it whenever it changes, without
remounting the map, so the view and the slider keep their place.

Page to server: the runtime writes a small JSON report (selected event, clicks, time bar settings) as the value
streamlit-folium returns under "last_object_clicked_popup" (our markers have no popups); `read_report` reads it.
The event_id never shows in a tooltip.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from folium.template import Template
from jinja2.utils import htmlsafe_json_dumps

RETURNED = "last_object_clicked_popup"  # st_folium's returned_objects: only this, so pans and zooms never rerun
MODES = ("all", "window", "cumulative")


@dataclass(frozen=True)
class MapReport:
    """What the page last reported: the selected event (None: nothing), how many marker clicks so far, and the
    time bar (slider time in epoch ms, mode, window in days, playback speed)."""
    event_id: str | None
    clicks: int
    time: int | None
    mode: str
    window: int | None
    speed: float | None

    def time_settings(self) -> dict:
        """The part the next map of this session restores."""
        return {"time": self.time, "mode": self.mode, "window": self.window, "speed": self.speed}


def read_report(returned: dict | None) -> MapReport | None:
    """The report in st_folium's returned value, or None (nothing reported yet, or not a report of ours)."""
    text = (returned or {}).get(RETURNED)
    try:
        data = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    event = data.get("event")
    return MapReport(
        event_id=event if isinstance(event, str) and event else None,
        clicks=_int(data.get("clicks")) or 0,
        time=_int(data.get("time")),
        mode=data.get("mode") if data.get("mode") in MODES else "all",
        window=_int(data.get("window")),
        speed=_number(data.get("speed")),
    )


def _int(value: object) -> int | None:
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


class _Command(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
          if (window.maliMap) {
            window.maliMap.restore({{ this.settings }});
            window.maliMap.select({{ this.event_id }}, {focus: {{ this.focus }}});
          }
        {% endmacro %}
    """)

    def __init__(self, event_id: str | None, focus: bool, settings: dict | None):
        super().__init__()
        self._name = "MapCommand"
        # A JSON string with its braces escaped too: branca compiles this script as a Jinja template.
        self.event_id = str(htmlsafe_json_dumps(event_id)).replace("{", "\\u007b").replace("}", "\\u007d")
        self.focus = "true" if focus else "false"
        self.settings = str(htmlsafe_json_dumps(settings or None))


def selection_layer(selected_event_id: str | None, *, focus: bool = False,
                    time_settings: dict | None = None) -> folium.FeatureGroup:
    """The FeatureGroup for st_folium's feature_group_to_add: select this event (None: none) and, for a new map,
    restore the time bar. `focus`: the selection is new, so the slider moves to it and the view centres on it."""
    group = folium.FeatureGroup(name="Selected event", control=False)
    _Command(selected_event_id, focus, time_settings).add_to(group)
    return group
