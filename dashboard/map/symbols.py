"""Event types as symbols: one outline per type (views.event_types), drawn by the page on its canvas and in the
legend as SVG from the same points. Each outline covers the area of a circle of the same radius, so a symbol's
size still reads as the number killed whatever its shape."""
from __future__ import annotations

import math

from dashboard.views.event_types import TYPE_LABELS, TYPE_NAMES, UNKNOWN

Outline = list[tuple[float, float]]  # points around (0, 0), radius 1 = the marker's radius, y pointing down
MAX_EXTENT = 1.45  # thin outlines (a cross) grow to cover a circle's area, but never more than this


def _regular(sides: int, rotation: float = 0.0) -> Outline:
    return [(math.cos(rotation + 2 * math.pi * k / sides), math.sin(rotation + 2 * math.pi * k / sides))
            for k in range(sides)]


def _star(points: int, inner: float) -> Outline:
    return [((1 if k % 2 == 0 else inner) * math.cos(-math.pi / 2 + math.pi * k / points),
             (1 if k % 2 == 0 else inner) * math.sin(-math.pi / 2 + math.pi * k / points)) for k in range(2 * points)]


def _cross(width: float, turn: float) -> Outline:
    """A plus (turn 0) or an X (turn pi/4) of arms `width` wide."""
    w = width / 2
    arm = [(w, -1), (w, -w), (1, -w), (1, w), (w, w), (w, 1), (-w, 1), (-w, w), (-1, w), (-1, -w), (-w, -w), (-w, -1)]
    cos, sin = math.cos(turn), math.sin(turn)
    return [(x * cos - y * sin, x * sin + y * cos) for x, y in arm]


_RAW: dict[str, Outline | None] = {
    "battle": [(-1, -1), (1, -1), (1, 1), (-1, 1)],  # square
    "clash": [(0, -1), (1, 0), (0, 1), (-1, 0)],  # diamond
    "ambush": [(-0.8, -1), (1, 0), (-0.8, 1)],  # triangle pointing right
    "attack": [(0, -1), (1, 0.8), (-1, 0.8)],  # triangle pointing up
    "raid": _regular(5, -math.pi / 2),  # pentagon
    "siege": _regular(6),  # hexagon
    "airstrike": [(-1, -0.8), (1, -0.8), (0, 1)],  # triangle pointing down: from the air
    "bombardment": _star(8, 0.55),  # a burst
    "offensive": [(0, -1), (1, 0), (0.4, 0), (0.4, 1), (-0.4, 1), (-0.4, 0), (-1, 0)],  # arrow
    "massacre": _cross(0.55, math.pi / 4),  # X
    "hostage-taking": _star(5, 0.45),  # star
    UNKNOWN: None,  # circle
}


def _area(outline: Outline) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(outline, outline[1:] + outline[:1]))) / 2


def _scaled(outline: Outline | None) -> Outline | None:
    """The outline scaled to a unit circle's area (capped at MAX_EXTENT), rounded for a small page."""
    if outline is None:
        return None
    extent = max(max(abs(x), abs(y)) for x, y in outline)
    factor = min(math.sqrt(math.pi / _area(outline)), MAX_EXTENT / extent)
    return [(round(x * factor, 3), round(y * factor, 3)) for x, y in outline]


OUTLINES: dict[str, Outline | None] = {name: _scaled(_RAW[name]) for name in TYPE_NAMES}
TYPE_CODES = {name: code for code, name in enumerate(TYPE_NAMES)}  # a feature's "t"


def type_code(event_type: object) -> int:
    return TYPE_CODES.get(event_type if isinstance(event_type, str) else UNKNOWN, TYPE_CODES[UNKNOWN])


def outlines_by_code() -> list[Outline | None]:
    """The outlines indexed by type code, as the page receives them."""
    return [OUTLINES[name] for name in TYPE_NAMES]


def symbol_svg(event_type: str, fill: str = "#8a96a3", stroke: str = "#333", size: int = 14) -> str:
    """The type's symbol as a small inline SVG (legend entries)."""
    outline = OUTLINES[event_type]
    box = f'viewBox="-1.5 -1.5 3 3" width="{size}" height="{size}" aria-hidden="true"'
    style = f'fill="{fill}" stroke="{stroke}" stroke-width="0.22"'
    if outline is None:
        return f'<svg {box}><circle r="1" {style}/></svg>'
    path = "M" + " L".join(f"{x:g} {y:g}" for x, y in outline) + " Z"
    return f'<svg {box}><path d="{path}" {style}/></svg>'


def type_label(event_type: str) -> str:
    return TYPE_LABELS.get(event_type, event_type)
