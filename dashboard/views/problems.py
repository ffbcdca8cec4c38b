"""The problems panel, as data: each problem with the title of its article, and whether it still needs someone.

A problem of the `place` or `date` stage whose event was placed (or dated) anyway is a note: the article's
infobox lacked the field and the value was read from its title or lead. It is shown, never hidden, but it is
not counted among the problems that need action.
"""
from __future__ import annotations

import pandas as pd

from dashboard.model import STAGES
from dashboard.views.sources import article_titles

PANEL_COLUMNS = ["article", "stage", "reason", "needs_action", "source_file", "event_id"]
# Stages whose problem is resolved when the event nevertheless has the value: (stage, column that shows it).
RESOLVED_BY = {"place": "latitude", "date": "start_date"}


def problems_view(problems: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """PANEL_COLUMNS: every problem, named by its article's title (its file name when the article gave no event),
    with needs_action False for the notes described above; ordered: needing action first, then by stage."""
    titles = article_titles(events)
    files = problems["source_file"].astype(object).fillna("")
    article = files.map(titles).where(lambda t: t.notna() & (t != ""), files).replace("", "(no article)")
    needs_action = pd.Series(True, index=problems.index)
    for stage, column in RESOLVED_BY.items():
        values = events[column]
        present = (values.astype(object).fillna("") != "").to_numpy(bool)
        has_value = pd.Series(present, index=events["event_id"].astype(object).to_numpy())
        # Plain objects and booleans: a dataset's Arrow-typed columns (an all-null event_id) would not take False.
        resolved = problems["event_id"].astype(object).map(has_value).fillna(False).astype(bool)
        needs_action &= ~((problems["stage"] == stage) & resolved)
    view = pd.DataFrame({"article": article.astype(object), "stage": problems["stage"].astype(object),
                         "reason": problems["reason"].astype(object), "needs_action": needs_action.to_numpy(),
                         "source_file": files, "event_id": problems["event_id"].astype(object).fillna("")})
    order = view["stage"].map({s: i for i, s in enumerate(STAGES)}).fillna(len(STAGES))
    return view.assign(_order=order).sort_values(["needs_action", "_order"], ascending=[False, True],
                                                 kind="stable").drop(columns="_order").reset_index(drop=True)
