"""One reader per article shape, behind one interface: `read_article(text)` picks the reader by structure."""
from __future__ import annotations

from dashboard.model import ArticleError
from dashboard.ingest.layout.base import RawArticle, Reader
from dashboard.ingest.layout.markdown_infobox import MarkdownInfoboxReader
from dashboard.ingest.layout.table import TableReader
from dashboard.ingest.layout.webpage import WebPageReader
from dashboard.ingest.layout.wikitext import WikitextReader

# Order matters: the most explicit structure first (a wikitext template cannot be mistaken for anything else).
READERS: list[Reader] = [WikitextReader(), MarkdownInfoboxReader(), TableReader(), WebPageReader()]


def read_article(text: str) -> RawArticle:
    """Split an article into its parts with the first reader whose structure it has; ArticleError when none fits."""
    for reader in READERS:
        if reader.detect(text):
            return reader.read(text)
    raise ArticleError("no recognisable structure: no infobox, labelled fields or table rows were found")


__all__ = ["READERS", "RawArticle", "Reader", "read_article"]
