"""One reader for any page layout: `read_article(text)` finds the infobox by its labels wherever they stand
(own line, glued to the value, in table cells, in raw wikitext) and splits the rest into lead and sections.
The layout it saw is kept as RawArticle.shape, for information only."""
from __future__ import annotations

import re

from dashboard.ingest.layout.base import RawArticle
from dashboard.ingest.layout.html import html_text, looks_like_html
from dashboard.ingest.layout.json_page import json_page
from dashboard.ingest.layout.markdown import looks_like_markdown, markdown_text
from dashboard.ingest.layout.page import read_page
from dashboard.ingest.layout.sections import attach_headed_body
from dashboard.ingest.layout.wrapped import unwrapped
from dashboard.ingest.layout.wikitext import before_text, body_text, infobox_fields, infobox_template

_UNCLOSED = "the infobox template is never closed ('}}' missing): the rest of the file was read as infobox fields"


def read_article(text: str) -> RawArticle:
    """Split an article into its parts, whatever its layout."""
    page = json_page(text)
    if page is not None:  # a saved API answer: the page inside it
        article = _read_text(page)
        article.shape = f"json {article.shape}"
        return article
    return _read_text(text)


def _read_text(text: str) -> RawArticle:
    found = infobox_template(text)
    notes = []
    for closing in range(1, 4):
        if found is not None or not re.search(r"\{\{\s*infobox", text, re.I):
            break
        found = infobox_template(text + "\n}}" * closing)
        notes = [_UNCLOSED] if found else []
    if found is None:
        if looks_like_html(text):
            article = read_page(html_text(text))
            article.shape = f"html {article.shape}"
            return article
        if looks_like_markdown(text):
            article = read_page(unwrapped(markdown_text(text)))
            article.shape = f"markdown {article.shape}"
            return article
        return read_page(unwrapped(text))
    code, template = found
    fields = infobox_fields(template)
    before = [ln.strip() for ln in before_text(code, template).split("\n") if ln.strip()]
    heading = re.match(r"^=\s*(.+?)\s*=$", before[0]) if before else None
    title = heading.group(1) if heading else before[0] if before and len(before[0]) < 120 else ""
    article = RawArticle("wikitext", title, [(f.label, f.value) for f in fields], infobox=fields, notes=notes)
    attach_headed_body(article, body_text(code, template))
    if not article.title:
        bold = re.search(r"'''(.+?)'''", text[text.find(str(template)) + len(str(template)):])
        conflict = next((f.value for f in fields if f.key == "conflict"), "")
        article.title = conflict or (bold.group(1) if bold else "")
    return article


__all__ = ["RawArticle", "read_article"]
