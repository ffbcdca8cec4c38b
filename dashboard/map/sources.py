"""One map layer per dataset (UCDP GED squares, ACLED triangles) beside the articles' circles, each its own
toggle in the layer control and played by the same time slider; coloured like every event (fill side A, ring
side B) and aggregated per place and period on its own above a few thousand events."""
from __future__ import annotations

import json

import pandas as pd
from folium.utilities import JsCode

from dashboard.casualties.estimate import with_best_killed
from dashboard.map.aggregate import aggregate_features
from dashboard.map.features import event_features
from dashboard.map.style import CIRCLE_KINDS, CODED_COLOURS
from dashboard.map.timeline import PrebuiltTimeline, events_timeline
from dashboard.text.escape import js_safe_text

# kind -> (shape drawn, layer name in the layer control, legend words)
SOURCE_LAYERS = {
    "ucdp": ("square", "UCDP GED events (squares)", "■ UCDP GED event"),
    "acled": ("triangle", "ACLED events (triangles)", "▲ ACLED event"),
}
# A circle marker drawn as a square or a triangle on the map's canvas (clicks and tooltips stay a circle's).
_SHAPED_POINT = """(function () {{
  var colours = {colours}, kinds = {kinds};
  var Shaped = L.CircleMarker.extend({{
    _updatePath: function () {{
      var renderer = this._renderer, ctx = renderer._ctx;
      if (!ctx) {{ return L.CircleMarker.prototype._updatePath.call(this); }}
      if (!renderer._drawing || this._empty()) {{ return; }}
      var p = this._point, s = Math.max(Math.round(this._radius), 1);
      ctx.beginPath();
      if (this.options.shape === "triangle") {{
        ctx.moveTo(p.x, p.y - 1.2 * s); ctx.lineTo(p.x + 1.1 * s, p.y + 0.7 * s); ctx.lineTo(p.x - 1.1 * s, p.y + 0.7 * s);
        ctx.closePath();
      }} else {{
        ctx.rect(p.x - 0.85 * s, p.y - 0.85 * s, 1.7 * s, 1.7 * s);
      }}
      renderer._fillStroke(ctx, this);
    }}
  }});
  return function (feature, latlng) {{
    var p = feature.properties, style = {{radius: p.r, fillColor: colours[p.a], shape: {shape}}};
    if (p.b !== undefined) {{ style.color = colours[p.b]; }}
    return new Shaped(latlng, Object.assign(style, kinds[p.k]));
  }};
}})()"""


def shaped_point(shape: str) -> JsCode:
    """The pointToLayer of a dataset's layer: its events as `shape`, styled from their codes as circles are."""
    return JsCode(_SHAPED_POINT.format(colours=json.dumps(CODED_COLOURS), kinds=json.dumps(CIRCLE_KINDS),
                                       shape=json.dumps(shape)))


def split_sources(located: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """The articles' located events, and each dataset's (by kind), in that order."""
    if "kind" not in located.columns:
        return located, {}
    from_datasets = located["kind"].isin(list(SOURCE_LAYERS)).to_numpy(dtype=bool, na_value=False)
    if not from_datasets.any():  # the articles alone: nothing to split
        return located, {}
    theirs = located[from_datasets]
    kinds = theirs["kind"].to_numpy()
    own = {kind: theirs[kinds == kind] for kind in SOURCE_LAYERS if (kinds == kind).any()}
    return located[~from_datasets], own


def source_layers(by_source: dict[str, pd.DataFrame], claims: pd.DataFrame | None,
                  aggregate_above: int) -> tuple[list[tuple[PrebuiltTimeline, list[dict]]], list[str]]:
    """A Timeline layer per dataset with its features, and a note for each one drawn aggregated."""
    layers, notes = [], []
    for kind, located in by_source.items():
        shape, name, _legend = SOURCE_LAYERS[kind]
        if len(located) > aggregate_above:
            features, note = aggregate_features(located, aggregate_above)
            notes.append(f"{name.split(' (')[0]}: {note}")
        else:
            features = event_features(with_best_killed(located, claims))
        if not features:
            continue
        timeline = events_timeline(features)
        timeline.options["point_to_layer"] = shaped_point(shape)
        timeline.layer_name = name
        layers.append((timeline, features))
    return layers, notes


def legend_lines(kinds: list[str]) -> str:
    """The legend's lines for the datasets on the map (HTML, escaped)."""
    if not kinds:
        return ""
    lines = ["● article event", *(SOURCE_LAYERS[k][2] for k in kinds)]
    return "".join(f"<div>{js_safe_text(line)}</div>" for line in lines)
