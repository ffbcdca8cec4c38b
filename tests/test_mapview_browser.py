"""The rendered map in headless Chromium, offline: symbols and styles, time modes and playback, the tooltip, the
ring, piles spread apart, the time bar and legend under the map (never over it), keyboard, no outside request."""
import functools
import http.server
import math
import threading
from pathlib import Path

import pandas as pd
import pytest

from dashboard.map import build_map
from dashboard.map.assets import ensure_static_files, localize
from dashboard.map.style import ALIGNMENT_COLOURS, MIN_RADIUS
from dashboard.model import EVENT_COLUMNS

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")

PROBE = r"Kidal ${alert(1)} </script><img src=x onerror=alert(1)> \u `tick`"
STYLES = """() => maliMap.shownLayers.map(l => { const o = l.options; return {id: l.feature && l.feature.properties.event_id,
    style: {fillColor: o.fillColor, color: o.color, radius: o.radius, weight: o.weight, opacity: o.opacity,
            fillOpacity: o.fillOpacity, dashArray: o.dashArray || null}, shape: !!o.shape}; })"""
STATE, REBEL = ALIGNMENT_COLOURS["state"], ALIGNMENT_COLOURS["rebel"]


def row(event_id: str, title: str, day: str, lat: float, lon: float, precision: int) -> dict:
    values = {column: "" for column in EVENT_COLUMNS}
    values.update(event_id=event_id, title=title, kind="article", start_date=day, end_date=day,
                  date_precision="day", place=title.split()[-1], latitude=lat, longitude=lon,
                  location_precision=precision, side_a="Mali", side_b="MNLA")
    return values


def events() -> pd.DataFrame:
    rows = [
        row("ev-00000000a1", "Battle of Anefis", "2013-06-05", 18.0547, 0.6022, 1),
        row("ev-00000000b2", PROBE, "2013-06-07", 18.4411, 1.4072, 1),
        row("ev-00000000c3", "Battle of Gao", "2012-06-26", 16.2717, -0.0447, 2),
        row("ev-00000000d4", "Ambush unplaced", "2014-01-01", math.nan, math.nan, 1),
        # Three events at one place, years apart, and one eleven years later: a pile, and a long empty stretch.
        row("ev-00000000e5", "Clash at Tessalit", "2013-10-23", 20.2, 1.01, 1),
        row("ev-00000000f6", "Raid on Tessalit", "2014-02-11", 20.2, 1.01, 1),
        row("ev-0000000107", "Siege of Tessalit", "2015-05-01", 20.2, 1.01, 1),
        row("ev-0000000108", "Battle of Ber", "2023-08-11", 16.85, -3.5, 1),
    ]
    return pd.DataFrame(rows, columns=EVENT_COLUMNS).astype({"location_precision": "Int64"})


def serve(m, tmp_path):
    """Write the map's page with its offline files and serve the folder; yields the base URL."""
    mapping = localize(m, base_url="static/folium-offline/")
    ensure_static_files(tmp_path / "static", mapping)
    (tmp_path / "index.html").write_text(m.get_root().render(), encoding="utf-8")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def served_map(tmp_path):
    yield from serve(build_map(events()), tmp_path)


AGGREGATED = build_map(events(), aggregate_above=4)


@pytest.fixture()
def served_aggregated_map(tmp_path):
    yield from serve(AGGREGATED, tmp_path)


@pytest.fixture()
def page(served_map):
    requests, errors, dialogs = [], [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.set_default_timeout(20_000)
        page.goto(f"{served_map}/index.html")
        page.wait_for_function("window.maliMap && maliMap.shown().length > 0")
        yield page
        browser.close()
    outside = [url for url in requests if not url.startswith(served_map) and not url.startswith("data:")]
    assert outside == [] and errors == [] and dialogs == []


def ms(day: str) -> int:
    return pd.Timestamp(day).value // 10**6


def shown_ids(page) -> set[str]:
    return {m["id"] for m in page.evaluate("maliMap.shown()")}


def hover(page, x: float, y: float, until: str, arg=None) -> None:
    """Point at (x, y) until the page says `until`: Leaflet's canvas reads the pointer at most every 32 ms and may
    miss a single jump of a test's mouse (a user's hand sends many moves); so move again, a pixel aside."""
    for attempt in range(6):
        page.mouse.move(x + attempt % 2, y)
        try:
            page.wait_for_function(until, arg=arg, timeout=1_500)
            return
        except sync_api.TimeoutError:
            continue
    raise AssertionError(f"pointing at {x}, {y} never gave {until}")


def rect(page, selector: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect(); "
                         "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })()")


def test_it_opens_on_every_located_event_in_view(page):
    assert shown_ids(page) == {"ev-00000000a1", "ev-00000000b2", "ev-00000000c3", "ev-00000000e5", "ev-00000000f6",
                               "ev-0000000107", "ev-0000000108"}
    frame = rect(page, ".leaflet-container")
    for marker in page.evaluate("maliMap.shown()"):  # the fitted view holds them all
        assert frame["left"] < marker["x"] < frame["right"] and frame["top"] < marker["y"] < frame["bottom"]
    assert page.inner_text(".mali-status").startswith("7 events from 26 Jun 2012 to 11 Aug 2023")


def test_symbols_keep_the_colours_size_and_line_of_their_event(page):
    styles = {m["id"]: m for m in page.evaluate(STYLES)}
    # Fill: side A (Mali), outline: side B (MNLA); no claims, so the smallest size; an exact place, a battle.
    assert styles["ev-00000000a1"]["style"] == {"fillColor": STATE, "color": REBEL, "radius": MIN_RADIUS, "weight": 3,
                                                "opacity": 0.95, "fillOpacity": 0.8, "dashArray": None}
    assert styles["ev-00000000a1"]["shape"]  # a battle: a square, not a circle
    # An approximate place (precision 2): dashed, paler and larger.
    assert styles["ev-00000000c3"]["style"] == {"fillColor": STATE, "color": REBEL, "radius": MIN_RADIUS + 4,
                                                "weight": 3, "opacity": 0.7, "fillOpacity": 0.3, "dashArray": "4 4"}


def test_the_window_and_cumulative_modes_follow_the_slider(page):
    page.select_option(".mali-settings select >> nth=0", "window")
    page.evaluate(f"maliMap.setTime({ms('2013-06-07T12:00')})")
    assert shown_ids(page) == {"ev-00000000a1", "ev-00000000b2"}  # Gao (2012) is outside the month
    page.select_option(".mali-settings select >> nth=1", "7")  # a week: Anefis (5 June) is still in
    page.evaluate(f"maliMap.setTime({ms('2013-06-13')})")
    assert shown_ids(page) == {"ev-00000000b2"}
    page.select_option(".mali-settings select >> nth=0", "cumulative")
    assert shown_ids(page) == {"ev-00000000a1", "ev-00000000b2", "ev-00000000c3"}
    assert page.input_value(".mali-date") == "2013-06-13"
    assert "up to 13 Jun 2013" in page.inner_text(".mali-status")


def test_an_exact_date_can_be_typed(page):
    page.fill(".mali-date", "2014-02-12")
    page.dispatch_event(".mali-date", "change")
    state = page.evaluate("maliMap.state()")
    assert state["time"] == ms("2014-02-12") and state["mode"] == "window"
    assert shown_ids(page) == {"ev-00000000f6"}


def test_playback_has_a_speed_and_skips_empty_stretches(page):
    page.select_option(".mali-settings select >> nth=2", "8")
    assert page.evaluate("maliMap.speed") == 8
    page.click(".mali-play")
    assert page.get_attribute(".mali-play", "aria-label") == "Pause"
    page.wait_for_function("!maliMap.playing", timeout=15_000)
    assert page.evaluate("maliMap.state()")["time"] == page.evaluate("maliMap.range[1]")
    page.select_option(".mali-settings select >> nth=2", "1")
    # At 1x, 11 years without skipping would take 44 s; the eight years with nothing between 2015 and 2023 pass at once.
    page.click(".mali-play")
    page.wait_for_function("maliMap.time > Date.UTC(2015, 5, 1)")
    page.wait_for_function("maliMap.time >= Date.UTC(2023, 7, 11) || !maliMap.playing", timeout=6_000)
    assert "months with nothing new" in page.inner_text(".mali-status") or not page.evaluate("maliMap.playing")


def test_the_tooltip_names_the_event_and_date_and_stays_inside_the_map(page):
    probe = next(m for m in page.evaluate("maliMap.shown()") if m["id"] == "ev-00000000b2")
    hover(page, probe["x"], probe["y"], "!!document.querySelector('.leaflet-tooltip')")
    tooltip = page.inner_text(".leaflet-tooltip")
    assert tooltip == f"{PROBE} · 7 Jun 2013"  # shown as text, not run; no internal id
    # Pan the event to the right edge: the tooltip opens towards the map, never cut off.
    hover(page, 5, 5, "!document.querySelector('.leaflet-tooltip')")
    page.evaluate("""() => { const m = maliMap.map, l = maliMap.layers[maliMap.byId['ev-00000000b2']];
        const p = m.latLngToContainerPoint(l.getLatLng()), size = m.getSize();
        m.panBy([p.x - size.x + 6, p.y - size.y / 2], {animate: false}); }""")
    probe = next(m for m in page.evaluate("maliMap.shown()") if m["id"] == "ev-00000000b2")
    hover(page, probe["x"], probe["y"], "!!document.querySelector('.leaflet-tooltip')")
    box = page.wait_for_selector(".leaflet-tooltip").bounding_box()
    frame = rect(page, ".leaflet-container")
    assert frame["left"] <= box["x"] and box["x"] + box["width"] <= frame["right"]


def test_a_click_rings_the_clicked_event_moves_the_slider_to_it_and_centres_it(page):
    gao = next(m for m in page.evaluate("maliMap.shown()") if m["id"] == "ev-00000000c3")
    page.mouse.click(gao["x"], gao["y"])
    page.wait_for_function("maliMap.selected === 'ev-00000000c3'")
    # The view moves there animated: on a busy machine the first read can land mid-zoom (7.5 seen in CI).
    page.wait_for_function("maliMap.state().zoom >= 8", timeout=10_000)
    state = page.evaluate("maliMap.state()")
    assert state["time"] == ms("2012-06-26") and state["zoom"] >= 8
    ring = page.evaluate("({x: maliMap.ring._point.x, y: maliMap.ring._point.y, on: maliMap.map.hasLayer(maliMap.ring),"
                         " interactive: maliMap.ring.options.interactive})")
    marker = page.evaluate("(() => { const p = maliMap.layers[maliMap.byId['ev-00000000c3']]._point; "
                           "return {x: p.x, y: p.y}; })()")
    assert ring["on"] and (ring["x"], ring["y"]) == (marker["x"], marker["y"]) and ring["interactive"] is False
    size = page.evaluate("maliMap.map.getSize()")
    centre = page.evaluate("maliMap.map.latLngToContainerPoint(maliMap.layers[maliMap.byId['ev-00000000c3']].getLatLng())")
    assert abs(centre["x"] - size["x"] / 2) < 3 and abs(centre["y"] - size["y"] / 2) < 3


def test_events_at_one_place_are_spread_apart_and_each_can_be_pointed_at(page):
    pile = [m for m in page.evaluate("maliMap.shown()") if m["id"] in ("ev-00000000e5", "ev-00000000f6", "ev-0000000107")]
    assert len(pile) == 3
    for a in pile:
        for b in pile:
            if a is not b:
                assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= 2 * MIN_RADIUS
    titles = []
    for marker in pile:  # wait for the tooltip of an event not seen yet
        hover(page, marker["x"], marker["y"], "(seen) => { const t = document.querySelector('.leaflet-tooltip'); "
                                              "return t && !seen.includes(t.innerText.split(' · ')[0]); }", titles)
        titles.append(page.inner_text(".leaflet-tooltip").split(" · ")[0])
    assert sorted(titles) == ["Clash at Tessalit", "Raid on Tessalit", "Siege of Tessalit"]


def test_the_regions_are_named_and_their_note_is_under_the_map(page):
    assert page.locator(".mali-region").count() == 8
    assert "before 2016" in page.inner_text(".mali-regions-note")
    frame, note = rect(page, ".leaflet-container"), rect(page, ".mali-regions-note")
    assert note["top"] >= frame["bottom"] - 1  # with the legend, not over the markers


def test_the_time_bar_and_legend_sit_under_the_map_and_never_over_it(page):
    frame, below = rect(page, ".leaflet-container"), rect(page, ".mali-below")
    assert below["top"] >= frame["bottom"] - 1
    assert page.evaluate("document.querySelector('.mali-legend').open")
    for button in ("Play the events in time", "One month back", "One month forward"):
        assert page.locator(f"button[aria-label='{button}']").count() == 1  # real buttons, with names
    date = page.locator(".mali-date").bounding_box()
    assert date["height"] < 40  # one line: the date never wraps


def test_the_sliders_arrow_keys_move_the_date_not_the_map(page):
    before = page.evaluate("maliMap.state()")
    page.focus(".mali-slider")
    for _ in range(3):  # back from wherever the bar stands (it may stand at the last day, where right cannot go)
        page.keyboard.press("ArrowLeft")
    back = page.evaluate("maliMap.state()")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    after = page.evaluate("maliMap.state()")
    assert after["center"] == back["center"] == before["center"]
    assert back["time"] < before["time"] and after["time"] == back["time"] + 2 * 86_400_000


def test_place_labels_are_out_of_the_tab_order(page):
    assert page.locator(".leaflet-marker-icon").count() > 0
    assert page.locator(".leaflet-marker-icon[tabindex]").count() == 0


def test_aggregated_counts_add_up_per_area(served_aggregated_map):
    errors = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{served_aggregated_map}/index.html")
        page.wait_for_function("window.maliMap && maliMap.shown().length > 0")
        every = page.evaluate("maliMap.shown()")
        page.evaluate(f"maliMap.setMode('window'); maliMap.setTime({ms('2013-06-07T12:00')})")
        june = page.evaluate("maliMap.shown()")
        june_tip = page.evaluate("maliMap._cellTip(maliMap.shownLayers[0])")
        browser.close()
    assert errors == []
    features = [f["properties"] for child in AGGREGATED._children.values() if hasattr(child, "features")
                for f in child.features]
    areas = {}
    for p in features:
        areas[p["c"]] = areas.get(p["c"], 0) + p["n"]
    assert len(features) > len(areas)  # some areas have counts for several periods…
    assert sorted(c["count"] for c in every) == sorted(areas.values())  # …drawn as one circle per area
    assert sum(c["count"] for c in every) == 7 and all(c["id"] is None for c in every)
    # At this size the counts are per year: in June 2013 the area shows its 2013 count (Anefis, the probe, the
    # October clash at Tessalit), and no other year's.
    assert [c["count"] for c in june] == [3]
    assert june_tip.endswith(" · 2013 · 3 events (counted together)")  # the period named from the count's start


def test_the_control_layer_follows_the_time_bar(tmp_path):
    from dashboard.catalogue import build_catalogue
    from dashboard.views import prepare_events
    from dashboard.views.control import control_periods

    seeds = build_catalogue()
    held = (control_periods(seeds.control), seeds.control)
    squares = """() => { let n = 0; maliMap.map.eachLayer(l => { if (L.Timeline && l instanceof L.Timeline)
        n += l.getLayers().length; }); return n; }"""
    errors = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 800})
        page.on("pageerror", lambda e: errors.append(str(e)))
        for url in serve(build_map(prepare_events(seeds.events), claims=seeds.claims, control=held), tmp_path):
            page.goto(f"{url}/index.html")
            page.wait_for_function("window.maliMap && maliMap.shown().length > 0")
            at_last = page.evaluate(squares)  # "every event" sits at the last date: the holders as the articles leave them
            page.fill(".mali-date", "2012-01-18")
            page.dispatch_event(".mali-date", "change")
            before = page.evaluate(squares)
            page.fill(".mali-date", "2014-06-10")
            page.dispatch_event(".mali-date", "change")
            june_2014 = page.evaluate(squares)
        browser.close()
    assert errors == []
    assert (before, june_2014, at_last) == (0, 2, 2)  # nobody's hold is told before the war; Anéfis and Kidal in 2014
