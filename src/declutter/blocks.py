"""The block record: the one vocabulary every stage shares.

A page is cut into blocks (a heading, a paragraph, a list item, a table row, a code block...), each
a frozen :class:`Block`. Stages never mutate a block; they return new ones with
:func:`dataclasses.replace`.
"""

from __future__ import annotations

import enum
from dataclasses import MISSING, dataclass, fields
from types import FunctionType
from typing import TypeVar

__all__ = ["Block", "Features", "Kind", "Label", "Node"]

_T = TypeVar("_T")


def _direct_init(cls: type[_T]) -> None:
    """Make a frozen, slotted record class constructible when it runs as Python.

    Each record class below writes its own ``__init__``, which stores every field. Compiled by
    mypyc (see setup.py), those stores go straight into the object: a record is made in tens of
    nanoseconds. Run as Python, the same stores would raise ``FrozenInstanceError``, so this
    gives the class a ``__new__`` that fills a mutable draft and then retypes it (below): the
    same signature, defaults and result, at half the cost of storing through each slot's
    descriptor and a quarter of the ``__init__`` that :mod:`dataclasses` writes for a frozen
    class (``object.__setattr__`` for every field). Blocks and their features are made several times per block of a page (segment, measure, score,
    select), which made that cost a tenth of an extraction. Written as :mod:`dataclasses`
    writes its own: the source of one function, compiled once at import.

    The class's own ``__init__`` must take the fields in order, with their defaults: checked here,
    so that the compiled and the interpreted records cannot drift apart."""
    own = cls.__dict__["__init__"]
    if not isinstance(own, FunctionType):
        return  # compiled by mypyc: the class's own __init__ is used
    declared = [(f.name, f.default) for f in fields(cls)]  # type: ignore[arg-type]
    names = own.__code__.co_varnames[1 : own.__code__.co_argcount]
    defaults = own.__defaults__ or ()
    written = list(zip(names, [MISSING] * (len(names) - len(defaults)) + list(defaults)))
    if written != declared:
        raise TypeError(f"{cls.__name__}.__init__ must take the fields in order: {declared}")
    # The record is filled as a draft: a plain class with the very same slots, whose stores are
    # ordinary attribute stores, then given the record's class (the layouts are identical, so
    # Python allows the switch). Made in ``__new__``, with ``object.__init__`` left to accept the
    # arguments: a Block copy 0.28 µs, against 0.55 µs stored through the slot descriptors.
    draft = type(f"_{cls.__name__}Draft", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    params, lines = [], []
    namespace: dict[str, object] = {"_draft": draft}
    for f in fields(cls):  # type: ignore[arg-type]
        assert f.default_factory is MISSING, "defaults must be values"
        if f.default is MISSING:
            params.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        lines.append(f"    d.{f.name} = {f.name}\n")
    assert not hasattr(cls, "__post_init__")
    source = f"def __new__(cls, {', '.join(params)}):\n    d = _draft()\n{''.join(lines)}"
    exec(source + "    d.__class__ = cls\n    return d\n", namespace)  # noqa: S102
    new = namespace["__new__"]
    new.__qualname__ = f"{cls.__qualname__}.__new__"  # type: ignore[attr-defined]
    cls.__new__ = new  # type: ignore[method-assign, assignment]
    cls.__init__ = object.__init__  # type: ignore[method-assign]


def _direct_copy(cls: type[_T], method: str, changed: tuple[str, ...], same: bool) -> None:
    """Make ``cls.method(self, *changed)``, a copy of a record with these fields changed, fill a
    draft directly when it runs as Python (see :func:`_direct_init`): the same result without
    the class call, which costs as much again. With ``same``, the record itself is returned when
    it already carries these very objects, as the method written in the class does.

    The method's own parameters must be the changed fields, in order: checked here."""
    own = cls.__dict__[method]
    if not isinstance(own, FunctionType):
        return  # compiled by mypyc: the class's own method is used
    if own.__code__.co_varnames[1 : own.__code__.co_argcount] != changed:
        raise TypeError(f"{cls.__name__}.{method} must take {changed}")
    draft = type(f"_{cls.__name__}Draft", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    lines = ["    d = _draft()\n"]
    if same:
        unchanged = " and ".join(f"{name} is self.{name}" for name in changed)
        lines.insert(0, f"    if {unchanged}:\n        return self\n")
    for f in fields(cls):  # type: ignore[arg-type]
        value = f.name if f.name in changed else f"self.{f.name}"
        lines.append(f"    d.{f.name} = {value}\n")
    namespace: dict[str, object] = {"_draft": draft, "_cls": cls}
    source = f"def {method}(self, {', '.join(changed)}):\n{''.join(lines)}"
    exec(source + "    d.__class__ = _cls\n    return d\n", namespace)  # noqa: S102
    copy = namespace[method]
    copy.__qualname__ = f"{cls.__qualname__}.{method}"  # type: ignore[attr-defined]
    copy.__doc__ = own.__doc__
    setattr(cls, method, copy)


def _direct_cut(cls: type[_T], method: str, given: tuple[str, ...]) -> None:
    """Make the static method ``cls.method(*given)``, a new record with these fields given and
    the others at their defaults, fill a draft directly when it runs as Python (see
    :func:`_direct_init`): the same record without the class call, which costs as much again
    (and more when called with keywords). The method's own parameters must be the given fields,
    in order: checked here."""
    own = getattr(cls.__dict__[method], "__func__", None)  # the function a staticmethod wraps
    if not isinstance(own, FunctionType):
        return  # compiled by mypyc: the class's own method is used
    if own.__code__.co_varnames[: own.__code__.co_argcount] != given:
        raise TypeError(f"{cls.__name__}.{method} must take {given}")
    draft = type(f"_{cls.__name__}Draft", (), {"__slots__": cls.__slots__})  # type: ignore[attr-defined]
    namespace: dict[str, object] = {"_draft": draft, "_cls": cls}
    lines = ["    d = _draft()\n"]
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name in given:
            lines.append(f"    d.{f.name} = {f.name}\n")
        else:
            assert f.default is not MISSING, "only fields with defaults may be left out"
            namespace[f"_default_{f.name}"] = f.default
            lines.append(f"    d.{f.name} = _default_{f.name}\n")
    source = f"def {method}({', '.join(given)}):\n{''.join(lines)}"
    exec(source + "    d.__class__ = _cls\n    return d\n", namespace)  # noqa: S102
    make = namespace[method]
    make.__qualname__ = f"{cls.__qualname__}.{method}"  # type: ignore[attr-defined]
    make.__doc__ = own.__doc__
    setattr(cls, method, staticmethod(make))  # type: ignore[arg-type]


def _fields_of(record: object) -> tuple[object, ...]:
    """A record's field values in order: its class called with them makes an equal record."""
    return tuple(getattr(record, f.name) for f in fields(record))  # type: ignore[arg-type]


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


# The members again as plain module names, which the stages read in their loops: on Python 3.11
# every attribute read on an enum class (``Label.CONTENT``) passes through the hook of
# ``EnumType.__getattr__``, about 700 instructions, and a page made 9,000 such reads (Python 3.12
# dropped the hook). The same objects: ``CONTENT is Label.CONTENT``.
HEADING, PARAGRAPH, LIST_ITEM = Kind.HEADING, Kind.PARAGRAPH, Kind.LIST_ITEM
ROW, CODE, QUOTE, CAPTION = Kind.ROW, Kind.CODE, Kind.QUOTE, Kind.CAPTION
CONTENT, HEADLINE, BOILERPLATE = Label.CONTENT, Label.HEADLINE, Label.BOILERPLATE


@dataclass(frozen=True, slots=True)
class Node:
    """One element on a block's path from the root: identity, tag and class/id tokens."""

    id: int
    tag: str
    tokens: frozenset[str] = frozenset()

    # The stores below run only compiled (see _direct_init); mypy sees a frozen class's fields.
    def __init__(self, id: int, tag: str, tokens: frozenset[str] = frozenset()) -> None:
        self.id = id  # type: ignore[misc]
        self.tag = tag  # type: ignore[misc]
        self.tokens = tokens  # type: ignore[misc]

    @staticmethod
    def opened(id: int, tag: str, tokens: frozenset[str]) -> Node:
        """The element as the walk opens it: the class called with these fields (faster than
        the call)."""
        return Node(id, tag, tokens)

    def __reduce__(self) -> tuple[type[Node], tuple[object, ...]]:
        # Pickled as a call of the class (a compiled frozen class cannot be restored attribute
        # by attribute): extract_many's workers send their results so.
        return Node, (self.id, self.tag, self.tokens)


_direct_init(Node)


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

    def __init__(
        self,
        key: str = "",
        words: int = 0,
        link_density: float = 0.0,
        text_density: float = 0.0,
        terminal: bool = False,
        sentences: int = 0,
        duplicates: int = 0,
        title_echo: float = 0.0,
        title_overlap: float = 0.0,
        position: float = 0.0,
        hint: float = 0.0,
        hint_reason: str = "",
        label_word: str = "",
        notice: bool = False,
        region_link_density: float = 0.0,
        site_repeats: int = 0,
    ) -> None:  # the stores run only compiled: see _direct_init
        self.key = key  # type: ignore[misc]
        self.words = words  # type: ignore[misc]
        self.link_density = link_density  # type: ignore[misc]
        self.text_density = text_density  # type: ignore[misc]
        self.terminal = terminal  # type: ignore[misc]
        self.sentences = sentences  # type: ignore[misc]
        self.duplicates = duplicates  # type: ignore[misc]
        self.title_echo = title_echo  # type: ignore[misc]
        self.title_overlap = title_overlap  # type: ignore[misc]
        self.position = position  # type: ignore[misc]
        self.hint = hint  # type: ignore[misc]
        self.hint_reason = hint_reason  # type: ignore[misc]
        self.label_word = label_word  # type: ignore[misc]
        self.notice = notice  # type: ignore[misc]
        self.region_link_density = region_link_density  # type: ignore[misc]
        self.site_repeats = site_repeats  # type: ignore[misc]

    @staticmethod
    def measured(
        key: str,
        words: int,
        link_density: float,
        text_density: float,
        terminal: bool,
        sentences: int,
        duplicates: int,
        title_echo: float,
        title_overlap: float,
        position: float,
        hint: float,
        hint_reason: str,
        label_word: str,
        notice: bool,
        region_link_density: float,
        site_repeats: int,
    ) -> Features:
        """The class called with every field, in order (faster than the call)."""
        return Features(key, words, link_density, text_density, terminal, sentences, duplicates,
                        title_echo, title_overlap, position, hint, hint_reason, label_word, notice,
                        region_link_density, site_repeats)  # fmt: skip

    def __reduce__(self) -> tuple[type[Features], tuple[object, ...]]:
        return Features, _fields_of(self)  # see Node.__reduce__


_direct_init(Features)


_UNMEASURED = Features()
"""The features of a block not measured yet: one shared instance (features are immutable), so
that making a block does not make an empty record too."""


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
    card: bool = False
    """The block sits in a card link: an ``<a>`` that wraps several blocks (a shop card's image
    caption, title and price; a menu item's link wraps one short text)."""

    def __init__(
        self,
        index: int,
        text: str,
        kind: Kind,
        level: int = 0,
        path: tuple[Node, ...] = (),
        depth: int = 0,
        link_chars: int = 0,
        features: Features = _UNMEASURED,
        score: float = 0.0,
        label: Label = Label.BOILERPLATE,
        reason: str = "",
        card: bool = False,
    ) -> None:  # the stores run only compiled: see _direct_init
        self.index = index  # type: ignore[misc]
        self.text = text  # type: ignore[misc]
        self.kind = kind  # type: ignore[misc]
        self.level = level  # type: ignore[misc]
        self.path = path  # type: ignore[misc]
        self.depth = depth  # type: ignore[misc]
        self.link_chars = link_chars  # type: ignore[misc]
        self.features = features  # type: ignore[misc]
        self.score = score  # type: ignore[misc]
        self.label = label  # type: ignore[misc]
        self.reason = reason  # type: ignore[misc]
        self.card = card  # type: ignore[misc]

    @staticmethod
    def cut(
        index: int,
        text: str,
        kind: Kind,
        level: int,
        path: tuple[Node, ...],
        depth: int,
        link_chars: int,
        card: bool,
    ) -> Block:
        """A block as segmentation cuts it, neither measured nor decided yet: the class called
        with these fields, the others left at their defaults (faster than the call)."""
        return Block(index, text, kind, level, path, depth, link_chars, card=card)

    def measured(self, features: Features) -> Block:
        """A copy carrying these features (faster than dataclasses.replace on the hot path)."""
        return Block(self.index, self.text, self.kind, self.level, self.path, self.depth,
                     self.link_chars, features, self.score, self.label, self.reason, self.card)  # fmt: skip

    def decided(self, score: float, label: Label, reason: str) -> Block:
        """A copy carrying this score, label and reason (the block itself when it already carries
        these very objects: blocks are immutable, so nothing can tell the two apart)."""
        if score is self.score and label is self.label and reason is self.reason:
            return self
        return Block(self.index, self.text, self.kind, self.level, self.path, self.depth,
                     self.link_chars, self.features, score, label, reason, self.card)  # fmt: skip

    @property
    def tag(self) -> str:
        """The tag of the block's own element (``"text"`` for a plain-text line)."""
        return self.path[-1].tag if self.path else "text"

    def __reduce__(self) -> tuple[type[Block], tuple[object, ...]]:
        return Block, _fields_of(self)  # see Node.__reduce__


_direct_init(Block)
_direct_copy(Block, "measured", ("features",), same=False)
_direct_copy(Block, "decided", ("score", "label", "reason"), same=True)
_direct_cut(Node, "opened", ("id", "tag", "tokens"))
_direct_cut(Features, "measured", tuple(f.name for f in fields(Features)))
_direct_cut(Block, "cut", ("index", "text", "kind", "level", "path", "depth", "link_chars", "card"))
