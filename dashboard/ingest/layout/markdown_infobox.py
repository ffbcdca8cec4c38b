"""Articles dumped as '= Title =', an 'Infobox' line, '- Key: Value' items and '== Section ==' headings."""
from __future__ import annotations

import re

from dashboard.ingest.layout.base import RawArticle, canonical_key
from dashboard.ingest.layout.sections import attach_body

_ITEM = re.compile(r"^\s*[-*•]\s*([^:\n]{1,40}?)\s*:\s?(.*)$")
_HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")


class MarkdownInfoboxReader:
    shape = "markdown-infobox"

    def detect(self, text: str) -> bool:
        lines = text.split("\n")[:400]
        items = [m.group(1) for m in map(_ITEM.match, lines) if m]
        has_infobox_line = any(ln.strip().casefold() == "infobox" for ln in lines)
        return sum(canonical_key(label) is not None for label in items) >= (1 if has_infobox_line else 2)

    def read(self, text: str) -> RawArticle:
        title = ""
        fields: list[tuple[str, str]] = []
        body: list[str] = []
        headed: list[tuple[str, str]] = []
        heading: str | None = None  # None while still in the infobox/lead part
        prev_was_item = False
        lead_started = False  # a non-blank line outside the infobox was seen before any heading
        for line in text.split("\n"):
            head = _HEADING.match(line)
            if head and len(head.group(1)) == 1:
                title = title or head.group(2)
                continue
            if heading is None and line.strip().casefold() == "infobox":
                continue
            item = _ITEM.match(line)
            in_infobox = heading is None and not lead_started
            if item and in_infobox and (fields or canonical_key(item.group(1)) is not None):
                fields.append((item.group(1).strip(), item.group(2).strip()))
                prev_was_item = True
                continue
            if prev_was_item and line.startswith((" ", "\t")) and line.strip():
                label, value = fields[-1]
                fields[-1] = (label, f"{value}\n{line.strip()}")  # continuation line of a multi-line value
                continue
            prev_was_item = False
            if head:
                headed.append((heading or "", "\n".join(body)))
                heading, body = head.group(2), []
                continue
            lead_started = lead_started or bool(line.strip())
            body.append(line)
        headed.append((heading or "", "\n".join(body)))
        lead = headed.pop(0)[1].strip() if headed and headed[0][0] == "" else ""
        article = RawArticle(self.shape, title.strip(), fields, lead)
        attach_body(article, headed)
        return article
