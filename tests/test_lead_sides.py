"""Sides of a page with no infobox, read from its lead: a town taken ("the Malian army took control of Kidal after
fighters of the CSP withdrew": the taker and who left are the two sides, the state's first as on any page that gives
no order), in English, French, Spanish and Arabic, and Arabic's own sentence shapes (the verb before its subject,
"and" glued to the next word). A sentence that names parties but sets nobody against anybody gives no sides."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ingest.control import read_control
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"
GAZETTEER = Gazetteer.from_csv(ROOT / "data" / "gazetteer.csv")


def lead_sides(lead: str, title: str = "Capture of Kidal (2023)") -> list[list[str]]:
    [event] = parse_article(f"{title}\n\n{lead}\n", "lead.txt").events
    return event.sides


@pytest.mark.parametrize("name", ["lead_only_en_kidal_2023.txt", "lead_only_fr_kidal_2023.txt",
                                  "lead_only_es_kidal_2023.txt", "lead_only_ar_kidal_2023.txt"])
def test_a_lead_about_a_town_taken_gives_the_taker_and_who_withdrew(name):
    parsed = parse_file(ARTICLES / name)
    [event] = parsed.events
    assert (event.start_date, event.sides) == ("2023-11-14", [["Mali", "Wagner Group"], ["CSP"]])
    assert not [p for p in parsed.problems if "names no side" in p.reason]


@pytest.mark.parametrize("lead, sides", [
    ("On 14 November 2023, the Malian army seized Kidal from the CSP.", [["Mali"], ["CSP"]]),
    ("On 14 November 2023, the Malian army entered Kidal after the CSP rebels fled.", [["Mali"], ["CSP"]]),
    ("On 14 November 2023, Malian troops drove the CSP fighters out of Kidal.", [["Mali"], ["CSP"]]),
    ("On 21 May 2014, the MNLA recaptured Kidal after the withdrawal of Malian forces.", [["Mali"], ["MNLA"]]),
    ("Le 14 novembre 2023, l'armée malienne a pris le contrôle de Kidal après le départ des combattants du CSP.",
     [["Mali"], ["CSP"]]),
    ("Il 14 novembre 2023 l'esercito maliano ha preso il controllo di Kidal dopo il ritiro dei ribelli del CSP.",
     [["Mali"], ["CSP"]]),
    ("Em 14 de novembro de 2023, o exército maliano retomou Kidal após a retirada dos rebeldes do CSP.",
     [["Mali"], ["CSP"]]),
    ("Die malische Armee eroberte die Stadt Kidal am 14. November 2023 nach dem Rückzug der Rebellen der CSP.",
     [["Mali"], ["CSP"]]),
    # a town taken from no one named: the taker alone, so the faction filter still finds the event
    ("On 14 November 2023, Malian troops recaptured Kidal.", [["Mali"], []]),
])
def test_a_town_changing_hands_in_a_lead_gives_its_sides(lead, sides):
    assert lead_sides(lead) == sides


@pytest.mark.parametrize("lead, sides", [
    # "clashes between the Malian army and the fighters of the CSP" ("and" glued to "fighters")
    ("في 14 نوفمبر 2023، اندلعت اشتباكات بين الجيش المالي ومقاتلي الإطار الاستراتيجي الدائم قرب مدينة كيدال.",
     [["Mali"], ["CSP"]]),
    # "JNIM gunmen attacked a base of the Malian army"
    ("في 14 نوفمبر 2023، هاجم مسلحو جماعة نصرة الإسلام والمسلمين قاعدة للجيش المالي في مدينة كيدال.",
     [["Mali"], ["JNIM"]]),
    # "an attack that the Islamic State in the Greater Sahara launched on the Malian army"
    ("في 14 نوفمبر 2023، هجوم شنه تنظيم الدولة الإسلامية في الصحراء الكبرى على الجيش المالي قرب مدينة كيدال.",
     [["Mali"], ["ISGS"]]),
    # "the Malian army retook control of the town of Kidal from the CSP"
    ("في 14 نوفمبر 2023، استعاد الجيش المالي السيطرة على مدينة كيدال من الإطار الاستراتيجي الدائم.", [["Mali"], ["CSP"]]),
    # "Daesh gunmen attacked a village near the town of Kidal in Mali": Mali is the place, not a side
    ("في 14 نوفمبر 2023، هاجم مسلحو داعش قرية قرب مدينة كيدال في مالي.", [["ISGS"], []]),
])
def test_arabic_sentence_shapes_give_sides(lead, sides):
    assert lead_sides(lead, "معركة كيدال (2023)") == sides


@pytest.mark.parametrize("lead, title", [
    ("On 14 November 2023, representatives of the Malian government and the CSP met in Algiers to discuss Kidal.",
     "Kidal talks (2023)"),
    ("On 14 November 2023, the Malian army took part in a ceremony in Kidal with MINUSMA.", "Ceremony in Kidal (2023)"),
    # "representatives of the Malian army and the CSP met in the town of Kidal"
    ("في 14 نوفمبر 2023، التقى ممثلو الجيش المالي والإطار الاستراتيجي الدائم في مدينة كيدال.", "محادثات كيدال (2023)"),
])
def test_a_lead_that_sets_nobody_against_anybody_gives_no_sides(lead, title):
    assert not any(lead_sides(lead, title))


def test_the_control_table_reads_the_same_taker_and_loser():
    [event] = parse_file(ARTICLES / "lead_only_ar_kidal_2023.txt").events
    [change] = read_control(event, GAZETTEER)
    assert (change.change, change.place, change.holder_parties, change.previous_parties) == (
        "took", "Kidal", ["Mali", "Wagner Group"], ["CSP"])


@pytest.mark.parametrize("lead", [
    "Des soldats maliens ont exécuté sommairement une trentaine de civils à Diafarabé le 5 avril 2020.",
    "On 5 April 2020 some 30 civilians were executed by Malian soldiers near Diafarabé.",
    "On 5 April 2020 Malian soldiers executed 30 men, some suspected jihadists, in Diafarabé.",
])
def test_a_massacre_by_soldiers_has_the_army_as_its_one_side(lead):
    """Those executed are no side, even when they are called suspects of one."""
    [event] = parse_article(f"Diafarabé killings (2020)\n\n{lead}\n", "diafarabe.txt").events
    assert (event.sides, event.place, event.start_date) == ([["Mali"], []], "Diafarabé", "2020-04-05")


def test_a_rights_report_on_a_massacre_names_the_army_and_not_its_victims():
    [event] = parse_file(ARTICLES / "report_hrw_moura.txt").events
    assert event.sides == [["Mali"], []]


@pytest.mark.parametrize("lead", [
    "On 5 May 2023, JNIM fighters attacked the army camp in Boulkessi, in central Mali. Four soldiers were killed.",
    "Le 5 mai 2023, des combattants du JNIM ont attaqué le camp militaire de Boulkessi, dans le centre du Mali. "
    "Quatre soldats ont été tués.",
])
def test_an_attack_on_the_army_in_a_text_about_mali_is_on_malis_army(lead):
    [event] = parse_article(f"Attack on Boulkessi (2023)\n\n{lead}\n", "boulkessi.txt").events
    assert event.sides == [["Mali"], ["JNIM"]]
    assert [(c.side, c.low) for c in event.claims] == [("a", 4)]  # the soldiers are Mali's


def test_the_army_of_a_neighbour_the_war_spread_to_is_not_malis():
    lead = ("On 5 May 2023, JNIM fighters attacked the army base in Djibo, in northern Burkina Faso, near the border "
            "with Mali. Four soldiers were killed.")
    [event] = parse_article(f"Attack on Djibo (2023)\n\n{lead}\n", "djibo.txt").events
    assert event.sides == [["JNIM"], []]
