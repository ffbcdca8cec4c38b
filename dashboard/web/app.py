"""The dashboard: a short Streamlit script wiring widgets to the pure functions; heavy work sits in cached loaders."""
from __future__ import annotations

import copy

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.catalogue import export
from dashboard.catalogue.tables import Catalogue
from dashboard.map import event_id_from_tooltip, selection_layer
from dashboard.text.escape import markdown_text as md
from dashboard.views import detail, filters, links
from dashboard.views.prepared import public_columns
from dashboard.web.loaders import Sources, events_map, filter_choices, load_catalogue, offline_assets

KINDS = ["article", "related"]
TABLE_ROWS = 5000  # rows sent to the browser's table; the export always holds every filtered row


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
        kinds = st.multiselect("Kind of event", KINDS, key="f_kinds",
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


def selection_from(source: str, value: str | None) -> None:
    """Remember the newest click or row choice, whichever widget it came from."""
    if value and st.session_state.get(f"last_{source}") != value:
        st.session_state[f"last_{source}"] = value
        st.session_state["selected"] = value


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


def events_table(shown: pd.DataFrame) -> str | None:
    """The filtered events as a sortable table (the first TABLE_ROWS); the event_id of the row picked, if any."""
    table = public_columns(shown.head(TABLE_ROWS))
    if len(shown) > TABLE_ROWS:
        st.caption(f"The table lists the first {TABLE_ROWS:,} of {len(shown):,} events by date; narrow the filters, "
                   "or export, to see them all.")
    picked = st.dataframe(table[["title", "start_date", "end_date", "place", "region", "side_a", "side_b", "result", "kind",
                                 "event_id"]], hide_index=True, width="stretch", on_select="rerun",
                          selection_mode="single-row", key="table")
    rows = picked.selection.rows if picked else []
    return table.iloc[rows[0]]["event_id"] if rows else None


def main() -> None:
    st.set_page_config(page_title="Mali War map", page_icon="🗺️", layout="wide")
    sources = Sources.from_env()
    key = sources.fingerprint()
    catalogue = load_catalogue(key, sources)
    events = catalogue.events
    st.title("Mali War in the north: the articles on a map")
    state = filter_widgets(key, catalogue)
    # The counts go out before the rows are copied out of the 100k-row table: the first answer to a filter change.
    kept = state.mask(events, catalogue.parties)
    count, located = int(kept.sum()), int((kept & events["latitude"].notna()).sum())
    st.markdown(f"**{count}** of {len(events)} events shown · **{located}** on the map · "
                f"{count - located} unlocated · {len(catalogue.problems)} problems (see below)")
    shown = filters.selected_rows(events, kept)
    offline_assets()
    st.session_state.setdefault("selected", st.query_params.get("event"))
    map_column, detail_column = st.columns([3, 2])
    # The table is filled before the map, though shown below it: it answers a filter change at once while the
    # map of a new filter state is still being built.
    table_pick = events_table(shown)
    selection_from("table", table_pick)
    with map_column:
        # st_folium renames the ids inside the Map it renders, so each render gets its own copy of the cached map;
        # the selection ring goes in as a feature group, which updates the map without remounting it (slider keeps its time).
        cached = events_map(key, state, shown, catalogue.claims)
        ring = selection_layer(shown, st.session_state.get("selected"), catalogue.claims)
        clicked = st_folium(copy.deepcopy(cached), key="map", height=600, use_container_width=True,
                            feature_group_to_add=ring, returned_objects=["last_object_clicked_tooltip"])
        selection_from("map", event_id_from_tooltip((clicked or {}).get("last_object_clicked_tooltip")))
    selected = st.session_state.get("selected")
    if not (selected and (events["event_id"] == selected).any()):
        selected = None
    with detail_column:
        if selected:
            show_detail(selected, catalogue)
        else:
            st.info("Click a marker on the map or a row in the table to read that battle.")
    sync_url(state, selected)
    st.markdown("**Export exactly what the filters show**")
    c1, c2, c3 = st.columns(3)
    c1.download_button("Events (CSV)", data=lambda: export.events_csv(catalogue.with_text(shown)), file_name="events.csv",
                       mime="text/csv")
    c2.download_button("Claims (CSV)", data=lambda: export.claims_csv(catalogue.claims, shown), file_name="claims.csv",
                       mime="text/csv")
    c3.download_button("Events (GeoJSON)", data=lambda: export.events_geojson(catalogue.with_text(shown), catalogue.claims),
                       file_name="events.geojson", mime="application/geo+json")
    problems = catalogue.problems
    with st.expander(f"Problems: {len(problems)} things that could not be read or placed", expanded=False):
        if problems.empty:
            st.caption("None: every article was read and every event placed.")
        else:
            st.caption(" · ".join(f"{stage}: {count}" for stage, count in problems["stage"].value_counts().items()))
            st.dataframe(problems, hide_index=True, width="stretch")


main()
