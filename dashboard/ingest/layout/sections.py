"""The body of an article: headed sections, related summaries, the coordinate lines, and navigation boxes set aside."""
from __future__ import annotations

import re

from dashboard.ingest.layout.base import (
    CONTENTS_HEADINGS, END_HEADINGS, REFERENCE_HEADINGS, RELATED_HEADINGS, RawArticle, split_paragraphs,
)
from dashboard.text.fold import label_key

_COORD_LINE = re.compile(r"\d+(?:[.,]\d+)?\s*°\s*\d*.*?[NS].*?(?:[EW]|est|ouest|east|west)|"
                         r"^-?\d{1,2}\.\d+;\s*-?\d{1,3}\.\d+$|\bnord\b|\bsud\b|{{\s*coord", re.I)
_PAIR_SIGN = re.compile(r"\d\s*°|\{\{\s*coord|^-?\d{1,2}\.\d+;\s*-?\d{1,3}\.\d+$", re.I)
NAVBOX_RUN = 8  # this many short list lines in a row are a navigation box, not the article's text
_LIST_LINE = re.compile(r"^\s*(?:[-*•·]\s*)?[^.!?]{1,48}$")


def take_coordinate_lines(text: str) -> tuple[str, str]:
    """The text without its coordinate lines, and those lines ("Coordinates: 18°26′28″N 1°24′26″E / …")."""
    keep, coords = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) < 320 and _COORD_LINE.search(stripped) and _PAIR_SIGN.search(stripped) \
                and len(re.findall(r"[^\W\d_]{4,}", stripped)) <= 4:
            coords.append(stripped)
        else:
            keep.append(line)
    return "\n".join(keep), "\n".join(coords)


def without_navboxes(lines: list[str]) -> tuple[list[str], bool]:
    """The lines without navigation boxes (runs of short list lines and the title line before them), and whether
    there were any."""
    out: list[str] = []
    run: list[str] = []
    found = False

    def close() -> None:
        nonlocal found
        if len([ln for ln in run if ln.strip()]) >= NAVBOX_RUN:
            found = True
            while out and out[-1].strip() and len(out[-1].strip()) < 48 and not out[-1].rstrip().endswith("."):
                out.pop()  # the box's title ("Batailles", "Battles of the Mali War")
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        if line.strip() and _LIST_LINE.match(line) and (line.lstrip()[:1] in "-*•·" or run):
            run.append(line)
        elif not line.strip() and run:
            run.append(line)
        else:
            close()
            out.append(line)
    close()
    return out, found


def attach_body(article: RawArticle, headed: list[tuple[str, str]]) -> None:
    """Put (heading, text) pairs into sections, related summaries and the coordinate line of the article."""
    in_end_matter = False
    for heading, text in headed:
        key = label_key(heading)
        text, coords = take_coordinate_lines(text)
        if coords:
            article.coordinates_text = "\n".join(filter(None, [article.coordinates_text, coords]))
        if key in RELATED_HEADINGS:
            article.related.extend(split_related(text))
            in_end_matter = True
        elif key in END_HEADINGS:
            in_end_matter = True
            if key in REFERENCE_HEADINGS and text.strip():
                article.references = "\n".join(filter(None, [article.references, text.strip()]))
        elif key in CONTENTS_HEADINGS:
            continue
        elif text.strip():
            if in_end_matter and not heading:
                continue
            article.sections.append((heading, text.strip()))


def split_related(text: str) -> list[tuple[str, str]]:
    """Each summary paragraph, with the page title a copied page put before it (<span …>Title</span> tagline)."""
    out: list[tuple[str, str]] = []
    pending_title = ""
    for para in split_paragraphs(text):
        span = re.match(r"<span[^>]*>(.*?)</span>(.*)$", para, re.S)
        if span:
            pending_title = re.sub(r"<[^>]+>", "", span.group(1)).strip()
            continue
        out.append((pending_title, re.sub(r"<[^>]+>", "", para).strip()))
        pending_title = ""
    return out


_MARKED_HEADING = re.compile(r"^(?:(={2,6})\s*(.+?)\s*\1|#{1,6}\s+(.+?))\s*$")


def attach_headed_body(article: RawArticle, text: str) -> None:
    """Split free text into lead and sections: marked headings (== X ==, ## X) or short title-like lines."""
    headed: list[tuple[str, list[str]]] = [("", [])]
    current = ""
    for para in split_paragraphs(text):
        first, _, rest = para.partition("\n")
        marked = _MARKED_HEADING.match(first.strip()) if first.lstrip()[:1] in "=#" else None
        key = label_key(first) if len(first) < 120 else ""  # headings are short; long lines are text
        if key in CONTENTS_HEADINGS and not rest:
            headed.append(("", []))  # what follows the table of contents is a section whose heading the copy lost
            current = ""
            continue
        if marked:
            headed.append(((marked.group(2) or marked.group(3)).strip(), [rest] if rest.strip() else []))
            current = label_key(headed[-1][0])
            continue
        is_heading = not rest and len(para) < 80 and not para.rstrip().endswith((".", ":", ",", ";", ")", "]")) \
            and not para.startswith("<") and para[:1].isupper()
        if current in RELATED_HEADINGS and key not in END_HEADINGS:
            is_heading = False  # the summaries' own title lines are not section headings
        if current in END_HEADINGS and key not in RELATED_HEADINGS | END_HEADINGS:
            is_heading = False
        if is_heading:
            headed.append((para.strip(), []))
            current = key
        else:
            headed[-1][1].append(para)
    own_lead = "\n\n".join(headed[0][1])
    article.lead = "\n\n".join(filter(None, [article.lead, own_lead]))
    attach_body(article, [(h, "\n\n".join(p)) for h, p in headed[1:]])
    if not article.lead and article.sections:  # the first section's first paragraph leads (read once, not twice)
        heading, text = article.sections[0]
        article.lead, _, rest = text.partition("\n\n")
        article.sections[0:1] = [(heading, rest)] if rest.strip() else []
