"""A copied page as rows: one row per line, or per table row where the page is a pipe-table scrape.

Pipe scrapes end each row with "|" (often padded with empty cells, "| |||||||"); a cell may wrap onto the
next line, or start on a line of its own ("|" then "29 killed | Unknown |"), and some mirrors open every row
with "|" too. A table copied from a browser separates its cells with tabs. Rows keep their cells, so a value's
side is the cell it stands in. Site chrome (navigation,
licence footers, revision banners, map captions) becomes a break, like a blank line; edit links, emoji flags
and what broken templates print are removed from the words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.ingest.layout.labels import match_label
from dashboard.text.markup import MAP_CAPTION, is_chrome, without_page_marks

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A wiki table's own markup lines ("{| class=infobox", "|-", "|}") and the marks opening its cells ("! Date", "| Mali").
_WIKI_TABLE_LINE = re.compile(r"^\s*(?:\{\|.*|\|\}|\|-+\s*(?:[a-z-]+\s*=.*)?|\|\+.*)$")
_BREAK = re.compile(r"<br\s*/?>", re.I)  # a line break the copy kept as markup
_WIKI_CELL = re.compile(r"^\s*[!|](?!\|)\s*(?=\S)")
MAX_WRAP = 4  # physical lines one table row may span
MAP_LABELS = 3  # short lines after a location map's caption that are the map's labels


@dataclass
class Row:
    cells: list[str]  # one cell for a plain line, the non-padding cells of a table row
    table: bool = False  # a pipe-table row
    blank: bool = False  # a blank line, or chrome that stands where one would

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c.strip()]


def page_rows(text: str) -> list[Row]:
    """The rows of a page, in order."""
    lines = [line.rstrip() for line in _BREAK.sub("\n", without_page_marks(text)).split("\n")]
    table = _is_table(lines)
    leading = table and _opens_with_pipe(lines)
    rows: list[Row] = []
    pending: list[str] = []
    map_labels = 0
    wiki_table = any(line.lstrip().startswith("{|") for line in lines[:400])
    for i, line in enumerate(lines):
        if wiki_table:
            if _WIKI_TABLE_LINE.match(line):
                rows.append(Row([], blank=True))
                continue
            line = _WIKI_CELL.sub("", line).replace(" || ", "\t").replace(" !! ", "\t")
        if map_labels and line.strip() and len(line.strip()) < 60 and "|" not in line and "\t" not in line \
                and not match_label(line):
            map_labels -= 1
            rows.append(Row([], blank=True))
            continue
        map_labels = MAP_LABELS if MAP_CAPTION.match(line.strip()) else 0 if line.strip() else map_labels
        if table and _SEPARATOR.match(line):
            continue
        if not line.strip():
            _flush(pending, rows, leading)
            rows.append(Row([], blank=True))
            continue
        if is_chrome(line):
            _flush(pending, rows, leading)
            rows.append(Row([], blank=True))
            continue
        inside = bool(rows) and rows[-1].table
        if "\t" in line.strip() and not pending:  # a table copied from a browser: cells separated by tabs
            rows.append(Row([cell.strip() for cell in line.strip().split("\t")], table=True))
            continue
        if not table or ("|" not in line and not pending and not (inside and _row_follows(lines, i, leading))):
            rows.append(Row([line]))
            continue
        pending.append(line)
        if _closes_row(pending, leading) or len(pending) >= MAX_WRAP:
            _flush(pending, rows, leading)
    _flush(pending, rows, leading)
    return rows


def _is_table(lines: list[str]) -> bool:
    closed = sum(1 for line in lines[:600] if line.rstrip().endswith("|") and "|" in line.strip()[:-1] + "|")
    return closed >= 2 or any(_SEPARATOR.match(line) and "|" in line for line in lines[:600])


def _opens_with_pipe(lines: list[str]) -> bool:
    piped = [line for line in lines if line.rstrip().endswith("|") and len(line.strip()) > 1]
    return sum(line.lstrip().startswith("|") for line in piped) > len(piped) / 2


def _row_follows(lines: list[str], i: int, leading: bool) -> bool:
    """A line with no pipe, inside a table, belongs to the row the next line closes ("58 killed, … Contents" then
    "1 pilot killed | 50-150 dead | ||||||")."""
    following = lines[i + 1] if i + 1 < len(lines) else ""
    stripped = following.strip()
    return bool(stripped) and stripped.endswith("|") and (leading or not stripped.startswith("|") or len(stripped) > 1) \
        and len(lines[i]) < 300


def _closes_row(pending: list[str], leading: bool) -> bool:
    last = pending[-1].strip()
    if not last.endswith("|"):
        return False
    if leading:
        joined = "\n".join(pending).strip()
        return len(joined) > 1  # a lone "|" opens a row whose cells follow on the next line
    return True


def _flush(pending: list[str], rows: list[Row], leading: bool) -> None:
    if not pending:
        return
    joined = "\n".join(pending).strip()
    pending.clear()
    if "|" not in joined:
        rows.extend(Row([line]) for line in joined.split("\n"))
        return
    if leading and joined.startswith("|"):
        joined = joined[1:]
    cells = [cell.strip() for cell in joined.split("|")]
    while cells and not cells[-1]:
        cells.pop()
    cells = ["" if is_chrome(cell) else cell for cell in cells]
    rows.append(Row(cells, table=True) if any(cells) else Row([], blank=True))
