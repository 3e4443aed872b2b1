"""Stage 5: choose the main content.

Every block votes for the elements that enclose it, with a value that grows with its length and
the sign of its score. The core of the main region is the deepest element holding nearly all of
the largest sum (the same idea as Readability's candidate containers, but compared on all the
blocks they hold); the leads before it, and siblings that also sum high, join it. Inside the region, blocks above a low bar are kept; outside, only very strong
ones. The headline is kept once and its echoes are dropped.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import add, attrgetter

from .blocks import BOILERPLATE, CONTENT, HEADING, HEADLINE, ROW, Block, Node
from .boxes import (
    drop_field_lists,
    drop_labelled_boxes,
    drop_post_numbers,
    drop_small_forms,
    field_boxes,
)
from .deadline import NEVER, Deadline
from .repeats import keeps_repeat, layout_cell, signature, signature_repeat
from .tree import Tree, element_tree, held_by
from .weights import (
    BARE_PAGE_MAX_LINK,
    BARE_PAGE_WORDS,
    COLUMN_SHARE,
    COMMENT_PREFIXES,
    COMMENTED_MIN_WORDS,
    CORE_SHARE,
    HEADLINE_MAX_LINK,
    HEADLINE_MIN_ECHO,
    KEEP_INSIDE,
    KEEP_LABEL,
    KEEP_OUTSIDE,
    LEAD_GROUP_MIN,
    LEAD_SHARE,
    MARKED_HINT,
    MARKED_VOTE,
    NEG_SECTION_MAX_LINK,
    NEG_SECTION_MIN_BLOCKS,
    NO_CONTENT_PROSE_WORDS,
    NO_CONTENT_SHARE,
    NO_CONTENT_WORDS,
    REPEAT_LEVELS,
    SHORT_WORDS,
    SIBLING_LEVELS,
    SIBLING_SHARE,
    TABLE_SIBLING_ROWS,
    TABLE_SIBLING_SHARE,
    VALUE_SCALE,
    WRAPPER_SHARE,
)

__all__ = ["Layout", "Selection", "page_layout", "select", "value"]


@dataclass(frozen=True, slots=True)
class Selection:
    """The decided blocks and what the decision rested on."""

    blocks: list[Block]
    region: int | None
    """Id of the element chosen as the main region (``None`` for text pages or no content)."""
    headline: int | None
    """Index of the headline block, if one was found."""
    reason: str
    """Why the result is empty, when it is."""
    members: frozenset[int] = frozenset()
    """Ids of the elements that make up the main region (the core and the siblings that joined)."""

    def with_blocks(self, blocks: list[Block]) -> Selection:
        """The same decision over other blocks: what a pass over the selection returns."""
        return Selection(blocks, self.region, self.headline, self.reason, self.members)


_ID = attrgetter("id")


def value(block: Block) -> float:
    """A block's vote for its enclosing elements."""
    vote = (1 + block.features.words) * math.tanh(block.score / VALUE_SCALE)
    if vote > 0 and block.features.hint <= MARKED_HINT:
        return vote * MARKED_VOTE
    return vote


_SPACED_COMMENT_PREFIXES = tuple(f" {prefix}" for prefix in COMMENT_PREFIXES)
"""COMMENT_PREFIXES after a space: a word starting with one follows a space in the words joined
by spaces after one. Substring searches in C, instead of a Python loop over the words of every
element or a pattern (``(?:^| )(?:comment|disqus)``, which the engine tries at every position:
twice the time)."""


def _commented(node: Node) -> bool:
    """Whether an element's class/id words name reader comments (COMMENT_PREFIXES)."""
    words = " " + " ".join(node.tokens)
    return any(prefix in words for prefix in _SPACED_COMMENT_PREFIXES)


def _kind_of_item(node: Node) -> tuple[str, frozenset[str]]:
    """:func:`signature` without the comment words: the first post of a thread is often the
    only one not marked as a comment."""
    tag, words = signature(node)
    return tag, frozenset(t for t in words if not t.startswith(COMMENT_PREFIXES))


def _comment_candidates(
    blocks: list[Block],
    paths: list[tuple[int, ...]],
    nodes: list[Node],
    parent: list[int],
    children: dict[int, list[int]],
) -> list[tuple[int, bool, list[int]]]:
    """The page's possible comments boxes, as far as the markup decides them (scores decide the
    rest: :func:`_comment_boxes`). Elements whose class/id words name comments, that hold a list
    of them (another such element inside), and that follow, under the same parent, a sibling of
    another kind that holds no comments: the post or the article they comment on. Only the
    outermost such element of each block counts, passing over <html>, <body> and elements
    holding more than WRAPPER_SHARE of the page's text (a page that is mostly comments is a
    discussion). The posts of a thread are items of one kind, whichever of them are marked as
    comments, and are no box. An element over WRAPPER_SHARE may be a box too ("large"): a long
    discussion under an article. A box that opens its parent (its first child: a section
    holding the comments and then the reply form) is looked at through the outermost element it
    so opens. Each possible box comes with whether it is large and those siblings before it."""
    known: dict[frozenset[str], bool] = {}  # pages repeat their class words
    marked = set()
    for nid, node in enumerate(nodes):
        if node.tokens:
            found = known.get(node.tokens)
            if found is None:
                found = known[node.tokens] = _commented(node)
            if found:
                marked.add(nid)
    if not marked:
        return []
    total = 0
    chars: dict[int, int] = {}  # text held by each comment-marked element
    holding: set[int] = set()  # elements that are or hold a comment-marked element
    marked_paths = []  # the paths through a comment-marked element, with where they hold one
    for block, ids in zip(blocks, paths):
        total += len(block.text)
        if marked.isdisjoint(ids):  # most blocks: a set check in C, no Python loop
            continue
        marks = [i for i, nid in enumerate(ids) if nid in marked]
        for i in marks:
            chars[ids[i]] = chars.get(ids[i], 0) + len(block.text)
        holding.update(ids[: marks[-1] + 1])
        marked_paths.append((ids, marks))
    limit = WRAPPER_SHARE * total
    outer: set[int] = set()  # the outermost comment-marked element of a block, holding another
    large: set[int] = set()  # ...of them, those holding more than the limit
    for ids, marks in marked_paths:
        for i in marks:
            if nodes[ids[i]].tag in ("html", "body"):
                continue
            if i < marks[-1]:
                outer.add(ids[i])
            if chars[ids[i]] <= limit:
                break
            large.add(ids[i])  # a box only under a long article; look inside it too
    candidates = []
    for box in outer:
        top = box  # the box, or the outermost element that it opens
        up = parent[top]
        while up >= 0 and min(children[up]) == top and nodes[up].tag not in ("html", "body"):
            top, up = up, parent[up]
        if up < 0:
            continue
        kind = _kind_of_item(nodes[box])
        before = [
            sibling
            for sibling in children[up]
            # ids follow reading order: the commented content comes first
            if sibling < top and sibling not in holding and _kind_of_item(nodes[sibling]) != kind
        ]
        candidates.append((box, box in large, before))
    return candidates


def _comment_boxes(
    blocks: list[Block],
    paths: list[tuple[int, ...]],
    sums: dict[int, float],
    candidates: list[tuple[int, bool, list[int]]],
) -> set[int]:
    """Ids of the comments boxes of a page among its :func:`_comment_candidates`: those after a
    sibling that leans to content (``sums``), and when the box is large, after siblings that
    hold COMMENTED_MIN_WORDS of prose."""
    boxes = set()
    for box, large, before in candidates:
        commented = [sibling for sibling in before if sums[sibling] > 0]
        if commented and (
            not large or _prose_words(blocks, paths, commented) >= COMMENTED_MIN_WORDS
        ):
            boxes.add(box)
    return boxes


def _prose_words(blocks: list[Block], paths: list[tuple[int, ...]], ids: list[int]) -> int:
    """Words of the positive blocks under these elements that end like a sentence."""
    within = set(ids)
    return sum(
        block.features.words
        for block, path in zip(blocks, paths)
        if block.score > 0 and block.features.terminal and not within.isdisjoint(path)
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """What the selection reads from a page's markup alone, the same whatever the scores: made
    once per page (:func:`page_layout`) and shared by the selection of every scoring profile."""

    tree: Tree
    fields: frozenset[int]
    """Positions of the blocks of the page's field lists (:func:`boxes.field_boxes`)."""
    comment_candidates: list[tuple[int, bool, list[int]]]
    """The possible comments boxes (:func:`_comment_candidates`; none asked for: empty)."""


def page_layout(
    blocks: list[Block], tree: Tree | None = None, comment_boxes: bool = True
) -> Layout:
    """The :class:`Layout` of a page's blocks, on their :func:`element_tree` (made here when
    not given); ``comment_boxes``: look for possible comments boxes (a page that declares a
    discussion has none)."""
    if tree is None:
        tree = element_tree(blocks)
    fields = frozenset(i for box in field_boxes(blocks) for i in box)
    candidates = (
        _comment_candidates(blocks, tree.paths, tree.nodes, tree.parent, tree.children)
        if comment_boxes
        else []
    )
    return Layout(tree, fields, candidates)


_NO_CHILDREN: tuple[int, ...] = ()


def _sums(tree: Tree, votes: list[float]) -> dict[int, float]:
    """Each element's votes added up in the order of its blocks, from 0.0. When each element's
    blocks are a run (:attr:`Tree.runs`), each distinct run is added up once (wrappers share
    their child's), by ``reduce`` over its slice, in C; otherwise the vote of each block is
    added to every element of its path. The same sums, bit for bit."""
    if not tree.runs:
        sums = dict.fromkeys(tree.count, 0.0)
        for ids, v in zip(tree.paths, votes):
            for nid in ids:
                sums[nid] += v
        return sums
    first = tree.first
    sums = {}
    known: dict[tuple[int, int], float] = {}  # the sum of each run, by its first block and size
    for nid, n in tree.count.items():
        start = first[nid]
        if n == 1:
            sums[nid] = 0.0 + votes[start]
            continue
        total = known.get((start, n))
        if total is None:
            total = known[start, n] = reduce(add, votes[start : start + n], 0.0)
        sums[nid] = total
    return sums


def _regions(
    blocks: list[Block],
    layout: Layout,
    negative_child: float = 1.0,
    mute: frozenset[int] = frozenset(),
) -> tuple[set[int], int | None, set[int]]:
    """Element ids whose blocks form the main region, the id of its core element, and the ids
    of the page's comments boxes (:func:`_comment_boxes`).

    An element's sum is its own blocks' votes plus its children's sums, a negative child's
    multiplied by ``negative_child`` (see ``Profile.negative_child``)."""
    tree = layout.tree
    count, first, depth = tree.count, tree.first, tree.depth
    nodes, parent, children = tree.nodes, tree.parent, tree.children
    votes = [0.0 if i in mute else value(block) for i, block in enumerate(blocks)]
    sums = _sums(tree, votes)
    if negative_child != 1.0:  # sum again, bottom-up, with negative children discounted
        direct: dict[int, float] = defaultdict(float)  # the votes of an element's own blocks
        for ids, v in zip(tree.paths, votes):
            if ids:
                direct[ids[-1]] += v
        # deepest first; reverse=True keeps the order of equals, as a key of -depth would
        for n in sorted(sums, key=depth.__getitem__, reverse=True):
            total = direct[n]
            for c in children.get(n, _NO_CHILDREN):
                total += sums[c] if sums[c] > 0 else negative_child * sums[c]
            sums[n] = total
    if not sums:
        return set(), None, set()
    boxes = _comment_boxes(blocks, tree.paths, sums, layout.comment_candidates)
    top = max(sums.values())
    if top <= 0:
        return set(), None, boxes
    # The deepest element that holds nearly all of the best sum, and more than one block (a
    # single long paragraph is content, but its siblings decide what the region is).
    candidates = [n for n in sums if sums[n] >= CORE_SHARE * top and count[n] > 1]
    if not candidates:
        candidates = [n for n in sums if sums[n] == top]
    core = max(candidates, key=lambda n: (depth[n], sums[n]))
    # A table row of several cells as the core is a layout row: its cells are the page's
    # columns (the article beside a sidebar of prose on a site laid out with tables). The
    # column that holds most of the row's sum is the core, and the other columns stay out.
    layout_row = None
    if nodes[core].tag == "tr":
        cells = [c for c in children.get(core, _NO_CHILDREN) if nodes[c].tag in ("td", "th")]
        if len(cells) > 1:
            column = max(cells, key=lambda c: (sums[c], -c))
            if sums[column] >= COLUMN_SHARE * sums[core] and count[column] > 1:
                layout_row, core = core, column
    chosen = {core}
    # Siblings at the levels above the core that lean to content join the region when they
    # come before it (the lead, the intro, the standfirst above the body), when they carry a
    # fair share of content, or when they repeat the element the core sits in (the other posts
    # of a thread, the other cards of a list). What follows the core with little content
    # (comments, related links, a newsletter box) stays out, unless it is a table of data
    # beside it (a product's specifications), whose short rows weigh little in the vote.
    ancestor = core
    level = 0
    while level < REPEAT_LEVELS and parent[ancestor] >= 0:
        below, ancestor = ancestor, parent[ancestor]
        if len(children[ancestor]) < 2:
            continue  # a mere wrapper: no siblings here, and it does not count as a level
        level += 1
        if ancestor == layout_row:
            continue  # the other columns of a layout row
        kind = signature(nodes[below])
        before = [c for c in children[ancestor] if c < below and sums[c] > 0]
        leads_together = sum(sums[c] for c in before) >= LEAD_SHARE * sums[core]
        for child in children[ancestor]:
            if child == below or child in chosen:
                continue
            if sums[child] <= 0:
                # A section of the core's kind above it that is not a list of links: a
                # reference page's "Properties" above its "Examples" (NEG_SECTION_MAX_LINK).
                if (
                    level == 1
                    and child < below
                    and kind[0] == "section"
                    and count[child] >= NEG_SECTION_MIN_BLOCKS
                    and signature(nodes[child]) == kind
                    and not _mostly_links(_under(blocks, child, first[child], count[child]))
                ):
                    chosen.add(child)
                continue
            fair_share = level <= SIBLING_LEVELS and sums[child] >= SIBLING_SHARE * sums[core]
            # ids follow reading order: a lead sibling comes first. Leads count alone or, each
            # worth LEAD_GROUP_MIN, together (an article's paragraphs above a long gallery).
            lead = child < below and (
                sums[child] >= LEAD_SHARE * sums[core]
                or (leads_together and sums[child] >= LEAD_GROUP_MIN)
            )
            table = (
                level == 1
                and count[child] >= TABLE_SIBLING_ROWS
                and _data_rows(_under(blocks, child, first[child], count[child]))
                >= max(TABLE_SIBLING_ROWS, TABLE_SIBLING_SHARE * count[child])
            )
            # Bare <table>s repeat only when they hold a sentence of content: a page laid out
            # with tables stacks its header, body and footer in <table>s without class words.
            repeated = signature(nodes[child]) == kind and (
                kind[1]
                or kind[0] != "table"
                or any(map(_is_sentence, _under(blocks, child, first[child], count[child])))
            )
            if fair_share or lead or table or repeated:
                chosen.add(child)
    return chosen, core, boxes


def _under(blocks: list[Block], nid: int, start: int, count: int) -> list[Block]:
    """The ``count`` blocks under element ``nid``, the first of them at ``start``: one
    element's blocks follow each other in reading order (blocks without a path, which no
    element holds, are passed over)."""
    found: list[Block] = []
    for block in blocks[start:]:
        if len(found) == count:
            break
        if any(node.id == nid for node in block.path):
            found.append(block)
    return found


def _mostly_links(blocks: list[Block]) -> bool:
    """Whether NEG_SECTION_MAX_LINK or more of these blocks' words sit in blocks of that link
    density or more (a list of links; also blocks without words)."""
    words = linked = 0
    for b in blocks:
        words += b.features.words
        if b.features.link_density >= NEG_SECTION_MAX_LINK:
            linked += b.features.words
    return linked >= NEG_SECTION_MAX_LINK * words


def _data_rows(blocks: list[Block]) -> int:
    """How many of these blocks are table rows of two or more cells ("Weight | 820 g")."""
    return sum(1 for b in blocks if b.kind is ROW and " | " in b.text)


def _is_sentence(block: Block) -> bool:
    """A block of content that ends like a sentence and has SHORT_WORDS words or more."""
    f = block.features
    return block.score > 0 and f.terminal and f.words >= SHORT_WORDS


def _headline(blocks: list[Block], first_kept: int | None) -> int | None:
    every = [b for b in blocks if b.kind is HEADING]
    headings = [b for b in every if b.features.link_density < HEADLINE_MAX_LINK]
    if not headings:
        return None
    limit = first_kept if first_kept is not None else len(blocks)
    h1s = [b for b in headings if b.level == 1 and b.index <= limit]
    if h1s:
        if not any(b.features.title_echo for b in h1s):
            # An <h1> that shares no word with the title (a forum's name) gives way to a
            # heading that echoes it, linked or not: the thread's title, linked to itself.
            echoes = [
                b
                for b in every
                if b.features.title_echo >= HEADLINE_MIN_ECHO
                and b.index <= limit
                and not (b.features.label_word or b.features.notice)
            ]
            if echoes:
                return max(echoes, key=lambda b: (b.features.title_echo, -b.index)).index
        return max(h1s, key=lambda b: (b.features.title_echo, -b.index)).index
    echoes = [
        b for b in headings if b.features.title_echo >= HEADLINE_MIN_ECHO and b.index <= limit
    ]
    if echoes:
        return max(echoes, key=lambda b: (b.features.title_echo, -b.index)).index
    return None


def select(
    blocks: list[Block],
    favor: str = "balanced",
    include_title: bool = True,
    deadline: Deadline = NEVER,
    negative_child: float = 1.0,
    discussion: bool = False,
    layout: Layout | None = None,
) -> Selection:
    """Final labels and reasons for every block (``negative_child``: see :func:`_regions`).

    A comments box (:func:`_comment_boxes`) is never part of the main region, unless the page
    declares a ``discussion`` (``Metadata.discussion``), whose comments are its content.
    ``layout``: the page's :func:`page_layout` (made here when not given), made with
    ``comment_boxes=not discussion``."""
    if not blocks:
        return Selection([], None, None, "the page has no text")
    if layout is None:
        layout = page_layout(blocks, None, not discussion)
    fields = layout.fields
    region, core, boxes = _regions(blocks, layout, negative_child, fields)
    deadline.check("select")
    inside_bar, outside_bar = KEEP_INSIDE[favor], KEEP_OUTSIDE[favor]
    decided: list[Block] = []
    tree = layout.tree
    # Which blocks the region and the boxes hold: read from the elements' runs of blocks when
    # they are runs, else from each block's path.
    in_region = held_by(tree, region, len(blocks)) if tree.runs and region else None
    in_boxes = held_by(tree, boxes, len(blocks)) if tree.runs and boxes else None
    for i, (block, path) in enumerate(zip(blocks, tree.paths)):
        deadline.tick(i, "select")
        if in_region is not None:
            inside = in_region[i]
        else:
            inside = not region.isdisjoint(path) if region else not path
        if in_boxes is not None:
            boxed = in_boxes[i]
        else:
            boxed = bool(boxes) and not boxes.isdisjoint(path)
        inside = inside and not boxed
        bar = inside_bar if inside else outside_bar
        if block.features.label_word:
            bar = max(bar, KEEP_LABEL)
        if block.score > bar:
            where = "in the main region" if inside else "strong content outside the main region"
            reason = block.reason if block.label is CONTENT else f"{block.reason}, {where}"
            decided.append(block.decided(block.score, CONTENT, reason))
        else:
            if boxed:
                reason = f"{block.reason}; in a comments box below the content"
            elif not inside:
                reason = f"{block.reason}; outside the main region"
            elif block.label is CONTENT:  # leaned to content, but not past this favor's bar
                reason = f"{block.reason}; below the keep bar for favor={favor} ({bar:+.1f})"
            else:
                reason = block.reason
            decided.append(block.decided(block.score, BOILERPLATE, reason))
    first_kept = next((b.index for b in decided if b.label is CONTENT), None)
    headline = _headline(decided, first_kept)
    signatures = _signatures(decided, fields) if fields else set()
    seen: dict[str, int] = {}  # fingerprint of a kept block -> index of its first copy
    out: list[Block] = []
    headline_key = decided[headline].features.key if headline is not None else None
    for i, block in enumerate(decided):
        key = block.features.key
        if block.index == headline:
            if include_title:
                out.append(block.decided(block.score, HEADLINE, "the headline"))
            else:
                out.append(block.decided(block.score, BOILERPLATE, "the headline (not asked for)"))
            seen[key] = i
        elif block.label is CONTENT and key == headline_key:
            out.append(block.decided(block.score, BOILERPLATE, "repeats the headline"))
        elif i in signatures:
            why = "a signature: repeated at the same place in another post"
            out.append(block.decided(block.score, BOILERPLATE, why))
        elif (
            block.label is CONTENT
            and key in seen
            and (block.kind is not ROW or layout_cell(block))
            and not keeps_repeat(decided, seen[key], i)
        ):
            out.append(block.decided(block.score, BOILERPLATE, "repeats a block kept above"))
        else:
            if block.label is CONTENT:
                seen.setdefault(key, i)
            out.append(block)
    out = drop_labelled_boxes(out)
    out = drop_small_forms(out)
    out = drop_field_lists(out, fields)
    out = drop_post_numbers(out)
    if not any(b.label is not BOILERPLATE for b in out):
        if _bare(out):
            why = "the page holds only this text, and nothing in it reads as boilerplate"
            out = [b.decided(b.score, CONTENT, why) for b in out]
            return Selection(out, core, headline, "", frozenset(region))
        return Selection(out, core, headline, "no block scored as main content", frozenset(region))
    if _too_little(out):
        reason = "no main content: a few short fragments on a page of other text"
        out = [
            b.decided(b.score, BOILERPLATE, f"{b.reason}; {reason}")
            if b.label is not BOILERPLATE
            else b
            for b in out
        ]
        return Selection(out, core, headline, reason, frozenset(region))
    return Selection(out, core, headline, "", frozenset(region))


def _signatures(blocks: list[Block], posts: frozenset[int]) -> set[int]:
    """Positions of the kept blocks that are signatures (:func:`signature_repeat`): every copy
    of a text that a later copy repeats so, the first included."""
    copies: dict[str, list[int]] = defaultdict(list)
    for i, block in enumerate(blocks):
        if block.label is CONTENT and block.features.words >= SHORT_WORDS:
            copies[block.features.key].append(i)
    found: set[int] = set()
    for places in copies.values():
        if len(places) < 2:
            continue
        first = places[0]
        for again in places[1:]:
            if signature_repeat(blocks, first, again, posts):
                found.update((first, again))
    return found


def _bare(blocks: list[Block]) -> bool:
    """Whether the page is only a little plain text (BARE_PAGE_WORDS): no link-dense block, no
    label or notice, no element with a negative class/id word."""
    words = 0
    for b in blocks:
        f = b.features
        if f.link_density > BARE_PAGE_MAX_LINK or f.label_word or f.notice or f.hint < 0:
            return False
        words += f.words
    return 0 < words <= BARE_PAGE_WORDS


def _too_little(blocks: list[Block]) -> bool:
    """Whether the kept blocks are too few to be a page's main content (NO_CONTENT_WORDS)."""
    words = total = 0
    for b in blocks:
        total += b.features.words
        if b.label is not CONTENT:
            continue
        if b.features.terminal and b.features.words >= NO_CONTENT_PROSE_WORDS:
            return False
        words += b.features.words
    return words < NO_CONTENT_WORDS and words < NO_CONTENT_SHARE * total
