"""One list of claims per event (dashboard/casualties/merge.py) and the claims table and CSV built from it."""
from pathlib import Path

import pandas as pd

from dashboard.casualties.merge import merge_claims
from dashboard.catalogue.export import CSV_ENCODING, claims_csv
from dashboard.catalogue.tables import claims_frame, events_frame
from dashboard.ingest.parse import parse_file
from dashboard.model import CLAIM_COLUMNS, ORIGINS, Claim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def box(side, kind, low, claimed_by, text):
    return Claim(side, kind, low, low, claimed_by, text)


def said(side, kind, low, claimed_by, org, claim_id, **more):
    return Claim(side, kind, low, low, claimed_by, f"{low} {kind}", claimant_org=org, origin="body",
                 section="Battle", sentence=f"{claimed_by} said {low} were {kind}.", claim_id=claim_id, **more)


def test_the_same_claim_in_infobox_and_body_is_one_claim_with_both_origins():
    merged = merge_claims([box("b", "killed", 2, "MNLA", "2 dead (per MNLA)"),
                           box("a", "injured", 10, "France", "10 injured (per France)")],
                          [said("b", "killed", 2, "Moussa Ag Acharatoumane (MNLA)", "MNLA", "b1"),
                           said("a", "injured", 10, "French military source", "France", "b2"),
                           said("b", "killed", 10, "Souleymane Maiga (Mali)", "Mali", "b3")])
    assert [(c.claim_id, c.origin, c.claimed_by, c.text) for c in merged] == [
        ("c1", "infobox+body", "Moussa Ag Acharatoumane (MNLA)", "2 dead (per MNLA)"),
        ("c2", "infobox+body", "French military source (France)", "10 injured (per France)"),
        ("c3", "body", "Souleymane Maiga (Mali)", "10 killed")]
    assert {c.origin for c in merged} <= set(ORIGINS)


def test_another_claimant_or_figure_is_another_claim_and_links_follow_the_new_ids():
    merged = merge_claims([box("b", "killed", 30, "Mali", "30 killed (per Mali)"),
                           box("b", "killed", 111, "loyalists", "111 dead (per loyalists)")],
                          [said("b", "killed", 10, "Souleymane Maiga (Mali)", "Mali", "b1", revised_by="b2"),
                           said("b", "killed", 30, "Malian government", "Mali", "b2"),
                           said("b", "killed", 111, "Le Temoin", "Le Temoin", "b3"),
                           said("b", "killed", 47, "Le Temoin", "Le Temoin", "b4", part_of="b3")])
    by_text = {c.claimed_by: c for c in merged}
    assert [c.origin for c in merged] == ["infobox+body", "infobox", "body", "body", "body"]
    assert by_text["Souleymane Maiga (Mali)"].revised_by == merged[0].claim_id == "c1"
    assert merged[4].part_of == merged[3].claim_id and merged[3].claimed_by == "Le Temoin"


def test_claims_table_ids_are_unique_across_the_catalogue_and_the_csv_has_every_column():
    events = [e for name in ("000_e3dc056557bc1002.txt", "001_070efaabfcf43540.txt")
              for e in parse_file(SEEDS / name).events if e.kind == "article"]
    table = claims_frame(events)
    assert list(table.columns) == CLAIM_COLUMNS and table["claim_id"].is_unique
    assert set(table.loc[table["revised_by"] != "", "revised_by"]) <= set(table["claim_id"])
    assert set(table.loc[table["part_of"] != "", "part_of"]) <= set(table["claim_id"])
    back = pd.read_csv(pd.io.common.BytesIO(claims_csv(table, events_frame(events))), encoding=CSV_ENCODING,
                       dtype=str, keep_default_na=False)
    maiga = back[(back["claimed_by"] == "Souleymane Maiga (Mali)") & (back["low"] == "10")].iloc[0]
    assert (maiga["origin"], maiga["section"], maiga["words"], maiga["revised_by"] != "") == ("body", "Battle", "ten",
                                                                                               True)
    assert maiga["sentence"].startswith("Maiga stated that ten MNLA fighters were killed")
