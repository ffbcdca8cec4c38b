"""The war's parties as running text names them ("MNLA fighters", "Malian soldiers", "pro-government militias",
"the rebels"), and the side of an event each one is on.

A mention is either a named party (any alias of the vocabulary, or a demonym: "Malian" is Mali) or a camp word that
names only an alignment ("rebels", "pro-government", "jihadists"). The longest name wins where names overlap
("pro-government MAA" is the MAA-Loyalist, not the camp word).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from dashboard.parties.alignment import side_alignment
from dashboard.parties.names import parse_party
from dashboard.parties.vocabulary import COALITIONS, PARENT_GROUPS, PARTIES
from dashboard.parties.world_names import WORLD_CAMP_WORDS
from dashboard.text.fold import fold, fold_in_place
from dashboard.text.scripts import UNSPACED

# What the people of a country are called, in the languages articles come in, for the party that country fights as
# (matched folded: no accents, any case). Russian forces in this war are the Wagner Group / Africa Corps.
DEMONYMS = {
    "Mali": ("malian", "malians", "malien", "maliens", "malienne", "maliennes", "maliano", "maliana", "maliani",
             "maliane", "maliense", "malienses", "malianos", "malianas", "malische", "malischen", "malischer",
             "малийская", "малийскую", "малийской", "малийские", "малийских", "малийский", "малийского", "malinese"),
    "France": ("french", "francais", "francaise", "francaises", "francese", "francesi", "francés", "francesa",
               "franceses", "francesas", "französische", "französischen", "franse", "французские", "французских",
               "французская", "французской"),
    "Chad": ("chadian", "chadians", "tchadien", "tchadiens", "tchadienne", "ciadiano", "ciadiani", "chadiano",
             "chadianos", "tschadische", "tsjadische", "чадские"),
    "Niger": ("nigerien", "nigeriens", "nigerienne", "nigerino", "nigerini", "nigerinos", "nigrische", "nigerese"),
    "Burkina Faso": ("burkinabe", "burkinabes"),
    "Netherlands": ("dutch", "neerlandais", "nederlandse"),
    "United States": ("american", "americans", "u.s.", "americain", "americains", "americano", "americani",
                      "estadounidense", "estadounidenses", "norte-americanos", "amerikanische", "amerikaanse", "американские"),
    "Wagner Group": ("russian", "russians", "russe", "russes", "russo", "russi", "rusos", "russos", "russische",
                     "российские"),
}
# Words that name a camp and no party.
CAMP_WORDS = {
    "rebel": ("rebel", "rebels", "rebelle", "rebelles", "separatist", "separatists", "separatiste", "separatistes",
              "independentist", "independentists", "pro-independence", "rebeldes", "ribelli", "rebellen",
              "separatistas", "separatisti", "separatisten", "opstandelingen", "المتمردين", "المتمردون", "الانفصاليين", "الانفصاليون"),
    "pro-government": ("pro-government", "progovernment", "loyalist", "loyalists", "pro-gouvernemental",
                       "pro-gouvernementaux", "loyaliste", "loyalistes"),
    "jihadist": ("jihadist", "jihadists", "jihadiste", "jihadistes", "djihadiste", "djihadistes", "islamist",
                 "islamists", "islamiste", "islamistes", "yihadista", "yihadistas", "jihadisti", "jihadistas",
                 "dschihadisten", "dschihadist", "jihadisten", "islamistas", "islamistische", "islamistischen", "jihadistische",
                 "dschihadistische", "dschihadistischen", "islamitische", "islamisti", "islamisten", "الجهاديين", "الجهاديون",
                 "الإسلاميين", "الإسلاميون", "المسلحين الإسلاميين"),
    # The state's forces when no country is named: "government forces", "the army", "soldiers".
    "state": ("government forces", "government troops", "government soldiers", "forces gouvernementales", "army",
              "armee", "soldier", "soldiers", "troops", "gendarmes", "soldat", "soldats", "militaires",
              "ejercito", "esercito", "exercito", "soldados", "soldati", "soldaten", "militares", "militari", "tropas",
              "truppe", "truppen", "fuerzas gubernamentales", "forze governative", "regierungstruppen",
              "government", "gouvernement", "gobierno", "governo", "regierung", "junta", "leger", "regering",
              "regeringstroepen", "militairen", "troepen", "الجيش", "الحكومة",
              # where its soldiers are: "attacked the military camp", "le camp militaire de Boulkessi"
              "military camp", "military base", "military post", "camp militaire", "base militaire", "poste militaire",
              "base militar", "campamento militar", "base militare", "militärlager", "militärstützpunkt",
              "militair kamp", "legerbasis", "معسكر للجيش", "قاعدة عسكرية",
              "القوات الحكومية", "الجنود"),
}
CAMP_WORDS = {camp: (*words, *WORLD_CAMP_WORDS.get(camp, ())) for camp, words in CAMP_WORDS.items()}
# Aliases that, in running text, name something else as often as the party: "Azawad" is the MNLA only as an
# infobox flag; in prose it is the region.
_NOT_IN_PROSE = {"azawad"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: str  # canonical party, "" for a camp word
    camp: str  # the alignment a camp word names ("rebel", "state"…), "" for a named party


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    names: dict[str, tuple[str, str]] = {}
    for party in (*PARTIES, *COALITIONS):
        for alias in (party.name, *party.aliases):
            key = fold(alias)
            if key not in _NOT_IN_PROSE:
                names.setdefault(key, (party.name, ""))
    for party, words in DEMONYMS.items():
        names.update({fold(word): (party, "") for word in words})
    for camp, words in CAMP_WORDS.items():
        for word in words:  # "jihadists" names the camp, not one coalition of it
            names[fold(word)] = ("", camp)
    alternatives = sorted(names, key=len, reverse=True)
    body = "|".join(_glued_and(re.escape(name).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]?"))
                    for name in alternatives if not UNSPACED.search(name))
    # Names in scripts written without spaces ("マリ軍とワグネル"): found inside a run of letters
    glued = "|".join(re.escape(name) for name in alternatives if UNSPACED.search(name))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])" + (f"|{glued}" if glued else "")), names



def _glued_and(name: str) -> str:
    """An Arabic name's "and" (و) glued to its next word ("نصرة الإسلام والمسلمين") matched set apart too, as
    text.scripts writes it ("نصرة الإسلام و المسلمين")."""
    return re.sub(r"(^|\\s\+)و(?=ال)", r"\1و\\s*", name)


def find_mentions(text: str) -> list[Mention]:
    """Every party or camp named in text, in order (case and accents ignored)."""
    pattern, names = _pattern()
    folded = fold_in_place(text)
    out = []
    for match in pattern.finditer(folded):
        key = re.sub(r"\s+", " ", match.group())
        party, camp = names.get(key) or names.get(key.replace(" ", "-")) or _lookup(key, names)
        out.append(Mention(match.start(), match.end(), party, camp))
    return out


def _lookup(key: str, names: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The entry of a match written with other spacing or hyphens than the vocabulary ("pro government")."""
    squeezed = re.sub(r"[-\s]", "", key)
    return next((value for name, value in names.items() if re.sub(r"[-\s]", "", name) == squeezed), ("", ""))


def side_of_mention(mention: Mention, sides: Sequence[Sequence[str]], year: int | None) -> int | None:
    """The index of the event's side the mention is on, None when no side or more than one fits.

    A named party is on the side that lists it, lists one of its factions ("MAA" and "MAA-Loyalist"), the coalition
    it belongs to that year, or (for a coalition) one of its members; a party no side lists is on none (Malian
    soldiers in a fight between militias are not one of the militias). A camp word is on the one side whose
    alignment in the event is the camp's.
    """
    if mention.party:
        listed = [i for i, side in enumerate(sides) if _lists(side, mention.party, year)]
        return listed[0] if len(listed) == 1 else None
    return _side_of_camp(mention.camp, sides, year)


def _lists(side: Sequence[str], party: str, year: int | None) -> bool:
    canonical = {parse_party(p).canonical for p in side}
    if party in canonical or canonical & set(PARENT_GROUPS.get(party, ())):
        return True
    if any(party in PARENT_GROUPS.get(c, ()) for c in canonical):
        return True
    for coalition in COALITIONS:
        members = {m.party for m in coalition.members if _member_in(m, year)}
        if coalition.name == party and canonical & members:
            return True
        if coalition.name in canonical and party in members:
            return True
    return False


def _member_in(member, year: int | None) -> bool:
    return year is None or ((member.first_year is None or member.first_year <= year)
                            and (member.last_year is None or year <= member.last_year))


# A camp word also fits a side of a neighbouring camp when no side is of its own: soldiers fighting beside
# pro-government militias, pro-government fighters on the state's side.
_NEAR_CAMPS = {"state": ("state", "state ally"),
               "pro-government": ("pro-government", "state", "state ally"), "rebel": ("rebel",),
               "jihadist": ("jihadist",), "international": ("international",)}


def _side_of_camp(camp: str, sides: Sequence[Sequence[str]], year: int | None) -> int | None:
    if camp not in _NEAR_CAMPS:
        return None
    alignments = [side_alignment(list(side), year, [p for j, other in enumerate(sides) if j != i for p in other])
                  for i, side in enumerate(sides)]
    for near in _NEAR_CAMPS[camp]:
        fitting = [i for i, alignment in enumerate(alignments) if alignment == near]
        if len(fitting) == 1:
            return fitting[0]
        if fitting:
            return None
    # No side is of the camp: the one side whose parties we do not know is, when every other side is known.
    unknown = [i for i, alignment in enumerate(alignments) if alignment == "unknown"]
    return unknown[0] if len(unknown) == 1 and len(sides) > 1 and camp not in ("state", "state ally") else None


# -- who took, held or left a place (ingest.control): the mentions as parties -------------------------------------

# A camp word stands for a group the prose leaves unnamed; the control table names it so.
UNNAMED = {"rebel": "rebels", "pro-government": "pro-government militias", "jihadist": "Jihadist groups",
           "state": "government forces"}
_UNNAMED_CAMP = {name: camp for camp, name in UNNAMED.items()}


@dataclass(frozen=True)
class PartyMention:
    canonical: str  # "Mali", "Wagner Group", or an unnamed group ("rebels")
    written: str  # the words as written
    start: int
    end: int
    unnamed: bool = False  # a camp word: a group the prose does not name


@lru_cache(maxsize=16384)
def mentioned_parties(text: str) -> tuple[PartyMention, ...]:
    """The parties a stretch of prose names, each once (its first mention), in order: "MNLA, HCUA, and rebel MAA
    fighters" -> MNLA, HCUA, MAA-Dissident. A camp word counts only where no party is named ("Rebel fighters" ->
    rebels; "rebel MAA" is the MAA's rebel faction, not rebels too)."""
    found = find_mentions(text)
    mentions = [PartyMention(m.party, text[m.start:m.end], m.start, m.end) for m in found if m.party]
    if not mentions:
        mentions = [PartyMention(UNNAMED[m.camp], text[m.start:m.end], m.start, m.end, unnamed=True)
                    for m in found if m.camp in UNNAMED]
    seen: set[str] = set()
    out = []
    for mention in mentions:
        if mention.canonical not in seen:
            seen.add(mention.canonical)
            out.append(mention)
    return tuple(out)


def mentions_alignment(mentions: Sequence[PartyMention], year: int | None) -> str:
    """The camp these parties are in, together, in a year (a named party decides before an unnamed group)."""
    return parties_alignment([m.canonical for m in mentions], year)


def parties_alignment(canonical: Sequence[str], year: int | None) -> str:
    """The camp of parties already read (canonical names, unnamed groups among them) in a year."""
    names = list(canonical)
    known = [n for n in names if n not in _UNNAMED_CAMP]
    if known:
        return side_alignment(known, year)
    return _UNNAMED_CAMP[names[0]] if names else "unknown"


def demonym_words() -> frozenset[str]:
    """Every people's name the vocabulary knows, folded ("malian", "russo", "francais")."""
    return frozenset(fold(word) for words in DEMONYMS.values() for word in words)
