"""Every article in a folder parsed, related summaries merged, events placed: the catalogue's tables."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dashboard import paths
from dashboard.catalogue.merge import merge_related
from dashboard.catalogue.tables import (
    Catalogue, claims_frame, control_frame, episodes_frame, events_frame, parties_frame, problems_frame, with_derived,
)
from dashboard.ingest.control import read_control
from dashboard.ingest.episodes import read_episodes
from dashboard.ingest.place_phrases import read_prose
from dashboard.ingest.parse import ParsedArticle, parse_file
from dashboard.model import ControlChange, Episode, Event, Problem
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
    every_event, folded = events, {}
    events, merged = merge_related(events, into=folded)
    if gazetteer is None:
        problems.append(Problem("", "", "gazetteer", "no gazetteer file: events keep only their articles' own coordinates"))
        problems.extend(Problem(e.source_file, e.event_id, "geocode", f"unlocated: no gazetteer to look up {e.place!r}")
                        for e in events if e.latitude is None)
    else:
        problems = [*gazetteer.problems, *problems, *place_events(events, gazetteer)]
    known_ids = {e.event_id for e in events}
    problems = [p for p in problems if not p.event_id or p.event_id in known_ids or p.stage == "related"]
    control, episodes = control_and_episodes(every_event, gazetteer, folded)
    problems.extend(_unlocated(control))
    claims, parties = claims_frame(events), parties_frame(events)
    return Catalogue(with_derived(events_frame(events), claims, parties), claims, problems_frame(problems), parties,
                     articles, merged, control=control_frame(control), episodes=episodes_frame(episodes))


def control_and_episodes(events: list[Event], gazetteer: Gazetteer | None, folded: dict[str, str]
                         ) -> tuple[list[ControlChange], list[Episode]]:
    """Every event's changes of control and episodes. A related summary folded into another event still says who
    took what (the change is kept, under that event); its episodes are the full article's own."""
    control: list[ControlChange] = []
    episodes: list[Episode] = []
    for event in events:
        owner = folded.get(event.event_id, event.event_id)
        reading = read_prose(event, gazetteer)
        control.extend(replace(c, event_id=owner) for c in read_control(event, gazetteer, reading))
        if event.event_id not in folded:
            episodes.extend(read_episodes(event, gazetteer, reading))
    return control, episodes


def _unlocated(control: list[ControlChange]) -> list[Problem]:
    """A change of control at a place the gazetteer does not know is kept, unlocated, and said so."""
    return [Problem(c.source_file, c.event_id, "geocode", f"change of control at '{c.place}' not placed on the map: no "
                                                          f"gazetteer entry for it ({c.sentence[:120]!r})")
            for c in control if c.latitude is None]
