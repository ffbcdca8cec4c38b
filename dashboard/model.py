"""The shared data model: events, casualty claims and problems, as plain dataclasses.

Every later stage (geocoding, filters, map, export) reads these or the DataFrames
made from them; the column lists below are the CSV contract.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SIDE_LETTERS = "abcdefgh"

EVENT_COLUMNS = [
    "event_id", "title", "kind", "start_date", "end_date", "date_precision",
    "place", "region", "latitude", "longitude", "location_precision", "location_source",
    "side_a", "side_b", "side_c", "parties_a", "parties_b", "parties_c", "commanders_a", "commanders_b", "commanders_c",
    "strength_a", "strength_b", "strength_c", "result", "part_of", "summary",
    "source_file", "also_described_in", "origins", "sections", "infobox",
]
# Where an event's fields came from (Event.origins values): the infobox, the lead, the event's own sections
# ("body"), the title, or the page around the article (a coordinate line).
ORIGINS = ("infobox", "lead", "body", "title", "page")
# The long article text of an event: most of a large catalogue's memory, read per event when a store holds it.
TEXT_COLUMNS = ("summary", "sections", "infobox")
CLAIM_COLUMNS = ["event_id", "side", "kind", "low", "high", "claimed_by", "text"]
PROBLEM_COLUMNS = ["source_file", "event_id", "stage", "reason"]


class ParseError(ValueError):
    """Base of the project's own named errors: a value in an article could not be read."""


class DateError(ParseError):
    """A date is missing, malformed or impossible."""


class CoordinateError(ParseError):
    """A coordinate is malformed or out of range."""


class CasualtyError(ParseError):
    """A casualty figure cannot be trusted (negative, absurd)."""


class ArticleError(ParseError):
    """A whole article cannot be read (empty, binary, no recognisable structure)."""


@dataclass(frozen=True)
class DateRange:
    start: str  # ISO date, YYYY-MM-DD
    end: str  # ISO date, YYYY-MM-DD, never before start
    precision: str  # "day", "month" or "year"


@dataclass
class Claim:
    """One casualty figure as one source stated it."""
    side: str  # "a", "b", "c"… (belligerent columns) or "civilian"
    kind: str  # killed, injured, captured, missing, vehicles destroyed, vehicles captured, displaced, unknown
    # side: "unknown" when the page no longer shows whose figure it is (a problem says so)
    low: int | None
    high: int | None
    claimed_by: str  # "" when the article does not say who claimed it
    text: str  # the article's own words for this figure


# The stage of the data flow a problem comes from: a closed set, each with what it means for a user.
STAGES = {
    "read": "the file could not be read as text (empty, binary, not in a known encoding, cut off)",
    "parse": "the article's structure: no infobox or title found, a field given twice, a cut-off field",
    "date": "the event's date: missing, impossible, or taken from the lead instead of the infobox",
    "place": "the event's place as written: missing, or taken from the title or the lead",
    "coordinates": "the article's own coordinate line could not be used",
    "casualties": "a casualty figure that could not be used as a claim, or whose side the page does not show",
    "sides": "the event's sides: a side the infobox does not name, taken from the lead or the event's sections",
    "related": "a related-article summary that describes an event but could not be placed in time",
    "gazetteer": "a row of the gazetteer file that could not be used",
    "geocode": "placing the event on the map: unknown place, rejected coordinates, a choice between homonyms",
}


@dataclass
class Problem:
    source_file: str
    event_id: str
    stage: str  # one of STAGES
    reason: str

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"unknown problem stage {self.stage!r}; stages are {', '.join(STAGES)}")


@dataclass
class Event:
    event_id: str
    title: str
    kind: str  # "article" or "related"
    source_file: str
    start_date: str = ""
    end_date: str = ""
    date_precision: str = ""
    place: str = ""
    region: str = ""
    latitude: float | None = None
    longitude: float | None = None
    location_precision: int | None = None  # UCDP GED where_prec, 1 (exact) … 6 (country)
    location_source: str = ""  # "article" (its own coordinate line), "gazetteer: <name>", …
    sides: list[list[str]] = field(default_factory=list)  # one list of parties per side
    commanders: list[list[str]] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    result: str = ""
    part_of: str = ""
    summary: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)  # (heading, text)
    infobox: dict[str, str] = field(default_factory=dict)  # every infobox field, as written
    claims: list[Claim] = field(default_factory=list)
    also_described_in: list[str] = field(default_factory=list)  # sources merged into this event
    # Where each field came from: {"date": "infobox", "place": "title", "side_b": "lead", …} (values: ORIGINS,
    # "infobox+lead" for a side the prose completed).
    origins: dict[str, str] = field(default_factory=dict)


def make_event_id(source_file: str, title: str, start_date: str) -> str:
    """A short id that stays the same across runs and machines for the same article event."""
    key = f"{source_file.rsplit('/', 1)[-1]}|{title.strip().casefold()}|{start_date}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
