"""Tests for declutter.repeats: which kept blocks that repeat a kept block stay."""

from __future__ import annotations

from declutter import extract
from declutter.blocks import Label
from declutter.repeats import numberless
from declutter.scoring import score
from declutter.select import select

from helpers import PROSE, PROSE_2, block, node, page

BODY = node(0, "body")
ARTICLE = node(1, "article")


def test_duplicate_elsewhere_dropped_sibling_repeat_kept() -> None:
    """A repeat under another parent (a mobile copy) is dropped; one under the same parent stays."""
    mobile = node(9, "div", "mobile")
    blocks = score(
        page(
            block(PROSE, (BODY, ARTICLE, node(4, "p"))),
            block(PROSE_2, (BODY, ARTICLE, node(5, "p"))),
            block(PROSE_2, (BODY, ARTICLE, node(6, "p"))),
            block(PROSE, (BODY, ARTICLE, mobile, node(7, "p"))),
        )
    )
    out = select(blocks).blocks
    assert [b.label for b in out[:3]] == [Label.CONTENT] * 3
    assert out[3].label is Label.BOILERPLATE and out[3].reason == "repeats a block kept above"


OFFERS = """<html><head><title>Winter beach offers</title></head><body>
<nav><a href="/">Home</a> <a href="/deals">Deals</a> <a href="/help">Help</a></nav>
<main><h1>Winter beach offers</h1>
<p>Save on a week by the sea this winter: every package below includes flights, transfers and
a hotel room with breakfast, and the prices are per person for two travelling together.</p>
<div class="offers">
<div class="offer-card"><h3>Lisbon coast</h3>
<p>Seven nights at a family hotel above the bay of Cascais, from 640 euros per person.</p>
<ul class="terms"><li>Book by December 31 and travel before the end of March; prices include taxes and fees.</li>
<li>Children under twelve stay free in their parents' room when they share the existing beds.</li></ul>
</div>
<div class="offer-card"><h3>Algarve cliffs</h3>
<p>Five nights in a quiet guest house near the beaches of Lagos, from 520 euros per person.</p>
<ul class="terms"><li>Book by December 31 and travel before the end of March; prices include taxes and fees.</li>
<li>Children under twelve stay free in their parents' room when they share the existing beds.</li></ul>
</div>
<div class="offer-card"><h3>Madeira gardens</h3>
<p>Six nights in a garden hotel with a heated pool in Funchal, from 710 euros per person.</p>
<ul class="terms"><li>Book by December 31 and travel before the end of March; prices include taxes and fees.</li>
<li>Children under twelve stay free in their parents' room when they share the existing beds.</li></ul>
</div>
</div></main>
<footer><p>Copyright 2025 Sunward Travel. All rights reserved.</p></footer>
</body></html>"""


FINE_PRINT = (
    "Book by December 31 and travel before the end of March; prices include taxes and fees."
)


CHILDREN = (
    "Children under twelve stay free in their parents' room when they share the existing beds."
)


def test_fine_print_repeated_in_each_card_of_one_kind_is_kept() -> None:
    """The same fine print under each offer card of one template stays with every card: the
    cards hold text of their own (their title and offer), and the fine print sits at the same
    place in each. Without the rule only the first card kept it."""
    text = extract(OFFERS)
    assert text.count(FINE_PRINT) == 3 and text.count(CHILDREN) == 3
    assert "Madeira gardens" in text and "Copyright" not in text


def test_copied_card_is_not_a_card_of_its_own() -> None:
    """A second copy of a whole section (a responsive duplicate) holds no text of its own: its
    repeats still go."""
    card = (
        '<div class="offer-card"><h3>Lisbon coast</h3><p>Seven nights at a family hotel above '
        "the bay of Cascais, from 640 euros per person.</p>"
        f'<ul class="terms"><li>{FINE_PRINT}</li><li>{CHILDREN}</li></ul></div>'
    )
    html = OFFERS.replace('<div class="offers">', '<div class="offers">' + card, 1)
    text = extract(html)
    assert text.count("Seven nights at a family hotel") == 1
    assert text.count(FINE_PRINT) == 3


FORUM_TABLES = """<html><body><div id="postlist">
<div id="post_1"><table class="plhin"><tr><td class="pls">Gardener42</td>
<td class="plc">My north-facing balcony gets almost no direct sun. Which vegetables will still
grow there, and how much light do lettuce and spinach really need?</td></tr>
<tr><td>Small balcony, big plans. I grow whatever the pigeons leave for me.</td></tr></table></div>
<div id="post_2"><table class="plhin"><tr><td class="pls">LeafyGreens</td>
<td class="plc">Leafy greens cope well with shade: lettuce, spinach and pak choi all crop within
a month, and mint and chives need almost no care at all.</td></tr>
<tr><td>Ten years of growing food in pots, and still learning every season.</td></tr></table></div>
<div id="post_3"><table class="plhin"><tr><td class="pls">Gardener42</td>
<td class="plc">Thank you both! Should a grow light hang above the plants or at the side, and
how far from the leaves should it be?</td></tr>
<tr><td>Small balcony, big plans. I grow whatever the pigeons leave for me.</td></tr></table></div>
</div></body></html>"""


def test_repeated_one_cell_row_goes_like_a_paragraph() -> None:
    """A forum signature in a one-cell table row, repeated under a later post of the same
    author in another table, is dropped as a repeat; its first copy stays. A short one-cell
    row (fewer than ROW_REPEAT_MIN_WORDS words) would keep the rows' exemption."""
    text = extract(FORUM_TABLES)
    assert text.count("Small balcony, big plans.") == 1
    assert "Thank you both!" in text
    assert "Ten years of growing food in pots" in text


PLAN_TABLES = """<html><body><main><h1>Plans and pricing</h1>
<p>Every plan includes unlimited projects, daily backups and support by email from our team in
Lisbon, and you can switch between plans at any time without losing data.</p>
<table><tr><th>Starter</th></tr><tr><td>Track local rankings</td></tr>
<tr><td>Weekly reports sent by email</td></tr></table>
<table><tr><th>Agency</th></tr><tr><td>Track local rankings</td></tr>
<tr><td>White-label reports for clients</td></tr></table>
</main></body></html>"""


def test_short_one_cell_row_repeat_kept() -> None:
    """A plan's listed feature, a one-cell row of three words in each plan's table, stays in
    both: a one-cell row under ROW_REPEAT_MIN_WORDS words keeps the rows' exemption."""
    assert extract(PLAN_TABLES).count("Track local rankings") == 2


def test_numberless_drops_words_with_a_digit_ascii_or_not():
    # The ASCII fast path and the general one agree with str.isdigit.
    assert numberless(frozenset({"card", "item", "item-3", "3", "col2"})) == {"card", "item"}
    assert numberless(frozenset({"carte", "élément-٣", "٣", "größe"})) == {"carte", "größe"}
    assert numberless(frozenset()) == frozenset()
