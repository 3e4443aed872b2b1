"""The decision stage for plain-text pages: what a scraper already rendered to text.

A text page (a crawl's WET record, a news dump, a browser copy) has lost its markup, so there is
no link density and no class/id word to go by: only repetition, position, sentence shape and
wording are left. The stage reads the measured lines of such a page in five steps:

1. **Read each line** (:mod:`declutter.textlines`): its keys (the whole line, the pieces of a
   title bar or a breadcrumb, the line without a short section label in front), whether it
   repeats another line (its neighbour, or one further away), whether it is prose, a title-like
   line, a label of a boilerplate box ("Most popular", "Lesen Sie auch:"), a line of dates and
   numbers, or a cookie notice.
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

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex  # type: ignore[import-untyped, unused-ignore]

from .blocks import BOILERPLATE, CONTENT, HEADLINE, Block, Label
from .deadline import NEVER, Deadline
from .features import comment_headings, fingerprint, post_number, reply_subject
from .select import Selection
from .textlines import BAD, PROSE, ROW, SHORT, Line, Shape, line_keys, read_lines
from .textweights import (
    BAD_COST,
    BARE_MAX_LINES,
    CARD_LINE_COST,
    CARD_MAX_WORDS,
    CARDS_MAX_RUN,
    CARDS_PROSE_SHARE,
    CHAIN_GAP_LINES,
    CHAIN_MIN_RUNS,
    COMMENT_COUNT_MAX_CHARS,
    COMMENT_COUNT_TITLE,
    CONSENT_OTHER_SHARE,
    CONSENT_PROSE_SHARE,
    DIALOG_CARDS_WORDS,
    ECHO_MIN_CHARS,
    GAP_FREE_LINES,
    HEADLINE_FULL_WORDS,
    HEADLINE_MAX_COPIES,
    HEADLINE_MIN_SCORE,
    HEADLINE_W_COPIES,
    HEADLINE_W_ECHO,
    HEADLINE_W_HINT,
    HEADLINE_W_LENGTH,
    HEADLINE_W_NEAR,
    LIST_ITEM_VALUE,
    PROSE_TEMPLATE_PRINTS,
    QUOTE_BUTTON_MIN_PRINTS,
    QUOTE_BUTTONS,
    REPEATED_PROSE_SHARE,
    RESCAN_BUDGET,
    SAID_MAX_CHARS,
    SAID_MIN_LINES,
    SAID_VERBS,
    ROW_VALUE,
    SHORT_COST,
    TEMPLATE_MAX_WORDS,
    TEMPLATE_MIN_PRINTS,
    TEXT_PROFILES,
    TextProfile,
)
from .weights import BARE_PAGE_WORDS, COMMENTS_AFTER_WORDS, REPLY_MIN_LINES, REPLY_RUN_GAP

_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")

__all__ = [
    "Run",
    "reads_as_cards",
    "runs",
    "select_text",
    "values_of",
]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of lines, first and last included, and the sum of their values."""

    start: int
    end: int
    value: float
    prose: int
    """Prose lines in the stretch."""


def _value(line: Line, gap: int, cards: bool) -> float:
    """What a line adds to a run of prose (its words; nothing for a paragraph printed
    PROSE_TEMPLATE_PRINTS times), or what it costs; ``gap`` is its place in the stretch of lines
    that add nothing (1 for the first). Read as cards, a short line adds its words beyond
    CARD_LINE_COST, and a title printed twice counts once."""
    growth = max(1.0, gap / GAP_FREE_LINES)
    if line.shape is PROSE:
        if line.copies + 1 >= PROSE_TEMPLATE_PRINTS:
            return 0.0  # the template's paragraph: it neither makes a run nor cuts one
        return line.words * (REPEATED_PROSE_SHARE if line.copies else 1.0)
    if line.shape is ROW:
        return ROW_VALUE
    if cards and _card_item(line):
        gain = (line.words - CARD_LINE_COST) / (2 if line.neighbour else 1)
        return gain if gain > 0 else gain * growth
    if line.shape is SHORT:
        return -SHORT_COST * growth
    return -(BAD_COST + line.words) * growth


def _card_item(line: Line) -> bool:
    """A line that can be part of a card: a short line printed once, or a title printed twice.
    A short line of CARD_MAX_WORDS words or more is a menu or a picker flattened onto one line,
    no card."""
    if line.shape is SHORT:
        return not line.copies and line.words < CARD_MAX_WORDS
    return line.shape is BAD and line.neighbour and not (line.label or line.boxed)


def values_of(lines: Sequence[Line], cards: bool = False) -> list[float]:
    """The value of every line; lines that add nothing cost more the longer their stretch. Read
    as prose, the short lines of a list that a line ending with a colon introduces are worth
    LIST_ITEM_VALUE and leave the stretch as it is."""
    values: list[float] = []
    gap = 0
    listed = False  # inside a list a colon line introduced
    for line in lines:
        if listed and line.shape is SHORT and not cards:
            values.append(LIST_ITEM_VALUE)
            continue
        value = _value(line, gap + 1, cards)
        gap = 0 if value > 0 else gap + 1
        values.append(value)
        listed = line.colon and line.shape is not BAD
    return values


def reads_as_cards(lines: Sequence[Line], main_prose: float, skip: Sequence[Run] = ()) -> bool:
    """Too little of the page is prose, and its best run of prose is too short, for that run to
    be the main text: the page is read as cards (a listing, a shop category, a product page).
    The lines of the runs in ``skip`` (consent dialogs) are left out of the count."""
    if main_prose >= CARDS_MAX_RUN:
        return False
    skipped: set[int] = set()
    for run in skip:
        skipped.update(range(run.start, run.end + 1))
    total = prose = 0
    for i, line in enumerate(lines):
        if i not in skipped:
            total += line.words
            if line.shape is PROSE:
                prose += line.words
    return total > 0 and prose < CARDS_PROSE_SHARE * total


def runs(values: Sequence[float], prose: Sequence[bool]) -> list[Run]:
    """The stretches of positive sum between resets of Kadane's algorithm, each cut at its best
    end; the largest of them is the largest-sum stretch of all. The lines after a stretch's best
    end are searched again for runs of their own: a reply cut from the post by a user box that
    costs less than the post is worth would otherwise belong to no run. The search stops going
    back once it has read RESCAN_BUDGET times the page's lines, so it stays linear."""
    found: list[Run] = []
    budget = RESCAN_BUDGET * len(values)
    i = 0
    while i < len(values):
        start, total, count, best = i, 0.0, 0, None
        j = i
        while j < len(values):
            total += values[j]
            count += prose[j]
            if total > 0 and (best is None or total > best.value):
                best = Run(start, j, total, count)
            j += 1
            if total <= 0:
                break
        budget -= j - i
        if best is None:
            i = j
            continue
        found.append(best)
        i = best.end + 1 if budget > 0 else j
    return found


def _echo_tokens(key: str) -> set[str]:
    """Words of a key for the echo measure; unspaced scripts give character pairs."""
    out: set[str] = set()
    unspaced = not key.isascii()  # the unspaced scripts' letters all lie beyond ASCII
    for token in key.split():
        if unspaced and _UNSPACED.search(token):
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
        if lines[i].shape is PROSE:
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
        decided = [b.decided(round(v, 3), CONTENT, why) for b, v in zip(blocks, values)]
        return Selection(decided, None, None, "")
    found = runs(values, [line.shape is PROSE for line in lines])
    deadline.check("select")
    cards = reads_as_cards(lines, max((r.value for r in found), default=0.0))
    dialog = [] if cards else _dialog_over_cards(lines, found)
    cards = cards or bool(dialog)
    if cards:
        values = values_of(lines, cards)
        for run in dialog:  # a consent dialog printed among the cards is no card
            for i in range(run.start, run.end + 1):
                values[i] = -abs(values[i]) - BAD_COST
        found = runs(values, [v > 0 for v in values])
        deadline.check("select")
    if not found:
        decided = [
            b.decided(round(v, 3), BOILERPLATE, line.why)
            for b, line, v in zip(blocks, lines, values)
        ]
        return Selection(decided, None, None, "no run of prose on the page")
    if not cards:
        found = _without_consent(lines, found)
    main = max(found, key=lambda r: r.value)
    cut = None if cards or include_comments else comments_start(lines, main, blocks)
    if cut is not None:  # the article ends where its comments begin
        found = [r for r in found if r.end < cut]
        if cut <= main.end:
            main = Run(main.start, cut - 1, sum(values[main.start : cut]), main.prose)
            found.append(main)
    headline, headline_why = _headline(lines, main, title_hint)
    kept = _kept_runs(found, main, profile)
    title = blocks[headline].text if headline is not None else title_hint
    if not cards:
        kept += _replies(blocks, lines, found, kept, title)
    decided = _decide(
        blocks, lines, values, kept, main, headline, headline_why, profile, include_title, cards
    )
    if not any(b.label is not BOILERPLATE for b in decided):
        return Selection(decided, None, headline, "no line scored as main content")
    return Selection(decided, None, headline, "")


def _consent(lines: Sequence[Line], run: Run) -> bool:
    """Whether a run of prose is a consent dialog: the prose lines that name cookies or a
    privacy policy (:attr:`Line.consent`) hold CONSENT_PROSE_SHARE of its prose words."""
    prose = consent = 0
    for i in range(run.start, run.end + 1):
        line = lines[i]
        if line.shape is PROSE:
            prose += line.words
            if line.consent:
                consent += line.words
    return prose > 0 and consent >= CONSENT_PROSE_SHARE * prose


def _dialog_over_cards(lines: Sequence[Line], found: Sequence[Run]) -> list[Run]:
    """The consent dialogs (:func:`_consent`) that keep a page of cards from being read as
    cards: no other run is worth CONSENT_OTHER_SHARE of the best (else :func:`_without_consent`
    sets them aside), the lines outside them hold DIALOG_CARDS_WORDS times their words, and
    without them the page reads as cards (:func:`reads_as_cards`). None otherwise: a cookie
    policy page, or an article whose one run names the privacy policy, is its text."""
    dialog = [run for run in found if _consent(lines, run)]
    if not dialog:
        return []
    best = max(run.value for run in found)
    others = max((run.value for run in found if run not in dialog), default=0.0)
    if others >= CONSENT_OTHER_SHARE * best:
        return []
    inside = sum(lines[i].words for run in dialog for i in range(run.start, run.end + 1))
    outside = sum(line.words for line in lines) - inside
    if outside < DIALOG_CARDS_WORDS * inside or not reads_as_cards(lines, others, dialog):
        return []
    return dialog


def _without_consent(lines: Sequence[Line], found: list[Run]) -> list[Run]:
    """The runs that are no consent dialog, when one of them is worth CONSENT_OTHER_SHARE of
    the best run's value; all runs otherwise (a cookie or privacy policy page is its text)."""
    others = [run for run in found if not _consent(lines, run)]
    if len(others) == len(found) or not others:
        return found
    best = max(run.value for run in found)
    if max(run.value for run in others) < CONSENT_OTHER_SHARE * best:
        return found
    return others


def _bare(lines: Sequence[Line]) -> bool:
    """Whether the page is only a little text (weights.BARE_PAGE_WORDS, at most BARE_MAX_LINES
    lines) with no prose to choose and nothing that reads as boilerplate: every line short, none
    a label, a repeat or a notice."""
    if len(lines) > BARE_MAX_LINES:
        return False
    words = 0
    for line in lines:
        if line.shape is not SHORT or line.copies:
            return False
        words += line.words
    return 0 < words <= BARE_PAGE_WORDS


def comments_start(lines: Sequence[Line], main: Run, blocks: Sequence[Block] = ()) -> int | None:
    """Index of the comments heading that ends the main run, if any: one inside the run after
    COMMENTS_AFTER_WORDS words of prose, or below the run's end after a run with that much prose
    (a menu between the article and its comments ended the run; the comments below the heading
    make runs of their own, which it ends too). None on a page that prints such a heading with a
    count more than once ("0 comments", "14 comments" under each item of a list). A count of
    comments on a quoted title ("59 thoughts on “Starship Troopers”",
    :func:`_titled_comments`) is such a heading too, and so is the first of the commenters' "Anna
    says:" lines (:func:`_said_lines`). None on a forum thread, which prints a quote
    button (QUOTE_BUTTONS) under QUOTE_BUTTON_MIN_PRINTS posts or more: its replies are the
    text."""
    keys = [line.key for line in lines]
    heads = comment_headings(keys) or _one_counted_heading(keys)
    heads |= _titled_comments(keys, blocks)
    heads |= _said_lines(keys, blocks)
    if not heads or sum(key in QUOTE_BUTTONS for key in keys) >= QUOTE_BUTTON_MIN_PRINTS:
        return None  # no heading, or a forum thread, whose replies are its text
    words = 0
    for i in range(main.start, len(lines)):
        if words >= COMMENTS_AFTER_WORDS and i in heads:
            return i  # a heading that ends like a sentence too ("15 Replies to “Why...?”")
        line = lines[i]
        if line.shape is PROSE and i <= main.end:
            words += line.words
    return None


_ANY_DIGIT = re.compile(r"\d")


def _one_counted_heading(keys: Sequence[str]) -> frozenset[int]:
    """Positions of a comments heading with a count printed more than once with the same count
    ("124 Comments" as a link under the byline and over the comments): one heading, which
    :func:`declutter.features.comment_headings` refuses as it refuses a count under each item
    of a list. None when the counts differ."""
    found = [i for i, key in enumerate(keys) if _ANY_DIGIT.search(key) and comment_headings([key])]
    return _one_heading(keys, found) if len(found) > 1 else frozenset()


def _titled_comments(keys: Sequence[str], blocks: Sequence[Block]) -> frozenset[int]:
    """Positions of the lines that count the comments on a quoted title, as a blog prints
    its comments heading ("59 Comments on “Starship Troopers”", "2 responses to "A guide""):
    COMMENT_COUNT_TITLE. None at all when two such lines differ (a list of posts, each with
    its own count), but one heading printed twice is one heading."""
    found = [
        i
        for i, block in enumerate(blocks)
        if len(block.text) <= COMMENT_COUNT_MAX_CHARS and COMMENT_COUNT_TITLE.match(block.text)
    ]
    return _one_heading(keys, found)


def _said_lines(keys: Sequence[str], blocks: Sequence[Block]) -> frozenset[int]:
    """The position of the first of the lines that open a blog's comments as WordPress prints
    them, the commenter's name (one to four words) and "says:" (SAID_VERBS: "Anna Berg says:",
    "Jonas sagt :"), when the page holds SAID_MIN_LINES of them by two names at least: the
    comments heading the scraper lost. None otherwise (a single quote of one person). Read
    from the lines' keys (lower case, no colon) by a scan in C for the verb at their end."""
    found = [
        i
        for i, key in enumerate(keys)
        if key.endswith(_SAID_ENDINGS)
        and key.count(" ") <= 4
        and len(blocks[i].text) <= SAID_MAX_CHARS
    ]
    if len(found) < SAID_MIN_LINES or len({keys[i] for i in found}) < 2:
        return frozenset()
    return frozenset(found[:1])


_SAID_ENDINGS = tuple(f" {verb}" for verb in SAID_VERBS)
"""A space and a verb of SAID_VERBS: the end of a key holding a name and the verb."""


def _one_heading(keys: Sequence[str], found: list[int]) -> frozenset[int]:
    """The positions ``found``, when they all print one heading (one key); none otherwise."""
    return frozenset(found) if len({keys[i] for i in found}) == 1 else frozenset()


def _kept_runs(found: Sequence[Run], main: Run, profile: TextProfile) -> list[Run]:
    """The main run and the other runs worth a fair share of it, wherever they are: above the
    headline too (a forum's first posts, a service page's opening section), since the headline
    is often a line of the page's top, not the title right over the main run. A chain of small
    runs (:func:`_chains`) worth that share together is kept too."""
    kept = []
    for run in found:
        if run is main or (
            run.value >= profile.secondary_share * main.value
            and run.prose >= profile.secondary_min_prose
        ):
            kept.append(run)
    for chain in _chains(found, kept):
        if (
            chain[-1].end < main.start
            and sum(run.value for run in chain) >= profile.secondary_share * main.value
        ):
            kept.extend(chain)
    return kept


def _chains(found: Sequence[Run], kept: Sequence[Run]) -> list[list[Run]]:
    """The chains of at least CHAIN_MIN_RUNS runs not kept, each starting at most
    CHAIN_GAP_LINES lines after the one before ends: a listing's teasers (a title printed twice,
    a date line, a summary of one paragraph) make a run each, cut apart by the titles, which
    cost what boilerplate does."""
    taken = {(run.start, run.end) for run in kept}
    chains: list[list[Run]] = []
    chain: list[Run] = []
    for run in sorted(found, key=lambda r: r.start):
        if (run.start, run.end) in taken:
            continue
        if chain and run.start - chain[-1].end - 1 > CHAIN_GAP_LINES:
            chains.append(chain)
            chain = []
        chain.append(run)
    chains.append(chain)
    return [chain for chain in chains if len(chain) >= CHAIN_MIN_RUNS]


_POST_DATE = regex.compile(r"\b(?:(?:19|20)\d\d|\d{1,2}:\d\d)\b")


def _replies(
    blocks: Sequence[Block],
    lines: Sequence[Line],
    found: Sequence[Run],
    kept: Sequence[Run],
    title: str,
) -> list[Run]:
    """The runs not kept yet that open a forum reply: on a page where REPLY_MIN_LINES lines or
    more are a reply's subject repeating the title ("Re: How to fix the boot loop", see
    :func:`declutter.features.reply_subject`), or failing that a post number ("#7") beside a
    line with a year or a time (the post's date), each run whose first prose comes after such a
    line with no prose between is a post, however short, even though the user box and the share
    bar between two posts cost more than the post is worth. Failing both, a forum's quote button
    printed under QUOTE_BUTTON_MIN_PRINTS posts or more (QUOTE_BUTTONS: "Quote", "Zitieren")
    marks the posts the same way. Such a run ends before its first REPLY_RUN_GAP lines in a row
    without prose. The marker lines themselves stay out."""
    wanted = set(fingerprint(title).split())
    if not wanted:
        return []
    markers = {i for i, block in enumerate(blocks) if reply_subject(block.text, wanted)}
    if len(markers) < REPLY_MIN_LINES:
        markers = {
            i
            for i, block in enumerate(blocks)
            if post_number(block.text)
            and any(
                0 <= j < len(blocks) and _POST_DATE.search(blocks[j].text) for j in (i - 1, i + 1)
            )
        }
        if len(markers) < REPLY_MIN_LINES:
            markers = {i for i, line in enumerate(lines) if line.key in QUOTE_BUTTONS}
            if len(markers) < max(REPLY_MIN_LINES, QUOTE_BUTTON_MIN_PRINTS):
                return []
    opened = [False] * (len(lines) + 1)  # a subject line above, no prose since
    state = False
    for i, line in enumerate(lines):
        opened[i] = state
        if line.shape is PROSE:
            state = False
        if i in markers:
            state = True
    taken = {(run.start, run.end) for run in kept}
    posts = []
    for run in found:
        if (run.start, run.end) in taken or not opened[run.start]:
            continue
        end, gap = run.start, 0
        for i in range(run.start, run.end + 1):
            if lines[i].shape is PROSE:
                end, gap = i, 0
            else:
                gap += 1
                if gap >= REPLY_RUN_GAP:
                    break  # the post has ended: a board's menu or footer follows
        posts.append(replace(run, end=end))
    return posts


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
        label, reason = BOILERPLATE, line.why
        if i == headline:
            label = HEADLINE if include_title else BOILERPLATE
            reason = headline_why if include_title else "the headline (not asked for)"
            seen.update(line.keys)
        elif headline_key and headline_key in line.keys or line.key in headline_keys and line.key:
            reason = "repeats the headline"
        elif where[i] is not None:
            label, reason = _inside(lines, i, following[i], where[i] is main, profile, cards)
            if label is CONTENT and (line.shape is PROSE or line.neighbour):
                if not seen.isdisjoint(line.keys):
                    label, reason = BOILERPLATE, "repeats a line kept above"
                else:
                    seen.update(line.keys)
        elif headline is not None and headline < i < main.start:
            if profile.standfirst and line.shape is PROSE and not line.copies:
                label, reason = CONTENT, "standfirst under the headline"
                seen.update(line.keys)
            else:
                reason = f"{line.why}; before the main text"
        elif i < main.start:
            reason = f"{line.why}; before the main text"
        else:
            reason = f"{line.why}; outside the main text"
        out.append(block.decided(score, label, reason))
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
        and line.shape is not ROW
        and not line.colon
    ):
        return BOILERPLATE, f"a template line, printed {line.copies + 1}x, in {where}"
    if line.cta:
        return BOILERPLATE, f"a call to action, in {where}"
    if cards and _card_item(line):
        return (
            CONTENT,
            f"card line in {where}" if not line.neighbour else f"card title in {where}",
        )
    if line.shape is PROSE:
        return CONTENT, f"{line.why} in {where}"
    if line.shape is BAD:
        return BOILERPLATE, f"{line.why}, in {where}"
    if line.shape is ROW:
        return CONTENT, f"a table row in {where}"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and nxt.shape is PROSE:
        return CONTENT, f"subhead in {where}"
    if not profile.keep_short:
        return BOILERPLATE, f"short line in {where} (precision)"
    if following in (PROSE, ROW):
        return CONTENT, f"short line in {where}"
    return BOILERPLATE, f"short line before boilerplate, in {where}"


def _following(lines: Sequence[Line]) -> list[Shape | None]:
    """For each line, the shape of the next line that is not a short line (None at the end):
    a list or a subhead leads to prose, a byline or a caption to a box of boilerplate."""
    out: list[Shape | None] = [None] * len(lines)
    nxt: Shape | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].shape is not SHORT:
            nxt = lines[i].shape
    return out
