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
                "f_factions": list(url_state.factions), "f_regions": list(url_state.regions), "f_kinds": list(url_state.kinds),
                "f_sources": list(url_state.sources), "f_gaps": list(url_state.gaps)}
    for key, value in defaults.items():
        st.session_state.setdefault(key, value)
    with st.sidebar:
        st.header("Filters")
        start, end = st.slider("Dates", min_value=first, max_value=last, key="f_dates", format="YYYY-MM-DD")
        chosen = st.multiselect("Faction (a coalition includes its members)", options, key="f_factions")
        chosen_regions = st.multiselect("Region", regions, key="f_regions")
        kinds = st.multiselect("Kind of event", list(filters.KINDS), key="f_kinds",
                               help="article: an article of its own; related: from a related-article summary")
        sources, gaps = source_widgets(key, catalogue)
        for note in notes:
            st.caption(f"Link ignored: {md(note)}")
    whole_range = (start, end) == (first, last)
    return filters.FilterState(None if whole_range else start, None if whole_range else end,
                               tuple(chosen), tuple(chosen_regions), tuple(kinds), sources, gaps)


@st.cache_resource(max_entries=4, show_spinner=False)
def dataset_kinds(fingerprint: str, _catalogue: Catalogue) -> tuple[str, ...]:
    """The datasets this catalogue holds events of (once per catalogue)."""
    present = set(_catalogue.events["kind"].dropna().unique())
    return tuple(k for k in filters.GAPS if k in present)


def source_widgets(key: str, catalogue: Catalogue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The source filter (articles, UCDP GED, ACLED) and the gap filters, when a dataset was read."""
    present = dataset_kinds(key, catalogue)
    if not present:
        return (), ()
    choices = [filters.ARTICLES, *present]
    for widget, allowed in (("f_sources", choices), ("f_gaps", present)):  # a link may name a dataset not read here
        st.session_state[widget] = [v for v in st.session_state.get(widget, []) if v in allowed]
    sources = st.multiselect("Source", choices, key="f_sources", format_func=filters.SOURCES.get,
                             help="the articles' events, or those of a dataset file read with --dataset")
    gaps = st.multiselect("Gaps: article events that…", list(present), key="f_gaps", format_func=filters.GAPS.get,
                          help="article events no event of that dataset is linked to (2 days, 25 km, a shared party)")
    return tuple(s for s in sources if s in choices), tuple(g for g in gaps if g in present)


def sync_url(state: filters.FilterState, selected: str | None) -> None:
    wanted = state.to_query_params() | ({"event": selected} if selected else {})
    current = {key: st.query_params.get_all(key) for key in st.query_params}
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)
