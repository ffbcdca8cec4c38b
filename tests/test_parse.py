"""Golden tests: what a reader of each seed article finds in it, written by hand from the articles."""
from pathlib import Path

import pytest

from dashboard.ingest.parse import clean_commanders, clean_parties, parse_article, parse_file, place_from_title, split_side_block

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLES = Path(__file__).parent / "articles"


def seed(prefix: str):
    return parse_file(next(SEEDS.glob(f"{prefix}_*.txt")))


def article_event(parsed):
    [event] = [e for e in parsed.events if e.kind == "article"]
    return event


def claims(event):
    """The infobox's claims as it states them: "(per Mali)" is the claimant (a body sentence may name its speaker)."""
    return {(c.side, c.kind, c.low, c.high, c.claimant_org) for c in event.claims if "infobox" in c.origin}


def test_battle_of_anefis_2013():
    event = article_event(seed("000"))
    assert event.title == "Battle of Anefis (June 2013)"
    assert (event.start_date, event.end_date, event.date_precision) == ("2013-06-05", "2013-06-05", "day")
    assert event.place == "Anefis, Kidal Region, Mali" and event.region == "Kidal"
    assert event.sides == [["Mali"], ["MNLA"]]
    assert event.commanders == [["Didier Dacko", "El Hadj Ag Gamou"], []]
    assert event.strengths == ["Several hundred men", "400 men"]
    assert event.result == "Malian victory" and event.part_of == "Mali War"
    assert claims(event) == {
        ("a", "injured", 2, 2, "Mali"), ("a", "vehicles destroyed", 6, 6, "MNLA"), ("a", "captured", 12, 12, "MNLA"),
        ("a", "injured", 10, 10, "France"),
        ("b", "killed", 2, 2, "MNLA"), ("b", "injured", 2, 2, "MNLA"), ("b", "killed", 30, 30, "Mali"),
        ("b", "captured", 28, 28, "Mali"),
    }
    assert [h for h, _ in event.sections] == ["Background", "Battle", "Aftermath"]
    assert event.summary.startswith("On June 5, 2013, clashes broke out")
    assert event.infobox["Strength2"] == "400 men"


def test_battle_of_anefis_2014_cleans_markup_and_status_markers():
    event = article_event(seed("001"))
    assert event.title == "Battle of Anéfis (2014)"
    assert (event.start_date, event.end_date) == ("2014-07-11", "2014-07-11")
    assert event.sides == [["MAA-Loyalist", "GATIA", "CM-FPR II"], ["MNLA", "MAA-Dissident", "HCUA"]]
    assert event.commanders[0] == ["Yoro Ould Daha", "El Hadj Ag Gamou", "Bojan (killed in action)"]
    assert event.commanders[1] == ["Sidi Brahim Ould Sidati"]
    assert claims(event) == {
        ("a", "killed", 35, 35, "MNLA"), ("a", "captured", 5, 5, "MNLA"),
        ("b", "killed", 111, 111, "loyalists"), ("b", "injured", None, None, "loyalists"),
        ("b", "captured", 17, 17, "loyalists"), ("b", "killed", 4, 4, "MNLA"), ("b", "injured", 10, 10, "MNLA"),
        ("b", "killed", 37, 37, "Mali"),
    }
    hundreds = next(c for c in event.claims if c.low is None)
    assert hundreds.text == "hundreds injured (per loyalists)"


def test_amazragane_third_casualty_line_is_civilian():
    event = article_event(seed("002"))
    assert (event.title, event.start_date, event.region) == ("Amazragane skirmish", "2013-11-08", "Ménaka")
    civilian = {(c.kind, c.low, c.claimed_by) for c in event.claims if c.side == "civilian" and "infobox" in c.origin}
    assert civilian == {("killed", 3, "MNLA"), ("injured", 3, "MNLA")}
    assert ("a", "killed", 2, 2, "MNLA") in claims(event)


def test_second_battle_of_kidal_web_page():
    parsed = seed("003")
    assert parsed.shape == "web-page"
    event = article_event(parsed)
    assert event.title == "Second Battle of Kidal"
    assert (event.start_date, event.end_date, event.date_precision) == ("2014-05-16", "2014-05-21", "day")
    assert event.place == "Kidal"  # the Location row is empty: the place comes from the title
    assert (event.latitude, event.longitude, event.location_source) == (18.4411, 1.4072, "article")
    assert event.sides == [["Mali"], ["Azawad"]]
    assert event.strengths == ["1,500", "unknown"]
    assert event.result == "MNLA Victory" and event.part_of == "the Internal conflict in Azawad"
    assert claims(event) == {
        ("a", "killed", 40, 40, "MNLA"), ("a", "injured", 50, 50, "MNLA"), ("a", "captured", 70, 70, "MNLA"),
        ("a", "vehicles captured", 50, 50, "MNLA"), ("a", "vehicles captured", 12, 12, "MNLA"),
        ("b", "killed", 2, 2, "MNLA"), ("b", "injured", 10, 10, "MNLA"),
    }
    assert "Related Research Articles" not in [h for h, _ in event.sections]


def test_related_research_articles_of_003():
    parsed = seed("003")
    related = {e.title: e for e in parsed.events if e.kind == "related"}
    expected = {
        "Battle of Gao": ("2012-06-26", "2012-06-28", "Gao"),
        "Battle of Aguelhok": ("2012-01-17", "2012-01-17", "Aguelhok"),
        "Battle of In Emsal": ("2012-01-20", "2012-01-20", "In Emsal"),
        "Ambush of Tinsalane": ("2012-02-11", "2012-02-11", "Tinsalane"),
        "First battle of Kidal": ("2012-03-30", "2012-03-30", "Kidal"),
        "Raid on Dioura": ("2019-03-17", "2019-03-17", "Dioura"),
        "Battle of Ber (2023)": ("2023-08-11", "2023-08-12", "Ber"),
        "Battle of Kidal": ("2023-11-10", "2023-11-14", "Kidal"),
    }
    for title, (start, end, place) in expected.items():
        assert (related[title].start_date, related[title].end_date, related[title].place) == (start, end, place), title
    unnamed = {(e.start_date, e.place) for e in related.values() if e.title not in expected}
    assert unnamed == {("2015-05-11", "Tin Telout, Tombouctou Region"), ("2013-11-08", "Amazragane, Ménaka Region"),
                       ("2013-10-23", "Tessalit"), ("2013-09-11", "near Fooïta"), ("2013-06-05", "Anefis"),
                       ("2013-05-17", "Anéfis")}
    assert related["Battle of Gao"].sides == [["MNLA"], ["MOJWA", "Ansar Dine"]]
    assert related["Battle of Aguelhok"].sides == [["MNLA", "Ansar Dine", "AQIM"], ["Mali"]]
    assert related["Battle of Ber (2023)"].sides == [["Mali", "Wagner Group"], ["CMA", "JNIM"]]
    # People and groups (Gamou, Fagaga, Ba Ag Moussa, Hamada Ag Hama, the Imghad group) are not events...
    assert parsed.people_or_groups == 5
    assert not any("Gamou" in e.title or "born" in e.summary for e in parsed.events)
    # ...and the undated Kidal offensive is a named problem, not a silent drop.
    assert any(p.stage == "related" and "Kidal offensive" in p.reason for p in parsed.problems)


def test_kidal_2023_duplicated_header_and_civilian_claims():
    event = article_event(seed("004"))
    assert event.title == "Battle of Kidal (2023)"
    assert (event.start_date, event.end_date) == ("2023-11-10", "2023-11-14")
    assert event.sides == [["Mali", "Wagner Group"], ["MNLA", "HCUA", "MAA", "GATIA (al-Mahmoud faction)"]]
    assert claims(event) == {("civilian", "killed", 14, None, ""), ("civilian", "injured", 30, None, "")}
    assert [h for h, _ in event.sections] == ["Background", "Prelude", "Battle", "Aftermath"]


def test_event_ids_are_stable_and_unique():
    first = [e.event_id for p in map(parse_file, sorted(SEEDS.iterdir())) for e in p.events]
    second = [e.event_id for p in map(parse_file, sorted(SEEDS.iterdir())) for e in p.events]
    assert first == second and len(set(first)) == len(first)
    assert all(i.startswith("ev-") and len(i) == 13 for i in first)


def test_wikitext_infobox_is_read_by_the_same_interface():
    parsed = parse_file(ARTICLES / "wikitext_tessalit.wiki")
    event = article_event(parsed)
    assert parsed.shape == "wikitext"
    assert event.title == "Battle of Tessalit (2013)" and event.start_date == "2013-10-23"
    assert event.place == "Tessalit, Kidal Region, Mali" and event.region == "Kidal"
    assert (event.latitude, event.longitude) == (20.1989, 1.0119)
    assert event.sides == [["Chad", "France"], ["Katiba Salahadin"]]
    assert event.commanders == [[], ["Sultan Ould Bady (killed in action)"]]
    assert event.strengths == ["~100", "12"]
    assert ("b", "killed", 4, 7, "France") in claims(event)
    assert [h for h, _ in event.sections] == ["Background", "Battle"]
    assert "caption" in event.infobox


def test_table_scrape_gives_one_cell_per_side():
    parsed = parse_file(ARTICLES / "table_ber.txt")
    event = article_event(parsed)
    assert parsed.shape == "table"
    assert (event.title, event.start_date, event.end_date) == ("Battle of Ber (2023)", "2023-08-11", "2023-08-12")
    assert event.region == "Tombouctou"
    assert event.sides == [["Mali", "Wagner Group"], ["CMA", "JNIM"]]
    assert claims(event) == {("a", "killed", 6, 6, "Mali"), ("b", "killed", 24, 24, "CMA"),
                             ("b", "vehicles destroyed", 4, 4, "CMA")}


def test_french_informations_generales_page():
    parsed = parse_file(ARTICLES / "french_page_kidal.txt")
    event = article_event(parsed)
    assert (event.title, event.start_date, event.end_date) == ("Bataille de Kidal (2014)", "2014-05-16", "2014-05-21")
    assert event.place == "Kidal" and event.result == "Victoire du MNLA"
    assert (event.latitude, event.longitude) == (18.4411, 1.4072)
    assert event.sides == [["Mali"], ["MNLA", "HCUA"]]
    assert event.commanders == [["El Hadj Ag Gamou"], ["Bilal Ag Acherif"]]
    assert {(c.side, c.low) for c in event.claims} == {("a", 50), ("b", 2)}


def test_date_falls_back_to_the_lead_never_to_background():
    text = ("= Clash at Tarkint =\n\nInfobox\n- Place: Tarkint, Gao Region, Mali\n- Combatant1: Mali\n- Combatant2: MNLA\n\n"
            "Between July 19 and 22, 2014, clashes broke out in Tarkint.\n\n== Background ==\nOn 30 March 2012, Kidal fell.\n")
    event = article_event(parse_article(text, "x.txt"))
    assert (event.start_date, event.end_date) == ("2014-07-19", "2014-07-22")


def test_impossible_infobox_date_is_a_named_problem():
    text = "= Battle of X =\n\nInfobox\n- Place: Kidal\n- Date: February 30, 2013\n- Combatant1: Mali\n\nA clash.\n"
    parsed = parse_article(text, "bad.txt")
    event = article_event(parsed)
    assert event.start_date == ""
    reasons = [p.reason for p in parsed.problems if p.stage == "date"]
    assert any("February 30, 2013" in r or "30" in r for r in reasons)
    assert any("no date" in r for r in reasons)


def test_text_without_structure_is_a_named_problem():
    parsed = parse_article("Just some words about the weather in Gao.\n", "weather.txt")
    assert parsed.events == []
    assert [p.stage for p in parsed.problems] == ["parse"]
    assert "no recognisable structure" in parsed.problems[0].reason


def test_duplicated_infobox_key_keeps_first_and_says_so():
    text = "= B =\n\nInfobox\n- Date: June 5, 2013\n- Date: June 6, 2013\n- Place: Anefis\n\nLead.\n"
    parsed = parse_article(text, "dup.txt")
    assert article_event(parsed).start_date == "2013-06-05"
    assert any("appears twice" in p.reason for p in parsed.problems)


@pytest.mark.parametrize("cell, parties", [
    ("border|20px MAA-Loyalist, border|20px GATIA, CM-FPR II", ["MAA-Loyalist", "GATIA", "CM-FPR II"]),
    ("Flag of Mali.svg  Mali", ["Mali"]),
    ("MNLA flag.svg  Azawad", ["Azawad"]),
    ("25px Mali\nSupported by:\nFrance", ["Mali", "France (support)"]),
    ("Unknown", []),
])
def test_clean_parties(cell, parties):
    assert clean_parties(cell) == parties


def test_clean_commanders_status_markers():
    assert clean_commanders("BojanKIA, Ag Gamou POW, Iyad Ag Ghaly") == [
        "Bojan (killed in action)", "Ag Gamou (prisoner of war)", "Iyad Ag Ghaly"]


@pytest.mark.parametrize("title, place", [
    ("Second Battle of Kidal", "Kidal"), ("Battle of Anéfis (2014)", "Anéfis"), ("Amazragane skirmish", "Amazragane"),
    ("Battle of In Emsal", "In Emsal"), ("Kidal offensive", "Kidal"), ("Mali War", ""),
    ("Slag om Konna", "Konna"), ("Secretary-General Condemns Attack on MINUSMA Camp in Aguelhok, Mali", "Aguelhok"), ("معركة كيدال (2023)", "كيدال"), ("هجوم على تيساليت", "تيساليت"), ("حرب مالي", ""),
])
def test_place_from_title(title, place):
    assert place_from_title(title) == place


def test_split_side_block_by_citation_markers():
    assert split_side_block("1,500 [1] unknown", 2) == ["1,500", "unknown"]
    assert split_side_block("Mali\n\nMNLA\nHCUA", 2) == ["Mali", "MNLA\nHCUA"]


def test_glued_year_is_a_date_not_a_field_number():
    text = ("Clash at Tarkint\n\nDate2012\nLocationTarkint, Gao Region\nResult\nUnclear\nBelligerents\n\nMali\n\nMNLA\n\n"
            + "On an unknown day of 2012, a clash broke out between Malian forces and the MNLA near the town of Tarkint, "
              "according to the few reports that reached Gao.\n")
    event = article_event(parse_article(text, "glued.txt"))
    assert (event.start_date, event.end_date, event.date_precision) == ("2012-01-01", "2012-12-31", "year")
    assert event.place == "Tarkint, Gao Region"
