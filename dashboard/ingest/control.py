"""Changes of control read from an event's Result field, lead and body: who took, held or left which place, when.

"Malian forces entered and quickly captured the town", "Rebel fighters recaptured the city on May 21",
"Pro-government militias were in control of Anefis by…", "the jihadists abandoned the city in January 2013, and
was captured by the MNLA", "MINUSMA evacuated the camp", "City captured by MNLA and Ansar Dine", "le GATIA
s'empare de Ménaka". Precision first: a statement needs a place (the gazetteer's, a named town, a site or "the
city" with a town before it), a fact (not "to retake", "attempted to"), and who took or left it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from dashboard.ingest import control_hands as hands, control_words as w, inverted_order
from dashboard.ingest.place_phrases import PlaceContext, Placed, Reading, read_prose, site_key
from dashboard.ingest.prose import Dated, Sentence, When
from dashboard.model import ControlChange, Event
from dashboard.parties.mentions import PartyMention, mentioned_parties
from dashboard.places.gazetteer import Gazetteer

TAKEN = ("took", "recaptured")
LEFT = ("abandoned", "evacuated", "withdrew")
ORIGINS = {"result": "infobox", "lead": "lead", "related": "related"}


@dataclass
class _Found:
    """One statement in a sentence, before its place and parties are resolved."""
    change: str
    verb: int  # where its verb starts
    place: w.Phrase | None  # None: the place named just before in the sentence
    holder: w.Phrase | None = None
    previous: w.Phrase | None = None
    before_date: bool = False  # "following the capture of …": it happened by the sentence's date
    named_before: bool = False  # "… seized control": of the place the sentence named before


def read_control(event: Event, gazetteer: Gazetteer | None, reading: Reading | None = None) -> list[ControlChange]:
    """The changes of control an event's text states, in the order it states them (`reading`: the event's prose
    already read by place_phrases.read_prose)."""
    reading = reading or read_prose(event, gazetteer)
    out: list[ControlChange] = []
    for i, dated in enumerate(reading.dated):
        if w.may_state_control(dated.sentence.text):
            actors = _Actors(reading.dated, i)
            out.extend(_merged(list(_changes(event, dated.sentence, dated, reading.places, actors))))
    return out


def takers_and_losers(sentence: str) -> list[tuple[str, str]]:
    """(who took, who lost) of each change of hands one sentence states as a fact, in the words it names them
    ("" where it names none; a place not looked up, "they" not resolved), for the sides of a lead that only says
    that (evidence.prose_sides): "X took control of Kidal after fighters of Y withdrew" -> [("X", "fighters of Y")]."""
    if not w.may_state_control(sentence):
        return []
    out = []
    for found in sorted(_statements(sentence), key=lambda f: f.verb):
        if found.change != "held" and (found.place or found.named_before) and w.is_fact(sentence, found.verb):
            out.append((_named(found.holder), _named(found.previous)))
    return out


def _named(phrase: w.Phrase | None) -> str:
    return "" if phrase is None or w.PRONOUN.match(phrase.text.strip()) else phrase.text


class _Actors:
    """The parties named before: what "They captured Anefis" means by "They" (the first the sentences before name)."""

    def __init__(self, dated: list, index: int) -> None:
        self.dated, self.index = dated, index  # the sentences before dated[index] (not copied: a page may have 50,000)

    def resolve(self, text: str, pronoun: w.Phrase) -> tuple[str, list[PartyMention]] | None:
        earlier = _first_party_group(text[:pronoun.offset], last=True)
        if earlier:
            return earlier
        before = (self.dated[j].sentence.text for j in range(self.index - 1, -1, -1))
        return next((group for sentence in before if (group := _first_party_group(sentence))), None)


def _first_party_group(text: str, last: bool = False) -> tuple[str, list[PartyMention]] | None:
    mentions = mentioned_parties(text)
    if not mentions:
        return None
    pick = max(mentions, key=lambda m: m.start) if last else min(mentions, key=lambda m: m.start)
    start = pick.start
    return w.actor_words(w.Phrase(text[start:], start))


def _changes(event: Event, sentence: Sentence, dated: Dated, places: PlaceContext,
             actors: _Actors) -> Iterator[ControlChange]:
    text = sentence.text
    seen_verbs: set[int] = set()
    last_place: Placed | None = None
    for found in sorted(_statements(text), key=lambda f: f.verb):
        if found.verb in seen_verbs or not w.is_fact(text, found.verb):
            continue
        seen_verbs.add(found.verb)
        place = places.resolve(found.place.text, text, found.place.offset, sentence.position) if found.place \
            else last_place
        if place is None and found.named_before:
            place = _named_before(places, text, found.verb)
        if place is None or not place.name:
            continue
        last_place = place
        holder = _who(text, found.holder, actors)
        previous = _who(text, found.previous, actors)
        if (found.change in TAKEN + ("held",) and not holder[1]) or (found.change in LEFT and not previous[1]):
            continue
        when = _date_of(dated, found, text)
        yield _change(event, sentence, found, place, holder, previous, when, dated)


def _statements(text: str) -> Iterator[_Found]:
    """Every statement of control the sentence's words make, with the phrases each needs (a pattern is tried only
    when the sentence has a word it needs: most sentences have none)."""
    for m in w.finds(w.ACTIVE_TAKE, text):
        verb = m.group("verb").lower()
        change = "recaptured" if verb.startswith(("re", "regain")) and not verb.startswith("reprend le") else "took"
        holder, object_at = w.subject_before(text, m.start()), m.end()
        if holder is None and (after := inverted_order.taker_after(text, m)):  # "Am 14. November eroberten die …"
            holder, object_at = after
        place = w.object_after(text, object_at)
        if place and w.looks_like_place(place.text):
            yield _Found(change, m.start(), place, holder=holder,
                         previous=_from_agent(text, place) or _retreating(text, place))
    yield from _changes_of_hands(text)
    for m in w.finds(w.BARE_CONTROL, text):
        yield _Found("took", m.start(), None, holder=w.subject_before(text, m.start()), named_before=True)
    for m in w.finds(w.PASSIVE_TAKE, text):
        verb = m.group("verb").lower()
        yield _Found("recaptured" if verb.startswith("re") else "took", m.start(), w.place_before(text, m.start()),
                     holder=w.agent_after(text, m.end()))
    for m in w.finds(w.PASSIVE_HELD, text):
        yield _Found("held", m.start(), w.place_before(text, m.start()), holder=w.agent_after(text, m.end()))
    for m in w.finds(w.FELL, text):
        yield _Found("took", m.start(), w.place_before(text, m.start()), holder=w.agent_after(text, m.end()))
    for m in w.finds(w.IN_HANDS, text):
        yield _Found("held", m.start(), w.place_before(text, m.start()), holder=w.agent_after(text, m.end()))
    for m in w.finds(w.IN_CONTROL, text):
        place = w.object_after(text, m.end())
        if place and w.looks_like_place(place.text):
            yield _Found("held", m.start(), place, holder=w.subject_before(text, m.start()))
    for m in w.finds(w.UNDER_CONTROL, text):
        agent = m.group("agent2") or m.group("agent")
        if agent:
            offset = m.start("agent2") if m.group("agent2") else m.start("agent")
            yield _Found("held", m.start(), w.place_before(text, m.start()),
                         holder=w.agent_after(text, offset) or w.Phrase(agent, offset))
    for m in w.finds(w.POSSESSED_CONTROL, text):
        place = w.object_after(text, m.end())
        agent = w.possessor(m.group("agent"))
        if place and w.looks_like_place(place.text) and agent:
            yield _Found("held", m.start("verb"), place, holder=w.Phrase(agent, m.start("agent") + m.group("agent").index(agent)))
    for m in w.finds(w.ALLOW_CONTROL, text):
        place = w.object_after(text, m.end())
        if place and w.looks_like_place(place.text):
            yield _Found("held", m.start("agent"), place, holder=w.Phrase(m.group("agent"), m.start("agent")))
    for m in [*w.finds(w.ABANDON, text), *w.finds(w.WITHDRAWAL, text)]:
        verb = m.group("verb").lower()
        place = w.object_after(text, m.end())
        if not (place and w.looks_like_place(place.text)):
            continue
        change = "evacuated" if verb.startswith(("evacu", "évacu")) else "abandoned" if verb.startswith("abandon") \
            else "withdrew"
        to = _to_agent(text, place)
        yield _Found(change, m.start(), place, previous=w.subject_before(text, m.start()))
        if to is not None:
            yield _Found("took", m.start() + 1, place, holder=to, previous=w.subject_before(text, m.start()))
    for m in w.finds(w.EXPELLED, text):
        place = w.object_after(text, m.end())
        if place and w.looks_like_place(place.text):
            by = text.find(" by ", place.end, place.end + 4)
            yield _Found("withdrew", m.start("verb"), place, previous=w.subject_before(text, m.start()),
                         holder=w.agent_after(text, by + 4) if by >= 0 else None)
    for m in w.finds(w.FAILED_ATTEMPT, text):
        place = w.Phrase(m.group("object").strip(), m.start("object"))
        if w.looks_like_place(place.text):
            chased = m.group("how").lower().replace("  ", " ") in w.EXPELLED_HOW
            yield _Found("held", m.end("how"), place, holder=w.agent_after(text, m.end()),
                         previous=w.subject_before(text, m.start()) if chased else None)
    for m in w.finds(w.NOMINAL, text):
        place = w.Phrase(m.group("object").strip(), m.start("object"))
        if w.looks_like_place(place.text):
            before = text[max(0, m.start() - 30):m.start()].lower()
            yield _Found("recaptured" if m.group("verb").lower() == "recapture" else "took", m.start(), place,
                         holder=w.agent_after(text, m.end()),
                         before_date=any(word in before for word in ("following", "after", "après", "suite à")))


def _changes_of_hands(text: str) -> Iterator[_Found]:
    """The shapes that name who left as another took the place (control_hands): "entered Kidal after the rebels
    fled", "drove the rebels out of Kidal", "سيطر الجيش المالي على كيدال بعد انسحاب …"."""
    for m in hands.ENTERED.finditer(text):
        place = w.object_after(text, m.end())
        previous = place and w.looks_like_place(place.text) and (_from_agent(text, place) or _retreating(text, place))
        if previous:
            yield _Found("took", m.start(), place, holder=w.subject_before(text, m.start()), previous=previous)
    for m in hands.DROVE_OUT.finditer(text):
        place = w.object_after(text, m.end())
        if place and w.looks_like_place(place.text) and mentioned_parties(m.group("who")):
            yield _Found("took", m.start(), place, holder=w.subject_before(text, m.start()),
                         previous=w.Phrase(m.group("who"), m.start("who")))
    for m in hands.VERB_FIRST_TAKE.finditer(text):
        place = w.object_after(text, m.end())
        if place and w.looks_like_place(place.text) and mentioned_parties(m.group("who")):
            yield _Found("recaptured" if m.group("verb").startswith(hands.RETAKE_VERB_FIRST) else "took", m.start(),
                         place, holder=w.Phrase(m.group("who"), m.start("who")),
                         previous=_from_agent(text, place) or _retreating(text, place))


_FROM = re.compile(r"\s*(?:from|aux|a\s+los|من)\s+", re.I)  # "captured Kidal from the CSP", "a pris Kidal aux rebelles"


def _from_agent(text: str, place: w.Phrase) -> w.Phrase | None:
    found = _FROM.match(text, place.end)
    return w.agent_after(text, found.end()) if found else None


def _retreating(text: str, place: w.Phrase) -> w.Phrase | None:
    found = hands.who_left(text, place.end)
    return w.Phrase(*found) if found and mentioned_parties(found[0]) else None


def _to_agent(text: str, place: w.Phrase) -> w.Phrase | None:
    """ "abandoning the town to the rebels": who was left holding it."""
    rest = text[place.end:]
    stripped = rest.lstrip()
    if not stripped.lower().startswith(("to ", "aux ", "à ")):
        return None
    start = place.end + len(rest) - len(stripped) + stripped.index(" ") + 1
    return w.agent_after(text, start)


def _named_before(places: PlaceContext, text: str, pos: int) -> Placed | None:
    """The place named last before pos in the sentence ("…evacuated the camp in Kidal, and the CSP-PSD seized
    control": the camp in Kidal is the subject of the seizure)."""
    named = [placed for offset, _, placed in places.places_in(text[:pos])]
    return named[-1] if named else None


def _who(text: str, phrase: w.Phrase | None, actors: _Actors) -> tuple[str, list[PartyMention]]:
    if phrase is None:
        return "", []
    if w.PRONOUN.match(phrase.text.strip()):
        return actors.resolve(text, phrase) or ("", [])
    return w.actor_words(phrase)


def _date_of(dated: Dated, found: _Found, text: str) -> When | None:
    """The date the statement's own clause gives, else the afterward bound, else the sentence's, else the context's."""
    start, end = _clause(text, found.verb)
    own = [d for d in dated.own if start <= d.offset < end]
    if own:
        pick = min(own, key=lambda d: (d.offset < found.verb, abs(d.offset - found.verb)))
    elif dated.after is not None and start <= dated.after_offset < end:
        return dated.after
    else:
        earlier = [d for d in dated.own if d.offset < found.verb]
        pick = earlier[-1] if earlier else (dated.own[0] if dated.own else dated.inherited)
    if pick is not None and found.before_date:
        return When("", pick.end or pick.start, pick.precision, pick.written, pick.offset)
    return pick


def _clause(text: str, pos: int) -> tuple[int, int]:
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(text)] + [len(text)]
    start = max(b for b in bounds if b <= pos)
    end = min(b for b in bounds if b > pos) if any(b > pos for b in bounds) else len(text)
    return start, end


_CLAUSE_SPLIT = re.compile(r";|,\s+(?:and|but|while|whereas|et|mais)\b|\s+but\s+", re.I)


def _change(event: Event, sentence: Sentence, found: _Found, place: Placed, holder: tuple[str, list[PartyMention]],
            previous: tuple[str, list[PartyMention]], when: When | None, dated: Dated) -> ControlChange:
    background = sentence.role in ("background", "prelude") or (when is None and sentence.role != "result")
    return ControlChange(
        event_id=event.event_id, source_file=event.source_file, origin=ORIGINS.get(sentence.role, "body"),
        section=sentence.section, sentence=sentence.text, change=found.change, place_as_written=place.written,
        place=place.name, site=place.site, date_start=when.start if when else "", date_end=when.end if when else "",
        precision=when.precision if when else "", holder=holder[0], holder_parties=[m.canonical for m in holder[1]],
        previous=previous[0], previous_parties=[m.canonical for m in previous[1]], background=background,
        latitude=place.latitude, longitude=place.longitude, location_precision=place.precision, region=place.region)


def _merged(changes: list[ControlChange]) -> list[ControlChange]:
    """One sentence's statements with its repeats dropped, and "X abandoned the city, and was captured by Y" one
    change: Y took it from X."""
    out: list[ControlChange] = []
    for change in changes:
        same_place = [c for c in out if (c.place, site_key(c.site)) == (change.place, site_key(change.site))]
        twin = next((c for c in same_place if (c.change, c.holder_parties, c.previous_parties) ==
                     (change.change, change.holder_parties, change.previous_parties)), None)
        if twin is not None:
            continue
        same_day = [c for c in same_place if (c.date_start, c.date_end) == (change.date_start, change.date_end)]
        left = next((c for c in same_day if c.change in LEFT and change.change in TAKEN and
                     not set(c.previous_parties) & set(change.holder_parties)), None)
        taken = next((c for c in same_day if c.change in TAKEN and change.change in LEFT and
                      not set(c.holder_parties) & set(change.previous_parties)), None)
        earlier_left = next((c for c in same_place if c.change in LEFT and change.change in TAKEN and not change.previous
                             and not set(c.previous_parties) & set(change.holder_parties)), None)
        if left is not None:
            out[out.index(left)] = replace(change, previous=left.previous, previous_parties=left.previous_parties)
        elif earlier_left is not None:  # "MINUSMA evacuated the camp by October 31, and the CSP seized control not long
            # afterward": two changes, and the second takes the camp from MINUSMA
            out.append(replace(change, previous=earlier_left.previous, previous_parties=earlier_left.previous_parties))
        elif taken is not None and not taken.previous:
            out[out.index(taken)] = replace(taken, previous=change.previous, previous_parties=change.previous_parties)
        elif taken is not None and taken.previous_parties == change.previous_parties:
            continue  # the leaving the taking already told ("took Kidal after the rebels withdrew from the city")
        else:
            out.append(change)
    return out
