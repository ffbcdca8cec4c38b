"""What kind of infobox value a line is, read from its words, for rows whose label the page lost.

A result names a victory or a stalemate; a casualty line a number and what it counts ("3 погибших 5 раненых");
a strength line a number of men or vehicles, or "unknown"; a belligerent line nothing but party names and flags
("Мали | Ансар Дайн", "• Islamic State in the Greater Sahara").
"""
from __future__ import annotations

import re

from dashboard.casualties.read import names_a_casualty
from dashboard.ingest.mentions import mentions
from dashboard.text.markup import image_names, squeeze, unglue_acronyms, without_images, without_residue

RESULT_WORDS = re.compile(
    r"\b(?:victory|victorious|defeat|stalemate|inconclusive|indecisive|withdrawal|repulsed|ceasefire|"
    r"victoire|défaite|indécis|statu quo|vittoria|sconfitta|indeciso|victoria|derrota|vitória|sieg|niederlage|"
    r"победа|победы|поражение|zwycięstwo|porażka|vítězství|porážka|víťazstvo|zafer|zaferi|yenilgi|seger|nederlag|"
    r"voitto|tappio|перемога|поразка|победа|пораз|pobjeda|poraz|győzelem|győzelme|vereség|victorie|înfrângere|"
    r"victòria|kemenangan|kekalahan|chiến thắng|thất bại|νίκη|ήττα|ניצחון|תבוסה|پیروزی|شکست|انتصار|هزيمة)\b"
    r"|勝利|敗北|승리|패배|胜利|勝利|失败|失敗", re.I)
STRENGTH_WORDS = re.compile(
    r"\b(?:men|soldiers|fighters|militants|troops|vehicles|pick-?ups?|technicals|motorcycles|aircraft|"
    r"hommes|soldats|combattants|véhicules|uomini|soldati|combattenti|veicoli|hombres|soldados|combatientes|"
    r"vehículos|homens|veículos|mann|soldaten|kämpfer|fahrzeuge|человек|бойцов|солдат|военных)\b", re.I)
UNKNOWN_WORDS = re.compile(r"^\W*(?:unknown|inconnu\w*|sconosciut\w*|desconocid\w*|desconhecid\w*|unbekannt|"
                           r"неизвестн\w*)\W*$", re.I)
# The order of an infobox's per-side rows: a row the page lost the label of is of a later kind than the one before.
PER_SIDE_ORDER = ("combatant", "commander", "units", "strength", "casualties")


def value_kind(text: str) -> str | None:
    """"result", "casualties", "strength" or "combatant" for a line that plainly is one; None otherwise."""
    plain = squeeze(without_residue(text))
    if not plain:
        return None
    if RESULT_WORDS.search(plain) and len(plain) < 200:
        return "result"
    if is_party_line(text):
        return "combatant"
    if names_a_casualty(plain):
        return "casualties"
    if (re.search(r"\d", plain) and STRENGTH_WORDS.search(plain)) or all(UNKNOWN_WORDS.match(c) for c in
                                                                         re.split(r"\s*\|\s*|\s{2,}", plain) if c):
        return "strength"
    return None


def is_party_line(text: str) -> bool:
    """True for a line of party names and flags only ("Flag of Mali.svg Mali", "MNLA", "![]()", "Мали | CMA")."""
    cells = [c for c in re.split(r"\s*\|\s*", text) if c.strip()]
    if not cells:
        return False
    flagged = bool(image_names(text)) and not re.search(r"\d", without_images(text))
    named = 0
    for cell in cells:
        plain = unglue_acronyms(squeeze(without_residue(without_images(cell)))).strip(" •*·-–,;:")
        if not plain:
            continue
        found = mentions(plain, prose=False)
        leftover = plain
        for m in reversed(found):
            leftover = leftover[:m.start] + " " + leftover[m.end:]
        leftover_words = [w for w in re.findall(r"[^\W\d_]+", leftover)
                          if w.casefold() not in ("and", "et", "e", "y", "und", "и", "supported", "by", "groups")]
        if not found or len(leftover_words) > 1:
            return False
        named += 1
    return named > 0 or flagged
