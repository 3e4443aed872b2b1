"""Undo UTF-8 that was decoded twice: "itâ€™s" and "cafÃ©" back to "it’s" and "café".

A page in UTF-8 read once as windows-1252 or Latin-1 (by a crawler that stored it, or by an HTTP
client that assumed ISO-8859-1 for a response without a charset) turns every non-ASCII character
into two to four characters from the upper half of those code pages. Such a run, mapped back to
its bytes, decodes as UTF-8; a real accented letter alone does not ("é" is one byte, not UTF-8).

The repair is all or nothing per page: when at least MOJIBAKE_MIN_RUNS runs of those characters
decode and they make up MOJIBAKE_SHARE of all the runs, the page was decoded twice and every run
that decodes is replaced; otherwise nothing changes, so a German "Gruß…" (bytes DF 85, valid
UTF-8 by chance) in a page of single accented letters stays as it is.
"""

from __future__ import annotations

import regex

from .limits import MOJIBAKE_MIN_RUNS, MOJIBAKE_SHARE

__all__ = ["may_be_twice_decoded", "repair_mojibake"]


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
_SHOWN_CHARS = regex.escape("".join(_BYTE_OF))
_CONTINUATION_CHARS = regex.escape("".join(c for c, byte in _BYTE_OF.items() if byte < 0xC0))
_RUN = regex.compile(f"[{_SHOWN_CHARS}]+")
_SIGN = regex.compile(f"[\u00c2-\u00f4][{_CONTINUATION_CHARS}]")
"""A lead byte's character followed by a continuation byte's: no twice-decoded page lacks one."""
_SIGN_BYTES = regex.compile(
    rb"\xc3[\x82-\xb4]"  # a lead byte's character, then a continuation byte's: U+0080-U+00BF,
    rb"(?:\xc2[\x80-\xbf]|\xe2[\x80-\x84]"  # windows-1252's punctuation (U+2013-U+2122),
    rb"|\xc5[\x92\x93\xa0\xa1\xb8\xbd\xbe]|\xc6\x92|\xcb[\x86\x9c])"  # its letters and accents
)
"""The same sign in UTF-8 bytes, so that a page read straight from its bytes is decoded only when
it may need the repair (a search of about 0.07 ms on a WCXB page)."""


def may_be_twice_decoded(data: bytes) -> bool:
    """Whether UTF-8 bytes hold a sign of text decoded twice before they were encoded."""
    return _SIGN_BYTES.search(data) is not None


def _undo(run: str) -> str | None:
    """The run read back as the UTF-8 it came from, or ``None`` when it is no such thing."""
    if len(run) < 2:
        return None
    try:
        return bytes(_BYTE_OF[char] for char in run).decode("utf-8")
    except UnicodeDecodeError:
        return None


def repair_mojibake(text: str) -> str:
    """The text with twice-decoded UTF-8 undone when the page as a whole shows it; else as given."""
    if _SIGN.search(text) is None:
        return text
    found = _RUN.findall(text)
    undone = {run: fixed for run in set(found) if (fixed := _undo(run)) is not None}
    repaired = sum(run in undone for run in found)
    if repaired < MOJIBAKE_MIN_RUNS or repaired < MOJIBAKE_SHARE * len(found):
        return text
    return str(_RUN.sub(lambda match: undone.get(match.group(), match.group()), text))
