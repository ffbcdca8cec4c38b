"""The other pages measured in Chromium beside ours: the baseline app and the fragment variant."""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from bench.appserver import ROOT, MemorySampler, process_tree, running_app
from bench.browser_page import (
    BASELINE_READY_JS, BROWSER_REGIONS, CHROMIUM, CHROMIUM_ARGS, change_filter, new_page, poll_until, ready_map,
)
from bench.figures import Results, put_median
from dashboard.map import assets

BASELINE_APP = ROOT / "bench" / "baseline_app.py"
FRAGMENT_APP = ROOT / "bench" / "fragment_app.py"


def measure_baseline(results: Results, n: int, folder: Path, work: Path, timeout: float) -> None:
    """The baseline app (bench/baseline_app.py) on the same events: page load -> markers and a filter change ->
    map, each given up after `timeout` seconds (then noted, with how long it ran)."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_baseline_"
    assets.ensure_static_files(BASELINE_APP.with_name("static"))  # before Streamlit walks its static folder
    command = _streamlit_command(BASELINE_APP)
    log = work / f"baseline_{n}.log"
    with running_app(folder, log, timeout, extra_env={"BASELINE_EVENTS_CSV": str(folder / "events.csv")},
                     command=command) as (url, server), sync_playwright() as driver:
        sampler = MemorySampler(server.pid)
        sampler.start()
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        # A page busy with tens of thousands of DOM markers answers no call (not even Playwright's waits):
        # after two timeouts the browser is stopped, which ends the call with an error.
        watchdog = threading.Timer(2 * timeout + 30, _stop_browsers)
        watchdog.start()
        page, errors = new_page(browser)
        start = time.perf_counter()
        try:
            page.goto(url, wait_until="commit")
            poll_until(page, lambda: ready_map(page, new=False, ready_js=BASELINE_READY_JS), timeout,
                       "baseline markers", errors)
            results.put(key + "load_to_markers_s", time.perf_counter() - start)
            start = time.perf_counter()
            _, map_s, _ = change_filter(page, BROWSER_REGIONS[0], timeout, errors, ready_js=BASELINE_READY_JS)
            results.put(key + "filter_to_map_s", map_s)
        except Exception as error:  # a timeout, ours or Playwright's (a page too busy to take a click)
            stopped = time.perf_counter() - start
            step = "filter change" if key + "load_to_markers_s" in results.figures else "page load"
            results.notes.append(f"baseline at {n:,} events did not finish its {step}: stopped after {stopped:.0f} s "
                                 f"({type(error).__name__})")
            results.put(key + "stopped_after_s", stopped)
        finally:
            watchdog.cancel()
            sampler.stop()
            results.put(key + "server_peak_rss_mb", sampler.peak_mb)
            try:
                browser.close()
            except Exception:  # already stopped by the watchdog
                pass


def _stop_browsers() -> None:
    """SIGKILL to the Chromium browsers this process started (Playwright's driver is their parent)."""
    for pid in process_tree(os.getpid())[1:]:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command and command[0].endswith(b"chromium") and not any(a.startswith(b"--type=") for a in command):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def _streamlit_command(script: Path) -> list[str]:
    """`streamlit run SCRIPT` as `serve` runs ours, on the port running_app fills in."""
    return [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", "{port}", "--server.address",
            "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
            "--server.enableStaticServing", "true"]


def measure_fragment(results: Results, n: int, folder: Path, work: Path, timeout: float) -> None:
    """Filter changes in the fragment variant of the page (bench/fragment_app.py), on the warm store of the same
    catalogue: filter change -> counts painted, and -> map."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_fragment_"
    assets.ensure_static_files(FRAGMENT_APP.with_name("static"))
    env = {"DASHBOARD_CACHE": str(work / f"server_cache_{n}"), "DASHBOARD_CATALOGUE": str(folder)}
    with running_app(folder, work / f"fragment_{n}.log", timeout, extra_env=env,
                     command=_streamlit_command(FRAGMENT_APP)) as (url, _server), sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page, errors = new_page(browser)
            page.goto(url, wait_until="commit")
            poll_until(page, lambda: ready_map(page, new=False), timeout, "markers on the map", errors)
            samples = [change_filter(page, region, timeout, errors) for region in BROWSER_REGIONS]
            put_median(results, key + "filter_to_table_s", [table for table, _, _ in samples])
            put_median(results, key + "filter_to_map_s", [map_s for _, map_s, _ in samples])
        finally:
            browser.close()
