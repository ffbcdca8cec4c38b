"""The app's cached loaders, shared by every session.

A module of its own (not the Streamlit script) so `python -m dashboard serve` can call the very same cached
functions before the first visitor arrives (warm_up.py): st.cache_resource keys them by module and name.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import paths
from dashboard.catalogue.cache import cached_catalogue, cached_prebuilt
from dashboard.catalogue.fingerprints import corpus_fingerprint, datasets_fingerprint
from dashboard.catalogue.tables import Catalogue, problems_frame
from dashboard.datasets import DatasetError
from dashboard.model import Problem
from dashboard.map import assets, build_map
from dashboard.views import filters
from dashboard.views.control import control_periods, filtered_periods
from dashboard.catalogue.prepared import prepare_catalogue
from dashboard.views.problems import problems_view
from dashboard.views.time_chart import monthly_counts
from dashboard.views.totals import KilledClaims, Totals, killed_claims, totals

STATIC_DIR = Path(__file__).with_name("static")  # Streamlit serves <app dir>/static/



@dataclass(frozen=True)
class Sources:
    """What the app serves, from the environment (read on every run, so tests and `serve` can point it elsewhere)."""
    seeds: Path
    gazetteer: Path
    prebuilt: Path | None  # a folder written by `python -m dashboard build`, used instead of parsing seeds
    cache: Path
    datasets: tuple[Path, ...] = ()  # UCDP / ACLED files shown beside the articles ($DASHBOARD_DATASETS)

    @classmethod
    def from_env(cls) -> "Sources":
        prebuilt = os.environ.get("DASHBOARD_CATALOGUE")
        datasets = tuple(Path(p) for p in os.environ.get("DASHBOARD_DATASETS", "").split(os.pathsep) if p)
        return cls(Path(os.environ.get("DASHBOARD_SEEDS") or paths.default_articles()),
                   Path(os.environ.get("DASHBOARD_GAZETTEER") or paths.GAZETTEER),
                   Path(prebuilt) if prebuilt else None, paths.default_cache(), datasets)

    def fingerprint(self) -> str:
        """The content hash of what is served (cheap: a file is hashed again only when it changes)."""
        own = corpus_fingerprint(self.prebuilt, None) if self.prebuilt else corpus_fingerprint(self.seeds, self.gazetteer)
        return f"{own}-{datasets_fingerprint(self.datasets)}" if self.datasets else own


@st.cache_resource(max_entries=4, show_spinner="Reading the articles…")
def load_catalogue(fingerprint: str, _sources: Sources) -> Catalogue:
    """Parse and geocode once per content of seeds + gazetteer, shared read-only by every session; its events and
    parties come made ready for filtering (views.prepared), once per catalogue, not per rerun."""
    try:
        catalogue = _cached(_sources, _sources.datasets)
    except DatasetError as error:  # a file changed after `serve` checked it: the articles alone, and why
        catalogue = _cached(_sources, ())
        refused = problems_frame([Problem(", ".join(p.name for p in _sources.datasets), "", "dataset", str(error))])
        catalogue.problems = pd.concat([refused, catalogue.problems], ignore_index=True)
    return prepare_catalogue(catalogue)


def _cached(sources: Sources, datasets: tuple[Path, ...]) -> Catalogue:
    if sources.prebuilt:
        return cached_prebuilt(sources.prebuilt, sources.cache, datasets, sources.gazetteer)
    return cached_catalogue(sources.seeds, sources.gazetteer, sources.cache, datasets)


@st.cache_resource(max_entries=4, show_spinner=False)
def filter_choices(fingerprint: str, _catalogue: Catalogue) -> tuple[list[str], list[str], tuple[dt.date, dt.date]]:
    """Faction and region choices and the date bounds: computed once per catalogue, not on every rerun."""
    events = _catalogue.events
    regions = sorted(r for r in events["region"].dropna().unique() if r)
    return filters.faction_options(_catalogue.parties), regions, date_bounds(events)


@st.cache_resource(max_entries=4, show_spinner=False)
def problem_rows(fingerprint: str, _catalogue: Catalogue) -> pd.DataFrame:
    """The problems panel's rows (views.problems): once per catalogue."""
    return problems_view(_catalogue.problems, _catalogue.events)


def date_bounds(events: pd.DataFrame) -> tuple[dt.date, dt.date]:
    starts = pd.to_datetime(events["start_date"], errors="coerce").dropna()
    ends = pd.to_datetime(events["end_date"], errors="coerce").dropna()
    if starts.empty:
        return dt.date(2012, 1, 1), dt.date.today()
    return starts.min().date(), max(ends.max(), starts.max()).date()


@st.cache_resource
def offline_assets() -> dict:
    return assets.ensure_static_files(STATIC_DIR)


@st.cache_resource(max_entries=4, show_spinner=False)
def periods_of(fingerprint: str, _catalogue: Catalogue) -> pd.DataFrame:
    """Who held each place from when to when, worked out once per catalogue (views.control)."""
    return control_periods(_catalogue.control)


@st.cache_resource(max_entries=16, show_spinner=False)
def events_map(fingerprint: str, state: filters.FilterState, _shown: pd.DataFrame, _claims: pd.DataFrame,
               _periods: pd.DataFrame | None = None, _control: pd.DataFrame | None = None):
    """The folium map for one filter state (the frames are keyed by fingerprint + state, so not hashed), with the
    Control layer of the periods that state shows."""
    held = (filtered_periods(_periods, _control, state), _control) if _control is not None and len(_control) else None
    m = build_map(_shown, claims=_claims, control=held)
    assets.localize(m)
    return m


@st.cache_resource(max_entries=4, show_spinner=False)
def counted_claims(fingerprint: str, _catalogue: Catalogue) -> KilledClaims:
    """The killed claims the totals add up, as integer codes: once per catalogue (views.totals)."""
    return killed_claims(_catalogue.claims, _catalogue.events)


@st.cache_resource(max_entries=16, show_spinner=False)
def shown_totals(fingerprint: str, state: filters.FilterState, _shown: pd.DataFrame, _catalogue: Catalogue) -> Totals:
    """The totals line of one filter state (keyed like events_map)."""
    return totals(_shown, counted_claims(fingerprint, _catalogue), _catalogue.parties)


@st.cache_resource(max_entries=16, show_spinner=False)
def chart_data(fingerprint: str, state: filters.FilterState, _shown: pd.DataFrame) -> pd.DataFrame:
    """The timeline chart's monthly counts of one filter state."""
    return monthly_counts(_shown)
