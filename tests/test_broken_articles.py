"""Broken and hostile article files (tests/broken/): each yields what can be trusted and a named problem for the
rest; nothing crashes, nothing is dropped or "fixed" without a problem row, and the other articles still load.

The table EXPECTED is the contract: for every file, how many article events it gives, every problem row it
gives (stage and words of the reason), the event fields that must still be right and every casualty claim.
"""
from __future__ import annotations

import json
import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from dashboard.catalogue import build_catalogue
from dashboard.ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).resolve().parent / "broken"
SEEDS = ROOT / "seeds"
GAZETTEER = ROOT / "data" / "gazetteer.csv"

KIDAL = (18.4411, 1.4072)  # gazetteer points (data/gazetteer.csv)
AGUELHOK = (19.465, 0.856)
ANEFIS = (18.04389, 0.60306)
TESSALIT = (20.20111, 1.0125)


@dataclass(frozen=True)
class Outcome:
    events: int  # article events the file yields
    problems: tuple[tuple[str, str], ...] = ()  # every problem row for the file: (stage, words in its reason)
    fields: dict = field(default_factory=dict)  # event columns that must still be right
    claims: frozenset = frozenset()  # every claim: (side, kind, low, high, claimed_by)


def located(point: tuple[float, float], source: str) -> dict:
    return {"latitude": point[0], "longitude": point[1], "location_source": source}


EXPECTED: dict[str, Outcome] = {
    # Unreadable files: no event, one named read problem.
    "empty.txt": Outcome(0, (("read", "file is empty"),)),
    "binary.png": Outcome(0, (("read", "not text (binary bytes"),)),
    # Encodings and line ends: everything read, and the user is told when the file was not plain UTF-8.
    "utf16_anefis.txt": Outcome(
        1, (("read", "file is UTF-16; read as UTF-16"),),
        {"title": "Battle of Anéfis (UTF-16 copy)", "start_date": "2015-08-27", "end_date": "2015-08-27",
         "place": "Anéfis, Kidal Region, Mali", "region": "Kidal", "side_a": "GATIA", "side_b": "CMA",
         "result": "GATIA victory", **located(ANEFIS, "gazetteer: Anéfis")},
        frozenset({("a", "killed", 2, 2, "GATIA"), ("b", "killed", 10, 10, "GATIA")})),
    "utf16le_no_bom_tessalit.txt": Outcome(
        1, (("read", "UTF-16-LE without a byte-order mark"),),
        {"title": "Clash near Tessalit (UTF-16 without BOM)", "start_date": "2016-10-06",
         "place": "Tessalit, Kidal Region, Mali", "side_a": "MINUSMA", "side_b": "AQIM",
         **located(TESSALIT, "gazetteer: Tessalit")},
        frozenset({("a", "injured", 3, 3, "MINUSMA")})),
    "cp1252_menaka.txt": Outcome(
        1, (("read", "not UTF-8; read as cp1252"),),
        {"title": "Clash at Ménaka (cp1252 copy)", "start_date": "2018-02-01", "end_date": "2018-02-02",
         "place": "Ménaka, Ménaka Region, Mali", "region": "Ménaka", "side_b": "ISGS",
         "location_source": "gazetteer: Ménaka"},
        # "(per Mali)" in the infobox; the lead names the speaker, the army's statement, of the same claim.
        frozenset({("b", "killed", 15, 15, "army’s statement (Mali)")})),
    "utf8_bom_gao.txt": Outcome(
        1, (),
        {"title": "Attack on Gao (BOM copy)", "start_date": "2017-01-12", "place": "Gao, Gao Region, Mali",
         "region": "Gao", "location_source": "gazetteer: Gao"},
        frozenset({("a", "killed", 4, 4, "Mali")})),
    "bom_then_cp1252_kidal.txt": Outcome(
        1, (("read", "starts with a UTF-8 byte-order mark but is not UTF-8; read as cp1252"),),
        {"title": "Clashes in Kidal (BOM but cp1252)", "start_date": "2017-07-21", "side_a": "GATIA",
         "side_b": "CMA", **located(KIDAL, "gazetteer: Kidal")},
        frozenset({("a", "killed", 10, 10, "CMA")})),
    "crlf_aguelhok.txt": Outcome(
        1, (),
        {"title": "Attack on Aguelhok (CRLF copy)", "start_date": "2019-01-20", "result": "Attack repulsed",
         "place": "Aguelhok, Kidal Region, Mali", "side_a": "MINUSMA", "side_b": "JNIM",
         **located(AGUELHOK, "gazetteer: Aguelhok")},
        frozenset({("a", "killed", 10, 10, "MINUSMA")})),
    # Cut off mid-word: what was read before the cut stays; the cut field is kept as written, not interpreted.
    "cut_off_infobox.wiki": Outcome(
        1, (("parse", "stops in the middle of a word ('…kil')"),
            ("parse", "'casualties2' is where the file stops, so it is incomplete and was not used: '4–7 kil'"),
            ("parse", "infobox template is never closed")),
        {"title": "Battle of Tessalit (cut-off copy)", "start_date": "2013-10-23",
         "place": "Tessalit, Kidal Region, Mali", "side_a": "Chad", "side_b": "Katiba Salahadin",
         **located((20.1989, 1.0119), "article")},
        frozenset({("a", "killed", 2, 2, "MINUSMA"), ("a", "injured", 6, 6, "MINUSMA")})),
    "cut_off_lead.txt": Outcome(
        1, (("parse", "stops in the middle of a word ('…garr')"),),
        {"title": "Ambush near Tinsalane (cut-off copy)", "start_date": "2012-02-11",
         "place": "Tinsalane, Kidal Region, Mali", "side_a": "Mali", "side_b": "MNLA",
         "location_source": "gazetteer: Tinsalane"},
        # The lead's "killing several soldiers of the garr…" is read as a claim with no number, up to the cut.
        frozenset({("a", "killed", 11, 11, "MNLA"), ("a", "killed", None, None, "")})),
    # Infobox keys given twice: the first value is used, the other is named.
    "duplicate_keys.txt": Outcome(
        1, (("parse", "'Date' appears twice; kept the first value 'August 11–12, 2023', ignored 'August 13, 2023'"),
            ("parse", "'Place' and 'Location' give the same field; kept the first value 'Ber, Tombouctou Region, "
                      "Mali', ignored 'Timbuktu'"),
            ("parse", "'Combatant2' and 'combatant2' give the same field; kept the first value 'CMA', ignored 'JNIM'")),
        {"start_date": "2023-08-11", "end_date": "2023-08-12", "place": "Ber, Tombouctou Region, Mali",
         "region": "Tombouctou", "side_a": "Mali", "side_b": "CMA", "location_source": "gazetteer: Ber"}),
    # Missing fields: the fallback is used and said.
    "no_date.txt": Outcome(
        1, (("date", "date taken from the lead (the infobox gives no date): 2014-05-21"),),
        {"start_date": "2014-05-21", "end_date": "2014-05-21", **located(KIDAL, "gazetteer: Kidal")}),
    "no_location.txt": Outcome(
        1, (("place", "the infobox gives no place; place taken from the title: 'Tessalit'"),),
        {"start_date": "2012-03-11", "place": "Tessalit", "region": "Kidal", **located(TESSALIT, "gazetteer: Tessalit")}),
    "no_date_no_place.txt": Outcome(
        1, (("date", "no date in the infobox or the lead"),
            ("geocode", "no place text, and no known place in the title or summary")),
        {"title": "Clashes in the desert", "start_date": "", "end_date": "", "place": "", "region": "",
         "latitude": math.nan, "longitude": math.nan, "result": "Inconclusive", "side_a": "Mali", "side_b": "MNLA"}),
    # Impossible dates: never guessed at; the lead's date when it has one, else no date.
    "date_february_30.txt": Outcome(
        1, (("date", "no day 30 in February 2013"), ("date", "no date in the infobox or the lead")),
        {"start_date": "", "end_date": "", **located(ANEFIS, "gazetteer: Anéfis")}),
    "date_month_13.txt": Outcome(
        1, (("date", "'2013-13-01': there is no month 13"), ("date", "date taken from the lead instead: 2013-12-01")),
        {"start_date": "2013-12-01", "end_date": "2013-12-01"}),
    "date_day_32.txt": Outcome(
        1, (("date", "no day 32 in May 2014"), ("date", "no date in the infobox or the lead")),
        {"start_date": "", "end_date": ""}),
    "date_range_backwards.txt": Outcome(
        1, (("date", "'21–16 May 2014' ends (2014-05-16) before it starts (2014-05-21)"),
            ("date", "no date in the infobox or the lead")),
        {"start_date": "", "end_date": ""}),
    # Casualty figures: the trusted ones are claims, the others are named.
    "casualties_negative.txt": Outcome(
        1, (("casualties", "side a: negative casualty figure in '-5 killed (per Mali)'"),),
        {"start_date": "2015-05-11", "region": "Tombouctou"},
        frozenset({("a", "injured", 3, 3, "Mali"), ("b", "killed", 12, 12, "Mali")})),
    "casualties_absurd.txt": Outcome(
        1, (("casualties", "side a: implausibly large casualty figure (over 100,000) in '9999999 killed (per MOJWA)'"),),
        {"start_date": "2012-06-26", "end_date": "2012-06-28"},
        frozenset({("a", "killed", 2, 2, "MNLA"), ("b", "killed", 21, 21, "MNLA")})),
    "casualties_words.txt": Outcome(
        1, (("casualties", "side a: no figure in 'heavy losses'"),),
        {"start_date": "2015-01-20", "location_source": "gazetteer: Tabankort"},
        frozenset({("b", "killed", 28, 28, "Platform"), ("b", "injured", None, None, "Platform")})),
    # Coordinates: out of range or outside Mali are not used (placed from the place text instead, and said);
    # a flipped sign that still lands in Mali is kept as the article wrote it and flagged against the gazetteer.
    "coords_out_of_range.txt": Outcome(
        1, (("coordinates", "latitude 95 is outside -90..90"),),
        {"place": "Kidal, Kidal Region, Mali", **located(KIDAL, "gazetteer: Kidal")}),
    "coords_sign_flipped.txt": Outcome(
        1, (("geocode", "article coordinates (19.4650, -0.8560) are Aguelhok's point with the longitude's sign "
                        "flipped, 180 km from gazetteer 'Aguelhok' (19.4650, 0.8560) for 'Aguelhok, Kidal Region, "
                        "Mali'; placed at the gazetteer's point instead"),),
        {"region": "Kidal", **located(AGUELHOK, "gazetteer: Aguelhok")}),
    "coords_in_algeria.txt": Outcome(
        1, (("geocode", "article coordinates (22.7850, 5.5230) lie outside Mali, 608 km from gazetteer 'Aguelhok'"),),
        {"region": "Kidal", **located(AGUELHOK, "gazetteer: Aguelhok")}),
    "coords_in_france.txt": Outcome(
        1, (("geocode", "article coordinates (48.8566, 2.3522) lie outside Mali, 3375 km from gazetteer 'Kidal'"),),
        {"region": "Kidal", **located(KIDAL, "gazetteer: Kidal")}),
}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    """The broken files and the five seed articles in one folder, built as `python -m dashboard build` would."""
    folder = tmp_path_factory.mktemp("articles")
    for path in [*BROKEN.iterdir(), *SEEDS.iterdir()]:
        shutil.copy(path, folder)
    return build_catalogue(folder, GAZETTEER)


def rows(frame, name):
    return frame[frame["source_file"] == name].to_dict("records")


def test_every_file_in_the_corpus_has_an_expected_outcome():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_gives_what_can_be_trusted_and_names_the_rest(catalogue, name):
    expected = EXPECTED[name]
    events = [e for e in rows(catalogue.events, name) if e["kind"] == "article"]
    assert len(events) == expected.events
    problems = sorted((p["stage"], p["reason"]) for p in rows(catalogue.problems, name))
    unmatched = list(problems)
    for stage, words in expected.problems:
        match = next((p for p in unmatched if p[0] == stage and words in p[1]), None)
        assert match is not None, f"no {stage} problem saying {words!r} in {problems}"
        unmatched.remove(match)
    assert unmatched == [], "problems the table does not expect"
    if not events:
        return
    [event] = events
    for column, value in expected.fields.items():
        if isinstance(value, float):
            assert event[column] == pytest.approx(value, abs=1e-4, nan_ok=True), column
        else:
            assert event[column] == value, column
    claims = catalogue.claims[catalogue.claims["event_id"] == event["event_id"]].to_dict("records")
    assert {(c["side"], c["kind"], figure(c["low"]), figure(c["high"]), c["claimed_by"]) for c in claims} == expected.claims


def figure(value) -> int | None:
    return None if pd.isna(value) else int(value)


def test_problems_name_their_file_and_an_existing_event(catalogue):
    ids = set(catalogue.events["event_id"])
    for problem in catalogue.problems[catalogue.problems["source_file"].isin(EXPECTED)].to_dict("records"):
        assert problem["reason"].strip()
        assert problem["event_id"] in ids or (problem["event_id"] == "" and problem["stage"] == "read")


def test_the_seed_articles_still_load_beside_the_broken_files(catalogue):
    events = catalogue.events[catalogue.events["kind"] == "article"]
    seeds = events[events["source_file"].isin([p.name for p in SEEDS.iterdir()])]
    assert dict(zip(seeds["title"], seeds["start_date"])) == {
        "Battle of Anefis (June 2013)": "2013-06-05", "Battle of Anéfis (2014)": "2014-07-11",
        "Amazragane skirmish": "2013-11-08", "Second Battle of Kidal": "2014-05-16",
        "Battle of Kidal (2023)": "2023-11-10",
    }
    assert len(events) == 5 + sum(o.events for o in EXPECTED.values())


def test_what_is_not_interpreted_stays_in_the_infobox_as_written(catalogue):
    def infobox(name):
        [event] = [e for e in rows(catalogue.events, name) if e["kind"] == "article"]
        return json.loads(event["infobox"])

    assert infobox("cut_off_infobox.wiki")["casualties2"] == "4–7 kil"
    assert infobox("casualties_words.txt")["Casualties1"] == "heavy losses"
    assert infobox("casualties_negative.txt")["Casualties1"] == "-5 killed, 3 injured (per Mali)"
    duplicated = infobox("duplicate_keys.txt")
    assert (duplicated["Location"], duplicated["combatant2"]) == ("Timbuktu", "JNIM")


def test_text_of_other_encodings_and_line_ends_is_read_exactly():
    menaka = parse_file(BROKEN / "cp1252_menaka.txt")
    assert menaka.encoding == "cp1252"
    assert "“Islamic State”" in menaka.events[0].summary and "— the army’s" in menaka.events[0].summary
    gao = parse_file(BROKEN / "utf8_bom_gao.txt")
    assert gao.encoding == "utf-8-sig" and gao.events[0].title == "Attack on Gao (BOM copy)"
    aguelhok = parse_file(BROKEN / "crlf_aguelhok.txt")
    event = aguelhok.events[0]
    assert event.sections == [("Attack", "The attackers came on motorcycles at dawn."),
                              ("Aftermath", "JNIM claimed the attack.")]
    assert not any("\r" in value for value in [event.summary, *event.infobox.values(), *event.infobox])


# -- big articles, generated here rather than committed -------------------------------------------------------------

LEAD = "On 21 May 2014, MNLA fighters drove the Malian army out of Kidal after four days of fighting."
PARAGRAPH = ("In the following weeks the MNLA and its allies took Anefis, Aguelhok and Tessalit, while Malian units "
             "fell back to Gao; in May the talks resumed in Algiers. ") * 4
INFOBOX_MD = ("= Battle of Kidal (long copy) =\n\nInfobox\n- Place: Kidal, Kidal Region, Mali\n- Date: 17–21 May 2014\n"
              "- Combatant1: Mali\n- Combatant2: MNLA\n- Casualties1: 50 killed (per Mali)\n\n")
INFOBOX_WIKI = ("{{Infobox military conflict\n| conflict = Battle of Kidal (long copy)\n| date = 17–21 May 2014\n"
                "| place = [[Kidal]], [[Kidal Region]], Mali\n| combatant1 = [[Mali]]\n| combatant2 = [[MNLA]]\n"
                "| casualties1 = 50 killed (per Mali)<ref>AFP</ref>\n}}\n")


def long_article(shape: str, sections: int, paragraphs_per_section: int) -> str:
    heading = "== {} ==" if shape in ("markdown", "wikitext") else "{}"
    body = "".join(f"\n{heading.format(f'Phase {i}')}\n\n" + f"{PARAGRAPH}\n\n" * paragraphs_per_section
                   for i in range(1, sections + 1))
    if shape == "markdown":
        return INFOBOX_MD + LEAD + "\n" + body
    if shape == "wikitext":
        return INFOBOX_WIKI + LEAD.replace("MNLA", "[[MNLA]]") + "\n" + body
    return ("Battle of Kidal (long copy)\n\nDate\n17–21 May 2014\nLocation\nKidal, Kidal Region, Mali\n"
            "Casualties and losses\n50 killed (per Mali)\n\n" + LEAD + " " + PARAGRAPH + "\n" + body)


def assert_long_article_read(path: Path, sections: int) -> None:
    parsed = parse_file(path)
    [event] = parsed.events
    assert [p for p in parsed.problems if p.stage != "sides"] == []  # a web page's sides come from its lead, as it says
    assert event.sides == [["Mali"], ["MNLA"]]  # "MNLA fighters drove the Malian army out of Kidal"
    assert (event.title, event.start_date, event.end_date) == ("Battle of Kidal (long copy)", "2014-05-17", "2014-05-21")
    assert event.place == "Kidal, Kidal Region, Mali" and event.summary.startswith("On 21 May 2014")
    assert [(c.kind, c.low, c.claimed_by) for c in event.claims] == [("killed", 50, "Mali")]
    assert [h for h, _ in event.sections] == [f"Phase {i}" for i in range(1, sections + 1)]
    assert event.sections[-1][1].endswith("in May the talks resumed in Algiers.")


@pytest.mark.parametrize("shape", ["markdown", "wikitext", "web-page"])
def test_a_5_mb_article_is_read_whole(tmp_path, shape):
    sections = 400
    text = long_article(shape, sections, paragraphs_per_section=-(-5_000_000 // (sections * (len(PARAGRAPH) + 2))))
    assert len(text.encode("utf-8")) >= 5_000_000
    path = tmp_path / f"long_{shape}.txt"
    path.write_text(text, encoding="utf-8")
    assert_long_article_read(path, sections)


@pytest.mark.parametrize("shape", ["markdown", "wikitext", "web-page"])
def test_an_article_of_10000_sections_is_read_whole(tmp_path, shape):
    path = tmp_path / f"sections_{shape}.txt"
    path.write_text(long_article(shape, 10_000, paragraphs_per_section=1), encoding="utf-8")
    assert_long_article_read(path, 10_000)


def test_a_1_mb_lead_of_month_names_without_an_infobox_date_still_gives_the_date_at_its_end(tmp_path):
    # Every "In May" is a date run without a year; looking each one's year up afresh made this quadratic.
    mentions = "In May the fighters moved north again, and in June they came back. " * 15_000
    text = ("= Fighting around Kidal (long lead) =\n\nInfobox\n- Place: Kidal, Kidal Region, Mali\n- Combatant1: Mali\n\n"
            + mentions + LEAD + "\n")
    path = tmp_path / "long_lead.txt"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size >= 1_000_000
    parsed = parse_file(path)
    assert (parsed.events[0].start_date, parsed.events[0].end_date) == ("2014-05-21", "2014-05-21")
    assert [p.stage for p in parsed.problems] == ["date"] and "the infobox gives no date" in parsed.problems[0].reason


def test_big_articles_load_in_a_folder_with_the_seeds(tmp_path):
    for path in SEEDS.iterdir():
        shutil.copy(path, tmp_path)
    (tmp_path / "long.txt").write_text(long_article("markdown", 400, 12), encoding="utf-8")
    (tmp_path / "sections.txt").write_text(long_article("markdown", 10_000, 1), encoding="utf-8")
    catalogue = build_catalogue(tmp_path, GAZETTEER)
    articles = catalogue.events[catalogue.events["kind"] == "article"]
    assert len(articles) == 7
    for name, sections in (("long.txt", 400), ("sections.txt", 10_000)):
        [row] = rows(articles, name)
        assert (row["start_date"], row["region"], row["location_source"]) == ("2014-05-17", "Kidal", "gazetteer: Kidal")
        assert len(json.loads(row["sections"])) == sections
