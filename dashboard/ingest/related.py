"""'Related Research Articles' summaries: dated events become events of their own; people and groups do not."""
from __future__ import annotations

import re

from dashboard.text.dates import find_lead_date
from dashboard.ingest.evidence import prose_sides
from dashboard.ingest.mentions import find_parties
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
    """The parties a summary names, on two sides where the sentence says who fought whom (evidence.prose_sides)."""
    found = prose_sides([("lead", text)])
    if found is not None:
        groups = [[p for p in group if p != "Jihadist groups"] or group for group in found.value]
        return [g for g in groups if g]
    parties = find_parties(text, specific=True)
    return [parties] if parties else []


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
