"""The problems panel's rows: named by article title, values read from a title or lead kept as notes; and the
detail panel's sources by title, the file only as a detail."""
from __future__ import annotations

import pandas as pd

from dashboard.catalogue import build_catalogue
from dashboard.views import event_detail
from dashboard.views.problems import PANEL_COLUMNS, problems_view
from dashboard.views.sources import article_titles, event_sources, site_of


def test_a_place_taken_from_the_title_is_a_note_and_an_undated_summary_needs_action():
    catalogue = build_catalogue()
    view = problems_view(catalogue.problems, catalogue.events)
    assert list(view.columns) == PANEL_COLUMNS
    by_stage = view.set_index("stage")
    assert by_stage.loc["place", "article"] == "Second Battle of Kidal"  # its title, not 003_….txt
    assert not by_stage.loc["place", "needs_action"]  # placed from its title: the event is on the map
    assert by_stage.loc["related", "needs_action"]
    assert view["needs_action"].tolist() == [True, False]  # what needs action comes first
    # Each reason in full, as the article's problem says it.
    assert by_stage.loc["related", "reason"] == catalogue.problems.set_index("stage").loc["related", "reason"]


def test_a_place_problem_of_an_event_left_unplaced_still_needs_action():
    events = pd.DataFrame({"event_id": ["e1"], "title": ["Raid"], "kind": ["article"], "source_file": ["a.txt"],
                           "latitude": [float("nan")], "start_date": ["2013-01-01"]})
    problems = pd.DataFrame({"source_file": ["a.txt", "gone.txt"], "event_id": ["e1", ""],
                             "stage": ["place", "read"], "reason": ["no place", "empty file"]})
    view = problems_view(problems, events)
    assert view["needs_action"].all()
    assert view["article"].tolist() == ["gone.txt", "Raid"]  # by stage; an article that gave no event: its file


def test_sources_are_named_by_title_with_the_site_of_their_address():
    events = pd.DataFrame({"event_id": ["e1", "e2"], "title": ["Battle of Ber", "Ber (summary)"],
                           "kind": ["article", "related"], "source_file": ["ber.txt", "other.txt"]})
    row = pd.Series({"source_file": "ber.txt", "source_url": "https://www.wikizero.net/wiki/fr/Ber"})
    own, *also = event_sources(row, ["other.txt", "missing.txt"], article_titles(events))
    assert (own.title, own.site, own.file) == ("Battle of Ber", "wikizero.net", "ber.txt")
    assert [(s.title, s.role) for s in also] == [("Ber (summary)", "also"), ("missing.txt", "also")]
    assert site_of("") == "" and site_of(None) == ""


def test_the_detail_panel_names_its_article_by_title():
    catalogue = build_catalogue()
    event_id = catalogue.events.set_index("title").loc["Second Battle of Kidal", "event_id"]
    info = event_detail(event_id, catalogue.events, catalogue.claims, None, catalogue.parties)
    assert [(s.title, s.file) for s in info.sources] == [("Second Battle of Kidal", "003_499888a3b842d896.txt")]
    assert info.event_type == "battle"


def test_the_references_its_claims_cite_are_listed_once_in_footnote_order():
    catalogue = build_catalogue()
    event_id = catalogue.events.set_index("title").loc["Second Battle of Kidal", "event_id"]
    info = event_detail(event_id, catalogue.events, catalogue.claims, None, catalogue.parties)
    assert [(r.footnote, r.publisher) for r in info.references] == [
        ("5", "leparisien.fr"), ("7", "Reuters"), ("8", "Le Point Afrique")]
    assert info.references[1].title == "Mali says 50 soldiers killed in Kidal fighting"


def test_dataset_problems_read_back_from_the_store_with_no_event_id_are_listed(tmp_path):
    import pyarrow as pa

    from dashboard.catalogue.cache import cached_catalogue

    ged = "tests/datasets/ged_mali.csv"
    catalogue = cached_catalogue("seeds", "data/gazetteer.csv", tmp_path, [ged])  # problems come back Arrow-typed
    view = problems_view(catalogue.problems, catalogue.events)
    assert (view["stage"] == "dataset").any() and view["needs_action"].dtype == bool
    problems = pd.DataFrame({"source_file": pd.array(["ged_mali.csv"], dtype=pd.ArrowDtype(pa.string())),
                             "event_id": pd.array([None], dtype=pd.ArrowDtype(pa.null())),
                             "stage": ["dataset"], "reason": ["row 7 skipped: no date"]})
    [row] = problems_view(problems, catalogue.events).to_dict("records")
    assert (row["article"], row["event_id"], row["needs_action"]) == ("ged_mali.csv", "", True)
