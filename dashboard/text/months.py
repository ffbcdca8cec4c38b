"""Month names as articles write them, in English, French, Italian, Spanish, Portuguese, German, Dutch, Russian and Arabic
(nominative, genitive "16 января" and prepositional "в марте"), and Chinese dates, for text.dates."""
from __future__ import annotations

import re

from dashboard.text.when import MONTH_NAMES

ENGLISH_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
FRENCH_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}
# Italian, Spanish, Portuguese, German, Russian (nominative, genitive "16 января" and prepositional "в марте").
OTHER_MONTHS: dict[str, int] = {
    **{m: i for i, m in enumerate(("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre "
                                    "novembre dicembre").split(), 1)},
    **{m: i for i, m in enumerate(("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
                                    "diciembre").split(), 1)}, "setiembre": 9,
    **{m: i for i, m in enumerate(("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
                                    "dezembro").split(), 1)},
    **{m: i for i, m in enumerate(("januar februar märz april mai juni juli august september oktober november "
                                    "dezember").split(), 1)}, "jänner": 1, "maerz": 3, "okt": 10, "dez": 12,
    **{m: i for i, m in enumerate(("januari februari maart april mei juni juli augustus september oktober november "
                                    "december").split(), 1)},
}
RUSSIAN_MONTHS = (("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
                  ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
                  ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
                  ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"))
OTHER_MONTHS.update({form: i for i, forms in enumerate(RUSSIAN_MONTHS, 1) for form in forms})
# Arabic: the Egyptian and Gulf names, the Maghreb's and Algeria's, and the Levant's (its two-word names are
# written as the Egyptian one by iso_cjk: "كانون الثاني" -> "يناير").
ARABIC_MONTHS = (("يناير", "جانفي"), ("فبراير", "فيفري", "شباط"), ("مارس", "آذار"),
                 ("أبريل", "ابريل", "إبريل", "أفريل", "نيسان"), ("مايو", "ماي", "أيار"), ("يونيو", "يونيه", "جوان", "حزيران"),
                 ("يوليو", "يوليوز", "يوليه", "جويلية", "تموز"), ("أغسطس", "اغسطس", "غشت", "أوت", "آب"),
                 ("سبتمبر", "شتنبر", "أيلول"), ("أكتوبر", "اكتوبر"), ("نوفمبر", "نونبر"), ("ديسمبر", "دجنبر"))
OTHER_MONTHS.update({form: i for i, forms in enumerate(ARABIC_MONTHS, 1) for form in forms})
_LEVANT_MONTH = re.compile(r"(كانون|تشرين)\s+(الأول|الاول|الثاني)")
_LEVANT_NAMES = {("كانون", "الثاني"): "يناير", ("تشرين", "الأول"): "أكتوبر", ("تشرين", "الثاني"): "نوفمبر",
                 ("كانون", "الأول"): "ديسمبر"}
MONTHS = {**OTHER_MONTHS, **ENGLISH_MONTHS, **FRENCH_MONTHS}
# "2013年1月11日" (Chinese) read as an ISO date before tokens are found.
CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?")


def iso_cjk(text: str) -> str:
    """Chinese dates as ISO dates ("2013年1月11日" -> "2013-01-11"), a month alone as "January 2013"; the Levant's
    two-word Arabic months as one word."""
    if "ن " in text:
        text = _LEVANT_MONTH.sub(lambda m: _LEVANT_NAMES[(m[1], m[2].replace("الاول", "الأول"))], text)
    if "年" not in text:
        return text
    return CJK_DATE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m[3] else
                        f"{MONTH_NAMES[int(m[2])] if 1 <= int(m[2]) <= 12 else m[2]} {m[1]}", text)
