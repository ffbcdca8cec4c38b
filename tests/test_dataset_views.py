"""What a user sees of the datasets: the source and gap filters, the linked events in the detail panel, the
dataset-shaped exports and a layer per source on the map."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from dashboard.catalogue import build_catalogue
from dashboard.datasets import acled, ucdp
from dashboard.datasets.export import acled_csv, acled_shaped, ged_csv, ged_shaped
from dashboard.casualties.estimate import with_best_killed
from dashboard.map import build_map
from dashboard.map.build import with_alignments
from dashboard.map.features import MAP_COLUMNS, event_features, located_events
from dashboard.map.sources import SOURCE_KINDS
from dashboard.views import FilterState, parse_query_params
from dashboard.views.linked import linked_detail
from dashboard.catalogue.prepared import prepare_catalogue

HERE = Path(__file__).resolve().parent
DATASETS = [HERE / "datasets" / "ged_mali.csv", HERE / "datasets" / "acled_mali.csv"]


@pytest.fixture(scope="module")
def catalogue():
    return prepare_catalogue(build_catalogue(datasets=DATASETS))


def event_id(catalogue, title):
    return catalogue.events.loc[catalogue.events["title"] == title, "event_id"].iloc[0]


def test_the_source_filter_keeps_articles_or_a_dataset(catalogue):
    events, parties = catalogue.events, catalogue.parties
    assert set(FilterState(sources=("ucdp",)).apply(events, parties)["kind"]) == {"ucdp"}
    assert set(FilterState(sources=("articles",)).apply(events, parties)["kind"]) == {"article", "related"}
    both = FilterState(sources=("articles", "acled")).apply(events, parties)
    assert set(both["kind"]) == {"article", "related", "acled"}


def test_every_filter_works_on_dataset_events(catalogue):
    # "Military Forces of Mali (2013-2020)" is Mali, "JNIM: Group for Support of Islam and Muslims" is JNIM
    shown = FilterState(sources=("acled",), factions=("JNIM",)).apply(catalogue.events, catalogue.parties)
    assert shown["event_id"].tolist() == ["acled-MLI90005"]
    cma = FilterState(sources=("ucdp",), factions=("CMA",)).apply(catalogue.events, catalogue.parties)
    assert set(cma["event_id"]) == {"ucdp-880103", "ucdp-880104"}  # the CMA itself, and the MNLA in 2014
    kidal = FilterState(sources=("ucdp",), regions=("Kidal",)).apply(catalogue.events, catalogue.parties)
    assert "ucdp-880106" not in set(kidal["event_id"])  # Mopti


def test_the_gap_filters_list_article_events_no_dataset_event_matched(catalogue):
    not_in_ucdp = FilterState(gaps=("ucdp",)).apply(catalogue.events, catalogue.parties)
    assert set(not_in_ucdp["kind"]) <= {"article", "related"}
    titles = set(not_in_ucdp["title"])
    assert "Amazragane skirmish" in titles and "Battle of Anefis (June 2013)" not in titles
    in_neither = FilterState(gaps=("ucdp", "acled")).apply(catalogue.events, catalogue.parties)
    assert "Raid on Dioura" not in set(in_neither["title"]) and "Raid on Dioura" in titles  # ACLED has it


def test_source_and_gap_filters_round_trip_through_the_url():
    state = FilterState(sources=("articles", "ucdp"), gaps=("acled",))
    back, notes = parse_query_params(state.to_query_params())
    assert back == state and notes == []
    _, notes = parse_query_params({"source": ["ucdp", "wikipedia"]})
    assert notes == ["ignored source='wikipedia': not one of the choices"]


def test_the_detail_panel_sets_the_datasets_figures_beside_the_articles_claims(catalogue):
    anefis = event_id(catalogue, "Battle of Anefis (June 2013)")
    info = linked_detail(anefis, catalogue.events, catalogue.claims, catalogue.parties, catalogue.links)
    by_source = {linked.source: linked for linked in info.linked}
    assert by_source["UCDP GED"].deaths == "UCDP GED coded 12 deaths (low 10, high 30)"
    assert by_source["ACLED"].deaths == "ACLED coded 12 fatalities"
    assert by_source["UCDP GED"].sides == ["Side A: Government of Mali (Mali)", "Side B: MNLA"]
    side_b = info.figures.set_index("side").loc["side B"]
    assert "2 per Moussa Ag Acharatoumane (MNLA)" in side_b["the articles"] and "30 per" in side_b["the articles"]
    assert side_b["UCDP GED ucdp-880102"] == "10"
    assert info.figures.set_index("side").loc["all sides", "UCDP GED ucdp-880102"] == "best 12 (low 10, high 30)"
    assert info.gaps == []


def test_an_unmatched_event_is_flagged_and_a_dataset_event_shows_its_codes(catalogue):
    amazragane = event_id(catalogue, "Amazragane skirmish")
    info = linked_detail(amazragane, catalogue.events, catalogue.claims, catalogue.parties, catalogue.links)
    assert info.linked == [] and info.gaps == ["not in UCDP GED", "no ACLED event"]
    text = catalogue.event_text("ucdp-880102")
    own = linked_detail("ucdp-880102", catalogue.events, catalogue.claims, catalogue.parties, catalogue.links,
                        text["infobox"])
    assert [linked.title for linked in own.linked] == ["Battle of Anefis (June 2013)"]
    assert own.coded["date_prec"] == "1 (exact date)" and own.coded["type_of_violence"] == "1 (state-based conflict)"


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_ged_shaped_export_fills_their_columns_with_what_the_articles_tell(catalogue):
    articles = catalogue.events[catalogue.events["kind"].isin(["article", "related"])]
    rows = read_csv(ged_csv(articles, catalogue.claims, catalogue.parties))
    assert list(rows[0]) == list(ucdp.COLUMNS)
    anefis = next(r for r in rows if r["source_headline"] == "Battle of Anefis (June 2013)")
    assert (anefis["side_a"], anefis["side_b"], anefis["date_start"], anefis["date_prec"]) == ("Mali", "MNLA", "2013-06-05", "1")
    assert (anefis["where_prec"], anefis["adm_1"], anefis["latitude"]) == ("1", "Kidal", "18.04389")
    # side B killed: 2 per MNLA, 30 per Mali -> median 16; low and high the lowest and highest claims
    assert (anefis["deaths_b"], anefis["low"], anefis["high"], anefis["best"]) == ("16", "2", "30", "16")
    assert anefis["id"] == "" and anefis["conflict_name"] == ""  # theirs: we do not know them
    kidal = next(r for r in rows if r["source_headline"] == "Second Battle of Kidal")
    assert kidal["date_prec"] == "2"  # 16-21 May: within 2-6 days


def test_the_acled_shaped_export_writes_actors_and_precisions_in_their_terms(catalogue):
    articles = catalogue.with_text(catalogue.events[catalogue.events["kind"].isin(["article", "related"])])
    frame = acled_shaped(articles, catalogue.parties)
    assert list(frame.columns) == list(acled.COLUMNS)
    anefis_2014 = frame[frame["event_date"] == "2014-07-11"].iloc[0]
    assert (anefis_2014["actor1"], anefis_2014["assoc_actor_1"]) == ("MAA-Loyalist", "GATIA; CM-FPR")
    assert anefis_2014["time_precision"] == 1 and anefis_2014["geo_precision"] == 1
    assert anefis_2014["notes"].startswith("On July 11, 2014")
    assert read_csv(acled_csv(articles, catalogue.parties))[0]["event_id_cnty"] == ""


def test_each_source_has_its_ring_and_its_line_in_the_legend(catalogue):
    located = located_events(catalogue.events[[c for c in catalogue.events.columns if c in MAP_COLUMNS]])
    features = {f["properties"]["event_id"]: f["properties"] for f in event_features(with_alignments(
        with_best_killed(located, catalogue.claims)))}
    assert features["ucdp-880102"]["s"] == SOURCE_KINDS.index("ucdp")
    assert features["acled-MLI90002"]["s"] == SOURCE_KINDS.index("acled")
    assert all("s" not in p for e, p in features.items() if e.startswith("ev-"))  # the articles' own look
    html = build_map(catalogue.events, claims=catalogue.claims).get_root().render()
    assert "UCDP GED event: dotted ring" in html and "ACLED event: dash-dot ring" in html
    assert '"UCDP GED events" :' in html and '"ACLED events" :' in html  # a line each in the layer control
    articles_only = build_map(catalogue.events[catalogue.events["kind"].isin(["article", "related"])],
                              claims=catalogue.claims).get_root().render()
    assert "UCDP GED event: dotted ring" not in articles_only and '"UCDP GED events" :' not in articles_only
