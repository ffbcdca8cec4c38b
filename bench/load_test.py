"""Many users at once: concurrent browser sessions against the running dashboard, each with its own filters.

    python bench/load_test.py [--sessions 20] [--events 5000] [--waves 2] [--out FILE.json]

Starts `python -m dashboard serve --catalogue DIR` on a free 127.0.0.1 port over a synthetic catalogue, opens
--sessions Playwright contexts in one headless Chromium, each on its own URL (?region= / ?faction= /
?start=&end=, some with ?event=), and checks that every session shows its own counts line, URL, sidebar
choices and detail panel, when it opens, after the others have opened, after half of them change a sidebar
filter, and after the other half rerun with a filter added and removed again. Samples the server's memory
(its whole process tree) throughout, the CPU time of server and browser, and what Streamlit says its caches
and session state hold (/_stcore/metrics); further waves of fresh sessions (each on another session's plan)
show whether memory grows per wave. Bounded: a fixed number of sessions, a per-step timeout and a time limit for
the whole run; the server's process group is always killed. Prints a table and writes every figure as JSON.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/load_test.py` from a checkout, installed or not

import pandas as pd  # noqa: E402

from bench import synthetic  # noqa: E402
from bench.appserver import MemorySampler, running_app, tree_cpu_s  # noqa: E402
from dashboard.parties import parties_of_frame  # noqa: E402
from dashboard.views import filters  # noqa: E402
from dashboard.views.event_types import TYPE_LABELS  # noqa: E402
from dashboard.catalogue import read_catalogue, write_catalogue  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DEFAULT_OUT = ROOT / "bench" / "results" / "load_test.json"
INFO_TEXT = "Click a marker on the map or a row in the table to read that battle."
# Date windows the sessions choose from (inside the synthetic data's 2012-2024).
WINDOWS = [("2013-01-01", "2014-12-31"), ("2015-03-01", "2017-06-30"), ("2018-01-01", "2020-12-31"),
           ("2021-06-01", "2023-12-31"), ("2012-06-01", "2016-12-31")]
FACTIONS = ["CMA", "JNIM", "Mali", "France", "MNLA", "Platform", "ISGS", "MINUSMA", "Wagner Group", "GATIA",
            "Jihadist groups", "HCUA", "MOJWA", "AQIM"]
STAYER_KIND = "related"  # the kind a stayer adds and removes again, forcing two reruns of its own

# What the page shows: counts line, detail headings, info boxes, running flag, sidebar choices, URL.
PAGE_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const line = [...main.querySelectorAll('[data-testid="stMarkdownContainer"]')]
    .map(e => e.innerText).find(t => t.includes('events shown')) || '';
  const tags = {};
  document.querySelectorAll('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').forEach(box => {
    const label = (box.querySelector('[data-testid="stWidgetLabel"]') || box).innerText.trim().split(/\\s/)[0];
    tags[label] = [...box.querySelectorAll('[data-tag]')].map(t => t.getAttribute('aria-label'));
  });
  return {line, headings: [...main.querySelectorAll('h3')].map(h => h.innerText.trim()),
          info: [...main.querySelectorAll('[data-testid="stAlert"]')].map(e => e.innerText.trim()),
          running: !!document.querySelector('[data-testid="stStatusWidget"]'), tags, url: location.href,
          exception: [...document.querySelectorAll('[data-testid="stException"]')].map(e => e.innerText.slice(0, 300))};
}"""
# How many events the map holds (every marker, whatever the time bar shows).
MAP_JS = """() => window.maliMap ? window.maliMap.features.length : null"""
LINE = re.compile(r"(\d+) of (\d+) events shown · (\d+) on the map")


# --- plans: what each session asks for and what it must then show -------------------------------------------

@dataclass(frozen=True)
class View:
    """What one session should show for one filter state and selection."""
    state: filters.FilterState
    event_id: str | None
    shown: int
    total: int
    located: int
    heading: str | None  # the detail panel's title, or None for the "Click a marker…" box

    def params(self) -> dict[str, list[str]]:
        """The URL query the app keeps in sync with this view."""
        wanted = self.state.to_query_params() | ({"event": self.event_id} if self.event_id else {})
        return {key: sorted(value if isinstance(value, list) else [value]) for key, value in wanted.items()}

    def line(self) -> str:
        return f"{self.shown} of {self.total} events shown · {self.located} on the map"

    def tags(self) -> dict[str, list[str]]:
        state = self.state
        # As the sidebar writes them (its labels' first words, its choices' labels).
        return {"Faction": [filters.faction_label(f) for f in state.factions], "Region": list(state.regions),
                "Event": [TYPE_LABELS[t] for t in state.event_types], "Where": [filters.KIND_LABELS[k] for k in state.kinds]}


@dataclass(frozen=True)
class Plan:
    """One session: the view its URL opens and its own sidebar change (a changer keeps it, a stayer undoes it)."""
    index: int
    start: View
    changed: View  # after its own change (a changer's new region; a stayer's added kind)
    changer: bool
    change_label: str  # the sidebar multiselect it uses
    change_value: str

    def url(self, base: str) -> str:
        return base + "?" + urllib.parse.urlencode(self.start.params(), doseq=True)


def expected_view(events: pd.DataFrame, state: filters.FilterState, event_id: str | None) -> View:
    shown = state.apply(events)
    heading = None if event_id is None else str(events.loc[events["event_id"] == event_id, "title"].iloc[0])
    return View(state, event_id, len(shown), len(events), int(shown["latitude"].notna().sum()), heading)


def candidate_states(events: pd.DataFrame, rng: random.Random) -> Iterator[filters.FilterState]:
    """Filter states by URL, in turn: a region, a faction, a date window, and all three together."""
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    known = set(filters.faction_options(parties_of_frame(events)))
    names = [f for f in FACTIONS if f in known] or sorted(known)
    while True:
        region, faction = rng.choice(regions), rng.choice(names)
        start, end = (dt.date.fromisoformat(d) for d in rng.choice(WINDOWS))
        yield from (filters.FilterState(regions=(region,)), filters.FilterState(factions=(faction,)),
                    filters.FilterState(start, end), filters.FilterState(start, end, (faction,), (region,)))


def plan_sessions(events: pd.DataFrame, n: int, seed: int = 0) -> list[Plan]:
    """n sessions with distinct, non-empty filters; every third opens an event of its own with ?event=."""
    rng = random.Random(seed)
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    unique_titles = events.drop_duplicates("title", keep=False)
    states: list[filters.FilterState] = []
    for state in itertools.islice(candidate_states(events, rng), 200 * n):
        if len(states) == n:
            break
        if state not in states and state.apply(events)["latitude"].notna().sum() > 0:
            states.append(state)
    if len(states) < n:
        raise ValueError(f"only {len(states)} distinct filter states show events on the map: "
                         f"use fewer sessions or more events")
    plans, taken = [], set()
    for index, state in enumerate(states):
        event_id = None
        if index % 3 == 0:
            mine = unique_titles[unique_titles["event_id"].isin(state.apply(events)["event_id"])]
            event_id = next((e for e in mine["event_id"] if e not in taken), None)
            taken.add(event_id)  # None too: harmless
        plans.append(make_plan(events, index, state, event_id, regions))
    return plans


def make_plan(events: pd.DataFrame, index: int, state: filters.FilterState, event_id: str | None,
              regions: list[str]) -> Plan:
    """Even sessions change their region choice; odd ones add a kind and remove it again."""
    changer = index % 2 == 0
    if changer:
        value = next(r for r in regions[index % len(regions):] + regions if r not in state.regions)
        changed = replace(state, regions=(*state.regions, value))
    else:
        value = STAYER_KIND
        changed = replace(state, kinds=(value,))
    return Plan(index, expected_view(events, state, event_id), expected_view(events, changed, event_id), changer,
                "Region" if changer else "Where", value if changer else filters.KIND_LABELS[value])


def rotated(plans: list[Plan], by: int = 1) -> list[Plan]:
    """The same plans handed to other sessions (session i takes plan i+by), for a fresh wave."""
    n = len(plans)
    return [replace(plans[(i + by) % n], index=i) for i in range(n)]


# --- the server ------------------------------------------------------------------------------------------

# An edit to the source mid-run must not reload the app; expensive stats give bytes per cache in /_stcore/metrics.
SERVER_ENV = {"STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none", "STREAMLIT_SERVER_ENABLE_EXPENSIVE_MEMORY_STATS": "true"}


def server_metrics(url: str, families: str = "") -> dict[str, Any]:
    """Streamlit's own counters (/_stcore/metrics): sessions, and bytes held by each cache and by session state."""
    query = f"?families={families}" if families else ""
    try:
        with urllib.request.urlopen(url + "_stcore/metrics" + query, timeout=60) as answer:
            text = answer.read().decode()
    except OSError:
        return {}
    out: dict[str, Any] = {"cache_bytes": {}}
    for name, labels, value in re.findall(r"^(\w+)(?:\{([^}]*)\})?\s+(\S+)$", text, re.M):
        label = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        # "dashboard.web.loaders.load_catalogue" (or "__main__.…" for functions defined in the script): the name alone.
        cache = label.get("cache", "").rsplit(".", 1)[-1] or label.get("cache_type", "")
        if name == "active_sessions":
            out["active_sessions"] = int(float(value))
        elif name == "session_events_total":
            out[label["type"] + "s"] = int(float(value))
        elif name == "cache_memory_bytes":
            out["cache_bytes"][cache] = int(float(value))
        elif name in ("cache_lookups_total", "cache_evictions_total") and cache == "events_map":
            key = "events_map_" + label.get("result", label.get("reason", ""))
            out[key] = out.get(key, 0) + int(float(value))
    return out


def active_sessions(url: str) -> int | None:
    return server_metrics(url, "active_sessions").get("active_sessions")


# --- sessions in the browser ------------------------------------------------------------------------------

@dataclass
class Session:
    plan: Plan
    context: Any
    page: Any
    ready_s: float | None = None
    errors: list[str] = field(default_factory=list)  # page errors and requests that left the loopback server
    checks: list[dict] = field(default_factory=list)


async def observe(page) -> dict:
    """What the page shows now, map included (map None until the map frame has drawn its layers)."""
    seen = await page.evaluate(PAGE_JS)
    seen["map"] = None
    for frame in page.frames:
        if "streamlit_folium" in frame.url and not frame.is_detached():
            try:
                seen["map"] = await frame.evaluate(MAP_JS)
            except Exception:  # the frame was replaced while we asked: look again next poll
                continue
    return seen


def summary(seen: dict) -> dict:
    """The parts of a page the checks compare (stored in the JSON as what the session saw)."""
    found = LINE.search(seen["line"])
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(seen["url"]).query)
    return {"line": found.group(0) if found else seen["line"][:80],
            "url_params": {key: sorted(values) for key, values in query.items()},
            "sidebar": {label: sorted(values) for label, values in seen["tags"].items()},
            "headings": seen["headings"], "info_box": any(INFO_TEXT in text for text in seen["info"]),
            "map": seen["map"], "running": seen["running"], "exception": seen["exception"]}


async def look(page) -> dict:
    try:
        return summary(await observe(page))
    except Exception as error:  # navigation in progress, page closed
        return {"error": f"page not readable: {str(error)[:80]}"}


def mismatches(view: View, seen: dict) -> list[str]:
    """Every way the page differs from the view this session should show ([] when it is its own)."""
    if "error" in seen:
        return [seen["error"]]
    if seen["exception"]:
        return [f"the app raised: {seen['exception'][0]}"]
    wrong = [] if seen["line"] == view.line() else [f"counts {seen['line']!r}, expected {view.line()!r}"]
    if seen["url_params"] != view.params():
        wrong.append(f"URL {seen['url_params']}, expected {view.params()}")
    if seen["sidebar"] != {label: sorted(values) for label, values in view.tags().items()}:
        wrong.append(f"sidebar {seen['sidebar']}, expected {view.tags()}")
    if view.heading is not None and seen["headings"] != [view.heading]:
        wrong.append(f"detail {seen['headings']}, expected [{view.heading!r}]")
    if view.heading is None and (seen["headings"] or not seen["info_box"]):
        wrong.append(f"detail {seen['headings']}, expected the 'Click a marker' box")
    if seen["map"] != view.located:
        wrong.append(f"map holds {seen['map']} events, expected {view.located}")
    return wrong


async def settle(session: Session, view: View, timeout: float, poll: float = 0.5) -> tuple[list[str], dict]:
    """Wait until the page shows `view` with no script running; the mismatches left if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        seen = await look(session.page)
        wrong = mismatches(view, seen) + (["still running"] if seen.get("running") else [])
        if not wrong or seen.get("exception") or time.monotonic() > deadline:
            return wrong, seen
        await asyncio.sleep(poll)


def record(session: Session, phase: str, view: View, outcome: tuple[list[str], dict]) -> None:
    wrong, seen = outcome
    session.checks.append({"phase": phase, "expected": view.line(), "heading": view.heading, "ok": not wrong,
                           "mismatches": wrong, "seen": seen})


async def check_now(session: Session, phase: str, view: View) -> None:
    """Read the page as it is (no waiting): does it still show this session's own view?"""
    seen = await look(session.page)
    record(session, phase, view, (mismatches(view, seen), seen))


async def open_session(browser, plan: Plan, url: str, t0: float, timeout: float, gate: asyncio.Semaphore) -> Session:
    async with gate:
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        session = Session(plan, context, page)
        page.on("pageerror", lambda error: session.errors.append(f"page error: {str(error)[:120]}"))
        page.on("request", lambda r: None if r.url.startswith((url, "data:", "blob:", "about:"))
                else session.errors.append(f"left the server: {r.url[:120]}"))
        page.set_default_timeout(timeout * 1000)
        await page.goto(plan.url(url), wait_until="commit")
        outcome = await settle(session, plan.start, timeout)
        session.ready_s = None if outcome[0] else time.monotonic() - t0
        record(session, "opened", plan.start, outcome)
        return session


async def choose(page, label: str, value: str) -> None:
    """Add `value` in the sidebar multiselect whose label starts with `label`, as a user does."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))
    await box.locator("input").first.click()
    await page.get_by_role("option", name=value, exact=True).click()
    await page.keyboard.press("Escape")


async def unchoose(page, value: str) -> None:
    await page.locator('[data-testid="stSidebar"]').get_by_role("button", name=f"Remove {value}", exact=True).click()


async def change_filter(session: Session, timeout: float) -> None:
    """A changer adds its region; the page must then show its changed view."""
    plan = session.plan
    await choose(session.page, plan.change_label, plan.change_value)
    record(session, "own change", plan.changed, await settle(session, plan.changed, timeout))


async def rerun_stayer(session: Session, timeout: float) -> None:
    """A stayer adds a kind and removes it again: two reruns of its own after the others changed theirs."""
    plan = session.plan
    await choose(session.page, plan.change_label, plan.change_value)
    record(session, "own rerun: kind added", plan.changed, await settle(session, plan.changed, timeout))
    await unchoose(session.page, plan.change_value)
    record(session, "own rerun: kind removed", plan.start, await settle(session, plan.start, timeout))


def final_view(session: Session) -> View:
    """A changer ends on its changed view, a stayer back on the one its URL opened."""
    return session.plan.changed if session.plan.changer else session.plan.start


def cpu_split(server_pid: int) -> tuple[float, float]:
    """CPU seconds so far of the server's process tree, and of everything else this script started (browser)."""
    server = tree_cpu_s(server_pid)
    return server, tree_cpu_s(os.getpid()) - server


def cpu_since(start: tuple[float, float], server_pid: int) -> dict[str, float]:
    now = cpu_split(server_pid)
    return {"server_cpu_s": round(now[0] - start[0], 1), "browser_cpu_s": round(now[1] - start[1], 1)}


async def run_wave(browser, url: str, plans: list[Plan], sampler: MemorySampler, args) -> dict:
    """Open every session at once (at most --batch opening together), check, change, check, close."""
    gate = asyncio.Semaphore(args.batch or len(plans))
    sampler.take_peak()
    cpu0, t0 = cpu_split(sampler.pid), time.monotonic()
    sessions = await asyncio.gather(*(open_session(browser, p, url, t0, args.timeout, gate) for p in plans))
    wave: dict[str, Any] = {"sessions": len(sessions), "all_ready_s": round(time.monotonic() - t0, 2),
                            "ready_s": [None if s.ready_s is None else round(s.ready_s, 2) for s in sessions],
                            "cpu_open": cpu_since(cpu0, sampler.pid), "peak_rss_open_mb": round(sampler.take_peak(), 1),
                            "metrics_open": await asyncio.to_thread(server_metrics, url)}
    wave["active_sessions_open"] = wave["metrics_open"].get("active_sessions")
    try:
        await asyncio.gather(*(check_now(s, "all open", s.plan.start) for s in sessions))
        changers, stayers = [s for s in sessions if s.plan.changer], [s for s in sessions if not s.plan.changer]
        t1 = time.monotonic()
        await asyncio.gather(*(change_filter(s, args.timeout) for s in changers))
        wave["changers_settled_s"] = round(time.monotonic() - t1, 2)
        await asyncio.gather(*(check_now(s, "others changed", final_view(s)) for s in sessions))
        await asyncio.gather(*(rerun_stayer(s, args.timeout) for s in stayers))
        await asyncio.gather(*(check_now(s, "final", final_view(s)) for s in sessions))
        wave["peak_rss_mb"] = round(max(wave["peak_rss_open_mb"], sampler.take_peak()), 1)
        wave["rss_with_sessions_mb"] = round(sampler.sample(), 1)
        wave["cpu_wave"] = cpu_since(cpu0, sampler.pid)  # before closing: a closed tab's CPU time leaves the tree
    finally:
        for session in sessions:
            await session.context.close()
    wave["rss_after_close_mb"], wave["active_sessions_after"] = await after_close(url, sampler, args.settle)
    wave["metrics_after"] = await asyncio.to_thread(server_metrics, url)
    wave["load_average"] = os.getloadavg()
    wave["isolation"] = [session_report(s) for s in sessions]
    return wave


async def after_close(url: str, sampler: MemorySampler, settle_s: float) -> tuple[float, float | None]:
    """RSS once the server has seen every websocket close (and `settle_s` more seconds have passed)."""
    deadline = time.monotonic() + 30
    while (await asyncio.to_thread(active_sessions, url) or 0) > 0 and time.monotonic() < deadline:
        await asyncio.sleep(0.5)
    await asyncio.sleep(settle_s)
    return round(sampler.sample(), 1), await asyncio.to_thread(active_sessions, url)


def session_report(session: Session) -> dict:
    plan = session.plan
    return {"session": plan.index, "url_params": plan.start.params(), "changer": plan.changer,
            "change": f"{plan.change_label} += {plan.change_value}", "event": plan.start.event_id,
            "heading": plan.start.heading, "ready_s": None if session.ready_s is None else round(session.ready_s, 2),
            "ok": all(c["ok"] for c in session.checks) and not session.errors, "errors": session.errors[:5],
            "checks": session.checks}


# --- the run ---------------------------------------------------------------------------------------------

def make_catalogue(n: int, seed: int, folder: Path) -> float:
    """A synthetic catalogue of n events written as `python -m dashboard build` would; seconds taken."""
    start = time.perf_counter()
    write_catalogue(synthetic.synthetic_catalogue(n, seed), folder)
    return time.perf_counter() - start


async def drive(url: str, server: subprocess.Popen, plans: list[Plan], args, out: dict) -> None:
    """Warm-up session, then the waves; figures go into `out` as they come, so a run cut short keeps them."""
    from playwright.async_api import async_playwright

    sampler = MemorySampler(server.pid)
    sampler.start()
    out["rss_server_up_mb"] = round(sampler.sample(), 1)
    out["by_wave"] = []
    try:
        async with async_playwright() as driver:
            browser = await driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                out["warmup"] = await warm_up(browser, url, plans[0], args.timeout)
                await after_close(url, sampler, args.settle)
                out["rss_after_warmup_mb"] = round(sampler.sample(), 1)
                for number in range(args.waves):
                    out["by_wave"].append(await run_wave(browser, url, rotated(plans, number), sampler, args))
            finally:
                await browser.close()
    finally:
        sampler.stop()
        add_memory_per_wave(out)
        out["peak_rss_mb"] = round(sampler.peak_mb, 1)
        out["metrics"] = server_metrics(url)
        out["rss_samples"] = sampler.samples[::max(1, len(sampler.samples) // 400)]


def add_memory_per_wave(out: dict) -> None:
    """Per wave: RSS added per open session over the RSS before the wave, and what stayed after it closed."""
    before = out.get("rss_after_warmup_mb", 0.0)
    for wave in out["by_wave"]:
        wave["mb_per_session"] = round((wave["rss_with_sessions_mb"] - before) / wave["sessions"], 2)
        wave["growth_after_close_mb"] = round(wave["rss_after_close_mb"] - before, 1)
        before = wave["rss_after_close_mb"]


async def warm_up(browser, url: str, plan: Plan, timeout: float) -> dict:
    """One session first, so the catalogue is loaded (st.cache_resource) before the waves are timed."""
    t0 = time.monotonic()
    session = await open_session(browser, plan, url, t0, timeout, asyncio.Semaphore(1))
    await session.context.close()
    return {"first_load_s": round(time.monotonic() - t0, 2), "ok": session.checks[-1]["ok"]}


def run(args: argparse.Namespace) -> dict:
    """Generate the catalogue, start the app, drive the waves within --time-limit; the app is always stopped."""
    with tempfile.TemporaryDirectory(prefix="load_test_") as scratch:
        work = Path(args.work or scratch)
        folder = work / "catalogue"
        result: dict[str, Any] = {"sessions": args.sessions, "events": args.events, "waves": args.waves,
                                  "batch": args.batch or args.sessions, "cpus": os.cpu_count(),
                                  "when": dt.datetime.now().isoformat(timespec="seconds"), "catalogue": str(folder),
                                  "load_average_before": os.getloadavg()}
        result["generate_s"] = round(make_catalogue(args.events, args.seed, folder), 2)
        events = filters.prepare_events(read_catalogue(folder).events)
        plans = plan_sessions(events, args.sessions, args.seed)
        start = time.perf_counter()
        with running_app(folder, work / "server.log", args.timeout, extra_env=SERVER_ENV) as (url, server):
            result["server_start_s"] = round(time.perf_counter() - start, 2)
            try:
                asyncio.run(asyncio.wait_for(drive(url, server, plans, args, result), args.time_limit))
            except (asyncio.TimeoutError, TimeoutError):
                result["error"] = f"stopped at the time limit ({args.time_limit:.0f} s)"
        result["total_s"] = round(time.perf_counter() - start, 1)
        if not finished(result):
            result["server_log_tail"] = (work / "server.log").read_text(errors="replace").splitlines()[-30:]
    result["load_average_after"] = os.getloadavg()
    result["ok"] = finished(result) and all(s["ok"] for wave in result["by_wave"] for s in wave["isolation"])
    return result


def finished(result: dict) -> bool:
    """Every wave ran to the end and the warm-up session saw its own view."""
    return ("error" not in result and len(result.get("by_wave", [])) == result["waves"]
            and result.get("warmup", {}).get("ok", False))


# --- report ----------------------------------------------------------------------------------------------

def _filters_text(params: dict[str, list[str]]) -> str:
    return " ".join(f"{key}={','.join(values)}" for key, values in params.items() if key != "event") or "(none)"


def cache_line(number: int, wave: dict) -> str:
    """What Streamlit itself says it holds while the wave's sessions are open (and session state after they close)."""
    held, after = wave["metrics_open"].get("cache_bytes", {}), wave["metrics_after"].get("cache_bytes", {})
    state, state_after = held.get("st_session_state", 0) / 1024, after.get("st_session_state", 0) / 1024
    return (f"wave {number} caches: catalogue {held.get('load_catalogue', 0) / 2**20:.1f} MB, maps "
            f"{held.get('events_map', 0) / 2**20:.1f} MB ({wave['metrics_open'].get('events_map_max_entries', 0)} "
            f"evicted so far); session state {state:.0f} KB for {wave['active_sessions_open']} open sessions, "
            f"{state_after:.0f} KB after they closed")


def report(result: dict) -> str:
    load = "/".join(f"{x:.1f}" for x in result["load_average_before"])
    lines = [f"{result['sessions']} sessions x {result['waves']} waves, {result['events']} events, "
             f"{result['cpus']} CPUs (load average {load} before); opened {result['batch']} at a time",
             f"server up {result.get('server_start_s')} s; first page (cold catalogue) "
             f"{result.get('warmup', {}).get('first_load_s')} s",
             f"RSS (server process tree): up {result.get('rss_server_up_mb')} MB, after warm-up "
             f"{result.get('rss_after_warmup_mb')} MB, peak {result.get('peak_rss_mb')} MB", ""]
    lines.append(f"{'wave':>4} {'all ready s':>11} {'server CPU s':>12} {'browser CPU s':>13} {'peak MB':>8} "
                 f"{'with sess.':>10} {'MB/sess':>7} {'after close':>11} {'growth':>6} {'active':>6} {'isolated':>8}")
    for number, wave in enumerate(result["by_wave"], 1):
        isolated = sum(s["ok"] for s in wave["isolation"])
        lines.append(f"{number:>4} {wave['all_ready_s']:>11} {wave['cpu_open']['server_cpu_s']:>12} "
                     f"{wave['cpu_open']['browser_cpu_s']:>13} {wave['peak_rss_mb']:>8} "
                     f"{wave['rss_with_sessions_mb']:>10} {wave['mb_per_session']:>7} {wave['rss_after_close_mb']:>11} {wave['growth_after_close_mb']:>6} "
                     f"{wave['active_sessions_open']!s:>6} {isolated:>5}/{wave['sessions']}")
    lines += [cache_line(number, wave) for number, wave in enumerate(result["by_wave"], 1)]
    lines += ["", f"{'wave':>4} {'sess':>4} {'ready s':>7} {'expected counts':<42} {'detail':<28} ok  filters"]
    for number, wave in enumerate(result["by_wave"], 1):
        for s in wave["isolation"]:
            first = s["checks"][0]["expected"] if s["checks"] else ""
            lines.append(f"{number:>4} {s['session']:>4} {s['ready_s']!s:>7} {first:<42} "
                         f"{(s['heading'] or '(Click a marker…)')[:28]:<28} {'yes' if s['ok'] else 'NO ':<3} "
                         f"{_filters_text(s['url_params'])}; {s['change']}")
            for check in s["checks"]:
                if not check["ok"]:
                    lines.append(f"{'':>10} {check['phase']}: {'; '.join(check['mismatches'])[:200]}")
            lines += [f"{'':>10} {error}" for error in s["errors"]]
    lines.append("")
    lines += [f"ERROR: {result['error']}"] if "error" in result else []
    lines += result.get("server_log_tail", [])
    lines.append("every session showed its own counts, URL, sidebar and detail" if result["ok"]
                 else "FAILED: see above")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions per wave (default 20)")
    parser.add_argument("--events", type=int, default=5000, help="events in the synthetic catalogue (default 5000)")
    parser.add_argument("--waves", type=int, default=2, help="waves of fresh sessions (default 2)")
    parser.add_argument("--batch", type=int, default=0, help="at most this many sessions opening at once (default all)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds any one step may take (default 300)")
    parser.add_argument("--time-limit", type=float, default=1800, help="seconds for the whole run (default 1800)")
    parser.add_argument("--settle", type=float, default=5, help="seconds to wait after closing a wave (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, help="keep the catalogue and server log here (default: a temp folder)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON figures (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= 50 or args.waves < 1 or args.events < 10:
        parser.error("--sessions must be 1..50, --waves at least 1, --events at least 10")
    return args


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not CHROMIUM.exists():
        print(f"no Debian chromium at {CHROMIUM}", file=sys.stderr)
        return 2
    # A SIGTERM unwinds like Ctrl-C, so the browser closes and the server's process group is killed.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        result = run(args)
    except ValueError as error:  # the catalogue cannot give every session its own view
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
