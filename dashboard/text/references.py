"""An article's References (or Notes) list as entries: number, title, publisher, date and URL, and whom a title
says is speaking ("Mali says 50 soldiers killed in Kidal fighting" -> "Mali").

Lists come as copied pages write them: "  7. "Title". Reuters. Archived from…", "1. 1 2 "Title". Le Monde.fr.
Retrieved…" (the "1 2" are back-links), "- ^ a b Author (21 May 2014). "Title". RFI.", a bare "Title, site.com.",
or wikitext "{{cite news |title=… |url=…}}". An entry with no number takes the next one in order.
"""
from __future__ import annotations

import re

from dashboard.text.dates import parse_date_range
from dashboard.model import DateError, Reference
from dashboard.text.markup import squeeze

_ENTRY_START = re.compile(r"^\s*(?:(?P<number>\d{1,3})[.)]\s+|\[(?P<bracketed>\d{1,3})\]\s*|[-*•#]+\s*\^?\s*|\^\s*)")
_BACKLINKS = re.compile(r"^(?:\^\s*)?(?:(?:[a-z]|\d{1,2})(?:\s+|$)){2,}|^\^\s*")
_TEMPLATE_PARAM = re.compile(r"\|\s*([\w-]+)\s*=\s*([^|}]*)")
_URL = re.compile(r"https?://[^\s<>\"'\])|]+")
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_QUOTED = re.compile(r"[\"“«]\s*(?P<title>[^\"”»]+?)\s*[\"”»]")
# Segments that say when a copy was made, not when the source was published.
_ACCESS = re.compile(r"^(?:retrieved|archived|accessed|consult[ée]|archiv[ée]|page consult[ée]e)\b", re.I)
_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)

# Whom a headline has speaking: "Mali says …", "Malian army claims …", "Selon le MNLA, …", "Le MNLA affirme …".
_SPEAKS = (r"says|said|claims|claimed|reports|reported|announces|announced|confirms|confirmed|admits|estimates|"
           r"affirme|annonce|revendique|d[ée]clare|indique|reconna[iî]t|assure")
_HEADLINE_SPEAKER = re.compile(rf"^(?:(?i:update)\s*\d*\s*[-:]\s*)?(?P<who>[A-ZÀ-Ý][\w'’.-]*(?:\s+[\w'’.-]+){{0,3}}?)\s+(?:{_SPEAKS})\b")
_ACCORDING_TO = re.compile(r"^(?:according to|selon|d['’]apr[èe]s)\s+(?P<who>[^,:]{2,40}?)\s*[,:]", re.I)


def parse_references(text: str) -> list[Reference]:
    """The entries of a References list, in order; lines that belong to no entry are left out."""
    entries: list[tuple[int, str]] = []
    next_number = 1
    for line in text.splitlines():
        start = _ENTRY_START.match(line)
        if start and line[start.end():].strip():
            number = int(start["number"] or start["bracketed"] or next_number)
            entries.append((number, line[start.end():].strip()))
            next_number = number + 1
        elif entries and line.strip():
            entries[-1] = (entries[-1][0], f"{entries[-1][1]} {line.strip()}")
    return [_reference(number, body) for number, body in entries]


def _reference(number: int, body: str) -> Reference:
    written = squeeze(body)
    if "{{" in written:
        return _cited(number, written)
    text = _BACKLINKS.sub("", written).strip()
    link = _MARKDOWN_LINK.search(text)
    url = link.group(2) if link else (_URL.search(text).group().rstrip(".,;") if _URL.search(text) else "")
    if link:
        text = text.replace(link.group(), f'"{link.group(1)}"')
    text = _URL.sub("", text).strip()
    quoted = _QUOTED.search(text)
    if quoted:
        title, before, after = quoted["title"], text[:quoted.start()], text[quoted.end():]
    else:
        title, before, after = _unquoted_title(text)
    segments = [s.strip(" .,;") for s in re.split(r"\.\s+|\s+\.\s*|\.$", after) if s.strip(" .,;")]
    kept = [s for s in segments if not _ACCESS.match(s)]
    dates = [d for d in map(_iso_date, [*re.findall(r"\(([^()]*)\)", before), *kept]) if d]
    publisher = next((s for s in kept if not _iso_date(s)), "")
    return Reference(number=number, title=title.strip(" .,"), publisher=publisher, date=dates[0] if dates else "",
                     url=url, text=written)


def _unquoted_title(text: str) -> tuple[str, str, str]:
    """(title, before, after) of an entry whose title is not quoted: "Title, site.com." or "Title. Publisher."."""
    head, sep, tail = text.rstrip(" .").rpartition(", ")
    if sep and _DOMAIN.match(tail.strip()):
        return head, "", tail
    title, _, rest = text.partition(". ")
    return title, "", rest


def _cited(number: int, written: str) -> Reference:
    """An entry written as a citation template: {{cite web |title=… |publisher=… |date=… |url=…}}."""
    params = {k.casefold(): v.strip() for k, v in _TEMPLATE_PARAM.findall(written)}
    publisher = next((params[k] for k in ("publisher", "work", "website", "newspaper", "agency", "journal")
                      if params.get(k)), "")
    return Reference(number=number, title=params.get("title", "") or params.get("titre", ""), publisher=publisher,
                     date=_iso_date(params.get("date", "")), url=params.get("url", ""), text=written)


def _iso_date(text: str) -> str:
    """A publication date as ISO at its precision ("2014-08-19", "2014-08", "2014"); "" when text is not one."""
    if not text or not re.search(r"\d{4}", text) or len(text) > 40:
        return ""
    try:
        found = parse_date_range(text)
    except DateError:
        return ""
    return {"day": found.start, "month": found.start[:7], "year": found.start[:4]}[found.precision]


def speaker_of_title(title: str) -> str:
    """Whom a headline has speaking ("Mali says 50 soldiers killed…" -> "Mali"); "" when it names nobody."""
    match = _ACCORDING_TO.match(title) or _HEADLINE_SPEAKER.match(title)
    return squeeze(match["who"]).strip(" ,:") if match else ""
