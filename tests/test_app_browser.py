"""The running dashboard in headless Chromium, with no internet: click a marker, read the battle, move the slider,
filter, download what the filters show. A hostile article title must show as text everywhere."""
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue

ROOT = Path(__file__).parent.parent
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
PROBE = r"Kidal ${alert(1)} </script><img src=x onerror=alert(1)> {{ 7*7 }} \u"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")

PROBE_ARTICLE = f"""= {PROBE} =

Infobox
- Conflict: {PROBE}
- Place: Kidal, Kidal Region, Mali
- Date: March 3, 2016
- Combatant1: Mali
- Combatant2: MNLA
- Casualties1: =1+1 killed (per <b>MNLA</b>)

On March 3, 2016, a clash was reported in Kidal. `code` ${{alert(2)}} <script>alert(3)</script>
"""

MARKERS = """() => { const map = Object.values(window).find(v => v instanceof L.Map); const out = [];
    map.eachLayer(l => { if (l instanceof L.CircleMarker && l.feature && l.feature.properties.event_id) {
        const p = map.latLngToContainerPoint(l.getLatLng()); const r = map.getContainer().getBoundingClientRect();
        out.push({id: l.feature.properties.event_id, x: p.x + r.left, y: p.y + r.top}); } });
    return out; }"""
SET_SLIDER = """(ms) => { const s = document.querySelector('.leaflet-timeline-control input[type=range]');
    s.value = String(ms); s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds")
    for path in (ROOT / "seeds").iterdir():
        shutil.copy(path, folder)
    (folder / "probe.txt").write_text(PROBE_ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ids(corpus):
    events = build_catalogue(corpus, ROOT / "data" / "gazetteer.csv").events
    return dict(zip(events["title"], events["event_id"]))


SERVER = {}  # the running app's process and log, for messages when a test fails


@pytest.fixture(scope="module")
def app_url(corpus, tmp_path_factory):
    port = free_port()
    env = dict(os.environ, DASHBOARD_SEEDS=str(corpus))
    log = tmp_path_factory.mktemp("server") / "server.log"
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=log.open("wb"), stderr=subprocess.STDOUT)
    SERVER.update(process=server, log=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the dashboard did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture()
def page(app_url):
    requests, errors, dialogs = [], [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1500, "height": 1200}, accept_downloads=True)
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.set_default_timeout(30_000)
        yield page
        outside = [u for u in requests if not u.startswith((app_url, "data:", "blob:", "about:"))]
        assert outside == [], "the page asked the internet for something"
        assert dialogs == [], "article text was run as script"
        assert errors == []
        browser.close()


def map_frame(page):
    page.wait_for_selector("iframe[title*='st_folium'], iframe[src*='streamlit_folium']")
    for _ in range(120):
        frame = next((f for f in page.frames if "streamlit_folium" in f.url), None)
        if frame is not None and frame.query_selector(".leaflet-timeline-control input[type=range]"):
            return frame
        time.sleep(0.25)
    raise AssertionError("the map never showed its time slider")


def markers(page, frame) -> dict:
    box = page.query_selector("iframe[src*='streamlit_folium']").bounding_box()
    return {m["id"]: (box["x"] + m["x"], box["y"] + m["y"]) for m in frame.evaluate(MARKERS)}


def set_slider(frame, day: str) -> None:
    frame.evaluate(SET_SLIDER, pd.Timestamp(day).value // 10**6)


def wait_until_idle(page) -> None:
    """Until Streamlit has finished its rerun (its status widget says "Running" while it works)."""
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')")


def download_events_csv(page) -> bytes:
    """Click "Events (CSV)" once the app is idle; a click that lands mid-rerun is lost, so it is tried twice."""
    button = page.locator("[data-testid='stDownloadButton'] button", has_text="Events (CSV)")
    for attempt in range(2):
        wait_until_idle(page)
        try:
            with page.expect_download(timeout=20_000) as download:
                button.click()
            return Path(download.value.path()).read_bytes()
        except sync_api.TimeoutError as error:
            if attempt:
                raise AssertionError(f"no download: {error}\n{server_state(page)}") from error
    raise AssertionError("unreachable")


def server_state(page) -> str:
    """What a failing test should say about the app: alive or not, the page's text, the end of its log."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "failure.png"), full_page=True)
    process, log = SERVER.get("process"), SERVER.get("log")
    alive = "no server" if process is None else ("running" if process.poll() is None else f"exited {process.returncode}")
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    return f"server {alive}; page text: {page.inner_text('body')[:1500]!r}\nserver log:\n{tail}"


def test_click_a_marker_read_the_battle_move_the_slider(page, app_url, ids):
    page.goto(app_url)
    frame = map_frame(page)
    set_slider(frame, "2013-06-06")
    shown = markers(page, frame)
    anefis = ids["Battle of Anefis (June 2013)"]
    assert anefis in shown and ids["Battle of Kidal (2023)"] not in shown
    page.mouse.click(*shown[anefis])
    page.get_by_role("heading", name="Battle of Anefis (June 2013)").wait_for()
    # Streamlit streams the panel element by element: wait for each part rather than count at once.
    page.get_by_text("Didier Dacko; El Hadj Ag Gamou").wait_for()
    page.get_by_text("Casualty claims").wait_for()
    page.wait_for_function(f"location.search.includes('event={anefis}')")
    frame = map_frame(page)
    set_slider(frame, "2023-11-12")
    shown = markers(page, frame)
    assert ids["Battle of Kidal (2023)"] in shown and anefis not in shown
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "dashboard.png"), full_page=True)


def test_filter_then_download_exactly_what_is_shown(page, app_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("17 of 17 events shown").wait_for()
    region = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(1)
    region.click()
    page.keyboard.type("Mopti")
    page.keyboard.press("Enter")
    page.get_by_text("1 of 17 events shown").wait_for()
    page.wait_for_function("location.search.includes('region=Mopti')")  # the filtered view can be shared
    map_frame(page)
    page.screenshot(path=str(SCREENSHOTS / "filtered.png"), full_page=True)
    exported = pd.read_csv(io.BytesIO(download_events_csv(page)), encoding="utf-8-sig")
    assert list(exported["title"]) == ["Raid on Dioura"]
    assert exported.loc[0, "region"] == "Mopti"


def test_hostile_title_shows_as_text_and_the_map_still_works(page, app_url, ids):
    probe = ids[PROBE]
    page.goto(f"{app_url}/?event={probe}")
    frame = map_frame(page)
    page.get_by_role("heading", name=PROBE).wait_for()  # the detail panel shows the title literally
    set_slider(frame, "2016-03-04")
    shown = markers(page, frame)
    assert probe in shown
    page.mouse.move(*shown[probe])
    tooltip = frame.wait_for_selector(".leaflet-tooltip").inner_text()
    assert tooltip.startswith(PROBE) and tooltip.endswith(probe)
    assert page.locator("img[src='x']").count() == 0 and frame.locator("img[src='x']").count() == 0
    # The claim's own words, markup and formula sign included, as text (the table renders after the heading).
    page.get_by_text("=1+1 killed (per <b>MNLA</b>)").first.wait_for(state="attached")  # the grid paints a canvas
    page.screenshot(path=str(SCREENSHOTS / "probe.png"), full_page=True)
