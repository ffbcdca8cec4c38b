"""A page saved as Markdown (a reader-mode copy, "Title: … URL Source: … Markdown Content:", a converted page): the
same page as text, table cells separated by tabs, links as their words, headings on lines of their own, so the one
reader reads it."""
from __future__ import annotations

import re

from dashboard.text.published import publication_line

_LINK = re.compile(r"(?<!!)\[(?P<words>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<target>[^()\s]*(?:\([^()]*\)[^()\s]*)*)"
                   r"(?:\s+\"[^\"]*\")?\)")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$")
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<words>.+?)\s*#*\s*$")
_SETEXT_RULE = re.compile(r"^\s{0,3}(?:-{3,}|={3,})\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_READER_HEADER = re.compile(r"^(?P<key>Title|URL Source|Published Time|Markdown Content|Warning):\s*(?P<value>.*)$")
_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+(?:Wikip[eé]dia|Wikipedia|WikiMili|Wikiwand|Al Jazeera|France 24|RFI|BBC News)"
                          r"\b.*$", re.I)


def looks_like_markdown(text: str) -> bool:
    """A reader-mode header, or Markdown's links and bold in numbers no other copy has (pipe tables and "#"
    headings alone the page reader reads as they are)."""
    head = text[:20000]
    if re.search(r"^Markdown Content:\s*$", head, re.M):
        return True
    return len(_LINK.findall(head)) + len(re.findall(r"\*\*\S[^*\n]*\*\*", head)) >= 4


def markdown_text(text: str) -> str:
    """Text of a Markdown page: its title first, a publication time as a "Published" line, table rows as
    tab-separated cells, links and emphasis as their words, footnote links as "[1]"."""
    lines: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        header = _READER_HEADER.match(line)
        if header:
            key, value = header["key"], header["value"].strip()
            if key == "Title" and value:
                lines.append(_SITE_SUFFIX.sub("", value))
            elif key == "Published Time" and value:
                lines.append(publication_line(value))
            continue
        if _TABLE_RULE.match(line) or _SETEXT_RULE.match(line):
            continue
        heading = _ATX_HEADING.match(line)
        if heading:
            line = heading["words"]
        elif _TABLE_ROW.match(line):
            line = "\t".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(_inline(line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _inline(line: str) -> str:
    line = _IMAGE.sub(lambda m: f" {m['alt']} " if len(m["alt"]) < 40 else " ", line)
    for _ in range(2):  # a link whose words hold a footnote link: "[[1]](#cite_note-1)"
        line = _LINK.sub(lambda m: m["words"], line)
    line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), line)
    return re.sub(r" {2,}", " ", re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", line)).rstrip()
