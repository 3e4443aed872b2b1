"""Page metadata: title, author, date, language, canonical URL, site name, description.

Read from meta tags, JSON-LD and the document itself. The JSON-LD main text (``articleBody``)
is kept too: app shells whose visible body is empty carry their article there.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, fields
from typing import Any

import regex
from lxml import etree

from .weights import ANSWER_KEY_WORDS, MAX_ANSWER_NODES

__all__ = ["Metadata", "answer_key", "read_metadata"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself. Empty strings where it says nothing."""

    title: str = ""
    author: str = ""
    date: str = ""
    language: str = ""
    url: str = ""
    site_name: str = ""
    description: str = ""
    page_type: str = ""
    """The schema.org type the page declares (``NewsArticle``, ``Product``...), if any."""
    json_ld_body: str = ""
    """``articleBody`` (or a long ``text``) from the page's JSON-LD."""
    discussion: bool = False
    """Its JSON-LD declares a discussion (``DiscussionForumPosting``, ``QAPage``,
    ``SocialMediaPosting``): the replies below the first post are content."""
    product: bool = False
    """The page presents one product: its JSON-LD declares one ``Product`` and no article or
    list, or its ``og:type`` is ``product``. Customer reviews on such a page are not its content
    (see ``PRODUCT_HINT_WORDS``)."""
    answers: frozenset[str] = frozenset()
    """Keys (:func:`answer_key`) of the answers its JSON-LD declares (an ``FAQPage``'s
    ``acceptedAnswer``): the page says they are its text, so a collapsed one is read."""
    reviews: frozenset[str] = frozenset()
    """Keys (:func:`answer_key`) of the customer reviews of a product that its JSON-LD declares
    (``Product.review``): on a product page they are not its content."""
    article: bool = False
    """The page declares itself an article: a JSON-LD ``...Article`` or ``BlogPosting``, or
    ``og:type`` ``article``. An article's description is a summary written apart from its
    text; another page's is most often the opening of its text (a post, a product's text)."""

    def __reduce__(self) -> tuple[type[Metadata], tuple[object, ...]]:
        # Pickled as a call of the class (a compiled frozen class cannot be restored attribute
        # by attribute): extract_many's workers send their results so.
        return Metadata, tuple(getattr(self, f.name) for f in fields(self))


_WS = regex.compile(r"\s+")
_TITLE_SEPARATORS = regex.compile(r"\s+[|–—·•:»-]\s+")
_BODY_KEYS = ("articleBody", "text", "reviewBody")
_PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "IndividualProduct", "ProductModel"})
_NOT_ONE_PRODUCT = frozenset(
    {"BlogPosting", "Review", "ItemList", "CollectionPage", "SearchResultsPage"}
)
"""JSON-LD types of pages that are not about one product even when they declare one: a
review or a buying guide (any ``...Article``) declares the products it discusses."""
_DISCUSSION_TYPES = frozenset({"DiscussionForumPosting", "QAPage", "SocialMediaPosting"})
_OG_PRODUCT = frozenset({"product", "og:product", "product.item", "product.group"})


def _clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _first(metas: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        if metas.get(name):
            return metas[name]
    return ""


_KEY_WORD = regex.compile(r"\w+")
_MARKUP = regex.compile(r"<[^>]*>")


def answer_key(text: str) -> str:
    """The opening ANSWER_KEY_WORDS words of a text, lowercased and joined by spaces; "" when
    it has fewer (a short answer, "Yes.", would match too much)."""
    words = _KEY_WORD.findall(text.lower())[:ANSWER_KEY_WORDS]
    return " ".join(words) if len(words) == ANSWER_KEY_WORDS else ""


def _is(kind: Any, names: frozenset[str]) -> bool:
    """Whether a JSON-LD ``@type`` (a name or a list of names) is one of ``names``."""
    if isinstance(kind, str):
        return kind in names
    return isinstance(kind, list) and any(isinstance(k, str) and k in names for k in kind)


_ANSWER = frozenset({"Answer"})
_REVIEW = frozenset({"Review"})


def _key(text: str) -> str:
    return answer_key(html.unescape(_MARKUP.sub(" ", text[:2000])))


def _declared(data: Any, answers: set[str], reviews: set[str]) -> None:
    """Add the keys of the ``Answer`` texts in a JSON-LD document (nested in ``mainEntity``,
    ``acceptedAnswer``...) to ``answers``, and those of the reviews of a product (a ``Review``
    inside a ``Product``, or one whose ``itemReviewed`` is a product: its ``reviewBody`` or
    ``description``) to ``reviews``, looking at most at MAX_ANSWER_NODES objects."""
    stack: list[tuple[Any, bool]] = [(data, False)]
    seen = 0
    while stack and seen < MAX_ANSWER_NODES:
        item, in_product = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend((v, in_product) for v in item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            text = item.get("text")
            if isinstance(text, str) and _is(kind, _ANSWER):
                key = _key(text)
                if key:
                    answers.add(key)
            elif _is(kind, _REVIEW):
                reviewed = item.get("itemReviewed")
                if in_product or (
                    isinstance(reviewed, dict) and _is(reviewed.get("@type"), _PRODUCT_TYPES)
                ):
                    body = item.get("reviewBody") or item.get("description")
                    key = _key(body) if isinstance(body, str) else ""
                    if key:
                        reviews.add(key)
            in_product = in_product or _is(kind, _PRODUCT_TYPES)
            stack.extend((v, in_product) for v in item.values() if isinstance(v, (dict, list)))


def _json_ld(scripts: list[str], answers: set[str], reviews: set[str]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for source in scripts:
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        if '"Answer"' in source or '"Review"' in source:
            _declared(data, answers, reviews)
        stack = [data]
        while stack and len(found) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item[:50])
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph[:50])
    return found


def _name(value: Any) -> str:
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list) and value:
        return ", ".join(n for n in (_name(v) for v in value[:5]) if n)
    return ""


def _strip_site(title: str, site: str) -> str:
    """A <title> without the site name that sites append or prepend to it."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site:
        kept = [p for p in parts if p.casefold() != site.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept)
    return max(parts, key=len)


def read_metadata(root: etree._Element | None, url: str | None = None) -> Metadata:
    """Metadata of a parsed page (an empty record for a text page)."""
    if root is None:
        return Metadata(url=url or "")
    metas: dict[str, str] = {}
    scripts: list[str] = []
    page_title = canonical = ""
    for el in root.iter("meta", "link", "title", "script"):  # one pass over the tree
        tag = el.tag
        if tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
            if key and key not in metas:
                metas[key] = _clean(el.get("content"))
            if el.get("http-equiv", "").lower() == "content-language":
                metas.setdefault("content-language", _clean(el.get("content")))
        elif tag == "link":
            if not canonical and (el.get("rel") or "").lower() == "canonical":
                canonical = (el.get("href") or "").strip()
        elif tag == "title":
            page_title = page_title or _clean("".join(el.itertext()))
        elif (el.get("type") or "").lower() == "application/ld+json" and el.text:
            scripts.append(el.text)
    site = _first(metas, ("og:site_name", "application-name"))
    ld_title = ld_author = ld_date = ld_type = ld_body = ""
    ld_products, ld_other, ld_discussion, ld_article = 0, False, False, False
    answers: set[str] = set()
    reviews: set[str] = set()
    for item in _json_ld(scripts, answers, reviews):
        kind = item.get("@type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        if isinstance(kind, str):
            ld_products += kind in _PRODUCT_TYPES
            ld_discussion = ld_discussion or kind in _DISCUSSION_TYPES
            ld_other = ld_other or kind in _NOT_ONE_PRODUCT or kind.endswith("Article")
            ld_article = ld_article or kind.endswith("Article") or kind == "BlogPosting"
        if not isinstance(kind, str) or kind in ("WebSite", "Organization", "BreadcrumbList"):
            continue
        ld_type = ld_type or kind
        ld_title = ld_title or _name(item.get("headline")) or _name(item.get("name"))
        ld_author = ld_author or _name(item.get("author"))
        ld_date = ld_date or _name(item.get("datePublished"))
        for key in _BODY_KEYS:
            body = item.get(key)
            if isinstance(body, str) and len(body) > len(ld_body):
                ld_body = body.strip()
    title = (
        _first(metas, ("og:title", "twitter:title")) or ld_title or _strip_site(page_title, site)
    )
    language = (
        root.get("lang") or root.get("xml:lang") or _first(metas, ("content-language", "og:locale"))
    )
    return Metadata(
        title=title,
        author=_first(metas, ("author", "article:author", "dc.creator")) or ld_author,
        date=_first(metas, ("article:published_time", "date", "dc.date", "pubdate")) or ld_date,
        language=language.strip(),
        url=canonical or _first(metas, ("og:url",)) or (url or ""),
        site_name=site,
        description=_first(metas, ("description", "og:description")),
        page_type=ld_type,
        json_ld_body=ld_body,
        discussion=ld_discussion,
        product=not ld_other
        and (ld_products == 1 or metas.get("og:type", "").lower() in _OG_PRODUCT),
        answers=frozenset(answers),
        reviews=frozenset(reviews),
        article=ld_article or metas.get("og:type", "").lower() == "article",
    )
