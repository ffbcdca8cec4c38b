"""The detail panel's content: dates and place in words, sides, conflicting claims side by side, same place."""
import json

import pytest

from dashboard.views.detail import (
    CLAIMS_RANGE_COLUMNS, CLAIMS_TABLE_COLUMNS, claims_range, claims_table, event_detail, figure_text,
    place_text,
)
from dashboard.text.when import when_text
from dashboard.views import UnknownEventError, prepare_events
from fixtures_events import (
    ANEFIS_2013, ANEFIS_2014, ANEFIS_MAY_2013, KIDAL_2014, KIDAL_2023, claim, claims_frame, events_frame,
    seed_claims, seed_events,
)


def detail_of(row: dict):
    return event_detail(row["event_id"], seed_events(), seed_claims())


def test_battle_of_anefis_2013_reads_as_the_article_says():
    info = detail_of(ANEFIS_2013)
    assert info.title == "Battle of Anefis (June 2013)"
    assert info.dates == "5 June 2013"
    assert info.place == "Anefis, Kidal Region, Mali"
    assert info.place_text == "within ~25 km of Anefis"
    assert (info.latitude, info.longitude) == (18.0547, 0.6022)
    assert info.result == "Malian victory" and info.part_of == "Mali War"
    assert info.summary.startswith("On June 5, 2013, clashes broke out")
    assert info.source_file == "000_e3dc056557bc1002.txt" and info.also_described_in == []


def test_sides_with_their_commanders_strength_and_alignment():
    mali, mnla = detail_of(ANEFIS_2013).sides
    assert (mali.parties, mali.commanders, mali.strength, mali.alignment) == (
        ["Mali"], ["Didier Dacko", "El Hadj Ag Gamou"], "Several hundred men", "state")
    assert (mnla.parties, mnla.strength, mnla.alignment) == (["MNLA"], "400 men", "rebel")
    assert mnla.label == "Side B: MNLA"


def test_a_killed_commander_is_kept_as_written():
    loyalists, rebels = detail_of(ANEFIS_2014).sides
    assert loyalists.commanders[-1] == "Bojan (killed in action)"
    assert (loyalists.alignment, rebels.alignment) == ("pro-government", "rebel")


def test_the_2023_gatia_faction_is_on_the_rebel_side():
    state, rebels = detail_of(KIDAL_2023).sides
    assert state.alignment == "state"
    assert rebels.parties[-1] == "GATIA (al-Mahmoud faction)" and rebels.alignment == "rebel"


def test_conflicting_claims_sit_side_by_side():
    table = detail_of(ANEFIS_2013).claims
    assert list(table.columns) == CLAIMS_TABLE_COLUMNS
    assert len(table) == 8
    killed_b = table[(table["side"] == "Side B: MNLA") & (table["kind"] == "killed")]
    assert killed_b[["figure", "claimed_by"]].values.tolist() == [["2", "MNLA"], ["30", "Mali"]]
    assert killed_b.index.tolist() == [killed_b.index[0], killed_b.index[0] + 1]  # adjacent rows


def test_the_range_conflicting_claims_imply():
    ranges = detail_of(ANEFIS_2013).claim_ranges
    assert list(ranges.columns) == CLAIMS_RANGE_COLUMNS
    row = ranges[(ranges["side"] == "Side B: MNLA") & (ranges["kind"] == "killed")].iloc[0]
    assert (row["range"], row["low"], row["high"], row["claimants"], row["claimed_by"], row["conflicting"]) == (
        "2–30", 2, 30, 2, "MNLA; Mali", True)
    injured_a = ranges[(ranges["side"] == "Side A: Mali") & (ranges["kind"] == "injured")].iloc[0]
    assert (injured_a["range"], injured_a["claimed_by"]) == ("2–10", "Mali; France")
    assert len(ranges) == 6  # one row per side and kind


def test_three_claimants_and_an_unquantified_claim():
    ranges = detail_of(ANEFIS_2014).claim_ranges.set_index(["kind", "side"])
    killed = ranges.loc[("killed", "Side B: MNLA; MAA-Dissident; HCUA")]
    assert (killed["range"], killed["claims"], killed["claimed_by"]) == ("4–111", 3, "MNLA; Mali; loyalists")
    injured = ranges.loc[("injured", "Side B: MNLA; MAA-Dissident; HCUA")]
    # "hundreds injured" against "10 injured": one figure, but still a conflict
    assert (injured["range"], injured["unquantified"], injured["conflicting"]) == ("10", 1, True)


def test_open_ended_civilian_figures():
    info = detail_of(KIDAL_2023)
    assert info.dates == "10–14 November 2023"
    assert info.claims[["side", "kind", "figure", "claimed_by"]].values.tolist() == [
        ["Civilians", "killed", "14+", "unattributed"], ["Civilians", "injured", "30+", "unattributed"]]
    assert info.claim_ranges["range"].tolist() == ["14+", "30+"]
    assert info.claim_ranges["high"].isna().all()


def test_events_at_the_same_place_over_time():
    assert detail_of(ANEFIS_2013).same_place["title"].tolist() == ["Battle of Anéfis (May 2013)", "Battle of Anéfis"]
    assert detail_of(KIDAL_2023).same_place["title"].tolist() == ["Second Battle of Kidal"]
    assert "_parties" not in detail_of(KIDAL_2023).same_place.columns


def test_a_prepared_catalogue_gives_the_same_detail():
    prepared = prepare_events(seed_events())
    info = event_detail(ANEFIS_2014["event_id"], prepared, seed_claims())
    assert info.same_place["title"].tolist() == detail_of(ANEFIS_2014).same_place["title"].tolist()
    assert info.claim_ranges.equals(detail_of(ANEFIS_2014).claim_ranges)


def test_an_unlocated_event_says_so():
    info = detail_of(ANEFIS_MAY_2013)
    assert info.place_text == "Anéfis (not located on the map)"
    assert info.latitude is None and info.longitude is None
    assert info.claims.empty and list(info.claims.columns) == CLAIMS_TABLE_COLUMNS
    assert info.claim_ranges.empty


def test_exact_place_from_the_articles_own_coordinates():
    info = detail_of(KIDAL_2014)
    assert (info.dates, info.place_text) == ("16–21 May 2014", "Kidal (exact place)")
    assert info.sides[1].parties == ["Azawad"] and info.sides[1].alignment == "rebel"


def test_sections_infobox_and_merged_sources_are_decoded():
    info = detail_of(ANEFIS_2013)
    assert info.sections[0] == (
        "Battle", "On June 5, around 5:30am, the Malian Army attacked MNLA positions in Anefis.")
    assert info.infobox["Date"] == "June 5, 2013"
    merged = events_frame([dict(ANEFIS_2013, also_described_in="003_499888a3b842d896.txt; 001_070efaabfcf43540.txt")])
    assert event_detail(ANEFIS_2013["event_id"], merged, seed_claims()).also_described_in == [
        "003_499888a3b842d896.txt", "001_070efaabfcf43540.txt"]


def test_unreadable_sections_are_reported_not_raised():
    broken = events_frame([dict(ANEFIS_2013, sections="[[\"Battle\", ", infobox="[1, 2]")])
    info = event_detail(ANEFIS_2013["event_id"], broken, seed_claims())
    assert info.sections == [] and info.infobox == {}
    assert info.notes == ["the article's sections could not be read", "the article's infobox could not be read"]


def test_article_text_is_handed_over_raw_for_the_renderer_to_escape():
    hostile = events_frame([dict(ANEFIS_2013, title="<script>alert(1)</script>",
                                 sections=json.dumps([["<b>x</b>", "${alert(1)}"]]))])
    info = event_detail(ANEFIS_2013["event_id"], hostile, seed_claims())
    assert info.title == "<script>alert(1)</script>"
    assert info.sections == [("<b>x</b>", "${alert(1)}")]


def test_an_unknown_event_is_a_clear_error():
    with pytest.raises(UnknownEventError, match="ev-0000000000"):
        event_detail("ev-0000000000", seed_events(), seed_claims())


@pytest.mark.parametrize("start, end, precision, text", [
    ("2013-06-05", "2013-06-05", "day", "5 June 2013"),
    ("2013-06-05", "", "day", "5 June 2013"),
    ("2023-11-10", "2023-11-14", "day", "10–14 November 2023"),
    ("2014-05-16", "2014-06-02", "day", "16 May – 2 June 2014"),
    ("2012-12-30", "2013-01-02", "day", "30 December 2012 – 2 January 2013"),
    ("2013-06-01", "2013-06-30", "month", "June 2013"),
    ("2013-06-01", "2013-07-31", "month", "June–July 2013"),
    ("2013-12-01", "2014-01-31", "month", "December 2013 – January 2014"),
    ("2012-01-01", "2012-12-31", "year", "2012"),
    ("2012-01-01", "2013-12-31", "year", "2012–2013"),
    ("", "", "", "date unknown"),
    ("June 2013", "", "day", "date unknown"),
])
def test_dates_in_words(start, end, precision, text):
    assert when_text(start, end, precision) == text


@pytest.mark.parametrize("precision, text", [
    (1, "Anefis (exact place)"), (2, "within ~25 km of Anefis"),
    (3, "somewhere in the district (cercle) of Anefis"), (4, "somewhere in Kidal Region"),
    (5, "somewhere in a wider area around Anefis"), (6, "somewhere in Mali (country only)"),
    (7, "international waters or airspace"), (None, "Anefis (precision not stated)"),
])
def test_place_precision_in_words(precision, text):
    assert place_text("Anéfis, Mali", precision, "gazetteer: Anefis", "Kidal") == text


def test_place_name_falls_back_to_the_place_as_written():
    assert place_text("Tabankort, Gao Region, Mali", 2, "article") == "within ~25 km of Tabankort"
    assert place_text("", None, "", located=False) == "place unknown"


@pytest.mark.parametrize("low, high, text", [
    (30, 30, "30"), (10, 20, "10–20"), (14, None, "14+"), (None, 30, "up to 30"), (None, None, "unquantified"),
])
def test_figures_in_words(low, high, text):
    assert figure_text(low, high) == text


def test_claims_tables_work_on_any_claims_without_labels():
    claims = claims_frame([claim("ev-1", "civilian", "displaced", 500, 1000, "UNHCR", "500 to 1,000 displaced"),
                           claim("ev-1", "a", "killed", 3, claimed_by="", text="3 killed")])
    assert claims_table(claims)[["side", "figure", "claimed_by"]].values.tolist() == [
        ["Side A", "3", "unattributed"], ["Civilians", "500–1000", "UNHCR"]]
    assert claims_range(claims)["range"].tolist() == ["3", "500–1000"]


def test_the_panel_says_where_each_field_came_from():
    from dashboard.views.detail import origins_text

    written = origins_text('{"title": "title", "date": "lead", "place": "title", "side_a": "infobox+lead", '
                           '"side_b": "body", "claims": "infobox"}')
    assert written == ("date: the lead; place: the title; side A: the infobox and the lead; "
                       "side B: the article's own sections; casualty figures: the infobox")
    assert origins_text("") == "" and origins_text("not json") == "" and origins_text("[1, 2]") == ""


def test_claimants_with_their_statements_dates_revisions_parts_and_references():
    from pathlib import Path

    from dashboard.ingest.parse import parse_file
    from dashboard.catalogue.tables import claims_frame
    from dashboard.views.claims import claimant_groups, safe_url
    events = [e for name in ("000_e3dc056557bc1002.txt", "001_070efaabfcf43540.txt", "003_499888a3b842d896.txt")
              for e in parse_file(Path(__file__).parent.parent / "seeds" / name).events if e.kind == "article"]
    claims = claims_frame(events)
    groups = {g.claimant: g for g in claimant_groups(claims[claims["event_id"] == events[0].event_id])}
    maiga = groups["Souleymane Maiga (Mali)"]
    [first] = [s for s in maiga.statements if s.quote.startswith("Maiga stated")]
    assert [(c.kind, c.figure, c.words) for c in first.claims] == [
        ("captured", "28", "twenty-eight"), ("killed", "10", "ten"), ("killed", "0", "no")]
    assert first.claims[1].revised_by == "30 killed, per Malian government (6 June 2013)"
    government = groups["Malian government"].statements[0]
    assert government.stated_on == "6 June 2013" and government.claims[0].where == "infobox and Battle section"
    temoin = {g.claimant: g for g in claimant_groups(claims[claims["event_id"] == events[1].event_id])}["Le Temoin"]
    assert [c.part_of for c in temoin.claims] == ["", "111 killed, per Le Temoin", "111 killed, per Le Temoin",
                                                  "111 killed, per Le Temoin", ""]
    reuters = {g.claimant: g for g in claimant_groups(claims[claims["event_id"] == events[2].event_id])}
    assert reuters["Mali (per Reuters)"].statements[0].reference == \
        "[7] Mali says 50 soldiers killed in Kidal fighting — Reuters"
    assert safe_url("https://www.reuters.com/a") == "https://www.reuters.com/a"
    assert safe_url("javascript:alert(1)") == safe_url("https://x.org/a) [b](c") == ""
