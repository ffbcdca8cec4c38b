"""The search box: title, place and region words, and parties by any of their names, accents and case aside."""
from __future__ import annotations

import pytest

from dashboard.catalogue import build_catalogue
from dashboard.views import filters
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.views.search import search_mask


@pytest.fixture(scope="module")
def seeds():
    return prepare_catalogue(build_catalogue())


def found(seeds, query: str) -> set[str]:
    return set(seeds.events.loc[search_mask(seeds.events, seeds.parties, query), "title"])


def test_a_place_is_found_whatever_its_accents_and_case(seeds):
    assert found(seeds, "anefis") == found(seeds, "ANÉFIS") == {
        "Attack at Anéfis (2013-05)", "Battle of Anefis (June 2013)", "Battle of Anéfis (2014)"}


def test_a_region_and_title_words_are_found(seeds):
    assert found(seeds, "ménaka") == {"Amazragane skirmish"}
    assert found(seeds, "raid on") == {"Raid on Dioura"}


def test_a_party_is_found_by_another_of_its_names(seeds):
    assert found(seeds, "MUJAO") == found(seeds, "mojwa") == {"Battle of Gao"}
    malian = set(seeds.events.loc[seeds.parties.loc[seeds.parties["canonical"] == "Mali", "_at"], "title"])
    assert found(seeds, "FAMa") == malian and len(malian) > 5  # no article writes "FAMa": the alias finds Mali
    assert "Battle of Kidal (2023)" in found(seeds, "gatia (al-mahmoud")  # the faction as written


def test_an_empty_search_keeps_everything_and_nonsense_finds_nothing(seeds):
    assert search_mask(seeds.events, seeds.parties, "  ").all()
    assert found(seeds, "zzzz") == set()


def test_the_search_is_a_filter_and_part_of_the_link(seeds):
    state = filters.FilterState(query="MUJAO", event_types=("battle",))
    assert state.to_query_params() == {"type": ["battle"], "q": "MUJAO"}
    assert list(state.apply(seeds.events, seeds.parties)["title"]) == ["Battle of Gao"]
    assert state.apply(seeds.events, seeds.parties).equals(
        filters.filter_events(seeds.events, parties=seeds.parties, query="MUJAO", event_types=["battle"]))


def test_the_faction_choices_carry_their_other_names():
    assert filters.faction_label("MOJWA") == "MOJWA (MUJAO, MUJWA)"  # other scripts' names are not shown
    assert filters.faction_label("Mali").startswith("Mali (") and "FAMa" in filters.faction_label("Mali")
    assert filters.faction_label("CSP") == "CSP (CSP-PSD, CSP-DPA)"  # the coalition's and the party's names
    assert filters.faction_label("Nobody") == "Nobody"
