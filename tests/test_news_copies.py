"""News copies (a wire story, one broken into lines of 72, a French newspaper page, a saved news page, exports from
news databases): dated from their publication line, sides from the parties they name, claims with the speaker who
follows them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from dashboard.ingest.layout.press import is_press_export
from dashboard.ingest.layout.rows import page_rows
from dashboard.ingest.layout.wrapped import unwrapped
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.text.published import day_counted_back, publication_date

ARTICLES = Path(__file__).parent / "articles"


def test_publication_lines_datelines_and_date_lines_date_a_copy_and_an_update_line_does_not():
    assert publication_date("T\nPublié le : 14/03/2022 - 18:45\n").day == dt.date(2022, 3, 14)
    assert publication_date("T\nBAMAKO, May 22, 2014 (Reuters) - Rebels").day == dt.date(2014, 5, 22)
    assert publication_date("T\nMarch 12, 2022\ntext").day == dt.date(2022, 3, 12)
    assert publication_date("T\nHuman Rights Watch\nApril 5, 2022 12:00AM EDT\n").day == dt.date(2022, 4, 5)
    assert publication_date("T\nLast updated 3 June 2020\nOn 5 June 2016, MNLA fighters attacked") is None


def test_a_weekday_is_the_last_one_on_or_before_the_publication_date():
    sunday = dt.date(2022, 3, 13)
    assert day_counted_back("ont attaqué samedi le village", sunday)[0].start == "2022-03-12"
    assert day_counted_back("attacked on Sunday", sunday)[0].start == "2022-03-13"
    assert day_counted_back("hier soir", sunday)[0].start == "2022-03-12"
    assert day_counted_back("nothing relative here", sunday) is None


def test_a_wire_story_gives_its_day_its_sides_and_each_claim_with_its_speaker():
    [event] = parse_file(ARTICLES / "news_wire_kidal.txt").events
    assert (event.start_date, event.place, event.sides) == ("2014-05-21", "Kidal", [["Mali"], ["MNLA"]])
    assert {(c.kind, c.low, c.claimed_by) for c in event.claims} == {
        ("killed", 40, "Mossa Ag Attaher (MNLA)"), ("captured", 70, "Mossa Ag Attaher (MNLA)"),
        ("killed", 20, "Malian government"), ("injured", 30, "Malian government")}


def test_a_french_page_counts_samedi_back_from_its_publication_line():
    [event] = parse_file(ARTICLES / "news_fr_menaka.txt").events
    assert event.start_date == "2022-03-12" and event.sides == [["Mali"], ["ISGS"]]
    assert {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims} == {
        ("civilian", "killed", 15, "sources locales"), ("b", "killed", 8, "Mali"), ("unknown", "killed", 22, "MSA")}


def test_agency_first_and_title_case_datelines_date_a_copy():
    assert publication_date("T\n(ANSA) - BAMAKO, 10 FEB 2023 - Almeno dodici").day == dt.date(2023, 2, 10)
    assert publication_date("T\nBamako, 3 jul 2022 (EFE).- Al menos quince").day == dt.date(2022, 7, 3)


def test_an_italian_wire_is_placed_by_a_gao_and_a_spanish_one_not_in_the_country_its_title_ends_on():
    [italian] = parse_file(ARTICLES / "news_it_gao.txt").events
    assert (italian.start_date, italian.place, italian.sides) == ("2023-02-10", "Gao", [["Mali"], ["ISGS"]])
    [spanish] = parse_file(ARTICLES / "news_es_boulkessi.txt").events
    assert (spanish.start_date, spanish.place, spanish.sides) == ("2022-07-03", "Boulkessi", [["Mali"], ["JNIM"]])


def test_the_army_of_a_copy_about_mali_is_malis_beside_the_allies_it_names():
    [event] = parse_file(ARTICLES / "news_en_ber.txt").events
    assert (event.start_date, event.place, event.sides) == ("2023-08-13", "Ber", [["Mali", "Wagner Group"], ["CMA"]])
    assert ("a", "killed", 17, "CMA") in {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims}


def test_a_copy_with_no_date_says_what_its_lead_lacks():
    parsed = parse_article("Rebels attack\n\nBamako, 3 jul (EFE).- Rebels attacked a camp in Boulkessi on Sunday, "
                           "the army said in a statement issued to the press.", "efe.txt")
    assert parsed.events == []
    assert [p.reason.split("and ")[-1] for p in parsed.problems] == ["the lead gives no date"]


def test_wire_copies_in_other_languages_give_each_claim_with_its_source():
    [italian] = parse_file(ARTICLES / "news_it_gao.txt").events
    assert [(c.side, c.kind, c.low, c.high, c.claimed_by) for c in italian.claims] == [
        ("civilian", "killed", 12, None, "fonti della sicurezza")]
    [spanish] = parse_file(ARTICLES / "news_es_boulkessi.txt").events
    assert [(c.side, c.kind, c.low, c.claimant_org) for c in spanish.claims] == [
        ("a", "killed", 15, "Mali"), ("a", "injured", 10, "Mali"), ("a", "killed", 40, "JNIM"), ("b", "killed", 20, "")]
    [german] = parse_file(ARTICLES / "news_de_ogossagou.txt").events
    assert (german.start_date, german.place) == ("2020-02-14", "Ogossagou")
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in german.claims] == [("civilian", "killed", 30, "Behörden")]


def test_a_saved_news_page_is_dated_from_its_head_and_read_without_its_menus():
    parsed = parse_file(ARTICLES / "news_page_boulkessi.html")
    [event] = parsed.events
    assert parsed.shape == "html lead-only"
    assert (event.title, event.start_date, event.place) == (
        "Mali: Jihadists kill 20 soldiers near Boulkessi", "2022-07-02", "Boulkessi")  # "on Saturday" before the 3rd
    assert event.sides == [["Mali"], ["JNIM"]]
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in event.claims] == [
        ("a", "killed", 20, "army"), ("a", "killed", 40, "JNIM"), ("b", "killed", 15, "army")]
    assert "Home" not in event.summary and "©" not in " ".join(t for _, t in event.sections)


def test_a_copy_broken_into_lines_of_72_reads_as_the_same_story():
    [whole] = parse_file(ARTICLES / "news_wire_kidal.txt").events
    [wrapped] = parse_file(ARTICLES / "news_wire_kidal_wrapped.txt").events
    assert (wrapped.title, wrapped.start_date, wrapped.place, wrapped.sides) == (
        whole.title, whole.start_date, whole.place, whole.sides)
    assert {(c.kind, c.low, c.claimed_by) for c in wrapped.claims} == {(c.kind, c.low, c.claimed_by) for c in whole.claims}


def test_lines_that_are_their_own_are_not_joined():
    page = "\n".join(["Battle of Kidal", "Date", "17–21 May 2014", "Location", "Kidal, Mali", "",
                      "- first item of a list that is long enough to reach the width of the text here",
                      "- second item of a list that is long enough to reach the width of the text"] * 3)
    assert unwrapped(page) == page


def test_a_pdfs_text_loses_its_page_breaks_and_page_numbers():
    lines = (ARTICLES / "news_wire_kidal_wrapped.txt").read_text(encoding="utf-8").split("\n")
    pdf = "\n".join(lines[:12]) + "\n\n- 1 -\n\f" + "\n".join(lines[12:]) + "\nPage 2 of 2\n"
    assert "\f" not in unwrapped(pdf) and "Page 2 of 2" not in unwrapped(pdf) and "- 1 -" not in unwrapped(pdf)
    [event] = parse_article(pdf, "wire.pdf.txt").events
    assert {(c.kind, c.low) for c in event.claims} == {("killed", 40), ("captured", 70), ("killed", 20), ("injured", 30)}


def test_a_factiva_export_is_read_from_its_story_not_its_header_and_counts_saturday_back():
    parsed = parse_file(ARTICLES / "press_factiva_menaka.txt")
    [event] = parsed.events
    assert (event.start_date, event.place, event.sides) == ("2022-06-11", "Ménaka", [["Mali"], ["ISGS"]])
    assert event.summary.startswith("BAMAKO, June 12, 2022 (AFP) - At least 20 Malian soldiers")
    assert "Document AFPR" not in event.summary and "412 words" not in event.summary
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in event.claims] == [("a", "killed", 20, "army")]


def test_a_nexis_export_keeps_its_body_and_leaves_its_load_date_and_end_of_document_out():
    [event] = parse_file(ARTICLES / "press_nexis_kidal.txt").events
    assert (event.start_date, event.place) == ("2023-11-14", "Kidal")  # "on Tuesday", published Tuesday 14 November
    assert event.sides == [["Mali", "Wagner Group"], ["CSP"]]
    assert event.summary.startswith("The Malian army and its Wagner allies")
    assert all(word not in event.summary for word in ("Load-Date", "End of Document", "Length:", "Copyright"))
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in event.claims] == [("b", "killed", 4, "CSP spokesman (CSP)")]


def test_a_copy_without_a_databases_lines_is_left_as_it_is():
    assert is_press_export(page_rows((ARTICLES / "press_nexis_kidal.txt").read_text(encoding="utf-8")))
    assert not is_press_export(page_rows((ARTICLES / "news_wire_kidal.txt").read_text(encoding="utf-8")))


def test_a_copied_post_is_dated_by_its_signature_and_its_hashtags_read_as_names():
    assert publication_date("post\n10:42 AM · Jul 27, 2024 · 12.3K Views").day == dt.date(2024, 7, 27)
    parsed = parse_file(ARTICLES / "post_fr_tinzaouaten.txt")
    [event] = parsed.events
    assert (event.start_date, event.place) == ("2024-07-27", "Tinzaouaten")  # "#Tinzaouaten"
    assert event.sides == [["Mali", "Wagner Group"], ["CSP"]]
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in event.claims] == [
        ("a", "killed", 47, "CSP"), ("a", "killed", 84, "CSP")]  # "Selon le CSP, 47 soldats maliens et 84 …"
    assert "no title found; named after the file" in [p.reason for p in parsed.problems]


def test_a_hashtag_reads_as_its_word_and_a_link_fragment_or_entity_is_left_alone():
    from dashboard.text.social import without_hashtag_marks

    assert without_hashtag_marks("combats à #Tinzaouaten entre les #FAMa") == "combats à Tinzaouaten entre les FAMa"
    assert without_hashtag_marks("see page#History, &#39;quoted&#39; # Heading") == \
        "see page#History, &#39;quoted&#39; # Heading"
