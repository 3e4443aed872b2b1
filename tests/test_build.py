"""What holds whether the pipeline runs as Python or compiled by mypyc (setup.py).

The whole suite runs against either build (``scripts/check_compiled.py`` runs it against a
compiled one); these tests cover what only one of the two could get wrong.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib.machinery
import pickle
import types
from pathlib import Path

import pytest

import declutter
from declutter import extract_result
from declutter.blocks import Block, Features, Kind, Label, Node

PAGES = Path(__file__).parent / "pages"
PACKAGE = Path(declutter.__file__).parent


def _compiled_modules() -> list[str]:
    return sorted(
        p.name
        for p in PACKAGE.iterdir()
        if p.name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    )


def test_no_compiled_module_shadows_the_sources_of_a_checkout() -> None:
    """A source checkout (src/declutter, the tree an editable install imports) holds no compiled
    module: Python would import it instead of the ``.py`` file beside it, however much the
    ``.py`` file was edited since. The build backend never compiles an editable install; a
    module left by a manual ``setup.py build_ext --inplace`` fails here."""
    if not (PACKAGE.parent.name == "src" and (PACKAGE.parents[1] / "pyproject.toml").exists()):
        pytest.skip("declutter is imported from an installed wheel, not from a source checkout")
    assert _compiled_modules() == [], "delete them: git clean -fX src"


def test_results_survive_pickle_and_deepcopy() -> None:
    """A result pickles (extract_many's workers send results so) and copies into an equal one,
    compiled records included (they pickle as a call of their class)."""
    result = extract_result((PAGES / "news_typical.html").read_bytes())
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    assert pickle.loads(pickle.dumps(result.metadata)) == result.metadata


def test_records_are_frozen_dataclasses_with_their_declared_fields() -> None:
    """Node, Features and Block write their own ``__init__`` (for mypyc): it takes the fields in
    order with their defaults, and the records stay frozen, comparable and replaceable."""
    node = Node(3, "p", frozenset({"story"}))
    block = Block(0, "Text", Kind.PARAGRAPH, path=(node,), features=Features(words=1))
    assert [f.name for f in dataclasses.fields(Block)][:3] == ["index", "text", "kind"]
    assert block == Block(0, "Text", Kind.PARAGRAPH, 0, (node,), 0, 0, Features(words=1))
    assert block.label is Label.BOILERPLATE and block.features.words == 1
    assert dataclasses.replace(block, score=0.5).score == 0.5
    assert hash(node) == hash(Node(3, "p", frozenset({"story"})))
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.score = 1.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        node.tag = "div"  # type: ignore[misc]


def test_a_record_init_that_drifts_from_its_fields_is_refused() -> None:
    """The interpreted build replaces a record's own ``__init__`` by one made from its fields;
    it refuses one whose parameters or defaults differ from the fields, which the compiled build
    would otherwise run as written."""
    from declutter.blocks import _direct_init

    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: int = 0

        def __init__(self, left: int, right: int = 1) -> None:  # not the field's default
            self.left = left  # type: ignore[misc]
            self.right = right  # type: ignore[misc]

    with pytest.raises(TypeError, match="fields in order"):
        _direct_init(Pair)


def test_a_record_is_made_with_the_declared_signature_and_class() -> None:
    """Run as Python, a record is filled as a draft with the same slots and then given its own
    class: the result is exactly of that class, frozen, equal to one made by keywords, and the
    constructor still refuses missing, unknown or surplus arguments."""
    from declutter.blocks import _direct_init

    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: str = "r"

        def __init__(self, left: int, right: str = "r") -> None:
            self.left = left  # type: ignore[misc]
            self.right = right  # type: ignore[misc]

    _direct_init(Pair)
    pair = Pair(1)
    assert type(pair) is Pair and (pair.left, pair.right) == (1, "r")
    assert Pair(2, "x") == Pair(right="x", left=2) and hash(Pair(2)) == hash(Pair(left=2))
    assert dataclasses.replace(pair, right="s") == Pair(1, "s")
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.left = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        Pair()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Pair(1, "a", 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Pair(1, middle=2)  # type: ignore[call-arg]
    block = Block(4, "Text", Kind.HEADING, level=2)
    assert type(block) is Block and block.measured(Features(words=1)).features.words == 1
    assert block.decided(0.5, Label.CONTENT, "prose").label is Label.CONTENT


def test_a_record_copy_method_is_checked_and_keeps_its_results() -> None:
    """Run as Python, ``Block.measured`` and ``Block.decided`` fill a draft directly: the same
    record as the class call, the block itself for an unchanged decision; a copy method whose
    parameters are not the fields it names is refused."""
    from declutter.blocks import _direct_copy

    node = Node(1, "h2")
    block = Block(2, "Title", Kind.HEADING, 2, (node,), 5, 1, card=True)
    features = Features(words=1)
    assert block.measured(features) == dataclasses.replace(block, features=features)
    assert type(block.measured(features)) is Block
    same = block.decided(block.score, block.label, block.reason)
    assert same == block
    if isinstance(Block.__dict__["decided"], types.FunctionType):  # compiled: floats are reboxed
        assert same is block
    decided = block.decided(0.7, Label.HEADLINE, "title")
    assert decided == dataclasses.replace(block, score=0.7, label=Label.HEADLINE, reason="title")

    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: int = 0

        def moved(self, right: int) -> Pair:
            return Pair(self.left, right)

    with pytest.raises(TypeError, match="must take"):
        _direct_copy(Pair, "moved", ("left",), same=False)
    _direct_copy(Pair, "moved", ("right",), same=False)
    assert Pair(1).moved(4) == Pair(1, 4) and type(Pair(1).moved(4)) is Pair


def test_a_cut_block_is_the_class_call_with_the_other_fields_at_their_defaults() -> None:
    """Run as Python, ``Block.cut`` (and ``Node.opened``, ``Features.measured``) fills a draft directly: the same record as the class call
    with the fields not given at their defaults; a maker whose parameters are not the fields it
    names is refused."""
    from declutter.blocks import _direct_cut

    node = Node(1, "p")
    block = Block.cut(3, "Text", Kind.PARAGRAPH, 0, (node,), 4, 2, True)
    assert type(block) is Block
    assert block == Block(3, "Text", Kind.PARAGRAPH, 0, (node,), 4, 2, card=True)
    assert hash(block) == hash(Block(3, "Text", Kind.PARAGRAPH, 0, (node,), 4, 2, card=True))
    assert block.features is Block(0, "", Kind.PARAGRAPH).features
    assert block.label is Label.BOILERPLATE and block.reason == "" and block.score == 0.0
    opened = Node.opened(5, "div", frozenset({"main"}))
    assert type(opened) is Node and opened == Node(5, "div", frozenset({"main"}))
    values = ("k", 3, 0.5, 1.5, True, 1, 2, 0.25, 0.75, 0.1, -1.0, "nav", "share", True, 0.2, 4)
    assert Features.measured(*values) == Features(*values)
    assert type(Features.measured(*values)) is Features

    @dataclasses.dataclass(frozen=True, slots=True)
    class Pair:
        left: int
        right: int = 7

        @staticmethod
        def made(left: int) -> Pair:
            return Pair(left)

    with pytest.raises(TypeError, match="must take"):
        _direct_cut(Pair, "made", ("right",))
    _direct_cut(Pair, "made", ("left",))
    assert Pair.made(1) == Pair(1, 7) and type(Pair.made(1)) is Pair
