"""CSV and GeoJSON exports of exactly the filtered events: spreadsheet-safe, numbers numeric, rows exact."""
import io
import json

import pandas as pd
import pytest

from dashboard.catalogue.export import (
    ExportError, claims_csv, events_csv, events_geojson, neutralise_formulas, restore_formula_text,
)
from dashboard.views import filter_events, prepare_events
from dashboard.model import CLAIM_COLUMNS, EVENT_COLUMNS
from fixtures_events import (
    AMAZRAGANE_2013, ANEFIS_2013, ANEFIS_MAY_2013, BER_2023, GAO_2012, claim, claims_frame, event, events_frame,
    seed_claims, seed_events,
)

HOSTILE = {
    "strength_a": '=HYPERLINK("http://evil.example","click")',
    "result": "+cmd|' /C calc'!A0",
    "summary": "-2+3+cmd|' /C calc'!A0",
    "commanders_a": "@SUM(1+1)*cmd|' /C calc'!A0",
    "part_of": "\t=1+1",
    "strength_b": "\r=1+1",
}


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])


def text_or_empty(value) -> str:
    return value if isinstance(value, str) else ""


def hostile_events() -> pd.DataFrame:
    return events_frame([dict(ANEFIS_2013, **HOSTILE), GAO_2012, BER_2023])


def test_events_csv_has_exactly_the_event_columns_and_a_bom_for_excel():
    data = events_csv(seed_events())
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").split("\r\n")[0] == ",".join(EVENT_COLUMNS)
    assert len(read_csv(data)) == 9


def test_formula_cells_are_neutralised():
    back = read_csv(events_csv(hostile_events()))
    anefis = back[back["event_id"] == ANEFIS_2013["event_id"]].iloc[0]
    for column, written in HOSTILE.items():
        assert anefis[column] == "'" + written, column


def test_numbers_stay_numeric_and_negative_longitudes_untouched():
    data = events_csv(hostile_events())
    text = data.decode("utf-8-sig")
    assert ",-3.3833," in text and ",-0.04," in text  # Ber and Gao lie west of Greenwich
    assert ",2,gazetteer: Ber," in text  # a whole number, not "2.0"
    back = read_csv(data)
    assert back["longitude"].dtype == "float64"
    assert back.loc[back["title"] == "Battle of Ber (2023)", "longitude"].item() == -3.3833


def test_events_csv_round_trips_to_the_same_rows():
    shown = filter_events(seed_events(), start="2013-01-01", end="2014-12-31")
    original = pd.concat([hostile_events(), shown[EVENT_COLUMNS]], ignore_index=True)
    back = read_csv(events_csv(original)).map(restore_formula_text)
    assert back["event_id"].tolist() == original["event_id"].tolist()
    for column in EVENT_COLUMNS:
        want, got = original[column].tolist(), back[column].tolist()
        if column in ("latitude", "longitude", "location_precision"):
            assert pd.Series(got, dtype="Float64").equals(pd.Series(want, dtype="Float64")), column
        else:
            assert [text_or_empty(w) for w in want] == [text_or_empty(g) for g in got], column


def test_mixed_columns_are_judged_by_value():
    mixed = pd.DataFrame({"figure": pd.Series([-5, "-5 dead", 12.5, None, "=1"], dtype=object)})
    assert neutralise_formulas(mixed)["figure"].tolist() == [-5, "'-5 dead", 12.5, None, "'=1"]


def test_claims_csv_holds_the_claims_of_exactly_the_shown_events():
    shown = filter_events(seed_events(), start="2013-01-01", end="2013-12-31")  # four 2013 events
    back = read_csv(claims_csv(seed_claims(), shown))
    assert list(back.columns) == CLAIM_COLUMNS
    assert set(back["event_id"]) == {ANEFIS_2013["event_id"], AMAZRAGANE_2013["event_id"]}
    assert len(back) == 8 + 4
    # in the events' order: June's Anefis before November's Amazragane
    assert back["event_id"].tolist() == [ANEFIS_2013["event_id"]] * 8 + [AMAZRAGANE_2013["event_id"]] * 4


def test_claim_figures_are_whole_numbers_and_open_ends_empty():
    text = claims_csv(seed_claims(), seed_events()).decode("utf-8-sig")
    assert ",b,killed,30,30,Mali,,30 killed (per Mali),,infobox," in text
    assert ",civilian,killed,14,,,,14+ civilians killed,,infobox," in text
    floats = seed_claims().astype({"low": "float64", "high": "float64"})
    assert claims_csv(floats, seed_events()) == claims_csv(seed_claims(), seed_events())


def test_an_export_missing_columns_says_which():
    with pytest.raises(ExportError, match="lacks columns: summary"):
        events_csv(seed_events().drop(columns=["summary"]))


def test_prepared_frames_export_without_helper_columns():
    assert events_csv(prepare_events(seed_events())) == events_csv(filter_events(seed_events()))
    assert read_csv(events_csv(prepare_events(seed_events()))).columns.tolist() == EVENT_COLUMNS


def strict_json(data: bytes) -> dict:
    def refuse(constant):
        raise ValueError(f"{constant} is not JSON")
    return json.loads(data.decode("utf-8"), parse_constant=refuse)


def test_geojson_has_located_events_as_points_and_counts_the_unlocated():
    collection = strict_json(events_geojson(seed_events()))
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 8
    assert collection["unlocated"] == {"count": 1, "event_ids": [ANEFIS_MAY_2013["event_id"]]}
    gao = next(f for f in collection["features"] if f["id"] == GAO_2012["event_id"])
    assert gao["geometry"] == {"type": "Point", "coordinates": [-0.04, 16.2666]}  # lon, lat
    assert gao["properties"]["location_precision"] == 2
    assert set(gao["properties"]) == set(EVENT_COLUMNS) - {"latitude", "longitude"}


def test_geojson_carries_each_events_claims_when_given():
    shown = filter_events(seed_events(), start="2013-06-01", end="2013-06-30")
    collection = strict_json(events_geojson(shown, seed_claims()))
    [anefis] = collection["features"]
    claims = anefis["properties"]["claims"]
    assert len(claims) == 8
    thirty = next(c for c in claims if (c["side"], c["kind"], c["low"]) == ("b", "killed", 30))
    assert {k: thirty[k] for k in ("high", "claimed_by", "text", "origin")} == {
        "high": 30, "claimed_by": "Mali", "text": "30 killed (per Mali)", "origin": "infobox"}


def test_geojson_never_writes_nan_and_refuses_impossible_coordinates():
    frame = events_frame([
        event("w.txt", "Nowhere", "2015-01-01", latitude=95.0, longitude=1.0),
        event("v.txt", "Wrapped", "2015-01-02", latitude=15.0, longitude=181.0),
        dict(AMAZRAGANE_2013, location_precision=None),
    ])
    claims = claims_frame([claim(AMAZRAGANE_2013["event_id"], "b", "killed", None, None, "", "dozens killed")])
    collection = strict_json(events_geojson(frame, claims))
    assert collection["unlocated"]["count"] == 2
    [feature] = collection["features"]
    assert feature["properties"]["location_precision"] is None
    assert feature["properties"]["claims"][0]["low"] is None


def test_exports_of_nothing_are_still_valid_files():
    empty = seed_events().iloc[:0]
    assert read_csv(events_csv(empty)).empty
    assert read_csv(claims_csv(seed_claims(), empty)).columns.tolist() == CLAIM_COLUMNS
    assert strict_json(events_geojson(empty, seed_claims())) == {
        "type": "FeatureCollection", "features": [], "unlocated": {"count": 0, "event_ids": []}}
