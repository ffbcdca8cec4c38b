"""One infobox value split per side: by the layout's own marks where it has them, else by recognising the parties.

Marks, strongest first: the label's number (Combatant2), table cells, a blank line, a line that holds the end of
one cell and the start of the next (two flags, two party names or two figures with nothing between them), a line
break. Where the marks do not settle it, parties are grouped by camp (the state and its allies against rebels and
jihadists) and by the result's winners ("French-Azawad victory" puts France and the MNLA together).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.ingest.mentions import find_parties, mentions
from dashboard.parties import COALITIONS, PARTIES, canonical_party
from dashboard.text.markup import image_names, squeeze, unglue_acronyms, without_residue

# The boundary before an entry: a blank line, a cell boundary within a line, a line break, none (bullet, support).
BLANK, STRONG, LINE, SAME = 3, 2, 1, 0
_CAMP = {"state": "government", "state ally": "government", "international": "government",
         "pro-government": "government", "rebel": "opposition", "jihadist": "opposition"}
_ALIGNMENT = {p.name: p.alignment for p in PARTIES} | {c.name: c.alignment for c in COALITIONS}
_VERSUS = re.compile(r"\s+(?:vs\.?|versus|v\.|contre|contro|gegen|против)\s+", re.I)  # "Mali vs. MNLA"
_JIHAD_FLAG = re.compile(r"jihad|shabab|black[ _]?(?:flag|standard)|islam|al-?qa", re.I)
_SUPPORT = re.compile(r"(?i)^\s*(?:supported by|soutenu(?:e|s|es)? par|appuyé(?:e|s|es)? par|sostenuto da|"
                      r"apoyado por|apoiado por|unterstützt von|при поддержке)\s*:?\s*")


@dataclass
class Entry:
    name: str  # as written, without images and markup
    party: str  # canonical, or "" when the vocabulary does not know it
    flag: str  # the party the flag before it names, "" when none
    boundary: int  # BLANK, STRONG, LINE or SAME
    support: bool = False


def camp(party: str) -> str:
    return _CAMP.get(_ALIGNMENT.get(party, ""), "")


def flag_party(subject: str) -> str:
    """The party a flag's image name stands for ("Flag of Mali" -> Mali, "ShababFlag" -> jihadists)."""
    found = find_parties(unglue_acronyms(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", subject)), specific=True) or \
        [m.party for m in mentions(subject, prose=False)]
    if found:
        return found[0]
    return "Jihadist groups" if _JIHAD_FLAG.search(subject) else ""


def entries(text: str) -> list[Entry]:
    """The party entries of a belligerents value, with the boundary before each."""
    out: list[Entry] = []
    boundary, support = BLANK, False
    for line in _VERSUS.sub("\n\n", text).split("\n"):
        if not line.strip():
            boundary = BLANK
            continue
        for piece, flag, mid_line in _pieces(line):
            bullet = piece.lstrip().startswith(("•", "*", "·"))
            name = squeeze(without_residue(piece)).strip(" •*·-–,;")
            marker = _SUPPORT.match(name)
            if marker:
                support, name = True, name[marker.end():].strip()
            if name.endswith(":"):
                continue  # a group's heading ("Islamists groups:"): its members follow
            if not name and not flag:
                continue
            parts = [(p, party) for p, party in _split_glued(name) if not p.endswith(":")] if name else [("", "")]
            for k, (part, party) in enumerate(parts):
                # Names run together on one line: the end of one cell and the start of the next.
                here = STRONG if k else SAME if bullet or support else STRONG if mid_line else boundary
                out.append(Entry(part, party, flag if k == 0 else "", here, support))
            boundary = LINE
    return out


def group_sides(found: list[Entry], winners: set[str]) -> list[list[Entry]]:
    """Entries of a value the layout did not split grouped into sides, in the page's order."""
    if not found:
        return []
    winners = _with_members(winners)
    sides: list[list[Entry]] = [[found[0]]]
    for entry in found[1:]:
        previous = sides[-1][-1]
        if entry.boundary >= STRONG or (entry.boundary == LINE and _apart(previous, entry, winners)):
            sides.append([entry])
        else:
            sides[-1].append(entry)
    merged: list[list[Entry]] = [sides[0]]
    for side in sides[1:]:
        # Allies of the state each in a cell of their own ("MINUSMA", "Francia") are one side.
        if side[0].boundary == STRONG and _one_camp(merged[-1] + side) == "government":
            merged[-1].extend(side)
        else:
            merged.append(side)
    return merged


def result_winners(result: str) -> set[str]:
    """The parties a result names as winners ("French-Azawad victory" -> France, MNLA; "Victoire malienne" -> Mali)."""
    clause = re.split(r"[;\n]|\b(?:over|against|sur|contre|su|sobre|gegen|над)\b", result)[0]
    clause = re.sub(r"[-/–]", " ", clause)
    named = [m.party for m in mentions(clause, prose=False)]
    for word in re.findall(r"[^\W\d_]{3,}", clause):
        named.extend(find_parties(word + " forces") + find_parties("forces " + word))
        named.extend(p for p in [canonical_party(word)] if p in _ALIGNMENT)  # "Azawad" as a result writes the MNLA
    return set(named)


def side_of(party: str, sides: list[list[str]]) -> int | None:
    """Index of the side a party stands on: by name, by coalition, else by camp when only one side is of it."""
    if not party:
        return None
    canon = [[canonical_party(p) for p in side] for side in sides]
    for i, side in enumerate(canon):
        if party in side:
            return i
    for coalition in COALITIONS:
        if coalition.name == party:
            members = {m.party for m in coalition.members}
            hits = [i for i, side in enumerate(canon) if members & set(side)]
            if len(hits) == 1:
                return hits[0]
    wanted = camp(party)
    hits = [i for i, side in enumerate(canon) if wanted and any(camp(p) == wanted for p in side)]
    return hits[0] if len(hits) == 1 else None


def _pieces(line: str) -> list[tuple[str, str, bool]]:
    """(text, flag party, starts mid-line) for each stretch of a line between image names."""
    images = image_names(line)
    if not images:
        return [(line, "", False)]
    out, last, flag = [], 0, ""
    for image in images:
        if line[last:image.start].strip():
            out.append((line[last:image.start], flag, bool(out) or bool(line[:last].strip())))
        flag, last = flag_party(image.subject), image.end
    tail = line[last:]
    if tail.strip():
        out.append((tail, flag, bool(out)))
    elif flag:
        out.append(("", flag, bool(out)))
    return out


def _split_glued(name: str) -> list[tuple[str, str]]:
    """A name holding several known parties with nothing between them ("Ansar DineMOJWA AQIM", "Mali CMA") as
    one piece each; otherwise the name itself."""
    text = unglue_acronyms(name)
    found = [m for m in mentions(text, prose=False) if text[:m.start].count("(") <= text[:m.start].count(")")]
    whole = canonical_party(name)
    if len(found) < 2 or (found[0].start == 0 and found[0].end == len(text)):
        return [(name, whole if _ALIGNMENT.get(whole) else (found[0].party if found and _covers(text, found) else ""))]
    if not _covers(text, found):
        return [(name, found[0].party)]
    parts, starts = [], [m.start for m in found] + [len(text)]
    for m, nxt in zip(found, starts[1:]):
        parts.append((text[m.start:nxt].strip(" ,;"), m.party))
    first = text[:found[0].start].strip(" ,;:")
    return ([(first, "")] if first else []) + parts


def _covers(text: str, found: list) -> bool:
    leftover = text
    for m in reversed(found):
        leftover = leftover[:m.start] + " " + leftover[m.end:]
    words = re.findall(r"[^\W\d_]{2,}", leftover)
    return len(words) <= 1 and not re.search(r"[a-z]{3,}", " ".join(w for w in words if w[0].islower()))


def _apart(a: Entry, b: Entry, winners: set[str]) -> bool:
    """Two entries on consecutive lines stand on different sides: their camps differ (unless the result makes
    both winners), or one is a winner and the other, of no known camp, is not."""
    pa, pb = a.party or a.flag, b.party or b.flag
    if not pa or not pb or b.support:
        return False
    if pa in winners and pb in winners:
        return False
    ca, cb = camp(pa), camp(pb)
    if ca and cb:
        return ca != cb
    return bool(winners) and (pa in winners) != (pb in winners)


def _one_camp(side: list[Entry]) -> str:
    camps = {camp(e.party or e.flag) for e in side}
    return camps.pop() if len(camps) == 1 else ""


def _with_members(parties: set[str]) -> set[str]:
    out = set(parties)
    for coalition in COALITIONS:
        if coalition.name in parties:
            out |= {m.party for m in coalition.members}
    return out
