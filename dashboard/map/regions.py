"""Mali's regions, its neighbours' borders and the Niger river on the offline map, from `data/regions/`.

The outlines are Natural Earth's (public domain; see data/regions/README.md), drawn in the basemap's pane over its
coarser country outlines, under the events (and under any online tiles). Natural Earth draws Mali's regions as
they were before 2016: Ménaka is still inside Gao and Taoudénit inside Tombouctou, which the map's note says; an
event's region comes from the gazetteer, not from these polygons. Everything is one GeoJSON layer and one label
element: every folium element costs a template compile on each render of the map.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import folium
from branca.element import MacroElement
from folium.template import Template

from dashboard import paths
from dashboard.map.basemap import BASEMAP_PANE
from dashboard.map.controls import MapControl
from dashboard.text.escape import js_safe_text

REGIONS_DIR = paths.DATA_DIR / "regions"
# The basemap's colours (basemap.country_outlines): these finer outlines are drawn over its coarser ones.
STYLES = {
    "neighbour": {"color": "#9a9a9a", "weight": 1, "fillColor": "#ece8df", "fillOpacity": 1},
    "region": {"stroke": False, "fillColor": "#fbf8f1", "fillOpacity": 1},
    "boundary": {"color": "#8c8270", "weight": 1.2, "opacity": 0.9, "dashArray": "6 5", "fill": False},
    "border": {"color": "#444", "weight": 2.5, "fill": False},
    "river": {"color": "#5b9bd5", "weight": 2, "opacity": 0.85, "fill": False},
}
REGIONS_NOTE = ("Region lines: Natural Earth, drawn as before 2016 (Ménaka still inside Gao, Taoudénit inside "
                "Tombouctou); each event's region comes from the gazetteer.")
REGION_CSS = (".mali-region{font:italic 600 11px system-ui,sans-serif;color:#8c8270;white-space:nowrap;"
              "text-shadow:0 0 3px #fff,0 0 3px #fff;letter-spacing:.04em}"
              ".mali-regions-note{background:rgba(255,255,255,.85);padding:2px 6px;border-radius:3px;"
              "font:10px/1.3 system-ui,sans-serif;color:#555;max-width:330px}"
              ".mali-regions-note summary{cursor:pointer;font-weight:600}")


class RegionLabels(MacroElement):
    """The regions' names, written as text (never as HTML) at their label points, in the parent layer."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.labels|tojson }}.forEach(function (label) {
            var text = document.createElement("span");
            text.className = "mali-region";
            text.textContent = label.name;
            L.marker([label.lat, label.lon], {interactive: false, keyboard: false, icon: L.divIcon({
                className: "", html: text, iconSize: [0, 0], iconAnchor: [label.name.length * 3, 6]})})
             .addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
    """)

    def __init__(self, labels: list[dict]):
        super().__init__()
        self._name = "RegionLabels"
        self.labels = labels


@lru_cache(maxsize=None)
def load_outlines(name: str, folder: Path = REGIONS_DIR) -> dict | None:
    """One of the region files (mali_regions, neighbours, rivers) as GeoJSON; None when it is not shipped."""
    path = folder / f"{name}.geojson"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


@lru_cache(maxsize=None)
def basemap_outlines(folder: Path = REGIONS_DIR) -> tuple[dict, list[dict]] | None:
    """Every outline to draw as one FeatureCollection (each feature's "layer" names its style), and the labels."""
    regions = load_outlines("mali_regions", folder)
    if regions is None:
        return None
    inner, border = boundary_lines(regions)
    features = [_with_layer(f, "neighbour") for f in (load_outlines("neighbours", folder) or {}).get("features", [])]
    features += [_with_layer(f, "region") for f in regions["features"]]
    features += [_lines(inner, "boundary"), _lines(border, "border")]
    features += [_with_layer(f, "river") for f in (load_outlines("rivers", folder) or {}).get("features", [])]
    labels = [{"name": f["properties"]["name"], **dict(zip(("lat", "lon"), label_point(f["geometry"])))}
              for f in regions["features"]
              if f["properties"].get("name") and f["properties"].get("note") != "capital district"]
    return {"type": "FeatureCollection", "features": features}, labels


def region_outlines(m: folium.Map, folder: Path = REGIONS_DIR) -> None:
    """Neighbours, Mali's border and its regions (dashed, named) and the Niger, in the basemap's pane, over the
    basemap's coarser outlines and under the events."""
    drawn = basemap_outlines(folder)
    if drawn is None:
        return
    outlines, labels = drawn
    if not _has_pane(m):
        folium.map.CustomPane(BASEMAP_PANE, z_index=150, pointer_events=False).add_to(m)
    layer = folium.FeatureGroup(name="Regions and the Niger (offline)", control=True)
    folium.GeoJson(outlines, style_function=lambda feature: STYLES[feature["properties"]["layer"]],
                   interactive=False, pane=BASEMAP_PANE).add_to(layer)
    RegionLabels(labels).add_to(layer)
    layer.add_to(m)
    note = f"<details open><summary>{js_safe_text('Regions')}</summary>{js_safe_text(REGIONS_NOTE)}</details>"
    MapControl(note, "mali-regions-note", "bottomleft", REGION_CSS).add_to(m)  # closed on narrow maps


def _with_layer(feature: dict, layer: str) -> dict:
    return {**feature, "properties": {**feature.get("properties", {}), "layer": layer}}


def boundary_lines(regions: dict) -> tuple[list[list[tuple[float, float]]], list[list[tuple[float, float]]]]:
    """The regions' shared edges (inner boundaries) and the edges only one region has (the national border),
    each chained into lines of [lon, lat] points."""
    count: dict[frozenset, int] = {}
    for ring in _rings(regions):
        for a, b in zip(ring, ring[1:]):
            if a != b:
                edge = frozenset((tuple(a), tuple(b)))
                count[edge] = count.get(edge, 0) + 1
    inner = [tuple(e) for e, n in count.items() if n > 1]
    outer = [tuple(e) for e, n in count.items() if n == 1]
    return _chain(inner), _chain(outer)


def _rings(collection: dict) -> list[list[list[float]]]:
    rings = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings += [ring for polygon in polygons for ring in polygon]
    return rings


def _chain(edges: list[tuple]) -> list[list[tuple[float, float]]]:
    """Join edges that meet end to end into as few lines as possible."""
    touching: dict[tuple, list[int]] = {}
    for i, (a, b) in enumerate(edges):
        touching.setdefault(a, []).append(i)
        touching.setdefault(b, []).append(i)
    used = [False] * len(edges)
    lines = []
    for i in range(len(edges)):
        if used[i]:
            continue
        used[i] = True
        line = list(edges[i])
        for grow_at_end in (True, False):
            while True:
                tip = line[-1] if grow_at_end else line[0]
                nxt = next((j for j in touching[tip] if not used[j]), None)
                if nxt is None:
                    break
                used[nxt] = True
                a, b = edges[nxt]
                point = b if a == tip else a
                line.append(point) if grow_at_end else line.insert(0, point)
        lines.append(line)
    return lines


def _lines(lines: list[list[tuple[float, float]]], layer: str) -> dict:
    geometry = {"type": "MultiLineString", "coordinates": [[list(p) for p in line] for line in lines]}
    return {"type": "Feature", "properties": {"layer": layer}, "geometry": geometry}


def _has_pane(m: folium.Map) -> bool:
    return any(isinstance(child, folium.map.CustomPane) and child.name == BASEMAP_PANE
               for child in m._children.values())


def label_point(geometry: dict) -> list[float]:
    """[lat, lon] of the area-weighted centroid of a polygon's largest outer ring (where its name is written)."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    ring = max((polygon[0] for polygon in polygons), key=lambda r: abs(_ring_area(r)))
    area = _ring_area(ring)
    if not area:
        lons, lats = zip(*ring)
        return [sum(lats) / len(lats), sum(lons) / len(lons)]
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        cross = x1 * y2 - x2 * y1
        cx, cy = cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    return [cy / (6 * area), cx / (6 * area)]


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:])) / 2
