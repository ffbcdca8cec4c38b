"""Which of the war's parties a text names, for the reader: the mentions of parties.mentions (names, aliases and
peoples' names in the languages articles come in: "MUJAO", "l'armée malienne", "малийскую армию", "Nigerien and
U.S. soldiers"), without a country that stands there as a place ("near Tongo Tongo, Niger", "the Mali War"), and
with the camp word for jihadists kept as the generic "Jihadist groups" (a lead that only says "Islamists")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.parties import PARTIES
from dashboard.parties.mentions import find_mentions
from dashboard.text.fold import fold

GENERIC = "Jihadist groups"
_STATES = {"Mali", "Niger", "Chad", "Burkina Faso", "France", "United States", "Netherlands"}
# The countries' own names in every language ("Mali", "Malí", "Francia", "Frankreich"): the words that may be a place.
_COUNTRY_NAMES = {fold(name) for party in PARTIES if party.name in _STATES
                  for name in (party.name, *party.aliases) if len(name.split()) <= 2
                  and not re.fullmatch(r"[A-Z.]{2,}[a-z]?", name)
                  and not re.search(r"arm|forc|milit|gouv|gov|operat|esercit|streit|армия|军队|serval|barkhane|kuvvet|ordu|"
                                    r"silahl|wojsk|siły|sił|армі|збройн|hadsereg|exèrcit|tentara|quân|军|軍|政府|"
                                    r"hükümet|regering|hallitus|rząd|vláda|уряд|kormány|guvern|pemerintah|chính phủ",
                                    name, re.I)}
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|to|from|into|of|across|throughout|en|au|à|dans|vers|du|nel|del|em|"
                           r"nach|в|northern|southern|central|eastern|western|north|south|nord|sud|centre|"
                           r"في|إلى|من|شمال|جنوب|وسط|شرق|غرب|شمالي|جنوبي|دولة|"
                           # the same in the other languages: "w północnym Mali", "i östra Mali", "у Малі"
                           r"w|we|v|ve|i|u|na|în|di|tại|ở|στο|στη|στην|ב|در|у|з|до|із|"
                           r"północn\w*|południow\w*|środkow\w*|wschodni\w*|zachodni\w*|severn\w*|jižn\w*|"
                           r"středn\w*|východn\w*|západn\w*|kuzey\w*|güney\w*|norra|södra|östra|västra|centrala|"
                           r"nordlige|sørlige|østlige|vestlige|nordre|pohjois|etelä|keski|північн\w*|південн\w*|"
                           r"центральн\w*|східн\w*|західн\w*|északi|déli|keleti|nyugati|nordul|sudul|centrul|"
                           r"utara|selatan|tengah|timur|barat|bắc|miền)|,|"
                           # "near the border with Mali", "à la frontière avec le Mali": the place
                           r"\b(?:border|frontier|frontière|frontera|fronteira|grenze|grens)\s+(?:with|avec|con|com|"
                           r"mit|met|zu)(?:\s+(?:le|el|o))?)\s*$", re.I)
_PLACE_AFTER = re.compile(r"\W{0,2}\s*(?:war|conflict|crisis|region|river|border|guerre|conflit|fleuve|krieg|война|"
                          # a headline's "Mali attack:", "Mali massacre": what happened in the country
                          r"attacks?|massacres?|clashes|violence|unrest|killings|bombings?|ambush|"
                          r"wojn\w*|válk\w*|savaş\w*|kriget|sodassa|sota|війн\w*|háború\w*|război\w*|perang|"
                          r"chiến tranh|πόλεμο\w*|紛争|戦争|内戦)\b|['’](?:n[ıiuü]n|[ıiuü]n|d[ae]|y[ae])\s+(?:kuzey|güney|doğu|batı|orta)"
                          r"|\s*:\s", re.I)  # "Mali : au moins quinze civils tués": a headline's country label

_PLACE_NOUN_AFTER = re.compile(r"\s+(?:(?:desert|border|frontier|garrison|mining|market|regional|provincial)\s+)?"
                               r"(?:towns?|city|cities|villages?|capital|localities|locality|territory|soil|desert|"
                               r"countryside|border(?!\s+(?:guards?|police|posts?|forces?|units?)))\b", re.I)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    party: str  # canonical
    generic: bool  # names a kind of fighter ("jihadists"), not one group


def mentions(text: str, *, prose: bool = True) -> list[Mention]:
    """Every party mention in text, in order. In prose a country's name counts only where it stands for its
    forces or government ("Mali and the MNLA clashed"), not as the place ("in northern Mali")."""
    out = []
    for m in find_mentions(text):
        if m.party:
            if prose and m.party in _STATES and _as_place(text, m.start, m.end):
                continue
            out.append(Mention(m.start, m.end, m.party, m.party == GENERIC))
        elif m.camp == "jihadist":
            out.append(Mention(m.start, m.end, GENERIC, True))
    return out


def find_parties(text: str, *, specific: bool = False) -> list[str]:
    """Canonical names of the known parties a text mentions, in order of first mention."""
    ordered: list[str] = []
    for mention in mentions(text):
        if mention.party not in ordered and not (specific and mention.generic):
            ordered.append(mention.party)
    return ordered


def _as_place(text: str, start: int, end: int) -> bool:
    if _PLACE_NOUN_AFTER.match(text, end):  # "the northern Malian town of Kidal": a place, not the army
        return True
    if fold(text[start:end]) not in _COUNTRY_NAMES:  # "Malian troops", "government of Mali": the state
        return False
    return bool(_PLACE_BEFORE.search(text, max(0, start - 24), start) or _PLACE_AFTER.match(text, end))
