"""The map's Control layer (dashboard/map/control.py): one square per period with a holder, coloured by the
holder's camp, moved by the events' slider, with each place's timeline and sources behind a click."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue
from dashboard.catalogue.tables import control_frame
from dashboard.map import build_map
from dashboard.map.control import OPEN_END_MS, control_features, control_popups
from dashboard.map.style import alignment_code
from dashboard.model import ControlChange
from dashboard.views import prepare_events
from dashboard.views.control import control_periods

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = r"Kidal ${alert(1)} </script><img src=x onerror=alert(1)> {{ 7*7 }} \u"


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(ROOT / "seeds", ROOT / "data" / "gazetteer.csv")


def ms(day: str) -> int:
    return int(pd.Timestamp(day).value // 1_000_000)


def squares_on(features: list[dict], day: str) -> dict[str, tuple[int, int, int]]:
    at = ms(day)
    return {f["properties"]["place"]: (f["properties"]["a"], f["properties"]["b"], f["properties"]["d"])
            for f in features if f["properties"]["start"] <= at <= f["properties"]["end"]}


def test_at_a_date_each_held_place_has_its_holder_s_colour(catalogue):
    features = control_features(control_periods(catalogue.control))
    state, rebel = alignment_code("state"), alignment_code("rebel")
    assert squares_on(features, "2014-06-10") == {"anefis": (rebel, rebel, 0), "kidal": (rebel, state, 1)}
    assert squares_on(features, "2023-11-13") == {"anefis": (state, state, 0), "kidal": (rebel, rebel, 0)}
    assert squares_on(features, "2023-11-15") == {"anefis": (state, state, 0), "kidal": (state, state, 0)}
    assert max(f["properties"]["end"] for f in features) == OPEN_END_MS  # the last holder stays until told otherwise
    assert not any("·" in f["properties"]["place"] for f in features)  # camps are in the timeline, not squares


def test_a_square_s_tooltip_names_no_event(catalogue):
    features = control_features(control_periods(catalogue.control))
    assert not any(re.search(r"\bev-[0-9a-f]{10}\b", f["properties"]["tooltip"]) for f in features)


def test_the_popup_is_the_place_s_timeline_with_its_sources(catalogue):
    popups = control_popups(control_periods(catalogue.control), catalogue.control)
    kidal = popups["kidal"]
    assert kidal.index("30 March 2012 to January 2013") < kidal.index("2015 to 14 November 2023")
    assert "disputed: " in kidal and "004_a954f82738c9178b.txt · Battle" in kidal
    assert "The Malian Army seized control of Kidal on November 14." in kidal


def test_a_hostile_sentence_stays_text_in_the_popup():
    change = ControlChange("ev-1", "x.txt", "body", "Battle", f"{HOSTILE} was captured by the MNLA.", "took", HOSTILE,
                           "Kidal", holder="the MNLA", holder_parties=["MNLA"], date_start="2016-03-03",
                           date_end="2016-03-03", latitude=18.44, longitude=1.41, location_precision=1)
    control = control_frame([change])
    html = json.dumps(control_popups(control_periods(control), control))
    assert "${alert" not in html and "<img" not in html and "{{ 7*7 }}" not in html


def test_the_map_carries_the_layer_its_popups_and_the_legend_line(catalogue):
    events = prepare_events(catalogue.events)
    periods = control_periods(catalogue.control)
    html = build_map(events, claims=catalogue.claims, control=(periods, catalogue.control)).get_root().render()
    assert "Control (who held each place)" in html and "window.maliControlPopups" in html
    assert "Square: who held the place at the slider date" in html
    assert "L.timeline(" in html  # a Timeline layer, which the map's one time bar sets to its date
    without = build_map(events, claims=catalogue.claims).get_root().render()
    assert "maliControlPopups" not in without and "Square:" not in without
