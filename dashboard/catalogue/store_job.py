"""How a store is written: the job (a folder of articles or of `build` CSV, and the dataset files joining it) and
the writers it runs, block by block. Plain data in, files out, so a child process can run it (store_child)."""
from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

import pandas as pd

from dashboard.casualties.estimate import best_estimates
from dashboard.catalogue import store
from dashboard.catalogue.build import dataset_problems, load_gazetteer
from dashboard.catalogue.files import READ_TEXT
from dashboard.catalogue.incremental import build_incrementally
from dashboard.catalogue.tables import (
    catalogue_parties, control_frame, episodes_frame, problems_frame, typed_claims, typed_control, typed_episodes,
    typed_events, typed_parties, typed_problems, with_derived,
)
from dashboard.datasets import DATASET_KINDS
from dashboard.datasets.base import DatasetTables, claims_for_size


@dataclass(frozen=True)
class StoreJob:
    """What a store is written from: a folder of articles, or a folder written by `build` (`prebuilt`), and the
    dataset files joining it. Plain strings, so a child process can be handed it (store_child)."""
    source: str
    prebuilt: bool
    gazetteer: str | None
    datasets: tuple[str, ...]

    def write(self, partial: Path) -> None:
        """The store's tables and links written into `partial`."""
        with store.StoreWriter(partial) as out:
            if self.prebuilt:
                convert_build_folder(Path(self.source), out)
            else:
                built = build_incrementally(self.source, self.gazetteer)
                for name in store.TABLES[:-1]:
                    out.append(name, getattr(built, name))
            append_datasets(out, self.datasets, self.gazetteer)
        write_links(partial)

    def input_bytes(self) -> int:
        """The size of the dataset files and of a `build` folder's CSV: what an import holds while it runs."""
        files = [Path(p) for p in self.datasets]
        if self.prebuilt:
            files += sorted(Path(self.source).glob("*.csv"))
        return sum(p.stat().st_size for p in files if p.is_file())


def convert_build_folder(source: Path, out: store.StoreWriter) -> None:
    """The CSV files of a `build` folder into a store, a block at a time, with the derived columns and parties
    table worked out on the way (claims first: the events' best estimate of killed reads them)."""
    for name in ("events", "claims"):
        if not (source / f"{name}.csv").is_file():
            raise FileNotFoundError(f"no {name}.csv in {source}")
    store.convert_csv(source / "claims.csv", out, lambda block: {"claims": typed_claims(block)})
    wanted = {"event_id", "side", "kind", "low", "high", "part_of", "revised_by"}  # what the best estimate reads
    with (source / "claims.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    claims = typed_claims(pd.read_csv(source / "claims.csv", usecols=[c for c in header if c in wanted], **READ_TEXT))
    best = best_estimates(claims_for_size(claims))
    has_parties = (source / "parties.csv").is_file()
    if has_parties:
        store.convert_csv(source / "parties.csv", out, lambda block: {"parties": typed_parties(block)})

    def events_block(block: pd.DataFrame) -> dict[str, pd.DataFrame]:
        events = typed_events(block)
        parties = catalogue_parties(events)  # the side alignments read the parties; parties.csv, if any, is kept
        derived = with_derived(events, None, parties).assign(best_killed=best.reindex(events["event_id"]).astype(
            "Int64").array)
        return {"events": derived} if has_parties else {"events": derived, "parties": parties}

    store.convert_csv(source / "events.csv", out, events_block)
    optional = {"problems": (typed_problems, typed_problems(pd.DataFrame())),
                "control": (typed_control, control_frame([])), "episodes": (typed_episodes, episodes_frame([]))}
    for name, (typed, empty) in optional.items():
        if (source / f"{name}.csv").is_file():
            store.convert_csv(source / f"{name}.csv", out, lambda block, typed=typed, name=name: {name: typed(block)})
        else:  # a folder without the file (an older build) has none of these rows
            out.append(name, empty)


def append_datasets(out: store.StoreWriter, datasets: Sequence[str | Path], gazetteer_path) -> None:
    """Each dataset file's tables appended to the store's, a block at a time, with their problems."""
    if not datasets:
        return
    from dashboard.datasets import iter_dataset, region_names

    regions = region_names(load_gazetteer(gazetteer_path))
    for path in datasets:
        summary = None  # the file's problems and unknown actors; its rows are in the store, not kept here
        for tables in iter_dataset(path, regions):
            out.append("events", with_derived(tables.events, tables.claims, tables.parties))
            out.append("claims", tables.claims)
            out.append("parties", tables.parties)
            summary = _summed(summary, tables)
        out.append("problems", problems_frame(dataset_problems(summary)))


def _summed(summary: DatasetTables | None, tables: DatasetTables) -> DatasetTables:
    """A file's problems and unknown actors so far, without its rows (an empty slice of a block's frames would
    still hold the block's Arrow buffers: a gigabyte at a million rows)."""
    if summary is None:
        return replace(tables, events=pd.DataFrame(), claims=pd.DataFrame(), parties=pd.DataFrame(),
                       problems=list(tables.problems), unknown_actors=dict(tables.unknown_actors))
    summary.problems.extend(tables.problems)
    for actor, count in tables.unknown_actors.items():
        summary.unknown_actors[actor] = summary.unknown_actors.get(actor, 0) + count
    return summary


def write_links(folder: Path) -> None:
    """links.parquet: the store's article events linked to its dataset events (read back without their text)."""
    from dashboard.datasets.link import link_events

    events = store.read_columns(folder, "events", ["event_id", "kind", "start_date", "end_date", "latitude",
                                                   "longitude", "location_precision"])
    parties = store.read_columns(folder, "parties", ["event_id", "canonical"])
    store.write_store({"links": link_events(events, parties, DATASET_KINDS)}, folder)
