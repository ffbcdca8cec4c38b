"""A catalogue as the CSV files `python -m dashboard build` writes, and read back with the same dtypes."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.catalogue import export
from dashboard.catalogue.tables import (
    Catalogue, typed_claims, typed_control, typed_episodes, typed_events, typed_parties, typed_problems, with_derived,
)
from dashboard.parties import parties_of_frame

CSV_FILES = ("events.csv", "claims.csv", "parties.csv", "problems.csv", "control.csv", "episodes.csv")
# Arrow-backed strings: the article text of 100k events takes about half the memory of Python str objects.
READ_TEXT = {"dtype": "string[pyarrow]", "keep_default_na": False, "engine": "pyarrow"}


def write_catalogue(catalogue: Catalogue, out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {"events.csv": export.events_csv(catalogue.events),
             "claims.csv": export.claims_csv(catalogue.claims, catalogue.events),
             "parties.csv": export.parties_csv(catalogue.parties, catalogue.events),
             "problems.csv": export.problems_csv(catalogue.problems),
             "control.csv": export.control_csv(catalogue.control),
             "episodes.csv": export.episodes_csv(catalogue.episodes, catalogue.events)}
    for name, data in files.items():
        (out / name).write_bytes(data)
    return [out / name for name in files]


def read_catalogue(folder: str | Path) -> Catalogue:
    """A catalogue written by write_catalogue (or `python -m dashboard build`), read back with the same dtypes.

    problems.csv, parties.csv, control.csv and episodes.csv may be missing (a folder written by an older build): no
    problems, control changes or episodes, and the parties read from the events' side columns.
    """
    folder = Path(folder)
    events = typed_events(pd.read_csv(folder / "events.csv", **READ_TEXT))
    claims = typed_claims(pd.read_csv(folder / "claims.csv", **READ_TEXT))
    problems = typed_problems(_optional(folder / "problems.csv"))
    parties_path = folder / "parties.csv"
    parties = typed_parties(pd.read_csv(parties_path, **READ_TEXT)) if parties_path.is_file() else parties_of_frame(events)
    return Catalogue(with_derived(events, claims, parties), claims, problems, parties,
                     control=typed_control(_optional(folder / "control.csv")),
                     episodes=typed_episodes(_optional(folder / "episodes.csv")))


def _optional(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, **READ_TEXT) if path.is_file() else pd.DataFrame()
