"""A party name as written ("Drapeau du Mali Mali", "MUJAO", "GATIA (al-Mahmoud faction)") -> the canonical party."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from dashboard.parties.vocabulary import COALITIONS, PARENT_GROUPS, PARTIES, Coalition
from dashboard.text.fold import name_key
from dashboard.text.markup import IMAGE_FILE, squeeze, without_residue

_PARENTHESIS = re.compile(r"^(?P<base>.*?)\s*\((?P<qualifier>[^()]*)\)\s*$")


class PartyRef(NamedTuple):
    canonical: str  # e.g. "GATIA"
    faction: str  # e.g. "al-Mahmoud faction", "Chad" for a MINUSMA contingent, or ""


def tidy(name: str) -> str:
    """A party name as written, minus wiki leftovers (flag images, citation marks) and extra spaces."""
    return squeeze(IMAGE_FILE.sub(" ", without_residue(name))).strip(" \t,;:.-")


def _index() -> dict[str, str]:
    names: dict[str, str] = {}
    for party in PARTIES:
        for alias in (party.name, *party.aliases):
            names[name_key(alias)] = party.name
    for coalition in COALITIONS:
        for alias in (coalition.name, *coalition.aliases):
            names.setdefault(name_key(alias), coalition.name)
    return names


_BY_KEY = _index()
_COALITION = {c.name: c for c in COALITIONS}


@lru_cache(maxsize=65536)
def parse_party(name: Any) -> PartyRef:
    """Canonical party and faction qualifier: "GATIA (al-Mahmoud faction)" -> ("GATIA", "al-Mahmoud faction")."""
    cleaned = tidy(name) if isinstance(name, str) else ""
    known = _BY_KEY.get(name_key(cleaned))
    if known:
        return PartyRef(known, "")
    match = _PARENTHESIS.match(cleaned)
    if match:
        base, qualifier = match["base"].strip(), match["qualifier"].strip()
        base_known, qualifier_known = _BY_KEY.get(name_key(base)), _BY_KEY.get(name_key(qualifier))
        # A contingent is MINUSMA only where the article names it so: "MINUSMA (Chad)", "Chad (MINUSMA)".
        if qualifier_known == "MINUSMA":
            return PartyRef("MINUSMA", base)
        if base_known:
            return PartyRef(base_known, "" if qualifier_known == base_known else qualifier)
        if qualifier_known:
            return PartyRef(qualifier_known, base)
    words = cleaned.split()
    if any(name_key(w) == "minusma" for w in words):
        return PartyRef("MINUSMA", " ".join(w for w in words if name_key(w) != "minusma"))
    return PartyRef(cleaned, "")


def canonical_party(name: str) -> str:
    """One name per party: "MUJAO" -> "MOJWA", "FAMa" -> "Mali"; unknown names come back tidied."""
    return parse_party(name).canonical


def party_label(name: str) -> str:
    """Canonical name with its faction kept: "GATIA (al-Mahmoud faction)", "MINUSMA (Chad)"."""
    ref = parse_party(name)
    return f"{ref.canonical} ({ref.faction})" if ref.faction else ref.canonical


def split_parties(cell: Any) -> list[str]:
    """The parties of one side cell ("MNLA; MAA-Dissident; HCUA"), tidied, empty ones dropped."""
    return list(cell_parties(cell))


def cell_parties(cell: Any) -> tuple[str, ...]:
    """split_parties as a tuple (cached: a catalogue repeats the same side cells)."""
    return _side_parties(cell) if isinstance(cell, str) else ()


@lru_cache(maxsize=65536)
def _side_parties(cell: str) -> tuple[str, ...]:
    return tuple(p for p in (tidy(part) for part in cell.split(";")) if p)


def coalition_of_choice(choice: str) -> Coalition | None:
    """The coalition a filter choice names, if it names one ("CSP-DPA" -> CSP, "jihadist" -> Jihadist groups)."""
    return _COALITION.get(canonical_party(choice))


def expand_faction(choice: str) -> set[str]:
    """The canonical parties a faction choice stands for: a coalition with its members, a group with its factions."""
    coalition = coalition_of_choice(choice)
    if coalition:
        return {coalition.name, *(m.party for m in coalition.members)}
    name = canonical_party(choice)
    return {name, *PARENT_GROUPS.get(name, ())}
