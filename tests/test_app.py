"""The Streamlit script under streamlit.testing: it loads, the URL sets the filters, filters change the counts.

st_folium is an unknown element to AppTest; the map itself is tested in test_mapview.py and in a real browser.
"""
from pathlib import Path

from functools import cache

import pytest

from streamlit.testing.v1 import AppTest

from dashboard.catalogue import build_catalogue

APP = str(Path(__file__).parent.parent / "dashboard" / "web" / "app.py")


@pytest.fixture(autouse=True)
def no_map_head_start(monkeypatch):
    """AppTest draws no map, so a first run need not wait for one (app.MAP_HEAD_START_S)."""
    monkeypatch.setenv("DASHBOARD_MAP_HEAD_START", "0")


@cache
def event_id(title: str) -> str:
    events = build_catalogue().events
    return events.set_index("title").loc[title, "event_id"]


def run(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def infos(at: AppTest) -> list[str]:
    """The info boxes' text, without the backslashes that keep Markdown from reading it."""
    return [i.value.replace("\\", "") for i in at.info]


def counts_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "events shown" in m.value)


def test_app_loads_every_event_without_exception():
    at = run()
    assert not at.exception
    assert counts_line(at).startswith("**16** of 16 events shown")
    assert at.dataframe[0].value.shape[0] == 16


def test_query_params_set_the_filters():
    at = run({"faction": "CMA"})
    assert not at.exception
    assert at.multiselect(key="f_factions").value == ["CMA"]
    # CMA members: MNLA (2014 Anéfis, 2013 Anefis…); the 2014 Battle of Anéfis is in through MNLA/HCUA.
    titles = set(at.dataframe[0].value["title"])  # the table's first column, "Event"
    assert "Battle of Anéfis (2014)" in titles and "Raid on Dioura" not in titles


def test_changing_a_filter_changes_counts_and_url():
    at = run()
    at.multiselect(key="f_regions").set_value(["Mopti"]).run()
    assert counts_line(at).startswith("**1** of 16 events shown")
    assert at.query_params["region"] in ("Mopti", ["Mopti"])  # the URL now holds the filter
    at.multiselect(key="f_regions").set_value([]).run()
    at.multiselect(key="f_kinds").set_value(["article"]).run()
    assert counts_line(at).startswith("**5** of 16 events shown")


def test_date_range_from_url():
    at = run({"start": "2023-01-01", "end": "2023-12-31"})
    assert set(at.dataframe[0].value["title"]) == {"Battle of Ber (2023)", "Battle of Kidal (2023)"}


def test_selected_event_from_url_opens_the_detail_panel():
    at = run({"event": event_id("Battle of Anefis (June 2013)")})
    assert not at.exception
    assert any("Battle of Anefis \\(June 2013\\)" in s.value for s in at.subheader)
    assert any("claims" in m.value.lower() for m in at.markdown)
    # The article's own summary, which the shared table leaves on disk and the panel reads for this one event.
    text = next(e for e in at.expander if e.label == "Summary and article sections")
    assert any(m.value.startswith("On June 5, 2013, clashes broke out") for m in text.markdown)


def test_bad_query_params_are_reported_not_fatal():
    at = run({"start": "2013-13-01", "faction": "Nobody"})
    assert not at.exception
    assert counts_line(at).startswith("**16** of 16")
    notes = [i for i in infos(at) if i.startswith("Link adjusted")]
    assert any("2013-13-01" in n and "not a YYYY-MM-DD date" in n for n in notes)
    assert any("Nobody" in n and "not one of the choices" in n for n in notes)


def test_dates_beyond_the_catalogue_are_clamped_not_fatal():
    at = run({"start": "2030-01-01"})
    assert not at.exception
    assert at.slider(key="f_dates").value[0] == at.slider(key="f_dates").value[1]  # the last day, not beyond it
    assert any("start 2030-01-01 is after the last event" in i for i in infos(at))
    at = run({"end": "2000-01-01"})
    assert not at.exception and any("end 2000-01-01 is before the first event" in i for i in infos(at))


def test_a_start_after_the_end_is_swapped_and_said_so():
    at = run({"start": "2014-01-01", "end": "2013-01-01"})
    assert not at.exception
    first, last = at.slider(key="f_dates").value
    assert (str(first), str(last)) == ("2013-01-01", "2014-01-01")
    assert any("start 2014-01-01 was after end 2013-01-01: swapped" in i for i in infos(at))


def test_an_unknown_event_in_the_link_is_said_to_be_unknown():
    at = run({"event": "ev-doesnotexist"})
    assert not at.exception
    assert any("ev-doesnotexist" in i and "unknown id" in i for i in infos(at))
    assert not at.subheader  # nothing selected


def test_the_search_box_finds_a_party_by_another_of_its_names():
    at = run({"q": "MUJAO"})
    assert not at.exception
    assert set(at.dataframe[0].value["title"]) == {"Battle of Gao"}  # MOJWA, as MUJAO in another language


def test_event_types_filter_the_events():
    at = run({"type": "ambush"})
    assert set(at.dataframe[0].value["title"]) == {"Ambush of Tinsalane", "Ambush at Tin Telout (2015-05)"}


def test_a_broken_gazetteer_still_starts_and_shows_its_problems(tmp_path, monkeypatch):
    good = (Path(__file__).parent.parent / "data" / "gazetteer.csv").read_text(encoding="utf-8").splitlines()
    header, rows = good[0], good[1:]
    broken = [header, *rows, rows[0].replace(rows[0].split(",")[0], "Nowhere", 1).replace(",ML,", ",ML,abc,", 1)]
    (tmp_path / "gazetteer.csv").write_text("\n".join(broken) + "\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_GAZETTEER", str(tmp_path / "gazetteer.csv"))
    monkeypatch.setenv("DASHBOARD_CACHE", str(tmp_path / "cache"))
    at = run()
    assert not at.exception
    assert counts_line(at).startswith("**16** of 16 events shown")  # the valid rows still place the seeds
    problems = next(e for e in at.expander if e.label.startswith("Problems"))
    gazetteer_rows = [m.value for m in problems.markdown if " · gazetteer" in m.value]
    assert any(f"line {len(broken)}" in row for row in gazetteer_rows)


def test_detail_panel_survives_its_text_store_going_away():
    """The store's events file removed under the running app: the store is written again and the panel reads
    the article's text from it, with no warning."""
    from dashboard.web.loaders import Sources, load_catalogue

    at = run()
    gao = event_id("Battle of Gao")
    sources = Sources.from_env()
    stored = load_catalogue(sources.fingerprint(), sources).text.path  # the catalogue the app holds
    stored.unlink()
    at = run({"event": gao})
    assert not at.exception and not at.warning
    assert any(s.value == "Battle of Gao" for s in at.subheader)
    text = next(e for e in at.expander if e.label == "Summary and article sections")
    assert any(m.value.startswith("The Battle of Gao") for m in text.markdown)
    assert stored.is_file()
