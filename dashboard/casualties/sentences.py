"""The sentences of an article's own account, with where each stands and the footnotes that follow it.

The lead and every body section are read, except sections that tell what came before the event (Background,
Context, History…): their figures are other events'. A sentence keeps citation markers inside it as written
("around 30 officials [5] but…"); markers after its full stop ("…in the fighting. [7]") are its footnotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from dashboard.text.fold import label_key
from dashboard.text.markup import CITATION
from dashboard.text.months import MONTHS

# Headings of sections about earlier events (English and French, folded).
BACKGROUND_HEADINGS = re.compile(r"^(?:historical )?(?:background|context|history|origins?|causes|contexte|historique|"
                                 r"antecedents|origines)\b")
# "Gen.", "Lt.", "U.S.", "A." and the like do not end a sentence.
_ABBREVIATION = re.compile(r"(?:\b(?:gen|lt|col|capt|maj|sgt|cpl|brig|adm|dr|mr|mrs|ms|st|no|jr|sr|vs|etc|approx|ca|"
                           r"cf|mgr|gal|cdt|cne|lieut)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$", re.I)
_BOUNDARY = re.compile(r"[.!?][\"'”»)]*(?=\s)")
_MARKERS = re.compile(rf"(?:\s*{CITATION.pattern})+", re.I)
_STARTS_SENTENCE = re.compile(r"[\"“«(]?[A-ZÀ-Ý0-9]")


@dataclass(frozen=True)
class Sentence:
    text: str  # as written, markers inside it kept
    origin: str  # "lead" or "body"
    section: str  # heading as written ("" for the lead)
    footnotes: tuple[str, ...] = ()  # the markers after it ("7"), in order
    inner_notes: tuple[tuple[int, str], ...] = field(default=())  # (position in text, marker) of markers inside it


def split_sentences(paragraph: str) -> list[tuple[str, tuple[str, ...]]]:
    """(sentence, footnotes after it) for each sentence of a paragraph."""
    out: list[tuple[str, tuple[str, ...]]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if _ABBREVIATION.search(paragraph[max(start, match.start() - 12):match.start() + 1]):
            continue
        markers = _MARKERS.match(paragraph, end)
        after = markers.end() if markers else end
        rest = paragraph[after:].lstrip()
        if rest and not _STARTS_SENTENCE.match(rest) or _ordinal_day(paragraph[:match.start()], rest):
            continue
        out.append((paragraph[start:end].strip(), _notes(markers.group() if markers else "")))
        start = after
    tail = paragraph[start:].strip()
    if tail:
        out.append((tail, ()))
    return [(text, notes) for text, notes in out if text]


def _ordinal_day(before: str, rest: str) -> bool:
    """A German day before its month ("am 14. November 2023") is no sentence's end."""
    word = re.match(r"[^\W\d_]+", rest)
    return bool(re.search(r"(?<!\d)\d{1,2}$", before)) and word is not None and word.group().casefold() in MONTHS


def _notes(markers: str) -> tuple[str, ...]:
    return tuple(m.group().strip("[] ") for m in CITATION.finditer(markers))


def is_background(heading: str) -> bool:
    return BACKGROUND_HEADINGS.match(label_key(heading)) is not None


def article_paragraphs(lead: str, sections: list[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    """(origin, heading, paragraph) of the lead and of every section that tells the event itself, in order."""
    parts = [("lead", "", lead), *(("body", heading, text) for heading, text in sections if not is_background(heading))]
    for origin, heading, text in parts:
        for paragraph in re.split(r"\n\s*\n|\n", text or ""):
            if paragraph.strip():
                yield origin, heading, paragraph.strip()


def paragraph_sentences(origin: str, heading: str, paragraph: str) -> Iterator[Sentence]:
    for sentence, notes in split_sentences(paragraph):
        inner = tuple((m.start(), m.group().strip("[] ")) for m in CITATION.finditer(sentence))
        yield Sentence(sentence, origin, heading, notes, inner)


def article_sentences(lead: str, sections: list[tuple[str, str]]) -> Iterator[Sentence]:
    """Every sentence of the lead and of the sections that tell the event itself, in the article's order."""
    for origin, heading, paragraph in article_paragraphs(lead, sections):
        yield from paragraph_sentences(origin, heading, paragraph)
