"""The catalogue kept on disk (a Parquet store) under the content and code fingerprints, so a restart starts warm
and an edited, added or removed article is never served stale."""
from __future__ import annotations

import csv
import hashlib
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from dashboard import paths
from dashboard.casualties.estimate import best_estimates
from dashboard.catalogue import store
from dashboard.catalogue.build import article_files, build_catalogue, dataset_problems, load_gazetteer
from dashboard.catalogue.files import READ_TEXT, read_catalogue
from dashboard.catalogue.tables import (
    Catalogue, catalogue_parties, control_frame, episodes_frame, problems_frame, stored_control, stored_episodes,
    typed_claims, typed_control, typed_episodes, typed_events, typed_parties, typed_problems, with_derived, with_links,
)
from dashboard.datasets import DATASET_KINDS
from dashboard.datasets.base import claims_for_size


def corpus_fingerprint(seeds_dir: str | Path, gazetteer_path: str | Path | None) -> str:
    """A hash of every article's name and bytes and of the gazetteer: the key under which parsed results are cached."""
    digest = hashlib.sha256()
    files = article_files(seeds_dir) if Path(seeds_dir).is_dir() else []
    if gazetteer_path is not None and Path(gazetteer_path).is_file():
        files.append(Path(gazetteer_path))
    for path in files:
        stat = path.stat()
        digest.update(f"{path.name}\0{file_digest(path.resolve(), stat.st_size, stat.st_mtime_ns)}\0".encode())
    return digest.hexdigest()[:16]


def datasets_fingerprint(datasets: Sequence[str | Path]) -> str:
    """A hash of the dataset files' names and bytes, in the order given ("" when there are none)."""
    if not datasets:
        return ""
    digest = hashlib.sha256()
    for path in map(Path, datasets):
        stat = path.stat()
        digest.update(f"{path.name}\0{file_digest(path.resolve(), stat.st_size, stat.st_mtime_ns)}\0".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=65536)
def file_digest(path: Path, size: int, mtime_ns: int) -> str:
    """The content hash of a file, recomputed only when its size or modification time changes."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def code_fingerprint() -> str:
    """A hash of this package's source: a cached catalogue built by other code is never served."""
    digest = hashlib.sha256()
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path,
                     datasets: Sequence[str | Path] = ()) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm.

    The catalogue comes back without the article text in `events` (read per event through `with_text`), unless
    the cache cannot be written, when it is the whole built catalogue. Dataset files are part of the key (a
    changed file is never served stale) and go into the store a block at a time.
    """
    key = f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{datasets_fingerprint(datasets)}-{code_fingerprint()}"

    def write(partial: Path) -> None:
        built = build_catalogue(seeds_dir, gazetteer_path)
        with store.StoreWriter(partial) as out:
            for name in store.TABLES[:-1]:
                out.append(name, getattr(built, name))
            append_datasets(out, datasets, gazetteer_path)
        write_links(partial)

    return _stored(Path(cache_dir) / f"catalogue-{key}", write,
                   lambda: build_catalogue(seeds_dir, gazetteer_path, datasets))


def cached_prebuilt(folder: str | Path, cache_dir: str | Path, datasets: Sequence[str | Path] = (),
                    gazetteer_path: str | Path | None = paths.GAZETTEER) -> Catalogue:
    """A folder written by `build` (CSV), converted once to a disk store a block at a time, then read like the
    seeds; dataset files, if given, join it on the way."""
    key = f"csv-{corpus_fingerprint(folder, None)}-{datasets_fingerprint(datasets)}-{code_fingerprint()}"

    def write(partial: Path) -> None:
        with store.StoreWriter(partial) as out:
            convert_build_folder(Path(folder), out)
            append_datasets(out, datasets, gazetteer_path)
        write_links(partial)

    return _stored(Path(cache_dir) / f"catalogue-{key}", write, lambda: _whole_prebuilt(folder, datasets, gazetteer_path))


def _whole_prebuilt(folder: str | Path, datasets: Sequence[str | Path], gazetteer_path) -> Catalogue:
    catalogue = read_catalogue(folder)
    if not datasets:
        return catalogue
    from dashboard.catalogue.build import join_datasets
    from dashboard.datasets import read_dataset, region_names

    regions = region_names(load_gazetteer(gazetteer_path))
    return join_datasets(catalogue, [read_dataset(path, regions) for path in datasets])


def convert_build_folder(source: Path, out: store.StoreWriter) -> None:
    """The CSV files of a `build` folder into a store, a block at a time, with the derived columns and parties
    table worked out on the way (claims first: the events' best estimate of killed reads them)."""
    for name in ("events", "claims"):
        if not (source / f"{name}.csv").is_file():
            raise FileNotFoundError(f"no {name}.csv in {source}")
    store.convert_csv(source / "claims.csv", out, lambda block: {"claims": typed_claims(block)})
    wanted = {"event_id", "side", "kind", "low", "high", "part_of", "revised_by"}  # what the best estimate reads
    with (source / "claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    claims = typed_claims(pd.read_csv(source / "claims.csv", usecols=[c for c in header if c in wanted], **READ_TEXT))
    best = best_estimates(claims_for_size(claims))
    has_parties = (source / "parties.csv").is_file()
    if has_parties:
        store.convert_csv(source / "parties.csv", out, lambda block: {"parties": typed_parties(block)})

    def events_block(block: pd.DataFrame) -> dict[str, pd.DataFrame]:
        events = typed_events(block)
        parties = catalogue_parties(events)  # the side alignments read the parties; parties.csv, if any, is kept
        derived = with_derived(events, None, parties).assign(best_killed=best.reindex(events["event_id"]).astype(
            "Int64").array)
        return {"events": derived} if has_parties else {"events": derived, "parties": parties}

    store.convert_csv(source / "events.csv", out, events_block)
    optional = {"problems": (typed_problems, typed_problems(pd.DataFrame())),
                "control": (typed_control, control_frame([])), "episodes": (typed_episodes, episodes_frame([]))}
    for name, (typed, empty) in optional.items():
        if (source / f"{name}.csv").is_file():
            store.convert_csv(source / f"{name}.csv", out, lambda block, typed=typed, name=name: {name: typed(block)})
        else:  # a folder without the file (an older build) has none of these rows
            out.append(name, empty)


def append_datasets(out: store.StoreWriter, datasets: Sequence[str | Path], gazetteer_path) -> None:
    """Each dataset file's tables appended to the store's, a block at a time, with their problems."""
    if not datasets:
        return
    from dashboard.datasets import iter_dataset, region_names
    from dashboard.datasets.reading import concat_tables

    regions = region_names(load_gazetteer(gazetteer_path))
    for path in datasets:
        summary = []
        for tables in iter_dataset(path, regions):
            out.append("events", with_derived(tables.events, tables.claims, tables.parties))
            out.append("claims", tables.claims)
            out.append("parties", tables.parties)
            summary.append(tables.__class__(tables.events.head(0), tables.claims.head(0), tables.parties.head(0),
                                            tables.problems, tables.unknown_actors, tables.detected))
        out.append("problems", problems_frame(dataset_problems(concat_tables(summary))))


def write_links(folder: Path) -> None:
    """links.parquet: the store's article events linked to its dataset events (read back without their text)."""
    from dashboard.datasets.link import link_events

    events = store.read_columns(folder, "events", ["event_id", "kind", "start_date", "end_date", "latitude",
                                                   "longitude", "location_precision"])
    parties = store.read_columns(folder, "parties", ["event_id", "canonical"])
    store.write_store({"links": link_events(events, parties, DATASET_KINDS)}, folder)


def _stored(folder: Path, write: Callable[[Path], None], whole: Callable[[], Catalogue]) -> Catalogue:
    """The store in `folder`, written by `write(partial_folder)` first if missing; `whole()` when the disk says no."""
    for _attempt in range(2):
        if not store.is_complete(folder) and not _write_store(folder, write):
            break  # a read-only disk only costs the warm start and the memory saving
        try:
            tables = store.read_store(folder)
        except (OSError, ValueError):  # a damaged store is written again, once
            shutil.rmtree(folder, ignore_errors=True)
            continue
        store.release_unused_memory()
        store.mark_used(folder)
        links = tables["links"]
        if links.empty and not tables["events"]["kind"].isin(DATASET_KINDS).any():
            links = None  # no dataset was read
        return Catalogue(with_links(tables["events"], links), tables["claims"], tables["problems"], tables["parties"],
                         text=store.EventText(folder / "events.parquet"), control=stored_control(tables["control"]),
                         episodes=stored_episodes(tables["episodes"]), links=links)
    return whole()


def _write_store(folder: Path, write: Callable[[Path], None]) -> bool:
    partial = folder.with_name(folder.name + ".partial")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        write(partial)
        store.replace_folder(partial, folder)
        return True
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        return store.is_complete(folder)  # another server may have written the same store meanwhile
