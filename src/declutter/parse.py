"""Stage 1, second part: parse the decoded page, whatever its markup does.

libxml2 parses; this module keeps hostile markup from making it slow or lossy: tags of more
than MAX_ATTRIBUTES attributes are cut (its attribute check is quadratic), markup nested past
MAX_PARSE_DEPTH is flattened, text after an early ``</html>`` is read as browsers read it, and a
frameset page's ``<noframes>`` is its body. :mod:`declutter.load` decodes the page and calls
:func:`parse_markup` and :func:`read_noframes`. Nothing is ever fetched: the parser resolves no
entities from outside, loads no DTD and touches no network.
"""

from __future__ import annotations

import re

import regex
from lxml import etree

from .limits import (
    MAX_ATTRIBUTES,
    MAX_PARSE_DEPTH,
)

__all__ = ["parse_markup", "read_noframes"]


def _parser() -> etree.HTMLParser:
    # A new parser per call: lxml parsers are not safe to share between threads. lxml.etree's
    # parser, not lxml.html's: the latter looks up a Python element class for every element the
    # walk touches, and nothing here needs HtmlElement's methods. No table of id attributes
    # (nothing looks elements up by id): 4 % fewer instructions per parse.
    return etree.HTMLParser(
        collect_ids=False,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        recover=True,
        default_doctype=False,
        encoding="utf-8",
    )


_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())
_TAG_BYTES = regex.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")


def _too_deep(parser: etree.HTMLParser) -> bool:
    """Whether libxml2 stopped parsing at its nesting limit (the rest of the page is lost)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def _flatten(source: bytes) -> bytes:
    """The page with tags nested deeper than MAX_PARSE_DEPTH removed, their text kept. A
    removed tag of a block element (``<li>``, ``<td>``, ``<p>``...) leaves a line break, so the
    texts it parted do not run into one word ("item oneitem two"); an inline one leaves nothing.

    Depth is counted from the tags alone (no implied closing), so it may over-count on sloppy
    markup; it runs only on pages the parser has already given up on.
    """
    from .segment import BLOCK_TAGS  # segment reads load's Document: imported on use

    breaks = {tag.encode() for tag in BLOCK_TAGS}
    depth = 0

    def keep(match: regex.Match[bytes]) -> bytes:
        nonlocal depth
        tag: bytes = match.group(0)
        if match.group(2).lower() in _VOID or tag.endswith(b"/>"):
            return tag
        if match.group(1):
            kept = depth <= MAX_PARSE_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            kept = depth <= MAX_PARSE_DEPTH
        if kept:
            return tag
        return b"\n" if match.group(2).lower() in breaks else b""

    flat: bytes = _TAG_BYTES.sub(keep, source)
    return flat


_ATTRIBUTE = rb"""[\s/]++[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
# On the standard library's engine: 2.3 times faster than ``regex`` on the long tags of
# wcxb-dev, and ``regex`` kept about 1 MB of match state for these patterns between pages.
# Both engines read ``\s`` in bytes as the same six ASCII spaces.
_FIRST_ATTRIBUTES = re.compile(rb"<[A-Za-z][^\s/>]*+(?:%s){%d}" % (_ATTRIBUTE, MAX_ATTRIBUTES))
_MORE_ATTRIBUTES = re.compile(rb"(?:%s)*+" % _ATTRIBUTE)
# The page read as text and tags with under MAX_ATTRIBUTES attributes, each byte once (every
# quantifier possessive): the match ends at the end of the page or where a tag with more
# begins. A tag is read as the parser reads it, so a ">" in a quoted value does not end it and
# a tag-like text inside a value (an inline SVG in a data URI) is no tag; searching for long
# tags from every "<" instead read a page of 1,700 tags of 999 attributes each in 54 s.
_SHORT_TAGS = re.compile(
    rb"(?:[^<]++|<(?![A-Za-z])|<[A-Za-z][^\s/>]*+(?:%s){0,%d}+(?!%s))*+"
    % (_ATTRIBUTE, MAX_ATTRIBUTES - 1, _ATTRIBUTE)
)


def _cap_attributes(source: bytes) -> bytes:
    """The page with every tag cut to its first MAX_ATTRIBUTES attributes (the bytes themselves
    when no tag has that many)."""
    pieces: list[bytes] = []
    done = at = 0
    while True:
        short = _SHORT_TAGS.match(source, at)
        assert short is not None  # matches the empty string
        if short.end() == len(source):
            break
        first = _FIRST_ATTRIBUTES.match(source, short.end())
        assert first is not None  # a tag with MAX_ATTRIBUTES attributes starts there
        more = _MORE_ATTRIBUTES.match(source, first.end())
        assert more is not None  # matches the empty string
        pieces.append(source[done : first.end()])
        done = at = more.end()
    if not pieces:
        return source
    pieces.append(source[done:])
    return b"".join(pieces)


_END_HTML = re.compile(rb"</html\s*>", re.IGNORECASE)


_SPACE_TO_END = re.compile(rb"\s*\Z")


def _after_end(source: bytes) -> list[tuple[int, int]] | None:
    """The spans of the page around its ``</html>`` end tags when anything but white space
    follows the first: libxml2 drops everything after one, where browsers keep reading into the
    body (a comment section or a second page printed after the end tag). ``None`` otherwise
    (most pages: one end tag, last)."""
    end = _END_HTML.search(source)
    if end is None or _SPACE_TO_END.match(source, end.end()):
        return None
    spans = []
    start = 0
    for found in _END_HTML.finditer(source):
        spans.append((start, found.start()))
        start = found.end()
    spans.append((start, len(source)))
    return spans


class _Spans:
    """The page's spans read as one file (``read(size)``, as lxml's parser pulls its input): the
    page without its end tags, never copied whole. Parsed so, libxml2 reads a slice at a time
    and drops what it has parsed, where its push parser (``feed``) held about 2 MB more on a page
    of 5 MB; the tree is the same as parsing the joined spans."""

    __slots__ = ("_at", "_source", "_spans")

    def __init__(self, source: bytes, spans: list[tuple[int, int]]) -> None:
        self._source = source
        self._spans = spans[::-1]  # popped from the end
        self._at = spans[0][0]

    def read(self, size: int = -1) -> bytes:
        while self._spans:
            stop = self._spans[-1][1]
            if self._at < stop:
                start = self._at
                self._at = stop if size < 0 else min(stop, start + size)
                return self._source[start : self._at]
            self._spans.pop()
            if self._spans:
                self._at = self._spans[-1][0]
        return b""


def parse_markup(source: bytes) -> etree._Element | None:
    source = _cap_attributes(source)
    spans = _after_end(source)
    parser = _parser()
    try:
        root = (
            etree.fromstring(source, parser=parser)
            if spans is None
            else etree.parse(_Spans(source, spans), parser).getroot()
        )
        if _too_deep(parser):
            whole = source if spans is None else b"".join(source[a:b] for a, b in spans)
            root = etree.fromstring(_flatten(whole), parser=_parser())
    except (
        etree.ParserError,
        etree.XMLSyntaxError,
        ValueError,
    ):  # "Document is empty" and the like
        return None
    return root


def read_noframes(root: etree._Element) -> None:
    """A frameset page's ``<noframes>`` content made its body, in place: what a browser without
    frames shows, and the only text such a page holds (its frames are other pages, never
    fetched). The parser keeps that content as raw text; it is parsed here as a body of its
    own. Pages without a ``<frameset>`` are left alone: in a body, ``<noframes>`` shows nothing."""
    if root.find("frameset") is None:
        return
    texts = [n.text for n in root.iter("noframes") if n.text]
    inner = parse_markup(("<html><body>" + "".join(texts)).encode("utf-8")) if texts else None
    body = inner.find("body") if inner is not None else None
    if body is None:
        return
    for frameset in root.findall("frameset"):
        root.remove(frameset)
    existing = root.find("body")
    if existing is None:
        root.append(body)
    else:
        existing.extend(body)
