"""Where an event comes from, on the map: the articles' events as they are, a dataset's (UCDP GED, ACLED) drawn
in the same events layer and time bar with a thin dotted ring of their own, so the three can be told apart
while the fill and ring colours keep meaning side A and side B; the legend says which is which."""
from __future__ import annotations

import folium
import numpy as np
import pandas as pd

from dashboard.text.escape import js_safe_text
from dashboard.views.filters import ARTICLES, SOURCES

# Index 0 is the articles (no change); then each dataset kind: its style over the event's own, and legend words.
SOURCE_KINDS = (ARTICLES, "ucdp", "acled")
SOURCE_STYLES = (
    {},
    {"dashArray": "1 3", "weight": 2, "fillOpacity": 0.45},
    {"dashArray": "6 2 1 2", "weight": 2, "fillOpacity": 0.45},
)
_RINGS = {"ucdp": "dotted ring", "acled": "dash-dot ring"}
SOURCE_LEGEND = {kind: f"{SOURCES[kind]} event: {ring}" for kind, ring in _RINGS.items()}
# Each dataset's line in the layer control: unticking it hides that source's events (js/events_layer.js).
SOURCE_NAMES = ("", *(f"{SOURCES[kind]} events" for kind in SOURCE_KINDS[1:]))


def source_codes(located: pd.DataFrame) -> np.ndarray:
    """Per row the index in SOURCE_KINDS (0 for an article's event or a related summary)."""
    if "kind" not in located.columns:
        return np.zeros(len(located), dtype=int)
    kinds = located["kind"].astype("object").to_numpy()
    codes = np.zeros(len(located), dtype=int)
    for code, kind in enumerate(SOURCE_KINDS[1:], start=1):
        codes[kinds == kind] = code
    return codes


def legend_lines(located: pd.DataFrame) -> str:
    """The legend's lines for the datasets among the located events (HTML, escaped; "" when there are none)."""
    shown = [SOURCE_KINDS[c] for c in sorted(set(source_codes(located).tolist())) if c]
    if not shown:
        return ""
    lines = ["Solid ring: an article's event", *(SOURCE_LEGEND[k] for k in shown)]
    return "".join(f"<div>{js_safe_text(line)}</div>" for line in lines)


def source_toggles(m: folium.Map, data) -> None:
    """A layer-control line per dataset on the map (an empty group the events layer listens to), so each source can
    be hidden and shown like a layer of its own; none when the events are counted per area (aggregated)."""
    if data.aggregated:
        return
    for code in sorted(set(source_codes(data.located).tolist()) - {0}):
        folium.FeatureGroup(name=SOURCE_NAMES[code], overlay=True, show=True).add_to(m)
