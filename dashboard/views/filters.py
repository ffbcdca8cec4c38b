"""Filters over the events: date range, faction (with coalitions), region, kind, event type, the search box, source
(the articles or a dataset) and the gaps between them (article events no dataset event is linked to).

Filters run over tables made ready once per catalogue (views.prepared): the events with their helper columns
and the parties table tied to their rows, so a filter is only vectorised comparisons, fast on 100k events.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np
import pandas as pd

from dashboard.parties import COALITIONS, PARTIES, coalition_of_choice, expand_faction
from dashboard.text.fold import name_key
from dashboard.views.prepared import is_prepared, prepare_events, prepare_parties
from dashboard.views.search import search_mask

KINDS = ("article", "related")
# Where an event comes from: the articles (KINDS), or a dataset (its kind, datasets.DATASET_KINDS).
ARTICLES = "articles"
SOURCES = {ARTICLES: "articles", "ucdp": "UCDP GED", "acled": "ACLED"}
# A gap filter keeps the article events that no event of that dataset is linked to.
GAPS = {"ucdp": "not in UCDP GED", "acled": "no ACLED event"}
KIND_LABELS = {"article": "its own article", "related": "a related-article summary"}  # where an event comes from


class FilterError(ValueError):
    """A filter value cannot be used (malformed date, start after end)."""


def _as_timestamp(value: Any, name: str) -> pd.Timestamp | None:
    """A filter bound as a day: a date, datetime, Timestamp or YYYY-MM-DD text; None or "" for no bound."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        stamp = pd.Timestamp(dt.date.fromisoformat(value.strip()) if isinstance(value, str) else value)
    except (ValueError, TypeError) as error:
        raise FilterError(f"{name} date {value!r} is not a date (expected YYYY-MM-DD)") from error
    if pd.isna(stamp):
        return None
    return (stamp.tz_localize(None) if stamp.tzinfo else stamp).normalize()


def _choice_rows(parties: pd.DataFrame, choice: str) -> np.ndarray:
    """Which party rows a faction choice matches: its parties, and a coalition's members in the years they
    belonged while on the coalition's side in that event."""
    coalition = coalition_of_choice(choice)
    if coalition is None:
        return _flags(parties["canonical"].isin(expand_faction(choice)))
    hit = _flags(parties["canonical"].eq(coalition.name))
    on_side = _flags(parties["alignment"].eq(coalition.alignment))
    by_years: dict[tuple[int | None, int | None], list[str]] = {}
    for member in coalition.members:
        by_years.setdefault((member.first_year, member.last_year), []).append(member.party)
    years = parties["_year"]
    for (first, last), members in by_years.items():
        member_hit = _flags(parties["canonical"].isin(members)) & on_side
        if first is not None:
            member_hit &= _flags((years >= first).fillna(True))
        if last is not None:
            member_hit &= _flags((years <= last).fillna(True))
        hit |= member_hit
    return hit


def _flags(mask: pd.Series) -> np.ndarray:
    """A boolean Series as a writable numpy array (Arrow-backed columns give read-only ones)."""
    return np.array(mask.to_numpy(dtype=bool, na_value=False), dtype=bool)


def faction_mask(prepared: pd.DataFrame, parties: pd.DataFrame, choices: Iterable[str]) -> pd.Series:
    """Rows where any side holds a party in any chosen faction; `parties` as prepare_parties gives them."""
    rows = np.zeros(len(prepared), dtype=bool)
    for choice in choices:
        if isinstance(choice, str) and choice.strip():
            rows[parties["_at"].to_numpy()[_choice_rows(parties, choice)]] = True
    return pd.Series(rows, index=prepared.index)


def filter_events(events: pd.DataFrame, *, parties: pd.DataFrame | None = None, start: Any = None, end: Any = None,
                  factions: Iterable[str] = (), regions: Iterable[str] = (), kinds: Iterable[str] = (),
                  event_types: Iterable[str] = (), query: str = "", sources: Iterable[str] = (),
                  gaps: Iterable[str] = ()) -> pd.DataFrame:
    """Events overlapping [start, end] that involve any chosen faction, in any chosen region, kind, event type and
    source, matching the search box's words (views.search), and with no event of a chosen gap's dataset linked.

    Empty choices do not filter. Returns prepared rows ordered by (start_date, event_id). `parties` is the
    catalogue's parties table (prepared or not); without it, it is derived from the side columns.
    """
    prepared = events if is_prepared(events) else prepare_events(events)
    return selected_rows(prepared, filter_mask(prepared, parties=parties, start=start, end=end, factions=factions,
                                               regions=regions, kinds=kinds, event_types=event_types, query=query,
                                               sources=sources, gaps=gaps))


def filter_mask(prepared: pd.DataFrame, *, parties: pd.DataFrame | None = None, start: Any = None, end: Any = None,
                factions: Iterable[str] = (), regions: Iterable[str] = (), kinds: Iterable[str] = (),
                event_types: Iterable[str] = (), query: str = "", sources: Iterable[str] = (),
                gaps: Iterable[str] = ()) -> pd.Series:
    """Which rows of prepared events filter_events keeps (counting them is cheaper than copying them out)."""
    low, high = _as_timestamp(start, "start"), _as_timestamp(end, "end")
    if low is not None and high is not None and low > high:
        raise FilterError(f"start {low.date()} is after end {high.date()}")
    mask = pd.Series(True, index=prepared.index)
    if low is not None:
        mask &= (prepared["_end"] >= low).fillna(False)
    if high is not None:
        mask &= (prepared["_start"] <= high).fillna(False)
    factions, regions, kinds, event_types = list(factions), list(regions), list(kinds), list(event_types)
    if (factions or (query and query.strip())) and (parties is None or "_at" not in parties.columns):
        parties = prepare_parties(parties, prepared)
    if factions:
        mask &= faction_mask(prepared, parties, factions)
    if regions:
        mask &= prepared["_region"].isin({name_key(r) for r in regions})
    if kinds:
        mask &= prepared["kind"].isin(kinds)
    if event_types:
        mask &= prepared["event_type"].isin(event_types).fillna(False).astype(bool)
    if query and query.strip():
        mask &= search_mask(prepared, parties, query)
    sources, gaps = list(sources), list(gaps)
    if sources:
        mask &= prepared["kind"].isin([k for s in sources for k in (KINDS if s == ARTICLES else (s,))])
    if gaps:
        mask &= gap_mask(prepared, gaps)
    return mask


def gap_mask(prepared: pd.DataFrame, gaps: Iterable[str]) -> pd.Series:
    """Article events that no event of any of these datasets is linked to (every article event when no links
    were made: then nothing is linked)."""
    mask = _flags(prepared["kind"].isin(KINDS))
    for kind in gaps:
        column = f"linked_{kind}"
        if column in prepared.columns:
            mask &= prepared[column].to_numpy() == 0
    return pd.Series(mask, index=prepared.index)


def selected_rows(prepared: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """The rows a filter_mask keeps, in (start_date, event_id) order."""
    rows = prepared if mask.all() else prepared[mask]
    if not rows["_order"].is_monotonic_increasing:  # prepared rows usually are in order; sorting 100k is slow
        rows = rows.sort_values("_order", kind="stable")
    return rows.reset_index(drop=True)


def faction_options(parties: pd.DataFrame) -> list[str]:
    """Choices for a faction filter: coalitions with a member present, then every canonical party present."""
    present = set(parties["canonical"].dropna().unique())
    coalitions = [c.name for c in COALITIONS if expand_faction(c.name) & present]
    return coalitions + sorted(present - set(coalitions), key=lambda n: (name_key(n), n))


SHORT_ALIAS = 14  # aliases up to this long are shown beside a faction's name (the long ones are spelled-out names)
_ALIASES: dict[str, tuple[str, ...]] = {}
for _group in (*PARTIES, *COALITIONS):  # a coalition named in articles is a party too: both lists of names
    _ALIASES[_group.name] = _ALIASES.get(_group.name, ()) + _group.aliases


def faction_label(name: str) -> str:
    """A faction choice with its short other names in the page's (Latin) script, so a search finds it by any:
    "MOJWA (MUJAO, MUJWA)"."""
    seen = {name_key(name)}
    short = []
    for alias in _ALIASES.get(name, ()):
        if len(alias) <= SHORT_ALIAS and _latin(alias) and name_key(alias) not in seen:
            seen.add(name_key(alias))
            short.append(alias)
    return f"{name} ({', '.join(short[:4])})" if short else name


def _latin(text: str) -> bool:
    return all(unicodedata.name(ch, "").startswith("LATIN") for ch in text if ch.isalpha())


@dataclass(frozen=True)
class FilterState:
    """What the filter widgets show; round-trips through URL query parameters."""
    start: dt.date | None = None
    end: dt.date | None = None
    factions: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    query: str = ""
    sources: tuple[str, ...] = ()  # keys of SOURCES
    gaps: tuple[str, ...] = ()  # keys of GAPS

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only the filters in use: dates as YYYY-MM-DD, choices as lists (repeated keys in the URL)."""
        params: dict[str, str | list[str]] = {}
        if self.start:
            params["start"] = self.start.isoformat()
        if self.end:
            params["end"] = self.end.isoformat()
        for key, values in (("faction", self.factions), ("region", self.regions), ("kind", self.kinds),
                            ("type", self.event_types), ("source", self.sources), ("gap", self.gaps)):
            if values:
                params[key] = list(values)
        if self.query.strip():
            params["q"] = self.query.strip()
        return params

    def apply(self, events: pd.DataFrame, parties: pd.DataFrame | None = None) -> pd.DataFrame:
        return filter_events(events, parties=parties, **vars(self))

    def mask(self, prepared: pd.DataFrame, parties: pd.DataFrame | None = None) -> pd.Series:
        return filter_mask(prepared, parties=parties, **vars(self))


