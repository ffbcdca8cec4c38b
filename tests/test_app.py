"""The Streamlit script under streamlit.testing: it loads, the URL sets the filters, filters change the counts.

st_folium is an unknown element to AppTest; the map itself is tested in test_mapview.py and in a real browser.
"""
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "dashboard" / "web" / "app.py")


def run(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


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
    titles = set(at.dataframe[0].value["title"])
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
    at = run()
    event_id = at.dataframe[0].value.set_index("title").loc["Battle of Anefis (June 2013)", "event_id"]
    at = run({"event": event_id})
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
    assert any("Link ignored" in c.value for c in at.caption)


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
    table = problems.dataframe[0].value
    gazetteer_rows = table[table["stage"] == "gazetteer"]
    assert len(gazetteer_rows) >= 1 and gazetteer_rows["reason"].str.contains(rf"line {len(broken)}").any()


def test_detail_panel_survives_its_text_store_going_away():
    """The store's events file removed under the running app: the store is written again and the panel reads
    the article's text from it, with no warning."""
    from dashboard.web.loaders import Sources, load_catalogue

    at = run()
    event_id = at.dataframe[0].value.set_index("title").loc["Battle of Gao", "event_id"]
    sources = Sources.from_env()
    stored = load_catalogue(sources.fingerprint(), sources).text.path  # the catalogue the app holds
    stored.unlink()
    at = run({"event": event_id})
    assert not at.exception and not at.warning
    assert any(s.value == "Battle of Gao" for s in at.subheader)
    text = next(e for e in at.expander if e.label == "Summary and article sections")
    assert any(m.value.startswith("The Battle of Gao") for m in text.markdown)
    assert stored.is_file()
