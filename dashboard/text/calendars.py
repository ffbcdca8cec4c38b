"""Dates written otherwise than with a day, a month's name and a year, rewritten for text.dates before it reads them:
Chinese, Japanese and Korean dates ("2013年1月10日 – 17日", "2013년 1월 10일 ~ 17일"), Vietnamese months by number
("tháng 1"), Basque's case endings ("2013ko urtarrilaren 10ean"), the Levant's two-word Arabic months, Persian's
ezafe ("ژانویهٔ"), the Solar Hijri dates of Persian pages ("۲۱ دی ۱۳۹۱", as the Gregorian days they are), dates in
numbers ("22.03.2012", "22/03/2012", "22. 3. 2012", "2012/03/22") and a night's two days ("13/14 June 2021")."""
from __future__ import annotations

import re
from datetime import date, timedelta

from dashboard.text.months import MONTHS, SOLAR_HIJRI_MONTHS, month_number
from dashboard.text.when import MONTH_NAMES

_LEVANT_MONTH = re.compile(r"(كانون|تشرين)\s+(الأول|الاول|الثاني)")
_LEVANT_NAMES = {("كانون", "الثاني"): "يناير", ("تشرين", "الأول"): "أكتوبر", ("تشرين", "الثاني"): "نوفمبر",
                 ("كانون", "الأول"): "ديسمبر"}
# A year, month and day marked by their characters (Chinese and Japanese 年月日, Korean 년월일); then what is left of a
# range, a year or a day alone ("2013年1月10日 – 17日").
_CJK_DATE = re.compile(r"(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일])?")
_CJK_YEAR_OR_DAY = re.compile(r"(\d{4})\s*[年년]|(\d{1,2})\s*[日일]")
_CJK_MARKS = re.compile("[年년月월日일]")
_VIETNAMESE_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?!\d)", re.I)
_BASQUE_YEAR = re.compile(r"(?<=\d{4})ko\b")
_BASQUE_DAY = re.compile(r"(?<=\d)(?:(e?tik)|e?an|e?ra|a)\b")  # "10etik 17ra" is from the 10th to the 17th
_EZAFE = re.compile("ۀ|هٔ")
_SOLAR_DATE = re.compile(r"(?:(\d{1,2})(?:\s*(?:تا|[-–—])\s*(\d{1,2}))?\s+)?\b(" + "|".join(SOLAR_HIJRI_MONTHS)
                         + r")\s+(\d{4})(?!\d)")
_NOWRUZ_1392 = date(2013, 3, 21)  # 1 Farvardin 1392


# Day first, as the war's (French-writing) press and most of Europe write it; month first only where the day cannot be
# a month ("03/22/2012").
_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d]|[.,/]\d)")
_YEAR_FIRST = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)([./])(\d{1,2})\2(\d{1,2})(?![\d]|[.,/]\d)")
_DAY_PAIR = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?=\s+([^\W\d_]+))")


def _numeric(day: str, month: str, year: str) -> str | None:
    d, m = int(day), int(month)
    if m > 12 >= d:
        d, m = m, d
    return f"{d} {MONTH_NAMES[m]} {year}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _numbers_as_words(text: str) -> str:
    """Dates in numbers written with the month's name, and "13/14 June" as the range of the night it is."""
    text = _NUMERIC_DATE.sub(lambda m: _numeric(m[1], m[3], m[4]) or m.group(), text)
    text = _YEAR_FIRST.sub(lambda m: _numeric(m[4], m[3], m[1]) or m.group(), text)
    return _DAY_PAIR.sub(lambda m: f"{m[1]}–{m[2]}" if month_number(m[3], MONTHS) else m.group(), text)


def as_read(text: str, *, numbers: bool = False) -> str:
    """text with the dates of other scripts and calendars written as text.dates reads them; with numbers, dates
    written in numbers too (a date field's value: in running text such a date is a copy's time stamp)."""
    if numbers and ("/" in text or "." in text or "-" in text):
        text = _numbers_as_words(text)
    if "ن " in text:
        text = _LEVANT_MONTH.sub(lambda m: _LEVANT_NAMES[(m[1], m[2].replace("الاول", "الأول"))], text)
    if _CJK_MARKS.search(text):
        text = _CJK_YEAR_OR_DAY.sub(lambda m: f" {m[1] or m[2]} ", _CJK_DATE.sub(_cjk_date, text))
    text = _VIETNAMESE_MONTH.sub(lambda m: f" {_month_name(int(m[1]))} ", text)
    if _BASQUE_YEAR.search(text):
        text = _BASQUE_DAY.sub(lambda m: " –" if m[1] else "", _BASQUE_YEAR.sub("", text))
    if "\u0654" in text or "ۀ" in text:
        text = _EZAFE.sub("ه", text)
    return _SOLAR_DATE.sub(_solar_date, text) if any(month in text for month in SOLAR_HIJRI_MONTHS) else text


def _month_name(month: int) -> str:
    return MONTH_NAMES[month] if 1 <= month <= 12 else str(month)


def _cjk_date(m: re.Match) -> str:
    """"2013年1月10日" as "2013-01-10", a date without its year or day as words ("1月17日" -> "17 January")."""
    year, month, day = m[1], int(m[2]), m[3]
    if year and day:
        return f" {year}-{month:02d}-{int(day):02d} "
    return " " + " ".join(x for x in (day, _month_name(month), year) if x) + " "


def _solar_date(m: re.Match) -> str:
    """A Solar Hijri day, range of days or month as Gregorian ISO days, unchanged if it is no date of 1300–1499."""
    year, month = int(m[4]), SOLAR_HIJRI_MONTHS.index(m[3]) + 1
    length = 31 if month <= 6 else 30 if month < 12 or _solar_leap(year) else 29
    first, last = (int(m[1]), int(m[2] or m[1])) if m[1] else (1, length)
    if not 1300 <= year < 1500 or not 1 <= first <= last <= length:
        return m[0]
    start = _nowruz(year) + timedelta(days=(month - 1) * 31 - max(0, month - 7) + first - 1)
    end = start + timedelta(days=last - first)
    return f" {start.isoformat()} " if start == end else f" {start.isoformat()} – {end.isoformat()} "


def _solar_leap(year: int) -> bool:
    """Whether a Solar Hijri year has 366 days."""
    # From 1210 to 1634 the astronomical calendar keeps one 33-year cycle of leap years.
    return ((year - 1209) % 33 - 1) % 4 == 0


def _nowruz(year: int) -> date:
    """1 Farvardin, the first day of a Solar Hijri year."""
    days = sum(365 + _solar_leap(y) for y in range(min(year, 1392), max(year, 1392)))
    return _NOWRUZ_1392 + timedelta(days=days if year >= 1392 else -days)
