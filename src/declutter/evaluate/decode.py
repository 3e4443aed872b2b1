"""Bytes to text for the evaluation harness (the peers that want ``str``, and the renderer).

The extraction pipeline has its own decoder; this one is kept apart so that evaluation does not
depend on the code it evaluates. Order: a byte-order mark; the charset the page declares in a
``<meta>`` tag near its start; strict UTF-8; a guess by charset-normalizer; Windows-1252.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["declared_charset", "decode_html"]

# How far into the page to look for a <meta> charset declaration. The HTML standard says the
# first 1024 bytes, but real pages put it after long inline styles; 64 KiB finds those.
_SNIFF_BYTES = 65536

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)

# Labels that the HTML standard decodes as another encoding.
_HTML_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "iso8859_1": "windows-1252",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset declared in a ``<meta>`` tag, if it is known."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    label = _HTML_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> str:
    """Decode an HTML (or text) page; never fails, undecodable bytes become U+FFFD."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, "replace")
    declared = declared_charset(data)
    if declared is not None and declared not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):
        # A page that declares UTF-16 in ASCII-compatible bytes is lying; fall through.
        return data.decode(declared, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("windows-1252", "replace")
