"""The scores of control changes and episodes against the golden files (dashboard/evaluate/control.py)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dashboard.evaluate.control import _left_open, _rows, evaluate_control, score_control, score_episodes
from dashboard.model import ControlChange, Episode

GOLDEN = Path(__file__).resolve().parent / "golden"
ROOT = Path(__file__).resolve().parent.parent


def test_the_seeds_score_as_measured():
    report = evaluate_control(ROOT / "seeds", GOLDEN, ROOT / "data" / "gazetteer.csv")
    control, episodes = report.control, report.episodes
    assert (control.expected, control.matched, control.extra, control.negatives) == (27, 26, [], [])
    assert control.precision == 1.0 and control.agreement["who took or held it"] == [26, 26]
    assert (episodes.expected, episodes.matched) == (32, 32) and episodes.negatives == []
    # The two extras are the July 11 and 13 press releases the golden README leaves open without quoting them.
    assert [e["date_start"] for e in episodes.extra] == ["2014-07-11", "2014-07-13"]
    assert "control changes: precision 100% (26 of 26), recall 96% (26 of 27)" in report.text()


def test_a_change_the_text_does_not_state_counts_against_precision_and_is_named_on_a_negative():
    golden = _rows(GOLDEN / "seed_control.csv")
    negatives = _rows(GOLDEN / "seed_negatives.csv")
    visit = "On 17 May 2014, Moussa Mara, the Malian prime minister came to visit Kidal."
    wrong = ControlChange("ev", "003_499888a3b842d896.txt", "body", "", visit, "took", "Kidal", "Kidal",
                          holder_parties=["Mali"])
    score = score_control([wrong], golden, negatives)
    assert (score.found, score.matched, score.precision, len(score.negatives)) == (1, 0, 0.0, 1)


def test_the_same_sentence_at_another_place_or_of_another_kind_does_not_match():
    golden = _rows(GOLDEN / "seed_control.csv")
    row = next(r for r in golden if r["sentence"].startswith("The Malian Army seized control of Kidal"))
    right = ControlChange("ev", row["source_file"], "body", "Battle", row["sentence"], "took", "Kidal", "Kidal",
                          date_start="2023-11-14", date_end="2023-11-14", holder_parties=["Mali"])
    assert score_control([right], [row]).matched == 1
    assert score_control([replace(right, place="Anéfis", place_as_written="Anefis")], [row]).matched == 0
    assert score_control([replace(right, change="abandoned")], [row]).matched == 0


def test_episodes_match_on_sentence_and_date():
    golden = _rows(GOLDEN / "seed_episodes.csv")
    row = next(r for r in golden if r["date_as_written"] == "on November 26")
    episode = Episode("ev", row["source_file"], "body", "Aftermath", row["sentence"], 0, "2023-11-26", "2023-11-26")
    assert score_episodes([episode], golden).matched == 1
    assert score_episodes([replace(episode, date_start="2023-12-26", date_end="2023-12-26")], golden).matched == 0


def test_the_readme_s_open_sentences_are_read_from_it():
    opened = _left_open(GOLDEN / "README.md")
    assert ("004", ["Malian officials claimed that night"]) in opened
    assert any(seed == "000" and pieces[0].startswith("MNLA spokesman Moussa Ag Acharatoumane") for seed, pieces in opened)
