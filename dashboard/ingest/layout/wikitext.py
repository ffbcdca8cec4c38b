"""Raw wikitext: '{{Infobox military conflict | key = value …}}', '''bold''' lead and '== Section ==' headings."""
from __future__ import annotations

import re

from dashboard.ingest.layout.base import RawArticle
from dashboard.ingest.layout.sections import attach_headed_body

_STATUS_TEMPLATES = {"kia": "KIA", "pow": "POW", "wia": "WIA", "mia": "MIA", "executed": "executed", "died": "died"}


def _matching_close(text: str, start: int) -> int | None:
    """Index just past the '}}' that closes the '{{' at start; None when nothing closes it."""
    depth, i = 0, start
    while i < len(text) - 1:
        pair = text[i:i + 2]
        if pair == "{{":
            depth, i = depth + 1, i + 2
        elif pair == "}}":
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    return None


def _split_top_level(body: str) -> list[str]:
    parts, depth, current = [], 0, []
    i = 0
    while i < len(body):
        pair = body[i:i + 2]
        if pair in ("{{", "[["):
            depth += 1
            current.append(pair)
            i += 2
        elif pair in ("}}", "]]"):
            depth -= 1
            current.append(pair)
            i += 2
        elif body[i] == "|" and depth == 0:
            parts.append("".join(current))
            current, i = [], i + 1
        else:
            current.append(body[i])
            i += 1
    parts.append("".join(current))
    return parts


def _template(match: re.Match) -> str:
    name, _, args = match.group(1).partition("|")
    key = name.strip().casefold()
    if key in _STATUS_TEMPLATES:
        return f" {_STATUS_TEMPLATES[key]}"
    if key.startswith(("flagicon", "flagdeco", "flag icon")) or key in ("efn", "citation needed", "cn", "sfn", "refn"):
        return ""
    if key in ("flag", "flagcountry", "flagu", "flagu2"):
        return args.split("|")[0]
    if key in ("plainlist", "unbulleted list", "ubl", "plain list", "flatlist", "hlist"):
        return "\n".join(a.strip().lstrip("*").strip() for a in re.split(r"\||\n\s*\*", args) if a.strip().lstrip("*").strip())
    if key == "coord":
        return "{{coord|" + args + "}}"
    return args.split("|")[-1] if args and "=" not in args.split("|")[-1] else ""


def strip_wikitext(value: str) -> str:
    """Plain text of a wikitext value: links to their text, templates resolved or dropped, refs and tags removed."""
    value = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", "", value, flags=re.S)
    value = re.sub(r"<!--.*?-->", "", value, flags=re.S)
    value = re.sub(r"<br\s*/?>", "\n", value)
    value = re.sub(r"<[^>]+>", "", value)
    for _ in range(4):  # innermost templates first, as they nest
        value = re.sub(r"\{\{((?:(?!\{\{|\}\}).)*)\}\}", _template, value, flags=re.S)
    value = re.sub(r"\[\[(?:File|Image|Fichier):[^\]]*\]\]", "", value, flags=re.I)
    value = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", value)
    value = re.sub(r"'{2,}", "", value).replace("&nbsp;", " ")
    return "\n".join(ln.strip() for ln in value.split("\n")).strip()


class WikitextReader:
    shape = "wikitext"

    def detect(self, text: str) -> bool:
        return re.search(r"\{\{\s*(Infobox|Infobox military conflict|Infobox Conflit militaire)", text, re.I) is not None

    def read(self, text: str) -> RawArticle:
        start = re.search(r"\{\{\s*Infobox", text, re.I).start()
        end = _matching_close(text, start)
        closed = end is not None
        end = end if closed else len(text)
        parts = _split_top_level(text[start + 2:end - 2 if closed else end])
        fields = []
        for part in parts[1:]:
            key, sep, value = part.partition("=")
            if sep and key.strip():
                raw = value.strip()
                fields.append((key.strip(), raw if key.strip().casefold() == "coordinates" else strip_wikitext(raw)))
        before = text[:start].strip()
        heading = re.match(r"^=\s*(.+?)\s*=\s*$", before.split("\n")[0]) if before else None
        title = heading.group(1) if heading else ""
        article = RawArticle(self.shape, title, fields)
        if not closed:
            article.notes.append("the infobox template is never closed ('}}' missing): the rest of the file was read as "
                                 "infobox fields")
        body = strip_wikitext(re.sub(r"\{\{(?!coord)[^{}]*\}\}", "", text[end:]))
        attach_headed_body(article, body)
        if not article.title:
            bold = re.search(r"'''(.+?)'''", text[end:])
            conflict = next((v for k, v in fields if k.casefold() in ("conflict", "name")), "")
            article.title = conflict or (strip_wikitext(bold.group(1)) if bold else "")
        return article
