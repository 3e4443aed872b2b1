"""Stage 5, second part: what comes back to the chosen selection.

:mod:`declutter.select` chooses the main region and labels every block. These passes bring back
what the region alone cannot see: linked titles of kept cards (:func:`keep_titles`), the
fields most of a grid's items keep (:func:`fill_grid_fields`), the standfirst under the headline
(:func:`keep_standfirst`), a sentence outside the region between kept text (:func:`fill_span`),
the dropped items of kept lists (:func:`fill_lists`) and repeated code (:func:`keep_code`).
:mod:`declutter.trim` then takes from the kept text what does not belong to it. Each pass takes
a :class:`~declutter.select.Selection` and returns a new one; :mod:`declutter.api` applies them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter

from .blocks import BOILERPLATE, CAPTION, CODE, CONTENT, HEADING, LIST_ITEM, Block, Node
from .boxes import drop_labelled_boxes
from .repeats import numberless
from .select import Selection
from .tree import Tree, element_tree
from .weights import (
    GRID_FIELD_ITEMS,
    GRID_FIELD_MIN_SCORE,
    GRID_FIELD_SHARE,
    HEADLINE_MIN_ECHO,
    LIST_FILL_ITEMS,
    LIST_FILL_REPEATS,
    LIST_FILL_SHARE,
    PRODUCT_LEAD_SCORE,
    PRODUCT_LEAD_WORDS,
    SHIPPING_TERMS,
    SPAN_KEEP_SCORE,
    SPAN_KEEP_WORDS,
    STANDFIRST_LONG_WORDS,
    STANDFIRST_MAX_LINK,
    STANDFIRST_MIN_WORDS,
    STRONG_NEGATIVE_HINT,
    TITLE_MIN_LINK,
    TITLE_MIN_WORDS,
    TITLE_REACH,
)

__all__ = [
    "fill_grid_fields",
    "fill_lists",
    "fill_span",
    "keep_code",
    "keep_standfirst",
    "keep_titles",
]

_ID = attrgetter("id")


_SHIPPING = re.compile(rf"(?:^| )(?:{SHIPPING_TERMS})")


def _product_lead(block: Block, kept: set[str]) -> bool:
    """Whether a block dropped between the headline and the first kept block of a product page
    is the product's own short text: PRODUCT_LEAD_WORDS words or more scoring PRODUCT_LEAD_SCORE
    or more, with the standfirst's other conditions (few links, no caption, label, notice or
    copy of a kept block), that speaks of no shipping or returns (SHIPPING_TERMS)."""
    f = block.features
    return (
        block.label is BOILERPLATE
        and block.score >= PRODUCT_LEAD_SCORE
        and f.words >= PRODUCT_LEAD_WORDS
        and f.link_density < STANDFIRST_MAX_LINK
        and block.kind is not CAPTION
        and not f.label_word
        and not f.notice
        and f.key not in kept
        and _SHIPPING.search(f.key) is None
    )


def _standfirst(block: Block, kept: set[str]) -> bool:
    """Whether a block dropped between the headline and the first kept block is the article's
    standfirst: prose (a sentence end and STANDFIRST_MIN_WORDS words or more, or without one
    STANDFIRST_LONG_WORDS; few links) that leans to content, no caption, label or notice, and no
    copy of a block kept below."""
    f = block.features
    return (
        block.label is BOILERPLATE
        and block.score > 0
        and f.words >= (STANDFIRST_MIN_WORDS if f.terminal else STANDFIRST_LONG_WORDS)
        and f.link_density < STANDFIRST_MAX_LINK
        and block.kind is not CAPTION
        and not f.label_word
        and not f.notice
        and f.key not in kept
    )


def keep_standfirst(selection: Selection, product: bool = False) -> Selection:
    """The selection with the standfirst under its headline kept.

    The lead paragraph that sits between the headline and the body ("Müssen Infizierte
    unbedingt ins Krankenhaus? ...") is often in a header element of its own, beside the body's
    element and too short a share of it to join the region, so it was judged by the outside bar.
    Between the headline and the first kept block, every block that :func:`_standfirst` accepts
    is kept, up to the first heading that is not an echo of the headline (a new section: a
    "See it in action" box, reviews). Bylines, dates, share bars and photo credits in between
    are short or no sentence and stay out. Applied once the profile is chosen, as titles are.

    On a page that presents one product (``product``) the product's own short lines there are
    kept too (:func:`_product_lead`), and the walk goes on past headings ("Key features" in the
    box beside the product's picture), though below one only such lines are kept."""
    blocks = selection.blocks
    headline = selection.headline
    if selection.reason or headline is None:
        return selection
    first = next((i for i in range(headline + 1, len(blocks)) if blocks[i].label is CONTENT), None)
    if first is None:
        return selection
    kept = {b.features.key for b in blocks if b.label is not BOILERPLATE}
    out = list(blocks)
    in_lead = True  # no new section yet: the standfirst's place
    for i in range(headline + 1, first):
        block = blocks[i]
        if in_lead and _standfirst(block, kept):
            reason = block.reason.removesuffix("; outside the main region")
            out[i] = block.decided(
                block.score, CONTENT, f"{reason}, the standfirst under the headline"
            )
        elif product and _product_lead(block, kept):
            reason = block.reason.removesuffix("; outside the main region")
            out[i] = block.decided(
                block.score, CONTENT, f"{reason}, the product's text under the headline"
            )
        elif block.kind is HEADING and block.features.title_echo < HEADLINE_MIN_ECHO:
            if not product:
                break
            in_lead = False
    return Selection(out, selection.region, headline, selection.reason, selection.members)


_ORDINAL = re.compile(r"\s*(?:#\s*)?\d{1,3}\s*[.):\-–]?\s+")


"""The number that opens an item of a ranked list ("1. ", "#2 ", "3) "), not linked with its
title."""


def _numbered_title(block: Block) -> bool:
    """Whether a heading is a linked title behind its item's number ("2. Metropolis Moving"):
    the text after the number is a link (TITLE_MIN_LINK of its characters)."""
    found = _ORDINAL.match(block.text)
    if found is None:
        return False
    rest = len(block.text) - found.end()
    return rest > 0 and block.link_chars >= TITLE_MIN_LINK * rest


def keep_titles(selection: Selection) -> Selection:
    """The selection with the headings inside its region that title kept content kept too.

    The linked title of a card whose description was kept: a heading that is wholly a link
    (TITLE_MIN_LINK), dropped inside the region, is kept when the first block of
    TITLE_MIN_WORDS words or more after it, within TITLE_REACH blocks and before another
    heading, is kept content, unless a label heading's box holds it
    (:func:`drop_labelled_boxes`). Applied once the profile is chosen, so that titles do not
    sway that choice."""
    region = selection.members
    blocks = selection.blocks
    if selection.reason or not region:
        return selection
    kept = {b.features.key for b in blocks if b.label is not BOILERPLATE}
    out = list(blocks)
    for i, block in enumerate(blocks):
        if block.kind is not HEADING or block.label is not BOILERPLATE or i == selection.headline:
            continue
        if block.features.label_word or block.features.notice or block.features.key in kept:
            continue
        if block.features.link_density < TITLE_MIN_LINK and not _numbered_title(block):
            continue  # not a linked title: dropped for its own reasons, or an "[edit]" heading
        if region.isdisjoint(map(_ID, block.path)):
            continue
        for follower in blocks[i + 1 : i + 1 + TITLE_REACH]:
            if follower.kind is HEADING:
                break
            if follower.features.words >= TITLE_MIN_WORDS:
                if follower.label is CONTENT:
                    out[i] = block.decided(
                        block.score, CONTENT, f"{block.reason}; titles kept content below it"
                    )
                break
    out = drop_labelled_boxes(out)  # a title kept under a label heading goes again
    return Selection(out, selection.region, selection.headline, selection.reason, region)


_STANDING_DROPS = (
    "repeats ",
    "the headline",
    "a signature",
    "in a comments box",
    "under the label",
    "a label heading",
    "a box label",
    "in a small form",
    "an item's field list",
    "a post's number",
)


"""Reasons (or parts after "; ") of drops that :func:`fill_grid_fields` leaves standing: a
repeat, the headline, and the passes of :mod:`declutter.select` and :mod:`declutter.boxes` that
drop a block for what it is, not for its score."""


def _standing(reason: str) -> bool:
    return any(part.startswith(_STANDING_DROPS) for part in reason.split("; "))


def fill_grid_fields(selection: Selection, tree: Tree | None = None) -> Selection:
    """The selection with each field of a grid kept in every item once most items keep it.

    A grid is a run of at least GRID_FIELD_ITEMS sibling elements of one kind
    (:func:`~declutter.repeats.signature`: a shop's cards, a listing's rows, the posts of a
    thread); a block's grid is the one among its enclosing elements with the most items. A field
    is the blocks of one kind at the same place in its items (the same tags and class words from
    the item down to the block). When at least GRID_FIELD_SHARE of a field's blocks (and at least
    GRID_FIELD_ITEMS of them) are kept, its dropped blocks that scored above GRID_FIELD_MIN_SCORE
    are kept too: the title or the price that a few cards lost to their link density or their
    short length, where the other cards kept theirs. Drops for what a block is (a repeat, a
    signature, a label word, a notice, a form, a comments box) stand, and so do blocks in an
    element whose class/id words mark a box (STRONG_NEGATIVE_HINT: a signature, comments, a
    footer, a menu). Applied once the profile is chosen, like :func:`keep_titles`. ``tree``:
    the blocks' :func:`~declutter.tree.element_tree`, made when not given; paths cut short
    (nesting past the walk's limit) are left as they are."""
    blocks = selection.blocks
    if selection.reason or not blocks:
        return selection
    if tree is None:
        tree = element_tree(blocks)
    if not tree.runs:
        return selection  # paths cut short (absurd nesting): no element order to read grids in
    kind_of = _kinds()
    depths = _grid_depths(tree, kind_of)
    rows: dict[tuple[object, ...], list[int]] = {}  # blocks of one kind in the items of a grid
    for i, depth in enumerate(depths):
        if depth:
            path = blocks[i].path
            key = (path[depth - 1].id, kind_of(path[depth]), blocks[i].kind)
            rows.setdefault(key, []).append(i)
    out = list(blocks)
    filled = False
    for members in rows.values():
        kept = sum(blocks[i].label is CONTENT for i in members)
        if kept < GRID_FIELD_ITEMS or kept == len(members):
            continue
        if not any(_fillable(blocks[i]) for i in members):
            continue
        fields: dict[tuple[tuple[str, frozenset[str]], ...], list[int]] = {}
        for i in members:  # ...split by their place in the item
            place = tuple(kind_of(node) for node in blocks[i].path[depths[i] + 1 :])
            fields.setdefault(place, []).append(i)
        for field in fields.values():
            kept = sum(blocks[i].label is CONTENT for i in field)
            if kept == len(field) or kept < max(GRID_FIELD_ITEMS, GRID_FIELD_SHARE * len(field)):
                continue
            for i in field:
                b = blocks[i]
                if _fillable(b):
                    out[i] = b.decided(
                        b.score, CONTENT, f"{b.reason}; most items of its grid keep it"
                    )
                    filled = True
    if not filled:
        return selection  # nothing kept anew: select and keep_titles dropped the labelled boxes
    out = drop_labelled_boxes(out)  # a block kept under a label heading goes again
    return selection.with_blocks(out)


def _fillable(block: Block) -> bool:
    """Whether a dropped block of a grid's field may come back (:func:`fill_grid_fields`): it
    scored above GRID_FIELD_MIN_SCORE and was dropped for its score, not for what it is."""
    f = block.features
    return (
        block.label is BOILERPLATE
        and block.score > GRID_FIELD_MIN_SCORE
        and f.hint > STRONG_NEGATIVE_HINT  # not in a box its markup marks (a footer, comments)
        and not f.label_word
        and not f.notice
        and not _standing(block.reason)
    )


def _kinds() -> Callable[[Node], tuple[str, frozenset[str]]]:
    """A :func:`~declutter.repeats.signature` that takes each element's once, and the
    numberless class words of each set of tokens once."""
    kinds: dict[int, tuple[str, frozenset[str]]] = {}
    words: dict[frozenset[str], frozenset[str]] = {}

    def kind_of(node: Node) -> tuple[str, frozenset[str]]:
        found = kinds.get(node.id)
        if found is None:
            tokens = node.tokens
            plain = words.get(tokens)
            if plain is None:
                plain = words[tokens] = numberless(tokens)
            found = kinds[node.id] = node.tag, plain
        return found

    return kind_of


def _grid_depths(tree: Tree, kind_of: Callable[[Node], tuple[str, frozenset[str]]]) -> list[int]:
    """For each block, the depth on its path of the item of its grid (0: in no grid): the
    grid with the most items (at least GRID_FIELD_ITEMS sibling elements of one kind) among
    its enclosing elements, the shallowest of equal ones. Each element is looked at once, after
    its parent (the tree's elements come in the order they open: :attr:`Tree.runs`)."""
    nodes = tree.nodes
    items: dict[int, int] = {}  # element id -> the items of its kind its parent holds
    for kids in tree.children.values():
        if len(kids) < GRID_FIELD_ITEMS:
            continue  # too few children to make a grid
        by_kind: dict[tuple[str, frozenset[str]], list[int]] = {}
        for nid in kids:
            by_kind.setdefault(kind_of(nodes[nid]), []).append(nid)
        for ids in by_kind.values():
            for nid in ids:
                items[nid] = len(ids)
    parent = tree.parent
    grid: dict[int, tuple[int, int]] = {}  # element id -> (items, depth) of the grid it is in
    depths = tree.depth
    for nid in tree.count:  # the order the elements open in
        depth = depths[nid]
        up = parent[nid]
        found = grid[up] if up >= 0 else (0, 0)
        n = items.get(nid, 0)
        grid[nid] = (n, depth) if n >= GRID_FIELD_ITEMS and n > found[0] else found
    return [grid[ids[-1]][1] if ids else 0 for ids in tree.paths]


def _kept_span(selection: Selection) -> range:
    """The positions between the first and the last kept block of content (the headline is no
    content): where :func:`fill_span`, :func:`fill_lists` and :func:`keep_code` look. Empty for
    a page without main content or with fewer than two kept blocks."""
    if selection.reason:
        return range(0)
    kept = [i for i, b in enumerate(selection.blocks) if b.label is CONTENT]
    return range(kept[0] + 1, kept[-1]) if len(kept) >= 2 else range(0)


def fill_span(selection: Selection) -> Selection:
    """The selection with the blocks that were dropped only for lying outside the main region
    kept when they end like a sentence, have SPAN_KEEP_WORDS words or more, score above
    SPAN_KEEP_SCORE and sit between the first and the last kept block of content (the headline
    not counted): the part of the text the region did not reach, between two parts it kept.
    Copies of kept text, blocks under strongly negative class words, label words and notices
    stay dropped, and the labelled boxes are dropped again after it. Applied last, after
    :func:`keep_standfirst`, whose walk stops at the first kept block."""
    blocks = selection.blocks
    span = _kept_span(selection)
    if not span:
        return selection
    out: list[Block] | None = None
    keys = {b.features.key for b in blocks if b.label is not BOILERPLATE}
    for i in span:
        b = blocks[i]
        if b.label is not BOILERPLATE or b.score <= SPAN_KEEP_SCORE or b.features.key in keys:
            continue
        if not b.features.terminal or b.features.words < SPAN_KEEP_WORDS:
            continue
        if not b.reason.endswith("; outside the main region"):
            continue
        if b.features.hint <= STRONG_NEGATIVE_HINT or b.features.label_word or b.features.notice:
            continue
        if out is None:
            out = list(blocks)
        keys.add(b.features.key)  # a copy of it further down stays dropped
        out[i] = b.decided(b.score, CONTENT, f"{b.reason}; between kept blocks")
    if out is None:
        return selection
    out = drop_labelled_boxes(out)
    return selection.with_blocks(out)


_REPEAT = "repeats a block kept above"


def fill_lists(selection: Selection) -> Selection:
    """The selection with the dropped items of a kept list kept: between the first and the last
    kept block of content (the headline not counted), a list item whose list (the list items of
    its parent element) has at least LIST_FILL_ITEMS items, LIST_FILL_SHARE of them kept, comes
    back, a repeat of a kept line too (each card of a comparison lists "Median GMAT: 730"). Drops
    for what a block is other than a repeat (a signature, a label word, a notice, a form, a
    comments box) stand, and so do blocks under strongly negative class words; the labelled
    boxes are dropped again after it."""
    blocks = selection.blocks
    span = _kept_span(selection)
    if not span:
        return selection
    lists: dict[int, list[Block]] = {}
    for b in blocks:
        if b.kind is LIST_ITEM and len(b.path) > 1:
            lists.setdefault(b.path[-2].id, []).append(b)
    out: list[Block] | None = None
    for i in span:
        b = blocks[i]
        if b.label is not BOILERPLATE or b.kind is not LIST_ITEM or len(b.path) < 2:
            continue
        items = lists[b.path[-2].id]
        on = sum(1 for item in items if item.label is CONTENT)
        if len(items) < LIST_FILL_ITEMS or on < LIST_FILL_SHARE * len(items):
            continue
        if b.features.hint <= STRONG_NEGATIVE_HINT or b.features.label_word or b.features.notice:
            continue
        if _standing(b.reason.replace(_REPEAT, "")):
            continue
        if _REPEAT in b.reason:
            repeats = sum(1 for item in items if _REPEAT in item.reason)
            if repeats >= LIST_FILL_REPEATS * len(items):
                continue  # the list mostly copies another
        if out is None:
            out = list(blocks)
        out[i] = b.decided(b.score, CONTENT, f"{b.reason}; most items of its list are kept")
    if out is None:
        return selection
    out = drop_labelled_boxes(out)
    return selection.with_blocks(out)


_CODE_DROPS = re.compile(
    r"repeated \d+x on the page|repeats a block kept above|outside the main region"
)


def keep_code(selection: Selection) -> Selection:
    """The selection with the code between the first and the last kept block of content kept
    when it was dropped only as a repeat (or for lying outside the main region): the lines of
    an example ("return (", "</div>", a JSON field) recur on a page of examples. Code under a
    ``<blockquote>`` (a reply quoting an earlier post) stays dropped."""
    blocks = selection.blocks
    span = _kept_span(selection)
    if not span:
        return selection
    out: list[Block] | None = None
    for i in span:
        b = blocks[i]
        if b.label is not BOILERPLATE or b.kind is not CODE:
            continue
        if any(node.tag == "blockquote" for node in b.path):
            continue  # a reply's quote of an earlier post's code
        if not all(_CODE_DROPS.fullmatch(part) for part in b.reason.split("; ")):
            continue
        if out is None:
            out = list(blocks)
        out[i] = b.decided(b.score, CONTENT, f"{b.reason}; code between kept blocks")
    if out is None:
        return selection
    return selection.with_blocks(out)
