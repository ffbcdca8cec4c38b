"""The whole pipeline over a folder of articles: what `python -m dashboard build` gives a user."""
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.catalogue import build_catalogue, corpus_fingerprint, read_catalogue, write_catalogue

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
GAZETTEER = ROOT / "data" / "gazetteer.csv"


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(SEEDS, GAZETTEER)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def by_title(events, title):
    [row] = events[events["title"] == title].to_dict("records")
    return row


def test_five_article_events_plus_related(catalogue):
    events = catalogue.events
    assert (events["kind"] == "article").sum() == 5
    assert (events["kind"] == "related").sum() == 11
    assert catalogue.merged == 3
    assert events["event_id"].is_unique


def test_summaries_of_seed_articles_are_merged_not_shown_twice(catalogue):
    events = catalogue.events
    seed_003 = "003_499888a3b842d896.txt"
    for title in ("Battle of Anefis (June 2013)", "Amazragane skirmish", "Battle of Kidal (2023)"):
        assert by_title(events, title)["also_described_in"] == seed_003
    assert not events["start_date"].eq("2023-11-10").sum() > 1
    june_5 = events[events["start_date"] == "2013-06-05"]
    assert list(june_5["title"]) == ["Battle of Anefis (June 2013)"]
    # The MAA's attack on Anéfis in May 2013 is a different event and stays.
    assert (events["start_date"] == "2013-05-17").sum() == 1


# Independently known positions (Wikipedia coordinate lines / GeoNames), not read from our gazetteer.
TRUE_POSITIONS = {
    "Second Battle of Kidal": (18.4411, 1.4072, 5),
    "Battle of Kidal (2023)": (18.4411, 1.4072, 10),
    "Battle of Anefis (June 2013)": (18.05, 0.60, 5),
    "Battle of Anéfis (2014)": (18.05, 0.60, 5),
    "Battle of Gao": (16.27, -0.04, 10),
    "Battle of Aguelhok": (19.46, 0.86, 10),
    "Battle of Ber (2023)": (16.77, -2.64, 10),
    "Raid on Dioura": (14.83, -5.25, 10),
}


@pytest.mark.parametrize("title", TRUE_POSITIONS)
def test_events_land_where_they_happened(catalogue, title):
    lat, lon, tolerance = TRUE_POSITIONS[title]
    row = by_title(catalogue.events, title)
    assert km(row["latitude"], row["longitude"], lat, lon) < tolerance


def test_every_event_is_located_or_listed_as_unlocated(catalogue):
    events, problems = catalogue.events, catalogue.problems
    unlocated = set(events.loc[events["latitude"].isna(), "event_id"])
    listed = set(problems.loc[problems["stage"] == "geocode", "event_id"])
    assert unlocated <= listed
    assert by_title(events, "Raid on Dioura")["region"] == "Mopti"  # outside the three regions, true region kept


def test_claims_keep_every_claimant(catalogue):
    anefis = by_title(catalogue.events, "Battle of Anefis (June 2013)")["event_id"]
    claims = catalogue.claims[catalogue.claims["event_id"] == anefis]
    killed_b = claims[(claims["side"] == "b") & (claims["kind"] == "killed")]
    # The infobox's 2 (per MNLA) and 30 (per Mali) are the statements the body names the speakers of; Maiga's first
    # toll of ten is the body's alone, and revised by the Malian government's thirty.
    assert sorted(zip(killed_b["low"], killed_b["claimed_by"], killed_b["origin"])) == [
        (2, "Moussa Ag Acharatoumane (MNLA)", "infobox+body"), (10, "Souleymane Maiga (Mali)", "body"),
        (30, "Malian government", "infobox+body")]
    ten, thirty = (killed_b[killed_b["low"] == n].iloc[0] for n in (10, 30))
    assert ten["revised_by"] == thirty["claim_id"] and thirty["stated_on"] == "2013-06-06"


def test_bad_files_become_named_problems_and_the_rest_still_loads(tmp_path):
    for path in SEEDS.iterdir():
        shutil.copy(path, tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "cp1252.txt").write_bytes("= Battle of Anéfis =\n\nInfobox\n- Date: May 17, 2013\n- Place: Anéfis\n\nLead.\n"
                                          .encode("cp1252"))
    (tmp_path / "prose.txt").write_text("Nothing here but prose about the weather.\n")
    (tmp_path / "feb30.txt").write_text("= Clash =\n\nInfobox\n- Date: February 30, 2013\n- Place: Gao\n\nA clash.\n")
    catalogue = build_catalogue(tmp_path, GAZETTEER)
    problems = catalogue.problems
    reasons = dict(zip(problems["source_file"], problems["reason"]))
    assert "empty" in reasons["empty.txt"]
    assert "not text" in reasons["binary.bin"]
    assert "cp1252" in reasons["cp1252.txt"]
    assert "no recognisable structure" in reasons["prose.txt"]
    assert any("February 30, 2013" in r for r in problems.loc[problems["source_file"] == "feb30.txt", "reason"])
    assert (catalogue.events["kind"] == "article").sum() == 7  # the five seeds + cp1252 + the undated clash


def test_fingerprint_changes_with_content(tmp_path):
    shutil.copy(next(SEEDS.glob("000_*")), tmp_path / "a.txt")
    before = corpus_fingerprint(tmp_path, GAZETTEER)
    assert corpus_fingerprint(tmp_path, GAZETTEER) == before
    (tmp_path / "a.txt").write_text((tmp_path / "a.txt").read_text() + "\n")
    assert corpus_fingerprint(tmp_path, GAZETTEER) != before


def test_written_catalogue_reads_back_the_same(catalogue, tmp_path):
    write_catalogue(catalogue, tmp_path)
    again = read_catalogue(tmp_path)
    pd.testing.assert_frame_equal(again.claims, catalogue.claims.reset_index(drop=True), check_dtype=False)
    assert list(again.events["event_id"]) == list(catalogue.events["event_id"])
    assert again.events["latitude"].tolist() == catalogue.events["latitude"].tolist()


def test_build_command_prints_a_line_per_article_and_a_total(tmp_path, capsys):
    assert main(["build", "--seeds", str(SEEDS), "--gazetteer", str(GAZETTEER), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "003_499888a3b842d896.txt: web-page, 1 article event + 11 related (3 merged" in out
    assert "total: 5 articles, 16 events (5 article, 11 related, 3 summaries merged)" in out
    assert {p.name for p in tmp_path.iterdir()} == {"events.csv", "claims.csv", "parties.csv", "problems.csv", "control.csv",
                                                    "episodes.csv"}


def test_disk_cache_serves_the_same_catalogue_and_follows_content(tmp_path):
    from dashboard.catalogue import cached_catalogue
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.iterdir():
        shutil.copy(path, seeds)
    cold = cached_catalogue(seeds, GAZETTEER, tmp_path / "cache")
    [folder] = (tmp_path / "cache").iterdir()
    warm = cached_catalogue(seeds, GAZETTEER, tmp_path / "cache")
    pd.testing.assert_frame_equal(warm.events, cold.events)
    pd.testing.assert_frame_equal(warm.claims, cold.claims)
    next(seeds.glob("002_*")).unlink()  # an article removed: the cache must not serve it any more
    fresh = cached_catalogue(seeds, GAZETTEER, tmp_path / "cache")
    assert "Amazragane skirmish" not in set(fresh.events["title"])
    assert [p.name for p in (tmp_path / "cache").iterdir()] != [folder.name]


def test_formula_looking_text_survives_write_and_read(catalogue, tmp_path):
    events = catalogue.events.copy()
    events.loc[0, "title"] = "=HYPERLINK(\"http://x\")"
    events.loc[1, "result"] = "-5 km from Gao"
    events.loc[2, "place"] = "'quoted' place"
    write_catalogue(type(catalogue)(events, catalogue.claims, catalogue.problems), tmp_path)
    raw = (tmp_path / "events.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw  # guarded in the file a spreadsheet opens
    again = read_catalogue(tmp_path).events
    assert again.loc[0, "title"] == "=HYPERLINK(\"http://x\")"
    assert again.loc[1, "result"] == "-5 km from Gao"
    assert again.loc[2, "place"] == "'quoted' place"
