"""The elements that hold a page's blocks, read once from the blocks' paths.

Each block carries its path, the elements from the root to its own (:attr:`Block.path`).
:func:`element_tree` reads from all of them each element's place (depth, parent, children) and
blocks (how many, the first), which depend on the markup alone: :mod:`declutter.features` adds
up the text of the elements that wrap the page, and :mod:`declutter.select` the votes of every
element once per scoring profile. Paths as the walk makes them (:mod:`declutter.segment`) are
the stack of open elements, so each element's blocks follow one another (:attr:`Tree.runs`):
sums over an element are sums over a slice.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate

from .blocks import Block, Node

__all__ = ["Tree", "element_tree", "held_by", "run_totals"]


@dataclass(frozen=True, slots=True)
class Tree:
    """The elements on a page's block paths (see :func:`element_tree`)."""

    paths: list[tuple[int, ...]]
    """Each block's path as element ids, root first (empty for a block without one)."""
    count: dict[int, int]
    """How many blocks each element holds; elements in the order the blocks first reach them."""
    first: list[int]
    """The index of each element's first block, indexed by element id like :attr:`depth`."""
    depth: list[int]
    """Each element's depth on its paths (the root's is 0), indexed by element id like
    :attr:`nodes` and :attr:`parent`: ids are the walk's count of the elements it opened, so a
    list is dense where dicts keyed by id cost several times its memory on a large page (ids
    of elements on no path hold -1, and :data:`NO_NODE` in :attr:`nodes`)."""
    nodes: list[Node]
    parent: list[int]
    """Each element's parent id, -1 for the root (and for ids on no path)."""
    children: dict[int, list[int]]
    """Each element's children that hold blocks (elements without any are left out), in the
    order the walk opened them on its paths (lists: a set per element costs three times the
    memory)."""
    runs: bool
    """Each element's blocks are one run, from its first block on (paths of the walk:
    :func:`_stacked`)."""


_Places = tuple[
    dict[int, int],
    list[int],
    list[int],
    list[Node],
    list[int],
    dict[int, list[int]],
]
"""Each element's block count, first block, depth, node, parent and children (see :class:`Tree`)."""


def element_tree(blocks: list[Block]) -> Tree:
    """The :class:`Tree` of a page's blocks."""
    paths = [tuple([node.id for node in block.path]) for block in blocks]  # map() costs more
    stacked = _stacked(blocks, paths)
    count, first, depth, nodes, parent, children = stacked or _placed(blocks, paths)
    return Tree(paths, count, first, depth, nodes, parent, children, stacked is not None)


def run_totals(tree: Tree, values: list[int]) -> dict[int, int]:
    """Each element's total of a whole number per block (its blocks' characters...), in the
    order of :attr:`Tree.count`. The tree's elements must hold runs (:attr:`Tree.runs`): a total
    is then the difference of two running sums (whole numbers: exact, in any order)."""
    ends = list(accumulate(values, initial=0))
    first = tree.first
    return {nid: ends[first[nid] + n] - ends[first[nid]] for nid, n in tree.count.items()}


def held_by(tree: Tree, ids: set[int], size: int) -> list[bool]:
    """For each of the page's ``size`` blocks, whether one of these elements holds it (stands on
    its path). The tree's elements must hold runs (:attr:`Tree.runs`): an element's blocks are
    then the slice from its first block on, and each block is marked once however the elements
    nest (the part of a slice marked already is passed over): linear time."""
    held = [False] * size
    marked = 0  # the blocks before this index are marked already, as far as they are held
    for start, n in sorted((tree.first[nid], tree.count[nid]) for nid in ids):
        end = start + n
        if end > marked:
            start = max(start, marked)
            held[start:end] = _HELD * (end - start)
            marked = end
    return held


_HELD = [True]
_NO_DEPTH = [-1]  # the first block, depth and parent of an id on no path
NO_NODE = Node(-1, "")
"""The node at an id on no path (no tag, no class words)."""
_NO_NODE = [NO_NODE]


def _stacked(blocks: list[Block], paths: list[tuple[int, ...]]) -> _Places | None:
    """The places of the elements when the paths are what the walk makes (:mod:`segment`): the
    stack of open elements, from one root, ids growing in the order the elements open. A path
    then shares with the one before it the elements up to the last id of that one (found by
    bisection, in C), and the rest open here; an element's blocks are the run from its first to
    the last path holding it. Only the elements that open or close cost a step in Python, not
    every element of every path as in :func:`_placed`, which gives the same places and is
    used for any other paths (``None``: checked as they come: one root object, each shared part
    equal to the one before, each new id above every id before)."""
    if not paths or not paths[0]:
        return None
    root = blocks[0].path[0]
    count: dict[int, int] = {}  # holds each element's first block until it closes
    first: list[int] = []
    depth: list[int] = []
    nodes: list[Node] = []
    parent: list[int] = []
    children: dict[int, list[int]] = {}
    top = paths[0][0] - 1  # the largest id so far
    last: tuple[int, ...] = ()
    for i, (block, ids) in enumerate(zip(blocks, paths)):
        if not ids or block.path[0] is not root:
            return None
        shared = bisect_right(ids, last[-1]) if last else 0
        if ids[:shared] != last[:shared]:
            return None
        for nid in last[shared:]:  # closed after the block before this one
            count[nid] = i - count[nid]
        for d in range(shared, len(ids)):
            nid = ids[d]
            if nid <= top:
                return None
            top = nid
            count[nid] = i
            if nid != len(depth):  # elements the walk opened that hold no block
                gap = nid - len(depth)
                first += _NO_DEPTH * gap
                depth += _NO_DEPTH * gap
                nodes += _NO_NODE * gap
                parent += _NO_DEPTH * gap
            first.append(i)
            depth.append(d)
            nodes.append(block.path[d])
            if not d:
                parent.append(-1)
            else:
                above = ids[d - 1]
                parent.append(above)
                # Not setdefault(above, []): that makes an empty list for every element.
                kids = children.get(above)
                if kids is None:
                    children[above] = [nid]
                else:
                    kids.append(nid)
        last = ids
    for nid in last:
        count[nid] = len(blocks) - count[nid]
    return count, first, depth, nodes, parent, children


def _placed(blocks: list[Block], paths: list[tuple[int, ...]]) -> _Places:
    """The places of the elements on any paths (see :func:`_stacked`)."""
    count: dict[int, int] = {}
    size = 1 + max((max(ids) for ids in paths if ids), default=-1)
    first = _NO_DEPTH * size
    depth = _NO_DEPTH * size
    nodes = _NO_NODE * size
    parent = _NO_DEPTH * size
    children: dict[int, set[int]] = defaultdict(set)
    root: Node | None = None
    cut = False
    for i, (block, ids) in enumerate(zip(blocks, paths)):
        path = block.path
        if not path:
            continue
        for nid in ids:
            if nid in count:
                count[nid] += 1
            else:
                count[nid] = 1
                first[nid] = i
        # Each element's depth, parent and children, as the last path holding it gives them.
        # While every path starts at one root, an element has one place in them all: it is
        # placed the first time, walking up from the block's own element to a known ancestor.
        # A path that starts elsewhere (cut at MAX_PATH) places all its elements anew, and so
        # does every path after it.
        if root is None:
            root = path[0]
        cut = cut or path[0] is not root
        for d in range(len(path) - 1, -1, -1):
            nid = ids[d]
            if depth[nid] >= 0 and not cut:
                break
            depth[nid] = d
            nodes[nid] = path[d]
            if d:
                parent[nid] = ids[d - 1]
                children[ids[d - 1]].add(nid)
    return count, first, depth, nodes, parent, {nid: sorted(kids) for nid, kids in children.items()}
