"""Who held each place from when to when (dashboard/views/control.py), a place's history (views/history.py) and the
control and episodes tables as the catalogue keeps, writes and exports them."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue, read_catalogue, write_catalogue
from dashboard.catalogue.cache import cached_catalogue
from dashboard.catalogue.export import control_csv, episodes_csv
from dashboard.catalogue.tables import control_frame
from dashboard.model import CONTROL_COLUMNS, EPISODE_COLUMNS, ControlChange
from dashboard.text.when import day_text
from dashboard.views.control import control_periods, filtered_control, filtered_periods, holders_on
from dashboard.views.detail import event_detail
from dashboard.views.filters import FilterState
from dashboard.views.history import place_history

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GAZETTEER = ROOT / "data" / "gazetteer.csv"


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(SEEDS, GAZETTEER)


@pytest.fixture(scope="module")
def periods(catalogue):
    return control_periods(catalogue.control)


def timeline(periods: pd.DataFrame, key: str) -> list[tuple]:
    rows = periods[periods["place_key"] == key]
    return [(day_text(r.start, r.precision), r.alignments, r.disputed) for r in rows.itertuples()]


def test_anefis_changed_hands_as_the_articles_say(periods):
    assert timeline(periods, "anefis") == [
        ("17 May 2013", ["unknown"], False),  # the MAA captured the town, but quickly abandoned it (003's summary)
        ("17 May 2013", [], False),
        ("5 June 2013", ["state"], False),
        ("21 May 2014", ["rebel"], False),
        ("16 July 2014", ["pro-government"], False),
        ("7 October 2023", ["state"], False),
    ]


def test_kidal_in_may_2014_is_disputed_and_both_sides_keep_their_sources(catalogue, periods):
    kidal = periods[periods["place_key"] == "kidal"]
    may_2014 = kidal[kidal["disputed"]].iloc[0]
    assert (may_2014["start"], set(may_2014["alignments"])) == ("2014-05-16", {"state", "rebel"})
    sources = catalogue.control.loc[may_2014["statements"], "source_file"]
    assert set(sources) == {"003_499888a3b842d896.txt", "004_a954f82738c9178b.txt", "001_070efaabfcf43540.txt"}
    assert timeline(periods, "kidal")[-1] == ("14 November 2023", ["state"], False)
    assert timeline(periods, "kidal")[-2] == ("2015", ["rebel"], False)


def test_a_camp_is_its_own_place_and_does_not_colour_the_town(periods):
    camp = periods[periods["place_key"] == "kidal·camp"].iloc[0]
    assert (camp["start"], camp["holders"], camp["left_by"]) == ("2023-10-31", ["the CSP-PSD"], "MINUSMA peacekeepers")
    on_day = holders_on(periods, "2023-11-01")
    assert on_day.set_index("place_key").loc["kidal", "alignments"] == ["rebel"]


def test_the_filters_keep_the_statements_and_periods_they_name(catalogue, periods):
    state = FilterState(start=dt.date(2014, 1, 1), end=dt.date(2014, 12, 31), factions=("CMA",))
    kept = filtered_control(catalogue.control, state)
    assert set(kept["place"]) == {"Kidal"} and len(kept) == 5
    assert all(set(p) & {"MNLA", "HCUA", "MAA-Dissident", "MAA"} for p in kept["holder_parties"])
    shown = filtered_periods(periods, catalogue.control, state)
    assert "anefis" not in set(shown["place_key"]) and "kidal" in set(shown["place_key"])
    assert filtered_control(catalogue.control, FilterState(kinds=("related",)))["origin"].eq("related").all()


def test_the_place_history_lists_events_and_changes_by_date(catalogue):
    kidal_2023 = catalogue.events.loc[catalogue.events["title"] == "Battle of Kidal (2023)", "event_id"].iloc[0]
    history = place_history(catalogue.events, catalogue.control, kidal_2023)
    dated = history[history["date"] != ""]
    assert dated["date"].is_monotonic_increasing
    assert {"event", "this event", "control"} <= set(history["kind"])
    assert history.iloc[-1]["when"] == "date not stated"  # "Since the foreign intervention, Kidal was retaken…"
    taken = history[history["what"] == "Kidal: taken by The Malian Army"]
    assert taken[["when", "source_file", "section"]].values.tolist() == [
        ["14 November 2023", "004_a954f82738c9178b.txt", "Battle"]]


def test_the_detail_panel_has_the_day_by_day_and_who_held_the_place(catalogue):
    kidal_2023 = catalogue.events.loc[catalogue.events["title"] == "Battle of Kidal (2023)", "event_id"].iloc[0]
    info = event_detail(kidal_2023, catalogue.events, catalogue.claims, parties=catalogue.parties,
                        control=catalogue.control, episodes=catalogue.episodes)
    assert info.episodes["when"].tolist()[:3] == ["2 October 2023", "7 October 2023", "by 31 October 2023"]
    assert info.place_name == "Kidal"
    assert info.holders["from"].tolist() == ["30 March 2012", "January 2013", "16 May 2014", "2015", "14 November 2023"]
    assert info.holders["disputed"].tolist() == [False, False, True, False, False]


def test_control_and_episodes_round_trip_through_the_build_folder(catalogue, tmp_path):
    write_catalogue(catalogue, tmp_path)
    again = read_catalogue(tmp_path)
    pd.testing.assert_frame_equal(again.control, catalogue.control)
    pd.testing.assert_frame_equal(again.episodes, catalogue.episodes)
    written = pd.read_csv(tmp_path / "control.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(written.columns) == CONTROL_COLUMNS
    assert "MNLA; HCUA; MAA-Dissident" in set(written["holder_parties"])
    assert list(pd.read_csv(tmp_path / "episodes.csv", encoding="utf-8-sig").columns) == EPISODE_COLUMNS


def test_the_disk_store_keeps_control_and_episodes(catalogue, tmp_path):
    stored = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    pd.testing.assert_frame_equal(stored.control, catalogue.control)
    pd.testing.assert_frame_equal(stored.episodes, catalogue.episodes)


def test_exports_guard_formulas_and_keep_only_the_shown_events(catalogue):
    change = ControlChange("ev-x", "f.txt", "body", "Battle", "=HYPERLINK(\"x\") took it", "took", "Kidal", "Kidal",
                           holder="+MNLA", holder_parties=["MNLA"], date_start="2014-05-21", date_end="2014-05-21")
    frame = pd.read_csv(io.BytesIO(control_csv(control_frame([change]))), encoding="utf-8-sig", keep_default_na=False)
    assert frame.loc[0, "sentence"].startswith("'=") and frame.loc[0, "holder"] == "'+MNLA"
    one = catalogue.events[catalogue.events["title"] == "Battle of Kidal (2023)"]
    episodes = pd.read_csv(io.BytesIO(episodes_csv(catalogue.episodes, one)), encoding="utf-8-sig")
    assert set(episodes["event_id"]) == set(one["event_id"]) and len(episodes) == 18
