"""Undo UTF-8 that was decoded twice: "itâ€™s" and "cafÃ©" back to "it’s" and "café".

A page in UTF-8 read once as windows-1252 or Latin-1 (by a crawler that stored it, or by an HTTP
client that assumed ISO-8859-1 for a response without a charset) turns every non-ASCII character
into two to four characters from the upper half of those code pages. Such a run, mapped back to
the bytes those characters stand for, is UTF-8; a real accented letter alone is not ("é" is one
byte, no UTF-8 sequence).

The decision is all or nothing per page and is taken on the page's UTF-8 bytes, before parsing
(:func:`twice_decoded`): at least MOJIBAKE_MIN_RUNS runs must read back as UTF-8, and they must
make up MOJIBAKE_SHARE of all the runs. So a German "Gruß…" (bytes DF 85, valid UTF-8 by
chance) on a page of single accented letters stays as it is. The repair itself works on the
parsed tree's text and attributes in place (:func:`repair_tree`), or on a text page's text
(:func:`repair_text`): the page is never copied for it, and text the markup spelled with
character references ("&acirc;&euro;&trade;") is mended too.
"""

from __future__ import annotations

import regex
from lxml import etree

from .limits import MOJIBAKE_MIN_RUNS, MOJIBAKE_SHARE

__all__ = ["repair_text", "repair_tree", "twice_decoded"]


def _shown() -> dict[str, int]:
    """Each byte 0x80-0xFF as windows-1252 shows it and as Latin-1 shows it (the two differ from
    0x80 to 0x9F, where Latin-1 has control characters), mapped back to the byte."""
    shown: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        shown[chr(byte)] = byte
        try:
            shown[bytes([byte]).decode("cp1252")] = byte
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: nothing in windows-1252
            pass
    return shown


_BYTE_OF = _shown()
_RUN = regex.compile("[" + regex.escape("".join(_BYTE_OF)) + "]{2,}")
"""Two or more of those characters in a row."""
_RUN_BYTES = regex.compile(
    b"(?:" + b"|".join(regex.escape(char.encode("utf-8")) for char in _BYTE_OF) + b")+"
)
"""One or more of them, in UTF-8 (two or three bytes each)."""
_SIGN = regex.compile(
    rb"\xc3[\x82-\xb4]"  # a lead byte's character, then a continuation byte's: U+0080-U+00BF,
    rb"(?:\xc2[\x80-\xbf]|\xe2[\x80-\x84]"  # windows-1252's punctuation (U+2013-U+2122),
    rb"|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"  # its letters and accents
)
"""A lead byte's character followed by a continuation byte's, in UTF-8: no twice-decoded page
lacks one, and the search that tells (about 0.07 ms on a WCXB page) is all other pages pay."""


def _undo(run: str) -> str | None:
    """The text a run of characters stands for when their bytes are UTF-8, else ``None``."""
    if len(run) < 2:
        return None
    try:
        return bytes(_BYTE_OF[char] for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return None


def twice_decoded(data: bytes) -> bool:
    """Whether a page's UTF-8 bytes hold text decoded twice, by the rule of the module."""
    if _SIGN.search(data) is None:
        return False
    runs = repaired = 0
    for match in _RUN_BYTES.finditer(data):
        runs += 1
        repaired += _undo(match.group().decode("utf-8")) is not None
    return repaired >= MOJIBAKE_MIN_RUNS and repaired >= MOJIBAKE_SHARE * runs


def repair_text(text: str) -> str:
    """The text with every run that reads back as UTF-8 replaced by what it stands for."""
    return str(_RUN.sub(lambda match: _undo(match.group()) or match.group(), text))


def _code(el: etree._Element) -> bool:
    if el.tag == "style":
        return True
    return el.tag == "script" and "ld+json" not in (el.get("type") or "")


def repair_tree(root: etree._Element) -> None:
    """:func:`repair_text` on every text, tail and attribute value of the tree, in place; not on
    the code of scripts and style sheets, which no reader sees (JSON-LD data is mended).

    Only text with a character beyond ASCII can change, and only changed text is written back:
    a script's code is never read (a page's megabytes of it were copied into strings), and the
    parser's text stays where it is."""
    for el in root.iter(etree.Element):
        if not _code(el):
            text = el.text
            if text and not text.isascii():
                fixed = repair_text(text)
                if fixed != text:
                    el.text = fixed
        tail = el.tail
        if tail and not tail.isascii():
            fixed = repair_text(tail)
            if fixed != tail:
                el.tail = fixed
        for name, value in el.attrib.items():
            if not value.isascii():
                fixed = repair_text(value)
                if fixed != value:
                    el.set(name, fixed)
