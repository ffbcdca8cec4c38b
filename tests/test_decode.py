import codecs

import pytest

from dashboard.ingest.decode import decode_article
from dashboard.model import ArticleError

TEXT = "= Battle of Anéfis =\r\n\r\nInfobox\r\n- Date: July 11, 2014\r\n"


def test_utf8_with_bom_and_crlf():
    decoded = decode_article(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded.text.startswith("= Battle of Anéfis =\n\nInfobox\n") and "\r" not in decoded.text
    assert decoded.note == ""


def test_utf16_is_read_and_said():
    decoded = decode_article(TEXT.encode("utf-16"))
    assert "Anéfis" in decoded.text and decoded.encoding == "utf-16" and "UTF-16" in decoded.note


def test_cp1252_is_read_and_said():
    decoded = decode_article(TEXT.encode("cp1252"))
    assert "Anéfis" in decoded.text and decoded.encoding == "cp1252" and "not UTF-8" in decoded.note


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"  \n\n ", "empty"), (bytes(range(256)) * 4, "not text")])
def test_unreadable_files_are_named_errors(data, reason):
    with pytest.raises(ArticleError, match=reason):
        decode_article(data)


def test_line_and_page_separators_end_lines_and_invisible_characters_are_dropped():
    mangled = "= Battle of Ané\u200bfis =\x0c\nInfo\u2060box\u2028- Da\x07te: July\u00ad 11, 2014\x85- Place: Ané\ufefffis\r"
    decoded = decode_article(mangled.encode("utf-8"))
    assert decoded.text == "= Battle of Anéfis =\n\nInfobox\n- Date: July 11, 2014\n- Place: Anéfis\n"
    assert decode_article("Tab\there\n".encode()).text == "Tab\there\n"  # a tab is text
