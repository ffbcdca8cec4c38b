"""The disk store: a built catalogue served from Parquet without its article text in memory, text read per event."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import export, incremental, store, store_folders, store_writer
from dashboard.catalogue import build_catalogue, cached_catalogue, cached_prebuilt, read_catalogue, write_catalogue
from dashboard.model import TEXT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SEEDS, GAZETTEER = ROOT / "seeds", ROOT / "data" / "gazetteer.csv"
ANEFIS_2014 = "Battle of Anéfis (2014)"


@pytest.fixture(scope="module")
def built():
    return build_catalogue(SEEDS, GAZETTEER)


@pytest.fixture
def small_row_groups(monkeypatch):
    """Three events per row group, so the seeds' 16 events span six of them."""
    monkeypatch.setattr(store_writer, "ROW_GROUP", 3)


def test_the_shared_table_leaves_the_article_text_on_disk(built, tmp_path):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    assert not set(TEXT_COLUMNS) & set(served.events.columns)
    assert len(served.events) == 16 and len(served.claims) == len(built.claims) == 71
    assert served.events["event_id"].tolist() == built.events["event_id"].tolist()


def test_one_event_text_is_the_articles_own(built, tmp_path, small_row_groups):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    row = built.events[built.events["title"] == ANEFIS_2014].iloc[0]
    text = served.event_text(row["event_id"])
    assert text == {c: row[c] for c in TEXT_COLUMNS}
    assert text["summary"].startswith("On July 11, 2014, clashes broke out")
    assert served.event_text("ev-0000000000") == {}


def test_text_comes_back_in_the_order_asked_across_row_groups(built, tmp_path, small_row_groups):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    picked = served.events.iloc[[15, 0, 7, 3, 14]]
    with_text = served.with_text(picked)
    expected = built.events.set_index("event_id").loc[picked["event_id"], list(TEXT_COLUMNS)]
    assert with_text[list(TEXT_COLUMNS)].to_numpy().tolist() == expected.to_numpy().tolist()


def test_export_from_the_store_is_the_export_of_the_built_catalogue(built, tmp_path, small_row_groups):
    served = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    assert export.events_csv(served.with_text(served.events)) == export.events_csv(built.events)
    assert export.claims_csv(served.claims, served.events) == export.claims_csv(built.claims, built.events)


def as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the categories the store reads repeated text as (catalogue.compact) back as text."""
    return frame.apply(lambda c: c.astype("string") if isinstance(c.dtype, pd.CategoricalDtype) else c)


def test_a_built_folder_is_converted_once_and_reads_back_like_the_csv(built, tmp_path, small_row_groups):
    write_catalogue(built, tmp_path / "out")
    first = cached_prebuilt(tmp_path / "out", tmp_path / "cache")
    [folder] = (tmp_path / "cache").iterdir()
    stamp = (folder / "events.parquet").stat().st_mtime_ns
    again = cached_prebuilt(tmp_path / "out", tmp_path / "cache")
    assert (folder / "events.parquet").stat().st_mtime_ns == stamp  # not converted twice
    whole = read_catalogue(tmp_path / "out")
    pd.testing.assert_frame_equal(as_text(again.with_text(again.events).drop(columns=store.ROW)[whole.events.columns]),
                                  whole.events, check_dtype=False)
    pd.testing.assert_frame_equal(as_text(first.claims), whole.claims, check_dtype=False)
    assert first.events["latitude"].notna().sum() == 16


def test_a_large_csv_is_converted_block_by_block(built, tmp_path, monkeypatch):
    """Blocks much smaller than the file: every row still arrives once, formulas unguarded, numbers typed."""
    events = built.events.copy()
    events.loc[0, "title"] = "=HYPERLINK(\"http://x\")"
    write_catalogue(type(built)(pd.concat([events] * 40, ignore_index=True), built.claims, built.problems), tmp_path / "out")
    monkeypatch.setattr(store_writer, "CSV_BLOCK_BYTES", 64 << 10)
    served = cached_prebuilt(tmp_path / "out", tmp_path / "cache")
    assert len(served.events) == 640
    assert served.events["title"].tolist().count("=HYPERLINK(\"http://x\")") == 40
    assert served.events["latitude"].dtype == "float64"
    assert served.events["location_precision"].dtype == "Int64"


def test_an_edited_csv_is_never_served_stale(built, tmp_path):
    write_catalogue(built, tmp_path / "out")
    cached_prebuilt(tmp_path / "out", tmp_path / "cache")
    trimmed = built.events.iloc[:10]
    write_catalogue(type(built)(trimmed, built.claims, built.problems), tmp_path / "out")
    assert len(cached_prebuilt(tmp_path / "out", tmp_path / "cache").events) == 10
    assert len(list((tmp_path / "cache").iterdir())) == 2  # the old one stays a while, for other servers


def test_only_the_last_used_stores_are_kept(built, tmp_path, monkeypatch):
    monkeypatch.setattr(store_folders, "KEEP_STORES", 1)
    sizes = (16, 12, 10)
    for n in sizes:
        write_catalogue(type(built)(built.events.iloc[:n], built.claims, built.problems), tmp_path / "out")
        assert len(cached_prebuilt(tmp_path / "out", tmp_path / "cache").events) == n
    assert len(list((tmp_path / "cache").iterdir())) == 2  # the newest and the one before it


def test_a_damaged_store_is_written_again(tmp_path):
    cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    [folder] = tmp_path.iterdir()
    (folder / "events.parquet").write_bytes(b"not parquet")
    again = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    assert len(again.events) == 16 and again.event_text(again.events["event_id"].iloc[0])


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_serves_the_whole_catalogue_from_memory(tmp_path):
    tmp_path.chmod(0o500)
    try:
        served = cached_catalogue(SEEDS, GAZETTEER, tmp_path / "cache")
    finally:
        tmp_path.chmod(0o700)
    assert set(TEXT_COLUMNS) <= set(served.events.columns) and served.text is None
    assert served.with_text(served.events) is served.events


def test_a_cache_that_cannot_be_written_serves_the_whole_catalogue(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    served = cached_catalogue(SEEDS, GAZETTEER, blocker)
    assert set(TEXT_COLUMNS) <= set(served.events.columns) and len(served.events) == 16


def test_the_store_keeps_the_parties_table_and_the_derived_columns(tmp_path, monkeypatch):
    first = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    incremental.forget()  # a restart: nothing parsed is in memory
    monkeypatch.setattr(incremental, "parse_file", lambda path: pytest.fail("parsed again on a restart"))
    second = cached_catalogue(SEEDS, GAZETTEER, tmp_path)
    pd.testing.assert_frame_equal(first.parties, second.parties)
    anefis = second.events[second.events["title"] == "Battle of Anefis (June 2013)"].iloc[0]
    assert (anefis["alignment_a"], anefis["alignment_b"], anefis["best_killed"]) == ("state", "rebel", 16)  # side b: 2 dead (per MNLA), 30 killed (per Mali): median 16; Maiga's ten, revised
    # by the Malian government's thirty, counts no more; side a: no Malian casualties (per Maiga), 0
    # the text is still found through the store's rows
    gao = second.events[second.events["title"] == "Battle of Gao"].iloc[0]
    assert second.event_text(gao["event_id"])["summary"].startswith("The Battle of Gao")


def test_a_cache_that_cannot_be_written_still_serves_the_derived_columns(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    served = cached_catalogue(SEEDS, GAZETTEER, blocker)
    assert served.events["alignment_a"].notna().all() and len(served.events) == 16
    assert set(served.parties["event_id"]) <= set(served.events["event_id"])
