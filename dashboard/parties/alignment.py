"""Alignment of a party in one event, and of a side: the row-by-row rules.

The same name can sit on different sides in different years (GATIA with the state in 2014, a GATIA
faction with the rebels in 2023), so alignment is decided for a party *in an event*: by its own
default, any known faction switch, and the other parties on its side. `parties.table` applies these
rules to a whole catalogue at once, once per distinct combination.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Mapping, Sequence

from dashboard.parties.names import PartyRef, cell_parties, parse_party
from dashboard.parties.vocabulary import ALIGNMENTS, COALITIONS, FACTION_SWITCHES, PARTIES
from dashboard.text.fold import name_key

# Alignments that a side can override: a pro-government militia fighting beside the rebels is a rebel there.
_CONTEXTUAL = ("pro-government", "unknown")

# Tie-break when a side's parties disagree equally often.
_SIDE_PRIORITY = ALIGNMENTS[:-1]
_PARTY = {p.name: p for p in PARTIES}
_COALITION = {c.name: c for c in COALITIONS}


def _switch(ref: PartyRef) -> tuple[int, str] | None:
    """The party's known change of side, if any: the only way the year changes its own alignment."""
    return FACTION_SWITCHES.get((ref.canonical, name_key(ref.faction)))


@lru_cache(maxsize=65536)
def _default_alignment(ref: PartyRef, year: int | None) -> str:
    switch = _switch(ref)
    if switch and year is not None and year >= switch[0]:
        return switch[1]
    known = _PARTY.get(ref.canonical) or _COALITION.get(ref.canonical)
    return known.alignment if known else "unknown"


@lru_cache(maxsize=65536)
def firm_alignments(parties: tuple[str, ...], year: int | None) -> frozenset[str]:
    """The alignments other than "unknown" that these parties have by their own default in a year."""
    return frozenset(_default_alignment(parse_party(p), year) for p in parties) - {"unknown"}


def _context_alignment(own: str, others: list[str], year: int | None) -> str | None:
    """What the other, firmly aligned parties of a side say about a party whose own alignment can change."""
    firm = firm_alignments(tuple(others), year)
    if firm & {"state", "state ally"}:
        return "pro-government"
    if "rebel" in firm and "pro-government" not in firm:
        return "rebel"
    if "pro-government" in firm and "rebel" not in firm:
        return "pro-government"
    # Only a party of unknown allegiance inherits a jihadist side: a militia is not jihadist by accusation.
    if own == "unknown" and firm == {"jihadist"}:
        return "jihadist"
    return None


def _opponent_alignment(firm: frozenset[str]) -> str | None:
    """A group known to split between the two camps (the MAA) is in the camp its opponents' firm alignments are not."""
    government = firm & {"state", "state ally", "pro-government"}
    if "rebel" in firm and not government:
        return "pro-government"
    if government and "rebel" not in firm:
        return "rebel"
    return None


def party_alignment(name: str, year: int | None, side_parties: list[str] | None = None,
                    opposing: list[str] | None = None) -> str:
    """Alignment of one party in one event: its default, a known faction switch, then its side's other parties.

    A known group with no fixed camp (the MAA) alone on its side takes the camp its `opposing` parties are not.
    """
    return _alignment_against(name, year, side_parties or (), firm_alignments(tuple(opposing or ()), year))


def _alignment_against(name: str, year: int | None, side_parties: Sequence[str], against: frozenset[str]) -> str:
    """party_alignment, given the firm_alignments of the opposing parties (all that matters of them)."""
    ref = parse_party(name)
    own = _default_alignment(ref, year)
    if own not in _CONTEXTUAL:
        return own
    others = [p for p in side_parties if parse_party(p) != ref]
    decided = _context_alignment(own, others, year) if others else None
    if decided is None and own == "unknown" and ref.canonical in _PARTY:
        decided = _opponent_alignment(against)
    return decided or own


def side_alignment(parties: list[str], year: int | None, opposing: list[str] | None = None) -> str:
    """A side with the state in it is the state's; otherwise the alignment most of its parties have."""
    return side_alignment_against(tuple(parties), year, firm_alignments(tuple(opposing or ()), year))


def side_alignment_against(parties: tuple[str, ...], year: int | None, against: frozenset[str]) -> str:
    """side_alignment, given the firm_alignments of the opposing parties (all it reads of them)."""
    # Leaving out what cannot change the result lets a whole catalogue share a few thousand cached answers.
    year = year if _reads_year(parties) else None
    return _side_alignment_of(parties, year, against if _reads_opponents(parties, year) else frozenset())


@lru_cache(maxsize=65536)
def _reads_year(parties: tuple[str, ...]) -> bool:
    """Whether the year can change the side's alignment: only a party's known switch reads it."""
    return any(_switch(parse_party(p)) for p in parties)


@lru_cache(maxsize=65536)
def _reads_opponents(parties: tuple[str, ...], year: int | None) -> bool:
    """Whether the opponents can change the side's alignment: only for a known group with no camp (the MAA)."""
    return any(_default_alignment(ref := parse_party(p), year) == "unknown" and ref.canonical in _PARTY
               for p in parties)


@lru_cache(maxsize=65536)
def _side_alignment_of(parties: tuple[str, ...], year: int | None, against: frozenset[str]) -> str:
    counts: dict[str, int] = {}
    for party in parties:
        alignment = _alignment_against(party, year, parties, against)
        if alignment != "unknown":
            counts[alignment] = counts.get(alignment, 0) + 1
    if not counts:
        return "unknown"
    if "state" in counts:
        return "state"
    return max(_SIDE_PRIORITY, key=lambda a: (counts.get(a, 0), -_SIDE_PRIORITY.index(a)))


def event_year(start_date: Any) -> int | None:
    """The year of an ISO start date, or None when it is missing or malformed."""
    if isinstance(start_date, str) and re.match(r"^\d{4}", start_date):
        return int(start_date[:4])
    return None


def opponents(sides: list[list[str]], index: int) -> list[str]:
    """Every party on the other sides of an event."""
    return [party for i, side in enumerate(sides) if i != index for party in side]


def event_alignments(row: Mapping[str, Any]) -> tuple[str, str]:
    """Alignment of side a and side b of one event row (for map colours)."""
    year = event_year(row.get("start_date"))
    sides = [cell_parties(row.get(f"side_{letter}")) for letter in "abc"]
    a, b, c = (firm_alignments(side, year) for side in sides)
    return side_alignment_against(sides[0], year, b | c), side_alignment_against(sides[1], year, a | c)
