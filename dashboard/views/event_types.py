"""What kind of event an article describes (battle, ambush, airstrike…), read from its title and lead.

The war's vocabulary (text.event_words) in the languages its articles come in: the title names the event
("Battle of Anefis", "Tongo Tongo ambush", "Combat de Tessit", "Bitwa o Konnę"); when it does not ("Second Kidal"), the lead's first sentences do
("…clashes broke out between…"). In each text the word that comes first wins; no word of the vocabulary:
"unknown". Computed once per catalogue (catalogue.tables.with_derived) and kept in the store.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from dashboard.distinct import per_value
from dashboard.text.event_words import EVENT_TYPES, first_event_word

UNKNOWN = "unknown"
TYPE_NAMES = (*EVENT_TYPES, UNKNOWN)
TYPE_LABELS = {
    "battle": "Battle", "clash": "Clash", "ambush": "Ambush", "attack": "Attack", "raid": "Raid", "siege": "Siege",
    "airstrike": "Airstrike or drone strike", "bombardment": "Bombardment", "offensive": "Offensive",
    "massacre": "Massacre", "hostage-taking": "Hostage-taking", UNKNOWN: "Unknown type",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
LEAD_SENTENCES = 2  # how much of the lead is read when the title names no type
LEAD_CHARACTERS = 400


def _first_type(text: str) -> str | None:
    """The type named first in the text, or None."""
    return first_event_word(text)


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
