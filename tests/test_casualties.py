"""Casualty claims with who claimed them (dashboard/casualties.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.casualties import best_estimate, parse_casualties, parse_casualties_checked
from dashboard.model import CasualtyError, Claim, ParseError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def infobox_field(seed: str, name: str) -> str:
    """The value of "- <name>: value" in a real seed article's infobox."""
    for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines():
        if line.startswith(f"- {name}: "):
            return line.split(": ", 1)[1]
    raise KeyError(name)


def figures(claims: list[Claim]) -> list[tuple]:
    return [(c.kind, c.low, c.high, c.claimed_by) for c in claims]


def test_anefis_2013_mali_losses_each_attributed_to_the_source_that_follows():
    claims = parse_casualties(infobox_field("000_e3dc056557bc1002.txt", "Casualties1"), "a")
    assert figures(claims) == [
        ("injured", 2, 2, "Mali"),
        ("vehicles destroyed", 6, 6, "MNLA"),
        ("captured", 12, 12, "MNLA"),
        ("injured", 10, 10, "France"),
    ]
    assert [c.text for c in claims] == [
        "2 injured (per Mali)",
        "Six vehicles destroyed with unknown casualties (per MNLA)",
        "12 prisoners (per MNLA)",
        "10 injured (per France)",
    ]
    assert {c.side for c in claims} == {"a"}


def test_anefis_2013_mnla_losses_per_mnla_and_per_mali():
    claims = parse_casualties(infobox_field("000_e3dc056557bc1002.txt", "Casualties2"), "b")
    assert figures(claims) == [
        ("killed", 2, 2, "MNLA"),
        ("injured", 2, 2, "MNLA"),
        ("killed", 30, 30, "Mali"),
        ("captured", 28, 28, "Mali"),
    ]


def test_anefis_2014_vague_hundreds_injured_keeps_its_words():
    claims = parse_casualties(infobox_field("001_070efaabfcf43540.txt", "Casualties2"), "b")
    assert figures(claims) == [
        ("killed", 111, 111, "loyalists"),
        ("injured", None, None, "loyalists"),
        ("captured", 17, 17, "loyalists"),
        ("killed", 4, 4, "MNLA"),
        ("injured", 10, 10, "MNLA"),
        ("killed", 37, 37, "Mali"),
    ]
    assert claims[1].text == "hundreds injured (per loyalists)"


def test_amazragane_civilians_get_the_civilian_side():
    claims = parse_casualties(infobox_field("002_2b72ca9f9093e46b.txt", "Casualties3"), "c")
    assert [(c.side, c.kind, c.low, c.claimed_by) for c in claims] == [
        ("civilian", "killed", 3, "MNLA"),
        ("c", "injured", 3, "MNLA"),
    ]


def test_kidal_2023_open_ended_figures_and_unknown():
    claims = parse_casualties(infobox_field("004_a954f82738c9178b.txt", "Casualties3"), "c")
    assert [(c.side, c.kind, c.low, c.high, c.claimed_by) for c in claims] == [
        ("civilian", "killed", 14, None, ""),
        ("c", "injured", 30, None, ""),
    ]
    assert parse_casualties(infobox_field("004_a954f82738c9178b.txt", "Casualties1"), "a") == []


def test_multi_line_block_from_a_copied_page_with_citation_markers():
    text = (SEEDS / "003_499888a3b842d896.txt").read_text(encoding="utf-8")
    block = text.split("Casualties and losses\n", 1)[1].split("\n\n", 1)[0]
    claims = parse_casualties(block, "a")
    assert figures(claims) == [
        ("killed", 40, 40, "MNLA"),
        ("injured", 50, 50, "MNLA"),
        ("captured", 70, 70, "MNLA"),
        ("vehicles captured", 50, 50, "MNLA"),
        ("vehicles captured", 12, 12, "MNLA"),
        ("killed", 2, 2, "MNLA"),
        ("injured", 10, 10, "MNLA"),
    ]
    assert claims[0].text == "40 killed (According to the MNLA)"
    assert all("[2]" not in c.text for c in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50–101 killed", [("killed", 50, 101, "")]),
        ("6-8 killed", [("killed", 6, 8, "")]),
        ("10 to 20 wounded", [("injured", 10, 20, "")]),
        ("25+", [("unknown", 25, None, "")]),
        ("at least 30 killed", [("killed", 30, None, "")]),
        ("over 125 injured", [("injured", 125, None, "")]),
        ("up to 40 dead", [("killed", None, 40, "")]),
        ("1,500 killed", [("killed", 1500, 1500, "")]),
        ("Unknown", []),
        ("None reported", []),
        ("3 killed (per CMA and MINUSMA)", [("killed", 3, 3, "CMA and MINUSMA")]),
        ("5 KIA (according to the Malian Army)", [("killed", 5, 5, "Malian Army")]),
        ("4 deaths (Malian government claim)", [("killed", 4, 4, "Malian government")]),
        ("two killed and twenty-eight captured", [("killed", 2, 2, ""), ("captured", 28, 28, "")]),
        ("a dozen taken prisoner", [("captured", 12, 12, "")]),
        ("one hundred and five killed", [("killed", 105, 105, "")]),
        ("dozens killed", [("killed", None, None, "")]),
        ("several hundred wounded", [("injured", None, None, "")]),
        ("several killed and dozens wounded", [("killed", None, None, ""), ("injured", None, None, "")]),
        ("3 missing; 2,000 displaced", [("missing", 3, 3, ""), ("displaced", 2000, 2000, "")]),
        ("4 vehicles seized", [("vehicles captured", 4, 4, "")]),
        ("1 helicopter shot down", [("vehicles destroyed", 1, 1, "")]),
        ("11 arrested", [("captured", 11, 11, "")]),
        ("20 killed (including 8 children)", [("killed", 20, 20, "")]),
        ("2 killed (per MNLA), 3 injured", [("killed", 2, 2, "MNLA"), ("injured", 3, 3, "")]),
    ],
)
def test_written_figures(text, expected):
    assert figures(parse_casualties(text, "a")) == expected


def test_per_heading_on_the_same_line():
    claims = parse_casualties("Per CSP: 20 killed, 3 captured", "b")
    assert figures(claims) == [("killed", 20, 20, "CSP"), ("captured", 3, 3, "CSP")]
    assert claims[0].text == "Per CSP: 20 killed"


def test_per_heading_lines_set_the_claimant_until_the_next_heading():
    text = "Per CSP:\n20 killed\n3 captured\nPer the Malian Army:\n50 killed\n(per Wagner) 2 killed"
    assert figures(parse_casualties(text, "b")) == [
        ("killed", 20, 20, "CSP"),
        ("captured", 3, 3, "CSP"),
        ("killed", 50, 50, "Malian Army"),
        ("killed", 2, 2, "Malian Army"),
    ]


def test_checked_parse_reports_negative_absurd_and_backwards_figures():
    claims, problems = parse_casualties_checked("-5 killed, 200,000 killed, 8-6 wounded, 3 killed (per Mali)", "a")
    assert figures(claims) == [("killed", 3, 3, "Mali")]
    assert len(problems) == 3
    assert "negative" in problems[0] and "-5 killed" in problems[0]
    assert "100,000" in problems[1]
    assert "backwards" in problems[2]
    assert parse_casualties("-5 killed, 3 killed", "a") == claims[:0] + [Claim("a", "killed", 3, 3, "", "3 killed")]


def test_best_estimate_is_the_median_per_side_summed():
    mnla = parse_casualties(infobox_field("001_070efaabfcf43540.txt", "Casualties2"), "b")  # 111, 4, 37 dead
    loyalists = parse_casualties(infobox_field("001_070efaabfcf43540.txt", "Casualties1"), "a")  # 35 killed
    assert best_estimate(mnla) == 37
    assert best_estimate(mnla + loyalists) == 72


def test_best_estimate_uses_range_midpoints_and_open_lows():
    claims = parse_casualties("50–101 killed", "a") + parse_casualties("14+ civilians killed", "a")
    assert best_estimate(claims) == 76 + 14


def test_best_estimate_is_none_without_a_number_of_dead():
    assert best_estimate(parse_casualties("2 injured (per Mali), dozens killed", "a")) is None
    assert best_estimate([]) is None


CASUALTY_WORDS = ["2", "-5", "1,500", "200000", "killed", "dead", "injured", "prisoners", "vehicles", "destroyed",
                  "civilians", "(per MNLA)", "(According to the MNLA)", "Per CSP:", "\n", ",", ";", "and", "+",
                  "–", "twenty-eight", "a dozen", "dozens", "hundreds", "Unknown", "[2]", "(", ")", "up to", "at least"]


@settings(max_examples=200)
@given(st.one_of(st.text(), st.lists(st.sampled_from(CASUALTY_WORDS), max_size=14).map(" ".join)))
def test_parse_casualties_returns_claims_or_raises_a_parse_error(text):
    try:
        claims = parse_casualties(text, "a")
    except ParseError:
        return
    for claim in claims:
        assert claim.side in ("a", "civilian")
        assert claim.low is None or 0 <= claim.low <= 100_000
        assert claim.high is None or claim.low is None or claim.low <= claim.high


@settings(max_examples=200)
@given(st.lists(st.sampled_from(CASUALTY_WORDS), max_size=14).map(" ".join))
def test_checked_parse_never_raises_and_explains_every_rejection(text):
    claims, problems = parse_casualties_checked(text, "b")
    assert all(isinstance(p, str) and p for p in problems)
    assert parse_casualties(text, "b") == claims


def test_casualty_error_is_a_parse_error():
    assert issubclass(CasualtyError, ParseError)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # figures a copy ran together with a space, each its own claim
        ("42 killed 22 wounded", [("killed", 42, 42, ""), ("injured", 22, 22, "")]),
        ("1 mort 3 blessés (selon le Mali)", [("killed", 1, 1, "Mali"), ("injured", 3, 3, "Mali")]),
        ("60+ (per IS) 17+ (per ACLED)4 (per MSA)",
         [("unknown", 60, None, "IS"), ("unknown", 17, None, "ACLED"), ("unknown", 4, 4, "MSA")]),
        # the languages articles come in
        ("11 morti\n26 feriti\n1 prigioniero", [("killed", 11, 11, ""), ("injured", 26, 26, ""), ("captured", 1, 1, "")]),
        ("3 погибших 5 раненых", [("killed", 3, 3, ""), ("injured", 5, 5, "")]),
        ("6 погибли минимум", [("killed", 6, None, "")]),
        ("12 Tote, 7 Gefangene (laut Plateforme)", [("killed", 12, 12, "Plateforme"), ("captured", 7, 7, "Plateforme")]),
        ("20–40 muertos (según el MUJAO)", [("killed", 20, 40, "MUJAO")]),
        ("100 morti (secondo l'esercito maliano)", [("killed", 100, 100, "esercito maliano")]),
        ("30 убитых (по данным Мали)", [("killed", 30, 30, "Мали")]),
        ("100 apprehended (per Mali)", [("captured", 100, 100, "Mali")]),
        # "None" as a whole figure is a count of zero
        ("None", [("killed", 0, 0, "")]),
        ("Nessuno", [("killed", 0, 0, "")]),
        # a claimant's heading as "X claim:"
        ("Malian claim:\n25 killed, 6 wounded", [("killed", 25, 25, "Malian"), ("injured", 6, 6, "Malian")]),
    ],
)
def test_written_figures_of_copied_pages_and_other_languages(text, expected):
    assert figures(parse_casualties(text, "a")) == expected


def test_a_parenthesis_naming_civilians_does_not_make_a_soldiers_figure_civilian():
    [claim] = parse_casualties("60 + injured (civilian/military estimate)", "a")
    assert (claim.side, claim.kind, claim.low) == ("a", "injured", 60)
    assert parse_casualties("15 civilians dead", "a")[0].side == "civilian"
