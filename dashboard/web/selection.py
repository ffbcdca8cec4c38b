"""The one selected event of a session, whichever way it was chosen (a marker, a table row, a `?event=` link):
the map, the table, the URL and the detail panel all read it from here."""
from __future__ import annotations

import streamlit as st

KEY = "selected"
FOCUSED = "selection_focused"  # the selection the map last centred on (a new one is centred once)


def selected() -> str | None:
    return st.session_state.get(KEY)


def select(event_id: str | None) -> None:
    st.session_state[KEY] = event_id or None


def is_new() -> bool:
    """Whether the map has yet to move to the selection (then it is marked as done)."""
    event_id = selected()
    new = bool(event_id) and st.session_state.get(FOCUSED) != event_id
    st.session_state[FOCUSED] = event_id
    return new


def from_link(event_id: str | None, known: bool) -> str | None:
    """On a session's first run: the `?event=` link's event, if the catalogue has it; else a note saying why not."""
    if "link_event_read" in st.session_state:
        return None
    st.session_state["link_event_read"] = True
    if not event_id:
        return None
    if known:
        select(event_id)
        return None
    return f"no event {event_id!r} in these articles (unknown id): nothing selected"
