"""Measured in this process: synthetic articles parsed, geocoded and built; catalogues of n events loaded and mapped."""
from __future__ import annotations

import copy
import functools
import inspect
import os
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd

from bench import synthetic
from bench.figures import Results, median_ms, timed
from dashboard.catalogue import build_catalogue, cached_prebuilt, corpus_fingerprint, write_catalogue
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.ingest.parse import parse_file
from dashboard.map import assets, build as mapview
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import place_events
from dashboard.views import filters

# The filter a user would set: a date range, a coalition (members by year) and a region.
FILTER = {"start": "2014-01-01", "end": "2019-12-31", "factions": ["CMA"], "regions": ["Kidal"]}


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
