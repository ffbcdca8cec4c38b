"""Articles → events: interpret a reader's raw fields as dates, places, sides, commanders and casualty claims."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.casualties.body import article_claims
from dashboard.casualties.read import parse_casualties_checked
from dashboard.ingest.coords import parse_coordinates
from dashboard.ingest.dates import find_lead_date, parse_date_range
from dashboard.ingest.decode import decode_article
from dashboard.model import SIDE_LETTERS, ArticleError, Claim, Event, ParseError, Problem, make_event_id
from dashboard.ingest.layout import RawArticle, read_article
from dashboard.ingest.layout.base import canonical_key
from dashboard.ingest.related import related_events
from dashboard.text.markup import LEADING_IMAGE_NAME, squeeze, without_residue

_STATUS = {"KIA": "killed in action", "POW": "prisoner of war", "WIA": "wounded in action", "MIA": "missing in action",
           "†": "killed", "executed": "executed", "died": "died"}
_SUPPORT = re.compile(r"(?i)\s*(?:(?:supported by|soutenu par)\s*:?\s*)+|\s*support\s*:?\s*$")
_UNKNOWN = {"unknown", "inconnu", "inconnues", "inconnus", "n/a", "none", "-", "—", "?"}


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
    """The article's own event, its related-article events, and a named problem for everything not read."""
    out = ParsedArticle(source_file)
    try:
        raw = read_article(text)
    except ArticleError as exc:
        out.problems.append(Problem(source_file, "", "parse", str(exc)))
        return out
    out.shape = raw.shape
    event, problems = build_event(raw, source_file, cut_off=cut_off_word(text))
    out.events.append(event)
    out.problems.extend(problems)
    related, related_problems, people = related_events(raw.related, source_file)
    out.events.extend(related)
    out.problems.extend(related_problems)
    out.people_or_groups = people
    return out


def build_event(raw: RawArticle, source_file: str, *, cut_off: str = "") -> tuple[Event, list[Problem]]:
    """The event an article describes, from its infobox, falling back to its lead (never its Background).

    cut_off is the word the file stops in the middle of (see cut_off_word), "" for a whole file.
    """
    problems: list[str | tuple[str, str]] = []
    infobox, fields = _infobox(raw.fields, problems)
    if cut_off:
        problems.append(("parse", f"the file stops in the middle of a word ('…{cut_off}'): it looks cut off, "
                                  f"so whatever followed is missing"))
        _set_aside_cut_field(raw, fields, cut_off, problems)
    title = raw.title or fields.get(("conflict", None), "")
    if not title:
        title = f"Untitled article {source_file}"
        problems.append(("parse", "no title found; named after the file"))
    event = Event(event_id="", title=_clean(title), kind="article", source_file=source_file, infobox=infobox,
                  summary=raw.lead.strip(), sections=raw.sections, result=_clean(fields.get(("result", None), "")),
                  part_of=_clean(fields.get(("part_of", None), "")))
    _set_dates(event, fields.get(("date", None), ""), raw.lead, problems)
    event.place = _clean(fields.get(("place", None), ""))
    if not event.place and place_from_title(event.title):
        event.place = place_from_title(event.title)
        problems.append(("place", f"the infobox gives no place; place taken from the title: {event.place!r}"))
    event.region = region_from_place(event.place)
    _set_coordinates(event, raw.coordinates_text or fields.get(("coordinates", None), ""), problems)
    event.sides = [clean_parties(v) for v in _per_side(fields, "combatant")]
    n_sides = len(event.sides)
    event.commanders = [clean_commanders(v) for v in _per_side(fields, "commander", n_sides)]
    event.strengths = [_clean(v) for v in _per_side(fields, "strength", n_sides)]
    event.claims, event.references = article_claims(raw, event, _claims(fields, n_sides, problems))
    event.event_id = make_event_id(source_file, event.title, event.start_date)
    if raw.notes:
        problems.extend(("parse", note) for note in raw.notes)
    return event, [_problem(source_file, event.event_id, p) for p in problems]


def _infobox(pairs: list[tuple[str, str]], problems: list) -> tuple[dict[str, str], dict[tuple[str, int | None], str]]:
    infobox: dict[str, str] = {}
    fields: dict[tuple[str, int | None], str] = {}
    labels: dict[tuple[str, int | None], str] = {}  # the label each interpreted field was read from
    for label, value in pairs:
        if label in infobox:
            if value != infobox[label]:
                problems.append(("parse", f"infobox key {label!r} appears twice; kept the first value {infobox[label]!r}, "
                                          f"ignored {value!r}"))
            continue
        infobox[label] = value
        key = canonical_key(label)
        if key and key not in fields:
            fields[key], labels[key] = value, label
        elif key and value != fields[key]:  # "Place" and "Location", "Combatant1" and "combatant1"
            problems.append(("parse", f"infobox keys {labels[key]!r} and {label!r} give the same field; kept the first "
                                      f"value {fields[key]!r}, ignored {value!r}"))
    return infobox, fields


def cut_off_word(text: str) -> str:
    """The word a file stops in the middle of ("" when it ends at a line end, punctuation or a number).

    Files that end cleanly end with a line break or a full stop; one that stops on a letter with no
    line break after it was cut off (a failed download, a copy that stopped short).
    """
    match = re.search(r"[^\W\d_]+\Z", text)
    return match.group() if match else ""


def _set_aside_cut_field(raw: RawArticle, fields: dict, cut_off: str, problems: list) -> None:
    """When a cut-off file stops inside its last infobox field, that field is incomplete: it stays in the
    infobox as written but is not interpreted (no half a casualty figure, no half a name)."""
    if not raw.fields or raw.lead.strip() or raw.sections:
        return  # the cut fell after the infobox, in text read as the lead or a section
    label, value = raw.fields[-1]
    key = canonical_key(label)
    if key and fields.get(key) == value and value.rstrip().endswith(cut_off):
        del fields[key]
        problems.append(("parse", f"infobox field {label!r} is where the file stops, so it is incomplete and was not "
                                  f"used: {value.strip()[-80:]!r}"))


def _set_dates(event: Event, date_text: str, lead: str, problems: list) -> None:
    year_hint = _year_hint(event.title)
    found = None
    if date_text.strip() and date_text.strip().casefold() not in _UNKNOWN:
        try:
            found = parse_date_range(date_text, default_year=year_hint)
        except ParseError as exc:
            problems.append(("date", f"infobox date not usable: {exc}"))
    if found is None:
        found = find_lead_date(lead) if lead else None
        if found is not None:
            written = date_text.strip()
            why = ("(the infobox gives no date)" if not written else
                   f"(the infobox date is {written!r})" if written.casefold() in _UNKNOWN else "instead")
            problems.append(("date", f"date taken from the lead {why}: {found.start}…{found.end}"))
    if found is None:
        problems.append(("date", "no date in the infobox or the lead; the event has no place on the time slider"))
        return
    event.start_date, event.end_date, event.date_precision = found.start, found.end, found.precision


def _set_coordinates(event: Event, text: str, problems: list) -> None:
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


def _per_side(fields: dict, canon: str, n_sides: int | None = None) -> list[str]:
    """Values per side: numbered fields (Combatant1, Combatant2…) or one block a copied page lists them in."""
    numbered = {i: v for (c, i), v in fields.items() if c == canon and i is not None}
    if numbered:
        return [numbered.get(i, "") for i in range(1, max([n_sides or 0, *numbered]) + 1)]
    block = fields.get((canon, None), "")
    return split_side_block(block, n_sides) if block.strip() else ([""] * n_sides if n_sides else [])


def split_side_block(block: str, n_sides: int | None) -> list[str]:
    """A copied page's one cell for all sides: split at blank lines, else lines, else citation markers."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", block.strip()) if c.strip()]
    if n_sides and len(chunks) != n_sides:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        by_citation = [c.strip() for c in re.split(r"\s*\[\d+\]\s*", block.strip()) if c.strip()]
        if len(lines) == n_sides:
            chunks = lines
        elif len(by_citation) == n_sides:
            chunks = by_citation
    if n_sides:
        chunks = (chunks + [""] * n_sides)[:n_sides] if len(chunks) <= n_sides else chunks[:n_sides - 1] + ["\n".join(chunks[n_sides - 1:])]
    return chunks


def _claims(fields: dict, n_sides: int, problems: list) -> list[Claim]:
    numbered = sorted((i, v) for (c, i), v in fields.items() if c == "casualties" and i is not None)
    block = fields.get(("casualties", None), "")
    if not numbered and block.strip():
        numbered = list(enumerate(split_casualty_blocks(block, n_sides), 1))
    claims: list[Claim] = []
    for index, value in numbered:
        side = SIDE_LETTERS[index - 1] if index <= max(n_sides, 1) and index <= len(SIDE_LETTERS) else "civilian"
        found, rejected = parse_casualties_checked(value, side)
        claims.extend(found)
        problems.extend(("casualties", f"side {side}: {reason}") for reason in rejected)
    return claims


def split_casualty_blocks(block: str, n_sides: int) -> list[str]:
    """One casualties cell of a copied page → one text per side: blocks end at an attribution line or a blank line."""
    chunks = [c for c in re.split(r"\n\s*\n", block.strip()) if c.strip()]
    if len(chunks) >= max(n_sides, 2):
        return chunks
    out, current = [], []
    for line in block.strip().split("\n"):
        current.append(line)
        if re.fullmatch(r"\s*\((?:according to|per|selon|d'après)\b[^)]*\)\s*(\[\d+\])*\s*", line, re.I):
            out.append("\n".join(current))
            current = []
    if any(ln.strip() for ln in current):
        out.append("\n".join(current))
    lines = [ln for ln in block.split("\n") if ln.strip()]
    if len(out) == 1 and n_sides > 1 and len(lines) == n_sides:
        return lines  # one line per side, each with its own attribution
    return out


def clean_parties(value: str) -> list[str]:
    """Party names without flag images, icon sizes or citation markers; "Supported by" parties marked as such."""
    parties: list[str] = []
    supported = False
    for piece in re.split(r"[\n,;]+", value):
        piece, marked = _without_support_marker(without_residue(piece))
        piece, marked_after_image = _without_support_marker(LEADING_IMAGE_NAME.sub("", piece))
        supported = supported or marked or marked_after_image
        name = _clean(piece)
        if name and name.casefold() not in _UNKNOWN:
            parties.append(f"{name} (support)" if supported else name)
    return parties


def _without_support_marker(piece: str) -> tuple[str, bool]:
    """The piece without a leading "Supported by:" (alone or before the first supporter), and whether it had one."""
    piece = piece.strip()
    marker = _SUPPORT.match(piece)
    return (piece[marker.end():].strip(), True) if marker else (piece, False)


def clean_commanders(value: str) -> list[str]:
    """Commander names, with status markers glued or not ("BojanKIA", "Bojan †") written out."""
    names = []
    for name in clean_parties(value):
        match = re.match(r"^(.+?[a-z.)])\s*\(?(KIA|POW|WIA|MIA|†|executed|died)\)?$", name)
        names.append(f"{match.group(1).strip()} ({_STATUS[match.group(2)]})" if match else name)
    return names


def place_from_title(title: str) -> str:
    """The place in a title such as "Second Battle of Kidal" or "Amazragane skirmish" ("" when none)."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip()
    match = re.search(r"\b(?:of|at|in|on|de|d'|du)\s+((?:[A-Z][\w'’-]*)(?:[ -](?:[A-Z][\w'’-]*))*)\s*$", bare)
    if match:
        return match.group(1)
    match = re.match(r"^((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)*) (?:skirmish|ambush|battle|raid|attack|clashes|massacre|siege|"
                     r"offensive|bombing|incident)\b", bare, re.I)
    return match.group(1) if match else ""


def region_from_place(place: str) -> str:
    match = re.search(r"([A-ZÉ][\w'’é-]+(?: [A-Z][\w'-]+)?) Region\b|\br[ée]gion (?:de |du |d')?([A-ZÉ][\w'’é-]+)", place)
    return (match.group(1) or match.group(2)) if match else ""


def _year_hint(title: str) -> int | None:
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", title)
    return int(match.group(1)) if match else None


def _clean(text: str) -> str:
    return squeeze(without_residue(text)).strip(" ,;")


MAX_REASON = 400  # a reason quotes the article; a huge field is shortened (the infobox keeps it whole)


def _problem(source_file: str, event_id: str, item: str | tuple[str, str]) -> Problem:
    stage, reason = item if isinstance(item, tuple) else ("parse", item)
    if len(reason) > MAX_REASON:
        reason = reason[:MAX_REASON - 1] + "…"
    return Problem(source_file, event_id, stage, reason)


def _reason(exc: Exception) -> str:
    return str(exc) if isinstance(exc, ArticleError) else f"file could not be read: {exc}"
