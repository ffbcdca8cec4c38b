"""The load test's plans: what each browser session asks for (its URL's filters and selected event, the sidebar
change it makes) and what its page must then show, on a given version of the served data."""
from __future__ import annotations

import datetime as dt
import itertools
import random
import urllib.parse
from dataclasses import dataclass, replace
from typing import Iterator

import pandas as pd

from bench import adder
from dashboard.parties import parties_of_frame
from dashboard.views import filters
from dashboard.views.event_types import TYPE_LABELS

# Date windows the sessions choose from (inside the synthetic data's 2012-2024).
WINDOWS = [("2013-01-01", "2014-12-31"), ("2015-03-01", "2017-06-30"), ("2018-01-01", "2020-12-31"),
           ("2021-06-01", "2023-12-31"), ("2012-06-01", "2016-12-31")]
FACTIONS = ["CMA", "JNIM", "Mali", "France", "MNLA", "Platform", "ISGS", "MINUSMA", "Wagner Group", "GATIA",
            "Jihadist groups", "HCUA", "MOJWA", "AQIM"]
STAYER_KIND = "related"  # the kind a stayer adds and removes again, forcing two reruns of its own


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


def expected_view(events: pd.DataFrame, state: filters.FilterState, event_id: str | None,
                  parties: pd.DataFrame | None = None) -> View:
    shown = state.apply(events, parties)
    heading = None if event_id is None else str(events.loc[events["event_id"] == event_id, "title"].iloc[0])
    return View(state, event_id, len(shown), len(events), int(shown["latitude"].notna().sum()), heading)


def on_version(plan: Plan, version: adder.Version) -> Plan:
    """The same plan (filters, selection, change) over another version of the served data."""
    def view(v: View) -> View:
        return expected_view(version.events, v.state, v.event_id, version.parties)
    return replace(plan, start=view(plan.start), changed=view(plan.changed))


def rerun_views(plan: Plan, version: adder.Version) -> tuple[View, View]:
    """A session's own rerun at the end of a wave, on the data as it then is: its current filters with the kind
    STAYER_KIND added, then without it again (a stayer's current filters are its URL's, a changer's its new ones)."""
    current = (plan.changed if plan.changer else plan.start)
    with_kind = replace(current.state, kinds=(STAYER_KIND,))
    return (expected_view(version.events, with_kind, current.event_id, version.parties),
            expected_view(version.events, current.state, current.event_id, version.parties))


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


def final_view(plan: Plan) -> View:
    """A changer ends on its changed view, a stayer back on the one its URL opened."""
    return plan.changed if plan.changer else plan.start
