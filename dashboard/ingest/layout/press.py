"""Copies exported from news databases (Factiva, Nexis Uni and their kind): the story stands between a header of
lines about the copy (word count, time, source and its code, language, copyright, "Section:", "Length:", "Byline:",
"Body") and a footer ("Load-Date:", "End of Document", the document's id). Those lines are not the story: read as its
lead they would push its first sentences out of the opening a weekday or "yesterday" is counted back from."""
from __future__ import annotations

import re

from dashboard.ingest.layout.blocks import is_prose
from dashboard.ingest.layout.rows import Row

# A line only such exports write: one of these says the copy is one.
_SIGNATURE = re.compile(
    r"^\s*(?:[\d,.\u00a0]+\s+(?:words|mots|wörter|palabras|parole|palavras|woorden)|length:\s*[\d,.]+\s+words|"
    r"end of document|load-date:.*|document\s+[A-Z0-9]{16,})\s*$", re.I)
_FOOTER = re.compile(r"^\s*(?:end of document|load-date:|document\s+[A-Z0-9]{16,}|classification\s*$|"
                     r"publication-type:|subject:|geographic:|graphic\s*$)", re.I)


def is_press_export(rows: list[Row]) -> bool:
    """Whether the copy carries a news database's own lines (a word count, "Load-Date:", "End of Document")."""
    return any(_SIGNATURE.match(row.text) for row in rows if not row.blank and not row.table)


def press_story(rows: list[Row]) -> list[Row]:
    """The rows of the story itself: from its first paragraph of prose to the export's footer."""
    first = next((i for i, row in enumerate(rows) if not row.blank and is_prose(row.text)), None)
    if first is None:
        return rows
    story = rows[first:]
    end = next((i for i, row in enumerate(story) if not row.blank and _FOOTER.match(row.text)), len(story))
    return story[:end]
