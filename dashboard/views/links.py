"""Filters in a link: the URL query parameters a shared view carries (FilterState.to_query_params), read back
with a note for each value dropped or corrected (the page shows them as "Link adjusted: …")."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Iterable, Mapping

from dashboard.parties import canonical_party
from dashboard.text.fold import name_key
from dashboard.views.event_types import TYPE_NAMES
from dashboard.views.filters import GAPS, KINDS, SOURCES, FilterState


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def _date_param(params: Mapping[str, Any], key: str, notes: list[str]) -> dt.date | None:
    values = _values(params, key)
    if not values:
        return None
    try:
        return dt.date.fromisoformat(values[-1])
    except ValueError:
        notes.append(f"ignored {key}={values[-1]!r}: not a YYYY-MM-DD date")
        return None


def _choices(values: list[str], known: Iterable[str] | None, key: str, notes: list[str], normalise) -> tuple[str, ...]:
    """Normalised, de-duplicated choices; with a known list, its own spelling is used and strangers dropped."""
    by_fold = {name_key(k): k for k in known} if known is not None else None
    chosen: list[str] = []
    for value in values:
        name = normalise(value)
        if by_fold is not None:
            if name_key(name) not in by_fold:
                notes.append(f"ignored {key}={value!r}: not one of the choices")
                continue
            name = by_fold[name_key(name)]
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def parse_query_params(params: Mapping[str, Any], *, known_factions: Iterable[str] | None = None,
                       known_regions: Iterable[str] | None = None,
                       known_kinds: Iterable[str] | None = KINDS,
                       known_types: Iterable[str] | None = TYPE_NAMES) -> tuple[FilterState, list[str]]:
    """A FilterState from URL parameters and a note for every value ignored or corrected.

    Factions are folded to canonical names ("MUJAO" -> "MOJWA"); without `known_factions` an unknown
    faction is kept (it simply matches nothing), with it the faction is dropped and noted.
    """
    notes: list[str] = []
    start, end = _date_param(params, "start", notes), _date_param(params, "end", notes)
    if start and end and start > end:
        notes.append(f"start {start} was after end {end}: swapped")
        start, end = end, start
    state = FilterState(
        start=start, end=end,
        factions=_choices(_values(params, "faction"), known_factions, "faction", notes, canonical_party),
        regions=_choices(_values(params, "region"), known_regions, "region", notes, str.strip),
        kinds=_choices(_values(params, "kind"), known_kinds, "kind", notes, str.strip),
        event_types=_choices(_values(params, "type"), known_types, "type", notes, str.strip),
        query=" ".join(_values(params, "q")[-1:]),
        sources=_choices(_values(params, "source"), SOURCES, "source", notes, str.strip),
        gaps=_choices(_values(params, "gap"), GAPS, "gap", notes, str.strip),
    )
    return state, notes


def clamp_dates(state: FilterState, first: dt.date, last: dt.date) -> tuple[FilterState, list[str]]:
    """The state's dates moved inside [first, last] (the catalogue's dates), with a note for each bound that lay
    beyond the other end (a start after the last event, an end before the first); a bound merely wider than the
    catalogue says nothing, it shows the same events."""
    notes: list[str] = []
    start, end = state.start, state.end
    if start is not None and start > last:
        notes.append(f"start {start} is after the last event ({last}): moved to {last}")
        start = last
    if end is not None and end < first:
        notes.append(f"end {end} is before the first event ({first}): moved to {first}")
        end = first
    start = None if start is None or start <= first else start
    end = None if end is None or end >= last else end
    return replace(state, start=start, end=end), notes
