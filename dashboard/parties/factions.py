"""The war's parties: one name per party, coalitions with their members over time, and alignment.

The same name can sit on different sides in different years (GATIA with the state in 2014, a GATIA
faction with the rebels in 2023), so alignment is decided for a party *in an event*: by its own
default, any known faction switch, and the other parties on its side.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, NamedTuple, Sequence

from dashboard.text.fold import name_key
from dashboard.text.markup import IMAGE_FILE, squeeze, without_residue

ALIGNMENTS = ("state", "state ally", "international", "pro-government", "rebel", "jihadist", "unknown")
# Tie-break when a side's parties disagree equally often.
_SIDE_PRIORITY = ALIGNMENTS[:-1]


@dataclass(frozen=True)
class Party:
    name: str  # canonical name shown to users
    alignment: str  # default alignment, one of ALIGNMENTS
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    party: str  # canonical party name
    first_year: int | None = None  # None: no bound
    last_year: int | None = None


@dataclass(frozen=True)
class Coalition:
    name: str  # canonical name, also a Party when articles name the coalition itself
    alignment: str  # a member counts only when its alignment in the event is this one
    members: tuple[Member, ...]
    aliases: tuple[str, ...] = ()


PARTIES: tuple[Party, ...] = (
    Party("Mali", "state", ("Malian Army", "Malian Armed Forces", "FAMa", "Forces Armées Maliennes",
                            "Malian forces", "Malian government", "Government of Mali", "Republic of Mali",
                            "Malian military", "Armed Forces of Mali")),
    Party("Wagner Group", "state ally", ("Wagner", "PMC Wagner", "Africa Corps", "Russian Africa Corps")),
    Party("France", "international", ("French Army", "French Armed Forces", "French forces", "Operation Serval",
                                      "Serval", "Operation Barkhane", "Barkhane")),
    Party("MINUSMA", "international", ("United Nations Multidimensional Integrated Stabilization Mission in Mali",
                                       "UN peacekeepers", "United Nations peacekeepers")),
    # Foreign states outside MINUSMA (e.g. Chad in the 2013 Serval campaign); as MINUSMA contingents
    # they are written "MINUSMA (Chad)" and fold into MINUSMA.
    Party("Chad", "international", ("Chadian Army", "Chadian forces")),
    Party("Niger", "international", ("Nigerien Army", "Nigerien forces")),
    Party("Burkina Faso", "international"),
    Party("Netherlands", "international"),
    Party("AFISMA", "international", ("African-led International Support Mission to Mali", "MISMA")),
    Party("Platform", "pro-government", ("Platform coalition", "Plateforme", "Platform of Movements of 14 June 2014")),
    Party("GATIA", "pro-government", ("Imghad Tuareg Self-Defense Group and Allies",
                                      "Groupe d'autodéfense touareg Imghad et alliés")),
    Party("MAA-Loyalist", "pro-government", ("MAA-Platform", "pro-government MAA", "Loyalist MAA")),
    Party("CM-FPR", "pro-government", ("CM-FPR II", "Ganda Koy", "Ganda Izo",
                                       "Coordination of Patriotic Resistance Movements and Forces")),
    Party("CMA", "rebel", ("Coordination of Azawad Movements", "Coordination des mouvements de l'Azawad")),
    Party("MNLA", "rebel", ("National Movement for the Liberation of Azawad", "MLNA",
                            # Infoboxes list the MNLA under the flag of its declared state.
                            "Azawad")),
    Party("HCUA", "rebel", ("High Council for the Unity of Azawad",)),
    Party("MAA-Dissident", "rebel", ("MAA-CMA", "rebel MAA", "Dissident MAA")),
    # The MAA before and beside its split: its side decides which MAA it is.
    Party("MAA", "unknown", ("Arab Movement of Azawad", "Mouvement arabe de l'Azawad")),
    Party("CSP", "rebel", ("CSP-PSD", "CSP-DPA",
                           "Permanent Strategic Framework for Peace, Security, and Development",
                           "Permanent Strategic Framework",
                           "Strategic Framework for the Defence of the People of Azawad")),
    Party("AQIM", "jihadist", ("AQMI", "Al-Qaeda in the Islamic Maghreb", "al-Qaida in the Islamic Maghreb")),
    Party("Ansar Dine", "jihadist", ("Ansar Eddine", "Ansar al-Din")),
    Party("MOJWA", "jihadist", ("MUJAO", "Movement for Oneness and Jihad in West Africa",
                                "Movement for Unity and Jihad in West Africa")),
    Party("Al-Mourabitoun", "jihadist", ("Al-Murabitun", "Al Mourabitoune")),
    Party("Katiba Salahadin", "jihadist", ("Katiba Salaheddine", "Katibat Salah ad-Din")),
    Party("Katiba Macina", "jihadist", ("Macina Liberation Front", "Katiba Massina", "FLM")),
    Party("JNIM", "jihadist", ("GSIM", "Jama'at Nasr al-Islam wal Muslimin", "Jama'at Nusrat al-Islam wal-Muslimin",
                               "Group for the Support of Islam and Muslims")),
    Party("ISGS", "jihadist", ("EIGS", "IS Sahel", "Islamic State in the Greater Sahara",
                               "Islamic State – Sahel Province", "ISSP")),
)

COALITIONS: tuple[Coalition, ...] = (
    Coalition("Platform", "pro-government",
              (Member("GATIA", 2014), Member("MAA-Loyalist", 2014), Member("CM-FPR", 2014))),
    Coalition("CMA", "rebel",
              (Member("MNLA", 2014, 2023), Member("HCUA", 2014, 2023), Member("MAA-Dissident", 2014, 2023))),
    # CSP-PSD (2023), renamed CSP-DPA (2024): the CMA's members plus Platform factions that joined;
    # those count only when the event puts them on the rebel side (e.g. "GATIA (al-Mahmoud faction)").
    Coalition("CSP", "rebel",
              (Member("CMA", 2023), Member("MNLA", 2023), Member("HCUA", 2023), Member("MAA-Dissident", 2023),
               Member("MAA", 2023), Member("GATIA", 2023), Member("MAA-Loyalist", 2023))),
    Coalition("Jihadist groups", "jihadist",
              tuple(Member(p.name) for p in PARTIES if p.alignment == "jihadist"),
              aliases=("jihadist", "jihadists", "jihadist groups", "Islamists")),
)

# Parent groups whose factions are separate parties: choosing the parent gets the factions too.
PARENT_GROUPS: dict[str, tuple[str, ...]] = {"MAA": ("MAA-Loyalist", "MAA-Dissident")}

# Factions known to have changed sides from a given year: (canonical, folded faction) -> (from year, alignment).
FACTION_SWITCHES: dict[tuple[str, str], tuple[int, str]] = {
    ("GATIA", "almahmoudfaction"): (2023, "rebel"),
}

# Alignments that a side can override: a pro-government militia fighting beside the rebels is a rebel there.
_CONTEXTUAL = ("pro-government", "unknown")

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
_PARTY = {p.name: p for p in PARTIES}
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


def faction_options(events_df) -> list[str]:
    """Choices for a faction filter: coalitions with a member present, then every canonical party present."""
    present: set[str] = set()
    for column in ("side_a", "side_b", "side_c"):
        if column in events_df:
            for cell in events_df[column].dropna().unique():
                present.update(canonical_party(p) for p in split_parties(cell))
    coalitions = [c.name for c in COALITIONS if expand_faction(c.name) & present]
    parties = sorted(present - set(coalitions), key=lambda n: (name_key(n), n))
    return coalitions + parties
