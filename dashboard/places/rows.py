"""The gazetteer file: its rows as `Place`s, and a problem with its line number for every row that cannot be one.

Bad rows (a coordinate that is not a number or out of range, no name, bytes that are not UTF-8) are skipped and
reported; the valid rows still serve. A missing optional column gets its default.
"""
from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dashboard.model import Problem

REQUIRED_COLUMNS = ("name", "alt_names", "kind", "region", "country", "latitude", "longitude", "source")
OPTIONAL_COLUMNS = ("precision", "note", "cercle", "source_kind")
# Without these a row cannot be a place at all; the other columns get defaults when missing.
ESSENTIAL_COLUMNS = ("name", "latitude", "longitude")
HOME_COUNTRY = "ML"
# UCDP where_prec of a row when its precision column is empty: what its kind of place allows.
PRECISION_BY_KIND = {"region": 4, "country": 6, "cercle": 3, "valley": 2, "wadi": 2, "area": 2, "commune": 2}
# Rows that stand for a stretch of land rather than a spot: an event placed there is drawn as an area.
AREA_KINDS = frozenset({"region", "country", "cercle", "area", "massif", "forest", "valley", "wadi", "lake"})
STAGE = "gazetteer"


@dataclass(frozen=True)
class Place:
    """One gazetteer row."""
    name: str
    alt_names: tuple[str, ...]
    kind: str
    region: str  # admin-1 region of Mali as the gazetteer spells it ("Ménaka"), "" outside Mali
    country: str  # ISO 3166-1 alpha-2
    latitude: float
    longitude: float
    precision: int  # UCDP where_prec of the row's own point
    source: str
    note: str = ""
    line: int = 0
    cercle: str = ""  # admin-2 cercle
    source_kind: str = ""  # wikipedia, geonames, battle-article, derived

    @property
    def foreign(self) -> bool:
        return self.country.upper() not in ("", HOME_COUNTRY)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.alt_names)

    @property
    def point(self) -> tuple[float, float]:
        return self.latitude, self.longitude

    @property
    def is_area(self) -> bool:
        """A region, cercle, country or stretch of land (massif, valley, forest), not a settlement."""
        return self.kind in AREA_KINDS or self.precision >= 3

    @property
    def address(self) -> str:
        if self.kind == "country":
            return self.name
        if self.foreign:
            return f"{self.name}, {self.country}"
        if self.kind == "region" or not self.region:
            return f"{self.name}, Mali"
        return f"{self.name}, {self.region} Region, Mali"

    def row(self) -> dict[str, Any]:
        """The gazetteer row as a plain dict (what `Location.raw["place"]` carries)."""
        return {"name": self.name, "alt_names": "; ".join(self.alt_names), "kind": self.kind,
                "region": self.region, "cercle": self.cercle, "country": self.country, "latitude": self.latitude,
                "longitude": self.longitude, "precision": self.precision, "source": self.source,
                "source_kind": self.source_kind, "note": self.note, "line": self.line, "foreign": self.foreign}


def gazetteer_problem(source_file: str, reason: str) -> Problem:
    return Problem(source_file=source_file, event_id="", stage=STAGE, reason=reason)


def read_places(path: str | Path) -> tuple[list[Place], list[Problem]]:
    """The valid rows of a gazetteer CSV, and a problem (with its line) for each row or file fault."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [gazetteer_problem(path.name, f"cannot read the gazetteer file: {err}")]
    return parse_places(data, path.name)


def parse_places(data: bytes, label: str) -> tuple[list[Place], list[Problem]]:
    """`read_places` on the file's bytes; `label` names the file in the problems."""
    text, bad_lines = _decode(data)
    problems = [gazetteer_problem(label, f"line {n}: not UTF-8 text; row skipped") for n in sorted(bad_lines)]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems.append(gazetteer_problem(label, f"line 1: missing column(s) {', '.join(missing)}"))
    if any(c in missing for c in ESSENTIAL_COLUMNS):
        return [], problems
    places: list[Place] = []
    previous = reader.line_num
    for record in reader:
        first, previous = previous + 1, reader.line_num
        if any(n in bad_lines for n in range(first, previous + 1)):
            continue
        place, row_problems = _place(record, first, label, "precision" in header)
        problems.extend(row_problems)
        if place is not None:
            places.append(place)
    return places, problems


def _decode(data: bytes) -> tuple[str, set[int]]:
    """The file as text, and the numbers of lines that were not valid UTF-8."""
    try:
        return data.decode("utf-8-sig"), set()
    except UnicodeDecodeError:
        pass
    bad: set[int] = set()
    lines = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            bad.add(number)
            lines.append(raw.decode("utf-8", errors="replace"))
    return "\n".join(lines), bad


def _place(record: dict[str | None, Any], line: int, label: str, has_precision: bool
           ) -> tuple[Place | None, list[Problem]]:
    """One CSV row as a Place, or None with the reasons it cannot be one."""
    get = lambda column: (record.get(column) or "").strip()  # noqa: E731
    name = get("name")
    if not any(get(c) for c in REQUIRED_COLUMNS):
        return None, []  # a blank line
    if not name:
        return None, [gazetteer_problem(label, f"line {line}: row has no name; skipped")]
    problems: list[Problem] = []
    if record.get(None):
        problems.append(gazetteer_problem(label, f"line {line}: '{name}' has more fields than the header has columns"))
    latitude, lat_error = _coordinate(get("latitude"), "latitude", 90.0)
    longitude, lon_error = _coordinate(get("longitude"), "longitude", 180.0)
    errors = [e for e in (lat_error, lon_error) if e]
    if errors:
        return None, problems + [gazetteer_problem(label, f"line {line}: '{name}' {e}; row skipped") for e in errors]
    kind = get("kind").lower()
    precision = PRECISION_BY_KIND.get(kind, 1)
    if has_precision and get("precision"):
        if re.fullmatch(r"[1-6]", get("precision")):
            precision = int(get("precision"))
        else:
            problems.append(gazetteer_problem(label, f"line {line}: '{name}' precision '{get('precision')}' is not "
                                                     f"1-6; using {precision}"))
    if not get("source"):
        problems.append(gazetteer_problem(label, f"line {line}: '{name}' has no source for its coordinate"))
    alt_names = tuple(a.strip() for a in get("alt_names").split(";") if a.strip())
    return Place(name=name, alt_names=alt_names, kind=kind, region=get("region"),
                 country=(get("country") or HOME_COUNTRY).upper(), latitude=latitude, longitude=longitude,
                 precision=precision, source=get("source"), note=get("note"), line=line, cercle=get("cercle"),
                 source_kind=get("source_kind")), problems


def _coordinate(text: str, what: str, limit: float) -> tuple[float, str]:
    """A validated decimal degree, or the reason it is not one (geopy's Point would wrap 181 to -179)."""
    try:
        value = float(text)
    except ValueError:
        return math.nan, f"{what} '{text}' is not a number"
    if not math.isfinite(value) or abs(value) > limit:
        return math.nan, f"{what} {text} is outside ±{limit:g}"
    return value, ""
