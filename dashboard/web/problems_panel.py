"""The problems panel: every article, field or place that could not be read or placed, named by the article's title,
each reason in full, filtered by stage and downloadable; values read from a title or lead are notes, not problems."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.catalogue import export
from dashboard.text.escape import markdown_text as md

SHOWN_ROWS = 300  # rows written out in the page; the CSV holds them all


def _rows(view: pd.DataFrame) -> None:
    for row in view.head(SHOWN_ROWS).itertuples():
        event = f" · event {md(row.event_id)}" if row.event_id else ""
        st.markdown(f"**{md(row.article)}** · {md(row.stage)}{event}  \n{md(row.reason)}")
    if len(view) > SHOWN_ROWS:
        st.caption(f"The first {SHOWN_ROWS} of {len(view):,} are written here; the CSV holds them all.")


def show_problems(view: pd.DataFrame) -> None:
    """`view`: views.problems.problems_view of the catalogue (web.loaders.problem_rows)."""
    action, noted = int(view["needs_action"].sum()), int((~view["needs_action"]).sum())
    needs = "needs" if action == 1 else "need"
    with st.expander(f"Problems: {action} {needs} action · {noted} note{'s' * (noted != 1)}", expanded=False):
        if view.empty:
            st.caption("None: every article was read and every event placed.")
            return
        stages = list(dict.fromkeys(view["stage"]))
        chosen = st.multiselect("Stage", stages, key="problem_stages", placeholder="every stage",
                                format_func=lambda s: f"{s} ({int((view['stage'] == s).sum())})")
        shown = view[view["stage"].isin(chosen)] if chosen else view
        st.download_button("Problems (CSV)", data=lambda: export.problems_csv(
            shown.rename(columns={"article": "title"})[["source_file", "event_id", "stage", "reason"]]),
            file_name="problems.csv", mime="text/csv")
        needing, notes = shown[shown["needs_action"]], shown[~shown["needs_action"]]
        if not needing.empty:
            st.markdown("**Need action**")
            _rows(needing)
        if not notes.empty:
            st.markdown("**Notes** — a value the infobox lacked was read from the article's title or first "
                        "sentences; nothing needs doing")
            _rows(notes)
