"""The element tree of a page's blocks."""

from __future__ import annotations

from helpers import PROSE, PROSE_2, block, node, page

from declutter.blocks import Block
from declutter.deadline import NEVER
from declutter.load import load
from declutter.options import Options
from declutter.segment import segment
from declutter.tree import _placed, _stacked, element_tree, held_by, run_totals
from declutter.weights import MAX_PATH

_NESTED_PAGE = f"""<html><body><div class="wrap"><header><nav><ul>
<li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>Ferry keeps running</h1><div class="body"><p>{PROSE}</p><p>{PROSE_2}</p>
<blockquote><p>{PROSE}</p></blockquote></div><section class="comments"><div class="comment">
<p>{PROSE_2}</p><div class="comment"><p>Agreed, thanks.</p></div></div></section></article>
<aside><h2>Most read</h2><ul><li><a href="/a">One story</a></li><li>Two</li></ul></aside>
</main>Loose text in the page wrapper<footer><p>All rights reserved.</p></footer></div>
</body></html>"""


def _walked(html: str) -> list[Block]:
    """The blocks of a page, as the walk cuts it."""
    return segment(load(html, None, Options()), NEVER)


def _ids(blocks: list[Block]) -> list[tuple[int, ...]]:
    return [tuple(n.id for n in b.path) for b in blocks]


def test_walked_paths_are_read_from_the_elements_that_open_and_close() -> None:
    """Paths as the walk makes them (the stack of open elements) give the elements' places from
    the elements that open and close (:func:`_stacked`): the same counts, first blocks, depths,
    nodes, parents and children, in the same orders, as placing every element of every path
    (:func:`_placed`); each element's blocks are a run."""
    blocks = _walked(_NESTED_PAGE)
    paths = _ids(blocks)
    stacked, placed = _stacked(blocks, paths), _placed(blocks, paths)
    assert stacked is not None
    assert stacked == placed
    assert list(stacked[0]) == list(placed[0])  # the order of the counts: that of the sums
    assert all(list(stacked[5][n]) == list(placed[5][n]) for n in placed[5])
    tree = element_tree(blocks)
    assert tree.runs
    wrapper = paths[0][2]  # the <div class="wrap"> holds every block
    assert tree.count[wrapper] == len(blocks) and tree.first[wrapper] == 0
    assert tree.parent[wrapper] == paths[0][1] and tree.depth[wrapper] == 2
    lengths = [len(b.text) for b in blocks]
    assert run_totals(tree, lengths) == {
        nid: sum(n for n, ids in zip(lengths, paths) if nid in ids) for nid in tree.count
    }


def test_other_paths_are_placed_element_by_element() -> None:
    """Paths that are not the walk's stack (ids out of the order elements open; a path cut at
    MAX_PATH, which starts below the root) are placed element by element."""
    body, article = node(0, "body"), node(1, "article")
    shuffled = page(
        block(PROSE, (body, node(7, "div"), node(8, "p"))),
        block(PROSE_2, (body, article, node(3, "p"))),
    )
    assert not element_tree(shuffled).runs
    deep = "<div>" * (MAX_PATH + 5) + f"<p>{PROSE}</p>" + "</div>" * (MAX_PATH + 5)
    cut = _walked(f"<html><body><p>{PROSE_2}</p>{deep}</body></html>")
    assert cut[0].path[0].tag == "html" and cut[1].path[0].tag == "div"
    paths = _ids(cut)
    assert _stacked(cut, paths) is None
    tree = element_tree(cut)
    assert not tree.runs
    places = (tree.count, tree.first, tree.depth, tree.nodes, tree.parent, tree.children)
    assert places == _placed(cut, paths)


def test_the_blocks_some_elements_hold_are_read_from_their_runs() -> None:
    """:func:`held_by` marks the blocks with one of the elements on their paths, as testing each
    path would, whether the elements nest (an <article> and its <div class="body">), sit side
    by side (the <aside> after them) or are none."""
    blocks = _walked(_NESTED_PAGE)
    tree = element_tree(blocks)
    assert tree.runs
    by_tag = {n.tag: n.id for b in blocks for n in b.path}
    for tags in ([], ["article"], ["article", "div", "aside"], ["aside", "blockquote"], ["html"]):
        ids = {by_tag[t] for t in tags}
        assert held_by(tree, ids, len(blocks)) == [not ids.isdisjoint(p) for p in tree.paths]
    assert held_by(tree, {by_tag["aside"]}, len(blocks)).count(True) == 3
