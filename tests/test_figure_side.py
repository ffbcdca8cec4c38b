"""Whose loss a figure is, from the words around it: the noun's party, the subject of "lost", the state's word for
its enemies, civilians; and "unknown" when nothing says."""
from __future__ import annotations

import pytest

from dashboard.casualties.figure_side import NounPhrase, figure_side
from dashboard.parties.mentions import side_of_mention

MALI_JNIM = [["Mali"], ["JNIM"]]


def side_of(mention):
    index = side_of_mention(mention, MALI_JNIM, 2023)
    return "ab"[index] if index is not None else None


def noun_after(text: str, number: str, noun: str, **flags) -> tuple[tuple[int, int], NounPhrase]:
    start = text.index(number)
    end = start + len(number)
    return (start, end), NounPhrase(end + 1 + len(noun), flags.pop("klass", "person"), None, False, False, False, "",
                                    False, **flags)


@pytest.mark.parametrize("text, number, noun, hostile, claimant, side", [
    ("JNIM lost 20 fighters", "20", "fighters", False, "a", "b"),  # the subject's, not the claimant's
    ("it lost 3 soldiers", "3", "soldiers", False, "a", "a"),  # the claimant speaking of itself
    ("20 terroristes neutralisés", "20", "terroristes", True, None, "b"),  # the state's word for its enemies
    ("12 assailants were killed", "12", "assailants", True, None, "unknown"),  # either side may have attacked
    ("12 assailants were killed", "12", "assailants", True, "a", "b"),  # the army's attackers
])
def test_whose_loss_a_figure_is(text, number, noun, hostile, claimant, side):
    at, phrase = noun_after(text, number, noun, hostile=hostile)
    assert figure_side(text, at, phrase, "person", None, None, None, side_of, claimant, True, len(text)) == side


def test_civilians_are_civilians_whoever_states_them():
    at, phrase = noun_after("30 civilians were killed", "30", "civilians", klass="civilian")
    assert figure_side("30 civilians were killed", at, phrase, "civilian", None, None, None, side_of, "a", True, 24) \
        == "civilian"
