"""The timeline chart under the map: events (or killed) per month, coloured as the markers' fill; brushing a span
sets the date filter (and so the URL); the map's slider date, once the time bar has left "every event", is marked."""
from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.map.style import ALIGNMENT_COLOURS, ALIGNMENT_LABELS, SELECTED_COLOUR
from dashboard.parties import ALIGNMENTS
from dashboard.views.time_chart import MEASURES
from dashboard.web.sidebar import set_dates

CHART = "timeline"
GENERATION = "timeline_generation"  # a new chart (key) after each brush, so the old brush is not left drawn
MEASURE = "chart_measure"


def _brushed() -> None:
    key = f"{CHART}-{st.session_state.get(GENERATION, 0)}"
    chosen = ((st.session_state.get(key) or {}).get("selection") or {}).get("brush") or {}
    span = chosen.get("month")
    if not span or len(span) != 2:
        return
    start, end = (pd.Timestamp(value, unit="ms") if isinstance(value, (int, float)) else pd.Timestamp(value)
                  for value in span)
    first, last = st.session_state.get("date_bounds", (start.date(), end.date()))
    set_dates(max(first, min(last, start.date())), max(first, min(last, end.date())))
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def timeline_chart(data: pd.DataFrame, bounds: tuple[dt.date, dt.date], state_dates: tuple[dt.date, dt.date],
                   slider_time: int | None) -> None:
    """The chart of the shown events' monthly counts (views.time_chart); `slider_time` (epoch ms) is the map's date
    to mark, if any."""
    st.session_state["date_bounds"] = bounds
    if data.empty:
        st.caption("No dated events to chart.")
        return
    measure = st.radio("Chart", list(MEASURES), format_func=MEASURES.get, key=MEASURE, horizontal=True,
                       label_visibility="collapsed")
    chart = timeline_spec(data, state_dates, measure, slider_time)
    st.altair_chart(chart, on_select=_brushed, selection_mode="brush", key=f"{CHART}-{st.session_state.get(GENERATION, 0)}",
                    width="stretch")
    st.caption("Drag across the chart to show only that span; the sidebar's dates widen it again.")


def timeline_spec(data: pd.DataFrame, state_dates: tuple[dt.date, dt.date], measure: str,
                  slider_time: int | None) -> alt.LayerChart:
    """The chart itself (bars per month and side, the brush, the map's date as a rule), without Streamlit."""
    data = data.assign(side=data["alignment"].map(ALIGNMENT_LABELS))
    present = [a for a in ALIGNMENTS if a in set(data["alignment"])]
    colour = alt.Color("side:N", title="Side A", sort=[ALIGNMENT_LABELS[a] for a in present],
                       scale=alt.Scale(domain=[ALIGNMENT_LABELS[a] for a in present],
                                       range=[ALIGNMENT_COLOURS[a] for a in present]),
                       legend=alt.Legend(orient="bottom", title=None, columns=4, symbolSize=50, labelFontSize=10,
                                         labelLimit=180))
    start, end = (pd.Timestamp(d) for d in state_dates)
    x = alt.X("month:T", title=None, scale=alt.Scale(domain=[start.isoformat(), (end + pd.Timedelta(days=1)).isoformat()]),
              axis=alt.Axis(format="%b %Y", labelOverlap=True, labelFontSize=10))
    brush = alt.selection_interval(encodings=["x"], name="brush")
    bars = alt.Chart(data).mark_bar(size=4).encode(
        x=x, y=alt.Y(f"{measure}:Q", title=None, stack=True, axis=alt.Axis(tickMinStep=1, labelFontSize=10)),
        color=colour, order=alt.Order("alignment:N"),
        tooltip=[alt.Tooltip("month:T", format="%B %Y", title="Month"), alt.Tooltip("side:N", title="Side A"),
                 alt.Tooltip("events:Q", title="Events"), alt.Tooltip("killed:Q", title="Killed (best estimate)")],
    ).add_params(brush)
    layers = [bars]
    if slider_time is not None:
        marker = pd.DataFrame({"month": [pd.Timestamp(slider_time, unit="ms")], "label": ["map's date"]})
        layers.append(alt.Chart(marker).mark_rule(color=SELECTED_COLOUR, strokeWidth=2).encode(
            x="month:T", tooltip=[alt.Tooltip("month:T", format="%d %B %Y", title="Map's date")]))
    return alt.layer(*layers).properties(height=190)  # the whole chart: bars, axis and legend
