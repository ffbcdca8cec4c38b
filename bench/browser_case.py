"""Our app in headless Chromium: a first start on new data, visitors and filter changes on it, then a restart."""
from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.appserver import MemorySampler, running_app, wait_for_log
from bench.browser_page import (
    BROWSER_REGIONS, CHROMIUM, CHROMIUM_ARGS, WARM_REGIONS, change_filter, load_to_markers, new_page, poll_until,
    ready_map, summary_text,
)
from bench.figures import Results, put_median

READY_LINE = "Dashboard data ready"  # what `serve` prints once its caches are warm


def measure_browser(results: Results, n: int, folder: Path, work: Path, timeout: float, warm: bool = True,
                    datasets: tuple[Path, ...] = ()) -> None:
    """A first start on new data (empty cache), visitors on it, then a restart on the warm cache; peak RSS of each."""
    from playwright.sync_api import sync_playwright

    key = f"{n}_browser_"
    cache = work / f"server_cache_{n}"  # empty: the first start converts and prepares, as on new data
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with _serving(results, n, "", folder, cache, work, timeout, datasets) as url:
                _browse(results, key, browser, url, timeout, warm)
            if warm:
                with results.stage(key + "restart"), \
                        _serving(results, n, "restart_", folder, cache, work, timeout, datasets) as url:
                    results.put(key + "restart_load_to_markers_s", load_to_markers(browser, url, timeout))
        finally:
            browser.close()


@contextmanager
def _serving(results: Results, n: int, label: str, folder: Path, cache: Path, work: Path, timeout: float,
             datasets: tuple[Path, ...] = ()) -> Iterator[str]:
    """The app on `folder` with this cache, once it says its data is ready; its start-up times and peak memory."""
    key = f"{n}_browser_{label}"
    log = work / f"server_{n}_{label or 'first'}.log"
    start = time.perf_counter()
    with running_app(folder, log, timeout, extra_env={"DASHBOARD_CACHE": str(cache)}, datasets=datasets) as (url, server):
        sampler = MemorySampler(server.pid)
        sampler.start()
        try:
            results.put(key + "server_start_s", time.perf_counter() - start)
            wait_for_log(log, READY_LINE, server, timeout)
            results.put(key + "data_ready_s", time.perf_counter() - start)
            yield url
        finally:
            sampler.stop()
            results.put(f"{n}_server_{label}peak_rss_mb", sampler.peak_mb)
            results.put(f"{n}_server_{label}final_rss_mb", sampler.last_mb)


def _browse(results: Results, key: str, browser, url: str, timeout: float, warm: bool = True) -> None:
    """Visitors loading the page, then filter changes in the last visitor's sidebar, then visitors opening new states."""
    visits = 3 if warm else 1
    loads, tables, page, errors = [], [], None, []
    for visit in range(visits):
        if page is not None:
            page.close()
        page, errors = new_page(browser)
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        poll_until(page, lambda: summary_text(page), timeout, "the events summary", errors)
        tables.append(time.perf_counter() - start)
        state = poll_until(page, lambda: ready_map(page, new=False), timeout, "markers on the map", errors)
        loads.append(time.perf_counter() - start)
    put_median(results, key + "load_to_table_s", tables)
    put_median(results, key + "load_to_markers_s", loads)
    results.put(key + "markers_at_load", state["shown"])
    with results.stage(key + "filter_to_map_s"):
        to_table, to_map = [], []
        for region in BROWSER_REGIONS[:visits]:
            table_s, map_s, shown = change_filter(page, region, timeout, errors)
            to_table.append(table_s)
            to_map.append(map_s)
        put_median(results, key + "filter_to_table_s", to_table)
        put_median(results, key + "filter_to_map_s", to_map)
        results.put(key + "markers_after_filter", shown)
    if warm:
        with results.stage(key + "warm_load_to_markers_s"):
            put_median(results, key + "warm_load_to_markers_s",
                       [load_to_markers(browser, f"{url}?region={region}", timeout) for region in WARM_REGIONS])
    if errors:
        results.notes.append(f"{key}page errors: {'; '.join(errors[:3])}")
