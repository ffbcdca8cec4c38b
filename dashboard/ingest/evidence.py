"""What the lead and the first paragraphs say when the infobox is silent or partial: who fought whom, where,
and when, with where each came from ("lead" or "body").

Only the article's own event is read: Background and Prelude sections, end matter and the sentence a cut-off
file stops in are left out. Sides come from the war's sentence shapes in the languages articles come in
("clashes broke out between Malian forces and the MNLA", "X attacked Y", "Y was ambushed by X", "an attack on Y
by X", "Il oppose l'armée malienne aux rebelles de la CMA", Arabic's in arabic_sides, the verb before its subject
after a German or Dutch opening date in inverted_order: "Am 21. Mai 2014 griffen Kämpfer der MNLA die malische
Armee an") and a town changing hands
as ingest.control reads it ("X took control of Kidal after Y withdrew": the taker first); a sentence that names the
event's place or falls on its date is read before others (a lead that only says "Islamists" gives way to the body's "ISGS fighters").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.text.dates import find_lead_date
from dashboard.ingest.layout.base import BACKGROUND_HEADINGS, RawArticle, is_background, split_paragraphs
from dashboard.ingest import arabic_sides, inverted_order
from dashboard.ingest.control import takers_and_losers
from dashboard.ingest.mentions import GENERIC, find_parties
from dashboard.ingest.responsibility import claimed_and_targeted
from dashboard.parties.mentions import find_mentions
from dashboard.model import DateRange
from dashboard.parties import party_alignment
from dashboard.text.fold import fold
from dashboard.text.months import MONTHS
from dashboard.text.published import Publication, day_counted_back, without_dateline

MAX_PARAGRAPHS = 12
MAX_SENTENCES = 60  # sides are read from the first sentences only: a 1 MB lead is not searched whole
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A sentence ends at a full stop before a capital, not at a German day's ("am 14. November 2023").
_SENTENCE = re.compile(rf"(?<=[.!?])(?<!\d\.)\s+(?=[A-ZÀ-ÖØ-Þ0-9\"«(\[]|[А-Я]|[\u0621-\u064A])|"
                       rf"(?<=\d\.)\s+(?!(?i:{_MONTH})\b)(?=[A-ZÀ-ÖØ-Þ0-9\"«(\[]|[А-Я]|[\u0621-\u064A])|"
                       r"(?<=\])\s+(?=[A-ZÀ-ÖØ-ÞА-Я])|\n")
_SUPPORT = re.compile(r"\b(?:supported by|backed by|aided by|assisted by|with (?:the )?(?:help|support) (?:of|from)|"
                      r"soutenu(?:e|s|es)? par|appuyé(?:e|s|es)? par|avec l['’]appui d[eu']|sostenut[oaie] da|"
                      r"con l['’]appoggio d[ei]|apoyad[oa]s? por|apoiad[oa]s? por|unterstützt von|при поддержке|"
                      r"بدعم من|بمساندة)\b", re.I)
# Who did it to whom, by sentence shape: (pattern, which named group acts first).
_ATTACKER_FIRST = re.compile(
    r"\b(?:attacked|ambushed|raided|assaulted|targeted|stormed|overran|besieged|struck|fought against|fought with|"
    r"clashed with|launched (?:an? |several |two |three )?(?:\w+ )?(?:attacks?|assaults?|offensives?|raids?|ambush(?:es)?) "
    r"(?:on|against)|opened fire on|(?:after |in )?(?:heavy )?(?:fighting|clashes|battles?|combats?) (?:with|against)|"
    r"(?:combats?|affrontements?|accrochages?|heurts) (?:avec|contre)|(?:a |ont )?affronté|attaquent|attaque|ont attaqué|assaillent|attaccano|hanno attaccato|attaccarono|"
    r"atacaron|atacó|atacaram|atacou|griffen|напали на|атаковали|against|contre|contro|contra|gegen|против|ضد)\b", re.I)
# A massacre told by its perpetrators ("soldiers executed 300 civilian men, some suspected Islamist fighters"):
# one-sided, as those killed are no side even when they are called suspects of one.
_EXECUTED = re.compile(r"\b(?:(?:summarily )?executed|massacred|slaughtered|(?:ont |a )?(?:sommairement )?"
                       r"(?:exécuté|massacré)s?|ejecutaron|masacraron|hanno giustiziato|hanno massacrato|"
                       r"massakrierten)\b", re.I)
_VICTIM_FIRST = re.compile(
    r"\b(?:(?:was|were|had been|been) (?:\w+ )?(?:attacked|ambushed|targeted|raided|assaulted|besieged|overrun|killed|"
    r"struck|executed|massacred)(?: [\w ,]{0,80}?)? by|perpetrated by|carried out by|claimed by|attaqu[ée]e?s? par|"
    r"(?:exécuté|massacré)e?s? par|pris(?:e|es)? pour cible par|attaccat[oaie] da|atacad[oa]s? por|angegriffen von|атакован\w* )\b", re.I)
_ON_BY = re.compile(r"\b(?:attack|raid|assault|ambush|offensive|attaque|attacco|ataque|angriff)\s+(?:on|against|contre|"
                    r"contro|contra|sur|auf)\b(?P<victim>.+?)\bby\b(?P<actor>.+)", re.I)
_BETWEEN = re.compile(r"\b(?:between|entre|tra|fra|zwischen|между)\b(?P<a>.+?)\b(?:and|et|e|y|und|и)\b(?P<b>.+)", re.I)
_OPPOSE = re.compile(r"\b(?:oppose|opposent|contrappone|enfrenta|opõe|натравливает)\b(?P<a>.+?)"
                     r"(?:\s|\b)(?:à|aux|au|a|ai|agli|alle|против)\b(?P<b>.+)", re.I)


_BARE_PREPOSITIONS = {"against", "contre", "contro", "contra", "gegen", "против", "ضد"}  # a side against nobody is no attack


@dataclass(frozen=True)
class Found:
    value: object
    where: str  # "lead" or "body"
    sentence: str


def event_prose(raw: RawArticle, cut_off: str = "") -> list[tuple[str, str]]:
    """(where, paragraph) of the lead and the event's own sections, in order, at most MAX_PARAGRAPHS."""
    out = [("lead", p) for p in split_paragraphs(raw.lead)]
    for heading, text in raw.sections:
        if not is_background(heading) and fold(heading).strip() not in BACKGROUND_HEADINGS:
            out.extend(("body", p) for p in split_paragraphs(text))
    out = out[:MAX_PARAGRAPHS]
    if cut_off and out and out[-1][1].rstrip().endswith(cut_off):
        where, last = out[-1]
        kept = _SENTENCE.split(last)[:-1]  # the sentence the file stops in says nothing whole
        out[-1:] = [(where, " ".join(kept))] if kept else []
    return out


def prose_sides(prose: list[tuple[str, str]], place: str = "", dates: DateRange | None = None, *,
                one_sided: bool = False) -> Found | None:
    """Two groups of canonical parties, as the sentence gives them (acting side first); with one_sided, when no
    sentence sets two against each other, the attackers of an attack on no named party and an empty second."""
    best: tuple[int, int, Found] | None = None
    about_mali = one_sided and _about_mali(" ".join(p for _, p in prose[:3]))
    for order, (where, sentence) in enumerate(_sentences(prose)):
        if order >= MAX_SENTENCES:
            break
        groups = _groups(sentence)
        # a one-sided reading ranks low; one that found the target ("the army camp": Mali's) ranks as two-sided
        lone = groups is None and one_sided and (groups := _one_sided(sentence, about_mali)) is not None \
            and not groups[1]
        if not groups:
            continue
        rank = (2 if place and fold(place.split(",")[0]) in fold(sentence) else 0) \
            + (1 if dates and _dated_on(sentence, dates) else 0) \
            + (1 if all(_specific(g) for g in groups if g) else -2) - (10 if lone else 0)
        if best is None or rank > best[0]:
            best = (rank, order, Found(groups, where, sentence))
    if best is None or (best[0] < -5 and one_sided):  # none, or one-sided only: a claim of the attack may name both
        sentences = [sentence for _, sentence in list(_sentences(prose))[:MAX_SENTENCES]]
        claimed = claimed_and_targeted(sentences)
        if claimed is not None:
            return Found(claimed[0], "lead", claimed[1])
    return best[2] if best else None


def malian_forces_unnamed(text: str, named: list[str]) -> bool:
    """The text is about Mali ("in northern Mali", "Malian") and names state forces by a camp word alone ("the army",
    "soldiers", "government forces") while no other state's forces are named."""
    if not _about_mali(text) or any(party_alignment(p, None) == "state" for p in named):
        return False
    return _state_camp_unnamed(text)


_NEIGHBOUR = re.compile(r"\b(?:burkina|burkinabe|burkinab[eè]s?|nigerien(?:ne)?s?|(?:in|au|en|im) niger\b|niger's|"
                        r"mauritani\w*|ouagadougou|niamey)", re.I)


def _about_mali(text: str) -> bool:
    """Mali is named and no neighbour the war spread to is, whose army "the army" could be as well."""
    folded = fold(text)
    return re.search(r"\b(?:mali|malian|malien|malienne|maliens|maliennes|malí|maliano|maliani|malischen?)\b",
                     folded) is not None and _NEIGHBOUR.search(folded) is None


def _state_camp_unnamed(text: str) -> bool:
    """State forces named by a camp word alone ("the army camp", "soldiers", "government forces")."""
    return any(m.camp == "state" and not m.party for m in find_mentions(text))


def prose_date(prose: list[tuple[str, str]], default_year: int | None) -> Found | None:
    """The event's date in the lead, else the body; a month the lead gives made a day by the body's first date
    in that month ("In August 2022" … "On August 7")."""
    found: Found | None = None
    for where, paragraph in prose:
        year = default_year if found is None else int(found.value.start[:4])
        dated = find_lead_date(paragraph, default_year=year)
        if dated is None:
            continue
        if found is None:
            found = Found(dated, where, paragraph)
            if dated.precision == "day":
                return found
        elif dated.precision == "day" and found.value.start <= dated.start <= found.value.end:
            return Found(dated, where, paragraph)
    return found


def news_date(prose: list[tuple[str, str]], published: Publication) -> Found:
    """The day a news copy's story happened: a date its text gives (its own dateline aside), else the day its
    "on Saturday" or "hier" counts back from the publication date, else the publication date itself."""
    own = [(where, without_dateline(p.replace(published.words, " ", 1))) for where, p in prose]
    dated = prose_date(own, published.day.year)
    if dated is not None:
        return dated
    lead = " ".join(s for where, s in list(_sentences(own))[:3] if where == "lead") or \
        " ".join(s for _, s in list(_sentences(own))[:3])
    counted = day_counted_back(lead, published.day)
    if counted is not None:
        return Found(counted[0], "lead", f"{counted[1]!r}, counted back from the publication date "
                                         f"({published.words!r})")
    day = published.day.isoformat()
    return Found(DateRange(day, day, "day"), "publication date", published.words)


def first_dates(raw: RawArticle, prose: list[tuple[str, str]], default_year: int | None) -> list[Found]:
    """The first day-precision date of the lead and of the first section about the event itself (its Battle or
    Attack section, after any Background), to check the infobox against; later sections (aftermath, claims made
    days later) are not."""
    out = []
    for paragraph in [p for where, p in prose if where == "lead"][:2]:
        dated = _day(paragraph, default_year)
        if dated is not None:
            out.append(Found(dated, "lead", paragraph))
            break
    own = next((text for heading, text in raw.sections if not is_background(heading)), "")
    for paragraph in split_paragraphs(own)[:3]:
        dated = _day(paragraph, default_year)
        if dated is not None:
            out.append(Found(dated, "body", paragraph))
            break
    return out


def _day(paragraph: str, default_year: int | None) -> DateRange | None:
    """The day a paragraph's opening gives (where it dates what it tells), None when it gives none."""
    dated = find_lead_date(paragraph[:300], default_year=default_year)
    return dated if dated is not None and dated.precision == "day" else None


def _sentences(prose: list[tuple[str, str]]):
    for where, paragraph in prose:
        for sentence in _SENTENCE.split(paragraph):
            if sentence.strip():
                yield where, sentence.strip()


def _groups(sentence: str) -> list[list[str]] | None:
    """[first group, second group] of the parties a sentence sets against each other."""
    for pattern, victim_first in ((_ON_BY, True), (arabic_sides.LAUNCHED_BY, True), (_VICTIM_FIRST, True),
                                  (_ATTACKER_FIRST, False), (_OPPOSE, False), (_BETWEEN, False)):
        for m in pattern.finditer(sentence):
            groups = _split_at(sentence, m, victim_first)
            if groups:
                return groups
    for shape in (arabic_sides.verb_first_sides, inverted_order.attack_sides, arabic_sides.between_sides,
                  _hands_changed):
        groups = shape(sentence)
        if groups and all(groups):
            return groups
    return None


def _hands_changed(sentence: str) -> list[list[str]] | None:
    """[who took, who lost] a place the sentence says changed hands ("X took control of Kidal after Y withdrew",
    "X drove Y out of Kidal": ingest.control reads the words); who lost may be unnamed."""
    takers: list[str] = []
    losers: list[str] = []
    for taker, loser in takers_and_losers(sentence):
        takers.extend(p for p in _with_support(taker) if p not in takers)
        losers.extend(p for p in _with_support(loser) if p not in losers)
    return [takers, [p for p in losers if p not in takers]] if takers else None


def _one_sided(sentence: str, about_mali: bool = False) -> list[list[str]] | None:
    """[the attackers, []] of a sentence whose attack names no party as its target ("ISGS gunmen attacked the
    village of Tamalat", "a convoy was ambushed by JNIM", "هاجم مسلحو داعش قرية"): a raid on civilians or an unnamed
    post; or the taker of a town taken from no party named ("Malian forces captured the town of Zorbakaye")."""
    for pattern, victim_first in ((_VICTIM_FIRST, True), (_ATTACKER_FIRST, False)):
        m = pattern.search(sentence)
        if m is None or m.group().strip().casefold() in _BARE_PREPOSITIONS:
            continue
        actor = _with_support(sentence[m.end():] if victim_first else sentence[:m.start()])
        target = sentence[:m.start()] if victim_first else sentence[m.end():]
        if actor and not _with_support(target):
            # "JNIM attacked the army camp in Boulkessi": in a text about Mali, a bare "army" is Mali's
            if about_mali and "Mali" not in actor and _state_camp_unnamed(target):
                return [[p for p in actor if p != GENERIC] or actor, ["Mali"]]  # "Jihadists of the JNIM"
            return [actor, []]
    for shape in (arabic_sides.verb_first_sides, inverted_order.attack_sides, _hands_changed):
        groups = shape(sentence)
        if groups and groups[0]:
            return [groups[0], []]
    m = _EXECUTED.search(sentence)
    actor = _with_support(sentence[:m.start()]) if m else []
    return [actor, []] if actor else None


def _split_at(sentence: str, m: re.Match, victim_first: bool) -> list[list[str]] | None:
    """The parties either side of one match of a sentence shape, acting side first."""
    named = m.groupdict()
    if named:
        left, right = (m.group("victim"), m.group("actor")) if "victim" in named else (m.group("a"), m.group("b"))
    else:
        left, right = sentence[:m.start()], sentence[m.end():]
    a, b = _with_support(left), _with_support(right)
    b = [p for p in b if p not in a]
    if not (a and b):
        return None
    return [b, a] if victim_first else [a, b]


def _with_support(text: str) -> list[str]:
    """The parties of one side of a sentence, with those it says supported them ("Mali, supported by France"); the
    camp word goes when a group of the camp is named ("Jihadists of the JNIM": JNIM)."""
    parties = find_parties(_SUPPORT.sub(" ", text))
    named = [p for p in parties if p != GENERIC]
    return named if named and any(party_alignment(p, None) == "jihadist" for p in named) else parties


def _specific(group: list[str]) -> bool:
    return any(p != GENERIC for p in group)


def _dated_on(sentence: str, dates: DateRange) -> bool:
    found = find_lead_date(sentence, default_year=int(dates.start[:4]))
    return found is not None and dates.start <= found.start <= dates.end
