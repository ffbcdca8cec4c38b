"""Episodes: the dated sentences of the seeds' leads, Preludes, Battles and Aftermaths (dashboard/ingest/episodes.py),
checked against the hand-read golden file; and the numbered track the map draws from them (dashboard/map/episodes.py)."""
from __future__ import annotations

import csv
from pathlib import Path

import folium
import pytest

from dashboard.catalogue import build_catalogue
from dashboard.ingest.episodes import read_episodes
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.map.episodes import episodes_track, track_stops
from dashboard.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
GAZETTEER = Gazetteer.from_csv(ROOT / "data" / "gazetteer.csv")


def golden(name: str) -> list[dict]:
    with (GOLDEN / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rendered(group) -> str:
    m = folium.Map()
    group.add_to(m)
    return m.get_root().render()


@pytest.fixture(scope="module")
def found() -> dict[str, list]:
    return {path.name: read_episodes(parse_file(path).events[0], GAZETTEER) for path in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.parametrize("row", golden("seed_episodes.csv"),
                         ids=lambda r: f"{r['source_file'][:3]}-{r['date_as_written'][:20]}")
def test_every_golden_episode_is_read_with_its_date(found, row):
    dates = {(e.date_start, e.date_end) for e in found[row["source_file"]] if e.sentence == row["sentence"]}
    assert (row["date_start"], row["date_end"]) in dates


@pytest.mark.parametrize("row", [r for r in golden("seed_negatives.csv") if r["must_not_be"] == "episode"],
                         ids=lambda r: r["sentence"][:40])
def test_background_history_and_undated_sentences_are_not_episodes(found, row):
    assert [e for e in found[row["source_file"]] if e.sentence == row["sentence"]] == []


def test_places_as_the_sentences_write_them(found):
    kidal = {e.date_as_written: (e.place, e.place_role, e.location_precision) for e in found["004_a954f82738c9178b.txt"]}
    assert kidal["The next day"] == ("Oued Alkit", "at", 2)  # "in the Alkit Valley, twenty kilometers from Kidal"
    assert kidal["November 13"] == ("Kidal", "at", 2)  # "fifteen kilometers from Kidal": near Kidal, not in it
    assert kidal["November 14"][:2] == ("Kidal", "at")
    assert kidal["October 2, 2023"][:2] == ("Kidal", "towards")  # "an offensive towards Kidal"
    statements = [e for e in found["000_e3dc056557bc1002.txt"] if e.date_as_written == "June 6"]
    assert [(e.place, e.actor_parties) for e in statements] == [("", ["Mali", "MNLA"])]  # a statement has no place


def test_the_event_s_year_and_month_fill_a_date_that_leaves_them_out():
    article = ("= Battle of Tessalit =\n\nInfobox\n- Conflict: Battle of Tessalit\n- Place: Tessalit, Mali\n"
               "- Date: December 30, 2012 – January 2, 2013\n\n"
               "The battle of Tessalit began on December 30.\n\n== Battle ==\nOn January 1, rebels attacked the camp. "
               "The next day, the garrison fled.\n")
    episodes = read_episodes(parse_article(article, "hand.txt").events[0], GAZETTEER)
    assert [(e.date_start, e.date_as_written) for e in episodes] == [
        ("2012-12-30", "December 30"), ("2013-01-01", "January 1"), ("2013-01-02", "The next day")]


def test_no_report_of_anything_is_not_an_episode():
    article = ("= Clash =\n\nInfobox\n- Conflict: Clash\n- Place: Kidal, Mali\n- Date: May 3, 2016\n\n"
               "On May 3, 2016, clashes broke out in Kidal. No losses were reported by either side on May 3.\n")
    episodes = read_episodes(parse_article(article, "hand.txt").events[0], GAZETTEER)
    assert [e.sentence for e in episodes] == ["On May 3, 2016, clashes broke out in Kidal."]


def test_kidal_2023_draws_as_the_issue_reads_it():
    catalogue = build_catalogue(SEEDS, ROOT / "data" / "gazetteer.csv")
    event = catalogue.events[catalogue.events["title"] == "Battle of Kidal (2023)"].iloc[0]
    episodes = catalogue.episodes[catalogue.episodes["event_id"] == event["event_id"]]
    stops = track_stops(episodes, event["start_date"], event["end_date"])
    assert [(s.number, s.when, s.place) for s in stops] == [
        (1, "10 Nov 2023", "Anefis"),
        (2, "11–12 Nov 2023", "Alkit Valley, twenty kilometers from Kidal"),
        (3, "13 Nov 2023", "fifteen kilometers from Kidal"),
        (4, "14 Nov 2023", "Kidal"),
    ]
    html = rendered(episodes_track(stops))
    assert html.count("L.marker(") == 4 and "L.polyline(" in html and "Alkit Valley" in html


def test_an_event_of_one_place_is_one_stop_and_no_place_no_track():
    catalogue = build_catalogue(SEEDS, ROOT / "data" / "gazetteer.csv")
    event = catalogue.events[catalogue.events["title"] == "Battle of Anefis (June 2013)"].iloc[0]
    stops = track_stops(catalogue.episodes[catalogue.episodes["event_id"] == event["event_id"]],
                        event["start_date"], event["end_date"])
    assert [(s.when, s.place) for s in stops] == [("5 Jun 2013", "the village of Anefis")]
    assert episodes_track([]) is None


def test_a_hostile_sentence_stays_text_in_the_track():
    from dashboard.map.episodes import Stop
    stop = Stop(1, "Kidal ${alert(1)} </script>", "2023-11-14", "2023-11-14", 18.44, 1.41, 1, ("{{ 7*7 }} <b>x</b>",))
    html = rendered(episodes_track([stop]))
    assert "${alert" not in html and "</script> ·" not in html and "{{ 7*7 }}" not in html
