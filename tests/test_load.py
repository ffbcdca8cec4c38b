"""Several users at once while the data changes: `bench/load_test.py`, run small, shows every browser session its
own filters and selection, and the articles another client adds after the session's next rerun.

The load test serves a folder of synthetic articles with `serve --allow-add` and opens sessions concurrently, each
from its own URL; half then change a sidebar filter while another client saves articles through the "Add an
article" panel, and every session then reruns itself. Here we read its JSON and check, against counts worked out
from the folder's articles as they were before and after each addition, that each session's page showed its own
numbers, URL and detail panel, on the data it should have had. Timings and memory are reported, never asserted.
"""
import json
import os
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench import load_test  # noqa: E402
from dashboard.catalogue import build_catalogue  # noqa: E402
from dashboard.views import filters  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not load_test.CHROMIUM.exists(), reason=f"no Debian chromium at {load_test.CHROMIUM}"),
]
pytest.importorskip("playwright.async_api", reason="playwright (the test extra) is not installed")
SESSIONS, EVENTS, ADDS, WAVES = 4, 300, 2, 2


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The script as a user runs it: 4 sessions, 2 waves, 300 articles, 2 added per wave; its JSON, the folder."""
    work = tmp_path_factory.mktemp("load")
    out = work / "load.json"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "load_test.py"), "--sessions", str(SESSIONS),
                           "--events", str(EVENTS), "--waves", str(WAVES), "--adds", str(ADDS), "--work", str(work),
                           "--out", str(out), "--time-limit", "1200"], cwd=ROOT, capture_output=True, text=True,
                          timeout=1500)
    assert out.is_file(), done.stdout[-2000:] + done.stderr[-2000:]
    return json.loads(out.read_text(encoding="utf-8")), work / "articles", done


@pytest.fixture(scope="module")
def versions(run, tmp_path_factory):
    """Per wave, the events the app served after 0, 1, … of that wave's additions: built from the folder's files."""
    result, folder, _ = run
    added = [[a["name"] for a in wave["adds"]] for wave in result["by_wave"]]
    base = [p for p in folder.iterdir() if p.name not in {n for names in added for n in names}]
    out, earlier = [], []
    for wave_number, names in enumerate(added):
        per_wave = []
        for k in range(len(names) + 1):
            scratch = tmp_path_factory.mktemp(f"wave{wave_number}_{k}")
            for path in [*base, *(folder / n for n in earlier + names[:k])]:
                os.symlink(path, scratch / path.name)
            per_wave.append(filters.prepare_events(build_catalogue(scratch, ROOT / "data" / "gazetteer.csv").events))
        out.append(per_wave)
        earlier += names
    return out


def own_count_line(events, params: dict) -> str:
    """The counts line a session on these URL parameters should show, from filter_events directly."""
    shown = filters.filter_events(events, start=params.get("start", [None])[0], end=params.get("end", [None])[0],
                                  factions=params.get("faction", []), regions=params.get("region", []),
                                  kinds=params.get("kind", []))
    return f"{len(shown)} of {len(events)} events shown · {int(shown['latitude'].notna().sum())} on the map"


def changed_params(session: dict) -> dict:
    """A changer's URL parameters after its own change (its region added)."""
    region = session["change"].split(" += ")[1]
    return session["url_params"] | {"region": sorted([*session["url_params"].get("region", []), region])}


def test_the_script_reports_every_session_isolated_every_article_saved_and_exits_0(run):
    result, folder, done = run
    assert done.returncode == 0, done.stdout[-3000:]
    assert result["ok"] is True
    assert [len(wave["isolation"]) for wave in result["by_wave"]] == [SESSIONS] * WAVES
    assert "every session showed its own counts, URL, sidebar and detail" in done.stdout
    for wave in result["by_wave"]:
        assert [a["error"] for a in wave["adds"]] == [""] * ADDS
        assert all((folder / a["name"]).is_file() for a in wave["adds"])  # saved into the served folder
        assert wave["full_build_matches"] is True


def test_sessions_ask_for_different_things(run, versions):
    """Isolation means something only if the sessions' views differ from one another."""
    result, _, _ = run
    sessions = result["by_wave"][0]["isolation"]
    assert len({json.dumps(s["url_params"], sort_keys=True) for s in sessions}) == SESSIONS
    assert len({own_count_line(versions[0][0], s["url_params"]) for s in sessions}) > 1
    assert any(s["event"] for s in sessions) and any(not s["event"] for s in sessions)


def test_each_session_shows_its_own_view_on_the_data_it_should_have(run, versions):
    """Opened and while others change: the wave's first data (nothing is pushed into a session); after its own
    reruns: the data with every article added; a changer's own change: whichever version it arrived on."""
    result, _, _ = run
    for wave, data in zip(result["by_wave"], versions):
        for session in wave["isolation"]:
            seen = {c["phase"]: c for c in session["checks"]}
            mine = changed_params(session) if session["changer"] else session["url_params"]
            for phase in ("opened", "all open"):
                assert seen[phase]["seen"]["line"] == own_count_line(data[0], session["url_params"]), (phase, session)
                assert seen[phase]["seen"]["url_params"] == session["url_params"], (phase, session)
            if session["changer"]:
                for phase in ("own change", "others changed"):
                    version = seen[phase]["version"]
                    assert seen[phase]["seen"]["line"] == own_count_line(data[version], mine), (phase, session)
                    assert seen[phase]["seen"]["url_params"] == mine, (phase, session)
                    assert seen[phase]["seen"]["sidebar"]["Region"] == mine["region"], (phase, session)
            else:
                assert seen["others changed"]["seen"]["line"] == own_count_line(data[0], mine), session
            for phase in ("own rerun: kind removed", "final"):
                assert seen[phase]["seen"]["line"] == own_count_line(data[-1], mine), (phase, session)
                assert seen[phase]["seen"]["url_params"] == mine, (phase, session)


def test_every_session_sees_the_added_articles_after_its_next_rerun(run, versions):
    result, _, _ = run
    grew = 0
    for wave, data in zip(result["by_wave"], versions):
        assert len(data[-1]) == len(data[0]) + ADDS
        for session in wave["isolation"]:
            seen = {c["phase"]: c["seen"]["line"] for c in session["checks"]}
            assert f" of {len(data[0])} events shown" in seen["all open"]
            assert f" of {len(data[-1])} events shown" in seen["final"]
            mine = changed_params(session) if session["changer"] else session["url_params"]
            grew += own_count_line(data[-1], mine) != own_count_line(data[0], mine)
    assert grew >= 1  # the added articles fall inside some session's own filters, and that session shows them


def test_the_detail_panel_is_the_sessions_own_event_or_the_click_a_marker_box(run, versions):
    result, _, _ = run
    titles = dict(zip(versions[-1][-1]["event_id"], versions[-1][-1]["title"]))
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
