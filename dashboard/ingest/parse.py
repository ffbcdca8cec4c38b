"""Articles → events: interpret what the reader found as dates, places, sides, commanders and casualty claims,
from the infobox first, then the lead and the event's own sections, then the title, saying where each came from."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.casualties.body import body_claims
from dashboard.casualties.merge import merge_claims
from dashboard.ingest.belligerents import infobox_claims, per_side_values
from dashboard.ingest.coords import parse_coordinates
from dashboard.text.dates import parse_date_range
from dashboard.text.references import parse_references
from dashboard.ingest.decode import decode_article
from dashboard.ingest.event_sides import set_sides, year_hint_of
from dashboard.ingest.evidence import event_prose, first_dates, news_date, prose_date
from dashboard.ingest.layout import RawArticle, read_article
from dashboard.ingest.layout.blocks import Field
from dashboard.ingest.layout.feed import feed_items
from dashboard.ingest.layout.labels import canonical_key
from dashboard.ingest.names import (
    UNKNOWN, clean, clean_commanders, clean_parties, place_from_title, region_from_place, split_side_block,
)
from dashboard.ingest.places_in_text import names_no_place, prose_place
from dashboard.text.scripts import western_digits
from dashboard.text.social import without_hashtag_marks
from dashboard.ingest.related import related_events
from dashboard.model import ArticleError, Claim, DateRange, Event, ParseError, Problem, Reference, make_event_id
from dashboard.text.when import format_date_range

__all__ = ["ParsedArticle", "build_event", "clean_commanders", "clean_parties", "cut_off_word", "parse_article",
           "parse_file", "place_from_title", "region_from_place", "split_side_block"]


@dataclass
class ParsedArticle:
    source_file: str
    shape: str = ""
    encoding: str = ""
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    people_or_groups: int = 0  # related summaries about people or groups: read, and rightly not events


def parse_file(path: str | Path) -> ParsedArticle:
    """Read one article file, whatever its encoding; never raises for a bad file, it reports it."""
    path = Path(path)
    try:
        decoded = decode_article(path.read_bytes())
    except (ArticleError, OSError) as exc:
        return ParsedArticle(path.name, problems=[Problem(path.name, "", "read", _reason(exc))])
    try:
        parsed = parse_article(decoded.text, path.name)
    except Exception as exc:  # noqa: BLE001 - a bug met on one article must not stop the rest of the folder loading
        return ParsedArticle(path.name, encoding=decoded.encoding, problems=[Problem(
            path.name, "", "parse", f"the article could not be read ({type(exc).__name__}: {exc}); this is a bug in "
                                    f"the dashboard, not in the file: please report it with this file")])
    parsed.encoding = decoded.encoding
    if decoded.note:
        parsed.problems.insert(0, Problem(path.name, "", "read", decoded.note))
    return parsed


def parse_article(text: str, source_file: str) -> ParsedArticle:
    """The article's own event, its related-article events, and a named problem for everything not read; a feed's
    stories each give theirs."""
    stories = feed_items(text)
    if stories is not None:
        return _feed_article(stories, source_file)
    out = ParsedArticle(source_file)
    raw = read_article(without_hashtag_marks(western_digits(text)))
    out.shape = raw.shape
    if raw.is_list:
        out.problems.append(Problem(source_file, "", "parse", "the page is only a list of names (a navigation box or "
                                                              "an index of articles), not an article about one event"))
        return out
    event, problems = build_event(raw, source_file, cut_off=cut_off_word(text))
    if not raw.fields and not (event.start_date and event.place):
        lacks = " and no ".join(w for w, has in (("date", event.start_date), ("place", event.place)) if not has)
        out.problems.append(Problem(source_file, "", "parse", f"no recognisable structure: no infobox, labelled fields "
                                                              f"or table rows were found, and the lead gives no {lacks}"))
        return out
    if not raw.fields:
        lacks = "" if any(event.sides) else "; it names no side, so the faction filter cannot find the event"
        problems.insert(0, Problem(source_file, event.event_id, "parse", "the page has no infobox: the event is read "
                                                                         f"from its lead alone{lacks}"))
    out.events.append(event)
    out.problems.extend(problems)
    related, related_problems, people = related_events(raw.related, source_file)
    out.events.extend(related)
    out.problems.extend(related_problems)
    out.people_or_groups = people
    return out


def _feed_article(stories: list[str], source_file: str) -> ParsedArticle:
    out = ParsedArticle(source_file, shape="feed")
    for story in (parse_article(text, source_file) for text in stories):
        out.events.extend(story.events)
        out.problems.extend(story.problems)
    if not stories:
        out.problems.append(Problem(source_file, "", "parse", "the file is a news feed with no stories in it"))
    return out


def build_event(raw: RawArticle, source_file: str, *, cut_off: str = "") -> tuple[Event, list[Problem]]:
    """The event an article describes, from its infobox, then its lead and own sections (never its Background),
    then its title; event.origins says where each field came from.

    cut_off is the word the file stops in the middle of (see cut_off_word), "" for a whole file.
    """
    problems: list[str | tuple[str, str]] = []
    infobox, kept = _infobox(raw, problems)
    if cut_off:
        problems.append(("parse", f"the file stops in the middle of a word ('…{cut_off}'): it looks cut off, "
                                  f"so whatever followed is missing"))
        _set_aside_cut_field(raw, kept, cut_off, problems)
    fields = {key: f.value for key, f in kept.items()}
    boxed = list(kept.values())
    title = raw.title or fields.get(("conflict", None), "")
    if not title:
        title = f"Untitled article {source_file}"
        problems.append(("parse", "no title found; named after the file"))
    event = Event(event_id="", title=clean(title), kind="article", source_file=source_file, infobox=infobox,
                  summary=raw.lead.strip(), sections=raw.sections, result=clean(fields.get(("result", None), "")),
                  part_of=clean(fields.get(("part_of", None), "")))
    origins: dict[str, str] = {"title": "title" if raw.title else "infobox"}
    prose = event_prose(raw, cut_off)
    _set_dates(event, fields.get(("date", None), ""), raw, prose, problems, origins)
    _set_place(event, fields.get(("place", None), ""), prose, problems, origins)
    _set_coordinates(event, raw.coordinates_text or fields.get(("coordinates", None), ""), problems, origins)
    set_sides(event, boxed, prose, problems, origins, news=raw.published is not None and not raw.fields)
    n_sides = len(event.sides)
    event.commanders = [clean_commanders(v) for v in per_side_values(boxed, "commander", n_sides, event.sides)]
    event.strengths = [clean(v) for v in per_side_values(boxed, "strength", n_sides, event.sides)]
    boxed_claims, rejected = infobox_claims(boxed, event.sides)
    problems.extend(("casualties", reason) for reason in rejected)
    event.claims, event.references = article_claims(raw, event, boxed_claims)
    if boxed_claims:
        origins["claims"] = "infobox"
    event.origins = origins
    event.event_id = make_event_id(source_file, event.title, event.start_date)
    problems.extend(("parse", note) for note in raw.notes)
    return event, [_problem(source_file, event.event_id, p) for p in problems]


def _infobox(raw: RawArticle, problems: list) -> tuple[dict[str, str], dict[tuple[str, int | None], Field]]:
    """Every field as written (the first of a label given twice), and the first field of each canonical key."""
    infobox: dict[str, str] = {}
    kept: dict[tuple[str, int | None], Field] = {}
    labels: dict[tuple[str, int | None], str] = {}  # the label each interpreted field was read from
    given = raw.infobox or [_field_of(label, value) for label, value in raw.fields]
    for (label, value), f in zip(raw.fields, given):
        if label in infobox:
            if value != infobox[label]:
                problems.append(("parse", f"infobox key {label!r} appears twice; kept the first value {infobox[label]!r}, "
                                          f"ignored {value!r}"))
            continue
        infobox[label] = value
        key = (f.key, f.index) if f.key else None
        if key and key not in kept:
            kept[key], labels[key] = f, label
        elif key and value != kept[key].value:  # "Place" and "Location", "Combatant1" and "combatant1"
            problems.append(("parse", f"infobox keys {labels[key]!r} and {label!r} give the same field; kept the first "
                                      f"value {kept[key].value!r}, ignored {value!r}"))
    return infobox, kept


def _field_of(label: str, value: str) -> Field:
    key = canonical_key(label)
    return Field(label, key[0] if key else None, key[1] if key else None, value)


def cut_off_word(text: str) -> str:
    """The word a file stops in the middle of ("" when it ends at a line end, punctuation or a number).

    Files that end cleanly end with a line break or a full stop; one that stops on a letter with no
    line break after it was cut off (a failed download, a copy that stopped short).
    """
    tail = text[-200:]  # the search runs from the end: a 5 MB file is not scanned whole
    match = re.search(r"[^\W\d_]+\Z", tail)
    if match and len(match.group()) == 1 and tail[:match.start()].endswith(("°", "″", "'", "′")):
        return ""  # a coordinate's hemisphere ("3.0000°W") ends a line, not a word
    return match.group() if match else ""


def _set_aside_cut_field(raw: RawArticle, fields: dict, cut_off: str, problems: list) -> None:
    """When a cut-off file stops inside its last infobox field, that field is incomplete: it stays in the
    infobox as written but is not interpreted (no half a casualty figure, no half a name)."""
    if not raw.fields or raw.lead.strip() or raw.sections:
        return  # the cut fell after the infobox, in text read as the lead or a section
    label, value = raw.fields[-1]
    key = canonical_key(label)
    if key and key in fields and fields[key].value == value and value.rstrip().endswith(cut_off):
        del fields[key]
        problems.append(("parse", f"infobox field {label!r} is where the file stops, so it is incomplete and was not "
                                  f"used: {value.strip()[-80:]!r}"))


def _set_dates(event: Event, date_text: str, raw: RawArticle, prose: list, problems: list, origins: dict) -> None:
    year_hint = year_hint_of(event.title)
    found, origin = None, ""
    if date_text.strip() and date_text.strip().casefold() not in UNKNOWN:
        try:
            found, origin = parse_date_range(date_text, default_year=year_hint), "infobox"
        except ParseError as exc:
            problems.append(("date", f"infobox date not usable: {exc}"))
    if found is None:
        from_prose = news_date(prose, raw.published) if raw.published and not raw.fields else prose_date(prose, year_hint)
        if from_prose is not None:
            found, origin = from_prose.value, from_prose.where
            written = date_text.strip()
            why = ("(the infobox gives no date)" if not written else
                   f"(the infobox date is {written!r})" if written.casefold() in UNKNOWN else "instead")
            counted = f" ({from_prose.sentence})" if raw.published and from_prose.sentence not in raw.lead else ""
            problems.append(("date", f"date taken from the {origin} {why}: {found.start}…{found.end}{counted}"))
    if found is None:
        found = _title_date(event.title)
        if found is not None:
            origin = "title"
            problems.append(("date", f"date taken from the title (the infobox and the lead give none): "
                                     f"{found.start}…{found.end}"))
    if found is None:
        problems.append(("date", "no date in the infobox or the lead; the event has no place on the time slider"))
        return
    event.start_date, event.end_date, event.date_precision = found.start, found.end, found.precision
    origins["date"] = origin
    if origin == "infobox":
        _check_against_prose(found, first_dates(raw, prose, int(found.start[:4])), problems)


def _check_against_prose(boxed: DateRange, said_in_text: list, problems: list) -> None:
    """Where the lead or the body dates the event outside the infobox's dates, the infobox is kept and it is said."""
    for said in said_in_text:
        if boxed.start <= said.value.start <= boxed.end:
            continue
        words = re.sub(r"\s+", " ", said.sentence)[:100]
        problems.append(("date", f"the infobox dates the event {format_date_range(boxed)} but the {said.where} says "
                                 f"{format_date_range(said.value)} ({words!r}); kept the infobox's date"))
        return


def _title_date(title: str) -> DateRange | None:
    for bracket in re.findall(r"\(([^)]*)\)", title):
        try:
            return parse_date_range(bracket)
        except ParseError:
            continue
    return None


def _set_place(event: Event, place_text: str, prose: list, problems: list, origins: dict) -> None:
    event.place = clean(place_text)
    origin = "infobox"
    if not event.place:
        titled = place_from_title(event.title)
        titled = "" if names_no_place(titled) else titled  # "…en el centro de Malí": the country, not the place
        found = prose_place(prose, titled)
        if found is not None and (not titled or found.value != titled):
            event.place, origin = found.value, found.where
        elif titled:
            event.place, origin = titled, "title"
        if event.place:
            problems.append(("place", f"the infobox gives no place; place taken from the {origin}: {event.place!r}"))
    if event.place:
        origins["place"] = origin
    event.region = region_from_place(event.place)


def _set_coordinates(event: Event, text: str, problems: list, origins: dict) -> None:
    if not text.strip():
        return
    try:
        point = parse_coordinates(text)
    except ParseError as exc:
        problems.append(("coordinates", f"the article's coordinates are not usable: {exc}"))
        return
    if point is None:
        problems.append(("coordinates", f"coordinate text not understood: {text.strip()[:80]!r}"))
        return
    event.latitude, event.longitude = point
    event.location_precision, event.location_source = 1, "article"
    origins["coordinates"] = "page"


MAX_REASON = 400  # a reason quotes the article; a huge field is shortened (the infobox keeps it whole)


def _problem(source_file: str, event_id: str, item: str | tuple[str, str]) -> Problem:
    stage, reason = item if isinstance(item, tuple) else ("parse", item)
    if len(reason) > MAX_REASON:
        reason = reason[:MAX_REASON - 1] + "…"
    return Problem(source_file, event_id, stage, reason)


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, ArticleError) else f"file could not be read: {exc}"


def article_claims(raw: RawArticle, event: Event, infobox: list[Claim]) -> tuple[list[Claim], list[Reference]]:
    """All of an article's claims (the infobox's merged with its text's) and its References list, for build_event."""
    references = parse_references(raw.references)
    said = body_claims(raw.lead, raw.sections, event.sides, event.start_date, event.commanders, references)
    return merge_claims(infobox, said, event.sides, year_hint_of(event.start_date)), references
