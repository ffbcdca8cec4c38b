"""The legend under the map (the page puts it below the time bar, never over the markers), the map's notes
(aggregated view, unlocated events, no match), and MapControl: any layer's own box of HTML, shown under the map too."""
from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from dashboard.map.style import ALIGNMENT_COLOURS, ALIGNMENT_LABELS, SELECTED_COLOUR
from dashboard.map.symbols import symbol_svg, type_label
from dashboard.parties import ALIGNMENTS
from dashboard.text.escape import js_safe_text
from dashboard.views.event_types import TYPE_NAMES


class MapControl(MacroElement):
    """A box of HTML (already escaped) that a layer adds to the map, e.g. a note on its data. The page shows it under
    the map with the time bar and legend, never over the markers; a <details> box inside starts closed on narrow
    maps. `position` is kept for callers written for a box on the map; boxes now all go under it."""

    _template = Template("""
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        (window.maliMapBoxes = window.maliMapBoxes || []).push(
            {html: {{ this.html|tojson }}, className: {{ this.css_class|tojson }}});
        {% endmacro %}
    """)

    def __init__(self, html_text: str, css_class: str, position: str = "bottomleft", css: str = ""):
        super().__init__()
        self._name = "MapControl"
        self.html, self.css_class, self.position, self.css = html_text, css_class, position, css


def _entry(icon: str, label: str) -> str:
    return f"<span>{icon}{js_safe_text(label)}</span>"


def _swatch(colour: str, *, ring: bool = False, dashed: bool = False) -> str:
    stroke = f'stroke="{colour}" stroke-width="3"' if ring else f'fill="{colour}" stroke="#555" stroke-width="0.5"'
    dash = ' stroke-dasharray="3 2"' if dashed else ""
    fill = ' fill="none"' if ring else ""
    return (f'<svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="5" '
            f'{stroke}{fill}{dash}/></svg>')


def _heading(text: str) -> str:
    return f'<b class="mali-legend-heading">{js_safe_text(text)}</b>'


def legend_html(aggregated: bool, more: str = "") -> str:
    """The legend's HTML (every label escaped): alignments, event types, size and place precision, selection;
    `more` is other layers' lines (HTML, escaped by them)."""
    colours = "".join(_entry(_swatch(ALIGNMENT_COLOURS[key]), ALIGNMENT_LABELS[key]) for key in ALIGNMENTS)
    rows = [_heading("Fill: side A, outline: side B" if not aggregated else "Fill: side A of most events") + colours]
    if aggregated:
        rows.append(_heading("Counts") + _entry(_swatch("#9e9e9e"), "one circle per area; size: number of events"))
    else:
        rows.append(_heading("Shape: type") + "".join(_entry(symbol_svg(name), type_label(name)) for name in TYPE_NAMES))
        rows.append(_heading("Size: √ killed (best estimate), smallest: unknown")
                    + _entry(_swatch("#9e9e9e", ring=True, dashed=True), "approximate place")
                    + _entry(_swatch("#9e9e9e", ring=True, dashed=True).replace('r="5"', 'r="6.5"')
                             .replace('stroke-width="3"', 'stroke-width="1.5"'), "wide faint ring: somewhere in a cercle or region")
                    + _entry('<svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true"><path d="M2 12L11 3" '
                             'stroke="#444"/><circle cx="2" cy="12" r="2" fill="#444"/></svg>', "events at one place, spread")
                    + _entry(_swatch(SELECTED_COLOUR, ring=True), "selected event"))
    if aggregated:
        rows.append(_entry(_swatch(SELECTED_COLOUR, ring=True), "selected event"))
    if more:
        rows.append(more)
    body = "".join(f'<div class="mali-legend-rows">{row}</div>' for row in rows)
    return f"<summary>{js_safe_text('Legend')}</summary>{body}"


def notes_html(lines: list[str]) -> str:
    """The map's notes as escaped HTML, one line each."""
    return "<br>".join(js_safe_text(line) for line in lines if line)
