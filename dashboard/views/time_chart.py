"""The timeline chart under the map, as data: events per month (or the best estimate of killed), per alignment
of side A (the colour of the markers). One group-by over the shown events; months with nothing stay out."""
from __future__ import annotations

import pandas as pd

from dashboard.parties import ALIGNMENTS

MEASURES = {"events": "Events per month", "killed": "Killed per month (best estimate)"}
CHART_COLUMNS = ["month", "alignment", "events", "killed"]


def monthly_counts(shown: pd.DataFrame) -> pd.DataFrame:
    """CHART_COLUMNS: each month (its first day) and alignment of side A with events, their number and the sum of
    their best estimates of killed (0 where no estimate); ordered by month, then ALIGNMENTS."""
    starts = shown["_start"] if "_start" in shown.columns else pd.to_datetime(shown["start_date"], errors="coerce")
    dated = starts.notna().to_numpy()
    if not dated.any():
        return pd.DataFrame({"month": pd.Series(dtype="datetime64[ns]"), "alignment": pd.Series(dtype=object),
                             "events": pd.Series(dtype="int64"), "killed": pd.Series(dtype="int64")})
    alignment = shown["alignment_a"] if "alignment_a" in shown.columns else pd.Series("unknown", index=shown.index)
    killed = shown["best_killed"] if "best_killed" in shown.columns else pd.Series(0, index=shown.index)
    frame = pd.DataFrame({
        "month": starts[dated].dt.to_period("M").dt.start_time.to_numpy(),
        "alignment": alignment[dated].fillna("unknown").astype(object).to_numpy(),
        "killed": pd.to_numeric(killed[dated], errors="coerce").fillna(0).astype("int64").to_numpy(),
    })
    frame["alignment"] = frame["alignment"].where(frame["alignment"].isin(ALIGNMENTS), "unknown")
    table = frame.groupby(["month", "alignment"], sort=False).agg(events=("killed", "size"), killed=("killed", "sum"))
    table = table.reset_index()
    table["_rank"] = table["alignment"].map({a: i for i, a in enumerate(ALIGNMENTS)})
    table = table.sort_values(["month", "_rank"], kind="stable").drop(columns="_rank").reset_index(drop=True)
    return table.astype({"events": "int64", "killed": "int64"})[CHART_COLUMNS]
