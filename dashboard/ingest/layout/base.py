"""What every reader returns, and the infobox label vocabulary they share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from dashboard.text.fold import label_key

# Canonical infobox field -> labels seen for it (English and French wikis, Markdown dumps, wikitext keys).
LABELS: dict[str, tuple[str, ...]] = {
    "conflict": ("conflict", "name", "nom", "battle name"),
    "place": ("place", "location", "lieu", "localisation", "emplacement"),
    "date": ("date", "dates"),
    "part_of": ("partof", "part of", "partie de", "fait partie de"),
    "result": ("result", "outcome", "issue", "resultat"),
    "territory": ("territory", "territorial changes", "changements territoriaux"),
    "combatant": ("combatant", "combatants", "belligerents", "belligerent", "belligerants", "combattants", "side"),
    "commander": ("commander", "commanders", "commanders and leaders", "commandants", "commandement", "chefs", "leaders"),
    "units": ("units", "units involved", "unites", "unites engagees"),
    "strength": ("strength", "forces en presence", "forces", "effectifs"),
    "casualties": ("casualties", "casualties and losses", "pertes", "losses"),
    "coordinates": ("coordinates", "coordonnees", "coord"),
}
PER_SIDE = {"combatant", "commander", "units", "strength", "casualties"}
_LABEL_TO_CANONICAL = {label: canon for canon, labels in LABELS.items() for label in labels}


def canonical_key(label: str) -> tuple[str, int | None] | None:
    """("combatant", 2) for "Combatant2", ("date", None) for "Date", None for a label we do not know."""
    folded = label_key(label).rstrip(":").strip()
    match = re.fullmatch(r"(.*?)\s*(\d{1,2})", folded)
    if match and _LABEL_TO_CANONICAL.get(match.group(1)) in PER_SIDE:
        return _LABEL_TO_CANONICAL[match.group(1)], int(match.group(2))
    canon = _LABEL_TO_CANONICAL.get(folded)  # only per-side fields are numbered: "Date2012" is a date, not field 2012
    return (canon, None) if canon else None


@dataclass
class RawArticle:
    """An article as a reader found it, before any field is interpreted."""
    shape: str
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # infobox (label as written, value as written)
    lead: str = ""
    sections: list[tuple[str, str]] = field(default_factory=list)
    related: list[tuple[str, str]] = field(default_factory=list)  # (title if the page gave one, summary paragraph)
    coordinates_text: str = ""  # the article's own coordinate line(s)
    references: str = ""  # the text of its References / Notes section(s), as written (footnotes are read from it)
    notes: list[str] = field(default_factory=list)  # things the reader had to guess or skip


class Reader(Protocol):
    shape: str

    def detect(self, text: str) -> bool:
        """True when the text has this reader's structure."""

    def read(self, text: str) -> RawArticle:
        """Split the text into title, infobox fields, lead, sections and related summaries."""


RELATED_HEADINGS = {"related research articles", "related articles"}
END_HEADINGS = {"references", "notes", "external links", "further reading", "sources", "bibliography", "citations",
                "notes et references", "liens externes", "bibliographie"}
# End sections whose text is the article's list of references (footnote targets).
REFERENCE_HEADINGS = {"references", "notes", "sources", "citations", "notes et references", "references et notes",
                      "footnotes"}


def split_paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
