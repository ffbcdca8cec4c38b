"""Sides told across two sentences: an attack on a named party in one, the group that claimed it in another ("The
Secretary-General condemns the attack perpetrated today against a MINUSMA camp in Aguelhok. … Al-Qaida in the Islamic
Maghreb claimed responsibility for the attack."; "L'attaque a été revendiquée par le JNIM"). A statement, a press
release or a wire often names the attacker only so."""
from __future__ import annotations

import re
from typing import Iterable

from dashboard.ingest.mentions import find_parties

_CLAIMED = re.compile(
    r"\b(?:claimed (?:responsibility|the attack|the assault|the ambush)|has claimed|have claimed|a revendiqué|"
    r"ont revendiqué|revendique|revendiquent|reivindicó|reivindicaron|ha rivendicato|hanno rivendicato|"
    r"reivindicou|reivindicaram|bekannte sich|bekannten sich|eiste|eisten|تبنى|تبنت)\b", re.I)
_CLAIMED_BY = re.compile(r"\b(?:claimed by|revendiquée?s? par|reivindicad[oa]s? por|rivendicat[oa] da|"
                         r"opgeëist door|reklamiert von)\b", re.I)
_TARGETED = re.compile(
    r"\b(?:attack|assault|ambush|raid|attaque|embuscade|assaut|ataque|emboscada|attacco|agguato|angriff|überfall|"
    r"aanval|هجوم|الهجوم)\w*\s+(?:[\w’'-]+\s+){0,3}?(?:on|against|upon|contre|sur|contra|contro|auf|gegen|op|على)\s+"
    r"(?P<victim>[^.;]+)", re.I)


def claimed_and_targeted(sentences: Iterable[str]) -> tuple[list[list[str]], str] | None:
    """([who claimed the attack, whom it targeted], the two sentences), each side from its own sentence; None unless
    both are named."""
    claimers: list[str] = []
    victims: list[str] = []
    said: dict[str, str] = {}
    for sentence in sentences:
        if not claimers and (claimers := _claimers(sentence)):
            said["claimed"] = sentence
        targeted = None if victims else _TARGETED.search(sentence)
        if targeted and (victims := find_parties(targeted["victim"])):
            said["targeted"] = sentence
    victims = [p for p in victims if p not in claimers]
    if not (claimers and victims):
        return None
    return [claimers, victims], " … ".join(dict.fromkeys([said["targeted"], said["claimed"]]))


def _claimers(sentence: str) -> list[str]:
    by = _CLAIMED_BY.search(sentence)
    if by:
        return find_parties(sentence[by.end():])
    claimed = _CLAIMED.search(sentence)
    return find_parties(sentence[:claimed.start()]) if claimed else []
