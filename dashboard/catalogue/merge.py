"""A "Related Research Articles" summary of an event another article describes in full is the same event."""
from __future__ import annotations

import re

from dashboard.model import Event
from dashboard.text.fold import name_key


def merge_related(events: list[Event], into: dict[str, str] | None = None) -> tuple[list[Event], int]:
    """Fold each related summary into the event another article describes in full (or an earlier summary of it).

    `into`, when given, is filled with the event_id of each summary folded away -> the event it was folded into.
    """
    kept: list[Event] = []
    merged = 0
    for event in sorted(events, key=lambda e: e.kind != "article"):
        twin = next((k for k in kept if event.kind == "related" and same_event(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        merged += 1
        if into is not None:
            into[event.event_id] = twin.event_id
        if event.source_file != twin.source_file and event.source_file not in twin.also_described_in:
            twin.also_described_in.append(event.source_file)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(kept, key=lambda e: order[id(e)]), merged


def same_event(a: Event, b: Event) -> bool:
    """Overlapping dates and a shared place name (accents and case folded)."""
    if not (a.start_date and b.start_date) or a.start_date > b.end_date or b.start_date > a.end_date:
        return False
    return bool(_place_words(a) & _place_words(b))


def _place_words(event: Event) -> set[str]:
    text = event.place or event.title
    words = re.findall(r"[A-ZÀ-Ý][\w'’-]+", text.split(",")[0])
    return {name_key(w) for w in words} - {"battle", "second", "first", "the", "and", "near", "mali", "region"}
