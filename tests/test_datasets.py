"""UCDP GED and ACLED files read as a user holds them: recognised by their headers, gzip or plain, spreadsheet
variants, malformed rows reported by line, unknown headers refused with what they lacked."""
from __future__ import annotations

import csv
import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard import paths
from dashboard.catalogue import load_gazetteer
from dashboard.datasets import UnknownHeadersError, UnreadableFileError, detect, read_dataset, region_names

HERE = Path(__file__).resolve().parent
GED = HERE / "datasets" / "ged_mali.csv"
ACLED = HERE / "datasets" / "acled_mali.csv"
ACLED_EXCEL = HERE / "datasets" / "acled_mali_excel.csv"
REGIONS = region_names(load_gazetteer(paths.GAZETTEER))


def row(tables, event_id):
    found = tables.events[tables.events["event_id"] == event_id]
    assert len(found) == 1, event_id
    return found.iloc[0]


def test_ged_is_recognised_by_its_49_columns_and_says_so():
    source, detected = detect(GED)
    assert source.key == "ucdp" and len(detected.columns) == 49
    assert detected.describe() == "UCDP GED, 49 columns, not compressed, utf-8, comma-separated"


def test_ged_row_becomes_an_event_with_its_dates_place_precision_and_sides():
    tables = read_dataset(GED, REGIONS)
    anefis = row(tables, "ucdp-880102")
    assert (anefis["kind"], anefis["start_date"], anefis["end_date"]) == ("ucdp", "2013-06-05", "2013-06-05")
    assert (anefis["place"], anefis["region"], anefis["location_precision"]) == ("Anefis town", "Kidal", 1)
    assert (anefis["latitude"], anefis["longitude"]) == (18.0439, 0.6031)
    assert (anefis["side_a"], anefis["side_b"]) == ("Government of Mali", "MNLA")
    aguelhok = row(tables, "ucdp-880101")  # date_prec 3: their week-long range is kept as the event's dates
    assert (aguelhok["start_date"], aguelhok["end_date"]) == ("2012-01-18", "2012-01-24")


def test_ged_figures_are_claims_by_ucdp_per_side_and_for_all_sides():
    claims = read_dataset(GED).claims
    anefis = claims[claims["event_id"] == "ucdp-880102"].set_index("side")
    assert set(anefis["claimed_by"]) == {"UCDP GED"}
    assert (anefis.loc["a", "low"], anefis.loc["b", "low"]) == (2, 10)
    assert (anefis.loc["all", "low"], anefis.loc["all", "high"]) == (10, 30)
    assert anefis.loc["all", "text"] == "best 12 (low 10, high 30)"
    unknown = claims[claims["event_id"] == "ucdp-880107"].set_index("side")
    assert unknown.loc["unknown", "low"] == 10  # deaths_unknown


def test_malformed_rows_are_reported_with_their_line_and_the_others_load():
    tables = read_dataset(GED, REGIONS)
    assert len(tables.events) == 7
    reasons = sorted(p.reason for p in tables.problems)
    assert reasons == ["line 10: 5 cells where the header has 49; row skipped",
                       "line 8: latitude '19,465' is not a latitude; row skipped"]
    assert {p.stage for p in tables.problems} == {"dataset"}


def test_a_cell_holding_a_newline_moves_the_lines_after_it(tmp_path):
    with ACLED.open(encoding="utf-8", newline="") as handle:
        header, first, second, *_ = csv.reader(handle)
    notes = header.index("notes")
    first[notes] = first[notes].replace("2012, ", "2012,\nas reported, ")
    second[header.index("event_date")] = "2013-13-05"
    path = tmp_path / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, first, second])
    tables = read_dataset(path)
    assert [p.reason for p in tables.problems] == ["line 4: event_date '2013-13-05' is not a date; row skipped"]
    assert "\nas reported," in tables.events["summary"].iloc[0]


def test_gzip_is_recognised_by_its_bytes_not_its_name(tmp_path):
    packed = tmp_path / "ged_download"  # no .gz: a browser may drop it
    with GED.open("rb") as plain, gzip.open(packed, "wb") as out:
        shutil.copyfileobj(plain, out)
    source, detected = detect(packed)
    assert (source.key, detected.compression) == ("ucdp", "gzip")
    assert len(read_dataset(packed).events) == 7


def test_acled_row_becomes_an_event_with_its_actors_and_fatalities():
    tables = read_dataset(ACLED, REGIONS)
    kidal = row(tables, "acled-MLI90004")
    assert kidal["side_a"] == "Military Forces of Mali (2021-); Wagner Group"
    # time_precision 2: the week around the coded day
    assert (kidal["start_date"], kidal["end_date"], kidal["date_precision"]) == ("2023-11-11", "2023-11-17", "day")
    assert kidal["title"] == "Government regains territory at Kidal: Mali – CSP"
    segue = row(tables, "acled-MLI90006")  # time_precision 3: the month; geo_precision 2: within ~25 km
    assert (segue["start_date"], segue["end_date"], segue["date_precision"]) == ("2020-02-01", "2020-02-29", "month")
    assert segue["location_precision"] == 2
    assert row(tables, "acled-MLI90008")["region"] == "Tombouctou"  # their "Timbuktu" is the gazetteer's region
    claims = tables.claims[tables.claims["event_id"] == "acled-MLI90002"]
    assert claims[["side", "kind", "low", "high", "claimed_by"]].values.tolist() == [["all", "killed", 12, 12, "ACLED"]]
    assert [p.reason for p in tables.problems] == ["line 8: event_date '31 February 2015' is not a date; row skipped"]


def test_the_spreadsheet_saved_acled_export_reads_the_same(tmp_path):
    plain, excel = read_dataset(ACLED, REGIONS), read_dataset(ACLED_EXCEL, REGIONS)
    source, detected = detect(ACLED_EXCEL)
    assert (detected.encoding, detected.delimiter) == ("utf-8-sig", ";")
    assert "upper-case headers" in detected.variants
    columns = ["event_id", "start_date", "end_date", "side_a", "side_b", "latitude", "summary"]
    assert excel.events[columns].astype(str).values.tolist() == plain.events[columns].astype(str).values.tolist()
    utf16 = tmp_path / "acled_utf16.txt"  # "Unicode text" as a spreadsheet saves it: UTF-16, tab-separated
    utf16.write_text(ACLED_EXCEL.read_text(encoding="utf-8-sig").replace(";", "\t"), encoding="utf-16")
    assert detect(utf16)[1].delimiter == "\t"
    assert read_dataset(utf16).events["event_id"].tolist() == plain.events["event_id"].tolist()


def test_a_formula_guard_is_taken_off_what_a_spreadsheet_safe_export_guarded(tmp_path):
    text = ACLED.read_text(encoding="utf-8").replace(",AFP,", ",'=AFP,", 1)
    path = tmp_path / "guarded.csv"
    path.write_text(text, encoding="utf-8")
    assert "'=AFP" not in read_dataset(path).events["sections"].iloc[1]


def test_unknown_headers_are_refused_with_what_they_lacked(tmp_path):
    path = tmp_path / "ged_renamed.csv"
    path.write_text(GED.read_text(encoding="utf-8").replace("where_prec", "precision_where", 1), encoding="utf-8")
    with pytest.raises(UnknownHeadersError) as refused:
        detect(path)
    assert refused.value.lacking["UCDP GED"] == ["where_prec"]
    assert "Closest is UCDP GED, but the header lacks where_prec" in str(refused.value)


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"])
def test_an_empty_or_binary_file_is_unreadable(tmp_path, content):
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError):
        detect(path)


def test_the_cli_refuses_an_unknown_file_with_exit_2_and_no_traceback(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    for command in ("build", "serve"):
        done = subprocess.run([sys.executable, "-m", "dashboard", command, "--dataset", str(path),
                               *(["--out", str(tmp_path / "out")] if command == "build" else [])],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and "the header lacks" in done.stderr


def test_the_cli_build_reads_datasets_and_reports_them(tmp_path):
    done = subprocess.run([sys.executable, "-m", "dashboard", "build", "--dataset", str(GED), "--dataset", str(ACLED),
                           "--out", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ged_mali.csv: UCDP GED, 49 columns" in done.stdout and "7 events, 2 rows skipped" in done.stdout
    assert "actors kept as written: 'Civilians (Mali)'" in done.stdout
    assert (tmp_path / "links.csv").is_file()
    header = (tmp_path / "events.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "linked_events" in header.split(",")
