"""A page pasted as HTML (its source, or a rich-text copy kept as markup): the same page as text, table cells
separated by tabs and rows, paragraphs and line breaks on lines of their own, so the one reader reads it."""
from __future__ import annotations

import html
import re

# Block tags only: a text page copied with a few inline <span>s left in is still text.
_MARKUP = re.compile(r"<(?:table|tr|td|th|div|p|br|li)\b[^>]*>", re.I)
_DROPPED = re.compile(r"<(head|script|style|sup|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_CELL_END = re.compile(r"</t[dh]\s*>", re.I)
_LINE_END = re.compile(r"<br\s*/?>|</(?:tr|p|li|div|h[1-6]|caption)\s*>|<(?:tr|h[1-6]|p|li)\b[^>]*>", re.I)
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"\balt\s*=\s*[\"']([^\"']*)[\"']", re.I)
_TAG = re.compile(r"<[^>]+>")


def looks_like_html(text: str) -> bool:
    return len(_MARKUP.findall(text[:20000])) >= 5


def html_text(text: str) -> str:
    """Text of an HTML page: cells end with a tab, rows and paragraphs with a line break; images leave their alt
    text (a flag's "Mali"); scripts, styles and footnote marks go."""
    text = re.sub(r"\s+", " ", _DROPPED.sub(" ", text))  # line breaks in the source are only spaces
    text = _IMAGE.sub(lambda m: f" {(_ALT.search(m.group()) or [None, ''])[1]} ", text)
    text = _CELL_END.sub("\t", text)
    text = _LINE_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text)).replace("\u00a0", " ")
    lines = [re.sub(r"[ \t]*\t[ \t]*", "\t", re.sub(r" {2,}", " ", line)).strip(" \t") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
