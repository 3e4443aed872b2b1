"""The decision stage for plain-text pages: what a scraper already rendered to text.

A text page (a crawl's WET record, a news dump, a browser copy) has lost its markup, so there is
no link density and no class/id word to go by: only repetition, position, sentence shape and
wording are left. The stage reads the measured lines of such a page in five steps:

1. **Read each line**: its keys (the whole line, the pieces of a title bar or a breadcrumb, the
   line without a short section label in front), whether it repeats another line (its neighbour,
   or one further away), whether it is prose, a title-like line, a label of a boilerplate box
   ("Most popular", "Lesen Sie auch:"), a line of dates and numbers, or a cookie notice.
2. **Find the main run of prose**: every line gets a value (prose adds its words, anything else
   costs, more so the longer a stretch without prose), and the stretch with the largest sum is
   the main text (one pass, Kadane's algorithm). Other stretches worth a fair share of it are
   kept too (long sections, posts). A page with too little prose for that (a listing, a shop
   category) is read as cards instead: its short lines are items, a title printed twice counts
   once.
3. **Choose the headline** among the title-like lines before the main run: the one printed most
   often near the top, whose words recur in the body, long enough, close to the body.
4. **Decide each line**: the headline once; a standfirst between it and the body; inside the kept
   runs, prose, subheads and list items, but no repeats, labels or lines under a label; nothing
   outside them.
5. **Explain**: every line carries its value as its score and a reason a person can read.

Repetition is found by hashing each line's keys (a fixed number per line), never by comparing
lines in pairs, so the stage is linear in the page. Every threshold and word list lives in
:mod:`declutter.textweights`.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex  # type: ignore[import-untyped, unused-ignore]

from .blocks import Block, Label
from .deadline import NEVER, Deadline
from .features import comment_headings, fingerprint
from .select import Selection
from .textweights import (
    BARE_MAX_LINES,
    BAD_COST,
    CARD_LINE_COST,
    CARDS_MAX_RUN,
    CARDS_PROSE_SHARE,
    ECHO_MIN_CHARS,
    GAP_FREE_LINES,
    HEADLINE_FULL_WORDS,
    HEADLINE_MAX_COPIES,
    HEADLINE_MAX_LINES,
    HEADLINE_MIN_SCORE,
    HEADLINE_MIN_WORDS,
    HEADLINE_W_COPIES,
    HEADLINE_W_ECHO,
    HEADLINE_W_HINT,
    HEADLINE_W_LENGTH,
    HEADLINE_W_NEAR,
    LABEL_BOX_LINES,
    LIST_ITEM_VALUE,
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
    REPEATED_PROSE_SHARE,
    ROW_VALUE,
    SEPARATORS,
    SHORT_COST,
    TEMPLATE_MAX_WORDS,
    TEMPLATE_MIN_PRINTS,
    TEXT_LABEL_WORDS,
    TEXT_PROFILES,
    TITLE_MAX_WORDS,
    VARIANT_MIN_CHARS,
    TextProfile,
)
from .weights import BARE_PAGE_WORDS, COMMENTS_AFTER_WORDS, LABEL_WORDS

__all__ = [
    "Line",
    "Run",
    "Shape",
    "line_keys",
    "read_lines",
    "reads_as_cards",
    "runs",
    "select_text",
    "values_of",
]

_LABELS = LABEL_WORDS | TEXT_LABEL_WORDS
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_DIGIT = regex.compile(r"\p{N}")
_LETTER = regex.compile(r"\p{L}")
_TRAILING_COUNT = regex.compile(r"(?:\s+\d+)+$")
_SENTENCE_END = regex.compile(r"[.!?…。！？؟][\"'”’»)\]」』]*$")
_LOWER_START = regex.compile(r"^[\W\d_]*\p{Ll}")
_CASED_WORD = regex.compile(r"\b[\p{Lu}\p{Ll}][\p{L}\p{M}'’-]*")
_FULL_STOP_END = regex.compile(r"[.。,，;；:：][\"'”’»)\]」』]*$")
_LABEL_MAX_CHARS = 80
"""Longer lines are never read as labels (the HTML path's limit, features.label_word)."""


class Shape(str, enum.Enum):
    """What a line is, before its place on the page is known."""

    PROSE = "prose"
    ROW = "row"
    SHORT = "short"
    BAD = "bad"


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


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of lines, first and last included, and the sum of their values."""

    start: int
    end: int
    value: float
    prose: int
    """Prose lines in the stretch."""


def line_keys(text: str) -> tuple[str, frozenset[str]]:
    """The key of a line and every key under which it can repeat another line: itself, each
    piece between separators (title bars, breadcrumbs, credits), and itself without a short
    label in front ("WORLD ...", "3. ...", "date 2022-02-09 ...")."""
    key = fingerprint(text)
    keys = {key} if key else set()
    if SEPARATORS.search(text):
        for piece in SEPARATORS.split(text):
            piece_key = fingerprint(piece)
            if _letters(piece_key) >= VARIANT_MIN_CHARS:
                keys.add(piece_key)
    tokens = key.split()
    label_words = 0
    for k in range(1, min(MAX_PREFIX_TOKENS, len(tokens) - 1) + 1):
        if not tokens[k - 1].isdigit():
            label_words += 1
            if label_words > MAX_LABEL_WORDS:
                break
        rest = tokens[k:]
        if _letters(" ".join(rest)) >= VARIANT_MIN_CHARS:
            keys.add(" ".join(rest))
    return key, frozenset(keys)


def _letters(key: str) -> int:
    """Characters of a key outside its number tokens."""
    return sum(len(t) for t in key.split() if not t.isdigit())


def _label(text: str) -> str:
    """The boilerplate label a line is (alone, before a colon, or with a count after it)."""
    if len(text) > _LABEL_MAX_CHARS:
        return ""
    key = fingerprint(text)
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


def _is_meta(text: str, words: int) -> bool:
    """A short line made mostly of numbers: a date, a time, a counter, a bare list number."""
    if words > META_MAX_WORDS:
        return False
    digits = len(_DIGIT.findall(text))
    letters = len(_LETTER.findall(text))
    return digits > 0 and digits >= META_DIGIT_SHARE * (digits + letters)


def _is_policy(text: str, words: int, notice: bool, prose: bool) -> bool:
    """A cookie, privacy or site notice: a line of fewer than POLICY_MAX_WORDS words holding one
    of POLICY_STEMS, or one that the HTML path's wording reads as a notice (``notice``: consent,
    rights reserved, newsletter pitches, affiliate disclosures, photo credits) and that is no
    prose, or prose of at most NOTICE_PROSE_MAX_WORDS words: a longer paragraph that mentions
    JavaScript or privacy is text about them."""
    if notice and (not prose or words <= NOTICE_PROSE_MAX_WORDS):
        return True
    lowered = text.casefold()
    return words < POLICY_MAX_WORDS and any(stem in lowered for stem in POLICY_STEMS)


def _continues(previous: str, text: str) -> bool:
    """The line carries on the sentence of the line before (a paragraph wrapped by hand)."""
    return not _SENTENCE_END.search(previous) and bool(_LOWER_START.match(text))


def _menu_like(texts: Sequence[str]) -> bool:
    """Most words start with a capital: a menu or a list of names flattened onto one line."""
    cased = upper = 0
    for text in texts:
        for word in _CASED_WORD.findall(text):
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
        if blocks[j].features.terminal:
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
    for i, block in enumerate(blocks):
        deadline.tick(i, "select")
        keyed.append(line_keys(block.text))
    holders: Counter[str] = Counter()
    for _, keys in keyed:
        holders.update(keys)
    prose_flags = _prose_flags(blocks)
    row_flags = _row_flags(blocks)
    lines: list[Line] = []
    box = _Box()
    for i, (block, (key, keys)) in enumerate(zip(blocks, keyed)):
        deadline.tick(i, "select")
        words = block.features.words
        copies = max((holders[k] - 1 for k in keys), default=0)
        neighbour = any(
            0 <= j < len(keyed) and not keys.isdisjoint(keyed[j][1]) for j in (i - 1, i + 1)
        )
        label = _label(block.text)
        prose = prose_flags[i]
        meta = _is_meta(block.text, words)
        policy = _is_policy(block.text, words, block.features.notice, prose)
        if label:
            box = _Box.opened(label, block.text)
            shape, why, boxed = Shape.BAD, f"boilerplate label '{label}'", ""
        else:
            box, boxed = box.take(prose, neighbour, meta)
            shape, why = _shape(
                words, prose, row_flags[i], copies, neighbour, meta, policy, key == "", boxed
            )
        title_like = (
            HEADLINE_MIN_WORDS <= words <= TITLE_MAX_WORDS
            and not _FULL_STOP_END.search(block.text)
            and not (label or meta or policy or row_flags[i])
            and holders[key] <= HEADLINE_MAX_LINES
        )
        colon = block.text.rstrip().endswith((":", "："))
        lines.append(
            Line(key, keys, words, shape, why, title_like, copies, neighbour, label, boxed, colon)
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
        return Shape.BAD, "no words"
    if boxed:
        return Shape.BAD, f"under the label '{boxed}'"
    if policy:
        return Shape.BAD, "a cookie, policy or site notice"
    if neighbour and not row:
        return Shape.BAD, "repeats its neighbour"
    if row:
        return Shape.ROW, "a table row"
    if prose:
        return (
            Shape.PROSE,
            f"prose ({words} words)" if not copies else f"prose, repeated {copies + 1}x",
        )
    if meta:
        return Shape.SHORT, "a line of dates or numbers"
    if copies:
        return Shape.SHORT, f"short line, repeated {copies + 1}x"
    return Shape.SHORT, "short line"


def _value(line: Line, gap: int, cards: bool) -> float:
    """What a line adds to a run of prose (its words), or what it costs; ``gap`` is its place
    in the stretch of lines that add nothing (1 for the first). Read as cards, a short line adds
    its words beyond CARD_LINE_COST, and a title printed twice counts once."""
    growth = max(1.0, gap / GAP_FREE_LINES)
    if line.shape is Shape.PROSE:
        return line.words * (REPEATED_PROSE_SHARE if line.copies else 1.0)
    if line.shape is Shape.ROW:
        return ROW_VALUE
    if cards and _card_item(line):
        gain = (line.words - CARD_LINE_COST) / (2 if line.neighbour else 1)
        return gain if gain > 0 else gain * growth
    if line.shape is Shape.SHORT:
        return -SHORT_COST * growth
    return -(BAD_COST + line.words) * growth


def _card_item(line: Line) -> bool:
    """A line that can be part of a card: a short line printed once, or a title printed twice."""
    if line.shape is Shape.SHORT:
        return not line.copies
    return line.shape is Shape.BAD and line.neighbour and not (line.label or line.boxed)


def values_of(lines: Sequence[Line], cards: bool = False) -> list[float]:
    """The value of every line; lines that add nothing cost more the longer their stretch. Read
    as prose, the short lines of a list that a line ending with a colon introduces are worth
    LIST_ITEM_VALUE and leave the stretch as it is."""
    values: list[float] = []
    gap = 0
    listed = False  # inside a list a colon line introduced
    for line in lines:
        if listed and line.shape is Shape.SHORT and not cards:
            values.append(LIST_ITEM_VALUE)
            continue
        value = _value(line, gap + 1, cards)
        gap = 0 if value > 0 else gap + 1
        values.append(value)
        listed = line.colon and line.shape is not Shape.BAD
    return values


def reads_as_cards(lines: Sequence[Line], main_prose: float) -> bool:
    """Too little of the page is prose, and its best run of prose is too short, for that run to
    be the main text: the page is read as cards (a listing, a shop category, a product page)."""
    total = sum(line.words for line in lines)
    prose = sum(line.words for line in lines if line.shape is Shape.PROSE)
    return total > 0 and prose < CARDS_PROSE_SHARE * total and main_prose < CARDS_MAX_RUN


def runs(values: Sequence[float], prose: Sequence[bool]) -> list[Run]:
    """The stretches of positive sum, one per stretch between resets of Kadane's algorithm,
    each cut at its best end; the largest of them is the largest-sum stretch of all."""
    found: list[Run] = []
    start, total, count = 0, 0.0, 0
    best: Run | None = None
    for i, v in enumerate(values):
        if total <= 0:
            if best is not None:
                found.append(best)
            start, total, count, best = i, 0.0, 0, None
        total += v
        count += prose[i]
        if total > 0 and (best is None or total > best.value):
            best = Run(start, i, total, count)
    if best is not None:
        found.append(best)
    return found


def _echo_tokens(key: str) -> set[str]:
    """Words of a key for the echo measure; unspaced scripts give character pairs."""
    out: set[str] = set()
    for token in key.split():
        if _UNSPACED.search(token):
            out.update(token[i : i + 2] for i in range(max(1, len(token) - 1)))
        elif len(token) >= ECHO_MIN_CHARS:
            out.add(token)
    return out


def _headline(lines: Sequence[Line], main: Run, title_hint: str) -> tuple[int | None, str]:
    """Index of the headline among the title-like lines before the main run, and why."""
    if main.start == 0:
        return None, ""
    head = range(main.start)
    near_top: Counter[str] = Counter()
    for i in head:
        near_top.update(lines[i].keys)
    body: set[str] = set()
    for i in range(main.start, main.end + 1):
        if lines[i].shape is Shape.PROSE:
            body |= _echo_tokens(lines[i].key)
    hint_keys = line_keys(title_hint)[1] if title_hint else frozenset()
    best, best_score, best_why = None, HEADLINE_MIN_SCORE, ""
    for i in head:
        line = lines[i]
        if not line.title_like:
            continue
        copies = min(near_top[line.key] - 1, HEADLINE_MAX_COPIES)
        tokens = _echo_tokens(line.key)
        echo = len(tokens & body) / len(tokens) if tokens else 0.0
        length = min(line.words, HEADLINE_FULL_WORDS) / HEADLINE_FULL_WORDS
        near = (i + 1) / main.start
        hinted = line.key in hint_keys
        score = (
            HEADLINE_W_COPIES * copies
            + HEADLINE_W_ECHO * echo
            + HEADLINE_W_LENGTH * length
            + HEADLINE_W_NEAR * near
            + (HEADLINE_W_HINT if hinted else 0.0)
        )
        if score >= best_score:
            best, best_score = i, score
            best_why = f"the headline ({copies + 1}x near the top, echo {echo:.2f})"
    return best, best_why


def select_text(
    blocks: list[Block],
    favor: str = "balanced",
    include_title: bool = True,
    title_hint: str = "",
    deadline: Deadline = NEVER,
    include_comments: bool = False,
) -> Selection:
    """Final labels, scores and reasons for the measured lines of a plain-text page. Without
    ``include_comments``, a comments heading ends the main run (:func:`comments_start`)."""
    if not blocks:
        return Selection([], None, None, "the page has no text")
    profile = TEXT_PROFILES[favor]
    lines = read_lines(blocks, deadline)
    values = values_of(lines)
    if _bare(lines):
        why = "the page holds only this text, and nothing in it reads as boilerplate"
        decided = [
            replace(b, label=Label.CONTENT, score=round(v, 3), reason=why)
            for b, v in zip(blocks, values)
        ]
        return Selection(decided, None, None, "")
    found = runs(values, [line.shape is Shape.PROSE for line in lines])
    deadline.check("select")
    cards = reads_as_cards(lines, max((r.value for r in found), default=0.0))
    if cards:
        values = values_of(lines, cards)
        found = runs(values, [v > 0 for v in values])
        deadline.check("select")
    if not found:
        decided = [
            replace(b, label=Label.BOILERPLATE, score=round(v, 3), reason=line.why)
            for b, line, v in zip(blocks, lines, values)
        ]
        return Selection(decided, None, None, "no run of prose on the page")
    main = max(found, key=lambda r: r.value)
    cut = None if cards or include_comments else comments_start(lines, main)
    if cut is not None:  # the article ends where its comments begin
        found = [r for r in found if r.end < cut]
        main = Run(main.start, cut - 1, sum(values[main.start : cut]), main.prose)
        found.append(main)
    headline, headline_why = _headline(lines, main, title_hint)
    kept = _kept_runs(found, main, profile)
    decided = _decide(
        blocks, lines, values, kept, main, headline, headline_why, profile, include_title, cards
    )
    if not any(b.label is not Label.BOILERPLATE for b in decided):
        return Selection(decided, None, headline, "no line scored as main content")
    return Selection(decided, None, headline, "")


def _bare(lines: Sequence[Line]) -> bool:
    """Whether the page is only a little text (weights.BARE_PAGE_WORDS, at most BARE_MAX_LINES
    lines) with no prose to choose and nothing that reads as boilerplate: every line short, none
    a label, a repeat or a notice."""
    if len(lines) > BARE_MAX_LINES:
        return False
    words = 0
    for line in lines:
        if line.shape is not Shape.SHORT or line.copies:
            return False
        words += line.words
    return 0 < words <= BARE_PAGE_WORDS


def comments_start(lines: Sequence[Line], main: Run) -> int | None:
    """Index of the comments heading that ends the main run, if any: one inside the run after
    COMMENTS_AFTER_WORDS words of prose. None on a page that prints such a heading with a count
    more than once ("0 comments", "14 comments" under each item of a list)."""
    heads = comment_headings([line.key for line in lines])
    if not heads:
        return None
    words = 0
    for i in range(main.start, main.end + 1):
        line = lines[i]
        if line.shape is Shape.PROSE:
            words += line.words
        elif words >= COMMENTS_AFTER_WORDS and i in heads:
            return i
    return None


def _kept_runs(found: Sequence[Run], main: Run, profile: TextProfile) -> list[Run]:
    """The main run and the other runs worth a fair share of it, wherever they are: above the
    headline too (a forum's first posts, a service page's opening section), since the headline
    is often a line of the page's top, not the title right over the main run."""
    kept = []
    for run in found:
        if run is main or (
            run.value >= profile.secondary_share * main.value
            and run.prose >= profile.secondary_min_prose
        ):
            kept.append(run)
    return kept


def _decide(
    blocks: Sequence[Block],
    lines: Sequence[Line],
    values: Sequence[float],
    kept: Sequence[Run],
    main: Run,
    headline: int | None,
    headline_why: str,
    profile: TextProfile,
    include_title: bool,
    cards: bool,
) -> list[Block]:
    """Every line labelled and explained, given the kept runs and the headline."""
    where: list[Run | None] = [None] * len(blocks)
    for run in kept:
        for i in range(run.start, run.end + 1):
            where[i] = run
    headline_keys = lines[headline].keys if headline is not None else frozenset()
    headline_key = lines[headline].key if headline is not None else ""
    following = _following(lines)
    seen: set[str] = set()
    out: list[Block] = []
    for i, (block, line) in enumerate(zip(blocks, lines)):
        score = round(values[i], 3)
        label, reason = Label.BOILERPLATE, line.why
        if i == headline:
            label = Label.HEADLINE if include_title else Label.BOILERPLATE
            reason = headline_why if include_title else "the headline (not asked for)"
            seen.update(line.keys)
        elif headline_key and headline_key in line.keys or line.key in headline_keys and line.key:
            reason = "repeats the headline"
        elif where[i] is not None:
            label, reason = _inside(lines, i, following[i], where[i] is main, profile, cards)
            if label is Label.CONTENT and (line.shape is Shape.PROSE or line.neighbour):
                if not seen.isdisjoint(line.keys):
                    label, reason = Label.BOILERPLATE, "repeats a line kept above"
                else:
                    seen.update(line.keys)
        elif headline is not None and headline < i < main.start:
            if profile.standfirst and line.shape is Shape.PROSE and not line.copies:
                label, reason = Label.CONTENT, "standfirst under the headline"
                seen.update(line.keys)
            else:
                reason = f"{line.why}; before the main text"
        elif i < main.start:
            reason = f"{line.why}; before the main text"
        else:
            reason = f"{line.why}; outside the main text"
        out.append(replace(block, label=label, score=score, reason=reason))
    return out


def _inside(
    lines: Sequence[Line],
    i: int,
    following: Shape | None,
    in_main: bool,
    profile: TextProfile,
    cards: bool,
) -> tuple[Label, str]:
    """The decision on a line inside a kept run."""
    line = lines[i]
    where = (
        ("the main cards" if in_main else "a run of cards")
        if cards
        else ("the main text" if in_main else "a run of prose")
    )
    if (
        line.copies + 1 >= TEMPLATE_MIN_PRINTS
        and line.words <= TEMPLATE_MAX_WORDS
        and line.shape is not Shape.ROW
    ):
        return Label.BOILERPLATE, f"a template line, printed {line.copies + 1}x, in {where}"
    if cards and _card_item(line):
        return (
            Label.CONTENT,
            f"card line in {where}" if not line.neighbour else f"card title in {where}",
        )
    if line.shape is Shape.PROSE:
        return Label.CONTENT, f"{line.why} in {where}"
    if line.shape is Shape.BAD:
        return Label.BOILERPLATE, f"{line.why}, in {where}"
    if line.shape is Shape.ROW:
        return Label.CONTENT, f"a table row in {where}"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and nxt.shape is Shape.PROSE:
        return Label.CONTENT, f"subhead in {where}"
    if not profile.keep_short:
        return Label.BOILERPLATE, f"short line in {where} (precision)"
    if following in (Shape.PROSE, Shape.ROW):
        return Label.CONTENT, f"short line in {where}"
    return Label.BOILERPLATE, f"short line before boilerplate, in {where}"


def _following(lines: Sequence[Line]) -> list[Shape | None]:
    """For each line, the shape of the next line that is not a short line (None at the end):
    a list or a subhead leads to prose, a byline or a caption to a box of boilerplate."""
    out: list[Shape | None] = [None] * len(lines)
    nxt: Shape | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].shape is not Shape.SHORT:
            nxt = lines[i].shape
    return out
