"""Casualty claims from one infobox casualty value: each figure, what it counts, and who claimed it.

Attribution rules, in the order articles use them:
- a trailing "(per X)" / "(according to X)" / "(X claim)" applies to every figure since the previous
  attribution, across lines ("40 killed\\n50 wounded\\n(According to the MNLA)");
- a "Per X:" heading applies to the figures after it, line by line, until the next heading; a trailing
  attribution on the same line wins;
- figures after the last attribution are unattributed (claimed_by "").
Vague figures ("hundreds injured", "dozens") are kept with low/high None; "Unknown" gives no claim.
"""
from __future__ import annotations

import re

from dashboard.casualties.kind_words import (
    CLAIMANT_ENDING, CLAIMANT_WORDS, CLAIMED_AFTER, CLAIMED_AFTER_GLUED, KINDS as _KINDS,
)
from dashboard.casualties.vocabulary import ABSURD_FIGURE
from dashboard.model import CasualtyError, Claim
from dashboard.text.markup import without_citations
from dashboard.text.numbers import NUMBER_WORDS, words_to_digits

_VAGUE = re.compile(
    r"\b(?:dozens|several|hundreds|thousands|scores|many|numerous|multiple|some|few|countless|unknown number|"
    r"plusieurs|dizaines|centaines|nombreux|diversi|decine|centinaia|numerosi|varios|decenas|cientos|vários|dezenas|"
    r"centenas|mehrere|dutzende|hunderte|tientallen|honderden|enkele|verscheidene|несколько|десятки|сотни|многие|عشرات|مئات|عدة|العديد)\b"
)

_ATTRIBUTION = re.compile(  # "(per Mali)", "(According to the MNLA)", "(Malian government claim)", "(MNLA'ya göre)"
    rf"[(（]\s*(?:(?:{CLAIMANT_WORDS})\s+(?P<who>[^()（）]+?)"
    rf"|(?P<who2>[^()（）\s]+(?:\s+[^()（）\s]+){{0,2}}?)(?:\s+(?:{CLAIMED_AFTER})|\s*(?:{CLAIMED_AFTER_GLUED})))\s*[)）]",
    re.I,
)
_HEADING = re.compile(rf"^\s*(?P<words>(?:{CLAIMANT_WORDS})\s+(?P<who>[^:()\n]+?)|(?P<who2>[^:()\n\d]{{2,40}}?)\s+"
                      r"(?:claims?|figures?))\s*:\s*(?P<rest>.*)$", re.I)  # "Per CMA: …", "Malian claim: …"

_THOUSANDS = re.compile(r",\d{3}(?!\d)")  # the comma in "1,500" is not a list comma
_NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_QUANTITY = re.compile(
    rf"(?P<neg>(?<![\w.])[-−](?=\d))?(?P<low>{_NUMBER})"
    rf"(?:\s*(?:-|–|—|to|or|tot)\s*(?P<high>{_NUMBER})|(?P<plus>\s*\+|\s+or more\b))?"
)
# "2 killed and 3 wounded" is two figures; "killed and wounded" is not.
_AND_NUMBER = re.compile(
    r"(?<=\S)(?<!hundred)(?<!thousand)\s+(?:and|&)\s+"
    r"(?=[-−]?\d|(?:a dozen|an? hundred|%s|dozens|several|hundreds|thousands|many|a few)\b)" % "|".join(NUMBER_WORDS),
    re.I,
)
_AT_LEAST = re.compile(r"(?:at least|over|more than|upwards of|in excess of|>|au moins|plus de|almeno|oltre|أكثر من|"
                       r"ما لا يقل عن|على الأقل|"
                       r"più di|más de|al menos|pelo menos|mais de|mindestens|über|ten minste|minstens|meer dan|ruim|zeker|не менее|более|свыше)\s*$")
_AT_LEAST_AFTER = re.compile(r"^\W*(?:\w+\s+)?(?:minimum|au minimum|at least|минимум|как минимум|almeno|على الأقل)\b")
_AT_MOST = re.compile(r"(?:up to|at most|fewer than|less than|under|<|jusqu['’]à|fino a|hasta|até|bis zu|hooguit|tot|до)\s*$")

_VEHICLE = re.compile(
    r"\b(?:vehicles?|tanks?|trucks?|pick-?ups?|technicals?|apcs?|armou?red cars?|cars?|aircraft|"
    r"helicopters?|planes?|jets?|drones?|brdm-?2s?|motorcycles?|motorbikes?|boats?|véhicules?|blindés?|"
    r"hélicoptères?|avions?|motos?|veicol[oi]|elicotter[oi]|aere[oi]|vehículos?|helicópteros?|veículos?|fahrzeuge?|voertuigen|voertuig|helikopters?|vliegtuigen|"
    r"машин\w*|техник\w*|вертол[её]т\w*)\b"
)
_VEHICLE_DESTROYED = re.compile(r"\b(?:destroyed|lost|damaged|blown up|burn(?:ed|t)|shot down|downed|disabled|"
                                r"détruits?|abattus?|distrutt[oi]|abbattut[oi]|destruid[oa]s?|destruíd[oa]s?|zerstört|"
                                r"abgeschossen|vernietigd|verwoest|neergeschoten|уничтожен\w*|сбит\w*)\b")
_VEHICLE_CAPTURED = re.compile(r"\b(?:captured|seized|taken|confiscated|capturés?|saisis|catturati|capturados|"
                               r"erbeutet|buitgemaakt|veroverd|захвачен\w*)\b")
# A civilian figure says so outside any parenthesis ("60 injured (civilian/military estimate)" is not one).
_CIVILIAN = re.compile(r"\b(?:civilians?|civils?|civili|civiles|civis|zivilisten|burgers|мирн\w+|гражданск\w+)\b")
# "None" as a whole figure is a count of zero ("Casualties2: None", "Nessuno").
_NONE = re.compile(r"^\W*(?:none|nil|no casualties|aucune?|nessuno|ninguno|nenhum|keine|geen|нет)\W*$", re.I)
# Words that say there is nothing to count ("Unknown", "none", "-"): no claim, and nothing to report either.
_NOTHING_CLAIMED = re.compile(r"^\W*$|\b(?:unknown|unclear|none|nil|n/a|inconnu\w*|aucune?|sconosciut\w*|"
                              r"desconocid\w*|desconhecid\w*|unbekannt|onbekend|неизвестн\w*|غير معروف\w*|مجهول\w*)\b", re.I)
# A figure starts where a number does after words: "42 killed 22 wounded" is two figures, "1 500 hommes" one.
_NEXT_FIGURE = re.compile(r"(?<=[^\W\d_)])[\s]+(?=(?:total\s*:?\s*|at least\s+|~\s*)?\d|"
                          r"(?:none|nessuno|aucune?|ninguno|nenhum|keine)\b)", re.I)


def _split_figures(segment: str) -> list[str]:
    """Figures in a stretch of text: split at commas (not "1,500"), semicolons, newlines and "and <number>"."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(segment):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (ch in ";\n" or ch == "," and not _THOUSANDS.match(segment, i)):
            pieces.append(segment[start:i])
            start = i + 1
    pieces.append(segment[start:])
    figures = []
    for piece in pieces:
        for part in (glued for joined in _AND_NUMBER.split(piece) for glued in _unglued(joined)):
            part = re.sub(r"^[\s•*·]+|^-\s+|^(?:and|&)\s+", "", part).strip(" \t.:")
            if part:
                figures.append(part)
    return figures


def _unglued(text: str) -> list[str]:
    """Figures a copy ran together with a space ("42 killed 22 wounded", "1 mort 3 blessés", "26 feriti Nessuno")."""
    out, start = [], 0
    for m in _NEXT_FIGURE.finditer(text):
        before = text[start:m.start()]
        if text[:m.start()].count("(") > text[:m.start()].count(")"):
            continue  # "20 killed (including 8 children)": a figure's own detail
        if (re.search(r"\d", before) or _NONE.match(before)) and not _NOT_A_NEW_FIGURE.search(text, start, m.start()):
            out.append(text[start:m.start()])
            start = m.end()
    out.append(text[start:])
    return out


# "between 20 and 30", "from 20 to 30": the second number is the range's end, not a new figure.
_NOT_A_NEW_FIGURE = re.compile(r"(?:\band|\bto|\bor|\bà|\be|\by|\ba|\bda|\bbis|\bdo|\bдо)\s*$", re.I)


def _quantity(words: str) -> tuple[int | None, int | None, bool]:
    """(low, high, negative) of the first figure in lower-case, digit-converted words; (None, None) if vague."""
    m = _QUANTITY.search(words)
    if not m:
        return None, None, False
    low = int(m["low"].replace(",", ""))
    high = int(m["high"].replace(",", "")) if m["high"] else low
    before = words[:m.start()]
    if m["plus"] or _AT_LEAST.search(before) or _AT_LEAST_AFTER.search(words[m.end():]):
        high = None
    elif _AT_MOST.search(before):
        low = None
    return low, high, bool(m["neg"])


def _kind(words: str) -> str:
    if _VEHICLE.search(words):
        if _VEHICLE_DESTROYED.search(words):
            return "vehicles destroyed"
        if _VEHICLE_CAPTURED.search(words):
            return "vehicles captured"
    hits = [(m.start(), kind) for kind, pattern in _KINDS if (m := pattern.search(words))]
    return min(hits)[1] if hits else "unknown"


def _figure(figure: str, side: str, claimed_by: str, text: str) -> Claim | None:
    """One claim from one figure's words, None when the words hold no figure ("Unknown");
    raises CasualtyError for a negative or absurd figure."""
    words = words_to_digits(figure.casefold())
    if _NONE.match(without_citations(words)):
        return Claim(side=side, kind="killed", low=0, high=0, claimed_by=claimed_by, text=text)
    low, high, negative = _quantity(words)
    kind = _kind(words)
    if low is None and high is None and not (_VAGUE.search(words) and kind != "unknown"):
        return None  # no figure ("Unknown"), or vague words that count nothing nameable ("some sources")
    if negative:
        raise CasualtyError(f"negative casualty figure in {text!r}")
    if any(v is not None and v > ABSURD_FIGURE for v in (low, high)):
        raise CasualtyError(f"implausibly large casualty figure (over {ABSURD_FIGURE:,}) in {text!r}")
    if low is not None and high is not None and high < low:
        raise CasualtyError(f"casualty range runs backwards in {text!r}")
    return Claim(
        side="civilian" if _CIVILIAN.search(re.sub(r"\([^)]*\)", " ", words)) else side,
        kind=kind,
        low=low,
        high=high,
        claimed_by=claimed_by,
        text=text,
    )


def _claimant(raw: str) -> str:
    """Light normalisation of who claimed a figure: "the MNLA" -> "MNLA"."""
    name = CLAIMANT_ENDING.sub("", re.sub(r"\s+", " ", raw).strip(" .,;:"))
    return re.sub(r"^(?:the|le|la|les|l['’]|el|los|las|il|lo|gli|o|os|a|as|az|der|die|das)(?:\s+|(?<=['’]))", "", name,
                  flags=re.I)


def _attributed(text: str) -> list[tuple[str, str, str]]:
    """(figure words, claimant, claim text) for each figure in a casualty value, per the module's rules."""
    out: list[tuple[str, str, str]] = []
    pending: list[str] = []
    heading: tuple[str, str] | None = None  # (claimant, words as written)

    def settle(claimant: str, attribution: str, prefix: bool) -> None:
        for fig in pending:
            if not attribution:
                out.append((fig, "", fig))
            else:
                out.append((fig, claimant, f"{attribution}: {fig}" if prefix else f"{fig} {attribution}"))
        pending.clear()

    def settle_under_heading() -> None:
        settle(*(heading[0], heading[1], True) if heading else ("", "", False))

    for line in without_citations(text).splitlines():
        head = _HEADING.match(line)
        if head:
            settle_under_heading()
            heading = (_claimant(head["who"] or head["who2"]), head["words"].strip())
            line = head["rest"]
        pos = 0
        for m in _ATTRIBUTION.finditer(line):
            pending.extend(_split_figures(line[pos:m.start()]))
            settle(_claimant(m["who"] or m["who2"]), m.group().strip(), False)
            pos = m.end()
        pending.extend(_split_figures(line[pos:]))
        if heading:
            settle_under_heading()
    settle_under_heading()
    return out


def parse_casualties_checked(text: str, side: str) -> tuple[list[Claim], list[str]]:
    """The claims in one infobox casualty value, and why any part of it was not taken as a claim
    (a negative or absurd figure, or words with no figure such as "heavy losses")."""
    claims, problems = [], []
    for figure, claimed_by, claim_text in _attributed(text):
        try:
            claim = _figure(figure, side, claimed_by, claim_text)
        except CasualtyError as err:
            problems.append(str(err))
            continue
        if claim is not None:
            claims.append(claim)
        elif not _NOTHING_CLAIMED.search(figure):
            problems.append(f"no figure in {claim_text!r}: not a claim (the infobox keeps the words)")
    return claims, problems


def parse_casualties(text: str, side: str) -> list[Claim]:
    """The trusted claims in one infobox casualty value; rejected figures are left out
    (use parse_casualties_checked to learn why)."""
    return parse_casualties_checked(text, side)[0]


def glued_figures(line: str) -> list[str]:
    """A line cut where one figure runs on into the next with only a space between ("2 wounded 8-40 captured"):
    on a copied page that is where one table cell ended and the next began."""
    return [piece for piece in _unglued(without_citations(line)) if piece.strip()]


def figure_kinds(text: str) -> list[tuple[str, str]]:
    """(kind, claimant) of each figure in a casualty text, in order; kind "civilian" for a civilian figure."""
    out = []
    for figure, claimed_by, claim_text in _attributed(text):
        try:
            claim = _figure(figure, "a", claimed_by, claim_text)
        except CasualtyError:
            continue
        if claim is not None:
            out.append(("civilian" if claim.side == "civilian" else claim.kind, claimed_by))
    return out


def claimant_heading(line: str) -> str:
    """The claimant of a heading line ("Malian claim:", "Per CMA:"), "" when the line is not one."""
    head = _HEADING.match(without_citations(line))
    return _claimant(head["who"] or head["who2"]) if head and not head["rest"].strip() else ""


def closes_attribution(line: str) -> bool:
    """True for a line that is only an attribution ("(According to the MNLA) [2]", "(selon le Mali)")."""
    stripped = without_citations(line).strip()
    m = _ATTRIBUTION.fullmatch(stripped)
    return m is not None


def names_civilians(text: str) -> bool:
    """True when a casualty text counts civilians ("14+ civilians killed"), outside any parenthesis."""
    return bool(_CIVILIAN.search(re.sub(r"\([^)]*\)", " ", text.casefold())))


def names_a_casualty(text: str) -> bool:
    """True when text reads as casualty figures: a number with what it counts ("3 погибших"), a claimant's
    heading ("Malian claim:"), or a count of none."""
    words = words_to_digits(without_citations(text).casefold())
    if _HEADING.match(words) or _NONE.match(words):
        return True
    return bool(re.search(r"\d", words)) and (any(p.search(words) for _, p in _KINDS) or bool(_VEHICLE.search(words)
                                                                                              and _VEHICLE_DESTROYED.search(words)))
