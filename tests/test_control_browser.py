"""Who held each town, and the day by day, in the running dashboard (headless Chromium, no internet): the Control
layer at a slider date, a square's timeline behind a click, and the selected event's numbered track. The app
serves a folder written by `build`, so control.csv and episodes.csv go through the store too."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue, write_catalogue

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import appserver  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")

SET_SLIDER = """(ms) => { const s = document.querySelector('.mali-slider');
    s.value = String(ms); s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); }"""
ZOOM_TO_KIDAL = """() => { const map = Object.values(window).find(v => v instanceof L.Map);
    map.setView([18.25, 1.0], 9); }"""
TRACK = """() => Array.from(document.querySelectorAll('.leaflet-marker-icon div'))
    .map(d => d.innerText.trim()).filter(t => /^\\d+$/.test(t))"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    catalogue = build_catalogue(ROOT / "seeds", ROOT / "data" / "gazetteer.csv")
    write_catalogue(catalogue, folder)
    return folder, catalogue


@pytest.fixture(scope="module")
def app_url(built, tmp_path_factory):
    log = tmp_path_factory.mktemp("server") / "server.log"
    cache = tmp_path_factory.mktemp("cache")
    with appserver.running_app(built[0], log, 90, {"DASHBOARD_CACHE": str(cache)}) as (url, _server):
        yield url


@pytest.fixture()
def page(app_url):
    errors = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1500, "height": 1400})
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.set_default_timeout(60_000)
        yield page
        assert errors == []
        browser.close()


def map_frame(page):
    page.wait_for_selector("iframe[src*='streamlit_folium']")
    for _ in range(240):
        frame = next((f for f in page.frames if "streamlit_folium" in f.url), None)
        if frame is not None and frame.query_selector(".mali-slider"):
            return frame
        time.sleep(0.25)
    raise AssertionError("the map never showed its time slider")


def test_the_control_layer_shows_who_held_each_town_at_the_slider_date(page, app_url, tmp_path):
    page.goto(app_url)
    frame = map_frame(page)
    frame.evaluate(SET_SLIDER, pd.Timestamp("2014-06-10").value // 10**6)
    frame.evaluate(ZOOM_TO_KIDAL)
    frame.wait_for_selector(".mali-control")
    assert frame.locator(".mali-control").count() == 2  # Anéfis and Kidal
    assert frame.locator(".mali-control.disputed").count() == 1  # Kidal, May 2014: the articles disagree
    assert "Square: who held the place" in frame.text_content(".mali-legend")  # the box may be folded
    frame.locator(".mali-control.disputed").click(force=True)
    popup = frame.wait_for_selector(".mali-control-popup")
    text = popup.inner_text()
    assert "Who held Kidal" in text and "disputed:" in text and "004_a954f82738c9178b.txt · Battle" in text
    page.screenshot(path=str(tmp_path / "control-2014-06-10.png"))


def test_selecting_kidal_2023_draws_its_numbered_track_and_its_day_by_day(page, app_url, built, tmp_path):
    events = built[1].events
    event_id = events.loc[events["title"] == "Battle of Kidal (2023)", "event_id"].iloc[0]
    page.goto(f"{app_url}?event={event_id}")
    frame = map_frame(page)
    for _ in range(120):
        if frame.evaluate(TRACK):
            break
        time.sleep(0.25)
    assert frame.evaluate(TRACK) == ["1", "2", "3", "4"]
    page.get_by_text("Day by day").wait_for()
    page.get_by_text("Who held Kidal").wait_for()
    page.get_by_text("History of Kidal").wait_for()
    page.screenshot(path=str(tmp_path / "kidal-2023-track.png"), full_page=True)
