"""Stage 5, within the selection: which kept blocks that repeat a kept block stay.

:func:`declutter.select.select` keeps the first copy of a text and asks :func:`keeps_repeat`
about each later one: a text said twice on purpose stays (under one parent, a lone repeat in a
sibling section, the fine print every card of one kind repeats), a teaser echoing a paragraph or
the mobile copy of a section goes; a forum signature that closes two posts of one author goes
with its first copy (:func:`signature_repeat`). :func:`signature` names the kind of a repeated
item, which the comments boxes of :mod:`declutter.select` and the forms of
:mod:`declutter.boxes` share.
"""

from __future__ import annotations

import re
from itertools import filterfalse

from .blocks import HEADING, ROW, Block, Node
from .weights import (
    CARD_OWN_WORDS,
    CARD_SHARED_SHARE,
    ROW_REPEAT_MIN_WORDS,
    SHORT_WORDS,
    SIGNATURE_OWN_WORDS,
)

__all__ = ["keeps_repeat", "layout_cell", "signature", "signature_repeat"]

_CELL_SEP = " | "
"""How segment joins the cells of a table row."""


def layout_cell(block: Block) -> bool:
    """Whether a table row block is one cell of ROW_REPEAT_MIN_WORDS words or more: a layout
    cell holding prose (a forum post's signature in a Discuz-style table), whose repeats go like
    a paragraph's. A data row (several cells) or a short one-cell row (a plan's feature, a
    column label) may repeat in a sibling table and is kept."""
    return block.features.words >= ROW_REPEAT_MIN_WORDS and _CELL_SEP not in block.text


def signature(node: Node) -> tuple[str, frozenset[str]]:
    """What repeated items of one kind share: tag and class/id words without numbers."""
    return node.tag, numberless(node.tokens)


_ASCII_DIGIT = re.compile("[0-9]").search
"""The digits of an ASCII word (str.isdigit's there)."""


def numberless(tokens: frozenset[str]) -> frozenset[str]:
    """The class/id words without a digit: "card" and "item" stay, "item-3" and "3" go."""
    if "".join(tokens).isascii():  # the usual case: the ASCII digits are all there are
        return frozenset(filterfalse(_ASCII_DIGIT, tokens))
    return frozenset(t for t in tokens if not any(c.isdigit() for c in t))


def _ancestor(block: Block, up: int) -> int:
    """Id of the element ``up`` steps above the block's own element (1: its parent).

    Blocks of a text page have no elements: each counts as its own ancestor, so repeats go.
    """
    return block.path[-1 - up].id if len(block.path) > up else -1 - block.index


def keeps_repeat(blocks: list[Block], first: int, again: int) -> bool:
    """Whether block ``again``, the same text as block ``first`` kept above, is kept too.

    A repeat under the same parent is a text that says a thing twice on purpose; so is a lone
    repeat of SHORT_WORDS words or more in a sibling section (a paragraph a text quotes again
    further down). A repeat elsewhere (a teaser echoing a paragraph) goes; so does a short one in
    a sibling section (the category label on every card), and one whose neighbour repeats the
    first copy's neighbour: a copied run of blocks is the mobile copy of a desktop section."""
    a, b = blocks[first], blocks[again]
    if _ancestor(a, 1) == _ancestor(b, 1):
        return True
    if _card_repeat(blocks, first, again):
        return True
    if b.features.words < SHORT_WORDS or _ancestor(a, 2) != _ancestor(b, 2):
        return False
    for step in (-1, 1):
        i, j = first + step, again + step
        inside = 0 <= i < len(blocks) and 0 <= j < len(blocks) and i != again and j != first
        if inside and blocks[i].features.key == blocks[j].features.key:
            return False
    return True


def _card_repeat(blocks: list[Block], first: int, again: int) -> bool:
    """Whether block ``again`` (``SHORT_WORDS`` words or more) repeats block ``first`` as one
    item of a repeated card does in another: the two sit in sibling elements of one kind
    (:func:`signature`), at the same place within them (the same tags down to the block, no
    quote), and the second card holds ``CARD_OWN_WORDS`` words of its own while at least
    ``CARD_SHARED_SHARE`` of its words repeat the first card. The fine print under every offer,
    the feature every plan of a price table lists. A copied section (the mobile copy of a
    desktop one) holds nothing of its own; a forum post that repeats its author's signature is
    mostly its own text."""
    found = _same_place(blocks, first, again)
    if found is None:
        return False
    own, shared, _ = found
    return own >= CARD_OWN_WORDS and shared >= CARD_SHARED_SHARE * (own + shared)


def signature_repeat(
    blocks: list[Block], first: int, again: int, posts: frozenset[int] = frozenset()
) -> bool:
    """Whether block ``again`` repeats block ``first`` as a forum signature does: at the same
    place in sibling items of one kind (as in :func:`_card_repeat`), but in an item that is
    mostly its own text (less than ``CARD_SHARED_SHARE`` of its words repeat the first item,
    at least ``SIGNATURE_OWN_WORDS`` of its own): the two posts of one author, each closed by
    the same lines under its own text, each holding a block of its poster's field list (whose
    positions are ``posts``). Headings are never signatures (the "Re: subject" heading of every
    reply is the thread's), nor are rows of data. Tried without the field lists, the rule also
    took the closing sentence that several sections of an article or offers repeat."""
    block = blocks[first]
    if block.kind is HEADING or (block.kind is ROW and not layout_cell(block)):
        return False  # a heading ("Re: subject" over every reply) or a row of data
    found = _same_place(blocks, first, again)
    if found is None:
        return False
    own, shared, depth = found
    if own < SIGNATURE_OWN_WORDS or shared >= CARD_SHARED_SHARE * (own + shared):
        return False
    # A signature closes the text of each post, which holds its poster's field list (``posts``:
    # the positions of such lists' blocks): no block after it in its post leans to content.
    for index in (first, again):
        span = _span(blocks, index, depth)
        if posts.isdisjoint(span) or any(blocks[j].score > 0 for j in range(index + 1, span.stop)):
            return False
    return True


def _same_place(blocks: list[Block], first: int, again: int) -> tuple[int, int, int] | None:
    """For block ``again`` (``SHORT_WORDS`` words or more), the same text as block ``first``
    at the same place in a sibling element of the same kind (the same tags down to the block,
    no quote): the words of that element's blocks that are its own and that repeat the first
    element's, and the depth of the two elements on the paths; ``None`` when the two do not
    stand so."""
    a, b = blocks[first], blocks[again]
    pa, pb = a.path, b.path
    if b.features.words < SHORT_WORDS or len(pa) != len(pb) or len(pa) < 2:
        return None
    k = 0
    while k < len(pa) and pa[k].id == pb[k].id:
        k += 1
    if k == 0 or k >= len(pa):
        return None
    if any(x.tag != y.tag or x.tag == "blockquote" for x, y in zip(pa[k:], pb[k:])):
        return None  # not the same place in both, or a quote (two replies quoting one post)
    card_a, card_b = pa[k], pb[k]
    if signature(card_a) != signature(card_b):
        return None
    keys_a = {blocks[i].features.key for i in _span(blocks, first, k)}
    own = shared = 0
    for i in _span(blocks, again, k):
        if blocks[i].features.key in keys_a:
            shared += blocks[i].features.words
        else:
            own += blocks[i].features.words
    return own, shared, k


def _span(blocks: list[Block], index: int, depth: int) -> range:
    """Indices of the run of blocks around ``index`` that sit inside the element at ``depth``
    on its path (one element's blocks follow each other in reading order)."""
    nid = blocks[index].path[depth].id

    def inside(j: int) -> bool:
        path = blocks[j].path
        return len(path) > depth and path[depth].id == nid

    lo = index
    while lo > 0 and inside(lo - 1):
        lo -= 1
    hi = index
    while hi + 1 < len(blocks) and inside(hi + 1):
        hi += 1
    return range(lo, hi + 1)
