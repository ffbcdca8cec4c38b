"""Benchmark the dashboard on synthetic data and print the figures beside the targets (never asserted).

    python bench/run.py [--quick] [--no-browser] [--out results.json] [--compare OLD.json]

Measures parsing and geocoding of a synthetic corpus, the cold load, filter and map build on synthetic catalogues
of 1k, 10k and 100k events, and, in headless Chromium against the running app (`python -m dashboard serve
--catalogue DIR`), the time from page load to markers on the map, from a filter change to the updated table and
map, and the server's peak memory. Writes every figure to a JSON file so two runs can be compared.
"""
from __future__ import annotations

import argparse
import copy
import datetime as dt
import functools
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import signal
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/run.py` from a checkout, installed or not

import pandas as pd  # noqa: E402

from bench import datasets_synthetic, synthetic  # noqa: E402
from bench.appserver import MemorySampler, process_tree, running_app, wait_for_log  # noqa: E402
from dashboard.map import assets, build as mapview  # noqa: E402
from dashboard.views import filters  # noqa: E402
from dashboard.catalogue.prepared import prepare_catalogue  # noqa: E402
from dashboard.web import loaders  # noqa: E402
from dashboard.catalogue import (  # noqa: E402
    build_catalogue, cached_prebuilt, corpus_fingerprint, write_catalogue,
)
from dashboard.places.gazetteer import Gazetteer  # noqa: E402
from dashboard.places.locate import place_events  # noqa: E402
from dashboard.ingest.parse import parse_file  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DEFAULT_OUT = ROOT / "bench" / "results" / "latest.json"
FULL_SIZES, QUICK_SIZES = (1_000, 10_000, 100_000), (200,)
FULL_ARTICLES, QUICK_ARTICLES = 1_000, 50
# The dataset case: the largest article catalogue plus GED- and ACLED-shaped files, this many events in all.
FULL_DATASET_EVENTS, QUICK_DATASET_EVENTS = 1_000_000, 1_000
BASELINE_APP = ROOT / "bench" / "baseline_app.py"
FRAGMENT_APP = ROOT / "bench" / "fragment_app.py"
# The filter a user would set: a date range, a coalition (members by year) and a region.
FILTER = {"start": "2014-01-01", "end": "2019-12-31", "factions": ["CMA"], "regions": ["Kidal"]}
# Chosen one after another in the sidebar (each a filter state not rendered yet) for the filter-change timings,
# and opened by URL by new visitors for the warm loads; the figures are the medians.
BROWSER_REGIONS = ("Kidal", "Gao", "Ménaka")
WARM_REGIONS = ("Gao", "Ménaka", "Mopti")
READY_LINE = "Dashboard data ready"  # what `serve` prints once its caches are warm  # a state not rendered yet, opened by URL on a warm server

# Targets from issue 5, for 100k events: (figure key suffix, limit, unit, what the target says).
TARGETS: dict[str, tuple[float, str]] = {
    "filter_ms": (100, "filter change updates the table < 100 ms"),
    "browser_filter_to_table_s": (0.1, "filter change updates the table < 100 ms"),
    "browser_filter_to_map_s": (2.0, "map on screen < 2 s after a filter change"),
    "browser_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "browser_warm_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "browser_restart_load_to_markers_s": (3.0, "page load to markers < 3 s"),
    "map_payload_mb": (5.0, "map payload < ~5 MB"),
    "filtered_map_payload_mb": (5.0, "map payload < ~5 MB"),
    "server_peak_rss_mb": (1024, "server memory < 1 GB"),
    "server_restart_peak_rss_mb": (1024, "server memory < 1 GB"),
    "articles_parse_and_geocode_s": (5.0, "1,000 articles parsed and geocoded < 5 s"),
    "build_catalogue_s": (5.0, "1,000 articles parsed and geocoded < 5 s"),
}
# Issue 16's targets at a million events, where they differ from those at 100k.
MILLION_TARGETS: dict[str, tuple[float, str]] = {
    "server_peak_rss_mb": (1536, "server memory < 1.5 GB at 1M"),
    "server_restart_peak_rss_mb": (1536, "server memory < 1.5 GB at 1M"),
}
# In the browser: the streamlit_folium component's Leaflet map (window.map), its events layer (window.maliMap) and
# how many markers it shows, after two animation frames so the canvas has been painted.
READY_JS = """async () => {
  const m = window.map, events = window.maliMap;
  if (!m || !events || !events.shownLayers) return null;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const canvas = document.querySelector('.leaflet-overlay-pane canvas');
  return {timelines: 1, shown: events.shownLayers.length, painted: !!canvas && canvas.width > 0, old: !!window.__benchOld};
}"""
# The baseline's map: folium's GeoJson of markers (icons in the marker pane), no Timeline.
BASELINE_READY_JS = """async () => {
  const m = window.map;
  if (!m || !window.L) return null;
  let shown = 0;
  m.eachLayer(l => { if (l instanceof window.L.Marker || l instanceof window.L.CircleMarker) shown += 1; });
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {timelines: 0, shown, painted: shown > 0 && !!document.querySelector('.leaflet-marker-icon'), old: !!window.__benchOld};
}"""
# In the page: when the pointer goes down (the user's choice), and the first frame painted after the
# "events shown" line's text differs from `before`.
WATCH_SUMMARY_JS = """(before) => {
  const marks = window.__benchMarks = {};
  document.addEventListener('pointerdown', () => { marks.pointerdown = performance.now(); }, {capture: true, once: true});
  const summary = () => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
    .find(e => e.innerText.includes('events shown'));
  const observer = new MutationObserver(() => {
    const found = summary();
    if (marks.pointerdown && found && found.innerText !== before) {
      observer.disconnect();
      requestAnimationFrame(() => { marks.painted = performance.now(); });
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


@dataclass
class Results:
    figures: dict[str, float | int | str | None] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def put(self, key: str, value: Any) -> None:
        self.figures[key] = round(value, 4) if isinstance(value, float) else value

    @contextmanager
    def stage(self, key: str) -> Iterator[None]:
        """Run one measurement; a failure is recorded under its key and the run goes on."""
        try:
            yield
        except Exception as exc:  # a benchmark reports a broken stage, it does not stop at it
            self.errors[key] = f"{type(exc).__name__}: {exc}"[:500]
            print(f"  ! {key}: {self.errors[key]}", flush=True)


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def median_ms(function: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeats):
        value, seconds = timed(function)
        times.append(seconds * 1000)
    return statistics.median(times), value


# --- articles -----------------------------------------------------------------------------------------------

def measure_articles(results: Results, n: int, work: Path) -> None:
    """Parse, geocode and build a catalogue from n synthetic articles in the four shapes."""
    corpus = work / "articles"
    paths, seconds = timed(lambda: synthetic.write_corpus(corpus, n))
    results.put("articles_count", len(paths))
    results.put("articles_generate_s", seconds)
    parsed, parse_s = timed(lambda: [parse_file(p) for p in paths])
    events = [e for a in parsed for e in a.events]
    results.put("articles_parse_s", parse_s)
    results.put("articles_per_s", len(paths) / parse_s)
    results.put("articles_events", len(events))
    results.put("articles_dated_events", sum(bool(e.start_date) for e in events))
    results.put("articles_shapes", ", ".join(f"{k}: {v}" for k, v in sorted(Counter(a.shape for a in parsed).items())))
    gazetteer, load_s = timed(lambda: Gazetteer.from_csv(synthetic.GAZETTEER))
    results.put("gazetteer_load_s", load_s)
    _, geocode_s = timed(lambda: place_events(events, gazetteer))
    results.put("geocode_s", geocode_s)
    results.put("geocode_events_per_s", len(events) / geocode_s if geocode_s else None)
    results.put("geocode_located", sum(e.latitude is not None for e in events))
    results.put("articles_parse_and_geocode_s", parse_s + load_s + geocode_s)
    with results.stage("build_catalogue_s"):
        built, seconds = timed(lambda: build_catalogue(corpus, synthetic.GAZETTEER))
        results.put("build_catalogue_s", seconds)
        results.put("build_catalogue_events", len(built.events))


# --- catalogues of n events -----------------------------------------------------------------------------------

def measure_catalogue(results: Results, n: int, work: Path, repeats: int) -> Path:
    """Cold load, filters and map build for a synthetic catalogue of n events; returns the written folder."""
    key = f"{n}_"
    catalogue, seconds = timed(lambda: synthetic.synthetic_catalogue(n))
    results.put(key + "generate_s", seconds)
    folder = work / f"catalogue_{n}"
    write_catalogue(catalogue, folder)
    results.put(key + "events_csv_mb", (folder / "events.csv").stat().st_size / 1e6)
    results.put(key + "claims", len(catalogue.claims))
    del catalogue
    # What the app does on its first start on new data (convert to the disk store, prepare), then on a restart.
    cache = work / f"cache_{n}"
    loaded, convert_s = timed(lambda: cached_prebuilt(folder, cache))
    ready, prepare_s = timed(lambda: prepare_catalogue(cached_prebuilt(folder, cache)))
    prepared, parties = ready.events, ready.parties
    results.put(key + "store_convert_s", convert_s)
    results.put(key + "prepare_events_s", prepare_s)
    results.put(key + "cold_load_s", convert_s + prepare_s)
    again, warm_s = timed(lambda: prepare_catalogue(cached_prebuilt(folder, cache)))
    results.put(key + "warm_load_s", warm_s)
    del again
    results.put(key + "events_frame_mb", prepared.memory_usage(deep=True).sum() / 1e6)
    results.put(key + "claims_frame_mb", loaded.claims.memory_usage(deep=True).sum() / 1e6)
    one = loaded.events["event_id"].iloc[len(loaded.events) // 2]
    results.put(key + "event_text_ms", median_ms(lambda: loaded.event_text(one), repeats)[0])
    years = prepared["start_date"].astype(str).str[:4]
    results.put(key + "distinct_sides_year", len(prepared[["side_a", "side_b", "side_c"]].assign(year=years).drop_duplicates()))
    filter_ms, shown = median_ms(lambda: filters.filter_events(prepared, parties=parties, **FILTER), repeats)
    results.put(key + "filter_ms", filter_ms)
    results.put(key + "filter_rows", len(shown))
    results.put(key + "filter_none_ms", median_ms(lambda: filters.filter_events(prepared), repeats)[0])
    # What the sidebar needs before any filter applies, and the cache key app.main works out on every rerun.
    results.put(key + "widgets_prep_ms", median_ms(lambda: _widget_inputs(prepared, parties), repeats)[0])
    results.put(key + "fingerprint_ms", median_ms(lambda: corpus_fingerprint(folder, None), repeats)[0])
    measure_map(results, key, prepared, loaded.claims)
    measure_map(results, key + "filtered_", shown, loaded.claims)
    return folder


def _widget_inputs(events: pd.DataFrame, parties: pd.DataFrame) -> tuple:
    """The faction choices, regions and date bounds the sidebar needs (the same calls app.py makes)."""
    options = filters.faction_options(parties)
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    starts = pd.to_datetime(events["start_date"], errors="coerce").dropna()
    ends = pd.to_datetime(events["end_date"], errors="coerce").dropna()
    return options, regions, starts.min(), ends.max()


def measure_map(results: Results, key: str, events: pd.DataFrame, claims: pd.DataFrame) -> None:
    """build_map, the localised HTML's size (the payload), the per-render copy and st_folium's own Python work."""
    with results.stage(key + "map_build_s"):
        takes_claims = "claims" in inspect.signature(mapview.build_map).parameters
        m, build_s = timed(lambda: mapview.build_map(events, **({"claims": claims} if takes_claims else {})))
        assets.localize(m)
        results.put(key + "map_build_s", build_s)
        fresh, copy_s = timed(lambda: copy.deepcopy(m))
        results.put(key + "map_deepcopy_s", copy_s)
        html, render_s = timed(lambda: m.get_root().render())
        results.put(key + "map_render_s", render_s)
        results.put(key + "map_payload_mb", len(html.encode("utf-8")) / 1e6)
    with results.stage(key + "st_folium_s"):
        _warm_st_folium()
        results.put(key + "st_folium_s", timed(lambda: _st_folium_bare(fresh))[1])


def _st_folium_bare(m) -> None:
    """st_folium outside a running app (Streamlit's bare mode): its rendering and script rewriting, no browser."""
    import logging

    logging.disable(logging.WARNING)  # "missing ScriptRunContext" at import and on every call: expected in bare mode
    try:
        from streamlit_folium import st_folium

        with open(os.devnull, "w") as sink, redirect_stdout(sink), redirect_stderr(sink):
            st_folium(m, key="map", height=600, use_container_width=True, returned_objects=["last_object_clicked_tooltip"])
    finally:
        logging.disable(logging.NOTSET)


@functools.cache
def _warm_st_folium() -> None:
    """Import Streamlit's runtime once, outside the timings."""
    import folium

    _st_folium_bare(folium.Map())


# --- the running app in headless Chromium -----------------------------------------------------------------

# --- a catalogue with datasets (the million-event case) ---------------------------------------------------

def dataset_files(results: Results, total: int, articles: int, work: Path) -> list[Path]:
    """GED- and ACLED-shaped files bringing a catalogue of `articles` events to `total` events."""
    files, seconds = timed(lambda: datasets_synthetic.dataset_files(work / f"datasets_{total}", total - articles))
    results.put(f"{total}_generate_s", seconds)
    results.put(f"{total}_dataset_files_mb", sum(f.stat().st_size for f in files) / 1e6)
    return files


def measure_datasets(results: Results, n: int, folder: Path, files: list[Path], cache: Path, repeats: int) -> None:
    """The catalogue in `folder` with the dataset files: their import into the store (unless the server's first
    start already made it, in `cache`), a restart on it, filters (the usual one, a source, a gap), the map."""
    key = f"{n}_"
    if not store_ready(cache):
        _, import_s = timed(lambda: cached_prebuilt(folder, cache, files))
        results.put(key + "store_convert_s", import_s)
        _, prepare_s = timed(lambda: prepare_catalogue(cached_prebuilt(folder, cache, files)))
        results.put(key + "prepare_events_s", prepare_s)
        results.put(key + "cold_load_s", import_s + prepare_s)
    ready, warm_s = timed(lambda: prepare_catalogue(cached_prebuilt(folder, cache, files)))
    results.put(key + "warm_load_s", warm_s)
    events, parties = ready.events, ready.parties
    results.put(key + "events", len(events))
    results.put(key + "links", len(ready.links) if ready.links is not None else 0)
    results.put(key + "events_frame_mb", events.memory_usage(deep=True).sum() / 1e6)
    results.put(key + "claims_frame_mb", ready.claims.memory_usage(deep=True).sum() / 1e6)
    results.put(key + "parties_frame_mb", parties.memory_usage(deep=True).sum() / 1e6)
    filter_ms, shown = median_ms(lambda: filters.filter_events(events, parties=parties, **FILTER), repeats)
    results.put(key + "filter_ms", filter_ms)
    results.put(key + "filter_rows", len(shown))
    mask_ms, _ = median_ms(lambda: filters.filter_mask(events, parties=parties, **FILTER), repeats)
    results.put(key + "filter_mask_ms", mask_ms)
    results.put(key + "filter_none_ms", median_ms(lambda: filters.filter_events(events), repeats)[0])
    results.put(key + "source_filter_ms", median_ms(lambda: filters.filter_mask(events, sources=("ucdp",)), repeats)[0])
    results.put(key + "gap_filter_ms", median_ms(lambda: filters.filter_mask(events, gaps=("ucdp", "acled")), repeats)[0])
    measure_map(results, key, events, ready.claims)
    measure_map(results, key + "filtered_", shown, ready.claims)
    return n, files


def store_ready(cache: Path) -> bool:
    """Whether a server's first start left a prepared store in this cache folder."""
    return cache.is_dir() and any(cache.glob("catalogue-*/events.prepared.parquet"))


def _map_frames(page) -> list:
    return [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()]


def _ready_map(page, *, new: bool, ready_js: str = READY_JS) -> dict | None:
    """The component frame's map state once markers are drawn (a frame rendered after the mark when `new`)."""
    for frame in _map_frames(page):
        try:
            state = frame.evaluate(ready_js)
        except Exception:  # the frame was replaced while we asked: look again next poll
            continue
        if state and state["shown"] > 0 and state["painted"] and not (new and state["old"]):
            return state
    return None


def _summary_text(page) -> str:
    """The "N of M events shown" line, "" before it exists."""
    found = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="events shown")
    try:
        return found.first.inner_text(timeout=100) if found.count() else ""
    except Exception:
        return ""


def _wait(page, condition: Callable[[], Any], timeout: float, what: str, errors: list[str]) -> Any:
    """Poll `condition` every ~50 ms (letting Playwright process events) until it gives a truthy value."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        value = condition()
        if value:
            return value
        page.wait_for_timeout(50)
    hint = f"; page errors: {'; '.join(errors[:3])}" if errors else ""
    raise TimeoutError(f"{what} not within {timeout:.0f} s{hint}")


def measure_browser(results: Results, n: int, folder: Path, work: Path, timeout: float, warm: bool = True,
                    datasets: tuple[Path, ...] = ()) -> None:
    """A first start on new data (empty cache), visitors on it, then a restart on the warm cache; peak RSS of each."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_browser_"
    cache = work / f"server_cache_{n}"  # empty: the first start converts and prepares, as on new data
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with _serving(results, n, "", folder, cache, work, timeout, datasets) as url:
                _browse(results, key, browser, url, timeout, warm)
            if warm:
                with results.stage(key + "restart"), \
                        _serving(results, n, "restart_", folder, cache, work, timeout, datasets) as url:
                    results.put(key + "restart_load_to_markers_s", _load_to_markers(browser, url, timeout))
        finally:
            browser.close()


@contextmanager
def _serving(results: Results, n: int, label: str, folder: Path, cache: Path, work: Path, timeout: float,
             datasets: tuple[Path, ...] = ()) -> Iterator[str]:
    """The app on `folder` with this cache, once it says its data is ready; its start-up times and peak memory."""
    key = f"{n}_browser_{label}"
    log = work / f"server_{n}_{label or 'first'}.log"
    start = time.perf_counter()
    with running_app(folder, log, timeout, extra_env={"DASHBOARD_CACHE": str(cache)}, datasets=datasets) as (url, server):
        sampler = MemorySampler(server.pid)
        sampler.start()
        try:
            results.put(key + "server_start_s", time.perf_counter() - start)
            wait_for_log(log, READY_LINE, server, timeout)
            results.put(key + "data_ready_s", time.perf_counter() - start)
            yield url
        finally:
            sampler.stop()
            results.put(f"{n}_server_{label}peak_rss_mb", sampler.peak_mb)
            results.put(f"{n}_server_{label}final_rss_mb", sampler.last_mb)


def _new_page(browser) -> tuple[Any, list[str]]:
    """A page of the bench's size, and the list its script errors are collected in."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)[:200]))
    return page, errors


def _load_to_markers(browser, url: str, timeout: float, ready_js: str = READY_JS) -> float:
    page, errors = _new_page(browser)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    _wait(page, lambda: _ready_map(page, new=False, ready_js=ready_js), timeout, "markers on the map", errors)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def _put_median(results: Results, key: str, samples: list[float]) -> None:
    """The median under `key`, every sample under `key`_samples (so a run's spread can be seen)."""
    results.put(key, statistics.median(samples))
    results.figures[key + "_samples"] = [round(x, 3) for x in samples]


def _browse(results: Results, key: str, browser, url: str, timeout: float, warm: bool = True) -> None:
    """Visitors loading the page, then filter changes in the last visitor's sidebar, then visitors opening new states."""
    visits = 3 if warm else 1
    loads, tables, page, errors = [], [], None, []
    for visit in range(visits):
        if page is not None:
            page.close()
        page, errors = _new_page(browser)
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        _wait(page, lambda: _summary_text(page), timeout, "the events summary", errors)
        tables.append(time.perf_counter() - start)
        state = _wait(page, lambda: _ready_map(page, new=False), timeout, "markers on the map", errors)
        loads.append(time.perf_counter() - start)
    _put_median(results, key + "load_to_table_s", tables)
    _put_median(results, key + "load_to_markers_s", loads)
    results.put(key + "markers_at_load", state["shown"])
    with results.stage(key + "filter_to_map_s"):
        to_table, to_map = [], []
        for region in BROWSER_REGIONS[:visits]:
            table_s, map_s, shown = _change_filter(page, region, timeout, errors)
            to_table.append(table_s)
            to_map.append(map_s)
        _put_median(results, key + "filter_to_table_s", to_table)
        _put_median(results, key + "filter_to_map_s", to_map)
        results.put(key + "markers_after_filter", shown)
    if warm:
        with results.stage(key + "warm_load_to_markers_s"):
            _put_median(results, key + "warm_load_to_markers_s",
                        [_load_to_markers(browser, f"{url}?region={region}", timeout) for region in WARM_REGIONS])
    if errors:
        results.notes.append(f"{key}page errors: {'; '.join(errors[:3])}")


def _change_filter(page, region: str, timeout: float, errors: list[str],
                   ready_js: str = READY_JS) -> tuple[float, float, int]:
    """Add a region in the sidebar: seconds until the summary line shows the new counts and until the new map
    shows markers, and how many it shows.

    The summary time is taken inside the page (pointer down on the option to the first frame painted after the
    line's text changed), so it is not rounded up to Playwright's polling.
    """
    for frame in _map_frames(page):
        frame.evaluate("() => { window.__benchOld = true; }")
    before = _summary_text(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Region")
    box.locator("input").first.click()
    option = page.get_by_role("option", name=region, exact=True)
    option.wait_for(timeout=timeout * 1000)
    # A user chooses once the page has settled: Streamlit's status widget is gone when no run is going on.
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout * 1000)
    page.evaluate(WATCH_SUMMARY_JS, before)
    start = time.perf_counter()
    option.click()
    _wait(page, lambda: (text := _summary_text(page)) and text != before, timeout,
          "the events summary after a filter change", errors)
    marks = _wait(page, lambda: page.evaluate("() => window.__benchMarks.painted && window.__benchMarks"), timeout,
                  "the painted summary", errors)
    state = _wait(page, lambda: _ready_map(page, new=True, ready_js=ready_js), timeout, "the updated map", errors)
    map_s = time.perf_counter() - start
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout * 1000)
    return (marks["painted"] - marks["pointerdown"]) / 1000, map_s, state["shown"]


def measure_baseline(results: Results, n: int, folder: Path, work: Path, timeout: float) -> None:
    """The baseline app (bench/baseline_app.py) on the same events: page load -> markers and a filter change ->
    map, each given up after `timeout` seconds (then noted, with how long it ran)."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_baseline_"
    assets.ensure_static_files(BASELINE_APP.with_name("static"))  # before Streamlit walks its static folder
    command = _streamlit_command(BASELINE_APP)
    log = work / f"baseline_{n}.log"
    with running_app(folder, log, timeout, extra_env={"BASELINE_EVENTS_CSV": str(folder / "events.csv")},
                     command=command) as (url, server), sync_playwright() as driver:
        sampler = MemorySampler(server.pid)
        sampler.start()
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # A page busy with tens of thousands of DOM markers answers no call (not even Playwright's waits):
        # after two timeouts the browser is stopped, which ends the call with an error.
        watchdog = threading.Timer(2 * timeout + 30, _stop_browsers)
        watchdog.start()
        page, errors = _new_page(browser)
        start = time.perf_counter()
        try:
            page.goto(url, wait_until="commit")
            _wait(page, lambda: _ready_map(page, new=False, ready_js=BASELINE_READY_JS), timeout, "baseline markers",
                  errors)
            results.put(key + "load_to_markers_s", time.perf_counter() - start)
            start = time.perf_counter()
            _, map_s, _ = _change_filter(page, BROWSER_REGIONS[0], timeout, errors, ready_js=BASELINE_READY_JS)
            results.put(key + "filter_to_map_s", map_s)
        except Exception as error:  # a timeout, ours or Playwright's (a page too busy to take a click)
            stopped = time.perf_counter() - start
            step = "filter change" if key + "load_to_markers_s" in results.figures else "page load"
            results.notes.append(f"baseline at {n:,} events did not finish its {step}: stopped after {stopped:.0f} s "
                                 f"({type(error).__name__})")
            results.put(key + "stopped_after_s", stopped)
        finally:
            watchdog.cancel()
            sampler.stop()
            results.put(key + "server_peak_rss_mb", sampler.peak_mb)
            try:
                browser.close()
            except Exception:  # already stopped by the watchdog
                pass


def _stop_browsers() -> None:
    """SIGKILL to the Chromium browsers this process started (Playwright's driver is their parent)."""
    for pid in process_tree(os.getpid())[1:]:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command and command[0].endswith(b"chromium") and not any(a.startswith(b"--type=") for a in command):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _streamlit_command(script: Path) -> list[str]:
    """`streamlit run SCRIPT` as `serve` runs ours, on the port running_app fills in."""
    return [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", "{port}", "--server.address",
            "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.enableStaticServing", "true"]


def measure_fragment(results: Results, n: int, folder: Path, work: Path, timeout: float) -> None:
    """Filter changes in the fragment variant of the page (bench/fragment_app.py), on the warm store of the same
    catalogue: filter change -> counts painted, and -> map."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_fragment_"
    assets.ensure_static_files(FRAGMENT_APP.with_name("static"))
    env = {"DASHBOARD_CACHE": str(work / f"server_cache_{n}"), "DASHBOARD_CATALOGUE": str(folder)}
    with running_app(folder, work / f"fragment_{n}.log", timeout, extra_env=env,
                     command=_streamlit_command(FRAGMENT_APP)) as (url, _server), sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page, errors = _new_page(browser)
            page.goto(url, wait_until="commit")
            _wait(page, lambda: _ready_map(page, new=False), timeout, "markers on the map", errors)
            samples = [_change_filter(page, region, timeout, errors) for region in BROWSER_REGIONS]
            _put_median(results, key + "filter_to_table_s", [table for table, _, _ in samples])
            _put_median(results, key + "filter_to_map_s", [map_s for _, map_s, _ in samples])
        finally:
            browser.close()


def browser_skip_reason(no_browser: bool) -> str | None:
    if no_browser:
        return "browser part skipped: --no-browser"
    if not CHROMIUM.exists():
        return f"browser part skipped: no {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser part skipped: playwright is not installed"
    return None


# --- report -------------------------------------------------------------------------------------------------

ROWS: list[tuple[str, str, str]] = [  # (figure key suffix, label, unit)
    ("generate_s", "generate synthetic catalogue", "s"),
    ("events_csv_mb", "events.csv size", "MB"),
    ("store_convert_s", "CSV -> disk store, read back", "s"),
    ("prepare_events_s", "read again + prepare + keep in the store", "s"),
    ("cold_load_s", "cold load = convert + prepare", "s"),
    ("warm_load_s", "warm load (restart): read prepared store", "s"),
    ("events_frame_mb", "shared events table in memory", "MB"),
    ("claims_frame_mb", "shared claims table in memory", "MB"),
    ("event_text_ms", "one event's text from disk (median)", "ms"),
    ("distinct_sides_year", "distinct (side_a, side_b, side_c, year)", ""),
    ("filter_ms", "filter_events date+faction+region (median)", "ms"),
    ("filter_rows", "  rows matching", ""),
    ("filter_none_ms", "filter_events, no filter (median)", "ms"),
    ("widgets_prep_ms", "sidebar choices: factions, regions, dates", "ms"),
    ("fingerprint_ms", "corpus_fingerprint of the folder (median)", "ms"),
    ("map_build_s", "build_map, all events", "s"),
    ("map_render_s", "  render to HTML", "s"),
    ("map_payload_mb", "  map payload (localised HTML)", "MB"),
    ("map_deepcopy_s", "  copy.deepcopy of the map (per render)", "s"),
    ("st_folium_s", "  st_folium, Python side (per render)", "s"),
    ("filtered_map_build_s", "build_map, filtered events", "s"),
    ("filtered_map_payload_mb", "  filtered map payload", "MB"),
    ("filtered_st_folium_s", "  st_folium, filtered map", "s"),
    ("browser_server_start_s", "browser: server up (health)", "s"),
    ("browser_data_ready_s", "browser: server start -> data ready (cold)", "s"),
    ("browser_load_to_table_s", "browser: page load -> summary line", "s"),
    ("browser_load_to_markers_s", "browser: page load -> markers", "s"),
    ("browser_filter_to_table_s", "browser: filter change -> summary line", "s"),
    ("browser_filter_to_map_s", "browser: filter change -> map redrawn", "s"),
    ("browser_warm_load_to_markers_s", "browser: warm load (?region=) -> markers", "s"),
    ("server_peak_rss_mb", "server peak RSS (process tree)", "MB"),
    ("server_final_rss_mb", "server RSS at the end", "MB"),
    ("browser_restart_data_ready_s", "browser: restart -> data ready (warm cache)", "s"),
    ("browser_restart_load_to_markers_s", "browser: restart, page load -> markers", "s"),
    ("server_restart_peak_rss_mb", "server peak RSS after a restart", "MB"),
    ("dataset_files_mb", "dataset files (GED + ACLED shaped)", "MB"),
    ("events", "events in the catalogue", ""),
    ("links", "  article events linked to dataset events", ""),
    ("parties_frame_mb", "shared parties table in memory", "MB"),
    ("filter_mask_ms", "filter_mask date+faction+region (median)", "ms"),
    ("source_filter_ms", "source filter (UCDP only, median)", "ms"),
    ("gap_filter_ms", "gap filter (not in UCDP, no ACLED)", "ms"),
    ("fragment_filter_to_table_s", "fragment variant: filter -> summary line", "s"),
    ("fragment_filter_to_map_s", "fragment variant: filter -> map redrawn", "s"),
    ("baseline_load_to_markers_s", "baseline app: page load -> markers", "s"),
    ("baseline_filter_to_map_s", "baseline app: filter change -> map", "s"),
    ("baseline_stopped_after_s", "baseline app: stopped unfinished after", "s"),
    ("baseline_server_peak_rss_mb", "baseline app: server peak RSS", "MB"),
]
ARTICLE_ROWS = [
    ("articles_count", "articles (4 shapes)", ""),
    ("articles_shapes", "  shapes read", ""),
    ("articles_parse_s", "parse_file over the corpus", "s"),
    ("articles_per_s", "  articles parsed per second", "/s"),
    ("articles_events", "  events found", ""),
    ("articles_dated_events", "  events with dates", ""),
    ("gazetteer_load_s", "Gazetteer.from_csv", "s"),
    ("geocode_s", "place_events over those events", "s"),
    ("geocode_events_per_s", "  events geocoded per second", "/s"),
    ("geocode_located", "  events located", ""),
    ("articles_parse_and_geocode_s", "parse + geocode", "s"),
    ("build_catalogue_s", "build_catalogue (cold load from articles)", "s"),
]


def _format(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _target(suffix: str, value: Any, events: int = 0) -> str:
    targets = {**TARGETS, **MILLION_TARGETS} if events >= 1_000_000 else TARGETS
    if suffix not in targets or not isinstance(value, (int, float)):
        return ""
    limit, text = targets[suffix]
    return f"{'met ' if value <= limit else 'MISSED'}  ({text})"


def report(results: Results, sizes: list[int]) -> str:
    f = results.figures
    lines = [f"{'articles':<44} {'value':>12}  target"]
    for key, label, unit in ARTICLE_ROWS:
        if isinstance(f.get(key), str):
            lines.append(f"{label:<44} {f[key]}")
        elif key in f or key in results.errors:
            value = f.get(key, "error")
            lines.append(f"{label:<44} {_format(value):>12} {unit:<3} {_target(key, value)}")
    head = "".join(f"{f'{n:,} events':>16}" for n in sizes)
    lines += ["", f"{'per catalogue size':<44}{head}  target (for 100k events)"]
    for suffix, label, unit in ROWS:
        keys = [f"{n}_{suffix}" for n in sizes]
        if not any(k in f or k in results.errors for k in keys):
            continue
        cells = "".join(f"{_format(f.get(k, 'error' if k in results.errors else None)):>16}" for k in keys)
        last = f.get(keys[-1])
        lines.append(f"{label + (f' ({unit})' if unit else ''):<44}{cells}  {_target(suffix, last, sizes[-1])}")
    ratios = []
    for n in sizes:
        for ours, theirs, what in (("browser_load_to_markers_s", "baseline_load_to_markers_s", "page load"),
                                   ("browser_filter_to_map_s", "baseline_filter_to_map_s", "filter change")):
            a, b = f.get(f"{n}_{ours}"), f.get(f"{n}_{theirs}")
            if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
                ratios.append(f"  {n:,} events, {what}: ours {a:.2f} s / baseline {b:.2f} s = {a / b:.2f}")
            elif isinstance(a, (int, float)) and f.get(f"{n}_baseline_stopped_after_s") and not isinstance(b, (int, float)):
                ratios.append(f"  {n:,} events, {what}: ours {a:.2f} s / baseline did not finish "
                              f"(stopped after {f[f'{n}_baseline_stopped_after_s']:.0f} s)")
    if ratios:
        lines += ["", "ours / baseline (the way folium and streamlit-folium document it):", *ratios]
    if results.errors:
        lines += ["", "errors:"] + [f"  {k}: {v}" for k, v in results.errors.items()]
    if results.notes:
        lines += ["", "notes:"] + [f"  {n}" for n in results.notes]
    return "\n".join(lines)


def compare(old: dict, new: dict) -> str:
    """Old and new value of every numeric figure both runs have, with the relative change."""
    before, after = old.get("figures", {}), new.get("figures", {})
    lines = [f"{'figure':<44} {'old':>12} {'new':>12} {'change':>9}"]
    for key in sorted(set(before) & set(after)):
        a, b = before[key], after[key]
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
            change = f"{(b - a) / a * 100:+.0f}%" if a else "n/a"
            lines.append(f"{key:<44} {_format(a):>12} {_format(b):>12} {change:>9}")
    for key in sorted(set(before) ^ set(after)):
        lines.append(f"{key:<44} {'only in ' + ('old' if key in before else 'new'):>35}")
    return "\n".join(lines)


def _loads(loads) -> str:
    return " ".join(f"{x:.1f}" for x in loads)


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=5).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def run(args: argparse.Namespace) -> dict:
    sizes = args.sizes or list(QUICK_SIZES if args.quick else FULL_SIZES)
    n_articles = args.articles or (QUICK_ARTICLES if args.quick else FULL_ARTICLES)
    repeats = 3 if args.quick else 7
    results = Results()
    skip = browser_skip_reason(args.no_browser)
    load_at_start = list(os.getloadavg())  # other work on the machine makes every figure slower
    largest: tuple[int, Path | None] = (0, None)
    columns = list(sizes)
    with tempfile.TemporaryDirectory(prefix="dashboard-bench-") as tmp:
        work = Path(tmp)
        print(f"articles: {n_articles}", flush=True)
        with results.stage("articles"):
            measure_articles(results, n_articles, work)
        for n in sizes:
            print(f"catalogue: {n:,} events", flush=True)
            folder = None
            with results.stage(f"{n}_catalogue"):
                folder = measure_catalogue(results, n, work, repeats)
            if skip is None and folder is not None:
                print(f"browser: {n:,} events", flush=True)
                with results.stage(f"{n}_browser"):
                    measure_browser(results, n, folder, work, args.browser_timeout, warm=not args.quick)
                if args.fragments:
                    print(f"fragment variant: {n:,} events", flush=True)
                    with results.stage(f"{n}_fragment"):
                        measure_fragment(results, n, folder, work, args.browser_timeout)
                if not args.no_baseline:
                    print(f"baseline app: {n:,} events", flush=True)
                    with results.stage(f"{n}_baseline"):
                        measure_baseline(results, n, folder, work, args.baseline_timeout)
            largest = (n, folder)
        total = args.dataset_events or (QUICK_DATASET_EVENTS if args.quick else FULL_DATASET_EVENTS)
        if not args.no_datasets and largest[1] is not None and total > largest[0]:
            print(f"datasets: {total:,} events ({largest[0]:,} from articles)", flush=True)
            files = dataset_files(results, total, largest[0], work)
            columns = [*sizes, total]
            if skip is None:  # the server's first start imports them: the figures after it read its store
                print(f"browser: {total:,} events with datasets", flush=True)
                with results.stage(f"{total}_browser"):
                    measure_browser(results, total, largest[1], work, args.browser_timeout, warm=not args.quick,
                                    datasets=tuple(files))
            with results.stage(f"{total}_catalogue"):
                cache = work / (f"server_cache_{total}" if skip is None else f"cache_{total}")
                measure_datasets(results, total, largest[1], files, cache, repeats)
        if skip:
            print(skip)
            results.notes.append(skip)
    meta = {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": _git_commit(),
            "load_average_at_start": load_at_start, "load_average_at_end": list(os.getloadavg()),
            "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
            "quick": args.quick, "sizes": sizes, "dataset_case": columns[len(sizes):], "articles": n_articles,
            "filter": FILTER,
            "browser": skip or "chromium"}
    table = report(results, columns)
    print()
    print(table)
    print(f"\nload average (1, 5, 15 min) at start {_loads(load_at_start)}, at end {_loads(os.getloadavg())}"
          f" on {os.cpu_count()} CPUs")
    return {"meta": meta, "figures": results.figures, "errors": results.errors, "notes": results.notes,
            "targets": {k: {"limit": v[0], "target": v[1]} for k, v in TARGETS.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes (200 events, 50 articles), for CI")
    parser.add_argument("--no-browser", action="store_true", help="skip the headless-Chromium part")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON file (default {DEFAULT_OUT.relative_to(ROOT)})")
    parser.add_argument("--compare", type=Path, help="an earlier JSON file: print old and new figures side by side")
    parser.add_argument("--sizes", type=int, nargs="+", help="catalogue sizes (default 1000 10000 100000)")
    parser.add_argument("--articles", type=int, help="number of synthetic articles (default 1000)")
    parser.add_argument("--browser-timeout", type=float, default=180.0, help="seconds to wait for each browser step")
    parser.add_argument("--dataset-events", type=int,
                        help=f"events in the dataset case, articles included (default {FULL_DATASET_EVENTS:,}; "
                             f"--quick {QUICK_DATASET_EVENTS:,})")
    parser.add_argument("--no-datasets", action="store_true", help="skip the dataset (million-event) case")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline app")
    parser.add_argument("--fragments", action="store_true",
                        help="also measure filter changes in the fragment variant of the page (bench/fragment_app.py)")
    parser.add_argument("--baseline-timeout", type=float, default=120.0,
                        help="seconds before a baseline step is stopped and reported unfinished")
    args = parser.parse_args(argv)
    results = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    if args.compare:
        try:
            print("\n" + compare(json.loads(args.compare.read_text(encoding="utf-8")), results))
        except (OSError, ValueError) as exc:
            print(f"cannot compare with {args.compare}: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
