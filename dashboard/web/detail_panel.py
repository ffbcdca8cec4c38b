"""The detail panel: one event as the articles tell it (views.detail gives the content; this only renders it).

The panel is SECTIONS, drawn in order, each a small function of the event's EventDetail (and the catalogue): a
new part of the panel is one function and one line in SECTIONS.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md
from dashboard.views import detail
from dashboard.views.detail import EventDetail
from dashboard.views.event_types import TYPE_LABELS


def heading(info: EventDetail, _catalogue: Catalogue) -> None:
    st.subheader(md(info.title))
    kind = TYPE_LABELS.get(info.event_type, "")
    if kind and info.event_type != "unknown":
        st.caption(md(f"{kind}, as its title or first sentences say"))


def when_and_where(info: EventDetail, _catalogue: Catalogue) -> None:
    st.markdown(f"**When:** {md(info.dates)}  \n**Where:** {md(info.place_text)}"
                + (f" ({md(info.region)} region)" if info.region else "")
                + f"  \n**Result:** {md(info.result or 'not stated')}  \n**Part of:** {md(info.part_of or 'not stated')}")


def sides(info: EventDetail, _catalogue: Catalogue) -> None:
    for side in info.sides:
        st.markdown(f"**{md(side.label)}** — {md(side.alignment)}  \nCommanders: {md('; '.join(side.commanders) or 'not stated')}"
                    f"  \nStrength: {md(side.strength or 'not stated')}")


def casualty_claims(info: EventDetail, _catalogue: Catalogue) -> None:
    """Each side and kind with the range its claims imply, then every claim in the article's own words (wrapped,
    never cut off at the panel's edge)."""
    st.markdown("**Casualty claims** — each source's own figure")
    if info.claims.empty:
        st.caption("The article gives no casualty figures.")
        return
    for _, group in info.claim_ranges.iterrows():
        conflict = " (the claims disagree)" if group["conflicting"] else ""
        lines = [f"**{md(group['side'])}, {md(group['kind'])}: {md(group['range'])}**{md(conflict)}"]
        claims = info.claims[(info.claims["side"] == group["side"]) & (info.claims["kind"] == group["kind"])]
        for _, claim in claims.iterrows():
            lines.append(f"- {md(claim['figure'])}, per {md(claim['claimed_by'])}: “{md(claim['text'])}”")
        st.markdown("  \n".join(lines[:1]) + "\n" + "\n".join(lines[1:]))


def notes(info: EventDetail, _catalogue: Catalogue) -> None:
    for note in info.notes:
        st.caption(md(note))


def article_text(info: EventDetail, _catalogue: Catalogue) -> None:
    with st.expander("Summary and article sections", expanded=False):
        st.markdown(md(info.summary))
        for heading_text, text in info.sections:
            st.markdown(f"**{md(heading_text or 'Untitled section')}**")
            st.markdown(md(text))


def sources(info: EventDetail, _catalogue: Catalogue) -> None:
    """The articles it comes from, by title (site and address when known); the files as a technical detail."""
    if not info.sources:
        return
    lines = []
    for source in info.sources:
        where = f" — {md(source.site)}, {md(source.url)}" if source.url else ""
        role = "Article" if source.role == "article" else "Also described in"
        lines.append(f"- {role}: *{md(source.title)}*{where}")
    st.markdown("**Sources**\n" + "\n".join(lines))
    st.caption("Files: " + md(", ".join(source.file for source in info.sources)))


def same_place(info: EventDetail, _catalogue: Catalogue) -> None:
    if not info.same_place.empty:
        st.markdown("**Other events at this place, over time**")
        st.dataframe(info.same_place.drop(columns=["event_id"]), hide_index=True, width="stretch")


Section = Callable[[EventDetail, Catalogue], None]
SECTIONS: list[Section] = [
    heading,
    when_and_where,
    sides,
    casualty_claims,
    notes,
    article_text,
    sources,
    same_place,
]


def show_detail(event_id: str, catalogue: Catalogue) -> None:
    try:
        text = catalogue.event_text(event_id)
    except (OSError, ValueError) as error:  # the disk store went away under a running server
        text = {}
        st.warning(f"The article text could not be read from the cache ({md(str(error))}); restart the app to rebuild it.")
    info = detail.event_detail(event_id, catalogue.events, catalogue.claims, text, catalogue.parties)
    for section in SECTIONS:
        section(info, catalogue)
