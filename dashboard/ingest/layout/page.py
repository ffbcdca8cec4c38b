"""A copied page of any layout -> RawArticle: its title, its infobox wherever the labels stand, its lead and sections.

The same steps for every page: rows (rows.page_rows), the infobox found by its labels (blocks.find_infobox), the
title from the first line that is neither chrome nor a picture, the lead from the prose before the infobox and
the paragraphs after it, navigation boxes and search-engine filler set aside.
"""
from __future__ import annotations

import re
from collections import Counter

from dashboard.ingest.layout.base import CONTENTS_HEADINGS, RawArticle
from dashboard.ingest.layout.blocks import Field, Infobox, find_infobox, is_prose
from dashboard.ingest.layout.labels import DISPLAY_NAMES, is_header, match_label
from dashboard.ingest.layout.press import is_press_export, press_story
from dashboard.ingest.layout.rows import Row, page_rows
from dashboard.ingest.layout.sections import attach_headed_body, take_coordinate_lines, without_navboxes
from dashboard.text.fold import label_key
from dashboard.text.published import Publication, dates_the_copy, publication_date
from dashboard.text.markup import SEO_PHRASES, image_names, is_chrome, without_images

SHAPES = {"markdown": "markdown-infobox", "table": "table", "plain": "web-page"}
# Words that name an event in a title, in the languages articles come in.
EVENT_WORDS = re.compile(
    r"\b(?:battles?|attacks?|ambush|raid|siege|skirmish|clash(?:es)?|massacre|offensive|bombing|fall|capture|"
    r"fighting|combat|bataille|attaque|embuscade|prise|siège|affrontements?|battaglia|attacco|agguato|assedio|batalla|"
    r"ataque|emboscada|asedio|batalha|cerco|schlacht|gefecht|angriff|überfall|belagerung|бой|битва|сражение|"
    r"нападение|атака|засада|осада)\b|战役|战斗|袭击", re.I)
_TITLE_HEADING = re.compile(r"^=\s*(.+?)\s*=$|^#\s+(.+?)\s*$")


def read_page(text: str) -> RawArticle:
    rows = page_rows(text)
    box = find_infobox(rows)
    start, end = (box.start, box.end) if box else (len(rows), len(rows))
    published = None if box else publication_date("\n".join(row.text for row in rows))
    title_at, title = find_title(rows, start, published)
    article = RawArticle(SHAPES[box.layout] if box else "lead-only", title)
    if box:
        article.infobox = box.fields
        article.fields = [(field_label(f), f.value) for f in box.fields]
        article.notes.extend(_lost_label_notes(box))
    before = [row for i, row in enumerate(rows[:start]) if i != title_at]
    if box and sum(is_prose(row.text) for row in before if not row.table) >= 2:
        after = before + [Row([], blank=True)] + rows[end:]  # the article's text stands before its infobox
    elif box:
        article.lead = "\n\n".join(p for p in _prose_before(rows[:start], title_at) if not is_boilerplate(p))
        after = rows[end:]
    else:  # all of it is the text (a news copy, a bare lead): its lead is what stands before its first heading
        after = [row for row in rows[title_at + 1:] if row.blank or row.table or not is_boilerplate(row.text)]
        if is_press_export(after):  # a news database's copy: its header and footer lines are not the story
            after = press_story(after)
        article.published = published
        if article.published is not None:  # its own line ("Publié le 12 mars 2022") is no section heading
            after = [row for row in after if not dates_the_copy(row.text, article.published)]
    body, navbox = without_navboxes(_without_contents(_lines(after)))
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


def find_title(rows: list[Row], before: int, published: Publication | None = None) -> tuple[int, str]:
    """(row, title): "= Title =", else of the lines before the infobox that are neither chrome, a picture, prose,
    a label nor the copy's publication line, the first that names an event ("Battle of …", "Combat de …", "Бой при
    …"), else the first (a site's name may stand above the article's)."""
    candidates = []
    for i, row in enumerate(rows[:before]):
        if row.blank:
            continue
        text = (row.cells[0] if row.table else row.text).strip()
        heading = _TITLE_HEADING.match(text)
        if heading:
            return i, heading.group(1) or heading.group(2)
        if not text or is_chrome(text) or is_prose(text) or is_header(text) or match_label(text, glued=False):
            continue
        if published is not None and dates_the_copy(text, published):
            continue
        if image_names(text) and not without_images(text).strip():
            continue
        if EVENT_WORDS.search(text) and not re.search(r"[.!?]$", text):  # a sentence is no title
            return i, text
        candidates.append((i, text))
    return candidates[0] if candidates else (-1, "")


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
    lines = text.strip().split("\n")
    filled = sum(1 for ln in lines if ln.strip())
    blank = len(lines) - filled
    return "\n\n".join(ln for ln in lines if ln.strip()) if filled > 3 * blank else text


_CONTENTS_ENTRY = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+\S.{0,60}$")


def _without_contents(lines: list[str]) -> list[str]:
    """The lines without a copied table of contents ("Contents" then "1 Background", "2 Battle", "2.1 …")."""
    out: list[str] = []
    in_contents = False
    for line in lines:
        if len(line) < 40 and label_key(line) in CONTENTS_HEADINGS:  # a heading is short: long lines are not folded
            in_contents = True
            out.append(line)
            continue
        if in_contents and (not line.strip() or _CONTENTS_ENTRY.match(line)):
            continue
        in_contents = False
        out.append(line)
    return out


def _lost_label_notes(box: Infobox) -> list[str]:
    return [f"a row of the infobox had no label (the copy lost it); read as {field_label(f).split(' (')[0].lower()} "
            f"from its words: {f.value[:80]!r}" for f in box.fields if f.inferred]
