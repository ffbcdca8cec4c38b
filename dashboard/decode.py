"""Turn an article file's bytes into text, saying which encoding was used and refusing what is not text."""
from __future__ import annotations

import codecs
from dataclasses import dataclass

from dashboard.model import ArticleError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str = ""  # set when the file was not plain UTF-8, so the user hears of it


def decode_article(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM), UTF-16 (with BOM), else cp1252/latin-1 with a note; normalise line ends."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"file is {len(data) // (1024 * 1024)} MB, over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit")
    if not data.strip():
        raise ArticleError("file is empty")
    text, encoding, note = _decode(data)
    if _looks_binary(text):
        raise ArticleError(f"file is not text (binary bytes; decoded as {encoding})")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("file is empty")
    return DecodedText(text, encoding, note)


def _decode(data: bytes) -> tuple[str, str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", "file is UTF-16; read as UTF-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"file starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig", ""
    try:
        return data.decode("utf-8"), "utf-8", ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", "file is not UTF-8; read as cp1252 (Windows Western European)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", "file is not UTF-8; read as latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls > max(8, len(sample) // 100)
