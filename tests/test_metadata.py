"""Page metadata: what a page says about itself."""

from __future__ import annotations

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
