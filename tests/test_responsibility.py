"""Sides told across two sentences: the attack's target in one, the group that claimed it in another
(dashboard/ingest/responsibility.py), as statements, press releases and wires name them."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ingest.parse import parse_article, parse_file
from dashboard.ingest.responsibility import claimed_and_targeted

ARTICLES = Path(__file__).resolve().parent / "articles"


def test_a_un_statement_names_the_target_and_the_claimant_apart_and_gives_both_sides():
    [event] = parse_file(ARTICLES / "statement_un_aguelhok.txt").events
    assert (event.start_date, event.place) == ("2019-01-20", "Aguelhok")  # "today", under its date line
    assert sorted(map(sorted, event.sides)) == [["AQIM"], ["MINUSMA"]]
    minusma = "abcdefgh"[next(i for i, side in enumerate(event.sides) if "MINUSMA" in side)]
    assert [(c.side, c.kind, c.low) for c in event.claims][:2] == [(minusma, "killed", 10), (minusma, "injured", 25)]


@pytest.mark.parametrize("lead", [
    "On 5 May 2021, an ambush against a Malian army convoy killed 12 soldiers near Boni. JNIM claimed the attack "
    "the next day.",
    "Le 5 mai 2021, une attaque contre un convoi de l'armée malienne a fait 12 morts près de Boni. L'attaque a été "
    "revendiquée par le JNIM.",
])
def test_an_attack_on_the_army_claimed_by_jihadists(lead):
    [event] = parse_article(f"Boni attack (2021)\n\n{lead}\n", "boni.txt").events
    assert event.sides == [["Mali"], ["JNIM"]]


def test_a_claim_that_is_no_claim_of_an_attack_gives_nothing():
    assert claimed_and_targeted(["On 5 May 2021, the Malian army held a meeting in Boni.",
                                 "JNIM claimed it controlled the road."]) is None
    assert claimed_and_targeted(["JNIM claimed responsibility for the attack."]) is None  # no target named


def test_a_rights_report_is_dated_by_its_witnesses_not_its_publication_day():
    [event] = parse_file(ARTICLES / "report_hrw_moura.txt").events
    assert (event.start_date, event.place) == ("2022-03-27", "Moura")
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in event.claims] == [
        ("civilian", "executed", 300, "Human Rights Watch")]
