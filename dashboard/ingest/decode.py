"""Turn an article file's bytes into text, saying which encoding was used and refusing what is not text."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from dashboard.ingest.mime import mime_page
from dashboard.model import ArticleError

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
# Line and page separators other than "\n" (vertical tab, form feed, NEL, Unicode's line and paragraph separators)
# end a line. The other control characters and the invisible format characters (zero-width space, non-joiner and
# joiner, word joiner, a byte-order mark inside the text, soft hyphen) show nothing, yet split the words and labels
# a reader matches ("Forze coin\u2060volte" is no label): they are dropped.
_LINE_ENDS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = dict.fromkeys([*range(0, 9), *range(14, 32), 0x7F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD])


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str = ""  # set when the file was not plain UTF-8, so the user hears of it


def decode_article(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM), UTF-32/UTF-16 (with BOM, or UTF-16 without one), else cp1252/latin-1
    with a note; a file cut off inside its last character keeps the rest, with a note; normalise line ends and
    drop the characters that show nothing (see _INVISIBLE)."""
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(f"file is {len(data) // (1024 * 1024)} MB, over the {MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit")
    if not data.strip():
        raise ArticleError("file is empty")
    page = mime_page(data)  # a saved web archive or mail: its page, already decoded
    text, encoding, note = (page, "mime", "") if page is not None else _decode(data)
    if _looks_binary(text):
        raise ArticleError(f"file is not text (binary bytes; decoded as {encoding})")
    text = _LINE_ENDS.sub("\n", text).translate(_INVISIBLE)
    if not text.strip():
        raise ArticleError("file is empty")
    return DecodedText(text, encoding, note)


def _decode(data: bytes) -> tuple[str, str, str]:
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        return _decode_with_bom(data, "utf-32", "UTF-32")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_with_bom(data, "utf-16", "UTF-16")
    utf16 = _bomless_utf16(data)  # before UTF-8: the NUL bytes of UTF-16 are valid UTF-8
    if utf16:
        try:
            cut = " (it ends in the middle of a character: it looks cut off)" if len(data) % 2 else ""
            return (data[:len(data) - len(data) % 2].decode(utf16), utf16,
                    f"file is {utf16.upper()} without a byte-order mark; read as {utf16.upper()}{cut}")
        except UnicodeDecodeError:
            pass
    bom = ""
    if data.startswith(codecs.BOM_UTF8):
        data, bom = data[len(codecs.BOM_UTF8):], "-sig"
    try:
        return data.decode("utf-8"), "utf-8" + bom, ""
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):  # cut off inside the last character
            return (data[:exc.start].decode("utf-8"), "utf-8" + bom,
                    "file ends in the middle of a UTF-8 character: it looks cut off; read the rest as UTF-8")
    said = "file starts with a UTF-8 byte-order mark but is not UTF-8" if bom else "file is not UTF-8"
    try:
        return data.decode("cp1252"), "cp1252", f"{said}; read as cp1252 (Windows Western European)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", f"{said}; read as latin-1"


def _decode_with_bom(data: bytes, codec: str, name: str) -> tuple[str, str, str]:
    width = 4 if codec == "utf-32" else 2
    whole = len(data) - len(data) % width
    cut = " (it ends in the middle of a character: it looks cut off)" if whole < len(data) else ""
    try:
        return data[:whole].decode(codec), codec, f"file is {name}; read as {name}{cut}"
    except UnicodeDecodeError as exc:
        raise ArticleError(f"file starts with a {name} byte-order mark but is not valid {name} ({exc.reason})") from exc


def _bomless_utf16(data: bytes) -> str:
    """"utf-16-le"/"utf-16-be" when most odd (or even) bytes are NUL, as in UTF-16 text of Latin script; else ""."""
    sample = data[:4096]
    if len(sample) < 8:
        return ""
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return ""


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return "\x00" in sample or controls > max(8, len(sample) // 100)
