"""The detail panel: one event as the articles tell it (views.detail gives the content; this only renders it)."""
from __future__ import annotations

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md
from dashboard.views import detail


def show_detail(event_id: str, catalogue: Catalogue) -> None:
    try:
        text = catalogue.event_text(event_id)
    except (OSError, ValueError) as error:  # the disk store went away under a running server
        text = {}
        st.warning(f"The article text could not be read from the cache ({md(str(error))}); restart the app to rebuild it.")
    info = detail.event_detail(event_id, catalogue.events, catalogue.claims, text, catalogue.parties)
    st.subheader(md(info.title))
    st.markdown(f"**When:** {md(info.dates)}  \n**Where:** {md(info.place_text)}"
                + (f" ({md(info.region)} region)" if info.region else "")
                + f"  \n**Result:** {md(info.result or 'not stated')}  \n**Part of:** {md(info.part_of or 'not stated')}")
    if info.origins:
        st.caption("Read from — " + md(info.origins))
    for side in info.sides:
        st.markdown(f"**{md(side.label)}** — {md(side.alignment)}  \nCommanders: {md('; '.join(side.commanders) or 'not stated')}"
                    f"  \nStrength: {md(side.strength or 'not stated')}")
    st.markdown("**Casualty claims** — each source's own figure")
    if info.claims.empty:
        st.caption("The article gives no casualty figures.")
    else:
        # What the claims imply per side and kind, then every claim as its source stated it.
        st.dataframe(info.claim_ranges[["side", "kind", "range", "claimed_by"]], hide_index=True, width="stretch")
        st.dataframe(info.claims[["side", "kind", "figure", "claimed_by", "text"]], hide_index=True, width="stretch",
                     column_config={"text": st.column_config.TextColumn("article's words", width="large")})
    for note in info.notes:
        st.caption(md(note))
    with st.expander("Summary and article sections", expanded=False):
        st.markdown(md(info.summary))
        for heading, text in info.sections:
            st.markdown(f"**{md(heading or 'Untitled section')}**")
            st.markdown(md(text))
    sources = [info.source_file, *info.also_described_in]
    st.caption("Source: " + md("; ".join(sources)))
    if not info.same_place.empty:
        st.markdown("**Other events at this place, over time**")
        st.dataframe(info.same_place, hide_index=True, width="stretch")
