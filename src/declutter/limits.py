"""Numbers that keep loading safe on hostile or mislabelled pages.

They shape no content decision (those live in :mod:`declutter.weights`); each says what it bounds,
its unit, and why it has its value.
"""

from __future__ import annotations

__all__ = [
    "BINARY_EDGE_BYTES",
    "BINARY_CONTROL_SHARE",
    "BINARY_SAMPLE_BYTES",
    "BINARY_STRANGE_SHARE",
    "BINARY_WINDOW_BYTES",
    "DETECT_CHAOS_TOLERANCE",
    "DETECT_COHERENCE_TOLERANCE",
    "DETECT_CONTEXT_BYTES",
    "DETECT_SAMPLE_BYTES",
    "GZIP_CHUNK_BYTES",
    "MAX_ATTRIBUTES",
    "MAX_PARSE_DEPTH",
    "MOJIBAKE_MIN_RUNS",
    "MOJIBAKE_SHARE",
    "UTF8_LIE_SHARE",
    "UTF8_STRAY_MIN_CHARS",
    "UTF8_STRAY_SHARE",
    "UTF16_NUL_SHARE",
]

DETECT_SAMPLE_BYTES = 64 * 1024
"""Bytes handed to the encoding detector for an undeclared page that is not UTF-8. Detection cost
grows with the sample; 64 KB of non-ASCII neighbourhoods is far more text than it needs."""

DETECT_CONTEXT_BYTES = 64
"""Bytes kept on each side of every run of non-ASCII bytes in the detector's sample. Markup and
ASCII script make up most of a page and tell the detector nothing, while the words around the
accented letters tell it the language; 64 bytes is a few words either side."""

DETECT_CHAOS_TOLERANCE = 0.05
"""How much more "mess" (charset-normalizer's chaos, 0..1) windows-1252 may show than the best
single-byte guess and still be preferred to it. The detector tells Latin code pages apart badly
(French in cp1252 comes back as cp1257); browsers default undeclared Western pages to
windows-1252, and on re-encoded WCXB and trafilatura pages this tolerance took correct decodings
from 72 % to 99 %."""

DETECT_COHERENCE_TOLERANCE = 0.05
"""How much less language coherence (0..1) windows-1252 may show than the best single-byte guess
and still be preferred to it; see DETECT_CHAOS_TOLERANCE."""

MAX_PARSE_DEPTH = 1000
"""Element nesting kept when a page nests deeper than libxml2 accepts (2048 levels with
huge_tree): opening and closing tags beyond this depth are dropped and their text joins the
element above, as browsers do past their own limits (Chrome flattens beyond 512). Real pages nest
10-40 deep."""

MAX_ATTRIBUTES = 1000
"""Attributes of one element passed to the parser; the rest of a tag's attributes are dropped.
libxml2 checks each attribute against every earlier one of its element, so a tag with 100,000
attributes (1.5 MB) took 50 s to parse; real tags have under 50."""

GZIP_CHUNK_BYTES = 64 * 1024
"""Compressed bytes handed to the decompressor at a time: after each member of a gzip stream the
decompressor copies the input it did not use, so handing it the whole body made a stream of many
small members quadratic (100,000 members: 6 s)."""

BINARY_SAMPLE_BYTES = 8 * 1024
"""Bytes from the start of a page read to tell binary data from text (file signatures, control
characters, the NUL pattern of UTF-16)."""

BINARY_WINDOW_BYTES = 1024
"""Bytes of a page judged at a time when it holds runs of binary data (see
BINARY_CONTROL_SHARE): a window this long of random bytes has 11 % of controls give or take 1 %,
so it never passes for text, and text next to binary bytes loses at most this much."""

BINARY_EDGE_BYTES = 64
"""Gap between control bytes that still joins them to a run of binary data (see
BINARY_WINDOW_BYTES): the window at either edge of a run is partly binary, and its binary part
ends at the last control byte before a gap this long. Random bytes hold a control every 9 bytes
on average; a gap of 64 comes once in 3,000."""

BINARY_STRANGE_SHARE = 0.1
"""Share of private-use, unassigned and replacement characters above which a window of
BINARY_WINDOW_BYTES characters of a UTF-16 or UTF-32 page is binary data: random bytes read two
at a time give 15 % (153 a window, give or take 11), text next to none (an icon font's
private-use glyphs: at most 5.2 % in a window of the 2,233 pages of the four sets and the
corpus, each decoded and judged as if it came in UTF-16)."""

BINARY_CONTROL_SHARE = 0.05
"""Share of C0 control bytes (tab, line breaks and escape aside) above which bytes that do not
look like markup are binary data, not text, and so is a window of BINARY_WINDOW_BYTES in any
page. Text in any 8-bit or multi-byte codec has next to
none; random or compressed bytes have about 11 % (28 of the 256 byte values)."""

UTF16_NUL_SHARE = 0.1
"""Share of the bytes at odd (or even) offsets that are NUL from which undeclared bytes are UTF-16
without a byte-order mark, when the other offsets hold under a tenth as many. Markup and Latin
text in UTF-16 have NUL at nearly every other byte; Cyrillic or Greek prose still has it at each
space and stop (about 15 %); text in an 8-bit codec or random bytes have it on neither side or on
both alike."""

MOJIBAKE_MIN_RUNS = 3
"""Runs of twice-decoded UTF-8 ("â€™", "Ã©") a page must hold before it is repaired: one or two
could be chance pairs of real characters ("Gruß…" is valid UTF-8 read back as bytes)."""

MOJIBAKE_SHARE = 0.5
"""Share of a page's runs of upper-half characters that must read back as UTF-8 before it is
repaired. A page decoded twice has nearly all of them so; a page of real accented letters has
next to none (a letter alone is never UTF-8)."""

UTF8_LIE_SHARE = 0.5
"""Share of a page's non-ASCII characters that may fail to decode when it declares UTF-8 and
still be read as UTF-8 with replacement characters. Above it the declaration is a lie (Korean in
EUC-KR or Russian in cp1251 under a UTF-8 label: nearly every non-ASCII byte fails) and the
encoding is detected; a UTF-8 page with a few broken sequences has next to none."""

UTF8_STRAY_SHARE = 0.1
"""Share of an undeclared page's non-ASCII characters that may fail to decode as UTF-8 while it
is still read as UTF-8 with replacement characters (a stray byte, a character cut in two, the
edge of dropped binary bytes). A legacy page fails on nearly all of them (cp1252 accents: every
one that precedes an ASCII letter; EUC-KR, GBK or Shift-JIS: about nine in ten pairs), so the
detector decides those, as before."""

UTF8_STRAY_MIN_CHARS = 20
"""Non-ASCII characters that must decode as UTF-8 before a page with stray bytes is read as
UTF-8 (see UTF8_STRAY_SHARE): a page with a handful of accents is left to the detector."""
