"""Stage 2: cutting documents into blocks."""

from __future__ import annotations

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from declutter import blocks as blocks_module
from declutter import extract
from declutter import segment as segment_module
from declutter.blocks import Kind, Label
from declutter.deadline import Deadline
from declutter.load import load
from declutter.options import Options
from declutter.segment import segment, segment_text, tokens_of


def blocks_of(html: str) -> list[tuple[str, str]]:
    doc = load(html, None, Options(input_format="html"))
    return [(b.kind.value, b.text) for b in segment(doc, Deadline(None))]


def test_blocks_in_reading_order_with_kinds() -> None:
    """Headings, paragraphs, list items, rows, code, quotes and captions become typed blocks."""
    html = (
        "<body><h2>Title</h2><p>Para <b>bold</b> text.</p><ul><li>one</li><li>two</li></ul>"
        "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>"
        "<pre>  x = 1\n    y = 2</pre><blockquote>Said once.</blockquote>"
        "<figure><img src=a.png><figcaption>A caption</figcaption></figure></body>"
    )
    assert blocks_of(html) == [
        ("heading", "Title"),
        ("paragraph", "Para bold text."),
        ("list-item", "one"),
        ("list-item", "two"),
        ("row", "k | v"),
        ("row", "a | 1"),
        ("code", "  x = 1\n    y = 2"),
        ("quote", "Said once."),
        ("caption", "A caption"),
    ]


def test_skipped_elements_give_no_blocks() -> None:
    """Script, style, template, styled-hidden elements and form controls produce no text."""
    html = (
        "<body><script>var a = 1;</script><style>p{}</style><template><p>tpl</p></template>"
        "<div style='display: none'>gone</div><p class='sr-only'>skip</p>"
        "<form><label>Name</label><input value='x'><select><option>Opt</option></select>"
        "<textarea>typed</textarea></form><p>visible<script>x()</script> tail</p></body>"
    )
    assert blocks_of(html) == [("paragraph", "Name"), ("paragraph", "visible tail")]


def test_mathml_text_is_read_and_its_annotations_are_not() -> None:
    """A formula's MathML text joins its paragraph; the TeX annotation beside it does not."""
    html = (
        "<body><p>When <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow>"
        "<annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>"
        ", there are two solutions.</p></body>"
    )
    assert blocks_of(html) == [("paragraph", "When a≠0, there are two solutions.")]


def test_inline_text_and_tails_join_their_block() -> None:
    """Text around a nested block is split into the blocks before and after it."""
    assert blocks_of("<div>before<p>inside</p>after <a href='#'>link</a></div>") == [
        ("paragraph", "before"),
        ("paragraph", "inside"),
        ("paragraph", "after link"),
    ]


def test_link_characters_counted() -> None:
    """Characters inside links and buttons are counted per block."""
    doc = load("<p>Read <a href='/x'>this story</a> now <button>Go</button></p>", None, Options())
    (block,) = segment(doc, Deadline(None))
    assert block.text == "Read this story now Go"
    assert block.link_chars == len("this story") + len("Go")


def test_a_link_wrapping_several_blocks_marks_them_as_a_card() -> None:
    """An <a> that wraps several blocks (a shop card: name, price, note) marks each of them, the
    last one included when it is closed after the link; a link inside one block (a menu item,
    even when its text sits in a <div> of its own) marks nothing, nor do the blocks around."""
    html = (
        "<ul><li><a href='/men'><div>Men</div></a></li><li><a href='/sale'>Sale</a></li></ul>"
        "<ul><li><a href='/p/1'><img src='/1.jpg' alt=''><div>Linen shirt, sand</div>"
        "<div>$58.00</div>Washed linen, relaxed fit</a></li></ul>"
        "<p>Prices include <a href='/tax'>sales tax</a>.</p>"
    )
    doc = load(html, None, Options(input_format="html"))
    assert [(b.text, b.card) for b in segment(doc, Deadline(None))] == [
        ("Men", False),
        ("Sale", False),
        ("Linen shirt, sand", True),
        ("$58.00", True),
        ("Washed linen, relaxed fit", True),
        ("Prices include sales tax.", False),
    ]


def test_text_open_before_a_card_link_is_not_the_cards() -> None:
    """A share box's line ("If you like it, please share it!") still open when a link wrapping
    several blocks starts is closed by the link's first block: it lies outside the link and is
    no card block; the blocks inside the link are."""
    html = (
        "<div><span>If you like it, please share it!</span>"
        "<a href='https://pinterest.example/pin'><img src='/p.png' alt=''>"
        "<div>Pinterest</div><div>Save the guide to a board</div></a></div>"
    )
    doc = load(html, None, Options(input_format="html"))
    assert [(b.text, b.card) for b in segment(doc, Deadline(None))] == [
        ("If you like it, please share it!", False),
        ("Pinterest", True),
        ("Save the guide to a board", True),
    ]


def test_a_link_to_a_place_on_the_page_is_no_card() -> None:
    """An <a> that jumps within the page (href "#...") and wraps several blocks is a summary
    box pointing at the page's own reviews, not a card of another page: its blocks are no card
    blocks. The same box linking to another page is a card."""
    box = (
        "<a href='{href}'><div>Recent reviews:</div>"
        "<div>Mostly positive (1,204): 82% of the reviews in the last 30 days are positive.</div>"
        "</a><p>Release date: 5 Nov, 2020</p>"
    )
    jump = load(box.format(href="#reviews"), None, Options(input_format="html"))
    assert [(b.text, b.card) for b in segment(jump, Deadline(None))] == [
        ("Recent reviews:", False),
        ("Mostly positive (1,204): 82% of the reviews in the last 30 days are positive.", False),
        ("Release date: 5 Nov, 2020", False),
    ]
    away = load(box.format(href="/reviews"), None, Options(input_format="html"))
    assert [b.card for b in segment(away, Deadline(None))] == [True, True, False]


def test_br_breaks_lines_inside_a_block() -> None:
    """A <br> is a line break within the block's text."""
    assert blocks_of("<p>line one<br>line two</p>") == [("paragraph", "line one\nline two")]


def test_layout_table_cells_are_blocks() -> None:
    """A table row holding lists or headings is page layout: its parts are blocks of their own,
    while a row whose cells hold a <p> each is still a data row."""
    html = "<table><tr><td><h3>Menu</h3></td><td><ul><li>Item</li></ul></td></tr></table>"
    assert blocks_of(html) == [("heading", "Menu"), ("list-item", "Item")]
    html = "<table><tr><td><p>Weight</p></td><td><p>1.2 kg</p></td></tr></table>"
    assert blocks_of(html) == [("row", "Weight | 1.2 kg")]


def test_path_records_tags_and_tokens() -> None:
    """A block's path lists its enclosing elements with their class/id words."""
    doc = load(
        "<body><div id='mainContent' class='post-body'><p>x y</p></div></body>", None, Options()
    )
    (block,) = segment(doc, Deadline(None))
    assert [n.tag for n in block.path] == ["html", "body", "div", "p"]
    assert {"main", "content", "post", "body", "maincontent", "post-body"} <= block.path[2].tokens


def test_tokens_split_camel_case_and_punctuation() -> None:
    """Class and id values split at punctuation and camelCase, lower-cased."""
    from lxml import html

    el = html.fragment_fromstring(
        "<div class='siteNav top_bar' id='Main-Menu' role='navigation'></div>"
    )
    assert tokens_of(el) == frozenset(
        {
            "sitenav",
            "site",
            "nav",
            "top_bar",
            "top",
            "bar",
            "main-menu",
            "main",
            "menu",
            "navigation",
        }
    )


def test_text_page_lines() -> None:
    """A text page gives one block per non-empty line; bullets and numbers mark list items."""
    blocks = segment_text("Title\n\nFirst paragraph.\n- a bullet\n2. numbered item\n***\n")
    assert [(b.kind, b.text) for b in blocks] == [
        (Kind.PARAGRAPH, "Title"),
        (Kind.PARAGRAPH, "First paragraph."),
        (Kind.LIST_ITEM, "- a bullet"),
        (Kind.LIST_ITEM, "2. numbered item"),
    ]


def test_headings_carry_their_level() -> None:
    """Heading blocks record their level; list items their nesting depth."""
    doc = load(
        "<h3>Sub</h3><ul><li>a<ul><li>b</li></ul></li></ul>", None, Options(input_format="html")
    )
    blocks = segment(doc, Deadline(None))
    assert [(b.text, b.level) for b in blocks] == [("Sub", 3), ("a", 1), ("b", 2)]


def test_hidden_attribute_is_marked_not_dropped() -> None:
    """Text under a hidden attribute is kept as a block whose path carries the 'hidden' word.

    Streamed server renders park whole pages in hidden elements, so dropping them would lose
    the content; the class/id hint weighs the word instead.
    """
    doc = load("<body><div hidden id='S:1'><p>Deferred text.</p></div></body>", None, Options())
    (block,) = segment(doc, Deadline(None))
    assert block.text == "Deferred text."
    assert "hidden" in block.path[2].tokens


def test_source_line_breaks_are_spaces() -> None:
    """Line breaks in the HTML source are white space; only <br> and <pre> break lines."""
    html = "<p>one\n  two\r\nthree<br>four</p><pre>a\n  b</pre>"
    assert blocks_of(html) == [("paragraph", "one two three\nfour"), ("code", "a\n  b")]


def test_a_page_wrapped_in_visibility_hidden_is_walked() -> None:
    """A style-hidden element holding most of the page (a script-revealed app root) is walked and
    marked 'hidden'; a small style-hidden element (a closed dropdown) and hiding classes still
    give nothing."""
    para = "The harbour office has published the spring tide tables for the estuary. " * 30
    html = (
        "<body><div id='root' style='visibility:hidden;min-height:100vh'>"
        f"<p>{para}</p><div style='display:none'><p>Closed menu entry</p></div>"
        "<div class='sr-only'><p>Skip to content, this is long enough text "
        + "x "
        * 1200
        + "</p></div>"
        "</div></body>"
    )
    doc = load(html, None, Options())
    (block,) = segment(doc, Deadline(None))
    assert block.text == para.strip()
    assert "hidden" in block.path[2].tokens


def test_a_hidden_product_wrapper_after_many_closed_menus_is_walked() -> None:
    """A shop hides a dozen small elements (a closed account menu, a cart drawer, a promo popup)
    before the product's own style-hidden wrapper, which holds the whole description: each is
    measured, the small ones stay skipped and the wrapper is walked (at eight measures a page,
    it was never reached)."""
    menus = "".join(
        f"<div style='display:none'><a href='/c{i}'>Shop category {i}</a></div>" for i in range(12)
    )
    para = "These almond crisps are baked in small batches from a family recipe. " * 30
    html = (
        f"<body>{menus}<div class='product-wrapper' style='display: none'>"
        f"<h1>Almond crisps</h1><p>{para}</p></div></body>"
    )
    assert blocks_of(html) == [("heading", "Almond crisps"), ("paragraph", para.strip())]


def test_collapsed_panels_are_walked_but_not_faq_answers_or_menus() -> None:
    """A product's "Ingredients" tab and an accordion section hidden by an inline display:none
    wait for a click: they are walked, however short, and marked "hidden". A closed dropdown
    menu stays skipped, and so does a collapsed FAQ answer."""
    html = (
        "<body><div class='nav-dropdown' style='display:none'><a href='/men'>Men</a></div>"
        "<div class='product-tabs'><button>Ingredients</button>"
        "<div class='tab-pane' style='display:none'><p>Jojoba seed oil, argan oil.</p></div>"
        "<div class='accordion__content' style='display: none'><p>Warm two drops in your"
        " hands.</p></div></div>"
        "<div class='faq'><h3>Does it stain?</h3>"
        "<div class='faq-answer accordion-content' style='display:none'><p>No.</p></div></div>"
        "</body>"
    )
    doc = load(html, None, Options(input_format="html"))
    blocks = segment(doc, Deadline(None))
    assert [b.text for b in blocks] == [
        "Ingredients",
        "Jojoba seed oil, argan oil.",
        "Warm two drops in your hands.",
        "Does it stain?",
    ]
    assert "hidden" in blocks[1].path[-2].tokens


def test_noscript_markup_left_as_text_is_skipped() -> None:
    """A <noscript> whose text is markup (escaped tracking tags, as serialisers leave them)
    gives nothing; a noscript with real text still does."""
    html = (
        '<html><body><noscript>\n &lt;img src="//t.example/c.gif?rid=09bc8b7b&amp;amp;rnd=6361"'
        ' alt="image beacon" width="1" height="1" /&gt;\n</noscript>'
        "<noscript><p>Please enable scripts to see the comments.</p></noscript></body></html>"
    )
    assert blocks_of(html) == [("paragraph", "Please enable scripts to see the comments.")]


def test_a_hiding_class_wins_over_the_render_trick_rule() -> None:
    """A large style-hidden element that also has a hiding class stays skipped."""
    para = "The harbour office has published the spring tide tables for the estuary. " * 30
    html = f"<body><div class='d-none' style='display:none'><p>{para}</p></div><p>Visible text here.</p></body>"
    assert blocks_of(html) == [("paragraph", "Visible text here.")]


def test_closed_dialogs_and_display_none_utility_classes_give_nothing() -> None:
    """A dialog marked aria-hidden (a closed modal: report form, country picker) and an element
    with a namespaced display-none utility class ("wt-display-none") are hidden; aria-hidden on
    anything else (a decorative icon, a visual duplicate) is not a reason to drop text."""
    html = (
        "<body><p>The mug holds 350 millilitres.</p>"
        "<div role='dialog' aria-hidden='true'><p>What is wrong with this listing?</p></div>"
        "<div class='wt-overlay wt-display-none'><p>Choose a reason.</p></div>"
        "<div role='dialog' aria-hidden='false'><p>Open dialog text.</p></div>"
        "<p aria-hidden='true'>Shown to sighted readers.</p></body>"
    )
    doc = load(html, None, Options())
    texts = [b.text for b in segment(doc, Deadline(None))]
    assert texts == [
        "The mug holds 350 millilitres.",
        "Open dialog text.",
        "Shown to sighted readers.",
    ]


def test_soft_hyphens_go_and_text_is_composed() -> None:
    """Soft hyphens and word joiners are invisible and go; decomposed letters are composed (NFC),
    in HTML and in plain-text pages alike, so a word is the same code points wherever it comes
    from."""
    html = "<body><p>Mit\u00adtel\u00adal\u00adter in Bozen</p><p>Cafe\u0301 am Platz</p></body>"
    texts = [b.text for b in segment(load(html, None, Options()), Deadline(None))]
    assert texts == ["Mittelalter in Bozen", "Caf\u00e9 am Platz"]
    assert [b.text for b in segment_text("Wein\u00adbau\u2060\nCafe\u0301\n")] == [
        "Weinbau",
        "Caf\u00e9",
    ]


def test_letters_between_hidden_uuids_are_no_text() -> None:
    """A word spelled one letter at a time between UUID spans (hidden by the page's CSS) gives no
    block; a sentence that quotes a UUID is kept."""
    ids = [
        "f2f260c3-bf1f-466a-b856-6f031758a086",
        "16207f0d-5442-4472-ad51-162a45a841c3",
        "58304ab9-e401-4091-b773-e7e337a260ad",
        "9b6f0970-183c-42bd-adfd-fa9ba7274fa7",
    ]
    spelled = "".join(
        f'<span class="k">{c}</span><span class="z">{u}</span>' for c, u in zip("Spon", ids)
    )
    quoted = f"Take note of the UUID, for example {ids[0]}, before you restart the service."
    html = f"<div><h2>Similar items</h2><div>{spelled}</div><p>{quoted}</p></div>"
    assert blocks_of(html) == [("heading", "Similar items"), ("paragraph", quoted)]


def test_text_line_of_hidden_uuids_is_no_text() -> None:
    """A scraper that renders such markup to text prints the letters and the UUIDs as one run-on
    line, which counted as a long line of prose; the text path drops it as the HTML path drops
    the block. A line that quotes a UUID stays."""
    ids = [
        "f2f260c3-bf1f-466a-b856-6f031758a086",
        "16207f0d-5442-4472-ad51-162a45a841c3",
        "58304ab9-e401-4091-b773-e7e337a260ad",
        "9b6f0970-183c-42bd-adfd-fa9ba7274fa7",
    ]
    spelled = "".join(f"{c}{u}" for c, u in zip("Spon", ids))
    quoted = f"Take note of the UUID, for example {ids[0]}, before you restart the service."
    page = f"Similar items\n{spelled}\n{quoted}\n"
    assert [b.text for b in segment_text(page)] == ["Similar items", quoted]


def test_cloaked_elements_and_closed_dialogs_are_hidden() -> None:
    """v-cloak and x-cloak hide an element until Vue or Alpine runs: a small one gives nothing,
    a whole app so wrapped is walked (a render trick, as with an inline display:none). A modal
    dialog hidden by any means (a style, the hidden attribute) is closed, however long its text
    (a refund policy), and so is a <dialog> element without its open attribute."""
    policy = "<p>" + "Returns are accepted within thirty days of delivery. " * 60 + "</p>"
    article = "<p>" + "The ferry kept running through the storm on Tuesday. " * 60 + "</p>"
    html = (
        "<body><div v-cloak class='dropdown'><p>Menu item</p></div>"
        "<div x-cloak><p>Alpine panel</p></div>"
        f"<div v-cloak id='app'><h1>Ferry</h1>{article}</div>"
        f"<div role='dialog' aria-modal='true' v-cloak v-show='open'>{policy}</div>"
        f"<div aria-modal='true' style='display: none'>{policy}</div>"
        f"<div role='dialog' hidden><p>Why am I seeing this ad?</p>{policy}</div>"
        f"<dialog id='newsletter'><p>Subscribe to our weekly letter</p>{policy}</dialog>"
        "<dialog open><p>Opened on purpose</p></dialog></body>"
    )
    assert [text[:24] for _, text in blocks_of(html)] == [
        "Ferry",
        "The ferry kept running t",
        "Opened on purpose",
    ]


def test_popovers_are_hidden_until_shown() -> None:
    """An element with the popover attribute is not rendered until a button or a script shows
    it (an "install this app" card, a dropdown menu), whatever its value; the button that
    opens it stays."""
    html = (
        "<body><h1>Ferry timetable</h1><p>Boats leave the harbour every hour from six.</p>"
        "<button popovertarget='install'>Install the app</button>"
        "<div popover id='install'><p>Tap the Share icon, then Add to Home Screen.</p></div>"
        "<ul popover='manual' id='more'><li>Timetables</li><li>Fares</li></ul></body>"
    )
    assert [text for _, text in blocks_of(html)] == [
        "Ferry timetable",
        "Boats leave the harbour every hour from six.",
        "Install the app",
    ]


def test_an_icon_buttons_spoken_name_is_skipped() -> None:
    """Text that a prefixed screen-reader class hides ("eds-is-hidden-accessible",
    "u-sr-only") inside a <button> is an icon button's spoken name, repeating the card's title,
    and gives no text; the same class outside a button (a price's spoken label) is read, as is a
    button's visible text."""
    html = (
        "<body><ul><li><h3>Harbour lights night walk</h3><p>Fri, May 9, 8:00 PM</p>"
        "<button><svg></svg><span class='eds-is-hidden-accessible'>Save this event: Harbour"
        " lights night walk</span></button>"
        "<button><i class='icon'></i><span class='u-sr-only'>Share this event: Harbour lights"
        " night walk</span></button>"
        "<p><span class='u-sr-only'>Ticket price</span> $12</p>"
        "<button class='cta'>Get tickets</button></li></ul></body>"
    )
    assert [text for _, text in blocks_of(html)] == [
        "Harbour lights night walk",
        "Fri, May 9, 8:00 PM",
        "Ticket price $12",
        "Get tickets",
    ]


def test_hidden_text_elements_are_skipped_however_long() -> None:
    """The render-trick rule walks hidden containers; a hidden paragraph or heading is hidden
    text however long. An accordion panel (<dd hidden>) and hidden="until-found" text are read."""
    long = "The bridge stays closed to cars until the inspection ends next spring. " * 40
    html = (
        "<body><h1>Bridge</h1>"
        f"<p style='display: none'>{long}</p>"
        f"<p hidden>{long}</p>"
        "<h2 hidden>Old heading</h2>"
        "<dl><dt>When does it open?</dt><dd hidden><p>In April, after the repairs.</p></dd></dl>"
        "<p hidden='until-found'>Found by the browser's search.</p>"
        f"<div hidden><p>Parked page text.</p><p>{long}</p></div></body>"
    )
    texts = [text[:30] for _, text in blocks_of(html)]
    assert texts == [
        "Bridge",
        "When does it open?",
        "In April, after the repairs.",
        "Found by the browser's search.",
        "Parked page text.",
        long[:30],
    ]


DOC_SECTIONS = """<html><head><title>Models - Harbour documentation</title></head><body>
<nav class="sidebar"><a href="/docs/">Contents</a> <a href="/docs/install/">Install</a> <a href="/docs/models/">Models</a></nav>
<main><article>
<h1>Models</h1>
<section id="s-defining-models"><h2>Defining models</h2>
<p>A model describes one kind of record the harbour keeps, such as a ferry, a crossing or a ticket,
and each of its fields becomes a column of the table that stores those records.</p>
<p>Fields are declared as class attributes, and the order in which they are written is the order of
the columns, so put the fields you look up most often first.</p>
</section>
<section id="s-related-objects"><h2>Related objects</h2>
<p>When a model points to another one, for example a ticket to the crossing it was sold for, the
crossing gains a set of its tickets that you can filter, count and order like any other query.</p>
<p>The name of that set comes from the model that points to it, followed by an underscore and the
word set, unless the field that links the two models gives it a name of its own.</p>
</section>
</article></main>
<footer><p>Copyright 2025 Harbour Project. All rights reserved.</p></footer>
</body></html>"""


def test_section_id_that_slugs_its_heading_is_no_class_word() -> None:
    """A documentation section's id named after its own heading ("s-related-objects" over
    "Related objects") is an anchor, not a role: "related" does not weigh against its text.
    Without the rule the section's paragraphs were dropped as related links."""
    text = extract(DOC_SECTIONS)
    assert "Related objects" in text
    assert "the crossing gains a set of its tickets" in text
    assert "Copyright" not in text


def test_one_word_section_id_echoing_its_heading_still_counts() -> None:
    """A one-word id over a heading of the same word names the section's role ("comments" over
    "Comments"): it stays among the class/id words; a slug of two words or more does not."""
    tree = lxml.html.fromstring(
        '<div><section id="comments"><h2>Comments</h2><p>Nice.</p></section>'
        '<section id="s-related-objects"><h2>Related objects</h2><p>Text.</p></section>'
        '<section id="related-posts"><h2>More from the harbour</h2><p>Text.</p></section></div>'
    )
    comments, slug, other = tree.findall("section")
    assert "comments" in tokens_of(comments)
    assert "related" not in tokens_of(slug)
    assert "related" in tokens_of(other)


def test_block_elements_in_a_row_cell_are_separated() -> None:
    """Two floated divs in one cell of a data row (a forum's subject and date) read as two
    words apart, not glued: "wall Posted", not "wallPosted"."""
    html = (
        "<html><body><table>"
        "<tr><td>Author</td><td><div style='float:left'><b>Subject:</b> Damp cellar wall</div>"
        "<div style='float:right'><b>Posted:</b> Mon 11 Mar 2024</div></td></tr>"
        "<tr><td>Editor</td><td>Plain reply</td></tr>"
        "</table></body></html>"
    )
    assert blocks_of(html)[0] == (
        "row",
        "Author | Subject: Damp cellar wall Posted: Mon 11 Mar 2024",
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_fast_paths_agree_with_the_unicode_patterns(text: str) -> None:
    """The walk's ASCII shortcuts (a byte translation for the split of class words and id slugs,
    the standard library's engine for the hiding style) find what the regex module finds."""
    assert segment_module._ascii_pieces(text) == [w for w in segment_module._SPLIT.split(text) if w]
    for style in (text, f"color:red;{text}display :\tNone", f"visibility\x0b:hidden{text}"):
        found = segment_module._HIDDEN_STYLE.search(style)
        fast = segment_module._ASCII_HIDDEN_STYLE.search(style)
        assert (found and found.span()) == (fast and fast.span())


def test_ascii_split_of_class_words_and_hiding_styles() -> None:
    """Class words split at anything but letters and digits; only the regex module's white
    space may stand around the colon of a hiding style."""
    assert segment_module._ascii_pieces("nav--main_menu x1:y") == ["nav", "main", "menu", "x1", "y"]
    assert segment_module._ascii_pieces(" -_- ") == []
    # \x1c is white space to re's \s but not to the regex module's: no hiding style here.
    assert segment_module._ASCII_HIDDEN_STYLE.search("display\x1c:none") is None
    assert segment_module._ASCII_HIDDEN_STYLE.search("DISPLAY :\n none") is not None


def test_plain_member_names_are_the_enum_members() -> None:
    """The plain names that blocks exports (CONTENT, HEADING...) are the enum members."""
    assert [getattr(blocks_module, kind.name) for kind in Kind] == list(Kind)
    assert [getattr(blocks_module, label.name) for label in Label] == list(Label)


def test_a_hidden_answer_the_json_ld_declares_is_read() -> None:
    """A collapsed FAQ answer (class "hidden", shown by a click on its question) is read when
    it opens with the words of an answer that the page's JSON-LD declares, and its element
    carries the "answer" word; an answer the data does not declare stays skipped."""
    html = (
        "<body><div class='faq'><button><h3>How long does shipping take?</h3></button>"
        "<div class='text-sm hidden'><p>Most orders leave our workshop within two working"
        " days of payment.</p></div>"
        "<button><h3>Can I pay later?</h3></button>"
        "<div class='text-sm hidden'><p>Pay in three instalments with no fees at all.</p></div>"
        "</div></body>"
    )
    doc = load(html, None, Options(input_format="html"))
    key = "most orders leave our workshop within two working"
    blocks = segment(doc, Deadline(None), frozenset({key}))
    assert [b.text for b in blocks] == [
        "How long does shipping take?",
        "Most orders leave our workshop within two working days of payment.",
        "Can I pay later?",
    ]
    assert segment_module.DECLARED_ANSWER in blocks[1].path[-2].tokens
    assert [b.text for b in segment(doc, Deadline(None))] == [
        "How long does shipping take?",
        "Can I pay later?",
    ]


def test_text_lines_are_cleaned_the_same_in_either_engine() -> None:
    """A plain-text page's ASCII lines are cleaned in C and matched by the standard library's
    engine, others by the regex module: the same blocks either way (white space folded, a
    bullet or a number in front makes a list item, \\x1f kept inside a line)."""
    from declutter.blocks import LIST_ITEM, PARAGRAPH
    from declutter.segment import segment_text

    page = "  Ferry\tkeeps   running \n- one stop\n3)  two stops\n2.5 hours\nétape\u00a01\na\x1fb \n *\n"
    blocks = segment_text(page)
    assert [(b.text, b.kind) for b in blocks] == [
        ("Ferry keeps running", PARAGRAPH),
        ("- one stop", LIST_ITEM),
        ("3) two stops", LIST_ITEM),
        ("2.5 hours", PARAGRAPH),
        ("étape 1", PARAGRAPH),
        ("a\x1fb", PARAGRAPH),
    ]


def test_a_class_seen_visible_still_hides_by_style_and_keeps_its_words() -> None:
    """The walk settles an element whose class was already judged visible without asking
    :func:`_hidden` again, only when no other attribute can hide it: the same class with an
    inline ``display:none`` still hides its element, and an id beside a class seen alone still
    adds its words. White space before a block gives nothing; a tail after inline text joins
    the block, its line break a space; inside <pre> white space stays."""
    html = (
        "<body><div class='note-box'><p class='lead'>Ferries leave at nine.</p></div>\n"
        "<p class='lead' style='display: none'>Hidden timetable draft.</p>\n  "
        "<div class='note-box' id='harbour-info'><p>Tickets <b>at</b>\nthe pier.</p></div>"
        "<pre>  a\n\n  b</pre></body>"
    )
    doc = load(html, None, Options(input_format="html"))
    found = segment(doc, Deadline(None))
    assert [b.text for b in found] == [
        "Ferries leave at nine.",
        "Tickets at the pier.",
        "  a\n\n  b",
    ]
    assert found[0].path[-2].tokens == frozenset({"note-box", "note", "box"})
    assert found[1].path[-2].tokens == frozenset(
        {"note-box", "note", "box", "harbour-info", "harbour", "info"}
    )
