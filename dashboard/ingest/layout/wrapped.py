"""Text whose paragraphs were broken into lines of a fixed width (an e-mail, a PDF's text, a terminal copy): its
paragraphs joined again, so a sentence is read whole. A page whose lines are its own (an infobox copied line by
line, a list) is left as it is."""
from __future__ import annotations

import re

_MIN_WRAPPED = 5  # lines that look wrapped, before a text is taken as wrapped
_SLACK = 18  # how much shorter than the width a wrapped line may be (the next word did not fit)
_TABLE_LINE = re.compile(r"\t|\|")
_PAGE_NUMBER = re.compile(r"^[ \t]*(?:(?:page|p\.)\s*)?[-–]?\s*\d{1,3}\s*(?:(?:of|/|sur|de)\s*\d{1,3})?\s*[-–]?[ \t]*$",
                          re.I | re.M)
_LIST_ITEM = re.compile(r"\s*(?:[-•*·]\s|\d+[.)]\s)")


def wrap_width(text: str) -> int | None:
    """The width the text's paragraphs were broken at, None when they were not."""
    lengths = [len(line.rstrip()) for line in text.split("\n") if line.strip() and not _TABLE_LINE.search(line)]
    long = sorted(n for n in lengths if n >= 40)
    if len(long) < _MIN_WRAPPED:
        return None
    width = long[int(len(long) * 0.9)] if len(long) > 10 else long[-1]
    if width > 140:
        return None  # lines this long are paragraphs of their own
    near = sum(1 for n in long if width - _SLACK <= n <= width)
    followed = _followed_lines(text, width)
    return width if near >= _MIN_WRAPPED and followed >= 0.5 * near else None


def unwrapped(text: str) -> str:
    """The text with each wrapped paragraph on one line again ("...after heavy" + "fighting with..." on one line); a
    PDF's page breaks and page-number lines ("Page 3 of 12", "- 4 -") go."""
    if "\f" in text:
        text = _PAGE_NUMBER.sub("", text.replace("\f", "\n\n"))
    width = wrap_width(text)
    if width is None:
        return text
    return "\n\n".join(_joined(block, width) for block in re.split(r"\n[ \t]*\n", text))


def _joined(block: str, width: int) -> str:
    lines = block.split("\n")
    wrapped = sum(1 for line in lines if _full(line, width)) >= 2  # a paragraph, not a title over a byline
    out: list[str] = []
    for before, line in zip(["", *lines], lines):
        listed = bool(out) and _LIST_ITEM.match(out[-1]) is not None  # goes on only indented or in lower case
        if out and _continues(before, line, width, wrapped and not (listed and not line[:1].isspace())):
            joined = out[-1].rstrip()
            out[-1] = joined + line.strip() if re.search(r"[^\W\d_]-$", joined) else f"{joined} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _full(line: str, width: int) -> bool:
    return width - _SLACK <= len(line.rstrip()) <= width and not _TABLE_LINE.search(line)


def _continues(previous: str, line: str, width: int, wrapped: bool) -> bool:
    """The line goes on the sentence the line before broke off: that one reached the width, this one is text
    (lower case, or in a paragraph of several full lines)."""
    if not line.strip() or not _full(previous, width) or _TABLE_LINE.search(line):
        return False
    if _LIST_ITEM.match(line):
        return False  # a list item starts a line of its own
    return wrapped or not re.match(r"\s*[A-ZÀ-Ý\"“«(]", line)


def _followed_lines(text: str, width: int) -> int:
    lines = text.split("\n")
    return sum(1 for a, b in zip(lines, lines[1:]) if width - _SLACK <= len(a.rstrip()) <= width and b.strip())
