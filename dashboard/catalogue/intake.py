"""Articles added from the browser: checked against the limits, read as the build will read them, named safely,
recognised when already there, and written atomically into the articles folder, never outside it.

    offer = check_file("../../etc/Battle of Kidal.txt", data)   # IntakeError, or an Offer named safely
    reading = read_candidate(offer.name, offer.data, gazetteer) # what the build will make of it (a Catalogue)
    plan_save(folder, offer.name, offer.data)                   # new, renamed, or already there
    save_article(folder, offer.name, offer.data)                # what was done (temporary file, then a link)
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dashboard.catalogue import store
from dashboard.catalogue.build import article_files, catalogue_from_articles
from dashboard.catalogue.tables import Catalogue
from dashboard.ingest.decode import decode_article
from dashboard.ingest.parse import parse_file
from dashboard.model import ArticleError
from dashboard.places.gazetteer import Gazetteer

MAX_FILE_BYTES = 2 * 1024 * 1024  # per file, and for pasted text
MAX_FILES = 10  # per upload; more are left out with a message
TEXT_SUFFIXES = (".txt", ".text", ".wiki", ".md")  # kept as they are; any other name gets ".txt" added
MAX_NAME_CHARS = 80
PARTIAL_PREFIX = ".adding-"  # a dot-file: the build and the content hash never see an article being written
STALE_PARTIAL_S = 600  # a temporary file this old was left by a server killed while saving
_UNSAFE = re.compile(r"[^\w.()+,'-]+")  # letters (any script), digits, _ and a few harmless marks stay


class IntakeError(ArticleError):
    """An added article cannot be taken: over a limit, not text, or no safe place for it in the folder."""


@dataclass(frozen=True)
class Offer:
    """A file or pasted text the user offers, under the safe name it would be saved as."""
    given_name: str  # as the browser gave it (shown escaped, never used as a path)
    name: str  # safe_name(given_name)
    data: bytes


@dataclass(frozen=True)
class SavePlan:
    """What saving an offer would do in the folder as it is now."""
    action: str  # "new", "renamed" (a different file has the name) or "already there" (same content)
    name: str  # the name it would be saved as, or the name of the file that already holds it


def safe_name(given: str) -> str:
    """A file name that stays in the folder whatever it says: no path, no dot-file, no control characters,
    at most MAX_NAME_CHARS; a text suffix kept, else ".txt" added.

    >>> safe_name("../../etc/.bashrc")
    'bashrc.txt'
    >>> safe_name("C:\\\\Users\\\\me\\\\Bataille de Ménaka.wiki")
    'Bataille_de_Ménaka.wiki'
    """
    base = re.split(r"[/\\]", unicodedata.normalize("NFC", given or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    stem, suffix = os.path.splitext(base)
    if suffix.lower() not in TEXT_SUFFIXES:
        stem, suffix = base, ".txt"
    stem = _UNSAFE.sub("_", stem).strip("._- ") or "article"
    return stem[:MAX_NAME_CHARS - len(suffix)].rstrip("._- ") + suffix.lower()


def check_file(given_name: str, data: bytes) -> Offer:
    """The offer under its safe name; IntakeError (with the reason in words) when it is over the size limit,
    empty or not text."""
    name = safe_name(given_name)
    if len(data) > MAX_FILE_BYTES:
        raise IntakeError(f"{len(data) / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit for one article")
    try:
        decode_article(data)
    except ArticleError as error:
        raise IntakeError(f"not taken: {error}") from None
    return Offer(given_name, name, data)


def check_paste(text: str, title: str = "") -> Offer:
    """Pasted text as an offer, named after the article's title (or "pasted article")."""
    # A paste loses the copied page's last line end; without it the reader would take the page as cut off.
    data = (text if text.endswith("\n") else text + "\n").encode("utf-8")
    return replace(check_file(f"{title.strip() or 'pasted article'}.txt", data), given_name="the pasted text")


def read_candidate(name: str, data: bytes, gazetteer: Gazetteer | None) -> Catalogue:
    """What the build will make of these bytes under this name: its events placed, its claims and its own
    problems (read from a file of a temporary folder, exactly as the articles folder's files are read; the
    gazetteer's problems are not this article's)."""
    with tempfile.TemporaryDirectory(prefix="dashboard-intake-") as scratch:
        path = Path(scratch) / name
        path.write_bytes(data)
        reading = catalogue_from_articles([parse_file(path)], gazetteer)
    reading.problems = reading.problems[reading.problems["source_file"] == name].reset_index(drop=True)
    return reading


def content_key(data: bytes) -> str:
    """The same article whatever its line ends, byte-order mark or last blank lines: a hash of its text."""
    try:
        text = decode_article(data).text
    except ArticleError:
        return "bytes:" + hashlib.sha256(data).hexdigest()
    return "text:" + hashlib.sha256(text.rstrip().encode("utf-8")).hexdigest()


def plan_save(folder: Path, name: str, data: bytes) -> SavePlan:
    """New under its name, renamed (name-2.txt…) when another file has the name, or already there."""
    key = content_key(data)
    held = {}
    for path in article_files(folder):
        try:
            held.setdefault(_file_key(path), path.name)
        except OSError:  # removed meanwhile
            continue
    if key in held:
        return SavePlan("already there", held[key])
    free = free_name(folder, name)
    return SavePlan("new" if free == name else "renamed", free)


def free_name(folder: Path, name: str) -> str:
    """`name`, or name-2.txt, name-3.txt… the first no file of the folder has."""
    stem, suffix = os.path.splitext(name)
    for number in range(1, 10_000):
        candidate = name if number == 1 else f"{stem[:MAX_NAME_CHARS - len(suffix) - 6]}-{number}{suffix}"
        if not os.path.lexists(folder / candidate):
            return candidate
    raise IntakeError(f"no free name left for {name!r}")


_SAVING = threading.Lock()


def save_article(folder: Path, name: str, data: bytes) -> SavePlan:
    """Write the article into the folder: a temporary dot-file, synced, then linked under its final name
    (a link never replaces an existing file, so a name taken meanwhile is never overwritten: the next free
    one is used, or the article is found already there). Returns what was done."""
    folder = Path(folder).resolve()
    remove_stale_partials(folder)
    handle, temporary = tempfile.mkstemp(prefix=PARTIAL_PREFIX, suffix=".partial", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
        with _SAVING:  # sessions of this server look and link one at a time: the same article is never saved twice
            for _attempt in range(100):
                plan = plan_save(folder, name, data)
                if plan.action == "already there":
                    return plan
                target = inside(folder, plan.name)
                try:
                    _link_new(Path(temporary), target)
                except FileExistsError:  # another server saved under that name meanwhile: plan again
                    continue
                store.sync_directory(folder)
                return plan
        raise IntakeError(f"could not find a free name for {name!r}")
    finally:
        if os.path.lexists(temporary):
            os.unlink(temporary)


def inside(folder: Path, name: str) -> Path:
    """folder/name, refused unless it is a plain entry of the folder itself (defence in depth: safe_name
    already made it so)."""
    target = folder / name
    if name != safe_name(name) or target.parent != folder or os.path.basename(name) != name:
        raise IntakeError(f"{name!r} is not a plain file name")
    return target


def remove_stale_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Temporary files left by a server killed while saving (never read: they are dot-files)."""
    now = time.time() if now is None else now
    removed = []
    for path in Path(folder).glob(PARTIAL_PREFIX + "*"):
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _link_new(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: rename, after checking the name is still free
        if os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(temporary, target)


def _file_key(path: Path) -> str:
    stat = path.stat()
    return _cached_file_key(path, stat.st_size, stat.st_mtime_ns, stat.st_ino)


@lru_cache(maxsize=16384)
def _cached_file_key(path: Path, size: int, mtime_ns: int, inode: int) -> str:
    return content_key(path.read_bytes())
