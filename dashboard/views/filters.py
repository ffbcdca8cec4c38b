"""Filters over the events table: date range, faction (with coalitions), region and kind.

`prepare_events` works out each row's canonical parties and their alignments once; `filter_events`
then only runs vectorised string and date comparisons, so it stays fast on 100k rows.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

import pandas as pd

from dashboard.text.fold import name_key
from dashboard.parties.factions import (
    canonical_party, coalition_of_choice, expand_faction, opponents, party_alignment, split_parties,
)

SIDE_COLUMNS = ("side_a", "side_b", "side_c")
KINDS = ("article", "related")
# Helper columns added by prepare_events; every name starts with "_" so exports can drop them.
HELPER_COLUMNS = ("_start", "_end", "_year", "_parties", "_aligned", "_region", "_place", "_order")
# Two located events are at the same place within this many degrees (~1 km) of each other.
SAME_PLACE_DEGREES = 0.01
# Coordinates stand for a place only when precise to the place itself or ~25 km of it (UCDP 1-2);
# cercle- or region-level points are centroids shared by unrelated events.
PRECISE_LOCATION = 2


class FilterError(ValueError):
    """A filter value cannot be used (malformed date, start after end)."""


class UnknownEventError(LookupError):
    """No event with this id in the table."""


def _token(name: str) -> str:
    return name.replace("|", "/").replace("=", "-")


@lru_cache(maxsize=65536)
def _side_tokens(cell: str, year: int | None, opposing: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Canonical names and name=alignment tokens of one side cell in one year, against these opponents."""
    parties = split_parties(cell)
    names = tuple(_token(canonical_party(p)) for p in parties)
    against = list(opposing)
    return names, tuple(f"{n}={party_alignment(p, year, parties, against)}" for n, p in zip(names, parties))


def _party_strings(sides: tuple[str, ...], year: int | None) -> tuple[str, str]:
    """'|Mali|MNLA|' and '|Mali=state|MNLA=rebel|' for one row's sides."""
    names, aligned = [], []
    parties = [split_parties(cell) for cell in sides]
    for index, cell in enumerate(sides):
        side_names, side_aligned = _side_tokens(cell, year, tuple(opponents(parties, index)))
        names.extend(side_names)
        aligned.extend(side_aligned)
    return ("|" + "|".join(names) + "|", "|" + "|".join(aligned) + "|") if names else ("", "")


def place_key(place: Any) -> str:
    """The folded first part of a place as written: "Anéfis, Mali" and "Anefis, Kidal Region" -> "anefis"."""
    return name_key(place.split(",")[0]) if isinstance(place, str) else ""


def _fold_column(values: pd.Series, how) -> pd.Series:
    """Apply `how` once per distinct value (tables repeat the same few regions, places and sides)."""
    distinct = {v: how(v) for v in values.dropna().unique()}
    return values.map(distinct).fillna("").astype(str)


def is_prepared(events: pd.DataFrame) -> bool:
    return all(c in events.columns for c in HELPER_COLUMNS)


def prepare_events(events: pd.DataFrame) -> pd.DataFrame:
    """A copy of the events in (start_date, event_id) order, with helper columns for fast filtering."""
    out = events.sort_values(["start_date", "event_id"], kind="stable", na_position="last", ignore_index=True)
    out["_order"] = range(len(out))
    out["_start"] = pd.to_datetime(out["start_date"], format="%Y-%m-%d", errors="coerce")
    out["_end"] = pd.to_datetime(out["end_date"], format="%Y-%m-%d", errors="coerce").fillna(out["_start"])
    out["_year"] = out["_start"].dt.year.astype("Int64")
    years = [None if pd.isna(y) else int(y) for y in out["_year"].tolist()]
    sides = [out[c].fillna("").astype(str).tolist() if c in out else [""] * len(out) for c in SIDE_COLUMNS]
    cache: dict[tuple, tuple[str, str]] = {}
    parties, aligned = [], []
    for *cells, year in zip(*sides, years):
        key = (*cells, year)
        if key not in cache:
            cache[key] = _party_strings(tuple(cells), year)
        names, tags = cache[key]
        parties.append(names)
        aligned.append(tags)
    out["_parties"] = pd.Series(parties, index=out.index, dtype=str)
    out["_aligned"] = pd.Series(aligned, index=out.index, dtype=str)
    out["_region"] = _fold_column(out["region"], name_key)
    out["_place"] = _fold_column(out["place"], place_key)
    return out


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


def _any_of(names: Iterable[str], suffix: str = "") -> str:
    """A regex for any of these tokens between the '|' separators ("|MNLA|" or "|MNLA=rebel|")."""
    return r"\|(?:" + "|".join(re.escape(_token(n)) for n in sorted(names)) + ")" + re.escape(suffix) + r"\|"


def _choice_mask(prepared: pd.DataFrame, choice: str) -> pd.Series:
    coalition = coalition_of_choice(choice)
    if coalition is None:
        return prepared["_parties"].str.contains(_any_of(expand_faction(choice)))
    mask = prepared["_parties"].str.contains(_any_of([coalition.name]))
    by_years: dict[tuple[int | None, int | None], list[str]] = {}
    for member in coalition.members:
        by_years.setdefault((member.first_year, member.last_year), []).append(member.party)
    year = prepared["_year"]
    for (first, last), parties in by_years.items():
        # A member counts when the event puts it on the coalition's side in a year it belonged.
        hit = prepared["_aligned"].str.contains(_any_of(parties, f"={coalition.alignment}"))
        if first is not None:
            hit &= (year >= first).fillna(True).astype(bool)
        if last is not None:
            hit &= (year <= last).fillna(True).astype(bool)
        mask |= hit
    return mask


def faction_mask(prepared: pd.DataFrame, choices: Iterable[str]) -> pd.Series:
    """Rows where any side holds a party in any chosen faction (coalitions by membership in that year)."""
    mask = pd.Series(False, index=prepared.index)
    for choice in choices:
        if isinstance(choice, str) and choice.strip():
            mask |= _choice_mask(prepared, choice)
    return mask


def filter_events(events: pd.DataFrame, *, start: Any = None, end: Any = None, factions: Iterable[str] = (),
                  regions: Iterable[str] = (), kinds: Iterable[str] = ()) -> pd.DataFrame:
    """Events overlapping [start, end] that involve any chosen faction, in any chosen region and kind.

    Empty choices do not filter. Returns prepared rows ordered by (start_date, event_id).
    """
    prepared = events if is_prepared(events) else prepare_events(events)
    return selected_rows(prepared, filter_mask(prepared, start=start, end=end, factions=factions, regions=regions,
                                               kinds=kinds))


def filter_mask(prepared: pd.DataFrame, *, start: Any = None, end: Any = None, factions: Iterable[str] = (),
                regions: Iterable[str] = (), kinds: Iterable[str] = ()) -> pd.Series:
    """Which rows of prepared events filter_events keeps (counting them is cheaper than copying them out)."""
    low, high = _as_timestamp(start, "start"), _as_timestamp(end, "end")
    if low is not None and high is not None and low > high:
        raise FilterError(f"start {low.date()} is after end {high.date()}")
    mask = pd.Series(True, index=prepared.index)
    if low is not None:
        mask &= (prepared["_end"] >= low).fillna(False)
    if high is not None:
        mask &= (prepared["_start"] <= high).fillna(False)
    factions, regions, kinds = list(factions), list(regions), list(kinds)
    if factions:
        mask &= faction_mask(prepared, factions)
    if regions:
        mask &= prepared["_region"].isin({name_key(r) for r in regions})
    if kinds:
        mask &= prepared["kind"].isin(kinds)
    return mask


def selected_rows(prepared: pd.DataFrame, mask: pd.Series) -> pd.DataFrame:
    """The rows a filter_mask keeps, in (start_date, event_id) order."""
    return _in_order(prepared if mask.all() else prepared[mask])


def _in_order(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows in (start_date, event_id) order; prepared rows usually are already, and sorting 100k strings is slow."""
    if not rows["_order"].is_monotonic_increasing:
        rows = rows.sort_values("_order", kind="stable")
    return rows.reset_index(drop=True)


def public_columns(events: pd.DataFrame) -> pd.DataFrame:
    """The events without the helper columns prepare_events adds."""
    return events.drop(columns=[c for c in HELPER_COLUMNS if c in events.columns])


def events_at_place(events: pd.DataFrame, event_id: str, *, include_self: bool = False) -> pd.DataFrame:
    """Events at the same place as this one over time (same place name, or located within ~1 km), by date."""
    prepared = events if is_prepared(events) else prepare_events(events)
    rows = prepared[prepared["event_id"] == event_id]
    if rows.empty:
        raise UnknownEventError(f"no event with id {event_id!r}")
    this = rows.iloc[0]
    same = pd.Series(False, index=prepared.index)
    if this["_place"]:
        same |= prepared["_place"] == this["_place"]
    if _is_precise(this):
        precise = prepared["location_precision"].isna() | (prepared["location_precision"] <= PRECISE_LOCATION)
        near = ((prepared["latitude"] - this["latitude"]).abs() <= SAME_PLACE_DEGREES) & \
               ((prepared["longitude"] - this["longitude"]).abs() <= SAME_PLACE_DEGREES)
        same |= (near & precise).fillna(False)
    if not include_self:
        same &= prepared["event_id"] != event_id
    return _in_order(prepared[same])


def _is_precise(row: pd.Series) -> bool:
    located = pd.notna(row["latitude"]) and pd.notna(row["longitude"])
    precision = row["location_precision"]
    return located and (pd.isna(precision) or precision <= PRECISE_LOCATION)


@dataclass(frozen=True)
class FilterState:
    """What the filter widgets show; round-trips through URL query parameters."""
    start: dt.date | None = None
    end: dt.date | None = None
    factions: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Only the filters in use: dates as YYYY-MM-DD, choices as lists (repeated keys in the URL)."""
        params: dict[str, str | list[str]] = {}
        if self.start:
            params["start"] = self.start.isoformat()
        if self.end:
            params["end"] = self.end.isoformat()
        for key, values in (("faction", self.factions), ("region", self.regions), ("kind", self.kinds)):
            if values:
                params[key] = list(values)
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any], **known: Any) -> "FilterState":
        """The state a URL describes; bad values are dropped (see parse_query_params for the reasons)."""
        return parse_query_params(params, **known)[0]

    def apply(self, events: pd.DataFrame) -> pd.DataFrame:
        return filter_events(events, **vars(self))

    def mask(self, prepared: pd.DataFrame) -> pd.Series:
        return filter_mask(prepared, **vars(self))


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def _date_param(params: Mapping[str, Any], key: str, notes: list[str]) -> dt.date | None:
    values = _values(params, key)
    if not values:
        return None
    try:
        return dt.date.fromisoformat(values[-1])
    except ValueError:
        notes.append(f"ignored {key}={values[-1]!r}: not a YYYY-MM-DD date")
        return None


def _choices(values: list[str], known: Iterable[str] | None, key: str, notes: list[str], normalise) -> tuple[str, ...]:
    """Normalised, de-duplicated choices; with a known list, its own spelling is used and strangers dropped."""
    by_fold = {name_key(k): k for k in known} if known is not None else None
    chosen: list[str] = []
    for value in values:
        name = normalise(value)
        if by_fold is not None:
            if name_key(name) not in by_fold:
                notes.append(f"ignored {key}={value!r}: not one of the choices")
                continue
            name = by_fold[name_key(name)]
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def parse_query_params(params: Mapping[str, Any], *, known_factions: Iterable[str] | None = None,
                       known_regions: Iterable[str] | None = None,
                       known_kinds: Iterable[str] | None = KINDS) -> tuple[FilterState, list[str]]:
    """A FilterState from URL parameters and a note for every value ignored or corrected.

    Factions are folded to canonical names ("MUJAO" -> "MOJWA"); without `known_factions` an unknown
    faction is kept (it simply matches nothing), with it the faction is dropped and noted.
    """
    notes: list[str] = []
    start, end = _date_param(params, "start", notes), _date_param(params, "end", notes)
    if start and end and start > end:
        notes.append(f"start {start} was after end {end}: swapped")
        start, end = end, start
    state = FilterState(
        start=start, end=end,
        factions=_choices(_values(params, "faction"), known_factions, "faction", notes, canonical_party),
        regions=_choices(_values(params, "region"), known_regions, "region", notes, str.strip),
        kinds=_choices(_values(params, "kind"), known_kinds, "kind", notes, str.strip),
    )
    return state, notes
