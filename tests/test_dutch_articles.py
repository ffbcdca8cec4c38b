"""Dutch copies (Dutch troops served in Gao with MINUSMA, and Dutch outlets covered the war): a Wikipedia page's
flattened infobox and a news page, read as the other languages are: labels, dates, places, sides, claims with
their claimants, and "ten minste" read as "at least", not as the number ten."""
from __future__ import annotations

from pathlib import Path

from dashboard.ingest.control import read_control
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.numbers import find_numbers

ARTICLES = Path(__file__).parent / "articles"


def test_a_dutch_wikipedia_copy_gives_its_dates_place_sides_and_infobox_claims():
    [event] = parse_file(ARTICLES / "nl_tabs_slag_om_konna.txt").events
    assert (event.start_date, event.end_date, event.place) == ("2013-01-10", "2013-01-17", "Konna, Mali")
    assert event.sides == [["Mali", "Frankrijk"], ["Ansar Dine", "AQIM", "MUJAO"]]
    assert event.result == "Overwinning van Mali en Frankrijk"
    assert {(c.side, c.kind, c.low, c.high, c.claimed_by) for c in event.claims} == {
        ("a", "killed", 11, 11, ""), ("a", "injured", 60, 60, ""), ("b", "killed", 100, None, "Mali")}


def test_a_dutch_news_page_counts_zaterdag_back_and_reads_each_claim_with_its_source():
    [event] = parse_file(ARTICLES / "news_nl_menaka.txt").events
    assert (event.start_date, event.place) == ("2022-06-11", "Ménaka")  # published Sunday 12 June 2022
    assert event.sides == [["Mali"], ["ISGS"]]
    claims = {(c.side, c.kind, c.low, c.high, c.claimed_by) for c in event.claims}
    assert ("a", "killed", 20, None, "Mali") in claims  # "zeker twintig soldaten, meldt het Malinese leger"
    assert ("b", "killed", 15, 15, "leger") in claims  # "Volgens het leger werden ook 15 terroristen gedood"


def test_dutch_number_words_and_ten_minste():
    assert [n.value for n in find_numbers("zeker twintig soldaten en vijftien aanvallers")] == [20, 15]
    assert [n.value for n in find_numbers("ten minste 100 doden, ten noorden van Gao")] == [100]
    assert [n.value for n in find_numbers("ten soldiers")] == [10]


def test_dutch_losses_in_the_body_with_their_bounds():
    text = ("Aanval op Boulkessi\n\nOp 30 september 2019 zijn bij een aanval op het legerkamp in Boulkessi volgens de regering minstens "
            "dertig burgers gedood en tientallen mensen gewond geraakt.\n")
    [event] = parse_article(text, "nl.txt").events
    found = {(c.kind, c.low, c.high, c.side) for c in event.claims}
    assert ("killed", 30, None, "civilian") in found
    assert ("injured", None, None, "civilian") in found


def test_a_dutch_lead_about_kidal_changing_hands_gives_its_sides_and_its_change_of_control():
    lead = ("Het Malinese leger en de Wagnergroep namen op 14 november 2023 de controle over de stad Kidal over, "
            "nadat de rebellen van het CSP zich uit de stad hadden teruggetrokken.")
    [event] = parse_article(f"Verovering van Kidal (2023)\n\n{lead}\n", "nl.txt").events
    assert (event.start_date, event.place, event.sides) == ("2023-11-14", "Kidal", [["Mali", "Wagner Group"], ["CSP"]])
    gazetteer = Gazetteer.from_csv(Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv")
    [change] = read_control(event, gazetteer)
    assert (change.change, change.place, change.holder_parties, change.previous_parties) == (
        "took", "Kidal", ["Mali", "Wagner Group"], ["CSP"])
