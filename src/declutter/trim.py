"""Stage 5, third part: what goes from the kept text.

After :mod:`declutter.select` and :mod:`declutter.refine`, these passes drop what lies inside
the kept text without belonging to it: links set into an article's prose
(:func:`drop_inline_links`), a grid of teaser cards closing an article
(:func:`drop_teaser_grid`), the byline, the edit note and the date line over the text
(:func:`drop_bylines`, :func:`drop_edit_notes`, :func:`drop_datelines`), the author's bio,
disclaimer or consent line (:func:`drop_closing_notes`); and the text ends at its readers'
comments (:func:`end_at_comments`), a product's at its customer reviews
(:func:`end_at_reviews`). Each pass takes a :class:`~declutter.select.Selection` and returns a
new one; :mod:`declutter.api` applies them.
"""

from __future__ import annotations

import re
from operator import attrgetter

import regex

from .blocks import BOILERPLATE, CONTENT, HEADING, LIST_ITEM, PARAGRAPH, Block
from .boxes import shared_depth
from .features import comment_headings, fingerprint, review_heading
from .select import Selection
from .weights import (
    AUTHOR_BIO_NAME_WORDS,
    BOX_LINK,
    BYLINE_ABOVE_WORDS,
    BYLINE_MAX_WORDS,
    BYLINE_PREFIXES,
    CLOSING_NOTE_AFTER_WORDS,
    CLOSING_NOTE_BEFORE_WORDS,
    CLOSING_NOTE_MAX_WORDS,
    COMMENTS_AFTER_WORDS,
    CONSENT_TERMS,
    DATELINE_MAX_LINES,
    DATELINE_MAX_WORDS,
    DATELINE_MIN_KEPT_WORDS,
    DATELINE_WORDS,
    DISCLAIMER_LEAD_WORDS,
    DISCLAIMER_TERMS,
    EDIT_NOTE_FIRST_WORDS,
    EDIT_NOTE_MAX_WORDS,
    EDIT_NOTE_TERMS,
    INLINE_LINK,
    OPENING_BIO_MAX_ABOVE,
    REVIEWS_AFTER_WORDS,
    SHORT_LINK_WORDS,
    SHORT_WORDS,
    TEASER_ABOVE_WORDS,
    TEASER_FIELD_MAX_WORDS,
    TEASER_GRID_CARDS,
    TEASER_HEAD_MAX_WORDS,
    TEASER_TEXT_MAX_LINK,
    TEASER_TEXT_MIN_WORDS,
    TEASER_TITLE_MAX_WORDS,
    TEASER_TITLE_MIN_LINK,
    TEASER_TITLE_MIN_WORDS,
)

__all__ = [
    "author_names",
    "drop_bylines",
    "drop_closing_notes",
    "drop_datelines",
    "drop_edit_notes",
    "drop_inline_links",
    "drop_teaser_grid",
    "end_at_comments",
    "end_at_reviews",
]

_ID = attrgetter("id")


def _inline_link(block: Block) -> bool:
    """A kept paragraph or list item that is wholly a link and no sentence (INLINE_LINK)."""
    f = block.features
    return (
        block.label is CONTENT
        and block.kind in (PARAGRAPH, LIST_ITEM)
        and f.link_density >= INLINE_LINK
        and f.words >= SHORT_LINK_WORDS
        and not f.terminal
    )


def drop_inline_links(selection: Selection) -> Selection:
    """The selection without the linked lines set into an article's prose.

    "Lesen Sie auch" without the label: a paragraph or list item that is wholly a link to
    another page, right after a paragraph of the text (:func:`_inline_link`; other such lines
    in between are passed over, so a run of them goes whole). A link after a heading, a table or
    a list of links is left alone: that is a list of references or a table of contents the text
    introduced. For the prose profile only: the cards of a listing are links by nature."""
    blocks = selection.blocks
    out = list(blocks)
    prose_above = False
    for i, block in enumerate(blocks):
        if block.label is BOILERPLATE:
            continue
        if _inline_link(block):
            if prose_above:
                out[i] = block.decided(
                    block.score, BOILERPLATE, f"{block.reason}; a link set into the text"
                )
            continue
        f = block.features
        prose_above = (
            block.label is CONTENT
            and f.terminal
            and f.words >= SHORT_WORDS
            and f.link_density < BOX_LINK
        )
    return selection.with_blocks(out)


def end_at_comments(selection: Selection) -> Selection:
    """The selection ended at a comments heading ("109 Comments", "Leave a reply") that comes
    after COMMENTS_AFTER_WORDS words of kept prose: the readers' comments below it are prose too,
    and one without comment class words would be kept. Not on a page that prints a counted
    comments heading more than once (under each item of a list), nor on one whose headings
    (heading elements) repeat the same comments heading: each answer of a Q&A page, or each post,
    heads its own comments so. The caller leaves out pages that declare a discussion and
    extractions asked to include comments."""
    blocks = selection.blocks
    heads = comment_headings([b.features.key for b in blocks])
    if not heads:
        return selection
    titled = [blocks[i].features.key for i in heads if blocks[i].kind is HEADING]
    if len(set(titled)) < len(titled):
        return selection  # the same heading over each answer's or post's comments
    words = 0
    for i, block in enumerate(blocks):
        if words >= COMMENTS_AFTER_WORDS and i in heads:
            return _ended_at(selection, i, "comments heading")
        f = block.features
        if block.label is CONTENT and f.terminal and block.kind is not HEADING:
            words += f.words
    return selection


def end_at_reviews(selection: Selection) -> Selection:
    """The selection of a page that presents one product ended at a heading of its customer
    reviews (REVIEW_HEADINGS: "Customer Reviews", "Bewertungen (12)") that comes after
    REVIEWS_AFTER_WORDS words of kept prose. What buyers wrote is prose without review class
    words on many shops, and what a shop prints below its reviews (its FAQ, its other products,
    why to buy from it) is no part of the product's text either. Only heading elements count: a
    "Reviews" tab or a rating summary is no section. The caller applies it to product pages."""
    blocks = selection.blocks
    words = 0
    for i, block in enumerate(blocks):
        f = block.features
        if block.kind is HEADING and words >= REVIEWS_AFTER_WORDS and review_heading(f.key):
            return _ended_at(selection, i, "reviews heading")
        if block.label is CONTENT and f.terminal and block.kind is not HEADING:
            words += f.words
    return selection


def _ended_at(selection: Selection, end: int, what: str) -> Selection:
    """The selection with every content block from ``end`` on (the heading ``what`` names, and
    what follows it) relabelled boilerplate."""
    blocks = selection.blocks
    out = blocks[:end] + [
        b.decided(b.score, BOILERPLATE, f"{b.reason}; {'the' if i == end else 'below the'} {what}")
        if b.label is CONTENT
        else b
        for i, b in enumerate(blocks[end:], end)
    ]
    return selection.with_blocks(out)


_NAME_SEPARATORS = regex.compile(r"\s*(?:[,;&|/]|\band\b|\bund\b|\bet\b)\s*")


def author_names(author: str) -> list[str]:
    """The names in a page's author field (``Metadata.author``: "Jane Doe", "Jane Doe and John
    Roe, The Daily Paper"), folded like block keys, of AUTHOR_BIO_NAME_WORDS words."""
    low, high = AUTHOR_BIO_NAME_WORDS
    names = (fingerprint(part) for part in _NAME_SEPARATORS.split(author))
    return [name for name in names if low <= len(name.split()) <= high]


# The standard library's engine compiles these long alternations in a third of the regex
# module's time (import time). Its \w, which stands for a word of a consent form's Latin-script
# wording here, takes no combining marks; the outputs of the four sets are the same.
_DISCLAIMER = re.compile(rf"(?:^| )(?:{DISCLAIMER_TERMS})")


_CONSENT = re.compile(rf"(?:^| )(?:{CONSENT_TERMS})")


_LEAD_CHARS = 40 * DISCLAIMER_LEAD_WORDS  # room for the lead words and a term that starts there


def _leads_with(pattern: re.Pattern[str], key: str) -> bool:
    """Whether ``pattern`` matches a fingerprint among its first DISCLAIMER_LEAD_WORDS words."""
    found = pattern.search(key, 0, _LEAD_CHARS)  # most blocks are longer: their lead only
    return found is not None and key.count(" ", 0, found.start()) < DISCLAIMER_LEAD_WORDS


def _author_bio(block: Block, names: list[str]) -> bool:
    """Whether a block opens with one of the author's ``names``, or with its first name written
    with a capital and not all in capitals ("Sarah is a writer...", not "QCY is...")."""
    key = block.features.key
    if any(key.startswith(name + " ") for name in names):
        return True
    first = block.text.split(maxsplit=1)[0] if block.text.strip() else ""
    return (
        first[:1].isupper()
        and not first.isupper()
        and any(key.startswith(name.split()[0] + " ") for name in names)
    )


def _closing_note(block: Block, names: list[str]) -> str:
    """What closing note of an article a kept block is, by its words: "the author's bio" (it
    opens with one of the author's ``names``, or with its first name written with a capital
    and not all in capitals), "a disclaimer" (DISCLAIMER_TERMS among its first
    DISCLAIMER_LEAD_WORDS words), "a consent line" (CONSENT_TERMS likewise), or ""."""
    key = block.features.key
    if names and _author_bio(block, names):
        return "the author's bio"
    if _leads_with(_DISCLAIMER, key):
        return "a disclaimer"
    if _leads_with(_CONSENT, key):
        return "a consent line"
    return ""


def drop_closing_notes(selection: Selection, author: str) -> Selection:
    """A kept paragraph that closes the article (CLOSING_NOTE_BEFORE_WORDS words of kept prose
    above it, at most CLOSING_NOTE_AFTER_WORDS kept words below), ends like a sentence and has
    at most CLOSING_NOTE_MAX_WORDS words is dropped when it is the author's bio (it opens with
    the name of the page's author, ``Metadata.author``: "Jane Doe is a freelance writer who
    covers..."), a disclaimer ("The views expressed are those of the author", "for
    informational purposes only") or a form's consent line ("By clicking Sign Me Up, you agree
    to our Terms..."); a consent line that is a notice (it names the terms or the privacy
    policy: :attr:`~declutter.blocks.Features.notice`) goes wherever it stands. Bios under a
    heading about the writer go with their box
    (:func:`~declutter.boxes.drop_labelled_boxes`); these have no heading, and they end like a
    sentence, so they passed for the text's last paragraph. The kept blocks after a note inside
    the element that holds it go with it: the rest of the bio ("She holds an MBA...") or of the
    fine print. A bio set over the text (at most OPENING_BIO_MAX_ABOVE words of kept prose above
    it, CLOSING_NOTE_BEFORE_WORDS or more below) goes too, "an opening bio"; what follows it in
    its element stays (that element may hold the article)."""
    names = author_names(author) if author else []
    blocks = selection.blocks
    kept_words = [b.features.words if b.label is CONTENT else 0 for b in blocks]
    below = sum(kept_words)
    above = 0  # words of kept prose above
    out = None
    box: tuple[int, str] | None = None  # the element holding the last note, and the note
    for i, block in enumerate(blocks):
        below -= kept_words[i]
        f = block.features
        if block.label is not CONTENT:
            continue
        if out is not None and box is not None and box[0] in map(_ID, block.path):
            out[i] = block.decided(block.score, BOILERPLATE, f"{block.reason}; below {box[1]}")
            continue
        if block.kind is HEADING:
            continue
        if f.notice and f.words <= CLOSING_NOTE_MAX_WORDS and _leads_with(_CONSENT, f.key):
            if out is None:  # a consent line that speaks of terms or privacy goes anywhere
                out = list(blocks)
            out[i] = block.decided(block.score, BOILERPLATE, f"{block.reason}; a consent line")
            continue
        if not f.terminal:
            continue
        if (
            f.words <= CLOSING_NOTE_MAX_WORDS
            and above <= OPENING_BIO_MAX_ABOVE
            and below >= CLOSING_NOTE_BEFORE_WORDS
            and names
            and _author_bio(block, names)
        ):  # the writer's bio set over the text, under the headline
            if out is None:
                out = list(blocks)
            out[i] = block.decided(block.score, BOILERPLATE, f"{block.reason}; an opening bio")
            continue
        if (
            f.words <= CLOSING_NOTE_MAX_WORDS
            and above >= CLOSING_NOTE_BEFORE_WORDS
            and below <= CLOSING_NOTE_AFTER_WORDS
        ):
            note = _closing_note(block, names)
            if note:
                if out is None:
                    out = list(blocks)
                out[i] = block.decided(block.score, BOILERPLATE, f"{block.reason}; {note}")
                box = (block.path[-2].id, note) if len(block.path) > 1 else None
                continue
        above += f.words
    if out is None:
        return selection
    return selection.with_blocks(out)


def _byline(block: Block) -> bool:
    """Whether a block reads as a byline: at most BYLINE_MAX_WORDS words, opening with a word of
    BYLINE_PREFIXES ("By", "Von", "Par"...) and then a capitalised word ("By Jane Doe | May 3")."""
    if block.kind is HEADING or block.features.words > BYLINE_MAX_WORDS:
        return False
    words = block.text.split(maxsplit=2)
    return len(words) > 1 and words[0].casefold() in BYLINE_PREFIXES and words[1][:1].isupper()


def drop_bylines(selection: Selection) -> Selection:
    """The one kept byline of a page (:func:`_byline`), with at most BYLINE_ABOVE_WORDS kept
    words above it (the headline not counted), is dropped: the writer's name and the date over
    the text, set in the article's element, were kept with it. A page that keeps several
    bylines lists articles, each under its writer's name, and keeps them."""
    blocks = selection.blocks
    found = [i for i, b in enumerate(blocks) if b.label is CONTENT and _byline(b)]
    if len(found) != 1:
        return selection
    i = found[0]
    if sum(b.features.words for b in blocks[:i] if b.label is CONTENT) > BYLINE_ABOVE_WORDS:
        return selection
    return _dropped(selection, found, "a byline")


def _dropped(selection: Selection, found: list[int], what: str) -> Selection:
    """The selection with the blocks at ``found`` relabelled boilerplate as ``what``."""
    out = list(selection.blocks)
    for i in found:
        out[i] = out[i].decided(out[i].score, BOILERPLATE, f"{out[i].reason}; {what}")
    return selection.with_blocks(out)


_EDIT_NOTE = re.compile(rf"(?:{EDIT_NOTE_TERMS})(?: |$)")


_DIGIT = re.compile(r"\d")


def drop_edit_notes(selection: Selection) -> Selection:
    """A kept line that says when the page was last changed (it opens with EDIT_NOTE_TERMS:
    "Last updated: April 21, 2025", "This page was last modified on Dec 5, 2025 by MDN
    contributors."), has at most EDIT_NOTE_MAX_WORDS words and a digit (its date) is dropped
    ("an edit note"), wherever it stands: under an article's headline, closing a reference
    page. No heading goes, nor a paragraph that goes on after its date, nor a forum post's
    "Last edited" note."""
    found = [
        i
        for i, block in enumerate(selection.blocks)
        if block.label is CONTENT
        and block.kind is not HEADING
        and block.features.words <= EDIT_NOTE_MAX_WORDS
        and block.features.key.startswith(EDIT_NOTE_FIRST_WORDS)
        and _EDIT_NOTE.match(block.features.key) is not None
        and _DIGIT.search(block.text) is not None
    ]
    return _dropped(selection, found, "an edit note") if found else selection


_DATELINE_TOKENS = regex.compile(r"[\p{L}]+|\d+")


def _dateline(block: Block) -> bool:
    """Whether a block reads as a dateline: at most DATELINE_MAX_WORDS words, a number among
    them, and every other word one of DATELINE_WORDS ("Published on July 18, 2025")."""
    if block.kind is HEADING or block.features.words > DATELINE_MAX_WORDS:
        return False
    tokens = _DATELINE_TOKENS.findall(block.text.casefold())
    return any(t.isdigit() for t in tokens) and all(
        t.isdigit() or t in DATELINE_WORDS for t in tokens
    )


def drop_datelines(selection: Selection) -> Selection:
    """The kept datelines of a page (:func:`_dateline`) are dropped when every one of them has
    at most BYLINE_ABOVE_WORDS kept words above it (the headline not counted): the article's
    date and reading time over its text. A page that keeps a dateline further down lists dated
    items (posts, a thread's replies) and keeps them all, and so does one that keeps more than
    DATELINE_MAX_LINES of them at the top (the posts of a short thread) or fewer than
    DATELINE_MIN_KEPT_WORDS words in all (a short list of dated items)."""
    blocks = selection.blocks
    found: list[int] = []
    above = 0
    for i, b in enumerate(blocks):
        if b.label is not CONTENT:
            continue
        words = b.features.words
        if above > BYLINE_ABOVE_WORDS and not found:
            return selection  # past the top with no date line: most pages stop here
        if words <= DATELINE_MAX_WORDS and _DIGIT.search(b.text) and _dateline(b):
            if above > BYLINE_ABOVE_WORDS:
                return selection
            found.append(i)
        above += words
    if not found or len(found) > DATELINE_MAX_LINES:
        return selection  # several dates over a short text: a thread's posts
    if above < DATELINE_MIN_KEPT_WORDS:
        return selection  # no article below: a short list of dated items, a product's box
    return _dropped(selection, found, "a dateline")


def _teaser_title(block: Block) -> bool:
    f = block.features
    return (
        TEASER_TITLE_MIN_WORDS <= f.words <= TEASER_TITLE_MAX_WORDS
        and f.link_density >= TEASER_TITLE_MIN_LINK
        and not block.text.rstrip().endswith(("?", "？"))
    )


def _teaser_text(block: Block) -> bool:
    f = block.features
    return (
        block.kind is not HEADING
        and f.words >= TEASER_TEXT_MIN_WORDS
        and f.link_density <= TEASER_TEXT_MAX_LINK
    )


def drop_teaser_grid(selection: Selection) -> Selection:
    """A grid of teaser cards that closes the kept text is dropped: TEASER_GRID_CARDS or more
    cards in a row, each a linked title (:func:`_teaser_title`) over a standfirst of prose
    (:func:`_teaser_text`), each card its own element and the cards siblings in one grid
    element that holds no kept block above them and nothing kept after them, with
    TEASER_ABOVE_WORDS words of kept prose above. Other posts shown under an article so ("You
    may also like" without a heading, a blog's latest posts) read as prose, title and
    standfirst alike. An article's own sections (a heading over paragraphs in one element), a
    roundup whose items follow its introduction in the same element, and an FAQ (its titles
    ask) stay."""
    blocks = selection.blocks
    kept = [i for i, b in enumerate(blocks) if b.label is CONTENT]
    cards: list[int] = []  # positions in kept of the cards' titles
    j = 0
    while j < len(kept) - 1:
        if _teaser_title(blocks[kept[j]]) and _teaser_text(blocks[kept[j + 1]]):
            cards.append(j)
            j += 2
        else:
            j += 1
    if len(cards) < TEASER_GRID_CARDS:
        return selection
    last = blocks[kept[cards[-1]]]
    inner = shared_depth(last, blocks[kept[cards[-1] + 1]])
    grid = 0
    run = 1
    members = {kept[cards[-1]], kept[cards[-1] + 1]}  # the run's titles and standfirsts
    for prev, cur in zip(reversed(cards[:-1]), reversed(cards[1:])):
        title = blocks[kept[prev]]
        between = shared_depth(title, blocks[kept[cur]])
        card = shared_depth(title, blocks[kept[prev + 1]])
        if cur - prev > 3 or between == 0 or between >= min(card, inner):
            break
        if any(
            blocks[kept[k]].features.words > TEASER_FIELD_MAX_WORDS for k in range(prev + 2, cur)
        ):
            break  # a card's other fields are a label or a date, not a section of its own
        if grid and between != grid:
            break
        grid, inner = between, card
        members.update((kept[prev], kept[prev + 1]))
        run += 1
    if run < TEASER_GRID_CARDS:
        return selection
    box = last.path[grid - 1].id
    inside = [i for i in kept if box in map(_ID, blocks[i].path)]
    first = kept.index(inside[0])
    if inside != kept[first:] or first == 0:
        return selection  # a kept block after the grid, or the grid holds the whole text
    if any(i not in members and blocks[i].features.words > TEASER_FIELD_MAX_WORDS for i in inside):
        return selection  # the grid holds more than cards: an FAQ, a page's sections
    above = sum(blocks[i].features.words for i in kept[:first] if blocks[i].kind is not HEADING)
    if above < TEASER_ABOVE_WORDS:
        return selection
    out = list(blocks)
    head = blocks[kept[first - 1]]
    if head.kind is HEADING and head.features.words <= TEASER_HEAD_MAX_WORDS:
        inside.insert(0, kept[first - 1])  # the grid's label ("Related posts")
    for i in inside:
        out[i] = blocks[i].decided(
            blocks[i].score, BOILERPLATE, f"{blocks[i].reason}; a teaser grid"
        )
    return selection.with_blocks(out)
