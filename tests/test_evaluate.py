"""`python -m dashboard evaluate` on the real corpus (tests/corpus): what it says, and accuracy floors.

The floors are the levels the parser reached on these 24 articles; a change that reads fewer of them right fails
here. They are golden figures, not timings. Places depend on the gazetteer too (data/gazetteer.csv).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.evaluate.corpus import TruthError, evaluate_folder, fold, truth_parties

CORPUS = Path(__file__).parent / "corpus"
ARTICLES = CORPUS / "articles"
FLOORS = {"dates": (20, 20), "sides": (24, 24), "parties": (63, 65), "places": (21, 21), "claims": (88, 90)}


@pytest.fixture(scope="module")
def report():
    return evaluate_folder(ARTICLES, CORPUS / "truth.csv", CORPUS / "claims.csv")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_corpus_figure_stays_at_or_above_the_level_reached(report, name):
    right, checked = FLOORS[name]
    figure = report.figures[name]
    assert figure.checked == checked
    assert figure.right >= right, f"{name}: {figure} (was {right}/{checked})\n{report.text()}"


def test_every_corpus_article_gives_an_event_or_a_problem(report):
    assert report.silent == []
    assert len(report.articles) == 24


def test_the_report_names_what_differs_in_words_a_user_can_check(report):
    text = report.text()
    tongo = next(a for a in report.articles if a.file.startswith("15_"))
    # the casualty block that lost its side boundaries: each figure it misses named with the article's words
    assert tongo.differences and all(re.fullmatch(r"claim missing: side [12] (killed|injured) \d+ \('.+'\)", d)
                                     for d in tongo.differences)
    assert text.splitlines()[-1] == report.summary_line()
    assert report.summary_line().startswith("dates 20/20 (100%), sides 24/24 (100%)")
    assert "every party the article names" in text


def test_cli_prints_the_report_and_refuses_bad_input_with_a_message(capsys, tmp_path):
    assert main(["evaluate", str(ARTICLES), str(CORPUS / "truth.csv"), "--claims", str(CORPUS / "claims.csv")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("24 labelled articles in") and "silent" in out
    assert main(["evaluate", str(tmp_path / "nowhere"), str(CORPUS / "truth.csv")]) == 2
    assert "no such folder" in capsys.readouterr().err
    (tmp_path / "truth.csv").write_text("file,title\nx.txt,X\n", encoding="utf-8")
    assert main(["evaluate", str(ARTICLES), str(tmp_path / "truth.csv")]) == 2
    assert "lacks the column(s) start_date" in capsys.readouterr().err


def test_truth_files_are_checked_before_any_article_is_read(tmp_path):
    with pytest.raises(TruthError, match="no such file"):
        evaluate_folder(ARTICLES, tmp_path / "missing.csv")
    (tmp_path / "binary.csv").write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(TruthError, match="not a UTF-8 CSV"):
        evaluate_folder(ARTICLES, tmp_path / "binary.csv")


def test_a_users_own_labelled_articles_are_scored_by_the_same_rules(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ber.txt").write_text(
        "= Battle of Ber (user copy) =\n\nInfobox\n- Date: 11–12 August 2023\n- Place: Ber, Tombouctou Region, Mali\n"
        "- Combatant1: Mali, Wagner Group\n- Combatant2: CSP-PSD\n- Casualties1: 6 killed (per Mali)\n\nA battle.\n",
        encoding="utf-8")
    (tmp_path / "truth.csv").write_text(
        "file,start_date,end_date,side1,side2,latitude,longitude\n"
        "ber.txt,2023-08-11,2023-08-13,Mali; Wagner Group,CSP (Permanent Strategic Framework),,\n", encoding="utf-8")
    (tmp_path / "claims.csv").write_text("file,side,kind,low,high,claimed_by,text\n"
                                         "ber.txt,1,killed,6,6,Mali,6 killed\nber.txt,2,killed,3,3,,3 killed\n",
                                         encoding="utf-8")
    report = evaluate_folder(articles, tmp_path / "truth.csv", tmp_path / "claims.csv")
    assert report.summary_line() == ("dates 0/1 (0%), sides 1/1 (100%), parties 3/3 (100%), places -, "
                                     "claims 1/2 (50%), silent 0")
    [article] = report.articles
    assert article.differences[0] == "date: read 2023-08-11 to 2023-08-12, the article says 2023-08-11 to 2023-08-13"


def test_folding_and_truth_parties_follow_the_corpus_conventions():
    assert fold("Jama'at Nasr al-Islam wal Muslimin") == "jama at nasr al islam wal muslimin"
    assert truth_parties('MSA (Movement for the Salvation of Azawad); JNIM') == ["msa", "jnim"]
    assert truth_parties('ISGS (Islamic State in the Greater Sahara; "alleged ISGS fighters")') == ["isgs"]


def test_with_no_folder_it_scores_the_seeds_against_their_golden_files(capsys, tmp_path):
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    assert "total: body 58/58 (recall 100%), false 0 (precision 100%); infobox 32/32" in out
    assert "control changes: precision 100%" in out and "episodes: precision" in out
    assert main(["evaluate", "--golden", str(tmp_path)]) == 2
    assert "lacks seed_claims.csv" in capsys.readouterr().err
    assert main(["evaluate", "--seeds", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "the golden files name articles that are not in" in err and "000_e3dc056557bc1002.txt" in err
    assert main(["evaluate", str(ARTICLES)]) == 2
    assert "needs its truth CSV" in capsys.readouterr().err
