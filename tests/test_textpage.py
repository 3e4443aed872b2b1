"""The decision stage for plain-text pages (textpage)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from declutter import extract, extract_result
from declutter.blocks import Label
from declutter.evaluate.metrics import word_prf
from declutter.features import measure
from declutter.render import to_text
from declutter.segment import segment_text
from declutter.select import Selection
from declutter.textlines import read_lines
from declutter.textpage import runs, select_text, values_of

from helpers import text_page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT.parent / "shared" / "examples" / "news-page-rendered.txt"
CORPUS = ROOT / "corpus"
TEXT_PAGES = (
    "en-text-news-dump", "de-text-news-dump", "fr-text-blog-dump", "es-text-news-dump",
    "ru-text-news-dump", "tr-text-portal-dump", "ja-text-news-dump", "pl-text-news-dump",
    "en-text-wet-record", "it-text-local-news-dump",
)  # fmt: skip
TEXT_PAGE_F1_FLOOR = 0.95
"""Word F1 each plain-text corpus page must reach against its gold (all reach 1.0 today)."""

BODY = (
    "The committee published its findings on Tuesday after a review that lasted nearly two years "
    "and covered every school in the district."
)
BODY_2 = (
    "Parents who attended the meeting asked for the report to be translated into the three "
    "languages most spoken at home in the area."
)
BODY_3 = (
    "The council will vote on the recommendations next month, and the first changes could reach "
    "classrooms by the autumn term."
)

BODY_4 = (
    "Teachers' unions welcomed the plan but warned that smaller schools would need extra staff "
    "time to prepare the reports each year."
)


def decide(text: str, favor: str = "balanced", include_title: bool = True) -> Selection:
    """What the api hook does for a text page: segment, measure (no declared title), decide."""
    return select_text(measure(segment_text(text), ""), favor, include_title)


def kept_texts(selection: Selection) -> list[str]:
    """The texts of the kept blocks, in order."""
    return [b.text for b in selection.blocks if b.label is not Label.BOILERPLATE]


def reason_of(selection: Selection, text: str) -> str:
    """The reason given for the first block with this text."""
    return next(b.reason for b in selection.blocks if b.text == text)


def test_example_page_keeps_headline_once_and_its_body() -> None:
    """The shared news example comes out as its headline once and its ten body paragraphs
    (eleven blocks in all), in order, and nothing else."""
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is absent")
    text = EXAMPLE.read_text(encoding="utf-8")
    selection = decide(text)
    kept = [b for b in selection.blocks if b.label is not Label.BOILERPLATE]
    headline = "Turkish, US officials discuss efforts to thaw Ukrainian crisis"
    assert [b.label for b in kept] == [Label.HEADLINE] + [Label.CONTENT] * 10
    assert kept[0].text == headline
    assert selection.headline == kept[0].index
    starts = [
        "Turkish Foreign Minister Mevlüt Çavuşoğlu on Feb. 8 had a telephone conversation",
        "“Foreign Minister Çavuşoğlu informed his counterpart about our initiatives",
        "They also discussed recent developments in northern Syria.",
        "While discussing the latest developments in the Caucasus",
        "Blinken and Çavuşoğlu discussed ways to further coordination and NATO unity",
        "“The secretary emphasized our shared commitment to Ukraine’s sovereignty",
        "The leaders discussed Turkey-Armenia normalization and additional steps",
        "The phone conversation comes amid Turkey’s efforts to mediate",
        "Moscow and Kiev have long been at odds over Donbass",
        "Ankara has invited Russian President Vladimir Putin and Ukrainian President",
    ]
    assert [b.text[: len(s)] for b, s in zip(kept[1:], starts)] == starts
    paragraphs = [line.strip() for line in text.splitlines() if len(line.split()) > 20]
    assert len(paragraphs) == 13  # the ten of the body and three teaser summaries at the end
    assert to_text(selection.blocks) == "\n\n".join([headline, *paragraphs[:10]])
    assert "Macron" not in to_text(selection.blocks)
    assert "Chelsea manager" not in to_text(selection.blocks)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("slug", TEXT_PAGES)
def test_corpus_text_pages_match_their_gold(slug: str) -> None:
    """Each plain-text corpus page comes out as its gold (up to white space), headline first."""
    folder = CORPUS / slug
    page = (folder / "page.txt").read_text(encoding="utf-8")
    gold = (folder / "gold.txt").read_text(encoding="utf-8")
    title = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["title"]
    selection = decide(page)
    assert word_prf(to_text(selection.blocks), gold).f1 >= TEXT_PAGE_F1_FLOOR
    assert _lines(to_text(selection.blocks)) == _lines(gold)  # exactly the gold, up to white space
    first = next(b for b in selection.blocks if b.label is not Label.BOILERPLATE)
    assert first.label is Label.HEADLINE
    assert first.text.split() == title.split()
    assert sum(b.label is Label.HEADLINE for b in selection.blocks) == 1


def test_every_block_is_explained() -> None:
    """Every line of a corpus text page gets a label, a score and a reason."""
    page = (CORPUS / "en-text-news-dump" / "page.txt").read_text(encoding="utf-8")
    selection = decide(page)
    assert len(selection.blocks) == len(segment_text(page))
    assert all(b.reason for b in selection.blocks)
    assert (
        reason_of(selection, "Advertisement")
        == "boilerplate label 'advertisement', in the main text"
    )
    assert reason_of(selection, "Cost and funding") == "subhead in the main text"
    assert reason_of(selection, "MOST READ").startswith("boilerplate label 'most read'")


def test_teaser_title_printed_twice_is_dropped() -> None:
    """A line repeating its neighbour is a teaser title, dropped after the body."""
    teaser = "Macron says Russia will not escalate the crisis"
    selection = decide(text_page("Ferry service resumes", BODY, BODY_2, teaser, teaser, BODY_3))
    assert reason_of(selection, teaser).startswith("repeats its neighbour")
    assert teaser not in kept_texts(selection)


def test_label_box_drops_the_teaser_under_it() -> None:
    """A "Read also" label and the teaser title under it are dropped; the body around stays."""
    teaser = "Council approves a four-day collection cycle for garden waste"
    selection = decide(text_page(BODY, BODY_2, "Read also", teaser, BODY_3, BODY_4))
    assert kept_texts(selection) == [BODY, BODY_2, BODY_3, BODY_4]
    assert reason_of(selection, teaser) == "under the label 'read also', in the main text"


def test_label_with_its_item_inline_opens_no_box() -> None:
    """After "Read also: <title>" on one line, the next subhead is the article's again."""
    subhead = "What happens next"
    selection = decide(
        text_page(BODY, "Read also: Ferry fares to rise in spring", subhead, BODY_2, BODY_3)
    )
    assert kept_texts(selection) == [BODY, subhead, BODY_2, BODY_3]


def test_advertisement_label_opens_no_box() -> None:
    """The subhead after an "Advertisement" slot is kept."""
    subhead = "Who pays for it"
    selection = decide(text_page(BODY, "Advertisement", subhead, BODY_2, BODY_3))
    assert kept_texts(selection) == [BODY, subhead, BODY_2, BODY_3]


def test_headline_is_the_title_printed_most_near_the_top() -> None:
    """The title printed in the title bar and above the body is the headline, kept once."""
    title = "Schools to publish their inspection reports online"
    bar = f"{title} | The Daily Example"
    page = text_page(bar, "Home", "News", "Local", title, "By A. Writer", BODY, BODY_2, BODY_3)
    selection = decide(page)
    assert selection.headline == 4
    assert kept_texts(selection) == [title, BODY, BODY_2, BODY_3]
    assert reason_of(selection, bar) == "repeats the headline"


def test_headline_left_out_when_not_asked_for() -> None:
    """include_title=False labels the headline boilerplate and says why."""
    title = "Schools to publish their inspection reports online"
    selection = decide(text_page(title, "Local", title, BODY, BODY_2), include_title=False)
    assert kept_texts(selection) == [BODY, BODY_2]
    assert reason_of(selection, title) == "repeats the headline"
    assert selection.blocks[2].reason == "the headline (not asked for)"


def test_standfirst_between_headline_and_body_is_kept() -> None:
    """A long unpunctuated line between the headline and the body is its standfirst."""
    title = "Schools to publish their inspection reports online"
    standfirst = (
        "Every school in the district will post its full inspection report on its own website "
        "within a month of the visit under the new rules"
    )
    caption = "Pupils leave the school gates on Monday afternoon."
    page = text_page(
        title,
        title,
        standfirst,
        "By A. Writer",
        caption,
        f"{caption} | Photo: A. Snapper",
        BODY,
        BODY_2,
    )
    selection = decide(page)
    assert kept_texts(selection) == [title, standfirst, BODY, BODY_2]
    # Balanced keeps a run of one prose line worth a fair share, which this standfirst is; the
    # precision profile (runs of three prose lines) keeps it by the standfirst rule.
    assert reason_of(selection, standfirst) == "prose (25 words) in a run of prose"
    precise = decide(page, "precision")
    assert kept_texts(precise) == [title, standfirst, BODY, BODY_2]
    assert reason_of(precise, standfirst) == "standfirst under the headline"


def test_table_rows_stay_inside_the_text() -> None:
    """Rows of a data table between paragraphs are kept, in order."""
    rows = ["Year | Pupils", "2022 | 1,204", "2023 | 1,317", "2024 | 1,390"]
    selection = decide(text_page(BODY, *rows, BODY_2))
    assert kept_texts(selection) == [BODY, *rows, BODY_2]
    assert reason_of(selection, "2023 | 1,317") == "a table row in the main text"


SCHOOLS = [
    "Hillside Primary", "Northgate Academy", "St Anne's School", "Riverside Infants",
    "Oakfield Juniors", "Brook Lane School", "Meadow View", "Castle Hill Primary",
    "Greenway Academy", "Elm Park School", "Westfield Juniors", "Harbour Primary",
    "Kingsmead School", "Moorside Academy", "Fairfield Infants", "Abbey Road Primary",
]  # fmt: skip


def test_a_list_a_colon_introduces_does_not_break_the_text() -> None:
    """A list after a line ending with a colon is part of the text: a listicle whose every
    section holds sixteen items keeps all of them and all its paragraphs, in order. The same
    lists without their colon lines are sixteen-line gaps, which cut the text into pieces."""
    page = [BODY, "The first schools to publish:", *SCHOOLS[:8], BODY_2]
    page += ["The schools that follow in the spring:", *SCHOOLS[8:], BODY_3, BODY_4]
    selection = decide(text_page(*page))
    assert kept_texts(selection) == page
    assert reason_of(selection, "Meadow View") == "short line in the main text"
    bare = [BODY, *SCHOOLS, BODY_2, *SCHOOLS[::-1], BODY_3]
    cut = decide(text_page(*bare))  # three runs: the longest is the main one, and the other
    assert kept_texts(cut) == [BODY, BODY_2, BODY_3]  # two are worth a fair share of it
    assert reason_of(cut, BODY_2) == "prose (23 words) in the main text"
    assert reason_of(cut, BODY) == "prose (22 words) in a run of prose"
    values = values_of(read_lines(measure(segment_text(text_page(*page)), "")))
    assert values[2:10] == [0.0] * 8  # the items after "The first schools to publish:"
    assert values[1] == -2.0  # the colon line itself is an ordinary short line


def test_a_run_of_prose_above_the_headline_is_kept() -> None:
    """A thread whose title is printed again over the replies: the headline is that last copy,
    and the first post above it, cut from the replies by the forum's menu, is kept as a run of
    prose worth a fair share of the main one. The menu between them is not."""
    title = "Boiler pressure drops overnight"
    first_post = [
        "Our boiler loses pressure overnight, from 1.5 bar in the evening to under 0.5 by "
        "morning, and there is no water on the floor anywhere near the radiators or the pipes.",
        "The boiler is eight years old and was serviced in the spring. Topping it up through the "
        "filling loop works, but I have to do it every single morning now.",
    ]
    menu = ["Home", "Heating", "Plumbing", "Electrics", "Log in", "Register", "Search", "Help"]
    menu += ["Rules", "Members", "Latest", "Unanswered"]
    replies = [
        "Check the pressure relief valve first. If its outlet pipe outside the house drips or is "
        "wet in the morning, the valve is letting by and needs replacing, which is a small job "
        "for an engineer.",
        "If the valve is dry, the expansion vessel has probably lost its air charge. A flat vessel "
        "makes the pressure swing a lot as the system heats and cools, and the valve opens at "
        "the top of each swing.",
        "Thanks, the outlet pipe was dripping. The engineer replaced the valve this morning and "
        "the pressure has held at 1.4 bar all day.",
    ]
    selection = decide(text_page(title, title, *first_post, *menu, title, *replies))
    assert kept_texts(selection) == [*first_post, title, *replies]
    assert selection.blocks[16].label is Label.HEADLINE  # the third copy of the title
    assert reason_of(selection, first_post[0]) == "prose (33 words) in a run of prose"


def test_template_lines_are_dropped_inside_the_text() -> None:
    """A short line printed four times or more ("Reply" under every comment) is a template
    line, dropped even between paragraphs; a short line printed three times stays."""
    page = text_page(
        BODY,
        "Anna says",
        "Reply",
        BODY_2,
        "Jonas says",
        "Reply",
        BODY_3,
        "Mira says",
        "Reply",
        BODY_4,
        "Tom says",
        "Reply",
    )
    selection = decide(page)
    assert "Reply" not in kept_texts(selection)
    assert reason_of(selection, "Reply") == "a template line, printed 4x, in the main text"
    assert kept_texts(selection) == [
        BODY,
        "Anna says",
        BODY_2,
        "Jonas says",
        BODY_3,
        "Mira says",
        BODY_4,
    ]
    three = decide(text_page(BODY, "Reply", BODY_2, "Reply", BODY_3, "Reply", BODY_4))
    assert kept_texts(three).count("Reply") == 3


def test_a_comments_heading_ends_the_article() -> None:
    """After enough prose, a comments heading ("3 Comments") ends the main text: the readers'
    comments below it are dropped, prose as they are. Near the top of a short post, or printed
    with a count under every item of a list, such a heading ends nothing."""
    article = [BODY, BODY_2, BODY_3, BODY_4] * 2  # 160 words of prose
    comments = [
        "3 Comments",
        "Anna says",
        "I agree with every word of this, and I hope the council listens.",
        "Jonas says",
        "My daughter's school already does this and the reports are very useful.",
    ]
    selection = decide(text_page("Schools to publish yearly reports", *article, *comments))
    assert kept_texts(selection)[-1] == BODY_4
    assert reason_of(selection, "Jonas says").endswith("outside the main text")
    included = select_text(
        measure(segment_text(text_page(*article, *comments)), ""), include_comments=True
    )
    assert kept_texts(included)[-1] == comments[-1]
    short = decide(text_page(BODY, *comments))
    assert comments[2] in kept_texts(short)
    later = "A second survey of the same schools is planned for the year after the first reports."
    listed = [*article, "0 comments", comments[2], "14 comments", later]
    assert later in kept_texts(decide(text_page(*listed)))


def test_a_forum_thread_keeps_the_replies_under_its_comments_heading() -> None:
    """A forum prints a quote button under every post, a blog does not: on a thread whose
    first post is long, the replies under its "3 Comments" heading are the thread and stay.
    Without the quote buttons, the same page is an article and its comments go."""
    post = [BODY, BODY_2, BODY_3, BODY_4] * 2  # 160 words of prose
    replies = [
        "I agree with every word of this, and I hope the council listens to the parents.",
        "My daughter's school already does this and the reports are very useful to us.",
        "Our school board tried the same plan two years ago and gave it up after one term.",
    ]

    def thread(buttons: tuple[str, ...]) -> str:
        lines = ["Schools to publish yearly reports", *post, *buttons, "3 Comments"]
        for name, reply in zip(("Anna", "Jonas", "Mira"), replies):
            lines += [name, "2y", reply, *buttons]
        return text_page(*lines)

    kept = kept_texts(decide(thread(("Reply", "Quote", "Report"))))
    assert [line for line in kept if line in replies] == replies
    assert kept[-1] == replies[-1]
    assert "Quote" not in kept
    assert kept_texts(decide(thread(("Reply", "Report"))))[-1] == BODY_4


_COMMENTS = [
    "I agree with every word of this, and I hope the council listens to the parents.",
    "My daughter's school already does this and the reports are very useful to us.",
    "Our school board tried the same plan two years ago and gave it up after one term.",
]


def _commented(heading: list[str], names: tuple[str, ...]) -> str:
    """An article of 160 words of prose, then the heading lines, then three comments each
    under its name line, a date and a reply link."""
    lines = ["Schools to publish yearly reports", *[BODY, BODY_2, BODY_3, BODY_4] * 2, *heading]
    for name, comment in zip(names, _COMMENTS):
        lines += [name, "December 19, 2025 at 13:01", comment, "Reply"]
    return text_page(*lines)


def test_a_comments_heading_that_ends_like_a_sentence_ends_the_article() -> None:
    """A count of comments on a quoted title that ends with a question mark ("3 Replies to
    “Why ...?”") is shaped like a sentence, and prose was never read as a heading: the
    comments joined the article."""
    heading = "3 Replies to “Why do the schools in our district publish a report every year?”"
    page = _commented([heading], ("Anna", "Jonas", "Mira"))
    kept = kept_texts(decide(page))
    assert kept[-1] == BODY_4
    assert not set(_COMMENTS) & set(kept)


def test_commenters_says_lines_open_the_comments() -> None:
    """With no comments heading printed, the commenters' "<name> says:" lines (three, by two
    names at least) start the comments, which end the article as a heading does. One such line
    (a quote) ends nothing."""
    page = _commented([], ("Anna Berg says:", "Jonas says:", "Mira Holt says:"))
    kept = kept_texts(decide(page))
    assert kept[-1] == BODY_4
    assert not set(_COMMENTS) & set(kept)
    one = _commented([], ("Anna Berg says:", "Jonas", "Mira Holt"))
    assert _COMMENTS[-1] in kept_texts(decide(one))


def test_a_counted_comments_heading_printed_twice_is_one_heading() -> None:
    """ "4 Comments" printed under the byline (a link) and again over the comments is one heading:
    after enough prose, the second ends the article. Different counts ("0 comments", "14
    comments" under the items of a list) still end nothing."""
    article = [BODY, BODY_2, BODY_3, BODY_4] * 2  # 160 words of prose
    said = "I agree with every word of this, and I hope the council listens to the parents."
    page = text_page(
        "Schools to publish yearly reports", "4 Comments", *article, "4 Comments", "Anna", said
    )
    selection = decide(page)
    assert kept_texts(selection)[-1] == BODY_4
    assert reason_of(selection, said).endswith("outside the main text")
    listed = text_page(
        "Schools to publish yearly reports", "4 Comments", *article, "14 Comments", "Anna", said
    )
    assert said in kept_texts(decide(listed))


def test_a_count_of_comments_on_the_quoted_title_ends_the_article() -> None:
    """A blog prints its comments heading as a count on the post's quoted title ("2 thoughts on
    “Schools to publish yearly reports”"): after enough prose it ends the main text like
    "Comments" does. A forum's "12 replies to this topic" quotes no title and ends nothing."""
    article = [BODY, BODY_2, BODY_3, BODY_4] * 2  # 160 words of prose
    said = "I agree with every word of this, and I hope the council listens to the parents."
    comments = ["Anna", "March 3, 2025 at 9:14 am", said]
    heading = "2 thoughts on “Schools to publish yearly reports”"
    page = text_page("Schools to publish yearly reports", *article, heading, *comments)
    selection = decide(page)
    assert kept_texts(selection)[-1] == BODY_4
    assert reason_of(selection, said).endswith("outside the main text")
    thread = decide(text_page(*article, "12 replies to this topic", *comments))
    assert said in kept_texts(thread)


def test_a_column_of_lower_case_tags_is_no_wrapped_paragraph() -> None:
    """Lower-case lines that carry on one another are read as one paragraph wrapped by hand, but
    a column of one- and two-word tags under the article is a list, not prose: it is not kept.
    A paragraph really wrapped over lines of several words each still is."""
    tags = [
        "tags", "school reports", "district", "parents", "council", "translation", "languages",
        "education", "review", "committee", "findings", "public meetings", "surveys", "budget", "housing", "transport",
        "local elections", "libraries",
    ]  # fmt: skip
    selection = decide(text_page("Schools to publish yearly reports", BODY, BODY_2, *tags))
    assert kept_texts(selection)[-1] == BODY_2
    assert not any(text in kept_texts(selection) for text in tags)
    wrapped = [
        "Parents who attended the meeting asked for",
        "the report to be translated into the three",
        "languages most spoken at home in the area.",
    ]
    assert (
        kept_texts(decide(text_page("Schools to publish yearly reports", BODY, *wrapped)))[-3:]
        == wrapped
    )


def test_a_chain_of_teasers_above_the_text_is_kept_together() -> None:
    """A listing's teasers (a title printed twice, a date line, a summary of one paragraph) make
    a run each, cut apart by the titles printed twice, and none is worth a fair share of the
    main text on its own; three of them in a row above the main text are, together, and are
    kept. One teaser alone is not, nor are teasers below the text ("Read also")."""
    teasers = [
        (
            "Library opens on Sundays",
            "The central library will open on Sunday afternoons from next month, the council said.",
        ),
        (
            "New bus line to the hospital",
            (
                "A direct bus between the station and the hospital starts running every twenty "
                "minutes in May."
            ),
        ),
        (
            "Park cafe changes hands",
            (
                "The cafe by the lake has been bought by the family that runs the bakery on the "
                "square."
            ),
        ),
    ]
    listed = [
        line for title, summary in teasers for line in (title, title, "12 March 2025", summary)
    ]
    menu = ["Home", "News", "Sport", "Culture", "Weather", "Contact", "About us", "Advertise"]
    article = [BODY, BODY_2, BODY_3, BODY_4]
    kept = kept_texts(decide(text_page("Local news", *listed, *menu, *article)))
    assert kept == [teasers[0][1], teasers[1][1], "Park cafe changes hands", teasers[2][1]] + (
        article
    )
    alone = kept_texts(decide(text_page("Local news", *listed[:4], *menu, *article)))
    assert alone == article
    below = kept_texts(decide(text_page("Local news", *article, *menu, *listed)))
    assert not any(summary in below for _, summary in teasers)


def test_a_colon_line_printed_under_every_section_is_no_template() -> None:
    """A short line printed four times or more is a template line ("Reply" under every comment),
    but one ending with a colon ("What you will learn:") introduces what follows, which differs
    under each section: it is kept with its list."""
    sections = []
    for body, topic in (
        (BODY, "Budgets"),
        (BODY_2, "Languages"),
        (BODY_3, "Votes"),
        (BODY_4, "Unions"),
    ):
        sections += [body, "What you will learn:", f"{topic} in brief", f"{topic} in depth"]
    selection = decide(text_page("Four courses on school reports", *sections, BODY))
    kept = kept_texts(selection)
    assert kept.count("What you will learn:") == 4
    assert "Unions in depth" in kept


def test_favor_precision_keeps_only_subheads_among_short_lines() -> None:
    """Precision drops a short line that no prose follows; balanced keeps it."""
    page = text_page(BODY, "Photo archive", "Who pays", BODY_2)
    assert kept_texts(decide(page, "balanced")) == [BODY, "Photo archive", "Who pays", BODY_2]
    assert kept_texts(decide(page, "precision")) == [BODY, "Who pays", BODY_2]


def test_listing_page_is_read_as_cards() -> None:
    """A page of short item lines, each title printed twice, keeps every item once."""
    items = [
        "Kidfresh Frozen Chicken Meatballs 16oz bag",
        "Happy Baby Organic Banana Pouch 3oz pack",
        "Once Upon a Farm Strawberry Beet Melts",
        "Dr. Praeger's Gluten Free Broccoli Littles",
    ]
    page = text_page("Shop", "Cart", *(line for item in items for line in (item, item)), "Help")
    selection = decide(page)
    assert kept_texts(selection) == items
    assert reason_of(selection, items[0]) == "card title in the main cards"


def test_a_menu_flattened_onto_one_line_is_no_card() -> None:
    """A shop's mega-menu printed as one line of a hundred capitalised words is no prose, so read
    as cards it was a short line worth its words: it made the main run, and took the header
    lines around it. A short line of CARD_MAX_WORDS words or more is no card; the cards stay."""
    categories = (
        "Living Room Furniture Sofas Sectionals Loveseats Sleeper Sofas Accent Chairs Recliners "
        "Coffee Tables End Tables Console Tables TV Stands Media Cabinets Bookcases Ottomans "
        "Benches Bedroom Furniture Beds Headboards Mattresses Dressers Chests Nightstands "
        "Vanities Wardrobes Armoires Kitchen Dining Tables Dining Chairs Bar Stools Counter "
        "Stools Sideboards Buffets Kitchen Islands Carts Office Furniture Desks Office Chairs "
        "Filing Cabinets Bookshelves Standing Desks Outdoor Furniture Patio Sets Lounge Chairs "
        "Outdoor Sofas Umbrellas Hammocks Lighting Ceiling Lights Chandeliers Pendants Floor "
        "Lamps Table Lamps Desk Lamps Wall Sconces Rugs Area Rugs Runners Outdoor Rugs Decor "
        "Mirrors Wall Art Clocks Pillows Throws Curtains Vases Candles Storage Baskets Shelving"
    )
    items = [
        "Kidfresh Frozen Chicken Meatballs 16oz bag",
        "Happy Baby Organic Banana Pouch 3oz pack",
        "Once Upon a Farm Strawberry Beet Melts",
        "Dr. Praeger's Gluten Free Broccoli Littles",
    ]
    page = text_page(
        "Shop", "Cart", categories, "Sign in", *(line for item in items for line in (item, item)),
        "Help",
    )  # fmt: skip
    selection = decide(page)
    assert kept_texts(selection) == items
    assert reason_of(selection, categories) == "short line; before the main text"


def test_runs_are_the_positive_stretches() -> None:
    """Runs restart after the sum drops below zero and end at their best line."""
    found = runs([5.0, -2.0, 4.0, -20.0, 3.0, -1.0], [True, False, True, False, True, False])
    assert [(r.start, r.end, r.value, r.prose) for r in found] == [(0, 2, 7.0, 2), (4, 4, 3.0, 1)]


def test_the_tail_after_a_runs_best_end_is_searched_again() -> None:
    """A stretch whose sum never drops to zero still ends at its best line; the lines after it
    are searched again, so a later paragraph cut off by a gap cheaper than the first one is a
    run of its own instead of belonging to none."""
    found = runs([10.0, -4.0, 3.0, -1.0], [True, False, True, False])
    assert [(r.start, r.end, r.value, r.prose) for r in found] == [(0, 0, 10.0, 1), (2, 2, 3.0, 1)]


def test_a_reply_behind_a_cheap_user_box_is_kept() -> None:
    """A forum reply after a user box that costs less than the post above is worth: the stretch
    goes on past the post, but its best end is the post, and the reply is a run of its own,
    worth a fair share of the post."""
    reply = (
        "Thanks for writing this up, the same fix worked on my board after the last firmware "
        "update, although I also had to clear the settings once."
    )
    user_box = ("Quote", "Report", "Posts: 12", "Joined: May 2021", "Top", "mark_o")
    page = text_page("Fan header question", BODY, BODY_2, BODY_3, *user_box, reply)
    selection = decide(page)
    assert kept_texts(selection) == [BODY, BODY_2, BODY_3, reply]
    assert reason_of(selection, reply) == "prose (26 words) in a run of prose"


def test_empty_page_says_why() -> None:
    """No lines give no blocks and a reason."""
    selection = select_text([])
    assert selection.blocks == []
    assert selection.reason == "the page has no text"


def test_menu_only_page_keeps_nothing() -> None:
    """A page of one-word menu lines has no main text, and says so."""
    selection = decide(text_page("Home", "News", "Sport", "Weather", "Contact"))
    assert kept_texts(selection) == []
    assert selection.reason == "no run of prose on the page"


def test_bare_text_page_is_its_own_content() -> None:
    """One or two short lines with no label, repeat or notice are the page's text; three short
    lines are a menu, and a label line keeps a page empty."""
    assert kept_texts(decide(text_page("Test"))) == ["Test"]
    note = decide(text_page("Gone fishing", "Back on the 12th"))
    assert kept_texts(note) == ["Gone fishing", "Back on the 12th"]
    assert note.reason == ""
    menu = decide(text_page("Home", "News", "Sport"))
    assert (kept_texts(menu), menu.reason) == ([], "no run of prose on the page")
    label = decide(text_page("Contact us"))
    assert (kept_texts(label), label.reason) == ([], "no run of prose on the page")
    doubled = decide(text_page("Weather today", "Weather today"))
    assert kept_texts(doubled) == []


def test_site_notices_by_wording_are_dropped_inside_the_text() -> None:
    """A short line or short prose that the HTML path's wording reads as a site notice (a
    newsletter pitch, a rights line) is boilerplate even inside the main run; a longer paragraph
    that mentions privacy and browsers is text about them."""
    pitch = "Get the morning briefing delivered to your inbox every weekday."
    rights = "© 2024 Riverside Gazette. All rights reserved."
    about = (
        "The district's new homework portal stores no personal data beyond a pupil's first name, "
        "and the privacy policy that parents must accept is two pages long; it runs in any "
        "browser, although older tablets in some classrooms will need an update first."
    )
    selection = decide(text_page("School report", BODY, pitch, BODY_2, about, BODY_3, rights))
    assert kept_texts(selection) == ["School report", BODY, BODY_2, about, BODY_3]
    assert reason_of(selection, pitch) == "a cookie, policy or site notice, in the main text"
    assert reason_of(selection, rights).startswith("a cookie, policy or site notice")


def test_calls_to_action_are_dropped_inside_the_text() -> None:
    """A short line that is a call to action ("Learn more", "Get started", "Add to cart") is a
    button that the scraper printed: dropped even between paragraphs, where other short lines
    are kept as subheads and list items. It costs what a short line costs, so the run goes on
    past it. A call to action that carries its item after a colon ("Learn more: ...") names
    another text and is judged as any short line."""
    linked = "Learn more: How the district chose its inspectors"
    selection = decide(
        text_page(
            "School report",
            BODY,
            "Learn more",
            "What parents asked",
            BODY_2,
            "Get started today",
            BODY_3,
            linked,
            BODY_4,
        )
    )
    assert kept_texts(selection) == [
        "School report",
        BODY,
        "What parents asked",
        BODY_2,
        BODY_3,
        linked,
        BODY_4,
    ]
    assert reason_of(selection, "Learn more") == "a call to action, in the main text"
    assert reason_of(selection, "Get started today") == "a call to action, in the main text"


CONSENT = (
    (
        "We and our partners store and access information on your device, such as cookies, and "
        "process personal data such as unique identifiers and browsing data to show you "
        "personalised ads and content, to measure their performance and to develop our services."
    ),
    "Strictly necessary cookies",
    (
        "These cookies are needed for the website to work and cannot be switched off in our "
        "systems; they are usually set only in response to your own actions, such as logging in "
        "or filling in forms, and they store no information that identifies you."
    ),
    "Performance cookies",
    (
        "These cookies let us count visits and traffic sources so that we can measure and "
        "improve how our site performs, which pages are the most and least popular and how "
        "visitors move around it; all the information they collect is aggregated and anonymous."
    ),
    "Targeting cookies",
    (
        "Our advertising partners may set these cookies through our site to build a profile of "
        "your interests and show you relevant adverts on other sites; they identify your browser "
        "and device, and without them you will see adverts that are less relevant to you."
    ),
)


def test_a_consent_dialog_does_not_outweigh_a_short_thread() -> None:
    """A consent dialog printed as text (long paragraphs, each naming cookies) is set aside
    when the page has other text worth a fair share: a short forum thread keeps its posts."""
    post = (
        "Does anyone know whether the rear fan header on this case can run a pump, or is it "
        "only meant for the three front fans that came with it?"
    )
    reply = (
        "I asked support last week and they said the rear header is rated for one amp, so a "
        "small pump is fine as long as you set its curve in the software."
    )
    footer = (
        "Follow us", "Facebook", "Instagram", "YouTube", "Terms of use", "Contact us",
        "About us", "Careers", "Advertise", "Help centre", "© 2024 Case Builders Forum",
    )  # fmt: skip
    selection = decide(
        text_page("Forums", "Rear fan header question", post, reply, *footer, *CONSENT)
    )
    assert kept_texts(selection) == ["Rear fan header question", post, reply]


def test_a_consent_dialog_under_a_listing_leaves_the_cards() -> None:
    """A consent dialog listing the advertising purposes (long paragraphs that name "advertising
    profiles" and "legitimate interest" more than cookies) was the only prose of a shop page, so
    the page was not read as cards and the dialog was its text. Left out of the count (the
    cards, menus and footer hold at least half as many words as the dialog), the page is cards,
    and the dialog is no card."""
    items = [
        "Kidfresh Frozen Chicken Meatballs 16oz bag",
        "Happy Baby Organic Banana Pouch 3oz pack",
        "Once Upon a Farm Strawberry Beet Melts",
        "Dr. Praeger's Gluten Free Broccoli Littles",
        "Annie's Organic Cheddar Bunnies Baked Snack Crackers",
        "Plum Organics Mighty Veggie Carrot Pear Pomegranate Oat",
    ]
    purposes = (
        (
            "Advertising presented to you on this site can be based on your advertising "
            "profiles, which can reflect your activity on this site or other sites, possible "
            "interactions with you, and information about you gathered by our partners."
        ),
        (
            "Content presented to you can be based on your personalised advertising profiles; "
            "some partners process your data on the basis of their legitimate interest, which "
            "you can object to at any time in the settings of this dialog."
        ),
        (
            "Information about your activity, such as the forms you submit and the content you "
            "look at, can be stored and combined with other information to build or improve "
            "an advertising profile about you and measure how well adverts perform."
        ),
    )
    page = text_page(
        "Shop", "Cart", *(line for item in items for line in (item, item)), "Help", *purposes
    )
    selection = decide(page)
    assert kept_texts(selection) == items
    assert purposes[1] not in kept_texts(selection)


def test_a_cookie_policy_page_keeps_its_policy() -> None:
    """On a page whose text is the cookie policy, nothing else is worth a fair share of it (a
    one-line note over the menu), so the policy stays the main text (its subheads, each naming
    cookies, are notices)."""
    about = "Case Builders Forum is run by volunteers from a small office in Leeds."
    selection = decide(text_page(about, "Home", "Forums", "Cookie policy", *CONSENT))
    assert kept_texts(selection) == list(CONSENT[::2])


def test_a_reply_of_one_paragraph_is_kept_beside_the_post() -> None:
    """A run of one prose line worth a fair share of the main run (a forum reply under its
    user box) is kept, as runs of two lines were."""
    reply = (
        "Thanks for writing this up, the same fix worked on my board after the last firmware "
        "update, although I also had to clear the settings once."
    )
    user_box = (
        "Quote", "Report", "Share", "Posts: 12", "Joined: May 2021", "Location: Bristol",
        "Reputation", "Top", "Previous topic", "Next topic", "Jump to", "Back to list",
        "mark_o",
    )  # fmt: skip
    selection = decide(text_page("Fan header question", BODY, BODY_2, *user_box, reply))
    assert kept_texts(selection)[-1] == reply
    assert reason_of(selection, reply) == "prose (26 words) in a run of prose"


_CLUTCH = "Clutch pedal stays on the floor after a long drive"
_CLUTCH_FIRST = [
    "After about two hours on the motorway my clutch pedal sank to the floor and stayed there "
    "until the car cooled down. It came back after twenty minutes in a lay-by, and the fluid "
    "reservoir is full and clean. Is this the master cylinder or the slave cylinder, and is it "
    "safe to drive the car to the garage on Monday morning?",
    "The car is a twelve year old hatchback with a hydraulic clutch and about ninety thousand "
    "miles on it. The clutch itself was replaced two years ago together with the flywheel, and it "
    "has been fine since then, even in town traffic and on the hills around here where I live.",
    "I have not seen any fluid on the floor of the garage, but I have not looked under the carpet "
    "or at the gearbox yet. I would like to know what to check first this weekend, before I pay "
    "for a diagnosis that might tell me what I could have found out myself.",
]
_CLUTCH_REPLIES = [
    "Heat makes a worn master cylinder seal leak past the piston, so the pedal goes soft only "
    "when hot.",
    "Mine did the same on a long trip and it was the slave cylinder next to the exhaust.",
    "There was a damp patch under the pedal box, so the garage replaced the master cylinder.",
]


def _clutch_thread(prefix: str) -> str:
    bar = ["Share", "Copy Post", "WhatsApp", "Telegram", "Twitter", "Facebook", ""]
    out = ["Motorhead Board", "Home", "Engines", "Gearboxes", "Log in", f"{_CLUTCH}", ""]
    out += [f"{_CLUTCH} by dave_r: 9:10am On Mar 02", "", *_CLUTCH_FIRST, "", *bar]
    for n, reply in enumerate(_CLUTCH_REPLIES):
        out += [f"{prefix}{_CLUTCH} by user{n}: 9:1{n}am On Mar 02", "", reply, "", *bar]
    return "\n".join([*out, "Copyright 2026 Motorhead Board. Privacy. Terms."])


def test_replies_headed_re_title_are_posts_of_a_text_thread() -> None:
    """As text, a thread whose replies open on "Re: <title>" keeps each short reply after such a
    line, although the share bar between two posts costs more than the reply is worth; the
    subject lines stay out. With another subject line the short replies are left out."""
    result = extract_result(_clutch_thread("Re: "), input_format="text")
    assert result.text.split("\n\n") == [
        _CLUTCH,
        *_CLUTCH_FIRST,
        *_CLUTCH_REPLIES,
    ]
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons[_CLUTCH_REPLIES[0]] == "prose (19 words) in a run of prose"
    assert reasons[f"Re: {_CLUTCH} by user0: 9:10am On Mar 02"] == (
        "under the label 'share'; outside the main text"
    )
    other = extract_result(_clutch_thread("Reply: "), input_format="text")
    assert not any(reply in other.text for reply in _CLUTCH_REPLIES)


def _numbered_thread(numbers: bool) -> str:
    users = [("oak_and_ash", "4,210"), ("lathe_lou", "312"), ("benchdog", "1,077")]
    out = ["Woodworking Board", "Forums", "What's new", "Log in", "Register", ""]
    out += ["Which finish for an oak kitchen table?", ""]
    out += ["pinecone", "Joined", "Mar 3, 2019", "Messages", "58", "Dec 30, 2023"]
    out += ["#1" if numbers else "Post"]
    out += [
        "I built a table of white oak for our kitchen and it needs a finish that stands up to "
        "hot plates, spilt wine and children with felt pens. I have used shellac on small boxes "
        "but never on anything that gets wiped down three times a day.",
        "Hardwax oil, polyurethane or something else? I would rather not see a plastic film on "
        "the wood, but I do not want to refinish it every spring either.",
        "The top is about two metres long and ninety centimetres wide, glued up from six boards, "
        "and I have sanded it to 180 grit so far.",
    ]
    replies = [
        "Hardwax oil, two thin coats, and touch it up where it wears.",
        "Water-based poly in satin; three coats and it looks like bare wood.",
        "Same as oak_and_ash here, six years on our table and no regrets.",
    ]
    for n, ((user, messages), reply) in enumerate(zip(users, replies), start=2):
        out += [user, "Joined", "Jan 12, 2015", "Messages", messages, "Dec 30, 2023"]
        out += [f"#{n}" if numbers else "Post", reply, "Like", "Reply", "Report"]
    out += ["Forum Jump:", "Finishing", "Hand tools", "Power tools", "Joinery", "Timber"]
    out += ["Users browsing this thread: 3 guests and two members who have not said anything."]
    return "\n".join(out)


def test_numbered_posts_beside_a_date_are_posts_of_a_text_thread() -> None:
    """As text, a post number ("#2") next to a line with a year or a time marks a reply: the
    short reply after it is kept; the last post's run stops before the board's menu that follows
    it (REPLY_RUN_GAP lines without prose). Without the numbers the short replies are lost."""
    result = extract_result(_numbered_thread(True), input_format="text")
    paragraphs = result.text.split("\n\n")
    replies = [
        "Hardwax oil, two thin coats, and touch it up where it wears.",
        "Water-based poly in satin; three coats and it looks like bare wood.",
        "Same as oak_and_ash here, six years on our table and no regrets.",
    ]
    assert paragraphs[-3:] == replies
    assert not any("Users browsing" in p or "Hand tools" in p for p in paragraphs)
    plain = extract_result(_numbered_thread(False), input_format="text")
    assert not any(reply in plain.text for reply in replies)


def test_posts_under_a_quote_button_are_posts_of_a_text_thread() -> None:
    """Failing reply subjects and post numbers, a forum's quote button printed under every post
    marks the posts: each short reply after one is kept, and the buttons stay out."""
    page = _numbered_thread(False).replace("\nReply\n", "\nQuote\n")
    page = page.replace("180 grit so far.\n", "180 grit so far.\nLike\nQuote\nReport\n")
    replies = [
        "Hardwax oil, two thin coats, and touch it up where it wears.",
        "Water-based poly in satin; three coats and it looks like bare wood.",
        "Same as oak_and_ash here, six years on our table and no regrets.",
    ]
    result = extract_result(page, input_format="text")
    assert result.text.split("\n\n")[-3:] == replies
    assert "Quote" not in result.text
    plain = extract_result(_numbered_thread(False), input_format="text")
    assert not any(reply in plain.text for reply in replies)


def test_a_cookie_recipe_keeps_its_steps() -> None:
    """A recipe for cookies, rendered to text with its headline printed twice: every step stays,
    though each names cookies; the site's cookie banner and footer go."""
    page = text_page(
        "Home",
        "Recipes",
        "Chewy oatmeal cookies",
        "Chewy oatmeal cookies",
        "These oatmeal cookies stay soft in the middle and crisp at the edges, and they take "
        "less than half an hour from bowl to cooling rack.",
        "Method",
        "Heat the oven to 180 degrees and line two trays with baking paper.",
        "Roll the cookie dough into balls the size of a walnut.",
        "Bake the cookies for twelve minutes, until the edges turn golden.",
        "Let the cookies cool on the tray for five minutes so they do not break.",
        "We use cookies to improve your experience on this site. Accept all",
        "Privacy policy",
        "© 2026 Lindqvist Kitchen",
    )
    assert extract(page, input_format="text").split("\n\n") == [
        "Chewy oatmeal cookies",
        (
            "These oatmeal cookies stay soft in the middle and crisp at the edges, and they take "
            "less than half an hour from bowl to cooling rack."
        ),
        "Method",
        "Heat the oven to 180 degrees and line two trays with baking paper.",
        "Roll the cookie dough into balls the size of a walnut.",
        "Bake the cookies for twelve minutes, until the edges turn golden.",
        "Let the cookies cool on the tray for five minutes so they do not break.",
    ]


def test_a_disclaimer_closing_a_text_page_goes() -> None:
    """On a page given as plain text too, a disclaimer that closes the text goes; the text's own
    paragraphs stay."""
    paragraphs = [
        (
            "The town library reopened on Saturday after eighteen months of building work that "
            "added a reading room on the top floor, a lift and a children's corner with its own "
            "garden. The mayor cut the ribbon at ten, and by noon more than four hundred people had "
            "walked through the doors, many of them to renew cards that had lapsed."
        ),
        (
            "The old building, a former grain store, had no room left for new books and no access "
            "for wheelchairs. The council weighed moving the library to the shopping centre on the "
            "ring road, but residents collected two thousand signatures to keep it in the square, "
            "and the architects found a way to add a floor without touching the brick front."
        ),
        (
            "Inside, the shelves now run along the walls and leave the middle of each room free for "
            "tables. The reading room upstairs looks over the river, and its twelve desks have lamps "
            "and sockets. Staff say students from the college across the bridge filled them within "
            "an hour, and the librarians expect to add more desks before the exams in June."
        ),
        (
            "The work cost four million, a third of it from a national fund for public buildings. "
            "Opening hours stay as before, with late evenings on Tuesday and Thursday, and the "
            "library will run free computer classes for older residents every Wednesday morning "
            "from next month, in the room beside the lift on the ground floor."
        ),
        (
            "Not everything is finished. The garden behind the children's corner still waits for its "
            "trees, which the council will plant in the autumn, and the café on the ground floor "
            "opens only in May, once the kitchen has passed its inspection. Until then, visitors may "
            "bring their own drinks into the lobby but not into the reading rooms, where the "
            "librarians ask for quiet."
        ),
    ]
    views = (
        "The views expressed in this column are those of the author and do not necessarily "
        "reflect the position of the Daily Courier."
    )
    lines = ["Library reopens", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    result = extract_result(text_page(*lines, views), input_format="text")
    assert result.input_format == "text"
    for paragraph in paragraphs:
        assert paragraph in result.text
    assert views not in result.text


def test_paragraph_printed_four_times_makes_no_run() -> None:
    """A paragraph printed PROSE_TEMPLATE_PRINTS times (a shop's ad disclosure under every
    promoted item) adds nothing to a run: the promoted items no longer outweigh the product's own
    description, and they are not kept."""
    description = (
        "The Trail Runner 2 has a grippy sole of natural rubber and a light upper of recycled "
        "mesh that dries quickly after a river crossing, so your feet stay cool on long summer "
        "days in the hills."
    )
    disclosure = (
        "Promoted items are chosen from what we think may interest you, and their sellers pay "
        "for them to appear here, ranked by their bid and by how closely they match the page "
        "you are looking at right now."
    )
    promoted = []
    for name, price in (
        ("Blue Canvas Sneaker", "$45.00"),
        ("Red Hiking Boot", "$89.00"),
        ("Grey Wool Slipper", "$35.00"),
        ("Black Rain Boot", "$60.00"),
    ):
        promoted += [name, price, disclosure]
    page = text_page(
        "Shop", "Men", "Women", "Trail Runner 2", "$120.00", description, "Size guide",
        *promoted, "Help", "Contact",
    )  # fmt: skip
    out = extract(page, input_format="text")
    assert description in out
    assert disclosure not in out
    assert "Red Hiking Boot" not in out


def test_a_comments_heading_below_the_main_run_ends_the_article() -> None:
    """A comments heading after the main run has ended (a menu between the article and its
    comments cost more than the first comment is worth) still ends the article: the runs of
    readers' comments below it are not kept as other runs of prose."""
    article = [BODY, BODY_2, BODY_3, BODY_4] * 2  # 160 words of prose
    sections = [
        "Politics", "Business", "Sport", "Culture", "Travel", "Science", "Health", "Weather",
        "Opinion", "Video", "Podcasts", "Puzzles", "Obituaries", "Letters", "Property", "Motors",
        "Jobs", "Dating", "Events", "Archive",
    ]  # fmt: skip
    said = (
        "I agree with every word of this, and I hope the council listens to the parents who "
        "asked for these reports for years. My daughter's school already publishes one, and "
        "it helped us choose her courses for next year with far more confidence than before, "
        "so I am glad that every school will now do the same."
    )
    page = text_page("Schools to publish yearly reports", *article, *sections, "3 Comments", said)
    selection = decide(page)
    assert kept_texts(selection)[-1] == BODY_4
    assert said not in kept_texts(selection)
    assert reason_of(selection, said).endswith("outside the main text")
