"""The store's folders on disk: written aside, synced, moved into place, the older ones pruned, leftovers removed.

A store is written into a folder of its own writer's (`partial_folder`) and renamed into place only once every
file is on disk, so a server killed while writing leaves a partial folder that is never read (and is removed
once its writer is gone); an old store is renamed away before it is deleted, so none is ever half there.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import time
from pathlib import Path

TABLES = ("events", "claims", "parties", "problems", "control", "episodes", "links")  # links last: written after the rest
KEEP_STORES = 3  # older stores kept beside the newest, for other servers on the same cache folder
PARTIAL, DELETING = ".partial-", ".deleting-"  # in the names of folders being written and being removed
STALE_AFTER_S = 24 * 3600  # a partial folder of another machine's writer is removed after this long


def is_complete(folder: Path) -> bool:
    return all((folder / f"{name}.parquet").is_file() for name in TABLES)


def partial_folder(folder: Path) -> Path:
    """A folder of this writer's own to write the store into: two servers writing the same store at once
    never write into each other's files; its name says which process on which machine writes it."""
    return folder.with_name(f"{folder.name}{PARTIAL}{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}")


def sync_folder(folder: Path) -> None:
    """Every file of the folder, and the folder itself, on disk (not only in the page cache)."""
    for path in folder.iterdir():
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
    sync_directory(folder)


def sync_directory(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def replace_folder(partial: Path, folder: Path, keep: int | None = None) -> None:
    """Move a fully written store into place; of the older stores beside it only the `keep` last used stay.

    Older ones are not all dropped at once: another server on the same cache may still be reading one.
    A folder of that name left incomplete (a removal cut short) is removed first; a complete one (another
    server's, just written) makes the rename fail with an OSError, and the caller reads that one.
    """
    if folder.exists() and not is_complete(folder):
        remove_store(folder)
    partial.rename(folder)
    sync_directory(folder.parent)
    keep = KEEP_STORES if keep is None else keep
    others = [p for p in folder.parent.glob("catalogue-*")
              if p != folder and p.is_dir() and PARTIAL not in p.name and DELETING not in p.name]
    for old in sorted(others, key=_last_used, reverse=True)[keep:]:
        remove_store(old)


def remove_store(folder: Path) -> None:
    """Rename the store away, then delete it: it is never seen half deleted under its own name."""
    aside = folder.with_name(f"{folder.name}{DELETING}{os.getpid()}-{secrets.token_hex(3)}")
    try:
        folder.rename(aside)
    except OSError:
        return  # already gone (another server removed it), or the disk says no: it stays whole
    shutil.rmtree(aside, ignore_errors=True)


def remove_leftovers(cache_dir: Path, now: float | None = None) -> list[Path]:
    """Partial folders whose writer is gone (killed while writing) and removals cut short; the paths removed."""
    now = time.time() if now is None else now
    removed = []
    for path in cache_dir.glob("catalogue-*"):
        if DELETING in path.name or (PARTIAL in path.name and _writer_gone(path, now)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _writer_gone(partial: Path, now: float) -> bool:
    host, _, pid = partial.name.split(PARTIAL, 1)[1].rpartition("-")[0].rpartition("-")
    if host != socket.gethostname():
        return now - _last_used(partial) > STALE_AFTER_S
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError):  # alive as another user's process / not a name we wrote
        return not pid.isdigit()
    return False


def mark_used(folder: Path) -> None:
    try:
        folder.touch()
    except OSError:
        pass


def _last_used(folder: Path) -> float:
    try:
        return folder.stat().st_mtime
    except OSError:
        return 0.0
