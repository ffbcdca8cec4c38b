"""Coordinate pairs as articles write them: DMS, decimal degrees, plain "lat; lon", {{coord|…}} wikitext.

Wikipedia's coordinate line gives one place several ways ("18°26′28″N 1°24′26″E / 18.4411°N 1.4072°E /
18.4411; 1.4072"). The first line of text that holds a pair is read; of the forms on it the decimal one
is used (it carries the article's own rounding), after checking that every form names the same point.
Values are validated here (not with geopy's Point, which wraps longitude 181 to -179).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.model import CoordinateError

# Forms of one place on one line may differ by rounding: up to half a minute of arc for a DMS form
# written to the minute. Anything further apart is two different places.
AGREEMENT_DEGREES = 1 / 60 + 0.001

_NUMBER = r"\d{1,3}(?:[.,]\d+)?"
_HEMISPHERES = {
    "n": 1, "north": 1, "nord": 1, "s": -1, "south": -1, "sud": -1,
    "e": 1, "east": 1, "est": 1, "w": -1, "west": -1, "o": -1, "ouest": -1,
}
_LATITUDE_HEMISPHERES = {"n", "north", "nord", "s", "south", "sud"}

# One angle with its hemisphere: 18°26′28″N, 18.4411°N, 20° 01′ 26″ nord. The hemisphere may be glued to
# the next number ("…″N1°24′…").
_ANGLE = re.compile(
    rf"(?<![\d.,])(?P<sign>[-−])?(?P<deg>{_NUMBER})\s*[°º˚]\s*"
    rf"(?:(?P<min>{_NUMBER})\s*[′'’]\s*)?"
    rf"(?:(?P<sec>{_NUMBER})\s*(?:″|\"|''|’’|′′|”)\s*)?"
    r"(?P<hem>(?i:nord|sud|ouest|est|north|south|east|west)(?![^\W\d_])|[NSEWO](?![^\W\d_]))"
)
# "18.4411; 1.4072": both numbers need a decimal part, so prose like "5, 2013" is not a coordinate.
_PLAIN_PAIR = re.compile(
    r"(?<![\d.,°])(?P<lat>[-−]?\d{1,3}\.\d{2,})\s*[;,]\s*(?P<lon>[-−]?\d{1,3}\.\d{2,})(?![\d.°′])"
)
_WIKITEXT = re.compile(r"\{\{\s*coord\s*\|(?P<args>[^{}]*)\}\}", re.I)
_PAIR_GAP = re.compile(r"[\s,;]*")


@dataclass(frozen=True)
class _Found:
    lat: float
    lon: float
    decimal: bool  # written as decimal degrees (preferred) rather than degrees/minutes/seconds
    position: int


def _number(text: str) -> float:
    return float(text.replace(",", ".").replace("−", "-"))


def _angle(deg: str, minutes: str | None, seconds: str | None, hem: str, written: str) -> float:
    """Signed degrees from one DMS/decimal angle; minutes and seconds must be below 60."""
    value = _number(deg)
    for part, name in ((minutes, "minutes"), (seconds, "seconds")):
        if part is not None and _number(part) >= 60:
            raise CoordinateError(f"{name} must be below 60 in coordinate {written!r}")
    value += (_number(minutes) if minutes else 0) / 60 + (_number(seconds) if seconds else 0) / 3600
    return value * _HEMISPHERES[hem.casefold()]


def _checked(lat: float, lon: float, written: str) -> tuple[float, float]:
    if not -90 <= lat <= 90:
        raise CoordinateError(f"latitude {lat:g} is outside -90..90 in {written!r}")
    if not -180 <= lon <= 180:
        raise CoordinateError(f"longitude {lon:g} is outside -180..180 in {written!r}")
    return lat, lon


def _angle_pairs(line: str) -> list[_Found]:
    """DMS and hemisphere-decimal pairs: a latitude angle directly followed by a longitude angle."""
    angles = []
    for m in _ANGLE.finditer(line):
        if m["sign"]:  # "-19.465°N": is it north or south? Guessing would put the event in the wrong hemisphere
            raise CoordinateError(f"a minus sign and a hemisphere letter contradict each other in {m.group()!r}")
        value = _angle(m["deg"], m["min"], m["sec"], m["hem"], m.group())
        is_lat = m["hem"].casefold() in _LATITUDE_HEMISPHERES
        _checked(value, 0, m.group()) if is_lat else _checked(0, value, m.group())  # a lone "95°N" is wrong too
        is_decimal = m["min"] is None and m["sec"] is None and "." in m["deg"].replace(",", ".")
        angles.append((m, value, is_lat, is_decimal))
    found = []
    for (m1, lat, lat_first, dec1), (m2, lon, lat_second, dec2) in zip(angles, angles[1:]):
        if lat_first and not lat_second and _PAIR_GAP.fullmatch(line, m1.end(), m2.start()):
            found.append(_Found(*_checked(lat, lon, line[m1.start():m2.end()]), dec1 and dec2, m1.start()))
    return found


def _plain_pairs(line: str) -> list[_Found]:
    return [
        _Found(*_checked(_number(m["lat"]), _number(m["lon"]), m.group()), True, m.start())
        for m in _PLAIN_PAIR.finditer(line)
    ]


def _wikitext_pairs(line: str) -> list[_Found]:
    """{{coord|18|26|28|N|1|24|26|E}}, {{coord|18.44|N|1.40|E}}, {{coord|18.4411|1.4072}}."""
    found = []
    for m in _WIKITEXT.finditer(line):
        args = [a.strip() for a in m["args"].split("|")]
        args = [a for a in args if a and "=" not in a and ":" not in a]
        hems = [i for i, a in enumerate(args) if a.casefold() in _HEMISPHERES]
        try:
            if len(hems) >= 2:
                lat_parts, lon_parts = args[:hems[0]], args[hems[0] + 1:hems[1]]
                if not 1 <= len(lat_parts) <= 3 or not 1 <= len(lon_parts) <= 3:
                    raise CoordinateError(f"cannot read coordinate {m.group()!r}")
                lat = _angle(*(lat_parts + [None, None])[:3], args[hems[0]], m.group())
                lon = _angle(*(lon_parts + [None, None])[:3], args[hems[1]], m.group())
                decimal = len(lat_parts) == 1 and len(lon_parts) == 1
            elif len(args) >= 2 and not hems:
                lat, lon, decimal = _number(args[0]), _number(args[1]), True
            else:
                raise CoordinateError(f"cannot read coordinate {m.group()!r}")
        except ValueError:
            raise CoordinateError(f"cannot read coordinate {m.group()!r}") from None
        found.append(_Found(*_checked(lat, lon, m.group()), decimal, m.start()))
    return found


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the first coordinate line in text, rounded to 4 decimals; None if there is none.

    Raises CoordinateError for out-of-range values, minutes/seconds of 60 or more, or forms on one
    line that disagree.
    """
    for line in text.splitlines():
        found = sorted(_wikitext_pairs(line) + _angle_pairs(line) + _plain_pairs(line), key=lambda f: f.position)
        if not found:
            continue
        best = next((f for f in found if f.decimal), found[0])
        for other in found:
            if abs(other.lat - best.lat) > AGREEMENT_DEGREES or abs(other.lon - best.lon) > AGREEMENT_DEGREES:
                raise CoordinateError(
                    f"coordinate forms disagree in {line.strip()!r}: "
                    f"{best.lat:.4f}, {best.lon:.4f} vs {other.lat:.4f}, {other.lon:.4f}"
                )
        return round(best.lat, 4) + 0.0, round(best.lon, 4) + 0.0
    return None
