"""Content hashes: of the articles and the gazetteer, of dataset files, of one file (memoised on its stat) and of
this package's code. The catalogue's store is kept under them, so what is served is never stale."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from dashboard import paths
from dashboard.catalogue.build import article_files


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
