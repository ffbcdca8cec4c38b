"""Synthetic data for the benchmark: events/claims tables and article corpora shaped like the real ones.

The battles they are made from are drawn in synthetic_battles, the articles written in synthetic_articles; the
names callers use from either are importable from here too.
"""
from __future__ import annotations

import random
from pathlib import Path

import pandas as pd

from bench.synthetic_articles import RENDERERS, SHAPES, web_page_article, write_corpus
from bench.synthetic_battles import GAZETTEER, WAR_REGIONS, Battle, battles, infobox, settlements
from dashboard.catalogue import Catalogue, claims_frame, events_frame, problems_frame
from dashboard.model import Claim, Event, make_event_id

__all__ = [
    "GAZETTEER", "RENDERERS", "SHAPES", "WAR_REGIONS", "battles", "claims_table", "event_of", "settlements",
    "synthetic_catalogue", "web_page_article", "write_corpus",
]


def _claims(battle: Battle) -> list[Claim]:
    claims = []
    for index, groups in enumerate(battle.casualties):
        side = "abc"[index] if index < len(battle.sides) else "civilian"
        for claimant, figures in groups:
            for figure, kind, word in figures:
                low, high = _range(figure)
                text = f"{figure} {word}" + (f" (per {claimant})" if claimant else "")
                claims.append(Claim(side, kind, low, high, claimant, text))
    return claims


def _range(figure: str) -> tuple[int | None, int | None]:
    if figure == "dozens":
        return None, None
    if figure.endswith("+"):
        return int(figure[:-1]), None
    low, _, high = figure.partition("–")
    return int(low), int(high or low)


def event_of(battle: Battle, rng: random.Random) -> Event:
    """The events-table row a parsed and geocoded article about this battle gives (with realistic location mix)."""
    source = f"{battle.number:06d}_synthetic.txt"
    start = battle.start.isoformat()
    event = Event(make_event_id(source, battle.title, start), battle.title, "article" if rng.random() < 0.85 else "related",
                  source, start, battle.end.isoformat(), battle.precision, battle.place, battle.settlement.region,
                  sides=battle.sides, commanders=battle.commanders, strengths=battle.strengths, result=battle.result,
                  part_of="Mali War", summary=battle.lead, sections=battle.sections, infobox=infobox(battle),
                  claims=_claims(battle))
    draw = rng.random()
    if draw < 0.05:  # not found in the gazetteer: unlocated, with the region its place text names
        return event
    lat, lon = battle.settlement.latitude, battle.settlement.longitude
    if draw < 0.15:  # "near X": within ~25 km
        event.latitude, event.longitude = lat + rng.uniform(-0.2, 0.2), lon + rng.uniform(-0.2, 0.2)
        event.location_precision, event.location_source = 2, f"gazetteer: near {battle.settlement.name}"
    elif draw < 0.2:  # the article's own coordinate line
        event.latitude, event.longitude = lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.01, 0.01)
        event.location_precision, event.location_source = 1, "article"
    else:
        event.latitude, event.longitude = lat, lon
        event.location_precision, event.location_source = 1, f"gazetteer: {battle.settlement.name}"
    return event


def synthetic_catalogue(n: int, seed: int = 0, gazetteer_path: str | Path = GAZETTEER) -> Catalogue:
    """n events (EVENT_COLUMNS) and their claims (CLAIM_COLUMNS), as the app would read them."""
    rng = random.Random(seed + 1)
    events = [event_of(b, rng) for b in battles(n, seed, gazetteer_path)]
    return Catalogue(events_frame(events), claims_table(events), problems_frame([]))


def claims_table(events: list[Event]) -> pd.DataFrame:
    """CLAIM_COLUMNS with nullable-int low/high (None for "dozens"), as catalogue.read_catalogue returns them."""
    return claims_frame(events)
