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


def mentioned_parties(text: str) -> list[PartyMention]:
    """The parties named in text, in order (one mention per canonical party, its first)."""
    named: list[PartyMention] = []
    for match in _named_pattern().finditer(text):
        named.extend(_named(match))
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
    return out


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


def _named(match: re.Match) -> list[PartyMention]:
    """The parties of one match: an alias, or a coordination of nationalities and names before a force word."""
    words = match.group(0)
    for group in ("nat", "people"):
        if match.group(group):
            return [PartyMention(_DEMONYM[fold(match.group(group))], words, match.start(), match.end())]
    if match.group("force") is None:
        return [PartyMention(canonical_party(words), words, match.start(), match.end())]
    found = []
    for part in _coordinated_part().finditer(match.group("coordinated")):
        name = part.group(0)
        canonical = _DEMONYM.get(fold(name)) or canonical_party(name)
        start = match.start("coordinated") + part.start()
        found.append(PartyMention(canonical, name, start, start + len(name)))
    return found


def _aliases() -> list[str]:
    names = {alias for party in PARTIES for alias in (party.name, *party.aliases)}
    names |= {alias for coalition in COALITIONS for alias in (coalition.name, *coalition.aliases)}
    generic = {fold(word) for _, words in UNNAMED_GROUPS.values() for word in words}
    return sorted((n for n in names - _AMBIGUOUS if fold(n) not in generic), key=len, reverse=True)


def _alias_regex(alias: str) -> str:
    """An alias as a whole word; case-free when written in lower case, or as a long acronym ("Minusma")."""
    body = re.escape(alias)
    free = not any(c.isupper() for c in alias) or (alias.isupper() and len(alias) >= 5)
    return rf"(?<![\w-]){f'(?i:{body})' if free else body}(?![\w-])"


@lru_cache(maxsize=1)
def _named_pattern() -> re.Pattern:
    demonyms = _demonym_words()
    aliases = "|".join(re.escape(a) for a in _aliases())
    one = rf"(?:(?i:{demonyms})|{aliases})"
    coordinated = rf"(?P<coordinated>{one}(?:(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+|-){one})*)"
    # "Malian and Wagner forces", "the Malian Bayraktar TB2 drones" (two words may sit between), and the French
    # order, force word first: "l'armée malienne", "les soldats maliens".
    before = rf"{coordinated}\s+(?:[\w-]+\s+){{0,2}}?(?P<force>(?i:{FORCE_WORDS}))(?![\w-])"
    french = rf"(?P<force2>(?i:armée|armées|forces(?: armées)?|soldats|militaires|troupes|garde nationale))\s+" \
             rf"(?P<nat>(?i:{demonyms}))(?![\w-])"
    plural = r"(?i:the|les)\s+(?P<people>Malians|French|Chadians|Nigeriens|Russians|Maliens|Français)(?![\w-])" \
             rf"(?!\s+(?:[\w-]+\s+)?(?i:{FORCE_WORDS})\b)"
    return re.compile(rf"{before}|{french}|{plural}|" + "|".join(_alias_regex(a) for a in _aliases()))


@lru_cache(maxsize=1)
def _coordinated_part() -> re.Pattern:
    demonyms = _demonym_words()
    aliases = "|".join(re.escape(a) for a in _aliases())
    return re.compile(rf"(?<![\w])(?:(?i:{demonyms})|{aliases})(?![\w])")


_DEMONYM = {fold(word): party for word, party in DEMONYMS.items()}
_UNNAMED_BY_WORD = {fold(word): name for name, (_, words) in UNNAMED_GROUPS.items() for word in words}


def _demonym_words() -> str:
    """Every demonym as written and without its accents ("français", "francais")."""
    return "|".join(sorted(set(DEMONYMS) | set(_DEMONYM), key=len, reverse=True))


@lru_cache(maxsize=1)
def _unnamed_pattern() -> re.Pattern:
    words = sorted(_UNNAMED_BY_WORD, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
