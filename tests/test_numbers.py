"""Numbers as articles write them, in digits and in words (English, French, Spanish, Italian, Portuguese, German) (dashboard/text/numbers.py)."""
import pytest

from dashboard.text.numbers import find_numbers, words_to_digits


def values(text: str):
    return [(text[n.start:n.end], n.value) for n in find_numbers(text)]


@pytest.mark.parametrize("text, expected", [
    ("ten fighters and twenty-eight prisoners", [("ten", 10), ("twenty-eight", 28)]),
    ("a dozen soldiers, a hundred men", [("a dozen", 12), ("a hundred", 100)]),
    ("one hundred and twenty", [("one hundred and twenty", 120)]),
    ("1,500 soldiers", [("1,500", 1500)]),
    ("dix morts, vingt et un blessés, quatre-vingt-dix-sept otages", [("dix", 10), ("vingt et un", 21),
                                                                      ("quatre-vingt-dix-sept", 97)]),
    ("deux cents soldats, trois mille habitants", [("deux cents", 200), ("trois mille", 3000)]),
    ("une dizaine de morts", [("une dizaine", 10)]),
    ("dozens injured, several hundred wounded, plusieurs dizaines", [("dozens", None), ("several hundred", None),
                                                                     ("plusieurs dizaines", None)]),
    ("a few dozen", [("a few dozen", None)]),
    ("an L-39, a TB2, BRDM-2s, at 5:30am, the 2nd", []),
    ("UN peacekeepers", []),
    ("quince soldados, una decena de muertos, decenas de heridos", [("quince", 15), ("una decena", 10),
                                                                    ("decenas", None)]),
    ("dodici persone, due soldati, una ventina di morti", [("dodici", 12), ("due", 2), ("una ventina", 20)]),
    ("zwölf Soldaten, ein Dutzend Tote, Dutzende Verletzte", [("zwölf", 12), ("ein Dutzend", 12), ("Dutzende", None)]),
    ("due to the fighting, the attack was due", []),
])
def test_numbers_and_where_they_are_written(text, expected):
    assert values(text) == expected


def test_words_to_digits_keeps_vague_quantities_as_words():
    assert words_to_digits("twenty-eight prisoners, a dozen dead, several hundred injured") == \
        "28 prisoners, 12 dead, several hundred injured"
