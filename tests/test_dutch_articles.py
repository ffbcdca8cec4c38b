"""Dutch copies (Dutch troops served in Gao with MINUSMA, and Dutch outlets covered the war): a Wikipedia page's
flattened infobox and a news page, read as the other languages are: labels, dates, places, sides, claims with
their claimants, and "ten minste" read as "at least", not as the number ten."""
from __future__ import annotations

from pathlib import Path

from dashboard.ingest.parse import parse_article, parse_file
from dashboard.text.numbers import find_numbers

ARTICLES = Path(__file__).parent / "articles"


def test_a_dutch_wikipedia_copy_gives_its_dates_place_sides_and_infobox_claims():
    [event] = parse_file(ARTICLES / "nl_tabs_slag_om_konna.txt").events
    assert (event.start_date, event.end_date, event.place) == ("2013-01-10", "2013-01-17", "Konna, Mali")
    assert event.sides == [["Mali", "Frankrijk"], ["Ansar Dine", "AQIM", "MUJAO"]]
    assert event.result == "Overwinning van Mali en Frankrijk"
    assert {(c.side, c.kind, c.low, c.high, c.claimed_by) for c in event.claims} == {
        ("a", "killed", 11, 11, ""), ("a", "injured", 60, 60, ""), ("b", "killed", 100, None, "Mali")}


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
