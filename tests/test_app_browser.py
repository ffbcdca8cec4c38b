"""The running dashboard in headless Chromium, with no internet: open on every event in view, click a marker and read
the battle (ring, slider, table, URL and panel agree at once), pick a table row, brush the timeline, follow bad links,
filter and download what is shown. A hostile article title must show as text everywhere."""
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
DAY_MS = 86_400_000


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
def catalogue(corpus):
    return build_catalogue(corpus, ROOT / "data" / "gazetteer.csv").events


@pytest.fixture(scope="module")
def ids(catalogue):
    return dict(zip(catalogue["title"], catalogue["event_id"]))


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


def new_page(p, width: int = 1400, height: int = 1300):
    browser = p.chromium.launch(executable_path=CHROMIUM, args=[
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"])
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    return browser, context.new_page()


@pytest.fixture()
def page(app_url):
    requests, errors, dialogs = [], [], []
    with sync_api.sync_playwright() as p:
        browser, page = new_page(p)
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


def map_frame(page, old=None):
    """The map's frame once its runtime is up (a new one, when `old` is the frame of the map it replaces)."""
    page.wait_for_selector("iframe[title*='st_folium'], iframe[src*='streamlit_folium']")
    for _ in range(240):
        for frame in page.frames:
            if "streamlit_folium" not in frame.url or frame.is_detached() or frame is old:
                continue
            try:
                if frame.evaluate("!!(window.maliMap && maliMap.shownLayers)"):
                    return frame
            except sync_api.Error:  # replaced while we asked
                continue
        page.wait_for_timeout(250)
    raise AssertionError(f"the map never came up\n{server_state(page)}")


def markers(page, frame) -> dict:
    """Each shown event's symbol, where it is drawn in the page."""
    box = page.query_selector("iframe[src*='streamlit_folium']").bounding_box()
    return {m["id"]: (box["x"] + m["x"], box["y"] + m["y"]) for m in frame.evaluate("maliMap.shown()")}


def map_box(page, frame) -> dict:
    box = page.query_selector("iframe[src*='streamlit_folium']").bounding_box()
    inner = frame.evaluate("(() => { const r = maliMap.map.getContainer().getBoundingClientRect(); "
                           "return {x: r.left, y: r.top, width: r.width, height: r.height}; })()")
    return {"x": box["x"] + inner["x"], "y": box["y"] + inner["y"], "width": inner["width"], "height": inner["height"]}


def inside(point, box) -> bool:
    return box["x"] <= point[0] <= box["x"] + box["width"] and box["y"] <= point[1] <= box["y"] + box["height"]


def wait_until_idle(page) -> None:
    """Until Streamlit has finished its rerun (its status widget says "Running" while it works)."""
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')")


def wait_for_table(page) -> None:
    """Until the events table is drawn: a new visitor gets the map first and the table a moment later."""
    page.wait_for_selector("[data-testid=stDataFrame] canvas")
    wait_until_idle(page)


def ticked_row(page) -> str:
    """The title of the table's ticked row ("" if none), from the grid's accessible table."""
    rows = page.locator("[data-testid=stDataFrame] tr[aria-selected='true']")
    return rows.first.locator("td").first.inner_text() if rows.count() else ""


def download_events_csv(page) -> bytes:
    """Click "Events (CSV)" once the app is idle. A click that lands mid-rerun is lost, and one whose file a rerun
    has just replaced leaves Streamlit's button spinning and disabled (its deferred file is gone): the page is then
    reloaded (the URL keeps the filters), as a visitor would, and the click tried again."""
    button = page.locator("[data-testid='stDownloadButton'] button", has_text="Events (CSV)")
    for attempt in range(3):
        wait_until_idle(page)
        try:
            with page.expect_download(timeout=20_000) as download:
                button.click(timeout=10_000)
            return Path(download.value.path()).read_bytes()
        except sync_api.TimeoutError as error:
            if attempt == 2:
                raise AssertionError(f"no download: {error}\n{server_state(page)}") from error
            if attempt == 1 or button.is_disabled():
                page.reload()
                wait_for_table(page)
    raise AssertionError("unreachable")


def server_state(page) -> str:
    """What a failing test should say about the app: alive or not, the page's text, the end of its log."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "failure.png"), full_page=True)
    process, log = SERVER.get("process"), SERVER.get("log")
    alive = "no server" if process is None else ("running" if process.poll() is None else f"exited {process.returncode}")
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    return f"server {alive}; page text: {page.inner_text('body')[:1500]!r}\nserver log:\n{tail}"


def start_ms(catalogue, event_id: str) -> int:
    day = catalogue.set_index("event_id").loc[event_id, "start_date"]
    return pd.Timestamp(day).value // 10**6


def test_it_opens_on_every_event_in_view_and_the_legend_covers_none(page, app_url, catalogue):
    page.goto(app_url)
    frame = map_frame(page)
    shown = markers(page, frame)
    assert len(shown) == int(catalogue["latitude"].notna().sum())  # every located event, not one month's
    view = map_box(page, frame)
    assert all(inside(point, view) for point in shown.values())  # the view is fitted to them
    assert view["width"] > 515  # a map wider than the old one at 1400 px
    legend = frame.evaluate("(() => { const r = document.querySelector('.mali-legend').getBoundingClientRect(); "
                            "return {top: r.top, open: document.querySelector('.mali-legend').open}; })()")
    assert legend["open"] and legend["top"] >= view["height"]  # open, and below the map: it hides no marker
    assert page.locator("text=Deploy").count() == 0  # visitors get the viewer's menu only


def test_click_a_marker_then_another_the_ring_table_url_and_panel_follow_each_click(page, app_url, ids, catalogue):
    page.goto(app_url)
    frame = map_frame(page)
    wait_until_idle(page)
    for title in ("Ambush of Tinsalane", "Battle of In Emsal"):
        event_id = ids[title]
        shown = markers(page, frame)
        page.mouse.click(*shown[event_id])
        page.get_by_role("heading", name=title).wait_for()
        page.wait_for_function(f"location.search.includes('event={event_id}')")
        wait_until_idle(page)
        state = frame.evaluate("maliMap.state()")
        assert state["selected"] == event_id and state["time"] == start_ms(catalogue, event_id)
        ring = frame.evaluate("(() => { const r = maliMap.ring, l = maliMap.layers[maliMap.byId[maliMap.selected]]; "
                              "return r && maliMap.map.hasLayer(r) && r._point.equals(l._point); })()")
        assert ring, f"the ring is not on {title}"
        page.wait_for_function(f"[...document.querySelectorAll('[data-testid=stDataFrame] tr[aria-selected=true]')]"
                               f".some(r => r.innerText.startsWith({title!r}))")
        assert ticked_row(page) == title  # the table ticks the clicked event, and only it
        frame = map_frame(page)  # the same map: a selection never remounts it
        # Zoom back out so the next event is on screen, as a user would.
        frame.evaluate("maliMap.fit()")


def test_picking_a_table_row_moves_the_slider_to_it_and_centres_the_map_on_it(page, app_url, ids, catalogue):
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_table(page)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    titles = list(catalogue.sort_values(["start_date", "event_id"])["title"])
    row = titles.index("Battle of Gao")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 * (row + 1) + 17)  # the row's tick box
    dioura = ids["Battle of Gao"]
    page.wait_for_function(f"location.search.includes('event={dioura}')")
    page.get_by_role("heading", name="Battle of Gao").wait_for()
    frame.wait_for_function(f"maliMap.selected === {dioura!r}")
    state = frame.evaluate("maliMap.state()")
    assert state["time"] == start_ms(catalogue, dioura) and state["zoom"] >= 8
    centre = frame.evaluate("(() => { const l = maliMap.layers[maliMap.byId[maliMap.selected]], m = maliMap.map; "
                            "const p = m.latLngToContainerPoint(l.getLatLng()), s = m.getSize(); "
                            "return [p.x - s.x / 2, p.y - s.y / 2]; })()")
    assert abs(centre[0]) < 3 and abs(centre[1]) < 3


def test_a_link_to_an_event_opens_it_on_the_map_and_in_the_panel(page, app_url, ids, catalogue):
    anefis = ids["Battle of Anefis (June 2013)"]
    page.goto(f"{app_url}/?event={anefis}")
    frame = map_frame(page)
    page.get_by_role("heading", name="Battle of Anefis (June 2013)").wait_for()
    frame.wait_for_function(f"maliMap.selected === {anefis!r}")
    assert frame.evaluate("maliMap.state()")["time"] == start_ms(catalogue, anefis)
    page.get_by_text("Didier Dacko; El Hadj Ag Gamou").wait_for()
    page.wait_for_function("[...document.querySelectorAll('[data-testid=stDataFrame] tr[aria-selected=true]')]"
                           ".some(r => r.innerText.startsWith('Battle of Anefis (June 2013)'))")


def test_a_filter_fits_the_view_to_what_it_shows(page, app_url, ids):
    page.goto(f"{app_url}/?region=Mopti")
    frame = map_frame(page)
    page.get_by_text("1 of 17 events shown").wait_for()
    shown = markers(page, frame)
    assert list(shown) == [ids["Raid on Dioura"]]
    assert inside(shown[ids["Raid on Dioura"]], map_box(page, frame))  # not off-screen in the south-west


def test_brushing_the_timeline_sets_the_dates_and_the_url(page, app_url):
    page.goto(app_url)
    map_frame(page)
    wait_until_idle(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + 0.25 * box["height"]  # inside the bars, above the axis and legend
    page.mouse.move(box["x"] + 0.08 * box["width"], y)
    page.mouse.down()
    page.mouse.move(box["x"] + 0.22 * box["width"], y, steps=8)
    page.mouse.up()
    page.wait_for_function("location.search.includes('start=') && location.search.includes('end=')")
    params = dict(pair.split("=") for pair in page.evaluate("location.search.slice(1)").split("&"))
    start, end = pd.Timestamp(params["start"]), pd.Timestamp(params["end"])
    assert pd.Timestamp("2012-01-01") <= start < end <= pd.Timestamp("2015-12-31")
    wait_until_idle(page)
    line = page.locator("[data-testid=stMarkdownContainer]").filter(has_text="events shown").first.inner_text()
    assert not line.startswith("17 of 17")


def test_links_outside_the_catalogue_are_clamped_or_explained(page, app_url):
    page.goto(f"{app_url}/?start=2030-01-01")
    page.get_by_text("Link adjusted: start 2030-01-01 is after the last event").wait_for()
    assert page.locator("[data-testid=stException]").count() == 0
    page.goto(f"{app_url}/?event=ev-doesnotexist")
    page.get_by_text("unknown id").wait_for()
    page.goto(f"{app_url}/?start=2014-01-01&end=2013-01-01")
    page.get_by_text("Link adjusted: start 2014-01-01 was after end 2013-01-01: swapped").wait_for()
    assert page.locator("[data-testid=stException]").count() == 0


def test_filter_then_download_exactly_what_is_shown(page, app_url):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.goto(app_url)
    map_frame(page)
    page.get_by_text("17 of 17 events shown").wait_for()
    wait_for_table(page)
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
    frame.wait_for_function(f"maliMap.selected === {probe!r}")
    shown = markers(page, frame)
    assert probe in shown
    page.mouse.move(*shown[probe])
    frame.wait_for_selector(".leaflet-tooltip")
    tooltip = frame.locator(".leaflet-tooltip").inner_text()
    assert tooltip == f"{PROBE} · 3 Mar 2016"  # the event and its date; never its id
    assert page.locator("img[src='x']").count() == 0 and frame.locator("img[src='x']").count() == 0
    # The claim's own words, markup and formula sign included, as text.
    page.get_by_text("=1+1 killed (per <b>MNLA</b>)", exact=False).first.wait_for(state="attached")
    page.screenshot(path=str(SCREENSHOTS / "probe.png"), full_page=True)


def test_the_charts_marks_the_maps_date_once_the_time_bar_shows_a_window(page, app_url):
    page.goto(app_url)
    frame = map_frame(page)
    wait_until_idle(page)
    assert page.locator("[data-testid=stVegaLiteChart] .mark-rule.role-mark").count() == 0  # every event: no date
    frame.select_option(".mali-settings select >> nth=0", "window")
    frame.fill(".mali-date", "2014-05-16")
    frame.dispatch_event(".mali-date", "change")
    page.wait_for_function("document.querySelectorAll('[data-testid=stVegaLiteChart] .mark-rule.role-mark').length === 1")
    assert frame.evaluate("maliMap.state()")["mode"] == "window"  # the rerun kept the map and its time bar


def test_the_faction_box_finds_a_group_by_another_of_its_names(page, app_url):
    page.goto(app_url)
    map_frame(page)
    wait_until_idle(page)
    faction = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    faction.locator("input").first.click()
    page.keyboard.type("MUJAO")
    page.get_by_role("option", name="MOJWA (MUJAO, MUJWA)").click()
    page.get_by_text("1 of 17 events shown").wait_for()
    page.wait_for_function("location.search.includes('faction=MOJWA')")


def test_every_event_can_be_opened_from_the_table_with_the_keyboard(page, app_url, catalogue):
    page.goto(app_url)
    map_frame(page)
    wait_for_table(page)
    page.focus("input[aria-label='Search titles, places and parties']")
    for _ in range(12):  # past the table's own buttons, into its cells
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "CANVAS":
            break
    assert page.evaluate("document.activeElement.tagName") == "CANVAS"
    first = catalogue.sort_values(["start_date", "event_id"])["title"].tolist()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+Space")
    page.wait_for_function("location.search.includes('event=')")
    heading = page.locator("h3").first.inner_text()
    assert heading in first[:4]  # a row near the top, opened without the mouse
