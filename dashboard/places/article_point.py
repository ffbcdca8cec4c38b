"""Whether an article's own coordinate line can be used for the place it names.

It is used when it agrees with the gazetteer's point for that place (within `AGREE_KM`), or when there is no
precise place to compare it with. It is rejected, with a problem that says which, when it is:
- the point of the foreign twin of the place (Tin Zaouatine in Algeria for Tinzaouaten in Mali);
- another known place's point (mirrors copy Ménaka's point onto Andéramboukane's page);
- the place's point with a sign flipped (0.30° W for 0.30° E) or latitude and longitude swapped;
- outside Mali while the place it names is in Mali.
Any other disagreement keeps the article's point (it may be the battle site beside the town) and says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from countryinfo import CountryInfo
from geopy.distance import geodesic

from dashboard.places.gazetteer import Gazetteer
from dashboard.places.match import PlaceMatch

AGREE_KM = 10.0
COPY_KM = 1.0  # an article point this close to another row's point is that row's point


@dataclass(frozen=True)
class Verdict:
    """Whether to keep the article's point, what to tell the user, and which match gives the event's region."""
    keep: bool
    reason: str = ""
    region_from: PlaceMatch | None = None


def judge_article_point(point: tuple[float, float], match: PlaceMatch | None, said: str, gazetteer: Gazetteer
                        ) -> Verdict:
    """The verdict on an article's point for the place it names (`said`: what named it, for the message)."""
    if match is None or match.precision > 3:
        return Verdict(True, region_from=_nearest_settlement(point, gazetteer) or match)
    distance = geodesic(point, match.point).km
    article = f"article coordinates ({point[0]:.4f}, {point[1]:.4f})"
    named = f"'{match.place.name}' ({match.latitude:.4f}, {match.longitude:.4f}) for '{said}'"
    rejected = rejection(point, match, gazetteer, distance)
    if rejected:
        return Verdict(False, f"{article} {rejected}, {distance:.0f} km from gazetteer {named}; placed at the "
                              f"gazetteer's point instead", match)
    if distance <= AGREE_KM:
        return Verdict(True, region_from=match)
    return Verdict(True, f"{article} are {distance:.0f} km from gazetteer {named}; kept the article's",
                   _nearest_settlement(point, gazetteer) or match)


def rejection(point: tuple[float, float], match: PlaceMatch, gazetteer: Gazetteer, distance: float) -> str:
    """Why the article's point cannot be the place's ('' when nothing says so)."""
    place = match.place
    for twin in gazetteer.twins(place):
        to_twin = geodesic(point, twin.point).km
        if to_twin <= COPY_KM and to_twin < distance:
            return (f"are the point of {twin.name} ({gazetteer.country_name(twin.country)}), the foreign twin of "
                    f"{place.name} ({gazetteer.country_name(place.country)}), {to_twin:.1f} km away")
    if distance <= AGREE_KM:
        return ""
    for fixed, what in _slips(point):
        if geodesic(fixed, place.point).km <= AGREE_KM:
            return f"are {place.name}'s point with {what}"
    if not place.foreign and not _within_mali(*point):
        return "lie outside Mali"
    for other in gazetteer.nearest(point, COPY_KM, malian_towns_only=False):
        if geodesic(other.place.point, place.point).km > AGREE_KM:
            return (f"are the point of another place, {other.place.name} ({other.distance_km:.1f} km away; a line "
                    f"copied from its page)")
    return ""


def _slips(point: tuple[float, float]) -> list[tuple[tuple[float, float], str]]:
    lat, lon = point
    return [((lat, -lon), "the longitude's sign flipped"), ((-lat, lon), "the latitude's sign flipped"),
            ((-lat, -lon), "both signs flipped"), ((lon, lat), "latitude and longitude swapped")]


def _nearest_settlement(point: tuple[float, float], gazetteer: Gazetteer) -> PlaceMatch | None:
    """The settlement nearest a point, within 25 km, in Mali or abroad."""
    near = [m for m in gazetteer.nearest(point, malian_towns_only=False) if not m.place.is_area]
    return near[0] if near else None


@lru_cache(maxsize=1)
def _mali_extent() -> tuple[float, float, float, float]:
    """South, north, west and east edges of Mali, from the country outline the map draws (countryinfo)."""
    ring = CountryInfo("MLI").geo_json()["features"][0]["geometry"]["coordinates"][0]
    lons, lats = zip(*ring)
    return min(lats), max(lats), min(lons), max(lons)


def _within_mali(lat: float, lon: float) -> bool:
    """False for a point certainly outside Mali (outside its bounding box); border areas count as inside."""
    south, north, west, east = _mali_extent()
    return south <= lat <= north and west <= lon <= east
