"""Stage 1: decode bytes, tell HTML from plain text, parse.

Nothing is ever fetched: the parser resolves no entities from outside, loads no DTD and touches
no network.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex
from lxml import etree, html

from .errors import InputTooLargeError
from .options import Options
from .weights import SNIFF_BYTES, SNIFF_MIN_TAGS

__all__ = ["Document", "decode", "load", "looks_like_html"]


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded page: a parsed HTML tree, or the text of a plain-text page."""

    root: html.HtmlElement | None
    """The parsed tree, or ``None`` for a text page or an empty one."""
    text: str
    """The decoded page (for HTML, the source text after cleaning)."""
    is_html: bool
    encoding: str
    """The codec the bytes were decoded with (``"str"`` when a ``str`` was given)."""
    url: str | None = None


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

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\p{Cs}")
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*>", regex.IGNORECASE)
_TAG = regex.compile(
    r"<(?:!doctype\s+html|/?(?:html|head|body|div|p|span|a|br|table|tr|td|li|ul|ol|h[1-6]|meta|"
    r"script|style|article|section|header|footer|nav|main|title|link|img|form|em|strong|b|i)\b)",
    regex.IGNORECASE,
)


def _codec(label: str) -> str | None:
    name = label.strip().lower()
    name = _SUPERSETS.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page cannot declare itself UTF-16/32 in ASCII-readable bytes; such a label is a lie.
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return _SUPERSETS.get(codec, codec)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the codec used.

    The order is: a codec the caller forces; a byte-order mark; strict UTF-8 (bytes that decode
    as UTF-8 are UTF-8, whatever a mislabelled page declares); the page's own declaration (meta
    charset, http-equiv, XML declaration); charset-normalizer's best guess; cp1252 with
    replacement characters.
    """
    if encoding:
        return data.decode(encoding, errors="replace"), codecs.lookup(encoding).name
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec
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
    if declared:  # declared, not valid, but not UTF-8 either: trust the page, mend the bytes
        return data.decode(declared, errors="replace"), declared
    from charset_normalizer import from_bytes  # imported late: only mis-declared pages need it

    best = from_bytes(data[: 256 * 1024]).best()
    if best is not None:
        guessed = _codec(best.encoding) or "cp1252"
        return data.decode(guessed, errors="replace"), guessed
    return data.decode("cp1252", errors="replace"), "cp1252"


def looks_like_html(text: str) -> bool:
    """Whether a page is markup rather than plain text, judged from its first kilobytes."""
    head = text[:SNIFF_BYTES]
    stripped = head.lstrip()
    if stripped[:1] == "<" and regex.match(r"<(?:!doctype|html|\?xml|head|body)", stripped, regex.I):
        return True
    return len(_TAG.findall(head)) >= SNIFF_MIN_TAGS


def _clean(text: str) -> str:
    """Drop characters no parser accepts: C0 controls other than tab and newlines, surrogates."""
    return _CONTROL.sub(lambda m: "" if m.group() < "\x20" or m.group() == "\x7f" else "\ufffd", text)


def _parser() -> html.HTMLParser:
    # A new parser per call: lxml parsers are not safe to share between threads.
    return html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        recover=True,
        default_doctype=False,
        encoding="utf-8",
    )


def load(page: str | bytes, url: str | None, options: Options) -> Document:
    """Turn what the caller gave into a :class:`Document`."""
    if isinstance(page, (bytes, bytearray, memoryview)):
        data = bytes(page)
        if len(data) > options.max_input_bytes:
            if options.on_oversize == "raise":
                raise InputTooLargeError(len(data), options.max_input_bytes)
            data = data[: options.max_input_bytes]
        text, codec = decode(data, options.encoding)
    else:
        text, codec = page, "str"
        # Measured in characters first, so a huge str is never encoded only to be refused.
        if len(text) > options.max_input_bytes or len(text.encode("utf-8", "surrogatepass")) > options.max_input_bytes:
            if options.on_oversize == "raise":
                raise InputTooLargeError(len(text.encode("utf-8", "surrogatepass")), options.max_input_bytes)
            text = text.encode("utf-8", "surrogatepass")[: options.max_input_bytes].decode("utf-8", "ignore")
    text = _clean(text)
    if options.input_format == "html":
        is_html = True
    elif options.input_format == "text":
        is_html = False
    else:
        is_html = looks_like_html(text)
    if not is_html or not text.strip():
        return Document(None, text, is_html, codec, url)
    source = _XML_DECL.sub("", text, count=1).encode("utf-8")
    try:
        root = html.document_fromstring(source, parser=_parser())
    except (etree.ParserError, ValueError):  # "Document is empty" and the like
        root = None
    return Document(root, text, True, codec, url)
