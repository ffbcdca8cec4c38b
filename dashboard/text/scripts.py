"""Digits and punctuation of other scripts as the readers expect them: Arabic-Indic digits ("٢٠١٤") as "2014", the
Arabic comma and semicolon ("كيدال، مالي") as "," and ";", the letter-stretching tatweel dropped, and the Arabic
conjunctions and prepositions glued to a definite word set apart ("والمتمردين" -> "و المتمردين", "للجيش" -> "ل الجيش"),
so that the names read whole."""
from __future__ import annotations

import re

_TABLE = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
                        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic (Persian, Urdu)
                        "\u060c": ",", "\u061b": ";", "\u066b": ".", "\u066c": ",", "\u0640": None})


# Letters of the scripts written without spaces between words (Japanese kana, Chinese characters, Korean
# syllables): their words are found inside a run of letters, and counted by characters.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_GLUED = re.compile(r"(?<![\u0600-\u06FF])([وفبك])(?=ال[\u0600-\u06FF])")
_FOR_THE = re.compile(r"(?<![\u0600-\u06FF])(و?)لل(?=[\u0600-\u06FF]{2})")  # "للجيش" is "ل" + "الجيش" ("for the army")


def western_digits(text: str) -> str:
    """The text with other scripts' digits and list punctuation as ASCII ("٥٠ قتيلا، ٤٠ جريحا" -> "50 قتيلا, 40 جريحا")."""
    text = text.translate(_TABLE)
    if "ل" not in text:
        return text
    return _GLUED.sub(r"\1 ", _FOR_THE.sub(r"\1ل ال", text))
