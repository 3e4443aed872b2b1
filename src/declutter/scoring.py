"""Stage 4: features to a score, a provisional label and a reason.

The score is a weighted sum of the block's features (weights in :mod:`declutter.weights`), then
short blocks are smoothed towards their neighbours. Each block keeps the reason a person can read.
"""

from __future__ import annotations

import math

from .blocks import BOILERPLATE, CONTENT, Block, Kind, Label
from .deadline import NEVER, Deadline
from .weights import (
    KIND_BONUS,
    MAX_DUPLICATES,
    MAX_SENTENCE_BONUS,
    MAX_SITE_REPEATS,
    PROFILES,
    SHORT_LINK_WORDS,
    SHORT_WORDS,
    SMOOTH_MAX_LINK,
    SMOOTH_SHARE,
    SMOOTH_WINDOW,
    W_BIAS,
    W_DUPLICATE,
    W_HINT,
    W_LABEL,
    W_LINK,
    W_NOTICE,
    W_REGION_LINK,
    W_SENTENCES,
    W_SHORT_LINK,
    W_SITE_REPEAT,
    W_TERMINAL,
    W_TOPIC,
    W_WORDS,
    Profile,
)

__all__ = ["contributions", "score", "score_block"]

_PARTS = (
    "words", "link density", "short link", "region link density", "sentence end", "sentences",
    "class/id", "repeated on page", "boilerplate label", "site notice", "title topic",
    "repeated across site", "kind",
)  # fmt: skip
"""The names of a block's contributions, in the order :func:`_values` gives them."""
_KIND_BONUS = {kind: KIND_BONUS.get(kind.value, 0.0) for kind in Kind}
"""KIND_BONUS by the kind itself: an enum's ``.value`` is a Python-level property."""
_KIND_NAMES = {kind: kind.value for kind in Kind}
"""Each kind's name for a reason ("a heading"), read without the ``.value`` property."""


def _values(block: Block, profile: Profile) -> tuple[float, ...]:
    """What each feature adds to the block's score, zeros included, in the order of _PARTS."""
    f = block.features
    # A card link's blocks are links by construction (the <a> is the card): see Profile.
    link_scale = profile.link_scale * profile.card_link_scale if block.card else profile.link_scale
    return (
        W_WORDS * math.log2(1 + f.words),
        -W_LINK * link_scale * f.link_density,
        -W_SHORT_LINK * link_scale * f.link_density if f.words < SHORT_LINK_WORDS else 0.0,
        -W_REGION_LINK * link_scale * profile.region_link_scale * f.region_link_density,
        W_TERMINAL if f.terminal else 0.0,
        # min() only when there is something to cap: a builtin call per part and block cost
        # more than the test, and most blocks have one sentence and no repeat
        W_SENTENCES * (min(f.sentences - 1, MAX_SENTENCE_BONUS) if f.sentences > 1 else 0),
        W_HINT * f.hint,
        -W_DUPLICATE * (min(f.duplicates, MAX_DUPLICATES) if f.duplicates else 0),
        -W_LABEL if f.label_word else 0.0,
        -W_NOTICE if f.notice else 0.0,
        W_TOPIC * f.title_overlap,
        -W_SITE_REPEAT * (min(f.site_repeats, MAX_SITE_REPEATS) if f.site_repeats else 0),
        _KIND_BONUS[block.kind],
    )


def contributions(block: Block, profile: Profile = PROFILES[0]) -> dict[str, float]:
    """What each feature adds to the block's score, by a name a person can read (only the
    parts that add something)."""
    return {name: v for name, v in zip(_PARTS, _values(block, profile)) if v}


def _describe(block: Block, name: str) -> str:
    f = block.features
    if name == "words":
        return f"{f.words} words"
    if name == "link density":
        return f"link density {f.link_density:.2f}"
    if name == "short link":
        return f"a short link ({f.words} words, link density {f.link_density:.2f})"
    if name == "region link density":
        return f"in a region of links ({f.region_link_density:.2f})"
    if name == "class/id":
        return f"class/id '{f.hint_reason}' ({f.hint:+.1f})"
    if name == "repeated on page":
        return f"repeated {f.duplicates + 1}x on the page"
    if name == "boilerplate label":
        return f"boilerplate label '{f.label_word}'"
    if name == "title topic":
        return f"on the title's topic ({f.title_overlap:.0%} of its words)"
    if name == "site notice":
        return "speaks of cookies, consent or legal matters"
    if name == "repeated across site":
        return f"seen on {f.site_repeats} other page(s) of the site"
    if name == "kind":
        return f"a {_KIND_NAMES[block.kind]}"
    return name


def _own(block: Block, profile: Profile) -> tuple[float, str]:
    """The block's own score (rounded) and the reason: its strongest contribution pointing the
    way of the decision. Read from the tuple of :func:`_values` rather than the dict of
    :func:`contributions` (this runs for every block of every profile): parts that are zero add
    nothing to the sum and are never the reason."""
    values = _values(block, profile)
    total = W_BIAS + sum(values)
    # The strongest part of the total's sign (the first of equals), else the strongest part:
    # the largest value when the total is positive, the smallest when not (found in C).
    extreme = max(values) if total > 0 else min(values)
    at = values.index(extreme) if (extreme > 0) == (total > 0) and extreme != 0 else -1
    if at < 0:
        if not any(values):
            return round(total, 3), "no evidence"
        at = max(range(len(values)), key=lambda i: abs(values[i]))
    return round(total, 3), _describe(block, _PARTS[at])


def _label(total: float) -> Label:
    return CONTENT if total > 0 else BOILERPLATE


def score_block(block: Block, profile: Profile = PROFILES[0]) -> Block:
    """The block with its own score (no neighbours), label and reason."""
    total, reason = _own(block, profile)
    return block.decided(total, _label(total), reason)


def score(
    blocks: list[Block], profile: Profile = PROFILES[0], deadline: Deadline = NEVER
) -> list[Block]:
    """Every block scored, labelled and explained; short blocks lean towards their neighbours
    (jusText's context rule)."""
    own = []
    for i, block in enumerate(blocks):
        deadline.tick(i, "score")
        own.append(_own(block, profile))
    scores = [total for total, _ in own]
    out = []
    for i, (block, (total, reason)) in enumerate(zip(blocks, own)):
        label = _label(total)
        f = block.features
        if f.words < SHORT_WORDS and f.link_density <= SMOOTH_MAX_LINK and not f.label_word:
            near = scores[max(0, i - SMOOTH_WINDOW) : i] + scores[i + 1 : i + 1 + SMOOTH_WINDOW]
            if near:
                mean = sum(near) / len(near)
                smoothed = (1 - SMOOTH_SHARE) * total + SMOOTH_SHARE * mean
                if _label(smoothed) is not label:
                    reason = f"short; takes after its neighbours ({mean:+.1f})"
                total, label = round(smoothed, 3), _label(smoothed)
        out.append(block.decided(total, label, reason))
    return out
