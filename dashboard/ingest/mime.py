"""A page saved as a MIME message (a browser's .mht/.mhtml "web archive", a mailed copy .eml): the page inside it,
decoded from its transfer encoding (quoted-printable, base64) and charset by the standard library's email package."""
from __future__ import annotations

import email
import email.policy
import re

# The first lines of a MIME document: its headers, before any page text.
_HEADERS = re.compile(rb"\A(?:[\w-]{2,40}:[^\n]*\n(?:[ \t][^\n]*\n)*){1,40}?\n", re.I)
_MIME = re.compile(rb"^(?:mime-version|content-type|content-transfer-encoding)\s*:", re.I | re.M)


def mime_page(data: bytes) -> str | None:
    """The text of a MIME document's page (its HTML part first, else its plain text), None when the bytes are
    not a MIME document."""
    head = _HEADERS.match(data[:20000].replace(b"\r\n", b"\n"))
    if head is None or not _MIME.search(head.group()):
        return None
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return None
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken transfer encoding
        return None
    return content if isinstance(content, str) and content.strip() else None
