"""The catalogue kept on disk (a Parquet store) under the content and code fingerprints, so a restart starts warm
and an edited, added or removed article is never served stale."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from dashboard import paths
from dashboard.catalogue import store
from dashboard.catalogue.build import load_gazetteer
from dashboard.catalogue.files import read_catalogue
from dashboard.catalogue.fingerprints import code_fingerprint, corpus_fingerprint, datasets_fingerprint
from dashboard.catalogue.incremental import build_incrementally
from dashboard.catalogue.store_child import write_apart
from dashboard.catalogue.store_job import StoreJob
from dashboard.catalogue.tables import Catalogue, stored_control, stored_episodes, with_links
from dashboard.datasets import DATASET_KINDS
from dashboard.model import TEXT_COLUMNS

LARGE_IMPORT_BYTES = 64_000_000  # dataset files and build CSV from this size up are imported in a child process


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path,
                     datasets: Sequence[str | Path] = ()) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm
    (and each article parsed once per content while the server runs: see incremental.py).

    The catalogue comes back without the article text in `events` (read per event through `with_text`), unless
    the cache cannot be written, when it is the whole built catalogue. Dataset files are part of the key (a
    changed file is never served stale) and go into the store a block at a time.
    """
    content = f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{datasets_fingerprint(datasets)}"
    job = StoreJob(str(seeds_dir), False, _optional(gazetteer_path), tuple(map(str, datasets)))

    def unchanged() -> bool:
        return f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{datasets_fingerprint(datasets)}" == content

    return _stored(Path(cache_dir) / f"catalogue-{content}-{code_fingerprint()}", job,
                   lambda: _with_datasets(build_incrementally(seeds_dir, gazetteer_path), datasets, gazetteer_path),
                   unchanged)


def cached_prebuilt(folder: str | Path, cache_dir: str | Path, datasets: Sequence[str | Path] = (),
                    gazetteer_path: str | Path | None = paths.GAZETTEER) -> Catalogue:
    """A folder written by `build` (CSV), converted once to a disk store a block at a time, then read like the
    seeds; dataset files, if given, join it on the way."""
    content = f"{corpus_fingerprint(folder, None)}-{datasets_fingerprint(datasets)}"
    job = StoreJob(str(folder), True, _optional(gazetteer_path), tuple(map(str, datasets)))

    def unchanged() -> bool:
        return f"{corpus_fingerprint(folder, None)}-{datasets_fingerprint(datasets)}" == content

    return _stored(Path(cache_dir) / f"catalogue-csv-{content}-{code_fingerprint()}", job,
                   lambda: _with_datasets(read_catalogue(folder), datasets, gazetteer_path), unchanged)


def _optional(path: str | Path | None) -> str | None:
    return None if path is None else str(path)


def _with_datasets(catalogue: Catalogue, datasets: Sequence[str | Path], gazetteer_path) -> Catalogue:
    """The whole catalogue in memory with the dataset files joined (when the disk store cannot be used)."""
    if not datasets:
        return catalogue
    from dashboard.catalogue.build import join_datasets
    from dashboard.datasets import read_dataset, region_names

    regions = region_names(load_gazetteer(gazetteer_path))
    return join_datasets(catalogue, [read_dataset(path, regions) for path in datasets])


def cache_off(catalogue: Catalogue) -> str:
    """"" while the catalogue is served from its disk store, else why it is served from memory (the page says
    so). A store that went away under the running server is written again first, or its text moved to memory."""
    if catalogue.cache_off or catalogue.text is None:
        return catalogue.cache_off
    return catalogue.text.ensure()


def _stored(folder: Path, job: StoreJob, whole: Callable[[], Catalogue], unchanged: Callable[[], bool]) -> Catalogue:
    """The store in `folder`, written by `job` first if missing; `whole()` when the disk says no.

    `unchanged()` says whether the articles are still those the store was keyed by (see _recover_text).
    """
    why = "the stored catalogue could not be read"
    for _attempt in range(2):
        if not store.is_complete(folder):
            why = _write_store(folder, job)
            store.release_unused_memory()  # what writing a million dataset rows left behind, before reading
            if why:
                break  # a read-only or full disk only costs the warm start and the memory saving
        try:
            tables = store.read_store(folder)
        except (OSError, ValueError):  # a damaged store is written again, once
            store.remove_store(folder)
            continue
        store.release_unused_memory()
        store.mark_used(folder)
        links = tables["links"]
        if links.empty and not tables["events"]["kind"].isin(DATASET_KINDS).any():
            links = None  # no dataset was read
        ids = tables["events"]["event_id"].copy()
        text = store.EventText(folder / "events.parquet", lambda: _recover_text(folder, job, whole, unchanged, ids))
        return Catalogue(with_links(tables["events"], links), tables["claims"], tables["problems"], tables["parties"],
                         text=text, control=stored_control(tables["control"]),
                         episodes=stored_episodes(tables["episodes"]), links=links)
    catalogue = whole()
    catalogue.cache_off = why
    return catalogue


def _write_store(folder: Path, job: StoreJob) -> str:
    """The store written into `folder` (via a partial folder of this writer's own): "" or why it could not be.

    A large import (LARGE_IMPORT_BYTES) is written by a child process: the server then reads the finished store
    as a restart would, without the import's heap (a first start on a million dataset rows held ~300 MB more
    than a restart). If the child fails, the job runs here, so its error is the one raised as before."""
    partial = store.partial_folder(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        store.remove_leftovers(folder.parent)
        partial.mkdir()
        if job.input_bytes() < LARGE_IMPORT_BYTES or not write_apart(job, partial):
            job.write(partial)
        store.sync_folder(partial)
        store.replace_folder(partial, folder)
        return ""
    except OSError as error:
        if store.is_complete(folder):
            return ""  # another server wrote the same store meanwhile
        return f"the cache folder {folder.parent} cannot be written ({error.strerror or error})"
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _recover_text(folder: Path, job: StoreJob, whole: Callable[[], Catalogue],
                  unchanged: Callable[[], bool], ids: pd.Series) -> store.Recovered | None:
    """Where a served catalogue's event text is read from once its store went away: the store written again
    or, if the disk says no, memory. Only while the articles are those it was built from (the rows must be
    the same rows); otherwise None: the next rerun serves the new articles' catalogue anyway."""
    if not unchanged():
        return None
    why = "" if store.is_complete(folder) else _write_store(folder, job)
    if not why:
        try:
            stored = pd.read_parquet(folder / "events.parquet", columns=["event_id"])["event_id"]
            if stored.tolist() == ids.tolist():
                return store.Recovered(path=folder / "events.parquet")
        except (OSError, ValueError):
            pass
        why = "the stored catalogue could not be read back"
    events = whole().events
    if events["event_id"].tolist() != ids.tolist():
        return None
    return store.Recovered(memory=events[list(TEXT_COLUMNS)], cache_off=why)
