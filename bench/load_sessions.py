"""The load test's browser sessions: read what a page shows, wait for it to show a session's own view, act on the
sidebar as a user does, and record every check."""
from __future__ import annotations

import asyncio
import re
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from bench import adder
from bench.load_plans import STAYER_KIND, Plan, View, rerun_views
from dashboard.views.filters import KIND_LABELS

INFO_TEXT = "Click a marker on the map or a row in the table to read that battle."
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


async def look(page, answer_s: float = 10.0) -> dict:
    # Playwright's evaluate has no timeout of its own: a frame that never gets a context would hold the poll.
    try:
        return summary(await asyncio.wait_for(observe(page), answer_s))
    except asyncio.TimeoutError:
        return {"error": f"page did not answer within {answer_s:.0f} s"}
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


async def settle(session: Session, views: View | list[View], timeout: float,
                 poll: float = 0.5) -> tuple[list[str], dict, int]:
    """Wait until the page shows one of `views` with no script running: the mismatches left with the first view
    if it never does, what was seen, and which view it showed (-1: none)."""
    views = views if isinstance(views, list) else [views]
    deadline = time.monotonic() + timeout
    while True:
        seen = await look(session.page)
        running = ["still running"] if seen.get("running") else []
        wrong = [mismatches(view, seen) + running for view in views]
        matched = next((i for i, w in enumerate(wrong) if not w), -1)
        if matched >= 0 or seen.get("exception") or time.monotonic() > deadline:
            return (wrong[0] if matched < 0 else []), seen, matched


def record(session: Session, phase: str, views: View | list[View], outcome: tuple[list[str], dict, int]) -> None:
    wrong, seen, matched = outcome
    views = views if isinstance(views, list) else [views]
    view = views[max(matched, 0)]
    session.checks.append({"phase": phase, "expected": view.line(), "heading": view.heading, "ok": not wrong,
                           "version": matched if len(views) > 1 else None, "mismatches": wrong, "seen": seen})


async def check_now(session: Session, phase: str, views: View | list[View]) -> None:
    """Read the page as it is (no waiting): does it still show this session's own view (one of them)?"""
    seen = await look(session.page)
    options = views if isinstance(views, list) else [views]
    wrong = [mismatches(view, seen) for view in options]
    matched = next((i for i, w in enumerate(wrong) if not w), -1)
    record(session, phase, views, ((wrong[0] if matched < 0 else []), seen, matched))


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


async def choose(page, label: str, value: str, attempts: int = 3, click_s: float = 20) -> None:
    """Add `value` in the sidebar multiselect whose label starts with `label`, as a user does; the choices the box
    then shows must be the ones before with `value` added (a click that lands elsewhere says so).

    A rerun that comes after the page looked quiet (on a busy machine, the map reporting its redraw late) redraws
    the sidebar and closes the open list under the click: the user opens it again, and so does this, twice."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    box = _box(page, label)
    before = await _tags(box)
    for attempt in range(attempts):
        await quiet(page)
        try:
            await box.locator("input").first.click(timeout=click_s * 1000)
            await page.get_by_role("option", name=value, exact=True).click(timeout=click_s * 1000)
            break
        except PlaywrightTimeout:
            await page.keyboard.press("Escape")
            if attempt == attempts - 1:
                raise RuntimeError(f"the {label} box never offered {value!r} ({attempts} tries, {click_s:.0f} s each)")
    await page.keyboard.press("Escape")
    after = await _tags(box)
    if after != sorted([*before, value]):
        raise RuntimeError(f"the {label} box shows {after} after choosing {value!r} in {before}")


async def unchoose(page, value: str, label: str = "Where") -> None:
    box = _box(page, label)
    await quiet(page)
    await box.get_by_role("button", name=f"Remove {value}", exact=True).click()


async def quiet(page, still_s: float = 1.0, timeout: float = 60) -> None:
    """Until no script has run for `still_s` (a map that redraws itself asks for one more rerun just after one)."""
    deadline, calm_since = time.monotonic() + timeout, time.monotonic()
    while time.monotonic() < deadline:
        if await page.locator('[data-testid="stStatusWidget"]').count():
            calm_since = time.monotonic()
        elif time.monotonic() - calm_since >= still_s:
            return
        await asyncio.sleep(0.2)


def _box(page, label: str):
    return page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label))


async def _tags(box) -> list[str]:
    # Read at once: a tag read one by one can be redrawn away between two reads, and the read then waits for it.
    return sorted(await box.locator("[data-tag]").evaluate_all("tags => tags.map(t => t.getAttribute('aria-label') || '')"))


async def change_filter(session: Session, alternatives: list[Plan], timeout: float) -> None:
    """A changer adds its region; the page must then show its changed view, on whichever version of the data
    the server held when the change arrived (articles are being added meanwhile)."""
    plan = session.plan
    changed = [alternative.changed for alternative in alternatives]
    if await acted(session, "own change", changed, choose(session.page, plan.change_label, plan.change_value)):
        record(session, "own change", changed, await settle(session, changed, timeout))


async def rerun_own(session: Session, version: adder.Version, timeout: float) -> None:
    """Every session reruns itself once the data has changed: the kind added, then removed again; both reruns
    must show the session's own filters and selection over the new data."""
    with_kind, without = rerun_views(session.plan, version)
    label = KIND_LABELS[STAYER_KIND]
    if await acted(session, "own rerun: kind added", with_kind, choose(session.page, "Where", label)):
        record(session, "own rerun: kind added", with_kind, await settle(session, with_kind, timeout))
    if await acted(session, "own rerun: kind removed", without, unchoose(session.page, label)):
        record(session, "own rerun: kind removed", without, await settle(session, without, timeout))


async def acted(session: Session, phase: str, views: View | list[View], action) -> bool:
    """Run a user's action on the page; one that fails (a widget never shown) is recorded as the phase failing."""
    try:
        await action
        return True
    except Exception as error:  # noqa: BLE001 - Playwright's timeout among others: the run goes on and reports it
        seen = await look(session.page)
        record(session, phase, views, ([f"could not act: {str(error).splitlines()[0][:160]}"], seen, -1))
        return False


def session_report(session: Session) -> dict:
    plan = session.plan
    return {"session": plan.index, "url_params": plan.start.params(), "changer": plan.changer,
            "change": f"{plan.change_label} += {plan.change_value}", "event": plan.start.event_id,
            "heading": plan.start.heading, "ready_s": None if session.ready_s is None else round(session.ready_s, 2),
            "ok": all(c["ok"] for c in session.checks) and not session.errors, "errors": session.errors[:5],
            "checks": session.checks}
