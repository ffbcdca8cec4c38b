"""Filtering the events table by date, faction, region and kind; filter state in the URL; events at a place."""
import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from dashboard.parties import canonical_party, split_parties
from dashboard.text.fold import name_key as fold
from dashboard.views import (
    FilterError, FilterState, UnknownEventError, events_at_place, filter_events, parse_query_params,
    prepare_events, public_columns, selected_rows,
)
from dashboard.model import EVENT_COLUMNS
from fixtures_events import (
    AMAZRAGANE_2013, ANEFIS_2013, ANEFIS_2014, ANEFIS_MAY_2013, BER_2023, GAO_2012, KIDAL, KIDAL_2014, KIDAL_2023,
    TESSALIT_2013, event, events_frame, seed_events,
)

ALL_BY_DATE = [GAO_2012, ANEFIS_MAY_2013, ANEFIS_2013, TESSALIT_2013, AMAZRAGANE_2013, KIDAL_2014, ANEFIS_2014,
               BER_2023, KIDAL_2023]


def titles(frame: pd.DataFrame) -> list[str]:
    return frame["title"].tolist()


def chosen(**filters) -> list[str]:
    return titles(filter_events(seed_events(), **filters))


def test_no_filter_keeps_every_event_in_date_order():
    assert chosen() == [e["title"] for e in ALL_BY_DATE]


def test_a_year_of_events():
    assert chosen(start="2013-01-01", end="2013-12-31") == [
        "Battle of Anéfis (May 2013)", "Battle of Anefis (June 2013)", "Battle of Tessalit", "Amazragane skirmish"]


def test_an_event_spanning_either_boundary_is_kept():
    assert chosen(start="2014-05-20", end="2014-06-30") == ["Second Battle of Kidal"]  # 16–21 May
    assert chosen(start="2012-06-27", end="2012-06-27") == ["Battle of Gao"]  # 26–28 June
    assert chosen(start="2023-11-14") == ["Battle of Kidal (2023)"]
    assert chosen(end="2012-06-26") == ["Battle of Gao"]


def test_dates_can_be_date_objects_or_timestamps():
    assert chosen(start=dt.date(2023, 1, 1)) == chosen(start=pd.Timestamp("2023-01-01")) == [
        "Battle of Ber (2023)", "Battle of Kidal (2023)"]


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(FilterError, match="not a date"):
        chosen(start="June 2013")
    with pytest.raises(FilterError, match="not a date"):
        chosen(end=["2013-01-01"])
    with pytest.raises(FilterError, match="after end"):
        chosen(start="2014-01-01", end="2013-01-01")


def test_an_undated_event_only_shows_when_no_date_range_is_set():
    frame = events_frame([ANEFIS_2013, event("x.txt", "Undated clash", "", side_a="Mali")])
    assert titles(filter_events(frame)) == ["Undated clash", "Battle of Anefis (June 2013)"]
    assert titles(filter_events(frame, start="2013-01-01")) == ["Battle of Anefis (June 2013)"]


def test_choosing_cma_matches_its_members_in_the_years_it_existed():
    # 2014 Anéfis through MNLA/HCUA/MAA-Dissident; Kidal 2014 through "Azawad" (the MNLA); Ber names the CMA.
    assert chosen(factions=["CMA"]) == [
        "Second Battle of Kidal", "Battle of Anéfis", "Battle of Ber (2023)", "Battle of Kidal (2023)"]


def test_mnla_before_the_cma_existed_is_found_by_choosing_the_mnla():
    assert "Battle of Anefis (June 2013)" not in chosen(factions=["CMA"])
    assert len(chosen(factions=["MNLA"])) == 7


def test_choosing_platform_matches_2014_anefis_through_gatia_but_not_the_2023_breakaway():
    assert chosen(factions=["Platform"]) == ["Battle of Anéfis"]
    only_gatia = events_frame([dict(ANEFIS_2014, side_a="GATIA")])
    assert titles(filter_events(only_gatia, factions=["Platform"])) == ["Battle of Anéfis"]


def test_choosing_gatia_finds_both_gatia_and_its_faction():
    assert chosen(factions=["GATIA"]) == ["Battle of Anéfis", "Battle of Kidal (2023)"]


def test_csp_under_either_name_matches_the_2023_battles():
    assert chosen(factions=["CSP-PSD"]) == chosen(factions=["CSP-DPA"]) == [
        "Battle of Ber (2023)", "Battle of Kidal (2023)"]


def test_jihadist_choice_matches_every_jihadist_group():
    assert chosen(factions=["jihadist"]) == ["Battle of Gao", "Battle of Tessalit", "Battle of Ber (2023)"]


@pytest.mark.parametrize("name", ["MUJAO", "MOJWA", "Movement for Oneness and Jihad in West Africa", "mujao"])
def test_mujao_is_mojwa(name):
    assert chosen(factions=[name]) == ["Battle of Gao"]


def test_the_state_under_any_name():
    mali = ["Battle of Anefis (June 2013)", "Amazragane skirmish", "Second Battle of Kidal", "Battle of Ber (2023)",
            "Battle of Kidal (2023)"]
    assert chosen(factions=["Mali"]) == chosen(factions=["FAMa"]) == mali
    assert chosen(factions=["Africa Corps"]) == ["Battle of Ber (2023)", "Battle of Kidal (2023)"]


def test_minusma_matches_contingents_only_where_named_as_minusma():
    frame = events_frame([
        TESSALIT_2013,
        event("y.txt", "Battle of the Adrar des Ifoghas", "2013-02-18", side_a="France; Chad", side_b="AQIM"),
    ])
    assert titles(filter_events(frame, factions=["MINUSMA"])) == ["Battle of Tessalit"]
    assert titles(filter_events(frame, factions=["Chad"])) == ["Battle of the Adrar des Ifoghas"]


def test_several_factions_are_any_of_them():
    assert chosen(factions=["Platform", "jihadist"]) == [
        "Battle of Gao", "Battle of Tessalit", "Battle of Anéfis", "Battle of Ber (2023)"]


def test_an_unknown_faction_matches_nothing_and_a_blank_one_is_ignored():
    assert chosen(factions=["Nobody"]) == []
    assert chosen(factions=["", "MUJAO"]) == ["Battle of Gao"]


def test_region_is_accent_and_case_insensitive():
    assert chosen(regions=["Menaka"]) == chosen(regions=["Ménaka"]) == ["Amazragane skirmish"]
    assert len(chosen(regions=["Kidal"])) == 5
    assert len(chosen(regions=["Kidal", "Gao"])) == 6


def test_kind():
    assert len(chosen(kinds=["related"])) == 4
    assert len(chosen(kinds=["article"])) == 5


def test_filters_combine():
    assert chosen(start="2013-01-01", end="2013-12-31", regions=["Kidal"], factions=["MNLA"]) == [
        "Battle of Anefis (June 2013)"]


def test_prepared_and_raw_tables_filter_alike_and_results_can_be_filtered_again():
    prepared = prepare_events(seed_events())
    once = filter_events(prepared, factions=["CMA"])
    assert titles(once) == chosen(factions=["CMA"])
    assert titles(filter_events(once, regions=["Kidal"])) == [
        "Second Battle of Kidal", "Battle of Anéfis", "Battle of Kidal (2023)"]
    # The helper columns go; the event type prepare_events reads for a raw table stays (a catalogue brings it).
    assert list(public_columns(once).columns) == [*EVENT_COLUMNS, "event_type"]


def test_same_day_events_are_ordered_by_id():
    rows = [event(f"{n}.txt", f"Clash {n}", "2015-05-11", side_a="Mali") for n in range(6)]
    result = filter_events(events_frame(rows))
    assert result["event_id"].tolist() == sorted(r["event_id"] for r in rows)


DAYS = st.integers(min_value=0, max_value=4000)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(DAYS, st.integers(0, 30), st.sampled_from([ANEFIS_2013, GAO_2012, BER_2023,
                                                                           AMAZRAGANE_2013, KIDAL_2023])),
                     max_size=25),
       window=st.tuples(DAYS, DAYS), party=st.sampled_from(["MNLA", "Mali", "MUJAO", "JNIM", "GATIA"]),
       region=st.sampled_from(["Kidal", "Gao", "Menaka", "Tombouctou"]))
def test_vectorised_filter_agrees_with_reading_each_row(rows, window, party, region):
    origin = dt.date(2012, 1, 1)
    built = []
    for i, (offset, length, template) in enumerate(rows):
        first = origin + dt.timedelta(days=offset)
        built.append(event(f"{i}.txt", template["title"], first.isoformat(),
                           **{**{k: template[k] for k in ("side_a", "side_b", "region")},
                              "end_date": (first + dt.timedelta(days=length)).isoformat()}))
    frame = events_frame(built) if built else events_frame([]).astype({"start_date": str})
    low, high = sorted(origin + dt.timedelta(days=d) for d in window)
    want = {r["event_id"] for r in built
            if r["start_date"] <= high.isoformat() and r["end_date"] >= low.isoformat()
            and any(canonical_party(p) == canonical_party(party)
                    for side in (r["side_a"], r["side_b"]) for p in split_parties(side))
            and fold(r["region"]) == fold(region)}
    got = filter_events(frame, start=low, end=high, factions=[party], regions=[region])
    assert set(got["event_id"]) == want


def test_filter_state_round_trips_through_query_params():
    state = FilterState(start=dt.date(2013, 1, 1), end=dt.date(2014, 12, 31), factions=("CMA", "MOJWA"),
                        regions=("Kidal", "Ménaka"), kinds=("article",))
    params = state.to_query_params()
    assert params == {"start": "2013-01-01", "end": "2014-12-31", "faction": ["CMA", "MOJWA"],
                      "region": ["Kidal", "Ménaka"], "kind": ["article"]}
    assert parse_query_params(params)[0] == state
    assert FilterState().to_query_params() == {}
    assert parse_query_params({})[0] == FilterState()


def test_query_params_fold_faction_aliases_and_accept_single_values():
    state, notes = parse_query_params({"faction": "MUJAO", "region": "Kidal"})
    assert state.factions == ("MOJWA",) and state.regions == ("Kidal",) and notes == []
    state, _ = parse_query_params({"faction": ["MUJAO", "MOJWA", "CSP-DPA", "jihadist"]})
    assert state.factions == ("MOJWA", "CSP", "Jihadist groups")


def test_bad_query_params_fall_back_to_defaults_and_say_why():
    state, notes = parse_query_params({"start": "last june", "end": "2014-02-30", "kind": ["article", "rumour"]})
    assert state == FilterState(kinds=("article",))
    assert notes == ["ignored start='last june': not a YYYY-MM-DD date",
                     "ignored end='2014-02-30': not a YYYY-MM-DD date",
                     "ignored kind='rumour': not one of the choices"]


def test_reversed_dates_in_the_url_are_swapped():
    state, notes = parse_query_params({"start": "2014-01-01", "end": "2013-01-01"})
    assert (state.start, state.end) == (dt.date(2013, 1, 1), dt.date(2014, 1, 1))
    assert notes == ["start 2014-01-01 was after end 2013-01-01: swapped"]


def test_unknown_factions_are_kept_unless_the_choices_are_known():
    assert parse_query_params({"faction": ["Nobody"]})[0].factions == ("Nobody",)
    state, notes = parse_query_params({"faction": ["Nobody", "mnla", "CMA"], "region": ["menaka", "Atlantis"]},
                                      known_factions=["CMA", "MNLA", "Mali"], known_regions=["Kidal", "Ménaka"])
    assert state.factions == ("MNLA", "CMA") and state.regions == ("Ménaka",)
    assert notes == ["ignored faction='Nobody': not one of the choices",
                     "ignored region='Atlantis': not one of the choices"]


def test_filter_state_applies_like_filter_events():
    state = FilterState(start=dt.date(2013, 1, 1), end=dt.date(2013, 12, 31), regions=("Kidal",))
    assert titles(state.apply(seed_events())) == chosen(start="2013-01-01", end="2013-12-31", regions=["Kidal"])


def test_anefis_changed_hands_in_the_same_place_over_time():
    others = events_at_place(seed_events(), ANEFIS_2013["event_id"])
    assert titles(others) == ["Battle of Anéfis (May 2013)", "Battle of Anéfis"]
    with_self = events_at_place(seed_events(), ANEFIS_2014["event_id"], include_self=True)
    assert titles(with_self) == ["Battle of Anéfis (May 2013)", "Battle of Anefis (June 2013)", "Battle of Anéfis"]


def test_same_place_by_coordinates_when_the_names_differ():
    assert titles(events_at_place(seed_events(), KIDAL_2023["event_id"])) == ["Second Battle of Kidal"]


def test_a_region_level_point_is_not_the_same_place_as_the_town():
    vague = event("z.txt", "Clashes in Kidal Region", "2016-07-21", place="Kidal Region", location_precision=4,
                  **{k: v for k, v in KIDAL.items()})
    frame = events_frame([KIDAL_2014, vague])
    assert events_at_place(frame, KIDAL_2014["event_id"]).empty
    assert events_at_place(frame, vague["event_id"]).empty


def test_events_at_an_unknown_id_is_a_clear_error():
    with pytest.raises(UnknownEventError, match="ev-nothing"):
        events_at_place(seed_events(), "ev-nothing")


def test_on_the_real_seed_catalogue_coalitions_aliases_and_places_line_up():
    from pathlib import Path

    from dashboard.catalogue import build_catalogue
    root = Path(__file__).resolve().parent.parent
    events = prepare_events(build_catalogue(root / "seeds", root / "data" / "gazetteer.csv").events)
    anefis_2014 = events.loc[events["start_date"] == "2014-07-11", "event_id"].item()
    anefis_2013 = events.loc[events["start_date"] == "2013-06-05", "event_id"].item()
    for coalition in ("CMA", "Platform"):
        assert anefis_2014 in set(filter_events(events, factions=[coalition])["event_id"]), coalition
    assert filter_events(events, factions=["MUJAO"])["event_id"].tolist() == \
        filter_events(events, factions=["MOJWA"])["event_id"].tolist() != []
    assert events_at_place(events, anefis_2013)["start_date"].tolist() == ["2013-05-17", "2014-07-11"]


@pytest.mark.parametrize("state", [
    FilterState(),
    FilterState(start=dt.date(2013, 1, 1), end=dt.date(2013, 12, 31)),
    FilterState(factions=("CMA",), regions=("Kidal",)),
    FilterState(regions=("Nowhere",)),
])
def test_the_counts_line_mask_keeps_the_same_rows_as_the_table(state):
    prepared = prepare_events(seed_events())
    mask = state.mask(prepared)
    rows = selected_rows(prepared, mask)
    assert int(mask.sum()) == len(rows)
    assert titles(rows) == titles(state.apply(prepared))
