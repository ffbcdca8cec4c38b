"""build_catalogue for a server whose articles change while it runs: each article is parsed once per content, so
an added or edited article costs its own parse, not the whole folder's (5,000 articles: ~30 s on a busy 2-core
machine, against a second for merging and placing them again).

The parsed articles are kept pickled (an Event is changed in place by merging and placing, so every build gets
fresh copies), least recently used first out, within MAX_BYTES.
"""
from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from pathlib import Path

from dashboard import paths
from dashboard.catalogue.build import article_files, catalogue_from_articles, load_gazetteer
from dashboard.catalogue.fingerprints import file_digest
from dashboard.catalogue.tables import Catalogue
from dashboard.ingest.parse import ParsedArticle, parse_file

MAX_BYTES = 256 << 20  # ~50,000 articles of the seeds' size

_parsed: OrderedDict[tuple[str, str], bytes] = OrderedDict()
_size = 0
_lock = threading.Lock()


def build_incrementally(seeds_dir: str | Path, gazetteer_path: str | Path | None = paths.GAZETTEER) -> Catalogue:
    """The same catalogue as build_catalogue(seeds_dir, gazetteer_path), parsing only articles not seen before."""
    articles = [parsed(path) for path in article_files(seeds_dir)]
    return catalogue_from_articles(articles, load_gazetteer(gazetteer_path))


def parsed(path: Path) -> ParsedArticle:
    """parse_file(path), from memory when a file of this name and content was parsed before."""
    key = _key(path)
    with _lock:
        kept = _parsed.get(key) if key else None
        if kept is not None:
            _parsed.move_to_end(key)
    if kept is not None:
        return pickle.loads(kept)
    article = parse_file(path)
    if key and _key(path) == key:  # unchanged while it was read: the result belongs to this content
        _remember(key, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
    return article


def forget() -> None:
    global _size
    with _lock:
        _parsed.clear()
        _size = 0


def _key(path: Path) -> tuple[str, str] | None:

    try:
        stat = path.stat()
        return path.name, file_digest(path.resolve(), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    except OSError:  # gone: parse_file reports it
        return None


def _remember(key: tuple[str, str], data: bytes) -> None:
    global _size
    with _lock:
        if key in _parsed:
            return
        _parsed[key] = data
        _size += len(data)
        while _size > MAX_BYTES and _parsed:
            _size -= len(_parsed.popitem(last=False)[1])
