"""The selected event's episodes as a small numbered track on the map: where it went, day by day, inside the
event's own dates (Kidal 2023: 1 Anéfis 10 Nov → 2 Alkit valley 11–12 Nov → 3 15 km from Kidal 13 Nov → 4 Kidal
14 Nov). Added like the selection ring, without remounting the map."""
from __future__ import annotations

from dataclasses import dataclass

import folium
import pandas as pd

from dashboard.map.style import SELECTED_COLOUR
from dashboard.text.escape import js_safe_text
from dashboard.text.when import when_text

TRACK_PRECISION = 3  # a region's or the country's point is not a stop (UCDP where_prec 4+)
TRACK_CSS = ("display:flex;align-items:center;justify-content:center;width:18px;height:18px;border-radius:50%;"
             f"background:#fff;border:2px solid {SELECTED_COLOUR};font:700 11px system-ui,sans-serif;color:#222")


@dataclass(frozen=True)
class Stop:
    number: int
    place: str  # as written in the first episode there
    start: str
    end: str
    latitude: float
    longitude: float
    precision: object  # UCDP where_prec: "15 km from Kidal" is not Kidal though the gazetteer gives one point
    sentences: tuple[str, ...]

    @property
    def key(self) -> tuple:
        return self.latitude, self.longitude, self.precision

    @property
    def when(self) -> str:
        return when_text(self.start, self.end, "day", short=True)


def track_stops(episodes: pd.DataFrame, start_date: str, end_date: str) -> list[Stop]:
    """The event's episodes with a place where they happened, in date order, inside the event's dates (not its
    prelude or aftermath, not the lead's sentence for the whole event, not a region); one stop per run of days at
    one place."""
    end_date = end_date or start_date
    located = episodes[episodes["latitude"].notna() & (episodes["place_role"] == "at") & (episodes["date_start"] != "")
                       & (episodes["location_precision"].fillna(1) <= TRACK_PRECISION)]
    inside = located[(located["date_start"] >= start_date) & (located["date_end"] <= end_date)
                     & ~((located["date_start"] == start_date) & (located["date_end"] == end_date)
                         & (start_date != end_date))]
    ordered = inside.sort_values(["date_start", "position"], kind="stable")
    stops: list[Stop] = []
    for row in ordered.itertuples(index=False):
        last = stops[-1] if stops else None
        if last is not None and last.key == (row.latitude, row.longitude, row.location_precision):
            stops[-1] = Stop(last.number, last.place, last.start, max(last.end, row.date_end), last.latitude,
                             last.longitude, last.precision, (*last.sentences, row.sentence))
        else:
            stops.append(Stop(len(stops) + 1, _label(row.place_as_written, row.place), row.date_start, row.date_end, row.latitude,
                              row.longitude, row.location_precision, (row.sentence,)))
    return stops


def _label(written: str, place: str) -> str:
    """The words for a stop: as written when they name it ("fifteen kilometers from Kidal"), else its name ("the
    city" -> "Kidal")."""
    return written if any(word[:1].isupper() for word in written.split()) else place or written


def episodes_track(stops: list[Stop]) -> folium.FeatureGroup | None:
    """Numbered circles joined by a dashed line, each with a tooltip (its dates, place and first sentence)."""
    if not stops:
        return None
    group = folium.FeatureGroup(name="Episodes of the selected event", control=False)
    if len(stops) > 1:
        line = folium.PolyLine([(s.latitude, s.longitude) for s in stops], color=SELECTED_COLOUR, weight=2,
                               dash_array="5 5", opacity=0.9)
        line.options["interactive"] = False
        line.add_to(group)
    for stop in stops:
        tooltip = js_safe_text(f"{stop.number} · {stop.when} · {stop.place} · {stop.sentences[0][:160]}")
        folium.Marker([stop.latitude, stop.longitude], tooltip=tooltip, icon=folium.DivIcon(
            html=f'<div style="{TRACK_CSS}">{stop.number}</div>', icon_size=(18, 18),
            icon_anchor=(24, 24 + 20 * _same_spot_before(stops, stop)))).add_to(group)
    return group


def _same_spot_before(stops: list[Stop], stop: Stop) -> int:
    """How many earlier stops share this point (Kidal twice): their numbers are stacked, not drawn over."""
    return sum(1 for s in stops[:stop.number - 1] if (s.latitude, s.longitude) == (stop.latitude, stop.longitude))
