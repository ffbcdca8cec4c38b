"""The loss figures one clause states: each number with what it counts, what happened to them, whose they are, and
whether it is a part of the figure before it.

A number is a loss figure only when the words around it say what happened ("were killed", "taken prisoner",
"killing fourteen", "the deaths of three") to people, vehicles or aircraft. A number of kilometres, hours, years or
bombs, a strength ("1500 Malian soldiers arrived", "around three hundred vehicles") or a date is not one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.casualties import vocabulary as words
from dashboard.casualties.figure_side import NounPhrase, Sides, figure_side
from dashboard.parties.mentions import Mention, find_mentions
from dashboard.text.fold import fold
from dashboard.text.markup import CITATION
from dashboard.text.numbers import NUMBER_WORDS, NumberSpan, find_numbers

_TOKEN = re.compile(r"\s*(?:(?P<word>[\w'’-]+)|(?P<mark>\S))")
_LIST_GAP = re.compile(r"^[\s,\"”'»]*(?:(?:and|or|et|ou)\s+)?$", re.I)
_ELIDED_BEFORE = re.compile(r"(?:^|[,;:]|\band|\bor|\bbut|\bthat|\bwhile|\bwhereas|\bet|\bque|\bthe other|\banother|"
                            r"\by|\be|\bund|\botros|\botras|\baltri|\baltre|\boutros|\boutras|\bweitere)\s*$", re.I)
_RANGE = re.compile(r"\s*(?:-|–|—|to|or|à|ou|and)\s*$", re.I)
_ARTICLE_AIRCRAFT = re.compile(r"\b(?:an?|une?)\s+(?=(?:[\w'’-]+\s+){0,2}?(?:%s|[a-z]{1,4}-\d{1,3})\b)"
                               % "|".join(sorted(words.AIRCRAFT, key=len, reverse=True)), re.I)
_ZERO = re.compile(r"\b(?:no|aucune?)\s+(?P<np>(?:[\w'’-]+\s+){0,2}?)(?P<noun>casualties|deaths|dead|losses|"
                   r"fatalities|injuries|wounded|killed|pertes|morts|victimes|bless[ée]s)\b(?!\s+(?:were|was)?\s*reported)",
                   re.I)
# Who those counted are, said between them and what happened: "Ten peacekeepers from Chad were killed".
_WHO_THEY_ARE = re.compile(r"\s+(?:from|of|in|de|du|des)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?[\w'’-]+(?:\s+[\w'’-]+){0,2}?"
                           r"(?=\s+(?:were|was|had been|have been|ont été|a été|sont|furent)\s)", re.I)
_AND_NEXT = re.compile(r"\s*,?\s*(?:and|et|y|e|und|en)\s+", re.I)
_DEFINITE = re.compile(r"\b(?:the|these|those|les|ces)\s+$", re.I)
_FOUR_BY_FOUR = re.compile(r"\b\d\s*[x×]\s*\d\b")


@dataclass
class Figure:
    """One loss figure of a clause."""
    start: int  # where its words begin (qualifier included) in the clause
    end: int  # where the words telling it end
    low: int | None
    high: int | None
    words: str  # the figure as written: "ten", "over 125", "five more", "dozens"
    kind: str
    noun: str  # "person", "civilian", "vehicle" or "aircraft"
    side: str  # "a"… or "civilian" or "unknown"
    part_of: int | None = None  # index, in the clause's figures, of the total this is a part of
    additive: bool = False  # "five more": a figure on top of one given before, not a new count


@dataclass
class _Candidate:
    number: NumberSpan
    start: int
    end: int  # end of the figure's own words (range and "+" included)
    low: int | None
    high: int | None
    article: bool = False  # "a" / "an" before an aircraft


def read_figures(clause: str, side_of: Sides, claimant_side: str | None, *, states: bool,
                 two_sides: bool, antecedent: Figure | None = None) -> list[Figure]:
    """The loss figures of a clause; side_of turns a party mention into a side letter, claimant_side is the side of
    whoever states the clause (for "their fighters", "to have had five more injured"), states says the clause is a
    claimant's statement (only then is "no casualties" a figure of 0); antecedent is the last figure of the sentence
    before, which a figure with no noun of its own ("He said twenty-eight were taken prisoner") counts again."""
    if not words.tells_loss(clause):
        return []
    text = CITATION.sub(lambda m: " " * len(m.group()), clause)
    text = _FOUR_BY_FOUR.sub(lambda m: re.sub(r"\d", "n", m.group()), text)  # "4 x 4 vehicles" counts no 4
    figures: list[Figure] = []
    covered = -1
    for candidate in _candidates(text):
        if candidate.number.start < covered:  # its qualifier ("Almeno") may end the noun phrase before
            continue
        figure, reach = _figure(text, candidate, figures, side_of, claimant_side, two_sides, antecedent)
        covered = max(covered, reach)
        if figure is not None and not _absurd(figure):
            figures.append(figure)
    if states:
        figures.extend(_zero_figures(text, side_of, figures))
    return figures


def _absurd(figure: Figure) -> bool:
    """A figure no battle of the war reaches: in prose it is a population, a sum of money or a misread, not a loss."""
    return any(v is not None and v > words.ABSURD_FIGURE for v in (figure.low, figure.high))


def _candidates(text: str) -> list[_Candidate]:
    numbers = find_numbers(text)
    found = [NumberSpan(m.start(), m.end() - 1, 1) for m in _ARTICLE_AIRCRAFT.finditer(text)]
    out: list[_Candidate] = []
    skip = set()
    spans = sorted([*((n, False) for n in numbers), *((n, True) for n in found)], key=lambda x: x[0].start)
    for index, (number, article) in enumerate(spans):
        if index in skip:
            continue
        end, low, high = number.end, number.value, number.value
        following = spans[index + 1][0] if index + 1 < len(spans) else None
        if following is not None and not article and number.value is not None and following.value is not None \
                and _RANGE.fullmatch(text[number.end:following.start]) and following.start - number.end < 6 \
                and following.value > number.value:  # "2023 - dodici persone": a year, then a figure
            end, high = following.end, following.value
            skip.add(index + 1)
        plus = re.match(r"\s*\+", text[end:])
        if plus:
            end, high = end + plus.end(), None
        start = number.start
        qualifier = words.QUALIFIER.search(text[:number.start])
        if qualifier and low is not None:
            q = fold(qualifier["q"]).replace("’", "'")
            start = qualifier.start()
            if q in words.LOWER_BOUND:
                high = None
            elif q in words.UPPER_BOUND:
                low = None
        between = re.search(r"\bbetween\s+$", text[:number.start], re.I)
        if between and high != low:
            start = between.start()
        out.append(_Candidate(number, start, end, low, high, article))
    return out


def _noun_phrase(text: str, start: int) -> NounPhrase:
    tokens = []
    for match in _TOKEN.finditer(text, start):
        if match["mark"] or len(tokens) >= 8:
            break
        tokens.append(match)
    taken: list[tuple[str, int]] = []
    partitive = False
    index = 0
    if tokens and _bare(tokens[0]) in words.PARTITIVE | {"entre"}:
        partitive, index = True, 1
        while index < len(tokens) and _bare(tokens[index]) in ("the", "les", "la", "le", "entre"):
            index += 1
    for match in tokens[index:]:
        word = _bare(match)
        if word[:1].isdigit() or word in NUMBER_WORDS:
            break  # the next figure
        if word in words.NOUN_STOPS and not (word in words.NOUN_KINDS and not taken):
            break
        if taken and words.AFTER.match(text, match.start()):
            break  # what happened to them, in any language's words ("12 terrorists neutralized")
        taken.append((word, match.end()))
    if not taken:
        return NounPhrase(start, "elided", None, False, False, False, "", False)
    end = taken[-1][1]
    noun, kind = "", ""
    for word, _ in taken:
        if word in words.UNITS and not noun:
            return NounPhrase(end, "", None, False, False, False, "", False)
        if word in words.CIVILIANS:
            noun = "civilian"
        elif word in words.VEHICLES:
            noun = "vehicle"
        elif word in words.AIRCRAFT or words.AIRCRAFT_MODEL.match(word):
            noun = "aircraft"
        elif (word in words.PEOPLE or word in words.NOUN_KINDS) and noun not in ("vehicle", "aircraft", "civilian"):
            noun = "person"
        kind = words.NOUN_KINDS.get(word, kind)
    mentions = find_mentions(text[start:end])
    mention = next((m for m in mentions if m.party), mentions[0] if mentions else None)
    if mention is not None:
        mention = Mention(mention.start + start, mention.end + start, mention.party, mention.camp)
        noun = noun or "person"
    vocabulary = {w for w, _ in taken}
    return NounPhrase(end, noun, mention, bool(vocabulary & words.OWN), partitive and bool(vocabulary & {"them", "whom", "eux"}),
                 bool(vocabulary & {"others", "more", "autres"}), kind, bool(vocabulary & words.ADDITIVE),
                 bool(vocabulary & words.HOSTILE))


def _bare(match: re.Match) -> str:
    """A token folded, without an elided article ("l'armee" -> "armee", "d'entre" -> "entre")."""
    word = fold(match["word"]).replace("’", "'")
    head, _, rest = word.partition("'")
    return rest if rest and head in ("d", "l", "qu") else word


def _happened(match: re.Match | None) -> str:
    return next((k for k, v in match.groupdict().items() if v and k != "what"), "") if match else ""


def _kind_of(what: str, noun: str) -> str:
    if noun == "vehicle":
        return {"destroyed": "vehicles destroyed", "lost": "vehicles destroyed", "captured": "vehicles captured"}.get(what, "")
    if noun == "aircraft":
        return {"destroyed": "aircraft lost", "lost": "aircraft lost", "captured": "vehicles captured"}.get(what, "")
    if what == "lost":
        return "killed"
    return "" if what == "destroyed" else what


def _figure(text: str, c: _Candidate, before: list[Figure], side_of: Sides, claimant_side: str | None,
            two_sides: bool, antecedent: Figure | None = None) -> tuple[Figure | None, int]:
    """The figure a candidate number is, or None; and how far its noun phrase reaches (numbers inside it are not
    figures: "50 brand new 4 x 4 vehicles")."""
    noun = _noun_phrase(text, c.end)
    if not noun.noun:
        return None, noun.end
    prefix = text[:c.start]
    before_word = re.search(r"([^\W\d_]+)[\s.]*$", prefix)  # "June 5", "Feb. 5"; not "10 FEB 2023 - dodici"
    if before_word and fold(before_word.group(1)) in words.MONTHS:
        return None, noun.end  # "June 5": a day
    who = _WHO_THEY_ARE.match(text, noun.end)
    after = words.AFTER.match(text, noun.end) or (words.AFTER.match(text, who.end()) if who else None)
    previous = before[-1] if before else None
    listed = previous is not None and _LIST_GAP.match(text[previous.end:c.start]) is not None
    if _DEFINITE.search(prefix) and not words.PART_CUE.search(prefix):
        return None, noun.end  # "the 30 soldiers killed were buried": a count given before, not a new one
    what = _happened(after) or noun.kind or _happened(_shared_happened(text, noun.end))
    active = words.BEFORE.search(prefix) if not what else None
    what = what or _happened(active)
    part = bool(words.PART_CUE.search(prefix)) or noun.them
    if noun.noun == "elided" and not (_ELIDED_BEFORE.search(prefix) and (what or listed)):
        return None, noun.end
    if not what and listed and previous is not None and previous.part_of is not None:
        part = True  # "including forty-seven rebel MAA, thirty-seven MNLA": the list of parts goes on
    inherited = previous if previous and (noun.noun == "elided" or noun.others or noun.them or part or listed) else None
    if inherited is None and previous is None and (noun.noun == "elided" or noun.others):
        inherited = antecedent
    klass = noun.noun
    if klass == "elided" or (noun.others and inherited):
        klass = inherited.noun if inherited else "person"
    if not what and previous is not None and (part or listed):
        kind = (before[previous.part_of] if part and previous.part_of is not None else previous).kind
    else:
        kind = _kind_of(what, klass) or _kind_of(what, "person" if klass in ("vehicle", "aircraft") else klass)
        if klass in ("vehicle", "aircraft") and not _kind_of(what, klass):
            klass = "person"
    if not kind or (c.article and klass != "aircraft"):
        return None, noun.end
    if part and c.low is None and c.high is None:
        return None, noun.end  # "including several children": no number to keep
    end = after.end() if after else noun.end
    start = active.start() if active is not None else c.start  # "killing fourteen civilians" is told from "killing"
    side = figure_side(text, (c.start, c.end), noun, klass, inherited.side if inherited else None,
                       previous.side if previous else None, active, side_of, claimant_side, two_sides, end)
    total = None
    if part and previous is not None:
        total = previous.part_of if previous.part_of is not None else len(before) - 1
    shown = text[c.start:c.end] + (" " + text[c.end:noun.end].strip() if noun.additive else "")
    return Figure(start, end, c.low, c.high, shown.strip(), kind, "civilian" if side == "civilian" else klass, side,
                  total, noun.additive), noun.end


def _shared_happened(text: str, end: int) -> re.Match | None:
    """What happened, said once after the next figure of a pair: "47 soldats maliens et 84 mercenaires de Wagner ont
    été tués", "12 soldiers and 40 rebels were killed"."""
    joined = _AND_NEXT.match(text, end)
    if joined is None:
        return None
    following = find_numbers(text[joined.end():joined.end() + 40])
    if not following or following[0].start > 15:  # "and at least 84 …"
        return None
    noun = _noun_phrase(text, joined.end() + following[0].end)
    return words.AFTER.match(text, noun.end) if noun.noun and noun.noun != "elided" else None


def _zero_figures(text: str, side_of: Sides, found: list[Figure]) -> list[Figure]:
    """ "there were no Malian casualties", stated by a claimant: a figure of 0 (killed, or injured for injuries)."""
    out = []
    for match in _ZERO.finditer(text):
        if any(f.start <= match.start() < f.end for f in found):
            continue
        mentions = find_mentions(match["np"])
        side = side_of(mentions[0]) if mentions else None
        kind = "injured" if fold(match["noun"]) in ("injuries", "wounded", "blesses") else "killed"
        out.append(Figure(match.start(), match.end(), 0, 0, match.group().split()[0], kind, "person",
                          side or "unknown"))
    return out
