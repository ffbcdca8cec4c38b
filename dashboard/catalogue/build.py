"""Every article in a folder parsed, related summaries merged, events placed: the catalogue's tables."""
from __future__ import annotations

from pathlib import Path

from dashboard import paths
from dashboard.catalogue.merge import merge_related
from dashboard.catalogue.tables import Catalogue, claims_frame, events_frame, parties_frame, problems_frame, with_derived
from dashboard.ingest.parse import ParsedArticle, parse_file
from dashboard.model import Problem
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import place_events


def article_files(seeds_dir: str | Path) -> list[Path]:
    """Every visible regular file in the folder, in name order."""
    return sorted(p for p in Path(seeds_dir).iterdir() if p.is_file() and not p.name.startswith("."))


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
    claims, parties = claims_frame(events), parties_frame(events)
    return Catalogue(with_derived(events_frame(events), claims, parties), claims, problems_frame(problems), parties,
                     articles, merged)
