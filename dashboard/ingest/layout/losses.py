"""A flattened casualties block split per side, where the page no longer has the table's cells.

The page still shows where one side's figures end: a blank line, a line that ends an attribution ("(According
to the MNLA)"), two figures run together on one line (one cell's end and the next cell's start), a flag naming a
party, a claimant's heading said again ("Malian claim:" a second time), or a list that starts over (killed,
wounded, then killed again). Groups go to sides by their flags, else in order; when there are more groups than
sides the figures keep no side (Claim side "unknown") and a problem says so, rather than a guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.casualties.read import claimant_heading, closes_attribution, figure_kinds, glued_figures
from dashboard.ingest.layout.sides import BLANK, LINE, STRONG, flag_party, side_of
from dashboard.text.markup import image_names

_PERSONNEL = {"killed", "injured", "captured", "missing"}


@dataclass
class _Group:
    lines: list[str] = field(default_factory=list)
    flag: str = ""  # the party a flag at its start names
    boundary: int = BLANK  # before it
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (kind, claimant) of its figures so far
    headings: list[tuple[str, str]] = field(default_factory=list)  # (claimant, heading line as written)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def casualty_groups(text: str, sides: list[list[str]]) -> tuple[list[tuple[int | None, str]], bool]:
    """[(side index or None, text)] for each group of figures, and whether the sides could be told apart."""
    groups = _groups(text)
    counted = [g for g in groups if g.kinds and not all(k == "civilian" for k, _ in g.kinds)]
    flagged = [g for g in groups if g.flag and side_of(g.flag, sides) is not None]
    if flagged:
        return _by_flags(groups, sides), True
    if len(counted) > max(len(sides), 1) and len(counted) > 1:
        return [(None, g.text) for g in groups if g.lines], False
    lines = [line for g in groups for line in g.lines]
    if len(counted) < len(sides) == len(lines):
        return list(enumerate(lines)), True  # one line per side, as pages write a short casualties cell
    out, index = [], 0
    for group in groups:
        if not group.lines:
            continue
        out.append((index, group.text))
        if group in counted:
            index += 1
    return out, True


def _groups(text: str) -> list[_Group]:
    groups: list[_Group] = [_Group()]
    boundary = BLANK
    for line in text.split("\n"):
        if not line.strip():
            boundary = BLANK
            continue
        for piece, flag, mid_line in _pieces(line):
            current = groups[-1]
            here = STRONG if mid_line else boundary
            boundary = LINE
            if flag and not piece.strip():  # a flag on a line of its own: the figures after it are its party's
                groups.append(_Group(flag=flag, boundary=here))
                continue
            heading = claimant_heading(piece)
            kinds = [] if heading else figure_kinds("\n".join([*(h for _, h in current.headings[-1:]), piece]))
            if flag:
                groups.append(_Group(flag=flag, boundary=here))
            elif current.flag and not current.lines and here < BLANK:
                pass
            elif current.lines and (here >= STRONG or (heading and heading in (c for c, _ in current.headings))
                                    or _starts_over(current, kinds)):
                groups.append(_Group(boundary=here))
            group = groups[-1]
            group.lines.append(piece.strip())
            group.kinds.extend(kinds)
            if heading:
                group.headings.append((heading, piece.strip()))
            if closes_attribution(piece):
                boundary = STRONG  # "(According to the MNLA)" ends that side's figures
    return [g for g in groups if g.lines or g.flag]


def _pieces(line: str) -> list[tuple[str, str, bool]]:
    """(text, flag party, starts mid-line) for each stretch of a line between flags and run-together figures."""
    images = image_names(line)
    stretches: list[tuple[str, str, bool]] = []
    last, flag = 0, ""
    for image in images:
        if line[last:image.start].strip():
            stretches.append((line[last:image.start], flag, bool(stretches) or bool(line[:last].strip())))
        flag, last = flag_party(image.subject), image.end
    if line[last:].strip() or flag:
        stretches.append((line[last:], flag, bool(stretches) or (bool(line[:last].strip()) and not flag)))
    out = []
    for text, flag, mid_line in stretches:
        for k, piece in enumerate(glued_figures(text) or [text]):
            out.append((piece, flag if k == 0 else "", mid_line or k > 0))
    return out


def _starts_over(group: _Group, kinds: list[tuple[str, str]]) -> bool:
    """The figures go back to a kind the group already listed before another kind (killed, wounded, killed),
    unless both figures name different claimants (two sources for one side's toll)."""
    if not kinds or not group.kinds:
        return False
    kind, claimant = kinds[0]
    if kind not in _PERSONNEL or group.kinds[-1][0] == kind:
        return False
    earlier = [c for k, c in group.kinds if k == kind]
    if not earlier:
        return False
    return not (claimant and all(c and c != claimant for c in earlier))


def _by_flags(groups: list[_Group], sides: list[list[str]]) -> list[tuple[int | None, str]]:
    """Flagged groups go to their flag's side; a group with no flag to the side of the flags around it, or,
    after a blank line, to the side after the last flag's."""
    flags = [side_of(g.flag, sides) if g.flag else None for g in groups]
    out = []
    last = len(sides) - 1
    for i, group in enumerate(groups):
        if not group.lines:
            continue
        side = flags[i]
        if side is None:
            before = next((s for s in reversed(flags[:i]) if s is not None), None)
            after = next((s for s in flags[i + 1:] if s is not None), None)
            if before is None:
                side = after if after in (None, 0) else after - 1
            elif after is not None and after == before:
                side = before
            else:
                side = min(before + 1, last) if group.boundary >= BLANK else before
        out.append((side if side is not None else 0, group.text))
    return out
