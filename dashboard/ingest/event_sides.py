"""An event's sides: the infobox's, completed from the lead's sentences where the box names fewer than two, or, for a
news copy or a bare lead that tells fighting in words the sentence shapes do not read, by the camps the lead names;
each side taken from the text said as a problem row."""
from __future__ import annotations

import re

from dashboard.casualties.vocabulary import tells_loss
from dashboard.ingest.belligerents import infobox_sides, with_prose
from dashboard.ingest.evidence import Found, malian_forces_unnamed, prose_sides
from dashboard.ingest.mentions import find_parties
from dashboard.model import DateRange, Event
from dashboard.parties import party_alignment
from dashboard.text.event_words import first_event_word
from dashboard.text.scripts import UNSPACED


def set_sides(event: Event, boxed: list, prose: list, problems: list, origins: dict, *, news: bool = False) -> None:
    sides = infobox_sides(boxed, event.result)
    complete = len([s for s in sides.sides if s]) >= 2 and sides.positioned
    if not complete:
        dates = DateRange(event.start_date, event.end_date, "day") if event.start_date else None
        found = prose_sides(prose, event.place, dates, one_sided=not any(sides.sides))
        # A news copy, or a page whose lead is all there is, tells fighting and was not read by its verbs (a
        # language the sentence shapes do not know): the state's side against its opponents as the lead names them.
        if (found is None or not all(found.value)) and not any(sides.sides) and (news or not boxed and (
                first_event_word(event.title) or any(first_event_word(p) or tells_loss(p) for _, p in prose[:2]))):
            found = named_sides(prose, event.title, year_hint_of(event.start_date)) or found
        if found is not None:
            sides, filled = with_prose(sides, found.value, found.where)
            for i in filled:
                problems.append(("sides", f"the infobox names no party for side {'abcdefgh'[i]}; taken from the "
                                          f"{found.where}: {', '.join(sides.sides[i])} "
                                          f"({re.sub(chr(10), ' ', found.sentence)[:100]!r})"))
    event.sides = [s for s in sides.sides]
    while event.sides and not event.sides[-1] and len(event.sides) > 2:
        event.sides.pop()

    for letter, origin in zip("abcdefgh", sides.origins):
        if origin:
            origins[f"side_{letter}"] = origin


def year_hint_of(text: str) -> int | None:
    """The year a title or a date names ("Battle of Kidal (2014)", "2014-05-17"), None when it names none."""
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return int(match.group(1)) if match else None


def named_sides(prose: list[tuple[str, str]], title: str = "", year: int | None = None) -> Found | None:
    """When no sentence sets two parties against each other (a news copy: "rebels seized Kidal after fighting
    with the Malian army" … "MNLA spokesman X said"): the state's side and its opponents as the title and the
    first two paragraphs name them, state first, or the first three when two name only one side (a wire copy
    names the suspected group in its third). Foreign and UN forces, often bystanders there, are left out."""
    paragraphs = [p for _, p in prose if _word_count(p) >= 12][:3]  # not a byline, nor "3 MIN READ"
    return _camps_named("\n".join([title, *paragraphs[:2]]), year) or (
        _camps_named("\n".join([title, *paragraphs]), year) if len(paragraphs) > 2 else None)


def _word_count(paragraph: str) -> int:
    """Words of a paragraph; in a script written without spaces, a word is about two characters."""
    return len(paragraph.split()) + len(UNSPACED.findall(paragraph)) // 2


def _camps_named(text: str, year: int | None) -> Found | None:
    named = [p for p in find_parties(text, specific=True) if party_alignment(p, year) != "international"]
    state = [p for p in named if party_alignment(p, year) in ("state", "state ally", "pro-government")]
    others = [p for p in named if party_alignment(p, year) in ("rebel", "jihadist")]
    if "Mali" not in state and others and malian_forces_unnamed(text, named):
        state.insert(0, "Mali")  # "fighting with the army and Wagner": in a copy about Mali, its army
    if not (state and others):
        return None
    return Found([state, others], "lead", text)
