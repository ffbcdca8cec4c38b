"""Reading event dates as articles write them ("16–21 May 2014", "between August 11 and 12, 2023") as ISO ranges.

Text is split into tokens (text.date_tokens: day numbers, month names, four-digit years, ISO dates, range separators);
a date expression is an unbroken run of such tokens. A run holds one date or two (a range); a part of
a range that lacks its month or year borrows it from the other part ("16–21 May 2014",
"November 10–14, 2023"); only a date written year first ends a range with a bare day ("2013. január 10–17.").
Month names and the words between come from text.months; text.calendars first rewrites the dates of other
scripts and calendars ("2013年1月10日", "tháng 1", Solar Hijri).

Precision rule: a range's precision is that of its *start* ("day", "month" or "year"). A start
written as a month begins on the 1st, a start written as a year on 1 January; an end written as a
month or year is expanded to its last day ("March 8, 2022 - May 2023" -> 2022-03-08..2023-05-31, "day").
An open end ("2012–present") gives just the start.
"""
from __future__ import annotations

import bisect
import calendar
from dataclasses import dataclass
from datetime import date

from dashboard.model import DateError, DateRange
from dashboard.text.calendars import as_read as _as_read
from dashboard.text.markup import without_citations
from dashboard.text.months import MONTHS  # noqa: F401  (ingest.prose takes the month names from here)
from dashboard.text.date_tokens import Token as _Token, tokenize as _tokenize
from dashboard.text.when import MONTH_NAMES

# Words before a date that say it is not the date of the event.
_BIRTH_CUES = {"born", "née", "né", "died", "d", "b"}
_NOT_EVENT_CUES = {"since", "until", "till", "retrieved", "archived", "accessed", "published", "updated"}
_SKIPPABLE_BEFORE_CUE = {
    "around", "about", "c", "ca", "circa", "on", "in", "approximately", "approx", "the", "le", "en",
}


@dataclass
class _Part:
    day: int | None = None
    month: int | None = None
    year: int | None = None
    complete: bool = False  # an ISO date fills every field at once
    year_first: bool = False  # its year came before its day ("2013. január 10–17.", "2013年1月10日 – 17日")

    def is_empty(self) -> bool:
        return self.day is None and self.month is None and self.year is None

    def precision(self) -> str:
        return "day" if self.day is not None else "month" if self.month is not None else "year"


def _runs(tokens: list[_Token]) -> list[tuple[int, list[_Token]]]:
    """Unbroken stretches of date tokens, trimmed of separators/fillers at their ends, with their first index."""
    runs: list[tuple[int, list[_Token]]] = []
    current: list[tuple[int, _Token]] = []

    def close() -> None:
        while current and current[0][1].kind in ("sep", "filler"):
            current.pop(0)
        while current and current[-1][1].kind in ("sep", "filler"):
            current.pop()
        if current:
            runs.append((current[0][0], [t for _, t in current]))
        current.clear()

    for i, tok in enumerate(tokens):
        if tok.kind in ("word", "break"):
            close()
        else:
            current.append((i, tok))
    close()
    return runs


def _has_date(run: list[_Token]) -> bool:
    return any(t.kind in ("month", "year", "iso") for t in run)


def _parts(run: list[_Token]) -> list[_Part]:
    """Split a run into at most two date parts; anything that does not fit ends the run."""
    parts = [_Part()]
    for tok in run:
        part = parts[-1]
        if tok.kind == "filler":
            continue
        if tok.kind == "sep":
            if part.is_empty():
                continue
            if len(parts) == 2:
                break
            parts.append(_Part())
            continue
        if part.complete:
            break
        if tok.kind == "iso":
            if not part.is_empty():
                break
            part.year, part.month, part.day = tok.value
            part.complete = part.year_first = True
            continue
        if getattr(part, tok.kind) is not None:
            break
        setattr(part, tok.kind, tok.value)
        part.year_first = part.year_first or (tok.kind == "year" and part.day is None)
    if parts[-1].is_empty() or (len(parts) == 2 and _stray_day(*parts)):
        parts.pop()
    return parts


def _stray_day(left: _Part, right: _Part) -> bool:
    """A lone day after a date written year last, so no range's end ("el 5 de junio de 2014 a 20 km de Gao")."""
    return (right.month, right.year) == (None, None) and None not in (left.day, left.year) and not left.year_first


def _borrow(left: _Part, right: _Part) -> None:
    """Let each side of a range take the month/year only the other side wrote ("16–21 May 2014")."""
    if left.year is None:
        left.year = right.year
    if left.month is None and left.day is not None:
        left.month = right.month
    if right.month is None and right.day is not None:
        right.month = left.month
    if right.year is None:
        right.year = left.year


def _bounds(part: _Part, text: str) -> tuple[date, date]:
    """First and last day the part can mean ("May 2014" -> 1 May, 31 May)."""
    if part.year is None:
        raise DateError(f"no year in date {text!r}")
    if part.day is not None and part.month is None:
        raise DateError(f"no month in date {text!r}")
    if not date.min.year <= part.year <= date.max.year:
        raise DateError(f"impossible date in {text!r}: there is no year {part.year}")
    try:
        if part.month is None:
            return date(part.year, 1, 1), date(part.year, 12, 31)
        if part.day is None:
            last = calendar.monthrange(part.year, part.month)[1]
            return date(part.year, part.month, 1), date(part.year, part.month, last)
        day = date(part.year, part.month, part.day)
        return day, day
    except (ValueError, OverflowError):
        if part.month is not None and not 1 <= part.month <= 12:
            raise DateError(f"impossible date in {text!r}: there is no month {part.month}") from None
        month = MONTH_NAMES[part.month] if part.month else ""
        raise DateError(f"impossible date in {text!r}: there is no day {part.day} in {month} {part.year}") from None


def _range_from_run(run: list[_Token], text: str, default_year: int | None) -> DateRange:
    parts = _parts(run)
    if not parts:
        raise DateError(f"no date found in {text!r}")
    left, right = parts[0], parts[-1]
    if len(parts) == 2:
        _borrow(left, right)
    for part in parts:
        if part.year is None:
            part.year = default_year
    start, _ = _bounds(left, text)
    _, end = _bounds(right, text)
    if end < start:
        raise DateError(f"date range in {text!r} ends ({end}) before it starts ({start})")
    return DateRange(start.isoformat(), end.isoformat(), left.precision())


def parse_date_range(text: str, *, default_year: int | None = None) -> DateRange:
    """The first date or date range written in text; default_year fills a date written without one."""
    cleaned = _as_read(without_citations(text), numbers=True)
    for _, run in _runs(_tokenize(cleaned)):
        if _has_date(run):
            return _range_from_run(run, text, default_year)
    raise DateError(f"no date found in {text!r}")


def _cue_before(tokens: list[_Token], index: int) -> str:
    """The word just before tokens[index], skipping hedges like "around", "c." and "on"."""
    i = index - 1
    while i >= 0:
        tok = tokens[i]
        if tok.kind == "break" and tok.value == ".":
            i -= 1
            continue
        if tok.kind in ("filler", "sep") or (tok.kind == "word" and tok.value in _SKIPPABLE_BEFORE_CUE):
            i -= 1
            continue
        return str(tok.value) if tok.kind == "word" else ""
    return ""


def _context_year(years: list[tuple[int, int]], index: int) -> int | None:
    """The year nearest before tokens[index] in the paragraph, else the first one after it.

    `years` is (token index, year) for every year token, in order (found once per paragraph, so a long
    paragraph is not rescanned for every date in it).
    """
    at = bisect.bisect_left(years, (index, -1))
    if at > 0:
        return years[at - 1][1]
    return years[0][1] if years else None


def find_lead_date(text: str, *, default_year: int | None = None) -> DateRange | None:
    """The event date in a lead paragraph: its first full date, else its first month; None if there is none.

    A day without a year takes the nearest year written in the same paragraph (else default_year).
    Dates after "since", "until", "retrieved"… are skipped; a paragraph that gives a birth or death date
    ("born December 31, 1964") is about a person, so it has no event date (None). Bare years do not count.
    """
    cleaned = _as_read(without_citations(text))
    tokens = _tokenize(cleaned, prose=True)
    years = [(i, t.value) for i, t in enumerate(tokens) if t.kind == "year"]
    month_fallback: DateRange | None = None
    for index, run in _runs(tokens):
        cue = _cue_before(tokens, index)
        if cue in _BIRTH_CUES:
            return None
        if cue in _NOT_EVENT_CUES or not any(t.kind in ("month", "iso") for t in run):
            continue
        year = _context_year(years, index)
        try:
            found = _range_from_run(run, cleaned[run[0].start:run[-1].end], year if year is not None else default_year)
        except DateError:
            continue
        if found.precision == "day":
            return found
        month_fallback = month_fallback or found
    return month_fallback


@dataclass(frozen=True)
class DateMention:
    """One date or range written in prose, where it is and the word before it ("on", "by", "since")."""
    range: DateRange
    start: int  # character offsets in the text searched
    end: int
    cue: str  # the word just before, hedges skipped ("" at the start)


def date_mentions(text: str, *, default_year: int | None = None, bare_years: bool = True) -> list[DateMention]:
    """Every date in a sentence, in order: "On May 21", "between November 3 and 4", "in January 2013", "since 2014".

    A date without a year takes the nearest year written in the text, else default_year; one that still has no
    year, or is impossible, is left out. Bare years ("in 2016") count unless bare_years is False. Text after
    "born" or "died" has no event dates.
    """
    tokens = _tokenize(text, prose=True)
    years = [(i, t.value) for i, t in enumerate(tokens) if t.kind == "year"]
    found: list[DateMention] = []
    for index, run in _clause_runs(_runs(tokens)):
        cue = _cue_before(tokens, index)
        if cue in _BIRTH_CUES:
            break
        if not _has_date(run) or (not bare_years and not any(t.kind in ("month", "iso") for t in run)):
            continue
        year = _context_year(years, index)
        try:
            found_range = _range_from_run(run, text[run[0].start:run[-1].end],
                                          year if year is not None else default_year)
        except DateError:
            continue
        found.append(DateMention(found_range, run[0].start, run[-1].end, cue))
    return found


def _clause_runs(runs: list[tuple[int, list[_Token]]]) -> list[tuple[int, list[_Token]]]:
    """Runs cut where a comma and "and" join two clauses ("since 2014, and the 2015 agreement"): in prose only
    "between … and …" makes a range of two dates joined by "and"."""
    out: list[tuple[int, list[_Token]]] = []
    for index, run in runs:
        cuts = [i for i in range(1, len(run)) if run[i - 1].value == "," and run[i].kind == "sep"
                and run[i].value in ("and", "et")]
        for first, last in zip([0, *cuts], [*cuts, len(run)]):
            piece = list(enumerate(run[first:last], index + first))
            while piece and piece[0][1].kind in ("sep", "filler"):
                piece.pop(0)
            while piece and piece[-1][1].kind in ("sep", "filler"):
                piece.pop()
            if piece:
                out.append((piece[0][0], [t for _, t in piece]))
    return out
