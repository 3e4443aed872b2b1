"""Plain-text pages, step 1: read each line.

:func:`read_lines` turns the blocks of a text page into :class:`Line` records: the keys under
which a line can repeat another (:func:`line_keys`: the whole line, the pieces of a title bar
or a breadcrumb, the line without a short section label in front), how often it repeats and
whether a copy sits right beside it, its :class:`Shape` (prose, a table row, a short line, or
a line that is no content: a label, a cookie notice, a line under a label), whether it is
title-like, and the label of the box it sits in. :mod:`declutter.textpage` then finds the main
run and decides each line from these records alone.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex  # type: ignore[import-untyped, unused-ignore]

from .blocks import Block
from .deadline import NEVER, Deadline
from .features import fingerprint, is_notice, notice_terms
from .textweights import (
    CONSENT_STEMS,
    HEADLINE_MAX_LINES,
    HEADLINE_MIN_WORDS,
    LABEL_BOX_LINES,
    LONG_LINE_WORDS,
    MAX_LABEL_WORDS,
    MAX_PREFIX_TOKENS,
    MENU_CAPITALS_SHARE,
    MENU_MIN_CASED_WORDS,
    META_DIGIT_SHARE,
    META_MAX_WORDS,
    NON_BOX_LABELS,
    NOTICE_PROSE_MAX_WORDS,
    POLICY_MAX_WORDS,
    POLICY_STEMS,
    PROSE_MIN_WORDS,
    SEPARATORS,
    TEXT_LABEL_WORDS,
    TITLE_MAX_WORDS,
    VARIANT_MIN_CHARS,
    WRAPPED_MIN_LINE_WORDS,
)
from .weights import LABEL_WORDS, SPLIT_MAX_CHARS

__all__ = ["Line", "Shape", "line_keys", "read_lines"]

_LABELS = LABEL_WORDS | TEXT_LABEL_WORDS
_DIGIT = regex.compile(r"\p{N}")
_LETTER = regex.compile(r"\p{L}")
_ASCII_DIGITS = b"0123456789"
_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_TRAILING_COUNT = regex.compile(r"(?:\s+\d+)+$")
_SENTENCE_MARKS = ".!?…。！？؟"
_FULL_STOP_MARKS = ".。,，;；:："
_CLOSERS = "\"'”’»)]」』"
"""Closing quotes and brackets, which may follow the mark a line ends with."""
_LOWER_START = regex.compile(r"^[\W\d_]*\p{Ll}")
_ASCII_LOWER_START = re.compile(r"[^A-Za-z]*[a-z]")
"""The same for an ASCII text (matched at its start), in the standard library's engine: of
ASCII, the regex module's [\\W\\d_] is all but the letters, and \\p{Ll} is a-z."""
_CASED_WORD = regex.compile(r"\b[\p{Lu}\p{Ll}][\p{L}\p{M}'’-]*")
_LABEL_MAX_CHARS = 80
"""Longer lines are never read as labels (the HTML path's limit, features.label_word)."""
_POLICY = re.compile("|".join(map(re.escape, POLICY_STEMS)))
"""Any of POLICY_STEMS, anywhere: one search in C instead of a substring test per stem."""
_CONSENT = re.compile("|".join(map(re.escape, CONSENT_STEMS)))
"""Any of CONSENT_STEMS, anywhere, likewise."""


class Shape(str, enum.Enum):
    """What a line is, before its place on the page is known."""

    PROSE = "prose"
    ROW = "row"
    SHORT = "short"
    BAD = "bad"


# The members as plain names, read by the stage like blocks' CONTENT or HEADING: on Python 3.11
# every read of an enum class's attribute (Shape.PROSE) goes through EnumType.__getattr__'s hook.
PROSE, ROW, SHORT, BAD = Shape.PROSE, Shape.ROW, Shape.SHORT, Shape.BAD


@dataclass(frozen=True, slots=True)
class Line:
    """What the stage knows about one line of a text page."""

    key: str
    """The line reduced by :func:`declutter.features.fingerprint`."""
    keys: frozenset[str]
    """Every key under which the line can be a copy of another (see :func:`line_keys`)."""
    words: int
    shape: Shape
    why: str
    """Why the line has its shape, as a reason a person can read."""
    title_like: bool
    """Short, no final full stop: a headline, a subhead or a teaser title."""
    copies: int
    """Other lines sharing one of its keys."""
    neighbour: bool
    """A copy sits right above or below it (a teaser title printed twice)."""
    label: str
    """The boilerplate label the line is, if any ("most popular")."""
    boxed: str
    """The label of the box the line sits in ("related topics"), if any."""
    colon: bool
    """Ends with a colon: the short lines after it are a list it introduces."""
    cta: bool = False
    """A short line that is a call to action or a counter ("Read more", "Get started", "Add to
    cart", "Page 2 of 8": features.label_word) with no item after a colon: a button."""
    consent: bool = False
    """Prose that names cookies or a privacy policy (CONSENT_STEMS), and they are not the page's
    topic."""


def line_keys(text: str, key: str = "") -> tuple[str, frozenset[str]]:
    """The key of a line and every key under which it can repeat another line: itself, each
    piece between separators (title bars, breadcrumbs, credits), and itself without a short
    label in front ("WORLD ...", "3. ...", "date 2022-02-09 ..."). ``key``: the line's
    fingerprint when known already (a measured block's), else found here."""
    key = key or fingerprint(text)
    keys = {key} if key else set()
    if _may_separate(text) and SEPARATORS.search(text):
        for piece in SEPARATORS.split(text):
            piece_key = fingerprint(piece)
            if _letters(piece_key) >= VARIANT_MIN_CHARS:
                keys.add(piece_key)
    # the words a label in front may take, and the rest of the key whole (single-spaced): not
    # a list of every word of a long line
    tokens = key.split(maxsplit=MAX_PREFIX_TOKENS + 1)
    label_words = 0
    letters = _letters(key)  # those of the tokens from k on, as the label in front grows
    for k in range(1, min(MAX_PREFIX_TOKENS, len(tokens) - 1) + 1):
        if not tokens[k - 1].isdigit():
            label_words += 1
            if label_words > MAX_LABEL_WORDS:
                break
            letters -= len(tokens[k - 1])
        if letters >= VARIANT_MIN_CHARS:
            keys.add(" ".join(tokens[k:]))
    return key, frozenset(keys)


def _may_separate(text: str) -> bool:
    """Whether SEPARATORS may match the text: an ASCII text holds one of its ASCII marks (its
    other marks are not ASCII). Found by scans in C, sparing most lines the pattern's call."""
    return not text.isascii() or "|" in text or "-" in text or "/" in text


_TOKEN = re.compile(r"\S+")


def _letters(key: str) -> int:
    """Characters of a key outside its number tokens."""
    if len(key) > SPLIT_MAX_CHARS:  # a long key's tokens one at a time, not as a list
        return sum(len(t) for t in map(re.Match.group, _TOKEN.finditer(key)) if not t.isdigit())
    return sum(len(t) for t in key.split() if not t.isdigit())


def _label(text: str, key: str = "") -> str:
    """The boilerplate label a line is (alone, before a colon, or with a count after it);
    ``key``: its fingerprint when known already."""
    if len(text) > _LABEL_MAX_CHARS:
        return ""
    key = key or fingerprint(text)
    for candidate in (key, _TRAILING_COUNT.sub("", key)):
        if candidate in _LABELS:
            return candidate
    for colon in (":", "："):
        head, sep, _ = text.partition(colon)
        if sep:
            head_key = fingerprint(head)
            if head_key in _LABELS:
                return head_key
    return ""


def _is_cta(text: str, label_word: str) -> bool:
    """Whether a short line is a call to action or a counter (its ``label_word``, which the
    HTML path's wording gives) and not a label that carries its item after a colon ("Learn
    more: How to pick a solar installer" is a link to another page's text, often kept)."""
    if not label_word:
        return False
    return not any(fingerprint(text.partition(c)[2]) for c in (":", "："))


def _is_meta(text: str, words: int) -> bool:
    """A short line made mostly of numbers: a date, a time, a counter, a bare list number."""
    if words > META_MAX_WORDS:
        return False
    if text.isascii():  # the letters and digits of ASCII are A-Z, a-z and 0-9: counted in C
        raw = text.encode("ascii")
        digits = len(raw) - len(raw.translate(None, _ASCII_DIGITS))
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    else:
        digits = len(_DIGIT.findall(text))
        letters = len(_LETTER.findall(text))
    return digits > 0 and digits >= META_DIGIT_SHARE * (digits + letters)


def _is_policy(text: str, words: int, notice: bool, prose: bool, topic: str) -> bool:
    """A cookie, privacy or site notice: a line of fewer than POLICY_MAX_WORDS words holding one
    of POLICY_STEMS that the page's ``topic`` (:func:`_topic`) does not hold, or one that the HTML
    path's wording reads as a notice (``notice``: consent, rights reserved, newsletter pitches,
    affiliate disclosures, photo credits) and that is no prose, or prose of at most
    NOTICE_PROSE_MAX_WORDS words: a longer paragraph that mentions JavaScript or privacy is text
    about them."""
    if notice and (not prose or words <= NOTICE_PROSE_MAX_WORDS):
        return True
    return words < POLICY_MAX_WORDS and _names_off_topic(_POLICY, text.casefold(), topic)


def _names_off_topic(stems: re.Pattern[str], text: str, topic: str) -> bool:
    """Whether ``text`` holds one of ``stems`` that the page's ``topic`` (:func:`_topic`) does
    not hold."""
    if stems.search(text) is None:
        return False
    return not topic or any(match.group() not in topic for match in stems.finditer(text))


def _topic(blocks: Sequence[Block], keys: Sequence[str], prose_flags: Sequence[bool]) -> str:
    """The page's headline as a scraper prints it, by its key: the first title-like line printed
    twice before the first prose line (a title bar, then the heading over the text); "" if none.
    The notice words it holds are what the page is about: on a cookie recipe, "Bake the cookies
    for twelve minutes" is a step, not a banner (the HTML path asks the page's title)."""
    seen: set[str] = set()
    for block, key, prose in zip(blocks, keys, prose_flags):
        if prose:
            break
        words = block.features.words
        if (
            not key
            or not HEADLINE_MIN_WORDS <= words <= TITLE_MAX_WORDS
            or block.features.label_word
            or _ends_with(block.text, _FULL_STOP_MARKS)
            or _label(block.text, key)
        ):
            continue
        if key in seen:
            return key
        seen.add(key)
    return ""


def _continues(previous: str, text: str) -> bool:
    """The line carries on the sentence of the line before (a paragraph wrapped by hand)."""
    if _ends_with(previous, _SENTENCE_MARKS):
        return False
    return bool((_ASCII_LOWER_START if text.isascii() else _LOWER_START).match(text))


def _ends_with(text: str, marks: str) -> bool:
    """Whether the text ends with one of ``marks`` and then nothing but _CLOSERS (before a final
    line break, if any): what the pattern ``[marks][closers]*$`` finds, read from the end instead
    of searched for from the start."""
    if text[-1:] == "\n":
        text = text[:-1]
    last = text.rstrip(_CLOSERS)[-1:]
    return bool(last) and last in marks


def _menu_like(texts: Sequence[str]) -> bool:
    """Most words start with a capital: a menu or a list of names flattened onto one line."""
    cased = upper = 0
    for text in texts:
        # a long line's words one at a time, not as a list (SPLIT_MAX_CHARS)
        words = (
            _CASED_WORD.findall(text)
            if len(text) <= SPLIT_MAX_CHARS
            else (m.group() for m in _CASED_WORD.finditer(text))
        )
        for word in words:
            cased += 1
            upper += word[0].isupper()
    return cased >= MENU_MIN_CASED_WORDS and upper >= MENU_CAPITALS_SHARE * cased


def _prose_flags(blocks: Sequence[Block]) -> list[bool]:
    """Which lines are prose: a sentence of enough words, or a long line that is no menu, judged
    on whole paragraphs when the scraper wrapped one over several lines."""
    flags = [False] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        # A line printed more than once (a headline, a menu entry) is a whole unit, never a
        # fragment of a wrapped paragraph, even when a lower-case byline ("di ...") follows it.
        while (
            j + 1 < len(blocks)
            and not blocks[j].features.duplicates
            and _continues(blocks[j].text, blocks[j + 1].text)
        ):
            j += 1
        words = sum(blocks[k].features.words for k in range(i, j + 1))
        if j > i and words < WRAPPED_MIN_LINE_WORDS * (j - i + 1):
            prose = False  # a column of tags or menu words, not a paragraph wrapped by hand
        elif blocks[j].features.terminal:
            prose = words >= PROSE_MIN_WORDS
        else:
            prose = words >= LONG_LINE_WORDS and not _menu_like([b.text for b in blocks[i : j + 1]])
        for k in range(i, j + 1):
            flags[k] = prose
        i = j + 1
    return flags


def _row_flags(blocks: Sequence[Block]) -> list[bool]:
    """Which lines are table rows: cells joined by " | ", next to a line with as many cells."""
    cells = [b.text.count(" | ") for b in blocks]
    return [
        c > 0 and any(0 <= j < len(cells) and cells[j] == c for j in (i - 1, i + 1))
        for i, c in enumerate(cells)
    ]


def read_lines(blocks: Sequence[Block], deadline: Deadline = NEVER) -> list[Line]:
    """What the stage knows about each line: keys, repetition, shape, labels and boxes."""
    keyed = []
    known: dict[str, tuple[str, frozenset[str]]] = {}  # a page repeats its menu lines and dates
    for i, block in enumerate(blocks):
        deadline.tick(i, "select")
        found = known.get(block.text)
        if found is None:
            found = known[block.text] = line_keys(block.text, block.features.key)
        keyed.append(found)
    holders: Counter[str] = Counter()
    for _, keys in keyed:
        holders.update(keys)
    prose_flags = _prose_flags(blocks)
    row_flags = _row_flags(blocks)
    topic = _topic(blocks, [key for key, _ in keyed], prose_flags)
    topic_notices = notice_terms(topic) if topic else frozenset()
    lines: list[Line] = []
    labels: dict[str, str] = {}  # the label of each distinct text (see known above)
    box = _Box()
    for i, (block, (key, keys)) in enumerate(zip(blocks, keyed)):
        deadline.tick(i, "select")
        words = block.features.words
        copies = max((holders[k] - 1 for k in keys), default=0)
        neighbour = any(
            0 <= j < len(keyed) and not keys.isdisjoint(keyed[j][1]) for j in (i - 1, i + 1)
        )
        label = labels.get(block.text)
        if label is None:
            label = labels[block.text] = _label(block.text, block.features.key)
        prose = prose_flags[i]
        meta = _is_meta(block.text, words)
        features = block.features
        notice = features.notice
        if notice and topic_notices and not features.label_word:
            # read again with the page's topic: notice words that are all the topic's make no
            # notice, unless the wording is a pitch or a label
            notice = is_notice(key, topic_notices)
        policy = _is_policy(block.text, words, notice, prose, topic)
        if label:
            box = _Box.opened(label, block.text)
            shape, why, boxed = BAD, f"boilerplate label '{label}'", ""
        else:
            box, boxed = box.take(prose, neighbour, meta)
            shape, why = _shape(
                words, prose, row_flags[i], copies, neighbour, meta, policy, key == "", boxed
            )
        cta = shape is SHORT and _is_cta(block.text, block.features.label_word)
        if cta:
            why = "a call to action"
        title_like = (
            HEADLINE_MIN_WORDS <= words <= TITLE_MAX_WORDS
            and not _ends_with(block.text, _FULL_STOP_MARKS)
            and not (label or meta or policy or row_flags[i])
            and holders[key] <= HEADLINE_MAX_LINES
        )
        colon = block.text.rstrip().endswith((":", "："))
        consent = prose and _names_off_topic(_CONSENT, key, topic)
        lines.append(
            Line(
                key,
                keys,
                words,
                shape,
                why,
                title_like,
                copies,
                neighbour,
                label,
                boxed,
                colon,
                cta,
                consent,
            )
        )
    return lines


@dataclass(frozen=True, slots=True)
class _Box:
    """The box a label opened: its label, the lines it may still take, and the shape of its items
    (``None`` until the first item: a teaser title printed twice, or lines printed once)."""

    label: str = ""
    left: int = 0
    doubled: bool | None = None

    @staticmethod
    def opened(label: str, text: str) -> _Box:
        """The box after a label line; none for a label that stands alone (an advertisement slot)
        or that carries its item on the same line ("Read also: <title>")."""
        inline = any(fingerprint(text.partition(c)[2]) for c in (":", "："))
        if label in NON_BOX_LABELS or inline:
            return _Box()
        return _Box(label, LABEL_BOX_LINES)

    def take(self, prose: bool, neighbour: bool, meta: bool) -> tuple[_Box, str]:
        """The box after the next line, and the label of the box that line sits in ("" if none).

        Prose ends a box; so does a line of another shape than the first item (a subhead after
        a doubled teaser title). Number lines ("1", "2") belong to any box.
        """
        if not self.label or self.left <= 0 or prose:
            return _Box(), ""
        if meta:
            return replace(self, left=self.left - 1), self.label
        if self.doubled is not None and self.doubled != neighbour:
            return _Box(), ""
        return _Box(self.label, self.left - 1, neighbour), self.label


def _shape(
    words: int,
    prose: bool,
    row: bool,
    copies: int,
    neighbour: bool,
    meta: bool,
    policy: bool,
    empty: bool,
    boxed: str,
) -> tuple[Shape, str]:
    """The shape of a line that is not a label, and why."""
    if empty:
        return BAD, "no words"
    if boxed:
        return BAD, f"under the label '{boxed}'"
    if policy:
        return BAD, "a cookie, policy or site notice"
    if neighbour and not row:
        return BAD, "repeats its neighbour"
    if row:
        return ROW, "a table row"
    if prose:
        return (
            PROSE,
            f"prose ({words} words)" if not copies else f"prose, repeated {copies + 1}x",
        )
    if meta:
        return SHORT, "a line of dates or numbers"
    if copies:
        return SHORT, f"short line, repeated {copies + 1}x"
    return SHORT, "short line"
