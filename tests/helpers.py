"""Build block lists directly, so scoring and selection tests never parse HTML."""

from __future__ import annotations

from declutter.blocks import Block, Kind, Node
from declutter.features import measure


def node(id_: int, tag: str = "div", *tokens: str) -> Node:
    """An element on a block path."""
    return Node(id_, tag, frozenset(tokens))


def block(
    text: str,
    path: tuple[Node, ...] = (),
    kind: Kind = Kind.PARAGRAPH,
    link_chars: int = 0,
    level: int = 0,
    card: bool = False,
) -> Block:
    """One unmeasured block; index is set by :func:`page`."""
    return Block(
        index=0, text=text, kind=kind, level=level, path=path, link_chars=link_chars, card=card
    )


def page(*blocks: Block, title: str = "") -> list[Block]:
    """Blocks renumbered in order and measured."""
    numbered = [
        Block(
            index=i,
            text=b.text,
            kind=b.kind,
            level=b.level,
            path=b.path,
            link_chars=b.link_chars,
            card=b.card,
        )
        for i, b in enumerate(blocks)
    ]
    return measure(numbered, title)


PROSE = (
    "The committee published its findings on Tuesday after a review that lasted nearly two years "
    "and covered every school in the district."
)
PROSE_2 = (
    "Parents who attended the meeting asked for the report to be translated into the three "
    "languages most spoken at home in the area."
)


WOODEN_HOUSES = """<p>The city and the regional heritage office signed an agreement on Tuesday to restore six
wooden houses from the nineteenth century on Mill Street over the next three years.</p>
<p>First in line is the two-storey merchant's house with carved window frames. Carpenters will
replace only the logs that cannot be saved, using pine felled in winter in the north of the region.</p>
<p>Fifty-eight people live in the six houses. While the work goes on they will move to flats
that the city keeps for such cases, and the work on each house should take about eight months.</p>
"""
"""Three paragraphs of a local news story as HTML, for the pages of old news sites."""


FERRY_FARES = (
    "The ferry has crossed the estuary every half hour since 1962, and the operator says the "
    "new timetable keeps the early sailing that commuters asked for in last year's survey. "
    "Fares stay as they are until the end of the year, when the council reviews the subsidy "
    "that keeps the service running through the quiet winter months."
)
"""A third paragraph of the ferry story, so that a box below has BOX_AFTER_WORDS above it."""


PONTOON = (
    "The harbour master says the new pontoon will open in spring, once the divers have "
    "finished their survey of the old piles."
)
"""A teaser's standfirst: one sentence."""


def ferry_story(after: str) -> str:
    """The ferry story (PROSE, PROSE_2, FERRY_FARES) in an article element, then ``after``
    inside the same element."""
    return (
        "<html><head><title>Ferry keeps running</title></head><body><article class='article-body'>"
        f"<h1>Ferry keeps running</h1><p>{PROSE}</p><p>{PROSE_2}</p><p>{FERRY_FARES}</p>"
        f"{after}</article></body></html>"
    )


def text_page(*lines: str) -> str:
    """A plain-text page of these lines."""
    return "\n".join(lines)
