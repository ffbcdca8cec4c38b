"""Names as an infobox writes them, tidied: parties (flags, icon sizes, "Supported by"), commanders (status
markers written out), the place a title names, the region a place names, one block's value per side."""
from __future__ import annotations

import re

from dashboard.text.event_words import event_word_span
from dashboard.text.markup import squeeze, without_images, without_residue

_STATUS = {"KIA": "killed in action", "POW": "prisoner of war", "WIA": "wounded in action", "MIA": "missing in action",
           "†": "killed", "executed": "executed", "died": "died"}
_SUPPORT = re.compile(r"(?i)\s*(?:(?:supported by|soutenu par|soutenus par|appuyé par|sostenuto da|apoyado por|"
                      r"apoiado por|unterstützt von)\s*:?\s*)+|\s*support\s*:?\s*$")
UNKNOWN = {"unknown", "inconnu", "inconnue", "inconnues", "inconnus", "n/a", "none", "-", "—", "?", "sconosciuto",
           "sconosciuti", "desconocido", "desconocidos", "desconhecido", "unbekannt", "неизвестно", "неизвестный"}
_YEAR_OR_ORDINAL = re.compile(r"^(?:\d{4}|\d+(?:st|nd|rd|th|e|er|re))\s+")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_EMPTY_BRACKETS = re.compile(r"[(\[{]\s*[)\]}]")


def clean_parties(value: str) -> list[str]:
    """Party names without flag images, icon sizes or citation markers; "Supported by" parties marked as such."""
    parties: list[str] = []
    supported = False
    value = _CONTROL.sub(" ", value)  # a stray escape or NUL is never part of a name (and hides an image's name)
    for piece in re.split(r"[\n,;]+", value):
        # Empty brackets go before the "Supported by" marker is looked for: "(Flag of Mali.svg) Mali" leaves "()".
        piece, marked = _without_support_marker(_without_empty_brackets(without_residue(piece)))
        piece, marked_after_image = _without_support_marker(_without_empty_brackets(without_images(piece)))
        supported = supported or marked or marked_after_image
        name = clean(piece)
        if name and name.casefold() not in UNKNOWN:
            parties.append(f"{name} (support)" if supported else name)
    return parties


def _without_empty_brackets(piece: str) -> str:
    """Brackets left with nothing inside, nested ones too: "(())" leaves nothing, as "()" does."""
    while (emptied := _EMPTY_BRACKETS.sub(" ", piece)) != piece:
        piece = emptied
    return piece


def _without_support_marker(piece: str) -> tuple[str, bool]:
    """The piece without a leading "Supported by:" (alone or before the first supporter), and whether it had one."""
    piece = piece.strip()
    marker = _SUPPORT.match(piece)
    return (piece[marker.end():].strip(), True) if marker else (piece, False)


def clean_commanders(value: str) -> list[str]:
    """Commander names, with status markers glued or not ("BojanKIA", "Bojan †") written out."""
    names = []
    for name in clean_parties(value):
        match = re.match(r"^(.+?[a-z.)])\s*\(?(KIA|POW|WIA|MIA|†|executed|died)\)?$", name)
        names.append(f"{match.group(1).strip()} ({_STATUS[match.group(2)]})" if match else name)
    return names


_COUNTRY_AFTER = re.compile(r",\s*(?:Mali|Malí|Niger|Níger|Burkina Faso|Mauritania|Mauritanie|Algeria|Algérie)\s*$")
_ARABIC_TITLE = re.compile(r"^(?:ال)?(?:معركة|هجوم|اشتباكات|مجزرة|حصار|سقوط|كمين|تفجير|غارة|سيطرة|استعادة|تحرير)"
                           r"\s+(?:على\s+|في\s+)?([\u0621-\u064A]{3,})$")


def place_from_title(title: str) -> str:
    """The place in a title such as "Second Battle of Kidal", "Amazragane skirmish", "2020 Tarkint attack" or
    "Combat de Ténenkou (5 mai 2015)" ("" when none)."""
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip()
    bare = _COUNTRY_AFTER.sub("", bare)  # "Attack on MINUSMA Camp in Aguelhok, Mali"
    match = re.search(r"\b(?:of|at|in|on|near|de|d'|du|di|del|des|bei|von|om|van|bij|при|под)\s+"
                      r"((?:[A-ZÀ-ÖØ-ÞА-Я][\w'’-]*)(?:[ -](?:[A-ZÀ-ÖØ-ÞА-Я][\w'’-]*))*)\s*$", bare)
    if match:
        return match.group(1)
    arabic = _ARABIC_TITLE.search(bare)
    if arabic:  # Arabic has no capitals: the word after "battle of", "attack on", "fall of" ("معركة كيدال")
        return arabic.group(1)
    bare = _YEAR_OR_ORDINAL.sub("", bare)
    match = re.match(r"^((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)*) (?:skirmish|ambush|battle|raid|attack|clashes|massacre|"
                     r"siege|offensive|bombing|incident|attacks|fighting)\b", bare, re.I)
    if match and match.group(1)[:1].isupper():
        return match.group(1)
    return _beside_event_word(bare)


# The small words between an event word and its place in other languages ("Bitwa o Konnę", "Напад на Булкессі",
# "Bătălia de la Konna", "Anfallet mot Ménaka") and the genitive marks after a place ("コンナの戦い", "키달의 전투").
_BEFORE_PLACE = re.compile(r"^(?:o|pod|w|we|nad|na|za|при|под|на|за|біля|під|у|в|de la|din|de|del|d['’]|du|des|di|do|"
                           r"da|of|at|in|on|near|mot|vid|i|om|u|v|von|bei|van|bij|ve|ile)\s+", re.I)
_GENITIVE_MARK = re.compile(r"(?:の|의|之|的)$")


def _beside_event_word(bare: str) -> str:
    """The place a title names beside its event word, in any language: the words after it ("Bitwa o Konnę"), else
    the one to three words before it ("Kidal Muharebesi", "Konnan taistelu", "키달 전투", "コンナの戦い")."""
    span = event_word_span(bare)
    if span is None or len(bare.split()) > 5:  # a headline's sentence is no "Battle of X"
        return ""
    after = re.sub(r"^[\w-]*", "", bare[span[1]:], count=1).strip(" ,:-–")  # the rest of the event word's word
    after = _BEFORE_PLACE.sub("", after)
    after = re.sub(r"\s+\d{4}$", "", after)  # "Anfallet mot Ménaka 2022"
    if _names_a_place(after):
        return after
    before = _GENITIVE_MARK.sub("", bare[:span[0]].strip(" ,:-–")).strip()
    return before if _names_a_place(before) else ""


def _names_a_place(words: str) -> bool:
    """One to three words starting with a capital, or with a letter of a script that has no capitals ("コンナ")."""
    first = words[:1]
    return bool(first) and first.isalpha() and not first.islower() and len(words.split()) <= 3


def region_from_place(place: str) -> str:
    match = re.search(r"([A-ZÉ][\w'’é-]+(?: [A-Z][\w'-]+)?) Region\b|\br[ée]gion (?:de |du |d')?([A-ZÉ][\w'’é-]+)", place)
    return (match.group(1) or match.group(2)) if match else ""


def split_side_block(block: str, n_sides: int | None) -> list[str]:
    """A copied page's one cell for all sides: split at blank lines, else lines, else citation markers."""
    chunks = [c.strip() for c in re.split(r"\n\s*\n", block.strip()) if c.strip()]
    if n_sides and len(chunks) != n_sides:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        by_citation = [c.strip() for c in re.split(r"\s*\[\d+\]\s*", block.strip()) if c.strip()]
        if len(lines) == n_sides:
            chunks = lines
        elif len(by_citation) == n_sides:
            chunks = by_citation
    if n_sides:
        chunks = (chunks + [""] * n_sides)[:n_sides] if len(chunks) <= n_sides else \
            chunks[:n_sides - 1] + ["\n".join(chunks[n_sides - 1:])]
    return chunks


def clean(text: str) -> str:
    return squeeze(without_residue(text)).strip(" ,;")
