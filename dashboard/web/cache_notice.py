"""One line that says when the cache is off: the app then serves what it read from memory."""
from __future__ import annotations

import streamlit as st

from dashboard.catalogue.cache import cache_off
from dashboard.catalogue.tables import Catalogue
from dashboard.text.escape import markdown_text as md


def show_cache_state(catalogue: Catalogue) -> None:
    why = cache_off(catalogue)
    if why:
        st.caption(f"⚠ Cache off: {md(why)}. The app serves what it read from memory; a restart reads the "
                   f"articles again.")
