"""Stage 1: decode bytes, tell HTML from plain text, parse (:mod:`declutter.parse`).

Nothing is ever fetched: the parser resolves no entities from outside, loads no DTD and touches
no network.
"""

from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass

import regex
from lxml import etree

from .errors import InputTooLargeError
from .limits import (
    BINARY_CONTROL_SHARE,
    BINARY_EDGE_BYTES,
    BINARY_SAMPLE_BYTES,
    BINARY_STRANGE_SHARE,
    BINARY_WINDOW_BYTES,
    DETECT_CHAOS_TOLERANCE,
    DETECT_COHERENCE_TOLERANCE,
    DETECT_CONTEXT_BYTES,
    DETECT_SAMPLE_BYTES,
    GZIP_CHUNK_BYTES,
    UTF8_LIE_SHARE,
    UTF8_STRAY_MIN_CHARS,
    UTF8_STRAY_SHARE,
    UTF16_NUL_SHARE,
)
from .mojibake import repair_text, repair_tree, twice_decoded
from .options import Options, page_codec
from .parse import parse_markup, read_noframes
from .weights import SNIFF_BYTES, SNIFF_MIN_TAGS

__all__ = [
    "Document",
    "binary_kind",
    "decode",
    "drop_binary_runs",
    "drop_strange_runs",
    "load",
    "looks_like_html",
]


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded page: a parsed HTML tree, or the text of a plain-text page."""

    root: etree._Element | None
    """The parsed tree, or ``None`` for a text page or an empty one."""
    text: str
    """The decoded text of a plain-text page (empty for HTML: the tree holds it)."""
    is_html: bool
    encoding: str
    """The codec the bytes were decoded with (``"str"`` when a ``str`` was given)."""
    url: str | None = None
    binary: str = ""
    """What the bytes are when they are no page at all ("a PNG image"); empty for a page."""
    junk: int = 0
    """Bytes of binary data dropped from the page (:func:`drop_binary_runs`)."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset=...> and <meta http-equiv="Content-Type" content="...; charset=...">, and the
# XML declaration's encoding, read from the first bytes as ASCII.
_DECLARED = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""",
    regex.IGNORECASE,
)

# The WHATWG encoding standard maps these labels to their supersets; browsers decode them so.
_SUPERSETS = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "tis-620": "cp874",
    "utf8": "utf-8",
    "unicode": "utf-8",
}

# What the encoding detector may answer for an undeclared page that is not UTF-8: the legacy
# encodings of the WHATWG standard that pages actually use. DOS and Mac code pages, which the
# detector otherwise likes for Western text, are left out: browsers never pick them unasked.
_DETECTABLE = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "cp874", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "koi8_r", "koi8_u",
    "gb18030", "big5", "euc_jp", "shift_jis", "euc_kr",
)  # fmt: skip
_MULTIBYTE = frozenset({"gb18030", "big5", "euc_jp", "shift_jis", "euc_kr"})
_NON_ASCII = regex.compile(rb"[\x80-\xff]+")

# C0 controls other than tab and line breaks, and DEL: no parser accepts them. In UTF-8 these
# byte values only ever stand for themselves, so they can be deleted from the encoded bytes.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_GZIP = b"\x1f\x8b\x08"

# Signatures of files a crawler fetches in place of a page (or stores still compressed). Each
# holds a byte no text starts with, except PDF's, whose files are binary after the header line.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (_GZIP, "gzip-compressed data that does not decompress"),
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x28\xb5\x2f\xfd", "Zstandard-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"wOFF\x00", "a web font"),
    (b"wOF2\x00", "a web font"),
    (b"OggS\x00", "Ogg audio or video"),
)  # fmt: skip
_CONTROL_TEXT_BYTES = bytes(c for c in _CONTROL_BYTES if c != 0x1B)  # ISO-2022 text has ESC
_CONTROL_TEXT = regex.compile(b"[" + regex.escape(_CONTROL_TEXT_BYTES) + b"]")
_STRANGE = regex.compile(r"[\p{Co}\p{Cn}\p{Cs}\ufffd]")
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))  # the bytes of UTF-8 that start no character
_NOT_CONTROL_TEXT_BYTES = bytes(c for c in range(256) if c not in _CONTROL_TEXT_BYTES)
_BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)
# Bytes checked as UTF-8 at a time: each slice's decoded text (up to 4 bytes a character) is
# all the check holds; slices of 256 KiB left a 5 MB page's process 1.6 MB larger.
_CHECK_SLICE = 1 << 15
_CONTROLS = tuple(bytes([c]) for c in _CONTROL_BYTES)
_XML_DECL = regex.compile(rb"^\s*<\?xml[^>]*>", regex.IGNORECASE)
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo big blockquote body br button
    canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div
    dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6
    head header hgroup hr html i iframe img input ins kbd label legend li link main map mark
    marquee math menu meta meter nav nobr noembed noframes noscript object ol optgroup option
    output p param picture plaintext pre progress q rp rt ruby s samp script search section
    select slot small source span strike strong style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr xmp""".split()
)
"""Names of HTML elements: a page that opens with one of them is markup, however short."""
_OPENING_TAG = regex.compile(r"<([A-Za-z][A-Za-z0-9]*)[\s/>]")
_TAG = regex.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|ol|h[1-6]|meta|"
    r"script|style|article|section|header|footer|nav|main|title|link|img|form|em|strong|b|i)\b)",
    regex.IGNORECASE,
)


def _codec(label: str) -> str | None:
    name = label.strip().lower()
    name = _SUPERSETS.get(name, name)
    codec = page_codec(name)
    if codec is None:  # unknown, or no character set ("base64", "rot13", "idna"): a page's lie
        return None
    # A page cannot declare itself UTF-16/32 in ASCII-readable bytes; such a label is a lie.
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return _SUPERSETS.get(codec, codec)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the codec used.

    The order is: a codec the caller forces; a byte-order mark; strict UTF-8 (bytes that decode
    as UTF-8 are UTF-8, whatever a mislabelled page declares); the page's own declaration (meta
    charset, http-equiv, XML declaration), unless it declares UTF-8 and over UTF8_LIE_SHARE of
    the non-ASCII characters fail to decode; charset-normalizer's best guess; cp1252 with
    replacement characters.
    """
    if encoding:
        return data.decode(encoding, errors="replace"), codecs.lookup(encoding).name
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec
    utf16 = _utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    declared = None
    match = _DECLARED.search(data[:SNIFF_BYTES])
    if match:
        declared = _codec((match.group(1) or match.group(2)).decode("ascii", "replace"))
    try:
        # Valid UTF-8 with multi-byte sequences is almost never legacy text that happens to
        # decode: such bytes are UTF-8 whatever the page declares (a common mislabelling).
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    if declared == "utf-8":
        # Declared UTF-8 but not valid: a few broken sequences are mended; bytes most of whose
        # non-ASCII characters do not decode were never UTF-8 (a legacy page served with a
        # site-wide UTF-8 header or template) and go to the detector.
        text = data.decode("utf-8", errors="replace")
        broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        if broken <= UTF8_LIE_SHARE * (len(text) - len(text.encode("ascii", "ignore"))):
            return text, declared
    elif declared:  # declared, not valid, but not UTF-8 either: trust the page, mend the bytes
        return data.decode(declared, errors="replace"), declared
    else:
        # Undeclared, nearly all UTF-8: a stray byte (a cut character, bytes pasted from
        # elsewhere) made the whole page legacy text before, its every accent mojibake.
        text = data.decode("utf-8", errors="replace")
        broken = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
        wide = len(text) - len(text.encode("ascii", "ignore"))
        if wide - broken >= UTF8_STRAY_MIN_CHARS and broken <= UTF8_STRAY_SHARE * wide:
            return text, "utf-8"
    guessed = _detect(data)
    return data.decode(guessed, errors="replace"), guessed


def _detection_sample(data: bytes) -> bytes:
    """The non-ASCII runs of a page with a few bytes either side, up to DETECT_SAMPLE_BYTES."""
    parts: list[bytes] = []
    end = size = 0
    for match in _NON_ASCII.finditer(data):
        start = max(match.start() - DETECT_CONTEXT_BYTES, end)
        end = match.end() + DETECT_CONTEXT_BYTES
        parts.append(data[start:end])
        size += end - start
        if size >= DETECT_SAMPLE_BYTES:
            break
    return b"".join(parts)


def _detect(data: bytes) -> str:
    """The codec charset-normalizer guesses for bytes that are neither declared nor UTF-8.

    Windows-1252 wins over a single-byte guess that is barely better, as it does in browsers.
    """
    from charset_normalizer import from_bytes  # imported late: only undeclared legacy pages need it

    matches = from_bytes(_detection_sample(data), cp_isolation=list(_DETECTABLE))
    best = matches.best()
    if best is None:
        return "cp1252"
    if best.encoding not in _MULTIBYTE:
        for match in matches:
            if (
                "cp1252" in match.could_be_from_charset
                and match.chaos <= best.chaos + DETECT_CHAOS_TOLERANCE
                and match.coherence >= best.coherence - DETECT_COHERENCE_TOLERANCE
            ):
                return "cp1252"
    return _codec(best.encoding) or "cp1252"


def looks_like_html(text: str) -> bool:
    """Whether a page is markup rather than plain text, judged from its first kilobytes."""
    head = text[:SNIFF_BYTES]
    stripped = head.lstrip()
    if stripped[:1] == "<":
        if regex.match(r"<(?:!doctype|html|\?xml|head|body|!--)", stripped, regex.I):
            return True
        opening = _OPENING_TAG.match(stripped)
        if opening and opening.group(1).lower() in HTML_ELEMENTS:
            return True  # a fragment that opens with an element (<p>, <script>...) is markup
    return len(_TAG.findall(head)) >= SNIFF_MIN_TAGS


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec of bytes that have no byte-order mark but NUL at every other byte (on
    one side far more than on the other, see UTF16_NUL_SHARE); ``None`` for anything else."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= UTF16_NUL_SHARE * half and even * 10 <= odd:
        return "utf-16-le"
    if even >= UTF16_NUL_SHARE * half and odd * 10 <= even:
        return "utf-16-be"
    return None


def binary_kind(data: bytes) -> str:
    """What the bytes are when a file signature shows they are no page ("a PNG image"), else
    an empty string. Bytes without a known signature are judged later (:func:`_control_share`)."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "a RIFF file (WebP image, WAV audio or AVI video)"
    if data[4:8] == b"ftyp":
        return "an MP4 or HEIF file (video or image)"
    return ""


def _control_share(data: bytes) -> float:
    """The share of C0 control bytes (tab, line breaks and escape aside) in the first
    BINARY_SAMPLE_BYTES: next to none in text, about 11 % in random or compressed bytes."""
    sample = data[:BINARY_SAMPLE_BYTES]
    if not sample:
        return 0.0
    return _controls_in(sample) / len(sample)


def _gunzip(data: bytes, options: Options) -> bytes | None:
    """The content of gzip-compressed bytes (a body stored with its Content-Encoding), member
    after member, bounded by ``max_input_bytes`` like any page; ``None`` when the first member
    does not decompress. A cut-off stream gives what it holds, as a cut-off page would."""
    limit = options.max_input_bytes
    parts: list[bytes] = []
    size = pos = 0
    view = memoryview(data)
    while data[pos : pos + 3] == _GZIP:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        # Fed a chunk at a time: what the decompressor copies after a member stays small.
        while not inflater.eof and pos < len(data):
            chunk = view[pos : pos + GZIP_CHUNK_BYTES]
            try:
                part = inflater.decompress(chunk, limit + 1 - size)
            except zlib.error:
                return b"".join(parts) if parts else None
            parts.append(part)
            size += len(part)
            if size > limit:
                if options.on_oversize == "raise":
                    raise InputTooLargeError(size, limit, decompressed=True)
                return b"".join(parts)[:limit]
            pos += len(chunk) - len(inflater.unused_data)
        if not inflater.eof:
            break
    return b"".join(parts) if parts else None


def _is_utf8(data: bytes) -> bool:
    """Whether the bytes are valid UTF-8, checked a slice at a time (no decoded copy kept)."""
    if data.isascii():
        return True
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), _CHECK_SLICE):
            decoder.decode(data[start : start + _CHECK_SLICE])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _utf8(text: str) -> bytes:
    """The text as UTF-8. Surrogates (only a ``str`` can hold them) in pairs are the character
    the pair stands for, as in UTF-16 (text cut out of JavaScript or Java strings: "\\ud83d\\ude00"
    is one emoji); a lone one becomes U+FFFD."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        paired = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return paired.encode("utf-8")


def _controls_in(data: bytes) -> int:
    """How many C0 control bytes (tab, line breaks and escape aside) the bytes hold."""
    return len(data) - len(data.translate(None, _CONTROL_TEXT_BYTES))


def _binary_window(window: bytes) -> bool:
    """Whether a window of UTF-8 bytes holds binary data: over BINARY_CONTROL_SHARE of its
    characters are controls, the commonest control aside (a run of NUL or of form feeds is
    padding, not binary data, and the text around it stays). Random or compressed bytes hold
    every control value about alike. Counted in characters, not bytes: binary bytes decoded in
    a legacy codec and re-encoded take 1.5 bytes each, as replacement characters 3."""
    controls = window.translate(None, _NOT_CONTROL_TEXT_BYTES)
    if len(controls) <= BINARY_CONTROL_SHARE * len(window) / 4:  # 4 bytes a character at most
        return False
    commonest = max(controls.count(value) for value in set(controls))
    characters = len(window.translate(None, _CONTINUATION_BYTES))
    return len(controls) - commonest > BINARY_CONTROL_SHARE * characters


def drop_strange_runs(text: str) -> tuple[str, int]:
    """Text decoded from UTF-16 or UTF-32 without its runs of binary data, and how many
    characters they held. Binary bytes read two or four at a time make next to no controls
    (:func:`drop_binary_runs` finds none) but characters no text uses: a window of
    BINARY_WINDOW_BYTES characters of which over BINARY_STRANGE_SHARE are private-use,
    unassigned or replacement characters (random bytes: 15 %) is dropped whole."""
    window = BINARY_WINDOW_BYTES
    starts = range(0, len(text) - window + 1, window)  # a shorter rest joins the last window
    kept: list[str] = []
    dropped = 0
    for start in starts:
        end = len(text) if start == starts[-1] else start + window
        strange = len(_STRANGE.findall(text, start, end))
        if strange > BINARY_STRANGE_SHARE * (end - start):
            dropped += end - start
        else:
            kept.append(text[start:end])
    if not dropped:
        return text, 0
    return "".join(kept), dropped


def _run_edges(data: bytes, start: int, end: int) -> tuple[int, int]:
    """The binary bytes of a run of binary windows: from its first control byte to its last,
    widened to every control byte that lies within BINARY_EDGE_BYTES of them (the windows at
    its edges hold text on one side)."""
    first = _CONTROL_TEXT.search(data, start, end)
    last = [m.end() for m in _CONTROL_TEXT.finditer(data, max(start, end - BINARY_EDGE_BYTES), end)]
    if first is None:
        return start, end
    start, end = first.start(), last[-1] if last else end
    for position in reversed(
        [
            m.start()
            for m in _CONTROL_TEXT.finditer(data, max(0, start - BINARY_WINDOW_BYTES), start)
        ]
    ):
        if start - position > BINARY_EDGE_BYTES:
            break
        start = position
    for match in _CONTROL_TEXT.finditer(data, end, end + BINARY_WINDOW_BYTES):
        if match.start() - end >= BINARY_EDGE_BYTES:
            break
        end = match.end()
    return start, end


def _char_start(data: bytes, at: int) -> int:
    """The first position from ``at`` that starts a UTF-8 character (or the end)."""
    while at < len(data) and 0x80 <= data[at] < 0xC0:
        at += 1
    return at


def drop_binary_runs(data: bytes) -> tuple[bytes, int]:
    """UTF-8 bytes without their runs of binary data, and how many bytes were dropped. The page
    is read in windows of BINARY_WINDOW_BYTES; a window with over BINARY_CONTROL_SHARE of C0
    control bytes is binary (random, compressed or image bytes pasted into a page, a body cut
    into a file of another type) and is dropped whole, whatever markup or text it seems to
    hold: decoded, it would only be mojibake. Text in any language has next to none (at most
    1.1 % in a window on the four development sets), binary bytes about 11 %, of nearly every
    control value (:func:`_binary_window`). A page shorter than a window, or with fewer
    controls than one binary window holds, is returned as it is, without a copy."""
    window = BINARY_WINDOW_BYTES
    if _controls_in(data) <= BINARY_CONTROL_SHARE * window / 4:
        return data, 0
    runs: list[tuple[int, int]] = []
    starts = range(0, len(data) - window + 1, window)  # a shorter rest joins the last window
    for start in starts:
        end = len(data) if start == starts[-1] else start + window
        if _binary_window(data[start:end]):
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
    if not runs:
        return data, 0
    kept: list[bytes] = []
    at = 0
    for start, end in runs:
        start, end = _run_edges(data, start, min(end, len(data)))
        start, end = max(_char_start(data, start), at), _char_start(data, end)
        kept.append(data[at:start])
        at = end
    kept.append(data[at:])
    out = b"".join(kept)
    return out, len(data) - len(out)


def _clean(data: bytes) -> tuple[bytes, int]:
    """UTF-8 bytes without what no parser accepts: runs of binary data
    (:func:`drop_binary_runs`), then C0 controls other than tab and line breaks; and how many
    bytes the runs of binary data held. The bytes themselves when there is no control (most
    pages: no copy)."""
    # One memchr per control byte is about 40 times faster than a regex class over the page.
    if not any(c in data for c in _CONTROLS):
        return data, 0
    data, junk = drop_binary_runs(data)
    return data.translate(None, _CONTROL_BYTES), junk


def load(page: str | bytes | bytearray | memoryview, url: str | None, options: Options) -> Document:
    """Turn what the caller gave into a :class:`Document`."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if data[:3] == _GZIP:
            inflated = _gunzip(data, options)
            data = data if inflated is None else inflated
        kind = binary_kind(data)
        if kind:
            return Document(None, "", False, "binary", url, kind)
        if len(data) > options.max_input_bytes:
            if options.on_oversize == "raise":
                raise InputTooLargeError(len(data), options.max_input_bytes)
            data = data[: options.max_input_bytes]
        wide = data.startswith(_BOM_PREFIXES) or _utf16(data) is not None
        wide_junk = 0
        # Without C0 controls in the bytes, an ASCII-compatible page decodes to none: the one
        # scan serves _clean as well (a codec the caller forces may be EBCDIC: scanned again).
        controlled = wide or options.encoding is not None or any(c in data for c in _CONTROLS)
        if controlled and not wide:
            # before the encoding is chosen: binary bytes would make a UTF-8 page undecodable
            data, wide_junk = drop_binary_runs(data)
        if options.encoding is None and not wide and _is_utf8(data):
            # What decode() would choose first; the bytes serve the parser as they are, and no
            # decoded copy of the page is ever held.
            text, codec, source = "", "utf-8", data
        else:
            text, codec = decode(data, options.encoding)
            source = None
        if wide:
            text, wide_junk = drop_strange_runs(text)
        # Counted in the bytes (a legacy decoding may swallow a control with the byte before
        # it), but in the text for UTF-16 and -32, whose bytes are full of NUL.
        controls = _control_share(_utf8(text[:BINARY_SAMPLE_BYTES]) if wide else data)
    else:
        source = None
        wide_junk = 0
        controlled = True  # scanned in _clean
        text, codec = page, "str"
        # Measured in characters first, so a huge str is never encoded only to be refused.
        if (
            len(text) > options.max_input_bytes
            or len(text.encode("utf-8", "surrogatepass")) > options.max_input_bytes
        ):
            if options.on_oversize == "raise":
                raise InputTooLargeError(
                    len(text.encode("utf-8", "surrogatepass")), options.max_input_bytes
                )
            text = text.encode("utf-8", "surrogatepass")[: options.max_input_bytes].decode(
                "utf-8", "ignore"
            )
        controls = _control_share(_utf8(text[:BINARY_SAMPLE_BYTES]))
    # Memory: the page is held once as text and once as UTF-8 at most, and only the tree (or,
    # for a text page, the text) outlives this function.
    data = source if source is not None else _utf8(text)
    data, junk = _clean(data) if controlled else (data, 0)
    junk += wide_junk
    del text, source
    if options.input_format == "html":
        is_html = True
    elif options.input_format == "text":
        is_html = False
    else:
        is_html = looks_like_html(data[: 4 * SNIFF_BYTES].decode("utf-8", "ignore"))
    if (not is_html and controls > BINARY_CONTROL_SHARE and not junk) or (
        0 < junk and len(data) < BINARY_WINDOW_BYTES
    ):
        # binary data whole (the sample's controls are the dropped runs' when there were any),
        # or but for less than a window of bytes around its runs
        return Document(None, "", False, codec, url, "binary data")
    mended = twice_decoded(data)  # text that was UTF-8 decoded as windows-1252 or Latin-1
    if not is_html or not data or data.isspace():
        text = data.decode("utf-8")
        return Document(None, repair_text(text) if mended else text, is_html, codec, url, junk=junk)
    if data[:SNIFF_BYTES].lstrip()[:5].lower() == b"<?xml":
        data = _XML_DECL.sub(b"", data, count=1)
    root = parse_markup(data)
    if root is not None:
        read_noframes(root)
    if mended and root is not None:
        repair_tree(root)
    return Document(root, "", True, codec, url, junk=junk)
