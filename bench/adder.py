"""Another client for the load test: it adds articles through the app's "Add an article" panel (`serve --allow-add`)
while the sessions change their filters, so the data changes under them; and the catalogue each session should
then see, after 0, 1, … of those articles were saved.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from bench import synthetic
from dashboard.catalogue import catalogue_from_articles
from dashboard.ingest.parse import parse_file
from dashboard.parties import parties_of_frame
from dashboard.places.gazetteer import Gazetteer
from dashboard.views import filters
from dashboard.views.prepared import prepare_parties

PANEL = '[data-testid="stExpander"]'


@dataclass(frozen=True)
class Version:
    """The served events (prepared for filtering) and their parties, as the app holds them."""
    events: pd.DataFrame
    parties: pd.DataFrame


def version_of(events: pd.DataFrame) -> Version:
    prepared = filters.prepare_events(events)
    return Version(prepared, prepare_parties(parties_of_frame(prepared), prepared))


def articles_to_add(n: int, seed: int, regions: list[str], out_dir: Path) -> list[Path]:
    """n synthetic articles (the four shapes in turn) placed in the regions the sessions filter on, so their
    counts change when the articles are saved."""
    out_dir.mkdir(parents=True, exist_ok=True)
    candidates = synthetic.battles(max(40, 20 * n), seed)
    wanted = [b for b in candidates if b.settlement.region in regions] or candidates
    paths = []
    for number, battle in enumerate(wanted[:n]):
        shape = synthetic.SHAPES[number % len(synthetic.SHAPES)]
        path = out_dir / f"added_{seed}_{number:02d}_{shape.replace('-', '_')}.txt"
        path.write_text(synthetic.RENDERERS[shape](battle), encoding="utf-8")
        paths.append(path)
    return paths


def versions_after(base: pd.DataFrame, additions: list[Path], gazetteer: Gazetteer) -> list[Version]:
    """The served events before the additions and after each of them (an added synthetic article has no related
    summaries, so its events join the others' unchanged; the run checks the last version against a full build)."""
    added = [catalogue_from_articles([parse_file(path)], gazetteer).events for path in additions]
    return [version_of(pd.concat([base, *added[:k]], ignore_index=True)) for k in range(len(added) + 1)]


async def add_through_panel(browser, url: str, files: list[Path], timeout: float) -> list[dict]:
    """Upload and save each file in turn through the panel, as a user does; how long each save took to show."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(timeout * 1000)
    done = []
    try:
        await page.goto(url, wait_until="commit")
        await page.get_by_text("events shown").first.wait_for()
        for path in files:
            start = time.monotonic()
            try:
                panel = page.locator(PANEL).filter(has_text="Add an article")
                if not await panel.locator('[data-testid="stFileUploader"]').is_visible():
                    await panel.get_by_text("Add an article").first.click()
                await page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
                await page.get_by_role("button", name="Save 1 article").click()
                await page.get_by_text(f"Saved {path.name} as").wait_for()
                done.append({"name": path.name, "saved_s": round(time.monotonic() - start, 2), "error": ""})
            except Exception as error:  # noqa: BLE001 - reported in the JSON, the run goes on
                done.append({"name": path.name, "saved_s": None, "error": str(error)[:200]})
    finally:
        await context.close()
    return done
