"""The geocoder on the real articles of the corpus (tests/corpus, else ../shared/corpus): every place a person
read in them lands within 25 km of where it happened, from the place text, from the title, and once the
articles are read and placed end to end."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from geopy.distance import geodesic

from dashboard.catalogue import build_catalogue
from dashboard.places.gazetteer import Gazetteer
from dashboard.places.locate import most_specific

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next((c for c in (ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus") if (c / "truth.csv").is_file()),
              None)
pytestmark = pytest.mark.skipif(CORPUS is None, reason="the real-articles corpus is not in tests/corpus or ../shared")
TOLERANCE_KM = 25.0


def truth_rows() -> list[dict]:
    if CORPUS is None:
        return []
    with (CORPUS / "truth.csv").open(encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if row["latitude"]]


ROWS = truth_rows()


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(ROOT / "data" / "gazetteer.csv")


def where(row: dict) -> tuple[float, float]:
    return float(row["latitude"]), float(row["longitude"])


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_the_place_a_person_read_lands_within_25_km(gazetteer, row):
    found = gazetteer.match(row["place"])
    assert found is not None and not found.country_only, row["place"]
    assert geodesic(found.point, where(row)).km <= TOLERANCE_KM


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_the_place_the_title_names_lands_within_25_km(gazetteer, row):
    found = most_specific(gazetteer.mentions(row["title"]))
    assert found is not None, row["title"]
    assert geodesic(found.point, where(row)).km <= TOLERANCE_KM


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(CORPUS / "articles", ROOT / "data" / "gazetteer.csv")


def test_every_event_read_from_the_articles_is_placed_within_25_km(catalogue):
    events = catalogue.events[catalogue.events["kind"] == "article"]
    missed = []
    for row in ROWS:
        mine = events[events["source_file"].str.endswith(row["file"])]
        if mine.empty:
            continue  # the reader gave no event for this article: the scorer counts it, not the geocoder
        event = mine.iloc[0]
        if not (event["latitude"] == event["latitude"]) or geodesic(
                (event["latitude"], event["longitude"]), where(row)).km > TOLERANCE_KM:
            missed.append((row["file"], event["place"], event["latitude"], event["longitude"]))
    assert missed == []


def test_no_event_of_the_corpus_sits_at_the_centre_of_mali(catalogue):
    located = catalogue.events.dropna(subset=["latitude"])
    assert not ((located["latitude"].round(3) == 17.0) & (located["longitude"].round(3) == -4.0)).any()
    assert (catalogue.events.dropna(subset=["latitude"])["location_precision"] <= 5).all()


def test_an_event_abroad_carries_its_country_as_region(catalogue):
    tongo = catalogue.events[catalogue.events["source_file"].str.endswith("15_tongo_tongo_ambush_2017.txt")]
    assert set(tongo[tongo["kind"] == "article"]["region"]) == {"Niger"}
