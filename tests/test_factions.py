"""The war's parties: one name per party, coalitions over time, alignment in an event."""
from collections import Counter

import pytest

from dashboard.text.fold import name_key as fold
from dashboard.views import faction_options
from dashboard.parties import (
    ALIGNMENTS, COALITIONS, PARTIES, canonical_party, event_alignments, expand_faction, parties_of_frame,
    parse_party, party_alignment, party_label, side_alignment, split_parties,
)
from fixtures_events import ANEFIS_2013, ANEFIS_2014, ANEFIS_MAY_2013, BER_2023, KIDAL_2023, event, events_frame, seed_events


@pytest.mark.parametrize("written, canonical", [
    ("MUJAO", "MOJWA"), ("MOJWA", "MOJWA"), ("Movement for Oneness and Jihad in West Africa", "MOJWA"),
    ("Malian Army", "Mali"), ("Malian Armed Forces", "Mali"), ("FAMa", "Mali"), ("Mali", "Mali"),
    ("AQMI", "AQIM"), ("GSIM", "JNIM"), ("EIGS", "ISGS"), ("IS Sahel", "ISGS"),
    ("Africa Corps", "Wagner Group"), ("MAA-Platform", "MAA-Loyalist"), ("MAA-CMA", "MAA-Dissident"),
    ("CSP-PSD", "CSP"), ("CSP-DPA", "CSP"), ("Operation Barkhane", "France"),
    ("National Movement for the Liberation of Azawad", "MNLA"),
])
def test_aliases_fold_to_one_name(written, canonical):
    assert canonical_party(written) == canonical


@pytest.mark.parametrize("written, canonical", [
    ("mujao", "MOJWA"), ("Mujao ", "MOJWA"), ("malian  armed forces", "Mali"), ("MAA Platform", "MAA-Loyalist"),
    ("maa-platform", "MAA-Loyalist"), ("Al Mourabitoun", "Al-Mourabitoun"),
])
def test_case_spacing_and_punctuation_do_not_matter(written, canonical):
    assert canonical_party(written) == canonical


def test_accents_do_not_matter():
    assert fold("Anéfis") == fold("ANEFIS") == "anefis"
    assert canonical_party("Forces Armees Maliennes") == canonical_party("Forces Armées Maliennes") == "Mali"


def test_wiki_flag_leftovers_are_dropped_from_party_names():
    assert canonical_party("border|20px MAA-Loyalist") == "MAA-Loyalist"
    assert canonical_party("CM-FPR II") == "CM-FPR"


def test_a_faction_stays_a_faction_of_its_group():
    assert parse_party("GATIA (al-Mahmoud faction)") == ("GATIA", "al-Mahmoud faction")
    assert canonical_party("GATIA (al-Mahmoud faction)") == "GATIA"
    assert party_label("GATIA (al-Mahmoud faction)") == "GATIA (al-Mahmoud faction)"


def test_a_contingent_is_minusma_only_where_named_as_minusma():
    assert parse_party("MINUSMA (Chad)") == ("MINUSMA", "Chad")
    assert parse_party("Chad (MINUSMA)") == ("MINUSMA", "Chad")
    assert canonical_party("Chad") == "Chad"


def test_a_generic_name_for_the_jihadists_is_the_jihadist_group():
    assert canonical_party("Islamists") == "Jihadist groups"
    assert party_alignment("Islamists", 2012) == "jihadist"


def test_missing_names_are_empty_not_errors():
    assert canonical_party(None) == "" and canonical_party(float("nan")) == ""


def test_unknown_names_come_back_tidied_never_dropped():
    assert canonical_party("  Imghad   militia ") == "Imghad militia"
    assert canonical_party("Ganda Koy (Songhai militia)") == "CM-FPR"
    assert canonical_party("Some Group (local faction)") == "Some Group (local faction)"


def test_no_alias_names_two_parties():
    owners = Counter()
    for party in PARTIES:
        for key in {fold(a) for a in (party.name, *party.aliases)}:
            owners[key] += 1
    assert [key for key, n in owners.items() if n > 1] == []


def test_every_coalition_member_is_a_known_party():
    known = {p.name for p in PARTIES}
    assert {m.party for c in COALITIONS for m in c.members} <= known


def test_split_parties_reads_a_side_cell():
    assert split_parties("MNLA; MAA-Dissident; HCUA") == ["MNLA", "MAA-Dissident", "HCUA"]
    assert split_parties("") == [] and split_parties(None) == [] and split_parties(float("nan")) == []


def test_choosing_a_coalition_gets_its_members():
    assert expand_faction("CMA") == {"CMA", "MNLA", "HCUA", "MAA-Dissident"}
    assert expand_faction("Platform") == {"Platform", "GATIA", "MAA-Loyalist", "CM-FPR"}


def test_csp_under_either_name_is_the_cma_plus_platform_factions_that_joined():
    csp = expand_faction("CSP-PSD")
    assert csp == expand_faction("CSP-DPA")
    assert {"CSP", "CMA", "MNLA", "HCUA", "MAA-Dissident", "GATIA"} <= csp
    assert "Mali" not in csp


def test_jihadist_choice_is_the_jihadist_groups():
    jihadists = expand_faction("jihadist")
    assert {"AQIM", "Ansar Dine", "MOJWA", "Al-Mourabitoun", "Katiba Salahadin", "JNIM", "ISGS"} <= jihadists
    assert not jihadists & {"MNLA", "Mali", "GATIA"}


def test_aliases_are_one_faction():
    assert expand_faction("MUJAO") == expand_faction("MOJWA") == {"MOJWA"}
    assert expand_faction("Africa Corps") == {"Wagner Group"}


def test_the_maa_includes_both_of_its_wings():
    assert expand_faction("MAA") == {"MAA", "MAA-Loyalist", "MAA-Dissident"}


def test_minusma_choice_does_not_pull_in_national_armies():
    assert expand_faction("MINUSMA") == {"MINUSMA"}


def test_gatia_with_the_loyalists_in_2014_is_pro_government():
    side = split_parties(ANEFIS_2014["side_a"])
    assert party_alignment("GATIA", 2014, side) == "pro-government"
    assert party_alignment("GATIA", 2014) == "pro-government"


def test_gatia_faction_on_the_rebel_side_in_2023_is_rebel():
    side = split_parties(KIDAL_2023["side_b"])
    assert party_alignment("GATIA (al-Mahmoud faction)", 2023, side) == "rebel"
    assert party_alignment("GATIA (al-Mahmoud faction)", 2023) == "rebel"  # the known 2023 switch


def test_a_pro_government_militia_beside_the_rebels_is_rebel_there():
    assert party_alignment("GATIA", 2016, ["MNLA", "HCUA", "GATIA"]) == "rebel"


def test_the_side_decides_which_maa_a_plain_maa_is():
    assert party_alignment("MAA", 2023, split_parties(KIDAL_2023["side_b"])) == "rebel"
    assert party_alignment("MAA", 2014, ["MAA", "GATIA"]) == "pro-government"
    assert party_alignment("MAA", 2012) == "unknown"


def test_an_maa_alone_on_its_side_is_in_the_camp_its_opponents_are_not():
    assert party_alignment("MAA", 2013, ["MAA"], opposing=["MNLA"]) == "pro-government"
    assert party_alignment("MAA", 2012, ["MAA"], opposing=["Malian Army"]) == "rebel"
    assert party_alignment("MAA", 2012, ["MAA"], opposing=["AQIM"]) == "unknown"
    assert event_alignments(ANEFIS_MAY_2013) == ("rebel", "pro-government")


def test_an_unknown_name_is_not_guessed_from_its_opponents():
    assert party_alignment("Imghad militia", 2014, ["Imghad militia"], opposing=["MNLA"]) == "unknown"


def test_firm_alignments_do_not_bend_to_their_side():
    assert party_alignment("MNLA", 2013, ["France", "MNLA"]) == "rebel"
    assert party_alignment("Wagner Group", 2023) == "state ally"
    assert party_alignment("Operation Serval", 2013) == "international"


def test_unknown_party_takes_its_side_or_stays_unknown():
    assert party_alignment("Dan Na Ambassagou", 2019, ["Mali", "Dan Na Ambassagou"]) == "pro-government"
    assert party_alignment("Katiba Serma", 2019, ["JNIM", "Katiba Serma"]) == "jihadist"
    assert party_alignment("Somebody", None) == "unknown"


def test_side_alignment_puts_the_state_first_then_the_majority():
    assert side_alignment(["Mali", "Wagner Group"], 2023) == "state"
    assert side_alignment(["Mali", "GATIA", "MAA-Loyalist"], 2014) == "state"
    assert side_alignment(["MNLA", "Ansar Dine", "AQIM"], 2012) == "jihadist"
    assert side_alignment(["France", "MINUSMA (Chad)"], 2013) == "international"
    assert side_alignment([], 2013) == "unknown"


def test_event_alignments_colour_both_sides():
    assert event_alignments(ANEFIS_2013) == ("state", "rebel")
    assert event_alignments(ANEFIS_2014) == ("pro-government", "rebel")
    assert event_alignments(KIDAL_2023) == ("state", "rebel")
    assert event_alignments(BER_2023) == ("state", "rebel")  # CMA and JNIM tie: rebels before jihadists
    assert set(event_alignments({"side_a": "", "side_b": None, "start_date": ""})) <= set(ALIGNMENTS)


def test_faction_options_offer_present_coalitions_then_every_party_once():
    options = faction_options(parties_of_frame(seed_events()))
    assert options[:4] == ["Platform", "CMA", "CSP", "Jihadist groups"]
    parties = options[4:]
    assert len(parties) == len(set(parties))
    assert {"Mali", "MNLA", "GATIA", "MOJWA", "Wagner Group", "MINUSMA", "JNIM"} <= set(parties)
    assert not {"MUJAO", "Malian Armed Forces", "CM-FPR II", "GATIA (al-Mahmoud faction)"} & set(parties)
    assert parties == sorted(parties, key=fold)


def test_faction_options_leave_out_coalitions_with_nobody_present():
    dioura = events_frame([event("x.txt", "Raid on Dioura", "2019-03-17", side_a="JNIM", side_b="FAMa")])
    assert faction_options(parties_of_frame(dioura)) == ["Jihadist groups", "JNIM", "Mali"]
    assert faction_options(parties_of_frame(dioura.iloc[:0])) == []


def test_a_side_answer_is_not_reused_across_years_or_opponents_that_change_it():
    # Asked in turn, so an answer cached for one year or set of opponents would show up in the next.
    assert [side_alignment(["GATIA (al-Mahmoud faction)"], year) for year in (2016, 2023, 2016)] == [
        "pro-government", "rebel", "pro-government"]
    assert [side_alignment(["MAA"], 2013, against) for against in (["MNLA"], ["Mali"], ["AQIM"], [])] == [
        "pro-government", "rebel", "unknown", "unknown"]
