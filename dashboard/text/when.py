"""How the dashboard writes a date range, everywhere it shows one (detail panel, tooltips, tables).

"5 June 2013", "16–21 May 2014", "16 May – 2 June 2014", "June 2013", "March–May 2014", "2012–2013",
"2012 – May 2014". A range's precision is that of its start; its end is written no coarser than it can
be while still meaning that day. The en dash is spaced when its left side is more than one word or the sides are written at different precisions.
`text.dates.parse_date_range` reads every text this writes back to the same range. `short` writes
"Jun" for "June" (map tooltips).
"""
from __future__ import annotations

import calendar
from datetime import date

from dashboard.model import DateError, DateRange

MONTH_NAMES = [""] + [calendar.month_name[m] for m in range(1, 13)]
SHORT_MONTH_NAMES = [""] + [calendar.month_abbr[m] for m in range(1, 13)]
UNKNOWN = "date unknown"


def format_date_range(r: DateRange, *, short: bool = False) -> str:
    """Human text for a range; DateError when its start or end is not an ISO date."""
    try:
        start, end = date.fromisoformat(r.start), date.fromisoformat(r.end)
    except (TypeError, ValueError):
        raise DateError(f"not an ISO date range: {r!r}") from None
    months = SHORT_MONTH_NAMES if short else MONTH_NAMES
    level = r.precision if r.precision in ("day", "month", "year") else "day"
    end_level = _end_level(end, level)
    if level == end_level and level != "day" and (start.year, start.month if level == "month" else 0) == \
            (end.year, end.month if level == "month" else 0):
        return _written(start, level, months)
    if level == end_level == "day" and start == end:
        return _written(start, "day", months)
    left, right = _written(start, level, months), _written(end, end_level, months)
    if level == end_level and start.year == end.year:
        # Write the shared year (and month) once: "16–21 May 2014", "March–May 2014", "16 May–2 June 2014".
        if level == "month":
            left = months[start.month]
        elif level == "day":
            left = str(start.day) if start.month == end.month else f"{start.day} {months[start.month]}"
    return _join(left, right, spaced=" " in left or level != end_level)


def when_text(start: object, end: object, precision: object = "day", *, short: bool = False) -> str:
    """format_date_range for table cells: ISO texts as stored (a missing end is the start), "date unknown"
    when the start is missing or not a date."""
    start_text = start.strip() if isinstance(start, str) else ""
    end_text = end.strip() if isinstance(end, str) and end.strip() else start_text
    level = precision if isinstance(precision, str) and precision in ("day", "month", "year") else "day"
    try:
        return format_date_range(DateRange(start_text, end_text, level), short=short)
    except DateError:
        return UNKNOWN


def _join(left: str, right: str, *, spaced: bool) -> str:
    return f"{left} – {right}" if spaced else f"{left}–{right}"


def _written(d: date, level: str, months: list[str]) -> str:
    if level == "day":
        return f"{d.day} {months[d.month]} {d.year}"
    if level == "month":
        return f"{months[d.month]} {d.year}"
    return str(d.year)


def _end_level(end: date, precision: str) -> str:
    """The coarsest way to write the end, no coarser than the range's precision, that still means that day."""
    month_end = end.day == calendar.monthrange(end.year, end.month)[1]
    if precision == "year" and month_end and end.month == 12:
        return "year"
    if precision in ("year", "month") and month_end:
        return "month"
    return "day"


def day_text(day: object, precision: object = "day", *, short: bool = False) -> str:
    """One date at its precision: "5 June 2013", "June 2013", "2014" (a month or year written as its first day,
    as the tables store it); "date unknown" when it is not a date."""
    text = day.strip() if isinstance(day, str) else ""
    level = precision if precision in ("day", "month", "year") else "day"
    try:
        first = date.fromisoformat(text)
    except ValueError:
        return UNKNOWN
    if level == "year":
        last = date(first.year, 12, 31)
    elif level == "month":
        last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    else:
        last = first
    return format_date_range(DateRange(first.isoformat(), last.isoformat(), level), short=short)
