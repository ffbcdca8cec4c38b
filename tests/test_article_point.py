"""An article's own coordinate line against the place it names (places/article_point.py): kept when it agrees,
rejected with the reason when it is a twin's, another town's or a slipped point, doubted otherwise."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.model import Event, make_event_id
from dashboard.places.article_point import judge_article_point
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import place_events

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer.csv"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA)


def judge(gazetteer: Gazetteer, point: tuple[float, float], place: str):
    return judge_article_point(point, gazetteer.match(place), place, gazetteer)


def test_a_point_that_agrees_is_kept_and_gives_the_region(gazetteer):
    verdict = judge(gazetteer, (18.05, 0.60), "Anéfis")
    assert verdict.keep and verdict.reason == "" and verdict.region_from.place.region == "Kidal"


def test_the_foreign_twins_point_is_rejected(gazetteer):
    algerian = gazetteer.match("Tin Zaouatine, Algeria")
    verdict = judge(gazetteer, algerian.point, "Tinzaouaten")
    assert not verdict.keep and verdict.region_from.place.country == "ML"
    assert "the point of Tin Zaouatine (Algeria), the foreign twin of Tinzaouaten (Mali)" in verdict.reason


def test_another_towns_point_is_rejected(gazetteer):
    verdict = judge(gazetteer, gazetteer.match("Ménaka").point, "Andéramboukane")
    assert not verdict.keep
    assert "are the point of another place, Ménaka" in verdict.reason and "85 km from gazetteer" in verdict.reason


@pytest.mark.parametrize("slip, words", [
    (lambda lat, lon: (lat, -lon), "the longitude's sign flipped"),
    (lambda lat, lon: (-lat, lon), "the latitude's sign flipped"),
    (lambda lat, lon: (lon, lat), "latitude and longitude swapped"),
])
def test_a_slipped_point_is_rejected_and_the_slip_named(gazetteer, slip, words):
    menaka = gazetteer.match("Ménaka")
    verdict = judge(gazetteer, slip(*menaka.point), "Ménaka")
    assert not verdict.keep and words in verdict.reason


def test_a_point_outside_mali_for_a_malian_place_is_rejected(gazetteer):
    verdict = judge(gazetteer, (48.8566, 2.3522), "Kidal")
    assert not verdict.keep and "lie outside Mali" in verdict.reason


def test_an_unexplained_disagreement_keeps_the_articles_point_and_says_so(gazetteer):
    verdict = judge(gazetteer, (18.30, 1.10), "Anéfis")
    assert verdict.keep and "60 km from gazetteer 'Anéfis'" in verdict.reason and "kept the article's" in verdict.reason


def test_a_point_for_an_area_or_an_unknown_place_is_kept(gazetteer):
    assert judge(gazetteer, (18.30, 1.10), "Kidal Region").keep
    assert judge_article_point((18.30, 1.10), None, "Atlantis", gazetteer).keep


def test_the_mirrors_andéramboukane_page_is_placed_at_andéramboukane():
    # The corpus's findatwiki copy gives Ménaka's coordinate line (15°55′N 2°24′E) for the fall of Andéramboukane.
    gazetteer = Gazetteer.from_csv(DATA)
    event = Event(event_id=make_event_id("10.txt", "Fall of Andéramboukane", "2012-01-26"), title="Fall of Andéramboukane",
                  kind="article", source_file="10.txt", place="Andéramboukane", latitude=15.9167, longitude=2.4,
                  location_source="article")
    [problem] = place_events([event], gazetteer)
    assert abs(event.latitude - 15.4225) < 0.02 and abs(event.longitude - 3.02333) < 0.02  # the truth table's point
    assert event.location_precision == 1 and event.region == "Ménaka" and "another place, Ménaka" in problem.reason
