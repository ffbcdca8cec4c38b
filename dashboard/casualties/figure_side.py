"""Whose loss a figure is: the side its noun names, the subject that lost it, the claimant's own or the other side
of whoever acts or states it; "civilian" for civilians, "unknown" when nothing says."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from dashboard.casualties import vocabulary as words
from dashboard.parties.mentions import Mention, find_mentions

Sides = Callable[[Mention], "str | None"]
# What the state's communiqués call its enemies ("une vingtaine de terroristes neutralisés", "bandits armés").
_STATES_WORD = re.compile(r"\b(?:terror|bandit)", re.I)
_PRONOUN_SUBJECT = re.compile(r"\b(?:they|it|ils|elles|elle|il)\s*$", re.I)


@dataclass
class NounPhrase:
    """What a figure's noun phrase says of whom it counts ("of their fighters", "terrorists")."""
    end: int  # end of the noun phrase's words
    noun: str  # class, "" when the words count nothing we know ("elided" when there are no words)
    mention: Mention | None
    own: bool  # "of their fighters"
    them: bool  # "of them", "of whom"
    others: bool  # "others", "more": the same people as the figure before
    kind: str  # what a noun says by itself ("prisoners": captured)
    additive: bool
    hostile: bool = False  # "attackers", "terrorists": the other side of whoever states it


def figure_side(text: str, number: tuple[int, int], noun: NounPhrase, klass: str, inherited: str | None,
                previous: str | None, active: re.Match | None, side_of: Sides, claimant_side: str | None,
                two_sides: bool, end: int) -> str:
    """Whose loss the figure at `number` (start, end) of `text` is: "a", "b"…, "civilian" or "unknown".

    `inherited` is the side of the figure it continues ("and 3 others"), `previous` the clause's figure before,
    `active` the verb it is told from ("killing 14"), `end` where its "were killed" ends."""
    start, number_end = number
    if klass == "civilian" or noun.noun == "civilian":
        return "civilian"
    lost = words.OWN_LOSSES.search(text[:start])
    if lost and two_sides:  # "JNIM lost 20 fighters, the army said": the subject's losses, not the claimant's
        subject = re.split(r"[,;:]", text[:lost.start()])[-1]
        losing = None if _PRONOUN_SUBJECT.search(subject) else _last_side(subject, side_of)
        if losing in ("a", "b"):
            return losing
    if noun.own or lost or words.OWN_AFTER.match(text, end):
        return claimant_side or "unknown"
    if noun.mention is not None:
        return side_of(noun.mention) or "unknown"
    if noun.hostile and claimant_side in ("a", "b") and two_sides:
        return _other(claimant_side)
    if noun.hostile and two_sides and _STATES_WORD.search(text[number_end:noun.end]):
        state = side_of(Mention(start, number_end, "", "state"))  # no claimant named: the words are the state's
        if state in ("a", "b"):
            return _other(state)
    if inherited is not None:
        return inherited
    if active is not None and two_sides:
        subject = text[:active.start()]
        acting = claimant_side if _PRONOUN_SUBJECT.search(subject) else _last_side(subject, side_of)
        if acting in ("a", "b"):
            return _other(acting)
    if klass in ("vehicle", "aircraft"):
        for mention in find_mentions(text[end:_clause_end(text, end)]):
            side = side_of(mention)
            if side:
                return side
        if previous is not None:
            return previous
    return "unknown"


def _other(side: str) -> str:
    """The other of two sides."""
    return "b" if side == "a" else "a"


def _clause_end(text: str, start: int) -> int:
    stop = re.search(r",\s+(?:and|but)\b|;|\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", text[start:])
    return start + stop.start() if stop else len(text)


def _last_side(text: str, side_of: Sides) -> str | None:
    for mention in reversed(find_mentions(text)):
        side = side_of(mention)
        if side:
            return side
    return None
