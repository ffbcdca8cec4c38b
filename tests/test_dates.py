"""Dates as the articles write them, read into ISO ranges (dashboard/text/dates.py)."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.text.dates import find_lead_date, parse_date_range
from dashboard.text.when import format_date_range
from dashboard.model import DateError, DateRange

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_paragraph(name: str, opening: str) -> str:
    """The paragraph of a real seed article that begins with `opening`."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    return next(p.strip() for p in text.split("\n\n") if p.strip().startswith(opening))


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("June 5, 2013", "2013-06-05", "2013-06-05", "day"),
        ("July 11, 2014", "2014-07-11", "2014-07-11", "day"),
        ("16–21 May 2014", "2014-05-16", "2014-05-21", "day"),
        ("November 10–14, 2023", "2023-11-10", "2023-11-14", "day"),
        ("18 January – 11 March 2012", "2012-01-18", "2012-03-11", "day"),
        ("October 2, 2023 - December 20, 2023", "2023-10-02", "2023-12-20", "day"),
        ("March 8, 2022 - May 2023", "2022-03-08", "2023-05-31", "day"),
        ("26–28 June 2012", "2012-06-26", "2012-06-28", "day"),
        ("May 2014", "2014-05-01", "2014-05-31", "month"),
        ("February 2012", "2012-02-01", "2012-02-29", "month"),
        ("2012", "2012-01-01", "2012-12-31", "year"),
        ("2012–2014", "2012-01-01", "2014-12-31", "year"),
        ("March–May 2014", "2014-03-01", "2014-05-31", "month"),
        ("2014-05-21", "2014-05-21", "2014-05-21", "day"),
        ("2014-05-21 to 2014-05-25", "2014-05-21", "2014-05-25", "day"),
        ("between August 11 and 12, 2023", "2023-08-11", "2023-08-12", "day"),
        ("Between July 19 and 22, 2014", "2014-07-19", "2014-07-22", "day"),
        ("17 January 2012", "2012-01-17", "2012-01-17", "day"),
        ("30 March 2012", "2012-03-30", "2012-03-30", "day"),
        ("5 June 2013 — 7 June 2013", "2013-06-05", "2013-06-07", "day"),
        ("June 5 to 7, 2013", "2013-06-05", "2013-06-07", "day"),
        ("31 December 2013 – 2 January 2014", "2013-12-31", "2014-01-02", "day"),
        ("the 5th of June 2013", "2013-06-05", "2013-06-05", "day"),
        ("Sept. 3, 2013", "2013-09-03", "2013-09-03", "day"),
        ("16–21 May 2014\n(5 days)", "2014-05-16", "2014-05-21", "day"),
        ("Date16–21 May 2014", "2014-05-16", "2014-05-21", "day"),
        ("June 5, 2013[1]", "2013-06-05", "2013-06-05", "day"),
        ("June 5[2], 2013", "2013-06-05", "2013-06-05", "day"),
        ("c. 2012", "2012-01-01", "2012-12-31", "year"),
        ("circa May 2014", "2014-05-01", "2014-05-31", "month"),
        ("2012–present", "2012-01-01", "2012-12-31", "year"),
        ("20 janvier 2012", "2012-01-20", "2012-01-20", "day"),
        ("du 16 au 21 mai 2014", "2014-05-16", "2014-05-21", "day"),
        ("1er août 2013", "2013-08-01", "2013-08-01", "day"),
        ("entre le 11 et le 12 août 2023", "2023-08-11", "2023-08-12", "day"),
        ("29 February 2012", "2012-02-29", "2012-02-29", "day"),
    ],
)
def test_parse_date_range_reads_written_forms(text, start, end, precision):
    assert parse_date_range(text) == DateRange(start, end, precision)


def test_default_year_completes_a_date_written_without_one():
    assert parse_date_range("20 January", default_year=2012) == DateRange("2012-01-20", "2012-01-20", "day")
    assert parse_date_range("November 9 and 10", default_year=2023) == DateRange("2023-11-09", "2023-11-10", "day")


def test_written_year_wins_over_default_year():
    assert parse_date_range("20 January 2013", default_year=2012).start == "2013-01-20"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("February 30, 2013", "no day 30 in February 2013"),
        ("32 May 2014", "no day 32"),
        ("2013-13-01", "no month 13"),
        ("29 February 2013", "no day 29"),
        ("21–16 May 2014", "ends"),
        ("Unknown", "no date"),
        ("", "no date"),
        ("20 January", "no year"),
        ("16–21", "no date"),
    ],
)
def test_impossible_or_missing_dates_raise_date_error_naming_the_text(text, words):
    with pytest.raises(DateError) as err:
        parse_date_range(text)
    assert words in str(err.value)
    assert repr(text) in str(err.value)


@pytest.mark.parametrize(
    ("seed", "opening", "start", "end"),
    [
        ("000_e3dc056557bc1002.txt", "On June 5, 2013", "2013-06-05", "2013-06-05"),
        ("001_070efaabfcf43540.txt", "On July 11, 2014", "2014-07-11", "2014-07-11"),
        ("002_2b72ca9f9093e46b.txt", "On November 8, 2013", "2013-11-08", "2013-11-08"),
        ("004_a954f82738c9178b.txt", "The battle of Kidal took place", "2023-11-10", "2023-11-14"),
        ("003_499888a3b842d896.txt", "The Battle of Gao was fought", "2012-06-26", "2012-06-28"),
        ("003_499888a3b842d896.txt", "The Battle of Aguelhok", "2012-01-17", "2012-01-17"),
        ("003_499888a3b842d896.txt", "The battle of In Emsal", "2012-01-20", "2012-01-20"),
        ("003_499888a3b842d896.txt", "The ambush of Tinsalane", "2012-02-11", "2012-02-11"),
        ("003_499888a3b842d896.txt", "The first battle of Kidal", "2012-03-30", "2012-03-30"),
        ("003_499888a3b842d896.txt", "The raid on Dioura", "2019-03-17", "2019-03-17"),
        ("003_499888a3b842d896.txt", "Between May 17 and 18, 2013", "2013-05-17", "2013-05-18"),
        ("003_499888a3b842d896.txt", "The battle of Ber", "2023-08-11", "2023-08-12"),
    ],
)
def test_find_lead_date_in_seed_paragraphs(seed, opening, start, end):
    assert find_lead_date(seed_paragraph(seed, opening)) == DateRange(start, end, "day")


@pytest.mark.parametrize(
    "opening",
    [
        "El Hadj Ag Gamou, born December 31, 1964",  # a person: birth date, then "since November 22, 2023"
        "Hassan Ag Fagaga, born around 1959",
        "The Kidal offensive was an offensive",  # only bare years (2021, 2015, 2023)
        "The Imghad Tuareg Self-Defense Group and Allies is",  # "500 to 1,000 fighters" are not dates
        "Ba Ag Moussa",
    ],
)
def test_find_lead_date_is_none_for_people_and_undated_paragraphs(opening):
    assert find_lead_date(seed_paragraph("003_499888a3b842d896.txt", opening)) is None


def test_find_lead_date_takes_the_year_from_elsewhere_in_the_paragraph():
    text = "On 20 January, a convoy was ambushed near Aguelhok during the rebellion of 2012."
    assert find_lead_date(text) == DateRange("2012-01-20", "2012-01-20", "day")


def test_find_lead_date_does_not_take_a_head_count_for_a_year():
    assert find_lead_date("On 18 May, 1500 Malian soldiers arrived in the city.") is None
    assert find_lead_date("On 18 May, 1500 soldiers arrived.", default_year=2014).start == "2014-05-18"


def test_find_lead_date_skips_dates_that_are_not_the_event():
    text = "Kidal has been held since March 4, 2014. Fighting broke out on 17 May 2014 in the town."
    assert find_lead_date(text).start == "2014-05-17"


def test_find_lead_date_falls_back_to_a_month():
    text = "The first seizure of the city was in March 2012 by Ansar Dine."
    assert find_lead_date(text) == DateRange("2012-03-01", "2012-03-31", "month")


def test_find_lead_date_ignores_lower_case_may_and_march_as_verbs():
    assert find_lead_date("Fighters may 2 times a day march 20 km north of Kidal in 2013.") is None


@pytest.mark.parametrize(
    ("r", "text"),
    [
        (DateRange("2013-06-05", "2013-06-05", "day"), "5 June 2013"),
        (DateRange("2014-05-16", "2014-05-21", "day"), "16–21 May 2014"),
        (DateRange("2012-01-18", "2012-03-11", "day"), "18 January – 11 March 2012"),
        (DateRange("2013-12-31", "2014-01-02", "day"), "31 December 2013 – 2 January 2014"),
        (DateRange("2014-05-01", "2014-05-31", "month"), "May 2014"),
        (DateRange("2014-03-01", "2014-05-31", "month"), "March–May 2014"),
        (DateRange("2012-01-01", "2012-12-31", "year"), "2012"),
        (DateRange("2012-01-01", "2014-12-31", "year"), "2012–2014"),
        (DateRange("2022-03-08", "2023-05-31", "day"), "8 March 2022 – 31 May 2023"),
        (DateRange("2012-01-01", "2014-05-31", "year"), "2012 – May 2014"),
    ],
)
def test_format_date_range_writes_human_text(r, text):
    assert format_date_range(r) == text
    assert parse_date_range(text) == r


def test_format_date_range_rejects_non_iso_values():
    with pytest.raises(DateError):
        format_date_range(DateRange("June 5", "2013-06-05", "day"))


@st.composite
def date_ranges(draw) -> DateRange:
    """Ranges as parse_date_range produces them: a month/year start begins on the 1st of its month/year."""
    precision = draw(st.sampled_from(["day", "month", "year"]))
    start = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
    if precision != "day":
        start = start.replace(day=1, month=1 if precision == "year" else start.month)
    span = draw(st.sampled_from(["one", "any"]))
    if span == "one" and precision != "day":
        last_month = 12 if precision == "year" else start.month
        end = date(start.year, last_month, calendar.monthrange(start.year, last_month)[1])
    else:
        end = start + timedelta(days=draw(st.integers(0, 2000)))
    return DateRange(start.isoformat(), end.isoformat(), precision)


@settings(max_examples=200)
@given(date_ranges())
def test_format_then_parse_gives_the_same_range(r):
    assert parse_date_range(format_date_range(r)) == r


DATE_WORDS = ["June", "mai", "5", "31", "30", "2013", "2014", "–", "-", "to", "and", "between", ",", ".",
              "(5 days)", "[1]", "born", "since", "2013-02-30", "2014-05-21", "1er", "0000", "99", "Sept.", "the"]


@settings(max_examples=200)
@given(st.one_of(st.text(), st.lists(st.sampled_from(DATE_WORDS), max_size=8).map(" ".join)),
       st.one_of(st.none(), st.integers(-5, 10_000)))
def test_parse_date_range_returns_a_range_or_raises_date_error(text, default_year):
    try:
        r = parse_date_range(text, default_year=default_year)
    except DateError:
        return
    assert date.fromisoformat(r.start) <= date.fromisoformat(r.end)
    assert r.precision in ("day", "month", "year")


@settings(max_examples=200)
@given(st.one_of(st.text(), st.lists(st.sampled_from(DATE_WORDS), max_size=12).map(" ".join)))
def test_find_lead_date_never_raises(text):
    r = find_lead_date(text)
    assert r is None or date.fromisoformat(r.start) <= date.fromisoformat(r.end)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("le 11 septembre 2013", "2013-09-11", "2013-09-11"),
    ("du 16 au 21 mai 2014", "2014-05-16", "2014-05-21"),
    ("1 luglio 2019", "2019-07-01", "2019-07-01"),
    ("dal 16 al 21 maggio 2014", "2014-05-16", "2014-05-21"),
    ("1 de julio de 2019", "2019-07-01", "2019-07-01"),
    ("26 – 28 de junio de 2012", "2012-06-26", "2012-06-28"),
    ("16–21 de maio de 2014", "2014-05-16", "2014-05-21"),
    ("20. Januar 2015", "2015-01-20", "2015-01-20"),
    ("16 января 2015 г.", "2015-01-16", "2015-01-16"),
    ("с 16 по 21 мая 2014 года", "2014-05-16", "2014-05-21"),
    ("5 июня 2013", "2013-06-05", "2013-06-05"),
    ("2014年5月17日", "2014-05-17", "2014-05-17"),
])
def test_dates_in_every_language_articles_come_in(text, start, end):
    found = parse_date_range(text)
    assert (found.start, found.end) == (start, end)


def test_a_name_that_looks_like_a_month_in_another_language_is_not_a_date():
    assert find_lead_date("Marco Polo and Julio visited Gao.") is None
    assert find_lead_date("Le combat de l'oued de Tin Keraten se déroule pendant l'intervention militaire de 2013.") is None


def _lang(lang: str, text: str, start: str, end: str) -> object:
    """One language's case, its test named by the language's code and the text."""
    return pytest.param(text, start, end, id=f"{lang}: {text}")


@pytest.mark.parametrize(("text", "start", "end"), [
    _lang("pl", "10–17 stycznia 2013", "2013-01-10", "2013-01-17"),
    _lang("pl", "w dniach 10–17 stycznia 2013 roku", "2013-01-10", "2013-01-17"),
    _lang("pl", "17 maja 2014 r.", "2014-05-17", "2014-05-17"),
    _lang("pl", "od 30 stycznia 2013 r. do 2 lutego 2013 r.", "2013-01-30", "2013-02-02"),
    _lang("pl", "10 i 17 stycznia 2013", "2013-01-10", "2013-01-17"),
    _lang("pl", "10–17 listopada 2013", "2013-11-10", "2013-11-17"),  # November in Polish
    _lang("cs", "20.–21. března 2013", "2013-03-20", "2013-03-21"),
    _lang("cs", "1. října 2019", "2019-10-01", "2019-10-01"),
    _lang("cs", "v květnu 2014", "2014-05-01", "2014-05-31"),
    _lang("cs", "10.–17. listopadu 2013", "2013-11-10", "2013-11-17"),  # November in Czech
    _lang("sk", "20. – 21. marca 2013", "2013-03-20", "2013-03-21"),
    _lang("sk", "17. mája 2014", "2014-05-17", "2014-05-17"),
    _lang("uk", "30 вересня — 1 жовтня 2019", "2019-09-30", "2019-10-01"),
    _lang("uk", "17 травня 2014 року", "2014-05-17", "2014-05-17"),
    _lang("bg", "10 – 17 януари 2013 г.", "2013-01-10", "2013-01-17"),
    _lang("sr", "од 10. до 17. јануара 2013. године", "2013-01-10", "2013-01-17"),
    _lang("sr", "17. maja 2014.", "2014-05-17", "2014-05-17"),
    _lang("hr", "10. siječnja 2013.", "2013-01-10", "2013-01-10"),
    _lang("hr", "29. rujna – 3. listopada 2019.", "2019-09-29", "2019-10-03"),  # October in Croatian
    _lang("hr", "10. listopada 2013. godine", "2013-10-10", "2013-10-10"),
    _lang("sl", "10. januarja 2013", "2013-01-10", "2013-01-10"),
    _lang("tr", "17–21 Mayıs 2014", "2014-05-17", "2014-05-21"),
    _lang("tr", "17 Mayıs 2014", "2014-05-17", "2014-05-17"),
    _lang("tr", "Kasım 2013'te", "2013-11-01", "2013-11-30"),
    _lang("sv", "10–17 januari 2013", "2013-01-10", "2013-01-17"),
    _lang("sv", "den 8 mars 2022", "2022-03-08", "2022-03-08"),
    _lang("no", "17. mai 2014", "2014-05-17", "2014-05-17"),
    _lang("da", "8. marts 2022", "2022-03-08", "2022-03-08"),
    _lang("fi", "10.–17. tammikuuta 2013", "2013-01-10", "2013-01-17"),
    _lang("fi", "17. toukokuuta 2014", "2014-05-17", "2014-05-17"),
    _lang("hu", "2013. január 10–17.", "2013-01-10", "2013-01-17"),
    _lang("hu", "2014. május 17.", "2014-05-17", "2014-05-17"),
    _lang("hu", "2013. január 10-től 17-ig", "2013-01-10", "2013-01-17"),
    _lang("ro", "10–17 ianuarie 2013", "2013-01-10", "2013-01-17"),
    _lang("ca", "26-27 de juny de 2012", "2012-06-26", "2012-06-27"),
    _lang("ca", "26 i 27 de juny de 2012", "2012-06-26", "2012-06-27"),
    _lang("ca", "17 d'abril de 2013", "2013-04-17", "2013-04-17"),
    _lang("gl", "do 10 ao 17 de xaneiro de 2013", "2013-01-10", "2013-01-17"),
    _lang("eu", "2013ko urtarrilaren 10etik 17ra", "2013-01-10", "2013-01-17"),
    _lang("eu", "2014ko maiatzaren 17an", "2014-05-17", "2014-05-17"),
    _lang("id", "10–17 Januari 2013", "2013-01-10", "2013-01-17"),
    _lang("ms", "10 Mac 2013", "2013-03-10", "2013-03-10"),
    _lang("vi", "ngày 10 tháng 1 năm 2013", "2013-01-10", "2013-01-10"),
    _lang("vi", "10–17 tháng 1 năm 2013", "2013-01-10", "2013-01-17"),
    _lang("vi", "30 tháng 9 – 1 tháng 10 năm 2019", "2019-09-30", "2019-10-01"),
    _lang("el", "10–17 Ιανουαρίου 2013", "2013-01-10", "2013-01-17"),
    _lang("el", "17 Μαΐου 2014", "2014-05-17", "2014-05-17"),
    _lang("he", "10–17 בינואר 2013", "2013-01-10", "2013-01-17"),
    _lang("fa", "۱۰ ژانویه ۲۰۱۳", "2013-01-10", "2013-01-10"),
    _lang("fa", "۱۰ ژانویهٔ ۲۰۱۳", "2013-01-10", "2013-01-10"),  # with the ezafe
    _lang("fa", "۲۱ دی ۱۳۹۱", "2013-01-10", "2013-01-10"),  # Solar Hijri
    _lang("fa", "۲۰ تا ۲۷ دی ۱۳۹۱", "2013-01-09", "2013-01-16"),
    _lang("fa", "۲۲ بهمن ۱۳۵۷", "1979-02-11", "1979-02-11"),
    _lang("ja", "2013年1月10日 - 1月17日", "2013-01-10", "2013-01-17"),
    _lang("ja", "2013年1月10日 – 17日", "2013-01-10", "2013-01-17"),
    _lang("ja", "2013年1月10日から17日", "2013-01-10", "2013-01-17"),
    _lang("ko", "2013년 1월 10일 ~ 17일", "2013-01-10", "2013-01-17"),
    _lang("ko", "2014년 5월 17일", "2014-05-17", "2014-05-17"),
    _lang("zh", "2013年1月10日至17日", "2013-01-10", "2013-01-17"),
])
def test_dates_as_the_other_wikis_write_them(text, start, end):
    found = parse_date_range(text)
    assert (found.start, found.end) == (start, end)


def test_a_word_that_only_looks_like_a_month_gives_no_date():
    with pytest.raises(DateError):
        parse_date_range("Rebelianci mają 17 pojazdów")  # "they have", not "maj" (May)
    assert find_lead_date("W 2013 roku rebelianci mają 17 pojazdów.") is None
    assert find_lead_date("در سال ۲۰۱۳ تعداد کشته‌ها به ۲۰ می‌رسد.") is None  # "می‌رسد" (reaches), not "می" (May)


@pytest.mark.parametrize("text", [
    "el 5 de junio de 2014 a 20 km de Gao",
    "Il 10 gennaio 2014 i 20 ribelli entrarono a Konna",
])
def test_a_number_after_a_full_date_does_not_end_a_range(text):
    found = parse_date_range(text)
    assert found.start == found.end


@pytest.mark.parametrize("written, start, end", [
    ("22.03.2012", "2012-03-22", "2012-03-22"),  # an infobox's "Datum 22.03.2012"
    ("22/03/2012", "2012-03-22", "2012-03-22"),  # day first, as the war's press writes it
    ("03/22/2012", "2012-03-22", "2012-03-22"),  # month first only where the day cannot be a month
    ("22. 3. 2012", "2012-03-22", "2012-03-22"),  # Czech, spaced
    ("2012/03/22", "2012-03-22", "2012-03-22"),
    ("22.03.2012 – 25.03.2012", "2012-03-22", "2012-03-25"),
    ("13/14 June 2021", "2021-06-13", "2021-06-14"),  # a night's two days
])
def test_dates_written_in_numbers(written, start, end):
    found = parse_date_range(written)
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize("written", ["1/2 of the men", "v.1.2.2013", "32.13.2012"])
def test_numbers_that_are_no_date(written):
    with pytest.raises(DateError):
        parse_date_range(written)
