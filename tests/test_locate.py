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
    # 18.30 N 1.10 E is no known place's point: perhaps the battle site, so the article's point is kept.
    event = make("Battle of Anefis", "Anefis, Kidal Region, Mali", latitude=18.30, longitude=1.10,
                 location_source="article")
    problems = place_events([event], gazetteer)
    assert (event.latitude, event.longitude) == (18.30, 1.10) and event.location_source == "article"
    assert len(problems) == 1
    problem = problems[0]
    assert problem.stage == "geocode" and problem.event_id == event.event_id
    assert problem.source_file == "000_test.txt"
    assert "60 km" in problem.reason and "'Anéfis'" in problem.reason and "kept the article's" in problem.reason
    assert event.region == "Kidal"


def test_article_coordinates_that_are_another_towns_point_are_rejected(gazetteer):
    # Mirrors copy Ménaka's coordinate line onto the page of the fall of Andéramboukane, 86 km away.
    event = make("Fall of Andéramboukane", "Andéramboukane", latitude=15.9167, longitude=2.4,
                 location_source="article")
    [problem] = place_events([event], gazetteer)
    andera = gazetteer.match("Andéramboukane")
    assert (event.latitude, event.longitude) == andera.point and event.location_source == "gazetteer: Andéramboukane"
    assert "the point of another place, Ménaka" in problem.reason and "placed at the gazetteer's" in problem.reason
    assert event.region == "Ménaka"
    kidal_for_anefis = make("Battle of Anefis", "Anefis, Kidal Region, Mali", latitude=18.4411, longitude=1.4072,
                            location_source="article")
    [problem] = place_events([kidal_for_anefis], gazetteer)
    assert kidal_for_anefis.location_source == "gazetteer: Anéfis" and "another place, Kidal" in problem.reason


def test_article_coordinates_with_a_flipped_sign_are_rejected(gazetteer):
    gao = gazetteer.match("Gao")
    event = make("Battle of Ansongo", "Ansongo", latitude=15.6597, longitude=-0.5022, location_source="article")
    [problem] = place_events([event], gazetteer)
    assert event.location_source == "gazetteer: Ansongo" and event.longitude > 0
    assert "the longitude's sign flipped" in problem.reason
    swapped = make("Battle of Gao", "Gao", latitude=gao.longitude, longitude=gao.latitude, location_source="article")
    [problem] = place_events([swapped], gazetteer)
    assert (swapped.latitude, swapped.longitude) == gao.point and "swapped" in problem.reason


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


def test_the_gazetteers_region_wins_over_the_articles_older_one(gazetteer):
    # Before 2016 Ménaka was in Gao Region: the region filter shows the event under Ménaka, as the map does.
    event = make("Amazragane skirmish", "Ménaka, Gao Region", region="Gao")
    assert place_events([event], gazetteer) == []
    assert event.region == "Ménaka" and event.location_source == "gazetteer: Ménaka"


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
    event = make("Skirmish", "Atlantis")
    problems = place_events([event], gazetteer)
    assert event.latitude is None and event.longitude is None and event.location_precision is None
    assert [p.reason for p in problems] == ["unknown place 'Atlantis': no gazetteer entry matches it"]


def test_a_place_known_only_by_its_region_is_drawn_at_the_region_as_an_area(gazetteer):
    event = make("Battle of Tabarde", "Tabarde, Ménaka Region, Mali",
                 summary="GATIA fighters clashed with ISGS in the Tabarde area; the same commanders had ambushed a "
                         "convoy in Inkadogotane a year before.")
    [problem] = place_events([event], gazetteer)
    region = gazetteer.match("Ménaka Region")
    assert (event.latitude, event.longitude) == region.point and event.location_precision == 4
    assert event.location_source == "gazetteer: Ménaka Region (region)" and event.region == "Ménaka"
    assert "unknown place 'Tabarde, Ménaka Region, Mali'" in problem.reason and "region only" in problem.reason


def test_a_place_known_only_by_its_country_is_not_drawn(gazetteer):
    for event in (make("Skirmish", "Atlantis, Mali"), make("Clashes", "Mali"),
                  make("Clashes in Mali", summary="Fighting went on in Mali.")):
        [problem] = place_events([event], gazetteer)
        assert event.latitude is None and event.location_precision is None, event.title
        assert "only the country" in problem.reason and "Mali" in problem.reason and "not drawn" in problem.reason


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


def test_an_event_abroad_is_drawn_there_with_its_country_as_region(gazetteer):
    named = make("Tongo Tongo ambush", "Tongo Tongo, Niger")
    titled = make("Peace agreement", summary="Signed in Ouagadougou, Burkina Faso.")
    assert place_events([named, titled], gazetteer) == []
    assert named.location_source == "gazetteer: Tongo Tongo" and named.region == "Niger"
    assert titled.location_source == "gazetteer: Ouagadougou (from the summary)" and titled.region == "Burkina Faso"


def test_a_foreign_place_never_wins_over_a_malian_one_named_beside_it(gazetteer):
    event = make("Talks", summary="Negotiations in Ouagadougou stalled while fighters returned from Libya to Kidal.")
    place_events([event], gazetteer)
    assert event.location_source == "gazetteer: Kidal (from the summary)"
    only_abroad = make("Peace talks", "Burkina Faso")
    [problem] = place_events([only_abroad], gazetteer)
    assert only_abroad.latitude is None and "only the country (Burkina Faso)" in problem.reason


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


AREAS = ("name,alt_names,kind,region,cercle,country,latitude,longitude,precision,source,source_kind,note\n"
         "Kidal,,city,Kidal,Kidal,ML,18.4411,1.4072,1,article 003,battle-article,\n"
         "Adrar des Ifoghas,Adrar des Iforas; Ifoghas,area,Kidal,,ML,19.11667,1.75,4,English Wikipedia,wikipedia,\n"
         "Ménaka Cercle,Cercle de Ménaka,cercle,Ménaka,Ménaka,ML,16.58333,2.83333,3,English Wikipedia,wikipedia,\n"
         "Ménaka,Menaka,town,Ménaka,Ménaka,ML,15.9182,2.4022,1,GeoNames,geonames,\n"
         "Mali,,country,,,ML,17.0,-4.0,6,derived,derived,\n")


@pytest.fixture()
def areas(tmp_path) -> Gazetteer:
    path = tmp_path / "gazetteer.csv"
    path.write_text(AREAS, encoding="utf-8")
    return Gazetteer.from_csv(path)


@pytest.mark.parametrize("place, name, precision, word", [
    ("Adrar des Ifoghas", "Adrar des Ifoghas", 4, "area"),
    ("Ménaka Cercle", "Ménaka Cercle", 3, "cercle"),
    ("Kidal Cercle", "Kidal", 3, "cercle"),
])
def test_area_events_get_the_areas_point_and_precision_and_say_it_is_an_area(areas, place, name, precision, word):
    event = make("Operation Serval offensive", place)
    assert place_events([event], areas) == []
    found = areas.match(place)
    assert (event.latitude, event.longitude) == found.point and event.location_precision == precision
    assert event.location_source == f"gazetteer: {name} ({word})"


def test_no_event_is_ever_drawn_at_the_centre_of_mali(gazetteer):
    events = [make("Clashes", "Mali"), make("Clashes in Mali"), make("Battle", "Somewhere, Mali"),
              make("Battle", summary="Fighting broke out in northern Mali."), make("Battle", "Mali Region")]
    problems = place_events(events, gazetteer)
    assert all(e.latitude is None for e in events)
    assert len(problems) == len(events) and all("not drawn" in p.reason or "unknown" in p.reason for p in problems)
