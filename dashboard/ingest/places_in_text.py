"""The place an article's lead gives for its event: "in the town of Konna in central Mali", "in Anefis, Kidal
Region", "at a military base in Tarkint", "dans la ville de Léré", "nella città di Aguel'hoc" (the gazetteer
then places it; this only reads the words)."""
from __future__ import annotations

import re

from dashboard.ingest.evidence import Found
from dashboard.ingest.mentions import find_parties
from dashboard.parties.mentions import find_mentions
from dashboard.text.fold import fold

# A capital in any script articles are written in (Latin with its extensions, Greek, Cyrillic).
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x530)) if ch.isupper())
_CAP = f"[{re.escape(_UPPER)}]"
_NAME = rf"(?:{_CAP}[\w'’-]*)(?:[ -](?:(?:de|du|el|al|ag|In|Tin)[ -])?{_CAP}[\w'’-]*){{0,3}}"
_AREA = rf"(?:,\s*(?:in\s+)?{_CAP}[\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:Region|Cercle|region|cercle)|,\s*Mali\b)?"
# The words for a town, a village or a camp before its name, in the languages articles come in.
_SETTLEMENT = ("(?:" + "|".join((
    "town|city|village|commune|locality|camp|base|ville|localité|village|città|paese|villaggio|ciudad|pueblo|"
    "localidad|cidade|vila|aldeia|Stadt|Dorf|Ortschaft|stad|dorp|plaats|gemeente|legerkamp|kamp",
    "город|городе|городом|деревне|посёлке|поселке|районе|лагерь|лагере|місто|місті|міста|містом|село|селі|селище|"
    "селищі|районі|таборі|базі|града|граду|селото",
    "miasto|mieście|miasta|miastem|miejscowości|miejscowość|miejscowością|wieś|wsi|wsią|wiosce|obozie|obozem|"
    "bazie|bazą",  # pl
    "město|městě|města|městečku|vesnice|vesnici|obec|obci|táboře|základně|meste|mesto|dedine",  # cs, sk
    "grad|gradu|selo|selu|mjestu|mestu|naselju",  # hr, sr, sl
    "staden|byn|orten|lägret|basen|byen|landsbyen|leiren|byen",  # sv, no, da
    "orașul|orașului|satul|localitatea|tabăra|ciutat|poble|localitat|kota|desa|kampung|pangkalan",  # ro, ca, id
    "thị trấn|thành phố|làng|πόλη|πόλης|χωριό|χωριού",  # vi, el
)) + ")")
# Prepositions before a place, in the languages articles come in.
_AT = ("in|at|near|à|dans|près de|nei pressi di|cerca de|perto de|bei|bij|nabij|in de buurt van|"
       "w|we|pod|koło|niedaleko|w pobliżu|v|ve|poblíž|nedaleko|vid|nära|ved|nær|lähellä|"
       "в|у|біля|поблизу|під|край|край на|близо до|kod|blizu|u blizini|în|lângă|prop de|di|dekat|"
       "tại|gần|στην|στο|κοντά σε|κοντά στο")
# Strongest first: a settlement named as such, a place with its region, then "in/at/near X".
PATTERNS = [
    re.compile(rf"\b(?:the|la|le|l['’]|della|de la|del|da|der)?\s*{_SETTLEMENT}\s+(?:of|de|d['’]|di|do|da)?\s*"
               rf"(?P<place>{_NAME}{_AREA})"),
    re.compile(rf"\b(?:in|at|near|à|dans|près de|a|nei pressi di|en|cerca de|em|perto de|bei|bij|nabij|в|у)\s+"
               rf"(?P<place>{_NAME},\s*(?:in\s+)?{_CAP}[\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:Region|Cercle|region|cercle))"),
    re.compile(rf"\b(?:{_AT})\s+(?P<place>{_NAME}{_AREA})"),
    # Prepositions that also stand before other words ("a Gao", "en Boulkessi", "em Kidal"): only a name that ends
    # its phrase ("a Gao, nel nord del Mali"), never one a noun follows ("a Malian soldier").
    # Arabic has no capitals: a town named as such, one word ("في مدينة كيدال").
    re.compile(r"(?:مدينة|بلدة|قرية|مخيم|معسكر)\s+(?P<place>[\u0621-\u064A]{3,})"),
    re.compile(rf"(?<![\w.])(?:a|en|em|nel|nella|no|na)\s+(?P<place>{_NAME})"
               r"(?=\s*[,.;:)]|\s+(?:nel|nella|del|della|en el|en la|no|na|do|da|im|in der|au|dans)\b|\s*$)"),
    # Languages that put the case after the name: Turkish ("Kidal'da", "Kidal şehrinde"), Hungarian ("Kidal
    # városában"), Finnish ("Kidalin kaupungissa").
    re.compile(rf"(?P<place>{_NAME})(?:['’](?:da|de|ta|te)\b|\s+(?:şehrinde|kentinde|köyünde|kasabasında|ilçesinde|"
               r"városában|városban|faluban|falujában|településen|kaupungissa|kylässä|kaupungin))"),
]
_NOT_PLACES = {"mali", "northern mali", "central mali", "africa", "west africa", "the", "sahel", "azawad", "niger",
               "the mali war", "mali war", "guerre du mali", "guerra del mali", "algerie", "algeria", "argelia",
               "burkina faso", "mauritanie", "mauritania", "france", "francia", "libye", "libia", "libya", "afrique",
               "africa occidentale", "africa occidental"}
_MONTH = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b", re.I)


def prose_place(prose: list[tuple[str, str]], titled: str = "") -> Found | None:
    """The event's place in the lead or the event's sections: a phrase naming the title's place when the title
    names one, else the strongest phrase found first."""
    best: tuple[int, int, Found] | None = None
    order = 0
    for where, paragraph in prose:
        named = [(m.start, m.end) for m in find_mentions(paragraph) if m.party]
        for rank, pattern in enumerate(PATTERNS):
            for m in pattern.finditer(paragraph):
                place = _trimmed(m.group("place"))
                if not place or fold(place) in _NOT_PLACES or _MONTH.match(place) or find_parties(place):
                    continue
                if any(a <= m.start("place") < b for a, b in named):  # "в Большой Сахаре" of the group's name
                    continue
                if titled and fold(titled) not in fold(place):
                    continue
                order += 1
                key = (rank, order)
                if best is None or key < best[:2]:
                    best = (rank, order, Found(place, where, paragraph))
        if best is not None and not titled:
            break
    return best[2] if best else None


def names_no_place(name: str) -> bool:
    """A country, a continent or the war itself ("Malí", "Algeria", "the Mali War"): never an event's place."""
    return fold(name.strip()) in _NOT_PLACES


def _trimmed(place: str) -> str:
    words = place.split()
    while words and words[-1] in ("The", "In", "On", "A", "Le", "La"):
        words.pop()
    return " ".join(words).strip(" ,")
