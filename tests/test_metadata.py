"""Page metadata: what a page says about itself."""

from __future__ import annotations

import json

import pytest
from lxml import html

from declutter.metadata import read_metadata


def _meta(head: str, body: str = "<p>Text.</p>"):
    return read_metadata(html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>"))


def _ld(*types: str) -> str:
    items = ",".join(f'{{"@type": "{t}", "name": "Item {i}"}}' for i, t in enumerate(types))
    return f'<script type="application/ld+json">[{items}]</script>'


def test_title_author_and_site_from_meta_tags() -> None:
    meta = _meta(
        "<title>Night trains return | The Rail Gazette</title>"
        '<meta property="og:site_name" content="The Rail Gazette">'
        '<meta name="author" content="Ilse Brandt">'
        '<meta property="article:published_time" content="2025-03-02">'
    )
    assert (meta.title, meta.author, meta.date) == (
        "Night trains return",
        "Ilse Brandt",
        "2025-03-02",
    )
    assert meta.site_name == "The Rail Gazette"


@pytest.mark.parametrize(
    ("head", "body", "product"),
    [
        (_ld("Product"), "", True),
        (_ld("WebPage", "Product", "BreadcrumbList"), "", True),
        (_ld("ProductGroup"), "", True),
        ('<meta property="og:type" content="product">', "", True),
        ('<meta property="og:type" content="og:product">', "", True),
        # a review or a buying guide declares the products it discusses
        (_ld("NewsArticle", "Product", "Product"), "", False),
        (_ld("Review", "Product"), "", False),
        (_ld("BlogPosting", "Product"), "", False),
        # a list of products is not one product
        (_ld("Product", "Product", "Product"), "", False),
        (_ld("ItemList", "Product"), "", False),
        ('<meta property="og:type" content="article">', "", False),
        (_ld("WebPage"), "", False),
    ],
)
def test_a_page_that_presents_one_product(head: str, body: str, product: bool) -> None:
    assert _meta(head, body or "<p>Text.</p>").product is product


def test_no_root_gives_an_empty_record() -> None:
    meta = read_metadata(None, "https://example.org/a")
    assert (meta.url, meta.title, meta.product) == ("https://example.org/a", "", False)


@pytest.mark.parametrize(
    ("types", "discussion"),
    [
        (("DiscussionForumPosting",), True),
        (("WebPage", "QAPage"), True),
        (("SocialMediaPosting",), True),
        (("NewsArticle",), False),
        (("WebPage", "BreadcrumbList"), False),
    ],
)
def test_a_page_that_declares_a_discussion(types: tuple[str, ...], discussion: bool) -> None:
    assert _meta(_ld(*types)).discussion is discussion


def _faq_ld(*answers: str) -> str:
    questions = [
        {
            "@type": "Question",
            "name": f"Question {i}?",
            "acceptedAnswer": {"@type": "Answer", "text": a},
        }
        for i, a in enumerate(answers)
    ]
    data = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_answers_declared_by_an_faq_page_are_keyed_by_their_opening_words() -> None:
    """An FAQPage's answers are known by their first eight words, lowercased, markup and
    character references left out; an answer of fewer words is not kept (it would match too
    much)."""
    meta = _meta(
        _faq_ld(
            "<p>Most orders leave our workshop within two working days of payment.</p>",
            "Yes, it is.",
            "Repairs &amp; servicing are free for the first three years.",
        )
    )
    assert meta.answers == frozenset(
        {
            "most orders leave our workshop within two working",
            "repairs servicing are free for the first three",
        }
    )
    assert _meta(_ld("NewsArticle")).answers == frozenset()


def test_malformed_or_deeply_nested_json_ld_declares_no_answers() -> None:
    """Broken JSON, and an answer buried under more objects than MAX_ANSWER_NODES, give no
    answers and no error."""
    broken = (
        '<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"Answer"</script>'
    )
    assert _meta(broken).answers == frozenset()
    filler = [{"@type": "Thing", "name": f"n{i}"} for i in range(3000)]
    answer = {"@type": "Answer", "text": "Most orders leave our workshop within two working days."}
    data = {"@type": "FAQPage", "mainEntity": [answer, *filler]}
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert _meta(script).answers == frozenset()


def test_an_answer_typed_as_a_list_is_declared() -> None:
    """``"@type": ["Answer"]`` declares an answer as ``"@type": "Answer"`` does."""
    data = {
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question",
            "acceptedAnswer": {
                "@type": ["Answer"],
                "text": "Soak the beans overnight, then simmer them for two hours.",
            },
        },
    }
    meta = _meta(f'<script type="application/ld+json">{json.dumps(data)}</script>')
    assert meta.answers == frozenset({"soak the beans overnight then simmer them for"})


def test_reviews_of_a_product_are_keyed_but_not_a_review_article() -> None:
    """The reviews a product's JSON-LD carries (``Product.review``, or a ``Review`` whose
    ``itemReviewed`` is a product) are keyed by their opening words; a ``Review`` that is the
    page itself (a critic's review of a film) is not a product's."""
    product = {
        "@type": "Product",
        "name": "Trail sandal",
        "review": [
            {
                "@type": "Review",
                "reviewBody": "I wore these on a ten day hike and they never rubbed once.",
            }
        ],
    }
    standalone = {
        "@type": "Review",
        "itemReviewed": {"@type": "Product", "name": "Trail sandal"},
        "description": "The straps stretched after a month of daily walks to the station.",
    }
    critic = {
        "@type": "Review",
        "itemReviewed": {"@type": "Movie", "name": "Low Tide"},
        "reviewBody": "A quiet film about a lighthouse keeper that stays with you for days.",
    }
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(d)}</script>'
        for d in (product, standalone, critic)
    )
    assert _meta(scripts).reviews == frozenset(
        {
            "i wore these on a ten day hike",
            "the straps stretched after a month of daily",
        }
    )
