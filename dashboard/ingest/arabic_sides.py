"""Who fought whom as Arabic sentences say it, for evidence.prose_sides. The verb comes before its subject ("هاجم
مسلحو جماعة نصرة الإسلام والمسلمين الجيش المالي": JNIM's gunmen attacked the Malian army), "and" (و) is glued to the
word after it ("بين الجيش المالي ومقاتلي الإطار الاستراتيجي الدائم": between the Malian army and the CSP's fighters),
and an attack names its author before its target ("هجوم شنه تنظيم الدولة الإسلامية على الجيش المالي")."""
from __future__ import annotations

import re

from dashboard.ingest import inverted_order
from dashboard.ingest.mentions import Mention, mentions

# "an attack that X launched on Y", "an ambush that X set for Y": read as evidence's "attack on Y by X".
LAUNCHED_BY = re.compile(r"(?<![\w])(?:هجوم|هجمات|هجوما|كمين|غارة)\S*\s+(?:\S+\s+){0,2}?(?:شنه|شنته|شنها|شنوه|نفذه|"
                         r"نفذته|نفذها|نصبه|نصبته)\s+(?P<actor>.+?)\s+(?:على|ضد)\s+(?P<victim>.+)")
# Verbs of fighting, before the side that fights: "هاجم" attacked, "استهدف" targeted, "اشتبك" clashed, "قصف" shelled.
_FIGHT_VERB_FIRST = re.compile(r"(?<![\w])(?:هاجم|هاجمت|هاجموا|استهدف|استهدفت|استهدفوا|اشتبك|اشتبكت|اشتبكوا|"
                               r"قصف|قصفت|قصفوا|نصب|نصبت|نصبوا)\s+")
_BETWEEN = re.compile(r"(?<![\w])بين\s+")
_AND = re.compile(r"(?<![\w])و")  # alone or glued to the next word
_ONE_HAND = re.compile(r"من\s+جهة(?!\s+أخرى)")  # "بين X من جهة و Y من جهة أخرى": on the one hand … on the other


def verb_first_sides(sentence: str) -> list[list[str]] | None:
    """[the side the verb's subject names, the parties named after it] of "هاجم X Y" (the second may be empty: an
    attack on a village names no party it hit)."""
    for verb in _FIGHT_VERB_FIRST.finditer(sentence):
        sides = inverted_order.sides_after(sentence, verb.end(), inverted_order.ARABIC_LEAD)
        if sides:
            return sides
    return None


def between_sides(sentence: str) -> list[list[str]] | None:
    """The two sides of "بين X و Y", split at the "and" between two parties (or at "من جهة" where the sentence
    says "on the one hand")."""
    for between in _BETWEEN.finditer(sentence):
        rest = sentence[between.end():]
        found = mentions(rest)
        hand = _ONE_HAND.search(rest)
        for k in range(1, len(found)):
            start, end = found[k - 1].end, found[k].start
            if (start <= hand.start() < end) if hand else bool(_AND.search(rest, start, end)):
                first = _parties(found[:k])
                second = [p for p in _parties(found[k:]) if p not in first]
                if first and second:
                    return [first, second]
                break
    return None


def _parties(found: list[Mention]) -> list[str]:
    out: list[str] = []
    for mention in found:
        if mention.party not in out:
            out.append(mention.party)
    return out
