"""Article text made inert for Streamlit's Markdown: no links, images, HTML, LaTeX or formatting from an article."""
from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:=^])")


def markdown_text(text: object) -> str:
    """Text shown literally by st.markdown: HTML escaped, every Markdown/LaTeX control character backslashed."""
    plain = "" if text is None else str(text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(plain, quote=False))
