"""Article text made inert wherever the browser shows it: Streamlit's Markdown, and the map's HTML and scripts."""
from __future__ import annotations

import html
import re

_JS_ENTITIES = (("\\", "&#92;"), ("`", "&#96;"), ("$", "&#36;"), ("{", "&#123;"), ("}", "&#125;"))
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~$:=^])")


def markdown_text(text: object) -> str:
    """Text shown literally by st.markdown: HTML escaped, every Markdown/LaTeX control character backslashed."""
    plain = "" if text is None else str(text)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(plain, quote=False))


def js_safe_text(text: object) -> str:
    """HTML-escape text and also neutralise `$`, backtick, backslash (JS template literals) and braces.

    Braces because branca renders the page's script once more as a Jinja template: "{{ 7*7 }}" in a title
    would otherwise be run on the server and show as 49.
    """
    escaped = html.escape("" if text is None else str(text), quote=True)
    for character, entity in _JS_ENTITIES:
        escaped = escaped.replace(character, entity)
    return escaped
