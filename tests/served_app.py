"""Helpers for tests that drive `python -m dashboard serve` in headless Chromium: start a server on a folder of
articles, open a page, wait for its script runs, read its counts line, rerun it as a user does."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench.appserver import free_port, stop_group, wait_for_log  # noqa: E402,F401

CHROMIUM = "/usr/bin/chromium"
# Every event the map holds, whatever the time bar shows (the page's events layer, window.maliMap).
MARKER_IDS = """() => window.maliMap ? window.maliMap.features.map(f => f.properties.event_id).filter(Boolean) : null"""


def start_server(folder: Path, cache: Path, log: Path, *flags: str) -> tuple[subprocess.Popen, str]:
    """`serve` on the folder of articles with its own cache, in a process group of its own; not waited for."""
    port = free_port()
    env = dict(os.environ, DASHBOARD_SEEDS=str(folder), DASHBOARD_CACHE=str(cache))
    env.pop("DASHBOARD_ALLOW_ADD", None)
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port), *flags], cwd=ROOT,
                              env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)
    return server, f"http://127.0.0.1:{port}/"


def serve(folder: Path, cache: Path, log: Path, *flags: str) -> tuple[subprocess.Popen, str]:
    """start_server, then wait until its data is ready."""
    server, url = start_server(folder, cache, log, *flags)
    try:
        wait_for_log(log, "Dashboard data ready", server, timeout=240)
    except Exception:
        stop_group(server)
        raise
    return server, url


@contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.get_by_text("events shown").first.wait_for(timeout=120_000)
    settle(page)
    return page


def settle(page, timeout_ms: int = 60_000) -> None:
    """Until no script run is going on (Streamlit's running indicator gone)."""
    page.wait_for_timeout(500)
    waited = 0
    while page.locator('[data-testid="stStatusWidget"]').count() and waited < timeout_ms:
        page.wait_for_timeout(250)
        waited += 250
    page.wait_for_timeout(500)


def counts(page) -> str:
    return page.get_by_text("events shown").first.inner_text()


def counts_when(page, wanted, timeout_ms: int = 60_000) -> str:
    """The counts line once `wanted(line)` holds (or the last one seen): a loaded machine paints it late."""
    line = counts(page)
    for _ in range(timeout_ms // 250):
        if wanted(line):
            break
        page.wait_for_timeout(250)
        line = counts(page)
    return line


def map_ids(page, timeout_ms: int = 60_000) -> list[str]:
    """The event ids on the map, once its frame has drawn it."""
    for _ in range(timeout_ms // 250):
        for frame in page.frames:
            if "streamlit_folium" in frame.url and not frame.is_detached():
                try:
                    ids = frame.evaluate(MARKER_IDS)
                except Exception:  # the frame was replaced while we asked: look again
                    continue
                if ids:
                    return ids
        page.wait_for_timeout(250)
    raise TimeoutError("the map did not draw its events")


def rerun(page) -> None:
    """A rerun of the session's own, as a user makes one: a filter chosen and removed again."""
    sidebar = page.locator('[data-testid="stSidebar"]')
    box = sidebar.locator('[data-testid="stMultiSelect"]').filter(has_text="Where it comes from")
    box.locator("input").first.click()
    page.get_by_role("option", name="its own article", exact=True).click()
    page.keyboard.press("Escape")
    remove = sidebar.get_by_role("button", name="Remove its own article", exact=True)
    remove.wait_for(timeout=60_000)
    settle(page)
    remove.click()
    remove.wait_for(state="detached", timeout=60_000)  # on a loaded machine the run starts late: wait for it
    settle(page)


def map_shows(page, event_id: str, total: int, timeout_ms: int = 60_000) -> bool:
    """Whether the map comes to hold `total` events, this one among them (a redrawn map takes a moment)."""
    for _ in range(timeout_ms // 500):
        ids = map_ids(page)
        if event_id in ids and len(ids) == total:
            return True
        page.wait_for_timeout(500)
    return False
