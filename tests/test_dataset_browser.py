"""The dashboard served with --dataset, in headless Chromium: a dataset's marker clicked opens its event, the
linked events sit beside the article's claims, the source filter and the layers are there."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package
from bench.appserver import free_port, stop_group, wait_for_log  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
DATASETS = [ROOT / "tests" / "datasets" / "ged_mali.csv", ROOT / "tests" / "datasets" / "acled_mali.csv"]
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}")]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")
# Every dataset event on the map (the page's events layer, window.maliMap: "s" is its source) with its place on the page.
SHAPED = """() => { const m = window.maliMap; if (!m) return []; const map = m.map, out = [];
    const r = map.getContainer().getBoundingClientRect();
    m.features.forEach((f, i) => { const l = m.layers[i];
        if (f.properties.s && l && map.hasLayer(l) && !l._hidden) { const p = map.latLngToContainerPoint(l.getLatLng());
            out.push({id: f.properties.event_id, source: f.properties.s, x: p.x + r.left, y: p.y + r.top}); } });
    return out; }"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = dict(os.environ, DASHBOARD_CACHE=str(tmp_path_factory.mktemp("cache")))
    env.pop("DASHBOARD_SEEDS", None)
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port),
                               *(a for p in DATASETS for a in ("--dataset", str(p)))], cwd=ROOT, env=env,
                              stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for_log(log, "Dashboard data ready", server, timeout=120)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_group(server)
        assert "Traceback" not in log.read_text(errors="replace")


@pytest.fixture()
def page():
    with sync_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 2200})
        yield page
        browser.close()


def map_frame(page):
    for _ in range(100):
        frame = next((f for f in page.frames if "streamlit_folium" in f.url), None)
        if frame is not None and frame.evaluate("() => !!(window.maliMap && window.L)"):
            return frame
        page.wait_for_timeout(200)
    raise AssertionError("no map")


def test_the_linked_events_sit_beside_the_articles_claims(app_url, page):
    page.goto(app_url + "?event=ev-03fd3a0032")
    page.get_by_text("UCDP GED coded 12 deaths (low 10, high 30)").wait_for(timeout=60_000)
    text = page.inner_text("body")
    assert "ACLED coded 12 fatalities" in text and "Deaths per side, side by side" in text
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.get_by_text("Gaps: article events that…").wait_for(timeout=30_000)
    assert "Source" in sidebar.inner_text()


def test_a_dataset_marker_has_its_own_ring_and_opens_its_event(app_url, page):
    page.goto(app_url + "?start=2013-06-01&end=2013-06-30&source=ucdp")
    frame = map_frame(page)
    for _ in range(100):
        markers = frame.evaluate(SHAPED)
        if markers:
            break
        page.wait_for_timeout(200)
    assert {m["source"] for m in markers} == {1} and markers[0]["id"] == "ucdp-880102"  # UCDP GED's own ring
    assert "UCDP GED event: dotted ring" in page.inner_text("body") + frame.inner_text("body")
    frame_box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.click(frame_box["x"] + markers[0]["x"], frame_box["y"] + markers[0]["y"])
    page.get_by_text("As the dataset coded it").wait_for(timeout=60_000)
    assert "Government of Mali – MNLA, Anefis town" in page.inner_text("body")


def test_each_dataset_is_a_line_of_the_layer_control_that_hides_its_events(app_url, page):
    page.goto(app_url + "?start=2013-06-01&end=2013-06-30")
    frame = map_frame(page)
    for _ in range(100):
        if frame.evaluate(SHAPED):
            break
        page.wait_for_timeout(200)
    assert {m["source"] for m in frame.evaluate(SHAPED)} == {1, 2}  # UCDP GED's and ACLED's events
    frame.locator(".leaflet-control-layers").first.hover()
    frame.get_by_text("UCDP GED events").click()
    page.wait_for_timeout(300)
    assert {m["source"] for m in frame.evaluate(SHAPED)} == {2}  # UCDP GED's hidden, ACLED's still there
    articles = "() => window.maliMap.layers.filter((l, i) => !window.maliMap.features[i].properties.s && !l._hidden).length"
    assert frame.evaluate(articles) > 0
