"""Stage 4: scores, labels and reasons."""

from __future__ import annotations

from declutter.blocks import Kind, Label
from declutter.scoring import contributions, score
from declutter.weights import PROFILES, W_LABEL, W_REGION_LINK, W_SHORT_LINK

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


def test_cards_profile_discounts_the_region_of_links() -> None:
    """A card's description in a grid of linked titles: the region's link density costs the cards
    profile 0.3 x 0.5 of what it costs prose."""
    grid = node(1, "ul")
    blocks = page(
        *(
            b
            for i in range(3)
            for b in (
                block(f"Recipe number {i} title", (grid, node(10 + i, "li"), node(20 + i, "a")), link_chars=22),
                block("Five ingredients and one pan, ready in twenty minutes.", (grid, node(10 + i, "li"), node(30 + i, "p"))),
            )
        )
    )
    description = blocks[1]
    density = description.features.region_link_density
    assert 0.2 < density < 0.5
    prose = contributions(description, PROFILES[0])["region link density"]
    cards = contributions(description, PROFILES[1])["region link density"]
    assert prose == -W_REGION_LINK * density
    assert cards == -W_REGION_LINK * 0.3 * 0.5 * density

def test_cards_profile_does_not_charge_the_blocks_of_a_card_link_as_links() -> None:
    """A shop card that is one link around its name and price: under the cards profile its
    blocks pay no link penalty (own, short-link or region), a menu link beside them does; the
    prose profile charges both."""
    grid = node(1, "ul", "grid")
    blocks = page(
        *(
            b
            for i in range(3)
            for b in (
                block(
                    f"Linen shirt {i}",
                    (grid, node(10 + i, "li"), node(20 + i, "div")),
                    link_chars=14,
                    card=True,
                ),
                block(
                    "$58.00",
                    (grid, node(10 + i, "li"), node(30 + i, "div")),
                    link_chars=6,
                    card=True,
                ),
            )
        ),
        block("Sale", (node(2, "ul"), node(40, "li")), link_chars=4),
    )
    name, menu = blocks[0], blocks[-1]
    assert name.card and not menu.card
    cards = contributions(name, PROFILES[1])
    assert not {"link density", "short link", "region link density"} & cards.keys()
    assert contributions(menu, PROFILES[1])["short link"] == -W_SHORT_LINK * 0.3
    assert contributions(name, PROFILES[0])["short link"] == -W_SHORT_LINK
