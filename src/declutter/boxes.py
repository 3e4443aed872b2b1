"""Stage 5, within the selection: boxes set into the kept text go.

After :func:`declutter.select.select` has chosen the region, three passes drop what sits
inside it but is no part of the text: a box under a boilerplate label ("Most read", "About the
author") with its teasers (:func:`drop_labelled_boxes`), a small form's labels and fine print
(:func:`drop_small_forms`), and the field lists that stand beside each item of a page, such as
a forum poster's join date and post count (:func:`drop_field_lists`). :mod:`declutter.refine`
runs the first again once the titles of kept cards are back.
"""

from __future__ import annotations

import re
from collections import defaultdict
from operator import attrgetter

from .blocks import BOILERPLATE, CONTENT, HEADING, Block
from .features import box_label, control_label, fingerprint, post_number, teaser_label
from .repeats import signature
from .weights import (
    AUTHOR_BOX_LABELS,
    BOX_AFTER_WORDS,
    BOX_LINK,
    BOX_SHORT_WORDS,
    FIELD_ICON_MAX_VALUES,
    FIELD_LABEL_MAX_WORDS,
    FIELD_MIN_NUMBERS,
    FORM_MAX_WORDS,
    LABEL_HEAD_MAX_CHARS,
    LABEL_VALUE_MAX_WORDS,
    POST_NUMBER_MIN_LINKS,
)

__all__ = [
    "drop_field_lists",
    "drop_labelled_boxes",
    "drop_post_numbers",
    "drop_small_forms",
    "field_boxes",
    "shared_depth",
]

_ID = attrgetter("id")
_TAG = attrgetter("tag")


def shared_depth(one: Block, other: Block) -> int:
    """How many elements the two blocks' paths share from the root."""
    n = 0
    for a, b in zip(one.path, other.path):
        if a.id != b.id:
            break
        n += 1
    return n


def _common_ancestor(one: Block, other: Block) -> int | None:
    """The id of the deepest element that holds both blocks (``None`` if none does)."""
    n = shared_depth(one, other)
    return one.path[n - 1].id if n else None


def _teaser_text(title: Block, block: Block, box: int | None) -> bool:
    """Whether ``block`` is the standfirst of a teaser in a box set into the text: prose right
    after a line of the box (a link, a date: :func:`_in_box`), the two in an element of their
    own inside ``box`` (a card, an item)."""
    if not _in_box(title, box) or not _in_prose_box(block, box, False):
        return False
    return _common_ancestor(title, block) not in (None, box)


def _in_prose_box(block: Block, box: int | None, sentences: bool) -> bool:
    """Whether a block after a heading about the writer or a teaser box's label is still its
    box though it is prose: inside ``box`` and no heading (a bio, a teaser's standfirst); under
    a one-word label (``sentences``) only a block that ends like a sentence."""
    if box is None or block.kind is HEADING or (sentences and not block.features.terminal):
        return False
    return box in map(_ID, block.path)


def _in_box(block: Block, box: int | None) -> bool:
    """Whether a block after a label heading still belongs to the labelled box: inside the
    element that holds the heading and the block after it (``box``), a link (a teaser title, a
    tag) or a short line that is no sentence (a date, a byline)."""
    if box is None or box not in map(_ID, block.path):
        return False
    f = block.features
    if f.link_density >= BOX_LINK:
        return True
    return block.kind is not HEADING and f.words < BOX_SHORT_WORDS and not f.terminal


_AUTHOR_LABELS = frozenset(map(fingerprint, AUTHOR_BOX_LABELS))


def drop_small_forms(blocks: list[Block]) -> list[Block]:
    """Kept blocks inside a ``<form>`` whose blocks hold fewer than FORM_MAX_WORDS words in
    all are dropped: the labels and fine print of a purchase, search or sign-up form. A form
    of a kind that repeats (same :func:`signature`, class words required) is passed over: a
    comment page wraps each comment's text in its own edit form."""
    words: dict[int, int] = defaultdict(int)
    kinds: dict[tuple[str, frozenset[str]], set[int]] = defaultdict(set)
    forms: dict[int, tuple[str, frozenset[str]]] = {}  # each form's signature, taken once
    for b in blocks:
        if "form" not in map(_TAG, b.path):  # most blocks: a check in C, no Python loop
            continue
        for n in b.path:
            if n.tag == "form":
                words[n.id] += b.features.words
                kind = forms.get(n.id)
                if kind is None:
                    kind = forms[n.id] = signature(n)
                if kind[1]:
                    kinds[kind].add(n.id)
    for ids in kinds.values():  # one form per post (an edit form round each comment's text)
        if len(ids) > 1:
            for i in ids:
                words.pop(i, None)
    if not words:
        return blocks
    out = []
    for b in blocks:
        if b.label is not CONTENT or "form" not in map(_TAG, b.path):
            out.append(b)
            continue
        form = next((n.id for n in reversed(b.path) if n.tag == "form"), None)
        if form in words and words[form] < FORM_MAX_WORDS:
            b = b.decided(b.score, BOILERPLATE, f"{b.reason}; in a small form")
        out.append(b)
    return out


def drop_labelled_boxes(blocks: list[Block]) -> list[Block]:
    """A heading that is a boilerplate label ("Most read", "Related topics") below the main text
    (BOX_AFTER_WORDS kept above it) heads a box of teasers or tags: it is dropped, with the links
    and short lines after it, up to the first heading or line of text that is neither. So does a
    block of any kind that is only such a label of several words (:func:`box_label`: a
    "【関連記事】" or "Related articles" paragraph). On a listing, where "Latest" heads the very
    list that is the content, nothing is kept above it. The box's prose goes too, up to the next
    heading that is no link, under a heading about the writer (AUTHOR_BOX_LABELS: "About the
    author") and under a heading that is a label of several words (:func:`box_label`: "Related
    articles", "Recommended for you") and opens its box (the block before it lies outside: a
    teaser box, not an article's own "See also" section); under a one-word label that opens its
    box (:func:`teaser_label`: "Related", "Popular"), only the prose that ends like a sentence
    (a teaser's standfirst, not a "Recommended" column of system requirements). A sort or filter
    control's label (CONTROL_LABELS: "Sort by") heads no box: the list it sorts follows it."""
    out = list(blocks)
    before = 0  # words kept above
    i = 0
    while i < len(out):
        head = out[i]
        i += 1
        if head.label is not BOILERPLATE:
            before += head.features.words
        label = head.features.label_word
        author = head.kind is HEADING and head.features.key in _AUTHOR_LABELS
        if author:
            label = head.features.key
        elif (
            not label
            or control_label(label)
            or (head.kind is not HEADING and not box_label(head.features.key))
        ):
            continue  # a sort or filter control heads no box: the list it sorts follows
        if before < BOX_AFTER_WORDS:
            continue
        why = f"under the label '{label}'"
        if head.label is CONTENT:
            what = "a label heading" if head.kind is HEADING else "a box label"
            reason = f"{head.reason}; {what}"
            out[i - 1] = head.decided(head.score, BOILERPLATE, reason)
        box = _common_ancestor(head, out[i]) if i < len(out) else None
        opens = head.kind is HEADING and (i < 2 or box not in map(_ID, out[i - 2].path))
        prose = author or (opens and box_label(head.features.key))
        sentences = not prose and opens and teaser_label(head.features.key)
        inset = not prose and head.kind is HEADING and box_label(head.features.key)
        while i < len(out) and (
            _in_box(out[i], box)
            or ((prose or sentences) and _in_prose_box(out[i], box, sentences))
            or (inset and _teaser_text(out[i - 1], out[i], box))
        ):
            block = out[i]
            if block.label is CONTENT:
                out[i] = block.decided(block.score, BOILERPLATE, f"{block.reason}; {why}")
            i += 1
    return out


_DIGIT = re.compile(r"\d")
_FIELD_LISTS = frozenset({"dl"})
_FIELDS = frozenset({"dt", "dd"})


def field_boxes(blocks: list[Block]) -> list[list[int]]:
    """The positions of the blocks of each per-item field list (FIELD_LABEL_MAX_WORDS): the
    ``<dt>`` and ``<dd>`` blocks of the ``<dl>``s under one element (XenForo gives each pair a
    ``<dl>`` of its own; phpBB writes label and value in one ``<dd>``, "Posts: 312"), when its
    labels and values are short, a value holds a digit, and one of its labels labels a field in
    another such list of the page. Lists (``<li>``, "Weight: 2 kg") are left out: an article's
    bullet lists of facts cost wcxb-dev 0.00002 (6 pages worse, among them two articles by
    0.04 and 0.06)."""
    boxes: dict[int, list[int]] = {}
    for i, block in enumerate(blocks):
        path = block.path
        if len(path) >= 3 and path[-2].tag in _FIELD_LISTS and path[-1].tag in _FIELDS:
            boxes.setdefault(path[-3].id, []).append(i)
    if len(boxes) < 2:
        return []
    fields: list[tuple[list[int], list[str]]] = []
    owners: dict[str, set[int]] = defaultdict(set)  # a label -> the lists it labels a field in
    for box, members in boxes.items():
        labels: list[str] = []
        values: list[str] = []
        for i in members:
            block = blocks[i]
            if block.path[-1].tag == "dt":
                labels.append(block.features.key)
                continue
            head, colon, tail = block.text.partition(":")
            if colon and tail.strip() and len(head) < LABEL_HEAD_MAX_CHARS:
                labels.append(fingerprint(head))  # "Posts: 1,234" in one <li> or <dd>
                values.append(fingerprint(tail))
            else:
                values.append(block.features.key)
        if not labels and 0 < len(values) <= FIELD_ICON_MAX_VALUES:
            # labels drawn as icons (XenForo's <dt> holds only an icon and a tooltip): the
            # list's kind stands for them, so that lists of one kind beside each item match
            node = blocks[members[0]].path[-3]
            tag, tokens = signature(node)
            labels.append(f"<{tag}.{'.'.join(sorted(tokens))}>")
        if (
            not labels
            or not values
            or any(len(k.split()) > FIELD_LABEL_MAX_WORDS for k in labels)
            or any(len(k.split()) > LABEL_VALUE_MAX_WORDS for k in values)
            or sum(1 for k in values if _DIGIT.search(k)) < FIELD_MIN_NUMBERS
        ):
            continue
        fields.append((members, labels))
        for k in labels:
            owners[k].add(box)
    return [members for members, labels in fields if any(len(owners[k]) > 1 for k in labels)]


def drop_field_lists(blocks: list[Block], fields: frozenset[int]) -> list[Block]:
    """Kept blocks of a field list that stands beside each item of the page (a forum poster's
    "Joined" / "Feb 8, 2023", "Messages" / "4,726"; ``fields``: their positions, found by
    :func:`field_boxes` before the region was chosen) are dropped."""
    out = blocks
    for i in sorted(fields):
        b = out[i]
        if b.label is CONTENT:
            if out is blocks:
                out = list(blocks)
            out[i] = b.decided(b.score, BOILERPLATE, f"{b.reason}; an item's field list")
    return out


def drop_post_numbers(blocks: list[Block]) -> list[Block]:
    """Kept blocks that are only a post's number written as a link to the post ("#2",
    XenForo's and vBulletin's permalink in each post's header) are dropped, when the page has
    POST_NUMBER_MIN_LINKS of them or more. A ranking's "#2" over an item is no link."""
    found = [
        i
        for i, b in enumerate(blocks)
        if b.label is CONTENT and b.features.link_density >= 1.0 and post_number(b.text)
    ]
    if len(found) < POST_NUMBER_MIN_LINKS:
        return blocks
    out = list(blocks)
    for i in found:
        b = out[i]
        out[i] = b.decided(b.score, BOILERPLATE, f"{b.reason}; a post's number")
    return out
