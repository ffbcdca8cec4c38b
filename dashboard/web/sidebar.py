"""The sidebar: the filters, first filled from the URL so a shared link reopens the same view, and the URL kept
in step with what is shown."""
from __future__ import annotations

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md
from dashboard.views import filters, links
from dashboard.web.loaders import filter_choices


def filter_widgets(key: str, catalogue: Catalogue) -> filters.FilterState:
    """Sidebar filters, first filled from the URL so a shared link reopens the same view."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    options, regions, (first, last) = filter_choices(key, catalogue)
    url_state, notes = links.parse_query_params(params, known_factions=options, known_regions=regions)
    defaults = {"f_dates": (max(first, url_state.start or first), min(last, url_state.end or last)),
                "f_factions": list(url_state.factions), "f_regions": list(url_state.regions), "f_kinds": list(url_state.kinds)}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    with st.sidebar:
        st.header("Filters")
        start, end = st.slider("Dates", min_value=first, max_value=last, key="f_dates", format="YYYY-MM-DD")
        chosen = st.multiselect("Faction (a coalition includes its members)", options, key="f_factions")
        chosen_regions = st.multiselect("Region", regions, key="f_regions")
        kinds = st.multiselect("Kind of event", list(filters.KINDS), key="f_kinds",
                               help="article: an article of its own; related: from a related-article summary")
        for note in notes:
            st.caption(f"Link ignored: {md(note)}")
    whole_range = (start, end) == (first, last)
    return filters.FilterState(None if whole_range else start, None if whole_range else end,
                               tuple(chosen), tuple(chosen_regions), tuple(kinds))


def sync_url(state: filters.FilterState, selected: str | None) -> None:
    wanted = state.to_query_params() | ({"event": selected} if selected else {})
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)
