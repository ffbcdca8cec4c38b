"""A shared link read back: event types and search words, and dates beyond the catalogue moved in and said."""
from __future__ import annotations

import datetime as dt

from dashboard.views.filters import FilterState
from dashboard.views.links import clamp_dates, parse_query_params

FIRST, LAST = dt.date(2012, 1, 17), dt.date(2023, 11, 14)


def test_types_and_search_words_round_trip_through_the_link():
    state = FilterState(event_types=("ambush", "raid"), query="Anéfis MNLA")
    assert parse_query_params(state.to_query_params())[0] == state


def test_an_unknown_type_is_dropped_and_said():
    state, notes = parse_query_params({"type": ["ambush", "picnic"]})
    assert state.event_types == ("ambush",)
    assert notes == ["ignored type='picnic': not one of the choices"]


def test_a_start_after_the_last_event_is_moved_to_it():
    state, notes = clamp_dates(FilterState(start=dt.date(2030, 1, 1)), FIRST, LAST)
    assert (state.start, state.end) == (LAST, None)
    assert notes == ["start 2030-01-01 is after the last event (2023-11-14): moved to 2023-11-14"]


def test_an_end_before_the_first_event_is_moved_to_it():
    state, notes = clamp_dates(FilterState(end=dt.date(2000, 1, 1)), FIRST, LAST)
    assert (state.start, state.end) == (None, FIRST)
    assert notes == ["end 2000-01-01 is before the first event (2012-01-17): moved to 2012-01-17"]


def test_bounds_merely_wider_than_the_catalogue_show_the_same_and_say_nothing():
    state, notes = clamp_dates(FilterState(start=dt.date(2000, 1, 1), end=dt.date(2030, 1, 1), regions=("Kidal",)),
                               FIRST, LAST)
    assert state == FilterState(regions=("Kidal",)) and notes == []
