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
from dashboard.web.linked_panel import show_linked
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
    if info.origins:
        st.caption("Read from — " + md(info.origins))


def sides(info: EventDetail, _catalogue: Catalogue) -> None:
    for side in info.sides:
        st.markdown(f"**{md(side.label)}** — {md(side.alignment)}  \nCommanders: {md('; '.join(side.commanders) or 'not stated')}"
                    f"  \nStrength: {md(side.strength or 'not stated')}")


def casualty_claims(info: EventDetail, _catalogue: Catalogue) -> None:
    """What the claims imply per side and kind, then every claimant with their own claims, in the article's words
    (quoted and wrapped, never cut off at the panel's edge)."""
    st.markdown("**Casualty claims** — each source's own figure")
    if info.claims.empty:
        st.caption("The article gives no casualty figures.")
        return
    # The range per side and kind as lines, not a table: a side's long label never pushes the figures off the panel.
    lines = []
    for side, ranges in info.claim_ranges.groupby("side", sort=False):
        figures = ", ".join(f"{md(r.kind)} **{md(r.range)}**" + (" (claims disagree)" if r.conflicting else "")
                            for r in ranges.itertuples())
        lines.append(f"- {md(side)}: {figures}")
    st.markdown("\n".join(lines))
    for group in info.claimants:
        show_claimant(group)


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
    for ref in info.references:
        said = " — ".join(md(part) for part in (f"“{ref.title}”" if ref.title else "", ref.publisher, ref.url) if part)
        lines.append(f"- [{md(ref.footnote)}] {said}" if ref.footnote else f"- {said}")
    if info.references:
        lines.insert(len(info.sources), "\nReferences its claims cite:\n")
    st.markdown("**Sources**\n" + "\n".join(lines))
    st.caption("Files: " + md(", ".join(source.file for source in info.sources)))


def same_place(info: EventDetail, _catalogue: Catalogue) -> None:
    if not info.same_place.empty:
        st.markdown("**Other events at this place, over time**")
        st.dataframe(info.same_place.drop(columns=["event_id"]), hide_index=True, width="stretch")


def episodes(info: EventDetail, _catalogue: Catalogue) -> None:
    """The event day by day: each dated sentence with its place (the map draws the numbered track)."""
    st.markdown("**Day by day** — the article's dated sentences")
    if info.episodes.empty:
        st.caption("The article dates no sentence of this event.")
        return
    st.dataframe(info.episodes, hide_index=True, width="stretch",
                 column_config={"sentence": st.column_config.TextColumn("article's words", width="large")})


def place_history(info: EventDetail, _catalogue: Catalogue) -> None:
    """Who held the place from when to when, then its events and statements of control in date order."""
    place = info.place_name or "this place"
    if not info.holders.empty:
        st.markdown(f"**Who held {md(place)}** — from every article; disputed when they disagree")
        st.dataframe(info.holders, hide_index=True, width="stretch")
    if len(info.place_history) <= 1:
        same_place(info, _catalogue)  # no history of control: the other events there, by date
    else:
        st.markdown(f"**History of {md(place)}** — its events and changes of control, by date")
        st.dataframe(info.place_history[["when", "kind", "what", "source_file", "section", "sentence"]],
                     hide_index=True, width="stretch",
                     column_config={"sentence": st.column_config.TextColumn("article's words", width="large")})


def linked(info: EventDetail, catalogue: Catalogue) -> None:
    """The dataset events linked to this one (or the article events, for a dataset's event), figures beside."""
    show_linked(info.event_id, catalogue, info.infobox)


Section = Callable[[EventDetail, Catalogue], None]
SECTIONS: list[Section] = [
    heading,
    when_and_where,
    sides,
    casualty_claims,
    linked,  # UCDP GED and ACLED events linked to it, their figures beside the articles' claims
    notes,
    episodes,  # the event day by day (the map draws its numbered track)
    article_text,
    sources,
    place_history,  # who held the place, its events and changes of control
]


def show_detail(event_id: str, catalogue: Catalogue) -> None:
    try:
        text = catalogue.event_text(event_id)
    except (OSError, ValueError) as error:  # the disk store went away under a running server
        text = {}
        st.warning(f"The article text could not be read from the cache ({md(str(error))}); restart the app to rebuild it.")
    info = detail.event_detail(event_id, catalogue.events, catalogue.claims, text, catalogue.parties,
                               catalogue.control, catalogue.episodes)
    for section in SECTIONS:
        section(info, catalogue)


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
