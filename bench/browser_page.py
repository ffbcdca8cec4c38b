"""Headless Chromium on the app's page: markers drawn, its summary line, a sidebar filter change, whether it can run."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Chosen one after another in the sidebar (each a filter state not rendered yet) for the filter-change timings,
# and opened by URL by new visitors for the warm loads; the figures are the medians.
BROWSER_REGIONS = ("Kidal", "Gao", "Ménaka")
WARM_REGIONS = ("Gao", "Ménaka", "Mopti")
# In the browser: the streamlit_folium component's Leaflet map (window.map), its events layer (window.maliMap) and
# how many markers it shows, after two animation frames so the canvas has been painted.
READY_JS = """async () => {
  const m = window.map, events = window.maliMap;
  if (!m || !events || !events.shownLayers) return null;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const canvas = document.querySelector('.leaflet-overlay-pane canvas');
  return {timelines: 1, shown: events.shownLayers.length, painted: !!canvas && canvas.width > 0, old: !!window.__benchOld};
}"""
# The baseline's map: folium's GeoJson of markers (icons in the marker pane), no Timeline.
BASELINE_READY_JS = """async () => {
  const m = window.map;
  if (!m || !window.L) return null;
  let shown = 0;
  m.eachLayer(l => { if (l instanceof window.L.Marker || l instanceof window.L.CircleMarker) shown += 1; });
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {timelines: 0, shown, painted: shown > 0 && !!document.querySelector('.leaflet-marker-icon'), old: !!window.__benchOld};
}"""
# In the page: when the pointer goes down (the user's choice), and the first frame painted after the
# "events shown" line's text differs from `before`.
WATCH_SUMMARY_JS = """(before) => {
  const marks = window.__benchMarks = {};
  document.addEventListener('pointerdown', () => { marks.pointerdown = performance.now(); }, {capture: true, once: true});
  const summary = () => [...document.querySelectorAll('[data-testid="stMarkdownContainer"]')]
    .find(e => e.innerText.includes('events shown'));
  const observer = new MutationObserver(() => {
    const found = summary();
    if (marks.pointerdown && found && found.innerText !== before) {
      observer.disconnect();
      requestAnimationFrame(() => { marks.painted = performance.now(); });
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def browser_skip_reason(no_browser: bool) -> str | None:
    if no_browser:
        return "browser part skipped: --no-browser"
    if not CHROMIUM.exists():
        return f"browser part skipped: no {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser part skipped: playwright is not installed"
    return None


def _map_frames(page) -> list:
    return [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()]


def ready_map(page, *, new: bool, ready_js: str = READY_JS) -> dict | None:
    """The component frame's map state once markers are drawn (a frame rendered after the mark when `new`)."""
    for frame in _map_frames(page):
        try:
            state = frame.evaluate(ready_js)
        except Exception:  # the frame was replaced while we asked: look again next poll
            continue
        if state and state["shown"] > 0 and state["painted"] and not (new and state["old"]):
            return state
    return None


def summary_text(page) -> str:
    """The "N of M events shown" line, "" before it exists."""
    found = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="events shown")
    try:
        return found.first.inner_text(timeout=100) if found.count() else ""
    except Exception:
        return ""


def poll_until(page, condition: Callable[[], Any], timeout: float, what: str, errors: list[str]) -> Any:
    """Poll `condition` every ~50 ms (letting Playwright process events) until it gives a truthy value."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        value = condition()
        if value:
            return value
        page.wait_for_timeout(50)
    hint = f"; page errors: {'; '.join(errors[:3])}" if errors else ""
    raise TimeoutError(f"{what} not within {timeout:.0f} s{hint}")


def new_page(browser) -> tuple[Any, list[str]]:
    """A page of the bench's size, and the list its script errors are collected in."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)[:200]))
    return page, errors


def load_to_markers(browser, url: str, timeout: float, ready_js: str = READY_JS) -> float:
    page, errors = new_page(browser)
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    poll_until(page, lambda: ready_map(page, new=False, ready_js=ready_js), timeout, "markers on the map", errors)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def change_filter(page, region: str, timeout: float, errors: list[str],
                  ready_js: str = READY_JS) -> tuple[float, float, int]:
    """Add a region in the sidebar: seconds until the summary line shows the new counts and until the new map
    shows markers, and how many it shows.

    The summary time is taken inside the page (pointer down on the option to the first frame painted after the
    line's text changed), so it is not rounded up to Playwright's polling.
    """
    for frame in _map_frames(page):
        frame.evaluate("() => { window.__benchOld = true; }")
    before = summary_text(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Region")
    box.locator("input").first.click()
    option = page.get_by_role("option", name=region, exact=True)
    option.wait_for(timeout=timeout * 1000)
    # A user chooses once the page has settled: Streamlit's status widget is gone when no run is going on.
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout * 1000)
    page.evaluate(WATCH_SUMMARY_JS, before)
    start = time.perf_counter()
    option.click()
    poll_until(page, lambda: (text := summary_text(page)) and text != before, timeout,
               "the events summary after a filter change", errors)
    marks = poll_until(page, lambda: page.evaluate("() => window.__benchMarks.painted && window.__benchMarks"),
                       timeout, "the painted summary", errors)
    state = poll_until(page, lambda: ready_map(page, new=True, ready_js=ready_js), timeout, "the updated map", errors)
    map_s = time.perf_counter() - start
    page.keyboard.press("Escape")
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=timeout * 1000)
    return (marks["painted"] - marks["pointerdown"]) / 1000, map_s, state["shown"]
