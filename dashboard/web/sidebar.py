"""The sidebar: the filters, first filled from the URL so a shared link reopens the same view (a link's values outside
the catalogue are moved in, and the page says so), and the URL kept in step with what is shown."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.views import filters, links
from dashboard.views.event_types import TYPE_LABELS, TYPE_NAMES
from dashboard.web.loaders import filter_choices

QUERY_KEY = "f_query"  # the search box, drawn above the table (web/events_table.py) but read here with the filters


def _params() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params}


def _from_link(catalogue_key: str, catalogue: Catalogue) -> None:
    """On a session's first run: the widgets' values from the URL, clamped to the catalogue; notes kept to show."""
    if "f_dates" in st.session_state:
        return
    options, regions, (first, last) = filter_choices(catalogue_key, catalogue)
    url_state, notes = links.parse_query_params(_params(), known_factions=options, known_regions=regions)
    url_state, clamped = links.clamp_dates(url_state, first, last)
    dates = (url_state.start or first, url_state.end or last)
    st.session_state.update({
        "f_dates": dates, "f_start": dates[0], "f_end": dates[1], "f_factions": list(url_state.factions),
        "f_regions": list(url_state.regions), "f_kinds": list(url_state.kinds), "f_types": list(url_state.event_types),
        "f_sources": list(url_state.sources), "f_gaps": list(url_state.gaps), QUERY_KEY: url_state.query, "link_notes": notes + clamped,
    })


def _keep_inside(catalogue_key: str, catalogue: Catalogue) -> None:
    """When the served articles changed under a session (one added, edited or removed), its filters are moved inside
    the new catalogue: dates clamped (the whole range stays the whole range), choices it no longer has dropped."""
    options, regions, (first, last) = filter_choices(catalogue_key, catalogue)
    seen = st.session_state.get("f_catalogue")
    st.session_state["f_catalogue"] = (catalogue_key, first, last)
    if seen is None or seen[0] == catalogue_key:
        return
    start, end = st.session_state["f_dates"]
    if (start, end) == (seen[1], seen[2]):
        start, end = first, last
    start, end = min(max(start, first), last), max(min(end, last), first)
    st.session_state.update({"f_dates": (start, end), "f_start": start, "f_end": end})
    for name, known in (("f_factions", set(options)), ("f_regions", set(regions))):
        st.session_state[name] = [value for value in st.session_state.get(name, []) if value in known]


def set_dates(start: dt.date, end: dt.date) -> None:
    """Move the date filter (slider and typed dates together); for callbacks (the chart's brush)."""
    start, end = min(start, end), max(start, end)
    st.session_state.update({"f_dates": (start, end), "f_start": start, "f_end": end})
    changed()


def changed() -> None:
    """Any filter changed: what the link said no longer needs saying."""
    st.session_state["link_notes"] = []


def _slider_moved() -> None:
    start, end = st.session_state["f_dates"]
    st.session_state.update({"f_start": start, "f_end": end})
    changed()


def _typed() -> None:
    start, end = st.session_state.get("f_start"), st.session_state.get("f_end")
    if isinstance(start, dt.date) and isinstance(end, dt.date):
        st.session_state["f_dates"] = (min(start, end), max(start, end))
    changed()


def filter_widgets(catalogue_key: str, catalogue: Catalogue) -> filters.FilterState:
    """Sidebar filters, first filled from the URL so a shared link reopens the same view."""
    _from_link(catalogue_key, catalogue)
    _keep_inside(catalogue_key, catalogue)
    options, regions, (first, last) = filter_choices(catalogue_key, catalogue)
    with st.sidebar:
        st.header("Filters")
        start, end = st.slider("Dates", min_value=first, max_value=last, key="f_dates", format="YYYY-MM-DD",
                               on_change=_slider_moved)
        st.date_input("From (type a date)", min_value=first, max_value=last, key="f_start", on_change=_typed,
                      format="YYYY-MM-DD")
        st.date_input("To", min_value=first, max_value=last, key="f_end", on_change=_typed, format="YYYY-MM-DD")
        chosen = st.multiselect("Faction (a coalition includes its members)", options, key="f_factions",
                                format_func=filters.faction_label, on_change=changed,
                                help="Type any of a group's names: MUJAO finds MOJWA, FAMa finds Mali.")
        chosen_regions = st.multiselect("Region", regions, key="f_regions", on_change=changed)
        types = st.multiselect("Event type", list(TYPE_NAMES), key="f_types", format_func=TYPE_LABELS.get,
                               on_change=changed, help="Read from each article's title, else from its first sentences.")
        kinds = st.multiselect("Where it comes from", list(filters.KINDS), key="f_kinds", format_func=filters.KIND_LABELS.get,
                               on_change=changed, help="An article of its own, or a summary in another article's "
                                                      "related-articles list")
        sources, gaps = source_widgets(catalogue_key, catalogue)
    whole_range = (start, end) == (first, last)
    return filters.FilterState(None if whole_range else start, None if whole_range else end,
                               tuple(chosen), tuple(chosen_regions), tuple(kinds), tuple(types),
                               str(st.session_state.get(QUERY_KEY) or "").strip(), sources, gaps)


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
                             on_change=changed, help="the articles' events, or those of a dataset file read with --dataset")
    gaps = st.multiselect("Gaps: article events that…", list(present), key="f_gaps", format_func=filters.GAPS.get, on_change=changed,
                          help="article events no event of that dataset is linked to (2 days, 25 km, a shared party)")
    return tuple(s for s in sources if s in choices), tuple(g for g in gaps if g in present)


def sync_url(state: filters.FilterState, selected: str | None) -> None:
    wanted = state.to_query_params() | ({"event": selected} if selected else {})
    current = _params()
    normalised = {k: v if isinstance(v, list) else [v] for k, v in wanted.items()}
    if current != normalised:
        st.query_params.from_dict(wanted)
