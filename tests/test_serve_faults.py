"""Real servers under real faults, read in headless Chromium: `serve` SIGKILLed while it writes the disk store
restarts on a rebuilt store and serves every event; two servers started at once on the same folders both serve
the right data, and both show an article added under them on their next rerun."""
from __future__ import annotations

import os
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from dashboard.catalogue import build_catalogue, store
from served_app import CHROMIUM, ROOT, chromium, counts, counts_when, open_page, rerun, serve, start_server, stop_group

from bench import synthetic  # noqa: E402  (served_app puts the checkout on the path)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Debian chromium at {CHROMIUM}")]
pytest.importorskip("playwright.sync_api", reason="playwright (the test extra) is not installed")
GAZETTEER = ROOT / "data" / "gazetteer.csv"


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def expected_line(folder: Path) -> str:
    """The counts line of the unfiltered page, from the library's own build of the folder."""
    events = build_catalogue(folder, GAZETTEER).events
    return f"{len(events)} of {len(events)} events shown · {int(events['latitude'].notna().sum())} on the map"


def wait_for_partial(cache: Path, server, timeout: float = 120) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        partials = [p for p in cache.glob("catalogue-*") if store.PARTIAL in p.name] if cache.is_dir() else []
        if partials:
            return partials[0]
        assert server.poll() is None, "the server stopped before writing its store"
        time.sleep(0.01)
    raise TimeoutError("no partial store appeared")


def test_a_server_killed_while_writing_its_store_restarts_on_a_rebuilt_one(tmp_path, browser):
    folder, cache = tmp_path / "articles", tmp_path / "cache"
    synthetic.write_corpus(folder, 1500, seed=3)  # about two seconds of parsing: time to be killed in
    server, _ = start_server(folder, cache, tmp_path / "killed.log")
    try:
        partial = wait_for_partial(cache, server)
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    finally:
        stop_group(server)
    assert partial.is_dir() and [p for p in cache.iterdir() if store.PARTIAL not in p.name] == []
    again, url = serve(folder, cache, tmp_path / "restarted.log")
    try:
        page = open_page(browser, url)
        assert counts(page).startswith(expected_line(folder))
        page.close()
        [stored] = list(cache.iterdir())  # the killed server's partial folder is gone
        assert store.is_complete(stored)
    finally:
        stop_group(again)


def test_two_servers_on_the_same_folders_both_serve_the_right_data(tmp_path, browser):
    folder, cache = tmp_path / "articles", tmp_path / "cache"
    shutil.copytree(ROOT / "seeds", folder)
    with ThreadPoolExecutor(2) as pool:  # started at once, both on a cold cache
        started = list(pool.map(lambda n: serve(folder, cache, tmp_path / f"server{n}.log"), (1, 2)))
    try:
        pages = [open_page(browser, url) for _, url in started]
        for page in pages:
            assert counts(page).startswith(expected_line(folder))
        shutil.copy(ROOT / "tests" / "articles" / "table_ber.txt", folder / "table_ber.txt")  # added under both
        for page in pages:
            rerun(page)
            expected = expected_line(folder)
            assert counts_when(page, lambda line: line.startswith(expected)).startswith(expected)
        assert [p.name for p in cache.iterdir() if store.PARTIAL in p.name] == []
    finally:
        for server, _ in started:
            stop_group(server)
