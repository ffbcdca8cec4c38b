"""One death toll per event for sizing its map marker, from all its claims: the rule row by row (best_estimate)
and over a whole claims table at once (best_estimates), which must agree."""
from __future__ import annotations

import statistics
from collections import defaultdict

import numpy as np
import pandas as pd

from dashboard.model import Claim


def _midpoint(claim: Claim) -> float | None:
    if claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) / 2
    return claim.low if claim.low is not None else claim.high


def best_estimate(claims: list[Claim]) -> int | None:
    """One death toll for sizing a map marker; None when no claim gives a number of dead.

    Rule: take each "killed" claim's midpoint (low alone for "14+", high alone for "up to 30"); for each
    side take the median over its sources, so one outlying claimant does not dominate; add the sides. A figure its
    claimant later revised counts no more, and a part of a breakdown is already in its total.
    """
    by_side: dict[str, list[float]] = defaultdict(list)
    for claim in claims:
        mid = _midpoint(claim) if claim.kind == "killed" and not (claim.part_of or claim.revised_by) else None
        if mid is not None:
            by_side[claim.side].append(mid)
    if not by_side:
        return None
    return round(sum(statistics.median(values) for values in by_side.values()))


def best_estimates(claims: pd.DataFrame) -> pd.Series:
    """casualties.best_estimate of each event's claims, by event_id; events with no number of dead are left out.

    The same rule, over all claims at once: each "killed" claim's midpoint (not revised, not a part), the median per
    side, the sides added.
    """
    counted = claims["kind"].eq("killed").fillna(False).to_numpy(dtype=bool).copy()
    for column in ("part_of", "revised_by"):  # tables from before claims had them count every claim
        if column in claims.columns:
            counted &= claims[column].fillna("").astype(str).eq("").to_numpy(dtype=bool)
    killed = claims.loc[counted]
    low, high = (np.trunc(pd.to_numeric(killed[end]).to_numpy(dtype="float64", na_value=np.nan))
                 for end in ("low", "high"))
    midpoints = np.where(np.isnan(low) | np.isnan(high), np.fmax(low, high), (low + high) / 2)
    event_codes, event_ids = pd.factorize(killed["event_id"], use_na_sentinel=False)
    side_codes = pd.factorize(killed["side"], use_na_sentinel=False)[0]
    table = pd.DataFrame({"event": event_codes, "side": side_codes, "mid": midpoints}).dropna()
    medians = table.groupby(["event", "side"], sort=False)["mid"].median()
    # Midpoints are halves of integers and medians quarters: every sum is exact, so rounding matches round().
    totals = medians.groupby(level="event", sort=False).sum().round()
    return pd.Series(totals.to_numpy(dtype=np.int64), index=pd.Index(event_ids).take(totals.index))


def with_best_killed(events: pd.DataFrame, claims: pd.DataFrame | None) -> pd.DataFrame:
    """Events plus best_killed (casualties.best_estimate of each event's claims), unless already present."""
    if "best_killed" in events.columns or claims is None:
        return events
    best = best_estimates(claims).reindex(events["event_id"].to_numpy())
    return events.assign(best_killed=best.astype("Int64").array)
