"""Coordinate pairs as articles write them (dashboard/coords.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.ingest.coords import parse_coordinates
from dashboard.model import CoordinateError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_article_coordinate_line_gives_kidal():
    text = (SEEDS / "003_499888a3b842d896.txt").read_text(encoding="utf-8")
    assert parse_coordinates(text) == (18.4411, 1.4072)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("18°26′28″N1°24′26″E / 18.4411°N 1.4072°E / 18.4411; 1.4072", (18.4411, 1.4072)),
        ("18°26′28″N 1°24′26″E", (18.4411, 1.4072)),
        ("18°26'28\"N 1°24'26\"E", (18.4411, 1.4072)),
        ("20° 01′ 26″ nord, 0° 40′ 11″ est", (20.0239, 0.6697)),
        ("16° 16′ 12″ N, 0° 2′ 24″ ouest", (16.27, -0.04)),
        ("18.4411°N 1.4072°E", (18.4411, 1.4072)),
        ("18.4411; 1.4072", (18.4411, 1.4072)),
        ("16.27, -0.04", (16.27, -0.04)),
        ("16.27°N 0.04°W", (16.27, -0.04)),
        ("14.50°S 12.25°W", (-14.5, -12.25)),
        ("{{coord|18|26|28|N|1|24|26|E}}", (18.4411, 1.4072)),
        ("{{Coord|18|26|N|1|24|E|region:ML_type:city}}", (18.4333, 1.4)),
        ("{{coord|16.27|N|0.04|W|display=title}}", (16.27, -0.04)),
        ("{{coord|18.4411|1.4072}}", (18.4411, 1.4072)),
        ("Coordinates: 18°26′28″N 1°24′26″E", (18.4411, 1.4072)),
    ],
)
def test_parse_coordinates_reads_written_forms(text, point):
    assert parse_coordinates(text) == point


def test_decimal_form_is_preferred_when_forms_agree():
    # DMS written to the minute rounds differently from the decimal the article also gives
    assert parse_coordinates("18°26′N 1°24′E / 18.4411°N 1.4072°E") == (18.4411, 1.4072)


@pytest.mark.parametrize(
    "text",
    ["", "The battle of Kidal took place between November 10 and 14, 2023.", "Strength 1,500 [1]",
     "18°N", "a 2.5, 3 ratio", "Retrieved 22 May 2015"],
)
def test_text_without_a_coordinate_pair_gives_none(text):
    assert parse_coordinates(text) is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("95°N", "latitude 95"),
        ("95°N 1°E", "latitude 95"),
        ("18°61′N 1°24′E", "minutes"),
        ("18°26′75″N 1°24′E", "seconds"),
        ("18.0°N 181.0°E", "longitude 181"),
        ("95.00; 10.00", "latitude 95"),
        ("10.00; -190.00", "longitude -190"),
        ("{{coord|95|N|1|E}}", "latitude 95"),
        ("{{coord|north|east}}", "cannot read"),
        ("18.4411°N 1.4072°E / 17.4411; 1.4072", "disagree"),
    ],
)
def test_bad_coordinates_raise_coordinate_error(text, words):
    with pytest.raises(CoordinateError) as err:
        parse_coordinates(text)
    assert words in str(err.value)


COORD_PIECES = ["18", "26", "28.5", "95", "181", "°", "′", "″", "'", "N", "S", "E", "W", "O", "nord", "est",
                " ", "/", ";", ",", "-", ".", "{{coord|", "|", "}}", "61"]


@settings(max_examples=200)
@given(st.one_of(st.text(), st.lists(st.sampled_from(COORD_PIECES), max_size=16).map("".join)))
def test_parse_coordinates_returns_a_valid_point_none_or_coordinate_error(text):
    try:
        point = parse_coordinates(text)
    except CoordinateError:
        return
    if point is not None:
        lat, lon = point
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert (round(lat, 4), round(lon, 4)) == point
