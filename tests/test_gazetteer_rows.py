"""The gazetteer file (places/rows.py): bad rows are reported with their line numbers while the valid rows serve."""
from __future__ import annotations

from pathlib import Path

from dashboard.places.gazetteer import Gazetteer
from dashboard.places.rows import parse_places

HEADER = "name,alt_names,kind,region,country,latitude,longitude,precision,source,note\n"
GOOD = "Kidal,,city,Kidal,ML,18.4411,1.4072,1,article 003,\n"


def load(tmp_path: Path, body: str | bytes, header: str = HEADER) -> Gazetteer:
    path = tmp_path / "gazetteer.csv"
    if isinstance(body, bytes):
        path.write_bytes(header.encode() + body)
    else:
        path.write_text(header + body, encoding="utf-8")
    return Gazetteer.from_csv(path)


def reasons(gazetteer: Gazetteer) -> list[str]:
    assert all(p.stage == "gazetteer" and p.source_file == "gazetteer.csv" for p in gazetteer.problems)
    return [p.reason for p in gazetteer.problems]


def test_bad_coordinates_are_reported_with_their_line_and_skipped(tmp_path):
    gaz = load(tmp_path, GOOD
               + "Nowhere,,town,Gao,ML,abc,1.0,1,made up,\n"
               + "North Pole Plus,,town,Gao,ML,95,1.0,1,made up,\n"
               + "Dateline,,town,Gao,ML,16.0,181,1,made up,\n"
               + "Gao,,city,Gao,ML,16.27167,-0.04472,1,GeoNames 2457163,\n")
    found = reasons(gaz)
    assert any(r.startswith("line 3:") and "latitude 'abc' is not a number" in r for r in found)
    assert any(r.startswith("line 4:") and "latitude 95" in r for r in found)
    assert any(r.startswith("line 5:") and "longitude 181" in r for r in found)  # not wrapped to -179
    assert [p.name for p in gaz.places] == ["Kidal", "Gao"]
    assert gaz.match("Dateline") is None and gaz.match("Gao").place.line == 6


def test_a_missing_coordinate_column_gives_an_empty_usable_gazetteer(tmp_path):
    gaz = load(tmp_path, "Kidal,,city,Kidal,ML,1.4072,1,article 003,\n",
               header="name,alt_names,kind,region,country,longitude,precision,source,note\n")
    assert gaz.places == [] and gaz.match("Kidal") is None and gaz.mentions("Kidal") == []
    assert reasons(gaz) == ["line 1: missing column(s) latitude"]


def test_a_missing_optional_column_still_loads_the_rows(tmp_path):
    gaz = load(tmp_path, "Kidal,,city,Kidal,ML,18.4411,1.4072\n",
               header="name,alt_names,kind,region,country,latitude,longitude\n")
    assert gaz.match("Kidal").place.name == "Kidal"
    found = reasons(gaz)
    assert found[0] == "line 1: missing column(s) source"
    assert any("line 2:" in r and "no source" in r for r in found)


def test_a_name_claimed_by_two_places_far_apart_is_reported(tmp_path):
    gaz = load(tmp_path, "Bamba,,town,Gao,ML,17.03333,-1.4,1,English Wikipedia,\n"
                         "Bamba,Bamba (Sikasso),town,Sikasso,ML,10.38333,-7.15,1,GeoNames,\n"
                         "Gao,Gawo,city,Gao,ML,16.27167,-0.04472,1,GeoNames,\n"
                         "Gao town,Gawo,town,Gao,ML,16.275,-0.045,1,GeoNames,\n")
    found = reasons(gaz)
    assert len(found) == 1
    assert found[0].startswith("line 3:") and "'Bamba'" in found[0] and "(line 2)" in found[0]
    assert gaz.match("Bamba").place.line == 2
    assert gaz.match("Bamba (Sikasso)").place.line == 3  # its other names still work
    assert gaz.match("Gawo") is not None  # two rows 0.4 km apart may share a spelling


def test_a_file_that_is_not_utf8_reports_the_line_and_keeps_the_rest(tmp_path):
    latin1 = "Léré,,town,Tombouctou,ML,15.71528,-4.90417,1,English Wikipedia,\n".encode("latin-1")
    gaz = load(tmp_path, GOOD.encode() + latin1 + b"Gao,,city,Gao,ML,16.27167,-0.04472,1,GeoNames,\n")
    assert reasons(gaz) == ["line 3: not UTF-8 text; row skipped"]
    assert [p.name for p in gaz.places] == ["Kidal", "Gao"]


def test_rows_without_a_name_or_a_source_and_bad_precisions_are_reported(tmp_path):
    gaz = load(tmp_path, ",,town,Gao,ML,16.0,0.0,1,x,\n"
                         "Bourem,,town,Gao,ML,16.955,-0.34861,9,GeoNames,\n"
                         "Ansongo,,town,Gao,ML,15.6597,0.5022,1,,\n")
    found = reasons(gaz)
    assert found[0] == "line 2: row has no name; skipped"
    assert found[1].startswith("line 3:") and "precision '9'" in found[1]
    assert found[2].startswith("line 4:") and "no source" in found[2]
    assert gaz.match("Bourem").precision == 1 and gaz.match("Ansongo") is not None


def test_an_unreadable_path_is_a_problem_not_a_crash(tmp_path):
    gaz = Gazetteer.from_csv(tmp_path / "missing.csv")
    assert gaz.places == [] and "cannot read" in reasons_of(gaz)[0]


def reasons_of(gazetteer: Gazetteer) -> list[str]:
    return [p.reason for p in gazetteer.problems]


def test_the_cercle_and_source_kind_columns_are_read_and_optional(tmp_path):
    header = "name,alt_names,kind,region,cercle,country,latitude,longitude,precision,source,source_kind,note\n"
    gaz = load(tmp_path, "Anéfis,Anefis,town,Kidal,Kidal,ML,18.04389,0.60306,1,French Wikipedia,wikipedia,\n"
                         "Ménaka Cercle,Cercle de Ménaka,cercle,Ménaka,Ménaka,ML,16.58333,2.83333,,English Wikipedia,"
                         "wikipedia,\n", header=header)
    assert reasons(gaz) == []
    anefis, cercle = gaz.places
    assert (anefis.cercle, anefis.source_kind) == ("Kidal", "wikipedia")
    assert cercle.precision == 3 and cercle.is_area and not anefis.is_area  # a cercle row is an area
    assert gaz.places[0].row()["cercle"] == "Kidal"


def test_every_fault_of_one_file_is_reported_by_line_while_its_valid_rows_serve():
    data = (HEADER + GOOD + "Nowhere,,town,Gao,ML,abc,1.0,1,made up,\n").encode() \
        + "Léré,,town,Tombouctou,ML,15.71528,-4.90417,1,English Wikipedia,\n".encode("latin-1") \
        + b"Gao,,city,Gao,ML,16.27167,-0.04472,1,GeoNames,\n" + b",,town,Gao,ML,16.0,0.0,1,x,\n"
    places, problems = parse_places(data, "gazetteer.csv")
    assert [p.name for p in places] == ["Kidal", "Gao"] and [p.line for p in places] == [2, 5]
    assert sorted(p.reason.split(":")[0] for p in problems) == ["line 3", "line 4", "line 6"]
