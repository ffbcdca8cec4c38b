"""The claims scorer (dashboard/evaluate/claims.py): it must see a wrong side, a made-up claim and a broken negative."""
from dataclasses import replace
from pathlib import Path

from dashboard.evaluate.claims import claimant_core, read_golden_claims, report_lines, score_claims
from dashboard.ingest.parse import parse_file

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = read_golden_claims(ROOT / "tests" / "golden" / "seed_claims.csv")
SEED = "002_2b72ca9f9093e46b.txt"


def seed_claims():
    return next(e for e in parse_file(ROOT / "seeds" / SEED).events if e.kind == "article").claims


def test_the_seed_as_read_scores_every_row():
    report = score_claims({SEED: seed_claims()}, GOLDEN)
    assert (report.total("found"), report.total("golden"), report.total("false")) == (12, 12, 0)
    assert "body 12/12, missed 0, false 0" in "\n".join(report_lines(report))


def test_a_wrong_side_is_a_miss_and_says_why():
    claims = [replace(c, side="a") if c.claimed_by == "MINUSMA" and c.kind == "captured" else c for c in seed_claims()]
    report = score_claims({SEED: claims}, GOLDEN)
    [(row, why)] = report.seeds[0].missed
    assert row.claimant == "MINUSMA" and "side a (golden ?)" in why
    assert report.total("false") == 1 and report.precision < 1


def test_a_claim_from_a_negative_sentence_is_counted():
    sentence = "MNLA fighters instead claimed that a small group of Malian soldiers broke off from the larger " \
               "contingent to ambush a group of three MNLA fighters."
    made_up = replace(seed_claims()[-1], sentence=sentence, text="three MNLA fighters", claim_id="c99")
    report = score_claims({SEED: [*seed_claims(), made_up]}, GOLDEN, [(SEED, sentence)])
    assert len(report.seeds[0].negatives_broken) == 1 and report.total("false") == 1


def test_claimants_are_compared_without_the_party_they_are_shown_with():
    assert claimant_core("Souleymane Maiga (Mali)") == claimant_core("souleymane maiga")
    assert claimant_core("The Malian Minister of Defense (Mali)") == claimant_core("Malian Minister of Defense")
    assert claimant_core("Mali (per Reuters)") != claimant_core("Reuters")
