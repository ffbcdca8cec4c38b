"""Article events linked to dataset events: the real seeds beside the fixture files."""
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue
from dashboard.datasets.link import link_events

HERE = Path(__file__).resolve().parent
DATASETS = [HERE / "datasets" / "ged_mali.csv", HERE / "datasets" / "acled_mali.csv"]


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(datasets=DATASETS)


def linked(catalogue, title):
    event_id = catalogue.events.loc[catalogue.events["title"] == title, "event_id"].iloc[0]
    return set(catalogue.links.loc[catalogue.links["event_id"] == event_id, "dataset_event_id"])


def test_the_same_battle_is_linked_in_both_datasets(catalogue):
    assert linked(catalogue, "Battle of Anefis (June 2013)") == {"ucdp-880102", "acled-MLI90002"}
    assert linked(catalogue, "Second Battle of Kidal") == {"ucdp-880104", "acled-MLI90003"}
    # CSP (2023) holds the MNLA and HCUA the article names; Wagner is on both
    assert linked(catalogue, "Battle of Kidal (2023)") == {"ucdp-880105", "acled-MLI90004"}


def test_dates_two_days_apart_still_link_a_week_does_not(catalogue):
    # Aguelhok: the article's 17 January; UCDP's 18-24 January range overlaps within a day, ACLED's 24th does not
    assert linked(catalogue, "Battle of Aguelhok") == {"ucdp-880101"}
    row = catalogue.links[catalogue.links["dataset_event_id"] == "ucdp-880101"].iloc[0]
    assert row["days_apart"] == 1


def test_a_coalition_shares_its_members_and_a_near_place_links(catalogue):
    # Platform vs CMA, 8 km from Anefis (UCDP where_prec 2), against the article's GATIA, MAA-Loyalist… and MNLA, HCUA…
    row = catalogue.links[catalogue.links["dataset_event_id"] == "ucdp-880103"].iloc[0]
    assert catalogue.events.set_index("event_id").loc[row["event_id"], "title"] == "Battle of Anéfis (2014)"
    assert 0 < row["distance_km"] < 25 and "GATIA" in row["shared_parties"]


def test_gaps_are_counted_per_dataset(catalogue):
    events = catalogue.events.set_index("event_id")
    amazragane = events[events["title"] == "Amazragane skirmish"].iloc[0]
    assert (amazragane["linked_ucdp"], amazragane["linked_acled"]) == (0, 0)
    anefis = events[events["title"] == "Battle of Anefis (June 2013)"].iloc[0]
    assert anefis["linked_events"] == "acled-MLI90002; ucdp-880102"
    assert events.loc["ucdp-880102", "linked_events"] == anefis.name


def frame(rows):
    return pd.DataFrame(rows, columns=["event_id", "kind", "start_date", "end_date", "latitude", "longitude",
                                       "location_precision"])


def parties(pairs):
    return pd.DataFrame(pairs, columns=["event_id", "canonical"])


def test_distance_is_widened_by_a_coarse_precision_only():
    events = frame([("ev-a", "article", "2014-05-17", "2014-05-17", 18.44, 1.41, 1),
                    ("ucdp-near", "ucdp", "2014-05-17", "2014-05-17", 18.60, 1.41, 1),  # 18 km
                    ("ucdp-far", "ucdp", "2014-05-17", "2014-05-17", 18.90, 1.41, 1),  # 51 km, exact: too far
                    ("ucdp-region", "ucdp", "2014-05-17", "2014-05-17", 18.90, 1.41, 4),  # 51 km, a region's point
                    ("ucdp-other", "ucdp", "2014-05-17", "2014-05-17", 18.44, 1.41, 1)])  # same place, other parties
    found = link_events(events, parties([("ev-a", "Mali"), ("ev-a", "MNLA"), ("ucdp-near", "MNLA"),
                                         ("ucdp-far", "Mali"), ("ucdp-region", "Mali"), ("ucdp-other", "JNIM")]),
                        ("ucdp",))
    assert sorted(found["dataset_event_id"]) == ["ucdp-near", "ucdp-region"]


def test_far_in_the_world_nothing_links_and_the_poles_do_not_break_cells():
    events = frame([("ev-a", "article", "2022-03-01", "2022-03-01", 69.0, 33.0, 1),
                    ("ucdp-n", "ucdp", "2022-03-02", "2022-03-02", 69.1, 33.3, 1),
                    ("ucdp-x", "ucdp", "2022-03-02", "2022-03-02", -69.1, 33.3, 1)])
    found = link_events(events, parties([("ev-a", "Mali"), ("ucdp-n", "Mali"), ("ucdp-x", "Mali")]), ("ucdp",))
    assert found["dataset_event_id"].tolist() == ["ucdp-n"]
