"""Casualty claims from the article's own sentences (lead and body), with who states each, when, and the sentence.

Each sentence of the lead and of every section but Background is read in order (casualties.sentences); its speaker
and the part they state come from casualties.claimants, its figures from casualties.figures. A sentence that names
no speaker takes the one its footnote's reference title names ("Mali says 50 soldiers killed…", per Reuters). A
later figure of the same claimant (or of the same party, when the sentence says it revised the toll) for the same
side and kind marks the earlier one as revised; both are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Sequence

from dashboard.casualties.claimants import (REVISION, SPEECH_VERB, Attribution, Claimant, Speakers, attribution, organisation,
                                          statements)
from dashboard.casualties.figures import Figure, read_figures
from dashboard.casualties.sentences import Sentence, article_paragraphs, paragraph_sentences
from dashboard.casualties.vocabulary import tells_loss
from dashboard.text.dates import parse_date_range
from dashboard.text.references import speaker_of_title
from dashboard.model import SIDE_LETTERS, Claim, DateError, Reference
from dashboard.parties.alignment import event_year
from dashboard.parties.mentions import Mention, find_mentions, side_of_mention
from dashboard.text.markup import squeeze


_LEADING_YEAR = re.compile(r"^(?:in|on|by|during|since|en|le|au)\b[^,]{0,40}?\b(?P<year>1[89]\d\d|20\d\d)\b", re.I)


def body_claims(lead: str, sections: list[tuple[str, str]], sides: Sequence[Sequence[str]], start_date: str,
                commanders: Sequence[Sequence[str]] = (), references: Sequence[Reference] = ()) -> list[Claim]:
    """Every claim the lead and body state, in the article's order, with local ids "b1", "b2"… (part_of and
    revised_by refer to them)."""
    year = event_year(start_date)
    speakers = Speakers()
    for index, names in enumerate(commanders):
        party = sides[index][0] if index < len(sides) and sides[index] else ""
        for name in names:
            bare = re.sub(r"\s*\([^)]*\)$", "", name).strip()
            if len(bare.split()) > 1:
                speakers.people.setdefault(bare, organisation(party) or party)
    by_number = {str(r.number): r for r in references}
    read: list[Read] = []
    for origin, heading, paragraph in article_paragraphs(lead, sections):
        speakers.learn(paragraph)
        if not tells_loss(paragraph):
            continue  # most of a long article: nothing is lost in it, so it is not read sentence by sentence
        read.extend(_paragraph_claims(paragraph_sentences(origin, heading, paragraph), speakers, sides, year, by_number,
                                      len(read)))
    mark_revisions(read)
    return [r.claim for r in read]


def _paragraph_claims(sentences, speakers: Speakers, sides: Sequence[Sequence[str]], year: int | None,
                      by_number: dict[str, Reference], numbered: int) -> list[Read]:
    read: list[Read] = []
    for sentence in sentences:
        if not tells_loss(sentence.text):
            if SPEECH_VERB.search(sentence.text):  # "ISGS claimed responsibility…": who "They" are next
                heard = attribution(sentence.text, speakers).claimant
                if heard is not None:
                    speakers.heard(heard)
            continue
        if _about_another_year(sentence.text, year):
            continue
        before: Claimant | None = None
        for start, end in statements(sentence.text):
            said = attribution(sentence.text[start:end], speakers)
            if said.claimant is None and before is not None and said.said:
                said = replace(said, claimant=before)  # "…, and added that five were wounded": the same speaker
            found = _sentence_claims(sentence, said, sides, year, by_number, numbered + len(read),
                                     read[-1].figure if read else None, start)
            if said.claimant is not None and found:
                speakers.heard(said.claimant)
            before = said.claimant or before
            read.extend(found)
    return read


@dataclass(frozen=True)
class Read:
    """A claim as read from its sentence, with what the sentence says about earlier figures."""
    claim: Claim
    revises: bool  # the sentence says the toll was revised ("revised the toll", "In the revised statement")
    additive: bool  # "five more": on top of an earlier figure, not instead of it
    figure: Figure  # as the sentence gave it (the next sentence's "twenty-eight were captured" counts the same)


def _about_another_year(text: str, year: int | None) -> bool:
    """A sentence that opens on another year ("In 2013, …", "On 30 March 2012, …") tells another event."""
    match = _LEADING_YEAR.match(text)
    return bool(year and match and int(match["year"]) < year)


def _sentence_claims(sentence: Sentence, said: Attribution, sides: Sequence[Sequence[str]], year: int | None,
                     references: dict[str, Reference], numbered: int, antecedent: Figure | None,
                     offset: int = 0) -> list[Read]:
    """The claims of one statement of a sentence (offset: where it starts in the sentence)."""
    if said.denied:
        return []
    claimant, note = said.claimant, _footnote(sentence)
    reference = references.get(note)
    if claimant is None and reference is not None:
        claimant = _from_reference(reference)

    def side_of(mention: Mention) -> str | None:
        index = side_of_mention(mention, sides, year)
        return SIDE_LETTERS[index] if index is not None and index < len(SIDE_LETTERS) else None

    own = _claimant_side(claimant, side_of)
    if claimant is not None and not claimant.org and own is not None and own in SIDE_LETTERS[:len(sides)]:
        side = sides[SIDE_LETTERS.index(own)]
        claimant = replace(claimant, org=organisation(side[0]) or side[0] if side else "")
    content = sentence.text[offset + said.content_start:offset + said.content_end]
    figures = read_figures(content, side_of, own, states=said.claimant is not None, two_sides=len(sides) == 2,
                           antecedent=antecedent)
    stated_on = _stated_on(said.said, year)
    revises = REVISION.search(said.said) is not None
    return [Read(_claim(figure, numbered + i + 1, "" if figure.part_of is None else f"b{numbered + figure.part_of + 1}",
                        content, sentence, claimant, note, reference, stated_on), revises, figure.additive, figure)
            for i, figure in enumerate(figures)]


def _claim(figure: Figure, number: int, part_of: str, content: str, sentence: Sentence, claimant: Claimant | None,
           note: str, reference: Reference | None, stated_on: str) -> Claim:
    return Claim(
        side=figure.side, kind=figure.kind, low=figure.low, high=figure.high,
        claimed_by=claimant.name if claimant else "", text=squeeze(content[figure.start:figure.end]),
        claimant_org=claimant.org if claimant else "", words=figure.words, origin=sentence.origin,
        section=sentence.section, sentence=sentence.text, stated_on=stated_on, claim_id=f"b{number}",
        part_of=part_of, footnote=note, reference=reference.title if reference else "",
        reference_publisher=reference.publisher if reference else "", reference_url=reference.url if reference else "",
    )


def _footnote(sentence: Sentence) -> str:
    """The reference a sentence cites: the marker after it, else the first inside it (numbered ones only)."""
    for note in (*sentence.footnotes, *(n for _, n in sentence.inner_notes)):
        if note.isdigit():
            return note
    return ""


def _from_reference(reference: Reference) -> Claimant | None:
    who = speaker_of_title(reference.title)
    if not who:
        return None
    who = re.sub(r"^(?:the|le|la|les|l['’])\s*", "", who, flags=re.I)
    org = organisation(who) or who
    name = org if organisation(who) and len(who.split()) == 1 else who
    return Claimant(f"{name} (per {reference.publisher})" if reference.publisher else name, org)


def _claimant_side(claimant: Claimant | None, side_of) -> str | None:
    """The side the claimant speaks for: its party's, or the side its camp word names ("the army": the state's)."""
    if claimant is None:
        return None
    if claimant.org:
        mentions = find_mentions(claimant.org)
        return side_of(mentions[0]) if mentions else None
    return side_of(Mention(0, 0, "", claimant.camp)) if claimant.camp else None


def _stated_on(said: str, year: int | None) -> str:
    """The ISO day of the statement when the words that introduce it give one ("In a statement on June 6, …")."""
    if not re.search(r"\d", said):
        return ""
    try:
        found = parse_date_range(said, default_year=year)
    except DateError:
        return ""
    return found.start if found.precision == "day" else ""


def mark_revisions(read: list[Read]) -> None:
    """A later figure of the same claimant for the same side and kind revises the earlier one (also one of the same
    party when its sentence says it revised the toll); figures "more" than one before, and parts, revise nothing."""
    claims = [r.claim for r in read]
    for later_index, (later, revises, additive) in enumerate((r.claim, r.revises, r.additive) for r in read):
        if later.part_of or additive or not (later.claimed_by or later.claimant_org):
            continue
        for earlier in reversed(claims[:later_index]):
            if earlier.part_of or earlier.revised_by or (earlier.side, earlier.kind) != (later.side, later.kind) \
                    or later.side == "unknown":  # two figures of sides the text does not say need not be one count
                continue
            if earlier.sentence == later.sentence or (earlier.low, earlier.high) == (later.low, later.high):
                continue
            same = earlier.claimed_by and earlier.claimed_by == later.claimed_by
            same_party = revises and earlier.claimant_org and earlier.claimant_org == later.claimant_org
            if same or same_party:
                earlier.revised_by = later.claim_id
                break
