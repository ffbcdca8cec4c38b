"""Repeated text held as categories: the same values, the same order, less memory."""
import pandas as pd
import pytest

from dashboard.catalogue.compact import compact, read_compact
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.catalogue.build import build_catalogue

SIDES = ["Mali", "MNLA", "JNIM", "Ansar Dine"]


def dataset_like(n: int) -> pd.DataFrame:
    """n events of a few sides and places, each with its own id: a dataset's shape."""
    return pd.DataFrame({
        "event_id": pd.array([f"ucdp-{i}" for i in range(n)], dtype="string"),
        "side_a": pd.array([SIDES[i % 4] for i in range(n)], dtype="string"),
        "place": pd.array([None if i % 7 == 0 else ("Kidal" if i % 2 else "Anéfis") for i in range(n)], dtype="string"),
        "best_killed": pd.array(range(n), dtype="Int64"),
    })


def test_repeated_text_becomes_a_category_and_ids_stay_text():
    events = compact(dataset_like(1000))
    assert isinstance(events["side_a"].dtype, pd.CategoricalDtype)
    assert isinstance(events["place"].dtype, pd.CategoricalDtype)
    assert not isinstance(events["event_id"].dtype, pd.CategoricalDtype)
    assert events["best_killed"].dtype == "Int64"


def test_a_compacted_table_holds_the_same_values_in_less_memory():
    before = dataset_like(10_000)
    after = compact(before.copy())
    assert after.astype(object).where(after.notna(), None).equals(before.astype(object).where(before.notna(), None))
    assert after.memory_usage(deep=True).sum() < 0.7 * before.memory_usage(deep=True).sum()


def test_the_views_can_still_fill_missing_text_with_nothing():
    places = compact(dataset_like(1000))["place"]
    assert places.isna().sum() == 143
    assert places.fillna("").eq("").sum() == 143


def test_categories_sort_as_the_text_does():
    frame = compact(dataset_like(1000))
    as_text = frame["side_a"].astype("string").sort_values(kind="stable").tolist()
    assert frame["side_a"].sort_values(kind="stable").astype("string").tolist() == as_text
    assert list(frame["side_a"].cat.categories) == ["", "Ansar Dine", "JNIM", "MNLA", "Mali"]


def test_a_stored_table_is_read_back_compact(tmp_path):
    path = tmp_path / "events.parquet"
    dataset_like(5000).to_parquet(path, row_group_size=1000)  # several row groups, each with its own dictionary
    back = read_compact(path)
    assert isinstance(back["side_a"].dtype, pd.CategoricalDtype)
    assert not isinstance(back["event_id"].dtype, pd.CategoricalDtype)
    assert back["side_a"].tolist() == dataset_like(5000)["side_a"].tolist()
    assert back["place"].isna().sum() == dataset_like(5000)["place"].isna().sum()
    assert read_compact(path, ["event_id", "place"]).columns.tolist() == ["event_id", "place"]


@pytest.fixture(scope="module")
def seeds_prepared():
    return prepare_catalogue(build_catalogue())


def test_the_seeds_catalogue_is_prepared_compact_and_keeps_its_battles(seeds_prepared):
    events = seeds_prepared.events
    assert isinstance(events["kind"].dtype, pd.CategoricalDtype)
    anefis = events[events["place"].astype("string").str.contains("Anéfis", na=False)]
    assert len(anefis) >= 1
    assert events["start_date"].astype("string").is_monotonic_increasing
