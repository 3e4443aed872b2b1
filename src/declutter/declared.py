"""What the page's JSON-LD declares, applied to the decided blocks.

A page's structured data (:class:`~declutter.metadata.Metadata`) says what some of its text is.
:func:`apply_declared` reads that against the blocks the pipeline decided: a collapsed answer
of a declared ``FAQPage`` was read by :mod:`declutter.segment` and says so in its reason; a
customer review declared for the page's product is no content; an ``articleBody`` much longer
than the kept text replaces it (an app shell whose visible body is empty); and kept paragraphs
below the end of the declared ``articleBody`` (a bio, a pitch) go. On a page that is no article,
a dropped paragraph that opens with the page's declared description is content.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from .blocks import BOILERPLATE, CODE, CONTENT, LIST_ITEM, PARAGRAPH, QUOTE, Block
from .metadata import Metadata, answer_key
from .segment import DECLARED_ANSWER
from .weights import (
    ANSWER_KEY_CHARS,
    BODY_END_COVER,
    BODY_END_MIN_WORDS,
    BODY_KEY_MIN_WORDS,
    BODY_KEY_WORDS,
    DESCRIPTION_REST_BLOCKS,
    JSON_LD_FACTOR,
    JSON_LD_SLACK,
)

__all__ = ["apply_declared"]


def _json_ld_blocks(body: str) -> list[Block]:
    """The paragraphs of a JSON-LD ``articleBody`` as content blocks."""
    paragraphs = [p.strip() for p in regex.split(r"\n\s*\n|\n", body) if p.strip()]
    return [
        Block(index=i, text=" ".join(p.split()), kind=PARAGRAPH, label=CONTENT,
              reason="from the page's JSON-LD articleBody: the visible page holds too little")
        for i, p in enumerate(paragraphs)
    ]  # fmt: skip


def _declared(block: Block) -> Block:
    """A block read inside a hidden element because the page's JSON-LD declares it an answer,
    with its reason saying so."""
    if any(DECLARED_ANSWER in node.tokens for node in block.path):
        return replace(block, reason=f"{block.reason}; an answer the page's JSON-LD declares")
    return block


_WORD = regex.compile(r"\w+")


def _past_the_body(decided: list[Block], body: str) -> list[Block]:
    """Kept paragraphs below the end of the article that the page's JSON-LD declares (its
    ``articleBody``) are boilerplate: an author's bio, a pitch. See BODY_END_MIN_WORDS."""
    # Not padded with spaces: articleBody texts often run a heading into the paragraph below it
    # ("Paper SuitesA memorable way"), so a block may open inside a word of it.
    text = " ".join(_WORD.findall(body.lower()))

    def in_body(block: Block) -> bool | None:
        words = _WORD.findall(block.text.lower(), endpos=ANSWER_KEY_CHARS)[:BODY_KEY_WORDS]
        return " ".join(words) in text if len(words) >= BODY_KEY_MIN_WORDS else None

    kept = [(i, b, in_body(b)) for i, b in enumerate(decided) if b.label is CONTENT]
    total = sum(b.features.words for _, b, _ in kept)
    inside = sum(b.features.words for _, b, found in kept if found)
    last = max((i for i, _, found in kept if found), default=-1)
    if last < 0 or inside < BODY_END_COVER * total:
        return decided
    out = list(decided)
    for i, b, found in kept:
        if i > last and found is False and b.kind is PARAGRAPH:
            out[i] = replace(
                b, label=BOILERPLATE, reason="below the end of the article the page's JSON-LD holds"
            )
    return out


def _review(block: Block, reviews: frozenset[str]) -> Block:
    """A kept block that opens with a customer review the page's JSON-LD declares for its
    product is boilerplate (reviews are what buyers say, not the product's description)."""
    if block.label is CONTENT and answer_key(block.text[:ANSWER_KEY_CHARS]) in reviews:
        return replace(
            block, label=BOILERPLATE, reason="a customer review the page's JSON-LD declares"
        )
    return block


_REST_KINDS = (LIST_ITEM, CODE, QUOTE)


def _description_opening(decided: list[Block], description: str) -> list[Block]:
    """A dropped paragraph that opens with the page's declared description (its first
    ANSWER_KEY_WORDS words) is content, unless a kept block opens so already: on a page that is
    no article the description is cut from the opening of its text (a thread's first post, a
    product's text), which the scoring missed."""
    key = answer_key(description)
    if not key:
        return decided
    probe = max(key.split(), key=len)  # a word every block that opens so holds (a cheap test)
    found = -1
    for i, b in enumerate(decided):
        opening = b.text[:ANSWER_KEY_CHARS]
        if probe in opening.lower() and answer_key(opening) == key:
            if b.label is not BOILERPLATE:
                return decided
            if found < 0 and b.kind is PARAGRAPH:
                found = i
    if found < 0:
        return decided
    out = list(decided)
    b = out[found]
    out[found] = replace(
        b, label=CONTENT, reason=f"{b.reason}; opens with the description the page declares"
    )
    # the rest of the post: the dropped prose that follows it in its parent element
    box = [n.id for n in b.path[:-1]]
    for i in range(found + 1, min(len(out), found + 1 + DESCRIPTION_REST_BLOCKS)):
        nxt = out[i]
        if [n.id for n in nxt.path[: len(box)]] != box:
            break
        if (
            nxt.label is BOILERPLATE
            and nxt.score > 0
            and (nxt.features.terminal or nxt.kind in _REST_KINDS)
        ):
            out[i] = replace(
                nxt, label=CONTENT, reason=f"{nxt.reason}; follows the declared description"
            )
    return out


def apply_declared(
    decided: list[Block], metadata: Metadata, discussion: bool
) -> tuple[list[Block], bool]:
    """The decided blocks with what the page's JSON-LD declares applied (see the module's
    text), and whether the text now comes from its ``articleBody`` (the result's method
    ``"json-ld"``). ``discussion``: the page is a thread, whose body the replies continue."""
    if metadata.answers:
        decided = [_declared(b) for b in decided]
    if metadata.reviews and metadata.product:
        decided = [_review(b, metadata.reviews) for b in decided]
    if metadata.description and not metadata.article:
        decided = _description_opening(decided, metadata.description)
    body = metadata.json_ld_body
    if not body:
        return decided, False
    body_words = len(body.split())
    kept_words = sum(b.features.words for b in decided if b.label is not BOILERPLATE)
    if body_words > JSON_LD_FACTOR * kept_words + JSON_LD_SLACK:
        decided = [replace(b, label=BOILERPLATE) if b.label is CONTENT else b for b in decided]
        shell = [replace(b, index=len(decided) + b.index) for b in _json_ld_blocks(body)]
        return decided + shell, True
    if not discussion and body_words >= BODY_END_MIN_WORDS:
        return _past_the_body(decided, body), False
    return decided, False
