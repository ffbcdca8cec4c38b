"""The problems panel: every article, field or place that could not be read or placed, with counts per stage."""
from __future__ import annotations

import pandas as pd
import streamlit as st


def show_problems(problems: pd.DataFrame) -> None:
    with st.expander(f"Problems: {len(problems)} things that could not be read or placed", expanded=False):
        if problems.empty:
            st.caption("None: every article was read and every event placed.")
        else:
            st.caption(" · ".join(f"{stage}: {count}" for stage, count in problems["stage"].value_counts().items()))
            st.dataframe(problems, hide_index=True, width="stretch")
