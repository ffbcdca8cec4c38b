"""Other scripts' digits and Arabic month names, as the readers need them (dashboard/text/scripts.py, text.months)."""
from pathlib import Path

import pytest

from dashboard.ingest.parse import parse_article
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.dates import parse_date_range
from dashboard.text.scripts import western_digits


def test_arabic_indic_digits_and_the_arabic_comma_become_what_the_readers_read():
    assert western_digits("٥٠ قتيلا، ٤٠ جريحا") == "50 قتيلا, 40 جريحا"
    assert western_digits("۱۳۹۲") == "1392" and western_digits("Kidal, 2014") == "Kidal, 2014"


@pytest.mark.parametrize("text, start, end", [
    ("16–21 مايو 2014", "2014-05-16", "2014-05-21"),  # Egyptian names
    ("17 كانون الثاني 2012", "2012-01-17", "2012-01-17"),  # the Levant's two-word month
    ("في 5 جوان 2016", "2016-06-05", "2016-06-05"),  # Algeria's
])
def test_arabic_dates(text, start, end):
    found = parse_date_range(text)
    assert (found.start, found.end) == (start, end)


def test_a_conjunction_glued_to_a_definite_word_is_set_apart():
    assert western_digits("بين الجيش المالي والمتمردين") == "بين الجيش المالي و المتمردين"


def test_an_arabic_page_whose_title_names_the_town_is_placed_there_and_dated_by_its_lead():
    text = ("معركة كيدال (2023)\n\nفي 14 نوفمبر 2023، سيطر الجيش المالي ومجموعة فاغنر على كيدال بعد انسحاب مقاتلي "
            "الإطار الاستراتيجي الدائم.\n")
    [event] = parse_article(text, "ar.txt").events
    assert (event.place, event.start_date, event.sides) == ("كيدال", "2023-11-14", [["Mali", "Wagner Group"], ["CSP"]])
    kidal = Gazetteer.from_csv(Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv").geocode(event.place)
    assert kidal is not None and round(kidal.latitude, 1) == 18.4
