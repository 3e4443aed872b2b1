"""Stage 2: cut a document into blocks, in reading order.

HTML: one iterative walk over the tree (no recursion, so any nesting depth is safe). Block-level
elements open and close blocks; inline text joins the open block; script, style, template and
form-control elements give nothing, nor do elements hidden by class or inline style. Render
tricks are walked and only marked with the class word "hidden": the ``hidden`` attribute
(streamed server renders park whole pages in it) and a style-hidden element holding a large
part of the page (frameworks hide everything until their scripts run), when they are containers:
a hidden paragraph or heading is hidden text. Text pages: one block per non-empty line.
"""

from __future__ import annotations

import re
import unicodedata

import regex
from lxml import etree

from .blocks import CAPTION, CODE, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, ROW, Block, Kind, Node
from .deadline import Deadline
from .load import Document
from .metadata import answer_key
from .weights import (
    ANCHOR_MIN_WORDS,
    ANSWER_KEY_CHARS,
    HIDDEN_MEASURES,
    HIDDEN_WRAPPER_CHARS,
    IDENTIFIER_SHARE,
    MAX_CELL_CHARS,
    MAX_PATH,
    MAX_ROW_CHARS,
    SPLIT_MAX_CHARS,
)

__all__ = ["DECLARED_ANSWER", "segment", "segment_html", "segment_text", "squeeze", "tokens_of"]

BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt
    fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr html
    legend li main menu nav ol p pre search section summary table tbody td tfoot th thead tr ul
    """.split()
)
"""Elements that start and end a block of their own."""

TEXT_LEVEL_TAGS = frozenset(
    """p h1 h2 h3 h4 h5 h6 caption figcaption pre a span em strong b i small label code""".split()
)
"""Elements that hold text, not a page: hidden, they are hidden text however long (the render
tricks that hide or park a whole page use containers)."""

SKIP_TAGS = frozenset(
    """script style template svg annotation annotation-xml iframe object embed canvas video audio
    source track map area select option optgroup input textarea datalist head title meta link
    base noframes noembed
    """.split()
)
"""Elements whose text is never page content. MathML is read, but not the TeX source its
``annotation`` carries beside the formula. (The parser keeps the inside of <noframes> and
<noembed> as raw markup text, which browsers that show frames and embeds never render.)"""

LINK_TAGS = frozenset({"a", "button"})
"""Elements whose text counts as link text (navigation and controls)."""

HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "is-hidden",
        "invisible",
        "blind",
        "offscreen",
        "a11y-hidden",
        "u-hidden",
    }
)
"""Class tokens that hide an element from sighted readers."""

SPOKEN_LABEL_ENDINGS = (
    "sr-only",
    "sronly",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "screenreader",
    "hidden-accessible",
)
"""Endings of a class word, after a framework's or a site's prefix (``u-sr-only``,
``eds-is-hidden-accessible``), that hides its text from sighted readers. Inside a ``<button>``
such text is skipped (:meth:`_Walk.spoken_label`): it is the name a screen reader speaks for an
icon button ("Save this event: <the card's title>", "Decrease quantity of <the product>").
Elsewhere WCXB's gold keeps it as often as not ("Sale price", "Regular price" before a card's
two prices), and inside links a shop's visible "Up to 50%" banner had its spoken twin only."""

PANEL_WORDS = frozenset(
    {"accordion", "collapse", "collapsible", "expandable", "panel", "tab", "tabpanel", "toggle"}
)
"""Class/id/role words of a collapsed panel: an accordion's section, a product page's
"Details" or "Ingredients" tab. Its inline ``display:none`` only waits for a click, so it is
walked however short (marked "hidden", like a render trick), unless a word of it starts with
``faq``: a collapsed FAQ answer stays skipped, as the questions above it are the part on show."""
HIDDEN_TOKEN = frozenset({"hidden"})
"""Added to the class/id words of an element with the ``hidden`` attribute."""
DECLARED_ANSWER = "json-ld answer"
"""A class/id word no markup can give (it holds a space): marks a hidden element read as an
answer that the page's JSON-LD declares, for the reason of its blocks."""
ANSWER_TOKEN = frozenset({"answer", DECLARED_ANSWER})
"""Added to the class/id words of such an element: "answer" weighs what it weighs on any
element (HINT_WORDS), and cancels the hiding class word's weight."""

_NO_TOKENS: frozenset[str] = frozenset()
_TOKEN_ATTRIBUTES = ("id", "role", "itemprop")
"""Attributes whose words join the class words (:func:`tokens_of`), in this order."""
_HIDING_ATTRIBUTES = frozenset(
    {"popover", "hidden", "role", "aria-modal", "aria-hidden", "style", "v-cloak", "x-cloak"}
)
"""Attributes :func:`_hidden` reads besides the class (and a dialog's ``open``): most elements
have none of them."""
_HAS_TEXT = regex.compile(r"[\p{L}\p{N}]")
_ASCII_HAS_TEXT = re.compile(r"[A-Za-z0-9]")
"""The same for ASCII text, in the standard library's engine, which is called at half the cost."""
_HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_SPACE = r"[\t\n\x0b\x0c\r ]*"  # the regex module's \s on ASCII; re's also takes \x1c-\x1f
_ASCII_HIDDEN_STYLE = re.compile(
    rf"display{_SPACE}:{_SPACE}none|visibility{_SPACE}:{_SPACE}hidden", re.IGNORECASE
)
"""The same for an ASCII style (nearly all), in the standard library's engine: a third less."""
_SPLIT = regex.compile(r"[^\p{L}\p{N}]+")
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
# For ASCII words (most class names): camelCase in the standard library's engine, and the split
# at anything but letters and digits as one byte translation to spaces and a str.split() (a
# fifth of the cost of a pattern's split; only letters, digits and spaces are left to split).
_ASCII_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ASCII_SPACES = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _ascii_pieces(text: str) -> list[str]:
    """An ASCII text's runs of letters and digits (:data:`_SPLIT`'s pieces, empty ones left out)."""
    return text.encode("ascii").translate(_ASCII_SPACES).decode("ascii").split()


_LAYOUT_IN_ROW = frozenset(
    {"table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "li"}
)
"""Elements that make a table row page layout rather than data (a <p> in a cell is still data)."""
_KIND_TAGS = {
    "h1": HEADING, "h2": HEADING, "h3": HEADING, "h4": HEADING,
    "h5": HEADING, "h6": HEADING, "li": LIST_ITEM, "dt": LIST_ITEM,
    "dd": LIST_ITEM, "pre": CODE, "blockquote": QUOTE,
    "figcaption": CAPTION, "caption": CAPTION,
}  # fmt: skip
_LIST_TAGS = frozenset({"ul", "ol", "dl"})
"""Elements whose nesting gives a list item its level."""
_KIND_STOP = frozenset(
    {"article", "section", "main", "body", "table", "ul", "ol", "dl", "td", "th"}
)
_BULLET = regex.compile(r"^\s*(?:[-*•·▪●◦‣–—]|\d{1,3}[.)]|[a-z][.)]|\(\d{1,3}\))\s+\S")
_ASCII_BULLET = re.compile(rf"(?:[-*]|\d{{1,3}}[.)]|[a-z][.)]|\(\d{{1,3}}\)) \S")
"""The same for a clean ASCII line (matched at its start), whose only white space is single
spaces between words."""
_WS = regex.compile(r"[^\S\n]+")
_UUID = regex.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", regex.IGNORECASE
)


def _mostly_identifiers(text: str) -> bool:
    """Whether the text is nearly all UUIDs (two or more, over IDENTIFIER_SHARE of the text): no
    reader sees them; they stand in a page's markup to be hidden by its CSS. A sentence that
    quotes one UUID is text. Two UUIDs hold eight hyphens: counting them first spares nearly
    every block the search."""
    if len(text) < 72 or text.count("-") < 8:
        return False
    found = _UUID.findall(text)
    return len(found) > 1 and sum(map(len, found)) > IDENTIFIER_SHARE * len(text)


def tokens_of(el: etree._Element, cache: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """Lower-case class/id/role/itemprop words of an element, split at punctuation and camelCase.

    ``cache`` maps attribute strings already split, and their parts, to their words (pages
    repeat class names).
    """
    return _tokens(el, el.keys(), el.get("class"), cache)


def _tokens(
    el: etree._Element,
    names: list[str],
    cls: str | None,
    cache: dict[str, frozenset[str]] | None,
) -> frozenset[str]:
    """:func:`tokens_of`, given the element's attribute names and its class (the walk has read
    both already): only the attributes it has are read, one lxml call each."""
    raw = cls or ""
    if cls is None or len(names) > 1:  # not a class alone (the most common)
        anchor = "id" in names and _names_its_heading(el)
        for name in _TOKEN_ATTRIBUTES:
            if name in names and not (anchor and name == "id"):
                value = el.get(name)
                if value:
                    raw = f"{raw} {value}" if raw else value
    if not raw:
        return _NO_TOKENS
    if cache is None:
        cache = {}
    found = cache.get(raw)
    if found is None:
        found = cache[raw] = _words_of(raw, cache)
    return found


_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_SLUG_SPLIT = regex.compile(r"[^\p{L}\p{N}]+")


def _names_its_heading(el: etree._Element) -> bool:
    """Whether the element's id is the slug of its own heading (``<section id="s-meta-options">``
    over "Meta options", ``<h2 id="related-objects">Related objects</h2>``): an anchor named after
    the section's topic, not a word for its role."""
    ident = el.get("id") or ""
    if ident.isalnum():
        return False  # one word: no slug of a heading of ANCHOR_MIN_WORDS words
    words = {w for w in _slug_words(ident.lower()) if len(w) > 1}
    if len(words) < ANCHOR_MIN_WORDS:
        return False
    heading = el if el.tag in _HEADINGS else None
    if heading is None:
        for seen, child in enumerate(el.iterdescendants()):
            if seen >= 4:
                break
            if isinstance(child.tag, str) and child.tag in _HEADINGS:
                heading = child
                break
    if heading is None:
        return False
    text = {w for w in _slug_words("".join(heading.itertext()).lower()) if w}
    return words <= text


def _slug_words(text: str) -> list[str]:
    """A text split at anything but letters and digits (in the standard library's engine when
    it is ASCII, where both engines' classes agree)."""
    return _ascii_pieces(text) if text.isascii() else _SLUG_SPLIT.split(text)


def _words_of(raw: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words of an attribute string: those of each of its parts, each part split once per
    page (``cache``; the parts of class strings repeat more than the strings do)."""
    parts = raw.split()
    if len(parts) == 1:
        return _part_words(parts[0])
    words: set[str] = set()
    for part in parts:
        found = cache.get(part)
        if found is None:
            found = cache[part] = _part_words(part)
        words.update(found)
    return frozenset(words)


def _part_words(part: str) -> frozenset[str]:
    """One class/id word lower-cased, and its pieces split at punctuation and camelCase."""
    lower = part.lower()
    if part.isascii():  # pieces of the lower-cased word: ASCII letters stay letters
        if part == lower:  # no capital, so no camelCase
            if part.isalnum():
                return frozenset((lower,))  # one plain word ("content", "col12")
            return frozenset((lower, *_ascii_pieces(lower)))
        return frozenset((lower, *_ascii_pieces(_ASCII_CAMEL.sub(" ", part).lower())))
    words = {lower}
    words.update(map(str.lower, filter(None, _SPLIT.split(_CAMEL.sub(" ", part)))))
    return frozenset(words)


def _markup_text(text: str | None) -> bool:
    """Markup kept as text: a <noscript> whose content was escaped (tracking <img> tags)."""
    return bool(text) and text.lstrip()[:1] == "<"  # type: ignore[union-attr]


def _hidden(
    el: etree._Element, tag: str, names: list[str], cls: str | None, classes: dict[str, bool]
) -> str:
    """How an element is hidden from sighted readers: "class" (a hiding class word, a <dialog>
    without ``open`` or an element with a ``popover`` attribute, which browsers do not render
    until a script or a button shows them, a dialog hidden by any means, or an element of
    TEXT_LEVEL_TAGS hidden by its style or the ``hidden`` attribute, but for
    ``hidden="until-found"``, whose text the browser's find reveals), "style"
    (an inline style, or Vue's and Alpine's ``v-cloak`` and ``x-cloak``, which hide an element
    until the framework runs), or "" (not hidden). ``names`` are the element's attribute names
    and ``cls`` its class (read by the walk); ``classes`` caches the verdict per class
    attribute."""
    if cls:
        verdict = classes.get(cls)
        if verdict is None:
            lower = cls.lower()
            words = lower.split()
            verdict = classes[cls] = not HIDDEN_CLASSES.isdisjoint(words) or (
                "display-none" in lower and any(w.endswith("display-none") for w in words)
            )
        if verdict:
            return "class"
    if tag == "dialog" and "open" not in names:
        return "class"
    if _HIDING_ATTRIBUTES.isdisjoint(names):
        return ""  # most elements: nothing else can hide them
    if "popover" in names:
        return "class"
    if "hidden" in names and tag in TEXT_LEVEL_TAGS and el.get("hidden") != "until-found":
        return "class"  # a paragraph or a heading so hidden is hidden text, not a parked page
    get = el.get
    dialog = get("role") in ("dialog", "alertdialog") or get("aria-modal") == "true"
    if dialog and (get("aria-hidden") == "true" or "hidden" in names):
        return "class"  # a closed dialog: no render trick parks a page in one
    style = get("style")
    hiding = _ASCII_HIDDEN_STYLE if style and style.isascii() else _HIDDEN_STYLE
    if (style and hiding.search(style)) or "v-cloak" in names or "x-cloak" in names:
        # A dialog hidden so is a closed one, never a page its scripts have yet to show; a
        # paragraph or a heading is hidden text, however long.
        return "class" if dialog or tag in TEXT_LEVEL_TAGS else "style"
    return ""


def _data_row(tr: etree._Element) -> bool:
    """A table row whose cells hold short inline text (data), not page layout."""
    size = cell = 0
    for el in tr.iterdescendants():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in _LAYOUT_IN_ROW:
            return False
        if tag in ("td", "th"):
            cell = 0
        n = len(el.text or "") + len(el.tail or "")
        size += n
        cell += n
        if size > MAX_ROW_CHARS or cell > MAX_CELL_CHARS:
            return False
    return True


def _visible(text: str) -> str:
    """Text as a reader sees it, in one canonical form: soft hyphens, word joiners and BOMs
    (invisible unless a line breaks there) removed, composed to NFC so that the same word is
    always the same code points."""
    if text.isascii():
        return text  # nothing to remove, and ASCII is NFC
    if "\xad" in text or "\u2060" in text or "\ufeff" in text:
        text = text.replace("\xad", "").replace("\u2060", "").replace("\ufeff", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


_SPACE_CHARS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
"""The characters str.split() splits at (str.isspace())."""
_TO_SPACE = str.maketrans(dict.fromkeys(_SPACE_CHARS, " "))


def squeeze(line: str) -> str:
    """The line single-spaced and stripped, as ``" ".join(line.split())``. A long line is
    squeezed in place of that: split() made a list of its every word (a 10 MB text node: 130
    MB); here white space becomes spaces and runs of spaces are halved until none is left,
    never more than two copies of the line at a time."""
    if len(line) <= SPLIT_MAX_CHARS:
        return " ".join(line.split())
    line = line.translate(_TO_SPACE)
    while "  " in line:
        line = line.replace("  ", " ")
    return line.strip(" ")


def _normalise(text: str) -> str:
    if "\n" not in text:
        return squeeze(text)
    lines = (
        " ".join(line.split()) if len(line) <= SPLIT_MAX_CHARS else squeeze(line)
        for line in text.split("\n")
    )
    return "\n".join(line for line in lines if line)


def _normalise_code(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\t", "    ").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


class _Walker:
    """State of one walk; lives only inside :func:`segment_html`."""

    def __init__(self, deadline: Deadline, answers: frozenset[str] = frozenset()) -> None:
        self.answers = answers
        self.blocks: list[Block] = []
        self.stack: list[Node] = []
        self.depth = 0
        self.parts: list[str] = []
        self.link_chars = 0
        self.in_link = 0
        self.in_pre = 0
        self.lists = 0  # <ul>, <ol> and <dl> elements on the stack
        self.row: etree._Element | None = None
        self.cells = 0
        self.next_id = 0
        self.deadline = deadline
        self.token_cache: dict[str, frozenset[str]] = {}
        self.hidden_cache: dict[str, bool] = {}
        self.label_cache: dict[str, bool] = {}
        self.in_button = 0
        self.shown: set[etree._Element] = set()
        self.declared: set[etree._Element] = set()
        self.measures = 0
        self.card_from = -1  # blocks made before the outermost open <a> started (-1: none open)
        self.card_open = False  # the open block belongs to a card link that has ended

    def add(self, text: str) -> None:
        """Append source text; its line breaks are plain white space outside <pre>. White space
        that would open a block is dropped there: the block's text is normalised without it
        (most often the source's indentation between two blocks)."""
        if text:
            if not self.in_pre:
                if not self.parts and text.isspace():
                    return
                text = text.replace("\r", " ").replace("\n", " ")
            self.parts.append(text)
            if self.in_link:
                self.link_chars += len(text.strip())

    def _kind(self) -> tuple[Kind, int]:
        for node in reversed(self.stack[-5:]):  # the five innermost elements
            tag = node.tag
            kind = _KIND_TAGS.get(tag)
            if kind is not None:
                if kind is HEADING:
                    return kind, int(tag[1])
                if kind is LIST_ITEM:
                    return kind, self.lists
                return kind, 0
            if tag in _KIND_STOP:
                break
        return PARAGRAPH, 0

    def flush(self, kind: Kind | None = None) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts.clear()  # the walk holds this list (the text it adds goes straight in)
        link_chars, self.link_chars = self.link_chars, 0
        card, self.card_open = self.card_open, False
        if raw.isspace():
            return  # most often the source's indentation between two blocks
        raw = _visible(raw)
        # Normalising only removes white space (and a row's edge bars), so the text has a letter
        # or digit exactly when the raw text has one: decided before any normalising.
        if not (_ASCII_HAS_TEXT if raw.isascii() else _HAS_TEXT).search(raw):
            return  # white space, punctuation, bullets and icons alone carry no content
        if kind is None:
            kind, level = (CODE, 0) if self.in_pre else self._kind()
        else:
            level = 0
        text = _normalise_code(raw) if kind is CODE else _normalise(raw)
        if kind is not CODE and _mostly_identifiers(text):
            return  # UUIDs that a page's CSS hides between the letters of a word (obfuscation)
        if kind is ROW:
            text = text.strip(" |")
        # In the order of the fields, not by keyword: a class called with keywords gets them
        # as a dict, which made this call take two fifths longer.
        path = tuple(self.stack[-MAX_PATH:])
        if link_chars > len(text):  # noqa: PLR1730 (a test: cheaper than min())
            link_chars = len(text)
        self.blocks.append(
            Block.cut(len(self.blocks), text, kind, level, path, self.depth, link_chars, card)
        )

    def spoken_label(self, cls: str) -> bool:
        """Whether a class attribute hides its element's text for screen readers only (a word
        ending in one of SPOKEN_LABEL_ENDINGS); cached per attribute."""
        verdict = self.label_cache.get(cls)
        if verdict is None:
            verdict = self.label_cache[cls] = any(
                w.endswith(SPOKEN_LABEL_ENDINGS) for w in cls.lower().split()
            )
        return verdict

    def _skipped(self, el: etree._Element) -> bool:
        """Whether an element hidden by its inline style (:func:`_hidden` says "style") gives
        nothing. One that holds a large part of the page is a render trick (pages that hide
        everything until their scripts run), not hidden content: it is walked, marked with the
        "hidden" class word. The count stops at HIDDEN_WRAPPER_CHARS characters, and at most
        HIDDEN_MEASURES elements are measured per page (linear time): a store hides each of
        its mega menus, popups and tabs before its product, which the eighth measure missed.
        A collapsed panel (PANEL_WORDS) is walked without a measure."""
        own = _tokens(el, el.keys(), el.get("class"), self.token_cache)
        if not PANEL_WORDS.isdisjoint(own) and not any(t.startswith("faq") for t in own):
            self.shown.add(el)  # an accordion's or a tab's panel waits for a click
            return False
        if self.measures >= HIDDEN_MEASURES:
            return True
        self.measures += 1
        chars = 0
        for text in el.itertext():
            chars += len(text)
            if chars >= HIDDEN_WRAPPER_CHARS:
                self.shown.add(el)
                return False
        return True

    def _end_link(self) -> None:
        """The outermost <a> ended and wrapped several blocks: those closed inside it, and the
        one still open, are a card's (:attr:`Block.card`). Blocks are remade only for such
        links; a menu item's link lies within one block (a link in a sentence too)."""
        start = self.card_from
        blocks = self.blocks
        for i in range(start, len(blocks)):
            b = blocks[i]
            blocks[i] = Block.cut(b.index, b.text, b.kind, b.level, b.path, b.depth, b.link_chars,
                                  True)  # fmt: skip
        if self.parts:
            self.card_open = True

    def walk(self, root: etree._Element) -> list[Block]:
        walker = etree.iterwalk(root, events=("start", "end"))
        # The tag of each element opened and not yet ended, None for one whose subtree is
        # skipped (or that is no element): an end event reads it here, not from lxml (reading
        # ``el.tag`` makes a new string on each call).
        opened: list[str | None] = []
        seen = 0
        parts = self.parts  # the open block's text, cleared (never replaced) by flush
        hidden_cache = self.hidden_cache
        token_cache = self.token_cache
        for event, el in walker:
            if event == "end":
                closed = opened.pop()
                if closed is not None:
                    if closed in LINK_TAGS:
                        self.in_link -= 1
                        if closed == "button":
                            self.in_button -= 1
                        if not self.in_link and self.card_from >= 0:
                            # The outermost <a> ended: a card link when it spans several blocks.
                            if len(self.blocks) - self.card_from + (1 if self.parts else 0) > 1:
                                self._end_link()
                            self.card_from = -1
                    if self.row is not None:
                        if el is self.row:
                            self.flush(ROW)
                            self.row = None
                            self.stack.pop()
                    elif closed in BLOCK_TAGS:
                        if self.parts:
                            self.flush()
                        if closed == "pre":
                            self.in_pre -= 1
                        elif closed in _LIST_TAGS:
                            self.lists -= 1
                        self.stack.pop()
                    self.depth -= 1
                # :meth:`add` of the tail, written out: a call per element cost more
                tail = el.tail
                if tail:
                    if not self.in_pre:
                        if not parts and tail.isspace():
                            continue
                        tail = tail.replace("\r", " ").replace("\n", " ")
                    parts.append(tail)
                    if self.in_link:
                        self.link_chars += len(tail.strip())
                continue
            tag = el.tag
            if not isinstance(tag, str):  # comments, processing instructions, entities
                opened.append(None)
                continue
            seen += 1
            if seen & 1023 == 0:
                self.deadline.check("segment")
            if tag in SKIP_TAGS or (tag == "noscript" and _markup_text(el.text)):
                walker.skip_subtree()
                opened.append(None)
                continue
            # Attribute names in one lxml call; the few attributes read are looked up by name
            # only when present (each lookup is a call into lxml, and most are absent).
            names = el.keys()
            cls = el.get("class") if "class" in names else None
            if names:
                # Most elements have a class already judged visible and no other hiding
                # attribute: that case is settled here, without the call.
                if (
                    (cls is None or hidden_cache.get(cls) is False)
                    and tag != "dialog"
                    and _HIDING_ATTRIBUTES.isdisjoint(names)
                ):
                    how = ""
                else:
                    how = _hidden(el, tag, names, cls, hidden_cache)
                if how and self.answers and answer_key(_opening(el)) in self.answers:
                    how = ""  # an answer the page declares in its JSON-LD: on show
                    self.declared.add(el)
                if (
                    how == "class"
                    or (how == "style" and self._skipped(el))
                    or (self.in_button and cls and self.spoken_label(cls))
                ):
                    walker.skip_subtree()
                    opened.append(None)
                    continue
            opened.append(tag)
            if self.row is not None:  # inside a data row: cells are separators, not blocks
                if tag in ("td", "th"):
                    self.cells += 1
                    if self.cells > 1:
                        self.add(" | ")
                elif tag == "br" or tag in BLOCK_TAGS:  # a <div> in a cell: a new line
                    self.add(" ")
            elif tag in BLOCK_TAGS:
                if self.parts:
                    self.flush()
                if not names:
                    tokens = _NO_TOKENS
                elif cls and len(names) == 1 and cls in token_cache:
                    tokens = token_cache[cls]  # a class alone, split before (most elements)
                else:
                    tokens = _tokens(el, names, cls, token_cache)
                if "hidden" in names or el in self.shown:
                    # Not skipped: streamed server renders park whole pages in hidden elements.
                    tokens = tokens | HIDDEN_TOKEN
                if self.declared and el in self.declared:
                    tokens = tokens | ANSWER_TOKEN
                self.stack.append(Node.opened(self.next_id, tag, tokens))
                if tag in _LIST_TAGS:
                    self.lists += 1
                self.next_id += 1
                if tag == "tr" and _data_row(el):
                    self.row = el
                    self.cells = 0
                elif tag == "pre":
                    self.in_pre += 1
            elif tag == "br":
                self.parts.append("\n")  # a <br>: the one line break inside a block
            self.depth += 1
            if tag in LINK_TAGS:
                if tag == "a" and not self.in_link and not _jump_link(el):
                    # Text already open before the link ("Share: <a>...</a>") is no card's:
                    # its block is closed first inside the link, so the card starts after it.
                    lead = any(not part.isspace() for part in self.parts)
                    self.card_from = len(self.blocks) + lead
                self.in_link += 1
                if tag == "button":
                    self.in_button += 1
            text = el.text  # :meth:`add`, written out as for the tails
            if text:
                if not self.in_pre:
                    if not parts and text.isspace():
                        continue
                    text = text.replace("\r", " ").replace("\n", " ")
                parts.append(text)
                if self.in_link:
                    self.link_chars += len(text.strip())
        self.flush()
        return self.blocks


def _opening(el: etree._Element) -> str:
    """The first ANSWER_KEY_CHARS or so characters of an element's text (at most twice as many:
    a text node can be long)."""
    parts: list[str] = []
    size = 0
    for text in el.itertext():
        parts.append(text)
        size += len(text)
        if size >= ANSWER_KEY_CHARS:
            break
    return " ".join(parts)[: 2 * ANSWER_KEY_CHARS]


def segment_html(
    root: etree._Element, deadline: Deadline, answers: frozenset[str] = frozenset()
) -> list[Block]:
    """Blocks of a parsed HTML tree, in document order. ``answers`` are the keys
    (:func:`answer_key`) of the answers the page's JSON-LD declares: a hidden element that opens
    with one is read."""
    return _Walker(deadline, answers).walk(root)


def segment_text(text: str) -> list[Block]:
    """Blocks of a plain-text page: one per non-empty line."""
    blocks: list[Block] = []
    for line in _visible(text).splitlines():
        # An ASCII line (nearly all) in the standard library's engine, or in C: a line holds no
        # line break, and of ASCII white space only \x1f is str.split()'s and not the regex
        # module's \s; a clean ASCII line holds no white space but single spaces.
        ascii_line = line.isascii() and "\x1f" not in line
        clean = squeeze(line) if ascii_line else _WS.sub(" ", line).strip()
        has_text = _ASCII_HAS_TEXT if ascii_line else _HAS_TEXT
        if not clean or not has_text.search(clean) or _mostly_identifiers(clean):
            continue
        kind = LIST_ITEM if (_ASCII_BULLET if ascii_line else _BULLET).match(clean) else PARAGRAPH
        blocks.append(Block.cut(len(blocks), clean, kind, 0, (), 0, 0, False))
    return blocks


def segment(
    document: Document, deadline: Deadline, answers: frozenset[str] = frozenset()
) -> list[Block]:
    """Blocks of a loaded document, HTML or text."""
    if document.root is not None:
        return segment_html(document.root, deadline, answers)
    if document.is_html:
        return []
    return segment_text(document.text)


def _jump_link(el: etree._Element) -> bool:
    """Whether an ``<a>`` leads to a place on the same page (its ``href`` a fragment, ``#...``):
    a summary box that jumps to the page's own reviews or specs is no card of another page."""
    href = el.get("href")
    return href is not None and href.lstrip().startswith("#")
