"""Splitting a flattened value per side (ingest/layout/sides.py, losses.py) on the shapes real copies have, and the
sides the prose gives (ingest/evidence.py, mentions.py): acting side first, the state's side first where the page
gives no order, a figure with no visible side kept as 'unknown' rather than guessed."""
from __future__ import annotations

import pytest

from dashboard.ingest.evidence import prose_date, prose_sides
from dashboard.ingest.layout.losses import casualty_groups
from dashboard.ingest.layout.sides import entries, group_sides, result_winners
from dashboard.ingest.mentions import find_parties
from dashboard.ingest.places_in_text import prose_place
from dashboard.parties import canonical_party
from dashboard.text.markup import without_citations


def sides_of(text: str, result: str = "") -> list[list[str]]:
    return [[canonical_party(e.name or e.flag) for e in side] for side in group_sides(entries(text), result_winners(result))]


@pytest.mark.parametrize("text, result, sides", [
    # wikimili: one entry a line, no boundary between the sides but the parties' camps
    ("Islamists groups:\n\nDrapeau Ansar Dine.JPG Ansar Dine\nShababFlag.svg MOJWA\nFlag of Mali.svg Mali\n"
     "Flag of France (lighter variant).svg France", "", [["Ansar Dine", "MOJWA"], ["Mali", "France"]]),
    # a cell's end and the next cell's start on one line, after a flag caption
    ("Drapeau du Mali Mali CMA", "Victoire malienne", [["Mali"], ["CMA"]]),
    ("Flag of Mali.svg Mali Flag of Jihad.svg Jama'at Nasr al-Islam wal Muslimin\nCoalition of the People of Azawad",
     "JNIM-CPA victory", [["Mali"], ["JNIM", "CPA"]]),
    # the state's allies each after their own flag on one line are one side
    ("Bandiera delle Nazioni Unite.svg MINUSMA Bandiera della Francia Francia ShababFlag.svg "
     "Gruppo di sostegno per l'Islam e i musulmani", "Indeciso", [["MINUSMA", "France"], ["JNIM"]]),
    # three sides; the result's winners keep the MNLA and France together
    ("MNLA\n France\nArab Movement of Azawad (MAA) MOJWA\nAnsar al-Sharia (Mali)", "French-Azawad victory",
     [["MNLA", "France"], ["MAA"], ["MOJWA", "Ansar al-Sharia"]]),
    ("Mali\n\nMNLA\nHCUA", "Victoire du MNLA", [["Mali"], ["MNLA", "HCUA"]]),
    ("Mali vs. MNLA", "", [["Mali"], ["MNLA"]]),
    ("25px Mali\nSupported by:\nFrance", "", [["Mali", "France"]]),
])
def test_belligerents_are_grouped_in_the_pages_order(text, result, sides):
    assert sides_of(text, result) == sides


@pytest.mark.parametrize("text, sides, groups", [
    ("47 killed [4] Flag of Mali.svg ~12 killed [5]\n4+ civilians killed", [["Ansar Dine"], ["Mali"]],
     [(0, "47 killed"), (1, "~12 killed\n4+ civilians killed")]),
    ("9 morts\n6 blessés\n(selon le Mali)[2]\n10 morts\n16 blessés\n(selon le Mali)[2]", [["Mali"], ["CMA"]],
     [(0, "9 morts\n6 blessés\n(selon le Mali)"), (1, "10 morts\n16 blessés\n(selon le Mali)")]),
    ("2 wounded 8-40 captured\n3 armoured vehicles captured", [["MNLA"], ["Mali"]],
     [(0, "2 wounded"), (1, "8-40 captured\n3 armoured vehicles captured")]),
    ("14 killed\n18 injured\n4 killed", [["Mali"], ["JNIM"]], [(0, "14 killed\n18 injured"), (1, "4 killed")]),
    ("3 killed\n3 injured\n10-13 killed (per Mali)\n3 killed (per Fulani groups)", [["Mali"], ["JNIM"]],
     [(0, "3 killed\n3 injured"), (1, "10-13 killed (per Mali)\n3 killed (per Fulani groups)")]),
    ("Malian claim:\n25 killed, 6 wounded\nJNIM claim:\n30 killed or wounded\nMalian claim:\n~12 [1]",
     [["Mali"], ["JNIM"]], [(0, "Malian claim:\n25 killed, 6 wounded\nJNIM claim:\n30 killed or wounded"),
                            (1, "Malian claim:\n~12 [1]")]),
    ("Drapeau du Mali\n4 blessés[1]\n\nDrapeau de la France\n1 mort[1]\n\n~ 10 morts[1]", [["Mali", "France"], ["MUJAO"]],
     [(0, "4 blessés[1]"), (0, "1 mort[1]"), (1, "~ 10 morts[1]")]),
])
def test_a_flattened_casualty_block_is_split_by_the_marks_the_page_kept(text, sides, groups):
    found, told = casualty_groups(text, sides)
    assert told and found == [(side, "\n".join(line.strip() for line in without_citations(g).split("\n"))) for side, g in groups]


def test_figures_whose_side_the_page_no_longer_shows_are_not_guessed():
    found, told = casualty_groups("8 killed, 10 wounded\n4 killed, 8 wounded\n4 killed, 2 wounded\n21-25 killed",
                                  [["Niger", "United States"], ["ISGS"]])
    assert not told and all(side is None for side, _ in found)


@pytest.mark.parametrize("sentence, groups", [
    ("On June 5, 2013, clashes broke out between the Malian Army and the MNLA in Anefis.", [["Mali"], ["MNLA"]]),
    ("On November 18, 2019, Malian troops were ambushed by the Islamic State in the Greater Sahara.",
     [["ISGS"], ["Mali"]]),
    ("The raid on Dioura was an attack on a Malian military base in the town of Dioura, Mali, by JNIM.",
     [["JNIM"], ["Mali"]]),
    ("Armed militants from the ISGS attacked Nigerien and U.S. soldiers near Tongo Tongo, Niger.",
     [["ISGS"], ["Niger", "United States"]]),
    ("Il oppose l'armée malienne aux rebelles de la CMA qui mènent une attaque contre la ville.", [["Mali"], ["CMA"]]),
    ("Il 10 gennaio i jihadisti dell'AQMI attaccano le posizioni dell'esercito maliano a Konna.",
     [["AQIM"], ["Mali"]]),  # "i jihadisti dell'AQMI": the group, not the camp word beside it
    ("Он натравливает малийскую армию против джихадистов Ансар Дайн.", [["Mali"], ["Ansar Dine"]]),
])
def test_the_prose_says_who_fought_whom_in_the_languages_articles_come_in(sentence, groups):
    assert prose_sides([("lead", sentence)]).value == groups


def test_a_sentence_naming_the_events_place_is_read_before_a_lead_that_says_only_islamists():
    prose = [("lead", "In August 2022, an attack by suspected Islamists killed 42 Malian soldiers. Islamist groups such "
                      "as AQIM began an insurgency against the Malian government."),
             ("lead", "On August 7, alleged ISGS fighters launched an attack on Malian soldiers near Tessit.")]
    assert prose_sides(prose, "Tessit").value == [["ISGS"], ["Mali"]]


def test_a_month_in_the_lead_becomes_the_day_the_body_gives_in_that_month():
    prose = [("lead", "In August 2022, an attack killed 42 soldiers."), ("lead", "In early March 2022, rebels attacked "
             "Mondoro."), ("body", "On August 7, around 3pm, fighters attacked the camp.")]
    found = prose_date(prose, None)
    assert (found.value.start, found.where) == ("2022-08-07", "body")


@pytest.mark.parametrize("paragraph, titled, place", [
    ("The Battle of Konna was a battle in the Northern Mali Conflict in the town of Konna in central Mali.", "Konna",
     "Konna"),
    ("On 5 June 2016, MNLA fighters attacked a checkpoint in Ber, Tombouctou Region, killing two.", "",
     "Ber, Tombouctou Region"),
    ("Le combat a lieu dans la ville de Léré, au nord du pays.", "", "Léré"),
])
def test_the_place_the_lead_gives(paragraph, titled, place):
    assert prose_place([("lead", paragraph)], titled).value == place


def test_party_mentions_know_nationalities_and_not_countries_as_places():
    assert find_parties("Nigerien and U.S. soldiers near the village of Tongo Tongo, Niger") == ["Niger", "United States"]
    assert find_parties("les forces maliennes et françaises gagnent la zone") == ["Mali", "France"]
    assert find_parties("in the north of Mali, near the Niger River") == []
    assert find_parties("near the border with Mali") == find_parties("à la frontière avec le Mali") == []
    assert find_parties("attacked near the Malian border") == []
    assert find_parties("Malian border guards were attacked") == ["Mali"]  # the guards are the state's
