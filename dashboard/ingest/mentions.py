"""The war's parties where a text names them: by a name or alias of the vocabulary ("MUJAO", "Forces armées
maliennes", "Ансар Дайн"), or by a nationality and a noun ("Malian soldiers", "l'armée malienne", "soldati
ciadiani", "Nigerien and U.S. soldiers"), in the languages articles come in."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.parties import COALITIONS, PARTIES, canonical_party

# Nationality words -> party, by language; the Romance forms follow their noun ("forces maliennes").
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Mali": ("Malian", "malien", "malienne", "maliens", "maliennes", "maliano", "maliana", "maliani", "maliane",
             "maliense", "malienses", "malianos", "malianas", "malische", "malischen", "malischer",
             "малийская", "малийскую", "малийской", "малийские", "малийских", "малийский", "малийского"),
    "France": ("French", "français", "française", "françaises", "francese", "francesi", "francés", "francesa",
               "franceses", "francesas", "francês", "französische", "französischen", "французские", "французских",
               "французская", "французской"),
    "Chad": ("Chadian", "tchadien", "tchadienne", "tchadiens", "ciadiano", "ciadiani", "chadiano", "chadianos",
             "tschadische", "чадские"),
    "Niger": ("Nigerien", "nigérien", "nigérienne", "nigériens", "nigerino", "nigerini", "nigerinos", "nigrische"),
    "United States": ("American", "U.S.", "US", "américain", "américains", "americano", "americani", "estadounidense",
                      "estadounidenses", "norte-americanos", "amerikanische", "американские"),
    "Wagner Group": ("Russian", "russe", "russes", "russo", "russi", "rusos", "russos", "russische", "российские"),
}
NOUNS = (
    "forces", "force", "army", "armed forces", "soldiers", "soldier", "troops", "convoy", "military", "government",
    "garrison", "peacekeepers", "patrol", "units", "gendarmes", "mercenaries", "special forces", "airstrikes",
    "armée", "forces armées", "soldats", "militaires", "troupes", "gouvernement", "garnison", "convoi", "patrouille",
    "forze", "esercito", "soldati", "militari", "truppe", "governo", "fuerzas", "ejército", "soldados", "tropas",
    "gobierno", "forças", "exército", "governo", "armee", "truppen", "soldaten", "streitkräfte", "regierung",
    "армия", "армию", "армии", "войска", "солдаты", "военные", "силы",
)
# Names that in prose are places or operations as often as parties.
_NOT_IN_PROSE = {"Azawad", "Serval", "Barkhane", "Wagner", "Mali", "Malí", "Мали", "马里"}
_RIVER = r"(?!\s+(?:River|river|fleuve))"
_STATES = {"Mali", "Niger", "Chad", "Burkina Faso", "France", "United States", "Netherlands"}
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|to|from|into|of|en|au|à|dans|vers|nel|in|a|en|em|nach|в)|,)\s*$", re.I)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: str  # canonical
    generic: bool  # names a kind of fighter ("jihadists"), not one group


def mentions(text: str, *, prose: bool = True) -> list[Mention]:
    """Every party mention in text, in order; overlapping ones keep the longest. In prose, names that are
    places as often as parties ("Azawad", "Serval", "Mali") count only within a longer name ("government of
    Mali", "Malian Army") or a nationality and a noun ("Malian soldiers")."""
    pattern = _prose_pattern() if prose else _name_pattern()
    found = []
    for m in pattern.finditer(text):
        if m.group("adj"):
            found.append(Mention(m.start(), m.end(), _DEMONYM_PARTY[m.group("adj").casefold()], False))
            if m.group("adj_b"):
                found.append(Mention(m.start("adj_b"), m.end(), _DEMONYM_PARTY[m.group("adj_b").casefold()], False))
        elif m.group("adj2"):
            found.append(Mention(m.start(), m.end(), _DEMONYM_PARTY[m.group("adj2").casefold()], False))
            if m.group("adj2_b"):
                found.append(Mention(m.start("adj2_b"), m.end(), _DEMONYM_PARTY[m.group("adj2_b").casefold()], False))
        elif m.group("people"):
            found.append(Mention(m.start(), m.end(), _PEOPLE[m.group("people").casefold()], False))
        else:
            party = canonical_party(m.group("name"))
            if party in _STATES and prose and _PLACE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
                continue  # "near Tongo Tongo, Niger", "in Chad": the country as a place
            found.append(Mention(m.start(), m.end(), party, party in _GENERIC))
    return found


def find_parties(text: str, *, specific: bool = False) -> list[str]:
    """Canonical names of the known parties a text mentions, in order of first mention."""
    ordered: list[str] = []
    for mention in mentions(text):
        if mention.party not in ordered and not (specific and mention.generic):
            ordered.append(mention.party)
    return ordered


_GENERIC = {c.name for c in COALITIONS if c.name == "Jihadist groups"}
_DEMONYM_PARTY = {word.casefold(): party for party, words in DEMONYMS.items() for word in words}
# A people named for its army ("the French", "les Maliens").
PEOPLES: dict[str, tuple[str, ...]] = {
    "Mali": ("Malians", "Maliens", "Maliani", "Malienses"), "France": ("the French", "les Français", "i francesi"),
    "Chad": ("Chadians", "Tchadiens"), "Niger": ("Nigeriens", "Nigériens"), "United States": ("Americans", "Américains"),
}
_PEOPLE = {word.casefold(): party for party, words in PEOPLES.items() for word in words}


def _aliases() -> list[str]:
    names = {alias for party in PARTIES for alias in (party.name, *party.aliases)}
    names |= {alias for coalition in COALITIONS for alias in (coalition.name, *coalition.aliases)}
    return sorted(names, key=len, reverse=True)


def _alias_alternation(names: list[str]) -> str:
    parts = []
    for name in names:
        escaped = re.escape(name)
        # Acronyms keep their case ("MSA", "US"); names are matched in any case ("armée malienne").
        parts.append(escaped if re.fullmatch(r"[A-Z0-9.\-]{2,8}|[A-Z][A-Za-z]{1,3}", name) else f"(?i:{escaped})")
    return "|".join(parts)


def _demonym_alternatives() -> tuple[str, str]:
    adjectives = "|".join(re.escape(w) for w in sorted(_DEMONYM_PARTY, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in sorted(NOUNS, key=len, reverse=True))
    before = (rf"(?<![\w-])(?i:(?P<adj>{adjectives}))(?:\s*(?:,|and|et|e|y|und|и)\s+(?i:(?P<adj_b>{adjectives})))?"
              rf"\s+(?:[\w-]+\s+)?(?i:{nouns})(?![\w])")
    after = (rf"(?<![\w-])(?i:{nouns})\s+(?i:(?P<adj2>{adjectives}))"
             rf"(?:\s+(?:et|e|y|и)\s+(?i:(?P<adj2_b>{adjectives})))?(?![\w])")
    return before, after


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?P<name>{_alias_alternation(_aliases())}){_RIVER}(?![\w-])"
                      r"(?P<adj>)(?P<adj_b>)(?P<adj2>)(?P<adj2_b>)(?P<people>)")


@lru_cache(maxsize=1)
def _prose_pattern() -> re.Pattern:
    names = [n for n in _aliases() if n not in _NOT_IN_PROSE]
    before, after = _demonym_alternatives()
    people = "|".join(re.escape(w) for w in sorted(_PEOPLE, key=len, reverse=True))
    state = r"(?i:government of Mali|gouvernement du Mali|Mali's (?:army|government|forces))"
    return re.compile(rf"{before}|{after}|(?<![\w-])(?i:(?P<people>{people}))(?![\w-])|"
                      rf"(?<![\w-])(?P<name>{state}|{_alias_alternation(names)}){_RIVER}(?![\w-])")
