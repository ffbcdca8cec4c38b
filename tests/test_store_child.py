"""A large import is written into the store by a child process, so the server that reads it keeps none of the
import's memory; what it serves is the same as an import in the server, and a failing child changes nothing."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import paths
from dashboard.catalogue import cache, cached_catalogue, cached_prebuilt, write_catalogue
from dashboard.catalogue.build import build_catalogue
from dashboard.catalogue.store_child import write_apart
from dashboard.catalogue.store_job import StoreJob
from dashboard.datasets.base import DatasetError

DATASETS = Path(__file__).resolve().parent / "datasets"
GED, ACLED = DATASETS / "ged_mali.csv", DATASETS / "acled_mali.csv"
COLUMNS = ["event_id", "kind", "start_date", "region", "alignment_a", "alignment_b", "best_killed", "linked_events"]


@pytest.fixture
def every_import_apart(monkeypatch):
    """Every import counts as large; the list says what each child returned."""
    outcomes: list[bool] = []

    def recorded(job, partial):
        outcomes.append(write_apart(job, partial))
        return outcomes[-1]

    monkeypatch.setattr(cache, "LARGE_IMPORT_BYTES", 0)
    monkeypatch.setattr(cache, "write_apart", recorded)
    return outcomes


def rows(catalogue) -> list[list[str]]:
    return catalogue.with_text(catalogue.events)[COLUMNS].astype(str).values.tolist()


def test_seeds_and_datasets_imported_by_a_child_are_served_as_an_import_in_the_server(tmp_path, monkeypatch,
                                                                                     every_import_apart):
    apart = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "apart", [GED, ACLED])
    assert every_import_apart == [True]
    monkeypatch.setattr(cache, "LARGE_IMPORT_BYTES", 10**15)
    here = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "here", [GED, ACLED])
    assert every_import_apart == [True]  # no child for a small import
    assert rows(apart) == rows(here)
    assert apart.links.astype(str).values.tolist() == here.links.astype(str).values.tolist()
    assert apart.event_text("acled-MLI90002")["summary"].startswith("On 5 June 2013, Malian forces")


def test_a_build_folder_converted_by_a_child_is_the_folder_as_built(tmp_path, every_import_apart):
    whole = build_catalogue(datasets=[GED])
    write_catalogue(whole, tmp_path / "out")
    served = cached_prebuilt(tmp_path / "out", tmp_path / "cache", [ACLED])
    assert every_import_apart == [True]
    assert (served.events["kind"] == "acled").sum() > 0
    assert set(whole.events["event_id"]) < set(served.events["event_id"])


def test_a_dataset_the_child_refuses_is_refused_as_before(tmp_path, every_import_apart):
    odd = tmp_path / "odd.csv"
    odd.write_text("when,where,who\n2013-06-05,Anefis,MNLA\n", encoding="utf-8")
    with pytest.raises(DatasetError):
        cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "cache", [odd])
    assert every_import_apart == [False]  # the child failed; the server ran the import and raised its error


def test_a_failed_child_leaves_the_folder_empty_for_the_server(tmp_path):
    job = StoreJob(str(tmp_path / "no such folder"), True, None, ())
    partial = tmp_path / "partial"
    partial.mkdir()
    assert write_apart(job, partial) is False
    assert list(partial.iterdir()) == []


def test_the_import_size_counts_dataset_files_and_a_build_folders_csv(tmp_path):
    write_catalogue(build_catalogue(), tmp_path / "out")
    csv_bytes = sum(p.stat().st_size for p in (tmp_path / "out").glob("*.csv"))
    assert StoreJob(str(tmp_path / "out"), True, None, (str(GED),)).input_bytes() == csv_bytes + GED.stat().st_size
    assert StoreJob(str(paths.default_articles()), False, None, ()).input_bytes() == 0
