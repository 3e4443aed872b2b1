"""Render an HTML page to plain text the way a naive scraper does.

This is the text input of issue 4 ("plain-text pages"): every block element's text on its own
line, the alt text of every image on its own line, nothing hidden by CSS recognised, nothing
judged. Scripts, styles, ``<template>`` and the ``<head>`` are dropped; ``<noscript>`` is kept,
as a scraper that runs no JavaScript sees it (forums such as Discourse serve their posts there). Blank
lines separate paragraph-like blocks (paragraphs, headings, lists, tables, quotes, preformatted
text, figures); a line break separates the other blocks (``div``, ``li``, table rows ...). Table
rows are one line each with their cells joined by `` | `` (the corpus gold convention).
Whitespace inside a line is folded to single spaces, except inside ``<pre>``, whose lines are
kept as they are.

It works on lxml alone, independently of the extraction pipeline, so that scores on rendered
text never depend on the code they evaluate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree  # type: ignore[import-untyped, unused-ignore]
import lxml.html  # type: ignore[import-untyped, unused-ignore]

from .decode import decode_html

__all__ = ["render_text"]

# Elements whose subtree never reaches the rendered text.
_DROPPED = frozenset({"script", "style", "template", "head", "title", "meta", "link"})

# Blocks set off by a blank line before and after.
_PARAGRAPH_BLOCKS = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table", "ul", "ol",
        "dl", "figure", "hr", "address", "details", "fieldset",
    }
)  # fmt: skip

# Blocks set off by a single line break.
_LINE_BLOCKS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "li", "dt", "dd", "tr", "caption", "figcaption", "form", "legend", "summary", "dialog",
        "hgroup", "menu", "center", "option", "label", "button", "select", "textarea", "thead",
        "tbody", "tfoot", "frameset", "frame", "iframe", "noframes", "search",
    }
)  # fmt: skip

# Table cells: joined on their row's line by this separator.
_CELLS = frozenset({"td", "th"})
_CELL_SEPARATOR = " | "

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACE_RUN = re.compile(r"\s+")


@dataclass(slots=True)
class _Lines:
    """The text being written: finished lines and the pieces of the current line."""

    lines: list[str] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    pre_depth: int = 0

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.pre_depth:
            first, *rest = text.split("\n")
            self.pieces.append(first)
            for line in rest:
                self._flush(preformatted=True)
                self.pieces.append(line)
        else:
            self.pieces.append(text)

    def cell_break(self) -> None:
        if "".join(self.pieces).strip():
            self.pieces.append(_CELL_SEPARATOR)

    def line_break(self) -> None:
        self._flush(preformatted=bool(self.pre_depth))

    def paragraph_break(self) -> None:
        self.line_break()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def _flush(self, *, preformatted: bool) -> None:
        raw = "".join(self.pieces)
        self.pieces.clear()
        if preformatted:
            line = raw.rstrip()
        else:
            line = _SPACE_RUN.sub(" ", raw).strip()
            if line.endswith(_CELL_SEPARATOR.strip()):
                line = line[: -len(_CELL_SEPARATOR.strip())].rstrip()
        if line.strip():
            self.lines.append(line)

    def text(self) -> str:
        self.line_break()
        return "\n".join(self.lines).strip("\n")


def render_text(page: str | bytes) -> str:
    """The naive plain-text rendering of an HTML page (see the module docstring).

    Bytes are decoded first (BOM, then the declared charset, then UTF-8, then a guess).
    """
    text = decode_html(page) if isinstance(page, bytes) else page
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return ""
    try:
        # A parser per call (lxml parsers are not thread-safe); huge_tree lifts libxml2's
        # nesting limit of 256 to its maximum, so deep real-world markup keeps its text.
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except lxml.etree.ParserError:
        return ""
    out = _Lines()
    # An explicit stack instead of recursion: real pages nest deeper than Python's recursion
    # limit allows. Entries are (element, closing); a closing entry ends the element's block
    # and then writes its tail, which belongs to the parent.
    stack: list[tuple[lxml.etree._Element, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag.lower().rpartition("}")[2]
        if closing:
            _close(out, name)
            out.add(element.tail)
            continue
        if not name or name in _DROPPED:
            # Comments, processing instructions and dropped elements: only the tail stays.
            out.add(element.tail)
            continue
        _open(out, name, element)
        out.add(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return out.text()


def _open(out: _Lines, name: str, element: lxml.etree._Element) -> None:
    if name in _PARAGRAPH_BLOCKS:
        out.paragraph_break()
    elif name in _LINE_BLOCKS:
        out.line_break()
    elif name in _CELLS:
        out.cell_break()
    elif name == "br":
        out.line_break()
    elif name in ("img", "area") or (name == "input" and element.get("type") == "image"):
        alt = (element.get("alt") or "").strip()
        if alt:
            out.line_break()
            out.add(alt)
            out.line_break()
    if name == "pre":
        out.pre_depth += 1


def _close(out: _Lines, name: str) -> None:
    if name == "pre":
        out.line_break()
        out.pre_depth -= 1
    if name in _PARAGRAPH_BLOCKS:
        out.paragraph_break()
    elif name in _LINE_BLOCKS:
        out.line_break()
