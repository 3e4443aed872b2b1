"""Stage 3: measuring blocks."""

from __future__ import annotations

import pytest
from helpers import PROSE, PROSE_2, WOODEN_HOUSES, block, node, page
from hypothesis import given, settings
from hypothesis import strategies as st

from declutter import extract_result
from declutter import features as features_module
from declutter.blocks import Kind, Label, Node
from declutter.deadline import NEVER
from declutter.features import (
    _trail,
    box_label,
    comment_headings,
    control_label,
    count_words,
    fingerprint,
    label_word,
    measure,
    rated_reviews,
    review_heading,
    teaser_label,
)
from declutter.hints import block_groups, enclosing_keys, node_hint, page_wrappers
from declutter.load import load
from declutter.options import Options
from declutter.segment import segment
from declutter.tree import element_tree
from declutter.weights import DISCUSSION_NEUTRAL_PREFIXES, PRODUCT_HINT_WORDS


def test_count_words_spaced_and_unspaced() -> None:
    """Spaced scripts count words; unspaced scripts count two characters as one word."""
    assert count_words("Hello, wide world!") == 3
    assert count_words("東京都は今日") == 3
    assert count_words("Python 3 と東京") == 4


def test_fingerprint_normalises() -> None:
    """Case, punctuation and spacing do not change a fingerprint."""
    assert fingerprint("  Most READ: today!! ") == fingerprint("most read today")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most read", "most read"),
        ("Lesen Sie auch: Der Hafen wird saniert", "lesen sie auch"),
        ("相关阅读", "相关阅读"),
        ("Read also the full report below to learn more", ""),
        ("Join our newsletter!", "join our"),
        ("In den Warenkorb", "in den warenkorb"),
        ("Joined the team in 2019 after years abroad.", ""),
        ("Read more about the long history of the harbour and its people in our archive", ""),
        ("The council met on Tuesday.", ""),
        ("Editor's picks", "editor s picks"),
        ("À propos de l'auteur", "à propos de l auteur"),
        ("Abonnez-vous", "abonnez vous"),
        ("Meist Gelesen", "meist gelesen"),
        ("Foto: Marco Rossi / dpa", "foto"),
        ("Photos of the new bridge were shown at the meeting.", ""),
        ("Well-known member", "well known member"),
        ("Neues Mitglied", "neues mitglied"),
        ("Members of the council voted against the plan.", ""),
        ("Keep exploring iPad", "keep exploring"),
        ("Related searches", "related searches"),
        ("Page 2 of 8", "page 2 of 8"),
        ("Showing 24 of 291 results", "showing 24 of 291"),
        ("Seite 3 von 12", "seite 3 von 12"),
        ("672 results", ""),
        ("Written by Mara Quint", "written by"),
        ("In partnership with", "in partnership with"),
        ("Loading...", "loading"),
        ("Auch lesen: Diese 3 Sternzeichen verschenken ihr Herz", "auch lesen"),
        ("LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández", "le puede interesar"),
        ('CZYTAJ WIĘCEJ W INTERNETOWYM WYDANIU "DZIENNIKA GAZETY PRAWNEJ">>>', "czytaj więcej"),
        ("Wie bewerten Sie diesen Artikel?", "wie bewerten sie diesen artikel"),
        ("Kommentierte Artikel", "kommentierte artikel"),
        ("Unterstütze RosaMag bereits mit 2,50!", "unterstütze"),
        ("Zurück", "zurück"),
        ("Auch lesen kann man das Buch im Zug.", ""),
        ("(crédito: Minervino Júnior/CB/D.A.Press)", "crédito"),
        ("Beitragsbild: Titelseite der FAZ vom 2.4.2019, Ausriss.", "beitragsbild"),
        ("Image illustrative : Lots of Lego Minifigures by Ninja Brick", "image illustrative"),
        ("Similar threads", "similar threads"),
        ("Top Posters In This Topic", "top posters in this topic"),
        ("Not open for further replies.", "not open for further replies"),
        ("You must log in or register to reply here.", "you must log in"),
        ("You must be logged in to answer this question.", "you must be logged in"),
        ("Similar threads to this one were closed last year.", ""),
    ],
)
def test_label_words(text: str, expected: str) -> None:
    """Boilerplate labels are found alone, before a colon, or as a short call to action."""
    assert label_word(text) == expected


def test_newsletter_pitches_are_labels_up_to_a_length() -> None:
    """A short block with newsletter or membership wording (PITCH_TERMS) is a label, in several
    languages; a longer paragraph that speaks of a newsletter is not, nor is code."""
    pitches = [
        "Don't miss anything. Get all the latest posts delivered straight to your inbox. It's free!",
        "Abonnieren Sie unseren Newsletter und erfahren Sie als Erste von neuen Rezepten.",
        "Ce journal est financé par ses lecteurs : recevez notre newsletter chaque matin.",
        "This reporting is funded by readers like you.",
    ]
    article = (
        "The council's own newsletter reached fewer than a third of households last year, the "
        "audit found, and most residents who did receive it said they learned about road works "
        "and bin collections from neighbours first. Officers now plan to send our newsletter by "
        "post to every address on the electoral roll before the next budget consultation opens."
    )
    code = "# send the digest to your inbox\nmail -s digest user@example.org < digest.txt"
    measured = page(*(block(t) for t in pitches), block(article), block(code, kind=Kind.CODE))
    assert [b.features.label_word for b in measured] == [
        "to your inbox",
        "unseren newsletter",
        "notre newsletter",
        "funded by readers",
        "",
        "",
    ]


def test_node_hint_strongest_word_of_each_sign() -> None:
    """An element's hint adds its tag weight to its strongest negative and positive words."""
    assert node_hint(Node(1, "div", frozenset({"sidebar", "widget"}))) == (-2.5, "sidebar")
    assert node_hint(Node(1, "nav", frozenset())) == (-3.0, "<nav>")
    weight, _ = node_hint(Node(1, "div", frozenset({"entry", "content"})))
    assert weight == 1.2


def test_node_hint_overrides_unless_a_content_word_names_the_element() -> None:
    """Product pages' review words replace the ordinary weight, except on an element also named
    for the description: "product-description-reviews" holds both."""
    reviews = Node(1, "div", frozenset({"customer", "reviews"}))
    assert node_hint(reviews) == (-1.5, "reviews")
    assert node_hint(reviews, None, PRODUCT_HINT_WORDS) == (
        PRODUCT_HINT_WORDS["reviews"],
        "reviews",
    )
    # "product" (+0.5) is weaker than OVERRIDE_KEEP_HINT: the override still applies
    review = Node(2, "div", frozenset({"product", "review"}))
    assert node_hint(review, {}, PRODUCT_HINT_WORDS) == (
        PRODUCT_HINT_WORDS["review"] + 0.5,
        "review",
    )
    both = Node(3, "div", frozenset({"product", "description", "reviews"}))
    assert node_hint(both, {}, PRODUCT_HINT_WORDS) == node_hint(both) == (-0.5, "reviews")


def test_node_hint_neutral_prefixes_silence_only_negative_words() -> None:
    """On a discussion page the comment words of an element weigh nothing (its replies are the
    thread), whatever they end with; other negative words and positive words keep their weight."""
    reply = Node(1, "div", frozenset({"comment", "commentlist", "body"}))
    assert node_hint(reply)[0] < 0
    assert node_hint(reply, {}, None, DISCUSSION_NEUTRAL_PREFIXES) == node_hint(
        Node(1, "div", frozenset({"body"}))
    )
    sidebar = Node(2, "div", frozenset({"reply", "sidebar"}))
    assert node_hint(sidebar, {}, None, DISCUSSION_NEUTRAL_PREFIXES) == (-2.5, "sidebar")


def test_measure_link_density_duplicates_and_position() -> None:
    """Link density, repeats on the page and relative position are measured per block."""
    blocks = page(block("Home", link_chars=4), block(PROSE), block("home"))
    f0, f1, f2 = (b.features for b in blocks)
    assert f0.link_density == 1.0 and f1.link_density == 0.0
    assert f0.duplicates == 1 and f2.duplicates == 1 and f1.duplicates == 0
    assert (f0.position, f1.position) == (0.0, pytest.approx(1 / 3))
    assert f1.terminal and f1.sentences == 1 and f1.words == 22


def test_title_echo() -> None:
    """A block that is the page title echoes it fully; unrelated text not at all."""
    blocks = page(
        block("Ferry vote: town keeps winter service"),
        block(PROSE),
        title="Ferry vote: town keeps winter service",
    )
    assert blocks[0].features.title_echo == 1.0
    assert blocks[1].features.title_echo == 0.0


def test_negative_hint_not_outvoted_from_above() -> None:
    """A comments box inside <main> stays negative: positive words above it do not count."""
    main = Node(1, "main", frozenset())
    comments = Node(2, "section", frozenset({"comments"}))
    other = Node(3, "div", frozenset())
    blocks = page(
        block(PROSE, (node(0, "body"), main, comments, node(4, "p"))),
        block(PROSE + " More.", (node(0, "body"), main, node(5, "p"))),
        block("x " * 300, (node(0, "body"), other)),
    )
    assert blocks[0].features.hint == -2.5
    assert blocks[0].features.hint_reason == "comments"
    assert blocks[1].features.hint == pytest.approx(2.0 * 0.8)


def test_hint_reason_names_a_word_of_the_totals_sign() -> None:
    """A mild negative word below strong positive ones gives a positive hint, and the reason
    names the positive word, not the negative one that was strongest on its own."""
    main = Node(3, "main", frozenset())
    content = Node(4, "div", frozenset({"content"}))
    cta = Node(5, "div", frozenset({"cta"}))
    blocks = page(
        block(PROSE, (node(0, "body"), main, content, cta, node(6, "p"))),
        block(PROSE_2, (node(0, "body"), node(7, "div"), node(8, "p"))),
        block("x " * 300, (node(0, "body"), node(9, "div"))),
    )
    # cta -1.5 at the first step; content +1.0 and <main> +2.0 fade to 0.64 and 1.024
    assert blocks[0].features.hint == pytest.approx(-1.5 + 1.0 * 0.8**2 + 2.0 * 0.8**3)
    assert blocks[0].features.hint_reason == "<main>"


@pytest.mark.parametrize(
    ("text", "terminal"),
    [
        ("It sold the browser to the public.[12]", True),
        ("Three donors gave money.[34][35][36]", True),
        ("It was discussed internally.[citation needed]", True),
        ("The rule changed in 1998.²", True),
        ("Released as version 3.12", False),
        ("History [edit]", False),
        ("See the table (below).", True),
    ],
)
def test_a_sentence_end_may_carry_reference_marks(text: str, terminal: bool) -> None:
    """Footnote marks after the full stop still end a sentence; a bracket alone does not."""
    (measured,) = page(block(text))
    assert measured.features.terminal is terminal


@pytest.mark.parametrize(
    ("text", "kind", "notice"),
    [
        ("We use cookies to improve your experience on this site.", Kind.PARAGRAPH, True),
        ("Get the latest student news straight to your inbox.", Kind.PARAGRAPH, True),
        ("Subscribe to our weekly letter and never miss a story.", Kind.PARAGRAPH, True),
        (
            "This post may contain affiliate links; we earn from qualifying purchases.",
            Kind.PARAGRAPH,
            True,
        ),
        ("Harbour at dawn. Photo: Getty Images", Kind.PARAGRAPH, True),
        ("Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.", Kind.PARAGRAPH, True),
        (
            "Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler.",
            Kind.PARAGRAPH,
            True,
        ),
        ("Ja. Ich bin bereits Abonnent.", Kind.HEADING, True),  # a pitch is a notice too
        ("Pour lire la suite, créez votre compte.", Kind.HEADING, True),
        (
            "Welcome to the bakers' forum! Before you start posting, please read the forum rules.",
            Kind.PARAGRAPH,
            True,
        ),
        ("Bitte beachtet die Forenregeln, bevor ihr ein Thema eröffnet.", Kind.PARAGRAPH, True),
        ("Sorry, there was a problem. Please try again.", Kind.PARAGRAPH, True),  # an error
        ("Oops! Something went wrong while submitting the form.", Kind.PARAGRAPH, True),
        ("Ein Fehler ist aufgetreten. Bitte laden Sie die Seite neu.", Kind.PARAGRAPH, True),
        ("If the kettle stops, try again after it has cooled down.", Kind.PARAGRAPH, False),
        ("The rules of rye baking are simpler than they look.", Kind.PARAGRAPH, False),
        ("Newsletters are booming, and more people pay for them than ever.", Kind.PARAGRAPH, False),
        ("const browser = await launch(); // javascript", Kind.CODE, False),
        (" ".join(["Firefox is a browser."] * 16), Kind.PARAGRAPH, False),  # 64 words: too long
    ],
)
def test_site_notices_and_pitches(text: str, kind: Kind, notice: bool) -> None:
    """Cookie and consent lines, newsletter or affiliate pitches, a forum's rules banner and a
    page's error messages are notices; code, prose about newsletters or rules, and long
    paragraphs are not."""
    (measured,) = page(block(text, kind=kind))
    assert measured.features.notice is notice


def test_a_footer_is_never_a_page_wrapper() -> None:
    """An app shell whose script never ran shows only its <footer>; however much of the page the
    footer holds, its hint stands, and the page says it has no main content."""
    columns = "".join(
        f"<dl><dt><h5>{head}</h5></dt><dd>{links}</dd></dl>"
        for head, links in [
            (
                "Help",
                "".join(
                    f'<a href="/h{i}">{w}</a>, '
                    for i, w in enumerate(
                        [
                            "Help Centre",
                            "Disputes and reports",
                            "Refund policy",
                            "Report infringement",
                            "Transparency centre",
                            "Product recalls",
                            "Shipping times",
                            "Order tracking",
                        ]
                    )
                ),
            ),
            (
                "Our sites in other languages",
                "".join(
                    f'<a href="/l{i}">{w}</a>, '
                    for i, w in enumerate(
                        [
                            "Deutsch",
                            "Español",
                            "Français",
                            "Italiano",
                            "Nederlands",
                            "Polski",
                            "Türkçe",
                        ]
                    )
                ),
            ),
            (
                "Browse by category",
                "".join(
                    f'<a href="/c{i}">{w}</a>, '
                    for i, w in enumerate(
                        [
                            "Popular",
                            "Deals",
                            "Low prices",
                            "Great value",
                            "Reviews",
                            "Blog",
                            "Video",
                        ]
                    )
                ),
            ),
        ]
    )
    shell = (
        "<html><head><title>Wireless keyboard, aluminium case - Shop</title></head><body>"
        '<div id="root"></div>'
        f'<footer><div class="site-footer"><div class="container">{columns}</div>'
        '<p><a href="/ip">Intellectual property</a> - <a href="/privacy">Privacy policy</a> - '
        '<a href="/terms">Terms of use</a></p></div></footer></body></html>'
    )
    result = extract_result(shell)
    assert result.text == ""
    assert result.reason == "no block scored as main content"
    assert all(b.features.hint <= -2.0 for b in result.blocks)


def test_comment_headings_and_counted_headings_under_list_items() -> None:
    """Comments headings are found with a count before or after them; a page that prints more
    than one with a count (under the items of a list) has none."""
    keys = ["the bridge reopens", "109 comments", "leave a reply", "comments 18 on this story"]
    assert comment_headings(keys) == {1, 2}
    assert comment_headings(["kommentare 12", "commentaires"]) == {0, 1}
    assert comment_headings(["0 comments", "story two", "14 comments"]) == frozenset()
    assert comment_headings(["comments " + "x " * 10]) == frozenset()


_PROMPTED = {
    "de": (
        "Die Fähre fährt auch im Winter",
        [
            (
                "Der Gemeinderat von Oberried hat am Donnerstagabend beschlossen, die Fähre über den"
                " See auch im Winter fahren zu lassen."
            ),
            (
                "Mehr als zweitausend Einwohner hatten eine Petition unterschrieben, viele von ihnen"
                " pendeln jeden Morgen zur Arbeit oder zur Schule."
            ),
            (
                "Die Betreiber erhalten nun für die ruhigen Monate einen Zuschuss aus dem Hafenfonds,"
                " den die Gemeinde nach dem Sturm angelegt hatte."
            ),
        ],
        [
            "Möchten Sie weiterlesen?",
            "Ja. Ich bin bereits Abonnent und melde mich an.",
            "Auch lesen: Der Hafen bekommt einen neuen Steg",
            "Folgen Sie uns auf Facebook, Instagram und X, damit Sie nichts mehr verpassen.",
        ],
    ),
    "es": (
        "El transbordador seguirá en invierno",
        [
            (
                "El concejo municipal votó el jueves por la noche mantener el transbordador de la isla"
                " durante los meses de invierno, contra lo decidido en otoño."
            ),
            (
                "Más de dos mil vecinos firmaron una petición, muchos de ellos cruzan cada mañana al"
                " continente para trabajar o estudiar."
            ),
            (
                "El operador recibirá ahora una subvención para los meses tranquilos, pagada con el"
                " fondo del puerto que el pueblo creó después de la tormenta."
            ),
        ],
        [
            "LE PUEDE INTERESAR: El puerto tendrá un muelle nuevo",
            "¿Ya eres suscriptor? Inicia sesión para seguir leyendo.",
            (
                "Síguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas"
                " nuestras actualizaciones"
            ),
        ],
    ),
    "en": (
        "Island ferry keeps running",
        [
            (
                "The council of Porthallow voted on Thursday evening to keep the island ferry running"
                " through the winter months, reversing a decision taken in the autumn."
            ),
            (
                "The vote followed a petition signed by more than two thousand residents, many of whom"
                " cross to the mainland every morning for work or school."
            ),
            (
                "The operator will now receive a subsidy for the quiet months, paid from the harbour"
                " fund that the town set aside after the storm of 2019."
            ),
        ],
        [
            (
                "If you’re seeing this message but you’re already a subscriber, you can log in for"
                " immediate access to this story."
            ),
            "Follow us on Twitter and Instagram for the latest stories from the harbour.",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(_PROMPTED))
def test_prompts_inside_the_article_are_boilerplate(language: str) -> None:
    """A paywall prompt, a "read also" teaser and a follow-us pitch inside the article's own
    element are labels (the pitches notices too), and go, in German, Spanish and English; the
    article stays whole. Without these words the prompts, sentences in an element named for the
    article, were all kept."""
    title, paragraphs, prompts = _PROMPTED[language]
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    box = "".join(
        f"<h2>{text}</h2>" if i == 0 else f"<p>{text}</p>" for i, text in enumerate(prompts)
    )
    html = (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Start</a></nav>"
        f"<article class='article-body'><h1>{title}</h1>{body}<div class='article-end'>{box}</div>"
        "</article><footer><p>Impressum</p></footer></body></html>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == [title, *paragraphs]
    labelled = {b.text: b.features for b in result.blocks}
    assert all(labelled[text].label_word for text in prompts)


_COPIES = "Printed copies of the report are at the library, the town hall and every school office."


def test_a_short_block_after_a_label_is_its_value() -> None:
    """In a forum's user box, "Joined" and "Messages" are labels and the short blocks after them,
    under the same parent, are their values: labelled "label: value" and dropped with them,
    though the post's class words lean to content. A longer block after a label, a heading, or
    a short block under another parent is no value."""
    html = (
        "<html><head><title>Rye starter smells of acetone</title></head><body>"
        "<h1>Rye starter smells of acetone</h1>"
        "<article class='message message--post'><div class='message-user'>"
        "<h4 class='message-name'>ruthbakes</h4><div class='message-userExtras'>"
        "<dl class='pairs'><dt>Joined</dt><dd>Feb 8, 2023</dd></dl>"
        "<dl class='pairs'><dt>Messages</dt><dd>4,726</dd></dl></div></div>"
        f"<div class='message-content'><p>{PROSE}</p><p>{PROSE_2}</p></div></article>"
        f"<div class='notes'><p>Share</p><p>{_COPIES}</p></div>"
        "<div class='more'><p>Related</p><h3>Library hours</h3></div>"
        "<div class='a'><p>Tags</p></div><div class='b'><p>Library</p></div>"
        "</body></html>"
    )
    result = extract_result(html)
    labels = {b.text: b.features.label_word for b in result.blocks}
    assert labels["Feb 8, 2023"] == "joined: feb 8 2023"
    assert labels["4,726"] == "messages: 4 726"
    assert "Feb 8, 2023" not in result.text and "4,726" not in result.text
    assert PROSE in result.text and PROSE_2 in result.text
    assert labels[_COPIES] == ""
    assert labels["Library hours"] == ""
    assert labels["Library"] == ""


_PHPBB_THREAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Wintering bees in a shed: how much ventilation? - Beekeepers' Forum</title></head>
<body><div class="wrap"><div class="page-body">
<h2 class="topic-title">Wintering bees in a shed: how much ventilation?</h2>
<div id="p101" class="post has-profile bg2"><div class="inner">
<dl class="postprofile" id="profile101">
<dt><a href="./memberlist.php?u=55" class="username">hilltop_hives</a></dt>
<dd class="profile-rank">Beekeeper</dd>
<dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id=55">214</a></dd>
<dd class="profile-joined"><strong>Joined:</strong> 03 Mar 2019, 18:22</dd>
<dd class="profile-custom-field"><strong>Location:</strong> North Yorkshire</dd>
</dl>
<div class="postbody"><div id="post_content101">
<p class="author">by <a href="./memberlist.php?u=55">hilltop_hives</a> &raquo; 28 Sep 2023, 20:14</p>
<div class="content">I am building a shed to winter forty colonies and cannot decide how large the vents
should be. The walls are timber, the floor is concrete, and the roof has no insulation yet.
How much ventilation do the colonies need for the shed to stay dry through the cold months?</div>
</div></div></div></div>
<div id="p102" class="post has-profile bg1"><div class="inner">
<dl class="postprofile" id="profile102">
<dt><a href="./memberlist.php?u=7" class="username">old_apiarist</a></dt>
<dd class="profile-rank">Moderator</dd>
<dd class="profile-posts"><strong>Posts:</strong> <a href="./search.php?author_id=7">9874</a></dd>
<dd class="profile-joined"><strong>Joined:</strong> 14 Jan 2010, 11:05</dd>
<dd class="profile-custom-field"><strong>Location:</strong> Somerset</dd>
</dl>
<div class="postbody"><div id="post_content102">
<p class="author">by <a href="./memberlist.php?u=7">old_apiarist</a> &raquo; 28 Sep 2023, 21:03</p>
<div class="content">Plan on about twenty square centimetres of exhaust vent for every colony, high up
under the roof, and an intake near the floor of the same size. Damp kills more bees in a shed
than cold does, so put the vents in before you think about insulation.</div>
</div></div></div></div>
</div></div></body></html>"""


def test_poster_profile_box_beside_a_post_is_dropped() -> None:
    """phpBB's poster box (``<dl class="postprofile">``: rank, post count, join date, place)
    sits beside each post inside the thread's region; its rank and place used to be kept as
    short lines "in the main region". Its class word now weighs against it."""
    result = extract_result(_PHPBB_THREAD)
    reasons = {b.text: b.reason for b in result.blocks}
    for line in ("Beekeeper", "Location: North Yorkshire", "Moderator", "Location: Somerset"):
        assert reasons[line] == "class/id 'postprofile' (-2.0)"
        assert line not in result.text.split("\n\n")
    assert result.text.split("\n\n")[0::2] == [
        "Wintering bees in a shed: how much ventilation?",
        "I am building a shed to winter forty colonies and cannot decide how large the vents "
        "should be. The walls are timber, the floor is concrete, and the roof has no insulation "
        "yet. How much ventilation do the colonies need for the shed to stay dry through the "
        "cold months?",
        "Plan on about twenty square centimetres of exhaust vent for every colony, high up under "
        "the roof, and an intake near the floor of the same size. Damp kills more bees in a shed "
        "than cold does, so put the vents in before you think about insulation.",
    ]
    assert result.text.split("\n\n")[1::2] == [
        "by hilltop_hives » 28 Sep 2023, 20:14",
        "by old_apiarist » 28 Sep 2023, 21:03",
    ]


_XENFORO_THREAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Rear brake squeals after new pads | Cycling Forum</title></head>
<body><div class="p-body"><div class="p-body-main">
<h1 class="p-title-value">Rear brake squeals after new pads</h1>
<div class="block-body js-replyNewMessageContainer">
<article class="message message--post" data-author="gravel_grinder" id="js-post-501">
<div class="message-inner"><div class="message-cell message-cell--user">
<section class="message-user">
<div class="message-userDetails">
<h4 class="message-name"><a href="/members/gravel_grinder.12/" class="username">gravel_grinder</a></h4>
<h5 class="userTitle message-userTitle" itemprop="jobTitle">Well-known member</h5>
</div>
<div class="message-userExtras">
<dl class="pairs pairs--justified"><dt>Joined</dt><dd>Mar 3, 2019</dd></dl>
<dl class="pairs pairs--justified"><dt>Messages</dt><dd>412</dd></dl>
</div></section></div>
<div class="message-cell message-cell--main"><div class="message-content">
<article class="message-body"><div class="bbWrapper">I fitted new resin pads to my rear disc
brake last week and since then it squeals loudly every time I stop. The rotor looks clean and the
caliper is centred. Is there a bedding-in procedure I skipped, or should I try metal pads instead?</div></article>
</div></div></div></article>
<article class="message message--post" data-author="spoke_wrench" id="js-post-502">
<div class="message-inner"><div class="message-cell message-cell--user">
<section class="message-user">
<div class="message-userDetails">
<h4 class="message-name"><a href="/members/spoke_wrench.7/" class="username">spoke_wrench</a></h4>
<h5 class="userTitle message-userTitle" itemprop="jobTitle">Senior Mechanic</h5>
</div>
<div class="message-userExtras">
<dl class="pairs pairs--justified"><dt>Joined</dt><dd>Jan 14, 2010</dd></dl>
<dl class="pairs pairs--justified"><dt>Messages</dt><dd>9,874</dd></dl>
</div></section></div>
<div class="message-cell message-cell--main"><div class="message-content">
<article class="message-body"><div class="bbWrapper">New pads always need bedding in. Find a quiet
road, ride at a steady speed and brake firmly down to walking pace about twenty times without
locking the wheel. If the noise stays after that, clean the rotor with alcohol and check that the
pads sit flat in the caliper.</div></article>
</div></div></div></article>
</div></div></div></body></html>"""


def test_poster_title_under_the_name_is_dropped() -> None:
    """XenForo prints the poster's title ("Senior Mechanic", a rank the board gives) under each
    name (``<h5 class="userTitle message-userTitle">``); vBulletin's ``usertitle`` and
    ``userrank`` boxes hold the same. Inside the post's ``<article class="message">`` it scored
    -0.15 and was kept "in the main region"; its class word now weighs -4.5 and it goes."""
    result = extract_result(_XENFORO_THREAD)
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Senior Mechanic"] == "class/id 'message-usertitle' (-3.7)"
    assert result.text.split("\n\n") == [
        "Rear brake squeals after new pads",
        "gravel_grinder",
        "I fitted new resin pads to my rear disc brake last week and since then it squeals "
        "loudly every time I stop. The rotor looks clean and the caliper is centred. Is there a "
        "bedding-in procedure I skipped, or should I try metal pads instead?",
        "spoke_wrench",
        "New pads always need bedding in. Find a quiet road, ride at a steady speed and brake "
        "firmly down to walking pace about twenty times without locking the wheel. If the noise "
        "stays after that, clean the rotor with alcohol and check that the pads sit flat in the "
        "caliper.",
    ]


def test_reactions_bar_under_a_post_is_dropped() -> None:
    """XenForo's bar under a post that names who reacted to it ("Reactions: spoke_wrench and
    chain_lube") sits inside the post's ``<article class="message">`` and was kept; its class
    word now weighs against it."""
    bar = (
        '<div class="reactionsBar js-reactionsList is-active">'
        '<ul class="reactionSummary"><li><span class="reaction reaction--small">'
        '<img alt="Like" src="/like.svg"></span></li></ul>'
        '<span class="u-srOnly">Reactions:</span> '
        '<a class="reactionsBar-link" href="/posts/501/reactions">spoke_wrench and chain_lube</a>'
        "</div>"
    )
    first_post_end = "metal pads instead?</div></article>"
    assert _XENFORO_THREAD.count(first_post_end) == 1
    page = _XENFORO_THREAD.replace(first_post_end, first_post_end + bar)
    result = extract_result(page)
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Reactions: spoke_wrench and chain_lube"] == "class/id 'reactionsbar' (-3.0)"
    assert "Reactions" not in result.text
    assert result.text == extract_result(_XENFORO_THREAD).text


def test_poster_banner_and_extras_beside_a_post_are_dropped() -> None:
    """XenForo's poster box holds, besides the title, a banner ("Staff Member",
    ``message-userBanner``) and extras: the join date and message count, which the field-list
    rule takes, and custom fields printed as a plain list ("Touring cyclist",
    ``message-userExtras``), which stayed as a short line of the post's ``<article>``."""
    banner = '<div class="userBanner userBanner--staff message-userBanner"><strong>Staff Member</strong></div>'
    field = '<ol class="listInline listInline--customField"><li>Touring cyclist</li></ol>'
    title = '<h5 class="userTitle message-userTitle" itemprop="jobTitle">Senior Mechanic</h5>'
    count = '<dl class="pairs pairs--justified"><dt>Messages</dt><dd>9,874</dd></dl>'
    assert _XENFORO_THREAD.count(title) == 1 and _XENFORO_THREAD.count(count) == 1
    page = _XENFORO_THREAD.replace(title, title + banner).replace(count, count + field)
    result = extract_result(page)
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Staff Member"] == "class/id 'message-userbanner' (-3.7)"
    assert reasons["Touring cyclist"] == "class/id 'message-userextras' (-3.7)"
    assert result.text == extract_result(_XENFORO_THREAD).text


_DISCOURSE_CRAWLER_THREAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Sourdough starter smells of acetone - Baking Community</title></head>
<body><div class="wrap" id="main-outlet">
<div id="topic-title"><h1><a href="/t/sourdough-starter-smells-of-acetone/812">Sourdough starter smells of acetone</a></h1></div>
<div class="topic-body crawler-post" id="post_1" itemscope itemtype="http://schema.org/DiscussionForumPosting">
<div class="crawler-post-meta"><span class="creator" itemprop="author"><a href="/u/rye_rita"><span itemprop="name">rye_rita</span></a></span>
<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2025-03-02T08:14:00Z" class="post-time">March 2, 2025, 8:14am</time></span></div>
<div class="post" itemprop="text"><p>My starter is two weeks old and every morning it smells strongly of nail polish remover. It
rises a little after feeding but falls again within a few hours. I feed it equal weights of rye
flour and water once a day. Is it dying, or is this normal for a young starter?</p></div>
<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
<meta itemprop="interactionType" content="http://schema.org/LikeAction"/><meta itemprop="userInteractionCount" content="3" />
<span class="post-likes">3 Likes</span></div>
</div>
<div class="topic-body crawler-post" id="post_2" itemscope itemtype="http://schema.org/DiscussionForumPosting">
<div class="crawler-post-meta"><span class="creator" itemprop="author"><a href="/u/crumb_carl"><span itemprop="name">crumb_carl</span></a></span>
<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2025-03-02T09:40:00Z" class="post-time">March 2, 2025, 9:40am</time></span></div>
<div class="post" itemprop="text"><p>The acetone smell means the yeast is hungry. Feed it twice a day for a week, morning and
evening, and keep it somewhere warm. Once it doubles reliably within six hours of a feed the
smell will turn sour and fruity, and it is ready to bake with.</p></div>
<div itemprop="interactionStatistic" itemscope itemtype="http://schema.org/InteractionCounter">
<meta itemprop="interactionType" content="http://schema.org/LikeAction"/><meta itemprop="userInteractionCount" content="12" />
<span class="post-likes">12 Likes</span></div>
</div>
</div></body></html>"""


def test_a_posts_like_counter_is_dropped() -> None:
    """Discourse's crawler view closes each post with its likes as a schema.org
    ``interactionStatistic`` ("3 Likes"); a Q&A site marks its vote count ``upvoteCount``. Such a
    counter sat in the post's box and was kept; its property now weighs -4.0."""
    result = extract_result(_DISCOURSE_CRAWLER_THREAD)
    reasons = {b.text: b.reason for b in result.blocks}
    for line in ("3 Likes", "12 Likes"):
        assert reasons[line] == "class/id 'interactionstatistic' (-4.0)"
    assert [p[:30] for p in result.text.split("\n\n")] == [
        "Sourdough starter smells of ac",
        "rye_rita March 2, 2025, 8:14am",
        "My starter is two weeks old an",
        "crumb_carl March 2, 2025, 9:40",
        "The acetone smell means the ye",
    ]


_IPS_THREAD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Kayak rudder cable keeps slipping - Paddlers' Forum</title></head>
<body><div id="ipsLayout_body"><main id="ipsLayout_mainArea">
<h1 class="ipsType_pageTitle">Kayak rudder cable keeps slipping</h1>
<div id="elPostFeed"><form>
<article id="elComment_101" class="cPost ipsBox ipsComment ipsComment_parent">
<aside class="cAuthorPane"><h3 class="cAuthorPane_author"><strong><a href="/profile/11-reedwarbler/">reedwarbler</a></strong></h3>
<ul class="ipsBadges"><li><span class="ipsBadge ipsBadge--author">Author</span></li></ul></aside>
<div class="ipsColumn ipsColumn_fluid"><div class="cPost_contentWrap">
<div data-role="commentContent" class="ipsType_normal ipsType_richText ipsContained"><p>The cable of my
rudder slips through its crimp every few trips, so the rudder swings to one side and I have to
paddle on one side only to get home. I have crimped it twice already. Is there a better way to
fix the cable end than a crimp?</p></div>
<ul class="ipsReact_reactions"><li class="ipsReact_reactCount"><span>4</span></li></ul>
</div></div></article>
<article id="elComment_102" class="cPost ipsBox ipsComment ipsComment_parent">
<aside class="cAuthorPane"><h3 class="cAuthorPane_author"><strong><a href="/profile/7-saltspray/">saltspray</a></strong></h3></aside>
<div class="ipsColumn ipsColumn_fluid"><div class="cPost_contentWrap">
<div data-role="commentContent" class="ipsType_normal ipsType_richText ipsContained"><p>Use a small
stainless cable clamp with two screws instead of the crimp, and loop the cable back on itself
through the clamp. It holds far better than a crimp, and you can adjust the length on the beach
with a screwdriver.</p></div>
<ul class="ipsReact_reactions"><li class="ipsReact_reactCount"><span>9</span></li></ul>
</div></div></article>
</form></div></main></div></body></html>"""


def test_reaction_counts_under_an_invision_post_are_dropped() -> None:
    """Invision Community closes each post with its count of reactions (``<li
    class="ipsReact_reactCount">4</li>``): a lone number kept as a list item of the post. The
    software's ``ipsReact`` prefix now weighs against it."""
    result = extract_result(_IPS_THREAD)
    reasons = {b.text: b.reason for b in result.blocks}
    for count in ("4", "9"):
        assert reasons[count] == "class/id 'ipsreact_reactcount' (-3.0)"
    assert [p[:30] for p in result.text.split("\n\n")] == [
        "Kayak rudder cable keeps slipp",
        "reedwarbler",
        "The cable of my rudder slips t",
        "saltspray",
        "Use a small stainless cable cl",
    ]


_CONSENT_BANNER_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Window cleaning for offices | Clearview Services</title></head>
<body class="page-template-default page">
<section class="hero">
<h1>Window cleaning for offices</h1>
<p>We clean the windows of offices, shops and surgeries across the county, inside and out, up
to the fourth floor without scaffolding. Our teams work early in the morning or at weekends so
that your staff and customers are never disturbed.</p>
<p>Every visit is done by the same two trained cleaners, who use purified water and soft brushes
that leave no streaks and do not damage seals or frames. Regular customers get a fixed price per
visit and can pause the service at any time.</p>
</section>
<section class="about"><h2>Gutters and signs too</h2>
<p>On the same visit we can clear gutters, wash fascias and clean the signs above your door, so
that the whole front of the building looks cared for. Ask for a quote when we next call.</p>
</section>
<div id="cmplz-cookiebanner-container"><div class="cmplz-cookiebanner cmplz-hidden banner-1 bottom-right optin cmplz-bottom-right">
<div class="cmplz-header"><div class="cmplz-title">Manage Consent</div></div>
<div class="cmplz-body"><div class="cmplz-message">To provide the best experiences, we use technologies like cookies to store and/or access device information.</div>
<div class="cmplz-categories">
<details class="cmplz-category cmplz-functional"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">Functional</span></span></summary>
<div class="cmplz-description"><span class="cmplz-description-functional">The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of a specific service explicitly requested by the subscriber or user, or for the sole purpose of carrying out the transmission of a communication over an electronic communications network.</span></div></details>
<details class="cmplz-category cmplz-statistics"><summary><span class="cmplz-category-header"><span class="cmplz-category-title">Statistics</span></span></summary>
<div class="cmplz-description"><span class="cmplz-description-statistics">The technical storage or access that is used exclusively for statistical purposes, which without a subpoena, voluntary compliance on the part of your Internet Service Provider, or additional records from a third party, could not be used to identify you.</span></div></details>
</div></div>
<div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">Accept</button><button class="cmplz-btn cmplz-deny">Deny</button></div>
</div></div>
</body></html>"""


def test_a_consent_banner_named_by_its_vendor_is_dropped() -> None:
    """A Complianz banner (``cmplz-`` on every element) after a one-column page: its texts of
    purposes name no cookie, so no notice rule takes them, and at the banner's "cookie" weight
    they were kept with the page's body as its region. The vendor's class word now weighs -4.0."""
    result = extract_result(_CONSENT_BANNER_PAGE)
    reasons = {b.text[:40]: b.reason for b in result.blocks}
    assert reasons["The technical storage or access is stric"] == (
        "class/id 'cmplz' (-3.0); outside the main region"
    )
    assert "technical storage" not in result.text
    assert [p[:30] for p in result.text.split("\n\n")] == [
        "Window cleaning for offices",
        "We clean the windows of office",
        "Every visit is done by the sam",
        "Gutters and signs too",
        "On the same visit we can clear",
    ]


_SIGNATURE_UNDER_A_RULE = """<html lang="en"><head><meta charset="utf-8">
<title>Damp cellar wall: is a waterproof render worth it? - DIY Forum</title></head><body>
<div class="topic">
<div class="post"><div class="author">stone_cellar</div>
<div class="postbody">We bought a house from 1958 last year, with a rubble stone cellar on a slope. On the
wall facing the hill the render is dark up to about 80 cm and crumbles, and in summer it smells
musty. Digging outside is hardly possible there, because the neighbour's drive runs right along it.</div>
</div>
<div class="post"><div class="author">lime_karl</div>
<div class="postbody">With a rubble stone cellar from 1958 I would be very careful with a waterproof
render. It locks the moisture into the wall, which then finds another way out, mostly upwards or
around the edge of the render. After a few years it flakes off above the line of the render.</div>
<div class="postbody"><br />_________________<br />Cheers, Karl<br />I have renovated old houses for thirty years, and I still learn something new on every site.</div>
</div>
</div></body></html>"""


def test_a_block_under_a_rule_of_underscores_is_a_signature() -> None:
    """phpBB prints a rule of underscores above a signature inside a box named for the post: the
    block weighs as a signature named in the markup, so it is dropped."""
    result = extract_result(_SIGNATURE_UNDER_A_RULE)
    signature = next(b for b in result.blocks if b.text.startswith("_____"))
    assert signature.features.hint == -3.5
    assert signature.reason == "class/id 'signature rule' (-3.5)"
    assert signature.label is Label.BOILERPLATE
    assert "Cheers, Karl" not in result.text
    assert result.text.endswith("After a few years it flakes off above the line of the render.")


_WIKI_NAVBOX = """<html lang="en"><head><meta charset="utf-8"><title>Falkenrode Castle - Wiki</title></head>
<body><div id="content" class="mw-body"><h1 class="firstHeading">Falkenrode Castle</h1>
<div class="mw-parser-output">
<p>Falkenrode Castle is a ruined hill castle on a spur above the Saale valley. Its keep, built of
local slate with sandstone corners, still stands to a height of about twenty metres.</p>
<p>The castle was first named in a deed of 1214 and was abandoned after a fire in the sixteenth
century. A local society has looked after the ruin since 2006 and opens the keep at weekends.</p>
<table class="navbox"><tr><th class="navbox-title">Castles of the upper Saale valley</th></tr>
<tr><td class="navbox-list">Hainstein Castle · Falkenrode Castle · Oberhain Palace · Kulm Castle site · Wasserburg Mill</td></tr>
</table>
</div></div></body></html>"""


def test_a_wikis_navigation_box_weighs_against_its_rows() -> None:
    """MediaWiki's navigation box under an article (``<table class="navbox">``) lists the other
    pages of a series; its list row used to be kept as "a row"."""
    result = extract_result(_WIKI_NAVBOX)
    row = next(b for b in result.blocks if b.text.startswith("Hainstein Castle"))
    assert row.label is Label.BOILERPLATE
    assert row.reason == "class/id 'navbox' (-2.5)"
    assert "Oberhain Palace" not in result.text


_BROWSER_NOTES = """<html lang="en"><head><meta charset="utf-8"><title>These weeks in the nightly builds</title></head>
<body><article><h1>These weeks in the nightly builds</h1>
<p>Tabs opened from a pinned window now keep their container when the browser restarts.</p>
<p>The team fixed a flicker that occurred when launching the browser with a dark theme.</p>
<p>Scripts of extensions no longer run twice in frames that JavaScript inserts after load.</p>
<p>Your browser does not support the video tag.</p>
<p>Please enable JavaScript to view the comments.</p>
</article></body></html>"""


def test_a_browser_or_javascript_named_in_prose_is_no_notice() -> None:
    """Release notes of a browser name the browser and JavaScript in every line; only the
    wording of a banner ("your browser does not support", "enable JavaScript") is a notice."""
    result = extract_result(_BROWSER_NOTES)
    notice = {b.text: b.features.notice for b in result.blocks}
    notes = [
        "Tabs opened from a pinned window now keep their container when the browser restarts.",
        "The team fixed a flicker that occurred when launching the browser with a dark theme.",
        "Scripts of extensions no longer run twice in frames that JavaScript inserts after load.",
    ]
    assert [notice[n] for n in notes] == [False, False, False]
    assert notice["Your browser does not support the video tag."]
    assert notice["Please enable JavaScript to view the comments."]
    assert result.text.split("\n\n")[:4] == ["These weeks in the nightly builds", *notes]


_OTHER_NEWS = (
    """<html lang="en"><head><meta charset="utf-8"><title>Restoration of six wooden houses to begin</title></head>
<body><div class="content">
<h1>Restoration of six wooden houses to begin</h1>
"""
    + WOODEN_HOUSES
    + """<div><b>Other news:</b></div>
<div>15.10.2019 <a href="/news/48190/">Monastery wall in the old town to be repaired this winter</a></div>
<div>14.10.2019 <a href="/news/48152/">Merchant's house may become a museum after the works</a></div>
<div>11.10.2019 <a href="/news/48101/">Volunteers clear the foundations of the old manor</a></div>
</div></body></html>"""
)


def test_other_news_is_a_boilerplate_label() -> None:
    """ "Other news:" over a list of teasers under an article is a label like "More news"
    (and its forms in other languages: "Другие новости", "Autres articles", "Otras noticias")."""
    result = extract_result(_OTHER_NEWS)
    label = next(b for b in result.blocks if b.text == "Other news:")
    assert label.features.label_word == "other news"
    assert label.label is Label.BOILERPLATE
    assert result.text.endswith("the work on each house should take about eight months.")


def test_blocks_of_equal_text_share_only_what_their_text_settles() -> None:
    """Blocks of equal text and kind (a page repeats its dates and buttons) get the same word
    count, density, sentence and title figures, but each keeps its own position, link density,
    repetition count and the label it is the value of: a date after "Joined" under the same
    parent is that label's value; the same date under an article is not."""
    box, user, post = node(1, "div"), node(2, "dl", "pairs"), node(3, "article")
    measured = page(
        block("Joined", (box, user, node(4, "dt"))),
        block("Feb 8, 2023", (box, user, node(5, "dd"))),
        block("Feb 8, 2023", (box, post, node(6, "p")), link_chars=11),
        block("Feb 8, 2023", (box, post, node(7, "pre")), kind=Kind.CODE),
        title="Rye starter",
    )
    value, date, code = measured[1].features, measured[2].features, measured[3].features
    assert (value.words, value.text_density, value.terminal, value.sentences) == (
        date.words,
        date.text_density,
        date.terminal,
        date.sentences,
    )
    assert value.label_word == "joined: feb 8 2023"
    assert date.label_word == ""
    assert (value.position, date.position) == (0.25, 0.5)
    assert (value.link_density, date.link_density) == (0.0, 1.0)
    assert value.duplicates == date.duplicates == code.duplicates == 2
    assert code.label_word == "" and code.notice is False


_ZH_POSTS = """<html><body><div id="postlist">
<div class="post"><div class="authi"><em>发表于 2024-3-5 21:40</em> | <a href="#">只看该作者</a></div>
<div class="t_f">朝北的阳台别种番茄和辣椒了，这些都是喜光的作物，光照不够一定会徒长，可以试试生菜、菠菜和小白菜。</div></div>
<div class="post"><div class="authi"><em>发表于 2024-3-6 10:17</em> | <a href="#">只看该作者</a></div>
<div class="t_f">补光灯尽量从正上方照，距离叶子二三十厘米就可以，叶子发黄发白就说明离得太近了。</div></div>
</div></body></html>"""


def test_posted_at_line_is_a_label() -> None:
    """A Chinese forum's "发表于 <date>" line over each post ("posted at", like "Posted by")
    is a call-to-action-style label and is dropped; the posts stay."""
    assert label_word("发表于 2024-3-5 21:40 | 只看该作者") == "发表于"
    assert label_word("發表於 2024-3-5 21:40") == "發表於"
    text = extract_result(_ZH_POSTS).text
    assert "发表于" not in text
    assert "补光灯尽量从正上方照" in text and "朝北的阳台别种番茄" in text


_TRAIL_IN_THE_COLUMN = """<html lang="fr"><head><meta charset="utf-8">
<title>Le pont de la Vire rouvre aux piétons - Le Courrier du Bocage</title></head><body>
<table><tr><td class="colonne">
<p><a href="/">Accueil</a> &gt; <a href="/breves/">Brèves</a> &gt; Saint-Lô</p>
<h1>Le pont de la Vire rouvre aux piétons</h1>
<p>Fermé depuis le printemps pour des travaux sur ses piles, le vieux pont de la Vire rouvre
aux piétons ce samedi matin. Les voitures devront encore attendre la fin du mois, le temps de
refaire la chaussée et les trottoirs.</p>
<p>La mairie rappelle que la passerelle provisoire sera démontée dès lundi, et que le marché du
samedi retrouve sa place habituelle sur le quai.</p>
<p>Pour ouvrir le plan, choisissez <a href="/plan">Fichier</a> &gt; Ouvrir &gt; Plan du centre.</p>
</td></tr></table></body></html>"""


def test_a_breadcrumb_trail_written_out_as_text_is_a_label() -> None:
    """A breadcrumb trail without a class word ("Accueil > Brèves > Saint-Lô": three steps of
    a few words, a link among them) inside the article's column is labelled "breadcrumb" and
    dropped. A sentence naming a menu path opens with a step of many words and is none; nor
    is code, whose ">" has no space before it (``FnOnce(T) -> U``, ``Vec<T>``)."""
    result = extract_result(_TRAIL_IN_THE_COLUMN)
    trail = result.blocks[0]
    assert trail.features.label_word == "breadcrumb"
    assert trail.label is Label.BOILERPLATE
    assert result.text.split("\n\n") == [
        "Le pont de la Vire rouvre aux piétons",
        "Fermé depuis le printemps pour des travaux sur ses piles, le vieux pont de la Vire "
        "rouvre aux piétons ce samedi matin. Les voitures devront encore attendre la fin du "
        "mois, le temps de refaire la chaussée et les trottoirs.",
        "La mairie rappelle que la passerelle provisoire sera démontée dès lundi, et que le "
        "marché du samedi retrouve sa place habituelle sur le quai.",
        "Pour ouvrir le plan, choisissez Fichier > Ouvrir > Plan du centre.",
    ]
    assert _trail("Home » News » Local", Kind.PARAGRAPH) == "breadcrumb"
    assert _trail("Home » News", Kind.PARAGRAPH) == ""  # two steps: a heading's "Section › Title"
    for code in ("where F: FnOnce(T) -> U, G: Fn() -> V", "impl<T> Borrow<T> for Box<T>"):
        assert _trail(code, Kind.PARAGRAPH) == ""
    assert _trail("a > b > c", Kind.CODE) == ""


_SHARE_BAR_IN_THE_ARTICLE = """<html lang="de"><head><meta charset="utf-8">
<title>Die Fähre nach Juist fährt wieder nach Plan - Inselbote</title></head><body>
<article class="article">
<h1>Die Fähre nach Juist fährt wieder nach Plan</h1>
<div class="article-tools"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a>
<a href="/s/wa">WhatsApp</a> <a href="/s/mail">E-Mail</a> <a href="/s/print">Drucken</a></div>
<p>Nach drei Wochen mit Ausfällen wegen Niedrigwassers fährt die Fähre nach Juist seit Montag
wieder nach dem gewohnten Fahrplan. Die Reederei hatte die Fahrrinne ausbaggern lassen.</p>
<p>Facebook, Instagram und WhatsApp nutzten viele Gäste in dieser Zeit, um sich über die
Abfahrten auszutauschen, berichtet die Kurverwaltung.</p>
</article></body></html>"""


def test_a_share_bar_is_a_label() -> None:
    """A short line of three or more share targets ("Facebook X WhatsApp E-Mail Drucken") that
    make up half its words is a share bar, labelled "share" and dropped, although the article's
    class word lifts it. A sentence naming three networks is text."""
    result = extract_result(_SHARE_BAR_IN_THE_ARTICLE)
    bar = next(b for b in result.blocks if b.text.startswith("Facebook X"))
    assert bar.features.label_word == "share"
    assert bar.label is Label.BOILERPLATE
    paragraphs = result.text.split("\n\n")
    assert [p[:30] for p in paragraphs] == [
        "Die Fähre nach Juist fährt wie",
        "Nach drei Wochen mit Ausfällen",
        "Facebook, Instagram und WhatsA",
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Zum Erweitern anklicken...", "zum erweitern anklicken"),
        ("Genişletmek için tıkla...", "genişletmek için tıkla"),
        ("Нажмите, чтобы раскрыть...", "нажмите чтобы раскрыть"),
        ("Clicca per espandere...", "clicca per espandere"),
    ],
)
def test_a_forum_quote_toggle_is_a_label_in_many_languages(text: str, label: str) -> None:
    """The toggle under a long quote in a forum post ("Click to expand...") is forum chrome in
    the languages forum software ships, not only in English."""
    assert label_word(text) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sort by:", "sort by"),
        ("Sorted by: Relevance", "sorted by"),
        ("Results per page", "results per page"),
        ("Sortieren nach:", "sortieren nach"),
        ("Trier par : Pertinence", "trier par"),
        ("Ordenar por:", "ordenar por"),
        ("並び替え", "並び替え"),
        ("Showing 30 results per page", "per page"),
        ("Show 90 per page", "per page"),
        ("Zeige 24 pro Seite", "per page"),
    ],
)
def test_a_lists_sort_and_page_size_controls_are_labels(text: str, label: str) -> None:
    """The labels of a listing's or a thread's sort and page-size controls, whose options are
    form fields (never read), are labels of boilerplate in several languages."""
    assert label_word(text) == label
    assert control_label(label)
    assert not box_label(label) and not teaser_label(label)  # the list it sorts follows it


def test_a_price_per_page_is_no_page_size_control() -> None:
    """Only a count after a verb of showing makes a page-size control: a print shop's price per
    page, or a plan billed per page, is text."""
    assert label_word("$0.10 per page") == ""
    assert label_word("Pay per page") == ""
    assert label_word("Colour prints cost 40 cents per page") == ""


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("jdoe likes this.", "like this"),
        ("AnnB and Tom77 like this.", "like this"),
        ("Ann_B, Tom77, mira and 2 others like this.", "like this"),
        ("Karl und 3 weiteren gefällt das.", "like this"),
        ("Marie et 2 autres aiment ça", "like this"),
        ("I like this.", ""),
        ("Mir gefällt das.", ""),
        ("The output will look like this", ""),
    ],
)
def test_a_posts_reaction_summary_is_a_label(text: str, label: str) -> None:
    """The reaction summary under a forum post (who liked it) is a label; a short reply of one's
    own ("I like this.") and a sentence that ends so are not."""
    assert label_word(text) == label


def test_notice_words_the_title_holds_are_the_pages_topic() -> None:
    """On a page whose title names cookies (a recipe), a sentence about cookies is no notice; a
    notice word that the title does not hold still makes one."""
    baking = "Let the cookies cool on the tray for five minutes so they do not break."
    banner = "We use cookies to improve your experience on this site."
    privacy = "Read our privacy policy before you sign up for the baking class."
    blocks = page(block(baking), block(banner), block(privacy), title="Chewy oatmeal cookies")
    assert [b.features.notice for b in blocks] == [False, False, True]
    (untitled,) = page(block(baking))
    assert untitled.features.notice is True
    (one_word,) = page(block("Roll the cookie dough into balls."), title="Oat cookies")
    assert one_word.features.notice is False  # "cookie" and "cookies" are one word


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["page", "seite", "showing", "of", "von", "to", "-", "1", "24", "x_y", "a"]
        ),
        max_size=6,
    )
)
def test_ascii_counter_agrees_with_the_unicode_pattern(words: list[str]) -> None:
    """ASCII fingerprints go to the standard library's engine: same counter, same label."""
    key = " ".join(words)
    found = features_module._COUNTER.match(key)
    fast = features_module._ASCII_COUNTER.match(key)
    assert (found and found.group()) == (fast and fast.group())


def test_counters_are_labels() -> None:
    """A pager's or a result list's counter is a label, in English, Spanish and the rest."""
    assert label_word("Showing 1 - 24 of 291 results") == "showing 1 24 of 291"
    assert label_word("Page 2 of 8") == "page 2 of 8"
    assert label_word("Página 2 de 8") == "página 2 de 8"


def test_page_wrappers_read_from_the_element_tree() -> None:
    """The elements that wrap most of a walked page's text are read from its element tree (the
    text of each element's run of blocks) and are those found by adding up each group of blocks;
    the hints, and so the features, come out the same with the tree or without it."""
    html = (
        "<html><body><div class='page wrapper'><nav><a href='/'>Home</a> <a href='/b'>Blog</a>"
        f"</nav><div class='content'><h1>Ferry keeps running</h1><p>{PROSE}</p><p>{PROSE_2}</p>"
        "</div></div><footer class='footer'><p>All rights reserved.</p></footer></body></html>"
    )
    blocks = segment(load(html, None, Options()), NEVER)
    tree = element_tree(blocks)
    assert tree.runs
    groups = block_groups(blocks, enclosing_keys(blocks))
    wrappers = page_wrappers(blocks, groups, tree)
    assert wrappers == page_wrappers(blocks, groups, None)
    page_div = blocks[0].path[2].id
    assert wrappers[page_div] == 4 / 5  # four of the five blocks, and most of the text
    assert measure(blocks, "Ferry keeps running", tree=tree) == measure(
        blocks, "Ferry keeps running"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Customer Reviews", True),
        ("Reviews (12)", True),
        ("128 reviews", True),
        ("Ratings & Reviews", True),
        ("Kundenbewertungen", True),
        ("Avis clients", True),
        ("Recensioni", True),
        ("Reviews for Trail Runner 2", True),
        ("29 reviews for Minimalist Sandals Zero", True),
        ("Bewertungen zu Mühlwerk Konus 48", True),
        ("Reviews summary", True),
        ("User testimonials", True),
        ("Review", False),  # a critic's review of the product is its text
        ("Review of the year", False),
        ("Write a review", False),
        ("Our reviewers tested fifty trail shoes", False),
        ("Reviews for the trail runner that our whole team wore through three long summers", False),
    ],
)
def test_review_heading(text: str, expected: bool) -> None:
    """Headings of customer reviews, in several languages, with or without their count, or
    naming the product after a linking word (in at most REVIEW_NAMED_MAX_WORDS words)."""
    assert review_heading(fingerprint(text)) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("5.0 out of 5 stars Works great", True),
        ("4,0 von 5 Sternen Gut verarbeitet", True),
        ("5 de 5 estrellas Muy bueno", True),
        ("4.5 out of 5 stars", False),  # a rating summary, no title
        ("4.6 out of 5 stars, 44,754 ratings", False),
        ("Rated 4.8 out of 5", False),
        ("Works great", False),
    ],
)
def test_rated_review_titles(title: str, expected: bool) -> None:
    """Two headings that open with a star rating and go on with a title mark customer reviews:
    each heading and the paragraph under it."""
    html = (
        f"<html><body><h1>Lamp</h1><p>A lamp for the desk.</p><h3>{title}</h3>"
        "<p>I use it every evening.</p><h3>1.0 out of 5 stars Broke quickly</h3>"
        "<p>The arm snapped after a week.</p><h2>Details</h2><p>Steel arm.</p></body></html>"
    )
    blocks = segment(load(html, None, Options()), NEVER)
    assert rated_reviews(blocks) == ({2, 3, 4, 5} if expected else frozenset())


def test_notice_terms_of_ascii_and_unspaced_fingerprints() -> None:
    """An ASCII fingerprint is searched without the unspaced scripts' terms, which it cannot
    hold: the same terms are found as with the whole pattern, in both kinds of text."""
    from declutter.features import _NOTICE, is_notice, notice_terms

    ascii_key = "we use cookies to improve the site see our privacy policy"
    assert notice_terms(ascii_key) == frozenset({"cookies", "privacy policy"})
    assert notice_terms(ascii_key) == frozenset(
        m.group().strip() for m in _NOTICE.finditer(f" {ascii_key}")
    )
    assert is_notice(ascii_key, frozenset())
    assert not is_notice("the ferry leaves at nine from the south pier", frozenset())
    cjk_key = "本サイトの個人情報の取り扱いについて"
    assert notice_terms(cjk_key) == frozenset({"個人情報"})
    assert is_notice(cjk_key, frozenset())


def test_share_bar_needs_share_names_whatever_is_found_first() -> None:
    """A short block without any share name is no share bar (settled before the names are
    listed); one of SHARE_MIN_NAMES names or more, making half its words, is."""
    from declutter.features import _share_bar

    assert _share_bar(["share", "facebook", "x", "email"], 4, False, Kind.PARAGRAPH) == "share"
    assert _share_bar(["ferry", "times", "and", "fares"], 4, False, Kind.PARAGRAPH) == ""
    assert (
        _share_bar(["facebook", "and", "the", "harbour", "office"], 5, False, Kind.PARAGRAPH) == ""
    )
