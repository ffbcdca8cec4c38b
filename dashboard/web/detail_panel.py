"""The detail panel: one event as the articles tell it (views.detail gives the content; this only renders it)."""
from __future__ import annotations

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md
from dashboard.views import detail
from dashboard.web.linked_panel import show_linked


def show_detail(event_id: str, catalogue: Catalogue) -> None:
    try:
        text = catalogue.event_text(event_id)
    except (OSError, ValueError) as error:  # the disk store went away under a running server
        text = {}
        st.warning(f"The article text could not be read from the cache ({md(str(error))}); restart the app to rebuild it.")
    info = detail.event_detail(event_id, catalogue.events, catalogue.claims, text, catalogue.parties,
                               catalogue.control, catalogue.episodes)
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
        # What the claims imply per side and kind, then every claimant with their own claims, in the article's words.
        st.dataframe(info.claim_ranges[["side", "kind", "range"]], hide_index=True, width="stretch")
        for group in info.claimants:
            show_claimant(group)
    show_linked(event_id, catalogue, text.get("infobox"))
    for note in info.notes:
        st.caption(md(note))
    show_episodes(info)
    with st.expander("Summary and article sections", expanded=False):
        st.markdown(md(info.summary))
        for heading, text in info.sections:
            st.markdown(f"**{md(heading or 'Untitled section')}**")
            st.markdown(md(text))
    sources = [info.source_file, *info.also_described_in]
    st.caption("Source: " + md("; ".join(sources)))
    show_place_history(info)


def show_episodes(info: detail.EventDetail) -> None:
    """The event day by day: each dated sentence with its place (the map draws the numbered track)."""
    st.markdown("**Day by day** — the article's dated sentences")
    if info.episodes.empty:
        st.caption("The article dates no sentence of this event.")
        return
    st.dataframe(info.episodes, hide_index=True, width="stretch",
                 column_config={"sentence": st.column_config.TextColumn("article's words", width="large")})


def show_place_history(info: detail.EventDetail) -> None:
    """Who held the place from when to when, then its events and statements of control in date order."""
    place = info.place_name or "this place"
    if not info.holders.empty:
        st.markdown(f"**Who held {md(place)}** — from every article; disputed when they disagree")
        st.dataframe(info.holders, hide_index=True, width="stretch")
    if len(info.place_history) > 1:
        st.markdown(f"**History of {md(place)}** — its events and changes of control, by date")
        st.dataframe(info.place_history[["when", "kind", "what", "source_file", "section", "sentence"]],
                     hide_index=True, width="stretch",
                     column_config={"sentence": st.column_config.TextColumn("article's words", width="large")})


def show_claimant(group: detail.ClaimantGroup) -> None:
    """One claimant's statements: each sentence quoted, when and where it was stated, its source, and its claims
    (figure, whether a later statement revised it, the total a part belongs to)."""
    lines = [f"**{md(group.claimant)}**" + (f" · for {md(group.speaks_for)}" if group.speaks_for
                                             and group.speaks_for not in group.claimant else "")]
    for statement in group.statements:
        lines.append(f"> {md(statement.quote)}")
        about = [f"stated {md(statement.stated_on)}"] if statement.stated_on else []
        if statement.reference:
            source = md(statement.reference)
            about.append(f"source: [{source}]({statement.reference_url})" if statement.reference_url else f"source: {source}")
        lines.append("")
        for claim in statement.claims:
            words = f" ({md(claim.words)})" if claim.words and claim.words != claim.figure else ""
            notes = [md(claim.where), *about]
            notes += [f"part of {md(claim.part_of)}"] if claim.part_of else []
            notes += [f"revises {md(claim.revises)}"] if claim.revises else []
            notes += [f"**revised later**: {md(claim.revised_by)}"] if claim.revised_by else []
            lines.append(f"- {md(claim.side)} · {md(claim.kind)}: **{md(claim.figure)}**{words} — {'; '.join(notes)}")
        lines.append("")
    st.markdown("\n".join(lines))
