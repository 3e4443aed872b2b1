"""Stage 5: choosing the main content."""

from __future__ import annotations

from dataclasses import replace

from helpers import FERRY_FARES, PROSE, PROSE_2, WOODEN_HOUSES, block, ferry_story, node, page

from declutter import extract, extract_result
from declutter.blocks import Block, Kind, Label, Node
from declutter.deadline import NEVER
from declutter.features import measure
from declutter.load import load
from declutter.options import Options
from declutter.refine import fill_span
from declutter.scoring import score
from declutter.segment import segment
from declutter.select import Selection, _commented, _sums, select, value
from declutter.tree import element_tree

BODY = node(0, "body")
ARTICLE = node(1, "article")
ASIDE = node(2, "div")


def _labels(blocks: list) -> list[str]:
    return [b.label.value for b in blocks]


def test_main_region_and_headline() -> None:
    """The article region is chosen, its h1 kept once as headline, its echo dropped."""
    blocks = score(
        page(
            block("Ferry keeps running", (BODY, node(9, "div"), node(10, "span")), link_chars=0),
            block(
                "Ferry keeps running", (BODY, ARTICLE, node(3, "h1")), kind=Kind.HEADING, level=1
            ),
            block(PROSE, (BODY, ARTICLE, node(4, "p"))),
            block(PROSE_2, (BODY, ARTICLE, node(5, "p"))),
            block("Other story title here", (BODY, ASIDE, node(6, "a")), link_chars=22),
            title="Ferry keeps running",
        )
    )
    selection = select(blocks)
    assert selection.region == 1
    assert selection.headline == 1
    assert _labels(selection.blocks) == [
        "boilerplate",
        "headline",
        "content",
        "content",
        "boilerplate",
    ]
    assert (
        selection.blocks[0].reason == "repeats the headline"
        or "outside" in selection.blocks[0].reason
    )


def test_favor_changes_what_is_kept() -> None:
    """Precision drops a borderline block that balanced and recall keep."""
    blocks = score(
        page(
            block(PROSE, (BODY, ARTICLE, node(4, "p"))),
            block("Photo archive", (BODY, ARTICLE, node(5, "p"))),
            block(PROSE_2, (BODY, ARTICLE, node(6, "p"))),
        )
    )
    blocks[1] = replace(blocks[1], score=0.0, label=Label.BOILERPLATE)  # between the bars
    assert select(blocks, "recall").blocks[1].label is Label.CONTENT
    assert select(blocks, "precision").blocks[1].label is Label.BOILERPLATE


def test_no_content_gives_reason() -> None:
    """A page of links only selects nothing and says why."""
    blocks = score(
        page(*(block(f"Link {i}", (BODY, node(i + 10, "a")), link_chars=6) for i in range(5)))
    )
    selection = select(blocks)
    assert all(b.label is Label.BOILERPLATE for b in selection.blocks)
    assert selection.reason == "no block scored as main content"


PROSE_3 = (
    "The district will hold two further meetings in October, one of them in the evening so that "
    "working parents can attend."
)


def test_lone_repeat_in_a_sibling_section_kept_copied_run_dropped() -> None:
    """Two sections of one article: a paragraph the text repeats in the second is kept, a copied
    run of two blocks (a responsive duplicate) and a repeated short label are dropped."""
    first, second = node(3, "div"), node(8, "div")
    blocks = score(
        page(
            block("Concert", (BODY, ARTICLE, first, node(4, "span"))),
            block(PROSE, (BODY, ARTICLE, first, node(5, "p"))),
            block(PROSE_2, (BODY, ARTICLE, first, node(6, "p"))),
            block(PROSE_3, (BODY, ARTICLE, first, node(7, "p"))),
            block("Concert", (BODY, ARTICLE, second, node(9, "span"))),
            block(PROSE_2, (BODY, ARTICLE, second, node(10, "p"))),  # lone: PROSE_3 does not follow
            block(PROSE, (BODY, ARTICLE, second, node(11, "p"))),
            block(PROSE_2, (BODY, ARTICLE, second, node(12, "p"))),  # PROSE before it, as above
        )
    )
    out = select(blocks).blocks
    assert [b.label for b in out[:4]] == [Label.CONTENT] * 4
    assert out[5].label is Label.CONTENT
    for dropped in (out[4], out[6], out[7]):
        assert dropped.label is Label.BOILERPLATE and dropped.reason == "repeats a block kept above"


def test_negative_child_discount_keeps_a_list_whole() -> None:
    """With negative_child < 1 a boilerplate box between the cards of a list does not sink the
    list: the list element stays the core and the cards after the box stay in the region."""
    grid = node(20, "ul")
    cards = [
        block(PROSE, (BODY, grid, node(21, "li"), node(22, "p"))),
        block(PROSE_2, (BODY, grid, node(23, "li"), node(24, "p"))),
    ]
    junk = [
        block(
            f"Sponsored offer number {i} here",
            (BODY, grid, node(30, "li"), node(31 + i, "a")),
            link_chars=30,
        )
        for i in range(12)
    ]
    blocks = score(page(cards[0], *junk, cards[1], title="Cards"))
    whole = select(blocks, negative_child=1.0)
    discounted = select(blocks, negative_child=0.25)
    assert discounted.region == 20
    assert whole.region != 20
    assert [b.label for b in discounted.blocks if b.text in (PROSE, PROSE_2)] == [Label.CONTENT] * 2


def test_a_leaning_block_below_the_precision_bar_says_so() -> None:
    """A block that scored as content but not past favor=precision's bar is dropped with a
    reason naming the bar, not only its content-ish evidence."""
    blocks = score(
        page(
            block(PROSE, (BODY, ARTICLE, node(4, "p"))),
            block("Photo archive", (BODY, ARTICLE, node(5, "p"))),
            block(PROSE_2, (BODY, ARTICLE, node(6, "p"))),
        )
    )
    blocks[1] = replace(blocks[1], score=0.5, label=Label.CONTENT, reason="a list-item")
    dropped = select(blocks, "precision").blocks[1]
    assert dropped.label is Label.BOILERPLATE
    assert dropped.reason == "a list-item; below the keep bar for favor=precision (+1.0)"
    assert select(blocks, "balanced").blocks[1].label is Label.CONTENT


def test_marked_boxes_give_no_positive_vote() -> None:
    """A content-leaning block in a box marked -2.5 or worse (comments, sidebar, related) gives
    no positive vote for its containers, so long reader comments cannot take the region; a
    negative vote still counts, and a milder mark (page builders' "widget", -2.0) changes
    nothing."""
    (prose,) = score(page(block(PROSE, (BODY, ARTICLE, node(4, "p")))))
    assert value(prose) > 10
    in_comments = replace(prose, features=replace(prose.features, hint=-2.5))
    assert value(in_comments) == 0.0
    in_widget = replace(prose, features=replace(prose.features, hint=-2.0))
    assert value(in_widget) == value(prose)
    boilerplate = replace(prose, score=-1.0, features=replace(prose.features, hint=-3.0))
    assert value(boilerplate) < -10


def test_a_label_heading_inside_the_article_drops_its_teasers() -> None:
    """A "Most read" box inside the article element, below over BOX_AFTER_WORDS of its text: its
    linked teaser titles and dates go; the prose after the box stays. The same box above the
    text (a listing headed "Most read") is left to the scores."""
    teasers = "".join(
        f'<h4><a href="/s{i}">{title}</a></h4><p>{date}</p>'
        for i, (title, date) in enumerate(
            [
                ("Harbour ferry timetable changes from Monday", "12 May 2024"),
                ("New cycle lane opens on the river road", "11 May 2024"),
                ("Library extends its opening hours", "9 May 2024"),
            ]
        )
    )
    more = FERRY_FARES
    html = ferry_story(
        f"<h3>Most read</h3>{teasers}"
        "<p>The council will publish the full report on its website next week, the spokeswoman said.</p>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == [
        "Ferry keeps running",
        PROSE,
        PROSE_2,
        more,
        "The council will publish the full report on its website next week, the spokeswoman said.",
    ]
    dropped = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
    assert dropped["Most read"] == "boilerplate label 'most read'"
    assert dropped["Harbour ferry timetable changes from Monday"].endswith(
        "under the label 'most read'"
    )
    top = html.replace(f"<h3>Most read</h3>{teasers}", "").replace(
        "<h1>", f"<h3>Most read</h3>{teasers}<h1>"
    )
    assert "Harbour ferry timetable changes from Monday" in extract(top)


def _article_with_comments(head: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in (PROSE, PROSE_2) * 4)
    comments = (
        "<h2>2 Comments</h2><ul><li class='c-item'><p>Anna</p><p>I agree with every word of this,"
        " and I hope the council listens to the parents.</p></li><li class='c-item'><p>Jonas</p>"
        "<p>Our school already publishes such a report and the parents read it every year.</p>"
        "</li></ul>"
    )
    return f"<html><head>{head}</head><body><article><h1>Schools report</h1>{body}{comments}</article></body></html>"


def test_a_comments_heading_ends_the_content() -> None:
    """Below 150 words of kept prose, a comments heading ends the content: the comments are
    dropped though nothing in their markup says so. include_comments keeps them, and so does a
    page whose JSON-LD declares a discussion."""
    comment = "I agree with every word of this, and I hope the council listens to the parents."
    result = extract_result(_article_with_comments())
    assert PROSE_2 in result.text and comment not in result.text
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[comment].endswith("; below the comments heading")
    assert "2 Comments" not in result.text
    assert comment in extract(_article_with_comments(), include_comments=True)
    forum = '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    declared = extract_result(_article_with_comments(forum))
    assert declared.metadata.discussion and comment in declared.text


def test_bare_page_is_its_own_content() -> None:
    """A page whose whole text is one short line, with nothing that reads as boilerplate, keeps
    that line; a page of a few links or a page whose only line is a label stays empty."""
    bare = extract_result(
        "<html><head><meta property='og:description' content='x'></head><body> Test </body></html>"
    )
    assert bare.text == "Test"
    assert bare.reason == ""
    assert [b.reason for b in bare.blocks] == [
        "the page holds only this text, and nothing in it reads as boilerplate"
    ]
    note = "<html><body><div>Gone fishing.</div><div>Back on the 12th.</div></body></html>"
    assert extract(note) == "Gone fishing.\n\nBack on the 12th."
    links = "<html><body><a href='/a'>Alpha</a> <a href='/b'>Beta</a></body></html>"
    assert extract_result(links).reason == "no block scored as main content"
    label = "<html><body><div>Contact us</div></body></html>"
    assert extract_result(label).reason == "no block scored as main content"
    nav = "<html><body><div class='sidebar'>Opening hours</div></body></html>"
    assert extract_result(nav).reason == "no block scored as main content"


def test_bare_page_limit() -> None:
    """Past BARE_PAGE_WORDS words, short fragments that score nothing on their own stay out."""
    pairs = [f"item {chr(97 + i)}" for i in range(11)]
    divs = "".join(f"<div>{p}</div>" for p in pairs)
    assert extract(f"<html><body>{divs[: divs.rindex('<div>')]}</body></html>") == "\n\n".join(
        pairs[:10]
    )
    assert extract_result(f"<html><body>{divs}</body></html>").reason == (
        "no block scored as main content"
    )


GALLERY_CAPTIONS = [
    "The harbour wall after the storm, with the new railings still wrapped in plastic sheeting "
    "and a row of fishing boats pulled up on the slipway behind it for the winter months ahead.",
    "Volunteers from the rowing club carry sandbags along the promenade while the tide turns, "
    "watched by a small crowd of residents who had come down to see how much of the beach was "
    "left.",
    "A council engineer measures the crack in the sea wall near the lifeboat station, which has "
    "widened by several centimetres since the last inspection in the spring, according to the "
    "report.",
]


def test_paragraphs_above_a_long_gallery_join_it() -> None:
    """An article whose paragraphs are each a sibling of their own, above a slideshow that holds
    more text than they do: the slideshow becomes the core, and the paragraphs join it together,
    though none of them alone is worth LEAD_SHARE of it."""
    paragraphs = [
        "The town council voted on Monday to spend four million pounds repairing the harbour "
        "wall, after January's storm left a crack running almost the length of the old pier.",
        "Engineers had warned for years that the wall was weakening, but the repairs were "
        "repeatedly postponed while the council waited for a decision on national funding.",
        "Work is expected to begin in the spring and to last about eighteen months, during "
        "which the slipway will stay open to the lifeboat crew but closed to other boats.",
    ]
    slides = "".join(
        f"<li><h2>{n + 1}/12 Storm damage</h2><p>{GALLERY_CAPTIONS[n % 3]} Picture {n + 1}.</p></li>"
        for n in range(12)
    )
    html = (
        "<html><head><title>Harbour wall to be repaired</title></head><body>"
        "<article><h1>Harbour wall to be repaired</h1><div class='text-wrapper'>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"<div class='slides'><ul class='legends'>{slides}</ul></div>"
        "</div></article></body></html>"
    )
    kept = [b.text for b in extract_result(html).blocks if b.label is not Label.BOILERPLATE]
    assert kept[:4] == ["Harbour wall to be repaired", *paragraphs]


def test_a_label_paragraph_heads_a_box_too() -> None:
    """A block that is only a label of several words ("Related articles", "関連記事") heads a box
    like a label heading, whatever its tag; a one-word label or a call to action in a paragraph
    ("Share", "Read more") does not, since as plain text it is as often a button."""
    titles = [
        "Harbour ferry timetable changes from Monday as the winter service begins",
        "New cycle lane opens on the river road after two years of delays",
    ]
    teasers = "<ul>" + "".join(f'<li><a href="/s{i}">{t}</a></li>' for i, t in enumerate(titles))
    more = FERRY_FARES
    last = (
        "Passengers with season tickets will get a letter explaining the changes, and the "
        "harbour office stays open on Saturdays for anyone with questions about the new times."
    )

    def page_with(label: str) -> str:
        return (
            "<html><head><title>Ferry keeps running</title></head><body>"
            "<article class='article-body'><h1>Ferry keeps running</h1>"
            f"<p>{PROSE}</p><p>{PROSE_2}</p><p>{more}</p><p>{last}</p><p>{label}</p>{teasers}</ul>"
            "</article></body></html>"
        )

    for label, key in (("Related articles", "related articles"), ("【関連記事】", "関連記事")):
        result = extract_result(page_with(label))
        reasons = {b.text: b.reason for b in result.blocks if b.label is Label.BOILERPLATE}
        assert reasons[titles[1]] == f"a list-item; under the label '{key}'"
        assert extract(page_with(label)).endswith(last)
    for label in ("Share", "Read more"):
        assert extract(page_with(label)).endswith(titles[1])


_FERRY = [
    (
        "The council of Porthallow voted on Thursday evening to keep the island ferry running through"
        " the winter months, reversing a decision taken in the autumn."
    ),
    (
        "The vote followed a petition signed by more than two thousand residents, many of whom cross"
        " to the mainland every morning for work or school."
    ),
    (
        "Councillors who had backed the cuts said the service lost money on every crossing between"
        " November and February, when few tourists travel."
    ),
    (
        "The operator will now receive a subsidy for the quiet months, paid from the harbour fund that"
        " the town set aside after the storm of 2019."
    ),
    (
        "Parents at the primary school on the mainland said the decision meant their children would"
        " no longer miss the first lesson on stormy days."
    ),
    (
        "The harbour master said the older of the two boats would be overhauled in March, so that"
        " both can sail when the summer timetable begins."
    ),
]
_LEAD = (
    "After a winter of protests, the island keeps its only link to the mainland, and the council"
    " promises to review the subsidy every year."
)


def _ferry_page(between: str = "", lead: str = _LEAD) -> str:
    body = "".join(f"<p>{text}</p>" for text in _FERRY)
    return (
        "<html><head><title>Island ferry keeps running</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>"
        "<div class='article-header'><h1>Island ferry keeps running</h1>"
        f"{between}<p class='byline'>By Mara Quint, 14 March 2026</p>"
        "<ul class='share'><li><a href='#'>Share on Facebook</a></li>"
        "<li><a href='#'>Share on X</a></li><li><a href='#'>Email</a></li></ul>"
        f"<p class='standfirst'>{lead}</p></div>"
        f"<div class='article-body'>{body}</div></main>"
        "<footer><p>Contact the newsroom</p></footer></body></html>"
    )


def test_the_standfirst_under_the_headline_is_kept() -> None:
    """The lead in the header beside the body's element sums too little to join the region; as
    prose between the headline and the first kept block it is kept, while the byline and the
    share bar beside it are not. A heading between them that is no echo of the headline starts
    another box, and the walk stops there."""
    result = extract_result(_ferry_page())
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Island ferry keeps running", _LEAD, *_FERRY]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_LEAD] == "sentence end, the standfirst under the headline"
    assert reasons["By Mara Quint, 14 March 2026"].endswith("outside the main region")
    boxed = extract_result(_ferry_page("<h2>Watch the crossing</h2>"))
    assert _LEAD not in boxed.text and _FERRY[0] in boxed.text
    assert "Watch the crossing" not in boxed.text
    echoed = extract_result(_ferry_page("<h2>The island ferry keeps running all winter</h2>"))
    assert _LEAD in echoed.text


def test_a_long_standfirst_needs_no_final_stop() -> None:
    """A lead without a sentence end (run into its dateline, set without a final stop) is the
    standfirst when it has STANDFIRST_LONG_WORDS words; a shorter line there without one (a
    caption with its credit) is not."""
    long_lead = (
        "PORTHALLOW After a winter of protests and two petitions the island keeps its only link"
        " to the mainland and the council promises to review the subsidy every year, with"
        " the first review due in March"
    )
    result = extract_result(_ferry_page(lead=long_lead))
    assert long_lead in result.text
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[long_lead].endswith(", the standfirst under the headline")
    caption = (
        "The morning ferry leaves Porthallow harbour shortly after six and comes back from the"
        " mainland at half past seven in the evening. Photo Mara Quint"
    )
    dropped = extract_result(_ferry_page(lead=caption))
    (block,) = [b for b in dropped.blocks if b.text == caption]
    assert block.score > 0 and block.features.words == 25
    assert block.label is Label.BOILERPLATE


def test_a_label_inside_the_region_needs_a_positive_score() -> None:
    """Inside the region a block scoring just below zero is kept (the balanced bar is -0.4),
    unless it is a boilerplate label: then the rest of its evidence must outweigh the label.
    A linked "Czytaj więcej" teaser in an element named for the article body scored -0.27 and
    was kept, and its links then tipped the page to the cards profile."""
    paragraphs = [
        (
            "Trybunał Konstytucyjny rozpatrzy we wtorek skargę byłych funkcjonariuszy na ustawę,"
            " która obniżyła im emerytury."
        ),
        (
            "Skarżący powołali się na zasadę zaufania obywateli do państwa i na wyroki sądów"
            " powszechnych z ostatnich lat."
        ),
        (
            "Rząd przekonuje, że ustawa przywraca sprawiedliwość, a jej skutki objęły kilkadziesiąt"
            " tysięcy osób w całym kraju."
        ),
    ]
    teaser = 'CZYTAJ WIĘCEJ W INTERNETOWYM WYDANIU "DZIENNIKA GAZETY PRAWNEJ"'
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    side = "".join(
        f"<li><a href='/n{i}'>Rząd przyjął projekt ustawy o podatkach numer {i} na kolejny"
        " rok</a></li>"
        for i in range(6)
    )
    html = (
        "<html><head><title>Dezubekizacja wraca do Trybunału</title></head><body>"
        "<nav><a href='/'>Start</a></nav><article><h1>Dezubekizacja wraca do Trybunału</h1>"
        f"<div class='articleBody'>{body}<p class='text'><a href='https://example.org/dgp'>"
        f"{teaser}</a></p><p>{paragraphs[0]}</p></div></article>"
        f"<aside><h3>Najnowsze</h3><ul>{side}</ul></aside><footer><p>Kontakt</p></footer>"
        "</body></html>"
    )
    result = extract_result(html)
    assert result.method == "prose"
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Dezubekizacja wraca do Trybunału", *paragraphs, paragraphs[0]]
    (dropped,) = [b for b in result.blocks if b.text == teaser]
    assert -0.4 < dropped.score <= 0
    assert dropped.reason == "boilerplate label 'czytaj więcej'"


_BOAT = [
    (
        "Wer mit dem Boot zum Angeln hinausfährt, sollte wissen, dass auf dem Wasser dieselben"
        " Promillegrenzen gelten wie im Straßenverkehr."
    ),
    (
        "Die Wasserschutzpolizei kontrolliert an Wochenenden regelmäßig, und wer erwischt wird,"
        " riskiert ein Bußgeld und den Bootsführerschein."
    ),
    (
        "Erfahrene Angler raten deshalb, den Sekt für den Abend im Hafen aufzuheben und auf dem"
        " Wasser Tee oder Wasser zu trinken."
    ),
    (
        "Hinzu kommt, dass Alkohol das Gleichgewicht stört, und wer bei Wellengang über Bord geht,"
        " unterschätzt die Kälte des Wassers."
    ),
    (
        "Auch die Reaktionszeit leidet, was beim Anlegen im vollen Hafen oder bei plötzlich"
        " aufziehendem Gewitter gefährlich werden kann."
    ),
    (
        "Versicherungen zahlen bei Unfällen unter Alkoholeinfluss oft nur einen Teil des Schadens,"
        " manche verweigern die Leistung ganz."
    ),
]
_FORUM_LINK = "Alkohol beim Angeln – Diskussion im Forum"


def _boat_page(before_link: str = "") -> str:
    first, second, *rest = (f"<p>{text}</p>" for text in _BOAT)
    return (
        "<html><head><title>Alkohol auf dem Boot</title></head><body><nav><a href='/'>Start</a>"
        " <a href='/magazin'>Magazin</a></nav><article><h1>Alkohol auf dem Boot</h1>"
        f"{first}{second}{before_link}<p class='text-link'><a href='/forum/alkohol'>"
        f"{_FORUM_LINK}</a></p>{''.join(rest)}</article><footer><p>Impressum</p></footer>"
        "</body></html>"
    )


def test_a_link_set_into_the_text_is_dropped() -> None:
    """A paragraph that is wholly a link to another page, right after a paragraph of the
    article, is a teaser set into the text: dropped, though it scored above the inside bar. The
    same link under a heading of its own is what the text introduced, and stays."""
    result = extract_result(_boat_page())
    assert result.method == "prose"
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Alkohol auf dem Boot", *_BOAT]
    (link,) = [b for b in result.blocks if b.text == _FORUM_LINK]
    assert link.score > 0
    assert link.reason == "class/id 'text' (+0.7); a link set into the text"
    headed = extract_result(_boat_page("<h2>Mehr im Forum</h2>"))
    assert _FORUM_LINK in headed.text


_QUESTION = (
    "My sourdough loaf goes stale within a day of baking it, even though I keep it in a plastic "
    "bag on the kitchen counter. Is there a better way to store it for the week?"
)
_ANSWERS = (
    (
        "Keep the loaf cut side down on a wooden board for the first day, then move it to a cloth"
        " bag. Plastic traps the moisture, which softens the crust and lets mould start within a"
        " few days."
    ),
    (
        "Slice the whole loaf once it has cooled and freeze the slices in a sealed bag. A slice"
        " thaws in the toaster in a couple of minutes and tastes as if it had been baked that"
        " morning."
    ),
)
_COMMENTS = (
    "Which flour do you use? A loaf made with more whole wheat tends to keep a little longer.",
    "I tried the cloth bag after reading this and the crust stayed crisp for three whole days.",
    "Freezing works for rye bread too, although the slices need a little longer to thaw.",
)


def _post(cell: str, text: str, comments: tuple[str, ...]) -> str:
    items = "".join(f"<li class='comment'><p>{c}</p></li>" for c in comments)
    return (
        f"<div class='post-layout'><div class='{cell}'><p>{text}</p></div>"
        f"<div class='comments'><ul class='comments-list'>{items}</ul></div></div>"
    )


def _question_page(head: str = "") -> str:
    answers = "".join(
        f"<div class='answer'>{_post('answercell', a, (c,))}</div>"
        for a, c in zip(_ANSWERS, _COMMENTS[1:])
    )
    return (
        f"<html><head><title>How do I keep bread fresh?</title>{head}</head><body>"
        "<h1>How do I keep bread fresh?</h1>"
        f"<div class='question'>{_post('postcell', _QUESTION, _COMMENTS[:1])}</div>"
        f"<div class='answers'>{answers}</div></body></html>"
    )


def test_comments_boxes_below_posts_are_not_the_content() -> None:
    """The comments under a question and under each answer (a comments box holding a list of
    comments, after the post it comments on) are dropped, though they are prose inside the
    region; the question and the answers stay. A page that declares a discussion keeps them."""
    result = extract_result(_question_page())
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["How do I keep bread fresh?", _QUESTION, *_ANSWERS]
    reasons = {b.text: b.reason for b in result.blocks}
    for comment in _COMMENTS:
        assert reasons[comment] == "sentence end; in a comments box below the content"
    declared = '<script type="application/ld+json">{"@type": "QAPage"}</script>'
    assert all(c in extract(_question_page(declared)) for c in _COMMENTS)


def test_replies_marked_as_comments_are_no_comments_box() -> None:
    """Thread software marks the replies as comments, and their footers too, but not the first
    post: the replies are items of the same kind as the post before them (tag and class words,
    comment words aside), so none of them is a comments box."""
    posts = "".join(
        f"<div class='topic-body crawler-post'{mark}><div class='post'><p>{text}</p></div>"
        f"<div class='{footer}'><p>{likes}</p></div></div>"
        for mark, footer, text, likes in (
            ("", "post-meta", _QUESTION, "2 Likes"),
            (" itemprop='comment'", "comment-meta", _ANSWERS[0], "1 Like"),
            (" itemprop='comment'", "comment-meta", _ANSWERS[1], "3 Likes"),
        )
    )
    html = (
        "<html><head><title>How do I keep bread fresh?</title></head><body>"
        f"<h1>How do I keep bread fresh?</h1><div class='posts'>{posts}</div></body></html>"
    )
    result = extract_result(html)
    assert all(text in result.text for text in (_QUESTION, *_ANSWERS))
    assert not any("comments box" in b.reason for b in result.blocks)


_TRIED = (
    "I have tried a bread box, a paper bag and the fridge. The fridge was by far the worst of the"
    " three: the crumb turned dry and hard by the next morning, and the crust went soft and"
    " leathery. The bread box kept it soft for two days, but the crust lost its crunch on the"
    " first evening, and by the third day the whole loaf tasted flat."
)


def test_a_comments_heading_over_each_answer_does_not_end_the_content() -> None:
    """A Q&A page heads each answer's (empty) comments with the same "Comments" heading: such
    a heading heads one answer's comments, not the page's, and the answers below it stay. A
    single one after as much text still ends the content."""
    answers = [
        f"{text} Either way, let the loaf cool completely on a rack before you store it at all."
        for text in _ANSWERS
    ]
    html = (
        "<html><head><title>How do I keep bread fresh?</title></head><body>"
        "<h1>How do I keep bread fresh?</h1><div class='question'>"
        f"<p>{_QUESTION}</p><p>{_TRIED}</p></div>"
        + "".join(
            f"<div class='answer'><div class='answercell'><p>{a}</p></div><div class='follow-ups'>"
            "<h2>Comments</h2><p><a href='#'>Add a comment</a></p></div></div>"
            for a in answers
        )
        + "</body></html>"
    )
    result = extract_result(html)
    assert all(a in result.text for a in answers)
    head, _, tail = html.rpartition("<h2>Comments</h2>")
    ended = extract_result(head + tail)
    assert answers[0] in ended.text and answers[1] not in ended.text
    reasons = {b.text: b.reason for b in ended.blocks}
    assert reasons[answers[1]].endswith("; below the comments heading")


def test_a_table_of_data_beside_the_core_joins_the_region() -> None:
    """A specifications table under the same parent as the description joins the main region:
    its short rows weigh too little in the vote to reach a fair share of the description's
    sum, and it was judged by the outside bar."""
    page = (
        "<html><head><title>Konus 48 Coffee Grinder</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/grinders">Grinders</a> <a href="/sale">Sale</a></nav>'
        '<main><h1>Konus 48 Coffee Grinder</h1><div class="product-tabs">'
        '<div class="product-description-text">'
        "<p>The Konus 48 is a compact grinder for anyone who brews espresso in the morning and "
        "filter coffee in the afternoon, and who wants one machine for both.</p>"
        "<p>A large dial sets the grind in forty steps. The fine steps at the espresso end let "
        "you dial in a shot to the second, the coarse ones reach French press.</p>"
        "<p>The digital timer is set to a tenth of a second and remembers two doses, so a single "
        "and a double shot are one press of a button away.</p></div>"
        '<h4 class="product-properties-title">Specifications</h4>'
        '<div class="product-properties"><table><tbody>'
        "<tr><th>Burrs</th><td>Conical, stainless steel, 48 mm</td></tr>"
        "<tr><th>Grind settings</th><td>40</td></tr>"
        "<tr><th>Power</th><td>150 W</td></tr>"
        "<tr><th>Weight</th><td>3.1 kg</td></tr>"
        "</tbody></table></div></div></main>"
        "<footer><p>&copy; 2024 Muehlwerk</p></footer></body></html>"
    )
    result = extract_result(page)
    assert result.text.split("\n\n")[-1] == (
        "Burrs | Conical, stainless steel, 48 mm\nGrind settings | 40\nPower | 150 W\n"
        "Weight | 3.1 kg"
    )
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Power | 150 W"] == "a row"
    # rows of one cell each are no table of data (a form laid out in a table): they stay out
    one_cell = page.replace("</th><td>", " ").replace("</td></tr>", "</th></tr>")
    assert "Power 150 W" not in extract_result(one_cell).text


def test_a_payment_plan_table_beside_the_specifications_stays_out() -> None:
    """A shop's table of instalments is a table of data too, but its class words name a
    payment plan: it does not join the region beside the specifications."""
    page = (
        "<html><head><title>Aero Robot Vacuum</title></head><body><main>"
        '<h1>Aero Robot Vacuum</h1><div class="tab-content">'
        '<div class="tab-pane"><div class="pd-description">'
        "<p>The Aero maps each room with a laser on its first run and cleans in straight lanes, "
        "so it covers the floor once instead of wandering.</p>"
        "<p>Its station empties the dust bin after every run and holds a bag that lasts about "
        "two months in a flat with a dog.</p>"
        "<p>The app marks rooms and no-go zones, and the robot climbs door sills of up to two "
        "centimetres without getting stuck.</p></div></div>"
        '<div class="tab-pane"><table class="pd-specs">'
        "<tr><th>Suction</th><td>5000 Pa</td></tr><tr><th>Dust bin</th><td>400 ml</td></tr>"
        "<tr><th>Run time</th><td>180 min</td></tr></table></div>"
        '<div class="tab-pane"><table class="installment-table">'
        "<tr><td>3 months</td><td>3 x 166.33</td></tr>"
        "<tr><td>6 months</td><td>6 x 83.17</td></tr>"
        "<tr><td>9 months</td><td>9 x 55.44</td></tr></table></div>"
        "</div></main></body></html>"
    )
    result = extract_result(page)
    assert (
        result.text.split("\n\n")[-1] == "Suction | 5000 Pa\nDust bin | 400 ml\nRun time | 180 min"
    )
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["3 months | 3 x 166.33"].startswith("class/id 'installment' (-2.0)")


_TABLE_LAYOUT = """<html lang="en"><head><meta charset="utf-8">
<title>Valley Gazette - Footbridge at the mill closed until 30 September</title></head>
<body><table width="980" id="page">
<tr><td colspan="2" class="menu"><a href="/">Home</a> | <a href="/news">News</a> |
<a href="/sport">Sport</a> | <a href="/events">Events</a> | <a href="/contact">Contact</a></td></tr>
<tr>
<td width="620" valign="top" class="main-column">
<h1>Footbridge at the mill closed until 30 September</h1>
<p>Walkers and cyclists will have to take a detour for a month: the footbridge at the mill,
which links the village to the new houses on the hill, closes on Monday 2 September for repairs.
An inspection in the spring found rust on two of the steel beams where they rest on the banks.</p>
<p>While the work goes on, a signed detour will lead over the road bridge, about 600 metres
downstream. The council reminds parents that the pavement there is narrow and asks them to walk
children to school. The repairs cost 48,000 pounds, paid by the parish with help from the county.</p>
<p>The footbridge was built in 1962 to replace a wooden crossing that the floods of that winter
carried away. It was last repainted twelve years ago, and the parish plans to repaint it too.</p>
</td>
<td width="360" valign="top" class="right-column">
<p>Every end of summer looks like the one before, and yet none of them quite repeats itself.
School bags come back to the hallways, tractors bring in the last bales of straw, and the clubs
bring out their sign-up sheets on the folding tables of the village halls once again.</p>

</td>
</tr>
<tr><td colspan="2" class="footer"><a href="/legal">Legal notice</a> | <a href="/privacy">Privacy</a></td></tr>
</table></body></html>"""


def test_a_layout_rows_other_column_stays_out_of_the_region() -> None:
    """A page laid out with a table: the article in one cell of a row, a column of prose (an
    editorial) beside it. The row held the largest sum and became the core, so the column was
    kept; now the article's cell is the core and the other column is judged as outside."""
    result = extract_result(_TABLE_LAYOUT)
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0] == "Footbridge at the mill closed until 30 September"
    assert len(paragraphs) == 4
    assert paragraphs[3].startswith("The footbridge was built in 1962")
    editorial = next(b for b in result.blocks if b.text.startswith("Every end of summer"))
    assert editorial.label is Label.BOILERPLATE
    assert editorial.reason == "sentence end; outside the main region"


_FORUM_NAME_OVER_THREAD = """<html lang="en"><head><meta charset="utf-8">
<title>Beekeepers' Forum &bull; View topic - Wintering bees in a shed: how much ventilation?</title>
</head><body>
<div class="headerbar"><h1>Beekeepers' Forum</h1><p>Hives, honey and the people who keep them</p></div>
<div class="navbar"><a href="/">Board index</a> &raquo; <a href="/f/3">Wintering</a></div>
<h2 class="topic-title"><a href="./viewtopic.php?t=18442">Wintering bees in a shed: how much ventilation?</a></h2>
<div id="p101" class="post">
<p class="author">by hilltop_hives &raquo; 28 Sep 2023, 20:14</p>
<div class="content">I am building a shed to winter forty colonies and cannot decide how large the vents
should be. The walls are timber, the floor is concrete, and the roof has no insulation yet.
How much ventilation do the colonies need for the shed to stay dry through the cold months?</div>
</div>
<div id="p102" class="post">
<p class="author">by old_apiarist &raquo; 28 Sep 2023, 21:03</p>
<div class="content">Plan on about twenty square centimetres of exhaust vent for every colony, high up
under the roof, and an intake near the floor of the same size. Damp kills more bees in a shed
than cold does, so put the vents in before you think about insulation.</div>
</div>
</body></html>"""


def test_an_h1_without_the_titles_words_gives_way_to_the_linked_thread_title() -> None:
    """A forum's name in the <h1> of every page shares no word with the title once the site's
    part is taken off it; the thread's title, a link to itself in an <h2>, is the headline."""
    result = extract_result(_FORUM_NAME_OVER_THREAD)
    assert result.title == "Wintering bees in a shed: how much ventilation?"
    assert result.text.split("\n\n")[0] == "Wintering bees in a shed: how much ventilation?"
    assert "Beekeepers' Forum" not in result.text
    forum = next(b for b in result.blocks if b.text == "Beekeepers' Forum")
    assert forum.label is Label.BOILERPLATE


_STACKED_TABLES = (
    """<html lang="en"><head><meta charset="utf-8">
<title>County News :: Restoration of six wooden houses on Mill Street to begin</title></head>
<body>
<table width="100%"><tr><td><img src="/logo.gif" alt=""></td>
<td>Wednesday, 16 October 2019. Exchange rates: USD 64.35, EUR 70.92</td></tr>
<tr><td colspan="2"><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/city/">City</a> |
<a href="/culture/">Culture</a> | <a href="/sport/">Sport</a></td></tr></table>
<table width="100%"><tr valign="top">
<td width="180"><b>Sections</b><br><a href="/news/city/">City services</a><br>
<a href="/news/transport/">Transport</a><br><a href="/news/heritage/">Heritage</a></td>
<td class="content">
<h1>Restoration of six wooden houses on Mill Street to begin</h1>
"""
    + WOODEN_HOUSES
    + """</td></tr></table>
<table width="100%"><tr><td>&copy; 2001-2019 County News. Registered as a mass medium, licence 12345.
Reprints only with a link to the site. <a href="/about/">About</a> | <a href="/contacts/">Contacts</a></td>
<td><img src="/counter.gif" alt=""></td></tr></table>
</body></html>"""
)


def test_bare_tables_around_the_article_are_no_repeated_items() -> None:
    """An old page stacks its header, body and footer in <table>s without class words. They
    looked like repeated items of one kind, so the header's date line and the footer's
    copyright joined the region; a bare table now repeats only with a sentence of content."""
    result = extract_result(_STACKED_TABLES)
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0] == "Restoration of six wooden houses on Mill Street to begin"
    assert len(paragraphs) == 4
    reasons = {b.text[:9]: b.reason for b in result.blocks}
    assert reasons["Wednesday"] == "a row; outside the main region"
    assert reasons["© 2001-20"] == "a row; outside the main region"


REFERENCE = """<html><head><title>Ferry - Harbour API</title></head><body>
<header><nav><a href="/">Home</a> <a href="/docs">Docs</a> <a href="/blog">Blog</a> <a href="/login">Log in</a></nav></header>
<div class="layout">
<aside class="sidebar"><ul><li><a href="/docs/harbour">Harbour</a></li><li><a href="/docs/ferry">Ferry</a></li><li><a href="/docs/pier">Pier</a></li><li><a href="/docs/tide">Tide</a></li></ul></aside>
<main class="content">
<h1>Ferry</h1>
<div class="reference-body">
<section class="content-section"><h2>Instance properties</h2>
<dl>
<dt><a href="/docs/ferry/capacity">Ferry.capacity</a> <span class="badge">Read only</span></dt><dd>Number of seats on board</dd>
<dt><a href="/docs/ferry/name">Ferry.name</a> <span class="badge">Read only</span></dt><dd>Name painted on the bow</dd>
<dt><a href="/docs/ferry/route">Ferry.route</a></dt><dd>Route the boat sails today</dd>
<dt><a href="/docs/ferry/state">Ferry.state</a> <span class="badge">Read only</span></dt><dd>Docked, boarding or sailing</dd>
<dt><a href="/docs/ferry/crew">Ferry.crew</a></dt><dd>Crew members on this crossing</dd>
<dt><a href="/docs/ferry/speed">Ferry.speed</a> <span class="badge">Read only</span></dt><dd>Current speed in knots</dd>
</dl></section>
<section class="content-section"><h2>Examples</h2>
<p>The following example creates a ferry for the morning route and waits until it has docked at the
pier before the passengers are counted, so that the count matches the tickets sold at the harbour office.</p>
<p>When the ferry leaves again, its state changes and the route is read from the timetable that the
harbour publishes every evening for the next day, including the extra crossings on market days.</p>
<p>A ferry that is already docked reports its state at once, and the callback runs without waiting
for the next tide, which keeps the example short enough to read in one go.</p>
</section>
</div></main></div>
<footer><p>Copyright 2025 Harbour Project. All rights reserved.</p></footer>
</body></html>"""

LINK_SECTION = """<section class="content-section"><h2>Popular this week</h2><ul>
<li><a href="/news/1">The harbour opens a second pier for the summer crossings</a></li>
<li><a href="/news/2">Tide tables for the autumn are out, with two extra evening sailings</a></li>
<li><a href="/news/3">Ticket office hours change while the waiting room is repainted</a></li>
<li><a href="/news/4">A new ferry joins the island route after its trials at sea</a></li>
</ul></section>
"""


def test_reference_section_of_the_same_kind_before_the_core_joins_the_region() -> None:
    """A reference page's "Instance properties" section (short definitions beside linked names,
    summing below zero) comes before the "Examples" section the core sits in, as a section of the
    same kind: it joins the region and its definitions are judged by the inside bar. Without the
    rule only the examples were kept."""
    text = extract(REFERENCE)
    assert "Instance properties" in text
    for definition in ("Number of seats on board", "Route the boat sails today"):
        assert definition in text
    assert "The following example creates a ferry" in text
    assert "Copyright" not in text and "Tide" not in text


def test_section_of_links_of_the_same_kind_stays_out() -> None:
    """A section of the same kind that is mostly links (a list of other stories) does not join:
    its blocks are judged by the outside bar."""
    html = REFERENCE.replace(
        '<section class="content-section"><h2>Instance properties</h2>',
        LINK_SECTION + '<section class="content-section"><h2>Instance properties</h2>',
        1,
    )
    result = extract_result(html)
    assert "Number of seats on board" in result.text
    stories = [b for b in result.blocks if "second pier" in b.text or "Popular" in b.text]
    assert len(stories) == 2
    assert all(b.label is Label.BOILERPLATE for b in stories)
    assert all(b.reason.endswith("outside the main region") for b in stories)


def _poster_box(name: str, rank: str, points: str, joined: str, posts: str) -> str:
    return f"""<div class="poster"><div class="author"><a href="/u/{name}">{name}</a></div>
<p><a href="/group/{rank}">{rank}</a></p>
<dl class="fields"><dt>Points</dt><dd><a href="/u/{name}/points">{points}</a></dd>
<dt>Threads</dt><dd><a href="/u/{name}/threads">{posts}</a></dd>
<dt>Since</dt><dd>{joined}</dd>
<dt>Reputation</dt><dd><a href="/u/{name}/rep">{points}</a></dd>
<dt>Replies</dt><dd><a href="/u/{name}/replies">{posts}</a></dd></dl></div>"""


def _board_post(n: int, box: str, body: str) -> str:
    return f"""<div id="post_{n}"><div class="postrow">{box}
<div class="message"><div class="when">Posted 2024-3-{n} 21:14</div>
<div class="text">{body}</div></div></div></div>"""


_SHORT_REPLY_UNDER_A_LONG_BOX = f"""<html lang="en"><head><meta charset="utf-8">
<title>What grows on a balcony facing north? - Garden Board</title></head><body>
<div class="nav"><a href="/">Board</a> <a href="/balcony">Balcony gardening</a></div>
<div id="postlist">
<h1>What grows on a balcony facing north?</h1>
{
    _board_post(
        1,
        _poster_box("newleaf", "Member", "132", "2023-5-14", "41"),
        "Our new flat has a balcony facing north that gets no direct sun, only a little slanting "
        "light after three. Tomatoes and peppers grew long and thin there last year and never "
        "fruited. What would you grow in such light?",
    )
}
{
    _board_post(
        2,
        _poster_box("old_zhou", "Moderator", "10826", "2012-8-3", "5906"),
        "Leave tomatoes, peppers and aubergines alone, they all need sun. Try leaf crops instead: "
        "lettuce, spinach and pak choi need little light and can be cut within a month.",
    )
}
{
    _board_post(
        3,
        _poster_box("bean_mum", "Newcomer", "18", "2024-2-27", "2"),
        "Mine faces north too, so I will sow spinach this weekend.",
    )
}
</div>
<div class="footer"><a href="/about">About</a> <a href="/help">Help</a></div>
</body></html>"""


def test_field_lists_do_not_vote_on_the_region() -> None:
    """A poster's field list of five lines beside a reply of one sentence outweighed it, so the
    repeated post summed below zero and stayed out of the thread. The field lists of the page's
    items do not vote: the short reply is kept, its field list is not."""
    paragraphs = extract(_SHORT_REPLY_UNDER_A_LONG_BOX).split("\n\n")
    assert paragraphs[0] == "What grows on a balcony facing north?"
    assert paragraphs[1::2] == [
        "Posted 2024-3-1 21:14",
        "Posted 2024-3-2 21:14",
        "Posted 2024-3-3 21:14",
    ]
    assert [p[:24] for p in paragraphs[2::2]] == [
        "Our new flat has a balco",
        "Leave tomatoes, peppers ",
        "Mine faces north too, so",
    ]


_SIGNED_POSTS = f"""<html lang="en"><head><meta charset="utf-8">
<title>Which compost for a balcony? - Garden Board</title></head><body>
<div id="postlist">
<h1>Which compost for a balcony?</h1>
{
    _board_post(
        1,
        _poster_box("newleaf", "Member", "132", "2023-5-14", "41"),
        "My balcony boxes dry out within a day in summer and the soil has gone hard as stone. "
        "Which compost holds water better without getting soggy in the rain?<div "
        'class="closing">Growing beans and herbs on a small city balcony, one pot at a '
        "time.</div>",
    )
}
{
    _board_post(
        2,
        _poster_box("old_zhou", "Moderator", "10826", "2012-8-3", "5906"),
        "Mix peat-free compost with a third of perlite and add a handful of bark. It holds water "
        "well but drains after a heavy shower, and it does not set hard.",
    )
}
{
    _board_post(
        3,
        _poster_box("newleaf", "Member", "133", "2023-5-14", "42"),
        "Thanks, I mixed it as you said last weekend and the boxes stay damp much longer now, "
        "even on the hot afternoons.<div "
        'class="closing">Growing beans and herbs on a small city balcony, one pot at a '
        "time.</div>",
    )
}
</div></body></html>"""


def test_a_signature_closing_two_posts_goes_with_its_first_copy() -> None:
    """The same lines closing two posts of one author, at the same place in posts that carry a
    poster's field list, are a signature: the first copy goes too, not only the repeat."""
    result = extract_result(_SIGNED_POSTS)
    assert "Growing beans" not in result.text
    signatures = [b for b in result.blocks if b.text.startswith("Growing beans")]
    assert [b.reason for b in signatures] == [
        "a signature: repeated at the same place in another post"
    ] * 2
    assert [p[:24] for p in result.text.split("\n\n")[2::2]] == [
        "My balcony boxes dry out",
        "Mix peat-free compost wi",
        "Thanks, I mixed it as yo",
    ]


def test_comment_words_start_a_class_or_id_word() -> None:
    """An element is marked as comments when one of its class/id words starts with a comment
    prefix ("commentlist", "disqus_thread"); the word inside another ("nocomments") does not."""
    assert _commented(Node(1, "div", frozenset({"commentlist", "main"})))
    assert _commented(Node(2, "div", frozenset({"disqus_thread"})))
    assert not _commented(Node(3, "div", frozenset({"nocomments", "post-comment-count"})))
    assert not _commented(Node(4, "div"))


_ESSAY = (
    "The old ferry left the harbour at seven every morning, and the whole village came down to"
    " the quay to watch it go. Fishermen mended their nets on the stones while the children ran"
    " along the wall, waving at the passengers who leaned over the rail with their coffee.",
    "For forty years the same captain stood at the wheel. He knew every rock in the channel and"
    " every family on the islands, and he carried their letters, their bread and their news"
    " across the water in all weathers, even when the winter storms closed the mainland roads.",
    "When the council announced that a bridge would replace the crossing, the village argued for"
    " months. Some welcomed the faster journey to the hospital and the schools; others feared"
    " that the islands would lose the quiet rhythm that the boat had given their days.",
    "The bridge opened last spring. Traffic now flows across it in four minutes, and the ferry"
    " lies at anchor in the bay, its paint peeling. The captain still walks down to the quay each"
    " morning at seven, and he says that he will keep doing so for as long as his legs allow.",
    "The council has promised to decide the fate of the boat before the summer. A group of"
    " islanders wants to restore it for tourists, while the harbour master would rather sell it"
    " to a yard on the coast, where it could be repaired and put back into service elsewhere.",
    "Whatever happens, the timetable that hung in the waiting room for four decades has been taken"
    " down and given to the village school. The children have pinned it above the blackboard,"
    " next to a drawing of the captain at the wheel, waving as the boat leaves the quay. Visitors"
    " who come to see the bridge often stop at the school gate to ask about it, and the teacher"
    " tells them the story.",
)
_READERS = (
    "My grandmother took that ferry every week to sell eggs at the market on the mainland, and"
    " she always said the captain was the kindest man she had ever met in her whole life there.",
    "I remember the winter the harbour froze over and the boat still made it across with the"
    " mail. Nobody could believe it, and the whole island talked about nothing else for weeks.",
    "A bridge was always going to come sooner or later. The hospital is twenty minutes closer"
    " now, and for the older people on the islands that matters far more than the old charm.",
    "We crossed on the last sailing before the bridge opened. There were flowers on the rail and"
    " the captain sounded the horn three times as we left the quay; half the deck was in tears.",
    "It would be wonderful if the council turned the old boat into a museum instead of letting"
    " it rot in the bay. There must be a hundred stories from those forty years worth keeping.",
    "The article forgets the night crossings during the storms of the seventies, when the ferry"
    " carried doctors over to the islands. My father was one of them and never forgot the waves.",
    "Progress is progress, but something was lost when the ferry stopped. The bridge is faster,"
    " yet nobody waves at a car, and the children no longer run along the harbour wall at seven.",
)


_DISCUSSION = _READERS + tuple(f"{a} {b}" for a, b in zip(_READERS, _READERS[1:]))


def _essay_with_comments(paragraphs: tuple[str, ...]) -> str:
    comments = "".join(f"<li class='comment'><p>{c}</p></li>" for c in _DISCUSSION)
    return (
        "<html><head><title>The last ferry</title></head><body><div class='content'>"
        "<h1>The last ferry</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"<div class='comments-wrapper'><ol class='commentlist'>{comments}</ol></div>"
        "</div></body></html>"
    )


def test_a_long_discussion_under_an_article_is_a_comments_box() -> None:
    """A comments box that holds most of the page's text is still a box when the prose before it
    holds COMMENTED_MIN_WORDS (300) words or more: the article the readers comment on. Under a
    short post the long discussion is left alone, as before (a thread whose replies are its
    content)."""
    result = extract_result(_essay_with_comments(_ESSAY))
    assert result.text.split("\n\n") == ["The last ferry", *_ESSAY]
    reasons = {b.text: b.reason for b in result.blocks}
    assert all(reasons[c].endswith("; in a comments box below the content") for c in _DISCUSSION)
    short = extract(_essay_with_comments(_ESSAY[:2]))
    assert all(c in short for c in _DISCUSSION)


def test_a_comments_box_that_opens_its_wrapper_follows_the_article() -> None:
    """A comments box that is the first child of a wrapper (a section holding the comments and
    then the reply form) has no sibling before it: the wrapper's sibling before it, the
    article, is the content it comments on, and the box is dropped."""
    comments = "".join(f"<li class='comment'><p>{c}</p></li>" for c in _READERS[:3])
    html = (
        "<html><head><title>The last ferry</title></head><body><div class='page'>"
        "<div class='story'><h1>The last ferry</h1>"
        + "".join(f"<p>{p}</p>" for p in _ESSAY[:3])
        + "</div><section class='discussion'>"
        f"<div class='comments'><ol class='comment-list'>{comments}</ol></div>"
        "<div class='reply-form'><a href='/login'>Log in to reply</a></div>"
        "</section></div></body></html>"
    )
    result = extract_result(html)
    assert result.text.split("\n\n") == ["The last ferry", *_ESSAY[:3]]
    reasons = {b.text: b.reason for b in result.blocks}
    assert all(reasons[c].endswith("; in a comments box below the content") for c in _READERS[:3])


_LIBRARY = [
    "The town library reopened on Saturday after eighteen months of building work that added a "
    "reading room on the top floor, a lift and a children's corner with its own garden. The "
    "mayor cut the ribbon at ten, and by noon more than four hundred people had walked through "
    "the doors, many of them to renew cards that had lapsed while the building was closed.",
    "The old building, a former grain store, had no room left for new books and no access for "
    "wheelchairs. The council weighed moving the library to the shopping centre on the ring "
    "road, but residents collected two thousand signatures to keep it in the square, and the "
    "architects found a way to add a floor without touching the brick front.",
    "Inside, the shelves now run along the walls and leave the middle of each room free for "
    "tables. The reading room upstairs looks over the river, and its twelve desks have lamps and "
    "sockets. Staff say students from the college across the bridge filled them within an hour, "
    "and the librarians expect to add more desks before the exams in June.",
    "The work cost four million, a third of it from a national fund for public buildings. Opening "
    "hours stay as before, with late evenings on Tuesday and Thursday, and the library will run "
    "free computer classes for older residents every Wednesday morning from next month. The "
    "mobile library that served the villages while the building was closed keeps its rounds.",
    "Not everything is finished. The garden behind the children's corner still waits for its "
    "trees, which the council will plant in the autumn, and the café on the ground floor opens "
    "only in May, once the kitchen has passed its inspection. Until then, visitors may bring "
    "their own drinks into the lobby but not into the reading rooms.",
]
_LIBRARY_BIO = (
    "Hannah Berg is a staff reporter who covers schools, libraries and local government for the "
    "paper. She has lived in the town for twenty years."
)

_LIBRARY_MORE = (
    "<p>She first came to the library as a girl of seven, when her grandmother took her to "
    "the reading hour on Saturday mornings, and she borrowed the same book about a lighthouse "
    "keeper eleven weeks in a row until the librarian gave her a copy to keep.</p><p>Years "
    "later she worked there as a student on weekends, shelving returns and mending torn "
    "covers with tape, and she says the smell of the old grain store never quite left the "
    "rooms. She came back on Saturday to find the lighthouse book still on the shelf, now in "
    "its fourth edition, beside a display of photographs of the building work.</p><p>The "
    "librarians asked her to read from it at the first reading hour in the new children's "
    "corner next Saturday, and she has said yes, on the condition that the children choose "
    "the second book themselves from the shelves and that nobody checks how long she keeps "
    "the lighthouse book this time.</p>"
)
"""Three more paragraphs about the reporter's own days at the library (about 170 words)."""


def _library_story(author: str, after: str) -> str:
    """The library story (about 320 words of prose) by ``author`` (a meta tag), then ``after``
    inside the article element."""
    meta = f"<meta name='author' content='{author}'>" if author else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in _LIBRARY)
    return (
        f"<html><head><title>Library reopens</title>{meta}</head><body><article>"
        f"<h1>Library reopens</h1>{paragraphs}{after}</article></body></html>"
    )


def test_a_paragraph_opening_with_the_authors_name_below_the_text_is_the_bio() -> None:
    """A paragraph that opens with the page author's name and closes the article is the author's
    bio and goes; without the author's name in the page's metadata it stays, and so does such a
    paragraph with the text going on below it (a profile of its own author)."""
    html = _library_story("Hannah Berg, Daily Courier", f"<p>{_LIBRARY_BIO}</p>")
    result = extract_result(html)
    assert result.metadata.author == "Hannah Berg, Daily Courier"
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Library reopens", *_LIBRARY]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_LIBRARY_BIO] == "sentence end; the author's bio"
    assert _LIBRARY_BIO in extract(_library_story("", f"<p>{_LIBRARY_BIO}</p>"))
    assert _LIBRARY_BIO in extract(_library_story("Berg", f"<p>{_LIBRARY_BIO}</p>"))
    first_name = _LIBRARY_BIO.replace("Hannah Berg is", "Hannah is")
    assert first_name not in extract(_library_story("Hannah Berg", f"<p>{first_name}</p>"))
    capitals = _LIBRARY_BIO.replace("Hannah Berg is", "HANNAH is")
    assert capitals in extract(_library_story("Hannah Berg", f"<p>{capitals}</p>"))
    profile = extract(_library_story("Hannah Berg", f"<p>{_LIBRARY_BIO}</p>{_LIBRARY_MORE}"))
    assert _LIBRARY_BIO in profile
    # The rest of the bio's element goes with it; a line after that element stays.
    more_bio = "She holds a degree in history and sings in the town choir on Sundays."
    closing = "Opening hours and the class schedule are listed on the library's notice board."
    boxed = _library_story(
        "Hannah Berg", f"<div><p>{_LIBRARY_BIO}</p><p>{more_bio}</p></div><p>{closing}</p>"
    )
    reasons = {b.text: (b.label, b.reason) for b in extract_result(boxed).blocks}
    assert reasons[more_bio] == (Label.BOILERPLATE, "sentence end; below the author's bio")
    assert reasons[closing][0] is Label.CONTENT


def test_the_authors_bio_over_the_text_goes() -> None:
    """A paragraph that opens with the page author's name between the headline and the text
    (the writer's bio set over the article) goes; without the author's name in the metadata it
    stays, and so does one below the first paragraph or over a short text."""
    top = "<h1>Library reopens</h1>"

    def story(author: str, bio_at: str, paragraphs: list[str] = _LIBRARY) -> str:
        html = _library_story(author, "").replace(top, f"{top}{bio_at}")
        return html.replace(
            "".join(f"<p>{p}</p>" for p in _LIBRARY), "".join(f"<p>{p}</p>" for p in paragraphs)
        )

    bio = f"<p>{_LIBRARY_BIO}</p>"
    result = extract_result(story("Hannah Berg", bio))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Library reopens", *_LIBRARY]
    assert {b.text: b.reason for b in result.blocks}[_LIBRARY_BIO].endswith("; an opening bio")
    assert _LIBRARY_BIO in extract(story("", bio))
    below_first = _library_story("Hannah Berg", "").replace(
        f"<p>{_LIBRARY[0]}</p>", f"<p>{_LIBRARY[0]}</p>{bio}"
    )
    assert _LIBRARY_BIO in extract(below_first)
    assert _LIBRARY_BIO in extract(story("Hannah Berg", bio, _LIBRARY[:2]))


def test_the_date_over_the_text_goes() -> None:
    """The date line and the reading time over an article go ("Published on March 3, 2025", "4
    min read"); so does "Mis à jour le 3 mars 2025". A page that keeps a date line further down
    (dated posts), three of them at the top, or a short text under it keeps them."""
    more = _LIBRARY_MORE.removeprefix("<p>").removesuffix("</p>").split("</p><p>")
    long_text = [*_LIBRARY, *more]  # about 460 words
    top = "<h1>Library reopens</h1>"

    def story(dates: list[str], paragraphs: list[str] = long_text, later: str = "") -> str:
        lines = "".join(f"<p>{d}</p>" for d in dates)
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            "<html><head><title>Library reopens</title></head><body><article>"
            f"{top}{lines}{body}{later}</article></body></html>"
        )

    dates = ["Published on March 3, 2025", "4 min read"]
    result = extract_result(story(dates))
    assert [b.text for b in result.blocks if b.label is not Label.BOILERPLATE] == [
        "Library reopens",
        *long_text,
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert all(reasons[d].endswith("; a dateline") for d in dates)
    assert "Mis à jour le 3 mars 2025" not in extract(story(["Mis à jour le 3 mars 2025"]))
    assert dates[0] in extract(story(dates, later="<p>Updated on March 9, 2025</p>"))
    assert dates[0] in extract(story([*dates, "March 4, 2025"]))
    assert dates[0] in extract(story(dates, _LIBRARY[:3]))
    # A line with words of its own is no date line.
    assert "Opening day, March 3, 2025" in extract(story(["Opening day, March 3, 2025"]))


def test_a_disclaimer_closing_the_article_goes() -> None:
    """A paragraph of fine print that closes the article ("The views expressed...", "for
    informational purposes only") goes; one whose disclaimer words come after the text's own
    sentences in the same block (past the lead words) stays, and so does one above more text."""
    views = (
        "The views expressed in this column are those of the author and do not necessarily "
        "reflect the position of the Daily Courier."
    )
    result = extract_result(_library_story("", f"<p>{views}</p>"))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["Library reopens", *_LIBRARY]
    assert {b.text: b.reason for b in result.blocks}[views] == "sentence end; a disclaimer"
    german = "Dieser Beitrag dient lediglich der Information und ersetzt keine ärztliche Beratung."
    assert german not in extract(_library_story("", f"<p>{german}</p>"))
    consent = "By clicking Sign Me Up, you agree to receive our weekly library newsletter."
    assert consent not in extract(_library_story("", f"<p>{consent}</p>"))
    # Above more of the text, only a consent line that names the terms or the privacy policy
    # (a notice) goes.
    above = extract_result(_library_story("", f"<p>{consent}</p>{_LIBRARY_MORE}"))
    assert consent in above.text and _LIBRARY_MORE[3:40] in above.text
    terms = "By clicking Sign Me Up, you agree to our Terms of Use and Privacy Policy."
    above = extract_result(_library_story("", f"<p>{terms}</p>{_LIBRARY_MORE}"))
    assert {b.text: b.reason for b in above.blocks}[terms].endswith("; a consent line")
    assert _LIBRARY_MORE[3:40] in above.text
    closing = (
        "Librarians say the new building should serve the town for the next fifty years, and "
        "they hope that the reading room will draw back the readers who drifted away while the "
        f"library was closed and the books sat in boxes in the council's store. {views}"
    )
    assert closing in extract(_library_story("", f"<p>{closing}</p>"))
    assert views in extract(_library_story("", f"<p>{views}</p>{_LIBRARY_MORE}"))


def test_the_byline_over_the_text_goes() -> None:
    """A short line opening with "By" and a name over the text is the byline and goes ("Von"
    and "Par" likewise); a page that keeps two such lines lists articles and keeps them."""
    byline = "By Hannah Berg, Staff Reporter"
    html = _library_story("", f"<p>{byline}</p>").replace(
        "<h1>Library reopens</h1>", f"<h1>Library reopens</h1><p>{byline}</p>"
    )
    html = html.replace(f"</p><p>{byline}</p></article>", "</p></article>")
    result = extract_result(html)
    assert [b.text for b in result.blocks if b.label is not Label.BOILERPLATE] == [
        "Library reopens",
        *_LIBRARY,
    ]
    assert {b.text: b.reason for b in result.blocks}[byline].endswith("; a byline")
    german = html.replace(byline, "Von Hannah Berg")
    assert "Von Hannah Berg" not in extract(german)
    items = "".join(
        f"<article><h2>{title}</h2><p>By {name}</p><p>{text}</p></article>"
        for title, name, text in [
            ("Library reopens", "Hannah Berg", _LIBRARY[0]),
            ("Grain store kept", "Tom Lee", _LIBRARY[1]),
        ]
    )
    listing = extract(f"<html><body><main><h1>Latest stories</h1>{items}</main></body></html>")
    assert "By Hannah Berg" in listing and "By Tom Lee" in listing


def test_vote_sums_over_runs_are_those_added_block_by_block() -> None:
    """Over the runs of blocks of a walked page's elements, each element's votes are added up
    once per distinct run (:func:`_sums`): the same sums, bit for bit and in the same order,
    as adding each block's vote to every element of its path."""
    html = (
        f"<html><body><div><main><article><h1>Ferry keeps running</h1><p>{PROSE}</p>"
        f"<div><p>{PROSE_2}</p><p>Photo archive</p></div></article></main>"
        '<aside><ul><li><a href="/a">One story</a></li><li>Two</li></ul></aside></div>'
        "<footer><p>All rights reserved.</p></footer></body></html>"
    )
    blocks = score(measure(segment(load(html, None, Options()), NEVER)))
    tree = element_tree(blocks)
    assert tree.runs
    votes = [value(b) for b in blocks]
    assert list(_sums(tree, votes).items()) == list(_sums(replace(tree, runs=False), votes).items())


_DESKS = [
    ("Deskworks Classic Standing Desk with Bamboo Top", "$599"),
    ("Deskworks Corner Standing Desk in Walnut Veneer", "$989"),
    ("Treadmill", "$948"),
    ("Deskworks Compact Standing Desk for Small Rooms", "$499"),
    ("Deskworks Four Leg Standing Desk with Crossbar", "$959"),
    ("Junior", "$399"),
    ("Deskworks Electric Standing Desk with Memory Keypad", "$829"),
    ("Deskworks Solid Oak Standing Desk with Cable Tray", "$1149"),
]


def _desk_shop(cards: list[tuple[str, str]]) -> str:
    grid = "".join(
        f'<div class="product-card"><div class="product-name"><a href="/d/{i}">{name}</a></div>'
        f'<div class="product-price">{price}</div></div>'
        for i, (name, price) in enumerate(cards)
    )
    return (
        "<html><head><title>Standing desks | Deskworks</title></head><body><header><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/desks">Desks</a></li>'
        '<li><a href="/chairs">Chairs</a></li><li><a href="/sale">Sale</a></li></ul></nav>'
        "</header><main><h1>Standing desks</h1><p>Every desk we sell is built to order in our "
        "workshop and tested at full height before it ships, with a ten year warranty on the "
        f'frame.</p><div class="product-grid">{grid}</div></main><footer><p>© 2024 Deskworks '
        'Ltd. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li>'
        '<li><a href="/terms">Terms</a></li></ul></footer></body></html>'
    )


def test_a_field_most_cards_of_a_grid_keep_is_kept_in_all() -> None:
    """A shop's grid keeps each card's linked name and price; the two cards whose names are a
    single word ("Treadmill", "Junior"), dropped alone as short links, keep theirs too, since
    most cards of the grid keep the name at that place. The menu and footer links stay out."""
    result = extract_result(_desk_shop(_DESKS))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == [
        "Standing desks",
        result.blocks[5].text,
        *(text for card in _DESKS for text in card),
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Treadmill"].endswith("; most items of its grid keep it")
    assert reasons["Junior"].endswith("; most items of its grid keep it")
    # three cards are no grid (GRID_FIELD_ITEMS): the lone short name stays dropped
    result = extract_result(_desk_shop(_DESKS[:3]))
    assert "Treadmill" not in [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]


_EATERIES = [
    (
        "Harbour Kitchen",
        "A family run place on the quay that fries whatever the boats bring in each morning and "
        "serves it with thick chips.",
    ),
    (
        "The Salt Loft",
        "Small plates and natural wine above the old net store, with a window table that looks "
        "straight down the estuary.",
    ),
    (
        "Gull and Anchor",
        "The pub everyone ends up in after the lifeboat display, known for its crab sandwiches and "
        "a long garden.",
    ),
]


def test_a_numbered_linked_title_of_a_ranked_list_is_kept() -> None:
    """A ranked list's headings link the name but not the number before it ("2. <a>The Salt
    Loft</a>"): under TITLE_MIN_LINK as a whole, they are linked titles all the same and come
    back above the text they title."""
    items = "".join(
        f'<h2>{i}. <a href="https://example.org/{i}">{name}</a></h2><p>{text}</p>'
        for i, (name, text) in enumerate(_EATERIES, 1)
    )
    html = (
        "<html><head><title>Where to eat in Porthcove</title></head><body><nav><ul>"
        '<li><a href="/">Home</a></li><li><a href="/food">Food</a></li>'
        '<li><a href="/travel">Travel</a></li></ul></nav><article>'
        "<h1>Where to eat in Porthcove</h1><p>The harbour town has more good kitchens than its "
        "size suggests; these are the three we go back to every summer, in no particular order of "
        f"merit.</p>{items}</article><footer><p>© 2024 Coast Guide</p></footer></body></html>"
    )
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept[2:] == [
        text for i, (name, body) in enumerate(_EATERIES, 1) for text in (f"{i}. {name}", body)
    ]
    assert {b.text: b.reason for b in result.blocks}["2. The Salt Loft"].endswith(
        "; titles kept content below it"
    )


_ORCHARD = [
    (
        "The orchard on the north slope was planted in 1962 by a cooperative of eleven families, who"
        " shared the cost of the first four hundred apple trees and the stone wall that still keeps"
        " the deer out. Most of the old trees are Bramleys and russets, chosen because they kept"
        " through the winter in the cellar under the village hall."
    ),
    (
        "When the cooperative dissolved in the nineties, the trees were left to grow wild for almost"
        " twenty years. Brambles climbed into the lower branches, the wall fell in two places and the"
        " cellar flooded every spring, so that the last of the stored fruit rotted before anyone"
        " noticed that nobody was picking it anymore."
    ),
    (
        "Volunteers began clearing the ground three winters ago. They cut back the brambles, rebuilt"
        " the wall with stones taken from the field edge and grafted young wood from the healthiest"
        " russets onto new rootstock, which the school children now water through the dry weeks of"
        " July and August."
    ),
    (
        "This autumn the orchard gave its first proper harvest in a generation: nine hundred kilos of"
        " apples, pressed into juice at the farm on the valley road and sold at the Saturday market."
        " The money pays for the pruning course that the volunteers will run for newcomers in"
        " February, and for a second hand press of their own."
    ),
    (
        "Anyone who wants to help can come to the gate on Sunday mornings. Gloves and tools are"
        " provided, tea is made on a camping stove in the old shed, and the volunteers promise that"
        " nobody is asked to climb a ladder on their first day, whatever the weather and however"
        " tempting the fruit at the top of the tree looks."
    ),
    (
        "Next year the group hopes to plant a row of quinces along the rebuilt wall, where the"
        " afternoon sun is warmest, and to open the orchard for a blossom walk in late April."
    ),
]
_TEASERS = [
    (
        "How to prune an old apple tree",
        (
            "Winter pruning brings neglected trees back into fruit,"
            " if you take out no more than a quarter of the wood each year."
        ),
    ),
    (
        "Five heritage pears worth planting",
        (
            "From the buttery Doyenné to the tiny Hessle, these"
            " old varieties suit a small garden and a cold spring."
        ),
    ),
    (
        "Making cider without a press",
        (
            "A bucket, a clean pole and a fine mesh bag will turn a"
            " windfall into a few gallons of cloudy farmhouse cider."
        ),
    ),
]


def _orchard_page(cards: str, intro: int = 6) -> str:
    text = "".join(f"<p>{p}</p>" for p in _ORCHARD[:intro])
    return (
        "<html><head><title>The orchard comes back</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/garden">Garden</a></nav><main>'
        f"<article><h1>The orchard comes back</h1>{text}{cards}</article></main>"
        "<footer><p>© Valley Gazette</p></footer></body></html>"
    )


def _teaser_grid(label: str = "") -> str:
    cards = "".join(
        f'<div><h3><a href="/story/{i}">{title}</a></h3><p>{text}</p></div>'
        for i, (title, text) in enumerate(_TEASERS)
    )
    return f"<section>{label}<div>{cards}</div></section>"


def test_a_grid_of_teaser_cards_closing_an_article_goes() -> None:
    """Three or more cards, each its own element holding a linked title over a standfirst,
    closing the text of an article of 300 words or more, are other posts and go, with a short
    heading right above them; the article stays whole."""
    html = _orchard_page(_teaser_grid("<h2>More from the garden</h2>"))
    result = extract_result(html)
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["The orchard comes back", *_ORCHARD]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_TEASERS[0][1]].endswith("; a teaser grid")
    assert reasons["More from the garden"].endswith("; a teaser grid")


def test_teaser_like_cards_that_are_no_closing_grid_stay() -> None:
    """The same cards stay under a short text (a page of cards with an introduction), when a
    title asks (an FAQ), and when they are the article's own sections in its element."""
    short = extract(_orchard_page(_teaser_grid(), intro=2))
    assert _TEASERS[2][1] in short
    asks = _teaser_grid().replace("Making cider without a press", "Can I make cider at home?")
    asks = asks.replace("Five heritage pears worth planting", "Which pears suit a cold spring?")
    assert _TEASERS[0][1] in extract(_orchard_page(asks))
    own = "".join(
        f'<h3><a href="#s{i}">{title}</a></h3><p>{text}</p>'
        for i, (title, text) in enumerate(_TEASERS)
    )
    inline = _orchard_page("").replace("</article>", own + "</article>")
    assert _TEASERS[1][1] in extract(inline)


def test_a_teaser_grid_goes_before_its_titles_read_as_links_in_the_text() -> None:
    """Cards whose titles are linked paragraphs: the grid is judged before the links set into
    the text, which would take each title alone (it follows a paragraph) and leave the
    standfirsts."""
    grid = _teaser_grid().replace("<h3>", "<p>").replace("</h3>", "</p>")
    grid = grid.replace("<div><p><a", '<div class="post"><p><a')
    grid = grid.replace("worth planting", "worth planting in a small garden")
    grid = grid.replace("Making cider without", "Making farmhouse cider at home without")
    result = extract_result(_orchard_page(grid))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert kept == ["The orchard comes back", *_ORCHARD]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_TEASERS[0][0]].endswith("; a teaser grid")


def _span_page(middle: str, score: float, reason: str) -> list[Block]:
    """Two kept paragraphs of a report's body and, between them, a block of a sibling element
    that the region did not reach, decided as ``score`` and ``reason``."""
    body, aside = node(40, "div", "report"), node(50, "div", "panel")
    blocks = page(
        block(
            "Ferry timetable for the winter", (BODY, body, node(41, "h1")), Kind.HEADING, level=1
        ),
        block(PROSE, (BODY, body, node(42, "p"))),
        block(middle, (BODY, aside, node(51, "p"))),
        block(PROSE_2, (BODY, body, node(43, "p"))),
        block("Share this page", (BODY, node(60, "footer"), node(61, "p"))),
    )
    return [
        blocks[0].decided(1.0, Label.HEADLINE, "the headline"),
        blocks[1].decided(2.0, Label.CONTENT, "sentence end"),
        blocks[2].decided(score, Label.BOILERPLATE, reason),
        blocks[3].decided(2.0, Label.CONTENT, "sentence end"),
        blocks[4].decided(-3.0, Label.BOILERPLATE, "boilerplate label 'share'"),
    ]


def test_a_sentence_outside_the_region_between_kept_blocks_is_kept() -> None:
    """A sentence of ten words or more that leans to content (above SPAN_KEEP_SCORE) and was
    dropped only for lying outside the main region comes back when kept text lies above and
    below it; a short line, a low score, another reason for the drop or a block past the last
    kept one stay dropped."""
    note = "The company will print the new timetable in the harbour office next week."
    out = "sentence end; outside the main region"

    def decide(blocks: list[Block]) -> list[Label]:
        return [b.label for b in fill_span(Selection(blocks, 40, 0, "")).blocks]

    kept = decide(_span_page(note, 1.4, out))
    assert kept == [Label.HEADLINE, Label.CONTENT, Label.CONTENT, Label.CONTENT, Label.BOILERPLATE]
    reason = fill_span(Selection(_span_page(note, 1.4, out), 40, 0, "")).blocks[2].reason
    assert reason == "sentence end; outside the main region; between kept blocks"
    assert decide(_span_page(note, 0.4, out))[2] is Label.BOILERPLATE  # leans too little
    assert decide(_span_page("Print the timetable.", 1.4, out))[2] is Label.BOILERPLATE  # short
    short_line = "Timetables in the harbour office"  # no sentence end
    assert decide(_span_page(short_line, 1.4, out))[2] is Label.BOILERPLATE
    assert decide(_span_page(note, 1.4, "repeats a block kept above"))[2] is Label.BOILERPLATE
    assert decide(_span_page(PROSE, 1.4, out))[2] is Label.BOILERPLATE  # a copy of kept text


_SCHOOLS = [
    (
        "Harbour Business School",
        "The programme runs over two years with a summer placement between them in a partner firm.",
        ["Median GMAT: 730", "Average GPA: 3.7", "Class size: 410"],
    ),
    (
        "Northfield School of Management",
        (
            "Students choose a track in finance, operations or strategy after the first term of"
            " core courses."
        ),
        ["Median GMAT: 710", "Average GPA: 3.6", "Class size: 280"],
    ),
    (
        "Lakeside Graduate School",
        (
            "A small cohort spends its second year on a consulting project for a company of its"
            " choice."
        ),
        ["Median GMAT: 730", "Average GPA: 3.5", "Class size: 350"],
    ),
    (
        "Westbridge Business School",
        "Evening and weekend classes let students keep their jobs while they study for the degree.",
        ["Median GMAT: 700", "Average GPA: 3.7", "Class size: 190"],
    ),
]


def _school_guide(schools: list[tuple[str, str, list[str]]]) -> str:
    cards = "".join(
        f"<h2>{name}</h2><p>{about}</p><ul>{''.join(f'<li>{item}</li>' for item in items)}</ul>"
        for name, about, items in schools
    )
    return (
        "<html><head><title>The best business schools of 2026</title></head><body><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/rankings'>Rankings</a></li></ul></nav>"
        "<article><h1>The best business schools of 2026</h1><p>We compared admissions data from "
        "four schools that admit students from every background and publish their numbers each "
        f"year.</p>{cards}<p>Numbers come from each school's own report for the class that "
        "started in the autumn of 2025.</p></article>"
        "<footer><p>© 2026 School Guide</p></footer></body></html>"
    )


def test_a_kept_list_keeps_its_items_that_repeat_an_earlier_card() -> None:
    """Each school's list gives its GMAT, GPA and class size; two of them repeat a value an
    earlier school's list gave ("Median GMAT: 730"), and come back as items of lists the text
    keeps. A list half of whose items repeat earlier lines (LIST_FILL_REPEATS) is a copy and
    keeps its repeats dropped."""
    result = extract_result(_school_guide(_SCHOOLS))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    for _, about, items in _SCHOOLS:
        assert about in kept
        assert all(item in kept for item in items)
    assert kept.count("Median GMAT: 730") == 2 and kept.count("Average GPA: 3.7") == 2
    reasons = [b.reason for b in result.blocks if b.text == "Median GMAT: 730"]
    assert reasons[1] == "repeats a block kept above; most items of its list are kept"
    copy = ("Eastgate School", "A new school that opened its doors to its first class in 2024.")
    copied = [*_SCHOOLS, (*copy, ["Median GMAT: 710", "Average GPA: 3.6", "Tuition: $48,000"])]
    result = extract_result(_school_guide(copied))
    kept = [b.text for b in result.blocks if b.label is not Label.BOILERPLATE]
    assert "Tuition: $48,000" in kept and kept.count("Median GMAT: 710") == 1


def _example(name: str, body: str) -> str:
    lines = [f"function {name}() {{", "  return (", f"    &lt;p&gt;{body}&lt;/p&gt;", "  );", "}"]
    return (
        "<pre><code>"
        + "".join(f'<div class="line">{line}</div>' for line in lines)
        + "</code></pre>"
    )


def _components_page(quoted: bool = False) -> str:
    third = _example("Weather", "Wind from the west, light swell")
    return (
        "<html><head><title>Writing components</title></head><body><nav><ul>"
        "<li><a href='/'>Docs</a></li><li><a href='/api'>API</a></li></ul></nav>"
        "<main><h1>Writing components</h1><p>A component is a function that returns the markup "
        "for one part of the page, and it can be used as often as you like.</p>"
        f"{_example('Greeting', 'Hello from the harbour')}<p>A second component can show the "
        "next departure, and it is written the same way as the first one.</p>"
        f"{_example('Departure', 'The next ferry leaves at noon')}<p>A third one shows the "
        "weather at the pier, again with a single return statement.</p>"
        f"{f'<blockquote>{third}</blockquote>' if quoted else third}"
        "<p>Put the three together in one page to see how the pieces fit.</p></main>"
        "<footer><p>© 2026 Ferry Tools</p></footer></body></html>"
    )


def test_code_repeated_between_kept_blocks_is_kept() -> None:
    """Each example of a documentation page returns its markup on a line of its own ("return
    ("), which repeats the first example's line; between kept text, a code line dropped only as
    a repeat comes back, so every example is whole. A quoted copy (a reply quoting a post's
    code) stays dropped."""
    result = extract_result(_components_page())
    code = [b for b in result.blocks if b.kind is Kind.CODE]
    assert [b.label for b in code] == [Label.CONTENT] * 9
    returns = [b.reason for b in code if b.text.strip() == "return ("]
    assert returns[1:] == ["repeats a block kept above; code between kept blocks"] * 2
    quoted = extract_result(_components_page(quoted=True))
    dropped = [b.text.strip() for b in quoted.blocks if b.label is Label.BOILERPLATE]
    assert "return (" in dropped


def test_a_line_saying_when_the_page_was_last_changed_goes() -> None:
    """A short line opening with "Last updated" or "This page was last modified" and holding a
    date goes wherever it stands ("an edit note"), in other languages too; a longer paragraph
    that goes on after the date stays, and so does a forum post's "Last edited" note."""
    closing = "This page was last modified on Dec 5, 2025 by the library's volunteers."
    top = "Last updated: March 14, 2026"
    html = _library_story("", f"<p>{closing}</p>").replace(
        "<h1>Library reopens</h1>", f"<h1>Library reopens</h1><p>{top}</p>"
    )
    result = extract_result(html)
    assert [b.text for b in result.blocks if b.label is not Label.BOILERPLATE] == [
        "Library reopens",
        *_LIBRARY,
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[closing].endswith("; an edit note")
    assert reasons[top].endswith("; an edit note")
    german = html.replace(top, "Zuletzt aktualisiert am 14. März 2026")
    assert "Zuletzt aktualisiert" not in extract(german)
    undated = html.replace(top, "Last updated in spring")
    assert "Last updated in spring" in extract(undated)
    edited = html.replace(top, "Last edited: Mar 14, 2026")
    assert "Last edited: Mar 14, 2026" in extract(edited)
    longer = (
        "Last updated: March 2026. The library now opens on Sunday afternoons too, from one to "
        "five, and the reading room stays open until nine on weekdays during the exams."
    )
    assert longer in extract(html.replace(top, longer))


def test_edit_notes_in_each_language_open_with_a_listed_first_word() -> None:
    """Every language's edit note passes the quick test of its first word and the pattern."""
    from declutter.features import fingerprint
    from declutter.trim import _EDIT_NOTE
    from declutter.weights import EDIT_NOTE_FIRST_WORDS

    for line in [
        "This article was last reviewed on 3 May 2024",
        "Page last updated 3 May 2024",
        "Zuletzt geändert am 3. Mai 2024",
        "Letzte Aktualisierung: 03.05.2024",
        "Dernière mise à jour : 3 mai 2024",
        "Última actualización: 3 de mayo de 2024",
        "Ultima modifica il 3 maggio 2024",
        "Ultimo aggiornamento: 3 maggio 2024",
        "Laatst bijgewerkt op 3 mei 2024",
        "Ostatnia aktualizacja: 3 maja 2024",
        "Последнее обновление: 3 мая 2024",
    ]:
        key = fingerprint(line)
        assert key.startswith(EDIT_NOTE_FIRST_WORDS), line
        assert _EDIT_NOTE.match(key), line
    assert not _EDIT_NOTE.match(fingerprint("Last edited: Mar 14, 2026"))
