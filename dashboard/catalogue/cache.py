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
from dashboard.catalogue.build import article_files
from dashboard.catalogue.incremental import build_incrementally
from dashboard.catalogue.files import read_catalogue
from dashboard.catalogue.tables import (
    Catalogue, control_frame, episodes_frame, stored_control, stored_episodes, typed_claims, typed_control,
    typed_episodes, typed_events, typed_parties, typed_problems, with_derived,
)
from dashboard.model import TEXT_COLUMNS
from dashboard.parties import parties_of_frame


def corpus_fingerprint(seeds_dir: str | Path, gazetteer_path: str | Path | None) -> str:
    """A hash of every article's name and bytes and of the gazetteer: the key under which parsed results are cached."""
    digest = hashlib.sha256()
    files = article_files(seeds_dir) if Path(seeds_dir).is_dir() else []
    if gazetteer_path is not None and Path(gazetteer_path).is_file():
        files.append(Path(gazetteer_path))
    for path in files:
        try:
            stat = path.stat()
            content = file_digest(path.resolve(), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
        except FileNotFoundError:  # removed since the folder was listed: it is not served
            continue
        digest.update(f"{path.name}\0{content}\0".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=65536)
def file_digest(path: Path, size: int, mtime_ns: int, ctime_ns: int = 0, inode: int = 0) -> str:
    """The content hash of a file, recomputed only when its size, times or inode change (an editor's save in
    the same clock tick changes the ctime or, written to a new file and renamed, the inode)."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def code_fingerprint() -> str:
    """A hash of this package's source: a cached catalogue built by other code is never served."""
    digest = hashlib.sha256()
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm
    (and each article parsed once per content while the server runs: see incremental.py).

    The catalogue comes back without the article text in `events` (read per event through `with_text`), unless
    the cache cannot be written, when it is the whole built catalogue.
    """
    content = corpus_fingerprint(seeds_dir, gazetteer_path)

    def write(partial: Path) -> None:
        built = build_incrementally(seeds_dir, gazetteer_path)
        store.write_store({name: getattr(built, name) for name in store.TABLES}, partial)

    return _stored(Path(cache_dir) / f"catalogue-{content}-{code_fingerprint()}", write,
                   lambda: build_incrementally(seeds_dir, gazetteer_path),
                   lambda: corpus_fingerprint(seeds_dir, gazetteer_path) == content)


def cached_prebuilt(folder: str | Path, cache_dir: str | Path) -> Catalogue:
    """A folder written by `build` (CSV), converted once to a disk store a block at a time, then read like the seeds."""
    content = corpus_fingerprint(folder, None)
    return _stored(Path(cache_dir) / f"catalogue-csv-{content}-{code_fingerprint()}",
                   lambda partial: convert_build_folder(Path(folder), partial), lambda: read_catalogue(folder),
                   lambda: corpus_fingerprint(folder, None) == content)


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


def cache_off(catalogue: Catalogue) -> str:
    """"" while the catalogue is served from its disk store, else why it is served from memory (the page says
    so). A store that went away under the running server is written again first, or its text moved to memory."""
    if catalogue.cache_off or catalogue.text is None:
        return catalogue.cache_off
    return catalogue.text.ensure()


def _stored(folder: Path, write: Callable[[Path], None], whole: Callable[[], Catalogue],
            unchanged: Callable[[], bool]) -> Catalogue:
    """The store in `folder`, written by `write(partial_folder)` first if missing; `whole()` when the disk says no.

    `unchanged()` says whether the articles are still those the store was keyed by (see _recover_text).
    """
    why = "the stored catalogue could not be read"
    for _attempt in range(2):
        if not store.is_complete(folder):
            why = _write_store(folder, write)
            if why:
                break  # a read-only or full disk only costs the warm start and the memory saving
        try:
            tables = store.read_store(folder)
        except (OSError, ValueError):  # a damaged store is written again, once
            store.remove_store(folder)
            continue
        store.release_unused_memory()
        store.mark_used(folder)
        ids = tables["events"]["event_id"].copy()
        text = store.EventText(folder / "events.parquet", lambda: _recover_text(folder, write, whole, unchanged, ids))
        return Catalogue(tables["events"], tables["claims"], tables["problems"], tables["parties"], text=text,
                         control=stored_control(tables["control"]), episodes=stored_episodes(tables["episodes"]))
    catalogue = whole()
    catalogue.cache_off = why
    return catalogue


def _write_store(folder: Path, write: Callable[[Path], None]) -> str:
    """The store written into `folder` (via a partial folder of this writer's own): "" or why it could not be."""
    partial = store.partial_folder(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        store.remove_leftovers(folder.parent)
        partial.mkdir()
        write(partial)
        store.sync_folder(partial)
        store.replace_folder(partial, folder)
        return ""
    except OSError as error:
        if store.is_complete(folder):
            return ""  # another server wrote the same store meanwhile
        return f"the cache folder {folder.parent} cannot be written ({error.strerror or error})"
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _recover_text(folder: Path, write: Callable[[Path], None], whole: Callable[[], Catalogue],
                  unchanged: Callable[[], bool], ids: pd.Series) -> store.Recovered | None:
    """Where a served catalogue's event text is read from once its store went away: the store written again
    or, if the disk says no, memory. Only while the articles are those it was built from (the rows must be
    the same rows); otherwise None: the next rerun serves the new articles' catalogue anyway."""
    if not unchanged():
        return None
    why = "" if store.is_complete(folder) else _write_store(folder, write)
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
