"""When a news copy was published, and the day its own words count from that date.

A wire story or a newspaper page dates itself once, near the top: a "Published 12 March 2022" or "Publié le …"
line, a line that is only a date, or a dateline ("BAMAKO, May 21, 2014 (Reuters) -"). Its text then says
"on Saturday", "samedi", "yesterday", "hier", "this morning": the day is counted back from the publication date
(a weekday is the last one on or before it). An update line ("Updated", "Mis à jour") dates the copy, not the
story, and is not read.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dashboard.model import DateError, DateRange
from dashboard.text.dates import parse_date_range
from dashboard.text.months import MONTHS

MAX_LINES = 12  # the publication line stands in the copy's first lines (title, byline, date)
_PUBLISHED = re.compile(
    r"^\W*(?:(?:first\s+)?published|posted|publi[ée]e?|paru|publicado|publicada|pubblicato|veröffentlicht|datum|"
    r"stand|gepubliceerd|опубликовано|opublikowano|publikacja|publikováno|zveřejněno|yayınlanma(?:\s+tarihi)?|"
    r"yayınlandı|publicerad|publicerat|publisert|publiceret|julkaistu|опубліковано|megjelent|publicat|"
    r"diterbitkan|dipublikasikan|đăng|δημοσιεύθηκε|δημοσίευση|פורסם|منتشر شده|تاریخ انتشار|نشر في|"
    r"公開日?|掲載|发布(?:时间)?|發布|입력|발행)\b(?:\s+(?:on|le|el|il|am|the|at|op|den|dne|w))?[\s:,-]*"
    r"(?P<date>.{6,60})$", re.I)
# A post's signature: an embedded tweet's "— Name (@handle) July 27, 2024", a copied post's "10:42 AM · Jul 27, 2024".
_SIGNATURE = re.compile(r"^\W*(?:[^()\n]{1,80}\(@\w{1,30}\)\s+(?P<date>[^()\n]{6,30})|"
                        r"\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*·\s*(?P<date2>[^·\n]{6,20}?)(?:\s*·.*)?)\s*$")
_UPDATED = re.compile(r"\b(?:(?:last\s+)?updated|mis\s+à\s+jour|modifi[ée]e?|actualis[ée]|actualizado|aggiornato|aktualisiert|bijgewerkt|aangepast)\b", re.I)
_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d\d)(?!\d)")
# "BAMAKO, May 21, 2014 (Reuters) -", "GAO, Mali, 21 mai 2014 (AFP) –": a place in capitals, a date, an agency.
# The agency may come first ("(ANSA) - BAMAKO, 10 FEB 2023 -") and the city in title case ("Bamako, 3 jul 2023 (EFE).-").
_AGENCY = r"\((?:[A-Z][\w.]*[ /]?){1,3}\)"
_DATELINE = re.compile(rf"^\W*[A-ZÀ-Ý][\w'’ .-]{{2,30}},(?P<rest>[^()\n]{{4,60}}){_AGENCY}\s*\.?\s*[-–—]"
                       rf"|^\W*{_AGENCY}\s*[-–—]\s*[A-ZÀ-Ý][\w'’ .-]{{2,30}},(?P<rest2>[^()\n]{{4,40}}?)\s+[-–—]")
_DATE_LINE_WORDS = {"le", "the", "on", "à", "at", "de", "del", "of", "gmt", "utc", "cet", "cest", "wat", "am", "pm",
                    "edt", "est", "pdt", "pst", "bst", "eat", "cat", "sast",
                    "h", "um", "alle", "às", "a", "las"}
_TIME_ONLY = re.compile(r"^[\d\s:.,hH]*(?:am|pm|gmt|utc|cet|cest|wat)?\W*$", re.I)

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate((
        ("monday", "lundi", "lunes", "lunedì", "lunedi", "segunda-feira", "montag", "maandag"),
        ("tuesday", "mardi", "martes", "martedì", "martedi", "terça-feira", "dienstag", "dinsdag"),
        ("wednesday", "mercredi", "miércoles", "miercoles", "mercoledì", "mercoledi", "quarta-feira", "mittwoch", "woensdag"),
        ("thursday", "jeudi", "jueves", "giovedì", "giovedi", "quinta-feira", "donnerstag", "donderdag"),
        ("friday", "vendredi", "viernes", "venerdì", "venerdi", "sexta-feira", "freitag", "vrijdag"),
        ("saturday", "samedi", "sábado", "sabado", "sabato", "samstag", "zaterdag"),
        ("sunday", "dimanche", "domingo", "domenica", "sonntag", "zondag"),
        # Russian and Ukrainian ("в субботу", "у суботу"), Polish, Czech, Turkish, Swedish, Catalan, Romanian
        ("понедельник", "понеділок", "poniedziałek", "pondělí", "pazartesi", "måndag", "dilluns", "luni"),
        ("вторник", "вівторок", "wtorek", "úterý", "salı", "tisdag", "dimarts", "marți"),
        ("среду", "среда", "середу", "середа", "środa", "środę", "středa", "středu", "çarşamba", "onsdag",
         "dimecres", "miercuri"),
        ("четверг", "четвер", "czwartek", "čtvrtek", "perşembe", "torsdag", "dijous", "joi"),
        ("пятницу", "пятница", "пʼятницю", "п'ятницю", "п'ятниця", "piątek", "pátek", "cuma", "fredag", "divendres",
         "vineri"),
        ("субботу", "суббота", "суботу", "субота", "sobota", "sobotę", "cumartesi", "lördag", "dissabte", "sâmbătă"),
        ("воскресенье", "неділю", "неділя", "niedziela", "niedzielę", "neděle", "neděli", "pazar", "söndag",
         "diumenge", "duminică"))):
    WEEKDAYS.update(dict.fromkeys(_names, _index))
_DAYS_BACK = {"yesterday": 1, "hier": 1, "ayer": 1, "ieri": 1, "ontem": 1, "gestern": 1, "gisteren": 1,
              "today": 0, "aujourd'hui": 0, "aujourd’hui": 0, "hoy": 0, "oggi": 0, "hoje": 0, "heute": 0, "vandaag": 0, "vanochtend": 0, "vannacht": 0,
              "this morning": 0, "ce matin": 0, "last night": 1, "overnight": 0, "la nuit dernière": 1,
              "cette nuit": 0, "tonight": 0, "вчера": 1, "вчора": 1, "сегодня": 0, "сьогодні": 0, "wczoraj": 1,
              "dzisiaj": 0, "včera": 1, "dnes": 0, "dün": 1, "bugün": 0, "igår": 1, "i går": 1, "idag": 0,
              "i dag": 0, "ahir": 1, "avui": 0, "ieri": 1, "azi": 0, "kemarin": 1, "tegnap": 1, "eilen": 1}
_RELATIVE_DAY = re.compile(r"(?<![\w-])(?P<word>%s)(?![\w-])" % "|".join(
    sorted(map(re.escape, [*WEEKDAYS, *_DAYS_BACK]), key=len, reverse=True)), re.I)


@dataclass(frozen=True)
class Publication:
    day: dt.date
    words: str  # the words that date the copy, as written ("Publié le 12 mars 2022", "BAMAKO, May 21, 2014 (Reuters) -")


def publication_date(text: str) -> Publication | None:
    """The date a news copy gives itself in its first lines, None when it gives none (an encyclopedia page)."""
    for whole in [ln.strip() for ln in text.splitlines() if ln.strip()][:MAX_LINES]:
        line, updated = whole, _UPDATED.search(whole)
        if updated and not _PUBLISHED.match(whole):
            line = whole[:updated.start()].strip(" -–—|·,")  # "13 mars 2023 à 18:45 - Mis à jour le 14 mars"
        if not line:
            continue
        match = _PUBLISHED.match(line)
        dateline = None if match else _DATELINE.match(line)
        signed = None if match or dateline else _SIGNATURE.match(line)
        if match:
            day, said = _day(match["date"]), whole
        elif signed:
            day, said = _day(signed["date"] or signed["date2"]), whole
        elif dateline:
            day, said = _day(dateline["rest"] or dateline["rest2"]), dateline.group().strip()
        else:
            day, said = _date_only(line), whole
        if day is not None:
            return Publication(day, said)
    return None


def publication_line(when: str) -> str:
    """The line a copy saved with its publication time as data is given, so publication_date reads it:
    "2022-07-03T18:45:00Z" -> "Published: 2022-07-03"."""
    return f"Published: {when[:10]}"


def dates_the_copy(line: str, publication: Publication) -> bool:
    """The line is the copy's publication line, or a line giving only its publication day ("3 July 2022")."""
    line = line.strip()
    return line == publication.words or (len(line) <= 60 and _date_only(line) == publication.day)


def without_dateline(paragraph: str) -> str:
    """The paragraph after its dateline ("BAMAKO, May 22, 2014 (Reuters) - Rebels said…" -> "Rebels said…")."""
    match = _DATELINE.match(paragraph)
    return paragraph[match.end():].lstrip() if match else paragraph


def day_counted_back(text: str, published: dt.date) -> tuple[DateRange, str] | None:
    """The day the text's first relative day word names ("on Saturday" -> the last Saturday on or before the
    publication date), with the word; None when it names none."""
    match = _RELATIVE_DAY.search(text)
    if match is None:
        return None
    word = match["word"].casefold()
    back = _DAYS_BACK[word] if word in _DAYS_BACK else (published.weekday() - WEEKDAYS[word]) % 7
    day = (published - dt.timedelta(days=back)).isoformat()
    return DateRange(day, day, "day"), match["word"]


def _day(words: str) -> dt.date | None:
    numeric = _NUMERIC.search(words)
    if numeric:
        return _numeric_day(numeric)
    try:
        found = parse_date_range(words)
    except DateError:
        return None
    return dt.date.fromisoformat(found.start) if found.precision == "day" and found.start == found.end else None


def _date_only(line: str) -> dt.date | None:
    """A line that is a date and nothing else (a time of day aside): "12 mars 2022 à 14h30", "2022-03-12"."""
    numeric = _NUMERIC.search(line)
    rest = line[:numeric.start()] + line[numeric.end():] if numeric else None
    if numeric and _TIME_ONLY.match(rest or ""):
        return _numeric_day(numeric)
    if len(line) > 60 or not re.search(r"(?:19|20)\d\d", line):
        return None
    day = _day(line)
    if day is None:
        return None
    leftover = re.sub(r"\w+", lambda m: "" if _is_date_word(m.group()) else m.group(), line)
    return day if not re.search(r"[^\W\d_]{3,}", leftover) else None


def _is_date_word(word: str) -> bool:
    """A word that can stand in a date line: a number, a month, a weekday, a time, "le", "à", a time zone."""
    folded = word.casefold().rstrip(".")
    return (folded in MONTHS or folded in WEEKDAYS or folded in _DATE_LINE_WORDS
            or re.fullmatch(r"\d+(?:h\d*|th|st|nd|rd|er|e|am|pm)?", folded) is not None)


def _numeric_day(match: re.Match) -> dt.date | None:
    """dd/mm/yyyy read day first, as the war's (French-writing) press dates; mm/dd/yyyy only where the second
    number cannot be a month."""
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    day, month = (b, a) if b > 12 >= a else (a, b)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
