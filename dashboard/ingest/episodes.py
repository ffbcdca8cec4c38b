"""An event's episodes: the dated sentences of its lead, Prelude, Battle and Aftermath, each with its date (the
event's year and month filled in: "On November 11"; "The next day" counted from the date before), its place when
one is named ("in the Alkit Valley, twenty kilometers from Kidal"), who acted, and the sentence.

A Background section tells other events: only what it dates within a week before this event counts (the run-up,
"On June 4, Malian forces entered the town"); a Prelude's run-up may be three months long. Years alone ("In 2013")
date history, not an episode; "No casualties were reported on November 14" is not something that happened.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.ingest import control_words as w
from dashboard.ingest.place_phrases import SITE_WORDS, SETTLEMENT_WORDS, PlaceContext, Placed, Reading, read_prose
from dashboard.ingest.prose import Dated, Sentence, When
from dashboard.model import Episode, Event
from dashboard.parties.mentions import mentioned_parties
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.numbers import NUMBER_WORDS

# How long before the event a section's dates can still be its run-up: a Background tells other events, a lead or
# a battle section that dates something months earlier is giving context ("an earlier ambush … in July 2017").
RUN_UP_DAYS = {"background": 7, "prelude": 92, "lead": 92, "related": 92, "event": 92, "result": 92}
COUNTRY_PRECISION = 6  # "northern Mali": not where an episode happened
ORIGINS = {"lead": "lead", "related": "related"}
_NOTHING_HAPPENED = re.compile(r"^(?:no|nothing|aucune?|rien)\b[^,;]{0,40}?\b(?:was|were|has been|have been|est|sont|a été|"
                               r"ont été)\s+(?:\w+\s+)?(?:reported|signalée?s?|rapportée?s?)\b", re.I)
_TOWARDS = re.compile(r"\b(?:towards?|to|into|vers|en direction de|jusqu['’]à)\s+(?:the\s+)?$", re.I)
_NUMBER = rf"(?:\d+(?:[.,]\d+)?|(?:{'|'.join(NUMBER_WORDS)})(?:-(?:{'|'.join(NUMBER_WORDS)}))?|a few|several|some)"
_LEFT_EXTENSION = re.compile(rf"(?:\b(?:the\s+)?(?:{SETTLEMENT_WORDS})\s+of\s+|\b(?:(?:about|around|some|roughly)\s+)?{_NUMBER}\s+"
                             rf"(?:kilomet(?:er|re)s?|km|miles?)\s+(?:(?:north|south|east|west)\w*\s+)?(?:of|from)\s+)$", re.I)
_RIGHT_EXTENSION = re.compile(r"^(?:,\s*(?:(?:on the edge of\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*\s+Region|Mali)\b"
                              r"|,\s*(?:[\w-]+\s+){1,2}(?:kilomet(?:er|re)s?|km|miles?)\s+(?:(?:north|south|east|west)\w*\s+)?"
                              r"(?:of|from)\s+[A-ZÀ-Ý][\w'’-]*)+", re.I)
_SITE_PHRASE = re.compile(rf"\b(?:[Tt]he\s+)?(?:(?:[A-Z][\w'’-]*|historic|old|military|main|former)\s+)*(?i:{SITE_WORDS})\b"
                          rf"(?:\s+(?:number\s+)?\d+)?(?:\s+in\s+[A-ZÀ-Ý][\w'’-]*)?")
_STATEMENT_WORDS = r"statement|press release|communiqué|communique|announcement|declaration|interview|report|message"
_STATEMENT_BEFORE = re.compile(rf"\b(?:{_STATEMENT_WORDS})\s+(?:issued\s+|released\s+|published\s+)?(?:on|of|dated|du)\s+$", re.I)
_STATEMENT_AFTER = re.compile(rf"^\s+(?:{_STATEMENT_WORDS})\b", re.I)
_ANAPHORIC_TOWN = re.compile(rf"\bthe\s+(?:{SETTLEMENT_WORDS})\b(?!\s+of\b)", re.I)


@dataclass(frozen=True)
class _Candidate:
    offset: int
    words: str
    placed: Placed
    role: str  # "at" or "towards"


def read_episodes(event: Event, gazetteer: Gazetteer | None, reading: Reading | None = None) -> list[Episode]:
    """The event's dated sentences as episodes, in the article's order (`reading`: the event's prose already read
    by place_phrases.read_prose)."""
    reading = reading or read_prose(event, gazetteer)
    return [episode for dated in reading.dated if dated.sentence.role != "result" and dated.own
            for episode in _episodes(event, dated.sentence, dated, reading.places)]


def _episodes(event: Event, sentence: Sentence, dated: Dated, places: PlaceContext) -> list[Episode]:
    if _NOTHING_HAPPENED.match(sentence.text):
        return []
    whens = [d for d in dated.own if d.precision in ("day", "month") and _in_run_up(d, sentence.role, event)]
    distinct = list({(d.start, d.end): d for d in reversed(whens)}.values())[::-1]
    if not distinct:
        return []
    candidates = _places(sentence, places)
    out = []
    for when in distinct:
        place = None if _is_statement(sentence.text, when) else _place_for(sentence.text, when, candidates)
        actor, parties = _actor(sentence.text, when)
        out.append(Episode(
            event_id=event.event_id, source_file=event.source_file, origin=ORIGINS.get(sentence.role, "body"),
            section=sentence.section, sentence=sentence.text, position=sentence.position, date_start=when.start,
            date_end=when.end, precision=when.precision, date_as_written=when.written,
            place_as_written=place.words if place else "", place=place.placed.name if place else "",
            place_role=place.role if place else "", latitude=place.placed.latitude if place else None,
            longitude=place.placed.longitude if place else None,
            location_precision=place.placed.precision if place else None, actor=actor, actor_parties=parties))
    return out


def _is_statement(text: str, when: When) -> bool:
    """A date that dates a statement ("In a statement on June 6", "in a July 11 press release"): it happened where
    it was said, which the sentence does not tell; the places it names are those of what it is about."""
    before = text[max(0, when.offset - 45):max(when.offset, 0)]
    after = text[when.offset + len(when.written):when.offset + len(when.written) + 25]
    return bool(_STATEMENT_BEFORE.search(before) or _STATEMENT_AFTER.match(after))


def _in_run_up(when: When, role: str, event: Event) -> bool:
    """Whether a date of this section belongs to this event: from its run-up on (a week for a Background, three
    months elsewhere; a Background or Prelude ends where the event begins) and anything in its Aftermath."""
    if role not in RUN_UP_DAYS or not event.start_date:
        return True
    day = when.anchor()
    first = (dt.date.fromisoformat(event.start_date) - dt.timedelta(days=RUN_UP_DAYS[role])).isoformat()
    last = (event.end_date or event.start_date) if role in ("background", "prelude") else "9999-12-31"
    return first <= day <= last


def _places(sentence: Sentence, places: PlaceContext) -> list[_Candidate]:
    """Every place phrase of the sentence: named places (with "the town of", ", Ménaka Region", "twenty kilometers
    from …" around them), sites ("the MINUSMA camp") and "the city" — longer phrases over the names inside them."""
    text, position = sentence.text, sentence.position
    found: list[_Candidate] = []
    for offset, words, placed in places.places_in(text):
        if (placed.precision or 1) >= COUNTRY_PRECISION:
            continue
        if any(c.offset <= offset < c.offset + len(c.words) for c in found):
            continue  # "Kidal Region" inside "the town of Anéfis, on the edge of Kidal Region"
        left = _LEFT_EXTENSION.search(text[:offset])
        start = left.start() if left else offset
        right = _RIGHT_EXTENSION.match(text[offset + len(words):])
        end = offset + len(words) + (right.end() if right else 0)
        phrase = text[start:end]
        resolved = places.resolve(phrase, text, start, position) if phrase != words else placed
        found.append(_candidate(text, start, phrase, resolved or placed))
    for match in list(_SITE_PHRASE.finditer(text)) + list(_ANAPHORIC_TOWN.finditer(text)):
        phrase = match.group(0).strip()
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        if any(c.offset <= start < c.offset + len(c.words) for c in found) and not any(
                start <= c.offset and start + len(phrase) > c.offset + len(c.words) for c in found):
            continue
        placed = places.resolve(phrase, text, start, position)
        if placed is not None and placed.name and (placed.precision or 1) < COUNTRY_PRECISION:
            found = [c for c in found if not (start <= c.offset < start + len(phrase))]
            found.append(_candidate(text, start, phrase, placed))
    return sorted(found, key=lambda c: c.offset)


def _candidate(text: str, start: int, phrase: str, placed: Placed) -> _Candidate:
    return _Candidate(start, phrase, placed, "towards" if _TOWARDS.search(text[:start]) else "at")


def _place_for(text: str, when: When, candidates: list[_Candidate]) -> _Candidate | None:
    """Where the episode of this date happened: the first place named in its own clause, else in the sentence,
    never a destination when a place of its own is named."""
    start, end = _clause(text, when.offset)
    for pool in ([c for c in candidates if start <= c.offset < end], candidates):
        at = [c for c in pool if c.role == "at"]
        if at:
            return at[0]
    return candidates[0] if candidates else None


def _actor(text: str, when: When) -> tuple[str, list[str]]:
    """Who acted: the first parties the date's clause names once its time and circumstance phrases are set aside."""
    start, end = _clause(text, when.offset)
    clause = text[start:end]
    stripped = w.strip_leading_adverbials(clause)
    mentions = mentioned_parties(stripped)
    if not mentions:
        return "", []
    first = min(mentions, key=lambda m: m.start)
    words, group = w.actor_words(w.Phrase(stripped[first.start:], 0))
    return words, [m.canonical for m in group]


def _clause(text: str, offset: int) -> tuple[int, int]:
    """The stretch of a sentence a date belongs to: sentences with two dated actions are split at ", but" /
    ", and" / ";" ("raised their flag on November 22, but the flag was replaced on November 26")."""
    bounds = [0] + [m.end() for m in _TWO_ACTIONS.finditer(text)] + [len(text)]
    if offset < 0:
        return 0, len(text)
    start = max(b for b in bounds if b <= offset)
    end = min((b for b in bounds if b > offset), default=len(text))
    return start, end


_TWO_ACTIONS = re.compile(r";|,\s+(?:but|and|while|whereas|mais|et)\b", re.I)
