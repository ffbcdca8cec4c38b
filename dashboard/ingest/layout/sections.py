"""Body sections shared by the readers: split headed text, pull out related summaries and the coordinate line."""
from __future__ import annotations

import re

from dashboard.text.fold import label_key
from dashboard.ingest.layout.base import END_HEADINGS, REFERENCE_HEADINGS, RELATED_HEADINGS, RawArticle, split_paragraphs

_COORD_LINE = re.compile(r"\d+(?:\.\d+)?\s*°\s*\d*.*?[NS].*?(?:[EW]|est|ouest)|^-?\d{1,2}\.\d+;\s*-?\d{1,3}\.\d+$|nord|{{\s*coord", re.I)


def attach_body(article: RawArticle, headed: list[tuple[str, str]]) -> None:
    """Put (heading, text) pairs into sections, related summaries and the coordinate line of the article."""
    in_end_matter = False
    for heading, text in headed:
        key = label_key(heading)
        text, coords = _take_coordinate_lines(text)
        if coords:
            article.coordinates_text = "\n".join(filter(None, [article.coordinates_text, coords]))
        if key in RELATED_HEADINGS:
            article.related.extend(split_related(text))
            in_end_matter = True
        elif key in END_HEADINGS:
            in_end_matter = True
            if key in REFERENCE_HEADINGS and text.strip():
                article.references = "\n".join(filter(None, [article.references, text.strip()]))
        elif key in ("contents", "sommaire"):
            continue
        elif text.strip() or heading:
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


def _take_coordinate_lines(text: str) -> tuple[str, str]:
    keep, coords = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) < 160 and _COORD_LINE.search(stripped) and re.search(r"\d", stripped) \
                and len(re.findall(r"[A-Za-z]{4,}", stripped)) <= 3:
            coords.append(stripped)
        else:
            keep.append(line)
    return "\n".join(keep), "\n".join(coords)


_MARKED_HEADING = re.compile(r"^(?:(={2,6})\s*(.+?)\s*\1|#{1,6}\s+(.+?))\s*$")


def attach_headed_body(article: RawArticle, text: str) -> None:
    """Split free text into lead and sections: marked headings (== X ==, ## X) or short title-like lines."""
    headed: list[tuple[str, list[str]]] = [("", [])]
    for para in split_paragraphs(text):
        first, _, rest = para.partition("\n")
        marked = _MARKED_HEADING.match(first.strip())
        key, current = label_key(first), label_key(headed[-1][0])
        if key in ("contents", "sommaire") and not rest:
            headed.append(("", []))  # what follows the table of contents is a section whose heading the copy lost
            continue
        if marked:
            headed.append(((marked.group(2) or marked.group(3)).strip(), [rest] if rest.strip() else []))
            continue
        is_heading = not rest and len(para) < 80 and not para.rstrip().endswith((".", ":", ",", ";", ")", "]")) \
            and not para.startswith("<") and para[:1].isupper()
        if current in RELATED_HEADINGS and key not in END_HEADINGS:
            is_heading = False  # the summaries' own title lines are not section headings
        if current in END_HEADINGS and key not in RELATED_HEADINGS | END_HEADINGS:
            is_heading = False
        if is_heading:
            headed.append((para.strip(), []))
        else:
            headed[-1][1].append(para)
    article.lead = article.lead or "\n\n".join(headed[0][1])
    attach_body(article, [(h, "\n\n".join(p)) for h, p in headed[1:]])
    if not article.lead and article.sections:
        article.lead = article.sections[0][1].split("\n\n")[0]
