"""The events map: lean features, colours, sizes and symbols, escaping, aggregation, the fitted view, the layers,
and the channel with the page (selection command, report)."""
import copy
import json
import math

import folium
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.map.assets import localize, offline_resources
from dashboard.casualties import best_estimate
from dashboard.catalogue import build_catalogue
from dashboard.parties import event_alignments
from dashboard.text.escape import js_safe_text
from dashboard.text.when import when_text
from dashboard.casualties import with_best_killed
from dashboard.map import LAYERS, build_map, located_events, read_report, selection_layer, with_alignments
from dashboard.map.fit import NORTHERN_MALI_BOUNDS, view_bounds
from dashboard.map.symbols import OUTLINES, TYPE_CODES, symbol_svg
from dashboard.map.timeline import EventsLayer, options_of
from dashboard.views.event_types import TYPE_LABELS, TYPE_NAMES
from dashboard.map.style import (
    AGGREGATE, ALIGNMENT_COLOURS, ALIGNMENT_LABELS, APPROXIMATE, EXACT, MIN_RADIUS, circle_style, marker_radius,
    marker_style,
)
from dashboard.parties import ALIGNMENTS
from dashboard.model import EVENT_COLUMNS, Claim
from fixtures_events import claims_frame as infobox_claims

PROBE = r"Kidal ${alert(1)} </script><img src=x onerror=alert(1)> \u `tick`"


def event_row(event_id: str, title: str, start: str, end: str | None = None, **fields) -> dict:
    row = {column: "" for column in EVENT_COLUMNS}
    row.update(event_id=event_id, title=title, kind="article", start_date=start, end_date=end or start,
               date_precision="day", latitude=math.nan, longitude=math.nan, location_precision=None)
    row.update(fields)
    return row


def frame(rows: list[dict], **extra_columns) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=EVENT_COLUMNS).astype(
        {"latitude": "float64", "longitude": "float64", "location_precision": "Int64"})
    return table.assign(**extra_columns)


ANEFIS = event_row("ev-00000000a1", "Battle of Anefis", "2013-06-05", place="Anefis, Kidal Region, Mali",
                   latitude=18.0547, longitude=0.6022, location_precision=1, side_a="Mali", side_b="MNLA")
KIDAL = event_row("ev-00000000b2", "Second Battle of Kidal", "2014-05-16", "2014-05-21", place="Kidal",
                  latitude=18.4411, longitude=1.4072, location_precision=3, side_a="Mali", side_b="MNLA; HCUA")
NOWHERE = event_row("ev-00000000c3", "Ambush somewhere", "2015-01-02")


def layer_of(m: folium.Map) -> EventsLayer:
    layers = [child for child in m._children.values() if isinstance(child, EventsLayer)]
    assert len(layers) == 1, "the events are drawn as one layer"
    return layers[0]


def features_of(m: folium.Map) -> list[dict]:
    return layer_of(m).features


def drawn_features(html: str) -> list[dict]:
    """The features a rendered page hands to its runtime (the call's third argument)."""
    start = html.index("window.maliEventsMapStart(")
    decoder = json.JSONDecoder()
    after_map = html.index(",", start) + 1
    options, end = decoder.raw_decode(html[after_map:].lstrip())
    rest = html[after_map:].lstrip()[end:].lstrip().lstrip(",").lstrip()
    return decoder.raw_decode(rest)[0]["features"]


def by_id(features: list[dict]) -> dict[str, dict]:
    return {f["properties"]["event_id"]: f for f in features}


def style_of(feature: dict) -> dict:
    """The circle's Leaflet options, as the page computes them from the feature."""
    return circle_style(feature["properties"])


def test_one_lean_feature_per_located_event_and_unlocated_ones_are_counted():
    m = build_map(frame([ANEFIS, KIDAL, NOWHERE]))
    features = features_of(m)
    assert sorted(by_id(features)) == ["ev-00000000a1", "ev-00000000b2"]
    assert all(set(f["properties"]) == {"event_id", "start", "end", "a", "b", "r", "k", "t", "tooltip"} for f in features)
    assert by_id(features)["ev-00000000a1"]["geometry"]["coordinates"] == [0.6022, 18.0547]
    assert "1 of 3 events have no map location" in m.get_root().render()


def test_start_and_end_are_epoch_milliseconds_end_is_the_end_of_the_last_day():
    props = by_id(features_of(build_map(frame([ANEFIS, KIDAL]))))
    assert props["ev-00000000a1"]["properties"]["start"] == 1370390400000  # 2013-06-05T00:00Z
    assert props["ev-00000000a1"]["properties"]["end"] == 1370476799999  # 2013-06-05T23:59:59.999Z
    assert props["ev-00000000b2"]["properties"]["end"] == 1400716799999  # 2014-05-21T23:59:59.999Z


def test_events_with_unreadable_dates_or_coordinates_stay_off_the_map():
    bad_date = event_row("ev-00000000d4", "Bad date", "2013-02-30", latitude=18.0, longitude=1.0)
    reversed_dates = event_row("ev-00000000e5", "Ends first", "2013-03-05", "2013-03-01", latitude=18.0, longitude=1.0)
    off_globe = event_row("ev-00000000f6", "Off the globe", "2013-03-05", latitude=95.0, longitude=1.0)
    kept = located_events(frame([ANEFIS, bad_date, reversed_dates, off_globe]))
    assert kept["event_id"].tolist() == ["ev-00000000a1"]


def test_tooltip_names_the_event_and_its_date_never_its_id():
    tooltip = by_id(features_of(build_map(frame([ANEFIS, KIDAL]))))["ev-00000000b2"]["properties"]["tooltip"]
    assert tooltip == "Second Battle of Kidal · 16–21 May 2014"


def test_the_pages_report_is_read_back_and_anything_else_is_not():
    report = read_report({"last_object_clicked_popup": json.dumps(
        {"event": "ev-00000000b2", "clicks": 3, "time": 1370390400000, "mode": "window", "window": 31, "speed": 2})})
    assert (report.event_id, report.clicks, report.mode, report.window, report.speed) == ("ev-00000000b2", 3, "window",
                                                                                         31, 2.0)
    assert report.time_settings() == {"time": 1370390400000, "mode": "window", "window": 31, "speed": 2.0}
    assert read_report({"last_object_clicked_popup": "Battle of Anefis"}) is None  # a popup's text, not a report
    assert read_report(None) is None and read_report({}) is None
    odd = read_report({"last_object_clicked_popup": '{"event": 7, "mode": "sideways", "clicks": "x"}'})
    assert (odd.event_id, odd.mode, odd.clicks) == (None, "all", 0)


def test_dates_are_written_at_their_precision():
    assert when_text("2013-06-05", "2013-06-05", short=True) == "5 Jun 2013"
    assert when_text("2013-06-01", "2013-06-30", "month", short=True) == "Jun 2013"
    assert when_text("2013-01-01", "2013-12-31", "year", short=True) == "2013"
    assert when_text("", "") == "date unknown"
    # A range at month or year precision keeps its end (the tooltip once said "2012" for 2012–2013).
    assert when_text("2012-01-01", "2013-12-31", "year", short=True) == "2012–2013"
    assert when_text("2013-05-01", "2013-06-30", "month", short=True) == "May–Jun 2013"


def test_article_text_is_escaped_before_it_reaches_the_browser():
    probe = event_row("ev-00000000a7", PROBE, "2013-06-05", latitude=18.0, longitude=1.0, place=PROBE)
    m = build_map(frame([probe]))
    tooltip = features_of(m)[0]["properties"]["tooltip"]
    for dangerous in ("${", "<", ">", "`", "\\"):
        assert dangerous not in tooltip
    assert "&#36;&#123;alert(1)&#125;" in tooltip and "&lt;/script&gt;&lt;img" in tooltip and "&#92;u" in tooltip
    html = m.get_root().render()
    assert "${alert(1)}" not in html
    assert "<img src=x" not in html and "</script><img" not in html


def test_jinja_in_article_text_is_shown_not_run_on_the_server():
    # branca renders the page's script once more as a Jinja template.
    title, place = "Raid {{ 7*7 }} {% if true %}yes{% endif %}", "Kidal {{ 6*7 }}"
    probe = event_row("ev-00000000a7", title, "2013-06-05", latitude=18.0, longitude=1.0, place=place)
    m = build_map(frame([probe]))
    tooltip = features_of(m)[0]["properties"]["tooltip"]
    assert tooltip.startswith("Raid &#123;&#123; 7*7 &#125;&#125; &#123;% if true %&#125;yes&#123;% endif %&#125; ·")
    html = m.get_root().render()
    assert "Raid \\u0026#123;\\u0026#123; 7*7" in html  # tojson writes the entities' & as \u0026
    assert "Kidal \\u0026#123;\\u0026#123; 6*7" in html  # the place label
    assert "Raid 49" not in html and "Kidal 42" not in html


def test_js_safe_text_turns_template_literal_characters_into_entities():
    assert js_safe_text("a $ ` \\ <b>& {x}") == "a &#36; &#96; &#92; &lt;b&gt;&amp; &#123;x&#125;"
    assert js_safe_text(None) == ""


def test_fill_is_side_a_alignment_and_ring_is_side_b():
    m = build_map(frame([ANEFIS], alignment_a=["state"], alignment_b=["rebel"]))
    style = style_of(features_of(m)[0])
    assert style["fillColor"] == ALIGNMENT_COLOURS["state"]
    assert style["color"] == ALIGNMENT_COLOURS["rebel"]


def test_alignments_come_from_the_faction_rules_when_not_given():
    style = style_of(by_id(features_of(build_map(frame([ANEFIS]))))["ev-00000000a1"])
    assert (style["fillColor"], style["color"]) == (ALIGNMENT_COLOURS["state"], ALIGNMENT_COLOURS["rebel"])


def test_each_row_gets_its_own_year_and_opponents_alignments():
    # Rows share side cells but differ in the year (a known faction switch) or the opponents (the MAA alone).
    gatia = "GATIA (al-Mahmoud faction)"
    sides = [(gatia, "JNIM", "", "2016-01-01"), (gatia, "JNIM", "", "2023-01-01"),
             ("MAA", "MNLA", "", "2013-01-01"), ("MAA", "Mali", "", "2013-01-01"), ("MAA", "AQIM", "", "2013-01-01"),
             ("MAA", "AQIM", "Mali", "2013-01-01"), ("", None, "", ""), ("Mali", "MNLA", None, None)]
    rows = [event_row(f"ev-{i:010x}", "x", "2013-01-01", side_a=a, side_b=b, side_c=c) | {"start_date": day}
            for i, (a, b, c, day) in enumerate(sides)]
    events = frame(rows)
    found = list(zip(*(with_alignments(events)[c] for c in ("alignment_a", "alignment_b"))))
    assert found == [("pro-government", "jihadist"), ("rebel", "jihadist"), ("pro-government", "rebel"),
                     ("rebel", "state"), ("unknown", "jihadist"), ("rebel", "jihadist"), ("unknown", "unknown"),
                     ("state", "rebel")]
    assert found == [event_alignments(row) for row in events.to_dict("records")]


def test_seed_alignments_are_the_faction_rules_of_each_event(seed_catalogue):
    events = seed_catalogue.events
    found = with_alignments(events)
    assert list(zip(found["alignment_a"], found["alignment_b"])) == [
        event_alignments(row) for row in events.astype(object).where(events.notna(), "").to_dict("records")]


_FIGURES = st.one_of(st.none(), st.integers(0, 500))


@given(st.lists(st.tuples(st.sampled_from(["ev-00000000a1", "ev-00000000b2", "ev-00000000c3"]),
                          st.sampled_from(["a", "b", "c", "civilian"]), st.sampled_from(["killed", "injured"]),
                          _FIGURES, _FIGURES), max_size=12))
def test_best_killed_is_the_best_estimate_of_each_events_claims(rows):
    claims = infobox_claims([(*row, "", "") for row in rows])
    events = frame([ANEFIS, KIDAL, NOWHERE])
    found = with_best_killed(events, claims)["best_killed"]
    assert str(found.dtype) == "Int64"
    for event_id, best in zip(events["event_id"], found):
        expected = best_estimate([Claim(side, kind, low, high, "", "")
                                  for e, side, kind, low, high in rows if e == event_id])
        assert (None if pd.isna(best) else best) == expected


def test_each_kind_of_circle_gets_its_whole_style_from_a_few_codes():
    state, rebel, jihadist = (ALIGNMENTS.index(a) for a in ("state", "rebel", "jihadist"))
    assert circle_style({"a": state, "b": rebel, "r": 12.0, "k": EXACT}) == {
        "radius": 12.0, "fillColor": "#1f4e9c", "color": "#f39c12", "weight": 3, "opacity": 0.95, "fillOpacity": 0.8}
    assert circle_style({"a": state, "b": rebel, "r": 8.0, "k": APPROXIMATE}) == {
        "radius": 8.0, "fillColor": "#1f4e9c", "color": "#f39c12", "weight": 3, "opacity": 0.7, "fillOpacity": 0.3,
        "dashArray": "4 4"}
    assert circle_style({"a": jihadist, "r": 6.0, "k": AGGREGATE}) == {
        "radius": 6.0, "fillColor": "#222222", "color": "#ffffff", "weight": 1, "opacity": 0.9, "fillOpacity": 0.75}


def test_the_page_holds_each_colour_once_however_many_circles():
    def page(n: int) -> str:
        rows = [event_row(f"ev-{i:010x}", f"Clash {i}", "2013-06-05", latitude=18.0 + i / 100, longitude=1.0,
                          location_precision=1 + i % 3, side_a="Mali", side_b="MNLA") for i in range(n)]
        return build_map(frame(rows)).get_root().render()

    one, many = page(1), page(200)
    # The colour table, the legend and the stylesheet, however many circles.
    assert many.count(ALIGNMENT_COLOURS["state"]) == one.count(ALIGNMENT_COLOURS["state"]) <= 3
    assert not any("fillOpacity" in json.dumps(f) for f in drawn_features(many))  # no style in the features
    # Bytes per further event: id, times, place, tooltip and codes (367 when each carried its whole style).
    assert len(many) - len(one) < 199 * 260


def test_a_deep_copy_of_the_map_draws_the_same_features():
    m = build_map(frame([ANEFIS, KIDAL, NOWHERE]))
    html = copy.deepcopy(m).get_root().render()  # as the app renders its cached map
    assert drawn_features(html) == features_of(m)


def test_unknown_alignment_values_are_grey():
    style = marker_style("Martians", None, None, None)
    assert style["fillColor"] == style["color"] == ALIGNMENT_COLOURS["unknown"]


def test_radius_grows_with_the_square_root_of_the_dead_and_unknown_is_smallest():
    assert marker_radius(None) == marker_radius(pd.NA) == marker_radius("") == marker_radius(0) == MIN_RADIUS
    assert marker_radius(100) == MIN_RADIUS + 20
    assert MIN_RADIUS < marker_radius(4) < marker_radius(25) < marker_radius(100)
    assert marker_radius(10**9) == marker_radius(10**8)  # capped


def test_approximate_locations_look_approximate():
    exact = marker_style("state", "rebel", 16, 1)
    approximate = marker_style("state", "rebel", 16, 3)
    assert "dashArray" not in exact and approximate["dashArray"]
    assert approximate["fillOpacity"] < exact["fillOpacity"]
    assert approximate["radius"] > exact["radius"]


def test_marker_size_uses_best_killed_column_or_claims():
    sized = build_map(frame([ANEFIS], best_killed=pd.array([16], dtype="Int64")))
    assert style_of(features_of(sized)[0])["radius"] == MIN_RADIUS + 8
    claims = infobox_claims([
        ("ev-00000000a1", "b", "killed", 30, 30, "Mali", "30 killed (per Mali)"),
        ("ev-00000000a1", "b", "killed", 2, 2, "MNLA", "2 dead (per MNLA)"),
        ("ev-00000000a1", "a", "injured", 2, 2, "Mali", "2 injured (per Mali)"),
    ])
    from_claims = build_map(frame([ANEFIS]), claims=claims)
    assert style_of(features_of(from_claims)[0])["radius"] == MIN_RADIUS + 8  # median 16 dead


def test_the_time_bar_covers_all_events_and_offers_windows_and_speeds():
    options = options_of(build_map(frame([ANEFIS, KIDAL])).get_root().render())
    assert options["range"] == [1370390400000, 1400716799999]  # first start to last end
    assert [days for _, days in options["windows"]] == [7, 31, 92, 366] and options["window"] == 31
    assert options["speeds"] == [0.5, 1, 2, 4, 8]


def test_the_view_fits_the_located_events_and_northern_mali_when_none():
    options = options_of(build_map(frame([ANEFIS, KIDAL, NOWHERE])).get_root().render())
    (south, west), (north, east) = options["bounds"]
    assert south <= 18.0547 <= north and west <= 0.6022 <= east and south <= 18.4411 <= north and west <= 1.4072 <= east
    assert north - south < 1 and east - west < 1.5  # around the two events, not the whole north
    assert options_of(build_map(frame([NOWHERE])).get_root().render())["bounds"] == NORTHERN_MALI_BOUNDS
    (s, w), (n, e) = view_bounds(located_events(frame([ANEFIS])))
    assert n - s == pytest.approx(0.6) and e - w == pytest.approx(0.6)  # one event: its surroundings too


def test_map_has_offline_borders_and_legend():
    m = build_map(frame([ANEFIS]))
    html = m.get_root().render()
    assert '"name": "Mali"' in html  # countryinfo's outline
    assert "Borders (offline)" in html and "OpenStreetMap (online only)" in html
    for label in ALIGNMENT_LABELS.values():
        assert label.replace("(", "").split()[0] in html


def aggregated_count(feature: dict) -> int:
    return feature["properties"]["n"]


def test_above_the_threshold_places_and_periods_are_counted_and_the_map_says_so():
    rows = [event_row(f"ev-{i:010x}", f"Clash {i}", f"2013-0{1 + i % 3}-1{i % 9}", place="Kidal",
                      latitude=18.44 + (i % 2) * 0.01, longitude=1.40) for i in range(30)]
    m = build_map(frame(rows), aggregate_above=10)
    features = features_of(m)
    assert len(features) <= 10
    assert sum(map(aggregated_count, features)) == 30
    assert not any("event_id" in f["properties"] for f in features)  # a count names no single event
    assert "Aggregated view: 30 events" in m.get_root().render()


def test_aggregation_coarsens_until_it_fits_the_limit():
    rows = [event_row(f"ev-{i:010x}", "x", f"{2012 + i % 2}-0{1 + i % 9}-0{1 + i % 9}", place=f"P{i}",
                      latitude=14.0 + (i % 40) * 0.17, longitude=-4.0 + (i // 40) * 0.17) for i in range(2000)]
    features = features_of(build_map(frame(rows + [NOWHERE]), aggregate_above=50))
    assert len(features) <= 50
    assert sum(map(aggregated_count, features)) == 2000  # every located event in exactly one circle


def test_an_aggregated_circle_shows_its_most_common_place_and_side_a_alignment():
    places = ["Tessalit", "Aguelhok, Kidal Region", "Aguelhok", "Tessalit, Kidal Region, Mali"]
    rows = [event_row(f"ev-{i:010x}", "x", f"2013-06-0{1 + i}", place=place, latitude=20.2, longitude=1.01)
            for i, place in enumerate(places)]
    sides = {"alignment_a": ["rebel", "state", "state", "jihadist"], "alignment_b": ["unknown"] * 4}
    m = build_map(frame(rows, **sides), aggregate_above=1)
    (feature,) = features_of(m)
    # Two each: the first seen wins the tie.
    assert (feature["properties"]["name"], feature["properties"]["n"]) == ("Tessalit", 4)
    assert feature["properties"]["start"] == pd.Timestamp("2013-06-01").value // 10**6 and options_of(m.get_root().render())["period"] == "M"
    assert style_of(feature)["fillColor"] == ALIGNMENT_COLOURS["state"]


def test_an_area_counted_in_several_periods_says_where_it_is_once():
    rows = [event_row(f"ev-{i:010x}", "x", f"201{2 + i % 3}-0{1 + i % 9}-01", place="Anefis",
                      latitude=18.05 + (i % 5) * 0.01, longitude=0.3) for i in range(40)]
    features = features_of(build_map(frame(rows), aggregate_above=3))
    placed = [f for f in features if f["geometry"]]
    assert len(placed) == 1 and len(features) == 3  # one area, three yearly counts
    assert placed[0]["properties"]["name"] == "Anefis" and placed[0]["geometry"]["coordinates"] == [0.3, 18.07]
    assert {f["properties"]["c"] for f in features} == {placed[0]["properties"]["c"]}
    assert sum(f["properties"]["n"] for f in features) == 40


def test_below_the_threshold_no_aggregation_note():
    assert "Aggregated view" not in build_map(frame([ANEFIS, KIDAL])).get_root().render()


def command_script(group: folium.FeatureGroup) -> str:
    (command,) = group._children.values()
    return command._template.module.script(command)


def test_the_selection_command_names_the_event_and_whether_to_move_to_it():
    script = command_script(selection_layer("ev-00000000b2", focus=True, time_settings={"time": 5, "mode": "window"}))
    assert 'window.maliMap.select("ev-00000000b2", {focus: true})' in script
    assert 'window.maliMap.restore({"mode": "window", "time": 5})' in script or '"time": 5' in script
    assert "select(null, {focus: false})" in command_script(selection_layer(None))


def test_the_selection_command_cannot_be_broken_out_of():
    hostile = 'ev-"); alert(1); {{ 7*7 }} </script>'
    script = command_script(selection_layer(hostile))
    assert "</script>" not in script and "{{" not in script
    literal = script.split("select(", 1)[1].rsplit(", {focus", 1)[0]
    assert json.loads(literal) == hostile  # one string literal, whatever it holds


def test_no_located_events_still_gives_a_readable_map():
    m = build_map(frame([NOWHERE]))
    html = m.get_root().render()
    assert "No located events match the current filters." in html
    assert features_of(m) == []


def test_every_event_carries_its_types_symbol():
    rows = [event_row("ev-0000000001", "Tongo Tongo ambush", "2017-10-04", latitude=14.7, longitude=1.6),
            event_row("ev-0000000002", "Amazragane", "2013-11-08", latitude=15.9, longitude=2.2,
                      summary="On November 8, 2013, clashes broke out between Malian forces and the MNLA."),
            event_row("ev-0000000003", "Kidal", "2014-05-16", latitude=18.4, longitude=1.4)]
    types = {f["properties"]["event_id"]: f["properties"]["t"] for f in features_of(build_map(frame(rows)))}
    assert types == {"ev-0000000001": TYPE_CODES["ambush"], "ev-0000000002": TYPE_CODES["clash"],
                     "ev-0000000003": TYPE_CODES["unknown"]}


def test_symbols_cover_a_circles_area_and_each_type_has_its_own():
    def area(outline):
        return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(outline, outline[1:] + outline[:1]))) / 2

    shapes = [tuple(map(tuple, o)) for o in OUTLINES.values() if o is not None]
    assert len(set(shapes)) == len(shapes) == len(TYPE_NAMES) - 1  # one circle: unknown
    for name, outline in OUTLINES.items():
        if outline is not None:
            assert area(outline) == pytest.approx(math.pi, rel=0.2), name
            assert max(max(abs(x), abs(y)) for x, y in outline) <= 1.45
    assert symbol_svg("unknown").count("<circle") == 1 and "<path" in symbol_svg("battle")


def test_the_legend_names_every_type_and_alignment_under_the_map():
    html = build_map(frame([ANEFIS])).get_root().render()
    options = options_of(html)
    for label in [*TYPE_LABELS.values(), *ALIGNMENT_LABELS.values()]:
        assert js_safe_text(label) in options["legend"]
    assert "Shape: type" not in options_of(build_map(frame([ANEFIS]), aggregate_above=0).get_root().render())["legend"]


def test_the_map_is_its_layers_in_order_and_a_layer_is_one_line():
    drawn = []
    LAYERS.append(lambda m, data: drawn.append(len(data.located)))
    try:
        build_map(frame([ANEFIS, KIDAL, NOWHERE]))
    finally:
        LAYERS.pop()
    assert drawn == [2]  # the added layer saw the located events


def test_labels_are_out_of_the_tab_order():
    html = build_map(frame([ANEFIS, KIDAL])).get_root().render()
    assert html.count('"keyboard": false') >= 2 and '"keyboard": true' not in html


def test_localized_map_names_no_cdn():
    m = build_map(frame([ANEFIS, KIDAL]))
    localize(m)
    html = m.get_root().render()
    assert not any(url in html for url in offline_resources())
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html and "code.jquery" not in html


@pytest.fixture(scope="module")
def seed_catalogue():
    return build_catalogue()


def test_seed_articles_on_the_map(seed_catalogue):
    events, claims = seed_catalogue.events, seed_catalogue.claims
    anefis = events.loc[events["title"] == "Battle of Anefis (June 2013)"].iloc[0]
    features = by_id(features_of(build_map(events, claims=claims)))
    assert len(features) == int(events["latitude"].notna().sum())
    props = features[anefis["event_id"]]["properties"]
    assert props["tooltip"] == "Battle of Anefis (June 2013) · 5 Jun 2013"
    assert props["t"] == TYPE_CODES["battle"]
    style = style_of(features[anefis["event_id"]])
    assert style["fillColor"] == ALIGNMENT_COLOURS["state"]  # Mali
    assert style["color"] == ALIGNMENT_COLOURS["rebel"]  # MNLA
    assert style["radius"] > MIN_RADIUS  # "30 killed (per Mali)" / "2 dead (per MNLA)"
    json.dumps(list(features.values()))  # plain JSON all the way down
