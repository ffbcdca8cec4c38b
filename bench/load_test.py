"""Many users at once, while the data changes: concurrent browser sessions against the running dashboard, each
with its own filters, while another client adds articles through the app.

    python bench/load_test.py [--sessions 20] [--events 5000] [--waves 2] [--adds 3] [--out FILE.json]

Starts `python -m dashboard serve --allow-add` on a free 127.0.0.1 port over a folder of --events synthetic
articles (with --adds 0: `serve --catalogue DIR` over a synthetic build folder), opens --sessions Playwright
contexts in one headless Chromium, each on its own URL (?region= / ?faction= / ?start=&end=, some with ?event=),
and checks that every session shows its own counts line, URL, sidebar choices and detail panel: when it opens,
after the others have opened, after half of them change a sidebar filter while another client saves --adds
articles through the "Add an article" panel (placed in the regions the sessions filter on), and after every
session reruns itself (a filter added and removed again), when it must show the new articles. Samples the
server's memory (its whole process tree) throughout, the CPU time of server and browser, and what Streamlit says
its caches and session state hold (/_stcore/metrics); further waves of fresh sessions (each on another session's
plan) show whether memory grows per wave as the data changes. Bounded: a fixed number of sessions, a per-step
timeout and a time limit for the whole run; the server's process group is always killed. Prints a table and
writes every figure as JSON.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `python bench/load_test.py` from a checkout, installed or not

from bench import adder, synthetic  # noqa: E402
from bench.appserver import MemorySampler, running_app, tree_cpu_s  # noqa: E402
from bench.load_plans import Plan, View, final_view, on_version, plan_sessions, rotated  # noqa: E402,F401  (View: tests)
from bench.load_report import report  # noqa: E402
from bench.load_sessions import change_filter, check_now, open_session, rerun_own, session_report  # noqa: E402
from dashboard.catalogue.incremental import build_incrementally  # noqa: E402
from dashboard.places.gazetteer import Gazetteer  # noqa: E402
from dashboard.catalogue import read_catalogue, write_catalogue  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
DEFAULT_OUT = ROOT / "bench" / "results" / "load_test.json"
GAZETTEER = ROOT / "data" / "gazetteer.csv"
# --- the server ------------------------------------------------------------------------------------------

# Expensive stats give bytes per cache in /_stcore/metrics (`serve` already runs without a file watcher, so an
# edit to the source mid-run does not reload the app).
SERVER_ENV = {"STREAMLIT_SERVER_ENABLE_EXPENSIVE_MEMORY_STATS": "true"}


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


def cpu_split(server_pid: int) -> tuple[float, float]:
    """CPU seconds so far of the server's process tree, and of everything else this script started (browser)."""
    server = tree_cpu_s(server_pid)
    return server, tree_cpu_s(os.getpid()) - server


def cpu_since(start: tuple[float, float], server_pid: int) -> dict[str, float]:
    now = cpu_split(server_pid)
    return {"server_cpu_s": round(now[0] - start[0], 1), "browser_cpu_s": round(now[1] - start[1], 1)}


async def run_wave(browser, url: str, plans: list[Plan], versions: list[adder.Version], additions: list[Path],
                   sampler: MemorySampler, args) -> dict:
    """Open every session at once (at most --batch opening together), check; the changers change their filter
    while another client adds `additions` through the panel; check; every session reruns itself; check; close.

    versions[k] is the served data after k additions: plans are given on versions[0].
    """
    gate = asyncio.Semaphore(args.batch or len(plans))
    sampler.take_peak()
    cpu0, t0 = cpu_split(sampler.pid), time.monotonic()
    sessions = await asyncio.gather(*(open_session(browser, p, url, t0, args.timeout, gate) for p in plans))
    wave: dict[str, Any] = {"sessions": len(sessions), "all_ready_s": round(time.monotonic() - t0, 2),
                            "ready_s": [None if s.ready_s is None else round(s.ready_s, 2) for s in sessions],
                            "cpu_open": cpu_since(cpu0, sampler.pid), "peak_rss_open_mb": round(sampler.take_peak(), 1),
                            "metrics_open": await asyncio.to_thread(server_metrics, url),
                            "events_before": len(versions[0].events), "events_after": len(versions[-1].events)}
    wave["active_sessions_open"] = wave["metrics_open"].get("active_sessions")
    try:
        await asyncio.gather(*(check_now(s, "all open", s.plan.start) for s in sessions))
        changers = [s for s in sessions if s.plan.changer]
        alternatives = {s.plan.index: [on_version(s.plan, v) for v in versions] for s in sessions}
        t1 = time.monotonic()
        adding = adder.add_through_panel(browser, url, additions, args.timeout) if additions else asyncio.sleep(0, [])
        wave["adds"], *_ = await asyncio.gather(adding, *(change_filter(s, alternatives[s.plan.index], args.timeout)
                                                          for s in changers))
        wave["changers_settled_s"] = round(time.monotonic() - t1, 2)
        # Nothing is pushed into a session: each still shows what its own last rerun showed.
        await asyncio.gather(*(check_now(s, "others changed", [final_view(a) for a in alternatives[s.plan.index]]
                                         if s.plan.changer else s.plan.start) for s in sessions))
        t2 = time.monotonic()
        await asyncio.gather(*(rerun_own(s, versions[-1], args.timeout) for s in sessions))
        wave["reruns_settled_s"] = round(time.monotonic() - t2, 2)
        await asyncio.gather(*(check_now(s, "final", final_view(alternatives[s.plan.index][-1])) for s in sessions))
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


# --- the run ---------------------------------------------------------------------------------------------

def make_catalogue(n: int, seed: int, folder: Path) -> float:
    """A synthetic catalogue of n events written as `python -m dashboard build` would; seconds taken."""
    start = time.perf_counter()
    write_catalogue(synthetic.synthetic_catalogue(n, seed), folder)
    return time.perf_counter() - start


@dataclass
class Served:
    """What the app serves: a build folder (nothing added), or a folder of articles another client adds to."""
    version: adder.Version  # the data the first wave opens on
    articles: Path | None = None
    work: Path | None = None
    gazetteer: Gazetteer | None = None

    def next_wave(self, number: int, plans: list[Plan], adds: int) -> tuple[list[Path], list[adder.Version]]:
        """The articles the adding client will save in this wave, and the data after 0, 1, … of them."""
        if self.articles is None or not adds:
            return [], [self.version]
        regions = sorted({r for p in plans for r in (*p.start.state.regions, *p.changed.state.regions)})
        additions = adder.articles_to_add(adds, 1000 + number, regions, self.work / "to_add" / f"wave{number + 1}")
        return additions, adder.versions_after(self.version.events, additions, self.gazetteer)

    def after_wave(self, wave: dict, versions: list[adder.Version]) -> None:
        """The next wave opens on the data this one ended with; which must be what a full build of the folder gives."""
        self.version = versions[-1]
        if self.articles is not None:
            built = build_incrementally(self.articles, GAZETTEER).events
            wave["full_build_matches"] = sorted(built["event_id"]) == sorted(self.version.events["event_id"])


async def drive(url: str, server: subprocess.Popen, plans: list[Plan], served: Served, args, out: dict) -> None:
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
                    additions, versions = served.next_wave(number, plans, args.adds)
                    wave_plans = [on_version(p, versions[0]) for p in rotated(plans, number)]
                    wave = await run_wave(browser, url, wave_plans, versions, additions, sampler, args)
                    served.after_wave(wave, versions)
                    out["by_wave"].append(wave)
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
    """Generate the data, start the app, drive the waves within --time-limit; the app is always stopped.

    With --adds, the app serves a folder of synthetic articles (`serve --allow-add`, its own cache) and another
    client adds articles to it through the panel in every wave; without, it serves a build folder (CSV).
    """
    with tempfile.TemporaryDirectory(prefix="load_test_") as scratch:
        work = Path(args.work or scratch)
        folder = work / ("articles" if args.adds else "catalogue")
        result: dict[str, Any] = {"sessions": args.sessions, "events": args.events, "waves": args.waves,
                                  "adds_per_wave": args.adds, "batch": args.batch or args.sessions,
                                  "cpus": os.cpu_count(), "when": dt.datetime.now().isoformat(timespec="seconds"),
                                  "catalogue" if not args.adds else "articles": str(folder),
                                  "load_average_before": os.getloadavg()}
        start = time.perf_counter()
        if args.adds:
            synthetic.write_corpus(folder, args.events, args.seed)
            served = Served(adder.version_of(build_incrementally(folder, GAZETTEER).events), folder, work,
                            Gazetteer.from_csv(GAZETTEER))
            app = running_app(None, work / "server.log", args.timeout, serve_args=["--allow-add"],
                              extra_env=SERVER_ENV | {"DASHBOARD_SEEDS": str(folder), "DASHBOARD_CACHE": str(work / "cache")})
        else:
            make_catalogue(args.events, args.seed, folder)
            served = Served(adder.version_of(read_catalogue(folder).events))
            app = running_app(folder, work / "server.log", args.timeout, extra_env=SERVER_ENV)
        result["generate_s"] = round(time.perf_counter() - start, 2)
        plans = plan_sessions(served.version.events, args.sessions, args.seed)
        start = time.perf_counter()
        with app as (url, server):
            result["server_start_s"] = round(time.perf_counter() - start, 2)
            try:
                asyncio.run(asyncio.wait_for(drive(url, server, plans, served, args, result), args.time_limit))
            except (asyncio.TimeoutError, TimeoutError):
                result["error"] = f"stopped at the time limit ({args.time_limit:.0f} s)"
        result["total_s"] = round(time.perf_counter() - start, 1)
        if not finished(result):
            result["server_log_tail"] = (work / "server.log").read_text(errors="replace").splitlines()[-30:]
    result["load_average_after"] = os.getloadavg()
    result["ok"] = finished(result) and all(s["ok"] for wave in result["by_wave"] for s in wave["isolation"]) and all(
        not a["error"] for wave in result["by_wave"] for a in wave.get("adds", [])) and all(
        wave.get("full_build_matches", True) for wave in result["by_wave"])
    return result


def finished(result: dict) -> bool:
    """Every wave ran to the end and the warm-up session saw its own view."""
    return ("error" not in result and len(result.get("by_wave", [])) == result["waves"]
            and result.get("warmup", {}).get("ok", False))


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions per wave (default 20)")
    parser.add_argument("--events", type=int, default=5000, help="events in the synthetic catalogue (default 5000)")
    parser.add_argument("--waves", type=int, default=2, help="waves of fresh sessions (default 2)")
    parser.add_argument("--adds", type=int, default=3,
                        help="articles another client adds through the app's panel in each wave, while the sessions "
                             "change their filters (default 3; 0: serve a build folder of --events events, add none)")
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
