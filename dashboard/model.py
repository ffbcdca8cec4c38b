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
FIELD_ORIGINS = ("infobox", "lead", "body", "title", "page")
# The long article text of an event: most of a large catalogue's memory, read per event when a store holds it.
TEXT_COLUMNS = ("summary", "sections", "infobox")
CLAIM_COLUMNS = ["event_id", "claim_id", "side", "kind", "low", "high", "claimed_by", "claimant_org", "text", "words",
                 "origin", "section", "sentence", "stated_on", "revised_by", "part_of", "footnote", "reference",
                 "reference_publisher", "reference_url"]
# Where a claim is read: the infobox, the lead or a body section; one claim read in both places has both.
ORIGINS = ("infobox", "lead", "body", "infobox+lead", "infobox+body")
PROBLEM_COLUMNS = ["source_file", "event_id", "stage", "reason"]
# control.csv and episodes.csv: what the user reads first, then the rest of the statement as data.
CONTROL_COLUMNS = ["place", "date_start", "date_end", "precision", "holder", "previous", "sentence", "source_file",
                   "section", "latitude", "longitude", "background", "change", "site", "place_as_written",
                   "holder_parties", "previous_parties", "holder_alignment", "previous_alignment", "location_precision",
                   "region", "origin", "event_id"]
EPISODE_COLUMNS = ["event_id", "date_start", "date_end", "precision", "place", "latitude", "longitude", "sentence",
                   "date_as_written", "place_as_written", "place_role", "location_precision", "actor", "actor_parties",
                   "section", "source_file", "origin", "position"]


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
    side: str  # "a", "b", "c"… (belligerent columns), "civilian", or "unknown" when the text does not say
    # killed, injured, captured, missing, executed, vehicles destroyed, vehicles captured, aircraft lost, displaced,
    # unknown
    kind: str
    low: int | None
    high: int | None
    claimed_by: str  # "" when the article does not say who claimed it; "Souleymane Maiga (Mali)" for a person
    text: str  # the article's own words for this figure: the infobox's, else the phrase in the sentence
    claimant_org: str = ""  # the party or outlet the claimant speaks for ("Mali", "MNLA", "Malijet")
    words: str = ""  # the figure as written ("ten", "a dozen", "over 125", "dozens")
    origin: str = "infobox"  # one of ORIGINS
    section: str = ""  # the heading of the section the sentence is in ("" for the lead and the infobox)
    sentence: str = ""  # the whole sentence of the lead or body that states it ("" when only the infobox does)
    stated_on: str = ""  # ISO date of the statement, when the text gives it
    claim_id: str = ""  # "c1", "c2"… within the event; the claims table makes it unique with the event id
    revised_by: str = ""  # claim_id of the later figure of the same claimant that revised this one
    part_of: str = ""  # claim_id of the total this figure is a part of ("111 killed, including 47 MAA")
    footnote: str = ""  # the reference marker after the sentence ("7")
    reference: str = ""  # that reference's title
    reference_publisher: str = ""
    reference_url: str = ""


@dataclass(frozen=True)
class Reference:
    """One entry of an article's References list."""
    number: int
    title: str
    publisher: str = ""
    date: str = ""  # ISO at the precision written ("2014-08-19", "2014-08", "2014"); "" when not given
    url: str = ""
    text: str = ""  # the entry as written


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
    references: list[Reference] = field(default_factory=list)  # the article's References list
    also_described_in: list[str] = field(default_factory=list)  # sources merged into this event
    # Where each field came from: {"date": "infobox", "place": "title", "side_b": "lead", …} (values: FIELD_ORIGINS,
    # "infobox+lead" for a side the prose completed).
    origins: dict[str, str] = field(default_factory=dict)


def make_event_id(source_file: str, title: str, start_date: str) -> str:
    """A short id that stays the same across runs and machines for the same article event."""
    key = f"{source_file.rsplit('/', 1)[-1]}|{title.strip().casefold()}|{start_date}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass
class ControlChange:
    """A place taken, held or left, as one sentence of an article states it ("The Malian Army seized control of
    Kidal on November 14"). An empty date_start (or date_end) is a bound the text does not give ("by October 31")."""
    event_id: str
    source_file: str
    origin: str  # "infobox" (its Result field), "lead", "body", or "related" (a related-article summary)
    section: str  # the heading as written, "" for the lead
    sentence: str
    change: str  # took, recaptured, held, abandoned, evacuated, withdrew
    place_as_written: str  # "the town of Anefis", "the city" (which the place column names)
    place: str  # the gazetteer's name of the place, else the name as written
    site: str = ""  # the part of the place meant ("camp", "military camp number 1"); "" for the place itself
    date_start: str = ""
    date_end: str = ""
    precision: str = ""  # day, month, year; "" when undated
    holder: str = ""  # who took or held it, as written ("MNLA, HCUA, and rebel MAA fighters")
    holder_parties: list[str] = field(default_factory=list)  # canonical ("MNLA", "HCUA", "MAA-Dissident")
    previous: str = ""  # who lost or left it, as written, when the sentence says so
    previous_parties: list[str] = field(default_factory=list)
    background: bool = False  # told in a Background or Prelude section, or as earlier history
    latitude: float | None = None
    longitude: float | None = None
    location_precision: int | None = None  # UCDP where_prec
    region: str = ""


@dataclass
class Episode:
    """A dated sentence of an event's lead or body: what happened that day, where, and who acted."""
    event_id: str
    source_file: str
    origin: str  # "lead", "body" or "related"
    section: str
    sentence: str
    position: int  # order in the article: episodes of one day keep the text's order
    date_start: str = ""  # "" for "by October 31" (only an upper bound)
    date_end: str = ""
    precision: str = "day"
    date_as_written: str = ""  # "On November 11", "The next day"
    place_as_written: str = ""  # "the Alkit Valley, twenty kilometers from Kidal"
    place: str = ""  # the gazetteer's name, "" when the sentence names none it knows
    place_role: str = ""  # "at" (where it happened) or "towards" (where it went: "moved towards Kidal")
    latitude: float | None = None
    longitude: float | None = None
    location_precision: int | None = None
    actor: str = ""  # as written, "" when a passive sentence names nobody
    actor_parties: list[str] = field(default_factory=list)
