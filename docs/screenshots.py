"""The README's screenshots, taken from the running app in headless Chromium (the seed articles, no internet).

    python docs/screenshots.py [--out docs]

Starts `python -m dashboard serve` on a free loopback port with a cache of its own, opens the overview, a battle
(the Battle of Anefis, June 2013, from its link), the timeline chart and a phone-sized view, waits until the map's
runtime has drawn its events and Streamlit has finished its run, and writes one PNG each; the server is always
stopped.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench.appserver import free_port, stop_group, wait_for_log, wait_until_healthy  # noqa: E402
from dashboard.catalogue import build_catalogue  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BATTLE = "Battle of Anefis (June 2013)"


def map_ready(page) -> None:
    """Until the map frame's runtime shows its events and Streamlit is idle."""
    page.wait_for_selector("iframe[src*='streamlit_folium']", timeout=60_000)
    for _ in range(240):
        frames = [f for f in page.frames if "streamlit_folium" in f.url and not f.is_detached()]
        try:
            if frames and frames[-1].evaluate("!!(window.maliMap && maliMap.shownLayers.length)"):
                break
        except Exception:  # the frame was replaced while we asked
            pass
        page.wait_for_timeout(250)
    page.wait_for_function("!document.querySelector('[data-testid=stStatusWidget]')", timeout=60_000)
    page.wait_for_timeout(800)  # the map's view animation and the chart's first paint


def shoot(url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    battle = build_catalogue().events.set_index("title").loc[BATTLE, "event_id"]
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1150})
            page.goto(url)
            map_ready(page)
            written.append(out / "dashboard.png")
            page.screenshot(path=str(written[-1]))
            page.goto(f"{url}?event={battle}")
            map_ready(page)
            page.get_by_role("heading", name=BATTLE).wait_for()
            written.append(out / "battle.png")
            page.screenshot(path=str(written[-1]))
            chart = page.locator("[data-testid=stVegaLiteChart]").first
            chart.scroll_into_view_if_needed()
            written.append(out / "timeline.png")
            chart.screenshot(path=str(written[-1]))
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(url)
            map_ready(phone)
            written.append(out / "phone.png")
            phone.screenshot(path=str(written[-1]))
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNG files (default: docs)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="dashboard-shots-") as tmp:
        log = Path(tmp) / "server.log"
        env = dict(os.environ, DASHBOARD_CACHE=str(Path(tmp) / "cache"))
        env.pop("DASHBOARD_SEEDS", None)
        with log.open("wb") as sink:
            server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port), "--seeds",
                                       str(ROOT / "seeds")], cwd=ROOT, env=env, stdout=sink,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_healthy(url, server, 90)
            wait_for_log(log, "Dashboard data ready", server, 90)
            for path in shoot(url.rstrip("/") + "/", args.out):
                print(f"wrote {path}")
        finally:
            stop_group(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
