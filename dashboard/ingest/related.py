"""'Related Research Articles' summaries: dated events become events of their own; people and groups do not."""
from __future__ import annotations

import re
from functools import lru_cache

from dashboard.ingest.dates import find_lead_date
from dashboard.parties import PARTIES, canonical_party
from dashboard.model import Event, Problem, make_event_id

EVENT_NOUNS = r"battle|ambush|raid|attack|clash(?:es)?|skirmish|offensive|siege|massacre|capture|bombing|strike|assault|fighting"
_PERSON = re.compile(
    r"\bborn\b|\balso known as\b|^(?:[A-Z][\w'’.-]*\s+){1,5}(?:was|is)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:militant|jihadist|soldier|rebel|general|politician|leader|emir|commander|officer|president|minister|chief|member)\b")
_GROUP = re.compile(r"^(?:The\s+)?[^.]{0,120}?\b(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,4}?"
                    r"(?:group|organi[sz]ation|movement|coalition|militia|alliance|party)\b")
# Only the noun is case-free: the place after it must be capitalised, or "took place during…" would be taken too.
_NAMED_EVENT = re.compile(
    rf"^(?:[Tt]he\s+)?((?i:(?:first|second|third|fourth)\s+)?(?i:{EVENT_NOUNS})\s+(?:of|on|at|in)\s+"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s+\(\d{4}\))?)")
_PLACE_PATTERNS = [
    re.compile(r"\bnear the (?:town|city|village) of ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"),
    re.compile(r"\bin the (?:town|city|village) of ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?:, [A-Z][\w'’-]* Region)?)"),
    re.compile(r"\bthe (?:town|city|village) of ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)"),
    re.compile(r"\b(?:in|at) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?:, [A-Z][\w'’-]* Region)?)"),
]
_NOT_PLACES = {"Mali", "Northern Mali", "Africa", "The", "On", "In", "Between"}
_MONTHS = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December)\b")
_ADJECTIVAL = {"Malian": "Mali", "French": "France", "Chadian": "Chad", "Nigerien": "Niger", "Russian": "Wagner Group"}
_SPLITTERS = [r"\bagainst\b", r"\b(?:was|were) (?:attacked|ambushed|captured|targeted) by\b", r"\battacked\b",
              r"\bambushed\b", r"\btargeting\b", r",?\s+\bby\b"]


def related_events(summaries: list[tuple[str, str]], source_file: str) -> tuple[list[Event], list[Problem], int]:
    """Events for the summaries that describe a dated event; problems for undated ones; count of people/groups."""
    events, problems, people = [], [], 0
    for given_title, text in summaries:
        first = _first_sentence(text)
        if _PERSON.search(first) or (_GROUP.search(first) and not _NAMED_EVENT.match(first)):
            people += 1
            continue
        dates = find_lead_date(text)
        if dates is None:
            if re.search(EVENT_NOUNS, text, re.I):
                problems.append(Problem(source_file, "", "related",
                                        f"related summary describes an event but gives no date, so it is not placed in time: "
                                        f"{text[:120]!r}"))
            continue
        place = _place(given_title, text)
        title = given_title or _title(text, place, dates.start)
        event = Event(event_id=make_event_id(source_file, title, dates.start), title=title, kind="related",
                      source_file=source_file, start_date=dates.start, end_date=dates.end,
                      date_precision=dates.precision, place=place, region=_region(text), summary=text,
                      sides=split_sides(text))
        events.append(event)
    return events, problems, people


def split_sides(text: str) -> list[list[str]]:
    """The parties a summary names, on two sides where the sentence says who fought whom."""
    sentences = re.split(r"(?<=[a-z0-9)])\.\s+", text)
    ranked = sorted(sentences, key=lambda s: -len(find_parties(s)))
    sentence = next((s for s in sentences if len(find_parties(s)) >= 2), ranked[0] if ranked else "")
    for pattern in _SPLITTERS:
        match = re.search(pattern, sentence)
        if match:
            before, after = find_parties(sentence[:match.start()]), find_parties(sentence[match.end():])
            if before and after:
                return [before, [p for p in after if p not in before]]
    between = re.search(r"\bbetween\b(.*)", sentence)
    if between:
        parties = find_parties(between.group(1))
        if len(parties) >= 2:
            return [parties[:1], parties[1:]]
    parties = find_parties(sentence)
    return [parties] if parties else []


def find_parties(text: str) -> list[str]:
    """Canonical names of the known parties a text mentions, in order of first mention."""
    found: list[tuple[int, str]] = []
    for match in _party_pattern().finditer(text):
        name = match.group(0)
        adjective = name.split()[0]
        canonical = _ADJECTIVAL.get(adjective) if adjective in _ADJECTIVAL and name not in _alias_set() else canonical_party(name)
        found.append((match.start(), canonical))
    ordered: list[str] = []
    for _, name in sorted(found):
        if name not in ordered:
            ordered.append(name)
    return ordered


@lru_cache(maxsize=1)
def _alias_set() -> frozenset[str]:
    return frozenset(alias for party in PARTIES for alias in (party.name, *party.aliases))


@lru_cache(maxsize=1)
def _party_pattern() -> re.Pattern:
    aliases = sorted(_alias_set() - {"Azawad", "Serval", "Barkhane", "Wagner"}, key=len, reverse=True)
    adjectival = rf"\b(?:{'|'.join(_ADJECTIVAL)})\s+(?:[\w-]+\s+)?(?:forces|army|armed forces|soldiers|troops|convoy|military|" \
                 r"government|garrison|peacekeepers|mercenaries)\b"
    return re.compile(adjectival + "|" + "|".join(rf"(?<![\w-]){re.escape(a)}(?![\w-])" for a in aliases))


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[a-z0-9)])\.\s+", text, maxsplit=1)[0]


def _title(text: str, place: str, start: str) -> str:
    named = _NAMED_EVENT.match(text)
    if named:
        title = named.group(1)
        return title[0].upper() + title[1:]
    noun = re.search(rf"\b({EVENT_NOUNS}|ambushed|attacked|raided)\b", text, re.I)
    kind = {"ambushed": "ambush", "attacked": "attack", "raided": "raid", "clash": "clashes"}.get(
        noun.group(1).casefold(), noun.group(1).casefold()) if noun else "event"
    where = place.split(",")[0].replace("near ", "") if place else "unknown place"
    return f"{kind.capitalize()} at {where} ({start[:7]})"


def _place(title: str, text: str) -> str:
    for candidate in (title, _first_sentence(text)):
        named = _NAMED_EVENT.match(candidate or "")
        if named:
            place = re.sub(r"\s*\(\d{4}\)$", "", re.split(r"\s+(?:of|on|at|in)\s+", named.group(1), maxsplit=1)[1])
            return place
    for pattern in _PLACE_PATTERNS:
        for match in pattern.finditer(text):
            place = match.group(1)
            if place.split(",")[0] in _NOT_PLACES or _MONTHS.match(place) or find_parties(place):
                continue
            return f"near {place}" if pattern is _PLACE_PATTERNS[0] else place
    return ""


def _region(text: str) -> str:
    match = re.search(r"([A-Z][\w'’é-]+) Region\b", text)
    return match.group(1) if match else ""
