"""Stage 4: scores, labels and reasons."""

from __future__ import annotations

from declutter.blocks import Kind, Label
from declutter.scoring import contributions, score
from declutter.weights import W_LABEL, W_SHORT_LINK

from helpers import PROSE, PROSE_2, block, node, page


def test_prose_is_content_and_links_are_not() -> None:
    """A long unlinked paragraph scores as content, a menu link as boilerplate, with reasons."""
    blocks = score(page(block(PROSE), block("Contact us", link_chars=10)))
    assert blocks[0].label is Label.CONTENT and blocks[0].reason == "sentence end"
    assert blocks[1].label is Label.BOILERPLATE and blocks[1].reason == "boilerplate label 'contact us'"


def test_contributions_name_each_feature() -> None:
    """Each non-zero feature contribution is listed by name."""
    b, _ = page(
        block("Share this", (node(0, "div", "share"), node(1, "p")), link_chars=10),
        block(PROSE * 3, (node(2, "div"), node(3, "p"))),
    )
    parts = contributions(b)
    assert set(parts) == {
        "words", "link density", "short link", "region link density", "class/id", "boilerplate label"
    }
    assert parts["boilerplate label"] == -W_LABEL
    assert parts["short link"] == -W_SHORT_LINK


def test_label_word_block_dropped_with_reason() -> None:
    """A 'Most read' heading is boilerplate because it is a boilerplate label."""
    blocks = score(page(block("Most read", kind=Kind.HEADING)))
    assert blocks[0].label is Label.BOILERPLATE
    assert blocks[0].reason == "boilerplate label 'most read'"


def test_short_block_follows_its_neighbours() -> None:
    """A short unlinked line between paragraphs is smoothed up to content."""
    blocks = score(page(block(PROSE), block("Photo archive"), block(PROSE_2)))
    assert blocks[1].label is Label.CONTENT
    assert blocks[1].reason.startswith("short; takes after its neighbours")


def test_short_link_is_not_smoothed() -> None:
    """A short link between paragraphs stays boilerplate: a link stays a link."""
    blocks = score(page(block(PROSE), block("Next page", link_chars=9), block(PROSE_2)))
    assert blocks[1].label is Label.BOILERPLATE
