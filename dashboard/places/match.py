"""What the gazetteer answers: a small typed value for one match, and the geopy `Location` built from it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geopy.location import Location
from geopy.point import Point

from dashboard.places.rows import Place


@dataclass(frozen=True)
class PlaceMatch:
    """One place a query or a text names, and how.

    `precision` is the UCDP GED where_prec the wording allows (1 exact place, 2 within ~25 km, 3 cercle,
    4 region, 5 larger area or between places, 6 country). `how` is how the phrase relates to the place: name,
    relative ("near", "15 km west of"), cercle, between, several, mention (found in free text), reverse.
    `spelling` says how the name matched: exact, variant (transliteration) or fuzzy, with `score` for fuzzy.
    `choice` is why this row and not a homonym (empty when the name has one place); `others` are the homonyms;
    `choice_named` says the article itself named the row's cercle, region or country (not a guess).
    """
    place: Place
    precision: int
    how: str
    query: str
    point: tuple[float, float]
    address: str
    spelling: str = "exact"
    score: float = 100.0
    written: str = ""  # the name as the text writes it
    relation: str = ""  # the words that relate the event to the place ("fifteen kilometers west")
    distance_km: float | None = None
    places: tuple[Place, ...] = ()  # every place a between/several phrase names, in order
    spread_km: float | None = None
    choice: str = ""
    others: tuple[Place, ...] = ()
    choice_named: bool = False
    offset: int | None = None  # where a mention starts in its text

    @property
    def latitude(self) -> float:
        return self.point[0]

    @property
    def longitude(self) -> float:
        return self.point[1]

    @property
    def foreign(self) -> bool:
        return self.place.foreign

    @property
    def is_area(self) -> bool:
        """The point stands for a stretch of land (a region, cercle, massif; between places), not a spot."""
        return self.precision >= 3 or self.place.is_area or self.how == "between"

    @property
    def country_only(self) -> bool:
        return self.precision >= 6

    def location(self) -> Location:
        """The geopy Location of this match; `raw` carries the row and the match's fields for geopy users."""
        raw: dict[str, Any] = {"place": self.place.row(), "match": self.how, "precision": self.precision,
                               "query": self.query, "foreign": self.foreign, "spelling": self.spelling}
        optional = {"relation": self.relation or None, "distance_km": self.distance_km,
                    "places": [p.row() for p in self.places] or None, "spread_km": self.spread_km,
                    "choice": self.choice or None, "others": [p.row() for p in self.others] or None,
                    "offset": self.offset, "text": self.written if self.offset is not None else None,
                    "score": self.score if self.spelling == "fuzzy" else None}
        raw.update({k: v for k, v in optional.items() if v is not None})
        return Location(self.address, Point(*self.point), raw)
