"""Table-like scrapes: '| Label | value | value |' rows, one cell per side for belligerents, casualties and the like."""
from __future__ import annotations

import re

from dashboard.text.fold import label_key
from dashboard.ingest.layout.base import PER_SIDE, RawArticle, canonical_key
from dashboard.ingest.layout.sections import attach_headed_body


def _cells(line: str) -> list[str] | None:
    if "|" not in line:
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
        return []  # a Markdown separator row
    return cells if len(cells) >= 2 else None


class TableReader:
    shape = "table"

    def detect(self, text: str) -> bool:
        rows = [c for c in map(_cells, text.split("\n")[:400]) if c]
        return sum(canonical_key(c[0]) is not None for c in rows) >= 2

    def read(self, text: str) -> RawArticle:
        fields: list[tuple[str, str]] = []
        rest: list[str] = []
        title = ""
        for line in text.split("\n"):
            cells = _cells(line)
            if cells == []:
                continue
            key = canonical_key(cells[0]) if cells else None
            if cells and key:
                values = cells[1:]
                if key[0] in PER_SIDE and key[1] is None and len(values) > 1:
                    fields.extend((f"{cells[0]} {i}", v) for i, v in enumerate(values, 1))
                else:
                    fields.append((cells[0], " ".join(v for v in values if v)))
            elif cells:
                continue  # a header row such as '| Field | Value |'
            else:
                if not title and line.strip() and not fields:
                    title = line.strip().strip("#=").strip()
                    continue
                rest.append(line)
        article = RawArticle(self.shape, title, fields)
        attach_headed_body(article, "\n".join(rest))
        if not article.title:
            article.title = next((v for k, v in fields if label_key(k) in ("conflict", "name", "nom")), "")
        return article
