"""Datasets in the disk store: keyed by their content, joined the same way from seeds or a build folder."""
from __future__ import annotations

import shutil
from pathlib import Path

from dashboard import paths
from dashboard.catalogue import cached_catalogue, cached_prebuilt, write_catalogue
from dashboard.catalogue.build import build_catalogue

HERE = Path(__file__).resolve().parent
GED, ACLED = HERE / "datasets" / "ged_mali.csv", HERE / "datasets" / "acled_mali.csv"


def test_a_changed_dataset_file_is_never_served_stale(tmp_path):
    ged = tmp_path / "ged.csv"
    shutil.copy(GED, ged)
    first = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "cache", [ged])
    assert (first.events["kind"] == "ucdp").sum() == 7
    lines = ged.read_text(encoding="utf-8").splitlines(keepends=True)
    ged.write_text("".join(lines[:3]), encoding="utf-8")  # the header and two events
    again = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "cache", [ged])
    assert (again.events["kind"] == "ucdp").sum() == 2
    assert set(again.links["dataset_event_id"]) <= {"ucdp-880101", "ucdp-880102"}


def test_the_store_holds_what_the_whole_build_holds(tmp_path):
    whole = build_catalogue(datasets=[GED, ACLED])
    stored = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "cache", [GED, ACLED])
    columns = ["event_id", "kind", "start_date", "alignment_a", "alignment_b", "best_killed", "linked_events"]
    exported = stored.with_text(stored.events)  # the linked ids are written for the rows exported
    assert exported[columns].astype(str).values.tolist() == whole.events[columns].astype(str).values.tolist()
    assert stored.links.astype(str).values.tolist() == whole.links.astype(str).values.tolist()
    assert sorted(stored.problems["reason"]) == sorted(whole.problems["reason"])
    assert stored.event_text("acled-MLI90002")["summary"].startswith("On 5 June 2013, Malian forces")


def test_the_events_csv_the_app_exports_carries_the_linked_ids(tmp_path):
    from dashboard.catalogue import export

    stored = cached_catalogue(paths.default_articles(), paths.GAZETTEER, tmp_path / "cache", [GED])
    shown = stored.events[stored.events["title"] == "Battle of Anefis (June 2013)"]
    text = export.events_csv(stored.with_text(shown)).decode("utf-8-sig")
    assert "ucdp-880102" in text.splitlines()[1]


def test_a_build_folder_with_datasets_is_served_as_built(tmp_path):
    whole = build_catalogue(datasets=[GED, ACLED])
    write_catalogue(whole, tmp_path / "out")
    served = cached_prebuilt(tmp_path / "out", tmp_path / "cache")
    columns = ["event_id", "alignment_a", "alignment_b", "best_killed", "linked_ucdp", "linked_acled"]
    assert served.events[columns].astype(str).values.tolist() == whole.events[columns].astype(str).values.tolist()
    # "Civilians (Mali)" stays an actor of its own, not Mali, when read back from the CSV
    civilians = served.parties[served.parties["party"] == "Civilians (Mali)"]
    assert set(civilians["canonical"]) == {"Civilians (Mali)"}


def test_datasets_given_to_a_build_folder_join_it(tmp_path):
    write_catalogue(build_catalogue(), tmp_path / "out")
    served = cached_prebuilt(tmp_path / "out", tmp_path / "cache", [GED])
    assert (served.events["kind"] == "ucdp").sum() == 7 and len(served.links) == 5
    assert "dataset" in set(served.problems["stage"])
