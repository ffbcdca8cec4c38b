"""The linked-events part of the detail panel, as plain data: the dataset events likely the same as an article's
event (or the article events a dataset event is linked to), their figures beside the articles' claims, and the
gaps ("not in UCDP GED") when a dataset was read and nothing in it matched.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.text.when import when_text
from dashboard.views.detail import figure_text, place_text
from dashboard.views.filters import GAPS, KINDS, SOURCES

SIDE_NAMES = {"a": "side A", "b": "side B", "c": "side C", "civilian": "civilians", "unknown": "side unknown",
              "all": "all sides"}
# A dataset's own codes, in their codebooks' words (shown beside the code).
CODE_WORDS = {
    "type_of_violence": {"1": "state-based conflict", "2": "non-state conflict", "3": "one-sided violence"},
    "date_prec": {"1": "exact date", "2": "within 2–6 days", "3": "within a week", "4": "within a month",
                  "5": "within a year"},
    "where_prec": {"1": "exact place", "2": "within ~25 km", "3": "second-order division", "4": "first-order division",
                   "5": "larger area", "6": "country", "7": "international waters or air"},
    "time_precision": {"1": "the day", "2": "the week", "3": "the month"},
    "geo_precision": {"1": "the place itself", "2": "near the place", "3": "a larger region"},
    "event_clarity": {"1": "clear", "2": "summary of several events"},
}


@dataclass
class LinkedEvent:
    """One event on the other side of a link, as the panel shows it."""
    event_id: str
    source: str  # "UCDP GED", "ACLED", or "articles"
    title: str
    dates: str
    place: str  # "Anefis town (exact place)"
    sides: list[str]  # "Side A: Government of Mali (Mali)"
    deaths: str  # "UCDP GED coded 12 deaths (low 10, high 30)"; "" for an article event
    days_apart: int
    distance_km: float
    shared_parties: str


@dataclass
class LinkedDetail:
    linked: list[LinkedEvent] = field(default_factory=list)
    figures: pd.DataFrame = field(default_factory=pd.DataFrame)  # per side: the articles' claims, each dataset's figure
    gaps: list[str] = field(default_factory=list)  # "not in UCDP GED" for each dataset read with no match
    coded: dict[str, str] = field(default_factory=dict)  # a dataset event's own codes, in words


def linked_detail(event_id: str, events: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame,
                  links: pd.DataFrame | None, infobox: Any = None) -> LinkedDetail:
    """What the panel shows about an event's links; empty when no dataset was read."""
    if links is None:
        return LinkedDetail()
    rows = events[events["event_id"] == event_id]
    if rows.empty:
        return LinkedDetail()
    kind = rows.iloc[0]["kind"]
    is_article = kind in KINDS
    mine = links[links["event_id" if is_article else "dataset_event_id"] == event_id]
    others = mine["dataset_event_id" if is_article else "event_id"].tolist()
    linked = [_linked(other, link, events, claims, parties) for other, (_, link) in zip(others, mine.iterrows())]
    read = [k for k in GAPS if (events["kind"] == k).any()] if is_article else []
    gaps = [GAPS[k] for k in read if not (mine["dataset"] == k).any()]
    own_claims = claims[claims["event_id"].isin([event_id, *others])]
    figures = _figures(event_id, is_article, others, own_claims, events) if others else pd.DataFrame()
    return LinkedDetail(linked, figures, gaps, {} if is_article else _coded(infobox))


def _linked(other: str, link: pd.Series, events: pd.DataFrame, claims: pd.DataFrame,
            parties: pd.DataFrame) -> LinkedEvent:
    row = events[events["event_id"] == other].iloc[0]
    kind = row["kind"]
    source = SOURCES.get(kind, "articles") if kind not in KINDS else "articles"
    own = parties[parties["event_id"] == other].sort_values(["side", "position"], kind="stable")
    sides = []
    for letter, group in own.groupby("side", sort=True):
        names = [p if c == p else f"{p} ({c})" for p, c in zip(group["party"], group["canonical"])]
        sides.append(f"Side {letter.upper()}: {'; '.join(names)}")
    located = pd.notna(row.get("latitude")) and pd.notna(row.get("longitude"))
    return LinkedEvent(
        event_id=other, source=source, title=str(row.get("title") or ""),
        dates=when_text(row.get("start_date"), row.get("end_date"), row.get("date_precision")),
        place=place_text(row.get("place"), row.get("location_precision"), row.get("location_source"),
                         row.get("region"), located=located),
        sides=sides, deaths=deaths_text(source, claims[claims["event_id"] == other], row.get("best_killed"))
        if kind not in KINDS else "",
        days_apart=int(link["days_apart"]), distance_km=float(link["distance_km"]),
        shared_parties=str(link["shared_parties"] or ""))


def deaths_text(source: str, claims: pd.DataFrame, best: Any) -> str:
    """"UCDP GED coded 12 deaths (low 10, high 30)", "ACLED coded 3 fatalities"."""
    total = claims[(claims["side"] == "all") & (claims["kind"] == "killed")]
    if total.empty:
        return f"{source} coded no figure of deaths"
    low, high = total.iloc[0]["low"], total.iloc[0]["high"]
    best_text = "?" if best is None or pd.isna(best) else f"{int(best)}"
    if pd.notna(low) and pd.notna(high) and (low, high) != (best, best) and low != high:
        return f"{source} coded {best_text} deaths (low {int(low)}, high {int(high)})"
    word = "fatalities" if source == "ACLED" else "deaths"
    return f"{source} coded {best_text if best_text != '?' else figure_text(low, high)} {word}"


def _claim_cell(group: pd.DataFrame) -> str:
    """ "2 per MNLA; 30 per Mali": every figure of one side, with who claimed it."""
    parts = [f"{figure_text(lo, hi)} per {by}" if isinstance(by, str) and by else figure_text(lo, hi)
             for lo, hi, by in zip(group["low"], group["high"], group["claimed_by"])]
    return "; ".join(dict.fromkeys(parts))


def _figures(event_id: str, is_article: bool, others: list[str], claims: pd.DataFrame,
             events: pd.DataFrame) -> pd.DataFrame:
    """Deaths per side, side by side: the articles' claims (each with its claimant) and each dataset event's."""
    killed = claims[claims["kind"] == "killed"]
    articles = [event_id] if is_article else others
    datasets = others if is_article else [event_id]
    columns = {"side": []}
    order = [s for s in SIDE_NAMES if s in set(killed["side"])]
    for side in order:
        columns["side"].append(SIDE_NAMES[side])
    for article in articles:
        label = "the articles" if len(articles) == 1 else f"article {article}"
        mine = killed[killed["event_id"] == article]
        columns[label] = [_claim_cell(mine[mine["side"] == side]) for side in order]
    for other in datasets:
        mine = killed[killed["event_id"] == other]
        label = f"{SOURCES.get(str(events.loc[events['event_id'] == other, 'kind'].iloc[0]), '')} {other}".strip()
        columns[label] = [_dataset_cell(mine[mine["side"] == side]) for side in order]
    return pd.DataFrame(columns)


def _dataset_cell(group: pd.DataFrame) -> str:
    """A dataset's own figure for one side: the number, or for all sides its own words ("best 12 (low 10, high 30)")."""
    if group.empty:
        return ""
    first = group.iloc[0]
    return str(first["text"]) if first["side"] == "all" else figure_text(first["low"], first["high"])


def _coded(infobox: Any) -> dict[str, str]:
    """A dataset event's own coded fields (its infobox), each code with its meaning where we know it."""
    try:
        fields = infobox if isinstance(infobox, dict) else \
            json.loads(infobox) if isinstance(infobox, str) and infobox.strip() else {}
    except ValueError:
        return {}
    if not isinstance(fields, dict):
        return {}
    return {str(k): f"{v} ({CODE_WORDS[k][str(v)]})" if k in CODE_WORDS and str(v) in CODE_WORDS[k] else str(v)
            for k, v in fields.items()}
