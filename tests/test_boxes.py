"""Tests for declutter.boxes: labelled boxes, small forms and field lists set into the kept text."""

from __future__ import annotations

from declutter import extract, extract_result
from declutter.blocks import CONTENT, Block, Label
from declutter.boxes import drop_post_numbers

from helpers import FERRY_FARES, PONTOON, PROSE, PROSE_2, ferry_story


def test_the_prose_under_an_about_the_author_heading_goes_with_it() -> None:
    """Under "About the author" below the text, the bio's prose goes with the heading."""
    more = FERRY_FARES
    bio = (
        "Maria Lopez is a staff reporter who covers transport and local government for the "
        "paper. She lives in Falmouth and takes the ferry to work most mornings."
    )
    closing = "Passengers can send questions about the new timetable to the operator's office."
    html = ferry_story(
        f"<div><h3>About the author</h3><p>Maria Lopez, Staff Reporter</p><p>{bio}</p></div>"
        f"<h3>How to send questions</h3><p>{closing}</p>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Ferry keeps running", PROSE, PROSE_2, more, "How to send questions", closing]
    dropped = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
    assert dropped["About the author"] == "boilerplate label 'about the author'"
    assert dropped[bio].endswith("under the label 'about the author'")
    # Any other label heading drops only the links and short lines of its box, not its prose.
    other = extract(html.replace("About the author", "Read more"))
    assert bio in other


def test_the_prose_of_a_teaser_box_goes_with_its_label() -> None:
    """A label of several words that opens its own box ("You may also like") takes the teasers'
    prose; inside the article's own element it is a section and its prose stays."""
    more = FERRY_FARES
    teaser = PONTOON
    html = ferry_story(
        "<div><h3>You may also like</h3>"
        "<h4><a href='/pontoon'>A new pontoon for the harbour</a></h4>"
        f"<p>{teaser}</p>"
        "<h4><a href='/bus'>Bus route 35 returns in May</a></h4>"
        "<p>The county restores the route after a year of works on the coast road.</p></div>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Ferry keeps running", PROSE, PROSE_2, more]
    dropped = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
    assert dropped[teaser].endswith("under the label 'you may also like'")
    # A label heading inside the article's own box (text above it in the same element) is a
    # section of the article: its prose stays.
    inline = html.replace("<div><h3>", "<h3>").replace("</p></div>", "</p>")
    assert teaser in extract(inline)


def test_a_one_word_teaser_label_takes_only_sentences() -> None:
    """Under a one-word label ("Related") that opens its box only sentences go; a list of
    requirements under "Recommended" stays."""
    more = FERRY_FARES
    teaser = PONTOON
    html = ferry_story(
        "<div><h3>Related</h3>"
        "<h4><a href='/pontoon'>A new pontoon for the harbour</a></h4>"
        f"<p>{teaser}</p><p>March 3, 2025</p></div>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Ferry keeps running", PROSE, PROSE_2, more]
    dropped = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
    assert dropped[teaser].endswith("under the label 'related'")
    # Lines that are no sentence stop such a box: a "Recommended" column of requirements.
    specs = html.replace("Related", "Recommended").replace(
        f"<p>{teaser}</p>",
        "<ul><li>Processor: Dual Core 3.0 GHz or faster</li></ul>" + f"<p>{teaser}</p>",
    )
    assert "Processor: Dual Core 3.0 GHz or faster" in extract(specs)


def test_teaser_cards_under_a_label_set_into_the_text_go() -> None:
    """Teaser cards under "Related articles" set into the text go with their standfirsts; a
    paragraph after a list of links is the article going on and stays."""
    more = FERRY_FARES
    teaser = PONTOON
    cards = (
        "<h3>Related articles</h3>"
        "<div class='card'><a href='/pontoon'>A new pontoon for the harbour</a>"
        f"<p>{teaser}</p></div>"
        "<div class='card'><a href='/bus'>Bus route 35 returns in May</a><p>March 3, 2025</p>"
        "<p>The county restores the route after a year of works on the coast road.</p></div>"
    )
    html = ferry_story(cards)
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Ferry keeps running", PROSE, PROSE_2, more]
    dropped = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
    assert dropped[teaser].endswith("under the label 'related articles'")
    standfirst = "The county restores the route after a year of works on the coast road."
    assert dropped[standfirst].endswith("under the label 'related articles'")  # after a date
    # Links in a list of their own, then the article going on: its paragraph stays.
    going_on = "The operator will print the new timetable in the spring edition of its leaflet."
    inset = html.replace(
        cards,
        "<h3>Related articles</h3><ul><li><a href='/pontoon'>A new pontoon for the harbour</a>"
        f"</li></ul><p>{going_on}</p>",
    )
    assert going_on in extract(inset)


PRODUCT_FORM = """<html><body><main>
<h1>Alder Pour-Over Kettle</h1>
<p>$58.00</p>
<p>A stovetop kettle with a long, narrow spout for a slow and even pour over coffee grounds.</p>
<form method="post" action="/cart">
<fieldset><legend>Finish: Brushed Steel</legend>
<label><input type="radio" name="finish" value="steel" checked> Steel</label></fieldset>
<button type="submit">Add to cart</button>
<p>Pay in 4 interest-free installments of $14.50 with your card.</p>
</form>
<h2>Specifications</h2>
<p>The body is stainless steel with a walnut handle, it holds one litre, and it works on gas,
electric and induction hobs alike.</p>
</main></body></html>"""


COMMENT_FORMS = """<html><body><main><h1>Why does the sea look blue?</h1>
<p>Water absorbs red light a little more strongly than blue light, so the deeper the water, the
bluer the light that comes back out of it to the eye.</p>
<div class="comment"><form class="usertext" id="form-t1_a81"><div class="md"><p>So a glass of
water is blue too, just far too faintly to see?</p></div></form></div>
<div class="comment"><form class="usertext" id="form-t1_b93"><div class="md"><p>Yes, you need a
few metres of it before the tint shows.</p></div></form></div>
</main></body></html>"""


def test_small_form_dropped_repeated_forms_kept() -> None:
    """The legend and instalment line of a small add-to-cart form are dropped, the product's
    description around it kept; the text in an edit form that every comment repeats stays."""
    text = extract(PRODUCT_FORM)
    assert "Finish" not in text and "installments" not in text
    assert "long, narrow spout" in text and "walnut handle" in text
    comments = extract(COMMENT_FORMS, include_comments=True)
    assert "glass of water is blue too" in comments
    assert "few metres of it" in comments


def _poster(name: str, joined: str, posts: str, town: str) -> str:
    return f"""<div class="message-user"><h4 class="message-name">{name}</h4>
<div class="message-userInfo">
<dl class="pairs"><dt>Since</dt><dd>{joined}</dd></dl>
<dl class="pairs"><dt>Reputation</dt><dd>{posts}</dd></dl>
<dl class="pairs"><dt>Town</dt><dd>{town}</dd></dl>
</div></div>"""


_THREAD_WITH_FIELD_LISTS = f"""<html lang="en"><head><meta charset="utf-8">
<title>Radiators cold at the bottom: chemical flush or power flush? - Home Heating Forum</title>
</head><body><div class="p-body">
<h1>Radiators cold at the bottom: chemical flush or power flush?</h1>
<article class="message">{_poster("marta_b", "Jan 2, 2024", "6", "Leeds")}
<div class="message-body">Our flat is twelve years old and three radiators stay cold at the
bottom while the top is hot. I bled them and topped the pressure up to one and a half bar, but
nothing changed. One plumber offers a chemical flush, another a power flush for twice the price.
Which of the two actually works?</div></article>
<article class="message">{_poster("heating_ken", "Mar 14, 2016", "8,412", "York")}
<div class="message-body">Hot at the top and cold at the bottom means sludge has settled in the
radiators. A chemical alone softens it, but something has to carry it out, so I would pay for the
power flush, as long as the plumber connects the pump to each radiator in turn.</div></article>
<article class="message">{_poster("marta_b", "Jan 2, 2024", "7", "Leeds")}
<div class="message-body">Thank you, that makes sense. I will ask the plumber how he connects
the pump before I book him, and report back once the radiators are warm again.</div></article>
</div></body></html>"""


def test_field_lists_beside_each_post_are_dropped() -> None:
    """A poster's field list beside every post ("Since" / "Jan 2, 2024", "Reputation" / "6":
    short labels that are no known boilerplate label, values mostly numbers and dates, labels
    that recur in the next post's list) is per-item metadata and goes, although the
    ``<article>`` round each post lifts its lines above zero."""
    result = extract_result(_THREAD_WITH_FIELD_LISTS)
    paragraphs = result.text.split("\n\n")
    for line in ("Since", "Jan 2, 2024", "Reputation", "8,412", "Town", "York", "Leeds"):
        assert line not in paragraphs
    reasons = {b.text: b.reason for b in result.blocks[:8]}
    for line in ("Since", "Jan 2, 2024", "Reputation", "6", "Town", "Leeds"):
        assert reasons[line].endswith("; an item's field list")
    assert [p[:24] for p in paragraphs] == [
        "Radiators cold at the bo",
        "marta_b",
        "Our flat is twelve years",
        "heating_ken",
        "Hot at the top and cold ",
        "Thank you, that makes se",
    ]


_PRODUCT_WITH_ONE_FIELD_LIST = """<html lang="en"><head><meta charset="utf-8">
<title>Oak shelf bracket, pair - Hardware Shop</title></head><body><main class="product">
<h1>Oak shelf bracket, pair</h1>
<p>Two solid oak brackets for shelves up to thirty centimetres deep, oiled by hand and sold with
the brass screws that fix them to the wall.</p>
<dl class="specs"><dt>Weight</dt><dd>820 g</dd><dt>Depth</dt><dd>28 cm</dd>
<dt>Finish</dt><dd>Oiled</dd></dl>
</main></body></html>"""


def test_a_single_field_list_stays() -> None:
    """A product's one list of specifications repeats no label elsewhere: it is content."""
    text = extract(_PRODUCT_WITH_ONE_FIELD_LIST)
    assert "820 g" in text and "Depth" in text


_CARDS_WITH_FIELD_LISTS = """<html lang="en"><head><meta charset="utf-8">
<title>Trail shoes - Outdoor Shop</title></head><body><main>
<h1>Trail shoes</h1>
<p>Our trail shoes grip on wet rock and loose gravel alike, and every pair here was tested by
our staff on the hills above the shop before it went on sale.</p>
<ul class="grid">
<li class="card"><dl class="facts"><dt>Brand</dt><dd>Fellrunner</dd><dt>Model</dt>
<dd>Ridge Low</dd><dt>Fit</dt><dd>Narrow</dd></dl></li>
<li class="card"><dl class="facts"><dt>Brand</dt><dd>Moorstep</dd><dt>Model</dt>
<dd>Bog Trotter</dd><dt>Fit</dt><dd>Wide</dd></dl></li>
</ul></main></body></html>"""


def test_repeated_field_lists_of_names_stay() -> None:
    """A field list whose values hold no number (a shop's cards: brand, model, fit) is no
    poster's box, however often its labels recur."""
    text = extract(_CARDS_WITH_FIELD_LISTS)
    for line in ("Fellrunner", "Bog Trotter", "Wide"):
        assert line in text


def test_a_poster_box_with_one_number_is_a_field_list() -> None:
    """One value with a digit is enough: a poster's box of a rank, a town and a join date."""
    boxes = [
        f"""<div class="poster"><dl class="info"><dt>Rank</dt><dd>{rank}</dd><dt>Town</dt>
<dd>{town}</dd><dt>Since</dt><dd>{since}</dd></dl></div>"""
        for rank, town, since in (("Gardener", "Leeds", "2019"), ("Novice", "York", "2024"))
    ]
    html = f"""<html lang="en"><head><meta charset="utf-8"><title>Moss on the lawn - Garden
Board</title></head><body><div id="posts">
<article class="post">{boxes[0]}<div class="text">The lawn behind our house is more moss than
grass by March every year. Is it the shade of the old beech, or should I scarify and feed it
in April?</div></article>
<article class="post">{boxes[1]}<div class="text">Mostly the shade and the wet soil under it.
Scarify in April, spike the wettest part and sow a shade mix; feeding alone will not beat the
moss there.</div></article></div></body></html>"""
    result = extract_result(html)
    paragraphs = result.text.split("\n\n")
    for line in ("Rank", "Gardener", "Leeds", "2019", "Novice", "York"):
        assert line not in paragraphs
    assert [p[:24] for p in paragraphs] == [
        "The lawn behind our hous",
        "Mostly the shade and the",
    ]


def test_a_field_list_may_hold_label_and_value_in_one_dd() -> None:
    """phpBB writes a poster's fields as one ``<dd>`` each, label and value together ("Posts:
    312"): such a list is a field list as well."""
    boxes = [
        f"""<dl class="poster"><dt>{name}</dt><dd>Posts: {posts}</dd><dd>Joined: {joined}</dd>
<dd>Location: {town}</dd></dl>"""
        for name, posts, joined, town in (
            ("hive_keeper", "312", "May 19, 2021", "Kirov"),
            ("old_beeman", "4,120", "Oct 27, 2014", "Vologda"),
        )
    ]
    html = f"""<html lang="en"><head><meta charset="utf-8"><title>Vents for a bee shed - Bee
Board</title></head><body><div id="posts">
<article class="post">{boxes[0]}<div class="text">I built a shed to winter forty colonies this
summer and cannot decide how large the vents should be. How much air do they need?</div>
</article>
<article class="post">{boxes[1]}<div class="text">About twenty square centimetres of exhaust
for every colony, high under the roof, and an intake of the same size near the floor.</div>
</article></div></body></html>"""
    result = extract_result(html)
    paragraphs = result.text.split("\n\n")
    for line in ("Posts: 312", "Joined: May 19, 2021", "Location: Kirov", "Location: Vologda"):
        assert line not in paragraphs
    assert [p[:24] for p in paragraphs if len(p) > 40] == [
        "I built a shed to winter",
        "About twenty square cent",
    ]


def _icon_pairs(values: tuple[str, ...]) -> str:
    icons = ("Joined", "Messages", "Location")
    return "".join(
        f"""<dl class="pairs"><dt><span title="{icon}"><i class="fa fa-{icon.lower()}"></i>
</span></dt><dd>{value}</dd></dl>"""
        for icon, value in zip(icons, values)
    )


def test_a_field_list_with_icon_labels_is_a_field_list() -> None:
    """XenForo draws a poster's labels as icons (a ``<dt>`` with an icon and a tooltip, no
    text): lists of one kind beside each post, their kind standing for the labels, are field
    lists; a list of more than FIELD_ICON_MAX_VALUES values stays."""
    users = (("Oct 25, 2017", "13,539", "Leeds"), ("Mar 16, 2018", "1,571", "Cork"))
    html = f"""<html lang="en"><head><meta charset="utf-8"><title>Moss on the lawn - Garden
Board</title></head><body><div id="posts">
<article class="post"><div class="user-extras">{_icon_pairs(users[0])}</div>
<div class="text">The lawn behind our house is more moss than grass by March every year. Is it
the shade of the old beech, or should I scarify and feed it in April?</div></article>
<article class="post"><div class="user-extras">{_icon_pairs(users[1])}</div>
<div class="text">Mostly the shade and the wet soil under it. Scarify in April, spike the
wettest part and sow a shade mix; feeding alone will not beat the moss there.</div></article>
</div></body></html>"""
    result = extract_result(html)
    paragraphs = result.text.split("\n\n")
    for line in ("Oct 25, 2017", "13,539", "Leeds", "1,571", "Cork"):
        assert line not in paragraphs
    assert [p[:24] for p in paragraphs] == [
        "The lawn behind our hous",
        "Mostly the shade and the",
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["13,539"].endswith("; an item's field list")
    five = ("Oct 25, 2017", "13,539", "Leeds", "Gardener", "12")
    more = html.replace(_icon_pairs(users[0]), _icon_pairs(five) + _icon_pairs(five[3:]))
    more = more.replace(_icon_pairs(users[1]), _icon_pairs(five) + _icon_pairs(five[3:]))
    assert "; an item's field list" not in {b.reason[-22:] for b in extract_result(more).blocks}


def test_post_numbers_linked_to_their_posts_are_dropped() -> None:
    """A thread's posts numbered "#1", "#2"... as links to themselves lose the numbers once
    kept (the cards profile weighs links lightly, and a post box's class words lift them); a
    ranking's "#1", "#2" over its items, no links, stay."""
    texts = [
        "The lawn behind our house is more moss than grass by March every year. Is it the shade "
        "of the old beech, or should I scarify and feed it in April?",
        "Mostly the shade and the wet soil under it. Scarify in April, spike the wettest part "
        "and sow a shade mix; feeding alone will not beat the moss there.",
        "Raise the crown of the beech too, if you can: a little more light does more than any "
        "feed, and the grass will hold its own against the moss.",
    ]
    posts = "".join(
        f"""<article class="message"><header><a href="/t/moss.12/#post-{n}">#{n}</a></header>
<div class="text">{text}</div></article>"""
        for n, text in enumerate(texts, start=1)
    )
    html = f"""<html lang="en"><head><meta charset="utf-8"><title>Moss on the lawn - Garden
Board</title></head><body><div id="posts">{posts}</div></body></html>"""

    def kept(page: str) -> list[Block]:
        # every block kept, as a profile that lets the numbers in would
        return [b.decided(1.0, CONTENT, "kept") for b in extract_result(page).blocks]

    numbered = drop_post_numbers(kept(html))
    assert [b.text for b in numbered if b.label is CONTENT] == texts
    assert {b.reason for b in numbered if b.text.startswith("#")} == {"kept; a post's number"}
    ranked = html.replace('<a href="/t/moss.12/#post-', "<span data-n=").replace("</a>", "</span>")
    ranks = drop_post_numbers(kept(ranked))
    assert [b.text for b in ranks if b.label is CONTENT][:2] == ["#1", texts[0]]
    third = posts.index("<article", posts.index("<article", 1) + 1)
    two = html.replace(posts, posts[:third])  # two numbers: too few to tell
    assert all(b.label is CONTENT for b in drop_post_numbers(kept(two)))
