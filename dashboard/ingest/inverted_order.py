"""A verb before its subject, for ingest.control and evidence: Arabic puts it there always ("هاجم مسلحو جماعة نصرة
الإسلام والمسلمين الجيش المالي": JNIM's gunmen attacked the Malian army), German, Dutch and the Nordic languages after an
opening date or adverb, the finite verb second ("Am 21. Mai 2014 griffen Kämpfer der MNLA die malische Armee in Kidal an", "Op 14
november 2023 heroverde het Malinese leger de stad Kidal"). One shape: the verb, then its subject (the parties
right after it, joined by "and"), then its object; a separable verb's particle ends the clause ("griffen … an",
"vielen … aan")."""
from __future__ import annotations

import re

from dashboard.ingest import control_languages as languages
from dashboard.ingest.control_words import Phrase
from dashboard.ingest.mentions import find_parties
from dashboard.parties.mentions import find_mentions

_ARTICLE = r"(?:der|die|das|den|dem|des|de|het|een|ein|eine|einer)"
# What may stand between two parties of one subject: "and" (Arabic's glued to the next word) and one word for their
# men or an article ("الجيش المالي ومجموعة فاغنر", "die malische Armee und die Wagner-Gruppe"), or "of" ("die
# Rebellen der MNLA", "de rebellen van het CSP").
_JOINED = re.compile(rf"\s*,?\s*(?:و\s*|(?:und|sowie|en|och|og)\s+)(?:\S+\s+)?|\s+(?:der|des|von|van)\s+(?:{_ARTICLE}\s+)?",
                     re.I)
# What a subject may open with before its party's name: any two words in Arabic ("مسلحون من", "مقاتلو"); in German
# and Dutch an article, or the men of a party ("Kämpfer der", "strijders van de"), not "sie die" (they … the).
ARABIC_LEAD = re.compile(r"\s*(?:\S+\s+){0,2}")
GERMAN_DUTCH_LEAD = re.compile(
    rf"\s*(?:{_ARTICLE}\s+)?(?:(?:[\w-]+\s+)?[\w-]+\s+(?:der|des|von|van|uit)\s+(?:{_ARTICLE}\s+)?)?", re.I)
# What stands before a German or Dutch verb that comes before its subject: a time or a circumstance ("Am 14. November
# 2023", "Op 10 januari 2013", "Bei Kämpfen um Kidal", "Dann", "Daarna"), never a party (then it is the subject).
_OPENER = re.compile(
    r"\s*(?:(?:am|im|an|in|um|bei|beim|nach|seit|vom|während|gegen|anfang|ende|mitte|op|bij|na|tijdens|sinds|rond|"
    r"omstreeks|begin|eind|medio|den|efter|under|etter)\s+[^,;:]{1,60}?|dann|daraufhin|danach|anschließend|später|schließlich|kurz\s+darauf|"
    r"daarna|toen|vervolgens|later|uiteindelijk|kort\s+daarna|nadien)\s*,?"
    r"(?:\s*(?:dann|daraufhin|danach|daarna|toen|vervolgens))?\s*", re.I)
_CLAUSE_END = r"(?=\s*(?:[,.;:]|$|\s(?:und|en|nachdem|nadat|wobei|waarbij|bevor|voordat)\s))"
# German and Dutch verbs of attacking, the separable ones with their particle at the clause's end.
_GERMAN_DUTCH_FIGHT = re.compile(
    rf"(?<![\w-])(?:(?:griffen|griff|greifen|greift)(?=[^,.;]{{1,120}}?\s+an{_CLAUSE_END})|"
    rf"(?:vielen|viel|vallen|valt)(?=[^,.;]{{1,120}}?\s+aan{_CLAUSE_END})|"
    r"überfielen|überfiel|attackierten|attackierte|beschossen|bombardierten|bombardierte|bekämpften|"
    r"overvielen|overviel|beschoten|beschoot|bestookten|bestookte|bombardeerden|bombardeerde)\s+", re.I)
_VERB_SECOND_TAKE = re.compile(languages.VERB_SECOND_TAKE, re.I)
_PARTICLE = re.compile(rf"\s+(?:an|aan){_CLAUSE_END}", re.I)


def subject_end(text: str, start: int, lead: re.Pattern) -> int | None:
    """Where the subject that opens text[start:] ends (what follows a verb placed before its subject): after the
    first party named there, past what `lead` lets stand before it, and the parties joined to it by "and"."""
    found = [m for m in find_mentions(text[start:]) if m.party or m.camp]
    if not found or not lead.fullmatch(text, start, start + found[0].start):
        return None
    k = 1
    while k < len(found) and _JOINED.fullmatch(text, start + found[k - 1].end, start + found[k].start):
        k += 1
    return start + found[k - 1].end


def sides_after(text: str, start: int, lead: re.Pattern, end: int | None = None) -> list[list[str]] | None:
    """[the parties of the subject that opens text[start:end], the parties named after it] (the second may be
    empty: an attack on a village names no party it hit)."""
    end = len(text) if end is None else end
    stop = subject_end(text[:end], start, lead)
    if stop is None:
        return None
    subject = find_parties(text[start:stop])
    return [subject, [p for p in find_parties(text[stop:end]) if p not in subject]] if subject else None


def opens_with_adverbial(text: str, verb_start: int) -> bool:
    """Whether what stands before a German or Dutch verb is a time or circumstance, so that its subject follows it."""
    before = text[:verb_start]
    return bool(_OPENER.fullmatch(before)) and not find_mentions(before)


def taker_after(text: str, verb: re.Match) -> tuple[Phrase, int] | None:
    """Who took a place, and where the place's words start, in "Am 14. November 2023 eroberten die malische Armee
    und die Wagner-Gruppe die Stadt Kidal": the subject after a German or Dutch verb of taking that follows an
    opening date ("namen het leger … de controle over" has it inside the verb's words)."""
    if not _VERB_SECOND_TAKE.match(text, verb.start()) or not opens_with_adverbial(text, verb.start()):
        return None
    start = verb.start() + len(verb.group("verb").split()[0])
    stop = subject_end(text, start, GERMAN_DUTCH_LEAD)
    if stop is None:
        return None
    words = text[start:stop].strip()
    return Phrase(words, text.index(words, start)), max(stop, verb.end())


def attack_sides(sentence: str) -> list[list[str]] | None:
    """[attackers, the parties attacked] of "Am 21. Mai 2014 griffen Kämpfer der MNLA die malische Armee in Kidal
    an" and "Op 10 januari 2013 vielen de islamisten de stad Konna aan" (the second empty: a town is no party)."""
    for verb in _GERMAN_DUTCH_FIGHT.finditer(sentence):
        if opens_with_adverbial(sentence, verb.start()):
            particle = _PARTICLE.search(sentence, verb.end())
            clause_end = re.search(r"[,.;]|$", sentence[verb.end():]).start() + verb.end()
            end = particle.start() if particle and particle.start() <= clause_end else clause_end
            return sides_after(sentence, verb.end(), GERMAN_DUTCH_LEAD, end)
    return None
