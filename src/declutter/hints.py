"""Stage 3, the markup around each block: what its class and id words say.

Each element on a block's path weighs by its tag and its class/id words (:func:`node_hint`,
:func:`token_weight`); a block's hint is the strongest weight along its path, faded with distance
and passed over page wrappers (:func:`page_wrappers`: elements that hold most of the page's
text) (:func:`block_hint`, cached per enclosing element by :class:`HintCache`). Blocks that share
an enclosing element form a group (:func:`enclosing_keys`, :func:`block_groups`), whose link
density is the region link density of each of its blocks (:func:`region_link_densities`).
:mod:`declutter.features` reads them all into each block's :class:`~declutter.blocks.Features`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .blocks import Block, Node
from .tree import Tree, run_totals
from .weights import (
    DISCUSSION_NEUTRAL_PREFIXES,
    HINT_AFFIX_MIN_CHARS,
    HINT_DECAY,
    HINT_LIMIT,
    HINT_WORDS,
    OVERRIDE_KEEP_HINT,
    REGION_LEVELS,
    REGION_MIN_BLOCKS,
    STRONG_NEGATIVE_HINT,
    TAG_HINTS,
    WRAPPER_BLOCK_SHARE,
    WRAPPER_BOX_HINT,
    WRAPPER_SHARE,
)

__all__ = [
    "Enclosing",
    "HintCache",
    "block_groups",
    "block_hint",
    "enclosing_keys",
    "node_hint",
    "page_wrappers",
    "region_link_densities",
    "token_weight",
]


# Hint words long enough to be recognised inside compound class names, and their lengths.
_AFFIX_WORDS = {
    w: v for w, v in HINT_WORDS.items() if len(w) >= HINT_AFFIX_MIN_CHARS and w.isalpha()
}
# The lengths of those words by their first (last) HINT_AFFIX_MIN_CHARS letters: a word can start
# (end) with a hint word only of a length listed under its own first (last) letters.
_AFFIX_HEAD_SIZES: dict[str, frozenset[int]] = {}
_AFFIX_TAIL_SIZES: dict[str, frozenset[int]] = {}
for _word in _AFFIX_WORDS:
    _head, _tail = _word[:HINT_AFFIX_MIN_CHARS], _word[-HINT_AFFIX_MIN_CHARS:]
    _AFFIX_HEAD_SIZES[_head] = _AFFIX_HEAD_SIZES.get(_head, frozenset()) | {len(_word)}
    _AFFIX_TAIL_SIZES[_tail] = _AFFIX_TAIL_SIZES.get(_tail, frozenset()) | {len(_word)}
_NO_SIZES: frozenset[int] = frozenset()
_SKIP_HINT_TAGS = frozenset({"html", "body"})


def token_weight(token: str) -> float:
    """The hint weight of one class/id word: its own, or that of the strongest long hint word it
    starts or ends with ("novafilters", "sidebarleft", "commentlist")."""
    weight = HINT_WORDS.get(token)
    if weight is not None:
        return weight
    best = 0.0
    edge = HINT_AFFIX_MIN_CHARS
    if len(token) <= edge:
        return best
    heads = _AFFIX_HEAD_SIZES.get(token[:edge], _NO_SIZES)
    tails = _AFFIX_TAIL_SIZES.get(token[-edge:], _NO_SIZES)
    for size in sorted(heads | tails):  # shortest first; at each length the start, then the end
        if size >= len(token):
            break
        for part in (token[:size] if size in heads else "", token[-size:] if size in tails else ""):
            weight = _AFFIX_WORDS.get(part, 0.0)
            if abs(weight) > abs(best):
                best = weight
    return best


def _weight_on_page(token: str, neutral: tuple[str, ...]) -> float:
    """:func:`token_weight`, but nothing for a negative word that starts with one of
    ``neutral``."""
    weight = token_weight(token)
    return 0.0 if weight < 0 and neutral and token.startswith(neutral) else weight


def node_hint(
    node: Node,
    weights: dict[str, float] | None = None,
    overrides: Mapping[str, float] | None = None,
    neutral: tuple[str, ...] = (),
) -> tuple[float, str]:
    """The class/id/tag evidence of one element and the word that carries most of it.

    Negative words starting with one of ``neutral`` weigh nothing (on a discussion page, the
    words of reader comments: DISCUSSION_NEUTRAL_PREFIXES).

    ``weights`` caches :func:`token_weight` per word within one page. ``overrides`` (the page's
    PRODUCT_HINT_WORDS) replace their words' weights, unless the element also carries a content
    word of OVERRIDE_KEEP_HINT or more: one named for both the description and the reviews
    holds both.
    """
    best_word, total = "", 0.0
    tag_weight = TAG_HINTS.get(node.tag, 0.0)
    if tag_weight:
        total, best_word = tag_weight, f"<{node.tag}>"
    neg = pos = 0.0
    neg_word = pos_word = ""
    weighted = []  # most words weigh nothing, and only words with a weight can win
    for token in node.tokens:
        if weights is None:
            weight = _weight_on_page(token, neutral)
        else:
            known = weights.get(token)
            if known is None:
                known = weights[token] = _weight_on_page(token, neutral)
            weight = known
        if weight:
            weighted.append((token, weight))
    for token, weight in sorted(weighted):  # sorted: ties break the same way in every process
        if weight < neg:
            neg, neg_word = weight, token
        elif weight > pos:
            pos, pos_word = weight, token
    if overrides and pos < OVERRIDE_KEEP_HINT:
        for token in sorted(overrides.keys() & node.tokens):
            if overrides[token] < neg:
                neg, neg_word = overrides[token], token
    # The strongest word of each sign counts; several words of one sign do not add up.
    total += neg + pos
    if abs(neg) >= pos and neg_word:
        best_word = best_word if abs(tag_weight) > abs(neg) else neg_word
    elif pos_word:
        best_word = best_word if abs(tag_weight) > pos else pos_word
    return total, best_word


class HintCache:
    """:func:`node_hint` of one page's elements, kept per element id and per tag and class words
    (list items, cards and rows repeat theirs); lives for one :func:`measure` call."""

    __slots__ = ("by_id", "by_kind", "neutral", "overrides", "token_weights")

    def __init__(
        self, overrides: Mapping[str, float] | None = None, discussion: bool = False
    ) -> None:
        self.by_id: dict[int, tuple[float, str]] = {}
        self.by_kind: dict[tuple[str, frozenset[str]], tuple[float, str]] = {}
        self.token_weights: dict[str, float] = {}
        self.overrides = overrides
        self.neutral = DISCUSSION_NEUTRAL_PREFIXES if discussion else ()

    def of(self, node: Node) -> tuple[float, str]:
        hint = self.by_id.get(node.id)
        if hint is None:
            kind = (node.tag, node.tokens)
            hint = self.by_kind.get(kind)
            if hint is None:
                hint = self.by_kind[kind] = node_hint(
                    node, self.token_weights, self.overrides, self.neutral
                )
            self.by_id[node.id] = hint
        return hint


def _passed_over(node: Node, weight: float, wrappers: dict[int, float]) -> bool:
    """Whether an element's class/id weight is passed over as a page wrapper's (see
    :func:`_path_hint`)."""
    share = wrappers.get(node.id)
    if share is None or node.tag == "footer":
        return False
    return weight > WRAPPER_BOX_HINT or share > WRAPPER_BLOCK_SHARE


def _path_hint(
    path: tuple[Node, ...],
    cache: HintCache,
    wrappers: dict[int, float],
    factor: float = 1.0,
) -> tuple[float, str]:
    """Class/id evidence of a block's enclosing elements, nearest first.

    Positive evidence fades with distance; negative evidence does not, and a strongly negative
    element (a comments box inside <main>) cannot be outvoted by positive elements above it.
    Elements that wrap most of the page say nothing about any one block and are passed over,
    unless strongly negative (WRAPPER_BOX_HINT) while holding a minority of the blocks: that is
    a boilerplate box swollen by its text (a consent dialog's vendor list, a footer's list of
    towns), not a wrapper that broken markup left open around the page. A <footer> is never
    passed over: holding most of a page, it is the footer of an app shell whose content never
    loaded.

    ``factor`` is the fading already reached: :func:`block_hint` starts above the block's own
    element when that element says nothing.
    """
    positive, negative = 0.0, 0.0
    positive_word, strongest = "", 0.0  # the word that added most to the positive sum
    negative_word = ""
    for node in reversed(path):
        if node.tag in _SKIP_HINT_TAGS:
            break
        hint = cache.by_id.get(node.id)
        if hint is None:
            hint = cache.of(node)
        weight, word = hint
        if node.id in wrappers and _passed_over(node, weight, wrappers):
            factor *= HINT_DECAY
            continue
        if weight > 0:
            positive += weight * factor
            if weight * factor > strongest:
                strongest, positive_word = weight * factor, word
        elif weight < 0:
            if weight < negative:
                negative, negative_word = weight, word
            if weight <= STRONG_NEGATIVE_HINT:
                break
        factor *= HINT_DECAY
    # The total within ±HINT_LIMIT, by tests: a call of min() or max() costs more, per block.
    total = positive + negative
    if total > HINT_LIMIT:
        total = HINT_LIMIT
    elif total < -HINT_LIMIT:
        total = -HINT_LIMIT
    # The reason is a word of the total's sign: "'cta' (+1.6)" would explain nothing.
    return total, positive_word if total > 0 else negative_word if total < 0 else ""


Enclosing = int | None
"""The identity of the Node object of a block's parent element (its path's last but one), or
``None`` for a block with no parent on its path: blocks with equal keys sit in the very same
elements. The parent stands for the whole chain above it because paths are the walk's stack
(:mod:`declutter.segment`): an element's ancestors, and its depth in the stack, stay the same
while it is open, so every block under the same parent has the same path above its own element
(a tuple of all their identities, built and hashed per block, gave the same groups at a cost).
Identities rather than ids, so that nodes made elsewhere with equal ids stay apart."""


def enclosing_keys(blocks: list[Block]) -> list[Enclosing]:
    return [id(block.path[-2]) if len(block.path) > 1 else None for block in blocks]


def block_hint(
    path: tuple[Node, ...],
    enclosing: Enclosing,
    cache: HintCache,
    wrappers: dict[int, float],
    above: dict[Enclosing, tuple[float, str]],
) -> tuple[float, str]:
    """:func:`_path_hint` of a block. When the block's own element says nothing (no weight, or
    a wrapper passed over), the answer is that of the elements above it, which sibling blocks
    share: it is computed once per ``enclosing`` key and kept in ``above``."""
    if path:
        own = path[-1]
        if own.tag not in _SKIP_HINT_TAGS:
            hint = cache.by_id.get(own.id)
            if hint is None:
                hint = cache.of(own)
            weight = hint[0]
            if weight == 0 or _passed_over(own, weight, wrappers):
                found = above.get(enclosing)
                if found is None:
                    found = above[enclosing] = _path_hint(path[:-1], cache, wrappers, HINT_DECAY)
                return found
    return _path_hint(path, cache, wrappers)


@dataclass(slots=True)
class _Group:
    """Blocks sharing their enclosing elements: one of them, and their sizes added up."""

    block: Block
    chars: int = 0
    links: int = 0
    count: int = 0


def block_groups(blocks: list[Block], keys: list[Enclosing]) -> dict[Enclosing, _Group]:
    groups: dict[Enclosing, _Group] = {}
    for block, key in zip(blocks, keys):
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(block)
        group.chars += len(block.text)
        group.links += block.link_chars
        group.count += 1
    return groups


def region_link_densities(
    blocks: list[Block], keys: list[Enclosing], groups: dict[Enclosing, _Group]
) -> list[float]:
    """Link density of each block's region: its nearest ancestor holding several blocks.

    Sums are taken per group of blocks in the same elements (whole numbers: the order of
    adding does not matter)."""
    chars: dict[int, int] = {}  # plain dicts: their operations are faster than a defaultdict's
    links: dict[int, int] = {}
    count: dict[int, int] = {}
    for group in groups.values():
        n, k, c = group.chars, group.links, group.count
        for node in group.block.path[-1 - REGION_LEVELS : -1]:
            nid = node.id
            if nid in chars:
                chars[nid] += n
                links[nid] += k
                count[nid] += c
            else:
                chars[nid] = n
                links[nid] = k
                count[nid] = c
    regions: dict[Enclosing, int | None] = {}
    for key, group in groups.items():
        region = None
        for node in reversed(group.block.path[-1 - REGION_LEVELS : -1]):
            if count[node.id] >= REGION_MIN_BLOCKS:
                region = node.id
                break
        regions[key] = region
    densities = []
    for block, key in zip(blocks, keys):
        region = regions[key]
        if region is None:
            densities.append(block.link_chars / (len(block.text) or 1))
        else:
            densities.append(links[region] / (chars[region] or 1))
    return densities


def page_wrappers(
    blocks: list[Block], groups: dict[Enclosing, _Group], tree: Tree | None
) -> dict[int, float]:
    """Elements holding more than WRAPPER_SHARE of the page's text in more than one block (a
    single long block, such as a <nav> of inline links, is not wrapped by its own element),
    each with the share of the page's blocks it holds. Read from the blocks' :class:`Tree`
    when its elements hold runs (each group's elements above it are then the same as those of
    each of its blocks); otherwise added up per group of blocks."""
    if tree is not None and tree.runs:
        lengths = [len(block.text) for block in blocks]
        held = run_totals(tree, lengths)
        limit = WRAPPER_SHARE * sum(lengths)
        return {
            nid: n / len(blocks) for nid, n in tree.count.items() if n > 1 and held[nid] > limit
        }
    chars: dict[int, int] = {}  # plain dicts: their operations are faster than a defaultdict's
    count: dict[int, int] = {}
    total = 0
    for block in blocks:
        n = len(block.text)
        total += n
        if block.path:
            own = block.path[-1].id
            chars[own] = chars.get(own, 0) + n
            count[own] = count.get(own, 0) + 1
    for group in groups.values():
        n, c = group.chars, group.count
        for node in group.block.path[:-1]:
            nid = node.id
            if nid in chars:
                chars[nid] += n
                count[nid] += c
            else:
                chars[nid] = n
                count[nid] = c
    limit = WRAPPER_SHARE * total
    return {
        node: count[node] / len(blocks)
        for node, n in chars.items()
        if n > limit and count[node] > 1
    }
