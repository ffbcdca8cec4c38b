"""The dataset (million-event) case: article events with GED- and ACLED-shaped files, imported, filtered and mapped."""
from __future__ import annotations

from pathlib import Path

from bench import datasets_synthetic
from bench.catalogue_case import FILTER, measure_map
from bench.figures import Results, median_ms, timed
from dashboard.catalogue import cached_prebuilt
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.views import filters


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
