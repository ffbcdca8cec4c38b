"""A copied page of any layout -> RawArticle: its title, its infobox wherever the labels stand, its lead and sections.

The same steps for every page: rows (rows.page_rows), the infobox found by its labels (blocks.find_infobox), the
title from the first line that is neither chrome nor a picture, the lead from the prose before the infobox and
the paragraphs after it, navigation boxes and search-engine filler set aside.
"""
from __future__ import annotations

import re
from collections import Counter

from dashboard.ingest.layout.base import RawArticle
from dashboard.ingest.layout.blocks import Field, Infobox, find_infobox, is_prose
from dashboard.ingest.layout.labels import DISPLAY_NAMES, is_header, match_label
from dashboard.ingest.layout.rows import Row, page_rows
from dashboard.ingest.layout.sections import attach_headed_body, take_coordinate_lines, without_navboxes
from dashboard.text.markup import SEO_PHRASES, image_names, is_chrome, without_images

SHAPES = {"markdown": "markdown-infobox", "table": "table", "plain": "web-page"}
_TITLE_HEADING = re.compile(r"^=\s*(.+?)\s*=$|^#\s+(.+?)\s*$")


def read_page(text: str) -> RawArticle:
    rows = page_rows(text)
    box = find_infobox(rows)
    start, end = (box.start, box.end) if box else (len(rows), len(rows))
    title_at, title = find_title(rows, start)
    article = RawArticle(SHAPES[box.layout] if box else "lead-only", title)
    if box:
        article.infobox = box.fields
        article.fields = [(field_label(f), f.value) for f in box.fields]
        article.notes.extend(_lost_label_notes(box))
    article.lead = "\n\n".join(p for p in _prose_before(rows[:start], title_at) if not is_boilerplate(p))
    body, navbox = without_navboxes(_lines(rows[end:]) if box else _lines(rows[title_at + 1:]))
    body_text, coordinates = take_coordinate_lines("\n".join(body))
    _, before_coordinates = take_coordinate_lines("\n".join(_lines(rows[:end])))
    article.coordinates_text = "\n".join(filter(None, [before_coordinates, coordinates]))
    attach_headed_body(article, _paragraphs(body_text))
    article.is_list = not box and navbox and not any(is_prose(p) for p in [article.lead, *(t for _, t in article.sections)])
    return article


def field_label(field: Field) -> str:
    """The label as written, or a name saying the page lost it ("Belligerents (label lost)")."""
    if field.label:
        return field.label
    return f"{DISPLAY_NAMES.get(field.key or '', 'Row')} (label lost)"


def find_title(rows: list[Row], before: int) -> tuple[int, str]:
    """(row, title): "= Title =", else the first line before the infobox that is neither chrome, a picture, prose
    nor a label."""
    for i, row in enumerate(rows[:before]):
        if row.blank:
            continue
        text = (row.cells[0] if row.table else row.text).strip()
        heading = _TITLE_HEADING.match(text)
        if heading:
            return i, heading.group(1) or heading.group(2)
        if not text or is_chrome(text) or is_prose(text) or is_header(text) or match_label(text, glued=False):
            continue
        if image_names(text) and not without_images(text).strip():
            continue
        return i, text
    return -1, ""


def is_boilerplate(paragraph: str) -> bool:
    """Search-engine filler: its stock phrases, or one three-word phrase said four times over."""
    if SEO_PHRASES.search(paragraph):
        return True
    words = re.findall(r"\w+", paragraph.casefold())
    return any(n >= 4 for n in Counter(zip(words, words[1:], words[2:])).values())


def _prose_before(rows: list[Row], title_at: int) -> list[str]:
    return [row.text.strip() for i, row in enumerate(rows) if i != title_at and not row.blank and not row.table
            and is_prose(row.text)]


def _lines(rows: list[Row]) -> list[str]:
    return ["" if row.blank else " | ".join(row.cells) if row.table else row.cells[0] for row in rows]


def _paragraphs(text: str) -> str:
    """The body with one paragraph per line where the copy kept no blank lines between them (pipe scrapes)."""
    lines = [ln for ln in text.split("\n")]
    filled = sum(1 for ln in lines if ln.strip())
    blank = len(lines) - filled
    return "\n\n".join(ln for ln in lines if ln.strip()) if filled > 3 * max(blank, 1) else text


def _lost_label_notes(box: Infobox) -> list[str]:
    return [f"a row of the infobox had no label (the copy lost it); read as {field_label(f).split(' (')[0].lower()} "
            f"from its words: {f.value[:80]!r}" for f in box.fields if f.inferred]
