"""The datasets' actor names onto our parties, through dashboard.parties, so every filter works on their events.

UCDP and ACLED write actors by conventions of their own: "MNLA: National Movement for the Liberation of Azawad"
(acronym, colon, full name), "Military Forces of Mali (2021-)" (a state's forces with the years of a regime),
"Government of Mali". Those conventions are read here by structure; the names themselves are the vocabulary's
(parties/vocabulary.py). An actor we do not know keeps its name as written (and is counted, so it can be listed).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

import numpy as np
import pandas as pd

from dashboard.model import SIDE_LETTERS
from dashboard.parties import COALITIONS, PARTIES, PARTY_COLUMNS, PartyRef, event_year, parse_party, tidy
from dashboard.parties.table import aligned_sides, empty_parties, rows_per_event

_KNOWN = frozenset(p.name for p in PARTIES) | frozenset(c.name for c in COALITIONS)
# "(2021-)", "(2012-2020)", "(1991-)": the years of a regime's forces, not a faction.
_YEARS = re.compile(r"\(\s*\d{4}\s*[-–]\s*(?:\d{4})?\s*\)")
# "JNIM: Group for Support of Islam and Muslims": a short name (no spaces, or few words), a colon, the full name.
_ACRONYM = re.compile(r"^(?P<short>[^:]{1,30}?)\s*:\s+(?P<long>.+)$")
# "Military Forces of Mali", "Police Forces of Mali Prison Guards", "Government of Mali": a state's own forces.
_STATE_FORCES = re.compile(r"^(?:(?:military|police|armed|security|naval|air)\s+forces?|government|gendarmerie)"
                           r"\s+of\s+(?:the\s+)?(?P<rest>.+)$", re.I)
_TRAILING_QUALIFIER = re.compile(r"^(?P<base>.+?)\s*\((?P<qualifier>[^()]*)\)\s*$")
_STATES = frozenset(p.name for p in PARTIES if p.alignment in ("state", "international"))


def _known(ref: PartyRef) -> bool:
    return ref.canonical in _KNOWN


def _whole_name(candidate: str) -> PartyRef | None:
    """A name of ours as a whole (no faction read out of a qualifier: "Civilians (Mali)" is not Mali)."""
    ref = parse_party(candidate)
    return ref if _known(ref) and not ref.faction else None


def _state_forces(candidate: str) -> PartyRef | None:
    """"Military Forces of Burkina Faso …" -> Burkina Faso: the longest run of words after "of" that is a state."""
    match = _STATE_FORCES.match(candidate)
    if not match:
        return None
    words = match["rest"].split()
    for end in range(len(words), 0, -1):
        ref = _whole_name(" ".join(words[:end]))
        if ref and ref.canonical in _STATES:
            return ref
    return None


@lru_cache(maxsize=65536)
def actor_party(actor: str) -> PartyRef | None:
    """Our party for a dataset's actor name, or None when we do not know it.

    >>> actor_party("Military Forces of Mali (2021-)").canonical
    'Mali'
    >>> actor_party("JNIM: Group for Support of Islam and Muslims").canonical
    'JNIM'
    """
    name = re.sub(r"\s+", " ", _YEARS.sub(" ", tidy(actor))).strip()
    if not name:
        return None
    match = _ACRONYM.match(name)
    candidates = [name] + ([match["short"], match["long"]] if match else [])
    for candidate in candidates:
        found = _whole_name(candidate) or _state_forces(candidate)
        if found:
            return found
        qualified = _TRAILING_QUALIFIER.match(candidate)
        if qualified:  # "GATIA (al-Mahmoud faction)": a known party with its faction; a country in brackets is no faction
            base = _whole_name(qualified["base"]) or _state_forces(qualified["base"])
            if base:
                qualifier = qualified["qualifier"].strip()
                return PartyRef(base.canonical, "" if _whole_name(qualifier) else qualifier)
    return None


def short_names(actors: pd.Series) -> pd.Series:
    """Each actor as our party's name when we know it ("Mali", "MNLA"), else as written: for short titles."""
    from dashboard.distinct import per_value

    def one(actor: object) -> str:
        ref = actor_party(actor) if isinstance(actor, str) else None
        return ref.canonical if ref else (actor if isinstance(actor, str) else "")

    return pd.Series(per_value(actors, one), index=actors.index, dtype="string")


def years_of(days: pd.Series) -> list[int | None]:
    """The year of each day (None where there is none), as the alignment rules read it."""
    return [None if pd.isna(y) else int(y) for y in days.dt.year.tolist()]


def split_actors(cell: object) -> tuple[str, ...]:
    """An ACLED associated-actors cell ("Civilians (Mali); Fulani Ethnic Group (Mali)") as names."""
    return tuple(p.strip() for p in cell.split(";") if p.strip()) if isinstance(cell, str) else ()


def _rule_name(actor: str) -> str:
    """The name the alignment rules read for an actor: ours when known ("Mali", "GATIA (al-Mahmoud faction)");
    an unknown one as written, with its brackets squared so a country in them is not read as that country."""
    ref = actor_party(actor)
    if ref is None:
        return tidy(actor).replace("(", "[").replace(")", "]")
    return f"{ref.canonical} ({ref.faction})" if ref.faction else ref.canonical


Sides = tuple[tuple[str, ...], ...]


@lru_cache(maxsize=65536)
def _combo_rows(written: Sides, year: int | None) -> tuple[tuple, ...]:
    """The party rows of one combination of written sides in one year, with the written names kept."""
    rules = tuple(tuple(_rule_name(a) for a in side) for side in written)
    rows, _ = aligned_sides(rules, year)
    flat = [actor for side in written[:len(SIDE_LETTERS)] for actor in side]
    out = []
    for (side, position, _rule, canonical, faction, alignment, whole), actor in zip(rows, flat):
        ref = actor_party(actor)
        out.append((side, position, tidy(actor), canonical if ref else tidy(actor), faction if ref else "",
                    alignment, whole))
    return tuple(out)


def dataset_parties(event_ids: Sequence[str], sides: Sequence[Sides], years: Sequence[int | None]
                    ) -> tuple[pd.DataFrame, dict[str, int]]:
    """The parties table (PARTY_COLUMNS) of dataset events from their actors as written, and every actor we
    do not know with the number of events naming it. Alignments are parties.alignment's, once per distinct
    combination of sides and year."""
    combos: dict[tuple[Sides, int | None], int] = {}
    codes = np.fromiter((combos.setdefault((s, y), len(combos)) for s, y in zip(sides, years)), dtype=np.int64,
                        count=len(event_ids))
    per_combo = [_combo_rows(s, y) for s, y in combos]
    unknown = _unknown_actors(list(combos), np.bincount(codes, minlength=len(combos)) if len(codes) else [])
    return rows_per_event(event_ids, codes, per_combo), unknown


def _unknown_actors(combos: list[tuple[Sides, int | None]], events_per_combo) -> dict[str, int]:
    unknown: dict[str, int] = {}
    for (sides, _year), count in zip(combos, events_per_combo):
        for actor in dict.fromkeys(a for side in sides for a in side):
            if actor_party(actor) is None:
                unknown[tidy(actor)] = unknown.get(tidy(actor), 0) + int(count)
    return unknown


def parties_of_side_cells(events: pd.DataFrame) -> pd.DataFrame:
    """dataset_parties of dataset events read back from an events CSV ("; "-joined side cells)."""
    sides = [tuple(split_actors(cell) for cell in cells) for cells in
             zip(*(events[c].fillna("").astype(str).tolist() for c in ("side_a", "side_b")))]
    years = [event_year(day) for day in events["start_date"].tolist()]
    return dataset_parties(events["event_id"].astype(str).tolist(), sides, years)[0]
