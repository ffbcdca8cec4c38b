"""What kind of event an article describes (battle, ambush, airstrike…), read from its title and lead.

The war's vocabulary in English and French: the title names the event ("Battle of Anefis", "Tongo Tongo ambush",
"Combat de Tessit", "Attaque d'Aguel'hoc"); when it does not ("Second Kidal"), the lead's first sentences do
("…clashes broke out between…"). In each text the word that comes first wins; no word of the vocabulary:
"unknown". Computed once per catalogue (catalogue.tables.with_derived) and kept in the store.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.distinct import per_value
from dashboard.text.fold import fold

UNKNOWN = "unknown"
# The types in the order legends and filters list them; each with the folded word stems that name it.
# Stems are matched at the start of a word: "ambush" finds "ambushed", "embuscade" finds "embuscades".
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    # French "Combat de Léré" is what English calls "Battle of Léré".
    "battle": ("battle", "bataille", "combat de", "combat d'", "capture of", "fall of", "recapture", "liberation of",
               "prise de", "chute de", "reprise de", "battaglia", "bitva", "битва", "бой"),
    "clash": ("clash", "skirmish", "fighting", "firefight", "gunfight", "affrontement", "accrochage", "combats",
              "heurts", "escarmouche", "scontr", "combattiment"),
    "ambush": ("ambush", "embuscade", "imboscat", "засад"),
    "attack": ("attack", "assault", "bombing", "suicide", "car bomb", "attaque", "assaut", "attentat",
               "attacco", "нападен", "атак"),
    "raid": ("raid", "incursion", "razzia"),
    "siege": ("siege", "siège", "blockade", "encirclement", "blocus", "encerclement", "assedio", "осад"),
    "airstrike": ("airstrike", "air strike", "air raid", "drone strike", "drone attack", "strike by drone",
                  "frappe aérienne", "frappes aériennes", "frappe de drone", "bombardement aérien", "raid aérien",
                  "attacco aereo", "авиаудар"),
    "bombardment": ("bombardment", "shelling", "mortar", "rocket attack", "rocket fire", "artillery",
                    "bombardement", "obus", "tirs de roquette", "roquettes", "bombardament", "обстрел"),
    "offensive": ("offensive", "counter-offensive", "counteroffensive", "contre-offensive", "campaign",
                  "operation", "opération", "offensiva", "наступлен"),
    "massacre": ("massacre", "killings", "executions", "tuerie", "strage", "резня"),
    "hostage-taking": ("hostage", "kidnapping", "kidnapped", "abduction", "abducted", "otage", "enlèvement",
                       "enlevement", "rapt", "rapimento", "sequestr", "похищен", "заложник"),
}
TYPE_NAMES = (*EVENT_TYPES, UNKNOWN)
TYPE_LABELS = {
    "battle": "Battle", "clash": "Clash", "ambush": "Ambush", "attack": "Attack", "raid": "Raid", "siege": "Siege",
    "airstrike": "Airstrike or drone strike", "bombardment": "Bombardment", "offensive": "Offensive",
    "massacre": "Massacre", "hostage-taking": "Hostage-taking", UNKNOWN: "Unknown type",
}
# Longer stems first, so "air strike" is read before "strike" and "drone attack" before "attack".
_STEMS = sorted(((fold(stem), name) for name, stems in EVENT_TYPES.items() for stem in stems),
                key=lambda pair: -len(pair[0]))
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(stem) for stem, _ in _STEMS) + r")", re.UNICODE)
_TYPE_OF_STEM = dict(_STEMS)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LEAD_SENTENCES = 2  # how much of the lead is read when the title names no type
LEAD_CHARACTERS = 400


def _first_type(text: str) -> str | None:
    """The type named first in the text, or None."""
    match = _PATTERN.search(fold(text))
    return _TYPE_OF_STEM[match.group(1)] if match else None


def lead_of(summary: object) -> str:
    """The first sentences of an article's summary: where an article says what happened."""
    if not isinstance(summary, str):
        return ""
    return " ".join(_SENTENCE_END.split(summary.strip(), maxsplit=LEAD_SENTENCES)[:LEAD_SENTENCES])[:LEAD_CHARACTERS]


def event_type(title: object, summary: object = "") -> str:
    """The event's type from its title, else from its lead; UNKNOWN when neither names one.

    >>> event_type("Battle of Anefis (June 2013)")
    'battle'
    >>> event_type("Amazragane", "On November 8, 2013, clashes broke out between Malian forces and the MNLA.")
    'clash'
    """
    found = _first_type(title) if isinstance(title, str) else None
    return found or _first_type(lead_of(summary)) or UNKNOWN


def event_types(events: pd.DataFrame) -> pd.Series:
    """event_type of every row (from "title" and, when present, "summary"), once per distinct title and lead."""
    titles = events["title"] if "title" in events.columns else pd.Series("", index=events.index)
    by_title = pd.Series(per_value(titles, lambda t: _first_type(t) if isinstance(t, str) else None) if len(titles)
                         else np.array([], dtype=object), index=events.index, dtype=object)
    unread = by_title.isna()
    if unread.any() and "summary" in events.columns:
        leads = events.loc[unread, "summary"]
        by_title[unread] = per_value(leads, lambda s: _first_type(lead_of(s)))
    return by_title.fillna(UNKNOWN).astype("string")
