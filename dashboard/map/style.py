"""How an event looks on the map: colours by alignment, size by the best estimate of killed, dashed when the
place is approximate. A feature carries compact codes (circle_style); the page turns them into Leaflet styles."""
from __future__ import annotations

import math

from dashboard.parties import ALIGNMENTS


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
APPROXIMATE_PRECISION = 2  # UCDP where_prec 2+ : not the exact spot
AREA_PRECISION = 3  # UCDP where_prec 3+ : somewhere in a cercle, region or wider area, drawn as an area
AREA_RADIUS = 24.0
MIN_RADIUS, MAX_RADIUS = 4.0, 28.0
# What all circles of a kind share, indexed by a feature's "k"; circle_style adds the feature's own values.
CIRCLE_KINDS = (
    {"weight": 3, "opacity": 0.95, "fillOpacity": 0.8},  # an event at its exact place
    {"weight": 3, "opacity": 0.7, "fillOpacity": 0.3, "dashArray": "4 4"},  # an event at an approximate place
    {"color": "#ffffff", "weight": 1, "opacity": 0.9, "fillOpacity": 0.75},  # a count of aggregated events
    {"weight": 2, "opacity": 0.75, "fillOpacity": 0.1, "dashArray": "2 5"},  # an event somewhere in an area
)
EXACT, APPROXIMATE, AGGREGATE, AREA = range(len(CIRCLE_KINDS))
CODED_COLOURS = [ALIGNMENT_COLOURS[alignment] for alignment in ALIGNMENTS]  # indexed by a feature's "a" and "b"


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


def alignment_code(value: object) -> int:
    return ALIGNMENTS.index(_alignment(value))


def circle_style(properties: dict) -> dict:
    """Leaflet circleMarker options from a feature's compact properties, as its page computes them.

    "r": radius, "a": fill colour's alignment (index in ALIGNMENTS), "b": ring colour's alignment (events
    only), "k": index in CIRCLE_KINDS.
    """
    style = {"radius": properties["r"], "fillColor": CODED_COLOURS[properties["a"]]}
    if "b" in properties:
        style["color"] = CODED_COLOURS[properties["b"]]
    return style | CIRCLE_KINDS[properties["k"]]


def event_shape(killed: object, precision: object) -> tuple[float, int]:
    """An event circle's radius and kind (EXACT; APPROXIMATE, drawn 4 px larger; AREA, a wide faint ring)."""
    level = _number(precision)
    if level is not None and level >= AREA_PRECISION:
        return max(AREA_RADIUS, round(marker_radius(killed) + 8, 1)), AREA
    kind = APPROXIMATE if level is not None and level >= APPROXIMATE_PRECISION else EXACT
    return round(marker_radius(killed) + (4 if kind == APPROXIMATE else 0), 1), kind


def marker_style(alignment_a: object, alignment_b: object, killed: object, precision: object) -> dict:
    """Leaflet circleMarker options of an event: fill = side a's alignment, outline = side b's."""
    radius, kind = event_shape(killed, precision)
    return circle_style({"a": alignment_code(alignment_a), "b": alignment_code(alignment_b), "r": radius, "k": kind})
