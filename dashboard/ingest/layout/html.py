"""A page pasted as HTML (its source, or a rich-text copy kept as markup): the same page as text, table cells
separated by tabs and rows, paragraphs and line breaks on lines of their own, so the one reader reads it."""
from __future__ import annotations

import html
import re

from dashboard.text.published import publication_line

# Block tags only: a text page copied with a few inline <span>s left in is still text.
_MARKUP = re.compile(r"<(?:table|tr|td|th|div|p|br|li)\b[^>]*>", re.I)
_DROPPED = re.compile(r"<(head|script|style|sup|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# A news page names itself and its day in its head: og:title or <title>, article:published_time or <time datetime>.
_META_TITLE = re.compile(r"<meta\b[^>]*\b(?:property|name)\s*=\s*[\"'](?:og:title|twitter:title)[\"'][^>]*>", re.I)
_TITLE = re.compile(r"<title\b[^>]*>(?P<title>.*?)</title\s*>", re.I | re.S)
_META_PUBLISHED = re.compile(r"<meta\b[^>]*\b(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|"
                             r"datePublished|pubdate|publishdate|date|dc\.date)[\"'][^>]*>", re.I)
_TIME = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"'](?P<when>\d{4}-\d\d-\d\d)", re.I)
_CONTENT = re.compile(r"\bcontent\s*=\s*[\"'](?P<value>[^\"']*)[\"']", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_LINE_END = re.compile(r"<br\s*/?>|</(?:tr|p|li|div|h[1-6]|caption)\s*>|<(?:tr|h[1-6]|p|li)\b[^>]*>", re.I)
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*[\"']([^\"']*)[\"']", re.I)
_TAG = re.compile(r"<[^>]+>")


_DOCUMENT = re.compile(r"<!doctype\s+html|<html\b|<body\b|<article\b|<main\b", re.I)


def looks_like_html(text: str) -> bool:
    """A page's source: a document's tags (however short its story), or a run of block tags."""
    head = text[:20000]
    blocks = len(_MARKUP.findall(head))
    return blocks >= 5 or (blocks >= 1 and _DOCUMENT.search(head) is not None)


def html_text(text: str) -> str:
    """Text of an HTML page: cells end with a tab, rows and paragraphs with a line break; images leave their alt
    text (a flag's "Mali"); scripts, styles and footnote marks go."""
    titles, published = _head_lines(text)
    if re.search(r"<(?:article|main)\b", text, re.I):  # a news page: its chrome stands outside the story
        text = re.sub(r"<(nav|header|footer|aside|form)\b[^>]*>.*?</\1\s*>", " ", text, flags=re.I | re.S)
    text = re.sub(r"\s+", " ", _DROPPED.sub(" ", text))  # line breaks in the source are only spaces
    text = _IMAGE.sub(lambda m: f" {(_ALT.search(m.group()) or [None, ''])[1]} ", text)
    text = _CELL_END.sub("\t", text)
    text = _LINE_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text)).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]*\t[ \t]*", "\t", re.sub(r" {2,}", " ", line)).strip(" \t") for line in text.split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    titled = [line for line in titles if line not in body[:300]]
    if not titled and published:  # the page's headline first, then its day
        first, _, rest = body.partition("\n")
        return "\n\n".join([first, *published, rest.strip()]) + "\n"
    return "\n\n".join([*titled, *published, body]) + "\n"


def _head_lines(page: str) -> tuple[list[str], list[str]]:
    """The page's title and its publication day's line ("Published: 2022-07-03"), each [] when the head has none."""
    lines = []
    meta = _META_TITLE.search(page)
    title = _CONTENT.search(meta.group()) if meta else None
    written = title["value"] if title else (_TITLE.search(page) or {"title": ""})["title"]
    written = html.unescape(_TAG.sub("", written)).strip()
    if written and not re.search(r"<h1\b", page, re.I):  # a headline names the page better than its <title>
        lines.append(_SITE_SUFFIX.sub("", written) if not title else written)
    published = _META_PUBLISHED.search(page)
    day = _CONTENT.search(published.group()) if published else None
    when = day["value"][:10] if day and re.match(r"\d{4}-\d\d-\d\d", day["value"]) else ""
    time = _TIME.search(page)
    when = when or (time["when"] if time else "")
    return lines, [publication_line(when)] if when else []
