"""An event's sides: the infobox's, completed from the lead's sentences where the box names fewer than two, or, for a
news copy or a bare lead that tells fighting in words the sentence shapes do not read, by the camps the lead names;
each side taken from the text said as a problem row."""
from __future__ import annotations

import re

from dashboard.casualties.vocabulary import tells_loss
from dashboard.ingest.belligerents import infobox_sides, with_prose
from dashboard.ingest.evidence import named_sides, prose_sides
from dashboard.model import DateRange, Event
from dashboard.text.event_words import first_event_word


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


def year_hint_of(title: str) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", title)
    return int(match.group(1)) if match else None
