"""Parties and camps as running text names them, and the side of an event each is on (dashboard/parties/mentions.py)."""
from dashboard.parties.mentions import find_mentions, side_of_mention

LOYALISTS_2014 = [["MAA-Loyalist", "GATIA", "CM-FPR II"], ["MNLA", "MAA-Dissident", "HCUA"]]
KIDAL_2023 = [["Mali", "Wagner Group"], ["MNLA", "HCUA", "MAA", "GATIA (al-Mahmoud faction)"]]


def sides(text: str, event_sides, year: int):
    return [(text[m.start:m.end], side_of_mention(m, event_sides, year)) for m in find_mentions(text)]


def test_named_parties_demonyms_and_camp_words_in_2014():
    text = "MNLA fighters, pro-government fighters, forty-seven rebel MAA, a pro-government MAA fighter, the rebels"
    assert sides(text, LOYALISTS_2014, 2014) == [("MNLA", 1), ("pro-government", 0), ("rebel MAA", 1),
                                                  ("pro-government MAA", 0), ("rebels", 1)]


def test_a_party_no_side_lists_is_on_no_side():
    assert sides("Malian soldiers", LOYALISTS_2014, 2014) == [("Malian", None), ("soldiers", None)]


def test_coalitions_members_and_allies_in_2023():
    assert sides("Ten CSP-PSD vehicles, Russian mercenaries, Malian forces, MAA fighters", KIDAL_2023, 2023) == [
        ("CSP-PSD", 1), ("Russian", 0), ("Malian forces", 0), ("MAA", 1)]


def test_a_camp_word_on_the_one_side_whose_parties_are_unknown():
    assert sides("Eleven jihadists", [["Mali"], ["Katibat Macina"]], 2018) == [("jihadists", 1)]


def test_the_azawad_liberation_front_of_2024_is_a_party_of_its_own_in_every_language():
    fla = [["Mali", "Wagner Group"], ["FLA"]]
    for text in ("fighters of the Azawad Liberation Front", "le Front de libération de l'Azawad (FLA)",
                 "جبهة تحرير أزواد", "the FLA said"):
        assert [(m.party, side_of_mention(m, fla, 2025)) for m in find_mentions(text)][:1] == [("FLA", 1)], text
