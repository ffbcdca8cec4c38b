"""The map's Control layer: at the slider's date, each place with a known holder as a square in the holder's
camp colour (two colours: held jointly, or disputed when the articles disagree; dashed then). Clicking a square
opens the place's control timeline: every period and every statement with its article and section."""
from __future__ import annotations

import json

import pandas as pd
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from dashboard.map.features import point
from dashboard.map.style import CODED_COLOURS, alignment_code
from dashboard.map.timeline import PrebuiltTimeline
from dashboard.text.escape import js_safe_text
from dashboard.text.when import day_text
from dashboard.views.control import by_date
from dashboard.views.history import statement_text, statement_when

LAYER_NAME = "Control (who held each place)"
DRAWN_PRECISION = 2  # a region's or cercle's point is not a place a holder can be drawn at
OPEN_END_MS = 4_102_444_800_000  # 2100-01-01: a period still open when the articles stop
SENTENCE_CHARACTERS = 260
CONTROL_CSS = (".mali-control{width:14px;height:14px;border:2px solid #fff;box-shadow:0 0 0 1px #333;"
               "box-sizing:border-box}.mali-control.disputed{border:2px dashed #fff}"
               ".mali-control-popup{max-height:260px;overflow-y:auto;font:12px/1.35 system-ui,sans-serif}"
               ".mali-control-popup li{margin-bottom:4px}.mali-control-popup q{color:#444}")
_POINT_TO_LAYER = JsCode(
    f"(function () {{ var colours = {json.dumps(CODED_COLOURS)}; "
    "return function (feature, latlng) { var p = feature.properties, a = colours[p.a], b = colours[p.b]; "
    "var html = '<div class=\"mali-control' + (p.d ? ' disputed' : '') + '\" style=\"background:linear-gradient('"
    "+ '135deg,' + a + ' 50%,' + b + ' 50%)\"></div>'; "
    "return L.marker(latlng, {icon: L.divIcon({html: html, className: '', iconSize: [14, 14], iconAnchor: [-4, 18]}), "
    "zIndexOffset: 1000}); }; })()"
)
_ON_EACH_FEATURE = JsCode(
    "function(feature, layer) { layer.bindTooltip(feature.properties.tooltip, {sticky: true}); "
    "layer.bindPopup(function () { return window.maliControlPopups[feature.properties.place] || ''; }, "
    "{maxWidth: 380}); }"
)
_INTERVAL = JsCode("function(feature) { return {start: feature.properties.start, end: feature.properties.end}; }")


class ControlPopups(MacroElement):
    """Every drawn place's timeline, once per place (its squares share it), as a page-wide lookup."""

    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}window.maliControlPopups = {{ this.popups }};{% endmacro %}
    """)

    def __init__(self, popups: dict[str, str]):
        super().__init__()
        self._name = "ControlPopups"
        self.popups = json.dumps(popups, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        self.css = CONTROL_CSS


def control_features(periods: pd.DataFrame) -> list[dict]:
    """One square per period with a known holder at a place drawn on the map (not a camp inside it)."""
    drawn = periods[(periods["site"] == "") & periods["alignments"].map(bool) & periods["latitude"].notna()
                    & (periods["location_precision"].fillna(1) <= DRAWN_PRECISION)]
    features = []
    for row in drawn.itertuples(index=False):
        start = _ms(row.start)
        end = _ms(row.end) - 1 if row.end else OPEN_END_MS
        if end <= start:
            continue  # taken and left the same day: in the timeline, not on the slider
        first, second = row.alignments[0], row.alignments[-1]
        held = "disputed: " if row.disputed else "held by "
        until = f"until {day_text(row.end, row.end_precision)}" if row.end else "last stated"
        tooltip = js_safe_text(f"{row.place} · {held}{'; '.join(row.holders)} · from "
                               f"{day_text(row.start, row.precision)}"
                               f", {until} · click for its control timeline")
        features.append(point(row.longitude, row.latitude, {
            "start": start, "end": end, "a": alignment_code(first), "b": alignment_code(second),
            "d": int(bool(row.disputed)), "place": row.place_key, "tooltip": tooltip}))
    return features


def control_popups(periods: pd.DataFrame, control: pd.DataFrame) -> dict[str, str]:
    """Per drawn place, its timeline as escaped HTML: the periods, then every statement with its sources, and the
    statements about its camps and other parts."""
    out: dict[str, str] = {}
    places = periods[periods["site"] == ""]
    for key, rows in places.groupby("place_key", sort=False):
        place = rows.iloc[0]["place"]
        lines = [f"<b>Who held {js_safe_text(place)}</b><ul>"]
        for row in rows.itertuples(index=False):
            until = day_text(row.end, row.end_precision) if row.end else "the last statement"
            who = ("disputed: " if row.disputed else "") + ("; ".join(row.holders) or
                                                            f"no known holder (left by {row.left_by})")
            lines.append(f"<li>{js_safe_text(day_text(row.start, row.precision))} to {js_safe_text(until)}: "
                         f"{js_safe_text(who)}</li>")
        lines.append("</ul><b>What the articles say</b><ul>")
        statements = by_date(control[control["place"] == place])
        lines += [_statement_html(row) for _, row in statements.iterrows()]
        out[key] = "".join(lines) + "</ul>"
    return {key: f'<div class="mali-control-popup">{html}</div>' for key, html in out.items()}


def control_layer(periods: pd.DataFrame, control: pd.DataFrame) -> tuple[PrebuiltTimeline, ControlPopups] | None:
    """The Control timeline layer and its popups, or None when no place has a holder to draw."""
    features = control_features(periods)
    if not features:
        return None
    timeline = PrebuiltTimeline(features, point_to_layer=_POINT_TO_LAYER, on_each_feature=_ON_EACH_FEATURE,
                                get_interval=_INTERVAL)
    timeline.layer_name = LAYER_NAME
    return timeline, ControlPopups(control_popups(periods, control))


def slider_extent(features: list[dict]) -> list[dict]:
    """The squares as the slider should count them: from their start, not to the open end of a last period."""
    return [{"properties": {"start": f["properties"]["start"], "end": f["properties"]["start"]}} for f in features]


def legend_lines() -> str:
    """The Control layer's lines of the map legend."""
    square = ('<i style="border-radius:0;background:linear-gradient(135deg,#1f4e9c 50%,#f39c12 50%)"></i>')
    return (f"<div>{square}{js_safe_text('Square: who held the place at the slider date')}</div>"
            f"<div>{js_safe_text('two colours: held jointly, or disputed (dashed); click it for its sources')}</div>")


def _statement_html(row: pd.Series) -> str:
    sentence = row["sentence"] if len(row["sentence"]) <= SENTENCE_CHARACTERS else \
        row["sentence"][:SENTENCE_CHARACTERS - 1] + "…"
    source = row["source_file"] + (f" · {row['section']}" if row["section"] else "")
    return (f"<li>{js_safe_text(statement_when(row))}: {js_safe_text(statement_text(row))}<br>"
            f"<q>{js_safe_text(sentence)}</q> <small>({js_safe_text(source)})</small></li>")


def _ms(day: str) -> int:
    return int(pd.Timestamp(day).value // 1_000_000) if day else 0

