"""Places as sentences write them, placed with the gazetteer: "the town of Anefis", "the Alkit Valley, twenty
kilometers from Kidal", "the camp in Kidal", and "the city" or "it", which stand for the town named before.

`PlaceContext` reads an event's sentences in order and remembers the towns they name, so an anaphor takes the
last town named before it (a region is not "the city"). The gazetteer's typed answers are used (`match` for a
phrase, `mentions` for a sentence, exact spellings only: a guessed town is worse than none); `_placed` is the one
place that reads a PlaceMatch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dashboard.ingest import control_languages as languages
from dashboard.ingest.prose import Calendar, Dated, Sentence, article_sentences
from dashboard.model import Event
from dashboard.parties.mentions import mentioned_parties
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.match import PlaceMatch
from dashboard.text.fold import name_key

SETTLEMENT_KINDS = {"city", "town", "village", "commune"}
SETTLEMENT_WORDS = r"city|town|village|locality|commune|ville|localité|bourgade|cité|villaggio|città|" + languages.SETTLEMENTS
# The parts of a place that change hands on their own: a camp, a base, a fort ("the military camp number 1").
SITE_WORDS = (r"military camp|camp|military base|base|fort|airport|airfield|garrison|governorate|government building|"
              r"barracks|outpost|military post|checkpoint|headquarters|caserne|aéroport|poste militaire|"
              r"camp militaire|préfecture|gouvernorat")
PART_WORDS = r"part|parts|areas|half|quarter|neighbourhood|neighborhood|outskirts|partie|quartier|moitié|périphérie"
_DETERMINER = re.compile(rf"^(?:(?:the|this|that|its|their|a|an|la|le|les|cette|ce|son|sa|leur|{languages.DETERMINERS})\s+"
                         r"|l['’]\s*)", re.I)
_ANAPHOR = re.compile(rf"^(?:(?:the|this|that|la|le|cette|ce)\s+)?(?:small\s+|petite\s+)?(?:{SETTLEMENT_WORDS}|area|zone)$"
                      r"|^(?:it|elle|la|le|l)$", re.I)
_NAMED_SETTLEMENT = re.compile(rf"\b(?:{SETTLEMENT_WORDS})\s+(?:of|de|d['’]|di)\s*([A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*)")
_SITE = re.compile(rf"(?i:\b(?:{SITE_WORDS})\b)")
_PART = re.compile(rf"^(?:the\s+|la\s+|le\s+)?(?:(?:north|south|east|west|northern|southern|eastern|western|"
                   rf"north-?eastern|north-?western|south-?eastern|south-?western|nord|sud|est|ouest|[\w-]+)\s+)?"
                   rf"(?i:{PART_WORDS})\b", re.I)


# A town named as where someone went, as a landmark to measure from, or a treaty's name: not what "the city"
# after it means ("fled towards Gao", "within 20 kilometers of Mopti", "the Algiers Agreement").
_LIST_TAIL = r"(?:[\w'’-]+(?:,\s*|\s+and\s+))*$"
_DESTINATION = re.compile(rf"(?:\b(?:towards?|to|into|vers|jusqu['’]à|en direction de)\s+(?:the\s+(?:{SETTLEMENT_WORDS})s?\s+of\s+)?"
                          rf"|\b(?:kilomet(?:er|re)s?|km|miles?|away)\s+(?:(?:north|south|east|west)\w*\s+)?(?:of|from|de|du)\s+"
                          rf"|\b(?:near|outside|close to|près de|not far from)\s+){_LIST_TAIL}", re.I)
_NOT_A_PLACE_AFTER = re.compile(r"\s+(?:Agreement|Accords?|Process|Declaration|Conference|Summit|Peace|Agreements)\b")


@dataclass(frozen=True)
class Placed:
    """A place phrase and the place it stands for."""
    written: str  # as the sentence writes it ("the camp in Kidal", "the city")
    name: str  # the gazetteer's name for the place, else the name as written; "" when unknown
    site: str = ""  # the part or site of that place that is meant ("camp", "military camp number 1"), or ""
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None  # UCDP where_prec
    region: str = ""
    kind: str = ""  # the gazetteer's kind ("city", "valley", "region"), "" when not in it
    foreign: bool = False  # outside Mali

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def site_of(written: str) -> str:
    """The site or part a place phrase names, without its town or determiners ("the camp in Kidal" -> "camp",
    "the military camp number 1" -> "military camp number 1"); "" for a place itself."""
    if not (_SITE.search(written) or _PART.match(written)):
        return ""
    words = _DETERMINER.sub("", written.strip())
    if not _PART.match(written):
        words = re.sub(r"\s+(?:in|of|at|near|de|du|à)\s+.*$", "", words)
    words = re.sub(rf"\s+(?:in|of|at|near|de|du|à)\s+(?:the\s+|la\s+|le\s+)?(?:[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*|"
                   rf"(?:{SETTLEMENT_WORDS}))$", "", words)
    for mention in mentioned_parties(words):
        words = words.replace(mention.written, " ")
    return re.sub(r"\s+", " ", words).strip(" ,")


def site_key(site: str) -> str:
    return name_key(re.sub(r"(?i)\b(?:historic|old|main|former)\b", "", site))


class PlaceContext:
    """The places an event's sentences name; resolves phrases to places, "the city" to the town named before it.

    Sentences are scanned for places only when a phrase needs it (a sentence's places are found once): most
    sentences of an article say nothing of control and need no place.
    """

    def __init__(self, gazetteer: Gazetteer | None, event: Event, sentences: list[Sentence] = ()):
        self.gazetteer = gazetteer
        self.sentences = list(sentences)
        self._found: dict[str, list[tuple[int, str, Placed]]] = {}
        self._abroad = False
        self._event_town = self._town_of(event)
        self._abroad = bool(self._event_town and self._event_town.foreign)

    def _town_of(self, event: Event) -> Placed | None:
        if self.gazetteer is None:
            return None
        for text in (event.place, event.title):
            found = self.gazetteer.match(text) if text else None
            if found is not None and found.place.kind in SETTLEMENT_KINDS:
                return _placed(found, text)
        return None

    def towns_in(self, text: str) -> list[tuple[int, Placed]]:
        """The towns a text names as where things are, with where each starts: not a destination ("fled towards
        Gao"), a landmark ("20 kilometers from Mopti") or a treaty ("the Algiers Agreement"), not abroad unless the
        event is; "the town of Konna" counts though the gazetteer does not know it."""
        known = [(offset, placed) for offset, words, placed in self.places_in(text)
                 if placed.kind in SETTLEMENT_KINDS and (self._abroad or not placed.foreign)
                 and not _DESTINATION.search(text[:offset]) and not _NOT_A_PLACE_AFTER.match(text[offset + len(words):])]
        covered = {offset for offset, _ in known}
        unknown = [(m.start(1), Placed(m.group(0), m.group(1))) for m in _NAMED_SETTLEMENT.finditer(text)
                   if m.start(1) not in covered and not mentioned_parties(m.group(1))
                   and not any(o <= m.start(1) < o + len(p.written or p.name) for o, p in known)]
        return sorted(known + unknown, key=lambda pair: pair[0])

    def places_in(self, text: str) -> list[tuple[int, str, Placed]]:
        """Every known place a text names (towns, valleys, regions), with where each starts and its words."""
        if self.gazetteer is None:
            return []
        if text not in self._found:
            self._found[text] = [(found.offset or 0, found.written, _placed(found, found.written))
                                 for found in self.gazetteer.mentions(text, fuzzy=False)]
        return self._found[text]

    def antecedent(self, text: str, offset: int, position: int | None = None) -> Placed | None:
        """The town "the city" at `offset` in `text` stands for: the last named before it, in the text, then in the
        sentences before the one at `position`, else the event's own town."""
        before = self.towns_in(text[:offset])
        if before:
            return before[-1][1]
        earlier = self.sentences[:position] if position is not None else []
        for sentence in reversed(earlier):
            towns = self.towns_in(sentence.text)
            if towns:
                return towns[-1][1]
        return self._event_town

    def resolve(self, phrase: str, text: str = "", offset: int = 0, position: int | None = None) -> Placed | None:
        """The place a phrase stands for, or None when the phrase is not a place ("30 officials", "power")."""
        written = phrase.strip(" ,;")
        bare = _DETERMINER.sub("", written)
        if not bare:
            return None
        if _ANAPHOR.match(written) or _ANAPHOR.match(bare):
            town = self.antecedent(text, offset, position)
            return _as(town, written) if town else None
        site = site_of(written)
        found = self.gazetteer.match(written) if self.gazetteer is not None else None
        if found is not None and not _party_word(written, found):
            return _placed(found, written, site)
        if site:
            town = self.antecedent(text, offset, position)
            return _as(town, written, site) if town else Placed(written, "", site)
        named = _NAMED_SETTLEMENT.search(written)
        if named and not mentioned_parties(named.group(1)):
            return Placed(written, named.group(1))
        return None


def _party_word(written: str, found: PlaceMatch) -> bool:
    """A match that is a party's name, not a place ("Azawad" of the MNLA's flag)."""
    return bool(mentioned_parties(written)) and name_key(found.place.name) in {
        name_key(m.written) for m in mentioned_parties(written)}


def _as(town: Placed, written: str, site: str = "") -> Placed:
    return replace(town, written=written, site=site)


def _placed(found: PlaceMatch, written: str, site: str = "") -> Placed:
    place = found.place
    return Placed(written, place.name, site, found.latitude, found.longitude, int(found.precision), place.region or "",
                  place.kind or "", bool(found.foreign))


@dataclass
class Reading:
    """An event's sentences, dated in reading order, and its places: what the control and episode readers both go
    through, made once per event."""
    dated: list[Dated]
    places: PlaceContext


def read_prose(event: Event, gazetteer: Gazetteer | None) -> Reading:
    calendar = Calendar(event)
    dated = [calendar.read(sentence) for sentence in article_sentences(event)]
    return Reading(dated, PlaceContext(gazetteer, event, [d.sentence for d in dated]))
