"""The events table: every article in a folder parsed, related summaries merged, events placed, as DataFrames."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dashboard import export
from dashboard.gazetteer import Gazetteer
from dashboard.locate import place_events
from dashboard.model import CLAIM_COLUMNS, EVENT_COLUMNS, PROBLEM_COLUMNS, SIDE_LETTERS, Event, Problem
from dashboard.parse import ParsedArticle, parse_file
from dashboard.readers.base import fold

DEFAULT_SEEDS = Path("seeds")
DEFAULT_GAZETTEER = Path("data/gazetteer.csv")


@dataclass
class Catalogue:
    events: pd.DataFrame
    claims: pd.DataFrame
    problems: pd.DataFrame
    articles: list[ParsedArticle] = field(default_factory=list)
    merged: int = 0  # related summaries merged into the article that describes the same event


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
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_catalogue(seeds_dir: str | Path, gazetteer_path: str | Path | None, cache_dir: str | Path) -> Catalogue:
    """build_catalogue, kept on disk (Parquet) under the content and code fingerprints, so a restart starts warm."""
    key = f"{corpus_fingerprint(seeds_dir, gazetteer_path)}-{code_fingerprint()}"
    folder = Path(cache_dir) / f"catalogue-{key}"
    names = ("events", "claims", "problems")
    if all((folder / f"{name}.parquet").is_file() for name in names):
        try:
            return Catalogue(*(pd.read_parquet(folder / f"{name}.parquet") for name in names))
        except (OSError, ValueError):
            pass  # a damaged cache is rebuilt below
    catalogue = build_catalogue(seeds_dir, gazetteer_path)
    _write_cache(catalogue, folder)
    return catalogue


def _write_cache(catalogue: Catalogue, folder: Path) -> None:
    try:
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        for name in ("events", "claims", "problems"):
            getattr(catalogue, name).to_parquet(partial / f"{name}.parquet", index=False)
        for old in folder.parent.glob("catalogue-*"):
            if old != partial:
                shutil.rmtree(old, ignore_errors=True)
        partial.rename(folder)
    except OSError:
        pass  # a read-only disk only costs the warm start


def build_catalogue(seeds_dir: str | Path = DEFAULT_SEEDS, gazetteer_path: str | Path | None = DEFAULT_GAZETTEER) -> Catalogue:
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
    return {fold(w) for w in words} - {"battle", "second", "first", "the", "and", "near", "mali", "region"}


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
    events = pd.read_csv(folder / "events.csv", **text)
    events = events.reindex(columns=EVENT_COLUMNS, fill_value="")
    for column in ("latitude", "longitude"):
        events[column] = pd.to_numeric(events[column].replace("", None), errors="coerce").astype("float64")
    events["location_precision"] = pd.to_numeric(events["location_precision"].replace("", None), errors="coerce").astype("Int64")
    claims = pd.read_csv(folder / "claims.csv", **text).reindex(columns=CLAIM_COLUMNS, fill_value="")
    for column in ("low", "high"):
        claims[column] = pd.to_numeric(claims[column].replace("", None), errors="coerce").astype("Int64")
    problems_path = folder / "problems.csv"
    problems = pd.read_csv(problems_path, **text) if problems_path.is_file() else problems_frame([])
    return Catalogue(_unguarded(events), _unguarded(claims), problems.reindex(columns=PROBLEM_COLUMNS, fill_value=""))


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
