"""The reader's steps on small pieces of real page layouts: labels wherever they stand (labels), rows of pipe and
tab tables (rows), the infobox's extent and rows whose label was lost (blocks), flags and chrome (text.markup)."""
from __future__ import annotations

import pytest

from dashboard.ingest.layout import read_article
from dashboard.ingest.layout.blocks import find_infobox
from dashboard.ingest.layout.labels import match_label
from dashboard.ingest.layout.rows import page_rows
from dashboard.text.markup import image_names, is_chrome, without_images, without_page_marks


@pytest.mark.parametrize("line, key, rest", [
    ("Date17–25 January 2012", "date", "17–25 January 2012"),
    ("LocationMénaka, Mali", "place", "Ménaka, Mali"),
    ("Result French-Malian Victory[1]", "result", "French-Malian Victory[1]"),
    ("Status", "result", ""),
    ("Lieu Léré", "place", "Léré"),
    ("Issue Victoire malienne", "result", "Victoire malienne"),
    ("Belligérants", "combatant", ""),
    ("Risultato Indeciso", "result", "Indeciso"),
    ("Esito", "result", ""),
    ("Resultado", "result", ""),
    ("Итог", "result", ""),
    ("Место расположения", "place", ""),
    ("Датировано", "date", ""),
    ("Part of the Northern Mali conflict", "part_of", "the Northern Mali conflict"),
    ("Casualties and losses", "casualties", ""),
    ("Perpetrators", "perpetrator", ""),
    ("Date: 30 March 2013", "date", "30 March 2013"),
    ("日期2014年5月17日", "date", "2014年5月17日"),
])
def test_a_label_is_found_on_its_own_line_glued_or_after_a_colon(line, key, rest):
    match = match_label(line)
    assert (match.key, match.rest) == (key, rest)


@pytest.mark.parametrize("line", ["Forces armées maliennes", "Dateline", "Location within Niger", "Pertesquelque",
                                  "Conflit malien de 2012-2013", "The battle took place in 2013."])
def test_words_that_only_begin_like_a_label_are_not_one(line):
    assert match_label(line) is None or match_label(line).key == "coordinates"


def filled_rows(text):
    return [row for row in page_rows(text) if not row.blank]


def test_pipe_rows_keep_their_cells_across_wrapped_lines_and_leading_pipes():
    konna = filled_rows("Strength | |||||||\n2,000 Malian soldiers, 30 vehicles\n| 1,200 fighters [6] | ||||||\n")
    assert [r.cells for r in konna] == [["Strength"], ["2,000 Malian soldiers, 30 vehicles", "1,200 fighters [6]"]]
    tarkint = filled_rows("| Casualties and losses | |||||||\n|\n29 killed 5 wounded[2] | Unknown | ||||||\n|---|---|\n")
    assert [r.cells for r in tarkint] == [["Casualties and losses"], ["29 killed 5 wounded[2]", "Unknown"]]


def test_a_browser_copy_separates_cells_with_tabs():
    rows = filled_rows("Belligerents\n Mali\n Wagner Group\t CSP-PSD\n JNIM\n")
    assert [(r.table, r.cells) for r in rows] == [(False, ["Belligerents"]), (False, [" Mali"]),
                                                   (True, ["Wagner Group", "CSP-PSD"]), (False, [" JNIM"])]


def test_site_chrome_edit_links_emoji_and_broken_templates_leave_the_words():
    for line in ("Last updated", "From Wikipedia, the free encyclopedia", "fro' Wikipedia, the free encyclopedia",
                 "251,268 Pages", "Ceci est une version archivée de cette page, en date du 9 mars 2013 à 16:22",
                 "Battle of In Khalil is located in Mali", "Géolocalisation sur la carte : Mali", "Jump to content",
                 without_page_marks("Accueil🇫🇷Chercher")):
        assert is_chrome(line), line
    assert not is_chrome("The Battle of Konna was a battle in the Northern Mali Conflict.")
    assert without_page_marks("[edit]In March 2022").strip() == "In March 2022"
    assert without_page_marks("[edit | edit source]On the morning").strip() == "On the morning"
    assert without_page_marks("Le Année invalide (mars), les forces").split() == ["Le", ",", "les", "forces"]


@pytest.mark.parametrize("text, names, left", [
    ("Flag of Mali.svg Mali Flag of Jihad.svg JNIM", ["Flag of Mali.svg", "Flag of Jihad.svg"], "Mali JNIM"),
    ("Flag of Mali.svg Mali AQMI Flag asymmetric.svg JNIM", ["Flag of Mali.svg", "AQMI Flag asymmetric.svg"], "Mali JNIM"),
    ("GATIA flag.svg El Hadj Ag Gamou", ["GATIA flag.svg"], "El Hadj Ag Gamou"),
    ("Drapeau du Mali Mali CMA", ["Drapeau du Mali"], "Mali CMA"),
    ("Drapeau de la France Frankreich", ["Drapeau de la France"], "Frankreich"),
    ("Bandiera delle Nazioni Unite.svg MINUSMA Bandiera della Francia Francia ShababFlag.svg Gruppo",
     ["Bandiera delle Nazioni Unite.svg", "Bandiera della Francia", "ShababFlag.svg"], "MINUSMA Francia Gruppo"),
    ("File:Flag of Mali.svg Mali", ["File:Flag of Mali.svg"], "Mali"),
    ("![]() |", ["![]()"], "|"),
    ("Bandera de Azawad MNLA", ["Bandera de Azawad"], "MNLA"),
])
def test_image_names_and_flag_captions_are_found_and_leave_the_party(text, names, left):
    assert [text[i.start:i.end] for i in image_names(text)] == names
    assert " ".join(without_images(text).split()) == left


def test_rows_that_lost_their_label_are_read_as_the_kind_their_words_show():
    article = read_article("Combat de Ténenkou\nDate | |\n---|---|\nLieu | Ténenkou |\nIssue | Victoire malienne |\n"
                           "Mali | CMA |\nInconnues | ~ 100 hommes |\n1 mort 3 blessés (selon le Mali) |\n"
                           "10 morts (selon le Mali) |\nBatailles\n- Konna\n")
    kinds = [(f.key, f.inferred) for f in article.infobox]
    assert kinds == [("date", False), ("place", False), ("result", False), ("combatant", True), ("strength", True),
                     ("casualties", True)]
    assert article.infobox[3].cells == ["Mali", "CMA"]
    assert article.infobox[5].cells == ["1 mort 3 blessés (selon le Mali)", "10 morts (selon le Mali)"]
    assert any("had no label" in note for note in article.notes)


def test_the_infobox_ends_where_its_values_do_not_go_on():
    rows = page_rows("Pertes\nDrapeau du Mali\n4 blessés[1]\n\n~ 10 morts[1]\n\nConflit malien de 2012-2013\n\n"
                     "Batailles\n\nLe combat de l'oued de Tin Keraten se déroule pendant l'intervention militaire de "
                     "2013 au Mali, entre les forces maliennes et françaises et les jihadistes.\n")
    box = find_infobox(rows[:0] + page_rows("Date\n\nLieu Tin Keraten\n") + rows)
    assert box is not None and box.fields[-1].value == "Drapeau du Mali\n4 blessés[1]\n\n~ 10 morts[1]"


def test_a_lone_label_in_prose_is_not_an_infobox():
    assert find_infobox(page_rows("Date\nThe talks resumed in Algiers on 5 June, the ministry said in a statement "
                                  "that was read on the radio the same evening.\n")) is None


def test_markdown_copy_becomes_the_text_a_reader_sees():
    from dashboard.ingest.layout.markdown import looks_like_markdown, markdown_text
    copy = ("Title: Attack on Ber - Wikipedia\n\nURL Source: https://x.org/Ber\n\nPublished Time: 2016-06-06T10:00:00Z\n\n"
            "Markdown Content:\n| Date | 5 June 2016 |\n| --- | --- |\n\n## Attack\n\n**MNLA** fighters attacked "
            "[Ber](https://x.org/Ber \"Ber\").[[1]](#cite_note-1) ![flag](f.png)\n")
    assert looks_like_markdown(copy) and not looks_like_markdown("A plain page.\n\nWith - dashes - only.\n")
    assert markdown_text(copy).split("\n") == [
        "Attack on Ber", "", "Published: 2016-06-06", "", "Date\t5 June 2016", "", "Attack", "",
        "MNLA fighters attacked Ber.[1] flag", ""]
