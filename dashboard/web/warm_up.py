"""The warm-up that fills the app's cached loaders when the server starts, before the first visitor arrives."""
from __future__ import annotations

import datetime as dt
import logging
import sys
import threading
import time

import pandas as pd

from dashboard.catalogue import store
from dashboard.views import filters
from dashboard.web.loaders import (
    Sources, chart_data, events_map, filter_choices, load_catalogue, offline_assets, periods_of, problem_rows,
    shown_totals,
)

log = logging.getLogger(__name__)


def warm_up() -> None:
    """Fill the caches a first visitor needs: the catalogue, the sidebar choices and the unfiltered map."""
    sources = Sources.from_env()
    key = sources.fingerprint()
    catalogue = load_catalogue(key, sources)
    _, _, bounds = filter_choices(key, catalogue)
    problem_rows(key, catalogue)
    offline_assets()
    default = filters.FilterState()
    shown = default.apply(catalogue.events, catalogue.parties)
    events_map(key, default, shown, catalogue.claims, periods_of(key, catalogue), catalogue.control)
    shown_totals(key, default, shown, catalogue)
    _first_page_code(chart_data(key, default, shown), bounds)
    del shown
    store.release_unused_memory()  # the unfiltered page's working copies, before the first visitor comes


def _first_page_code(chart: pd.DataFrame, bounds: tuple[dt.date, dt.date]) -> None:
    """Import the page's own modules and make one chart spec, so the first visitor after a start does not wait
    for them (Altair's import and its first schema check: about 0.4 s)."""
    # Not map_panel: streamlit_folium declares its component when imported, which must happen in a script run
    # (imported here, the page's map frame stays empty).
    from dashboard.web import (  # noqa: F401  (what app.py imports, for their imports)
        add_article, cache_notice, detail_panel, events_table, exports, problems_panel, selection, sidebar)
    from dashboard.web.timeline_chart import timeline_spec

    if not chart.empty:
        timeline_spec(chart, bounds, "events", None).to_dict()


def warm_up_when_serving(timeout: float = 120.0) -> threading.Thread:
    """warm_up() in a background thread as soon as Streamlit's runtime exists (visitors arriving meanwhile wait
    on the same cache entries rather than computing them twice)."""
    def run() -> None:
        from streamlit.runtime import Runtime

        deadline = time.monotonic() + timeout
        while not Runtime.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        # This thread runs outside any session on purpose: its "missing ScriptRunContext" warnings say nothing.
        logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
            _NotFromThread(threading.get_ident()))
        try:
            start = time.perf_counter()
            warm_up()
            print(f"  Dashboard data ready ({time.perf_counter() - start:.1f} s)", file=sys.stderr, flush=True)
        except Exception:  # the first visitor then meets the same error, shown in the page
            log.exception("warming the caches failed")

    thread = threading.Thread(target=run, name="dashboard-warm-up", daemon=True)
    thread.start()
    return thread


class _NotFromThread(logging.Filter):
    def __init__(self, thread_id: int):
        super().__init__()
        self.thread_id = thread_id

    def filter(self, record: logging.LogRecord) -> bool:
        return record.thread != self.thread_id
