"""The public API end to end."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

import declutter
from declutter import InputTooLargeError, Label, Options, SiteMemory, extract, extract_result

PAGES = Path(__file__).parent / "pages"


def test_typical_news_page() -> None:
    """The typical news page comes out as headline once and its paragraphs, nothing else."""
    html = (PAGES / "news_typical.html").read_bytes()
    expected = (PAGES / "news_typical.expected.txt").read_text(encoding="utf-8").strip()
    assert extract(html) == expected


def test_result_explains_every_block() -> None:
    """Every block of the result has a label, a score and a non-empty reason."""
    result = extract_result((PAGES / "news_typical.html").read_bytes())
    assert result.title == "Harbour town votes to keep its ferry running through winter"
    assert result.metadata.author == "Mara Quint"
    assert result.metadata.site_name == "The Coastal Courier"
    assert result.metadata.url == "https://courier.example/local/ferry-winter-vote"
    assert all(b.reason for b in result.blocks)
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Most read"] == "class/id 'sidebar' (-4.0); outside the main region"
    assert (
        reasons["Read also: Harbour wall repairs to start in April"]
        == "boilerplate label 'read also'"
    )
    assert [b.label for b in result.blocks].count(Label.HEADLINE) == 1


def test_reviews_on_a_product_page_are_not_its_content() -> None:
    """A page that declares one Product keeps its description and specifications and drops the
    customer reviews; the same page without the declaration keeps the reviews (a review on an
    ordinary page is often the article itself)."""
    page = (PAGES / "product_reviews.html").read_text(encoding="utf-8")
    review = "I carried this pack on a three-day hut trip in the Alps"
    result = extract_result(page)
    assert result.metadata.product
    assert "Back length: adjustable, 42 to 52 cm" in result.text
    assert "The side pockets take a one-litre bottle each." in result.text
    assert review not in result.text
    assert result.as_dict()["metadata"]["product"] is True
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Customer reviews"].startswith("class/id 'reviews' (-4.0)")
    undeclared = extract_result(page.replace('"@type":"Product"', '"@type":"Thing"'))
    assert not undeclared.metadata.product
    assert review in undeclared.text
    assert "Back length: adjustable, 42 to 52 cm" in undeclared.text


def test_a_product_page_does_not_switch_to_its_shelf_of_other_products() -> None:
    """On a page that declares one Product, the cards profile does not replace prose when it
    keeps many times more words: it took the "Customers also bought" shelf of linked product
    cards. The same page without the declaration is read as a list of cards, as before."""
    page = (PAGES / "product_shelf.html").read_text(encoding="utf-8")
    description = (
        "A 28-litre pack for long day hikes, with a ventilated back panel that keeps air "
        "moving between you and the load."
    )
    shelf = "Cushioned heel and toe, a seamless toe box and a snug arch band"
    result = extract_result(page)
    assert result.metadata.product
    assert result.method == "prose"
    assert result.text == f"Ridge 28 Daypack\n\n{description}"
    undeclared = extract_result(page.replace('"@type":"Product"', '"@type":"Thing"'))
    assert undeclared.method == "cards"
    assert description in undeclared.text
    assert shelf in undeclared.text


def test_product_growth_rule() -> None:
    """A later profile grows past a product page's prose when it keeps more than six times its
    words (at least 20 counted), unless prose kept mostly links."""
    from declutter.api import grows_past_product

    assert grows_past_product(25, 0.0, 248)
    assert not grows_past_product(100, 0.1, 450)  # a variant picker or a specs grid
    assert not grows_past_product(0, 0.0, 110)  # prose kept nothing: 20 words counted
    assert grows_past_product(0, 0.0, 130)
    assert not grows_past_product(30, 0.9, 500)  # prose kept a list of links


def test_a_category_page_declaring_a_product_keeps_its_grid() -> None:
    """A shop's category page that declares a product: prose keeps the intro lines of its
    sections and the cards profile fills in the product tiles between them. That growth lies
    inside prose's span, so it is the page's own grid, not a carousel of other products, and
    cards wins however far it grows."""
    page = (PAGES / "product_category_grid.html").read_text(encoding="utf-8")
    result = extract_result(page)
    assert result.metadata.product
    assert result.method == "cards"
    text = result.text
    assert text.startswith("Buy a computer\n\nEvery computer we sell is built to order")
    assert "Forge 16\n\n2.1 kg, 16-inch screen, 32 GB memory, 2 TB storage" in text
    assert "Mini\n\nA small desktop, 16 GB memory, 512 GB storage" in text
    assert text.endswith("Our specialists answer by phone or chat every day.")
    assert "Privacy" not in text and "Cart" not in text


_BUYING_GUIDE = (
    "  <h2>Choosing a computer</h2>\n"
    "  <p>A laptop suits anyone who works in more than one place. Look at the weight first, then"
    " the battery: a machine you leave at home because it is heavy is no laptop at all.</p>\n"
    "  <p>A desktop gives more for the money. It stays cool under long loads, takes a larger"
    " screen and can be opened up later to add memory or storage when your work grows.</p>\n"
    "  <p>Memory matters more than most people think. Sixteen gigabytes is enough for office"
    " work, photos and a few programs open at once; video editing and large spreadsheets want"
    " thirty-two.</p>\n"
    "  <p>Storage is cheap to add at the time of the order and dear to add later. Take at least"
    " twice what you use today, since photos and updates fill a disk faster than expected.</p>\n"
    "  <p>Screens differ in more than size. A matte screen is easier to read near a window, while"
    " a glossy one shows deeper colours in a dim room; both are available on every model.</p>\n"
    "  <p>Every machine ships with the operating system installed and updated, your files moved"
    " over from the old computer if you ask, and a printed guide to the first day, with the"
    " phone number of the workshop that built it.</p>\n"
    "  <p>Not sure which one suits you? Our specialists answer by phone or chat every day, and"
    " every order can be returned within thirty days.</p>\n"
)
"""The buying guide below the grid of product_category_grid.html, in place of its last line."""


def test_cards_filling_a_grid_between_prose_lines_win_sooner() -> None:
    """A category page whose intro sits above its tiles and a buying guide below them: prose
    keeps the intro and the guide, cards keeps them too and fills in the card links between
    them, with under twice prose's words. That is the page's own grid, so cards wins."""
    grid = (PAGES / "product_category_grid.html").read_text(encoding="utf-8")
    page = grid.replace('<meta property="og:type" content="product">\n', "").replace(
        "  <p>Not sure which one suits you? Our specialists answer by phone or chat every day."
        "</p>\n",
        _BUYING_GUIDE,
    )
    assert page != grid
    result = extract_result(page)
    assert not result.metadata.product
    assert result.method == "cards"
    text = result.text
    assert text.startswith("Buy a computer\n\nEvery computer we sell is built to order")
    assert "Forge 16\n\n2.1 kg, 16-inch screen, 32 GB memory, 2 TB storage" in text
    assert "Memory matters more than most people think." in text
    assert text.endswith("every order can be returned within thirty days.")
    assert "Privacy" not in text and "Cart" not in text


def test_product_growth_inside_prose() -> None:
    """What a later profile adds between prose's first and last kept block is the page's own
    grid: over half of it so, the growth limit does not apply."""
    from declutter.api import grows_past_product

    assert grows_past_product(25, 0.0, 248, 0.3)  # a carousel below the product
    assert not grows_past_product(25, 0.0, 248, 0.7)


def test_disclaimers_on_a_product_page_are_not_its_content() -> None:
    """On a page that declares one Product, the fine print in an element named for a disclaimer
    is dropped; the same page declaring nothing keeps it (a disclaimer on an ordinary page is
    often part of the text, at its usual weight)."""
    page = (
        "<html><head><title>Aero 2 Earbuds</title>"
        '<script type="application/ld+json">{"@type":"Product","name":"Aero 2 Earbuds"}</script>'
        '</head><body><main><div class="product-detail"><h1>Aero 2 Earbuds</h1>'
        '<div class="product-description">'
        "<p>Aero 2 earbuds cancel the rumble of trains and planes, and switch to transparency "
        "mode with a tap on either bud.</p>"
        "<p>Each bud weighs under five grams and sits flush in the ear, so they stay put on a "
        "run.</p></div>"
        '<div class="feature-disclaimer"><p>*Battery life tested with noise cancelling off at '
        "half volume; actual results vary with settings, use and environmental conditions.</p>"
        "</div></div></main></body></html>"
    )
    fine_print = "*Battery life tested with noise cancelling off at half volume"
    result = extract_result(page)
    assert result.metadata.product
    assert result.text.split("\n\n") == [
        "Aero 2 Earbuds",
        "Aero 2 earbuds cancel the rumble of trains and planes, and switch to transparency mode "
        "with a tap on either bud.",
        "Each bud weighs under five grams and sits flush in the ear, so they stay put on a run.",
    ]
    reasons = {b.text[:20]: b.reason for b in result.blocks}
    assert reasons[fine_print[:20]] == "class/id 'disclaimer' (-4.0); outside the main region"
    undeclared = extract_result(page.replace('"@type":"Product"', '"@type":"Thing"'))
    assert fine_print in undeclared.text


def test_replies_marked_as_comments_are_a_declared_threads_content() -> None:
    """On a page whose JSON-LD declares a forum post, replies in boxes named "comment" are the
    thread: they are kept with the first post, and the signatures under posts are dropped. The
    same page declaring nothing reads the replies as reader comments: their class words weigh
    against them, and their list after the first post is a comments box."""
    page = (PAGES / "forum_comments_markup.html").read_text(encoding="utf-8")
    replies = [
        "It is only hungry. That smell is acetone-like compounds the yeast makes when it runs out "
        "of food, and the grey liquid is alcohol. Pour it off, discard most of the starter and "
        "feed it twice at room temperature.",
        "Same thing happens to mine after six days. I give it a stiffer feed before it goes into "
        "the fridge, one part starter to five parts flour, and the smell never comes back.",
        "Two feeds later it doubled in four hours and smells of yoghurt again. Thank you both, "
        "the loaf is proving now.",
    ]
    result = extract_result(page)
    assert result.metadata.discussion
    assert result.text.split("\n\n") == [
        "Sourdough starter smells of nail polish after a week in the fridge",
        "I keep my rye starter in the fridge during the week and feed it on Friday evenings. This "
        "time it had a grey layer of liquid on top and a sharp smell like nail polish remover.",
        "Is it dead, or can I still rescue it before Sunday's bake? I would rather not start from "
        "scratch after two years.",
        *replies,
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[replies[0]] == "sentence end"
    signature = "Baking in a tiny oven in Leeds since 2019. Ask me about rye."
    assert reasons[signature] == "class/id 'post-signature' (-2.5)"
    assert reasons["olek_k"] == "a short link (2 words, link density 1.00)"  # no class word
    undeclared = extract_result(page.replace("DiscussionForumPosting", "WebPage"))
    assert not undeclared.metadata.discussion
    undeclared_reasons = {b.text: b.reason for b in undeclared.blocks}
    assert undeclared_reasons[replies[0]] == "sentence end; in a comments box below the content"
    assert not any(reply in undeclared.text for reply in replies)
    declared = {b.text: b.score for b in result.blocks}
    undeclared_scores = {b.text: b.score for b in undeclared.blocks}
    assert all(undeclared_scores[reply] < declared[reply] - 1.0 for reply in replies)


def test_wrong_type_raises_type_error() -> None:
    """extract(123) raises TypeError saying what it accepts."""
    with pytest.raises(TypeError, match="str or bytes"):
        extract(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Options"):
        extract("<p>x</p>", options={"favor": "recall"})  # type: ignore[arg-type]


def test_unknown_and_bad_options() -> None:
    """Unknown option names raise TypeError; bad values raise ValueError naming the choices."""
    with pytest.raises(TypeError, match="unknown option"):
        extract("<p>x</p>", colour="red")
    with pytest.raises(ValueError, match="'precision', 'balanced', 'recall'"):
        extract("<p>x</p>", favor="max")


def test_empty_and_no_content_pages() -> None:
    """Empty input gives an empty string; the full result says why."""
    assert extract("") == ""
    assert extract(b"   \n ") == ""
    result = extract_result(
        "<html><body><nav><a href='/'>Home</a><a href='/b'>B</a></nav></body></html>"
    )
    assert result.text == ""
    assert result.reason == "no block scored as main content"


SHOP_SHELL = """<html><head><title>Winter sale | Northwind Outfitters</title></head><body>
<header><nav><a href='/'>Home</a> <a href='/men'>Men</a> <a href='/women'>Women</a>
<a href='/kids'>Kids</a> <a href='/sale'>Sale</a> <a href='/stores'>Stores</a> <a href='/help'>Help</a>
</nav></header>
<main><h1>Winter sale</h1><div class='grid'><p>Coming soon</p><p>Notify me</p></div></main>
<footer><ul><li><a href='/about'>About us</a></li><li><a href='/careers'>Careers</a></li>
<li><a href='/press'>Press</a></li><li><a href='/returns'>Returns and exchanges</a></li>
<li><a href='/privacy'>Privacy policy</a></li><li><a href='/terms'>Terms of sale</a></li></ul>
<p>Copyright 2026 Northwind Outfitters AS. All rights reserved.</p></footer></body></html>"""


def test_a_shell_with_a_few_fragments_has_no_main_content() -> None:
    """A page whose best content is a few short fragments (a sale page before its products load)
    among more text says so, and its headline goes too; a page that is nothing but a short list
    is that list."""
    result = extract_result(SHOP_SHELL)
    assert result.text == ""
    assert result.reason == "no main content: a few short fragments on a page of other text"
    assert "Winter sale" in [b.text for b in result.blocks]
    only_a_list = "<html><body><ol><li>Check the tide tables.</li><li>Pack a spare rope.</li></ol></body></html>"
    assert extract(only_a_list) == "Check the tide tables.\nPack a spare rope."


def test_output_formats() -> None:
    """markdown marks the headline; json carries title, text and blocks."""
    html = (PAGES / "news_typical.html").read_bytes()
    assert extract(html, output_format="markdown").startswith(
        "# Harbour town votes to keep its ferry running through winter\n\nThe council"
    )
    data = json.loads(extract(html, output_format="json"))
    assert data["title"] == "Harbour town votes to keep its ferry running through winter"
    assert data["text"] == extract(html)
    assert {"index", "text", "kind", "label", "score", "reason", "features"} <= set(
        data["blocks"][0]
    )


def test_include_title_false() -> None:
    """include_title=False leaves the headline out."""
    html = (PAGES / "news_typical.html").read_bytes()
    assert extract(html, include_title=False).startswith("The council of Porthallow")


def test_size_limit() -> None:
    """A page over max_input_bytes raises the exported error, which is a ValueError too."""
    with pytest.raises(InputTooLargeError):
        extract("<p>" + "word " * 1000 + "</p>", max_input_bytes=100)
    assert issubclass(InputTooLargeError, ValueError)
    assert issubclass(InputTooLargeError, declutter.DeclutterError)


def test_json_ld_fallback_for_app_shells() -> None:
    """A page whose visible body is empty but whose JSON-LD holds the article returns that text."""
    body = (
        "First paragraph of the story, told at length. " * 6
        + "\n\nSecond paragraph, also long enough. " * 4
    )
    page = (
        '<html><head><title>Story</title><script type="application/ld+json">'
        + json.dumps({"@type": "NewsArticle", "headline": "Story", "articleBody": body})
        + '</script></head><body><div id="root"></div><noscript>Enable JavaScript.</noscript></body></html>'
    )
    result = extract_result(page)
    assert result.method == "json-ld"
    assert result.text.startswith("First paragraph of the story")
    assert "Enable JavaScript" not in result.text


def test_site_memory_marks_repeated_template() -> None:
    """Text seen on other pages of the same site is recognised as template."""
    memory = SiteMemory()
    template = "<div class='x'><p>Our team writes about gardens, recipes and the seasons every week of the year.</p></div>"
    for i in range(3):
        body = f"<article><h1>Post {i}</h1><p>{'Unique sentence number %d for this post. ' % i * 6}</p></article>"
        extract_result(
            f"<html><body>{body}{template}</body></html>",
            url=f"https://blog.example/p{i}",
            site=memory,
        )
    result = extract_result(
        f"<html><body><article><p>{'A fresh body of text today. ' * 8}</p></article>{template}</body></html>",
        url="https://www.blog.example/new",
        site=memory,
    )
    repeated = next(b for b in result.blocks if b.text.startswith("Our team"))
    assert repeated.features.site_repeats == 3
    assert repeated.label is Label.BOILERPLATE
    assert memory.pages("https://blog.example/") == 4


def test_thread_safety_same_results() -> None:
    """Threads extracting at once give the same results as one thread."""
    html = (PAGES / "news_typical.html").read_bytes()
    pages = [html, html.replace(b"ferry", b"boat"), b"<p>short page</p>"] * 4
    expected = [extract(p) for p in pages]
    results: list[str] = [""] * len(pages)

    def work(i: int) -> None:
        results[i] = extract(pages[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(pages))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_options_object_and_keywords() -> None:
    """An Options object and keyword changes combine, the keywords winning."""
    html = (PAGES / "news_typical.html").read_bytes()
    opts = Options(include_title=False)
    assert extract(html, options=opts) == extract(html, include_title=False)
    assert extract(html, options=opts, include_title=True) == extract(html)


_ARTICLE_WITH_TABLE_AND_COMMENTS = """<html><head><title>Tide tables for the estuary</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather</a></nav>
<article class="post">
<h1>Tide tables for the estuary</h1>
<p>The harbour office has published the spring tide tables, and the two highest tides of the season fall on a weekend.</p>
<table><tr><th>Date</th><th>High water</th></tr><tr><td>12 April</td><td>6.1 m</td></tr></table>
<p>Boat owners on the lower moorings are asked to check their lines before the Saturday evening tide.</p>
<p>The office expects the water to reach the top step of the old quay on both days. Cars parked on the quay road should be moved by the afternoon, as in previous years, and the footpath below the sea wall will be closed for two hours either side of high water.</p>
<p>Volunteers from the rowing club will again walk the moorings on Friday evening to check that every dinghy is tied above the strand line. Owners who cannot come down themselves can leave a key and a phone number at the club house.</p>
<p>The full tables for the year, with the neap tides and the times at the river mouth, are on the noticeboard outside the harbour office and can be collected on paper from the library.</p>
</article>
<section id="comments" class="comments-area">
<h3>2 comments</h3>
<ol class="comment-list">
<li class="comment"><div class="comment-author">Ines R.</div><div class="comment-date">12 April, 08:10</div>
<p>Thanks for posting these early, it makes planning the slipway work much easier.</p>
<a class="comment-reply-link" href="#reply">Reply</a></li>
<li class="comment"><div class="comment-author">Bob</div>
<p>Does anyone know whether the lock gates will stay open during the high tide on Sunday?</p></li>
</ol>
<div id="respond" class="comment-respond"><form action="/post-comment" method="post">
<p class="comment-notes">Your email address will not be published. Required fields are marked.</p>
<textarea name="comment"></textarea></form></div>
</section>
</body></html>"""


def test_include_comments_and_tables() -> None:
    """include_comments adds the comments' prose (not author, date, reply link or form notes);
    include_tables=False drops the rows of a data table; the rest stays as it was."""
    main = [
        "Tide tables for the estuary",
        "The harbour office has published the spring tide tables, and the two highest tides of"
        " the season fall on a weekend.",
        "Date | High water\n12 April | 6.1 m",
        "Boat owners on the lower moorings are asked to check their lines before the Saturday"
        " evening tide.",
        "The office expects the water to reach the top step of the old quay on both days. Cars parked"
        " on the quay road should be moved by the afternoon, as in previous years, and the footpath"
        " below the sea wall will be closed for two hours either side of high water.",
        "Volunteers from the rowing club will again walk the moorings on Friday evening to check that"
        " every dinghy is tied above the strand line. Owners who cannot come down themselves can leave"
        " a key and a phone number at the club house.",
        "The full tables for the year, with the neap tides and the times at the river mouth, are on"
        " the noticeboard outside the harbour office and can be collected on paper from the library.",
    ]
    comments = [
        "Thanks for posting these early, it makes planning the slipway work much easier.",
        "Does anyone know whether the lock gates will stay open during the high tide on Sunday?",
    ]
    page = _ARTICLE_WITH_TABLE_AND_COMMENTS
    assert extract(page) == "\n\n".join(main)
    assert extract(page, include_comments=True) == "\n\n".join(main + comments)
    assert extract(page, include_tables=False) == "\n\n".join(main[:2] + main[3:])
    reasons = {b.text: b.reason for b in extract_result(page, include_comments=True).blocks}
    assert reasons[comments[1]].endswith("; a reader comment (include_comments is on)")
    assert "include_comments" not in reasons["Ines R."]
    assert (
        "include_comments"
        not in reasons["Your email address will not be published. Required fields are marked."]
    )


def test_include_comments_needs_main_content() -> None:
    """A page that is nothing but a comments box stays empty: comments ride on an article."""
    page = (
        "<html><body><div class='comments'><p>I agree with every word of this and will share it"
        " with my neighbours.</p></div></body></html>"
    )
    assert extract(page) == ""
    assert extract(page, include_comments=True) == ""


def test_linked_titles_of_kept_cards_are_kept() -> None:
    """A card's linked title is a short link and scores as boilerplate, but when the card's
    description below it is kept, the title is kept too; a linked heading over a list of links
    is not, and neither are the cards' "Apply" links."""
    cards = "".join(
        f"<li class='vacancy'><h3><a href='/jobs/{i}'>{title}</a></h3><p>{pay}</p>"
        f"<p>{text}</p><a href='/jobs/{i}#apply'>Apply</a></li>"
        for i, (title, pay, text) in enumerate(
            [
                (
                    "Process engineer, machining",
                    "From 95,000 a month",
                    "You will plan how shaft and cylinder parts are machined on our CNC lathes, choose tools and fixtures, and see new products through their first series.",
                ),
                (
                    "Bakery technologist",
                    "From 70,000 a month",
                    "You will keep recipes and oven settings in order on two bread lines, try out new loaves with the sales team and look after the food safety records.",
                ),
                (
                    "Foundry process engineer",
                    "From 110,000 a month",
                    "You will prepare the casting process for sand moulds, work out gating systems and find out why castings fail, with a flat provided for the first year.",
                ),
                (
                    "Welding engineer",
                    "From 90,000 a month",
                    "You will write welding procedures for steel frames, qualify welders with the inspection team and tune the settings of our two welding robots.",
                ),
            ]
        )
    )
    html = (
        "<html><head><title>Process engineer jobs in the Urals</title></head><body>"
        "<nav><a href='/'>Jobs</a> <a href='/cv'>CVs</a> <a href='/firms'>Companies</a> <a href='/pay'>Salaries</a></nav>"
        "<main><h1>Process engineer jobs in the Urals</h1>"
        f"<ul class='results'>{cards}</ul></main>"
        "<section><h2><a href='/similar'>Similar searches</a></h2><ul>"
        "<li><a href='/s/1'>Process engineer jobs in Yekaterinburg with a company flat</a></li>"
        "<li><a href='/s/2'>Welding engineer jobs in Nizhny Tagil for graduates</a></li></ul></section>"
        "<footer><a href='/about'>About</a> <a href='/help'>Help</a></footer></body></html>"
    )
    lines = extract(html).split("\n")
    for title in (
        "Process engineer, machining",
        "Bakery technologist",
        "Foundry process engineer",
        "Welding engineer",
    ):
        assert title in lines
    assert "Similar searches" not in lines
    assert "Apply" not in lines


def test_profile_switch_rule() -> None:
    """The cards profile is tried, and wins, when prose kept little and cards keeps twice as
    much, or when prose's kept text is mostly links (over PROFILE_SWITCH_LINK of its characters)
    and cards found content; a long prose selection with few links is final."""
    from declutter.api import needs_next_profile, next_profile_wins
    from declutter.weights import PROFILE_SWITCH_LINK

    linky, plain = PROFILE_SWITCH_LINK + 0.01, PROFILE_SWITCH_LINK - 0.01
    assert not needs_next_profile(900, plain)
    assert needs_next_profile(900, linky)
    assert needs_next_profile(120, plain)
    assert next_profile_wins(900, linky, 300, next_empty=False)
    assert not next_profile_wins(900, linky, 300, next_empty=True)
    assert next_profile_wins(120, plain, 300, next_empty=False)
    assert not next_profile_wins(120, plain, 200, next_empty=False)
    assert not next_profile_wins(900, plain, 5000, next_empty=False)


_BASICS = [
    ("Linen shirt, sand", "$58.00", "Washed linen, relaxed fit"),
    ("Cotton chinos, navy", "$72.00", "Organic twill, tapered leg"),
    ("Merino crew sweater", "$96.00", "Fine knit, machine washable"),
    ("Canvas tote bag", "$34.00", "Heavy canvas, inner pocket"),
    ("Leather belt, brown", "$45.00", "Vegetable-tanned, brass buckle"),
    ("Wool beanie, grey", "$28.00", "Ribbed knit, one size"),
]


def _basics_page(menu_extra: str, above_grid: str) -> str:
    """A shop's category page whose grid holds _BASICS, each card one <a> around its picture,
    name, price and note; ``menu_extra`` goes into the header's nav, ``above_grid`` over it."""
    cards = "".join(
        f"<li class='grid-item'><a class='tile' href='/p/{i}'><img src='/i/{i}.jpg' alt=''>"
        f"<div class='tile-name'>{name}</div><div class='tile-price'>{price}</div>"
        f"<div class='tile-note'>{note}</div></a></li>"
        for i, (name, price, note) in enumerate(_BASICS)
    )
    return (
        "<html><head><title>Men's basics | Northfield Outfitters</title></head><body>"
        "<header><nav><ul><li><a href='/men'>Men</a></li><li><a href='/women'>Women</a></li>"
        "<li><a href='/home'>Home</a></li><li><a href='/sale'>Sale</a></li></ul>"
        f"{menu_extra}</nav></header><main><h1>Men's basics</h1>{above_grid}"
        f"<ul class='grid'>{cards}</ul></main>"
        "<footer><ul><li><a href='/help'>Help</a></li><li><a href='/returns'>Returns</a></li>"
        "<li><a href='/stores'>Stores</a></li></ul></footer></body></html>"
    )


def test_a_grid_of_cards_that_are_each_one_link_is_kept() -> None:
    """A shop's grid where each card is one <a> around its picture, name, price and note: every
    block reads as a short link in a region of links and the page came out empty. The cards
    profile no longer charges the blocks of such card links as links, so the grid is kept; the
    promos of the menu, card links too, stay out (class/id and the nav), as do the menus."""
    promos = (
        "<ul class='menu-promos'><li><a href='/new'><div>New in</div><div>Spring shirts and knits</div></a></li>"
        "<li><a href='/gifts'><div>Gift guide</div><div>Ideas under fifty dollars</div></a></li>"
        "<li><a href='/care'><div>Care guide</div><div>Keep wool and linen longer</div></a></li></ul>"
    )
    result = extract_result(_basics_page(promos, ""))
    assert result.method == "cards"
    assert result.text.split("\n") == ["Men's basics", ""] + [
        line for card in _BASICS for line in card
    ]


def test_a_grids_sort_and_page_size_controls_stay_out() -> None:
    """The controls above a shop's grid ("Sort by:" and "Items per page:" beside their selects)
    are labels of boilerplate, not the first lines of the list; the cards stay."""
    controls = (
        "<div class='grid-head'>"
        "<p>Sort by: <select><option>Featured</option><option>Price</option></select></p>"
        "<p>Items per page: <select><option>24</option><option>48</option></select></p></div>"
    )
    result = extract_result(_basics_page("", controls))
    assert result.method == "cards"
    assert result.text.split("\n") == ["Men's basics", ""] + [
        line for card in _BASICS for line in card
    ]


def test_a_grid_of_linked_teasers_stays_out_of_an_article() -> None:
    """Under a short article, a "more news" grid whose teasers are each one <a> around a title
    and a line (card links) is not kept: the prose profile charges card links as links."""
    paragraphs = [
        "The town council voted on Monday to close the old river bridge to cars from the first of June, after engineers found cracks in two of its five stone arches.",
        "Buses will take a detour over the ring road, which adds about ten minutes to the trip between the station and the hospital, the transport office said.",
        "Cyclists and people on foot may still cross while the repairs go on, though one lane of the footway will be fenced off at a time.",
        "The work is expected to cost four million euros and to last until the end of next year, most of it paid for by the regional government.",
    ]
    related = "".join(
        f"<li><a href='/news/{i}'><div class='teaser-title'>{title}</div>"
        f"<div class='teaser-text'>{line}</div></a></li>"
        for i, (title, line) in enumerate(
            [
                ("Ferry service returns for the summer", "Boats run every hour from May"),
                ("New cycle lanes on the market square", "The council approved the plan"),
                ("Station car park to double in size", "Work starts in the autumn"),
            ]
        )
    )
    html = (
        "<html><head><title>River bridge to close to cars in June</title></head><body>"
        "<nav><a href='/'>News</a> <a href='/sport'>Sport</a> <a href='/weather'>Weather</a></nav>"
        "<article><h1>River bridge to close to cars in June</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article><section><h2>More local news</h2><ul>"
        + related
        + "</ul></section>"
        "<footer><a href='/about'>About us</a> <a href='/contact'>Contact</a></footer></body></html>"
    )
    assert extract(html).split("\n\n") == ["River bridge to close to cars in June", *paragraphs]


_LIBRARY_STORY = [
    "The county library will open its new reading room on the second floor next Saturday, after eighteen months of building work that closed the east wing of the old post office.",
    "The room has seats for sixty people, long oak tables with lamps and power sockets, and a quiet corner for children with low shelves and cushions along the windows.",
    "Most of the money came from a bequest left by a retired teacher who spent her evenings in the building for forty years and wanted others to have a warm place to read.",
    "The librarians say the local history collection, which was kept in boxes in the basement, will move upstairs so that visitors can browse the maps and parish records.",
    "Opening hours will be longer as well: from nine in the morning until eight in the evening on weekdays, and until five on Saturdays, with volunteers helping at the desk.",
    "The council hopes the room will also be used for homework clubs, language classes and the reading group that now meets in the back of the cafe on the corner.",
    "A small exhibition of photographs of the town from the nineteen fifties will fill the corridor for the first month, lent by families who answered an appeal last winter.",
]
_TOWN_TEASERS = [
    ("Market square to get new trees", "Twelve lime trees will replace the ones felled after the storm in March, the parks office said on Friday."),
    ("School bus timetable changes", "Two morning routes will leave ten minutes earlier from September because of roadworks on the bypass near the quarry."),
    ("Swimming pool closes for repairs", "The indoor pool shuts for three weeks while the filters and the changing rooms are replaced before the winter season."),
    ("Farmers market moves to Sundays", "Stallholders voted to trade on Sunday mornings from next month so that they can also sell at the city market on Saturdays."),
    ("Night buses return at weekends", "The late service to the villages north of the river runs again on Friday and Saturday nights after a two year break."),
    ("Choir looks for new singers", "The town choir is looking for tenors and basses ahead of its concert season and holds open rehearsals on Tuesday evenings."),
    ("Bridge lights to be replaced", "The old lamps on the river bridge will be swapped for low energy lights that shine down onto the footway, not into the sky."),
    ("Cinema shows old films again", "The small cinema by the canal brings back its Sunday afternoon series of old films, with tea and cake in the interval."),
    ("Footpath to the castle reopens", "The steep path up to the castle ruins is open again after volunteers rebuilt the steps that were washed away in the spring floods."),
    ("New doctor joins the health centre", "A second family doctor starts at the health centre in October, which should cut the wait for an appointment to under a week."),
    ("Road through the forest closed", "The forest road to the lake is closed on weekdays until November while the forestry team fells trees that were damaged by beetles."),
    ("Museum asks for old toys", "The town museum wants to borrow toys from before nineteen seventy for a winter exhibition about childhood in the valley."),
    ("Recycling centre changes its hours", "The recycling centre on the industrial estate will open at eight instead of nine and close an hour later on Thursdays."),
    ("Youth football club wins cup", "The under fourteen team beat their rivals from across the valley three goals to one in the final played on Sunday afternoon."),
    ("Allotments waiting list reopens", "People who want a plot on the allotments behind the station can put their names down again from the first of the month."),
]  # fmt: skip


def _story_with_shelf(title: str, paragraphs: list[str]) -> str:
    shelf = "".join(
        f"<li class='teaser'><a href='/news/{i}'><h3>{head}</h3><p>{line}</p></a></li>"
        for i, (head, line) in enumerate(_TOWN_TEASERS)
    )
    return (
        f"<html><head><title>{title} | Valley Courier</title></head><body>"
        "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li><li><a href='/events'>Events</a></li></ul></nav></header>"
        f"<main><article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) +
        "</article><section class='more-news'><h2>More from the town</h2><ul>" + shelf +
        "</ul></section></main><footer><p><a href='/about'>About us</a> "
        "<a href='/contact'>Contact</a></p></footer></body></html>"
    )  # fmt: skip


def test_a_shelf_of_linked_teasers_below_an_article_does_not_switch_to_cards() -> None:
    """Below an article of 200+ words, a "more from the town" list of linked teasers that holds
    more words than the article: the cards profile keeps the article and the list, but all it
    adds is links outside the article's span, so prose stays. Under a short introduction of
    the same list (a section page), cards still wins and keeps the list."""
    title = "New reading room opens at the library"
    result = extract_result(_story_with_shelf(title, _LIBRARY_STORY))
    assert result.method == "prose"
    assert result.text.split("\n\n") == [title, *_LIBRARY_STORY]
    intro = _LIBRARY_STORY[:1]
    section = extract_result(_story_with_shelf("News from the town", intro))
    assert section.method == "cards"
    assert section.text.split("\n\n") == [
        "News from the town",
        *intro,
        *(part for teaser in _TOWN_TEASERS for part in teaser),
    ]


def test_replies_headed_re_title_make_a_thread() -> None:
    """A page whose replies open on "Re: <the thread's title>" is a discussion without any
    JSON-LD: the replies its software marks up as comments are kept with the first post. The
    same page with other subject lines reads them as a comments box under the first post."""
    page = (PAGES / "forum_reply_subjects.html").read_text(encoding="utf-8")
    replies = [
        "Heat makes a worn master cylinder seal leak past the piston, so the pedal loses pressure "
        "only when everything is hot. Check for fluid on the carpet under the pedal box.",
        "Mine did the same on a long trip and it was the slave cylinder on the gearbox, which "
        "sits right next to the exhaust. Both parts together cost me less than a day of hire car.",
        "There was a damp patch under the pedal box, so the garage replaced the master cylinder "
        "and bled the system. The pedal has been firm for three hundred miles now.",
    ]
    result = extract_result(page)
    assert not result.metadata.discussion  # the JSON-LD declares nothing
    paragraphs = result.text.split("\n\n")
    assert all(reply in paragraphs for reply in replies)
    assert paragraphs[-2:] == [
        "Re: Clutch pedal stays on the floor after a long drive by dave_r: 6:55pm On Mar 03",
        replies[2],
    ]
    other = extract_result(page.replace(">Re: Clutch", ">Reply: Clutch"))
    assert not any(reply in other.text for reply in replies)
    reasons = {b.text: b.reason for b in other.blocks}
    assert reasons[replies[0]] == "sentence end; in a comments box below the content"
    # replies to replies, headed with another subject than the title's, do not count
    off_title = page.replace(">Re: Clutch pedal stays on the floor after a long drive", ">Re: Heat")
    assert not any(reply in extract(off_title) for reply in replies)


def test_collapsed_answers_declared_in_json_ld_are_content() -> None:
    """A service page's FAQ hides its answers until a question is clicked; its JSON-LD
    (FAQPage) declares them. They are kept, and their reason names the JSON-LD. Without the
    declaration they stay hidden."""
    answers = [
        "Most projects take six to ten weeks from the first workshop to launch, depending on"
        " how many integrations the app needs.",
        "Yes. Every app we build works offline and syncs its data once the connection returns.",
    ]
    ld = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": f"Q{i}", "acceptedAnswer": {"@type": "Answer", "text": a}}
            for i, a in enumerate(answers)
        ],
    }
    intro = "We design and build progressive web apps for retailers and public services. " * 3
    page = (
        "<html><head><title>PWA development</title><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script></head><body><main><h1>PWA development</h1>"
        f"<p>{intro}</p><h2>Frequently asked questions</h2>"
        "<button><h3>How long does a project take?</h3></button>"
        f"<div class='text-base hidden'><p>{answers[0]}</p></div>"
        "<button><h3>Do the apps work offline?</h3></button>"
        f"<div class='text-base hidden'><p>{answers[1]}</p></div>"
        "</main></body></html>"
    )
    result = extract_result(page)
    assert answers[0] in result.text and answers[1] in result.text
    kept = [b for b in result.blocks if b.text in answers]
    assert len(kept) == 2
    assert all(b.reason.endswith("; an answer the page's JSON-LD declares") for b in kept)
    without_data = page.replace("FAQPage", "WebPage").replace('"Answer"', '"Thing"')
    assert answers[0] not in extract(without_data)


def test_paragraphs_below_the_declared_article_body_are_not_the_article() -> None:
    """A page whose JSON-LD articleBody holds its whole article: a paragraph kept below the
    article's last paragraph that is not part of articleBody (the writer's bio) is boilerplate,
    with a reason naming the JSON-LD. When articleBody is only a teaser of the visible text, the
    bio stays."""
    paragraphs = [
        "The harbour ferry will run every twenty minutes from May, the port authority said on"
        " Tuesday, after a winter of reduced crossings.",
        "Commuters had complained that the hourly boats left them waiting in the rain at the"
        " north pier, where the shelter was removed last year.",
        "The authority will also reopen the ticket office at the south landing and add two"
        " electric boats to the fleet before the summer season begins.",
        "Fares stay the same until the end of the year, and monthly passes bought before May"
        " remain valid on the new timetable without any change.",
        "Night crossings on Fridays and Saturdays return as well, with the last boat leaving the"
        " north pier at half past midnight.",
    ]
    bio = (
        "Marta Lindqvist is a transport reporter who has covered the city's ports, railways and"
        " bridges for twelve years; she lives on the island and takes the ferry every day."
    )

    def page(article_body: str) -> str:
        ld = {
            "@type": "NewsArticle",
            "headline": "Ferries every twenty minutes",
            "articleBody": article_body,
        }
        return (
            "<html><head><title>Ferries every twenty minutes</title>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script></head><body><article>"
            "<h1>Ferries every twenty minutes</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs)
            + f"<p>{bio}</p></article></body></html>"
        )

    result = extract_result(page("\n\n".join(paragraphs)))
    assert all(p in result.text for p in paragraphs)
    assert bio not in result.text
    dropped = next(b for b in result.blocks if b.text == bio)
    assert dropped.label is Label.BOILERPLATE
    assert dropped.reason == "below the end of the article the page's JSON-LD holds"
    assert bio in extract(page(paragraphs[0] + " " + paragraphs[1][:60]))


def test_a_customer_review_the_json_ld_declares_is_not_a_products_content() -> None:
    """On a product page, a kept paragraph that opens with a review of the product that its
    JSON-LD declares is boilerplate, with a reason naming the JSON-LD, even in markup that does
    not say "review"."""
    description = (
        "Our trail sandal has a recycled rubber sole, a cork footbed that shapes itself to your"
        " foot, and straps you can adjust in three places for a snug fit on rough ground."
    )
    review = (
        "I wore these on a ten day hike through the mountains and they never rubbed once, even"
        " when the path turned to mud after the storm on the fourth day."
    )
    ld = {
        "@type": "Product",
        "name": "Trail sandal",
        "description": description,
        "review": [{"@type": "Review", "reviewBody": review}],
    }
    page = (
        "<html><head><title>Trail sandal</title><script type='application/ld+json'>"
        + json.dumps(ld)
        + "</script></head><body><main><h1>Trail sandal</h1>"
        f"<p>{description}</p><p>Made in Portugal from recycled materials.</p>"
        f"<div class='c-4'><h3>Anna, verified buyer</h3><p>{review}</p></div></main></body></html>"
    )
    result = extract_result(page)
    assert description in result.text
    assert review not in result.text
    block = next(b for b in result.blocks if b.text == review)
    assert block.reason == "a customer review the page's JSON-LD declares"


_GAME_SNIPPET = (
    "Dig, fight, explore and build in a world of blocks that changes with every step you take "
    "below the surface."
)
_GAME_SNIPPET_MORE = "Play alone or with friends."
_GAME_ABOUT = [
    (
        "You start with nothing but a pickaxe and a torch. Every cave you open leads deeper into a"
        " world that was made for this game alone, with its own ores, its own creatures and its own"
        " weather."
    ),
    (
        "Build a house before the first night falls, then a workshop, then a whole town. Friends can"
        " join you at any time, and the world keeps what each of them builds while the others are"
        " away."
    ),
    (
        "Hundreds of items wait to be crafted: tools that dig faster, armour that keeps out the cold"
        " of the deep caves, and machines that carry ore to the surface while you sleep."
    ),
    (
        "The deeper you go the stranger it gets. Old ruins hold machines nobody remembers how to use,"
        " and the creatures that guard them do not give up their secrets without a fight."
    ),
]


def _game_page(description: str, og_type: str = "website") -> str:
    about = "".join(f"<p>{p}</p>" for p in _GAME_ABOUT)
    return f"""<html><head><title>Deep Blocks on Store</title>
<meta name="description" content="{description}"><meta property="og:type" content="{og_type}">
</head><body><header><nav><a href="/">Store</a> <a href="/new">New</a>
<a href="/top">Top sellers</a> <a href="/sale">On sale</a></nav></header>
<div class="breadcrumbs"><a href="/g">All Games</a> &gt; <a href="/g/indie">Indie Games</a> &gt;
<a href="/app/1">Deep Blocks</a></div>
<div class="app-name">Deep Blocks</div>
<div class="purchase"><h2>Choose your edition</h2><div class="price">9,99€</div>
<a class="btn" href="/cart">Add to cart</a></div>
<div class="glance rightcol"><img src="capsule.jpg" alt="">
<div class="reviews-summary"><a href="#r">Very positive</a> <span>(12,408)</span></div>
<div class="release"><span>Release date:</span> <span>16 May, 2011</span></div>
<div class="tags"><a href="/t/1">Sandbox</a> <a href="/t/2">Survival</a>
<a href="/t/3">Crafting</a> <a href="/t/4">Open world</a></div>
<div class="snippet"><p>{_GAME_SNIPPET}</p><p>{_GAME_SNIPPET_MORE}</p>
<p>Developer: Hollow Pines</p></div></div>
<div class="game-description"><h2>About this game</h2>{about}</div>
<div class="sysreq"><h2>System requirements</h2><ul><li>OS: Windows 10 64-bit</li>
<li>Memory: 4 GB RAM</li><li>Storage: 200 MB available space</li></ul></div>
<footer><p>All trademarks are property of their respective owners in the US and other
countries.</p></footer></body></html>"""


def test_a_dropped_paragraph_opening_with_the_declared_description_is_content() -> None:
    """On a page that is no article, the meta description is cut from the opening of its text:
    a dropped paragraph that opens with its first 8 words is content, with a reason saying so,
    and so is the dropped prose that follows it in its element (not a label line).
    An article's description is a summary written apart, so there it stays out; so does the
    paragraph when the page describes itself otherwise."""
    body = "About this game\n\n" + "\n\n".join(_GAME_ABOUT)
    result = extract_result(_game_page(_GAME_SNIPPET))
    assert not result.metadata.article
    assert result.text == f"{_GAME_SNIPPET}\n\n{_GAME_SNIPPET_MORE}\n\n{body}"
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_GAME_SNIPPET] == (
        "sentence end; outside the main region; opens with the description the page declares"
    )
    assert reasons[_GAME_SNIPPET_MORE].endswith("; follows the declared description")
    assert reasons["Developer: Hollow Pines"].endswith("outside the main region")
    article = extract_result(_game_page(_GAME_SNIPPET, og_type="article"))
    assert article.metadata.article
    assert article.text == body
    other = extract_result(
        _game_page("Buy games for your computer at the best prices, every week.")
    )
    assert other.text == body


def test_a_product_page_ends_at_its_reviews_heading() -> None:
    """On a page that declares one Product, a heading of customer reviews ("Customer Reviews
    (2)") after the product's description ends the content: the reviews, written as plain
    paragraphs, and the shop's questions below them go. The same page declaring nothing keeps
    them (reviews on an ordinary page are often its body)."""
    description = [
        "The Linden kettle boils a full litre in under four minutes on gas, electric or induction"
        " hobs, and its wide base spreads the heat so the water never scorches.",
        "Its handle stays cool and folds flat, the spout pours without dripping, and the whistle"
        " can be lifted off when you would rather keep the house quiet in the morning.",
    ]
    reviews = [
        "I bought this to replace a kettle that lasted ten years, and so far it is quicker and"
        " much quieter than the old one ever was.",
        "The whistle is loud enough to hear from the garden, which is exactly what I wanted for"
        " the cottage.",
    ]
    question = "Can the kettle go in the dishwasher? We recommend washing it by hand instead."
    page = (
        "<html><head><title>Linden kettle</title>"
        '<script type="application/ld+json">{"@type":"Product","name":"Linden kettle"}</script>'
        "</head><body><main><h1>Linden kettle</h1>"
        + "".join(f"<p>{p}</p>" for p in description)
        + "<h2>Customer Reviews (2)</h2><div class='c-list'>"
        + "".join(f"<div class='c-item'><p>{r}</p></div>" for r in reviews)
        + f"</div><h2>Questions</h2><p>{question}</p></main></body></html>"
    )
    result = extract_result(page)
    assert result.metadata.product
    assert result.text.split("\n\n") == ["Linden kettle", *description]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Customer Reviews (2)"].endswith("; the reviews heading")
    assert reasons[reviews[0]].endswith("; below the reviews heading")
    undeclared = extract_result(page.replace('"@type":"Product"', '"@type":"Thing"'))
    assert not undeclared.metadata.product
    assert reviews[0] in undeclared.text
    assert question in undeclared.text


def test_customer_reviews_under_rated_titles_are_not_content() -> None:
    """Headings that open with a star rating out of five and go on with a title ("5.0 out of 5
    stars Bright and steady"), two or more on the page, title customer reviews: they and the
    paragraphs under them weigh as review markup and are dropped, with no JSON-LD and no review
    class words. One such heading alone is left alone (a critic's verdict)."""
    description = [
        "The Fenwick lamp clamps to any desk up to five centimetres thick and turns on its arm"
        " so the light falls where you work, not in your eyes.",
        "Three colour temperatures and ten steps of brightness are set with one touch, and the"
        " lamp remembers the last setting when you switch it on again.",
    ]
    reviews = [
        (
            "5.0 out of 5 stars Bright and steady",
            "I use it every evening for drawing and the light never flickers, even at its"
            " lowest setting.",
        ),
        (
            "2.0 out of 5 stars Clamp too small",
            "My desk is a little thicker than the clamp allows, so I had to send it back to the"
            " shop.",
        ),
    ]
    page = (
        "<html><head><title>Fenwick desk lamp</title></head><body><main>"
        "<h1>Fenwick desk lamp</h1>"
        + "".join(f"<p>{p}</p>" for p in description)
        + "<h2>Top reviews from buyers</h2>"
        + "".join(f"<div class='c-r'><h3>{t}</h3><p>{r}</p></div>" for t, r in reviews)
        + "</main></body></html>"
    )
    result = extract_result(page)
    assert result.text.split("\n\n") == [
        "Fenwick desk lamp",
        *description,
        "Top reviews from buyers",
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[reviews[0][1]] == "class/id 'a rated customer review' (-4.0)"
    one = extract_result(page.replace(reviews[1][0], "Clamp too small"))
    assert reviews[0][1] in one.text
    assert reviews[1][1] in one.text


def test_a_product_page_keeps_its_short_text_under_the_headline() -> None:
    """On a page that declares one Product, short lines of the product's own text between the
    headline and the region that won (key features in the box beside the picture, too short for
    a standfirst, under a small heading of their own) are kept when they score
    PRODUCT_LEAD_SCORE or more; a one-word "Colour:" and a shipping line there are not. The
    same page declaring nothing leaves them all out."""
    features = [
        "Keeps drinks cold for a whole day.",
        "Double-wall vacuum insulated steel",
        "Fits most car cup holders",
    ]
    overview = [
        "The Tarn tumbler is made of kitchen-grade stainless steel that will not rust or pick up"
        " the taste of yesterday's coffee, and it comes apart for cleaning in seconds.",
        "Its double wall keeps ice frozen through a long summer afternoon and tea hot through a"
        " cold morning, and the lid snaps shut with a magnet so nothing spills in the car.",
    ]
    shipping = "Free shipping on orders over fifty dollars."
    swatches = "".join(
        f"<li><a href='?c={i}'>{c}</a></li>"
        for i, c in enumerate(["Navy", "Sage", "Rust", "Black", "White", "Sand"])
    )
    page = (
        "<html><head><title>Tarn tumbler</title>"
        '<script type="application/ld+json">{"@type":"Product","name":"Tarn tumbler"}</script>'
        "</head><body><nav><a href='/'>Home</a> <a href='/cups'>Cups</a>"
        " <a href='/bottles'>Bottles</a> <a href='/sale'>Sale</a></nav>"
        "<div class='product-info'><h1>Tarn tumbler</h1><h4>Key features</h4>"
        "<div class='product-description'>"
        + "".join(f"<p class='description'>{f}</p>" for f in features)
        + f"<p class='description'>{shipping}</p><p>Colour:</p></div>"
        f"<ul class='swatches'>{swatches}</ul><p><a href='/cart'>Add to cart</a></p>"
        "<p><a href='/wish'>Add to wishlist</a></p></div>"
        "<main><div class='pdp-overview'><h2>Overview</h2>"
        + "".join(f"<p>{p}</p>" for p in overview)
        + "</div></main></body></html>"
    )
    result = extract_result(page)
    assert result.metadata.product
    assert result.text.split("\n\n") == ["Tarn tumbler", *features, "Overview", *overview]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[features[1]] == (
        "class/id 'description' (+2.1), the product's text under the headline"
    )
    undeclared = extract_result(page.replace('"@type":"Product"', '"@type":"Thing"'))
    assert undeclared.text.split("\n\n") == ["Tarn tumbler", "Overview", *overview]
