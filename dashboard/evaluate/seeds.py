"""The seed articles against the golden files a person wrote from reading them (tests/golden): body and infobox
claims, changes of control and the day by day, in one report for `python -m dashboard evaluate` with no folder."""
from __future__ import annotations

from pathlib import Path

from dashboard import paths
from dashboard.evaluate.claims import read_golden_claims, report_lines, score_seeds
from dashboard.evaluate.control import evaluate_control

GOLDEN_FILES = ("seed_claims.csv", "seed_negatives.csv", "seed_control.csv", "seed_episodes.csv")


class GoldenError(ValueError):
    """A golden folder that cannot be used (missing, or without one of GOLDEN_FILES)."""


def check_golden(golden: Path) -> None:
    if not golden.is_dir():
        raise GoldenError(f"no golden folder at {golden} (it comes with a checkout of the project: tests/golden; "
                          f"give one with --golden DIR)")
    missing = [name for name in GOLDEN_FILES if not (golden / name).is_file()]
    if missing:
        raise GoldenError(f"{golden} lacks {', '.join(missing)}")


def seeds_report(seeds: Path, golden: Path = paths.GOLDEN, gazetteer: Path = paths.GAZETTEER) -> str:
    """What the reader finds in the seeds beside what a person read in them, as text."""
    check_golden(golden)
    named = {row.source_file for row in read_golden_claims(golden / "seed_claims.csv")}
    missing = sorted(named - {path.name for path in seeds.iterdir()})
    if missing:
        raise GoldenError(f"the golden files name articles that are not in {seeds}: {', '.join(missing)}")
    claims = report_lines(score_seeds(seeds, golden))
    control = evaluate_control(seeds, golden, gazetteer)
    return "\n".join([f"The seeds in {seeds}, compared with the golden files in {golden}", "", *claims, "",
                      "changes of control and the day by day (precision first: a change the text does not state "
                      "is worse than a missing one)", control.text()])
