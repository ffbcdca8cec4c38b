"""The catalogue kept on disk (a Parquet store) under the content and code fingerprints, so a restart starts warm
and an edited, added or removed article is never served stale."""
from __future__ import annotations

import hashlib
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from dashboard import paths
from dashboard.casualties.estimate import best_estimates
from dashboard.catalogue import store
from dashboard.catalogue.build import article_files, build_catalogue
from dashboard.catalogue.files import read_catalogue
from dashboard.catalogue.tables import (
    Catalogue, control_frame, episodes_frame, stored_control, stored_episodes, typed_claims, typed_control,
    typed_episodes, typed_events, typed_parties, typed_problems, with_derived,
)
from dashboard.parties import parties_of_frame


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


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm.

    The catalogue comes back without the article text in `events` (read per event through `with_text`), unless
    the cache cannot be written, when it is the whole built catalogue.
    """
    key = f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{code_fingerprint()}"

    def write(partial: Path) -> None:
        built = build_catalogue(seeds_dir, gazetteer_path)
        store.write_store({name: getattr(built, name) for name in store.TABLES}, partial)

    return _stored(Path(cache_dir) / f"catalogue-{key}", write, lambda: build_catalogue(seeds_dir, gazetteer_path))


def cached_prebuilt(folder: str | Path, cache_dir: str | Path) -> Catalogue:
    """A folder written by `build` (CSV), converted once to a disk store a block at a time, then read like the seeds."""
    key = f"csv-{corpus_fingerprint(folder, None)}-{code_fingerprint()}"
    return _stored(Path(cache_dir) / f"catalogue-{key}", lambda partial: convert_build_folder(Path(folder), partial),
                   lambda: read_catalogue(folder))


def convert_build_folder(source: Path, partial: Path) -> None:
    """The CSV files of a `build` folder as a store, a block at a time, with the derived columns and parties table
    worked out on the way (claims first: the events' best estimate of killed reads them)."""
    targets = {name: partial / f"{name}.parquet" for name in store.TABLES}
    for name in ("events", "claims"):
        if not (source / f"{name}.csv").is_file():
            raise FileNotFoundError(f"no {name}.csv in {source}")
    store.convert_csv(source / "claims.csv", targets, lambda block: {"claims": typed_claims(block)})
    claims = pd.read_parquet(targets["claims"],
                             columns=["event_id", "side", "kind", "low", "high", "part_of", "revised_by"])
    best = best_estimates(claims)
    has_parties = (source / "parties.csv").is_file()
    if has_parties:
        store.convert_csv(source / "parties.csv", targets, lambda block: {"parties": typed_parties(block)})

    def events_block(block: pd.DataFrame) -> dict[str, pd.DataFrame]:
        events = typed_events(block)
        parties = parties_of_frame(events)  # the side alignments read the parties; parties.csv, if any, is kept
        derived = with_derived(events, None, parties).assign(best_killed=best.reindex(events["event_id"]).astype(
            "Int64").array)
        return {"events": derived} if has_parties else {"events": derived, "parties": parties}

    store.convert_csv(source / "events.csv", targets, events_block)
    optional = {"problems": (typed_problems, typed_problems(pd.DataFrame())),
                "control": (typed_control, control_frame([])), "episodes": (typed_episodes, episodes_frame([]))}
    for name, (typed, empty) in optional.items():
        if (source / f"{name}.csv").is_file():
            store.convert_csv(source / f"{name}.csv", targets, lambda block, typed=typed, name=name: {name: typed(block)})
        else:  # a folder without the file (an older build) has none of these rows
            empty.to_parquet(targets[name], index=False)


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
        return Catalogue(tables["events"], tables["claims"], tables["problems"], tables["parties"],
                         text=store.EventText(folder / "events.parquet"), control=stored_control(tables["control"]),
                         episodes=stored_episodes(tables["episodes"]))
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
