"""Claims read from the lead and body of the seeds, against the hand-read golden file (tests/golden/), and from small
hand-written sentences: who said it, about which side, what happened, how many, when, and what it revised."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.casualties.body import body_claims
from dashboard.evaluate.claims import read_golden_claims, read_negatives, score_seeds
from dashboard.model import Reference

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
BODY_ROWS = [g for g in read_golden_claims(GOLDEN / "seed_claims.csv") if g.origin in ("lead", "body")]
NEGATIVES = read_negatives(GOLDEN / "seed_negatives.csv")
MALI_MNLA = [["Mali"], ["MNLA"]]


@lru_cache(maxsize=1)
def report():
    return score_seeds(ROOT / "seeds", GOLDEN)


@pytest.mark.parametrize("row", BODY_ROWS, ids=lambda g: f"{g.source_file[:3]}-row{g.row}-{g.kind}-{g.words}")
def test_every_golden_body_claim_is_found_with_its_claimant_side_kind_figure_and_origin(row):
    seed = next(s for s in report().seeds if s.source_file == row.source_file)
    missed = {g.row: why for g, why in seed.missed}
    assert row.row not in missed, missed.get(row.row)


@pytest.mark.parametrize("source_file, sentence", NEGATIVES, ids=lambda v: v[:40] if isinstance(v, str) else v)
def test_no_claim_from_a_sentence_that_states_none(source_file, sentence):
    seed = next(s for s in report().seeds if s.source_file == source_file)
    assert [c.text for n, c in seed.negatives_broken if n == sentence] == []


def test_precision_no_body_claim_the_golden_file_lacks():
    r = report()
    assert [(s.source_file, c.sentence, c.kind, c.low) for s in r.seeds for c in s.false] == []
    assert r.precision == 1.0 and r.recall == 1.0


def test_revisions_breakdowns_dates_and_footnotes_of_the_found_claims():
    assert {k: right == total for k, (right, total) in report().links.items()} == {
        "revises": True, "part_of": True, "stated_on": True, "footnote": True}
    assert report().links["revises"][1] == 3 and report().links["part_of"][1] == 6


def read(text: str, sides=MALI_MNLA, start="2013-06-05", section="Battle", **kwargs):
    return body_claims("", [(section, text)], sides, start, **kwargs)


def test_a_spokesman_named_before_is_the_claimant_of_his_surname_and_of_he():
    claims = read("Malian spokesman Souleymane Maiga confirmed control of the town. Maiga said that ten MNLA fighters "
                  "were killed. He also said that twenty-eight were taken prisoner.")
    assert [(c.claimed_by, c.claimant_org, c.side, c.kind, c.low) for c in claims] == [
        ("Souleymane Maiga (Mali)", "Mali", "b", "killed", 10), ("Souleymane Maiga (Mali)", "Mali", "b", "captured", 28)]


def test_bounds_and_vague_quantities():
    claims = read("The MNLA stated that at least twelve Malian soldiers were killed, up to 30 were wounded and dozens "
                  "were captured.")
    assert [(c.kind, c.low, c.high, c.words) for c in claims] == [
        ("killed", 12, None, "at least twelve"), ("injured", None, 30, "up to 30"), ("captured", None, None, "dozens")]


def test_french_sentences():
    claims = read("Selon l'armée malienne, une dizaine de combattants du MNLA ont été tués et plus de 20 blessés.")
    assert [(c.claimed_by, c.side, c.kind, c.low, c.high) for c in claims] == [
        ("Mali", "b", "killed", 10, 10), ("Mali", "b", "injured", 20, None)]


def test_who_those_counted_are_may_stand_between_them_and_what_happened_to_them():
    claims = read("Ten peacekeepers from Chad were killed and at least 25 others injured. Twelve soldiers of the "
                  "Malian army were killed. Dix casques bleus du Tchad ont été tués.",
                  sides=[["AQIM"], ["MINUSMA", "Chad"]], start="2019-01-20")
    assert [(c.kind, c.low, c.high) for c in claims] == [("killed", 10, 10), ("injured", 25, None), ("killed", 12, 12),
                                                         ("killed", 10, 10)]


def test_what_happened_said_once_after_a_pair_of_figures_is_said_of_both():
    claims = read("The MNLA said 12 soldiers and 40 rebels were killed. Seven trucks and 12 soldiers were seen.")
    assert [(c.side, c.kind, c.low) for c in claims] == [("a", "killed", 12), ("b", "killed", 40)]


def test_background_sections_and_other_years_give_no_claims():
    assert body_claims("", [("Background", "The MNLA stated that 180 prisoners were taken.")], MALI_MNLA,
                       "2013-06-05") == []
    assert read("In 2012, rebels killed 40 Malian soldiers in Aguelhok.") == []


def test_strengths_distances_durations_and_unreported_losses_are_not_claims():
    assert read("1500 Malian soldiers arrived in the city. The fighting lasted five hours, fifteen kilometres from "
                "Kidal. A column of 800 Malian soldiers launched an offensive. No casualties were reported. Camp "
                "number 1 was captured by the MNLA.") == []


def test_a_figure_no_battle_reaches_is_no_claim_and_the_plausible_one_beside_it_stays():
    claims = read("The MNLA said 250000 people were killed, and that 12 Malian soldiers were killed.")
    assert [(c.kind, c.low) for c in claims] == [("killed", 12)]


def test_a_denied_figure_is_no_claim():
    assert read("The Malian army denied that thirty soldiers were killed.") == []


def test_a_sentence_naming_nobody_takes_the_speaker_of_its_footnotes_headline():
    text = "50 Malian soldiers were killed in the fighting. [7] Ten civilians died. [5]"
    refs = [Reference(7, "Mali says 50 soldiers killed in Kidal fighting", "Reuters"), Reference(5, "Kidal: the toll")]
    claims = read(text, references=refs)
    assert [(c.claimed_by, c.claimant_org, c.footnote, c.reference_publisher) for c in claims] == [
        ("Mali (per Reuters)", "Mali", "7", "Reuters"), ("", "", "5", "")]


def test_a_later_figure_of_the_same_claimant_revises_the_earlier_one_and_more_adds_to_it():
    claims = read("The MNLA claimed that four of its fighters were injured. The MNLA later stated that seven MNLA "
                  "fighters were injured. They also claimed three more were injured.")
    assert [(c.low, c.revised_by, c.words) for c in claims] == [(4, "b2", "four"), (7, "", "seven"), (3, "", "three more")]
    assert claims[0].side == claims[1].side == "b"


def test_the_date_of_the_statement_is_the_date_that_introduces_it():
    claims = read("On June 7, the MNLA stated that by June 5 two MNLA fighters were killed.")
    assert [(c.stated_on, c.low) for c in claims] == [("2013-06-07", 2)]


def test_a_breakdown_is_parts_of_its_total():
    claims = read("The MNLA stated that 20 Malian soldiers were killed, including twelve officers and eight "
                  "gendarmes, and 5 were wounded.")
    assert [(c.claim_id, c.kind, c.low, c.part_of) for c in claims] == [
        ("b1", "killed", 20, ""), ("b2", "killed", 12, "b1"), ("b3", "killed", 8, "b1"), ("b4", "injured", 5, "")]


def test_aircraft_and_vehicles():
    claims = read("A Malian Mi-24 helicopter was shot down and three MNLA pick-ups were destroyed.")
    assert [(c.side, c.kind, c.low) for c in claims] == [("a", "aircraft lost", 1), ("b", "vehicles destroyed", 3)]


@pytest.mark.parametrize("text, expected", [
    ("The army said 12 soldiers were killed, and the MNLA said 40 soldiers were killed.",
     [("army", "a", 12), ("MNLA", "a", 40)]),
    ("The army said 12 rebels were killed, while the MNLA said it lost only two fighters.",
     [("army", "b", 12), ("MNLA", "b", 2)]),
    ("According to the army, 20 rebels were killed; the MNLA said 3 of its men died.",
     [("army", "b", 20), ("MNLA", "b", 3)]),
    ("L'armée a annoncé 20 morts parmi les rebelles, tandis que le MNLA a fait état de 3 morts dans ses rangs.",
     [("armée", "b", 20), ("MNLA", "b", 3)]),
    ("The army said 12 soldiers were killed, and added that 5 were wounded.", [("army", "a", 12), ("army", "a", 5)]),
    ("Twelve soldiers were killed, and 3 were wounded, the army said.", [("army", "a", 12), ("army", "a", 3)]),
])
def test_each_speaker_of_a_sentence_states_their_own_figures(text, expected):
    assert [(c.claimed_by, c.side, c.low) for c in read(text)] == expected


def test_a_speaker_who_says_something_else_does_not_claim_the_losses_told_before():
    claims = read("Rebels killed 12 soldiers in Kidal, where the governor said the situation was calm.")
    assert [(c.claimed_by, c.side, c.kind, c.low) for c in claims] == [("", "a", "killed", 12)]


@pytest.mark.parametrize("text, other, expected", [
    ("Al menos quince soldados malienses murieron y otros diez resultaron heridos, informó el Ejército en un "
     "comunicado.", "JNIM", [("Mali", "a", "killed", 15, None), ("Mali", "a", "injured", 10, 10)]),
    ("El JNIM aseguró haber matado a 40 militares.", "JNIM", [("JNIM", "a", "killed", 40, 40)]),
    ("El ataque dejó 25 muertos y decenas de heridos, según fuentes locales.", "JNIM",
     [("fuentes locales", "unknown", "killed", 25, 25), ("fuentes locales", "unknown", "injured", None, None)]),
    ("Almeno dodici persone sono morte in un attacco suicida, secondo fonti della sicurezza.", "ISGS",
     [("fonti della sicurezza", "civilian", "killed", 12, None)]),
    ("L'esercito maliano ha detto che 15 jihadisti sono stati uccisi e 3 soldati sono rimasti feriti.", "ISGS",
     [("Mali", "b", "killed", 15, 15), ("Mali", "a", "injured", 3, 3)]),
    ("Pelo menos 20 civis foram mortos no ataque, segundo fontes locais.", "JNIM",
     [("fontes locais", "civilian", "killed", 20, None)]),
    ("Bei dem Angriff wurden nach Angaben der Regierung mindestens 30 Zivilisten getötet.", "JNIM",
     [("Mali", "civilian", "killed", 30, None)]),
    ("Según el MNLA, 35 combatientes enemigos murieron y el MNLA perdió a 4 hombres.", "MNLA",
     [("MNLA", "a", "killed", 35, 35), ("MNLA", "b", "killed", 4, 4)]),
    ("Die Armee teilte mit, 15 Dschihadisten seien getötet und zwei Soldaten verletzt worden.", "JNIM",
     [("Mali", "b", "killed", 15, 15), ("Mali", "a", "injured", 2, 2)]),
])
def test_spanish_italian_portuguese_and_german_sentences(text, other, expected):
    claims = read(text, sides=[["Mali"], [other]], start="2022-07-03")
    assert [(c.claimant_org, c.side, c.kind, c.low, c.high) for c in claims] == expected


WORDS = ["The", "MNLA", "Malian", "soldiers", "said", "stated", "that", "ten", "12", "were", "killed", "and", "wounded",
         "He", "They", "also", "claimed", "including", "of", "them", "the", "other", "three", "more", "at", "least",
         "no", "casualties", "vehicles", "destroyed", "According", "to", "Selon", "tués", ",", ".", "[7]", "—", "June",
         "5", "In", "2012", "a", "helicopter", "crashed", "denied", "revised", "toll", "their", "fighters", "dozens"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.lists(st.lists(st.sampled_from(["Mali", "MNLA", "CMA", "X"]),
                                                                         max_size=2), max_size=3))
def test_any_sentence_is_read_without_error_and_every_claim_is_well_formed(words, sides):
    claims = body_claims(" ".join(words), [("Battle", " ".join(reversed(words)))], sides, "2013-06-05",
                         references=[Reference(7, "Mali says 5 killed", "Reuters")])
    ids = {c.claim_id for c in claims}
    for claim in claims:
        assert claim.sentence and claim.origin in ("lead", "body")
        assert claim.low is None or claim.high is None or claim.low <= claim.high
        assert claim.part_of in ids | {""} and claim.revised_by in ids | {""}


def test_who_lost_men_is_the_subject_of_lost_and_the_claimant_only_when_it_speaks_of_itself():
    text = ("JNIM lost 20 fighters, the army said. The army lost four soldiers. "
            "The army said it lost three soldiers.")
    claims = body_claims("", [("Attack", text)], [["Mali"], ["JNIM"]], "2023-05-05")
    assert [(c.side, c.low, c.claimed_by) for c in claims] == [("b", 20, "army"), ("a", 4, ""), ("a", 3, "army")]


@pytest.mark.parametrize("sides, side", [([["Mali"], ["JNIM"]], "b"), ([["JNIM"], ["Mali", "Wagner Group"]], "a")])
def test_terrorists_are_the_states_enemies_when_no_claimant_is_named(sides, side):
    claims = body_claims("", [("Attack", "Une vingtaine de terroristes ont été neutralisés.")], sides, "2023-05-05")
    assert [(c.side, c.low, c.kind) for c in claims] == [(side, 20, "killed")]
    attackers = body_claims("", [("Attack", "Twelve assailants were killed.")], sides, "2023-05-05")
    assert [c.side for c in attackers] == ["unknown"]  # either side may have attacked


def test_french_losses_told_with_a_perdu_are_the_subjects():
    sides = [["Mali"], ["JNIM"]]
    claims = body_claims("", [("Attaque", "Le JNIM a perdu une dizaine d'hommes, selon l'armée. "
                                          "L'armée a perdu le contrôle de la ville.")], sides, "2023-05-05")
    assert [(c.side, c.low, c.kind, c.claimed_by) for c in claims] == [("b", 10, "killed", "armée")]
