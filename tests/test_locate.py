"""Placing events: article coordinates are kept, the gazetteer places the rest, and what cannot be placed
(or disagrees) is reported."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from geopy.distance import geodesic

from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import place_events
from dashboard.model import Event, make_event_id

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "gazetteer.csv")


def make(title: str, place: str = "", **fields) -> Event:
    source = fields.pop("source_file", "000_test.txt")
    return Event(event_id=make_event_id(source, title, "2014-01-01"), title=title, kind="article",
                 source_file=source, place=place, **fields)


def test_article_coordinates_are_kept_and_the_region_filled(gazetteer):
    event = make("Second Battle of Kidal", latitude=18.4411, longitude=1.4072, location_source="article")
    assert place_events([event], gazetteer) == []
    assert (event.latitude, event.longitude) == (18.4411, 1.4072)
    assert event.location_source == "article" and event.location_precision == 1
    assert event.region == "Kidal"


def test_a_gazetteer_point_far_from_the_article_coordinates_is_a_problem(gazetteer):
    event = make("Battle of Anefis", "Anefis, Kidal Region, Mali", latitude=18.4411, longitude=1.4072,
                 location_source="article")
    problems = place_events([event], gazetteer)
    assert (event.latitude, event.longitude) == (18.4411, 1.4072) and event.location_source == "article"
    assert len(problems) == 1
    problem = problems[0]
    assert problem.stage == "geocode" and problem.event_id == event.event_id
    assert problem.source_file == "000_test.txt"
    assert "96 km" in problem.reason and "'Anéfis'" in problem.reason and "kept the article's" in problem.reason
    assert event.region == "Kidal"  # the region of the nearest place to the article's point


def test_article_coordinates_close_to_the_gazetteer_raise_nothing(gazetteer):
    event = make("Battle of Anefis", "Anéfis, Mali", latitude=18.05, longitude=0.60, location_source="article")
    assert place_events([event], gazetteer) == []
    assert event.region == "Kidal"


def test_place_text_is_geocoded_with_its_precision_and_source(gazetteer):
    anefis = make("Battle of Anefis (June 2013)", "Anefis, Kidal Region, Mali")
    kidal = make("Battle of Kidal (2023)", "Kidal and Oued Alkit, Kidal Region, Mali")
    assert place_events([anefis, kidal], gazetteer) == []
    assert geodesic((anefis.latitude, anefis.longitude), (18.04389, 0.60306)).km < 1
    assert anefis.location_precision == 1 and anefis.location_source == "gazetteer: Anéfis"
    assert kidal.location_precision == 2 and kidal.location_source == "gazetteer: Kidal"
    assert anefis.region == kidal.region == "Kidal"


def test_events_outside_the_three_regions_carry_their_true_region(gazetteer):
    dioura = make("Raid on Dioura", "Dioura, Mali")
    telout = make("Tin Telout ambush", "Tin Telout, Tombouctou Region, Mali")
    assert place_events([dioura, telout], gazetteer) == []
    assert dioura.region == "Mopti" and telout.region == "Tombouctou"


def test_a_region_the_event_already_has_is_kept(gazetteer):
    event = make("Amazragane skirmish", "Ménaka, Gao Region", region="Gao")
    place_events([event], gazetteer)
    assert event.region == "Gao" and event.location_source == "gazetteer: Ménaka"


def test_without_place_text_the_title_then_the_summary_place_the_event(gazetteer):
    titled = make("Second Battle of Kidal")
    summarised = make("Raid on a base", summary="The raid on Dioura was an attack on a Malian military base "
                                                 "in the town of Dioura, Mali, by JNIM on March 17, 2019.")
    assert place_events([titled, summarised], gazetteer) == []
    assert titled.location_source == "gazetteer: Kidal (from the title)" and titled.region == "Kidal"
    assert summarised.location_source == "gazetteer: Dioura (from the summary)"
    assert summarised.region == "Mopti" and summarised.location_precision == 1


def test_the_summary_prefers_a_town_to_the_region_or_country(gazetteer):
    event = make("Clashes", summary="In Kidal Region of Mali, fighting broke out at Aguelhok on 17 January.")
    place_events([event], gazetteer)
    assert event.location_source == "gazetteer: Aguelhok (from the summary)"


def test_an_unknown_place_is_left_unlocated_with_a_problem(gazetteer):
    event = make("Skirmish", "Atlantis, Kidal Region, Mali")
    problems = place_events([event], gazetteer)
    assert event.latitude is None and event.longitude is None and event.location_precision is None
    assert [p.reason for p in problems] == [
        "unknown place 'Atlantis, Kidal Region, Mali': no gazetteer entry matches it"]


def test_an_unknown_place_text_falls_back_to_the_title_and_says_so(gazetteer):
    event = make("Battle of Tessalit", "Nowhere Hill")
    problems = place_events([event], gazetteer)
    assert event.location_source == "gazetteer: Tessalit (from the title)"
    assert "unknown place 'Nowhere Hill'" in problems[0].reason and "from the title" in problems[0].reason


def test_no_place_text_and_no_known_place_is_a_problem(gazetteer):
    event = make("Ceasefire talks", summary="Talks continued through the week.")
    problems = place_events([event], gazetteer)
    assert event.latitude is None
    assert problems[0].reason == "no place text, and no known place in the title or summary"
    assert problems[0].stage == "geocode"


def test_only_a_foreign_place_never_pulls_an_event_out_of_mali(gazetteer):
    named = make("Ouagadougou talks", "Ouagadougou, Burkina Faso")
    titled = make("Ouagadougou Agreement", summary="Signed in Ouagadougou, Burkina Faso.")
    problems = place_events([named, titled], gazetteer)
    assert named.latitude is None and titled.latitude is None
    assert problems[0].reason == "only a foreign place in 'Ouagadougou, Burkina Faso': Ouagadougou (BF)"
    assert problems[1].reason.startswith("no place text, and only a foreign place in the")
    assert "Ouagadougou" in problems[1].reason


def test_out_of_range_article_coordinates_are_reported_and_replaced(gazetteer):
    event = make("Battle of Gao", "Gao, Mali", latitude=16.27, longitude=181.0, location_source="article")
    problems = place_events([event], gazetteer)
    assert "out of range" in problems[0].reason
    assert event.location_source == "gazetteer: Gao" and -180 <= event.longitude <= 180


def test_every_seed_place_line_is_placed_in_mali(gazetteer):
    events = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        place = re.search(r"^- Place: (.*)$", text, re.M)
        title = text.strip().splitlines()[0].strip("= ")
        events.append(make(title, place.group(1) if place else "", source_file=path.name))
    assert place_events(events, gazetteer) == []
    for event in events:
        assert 10 <= event.latitude <= 25 and -12.3 <= event.longitude <= 4.3, event.title
        assert event.region in {"Kidal", "Gao", "Ménaka"}, event.title
        assert event.location_precision in (1, 2), event.title
    assert {e.location_source for e in events} >= {"gazetteer: Anéfis", "gazetteer: Amazragane",
                                                     "gazetteer: Kidal (from the title)"}
