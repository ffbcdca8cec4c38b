"""A page saved as a JSON answer (MediaWiki's parse or revisions API, the REST summary, a scraper's record): the page's
own text inside it, with its title, so the one reader reads it as if it had been copied."""
from __future__ import annotations

import json
from typing import Any, Iterator

from dashboard.text.published import publication_line

# Keys whose string is the page itself, best first: wikitext, then HTML, then plain text.
_PAGE_KEYS = ("wikitext", "source", "content", "*", "html", "text", "articlebody", "body", "article", "maintext", "extract",
              "description")
_TITLE_KEYS = ("title", "displaytitle", "headline", "name")
_DATE_KEYS = ("published", "date", "datepublished", "published_time", "pubdate", "publication_date")


def json_page(text: str) -> str | None:
    """The page a JSON answer holds, as text (its title on the first line), or None when the text is no JSON
    object or holds no page."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return None
    try:
        data = json.loads(stripped)
    except ValueError:
        return None
    strings = list(_strings(data))
    page = _best(strings, _PAGE_KEYS, longest=True)
    if not page or len(page) < 80:
        return None
    title = _best(strings, _TITLE_KEYS)
    published = _best(strings, _DATE_KEYS)
    lines = [title] if title and title not in page[:200] else []
    if published:
        lines.append(publication_line(published))
    return "\n\n".join([*lines, page]) if lines else page


def _strings(data: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, string) of every string in the answer, however deep."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(v, str(k).casefold())
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, key)
    elif isinstance(data, str) and data.strip():
        yield key, data


def _best(strings: list[tuple[str, str]], keys: tuple[str, ...], longest: bool = False) -> str:
    for wanted in keys:
        found = [s for k, s in strings if k == wanted]
        if found:
            return max(found, key=len) if longest else found[0].strip()
    return ""
