"""Posts copied from social media (an embedded tweet, a Telegram or Facebook post): hashtags are read as the words
they tag ("#Tinzaouaten" is Tinzaouaten, "#Mali" is Mali); the embed's signature line dates the post (text.published)."""
from __future__ import annotations

import re

# "#Kidal", "#FAMa"; not a URL's fragment ("page#section"), an HTML entity ("&#39;"), a colour ("#ff0000" is read
# as a word too, harmlessly) or a heading's mark ("# Title" has a space).
_HASHTAG = re.compile(r"(?<![\w&/#])#(?=[^\W\d_])")


def without_hashtag_marks(text: str) -> str:
    """The text with each hashtag's "#" dropped, so the tagged name reads as a word."""
    return _HASHTAG.sub("", text) if "#" in text else text
