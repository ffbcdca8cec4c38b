"""The linked-events part of the detail panel: the dataset events likely the same as this one, their figures
beside the articles' claims, and the gaps (views.linked gives the content; this only renders it)."""
from __future__ import annotations

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md
from dashboard.views.linked import linked_detail


def show_linked(event_id: str, catalogue: Catalogue, infobox: object = None) -> None:
    if catalogue.links is None:
        return
    info = linked_detail(event_id, catalogue.events, catalogue.claims, catalogue.parties, catalogue.links, infobox)
    if info.coded:
        with st.expander("As the dataset coded it", expanded=False):
            st.dataframe({"field": list(info.coded), "value": list(info.coded.values())}, hide_index=True,
                         width="stretch")
    for gap in info.gaps:
        st.warning(f"Gap: {md(gap)}. No event of that dataset within 2 days, 25 km (wider for coarse places) and "
                   "with a party in common.")
    if not info.linked:
        return
    st.markdown("**Linked events** — likely the same event, as the other source coded it")
    for other in info.linked:
        st.markdown(f"**{md(other.source)} · {md(other.title)}** · {md(other.event_id)}  \n"
                    f"{md(other.dates)} · {md(other.place)} · {other.days_apart} days apart, "
                    f"{other.distance_km:g} km away · shared: {md(other.shared_parties)}"
                    + (f"  \n{md(other.deaths)}" if other.deaths else "")
                    + "".join(f"  \n{md(side)}" for side in other.sides))
    if not info.figures.empty:
        st.markdown("**Deaths per side, side by side** — the articles' claims and the datasets' figures")
        st.dataframe(info.figures, hide_index=True, width="stretch")
