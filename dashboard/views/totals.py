"""Totals of what the filters show: events, places, and the killed each side of the war lost, as the claims range.

For each event and side the claims imply a range (lowest low to highest high across every claimant, a part of a
breakdown left out: views.claims.claims_range's rule); the totals add those ranges up per alignment of the side that
lost them (a side's alignment in that event), civilians apart. An open claim ("14+") leaves its total open.
Vectorised: one group-by over the claims.
"""
from __future__ import annotations

from dataclasses import dataclass

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


def totals(shown: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame | None = None) -> Totals:
    """The totals of these (prepared) events; `parties` gives the alignment of a third side."""
    located = int(shown["latitude"].notna().sum()) if "latitude" in shown.columns else 0
    places = shown["_place"] if "_place" in shown.columns else shown.get("place", pd.Series(dtype=object))
    named = places.dropna()
    return Totals(len(shown), located, int(named[named != ""].nunique()), killed_by_alignment(shown, claims, parties))


def side_alignments(shown: pd.DataFrame, parties: pd.DataFrame | None) -> pd.DataFrame:
    """(event_id, side, alignment) for sides a, b (the events' columns), c (the parties table) and civilians."""
    frames = [pd.DataFrame({"event_id": shown["event_id"].to_numpy(), "side": letter,
                            "alignment": shown[f"alignment_{letter}"].to_numpy()})
              for letter in "ab" if f"alignment_{letter}" in shown.columns]
    if parties is not None and not parties.empty:
        third = parties[(parties["side"] == "c") & (parties["position"] == 0)]
        third = third[third["event_id"].isin(shown["event_id"])]
        frames.append(pd.DataFrame({"event_id": third["event_id"].to_numpy(), "side": "c",
                                    "alignment": third["side_alignment"].to_numpy()}))
    frames.append(pd.DataFrame({"event_id": shown["event_id"].to_numpy(), "side": "civilian", "alignment": CIVILIANS}))
    return pd.concat(frames, ignore_index=True).astype({"event_id": object, "side": object, "alignment": object})


def killed_by_alignment(shown: pd.DataFrame, claims: pd.DataFrame, parties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per alignment: the sum of each event side's claims range of killed, whether any range is open, and how many
    events have a figure for it."""
    kept = claims[(claims["kind"] == "killed") & claims["event_id"].isin(shown["event_id"])]
    if "part_of" in kept.columns:  # a part of a breakdown is already in its total
        kept = kept[kept["part_of"].fillna("").astype(str).eq("")]
    low = pd.to_numeric(kept["low"]).astype("float64")
    high = pd.to_numeric(kept["high"]).astype("float64")
    frame = pd.DataFrame({"event_id": kept["event_id"].astype(object).to_numpy(), "side": kept["side"].astype(object).to_numpy(),
                          "low": low.to_numpy(), "high": high.to_numpy(),
                          "open": (low.notna() & high.isna()).to_numpy()})
    frame = frame[frame["low"].notna() | frame["high"].notna()]
    if frame.empty:
        return pd.DataFrame(columns=KILLED_COLUMNS).astype({"low": "int64", "high": "int64", "open": bool, "events": "int64"})
    ranges = frame.groupby(["event_id", "side"], sort=False).agg(low=("low", "min"), high=("high", "max"),
                                                                 open=("open", "any")).reset_index()
    # A range with only an upper figure ("up to 30") starts at 0; one with only a lower figure is open.
    ranges["open"] |= ranges["high"].isna()
    ranges["high"] = ranges["high"].fillna(ranges["low"])
    ranges["low"] = ranges["low"].fillna(0)
    aligned = ranges.merge(side_alignments(shown, parties), on=["event_id", "side"], how="left")
    aligned["alignment"] = aligned["alignment"].fillna("unknown")
    table = aligned.groupby("alignment").agg(low=("low", "sum"), high=("high", "sum"), open=("open", "any"),
                                             events=("event_id", "nunique"))
    order = [a for a in (*ALIGNMENTS, CIVILIANS) if a in table.index]
    table = table.loc[order].reset_index()
    return table.astype({"low": "int64", "high": "int64", "open": bool, "events": "int64"})[KILLED_COLUMNS]


def range_text(low: int, high: int, open_ended: bool) -> str:
    """ "12–40", "12", "12–40+" (a claim in the range was open-ended)."""
    text = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    return text + ("+" if open_ended else "")

