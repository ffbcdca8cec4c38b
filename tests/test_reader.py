"""The one reader on hand-written pages in shapes and languages the corpus does not have (tests/articles/):
tab-separated browser copies (Spanish, Portuguese, Chinese, Arabic with its own digits, a wikiwand page), raw wikitext of the German, Russian,
Italian and French wikis, a wiki table, an HTML page, a reader-mode Markdown copy, saved JSON answers, a kiwix dump with glued labels, an attack infobox, a page
with no infobox, a page that is only a navbox.

Each case is what a person reads in the file: the date, the place as written, each side's parties, the claims.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard import paths
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.parties import canonical_party
from dashboard.places.gazetteer import Gazetteer

ARTICLES = Path(__file__).parent / "articles"


@dataclass(frozen=True)
class Case:
    shape: str
    title: str
    dates: tuple[str, str]
    place: str
    sides: list[list[str]]  # canonical parties per side
    claims: set = field(default_factory=set)  # (side, kind, low, claimed_by), every claim of the infobox
    origins: dict = field(default_factory=dict)  # fields whose origin is checked


CASES = {
    "es_tabs_batalla_de_gao.txt": Case(
        "web-page", "Batalla de Gao", ("2012-06-26", "2012-06-28"), "Gao, Malí", [["MNLA"], ["MOJWA", "Ansar Dine"]],
        {("a", "killed", 20, "MUJAO"), ("b", "killed", 2, "")}),
    "pt_tabs_batalha_de_kidal.txt": Case(
        "table", "Batalha de Kidal (2014)", ("2014-05-16", "2014-05-21"), "Kidal, Mali", [["Mali"], ["MNLA", "HCUA", "MAA"]],
        {("a", "killed", 50, "governo do Mali"), ("a", "injured", 40, "governo do Mali"), ("b", "killed", 2, "MNLA")}),
    "zh_glued_kidal.txt": Case(
        "web-page", "基达尔战役 (2014年)", ("2014-05-17", "2014-05-17"), "基达尔, 马里", [["Mali"], ["MNLA"]],
        {("a", "killed", 50, ""), ("b", "killed", 2, "")}),
    "de_wikitext_tabankort.wiki": Case(
        "wikitext", "Gefecht von Tabankort", ("2015-01-20", "2015-01-20"), "Tabankort, Region Gao, Mali",
        [["GATIA", "MAA-Loyalist"], ["CMA"]],
        {("a", "killed", 5, "CMA"), ("b", "killed", 12, "Plateforme"), ("b", "captured", 7, "Plateforme")}),
    "ru_wikitext_anefis.wiki": Case(
        "wikitext", "Бой за Анефис", ("2013-06-05", "2013-06-05"), "Анефис, область Кидаль, Мали", [["Mali"], ["MNLA"]],
        {("a", "injured", 2, ""), ("b", "killed", 30, "Мали"), ("b", "captured", 28, "Мали")}),
    "it_wikitext_konna.wiki": Case(
        "wikitext", "Battaglia di Konna", ("2013-01-10", "2013-01-12"), "Konna, Regione di Mopti, Mali",
        [["Mali", "France"], ["Ansar Dine", "AQIM", "MOJWA"]],
        {("a", "killed", 11, ""), ("a", "vehicles destroyed", 1, ""), ("b", "killed", 100, "esercito maliano")}),
    "kiwix_glued_aguelhok.txt": Case(
        "web-page", "Battle of Aguelhok", ("2012-01-17", "2012-01-17"), "Aguelhok, Kidal Region, Mali",
        [["Mali"], ["MNLA", "Ansar Dine", "AQIM"]],
        {("a", "killed", 82, "Mali"), ("a", "captured", 30, ""), ("b", "killed", 35, "Mali")},
        {"date": "infobox", "coordinates": "page"}),
    "attack_infobox_gao_bombing.txt": Case(
        "web-page", "2017 Gao bombing", ("2017-01-18", "2017-01-18"), "Gao, Mali", [["Mali", "Platform"], ["Al-Mourabitoun"]],
        {("a", "killed", 77, ""), ("a", "injured", 115, "")}),
    "wikiwand_tabs_ber.txt": Case(
        "web-page", "Battle of Ber (2023)", ("2023-08-11", "2023-08-12"), "Ber, Tombouctou Region, Mali",
        [["Mali", "Wagner Group"], ["CSP", "JNIM"]],
        {("a", "killed", 6, "Mali"), ("b", "killed", 24, "Mali"), ("b", "vehicles destroyed", 4, "CMA")}),
    "html_infobox_anefis.html": Case(
        "html web-page", "Battle of Anéfis (2014)", ("2014-07-11", "2014-07-11"), "Anéfis, Kidal Region, Mali",
        [["GATIA", "MAA-Loyalist"], ["MNLA", "HCUA"]], {("a", "killed", 35, "MNLA"), ("b", "killed", 111, "loyalists")}),
    "fr_wikitext_tabankort.wiki": Case(
        "wikitext", "Combat de Tabankort", ("2015-01-27", "2015-01-27"), "Tabankort", [["Platform"], ["CMA"]],
        {("a", "killed", 8, "CMA"), ("a", "injured", 3, "CMA"), ("b", "killed", 4, "CMA")}),
    "wikitable_tinsalane.wiki": Case(
        "web-page", "Ambush of Tinsalane", ("2012-02-11", "2012-02-11"), "Tinsalane, Kidal Region, Mali",
        [["Mali"], ["MNLA", "Ansar Dine"]], {("a", "killed", 11, "MNLA")}),
    "wikimili_tabs_lere_rebels_first.txt": Case(
        "web-page", "Battle of Léré (2023)", ("2023-09-26", "2023-09-28"), "Léré, Mali", [["CSP"], ["Mali", "Wagner Group"]],
        {("b", "killed", 12, "CSP-PSD")}),
    "infobox_after_text_menaka.txt": Case(
        "table", "Attack on Ménaka (2018)", ("2018-02-01", "2018-02-01"), "Ménaka, Mali", [["Mali"], ["ISGS"]],
        {("a", "killed", 4, ""), ("b", "killed", 15, "Mali")}),
    "fr_tabs_boulkessi.txt": Case(
        "table", "Bataille de Boulkessi (2019)", ("2019-09-30", "2019-10-01"), "Boulkessi et Mondoro", [["Mali"], ["JNIM"]],
        {("a", "killed", 40, "Mali"), ("b", "killed", 15, "Mali")}),
    "ar_tabs_kidal.txt": Case(
        "web-page", "معركة كيدال (2014)", ("2014-05-16", "2014-05-21"), "كيدال, مالي", [["Mali"], ["MNLA", "HCUA"]],
        {("a", "killed", 50, "مالي"), ("a", "injured", 40, "مالي"), ("b", "killed", 2, "الحركة")}),
    "markdown_reader_kidal.md": Case(
        "markdown web-page", "Battle of Kidal (2014)", ("2014-05-16", "2014-05-21"), "Kidal, Mali",
        [["Mali"], ["MNLA", "HCUA"]], {("a", "killed", 50, "MNLA"), ("a", "captured", 40, ""), ("b", "killed", 2, "MNLA")}),
    "lead_only_ber.txt": Case(
        "lead-only", "Attack on Ber (2016)", ("2016-06-05", "2016-06-05"), "Ber, Tombouctou Region", [["Mali"], ["MNLA"]],
        set(), {"date": "lead", "place": "lead", "side_a": "lead", "side_b": "lead"}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_is_read_whatever_its_layout_and_language(name):
    case = CASES[name]
    parsed = parse_file(ARTICLES / name)
    [event] = [e for e in parsed.events if e.kind == "article"]
    assert parsed.shape == case.shape
    assert (event.title, (event.start_date, event.end_date), event.place) == (case.title, case.dates, case.place)
    assert [[canonical_party(p) for p in side] for side in event.sides] == case.sides
    boxed = [c for c in event.claims if c.origin.startswith("infobox")]  # the body's own claims are casualties/body's
    assert {(c.side, c.kind, c.low) for c in boxed} == {(side, kind, low) for side, kind, low, _ in case.claims}
    for side, kind, low, claimant in case.claims:
        assert any((c.side, c.kind, c.low) == (side, kind, low) and claimant in c.claimed_by for c in boxed), claimant
    assert {k: event.origins.get(k) for k in case.origins} == case.origins
    assert not any(".svg" in p or "Flag" in p or "Bandera" in p for side in event.sides for p in side)


@pytest.mark.parametrize("name, headings", [
    ("wikimili_tabs_lere_rebels_first.txt", ["Background", "Battle"]),  # the copied table of contents is not a section
    ("infobox_after_text_menaka.txt", ["Attack", "Aftermath"]),  # the text before the infobox keeps its sections
    ("fr_tabs_boulkessi.txt", ["Contexte"]),  # a copy with no blank lines: one paragraph a line
])
def test_sections_are_found_wherever_the_infobox_stands(name, headings):
    [event] = [e for e in parse_file(ARTICLES / name).events if e.kind == "article"]
    assert [h for h, _ in event.sections] == headings


def test_the_body_contradicting_the_infobox_date_is_kept_as_the_infobox_says_and_named():
    parsed = parse_file(ARTICLES / "kiwix_glued_aguelhok.txt")
    [problem] = [p for p in parsed.problems if p.stage == "date"]
    assert problem.reason.startswith("the infobox dates the event 17 January 2012 but the body says 18 January 2012")


def test_a_page_with_no_infobox_gives_its_lead_event_and_says_what_it_lacks():
    parsed = parse_file(ARTICLES / "lead_only_ber.txt")
    reasons = [(p.stage, p.reason) for p in parsed.problems]
    assert ("parse", "the page has no infobox: the event is read from its lead alone") in reasons
    assert any(stage == "sides" and "taken from the lead: MNLA" in reason for stage, reason in reasons)
    [event] = parsed.events
    assert event.summary.count("killing two soldiers") == 1  # the lead is read once, not as lead and as body too
    assert [(c.kind, c.low, c.text) for c in event.claims] == [("killed", 2, "killing two soldiers")]


def test_a_page_that_is_only_a_navbox_gives_no_event_and_one_problem():
    parsed = parse_file(ARTICLES / "navbox_only_battles.txt")
    assert parsed.events == []
    [problem] = parsed.problems
    assert "only a list of names" in problem.reason


def test_a_page_of_words_with_neither_date_nor_infobox_is_not_an_event():
    parsed = parse_file(ARTICLES / "french_page_kidal.txt")  # has an infobox: an event
    assert parsed.events
    from dashboard.ingest.parse import parse_article
    lone = parse_article("Kidal est une ville du nord du Mali, capitale de la région du même nom.\n", "kidal.txt")
    assert lone.events == [] and "no recognisable structure" in lone.problems[0].reason


def test_a_box_pasted_twice_is_read_once_and_a_few_stray_tags_do_not_make_a_page_html():
    from dashboard.ingest.parse import parse_article

    head = ("Battle of Anefis\nPart of the Mali War\nDate\t5 June 2013\nLocation\tAnefis, Mali\n"
            "Belligerents\nMali\tMNLA\nCasualties and losses\n2 killed\t30 killed\n")
    lead = ("The Battle of Anefis was fought on 5 June 2013 between the Malian army and the MNLA, "
            "<span class=\"x\">which</span> held the town of Anefis until the army took it back.\n")
    for text in (head + "\n" + head + "\n" + lead, (head + "\n" + lead) * 2, head + lead * 6):
        [event] = [e for e in parse_article(text, "anefis.txt").events if e.kind == "article"]
        assert (event.title, event.start_date, event.place) == ("Battle of Anefis", "2013-06-05", "Anefis, Mali")
        assert [canonical_party(p) for p in event.sides[0]] == ["Mali"] and event.sides[1] == ["MNLA"]


def test_a_markdown_copy_reads_its_links_as_words_and_each_speaker_of_a_sentence_apart():
    [event] = [e for e in parse_file(ARTICLES / "markdown_reader_kidal.md").events if e.kind == "article"]
    assert "](" not in event.summary and event.summary.startswith("The Battle of Kidal took place in May 2014 in Kidal")
    body = {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims if c.origin == "body"}
    assert body == {("civilian", "killed", 8, ""), ("a", "killed", 20, "government")}


def test_a_saved_api_answer_is_read_as_the_page_it_holds():
    wikitext = (ARTICLES / "wikitext_tessalit.wiki").read_text(encoding="utf-8")
    answer = json.dumps({"parse": {"title": "Battle of Tessalit", "pageid": 1, "wikitext": {"*": wikitext}}})
    parsed = parse_article(answer, "tessalit.json")
    assert parsed.shape == "json wikitext" and parsed.events[0].start_date == "2013-10-23"
    wire = (ARTICLES / "news_wire_kidal.txt").read_text(encoding="utf-8").split("\n")
    record = json.dumps({"headline": wire[0], "datePublished": "2014-05-22T12:00:00Z", "articleBody": "\n".join(wire[4:])})
    [event] = parse_article(record, "wire.json").events
    assert (event.title, event.start_date, event.sides) == (wire[0], "2014-05-21", [["Mali"], ["MNLA"]])
    assert [p.reason for p in parse_article('{"id": 1}', "empty.json").problems][0].startswith("no recognisable structure")


@pytest.mark.parametrize("name", ["lead_only_es_anefis.txt", "lead_only_de_anefis.txt", "lead_only_it_anefis.txt",
                                  "lead_only_pt_anefis.txt"])
def test_a_lead_in_spanish_german_italian_or_portuguese_gives_date_place_sides_and_claim(name):
    [event] = [e for e in parse_file(ARTICLES / name).events if e.kind == "article"]
    assert (event.start_date, event.end_date) == ("2014-07-11", "2014-07-11")
    assert event.place in ("Anefis", "Anéfis")
    assert {canonical_party(p) for side in event.sides for p in side} >= {"GATIA", "MNLA"}
    assert ("killed", 35, "MNLA") in {(c.kind, c.low, c.claimed_by) for c in event.claims}


def test_an_arabic_page_is_placed_with_the_gazetteer():
    [event] = [e for e in parse_file(ARTICLES / "ar_tabs_kidal.txt").events if e.kind == "article"]
    found = Gazetteer.from_csv(paths.GAZETTEER).geocode(event.place)
    assert found.address == "Kidal, Kidal Region, Mali" and round(found.latitude, 1) == 18.4


def test_an_arabic_lead_gives_its_date_and_the_town_it_names():
    [event] = [e for e in parse_file(ARTICLES / "lead_only_ar_kidal.txt").events if e.kind == "article"]
    assert (event.start_date, event.place) == ("2023-11-14", "كيدال")
    assert Gazetteer.from_csv(paths.GAZETTEER).geocode(event.place).address.startswith("Kidal")
