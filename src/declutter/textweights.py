"""Every number and word list of the plain-text decision stage (:mod:`declutter.textpage`).

A text page has no markup, so no link density and no class/id words: only repetition, position,
sentence shape and wording are left. Each constant says what it does, its unit, and why it has
its value. Word counts are :func:`declutter.features.count_words` words (an unspaced-script
character counts as half a word), so every threshold holds for Japanese and Chinese too.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex  # type: ignore[import-untyped, unused-ignore]

# ---------------------------------------------------------------------------------------------
# Line shape
# ---------------------------------------------------------------------------------------------
PROSE_MIN_WORDS = 8
"""A line that ends like a sentence is prose from this many words on. Teaser titles with a
question mark ("Okullarda karne günü belli oldu?") stay below it; real sentences rarely do."""
LONG_LINE_WORDS = 20
"""A line this long is prose even without a final stop: standfirsts and lines whose punctuation
the scraper lost. Titles and menu items are almost never this long."""
TITLE_MAX_WORDS = 30
"""A line up to this many words, not ending in a full stop, can be a title (headline, subhead,
teaser title). Long news headlines reach 20-25 words."""
HEADLINE_MIN_WORDS = 2
"""A headline has at least this many words: one-word lines are section labels ("Sport")."""
META_DIGIT_SHARE = 0.34
"""A short line in which at least this share of the words are numbers is a date, time, price or
counter line ("Monday 3 June 2024 06:00 BST", "12 mars 2024 à 8 h 12"), not text."""
META_MAX_WORDS = 16
"""Only lines up to this many words are judged by their share of numbers: longer ones are text
that happens to cite figures."""
MENU_CAPITALS_SHARE = 0.6
"""A long line without a final stop in which at least this share of the words start with a
capital is a menu flattened onto one line ("All Smartwatches Design Your Own Watch ..."), not
prose. German prose, with its capitalised nouns, stays near 0.3-0.4."""
MENU_MIN_CASED_WORDS = 6
"""The capitals share is judged on lines with at least this many words of a cased script."""
POLICY_MAX_WORDS = 40
"""A cookie or privacy notice is shorter than this; a longer line that mentions cookies is text
about them."""

NOTICE_PROSE_MAX_WORDS = 25
"""A line that the HTML path's wording reads as a site notice (features.notice: consent, rights
reserved, newsletter pitches, affiliate disclosures, photo credits) is a notice when it is no
prose, or prose of at most this many words: a banner or a footer line is short, and a longer
paragraph about privacy or JavaScript is documentation or an article."""

POLICY_STEMS: tuple[str, ...] = (
    "cookie", "javascript", "çerez", "куки", "privacy policy", "datenschutz", "confidentialité",
    "privacidad", "gizlilik", "プライバシー", "クッキー",
)  # fmt: skip
"""Substrings (lower case) of cookie, script and privacy notices, after the C4 line rule. Few
languages translate "cookie", so the stem covers most of them."""
CONSENT_STEMS: tuple[str, ...] = tuple(stem for stem in POLICY_STEMS if stem != "javascript") + (
    "legitimate interest", "berechtigtes interesse", "berechtigten interesse", "intérêt légitime",
    "interés legítimo", "legittimo interesse", "interesse legittimo", "gerechtvaardigd belang",
    "advertising profile", "personalised advertising", "personalized advertising",
    "personalised ads", "personalized ads", "personalisierte werbung", "publicité personnalisée",
    "publicidad personalizada", "pubblicità personalizzata",
)  # fmt: skip
"""POLICY_STEMS without "javascript": the words of a consent dialog (cookies, privacy policy).
A tutorial names JavaScript in every paragraph; a page's text rarely names cookies so often.
Also the words of the advertising framework's purposes, which a consent dialog lists in long
paragraphs that name no cookie ("...can be based on your advertising profiles", "legitimate
interest"); broader words ("your data", "personalised") are a data agency's or a school's own
text (two wcxb-dev pages as text lost their body with them)."""
CONSENT_PROSE_SHARE = 0.3
"""A run of prose in which the prose lines naming a CONSENT_STEM hold at least this share of
the prose words is a consent dialog printed as text ("We and our 644 partners store...",
"These cookies are necessary..."): its paragraphs are long, so the notice rule (under
POLICY_MAX_WORDS words) misses them, and the dialog outweighed a short forum thread or a
listing's intro. 0.15 to 0.5 gave the same gain on wcxb-dev as text."""
CONSENT_OTHER_SHARE = 0.1
"""... and it is set aside only when another run is worth at least this share of the best
run's value: on a privacy or cookie policy page the policy is the text, and the footer beside
it is worth far less."""
DIALOG_CARDS_WORDS = 0.5
"""A page whose best run is a consent dialog and whose other runs are worth less than
CONSENT_OTHER_SHARE of it is read as cards without the dialog when the lines outside the dialog
hold at least this many times its words (a shop's or a listing's cards, menus and footer) and
read as cards on their own: the dialog was the page's only prose. An article whose one run
names the privacy policy has little text besides it. wcxb-dev as text: 0.0 (no such test), 0.5
and 1.0 gave the same gain (two listings whose dialog had 1.07 and 2.2 times fewer words than
the rest)."""


SEPARATORS = regex.compile(r"\s+[|–—›»·/•]\s+|\s+-\s+|\s*[›»|]\s*")
"""What joins the pieces of a title bar ("Headline | Site"), a breadcrumb ("News › Local ›
Headline") or a caption with its credit ("... morning. | Photo credit"). Each piece with
VARIANT_MIN_CHARS is matched against the other lines."""
VARIANT_MIN_CHARS = 12
"""A piece of a line (after a separator, or behind a section label) must have this many letters
and digits to count as a copy of another line: shorter pieces ("Home", "Sport") match by
chance."""
MAX_LABEL_WORDS = 3
"""A section label in front of a repeated title ("WORLD ...", "WHAT'S ON ...", "3. ...") has at
most this many words (numbers, dates and times in front of it do not count)."""
MAX_PREFIX_TOKENS = 8
"""At most this many leading tokens (label words plus numbers) are tried as a label prefix, so
each line yields a fixed number of keys and the stage stays linear."""

# ---------------------------------------------------------------------------------------------
# Labels of boilerplate boxes, in addition to weights.LABEL_WORDS (which the HTML path owns)
# ---------------------------------------------------------------------------------------------
TEXT_LABEL_WORDS: frozenset[str] = frozenset(
    {
        # en
        "related topics", "related content", "related reading", "more on this story",
        "more on this topic", "recent posts", "recent articles", "recent comments", "archives",
        "post navigation", "like this", "you may also be interested in", "don't miss",
        "must read", "editor's choice", "top news", "most commented", "popular posts",
        "popular articles", "tags", "topics", "share this story", "leave a reply",
        "leave a reply cancel reply", "join the discussion", "sign up for our newsletter",
        # de
        "weitere themen", "mehr aus", "das könnte sie auch interessieren", "top-themen",
        "meistkommentiert", "schlagwörter", "empfehlungen",
        # fr
        "catégories", "étiquettes", "articles récents", "à lire également",
        "les plus commentés", "recettes populaires", "laisser un commentaire",
        "derniers articles", "mots-clés",
        # es
        "temas", "etiquetas", "más noticias", "te recomendamos", "últimas noticias",
        # pl
        "tagi", "polecane", "zobacz także", "czytaj także", "najnowsze", "komentarze",
        # tr
        "etiketler", "ilgili haberler", "çok okunanlar", "son dakika", "tüm manşetler",
        "yorumlar",
        # ru
        "теги", "метки", "читайте также", "самое популярное", "последние новости",
        # ja, zh
        "関連キーワード", "この記事の関連ニュース", "アクセスランキング", "この記事をシェア",
        "関連ニュース", "注目記事", "新着記事", "相关推荐", "猜你喜欢", "最新文章", "标签",
    }
)  # fmt: skip
"""Labels of boilerplate boxes seen on text renderings of news, blog and portal pages (lower
case). A line that is one of these (or of weights.LABEL_WORDS), alone, before a colon, or
followed only by a count ("Comments (18)"), heads a box of boilerplate."""
LABEL_BOX_LINES = 12
"""How many non-prose lines after a label belong to its box ("Related topics" and its tags,
"Read also" and a teaser title). A prose line ends the box earlier."""

# ---------------------------------------------------------------------------------------------
# The value of a line in the search for the main run of prose
# ---------------------------------------------------------------------------------------------
# Every line gets a value; the main text is the stretch of lines with the largest sum (Kadane's
# algorithm, one pass). Prose adds its words; everything else costs something, so a menu, a
# teaser list or a "most read" box ends the run unless enough prose follows to pay for it.
SHORT_COST = 2.0
"""Cost of a short line that is not prose (a subhead, a list item, a byline, a menu item).
Small: two or three subheads and list items between paragraphs never break the run, a menu of
twenty items does."""
BAD_COST = 8.0
"""Fixed cost of a line judged boilerplate (a repeat, a label, a date line), added to its words:
a doubled teaser title (two lines of 8-12 words) costs about 40, more than a one-sentence teaser
summary (20-30 words) brings back, so teaser blocks do not chain into a run."""
GAP_FREE_LINES = 8
"""Lines without prose cost their plain price up to this many in a row; from then on each costs
(its place in the stretch / GAP_FREE_LINES) times more. A list or a few subheads inside an
article pass cheaply; the twenty share buttons, form fields or links after it cost so much that
comments and teasers further down do not join the article."""
LIST_ITEM_VALUE = 0.0
"""Value of a short line in a list that a line ending with a colon introduces ("Services
offered:", "You will need:"), up to the next line that is not short: such a list is the text
going on, not a gap, so it costs nothing and a listicle whose every section holds one is not
cut into pieces. Worth nothing either, so a list alone never makes a run. wcxb-dev as text
0.7985 to 0.8006 (documentation 0.866 to 0.880, forum 0.704 to 0.709; dev and holdout both
up)."""
ROW_VALUE = 1.0
"""Value of a table row ("1/1/2013 | +13.1%": a line with cells, next to a line with as many):
slightly positive, so a data table neither breaks the run of prose around it nor is cut off
when it closes the text."""
RESCAN_BUDGET = 4
"""The lines after a run's best end are searched again for runs of their own (a reply cut
from the post by a user box that costs less than the post is worth, a section after a menu),
until the search has read this many times the page's lines in all; from then on a stretch's
tail is left as it is, so a page of any length costs a bounded number of passes. wcxb-dev as
text 0.8091 to 0.8100."""
REPEATED_PROSE_SHARE = 0.5
"""A prose line repeated far from its copy (a lead also printed in a sidebar) adds this share
of its words: probably content, but less sure."""
PROSE_TEMPLATE_PRINTS = 4
"""A prose line printed this many times on the page adds nothing to a run (and costs nothing):
it is the template's paragraph, an ad disclosure under every promoted item ("Promoted items on
... are selected based on..."), a shop's note under every card, a log line quoted in every
reply. Worth REPEATED_PROSE_SHARE of its words each time, 17 prints made a product page's main
run of ads. It is still kept inside a kept run. wcxb-dev as text 0.81296 to 0.81399; a value of
words / prints instead (a paragraph worth its words once in all) gave 0.81287: three prints are
a forum's quotes. With the comments rule below the main run: 4 prints 0.81437, 3 prints 0.8130
(19 pages worse), 5 prints 0.8140 (an ad disclosure printed 4x came back)."""
TEMPLATE_MIN_PRINTS = 4
"""A line of at most TEMPLATE_MAX_WORDS words printed this many times on the page is a template
line ("Reply", "Like", "reply to comment", "Share"), dropped even inside the main text, where
the short lines around prose are otherwise kept. wcxb-dev as text 0.7955 to 0.7963 (dev and
holdout both up); two or three prints, or longer lines, gained less or lost documentation
pages whose commands repeat. A line ending with a colon ("What you'll learn:") is none: it
introduces what follows, which differs each time (wcxb-dev as text 0.81240 to 0.81259)."""
TEMPLATE_MAX_WORDS = 4
"""See TEMPLATE_MIN_PRINTS."""

CARDS_PROSE_SHARE = 0.3
"""A page on which prose makes less than this share of the words is read as cards (a listing, a
shop category, a product page): its short lines are items, not gaps. Articles have 0.5 and more
(nine in ten of WCXB's), listings and collections 0.1-0.4."""
CARDS_MAX_RUN = 200.0
"""... and only when its best run of prose is worth less than this (about its words): a real
article keeps its prose reading even on a page with a long list of authors or projects."""
CARD_LINE_COST = 2.0
"""Read as cards, a short line adds its words minus this: a five-word product name adds 3, a
one-word menu item costs 1."""
CARD_MAX_WORDS = 100
"""A short line (no prose) of this many words or more is no card line: it is a menu, a country
or language picker, or a list of headlines flattened onto one line ("FurnitureFurniture
SaleLiving Room...", "Abkhazian Afar Afrikaans..."), and read as cards it added its hundreds of
words to the run, which then took the whole menu and the cards around it. A card's title or
description, or an author list, holds 5 to 60 words. wcxb-dev as text 0.81450 to 0.81487 (4
pages better, none worse); 40 or 60 gave the same sum but cost an arXiv listing its author
lists of 57 and 62 words."""


@dataclass(frozen=True, slots=True)
class TextProfile:
    """How much of the page beside the main run of prose is kept, for one ``favor``."""

    secondary_share: float
    """Another run of prose is kept when its value reaches this share of the main run's."""
    secondary_min_prose: int
    """... and it holds at least this many prose lines. A teaser summary is one, but so is a
    forum reply or a listing's one-paragraph intro, and the share already keeps short teasers
    out: balanced and recall take one (wcxb-dev as text 0.8077 to 0.8091 from 2 to 1 at
    share 0.25; 0.8090 at 0.2, 0.8076 at 0.35)."""
    keep_short: bool
    """Short lines inside a kept run (subheads, list items) are kept; with False only those
    directly followed by prose (subheads)."""
    standfirst: bool
    """Prose between the headline and the main run (a standfirst) is kept."""


CHAIN_MIN_RUNS = 3
"""Runs not kept on their own, at least this many in a chain above the main run (each
starting at most CHAIN_GAP_LINES lines after the one before ends), are kept together when they
are worth the profile's secondary_share of the main run together: a listing's teasers (a title
printed twice, which costs what boilerplate does, a date line, a summary of one paragraph) make
a run each. Below the main run such a chain is the article's "Read also" and stays out (a
corpus news dump's related stories). wcxb-dev as text: 3 runs within 4 lines 0.81185 to
0.81237; within 6 lines 0.8122 (9 pages worse instead of 3), within 8 lines 0.8123 (15
worse); 2 runs 0.8122. Chains below the main run too: 0.8128, but the corpus news dump's
related stories were kept."""
CHAIN_GAP_LINES = 4

TEXT_PROFILES: dict[str, TextProfile] = {
    "precision": TextProfile(
        secondary_share=0.5, secondary_min_prose=3, keep_short=False, standfirst=True
    ),
    "balanced": TextProfile(
        secondary_share=0.25, secondary_min_prose=1, keep_short=True, standfirst=True
    ),
    "recall": TextProfile(
        secondary_share=0.1, secondary_min_prose=1, keep_short=True, standfirst=True
    ),
}
"""The profile for each ``favor`` of :class:`declutter.Options`."""

# ---------------------------------------------------------------------------------------------
# The headline
# ---------------------------------------------------------------------------------------------
# Among the title-like lines before the main run, the headline is the one printed most often
# near the top (title bar, breadcrumb, page title, under the dateline), whose words recur in the
# body, that is long enough to be a headline, and that sits close to the body.
HEADLINE_W_COPIES = 1.0
"""Per other copy of the line before the main run (up to HEADLINE_MAX_COPIES)."""
HEADLINE_MAX_COPIES = 3
"""Copies beyond this say nothing more: a menu item can be printed as often as the headline."""
HEADLINE_MAX_LINES = 8
"""A line printed more often than this on the page is a link repeated by the template ("View
all", a chart's source line), not the headline; a headline appears 2-6 times (title bar,
breadcrumb, page title, under the dateline, in the most-read list)."""
HEADLINE_W_ECHO = 1.5
"""Times the share of the line's words found in the main run (0..1)."""
HEADLINE_W_LENGTH = 0.5
"""Times min(words, HEADLINE_FULL_WORDS) / HEADLINE_FULL_WORDS: a headline is a sentence-long
title, a breadcrumb item is one or two words."""
HEADLINE_FULL_WORDS = 6
"""Words at which a line gets the whole length bonus."""
HEADLINE_W_NEAR = 0.5
"""Times 1 for the line right before the main run, falling linearly to 0 at the top of the page."""
HEADLINE_W_HINT = 2.0
"""When the caller knows the page title (title_hint), a line that is that title (or a piece of it)
gets this much."""
HEADLINE_MIN_SCORE = 1.5
"""A line below this is no headline (an unrepeated line that hardly echoes the body)."""
ECHO_MIN_CHARS = 3
"""Words shorter than this are left out of the echo (articles, prepositions in most languages)."""

BARE_MAX_LINES = 2
"""A page with no run of prose is kept whole when it is bare (see weights.BARE_PAGE_WORDS) and
has at most this many lines: one or two lines are a note, more short lines are a menu."""

NON_BOX_LABELS: frozenset[str] = frozenset(
    {
        "advertisement", "ad", "ads", "sponsored", "anzeige", "werbung", "publicité", "publicidad",
        "pubblicità", "reklam", "реклама", "reklama", "広告", "广告", "광고",
    }
)  # fmt: skip
"""Labels that stand alone (an advertisement slot) and head no box: the line after an
"Advertisement" line inside an article is the article again, often a subhead."""

COMMENT_COUNT_TITLE = regex.compile(
    r"\s*(?:\d+|no|one|two|three)\s+"
    r"(?:comments?|thoughts?|responses?|replies|reply|reactions?|kommentare?|commentaires?"
    r"|comentarios?|comentários?|commenti|reacties|reactie)\s+"
    r"(?:on|to|for|about|zu|auf|sur|à|pour|en|a|para|su|per|op)\s+[\"“„«»‘’'‚‹›「『]",
    regex.IGNORECASE,
)
"""A blog's comments heading as a scraper prints it: a count of comments on the post's
quoted title ("59 Comments on “Starship Troopers”", "6 thoughts on “Top 10 apps”", "2 responses
to "A guide""). It ends the main run like COMMENT_HEADINGS (weights.COMMENTS_AFTER_WORDS of
prose first); the quote tells it from a forum's "20 replies to this topic", whose replies are
the thread."""
COMMENT_COUNT_MAX_CHARS = 300
"""... on a line of at most this many characters: a heading, not a sentence."""
SAID_VERBS: frozenset[str] = frozenset(
    {"says", "sagt", "dit", "dice", "disse", "diz", "schreef", "zegt", "pisze", "skriver",
     "sanoo", "говорит"}
)  # fmt: skip
"""The verb of a line that opens a blog comment as WordPress prints it: the commenter's name
(up to four words), then "says" in one of the theme's languages, and a colon or none ("Kathy
Owen says:", "Jonas sagt :"). The past tense ("said:", "wrote:") is left out: forums print it
over every quoted post."""
SAID_MAX_CHARS = 60
"""... on a line of at most this many characters."""
SAID_MIN_LINES = 3
"""A page with this many such lines, by two names at least, has a comment section that starts
at the first of them: it ends the main run as a comments heading does (after
weights.COMMENTS_AFTER_WORDS of prose), when the scraper lost the heading. wcxb-dev as text: 2
and 3 gave the same (two articles better, none worse); "said" too cost four forum threads their
replies (0.95 to 0.27...)."""
QUOTE_BUTTONS: frozenset[str] = frozenset(
    {
        "quote", "reply with quote", "quote reply", "multiquote", "multi quote", "zitieren",
        "citer", "citar", "cytuj", "цитировать", "citeer", "citera", "siteer", "alıntı",
        "alıntıla", "引用", "引用する", "인용",
    }
)  # fmt: skip
"""A forum's button to quote a post, as a scraper prints it under every post (fingerprints).
A blog prints "Reply" under each comment, but no quote button: on a page that prints one
QUOTE_BUTTON_MIN_PRINTS times, the replies under a comments heading ("22 Comments") are the
thread, and the heading ends nothing."""
QUOTE_BUTTON_MIN_PRINTS = 3
"""See QUOTE_BUTTONS: three posts at least, as weights.REPLY_MIN_LINES asks of reply subjects.
On wcxb-dev as text, only forum threads (7 of 113) print a quote button three times or more."""
WRAPPED_MIN_LINE_WORDS = 3.0
"""Lines joined as one paragraph wrapped by hand must hold this many words each on average to
be prose: a column of lower-case tags or menu words ("agate", "amethyst", "aquamarine"...) runs
on like a wrapped sentence but is a list."""
