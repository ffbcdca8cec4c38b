"""Digits and punctuation of other scripts as the readers expect them: Arabic-Indic digits ("٢٠١٤") as "2014", the
Arabic comma and semicolon ("كيدال، مالي") as "," and ";", the letter-stretching tatweel dropped."""
from __future__ import annotations

_TABLE = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
                        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Eastern Arabic-Indic (Persian, Urdu)
                        "\u060c": ",", "\u061b": ";", "\u066b": ".", "\u066c": ",", "\u0640": None})


def western_digits(text: str) -> str:
    """The text with other scripts' digits and list punctuation as ASCII ("٥٠ قتيلا، ٤٠ جريحا" -> "50 قتيلا, 40 جريحا")."""
    return text.translate(_TABLE)
