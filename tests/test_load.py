"""Several users at once: `bench/load_test.py`, run small, shows every browser session its own filters and selection.

The load test opens sessions concurrently on the running app, each from its own URL; half then change a sidebar
filter and the other half rerun with a filter added and removed. Here we read its JSON and check, against counts
worked out from the catalogue it served, that each session's page showed its own numbers, URL and detail panel.
Timings and memory are reported by the script, never asserted.
"""
import json
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench import load_test  # noqa: E402
from dashboard.views import filters  # noqa: E402
from dashboard.catalogue import read_catalogue  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not load_test.CHROMIUM.exists(), reason=f"no Debian chromium at {load_test.CHROMIUM}"),
]
pytest.importorskip("playwright.async_api", reason="playwright (the test extra) is not installed")
SESSIONS, EVENTS = 4, 300


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The script as a user runs it: 4 sessions, 2 waves, 300 events; its JSON and the catalogue it served."""
    work = tmp_path_factory.mktemp("load")
    out = work / "load.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "load_test.py"), "--sessions", str(SESSIONS),
                           "--events", str(EVENTS), "--waves", "2", "--work", str(work), "--out", str(out),
                           "--time-limit", "900"], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert out.is_file(), done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    events = filters.prepare_events(read_catalogue(work / "catalogue").events)
    return result, events, done


def own_count_line(events, params: dict) -> str:
    """The counts line a session opened on these URL parameters should show, from filter_events directly."""
    shown = filters.filter_events(events, start=params.get("start", [None])[0], end=params.get("end", [None])[0],
                                  factions=params.get("faction", []), regions=params.get("region", []),
                                  kinds=params.get("kind", []))
    return f"{len(shown)} of {len(events)} events shown · {int(shown['latitude'].notna().sum())} on the map"


def test_the_script_reports_every_session_isolated_and_exits_0(run):
    result, _, done = run
    assert done.returncode == 0, done.stdout[-3000:]
    assert result["ok"] is True
    assert [len(wave["isolation"]) for wave in result["by_wave"]] == [SESSIONS, SESSIONS]
    assert "every session showed its own counts, URL, sidebar and detail" in done.stdout


def test_sessions_ask_for_different_things(run):
    """Isolation means something only if the sessions' views differ from one another."""
    result, events, _ = run
    sessions = result["by_wave"][0]["isolation"]
    assert len({json.dumps(s["url_params"], sort_keys=True) for s in sessions}) == SESSIONS
    assert len({own_count_line(events, s["url_params"]) for s in sessions}) > 1
    assert any(s["event"] for s in sessions) and any(not s["event"] for s in sessions)


def test_each_session_opened_on_its_own_counts_and_url_and_kept_them_while_others_changed(run):
    result, events, _ = run
    for wave in result["by_wave"]:
        for session in wave["isolation"]:
            seen = {c["phase"]: c["seen"] for c in session["checks"]}
            own = own_count_line(events, session["url_params"])
            for phase in ("opened", "all open", "others changed"):
                if phase == "opened" or not session["changer"]:
                    assert seen[phase]["line"] == own, (phase, session)
                    assert seen[phase]["url_params"] == session["url_params"], (phase, session)
            if not session["changer"]:  # reran itself after the others changed: back on its own counts
                assert seen["own rerun: kind removed"]["line"] == seen["final"]["line"] == own, session


def test_a_changer_shows_its_own_new_region_and_nobody_elses(run):
    result, events, _ = run
    for wave in result["by_wave"]:
        for session in (s for s in wave["isolation"] if s["changer"]):
            region = session["change"].split(" += ")[1]
            params = session["url_params"] | {"region": sorted([*session["url_params"].get("region", []), region])}
            seen = {c["phase"]: c["seen"] for c in session["checks"]}
            for phase in ("own change", "others changed", "final"):
                assert seen[phase]["line"] == own_count_line(events, params), (phase, session)
                assert seen[phase]["url_params"] == params, (phase, session)
                assert seen[phase]["sidebar"]["Region"] == params["region"], (phase, session)


def test_the_detail_panel_is_the_sessions_own_event_or_the_click_a_marker_box(run):
    result, events, _ = run
    titles = dict(zip(events["event_id"], events["title"]))
    for wave in result["by_wave"]:
        for session in wave["isolation"]:
            for check in session["checks"]:
                if session["event"]:
                    assert check["seen"]["headings"] == [titles[session["event"]]], session
                    assert check["seen"]["url_params"]["event"] == [session["event"]], session
                else:
                    assert check["seen"]["headings"] == [] and check["seen"]["info_box"], session


def test_no_session_asked_anything_of_the_internet_or_hit_a_page_error(run):
    result, _, _ = run
    assert [e for wave in result["by_wave"] for s in wave["isolation"] for e in s["errors"]] == []


def test_a_url_the_script_opens_round_trips_to_the_sessions_filters():
    view = load_test.View(filters.FilterState(regions=("Ménaka",), factions=("Jihadist groups",)), "ev-0123456789",
                          3, 10, 2, "Battle of Ménaka")
    plan = load_test.Plan(0, view, view, True, "Region", "Gao")
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(plan.url("http://127.0.0.1:1/")).query)
    assert query == {"region": ["Ménaka"], "faction": ["Jihadist groups"], "event": ["ev-0123456789"]}
    assert view.line() == "3 of 10 events shown · 2 on the map"
