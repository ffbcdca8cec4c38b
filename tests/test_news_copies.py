"""News copies (a wire story, a French newspaper page): dated from their publication line, sides from the parties
they name, claims with the speaker who follows them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from dashboard.ingest.parse import parse_file
from dashboard.text.published import day_counted_back, publication_date

ARTICLES = Path(__file__).parent / "articles"


def test_publication_lines_datelines_and_date_lines_date_a_copy_and_an_update_line_does_not():
    assert publication_date("T\nPublié le : 14/03/2022 - 18:45\n").day == dt.date(2022, 3, 14)
    assert publication_date("T\nBAMAKO, May 22, 2014 (Reuters) - Rebels").day == dt.date(2014, 5, 22)
    assert publication_date("T\nMarch 12, 2022\ntext").day == dt.date(2022, 3, 12)
    assert publication_date("T\nLast updated 3 June 2020\nOn 5 June 2016, MNLA fighters attacked") is None


def test_a_weekday_is_the_last_one_on_or_before_the_publication_date():
    sunday = dt.date(2022, 3, 13)
    assert day_counted_back("ont attaqué samedi le village", sunday)[0].start == "2022-03-12"
    assert day_counted_back("attacked on Sunday", sunday)[0].start == "2022-03-13"
    assert day_counted_back("hier soir", sunday)[0].start == "2022-03-12"
    assert day_counted_back("nothing relative here", sunday) is None


def test_a_wire_story_gives_its_day_its_sides_and_each_claim_with_its_speaker():
    [event] = parse_file(ARTICLES / "news_wire_kidal.txt").events
    assert (event.start_date, event.place, event.sides) == ("2014-05-21", "Kidal", [["Mali"], ["MNLA"]])
    assert {(c.kind, c.low, c.claimed_by) for c in event.claims} == {
        ("killed", 40, "Mossa Ag Attaher (MNLA)"), ("captured", 70, "Mossa Ag Attaher (MNLA)"),
        ("killed", 20, "Malian government"), ("injured", 30, "Malian government")}


def test_a_french_page_counts_samedi_back_from_its_publication_line():
    [event] = parse_file(ARTICLES / "news_fr_menaka.txt").events
    assert event.start_date == "2022-03-12" and event.sides == [["Mali"], ["ISGS"]]
    assert {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims} == {
        ("civilian", "killed", 15, "sources locales"), ("b", "killed", 8, "Mali"), ("unknown", "killed", 22, "MSA")}
