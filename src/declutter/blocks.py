"""The block record: the one vocabulary every stage shares.

A page is cut into blocks (a heading, a paragraph, a list item, a table row, a code block...), each
a frozen :class:`Block`. Stages never mutate a block; they return new ones with
:func:`dataclasses.replace`.
"""

from __future__ import annotations

import enum
from dataclasses import MISSING, dataclass, fields
from typing import TypeVar

__all__ = ["Block", "Features", "Kind", "Label", "Node"]

_T = TypeVar("_T")


def _direct_init(cls: type[_T]) -> type[_T]:
    """Give a frozen, slotted dataclass an ``__init__`` that fills each slot through its
    descriptor: the same signature, defaults and result as the one :mod:`dataclasses` writes,
    which goes through ``object.__setattr__`` for every field and costs twice as much. Blocks
    and their features are made several times per block of a page (segment, measure, score,
    select), which made that cost a tenth of an extraction. Written as :mod:`dataclasses`
    writes its own: the source of one function, compiled once at import."""
    params, lines = [], []
    namespace: dict[str, object] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING, "defaults must be values"
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    _set_{f.name}(self, {f.name})\n")
    assert not hasattr(cls, "__post_init__")
    exec(f"def __init__(self, {', '.join(params)}):\n{''.join(lines)}", namespace)  # noqa: S102
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[method-assign, assignment]
    return cls


class Kind(str, enum.Enum):
    """What a block is, from the markup (or the line shape of a text page)."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    ROW = "row"  # a table row; cells joined by " | "
    CODE = "code"
    QUOTE = "quote"
    CAPTION = "caption"


class Label(str, enum.Enum):
    """The decision taken on a block."""

    CONTENT = "content"
    HEADLINE = "headline"
    BOILERPLATE = "boilerplate"


@_direct_init
@dataclass(frozen=True, slots=True)
class Node:
    """One element on a block's path from the root: identity, tag and class/id tokens."""

    id: int
    tag: str
    tokens: frozenset[str] = frozenset()


@_direct_init
@dataclass(frozen=True, slots=True)
class Features:
    """Measurements of one block, computed once by :mod:`declutter.features`."""

    key: str = ""
    """The block's text reduced to lower-case letters and digits: its fingerprint for repetition."""
    words: int = 0
    """Words; an unspaced-script character counts as half a word."""
    link_density: float = 0.0
    """Share of the block's characters inside links or buttons."""
    text_density: float = 0.0
    """Words per 80-character wrapped line."""
    terminal: bool = False
    """The block ends like a sentence (., !, ?, 。 ...)."""
    sentences: int = 0
    duplicates: int = 0
    """Other blocks of the page with the same normalised text."""
    title_echo: float = 0.0
    """How much of the block is the page title (0..1)."""
    title_overlap: float = 0.0
    """Share of the title's content words that the block uses: prose about the headline's topic."""
    position: float = 0.0
    """Index of the block divided by the number of blocks (0 first, near 1 last)."""
    hint: float = 0.0
    """Class/id/tag evidence, negative for boilerplate, positive for content."""
    hint_reason: str = ""
    label_word: str = ""
    """A boilerplate label the block is or starts with ("Most read", "Related"...), if any."""
    notice: bool = False
    """The block speaks of cookies, consent, JavaScript, privacy or copyright."""
    region_link_density: float = 0.0
    """Link density of the block's enclosing region (its nearest container of several blocks)."""
    site_repeats: int = 0
    """Pages of the same site already seen with this block (needs a SiteMemory)."""


_UNMEASURED = Features()
"""The features of a block not measured yet: one shared instance (features are immutable), so
that making a block does not make an empty record too."""


@_direct_init
@dataclass(frozen=True, slots=True)
class Block:
    """A contiguous piece of text from the page, and what was decided about it."""

    index: int
    text: str
    kind: Kind
    level: int = 0
    """Heading level 1..6 for headings, nesting depth of the list for list items, else 0."""
    path: tuple[Node, ...] = ()
    """The enclosing elements, root first, the block's own element last (capped in depth)."""
    depth: int = 0
    """Element depth of the block in the document (not capped)."""
    link_chars: int = 0
    """Characters of the text that sit inside links or buttons."""
    features: Features = _UNMEASURED
    score: float = 0.0
    label: Label = Label.BOILERPLATE
    reason: str = ""

    def measured(self, features: Features) -> Block:
        """A copy carrying these features (faster than dataclasses.replace on the hot path)."""
        return Block(self.index, self.text, self.kind, self.level, self.path, self.depth,
                     self.link_chars, features, self.score, self.label, self.reason)  # fmt: skip

    def decided(self, score: float, label: Label, reason: str) -> Block:
        """A copy carrying this score, label and reason (the block itself when it already carries
        these very objects: blocks are immutable, so nothing can tell the two apart)."""
        if score is self.score and label is self.label and reason is self.reason:
            return self
        return Block(self.index, self.text, self.kind, self.level, self.path, self.depth,
                     self.link_chars, self.features, score, label, reason)  # fmt: skip

    @property
    def tag(self) -> str:
        """The tag of the block's own element (``"text"`` for a plain-text line)."""
        return self.path[-1].tag if self.path else "text"
