"""`python -m dashboard serve` from a fresh checkout: no offline Leaflet files and no cache written yet."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench.appserver import free_port, wait_for_log  # noqa: E402


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status
    except OSError:
        return 0


@pytest.fixture()
def fresh_checkout(tmp_path):
    """The package, seeds and gazetteer copied as a clone has them (no dashboard/static, no .cache)."""
    shutil.copytree(ROOT / "dashboard", tmp_path / "dashboard",
                    ignore=shutil.ignore_patterns("static", "__pycache__"))
    for folder in ("seeds", "data", ".streamlit"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_a_fresh_checkout_serves_its_offline_map_files_and_stays_up(fresh_checkout):
    port = free_port()
    log = fresh_checkout / "server.log"
    env = dict(os.environ, PYTHONPATH=str(fresh_checkout))
    env.pop("DASHBOARD_SEEDS", None)
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "serve", "--port", str(port)], cwd=fresh_checkout,
                              env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_log(log, "Dashboard data ready", server, timeout=60)
        time.sleep(1)  # Streamlit's own start-up work after it listens
        assert server.poll() is None, log.read_text(errors="replace")[-3000:]
        assert get(f"{url}/_stcore/health") == 200
        leaflet = next((fresh_checkout / "dashboard" / "web" / "static" / "folium-offline").glob("*-leaflet.js"))
        assert get(f"{url}/app/static/folium-offline/{leaflet.name}") == 200
        assert "Traceback" not in log.read_text(errors="replace")
    finally:
        server.terminate()
        server.wait(timeout=20)
