"""The time-slider map of events: one folium Timeline layer of lean GeoJSON features.

Pure: builds a folium.Map from an events DataFrame (EVENT_COLUMNS, optionally with
"alignment_a"/"alignment_b" and "best_killed") and the claims, testable without Streamlit. Each marker's
tooltip ends with the event_id so st_folium's `last_object_clicked_tooltip` names the
event; the detail panel is the app's job. Above `aggregate_above` located events the map
draws place × period counts instead (and says so on the map).

A feature carries only compact style values (see circle_style); the browser turns them into Leaflet
options with a lookup table sent once, so the page does not repeat a style per circle.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Hashable, Iterable

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.plugins import Timeline, TimelineSlider
from folium.template import Template
from folium.utilities import JsCode
from jinja2.utils import htmlsafe_json_dumps

from dashboard.text.escape import js_safe_text
from dashboard.text.when import when_text
from dashboard.parties.factions import cell_parties, event_year, firm_alignments, side_alignment_against

ALIGNMENTS = ("state", "state ally", "international", "pro-government", "rebel", "jihadist", "unknown")
ALIGNMENT_COLOURS = {
    "state": "#1f4e9c",
    "state ally": "#7b3fa0",
    "international": "#2ca25f",
    "pro-government": "#62a8e5",
    "rebel": "#f39c12",
    "jihadist": "#222222",
    "unknown": "#9e9e9e",
}
ALIGNMENT_LABELS = {
    "state": "Malian state",
    "state ally": "Wagner / Africa Corps",
    "international": "France, MINUSMA",
    "pro-government": "Platform militias",
    "rebel": "Rebels (MNLA, CMA, CSP)",
    "jihadist": "Jihadists (AQIM, JNIM, ISGS)",
    "unknown": "Unknown",
}
SELECTED_COLOUR = "#e0115f"
BASEMAP_PANE = "basemap"
# Kidal, Gao, Ménaka and Timbuktu regions: the default view.
NORTHERN_MALI_BOUNDS = [[14.6, -4.2], [21.0, 4.4]]
DISPLAY_WINDOW_DAYS = 31  # how long a circle stays on the map after its event ends
APPROXIMATE_PRECISION = 2  # UCDP where_prec 2+ : not the exact spot
MIN_RADIUS, MAX_RADIUS = 4.0, 28.0
_MS_PER_DAY = 86_400_000
_EVENT_ID = re.compile(r"\bev-[0-9a-f]{10}\b")
# Aggregation levels tried in order, finest first: (grid step in degrees, period).
_AGGREGATION_LEVELS = [(0.1, "M"), (0.25, "M"), (0.5, "Q"), (1.0, "Q"), (1.0, "Y"), (2.0, "Y"), (5.0, "Y")]
_PERIOD_FORMAT = {"M": "%b %Y", "Q": "Q%q %Y", "Y": "%Y"}
# What build_map reads: it copies only these per located row, not the articles' long texts.
_MAP_COLUMNS = frozenset({
    "event_id", "title", "start_date", "end_date", "date_precision", "place", "latitude", "longitude",
    "location_precision", "side_a", "side_b", "side_c", "alignment_a", "alignment_b", "best_killed",
})

# What all circles of a kind share, indexed by a feature's "k"; circle_style adds the feature's own values.
CIRCLE_KINDS = (
    {"weight": 3, "opacity": 0.95, "fillOpacity": 0.8},  # an event at its exact place
    {"weight": 3, "opacity": 0.7, "fillOpacity": 0.3, "dashArray": "4 4"},  # an event at an approximate place
    {"color": "#ffffff", "weight": 1, "opacity": 0.9, "fillOpacity": 0.75},  # a count of aggregated events
)
EXACT, APPROXIMATE, AGGREGATE = range(len(CIRCLE_KINDS))
_CODED_COLOURS = [ALIGNMENT_COLOURS[alignment] for alignment in ALIGNMENTS]  # indexed by a feature's "a" and "b"

# circle_style in the browser; the tables are built once per page, not once per circle.
_POINT_TO_LAYER = JsCode(
    f"(function () {{ var colours = {json.dumps(_CODED_COLOURS)}, kinds = {json.dumps(CIRCLE_KINDS)}; "
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
    f"end: feature.properties.end + {DISPLAY_WINDOW_DAYS} * {_MS_PER_DAY}}}; }}"
)
_SLIDER_DATE = JsCode("function(date) { return moment.utc(date).format('D MMM YYYY'); }")


def event_id_from_tooltip(tooltip: str | None) -> str | None:
    """The event_id carried at the end of a marker tooltip (st_folium's last_object_clicked_tooltip)."""
    found = _EVENT_ID.findall(tooltip or "")
    return found[-1] if found else None


def tooltip_text(title: object, when: str, event_id: str) -> str:
    """Escaped tooltip: 'Battle of Anefis · 5 Jun 2013 · ev-…' (the id stays last)."""
    return js_safe_text(f"{title} · {when} · {event_id}")


def _number(value: object) -> float | None:
    """A finite number, or None for missing / unreadable values ("", NA, "dozens")."""
    try:
        number = float(value)  # pd.NA and None raise TypeError, "" raises ValueError
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def marker_radius(killed: object) -> float:
    """Circle radius in pixels: square root of the best casualty estimate; minimum when unknown."""
    number = _number(killed)
    if number is None or number <= 0:
        return MIN_RADIUS
    return min(MAX_RADIUS, MIN_RADIUS + 2.0 * math.sqrt(number))


def _alignment(value: object) -> str:
    text = str(value).strip().lower() if isinstance(value, str) else ""
    return text if text in ALIGNMENT_COLOURS else "unknown"


def _alignment_code(value: object) -> int:
    return ALIGNMENTS.index(_alignment(value))


def circle_style(properties: dict) -> dict:
    """Leaflet circleMarker options from a feature's compact properties, as its page computes them.

    "r": radius, "a": fill colour's alignment (index in ALIGNMENTS), "b": ring colour's alignment (events
    only), "k": index in CIRCLE_KINDS.
    """
    style = {"radius": properties["r"], "fillColor": _CODED_COLOURS[properties["a"]]}
    if "b" in properties:
        style["color"] = _CODED_COLOURS[properties["b"]]
    return style | CIRCLE_KINDS[properties["k"]]


def _event_shape(killed: object, precision: object) -> tuple[float, int]:
    """An event circle's radius and kind (EXACT or APPROXIMATE, drawn 4 px larger)."""
    level = _number(precision)
    kind = APPROXIMATE if level is not None and level >= APPROXIMATE_PRECISION else EXACT
    return round(marker_radius(killed) + (4 if kind == APPROXIMATE else 0), 1), kind


def marker_style(alignment_a: object, alignment_b: object, killed: object, precision: object) -> dict:
    """Leaflet circleMarker options of an event: fill = side a's alignment, outline = side b's."""
    radius, kind = _event_shape(killed, precision)
    return circle_style({"a": _alignment_code(alignment_a), "b": _alignment_code(alignment_b), "r": radius, "k": kind})


def _point(lon: float, lat: float, properties: dict) -> dict:
    geometry = {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _column(events: pd.DataFrame, name: str, default: object = None) -> pd.Series:
    return events[name] if name in events.columns else pd.Series(default, index=events.index, dtype=object)


def _ms(stamps: pd.Series) -> pd.Series:
    """UTC epoch milliseconds, whatever the datetime resolution pandas picked."""
    return (stamps - pd.Timestamp(0)) // pd.Timedelta(milliseconds=1)


def _days(values: pd.Series) -> pd.Series:
    """YYYY-MM-DD dates (NaT when unreadable), each distinct text parsed once: events share days."""
    codes, uniques = pd.factorize(values)
    days = pd.to_datetime(uniques, format="%Y-%m-%d", errors="coerce")
    return pd.Series(days.take(codes, allow_fill=True, fill_value=pd.NaT), index=values.index)


def located_events(events: pd.DataFrame) -> pd.DataFrame:
    """Rows with a usable coordinate and date, plus start_ms / end_ms (UTC epoch milliseconds).

    end_ms is the last millisecond of the end day; a missing end date means a one-day event.
    """
    lat = pd.to_numeric(_column(events, "latitude"), errors="coerce")
    lon = pd.to_numeric(_column(events, "longitude"), errors="coerce")
    start = _days(_column(events, "start_date"))
    end = _days(_column(events, "end_date")).fillna(start)
    ok = lat.between(-90, 90) & lon.between(-180, 180) & start.notna() & (end >= start)
    return events.loc[ok].assign(
        latitude=lat[ok].astype(float),
        longitude=lon[ok].astype(float),
        start_ms=_ms(start[ok]),
        end_ms=_ms(end[ok]) + _MS_PER_DAY - 1,
    )


def _distinct(values: pd.Series, how: Callable[[object], object]) -> tuple[np.ndarray, list]:
    """Each row's code into [how(v) for v in the distinct values] + [how(None)] (missing values take the last)."""
    codes, uniques = pd.factorize(values)
    return codes, [how(value) for value in uniques] + [how(None)]


def _per_combination(parts: list[np.ndarray], how: Callable[..., object]) -> np.ndarray:
    """how(*codes) for every row's combination of integer codes, called once per distinct combination."""
    combined = np.zeros(len(parts[0]), dtype=np.int64)
    for part in parts:
        shifted, span = _from_zero(part)
        # Renumbered after each step so the product stays below rows × span: no overflow.
        combined = pd.factorize(combined * span + shifted)[0].astype(np.int64)
    _, firsts, inverse = np.unique(combined, return_index=True, return_inverse=True)
    found = [how(*codes) for codes in zip(*(part[firsts].tolist() for part in parts))]
    return np.array(found, dtype=object)[inverse]


def _alignment_bits(alignments: frozenset[str]) -> int:
    return sum(1 << ALIGNMENTS.index(alignment) for alignment in alignments)


# Every set of alignments, indexed by its _alignment_bits.
_ALIGNMENT_SETS = [frozenset(a for i, a in enumerate(ALIGNMENTS) if bits >> i & 1)
                   for bits in range(1 << len(ALIGNMENTS))]


def _row_years(start_dates: pd.Series) -> tuple[np.ndarray, list]:
    """Each row's code into the distinct factions.event_year values (None when unreadable), and those values."""
    codes, years = _distinct(start_dates, event_year)
    return pd.factorize(np.array(years, dtype=object)[codes], use_na_sentinel=False)


def with_alignments(events: pd.DataFrame) -> pd.DataFrame:
    """Events plus alignment_a / alignment_b (factions.event_alignments of each row), unless already present.

    Computed once per distinct side cell, year and opponents' firm alignments, not per row.
    """
    if {"alignment_a", "alignment_b"} <= set(events.columns) or events.empty:
        return events
    year_codes, years = _row_years(_column(events, "start_date"))
    sides = [_distinct(_column(events, f"side_{letter}"), cell_parties) for letter in "abc"]

    def firm(codes: np.ndarray, parties: list) -> np.ndarray:
        """Each row's factions.firm_alignments of one side, as _alignment_bits."""
        return _per_combination([codes, year_codes], lambda c, y: _alignment_bits(
            firm_alignments(parties[c], years[y]))).astype(np.int64)

    def alignment(codes: np.ndarray, parties: list, against: np.ndarray) -> np.ndarray:
        """Each row's alignment of one side against its opponents' firm alignments (as bits)."""
        return _per_combination([codes, year_codes, against], lambda c, y, bits: side_alignment_against(
            parties[c], years[y], _ALIGNMENT_SETS[bits]))

    firm_a, firm_b, firm_c = (firm(*side) for side in sides)
    return events.assign(alignment_a=alignment(*sides[0], firm_b | firm_c),
                         alignment_b=alignment(*sides[1], firm_a | firm_c))


def best_estimates(claims: pd.DataFrame) -> pd.Series:
    """casualties.best_estimate of each event's claims, by event_id; events with no number of dead are left out.

    The same rule, over all claims at once: each "killed" claim's midpoint, the median per side, the sides added.
    """
    killed = claims.loc[claims["kind"].eq("killed").fillna(False).to_numpy(dtype=bool)]
    low, high = (np.trunc(pd.to_numeric(killed[end]).to_numpy(dtype="float64", na_value=np.nan))
                 for end in ("low", "high"))
    midpoints = np.where(np.isnan(low) | np.isnan(high), np.fmax(low, high), (low + high) / 2)
    event_codes, event_ids = pd.factorize(killed["event_id"], use_na_sentinel=False)
    side_codes = pd.factorize(killed["side"], use_na_sentinel=False)[0]
    table = pd.DataFrame({"event": event_codes, "side": side_codes, "mid": midpoints}).dropna()
    medians = table.groupby(["event", "side"], sort=False)["mid"].median()
    # Midpoints are halves of integers and medians quarters: every sum is exact, so rounding matches round().
    totals = medians.groupby(level="event", sort=False).sum().round()
    return pd.Series(totals.to_numpy(dtype=np.int64), index=pd.Index(event_ids).take(totals.index))


def with_best_killed(events: pd.DataFrame, claims: pd.DataFrame | None) -> pd.DataFrame:
    """Events plus best_killed (casualties.best_estimate of each event's claims), unless already present."""
    if "best_killed" in events.columns or claims is None:
        return events
    best = best_estimates(claims).reindex(events["event_id"].to_numpy())
    return events.assign(best_killed=best.astype("Int64").array)


def _memoised(how: Callable[[object], object], keys: Iterable[Hashable]) -> list:
    """[how(key) for key in keys], calling `how` once per distinct key (tables repeat values a lot).

    Keys that compare equal share one result, so `how` must not tell them apart (1 and 1.0, say).
    """
    cache: dict = {}
    found = []
    for key in keys:
        if key not in cache:
            cache[key] = how(key)
        found.append(cache[key])
    return found


def _coded(values: pd.Series, how: Callable[[object], str]) -> tuple[np.ndarray, np.ndarray]:
    """how(value) of every row as a code per row and the sorted distinct results.

    Calls `how` once per distinct value (missing values: how(None)); tables repeat the same few values.
    """
    codes, uniques = pd.factorize(values)
    found = [how(value) for value in uniques]
    if (codes < 0).any():
        found.append(how(None))  # code -1 takes the last item
    result_codes, results = pd.factorize(np.array(found, dtype=object), sort=True, use_na_sentinel=False)
    return result_codes[codes], np.asarray(results, dtype=object)


def _per_value(values: pd.Series, how: Callable[[object], str]) -> np.ndarray:
    """how(value) for every row, calling `how` once per distinct value (missing values: how(None))."""
    codes, results = _coded(values, how)
    return results[codes]


def _place_names(located: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's place name, the first part of "place" ("Anefis, Kidal Region, Mali" -> "Anefis"; "" if none).

    As a code per row and the sorted distinct names.
    """
    places = _column(located, "place", "").fillna("").astype(str)
    return _coded(places, lambda place: place.split(",")[0].strip())


def _marker_codes(located: pd.DataFrame) -> Iterable[tuple[int, int, float, int]]:
    """Each row's fill and ring alignment codes, radius and kind (see circle_style)."""
    fills = _per_value(_column(located, "alignment_a", "unknown"), _alignment_code).tolist()
    rings = _per_value(_column(located, "alignment_b", "unknown"), _alignment_code).tolist()
    shapes = _memoised(lambda key: _event_shape(*key), zip(_column(located, "best_killed").tolist(),
                                                            _column(located, "location_precision").tolist()))
    return ((fill, ring, radius, kind) for fill, ring, (radius, kind) in zip(fills, rings, shapes))


def _event_tooltips(located: pd.DataFrame) -> list[str]:
    """tooltip_text of every row, formatting each distinct date once."""
    dates = zip(map(str, located["start_date"].tolist()), map(str, located["end_date"].tolist()),
                located["date_precision"].tolist())
    whens = _memoised(lambda key: when_text(*key, short=True), dates)
    return [tooltip_text(title, when, event_id)
            for title, when, event_id in zip(located["title"].tolist(), whens, located["event_id"].tolist())]


def event_features(located: pd.DataFrame) -> list[dict]:
    """One lean GeoJSON point per event: event_id, start, end, tooltip and its compact style (circle_style)."""
    rows = zip(located["longitude"].tolist(), located["latitude"].tolist(), located["event_id"].tolist(),
               located["start_ms"].tolist(), located["end_ms"].tolist(),
               _marker_codes(located), _event_tooltips(located))
    return [
        _point(lon, lat, {"event_id": event_id, "start": int(start), "end": int(end),
                          "a": fill, "b": ring, "r": radius, "k": kind, "tooltip": tooltip})
        for lon, lat, event_id, start, end, (fill, ring, radius, kind), tooltip in rows
    ]


def _from_zero(values: np.ndarray) -> tuple[np.ndarray, int]:
    """Integers shifted to start at 0, and how many values their range spans."""
    low, high = (int(values.min()), int(values.max())) if len(values) else (0, 0)
    return values - low, high - low + 1


def _place_period_codes(located: pd.DataFrame, step: float, periods: pd.PeriodIndex) -> np.ndarray:
    """Per row, one integer for its (latitude cell, longitude cell, period), ordered like those keys."""
    # Spans are at most 1801 × 3601 × 120,000 monthly periods (years 1-9999): no int64 overflow.
    parts = [np.round(located["latitude"].to_numpy() / step).astype(np.int64),
             np.round(located["longitude"].to_numpy() / step).astype(np.int64),
             periods.asi8]
    codes = np.zeros(len(located), dtype=np.int64)
    for part in parts:
        shifted, span = _from_zero(part)
        codes = codes * span + shifted
    return codes


def aggregation_groups(located: pd.DataFrame, limit: int) -> tuple[np.ndarray, pd.PeriodIndex, float, str]:
    """Group located events by rounded place and period, coarsening until at most `limit` groups.

    Returns each row's group number (groups ordered by latitude cell, longitude cell, period),
    each group's period, and the grid step and period length used.
    """
    days = pd.DatetimeIndex(located["start_ms"].to_numpy().astype("datetime64[ms]"))
    periods: dict[str, pd.PeriodIndex] = {}
    for step, freq in _AGGREGATION_LEVELS:
        if freq not in periods:
            periods[freq] = days.to_period(freq)
        groups, keys = pd.factorize(_place_period_codes(located, step, periods[freq]), sort=True)
        if len(keys) <= limit:
            break
    ordinals = np.zeros(len(keys), dtype=np.int64)
    ordinals[groups] = periods[freq].asi8  # the rows of a group share its period
    return groups, pd.PeriodIndex.from_ordinals(ordinals, freq=freq), step, freq


def _most_common(groups: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """For each group number 0, 1, …, its most frequent code (vectorised; ties: the first seen)."""
    width = int(codes.max(initial=0)) + 1
    pair_ids, pairs = pd.factorize(groups.astype(np.int64) * width + codes)  # pairs in order of first appearance
    group = pairs // width
    order = np.lexsort((-np.bincount(pair_ids, minlength=len(pairs)), group))  # stable: ties stay first seen first
    firsts = order[np.unique(group[order], return_index=True)[1]]
    return pairs[firsts] % width


def aggregate_features(located: pd.DataFrame, limit: int) -> tuple[list[dict], str]:
    """Place × period count circles (at most `limit` unless the coarsest level is still bigger)."""
    groups, periods, step, freq = aggregation_groups(located, limit)
    table = located[["latitude", "longitude"]].groupby(groups, sort=True).agg(
        count=("latitude", "size"), latitude=("latitude", "mean"), longitude=("longitude", "mean"),
    )
    align_codes, aligns = _coded(_column(located, "alignment_a", "unknown"), _alignment_code)
    name_codes, names = _place_names(located)
    labels = _per_value(pd.Series(periods), lambda period: period.strftime(_PERIOD_FORMAT[freq]))
    rows = zip(table["longitude"].tolist(), table["latitude"].tolist(), table["count"].tolist(),
               _ms(pd.Series(periods.start_time)).tolist(), _ms(pd.Series(periods.end_time)).tolist(),
               aligns[_most_common(groups, align_codes)], names[_most_common(groups, name_codes)], labels)
    features = [
        _point(lon, lat, {
            "start": int(start),
            "end": int(end),
            "a": align,
            "r": round(min(MAX_RADIUS, MIN_RADIUS + 2.0 * math.sqrt(count)), 1),
            "k": AGGREGATE,
            "tooltip": js_safe_text(f"{name or 'area'} · {label} · {count} events (aggregated)"),
        })
        for lon, lat, count, start, end, align, name, label in rows
    ]
    unit = {"M": "month", "Q": "quarter", "Y": "year"}[freq]
    note = (f"Aggregated view: {len(located):,} events drawn as {len(features):,} circles "
            f"(one per ~{step:g}° area and {unit}). The table and exports list every event.")
    return features, note


class _Shared(dict):
    """A dict that deep copies share instead of copying: for data nothing changes once the map is built."""

    def __deepcopy__(self, memo: dict) -> _Shared:
        return self


class _PrebuiltTimeline(Timeline):
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


class _MapControl(MacroElement):
    """A fixed HTML box on the map (legend, notes); the HTML is inserted as a JSON string.

    A <details> box inside starts closed on maps narrower than 640 px so it does not cover the markers.
    """

    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
            div.innerHTML = {{ this.html|tojson }};
            var details = div.querySelector("details");
            if (details && map.getSize().x < 640) { details.open = false; }
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html_text: str, css_class: str, position: str, css: str = ""):
        super().__init__()
        self._name = "MapControl"
        self.html, self.css_class, self.position, self.css = html_text, css_class, position, css


_BOX_CSS = (
    ".leaflet-container{background:#dfe7ec}"
    ".mali-legend,.mali-note{background:rgba(255,255,255,.93);padding:4px 7px;border-radius:4px;"
    "font:11px/1.35 system-ui,sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:210px}"
    ".mali-legend summary{cursor:pointer;font-weight:600}"
    ".mali-legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;"
    "vertical-align:-1px}"
    ".mali-note{background:#fff6d5;border:1px solid #d9b650;max-width:300px}"
    ".mali-label{font:600 11px system-ui,sans-serif;color:#444;white-space:nowrap;"
    "text-shadow:0 0 3px #fff,0 0 3px #fff}"
    ".mali-country{font:italic 13px system-ui,sans-serif;color:#777;white-space:nowrap}"
)


def legend_html(aggregated: bool) -> str:
    """The legend's HTML, a collapsible box (every label escaped)."""
    colours = "".join(
        f'<div><i style="background:{ALIGNMENT_COLOURS[key]}"></i>{js_safe_text(ALIGNMENT_LABELS[key])}</div>'
        for key in ALIGNMENTS
    )
    lines = (["Fill: main alignment of side A", "Size: number of events"] if aggregated else
             ["Fill: side A · outline: side B", "Size: √ killed (best estimate); smallest: unknown",
              "Dashed, pale: approximate place"])
    lines.append(f"Shown until {DISPLAY_WINDOW_DAYS} days after the event")
    ring = (f'<div><i style="border:2px solid {SELECTED_COLOUR};width:6px;height:6px"></i>'
            f'{js_safe_text("Selected event")}</div>')
    notes = "".join(f"<div>{js_safe_text(line)}</div>" for line in lines)
    return f"<details open><summary>{js_safe_text('Legend')}</summary>{colours}{notes}{ring}</details>"


def _country_outlines(m: folium.Map) -> None:
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
        folium.Marker(country.latlng(), interactive=False, icon=folium.DivIcon(
            html=f'<span class="mali-country">{js_safe_text(country.name().title())}</span>',
            icon_size=(0, 0))).add_to(layer)
    layer.add_to(m)


def _place_labels(m: folium.Map, located: pd.DataFrame, limit: int = 12) -> None:
    """Names of the places with most events, so the map reads without tiles."""
    if located.empty or "place" not in located.columns:
        return
    codes, names = _place_names(located)
    named = names[codes] != ""
    frame = pd.DataFrame({"lat": located["latitude"].to_numpy()[named], "lon": located["longitude"].to_numpy()[named]})
    # Codes follow the names' order, so ties in the count rank as they would grouped by name.
    top = frame.groupby(codes[named]).agg(n=("lat", "size"), lat=("lat", "median"), lon=("lon", "median"))
    layer = folium.FeatureGroup(name="Place names", control=True)
    for code, row in top.sort_values("n", ascending=False).head(limit).iterrows():
        folium.Marker([row.lat, row.lon], interactive=False, icon=folium.DivIcon(
            html=f'<span class="mali-label">{js_safe_text(names[code])}</span>',
            icon_size=(0, 0), icon_anchor=(-8, 6))).add_to(layer)
    layer.add_to(m)


def _slider(timeline: Timeline, features: list[dict]) -> TimelineSlider:
    """A playable slider from the first start to the last end, stepping about a month at a time."""
    start = min(f["properties"]["start"] for f in features)
    end = max(f["properties"]["end"] for f in features)
    months = max(1, round((end - start) / (30.44 * _MS_PER_DAY)))
    slider = TimelineSlider(
        auto_play=False, start=start, end=end, steps=months, show_ticks=False,
        enable_keyboard_controls=True, playback_duration=min(60_000, max(5_000, months * 250)),
    )
    slider.options["format_output"] = _SLIDER_DATE  # UTC, so days don't shift with the viewer's zone
    return slider.add_timelines(timeline)


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
    radius = _event_shape(killed, precision)[0] + 7
    group = folium.FeatureGroup(name="Selected event", control=False)
    ring = folium.CircleMarker([row["latitude"], row["longitude"]], radius=radius, color=SELECTED_COLOUR,
                               weight=4, fill=False)
    ring.options["interactive"] = False  # folium drops this option; without it the ring swallows clicks
    ring.add_to(group)
    return group


def build_map(events: pd.DataFrame, *, claims: pd.DataFrame | None = None, selected_event_id: str | None = None,
              aggregate_above: int = 5000) -> folium.Map:
    """The events map: offline borders, one Timeline layer with slider, legend, optional OSM tiles.

    Colours come from "alignment_a"/"alignment_b" columns, computed by the factions rules when
    absent; sizes from "best_killed", computed from `claims` when absent and claims are given.
    """
    m = folium.Map(tiles=None, prefer_canvas=True, control_scale=True, zoom_snap=0.25)
    # Our map uses Leaflet only: no Bootstrap, jQuery, Font Awesome or awesome-markers.
    m.default_js = [(name, url) for name, url in m.default_js if name == "leaflet"]
    m.default_css = [(name, url) for name, url in m.default_css if name == "leaflet_css"]
    # An overlay above the offline basemap: online it covers it, offline its tiles just fail.
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online only)", overlay=True, show=False).add_to(m)
    _country_outlines(m)
    located = with_alignments(located_events(events[[c for c in events.columns if c in _MAP_COLUMNS]]))
    _place_labels(m, located)
    aggregated = len(located) > aggregate_above
    if aggregated:
        features, note = aggregate_features(located, aggregate_above)
    else:
        features, note = event_features(with_best_killed(located, claims)), ""
    if features:
        timeline = _PrebuiltTimeline(
            features, point_to_layer=_POINT_TO_LAYER, on_each_feature=_ON_EACH_FEATURE, get_interval=_DISPLAY_INTERVAL,
        )
        timeline.layer_name = "Events"
        timeline.add_to(m)
        _slider(timeline, features).add_to(m)
    else:
        note = "No located events match the current filters."
    if len(located) < len(events):
        missing = len(events) - len(located)
        note = f"{note} {missing:,} of {len(events):,} events have no map location or date; the table lists them.".strip()
    ring = selection_layer(events, selected_event_id, claims)
    if ring is not None:
        ring.add_to(m)
    _MapControl(legend_html(aggregated), "mali-legend", "topright", _BOX_CSS).add_to(m)
    if note:
        _MapControl(js_safe_text(note), "mali-note", "topleft").add_to(m)
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    m.fit_bounds(NORTHERN_MALI_BOUNDS)
    return m
