"""Choosing between places that share a name (places/homonyms.py) with what the article says, and saying why."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.model import Event, make_event_id
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.homonyms import Context
from dashboard.places.locate import place_events

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer.csv"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA)


def lead(gazetteer: Gazetteer, *names: str) -> Context:
    return Context.of_lead([gazetteer.place_named(n) for n in names])


def event(title: str, place: str, summary: str = "", region: str = "") -> Event:
    return Event(event_id=make_event_id("000_test.txt", title, "2019-11-18"), title=title, kind="article",
                 source_file="000_test.txt", place=place, summary=summary, region=region)


def test_the_region_the_article_names_decides(gazetteer):
    found = gazetteer.match("Tabankort", Context(regions=frozenset({"menaka"})))
    assert found.place.name == "Tabankort (Ménaka)" and found.choice_named
    assert "the article names its region, Ménaka" in found.choice
    assert [p.name for p in found.others] == ["Tabankort"]


def test_a_region_named_as_it_is_now_beats_its_pre_2016_name(gazetteer):
    # Both Tabankorts were in Gao Region before 2016; "Gao Region" today means the one near Anéfis.
    assert gazetteer.match("Tabankort, Gao Region, Mali").place.name == "Tabankort"
    assert gazetteer.match("Tabankort, Ménaka Region, Mali").place.name == "Tabankort (Ménaka)"


@pytest.mark.parametrize("named, chosen", [
    (("Andéramboukane", "Tongo Tongo"), "Tabankort (Ménaka)"),
    (("Anéfis", "Kidal"), "Tabankort"),
])
def test_else_the_candidate_nearest_the_other_places_of_the_lead(gazetteer, named, chosen):
    found = gazetteer.match("Tabankort", lead(gazetteer, *named))
    assert found.place.name == chosen and not found.choice_named
    assert "nearest to the other places the article names" in found.choice and named[0] in found.choice


@pytest.mark.parametrize("named, region", [(("Bourem", "Gao"), "Gao"), (("Sikasso",), "Sikasso")])
def test_bamba_of_the_gao_region_or_of_the_south(gazetteer, named, region):
    assert gazetteer.match("Bamba", lead(gazetteer, *named)).place.region == region


def test_twins_across_a_border_follow_the_country_named(gazetteer):
    malian = gazetteer.match("Tin Zaouatine")
    assert malian.place.country == "ML" and "the article names no country" in malian.choice
    algerian = gazetteer.match("Tin Zaouatine", Context(countries=frozenset({"DZ"})))
    assert algerian.place.country == "DZ" and "Algeria" not in algerian.place.name


def test_without_any_hint_the_choice_still_says_so(gazetteer):
    found = gazetteer.match("Tabankort")
    assert found.place.name == "Tabankort" and "the article gives no hint" in found.choice
    assert found.location().raw["choice"] == found.choice


def test_placing_records_a_guessed_choice_and_its_reason(gazetteer):
    guessed = event("Battle of Tabankort (2019)", "Tabankort",
                    summary="ISGS militants attacked Malian soldiers at Tabankort, 45 km north-east of Tongo Tongo.")
    named = event("Battle of Tabankort (2019)", "Tabankort", region="Ménaka")
    problems = place_events([guessed, named], gazetteer)
    assert guessed.location_source == named.location_source == "gazetteer: Tabankort (Ménaka)"
    assert guessed.region == named.region == "Ménaka"
    [problem] = problems  # the region the article names settles the choice: nothing to report for it
    assert problem.event_id == guessed.event_id and problem.stage == "geocode"
    assert "'Tabankort': chose Tabankort (Ménaka) over Tabankort (Gao region): nearest to" in problem.reason
