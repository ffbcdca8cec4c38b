"""Boxes fixed on the map: the legend and the notes (aggregated view, unlocated events, no match)."""
from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from dashboard.map.style import ALIGNMENT_COLOURS, ALIGNMENT_LABELS, SELECTED_COLOUR
from dashboard.map.timeline import DISPLAY_WINDOW_DAYS
from dashboard.parties import ALIGNMENTS
from dashboard.text.escape import js_safe_text


class MapControl(MacroElement):
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


BOX_CSS = (
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


def legend_html(aggregated: bool, more: str = "") -> str:
    """The legend's HTML, a collapsible box (every label escaped); `more` is the HTML of other layers' lines."""
    colours = "".join(
        f'<div><i style="background:{ALIGNMENT_COLOURS[key]}"></i>{js_safe_text(ALIGNMENT_LABELS[key])}</div>'
        for key in ALIGNMENTS
    )
    lines = (["Fill: main alignment of side A", "Size: number of events"] if aggregated else
             ["Fill: side A · outline: side B", "Size: √ killed (best estimate); smallest: unknown",
              "Dashed, pale: approximate place", "Wide faint ring: somewhere in a cercle or region"])
    lines.append(f"Shown until {DISPLAY_WINDOW_DAYS} days after the event")
    ring = (f'<div><i style="border:2px solid {SELECTED_COLOUR};width:6px;height:6px"></i>'
            f'{js_safe_text("Selected event")}</div>')
    notes = "".join(f"<div>{js_safe_text(line)}</div>" for line in lines)
    return f"<details open><summary>{js_safe_text('Legend')}</summary>{colours}{notes}{ring}{more}</details>"
