"""Stage 5, within the selection: which kept blocks that repeat a kept block stay.

:func:`declutter.select.select` keeps the first copy of a text and asks :func:`keeps_repeat`
about each later one: a text said twice on purpose stays (under one parent, a lone repeat in a
sibling section, the fine print every card of one kind repeats), a teaser echoing a paragraph or
the mobile copy of a section goes. :func:`signature` names the kind of a repeated item, which
the comments boxes of :mod:`declutter.select` and the forms of :mod:`declutter.boxes` share.
"""

from __future__ import annotations

from .blocks import Block, Node
from .weights import CARD_OWN_WORDS, CARD_SHARED_SHARE, ROW_REPEAT_MIN_WORDS, SHORT_WORDS

__all__ = ["keeps_repeat", "layout_cell", "signature"]

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
    return node.tag, frozenset(t for t in node.tokens if not any(c.isdigit() for c in t))


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
    a, b = blocks[first], blocks[again]
    pa, pb = a.path, b.path
    if b.features.words < SHORT_WORDS or len(pa) != len(pb) or len(pa) < 2:
        return False
    k = 0
    while k < len(pa) and pa[k].id == pb[k].id:
        k += 1
    if k == 0 or k >= len(pa):
        return False
    if any(x.tag != y.tag or x.tag == "blockquote" for x, y in zip(pa[k:], pb[k:])):
        return False  # not the same place in both, or a quote (two replies quoting one post)
    card_a, card_b = pa[k], pb[k]
    if signature(card_a) != signature(card_b):
        return False
    keys_a = {blocks[i].features.key for i in _span(blocks, first, k)}
    own = shared = 0
    for i in _span(blocks, again, k):
        if blocks[i].features.key in keys_a:
            shared += blocks[i].features.words
        else:
            own += blocks[i].features.words
    return own >= CARD_OWN_WORDS and shared >= CARD_SHARED_SHARE * (own + shared)


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
