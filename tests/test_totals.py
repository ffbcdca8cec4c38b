"""Totals of what the filters show, and the timeline chart's monthly data."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue
from fixtures_events import claims_frame as infobox_claims
from dashboard.views import filters
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.views.time_chart import monthly_counts
from dashboard.views.totals import killed_by_alignment, killed_claims, range_text, totals


@pytest.fixture(scope="module")
def seeds():
    return prepare_catalogue(build_catalogue())


def test_seed_totals_add_each_sides_claims_range_per_alignment(seeds):
    found = totals(seeds.events, seeds.claims, seeds.parties)
    assert (found.events, found.located) == (16, 16)
    assert found.places == 13  # Anefis and Anéfis are one place, Kidal one
    killed = found.killed.set_index("alignment")
    # Anefis 2013: MNLA lost 2 (per MNLA) to 30 (per Mali); Anéfis 2014: 4 (per MNLA) to 111 (per loyalists), the
    # breakdown of those 111 (47 MAA, 37 MNLA, 27 HCUA) left out; Amazragane 3; Kidal 2014: 2.
    assert (killed.loc["rebel", "low"], killed.loc["rebel", "high"]) == (11, 146)
    # Mali: none at Anefis 2013 (per Mali), 2 at Amazragane (per MNLA), 40 (per MNLA) to 50 (per Reuters) at Kidal.
    assert (killed.loc["state", "low"], killed.loc["state", "high"], killed.loc["state", "events"]) == (42, 52, 3)
    assert (killed.loc["pro-government", "low"], killed.loc["pro-government", "high"]) == (35, 35)
    # Civilians: 3 at Amazragane; Kidal 2023 from 10 (medical sources) to 14, and "14+" leaves the total open.
    assert (killed.loc["civilians", "low"], killed.loc["civilians", "high"]) == (13, 17)
    assert killed.loc["civilians", "open"]


def test_totals_follow_the_filters(seeds):
    shown = filters.FilterState(regions=("Mopti",)).apply(seeds.events, seeds.parties)
    found = totals(shown, seeds.claims, seeds.parties)
    assert (found.events, found.places) == (1, 1)


@pytest.mark.parametrize("state", [filters.FilterState(), filters.FilterState(regions=("Kidal",)),
                                   filters.FilterState(factions=("CMA",)), filters.FilterState(regions=("Nowhere",))])
def test_the_claims_counted_once_per_catalogue_give_every_filter_the_same_totals(seeds, state):
    counted = killed_claims(seeds.claims, seeds.events)  # what the app keeps per catalogue
    shown = state.apply(seeds.events, seeds.parties)
    pd.testing.assert_frame_equal(killed_by_alignment(shown, counted, seeds.parties),
                                  killed_by_alignment(shown, seeds.claims, seeds.parties))


def claims(rows):
    return infobox_claims([(*r, "", "") for r in rows])


def test_a_range_with_only_an_upper_figure_starts_at_zero_and_unquantified_claims_add_nothing():
    events = pd.DataFrame({"event_id": ["e1", "e2"], "alignment_a": ["state", "state"],
                           "alignment_b": ["jihadist", "jihadist"]})
    table = killed_by_alignment(events, claims([("e1", "a", "killed", None, 30), ("e2", "a", "killed", 5, 5),
                                                ("e2", "b", "killed", None, None), ("e2", "a", "injured", 9, 9)]))
    assert table.to_dict("records") == [{"alignment": "state", "low": 5, "high": 35, "open": False, "events": 2}]


def test_range_text():
    assert range_text(12, 40, False) == "12–40"
    assert range_text(1200, 1200, True) == "1,200+"


def test_monthly_counts_per_alignment_of_side_a(seeds):
    data = monthly_counts(seeds.events)
    assert int(data["events"].sum()) == 16
    june_2013 = data[data["month"] == pd.Timestamp("2013-06-01")]
    assert june_2013[["alignment", "events", "killed"]].to_dict("records") == [
        {"alignment": "state", "events": 1, "killed": 16}]  # the Battle of Anefis: median of 2 and 30
    assert data["month"].is_monotonic_increasing
    assert monthly_counts(seeds.events.head(0)).empty


def test_a_part_of_a_breakdown_is_not_added_twice():
    events = pd.DataFrame({"event_id": ["e1"], "alignment_a": ["state"], "alignment_b": ["rebel"]})
    table = infobox_claims([("e1", "b", "killed", 111, 111, "Le Temoin", ""), ("e1", "b", "killed", 47, 47, "Le Temoin", "")])
    table.loc[1, "part_of"] = table.loc[0, "claim_id"]
    assert killed_by_alignment(events, table).to_dict("records") == [
        {"alignment": "rebel", "low": 111, "high": 111, "open": False, "events": 1}]
