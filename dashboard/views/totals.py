"""Totals of what the filters show: events, places, and the killed each side of the war lost, as the claims range.

For each event and side the claims imply a range (lowest low to highest high across every claimant, a part of a
breakdown left out: views.claims.claims_range's rule); the totals add those ranges up per alignment of the side that
lost them (a side's alignment in that event), civilians apart. An open claim ("14+") leaves its total open.
Vectorised: one group-by over the claims, on integer codes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.parties import ALIGNMENTS

CIVILIANS = "civilians"
KILLED_COLUMNS = ["alignment", "low", "high", "open", "events"]


@dataclass(frozen=True)
class Totals:
    events: int
    located: int
    places: int  # distinct places named (the first part of "place", folded)
    killed: pd.DataFrame  # KILLED_COLUMNS, one row per alignment with claims, in ALIGNMENTS order, civilians last


def totals(shown: pd.DataFrame, claims: pd.DataFrame | KilledClaims, parties: pd.DataFrame | None = None) -> Totals:
    """The totals of these (prepared) events; `claims` as killed_by_alignment takes them; `parties` gives the
    alignment of a third side."""
    located = int(shown["latitude"].notna().sum()) if "latitude" in shown.columns else 0
    places = shown["_place"] if "_place" in shown.columns else shown.get("place", pd.Series(dtype=object))
    named = places.dropna()
    return Totals(len(shown), located, int(named[named != ""].nunique()), killed_by_alignment(shown, claims, parties))


@dataclass(frozen=True)
class KilledClaims:
    """What the totals read of the claims, worked out once per catalogue: each counted "killed" claim (a part of a
    breakdown left out) with a figure, as its event's row (`_order` of the prepared events), side code, low, high."""
    at: np.ndarray
    side: np.ndarray
    sides: np.ndarray
    low: np.ndarray
    high: np.ndarray


def killed_claims(claims: pd.DataFrame, events: pd.DataFrame) -> KilledClaims:
    """The killed claims of these events (claims of other events left out), for killed_by_alignment."""
    # Integer codes from here on: grouping a million events' claims by their ids as text took half a minute.
    rows = pd.Index(events["event_id"]).get_indexer(claims["event_id"])
    counted = claims["kind"].eq("killed").to_numpy(dtype=bool, na_value=False) & (rows >= 0)
    if "part_of" in claims.columns:  # a part of a breakdown is already in its total
        part_of = claims["part_of"].to_numpy(dtype=object, na_value=None)
        counted &= pd.isna(part_of) | (part_of == "")
    kept = claims.loc[counted]
    low = pd.to_numeric(kept["low"]).to_numpy(dtype="float64", na_value=np.nan)
    high = pd.to_numeric(kept["high"]).to_numpy(dtype="float64", na_value=np.nan)
    figured = ~(np.isnan(low) & np.isnan(high))
    order = events["_order"].to_numpy(dtype=np.int64) if "_order" in events.columns else np.arange(len(events))
    side, sides = pd.factorize(kept["side"].to_numpy(dtype=object, na_value=None)[figured], use_na_sentinel=False)
    return KilledClaims(order[rows[counted][figured]], side.astype(np.int64), np.asarray(sides, dtype=object),
                        low[figured], high[figured])


def killed_by_alignment(shown: pd.DataFrame, claims: pd.DataFrame | KilledClaims,
                        parties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per alignment: the sum of each event side's claims range of killed, whether any range is open, and how many
    events have a figure for it. `claims`: the claims table, or killed_claims of the catalogue's prepared events."""
    found = killed_claims(claims, shown) if isinstance(claims, pd.DataFrame) else claims
    order = shown["_order"].to_numpy(dtype=np.int64) if "_order" in shown.columns else np.arange(len(shown))
    position = np.full(int(max(order.max(initial=-1), found.at.max(initial=-1))) + 1, -1, dtype=np.int64)
    position[order] = np.arange(len(shown))
    rows = position[found.at]
    chosen = rows >= 0
    if not chosen.any():
        return pd.DataFrame(columns=KILLED_COLUMNS).astype({"low": "int64", "high": "int64", "open": bool, "events": "int64"})
    width = max(len(found.sides), 1)
    low, high = found.low[chosen], found.high[chosen]
    frame = pd.DataFrame({"key": rows[chosen] * width + found.side[chosen], "low": low, "high": high,
                          "open": ~np.isnan(low) & np.isnan(high)})
    ranges = frame.groupby("key", sort=False).agg(low=("low", "min"), high=("high", "max"), open=("open", "any"))
    # A range with only an upper figure ("up to 30") starts at 0; one with only a lower figure is open.
    ranges["open"] |= ranges["high"].isna()
    ranges["high"] = ranges["high"].fillna(ranges["low"])
    ranges["low"] = ranges["low"].fillna(0)
    keys = ranges.index.to_numpy()
    at, side = keys // width, found.sides[keys % width]
    ranges["alignment"] = side_alignments(shown, parties, at, side)
    ranges["event"] = at
    table = ranges.groupby("alignment").agg(low=("low", "sum"), high=("high", "sum"), open=("open", "any"),
                                            events=("event", "nunique"))
    alignments = [a for a in (*ALIGNMENTS, CIVILIANS) if a in table.index]
    table = table.loc[alignments].reset_index()
    return table.astype({"low": "int64", "high": "int64", "open": bool, "events": "int64"})[KILLED_COLUMNS]


def side_alignments(shown: pd.DataFrame, parties: pd.DataFrame | None, at: np.ndarray, side: np.ndarray) -> np.ndarray:
    """The alignment of each (row of `shown`, side): sides a and b from the events' columns, c from the parties
    table (its first party), civilians apart; "unknown" for any other side or none recorded."""
    alignment = np.full(len(at), None, dtype=object)
    for letter in "ab":
        column = f"alignment_{letter}"
        if column in shown.columns:
            chosen = side == letter
            alignment[chosen] = shown[column].to_numpy(dtype=object, na_value=None)[at[chosen]]
    chosen = side == "c"
    if parties is not None and not parties.empty and chosen.any():
        third = parties[(parties["side"] == "c") & (parties["position"] == 0)].drop_duplicates("event_id")
        by_event = pd.Series(third["side_alignment"].to_numpy(dtype=object), index=third["event_id"].to_numpy(dtype=object))
        ids = shown["event_id"].to_numpy(dtype=object)[at[chosen]]
        alignment[chosen] = by_event.reindex(ids).to_numpy(dtype=object)
    alignment[side == "civilian"] = CIVILIANS
    return np.where(pd.isna(alignment), "unknown", alignment).astype(object)


def range_text(low: int, high: int, open_ended: bool) -> str:
    """ "12–40", "12", "12–40+" (a claim in the range was open-ended)."""
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return text + ("+" if open_ended else "")

