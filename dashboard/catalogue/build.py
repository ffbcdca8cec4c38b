"""The events table: every article in a folder parsed, related summaries merged, events placed, as DataFrames."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from dashboard import paths
from dashboard.catalogue import export, store
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import place_events
from dashboard.model import CLAIM_COLUMNS, EVENT_COLUMNS, PROBLEM_COLUMNS, SIDE_LETTERS, TEXT_COLUMNS, Event, Problem
from dashboard.ingest.parse import ParsedArticle, parse_file
from dashboard.text.fold import name_key



@dataclass
class Catalogue:
    events: pd.DataFrame
    claims: pd.DataFrame
    problems: pd.DataFrame
    articles: list[ParsedArticle] = field(default_factory=list)
    merged: int = 0  # related summaries merged into the article that describes the same event
    # Where TEXT_COLUMNS are read from when `events` leaves them out (a catalogue served from a disk store).
    text: store.EventText | None = None

    def with_text(self, events: pd.DataFrame) -> pd.DataFrame:
        """These rows of `events` with TEXT_COLUMNS, read from the store when the shared table leaves them out."""
        if self.text is None or all(c in events.columns for c in TEXT_COLUMNS):
            return events
        texts = self.text.rows(events[store.ROW])
        return events.assign(**{c: texts[c].to_numpy() for c in TEXT_COLUMNS})

    def event_text(self, event_id: str) -> dict[str, str]:
        """TEXT_COLUMNS of one event ({} for an unknown id)."""
        rows = self.with_text(self.events[self.events["event_id"] == event_id].head(1))
        return {c: rows.iloc[0][c] for c in TEXT_COLUMNS} if len(rows) else {}


def article_files(seeds_dir: str | Path) -> list[Path]:
    """Every visible regular file in the folder, in name order."""
    return sorted(p for p in Path(seeds_dir).iterdir() if p.is_file() and not p.name.startswith("."))


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


Prepare = Callable[["Catalogue"], pd.DataFrame]


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path,
                     prepare: Prepare | None = None) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm.

    The catalogue comes back without the article text in `events` (read per event through `with_text`), unless
    the cache cannot be written, when it is the whole built catalogue. With `prepare`, `events` is
    prepare(catalogue) instead, computed once and kept in the store beside the tables.
    """
    key = f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{code_fingerprint()}"

    def write(partial: Path) -> None:
        built = build_catalogue(seeds_dir, gazetteer_path)
        store.write_store({"events": built.events, "claims": built.claims, "problems": built.problems}, partial)

    return _stored(Path(cache_dir) / f"catalogue-{key}", write, lambda: build_catalogue(seeds_dir, gazetteer_path), prepare)


def cached_prebuilt(folder: str | Path, cache_dir: str | Path, prepare: Prepare | None = None) -> Catalogue:
    """A folder written by `build` (CSV), converted once to a disk store a block at a time, then read like the seeds."""
    key = f"csv-{corpus_fingerprint(folder, None)}-{code_fingerprint()}"
    typed = {"events": _typed_events, "claims": _typed_claims, "problems": _typed_problems}
    return _stored(Path(cache_dir) / f"catalogue-{key}", lambda partial: store.convert_csv_folder(Path(folder), partial, typed),
                   lambda: read_catalogue(folder), prepare)


def _stored(folder: Path, write, whole, prepare: Prepare | None) -> Catalogue:
    """The store in `folder`, written by `write(partial_folder)` first if missing; `whole()` when the disk says no."""
    for attempt in range(2):
        if not store.is_complete(folder) and not _write_store(folder, write):
            break  # a read-only disk only costs the warm start and the memory saving
        try:
            catalogue = _read_stored(folder, prepare)
        except (OSError, ValueError):  # a damaged store is written again, once
            shutil.rmtree(folder, ignore_errors=True)
            continue
        store.mark_used(folder)
        return catalogue
    catalogue = whole()
    if prepare is not None:
        catalogue.events = prepare(catalogue)
    return catalogue


def _read_stored(folder: Path, prepare: Prepare | None) -> Catalogue:
    """The stored tables; with `prepare`, its events table, read from the store if an earlier start kept it there."""
    prepared = folder / f"prepared-{prepare.__module__}.{prepare.__qualname__}.parquet" if prepare else None
    reuse = prepared is not None and prepared.is_file()
    tables = store.read_store(folder, events_file=prepared.name if reuse else "events.parquet")
    catalogue = Catalogue(tables["events"], tables["claims"], tables["problems"],
                          text=store.EventText(folder / "events.parquet"))
    if prepare is not None and not reuse:
        catalogue.events = prepare(catalogue)
        try:
            partial = prepared.with_name(prepared.name + ".partial")
            catalogue.events.to_parquet(partial, index=False)
            partial.rename(prepared)
        except (OSError, ValueError):
            pass  # kept in memory only: the next start prepares again
    store.release_unused_memory()
    return catalogue


def _write_store(folder: Path, write) -> bool:
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


def build_catalogue(seeds_dir: str | Path | None = None, gazetteer_path: str | Path | None = paths.GAZETTEER) -> Catalogue:
    """Every article of the folder (default: paths.default_articles()) parsed, merged and placed."""
    seeds_dir = paths.default_articles() if seeds_dir is None else seeds_dir
    articles = [parse_file(path) for path in article_files(seeds_dir)]
    return catalogue_from_articles(articles, load_gazetteer(gazetteer_path))


def load_gazetteer(path: str | Path | None) -> Gazetteer | None:
    return Gazetteer.from_csv(path) if path is not None and Path(path).is_file() else None


def catalogue_from_articles(articles: list[ParsedArticle], gazetteer: Gazetteer | None) -> Catalogue:
    events = [event for article in articles for event in article.events]
    problems = [problem for article in articles for problem in article.problems]
    events, merged = merge_related(events)
    if gazetteer is None:
        problems.append(Problem("", "", "gazetteer", "no gazetteer file: events keep only their articles' own coordinates"))
        problems.extend(Problem(e.source_file, e.event_id, "geocode", f"unlocated: no gazetteer to look up {e.place!r}")
                        for e in events if e.latitude is None)
    else:
        problems = [*gazetteer.problems, *problems, *place_events(events, gazetteer)]
    known_ids = {e.event_id for e in events}
    problems = [p for p in problems if not p.event_id or p.event_id in known_ids or p.stage == "related"]
    return Catalogue(events_frame(events), claims_frame(events), problems_frame(problems), articles, merged)


def merge_related(events: list[Event]) -> tuple[list[Event], int]:
    """Fold each related summary into the event another article describes in full (or an earlier summary of it)."""
    kept: list[Event] = []
    merged = 0
    for event in sorted(events, key=lambda e: e.kind != "article"):
        twin = next((k for k in kept if event.kind == "related" and same_event(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        merged += 1
        if event.source_file != twin.source_file and event.source_file not in twin.also_described_in:
            twin.also_described_in.append(event.source_file)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(kept, key=lambda e: order[id(e)]), merged


def same_event(a: Event, b: Event) -> bool:
    """Overlapping dates and a shared place name (accents and case folded)."""
    if not (a.start_date and b.start_date) or a.start_date > b.end_date or b.start_date > a.end_date:
        return False
    return bool(_place_words(a) & _place_words(b))


def _place_words(event: Event) -> set[str]:
    text = event.place or event.title
    words = re.findall(r"[A-ZÀ-Ý][\w'’-]+", text.split(",")[0])
    return {name_key(w) for w in words} - {"battle", "second", "first", "the", "and", "near", "mali", "region"}


def events_frame(events: list[Event]) -> pd.DataFrame:
    rows = [event_row(e) for e in events]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["latitude"] = pd.to_numeric(frame["latitude"], errors="coerce").astype("float64")
    frame["longitude"] = pd.to_numeric(frame["longitude"], errors="coerce").astype("float64")
    frame["location_precision"] = pd.array(frame["location_precision"].tolist(), dtype="Int64")
    return frame


def event_row(event: Event) -> dict:
    row = {column: getattr(event, column, "") for column in EVENT_COLUMNS if hasattr(event, column)}
    for i, letter in enumerate(SIDE_LETTERS[:3]):
        row[f"side_{letter}"] = "; ".join(_nth(event.sides, i))
        row[f"commanders_{letter}"] = "; ".join(_nth(event.commanders, i))
        row[f"strength_{letter}"] = event.strengths[i] if i < len(event.strengths) else ""
    if len(event.sides) > 3:  # a fourth side or more: kept in side_c rather than dropped
        row["side_c"] = " | ".join("; ".join(s) for s in event.sides[2:])
    row["also_described_in"] = "; ".join(event.also_described_in)
    row["sections"] = json.dumps([list(s) for s in event.sections], ensure_ascii=False)
    row["infobox"] = json.dumps(event.infobox, ensure_ascii=False)
    return row


def claims_frame(events: list[Event]) -> pd.DataFrame:
    pairs = [(e.event_id, c) for e in events for c in e.claims]
    frame = pd.DataFrame({"event_id": [event_id for event_id, _ in pairs],
                          **{k: [getattr(c, k) for _, c in pairs] for k in CLAIM_COLUMNS[1:] if k not in ("low", "high")}})
    for column in ("low", "high"):
        frame[column] = pd.array([getattr(c, column) for _, c in pairs], dtype="Int64")
    return frame[CLAIM_COLUMNS]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame([vars(p) for p in problems], columns=PROBLEM_COLUMNS)


def write_catalogue(catalogue: Catalogue, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"events.csv": export.events_csv(catalogue.events),
             "claims.csv": export.claims_csv(catalogue.claims, catalogue.events),
             "problems.csv": export.problems_csv(catalogue.problems)}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return [out / name for name in files]


def read_catalogue(folder: str | Path) -> Catalogue:
    """A catalogue written by write_catalogue (or `python -m dashboard build`), read back with the same dtypes."""
    folder = Path(folder)
    # Arrow-backed strings: the article text of 100k events takes about half the memory of Python str objects.
    text = {"dtype": "string[pyarrow]", "keep_default_na": False, "engine": "pyarrow"}
    events = _typed_events(pd.read_csv(folder / "events.csv", **text))
    claims = _typed_claims(pd.read_csv(folder / "claims.csv", **text))
    problems_path = folder / "problems.csv"
    problems = _typed_problems(pd.read_csv(problems_path, **text) if problems_path.is_file() else pd.DataFrame())
    return Catalogue(events, claims, problems)


def _typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells read from an events CSV as EVENT_COLUMNS with their dtypes."""
    events = _text_columns(frame, EVENT_COLUMNS)
    for column in ("latitude", "longitude"):
        events[column] = _numbers(events[column]).astype("float64")
    events["location_precision"] = _numbers(events["location_precision"]).astype("Int64")
    return _unguarded(events)


def _typed_claims(frame: pd.DataFrame) -> pd.DataFrame:
    claims = _text_columns(frame, CLAIM_COLUMNS)
    for column in ("low", "high"):
        claims[column] = _numbers(claims[column]).astype("Int64")
    return _unguarded(claims)


def _typed_problems(frame: pd.DataFrame) -> pd.DataFrame:
    return _text_columns(frame, PROBLEM_COLUMNS)


def _text_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return frame.reindex(columns=columns, fill_value="").astype("string[pyarrow]")


def _numbers(column: pd.Series) -> pd.Series:
    return pd.to_numeric(column.replace("", None), errors="coerce")


def _unguarded(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns with the export's spreadsheet guard (a leading apostrophe) taken off again."""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            guarded = frame[column].str.match(export.GUARDED_FORMULA).fillna(False).astype(bool)
            if guarded.any():  # only cells our own export guarded; the rest stay as read
                frame[column] = frame[column].where(~guarded, frame[column].str[1:])
    return frame


def _nth(lists: list[list[str]], i: int) -> list[str]:
    return lists[i] if i < len(lists) else []
