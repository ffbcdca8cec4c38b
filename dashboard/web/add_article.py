"""The "Add an article" panel, shown only when `serve --allow-add` allows it: upload files or paste text, see
what each is read as (title, dates, place, sides, claims, problems) before saving it into the served articles
folder; the folder's content hash keys the catalogue, so every session sees the new article on its next rerun.
The rules (limits, safe names, same content, atomic write) are catalogue.intake's; this only renders them."""
from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dashboard.catalogue import intake
from dashboard.catalogue.build import load_gazetteer
from dashboard.model import STAGES
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.escape import markdown_text as md
from dashboard.views.detail import EventDetail, event_detail
from dashboard.web.loaders import Sources

ALLOW_ADD = "DASHBOARD_ALLOW_ADD"  # set to "1" by `python -m dashboard serve --allow-add`
LIMITS = (f"Text files only (a page saved or copied from the web, wikitext, Markdown), at most "
          f"{intake.MAX_FILE_BYTES // 2**20} MB each and {intake.MAX_FILES} per upload. Each is read at once; "
          f"nothing is saved until you press Save.")


def adding_allowed() -> bool:
    return os.environ.get(ALLOW_ADD) == "1"


def add_article_panel(sources: Sources) -> None:
    """The panel (absent unless allowed, and when the app serves a `build` folder rather than articles)."""
    if not adding_allowed() or sources.prebuilt:
        return
    state = st.session_state
    round_ = state.setdefault("add_round", 0)  # a new round gives fresh, empty upload widgets
    # Open once used, and kept open: a panel whose `expanded` changes from one rerun to the next is redrawn
    # closed under the user's hands (after a save, the next upload would close it).
    state["add_open"] = bool(state.get("add_open") or state.get("add_done") or state.get(f"add_files_{round_}")
                             or state.get(f"add_paste_{round_}"))
    with st.expander("Add an article", expanded=state["add_open"]):
        st.caption(md(LIMITS) + f"  \nSaved into the served articles folder: {md(sources.seeds)}")
        for message in state.pop("add_done", []):
            st.success(message)
        files = st.file_uploader("Article files", accept_multiple_files=True, key=f"add_files_{round_}",
                                 max_upload_size=intake.MAX_FILE_BYTES // 2**20)
        pasted = st.text_area("…or paste an article's text", key=f"add_paste_{round_}", height=140)
        gazetteer = f"{sources.gazetteer}\0{_mtime(sources.gazetteer)}"  # the readings' cache key
        offers = _offers(files or [], pasted, gazetteer)
        chosen = [offer for index, offer in enumerate(offers) if _show_offer(index, offer, sources.seeds, gazetteer)]
        if offers and st.button(f"Save {len(chosen)} article{'s' * (len(chosen) != 1)}", disabled=not chosen,
                                key=f"add_save_{round_}", type="primary"):
            _save(chosen, sources.seeds, gazetteer)


def _offers(files: list, pasted: str, gazetteer: str) -> list[intake.Offer]:
    """What was given, checked; refusals are shown at once, with the reason."""
    offers = []
    left_out = len(files) - intake.MAX_FILES
    if left_out > 0:
        st.warning(f"At most {intake.MAX_FILES} files per upload: the last {left_out} "
                   f"{'was' if left_out == 1 else 'were'} left out (upload {'it' if left_out == 1 else 'them'} next).")
    for upload in files[:intake.MAX_FILES]:
        try:
            offers.append(intake.check_file(upload.name, upload.getvalue()))
        except intake.IntakeError as refusal:
            st.error(f"**{md(upload.name)}**: {md(str(refusal))}")
    if pasted.strip():
        try:
            provisional = intake.check_paste(pasted)
            events = _reading(provisional.name, provisional.data, gazetteer).events
            own = events[events["kind"] == "article"]["title"]
            title = own.iloc[0] if len(own) and not own.iloc[0].startswith("Untitled article") else ""
            offers.append(intake.check_paste(pasted, title))
        except intake.IntakeError as refusal:
            st.error(f"**The pasted text**: {md(str(refusal))}")
    return offers


def _show_offer(index: int, offer: intake.Offer, folder: Path, gazetteer: str) -> bool:
    """What the offer is read as, what saving would do; True when the user wants it saved."""
    reading = _reading(offer.name, offer.data, gazetteer)
    plan = intake.plan_save(folder, offer.name, offer.data)
    st.markdown(f"---  \n**{md(offer.given_name)}**" + (f" → saved as {md(plan.name)}" if plan.action != "already there"
                                                         else ""))
    if plan.action == "renamed":
        st.caption(f"Another article is already called {md(offer.name)}: this one gets a name of its own.")
    details = [event_detail(e, reading.events, reading.claims, None, reading.parties) for e in reading.events["event_id"]]
    for detail in details:
        _show_event(detail)
    if not details:
        st.warning("No event was read from this page.")
    for row in reading.problems.itertuples():
        st.caption(f"Problem ({md(row.stage)}: {md(STAGES.get(row.stage, ''))}): {md(row.reason)}")
    if plan.action == "already there":
        st.info(f"Already in the articles folder as {md(plan.name)}: it is not saved again.")
        return False
    if not details:
        return st.checkbox("Save it anyway (it will be listed under Problems, not on the map)", value=False,
                           key=f"add_force_{st.session_state['add_round']}_{index}")
    return st.checkbox("Save this article", value=True, key=f"add_keep_{st.session_state['add_round']}_{index}")


def _show_event(detail: EventDetail) -> None:
    where = "on the map" if detail.latitude is not None else "not on the map"
    lines = [f"**{md(detail.title)}**" + (" (from a related-article summary)" if detail.kind == "related" else ""),
             f"When: {md(detail.dates)}", f"Where: {md(detail.place_text)} ({where})"]
    lines += [f"{md(side.label)} — {md(side.alignment)}" for side in detail.sides] or ["Sides: none read from the page"]
    st.markdown("  \n".join(lines))
    if detail.claims.empty:
        st.caption("No casualty figures.")
    else:
        st.dataframe(detail.claims[["side", "kind", "figure", "claimed_by", "text"]], hide_index=True, width="stretch")


def _save(chosen: list[intake.Offer], folder: Path, gazetteer: str) -> None:
    done, first_event = [], None
    for offer in chosen:
        try:
            plan = intake.save_article(folder, offer.name, offer.data)
        except OSError as error:  # IntakeError included: a full or read-only folder, no free name
            st.error(f"**{md(offer.given_name)}** could not be saved: {md(error.strerror or str(error))}")
            continue
        if plan.action == "already there":
            done.append(f"{md(offer.given_name)} is already in the folder as {md(plan.name)}.")
            continue
        events = _reading(plan.name, offer.data, gazetteer).events
        own = events[events["kind"] == "article"]
        first_event = first_event or (own["event_id"].iloc[0] if len(own) else None)
        done.append(f"Saved {md(offer.given_name)} as {md(plan.name)}: {len(events)} event"
                    f"{'s' * (len(events) != 1)}, on the map for everyone from their next rerun"
                    + (" (opened above)." if len(own) and first_event == own["event_id"].iloc[0] else "."))
    if done:
        st.session_state["add_done"] = done
        st.session_state["add_round"] += 1
        if first_event:
            st.session_state["selected"] = first_event  # the detail panel opens on the new article
        st.rerun()


@st.cache_data(max_entries=64, show_spinner="Reading the article…")
def _reading(name: str, data: bytes, gazetteer: str):
    """intake.read_candidate, once per name, content and gazetteer (path and mtime): a rerun while files wait
    in the uploader reads nothing again."""
    return intake.read_candidate(name, data, _gazetteer(gazetteer))


@st.cache_resource(max_entries=2, show_spinner=False)
def _gazetteer(key: str) -> Gazetteer | None:
    return load_gazetteer(key.split("\0")[0])


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
