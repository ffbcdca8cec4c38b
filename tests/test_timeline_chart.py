"""The timeline chart's spec (web/timeline_chart.timeline_spec): bars per month and side in the markers' colours,
a brush over the months, and the map's date as a rule once the time bar has one. Its brushing in the page is
tested in test_app_browser.py."""
import datetime as dt

import pandas as pd

from dashboard.catalogue import build_catalogue
from dashboard.map.style import ALIGNMENT_COLOURS, ALIGNMENT_LABELS
from dashboard.views import filters
from dashboard.views.time_chart import monthly_counts
from dashboard.web.timeline_chart import timeline_spec

SPAN = (dt.date(2012, 1, 1), dt.date(2023, 12, 31))


def seed_months() -> pd.DataFrame:
    catalogue = build_catalogue("seeds", "data/gazetteer.csv")
    return monthly_counts(filters.FilterState().apply(filters.prepare_events(catalogue.events), catalogue.parties))


def test_bars_per_month_coloured_by_side_a_with_a_brush_over_the_months():
    spec = timeline_spec(seed_months(), SPAN, "events", None).to_dict()
    (bars,) = spec["layer"]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y"]["field"] == "events"
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"]))[ALIGNMENT_LABELS["state"]] == ALIGNMENT_COLOURS["state"]
    (brush,) = spec["params"]  # layered: Vega-Lite lifts the brush to the top, bound to the bars' view
    assert brush["name"] == "brush" and brush["select"]["encodings"] == ["x"] and brush["views"] == [bars["name"]]
    assert bars["encoding"]["x"]["scale"]["domain"] == ["2012-01-01T00:00:00", "2024-01-01T00:00:00"]


def test_the_killed_measure_and_the_maps_date_as_a_rule():
    june_2013 = int(pd.Timestamp("2013-06-05").value // 10**6)
    spec = timeline_spec(seed_months(), SPAN, "killed", june_2013).to_dict()
    bars, rule = spec["layer"]
    assert bars["encoding"]["y"]["field"] == "killed"
    assert rule["mark"]["type"] == "rule"
    assert list(spec["datasets"].values())[-1] == [{"month": "2013-06-05T00:00:00", "label": "map's date"}]
