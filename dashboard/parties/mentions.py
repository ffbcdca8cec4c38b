"""The parties a stretch of prose names: "MNLA, HCUA, and rebel MAA fighters", "Malian and Wagner forces",
"French, Malian, and Chadian troops", "the jihadists", "Rebel fighters", "l'armée malienne".

Named parties by their aliases (vocabulary.PARTIES, COALITIONS), nationalities by the armed men they qualify
(vocabulary.DEMONYMS), and groups the prose leaves unnamed (vocabulary.UNNAMED_GROUPS, only when no named party
is in the same stretch: "rebel MAA fighters" is the MAA's rebel faction, not unnamed rebels too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from dashboard.parties.alignment import side_alignment
from dashboard.parties.names import canonical_party
from dashboard.parties.vocabulary import COALITIONS, DEMONYMS, PARTIES, UNNAMED_GROUPS
from dashboard.text.fold import fold

# Words for armed men or their institutions that a nationality adjective turns into a party.
FORCE_WORDS = (
    r"forces|force|army|armed forces|soldiers|soldier|troops|military|government|garrison|peacekeepers|mercenaries|"
    r"convoy|column|units|unit|special forces|gendarmes|national guard|air force|jets|aircraft|drones|helicopters|"
    r"officials|authorities|fighters|militias|patrol|contingent|"
    r"armée|armées|forces armées|soldats|militaires|troupes|garde nationale|gendarmerie|autorités"
)
# Aliases too ambiguous alone in prose: a region's name, an operation named without "Operation".
_AMBIGUOUS = {"Azawad", "Serval", "Barkhane"}


@dataclass(frozen=True)
class PartyMention:
    canonical: str  # "Mali", "Wagner Group", or an unnamed group ("rebels")
    written: str  # the words as written
    start: int
    end: int
    unnamed: bool = False  # a group the prose does not name


@lru_cache(maxsize=16384)
def mentioned_parties(text: str) -> tuple[PartyMention, ...]:
    """The parties named in text, in order (one mention per canonical party, its first)."""
    if _first_words().isdisjoint(w.lower() for w in _WORD.findall(text)):
        return ()  # no word any party's name begins with: most stretches of prose
    named = _named(text)
    if not named:
        named = [PartyMention(_UNNAMED_BY_WORD[fold(m.group(0))], m.group(0), m.start(), m.end(), unnamed=True)
                 for m in _unnamed_pattern().finditer(text)]
    if not named and fold(text.strip()) in _DEMONYM:  # "Malian" alone, as in "confirmed Malian control"
        start = text.index(text.strip())
        named = [PartyMention(_DEMONYM[fold(text.strip())], text.strip(), start, start + len(text.strip()))]
    seen: set[str] = set()
    out = []
    for mention in sorted(named, key=lambda m: m.start):
        if mention.canonical not in seen:
            seen.add(mention.canonical)
            out.append(mention)
    return tuple(out)


def mentions_alignment(mentions: Iterable[PartyMention], year: int | None) -> str:
    """The camp these parties are in, together, in a year (a named party decides before an unnamed group)."""
    return parties_alignment([m.canonical for m in mentions], year)


def parties_alignment(canonical: Iterable[str], year: int | None) -> str:
    """The camp of parties already read (canonical names, unnamed groups among them) in a year."""
    names = list(canonical)
    known = [n for n in names if n not in UNNAMED_GROUPS]
    if known:
        return side_alignment(known, year)
    return UNNAMED_GROUPS[names[0]][0] if names else "unknown"


def _named(text: str) -> list[PartyMention]:
    """Named parties: every alias; a nationality when armed men follow it, after a list of names if need be
    ("Malian and Wagner forces", "French, Malian, and Chadian troops"), or come before it ("l'armée malienne"),
    or when it is a people ("the Malians")."""
    names = list(_name_pattern().finditer(text))
    chains: list[list[re.Match]] = []
    for name in names:
        if chains and _GLUE.fullmatch(text, chains[-1][-1].end(), name.start()):
            chains[-1].append(name)
        else:
            chains.append([name])
    found = []
    for chain in chains:
        armed = bool(_FORCE_AFTER.match(text, chain[-1].end()))
        for name in chain:
            words = name.group(0)
            demonym = _DEMONYM.get(fold(words)) if name.lastgroup == "demonym" else None
            if demonym is None:
                found.append(PartyMention(canonical_party(words), words, name.start(), name.end()))
            elif armed or _FORCE_BEFORE.search(text, 0, name.start()) or (
                    _PEOPLE_BEFORE.search(text, 0, name.start()) and fold(words) in _PEOPLES):
                found.append(PartyMention(demonym, words, name.start(), name.end()))
    return found


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    aliases = "|".join(_alias_regex(a) for a in _aliases())
    # A hyphen may join two names ("Russo-Malian", "French-MNLA"); longer aliases ("CSP-PSD") come first.
    return re.compile(rf"(?<![\w])(?:(?P<alias>{aliases})|(?P<demonym>(?i:{_demonym_words()})))(?![\w])")


_GLUE = re.compile(r"\s*,\s*(?:(?:and|et)\s+)?|\s+(?:and|et)\s+|-")
_FORCE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?i:{FORCE_WORDS})(?![\w-])")
_FORCE_BEFORE = re.compile(r"(?i:armée|armées|forces(?: armées)?|soldats|militaires|troupes|garde nationale)\s+$")
_PEOPLE_BEFORE = re.compile(r"(?i:the|les)\s+$")
_PEOPLES = {"malians", "french", "chadians", "nigeriens", "russians", "maliens", "francais"}


def _aliases() -> list[str]:
    names = {alias for party in PARTIES for alias in (party.name, *party.aliases)}
    names |= {alias for coalition in COALITIONS for alias in (coalition.name, *coalition.aliases)}
    generic = {fold(word) for _, words in UNNAMED_GROUPS.values() for word in words}
    return sorted((n for n in names - _AMBIGUOUS if fold(n) not in generic), key=len, reverse=True)


def _alias_regex(alias: str) -> str:
    """An alias; case-free when written in lower case, or as a long acronym ("Minusma")."""
    body = re.escape(alias)
    free = not any(c.isupper() for c in alias) or (alias.isupper() and len(alias) >= 5)
    return f"(?i:{body})" if free else body


_DEMONYM = {fold(word): party for word, party in DEMONYMS.items()}
_UNNAMED_BY_WORD = {fold(word): name for name, (_, words) in UNNAMED_GROUPS.items() for word in words}


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every name, nationality and unnamed group, lower case ("malian", "mnla", "rebel")."""
    names = [*_aliases(), *DEMONYMS, *_DEMONYM, *_UNNAMED_BY_WORD]
    return frozenset(w.lower() for name in names for w in _WORD.findall(name)[:1])


def _demonym_words() -> str:
    """Every demonym as written and without its accents ("français", "francais")."""
    return "|".join(sorted(set(DEMONYMS) | set(_DEMONYM), key=len, reverse=True))


@lru_cache(maxsize=1)
def _unnamed_pattern() -> re.Pattern:
    words = sorted(_UNNAMED_BY_WORD, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
