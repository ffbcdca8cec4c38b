"""A news feed saved as a file (RSS 2.0 <item>s, Atom <entry>s): each story as the text of a page of its own,
headline, publication line and body, so each is read as the copy it is."""
from __future__ import annotations

import html
import re
from email.utils import parsedate_to_datetime

from dashboard.text.published import publication_line

_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)
_ITEM = re.compile(r"<(item|entry)\b[^>]*>(?P<body>.*?)</\1\s*>", re.I | re.S)
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_TAG = re.compile(r"<[^>]+>")
MAX_ITEMS = 500  # a feed file is a few dozen stories; a huge one is cut, not read for minutes


def feed_items(text: str) -> list[str] | None:
    """The stories of a feed as page texts, None when the text is no feed."""
    if not _FEED.search(text[:5000]):
        return None
    return [_story(m["body"]) for m in _ITEM.finditer(text)][:MAX_ITEMS]


def _story(item: str) -> str:
    title = _field(item, "title")
    when = _day(_field(item, "pubDate") or _field(item, "published") or _field(item, "updated")
                or _field(item, "dc:date"))
    body = _field(item, "content:encoded") or _field(item, "content") or _field(item, "description") \
        or _field(item, "summary")
    return "\n\n".join(part for part in (title, publication_line(when) if when else "", body) if part) + "\n"


def _field(item: str, name: str) -> str:
    """An element's text, its CDATA unwrapped, its markup (escaped or not) made text, paragraphs kept."""
    match = re.search(rf"<{re.escape(name)}\b[^>]*>(.*?)</{re.escape(name)}\s*>", item, re.I | re.S)
    if match is None:
        return ""
    value = _CDATA.sub(lambda m: m.group(1), match.group(1))
    value = html.unescape(value) if "&lt;" in value else value  # an RSS description escapes its HTML
    value = re.sub(r"</p\s*>|<br\s*/?>", "\n\n", value, flags=re.I)
    return re.sub(r"\n{3,}", "\n\n", html.unescape(_TAG.sub("", value))).strip()


def _day(written: str) -> str:
    """ISO day of a feed's date: RSS's "Tue, 14 Feb 2023 10:12:00 GMT", Atom's "2023-02-14T10:12:00Z"."""
    if re.match(r"\d{4}-\d\d-\d\d", written):
        return written[:10]
    try:
        return parsedate_to_datetime(written).date().isoformat() if written else ""
    except (TypeError, ValueError, IndexError):
        return ""
