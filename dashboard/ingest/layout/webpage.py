"""Encyclopedia pages copied from a browser: infobox labels on their own lines or glued to values ("Date16–21 May 2014")."""
from __future__ import annotations

import re

from dashboard.text.fold import label_key
from dashboard.ingest.layout.base import RawArticle, canonical_key
from dashboard.ingest.layout.sections import attach_headed_body

# Labels as pages display them; a value may be glued straight after one of these.
_DISPLAY_LABELS = sorted([
    "Date", "Dates", "Location", "Place", "Result", "Outcome", "Belligerents", "Commanders and leaders", "Strength",
    "Casualties and losses", "Units involved", "Territorial changes", "Part of",
    "Lieu", "Issue", "Belligérants", "Commandants", "Forces en présence", "Pertes", "Unités engagées", "Coordonnées",
], key=len, reverse=True)
_BOILERPLATE = {"last updated", "from wikipedia the free encyclopedia", "jump to navigation", "jump to search",
                "informations generales", "general information", "infobox"}
_MIN_PROSE = 100


def _is_prose(line: str) -> bool:
    return len(line) >= _MIN_PROSE and len(line.split()) >= 12


def _label_of(line: str) -> tuple[str, str] | None:
    """(label, glued value) when the line starts an infobox row."""
    stripped = line.strip()
    if canonical_key(stripped) is not None and len(stripped) < 40:
        return stripped, ""
    for label in _DISPLAY_LABELS:
        if stripped.startswith(label) and len(stripped) > len(label):
            rest = stripped[len(label):]
            if rest[0].isdigit() or rest[0].isupper() or rest[0] in ":\t(" or (rest[0] == " " and label_key(label) != "part of"):
                return label, rest.lstrip(" :\t")
    return None


class WebPageReader:
    shape = "web-page"

    def detect(self, text: str) -> bool:
        lines = [ln for ln in text.split("\n")[:300] if ln.strip()]
        labels = {canonical_key(found[0])[0] for ln in lines if not _is_prose(ln) and (found := _label_of(ln))}
        return len(labels & {"date", "place", "result", "combatant", "casualties", "strength", "commander"}) >= 2

    def read(self, text: str) -> RawArticle:
        lines = text.split("\n")
        title = next((ln.strip() for ln in lines if ln.strip() and label_key(ln) not in _BOILERPLATE), "")
        start = next(i for i, ln in enumerate(lines) if not _is_prose(ln) and _label_of(ln))
        end = next((i for i in range(start, len(lines)) if _is_prose(lines[i])), len(lines))
        article = RawArticle(self.shape, title)
        for ln in lines[:start]:
            part_of = re.match(r"\s*(Part of|Partie de|Fait partie de)\s+(.+)", ln)
            if part_of:
                article.fields.append((part_of.group(1), part_of.group(2).strip()))
        article.fields.extend(self._infobox(lines[start:end]))
        attach_headed_body(article, "\n".join(lines[end:]))
        return article

    @staticmethod
    def _infobox(lines: list[str]) -> list[tuple[str, str]]:
        fields: list[tuple[str, list[str]]] = []
        for ln in lines:
            found = _label_of(ln)
            if found:
                fields.append((found[0], [found[1]] if found[1] else []))
            elif fields:
                fields[-1][1].append(ln.rstrip())
        return [(label, "\n".join(value).strip()) for label, value in fields]
