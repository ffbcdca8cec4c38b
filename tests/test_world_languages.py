"""Copies of the war's Wikipedia pages and news in languages beyond the corpus's (Polish, Czech, Turkish, Ukrainian,
Catalan, Japanese, Hungarian, Finnish, Indonesian, Romanian, Korean, Persian, Swedish) and an AP wire: read by the same structure (a flattened infobox, a lead), with the
labels, months, case endings, party names and casualty words of each language."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.casualties.body import body_claims
from dashboard.ingest.control import read_control
from dashboard.ingest.names import place_from_title
from dashboard.ingest.parse import parse_article, parse_file
from dashboard.parties.names import canonical_party
from dashboard.places.gazetteer import Gazetteer
from dashboard.text.markup import is_chrome, without_images

ARTICLES = Path(__file__).parent / "articles"
GAZETTEER = Gazetteer.from_csv(Path(__file__).parents[1] / "data" / "gazetteer.csv")


def _sides(event) -> list[set[str]]:
    return [{canonical_party(p) for p in side} for side in event.sides if side]


def _placed(event) -> str | None:
    found = GAZETTEER.match(event.place)
    return found.place.name if found else None


# file, start, end, the gazetteer's place, sides
PAGES = [
    ("pl_tabs_bitwa_o_konne.txt", "2013-01-10", "2013-01-17", "Konna",
     [{"Mali", "France"}, {"Ansar Dine", "AQIM", "MOJWA"}]),
    ("cs_tabs_bitva_o_timbuktu.txt", "2013-03-20", "2013-03-21", "Timbuktu", [{"France", "Mali"}, {"MOJWA"}]),
    ("tr_tabs_kidal_muharebesi.txt", "2014-05-17", "2014-05-21", "Kidal", [{"Mali"}, {"MNLA", "HCUA", "MAA"}]),
    ("uk_tabs_napad_na_boulkessi.txt", "2019-09-30", "2019-10-01", "Boulikessi", [{"Mali"}, {"JNIM", "Ansarul Islam"}]),
    ("ca_tabs_batalla_de_gao.txt", "2012-06-26", "2012-06-27", "Gao", [{"MNLA"}, {"MOJWA", "AQIM"}]),
    ("ja_tabs_konna.txt", "2013-01-10", "2013-01-17", "Konna", [{"Mali", "France"}, {"Ansar Dine", "AQIM", "MOJWA"}]),
    ("hu_tabs_kidali_csata.txt", "2014-05-17", "2014-05-21", "Kidal", [{"Mali"}, {"MNLA", "HCUA", "MAA"}]),
    ("fi_tabs_konnan_taistelu.txt", "2013-01-10", "2013-01-17", "Konna",
     [{"Mali", "France"}, {"Ansar Dine", "AQIM", "MOJWA"}]),
    ("id_tabs_pertempuran_gao.txt", "2012-06-26", "2012-06-27", "Gao", [{"MNLA"}, {"MOJWA", "AQIM"}]),
    ("ro_tabs_batalia_de_la_konna.txt", "2013-01-10", "2013-01-17", "Konna",
     [{"Mali", "France"}, {"Ansar Dine", "AQIM", "MOJWA"}]),
    ("ko_tabs_kidal.txt", "2014-05-17", "2014-05-21", "Kidal", [{"Mali"}, {"MNLA", "HCUA", "MAA"}]),  # "말리 키달"
    ("fa_tabs_nabard_konna.txt", "2013-01-10", "2013-01-17", "Konna", [{"Mali", "France"}, {"Ansar Dine", "AQIM"}]),
]


@pytest.mark.parametrize("name, start, end, place, sides", PAGES, ids=[p[0] for p in PAGES])
def test_a_wikipedia_copy_in_another_language_gives_its_dates_place_and_sides(name, start, end, place, sides):
    [event, *_] = parse_file(ARTICLES / name).events
    assert (event.start_date, event.end_date) == (start, end)
    assert _placed(event) == place
    assert _sides(event) == sides


@pytest.mark.parametrize("name, claim", [
    ("pl_tabs_bitwa_o_konne.txt", ("b", "killed", 100, "Mali")),  # "100 zabitych (według Mali)", and the body's
    ("tr_tabs_kidal_muharebesi.txt", ("a", "killed", 50, "MNLA")),  # "50 ölü (MNLA'ya göre)"
    ("tr_tabs_kidal_muharebesi.txt", ("a", "injured", 40, "")),  # "40 yaralı"
    ("cs_tabs_bitva_o_timbuktu.txt", ("b", "killed", 21, "")),  # "21 mrtvých"
    ("uk_tabs_napad_na_boulkessi.txt", ("a", "killed", 40, "Mali")),  # "(за даними уряду)": the government, Mali
    ("uk_tabs_napad_na_boulkessi.txt", ("a", "killed", 25, "Mali")),  # "За даними уряду Малі, загинули 25 військових"
    ("ca_tabs_batalla_de_gao.txt", ("a", "killed", 35, "MNLA")),  # "35 morts (segons el MNLA)"
    ("ja_tabs_konna.txt", ("b", "killed", 100, "Mali")),  # "100人死亡（マリ政府発表）"
    ("hu_tabs_kidali_csata.txt", ("a", "killed", 50, "MNLA")),  # "50 halott (az MNLA szerint)"
    ("fi_tabs_konnan_taistelu.txt", ("b", "killed", 100, "Mali")),  # "(Malin armeijan mukaan)"
    ("id_tabs_pertempuran_gao.txt", ("a", "killed", 35, "MNLA")),  # "35 tewas (menurut MNLA)"
    ("ro_tabs_batalia_de_la_konna.txt", ("b", "killed", 100, "Mali")),  # "(conform armatei maliene)"
    ("ko_tabs_kidal.txt", ("a", "killed", 50, "MNLA")),  # "50명 사망 (MNLA 주장)"
    ("fa_tabs_nabard_konna.txt", ("b", "killed", 100, "")),  # "۱۰۰ کشته"
])
def test_casualties_in_another_language_give_the_kind_and_the_claimants_party(name, claim):
    [event, *_] = parse_file(ARTICLES / name).events
    assert claim in {(c.side, c.kind, c.low, c.claimant_org) for c in event.claims}


@pytest.mark.parametrize("sentence, claim", [
    ("В результате атаки погибли 42 военнослужащих, сообщило правительство страны.", ("a", "killed", 42, "Mali")),
    ("W walkach zginęło 20 żołnierzy, poinformowała armia.", ("a", "killed", 20, "Mali")),
    ("MSA uppgav att 30 av dess kämpar dödades.", ("a", "killed", 30, "MSA")),  # its own fighters
    ("Saldırıda 15 asker öldü.", ("a", "killed", 15, "")),
    ("Hyökkäyksessä kuoli 10 sotilasta.", ("a", "killed", 10, "")),
    ("Enligt lokala källor dödades minst 100 civila.", ("civilian", "killed", 100, "")),
])
def test_a_sentence_in_another_language_states_its_figure_with_its_side_and_speaker(sentence, claim):
    found = body_claims(sentence, [], [["Mali", "MSA", "GATIA"], ["ISGS"]], "2022-03-08")
    assert claim in {(c.side, c.kind, c.low, c.claimant_org) for c in found}


@pytest.mark.parametrize("name", ["fi_tabs_konnan_taistelu.txt", "ro_tabs_batalia_de_la_konna.txt",
                                  "id_tabs_pertempuran_gao.txt"])
def test_a_short_lead_straight_after_the_losses_is_no_casualty_figure(name):
    [event] = parse_file(ARTICLES / name).events
    assert all(c.kind != "unknown" for c in event.claims)  # not "2013 Konnan kaupungissa" nor "10 și 17 ianuarie"
    assert {c.claimant_org for c in event.claims if c.claimed_by} <= {"Mali", "MNLA"}  # "armatei maliene": Mali's


def test_a_japanese_lead_is_prose_not_a_casualty_cell():
    [event] = parse_file(ARTICLES / "ja_tabs_konna.txt").events
    assert all(c.low != 2013 for c in event.claims)  # "2013年1月10日から17日にかけて" is the date, no toll
    assert {c.claimant_org for c in event.claims if c.claimed_by} == {"Mali"}  # マリ政府: Mali's government


def test_a_swedish_lead_gives_the_parties_by_their_camps_when_its_verbs_are_not_read():
    [event] = parse_file(ARTICLES / "lead_only_sv_menaka.txt").events
    assert _sides(event) == [{"MSA", "GATIA"}, {"ISGS"}]  # "i östra Mali" is the place, not the army
    assert event.start_date.startswith("2022-03")
    assert _placed(event) == "Ménaka"  # the title's "mot Ménaka": the lead's village Tamalat is no gazetteer place


def test_an_ap_wire_names_the_suspected_group_in_its_third_paragraph():
    [event] = parse_file(ARTICLES / "news_ap_tessit.txt").events
    assert _sides(event) == [{"Mali"}, {"ISGS"}]
    assert event.place == "Tessit"
    claims = {(c.side, c.kind, c.low, c.claimant_org) for c in event.claims}
    # "…killed 42 soldiers …, the government said Wednesday, in one of the deadliest attacks": "deadliest" counts
    # nobody, so the government still states the 42
    assert ("a", "killed", 42, "Mali") in claims
    assert ("a", "injured", 22, "Mali") in claims


@pytest.mark.parametrize("written, place", [
    ("Kidalu", "Kidal"), ("Konnę", "Konna"), ("Konnie", "Konna"), ("Gao'da", "Gao"), ("Tessalitu", "Tessalit"),
    ("Кідалі", "Kidal"), ("Тимбукту", "Timbuktu"), ("Менака", "Ménaka"), ("Булкессі", "Boulikessi"),
    ("Ménakaregionen", "Ménaka"), ("Timbuktu'da", "Timbuktu"),
])
def test_a_place_written_with_a_case_ending_or_in_cyrillic_is_found(written, place):
    assert GAZETTEER.match(written).place.name == place


@pytest.mark.parametrize("word", ["Gaou", "Malian", "Times", "Berlin", "Mopti's"])
def test_a_word_that_only_looks_inflected_is_no_other_place(word):
    found = GAZETTEER.match(word)
    assert found is None or found.place.name == word.replace("'s", "")


@pytest.mark.parametrize("name, start, end, place, sides, claim", [
    # "{{Konflikt zbrojny infobox |czas= |miejsce= |strona1= …}}": an infobox by its keys, whatever its name
    ("pl_wikitext_tessalit.wiki", "2012-02-11", "2012-03-10", "Tessalit", [{"Mali"}, {"MNLA", "Ansar Dine"}],
     ("a", "killed", 50, "MNLA")),
    ("tr_wikitext_konna.wiki", "2013-01-10", "2013-01-17", "Konna", [{"Mali", "France"}, {"Ansar Dine", "AQIM", "MOJWA"}],
     ("b", "killed", 100, "Mali")),
])
def test_wikitext_of_another_wiki_is_read_by_its_template_keys(name, start, end, place, sides, claim):
    [event] = parse_file(ARTICLES / name).events
    assert (event.start_date, event.end_date, _placed(event), _sides(event)) == (start, end, place, sides)
    assert claim in {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims}


@pytest.mark.parametrize("name, day, place, sides", [
    ("news_de_dw_gao.txt", "2024-03-11", "Gao", [{"Mali"}, {"JNIM"}]),  # "Datum 12.03.2024" … "am Montag"
    ("news_pl_kidal.txt", "2023-11-14", "Kidal", [{"Mali", "Wagner Group"}, {"CSP"}]),  # "Opublikowano:" … "we wtorek"
    ("news_ru_tessit.txt", "2022-08-07", "Tessit", [{"Mali"}, {"ISGS"}]),  # "Опубликовано:" … "в воскресенье"
])
def test_a_news_copy_in_another_language_counts_its_weekday_back_from_its_publication_line(name, day, place, sides):
    [event] = parse_file(ARTICLES / name).events
    assert (event.start_date, _placed(event), _sides(event)) == (day, place, sides)


def test_a_place_word_inside_a_groups_name_is_not_the_place():
    [event] = parse_file(ARTICLES / "news_ru_tessit.txt").events
    assert event.place == "Тессит"  # "в районе Тессит", not "в Большой Сахаре" of the Islamic State's name


@pytest.mark.parametrize("title, lead, holders, previous", [
    ("Odbicie Kidalu (2023)", "Armia Mali i Grupa Wagnera przejęły kontrolę nad miastem Kidal 14 listopada 2023 roku.",
     ["Mali", "Wagner Group"], []),
    ("Взятие Кидаля (2023)", "14 ноября 2023 года малийская армия и группа Вагнера взяли под контроль город Кидаль, "
                             "после того как повстанцы CSP покинули город.", ["Mali", "Wagner Group"], ["CSP"]),
    ("Захоплення Кідаля (2023)", "14 листопада 2023 року малійська армія та група Вагнера захопили місто Кідаль.",
     ["Mali", "Wagner Group"], []),
    # Swedish and Norwegian put the verb second, after an opening date, as German does
    ("Intagandet av Kidal (2023)", "Den 14 november 2023 intog Malis armé och Wagnergruppen staden Kidal.",
     ["Mali", "Wagner Group"], []),
    ("Erobringen av Kidal (2023)", "Den 14. november 2023 inntok Malis hær og Wagner-gruppen byen Kidal.",
     ["Mali", "Wagner Group"], []),
])
def test_a_lead_in_another_language_gives_the_change_of_control_of_its_town(title, lead, holders, previous):
    [event] = parse_article(f"{title}\n\n{lead}\n", "lead.txt").events
    assert event.start_date == "2023-11-14"
    [change] = read_control(event, GAZETTEER)
    assert (change.change, change.place, change.holder_parties, change.previous_parties) == (
        "took", "Kidal", holders, previous)


def test_a_short_news_page_source_is_read_as_html_with_its_headline_day_and_claims():
    [event] = parse_file(ARTICLES / "news_page_short_menaka.html").events
    assert event.title == "Mali attack: Dozens of civilians killed near Ménaka"  # not "<main><article><h1>…"
    assert event.start_date == "2022-03-08"  # "on Tuesday", counted back from its <time> of 10 March 2022
    assert _sides(event) == [{"MSA"}, {"ISGS"}]  # "Mali attack:" is where, not who
    claims = {(c.side, c.kind, c.low, c.claimed_by) for c in event.claims}
    assert ("civilian", "killed", 30, "") in claims and ("a", "killed", 15, "MSA") in claims  # "15 of its fighters"


def test_a_post_gives_the_figures_its_verbs_follow_with_no_auxiliary():
    [event] = parse_file(ARTICLES / "post_en_gao_strike.txt").events
    assert (event.start_date, event.place, _sides(event)) == ("2024-06-05", "Gao", [{"Mali"}, {"JNIM"}])
    claims = {(c.side, c.kind, c.low) for c in event.claims}
    assert claims >= {("b", "killed", 12), ("b", "vehicles destroyed", 4)}  # "12 terrorists neutralized, 4 vehicles…"


@pytest.mark.parametrize("name, day, place, sides, claim", [
    # A French page machine-translated: "Issue" became "Wydanie"/"Ausgabe", "Forces en présence" "Siły obecne"
    ("pl_frwiki_tenenkou.txt", "2015-01-16", "Ténenkou", [{"Mali"}, {"Katiba Macina"}], ("b", "killed", 10, "")),
    ("de_frwiki_lere.txt", "2015-04-29", "Léré", [{"Mali"}, {"CMA"}], ("b", "killed", 5, "Mali")),
])
def test_a_machine_translated_french_page_is_read_by_its_translated_labels(name, day, place, sides, claim):
    [event] = parse_file(ARTICLES / name).events
    assert (event.start_date, _placed(event), _sides(event)) == (day, place, sides)
    assert event.result in ("Malijskie zwycięstwo", "Malischer Sieg")
    assert claim in {(c.side, c.kind, c.low, c.claimant_org) for c in event.claims}


def test_a_saved_feed_gives_one_event_per_story_with_the_day_counted_back_from_its_date():
    parsed = parse_file(ARTICLES / "feed_rss_sahel.xml")
    assert parsed.shape == "feed"
    got = [(e.title, e.start_date, e.place, _sides(e)) for e in parsed.events]
    assert got == [
        ("Mali: JNIM claims attack on army post near Boni", "2023-02-13", "Boni", [{"Mali"}, {"JNIM"}]),  # "on Monday"
        ("Mali: rebels say they seized army base in Ber", "2023-08-13", "Ber", [{"Mali", "Wagner Group"}, {"CMA"}]),
    ]
    assert ("a", "killed", 8, "security sources") in {(c.side, c.kind, c.low, c.claimed_by)
                                                      for c in parsed.events[0].claims}


def test_a_saved_web_archive_is_decoded_from_quoted_printable():
    parsed = parse_file(ARTICLES / "archive_fr_boulkessi.mht")
    [event] = parsed.events
    assert (event.title, event.start_date, event.place) == (
        "Attaque contre le camp de Boulkessi", "2025-06-01", "Boulkessi")
    assert ("killed", 30, "armée") in {(c.kind, c.low, c.claimed_by) for c in event.claims}  # "ont =C3=A9t=C3=A9 tu=C3=A9s"


@pytest.mark.parametrize("title, place", [
    ("Bitwa o Konnę", "Konnę"), ("Напад на Булкессі (2019)", "Булкессі"), ("Bătălia de la Konna", "Konna"),
    ("Anfallet mot Ménaka 2022", "Ménaka"), ("Kidal Muharebesi (2014)", "Kidal"), ("Konnan taistelu", "Konnan"),
    ("키달 전투 (2023년)", "키달"), ("コンナの戦い", "コンナ"), ("基达尔战役 (2023年)", "基达尔"),
    ("Боевики атаковали военный лагерь в Мали, погибли 42 военных", ""),  # a headline, not "Battle of X"
    ("Kidal talks (2023)", ""),
])
def test_the_place_a_title_names_beside_its_event_word_in_any_language(title, place):
    assert place_from_title(title) == place


@pytest.mark.parametrize("name", ["lead_only_ja_kidal_2023.txt", "lead_only_zh_kidal_2023.txt"])
def test_a_lead_in_a_script_without_spaces_gives_its_date_place_and_the_parties_it_names(name):
    [event] = parse_file(ARTICLES / name).events
    assert (event.start_date, _placed(event), _sides(event)) == (
        "2023-11-14", "Kidal", [{"Mali", "Wagner Group"}, {"MNLA"}])


@pytest.mark.parametrize("cell, left", [
    ("Flaga Mali Mali", "Mali"), ("Vlajka Mali Mali", "Mali"), ("Прапор Малі Малі", "Малі"),
    ("Mali bayrağı Mali", "Mali"), ("Malis flagga Mali", "Mali"), ("Malin lippu Mali", "Mali"),
    ("マリの国旗 マリ", "マリ"), ("French flag.svg France", "France"), ("Mali\tMNLA", "Mali\tMNLA"),
])
def test_a_flag_caption_in_another_language_leaves_only_the_party(cell, left):
    assert without_images(cell).strip() == left


@pytest.mark.parametrize("line", ["Z Wikipedii, wolnej encyklopedii", "Vikipedi, özgür ansiklopedi", "Wikipediasta",
                                  "出典: フリー百科事典『ウィキペディア（Wikipedia）』", "위키백과, 우리 모두의 백과사전."])
def test_another_wikis_own_line_is_chrome(line):
    assert is_chrome(line)


def test_running_text_finds_no_town_in_a_word_that_only_looks_inflected():
    text = "Según el ejército, Amadou Sangaré y sus hombres atacaron Kidalu."
    assert [m.place.name for m in GAZETTEER.mentions(text)] == []  # a query "Kidalu" is Kidal; free text is stricter
    assert GAZETTEER.match("Según") is None
