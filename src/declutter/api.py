"""The public calls: :func:`extract` for text, :func:`extract_result` for everything."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .blocks import BOILERPLATE, HEADLINE, Block
from .deadline import Deadline
from .declared import apply_declared
from .features import measure, reply_thread
from .inclusions import apply_inclusions
from .load import load
from .metadata import Metadata, read_metadata
from .options import Options
from .refine import (
    fill_grid_fields,
    fill_lists,
    fill_span,
    keep_code,
    keep_standfirst,
    keep_titles,
)
from .render import block_record, blocks_json, to_markdown, to_text
from .scoring import score
from .segment import segment
from .select import Selection, page_layout, select
from .site import SiteMemory
from .textpage import select_text
from .tree import Tree, element_tree
from .trim import (
    drop_bylines,
    drop_closing_notes,
    drop_datelines,
    drop_edit_notes,
    drop_inline_links,
    drop_teaser_grid,
    end_at_comments,
    end_at_reviews,
)
from .weights import (
    GRID_CARD,
    GRID_INSIDE,
    PRODUCT_CARDS_GROWTH,
    PRODUCT_CARDS_INSIDE,
    PRODUCT_CARDS_LIST_LINK,
    PRODUCT_CARDS_MIN_WORDS,
    PRODUCT_HINT_WORDS,
    PROFILE_SWITCH,
    PROFILE_SWITCH_BELOW,
    PROFILE_SWITCH_GRID,
    PROFILE_SWITCH_LINK,
    PROFILES,
    SHELF_INSIDE,
    SHELF_LINK,
    SHELF_MIN_WORDS,
)

__all__ = ["Result", "extract", "extract_result"]

_ACCEPTED = (str, bytes, bytearray, memoryview)


@dataclass(frozen=True, slots=True)
class Result:
    """Everything an extraction decided."""

    blocks: list[Block]
    """Every block of the page, each with its label, score and reason."""
    metadata: Metadata
    title: str
    """The headline as kept (or the page's declared title when no headline block was found)."""
    reason: str
    """Why nothing was extracted; empty when something was."""
    input_format: str
    """``"html"`` or ``"text"``: what the page was taken to be."""
    encoding: str
    method: str
    """The scoring profile whose choice won (``"prose"``, ``"cards"``; ``"text"`` for a text
    page), or ``"json-ld"`` when the text came from the page's structured data."""

    @property
    def text(self) -> str:
        """The main content as plain text."""
        return to_text(self.blocks)

    @property
    def markdown(self) -> str:
        """The main content as markdown."""
        return to_markdown(self.blocks)

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data."""
        return {**self._head(), "blocks": [block_record(b) for b in self.blocks]}

    def _head(self) -> dict[str, Any]:
        """:meth:`as_dict` without its blocks."""
        m = self.metadata
        return {
            "title": self.title,
            "text": self.text,
            "reason": self.reason,
            "input_format": self.input_format,
            "encoding": self.encoding,
            "method": self.method,
            "metadata": {
                "title": m.title,
                "author": m.author,
                "date": m.date,
                "language": m.language,
                "url": m.url,
                "site_name": m.site_name,
                "description": m.description,
                "page_type": m.page_type,
                "product": m.product,
                "discussion": m.discussion,
            },
        }

    def render(self, output_format: str) -> str:
        """The result in one of the output formats of :class:`Options`."""
        if output_format == "text":
            return self.text
        if output_format == "markdown":
            return self.markdown
        return blocks_json(self._head(), self.blocks)


def _options(options: Options | None, changes: dict[str, Any]) -> Options:
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    base = options or Options()
    return base.with_(**changes) if changes else base


def _kept_words(selection: Selection) -> int:
    return sum(b.features.words for b in selection.blocks if b.label is not BOILERPLATE)


def _link_share(titled: Selection) -> float:
    """Share of the kept text's characters that are link text, on a selection whose titles are
    kept (:func:`keep_titles`)."""
    kept = [b for b in titled.blocks if b.label is not BOILERPLATE]
    return sum(b.link_chars for b in kept) / max(1, sum(len(b.text) for b in kept))


def needs_next_profile(
    words: int, link_share: float, link_limit: float = PROFILE_SWITCH_LINK
) -> bool:
    """Whether a later profile is worth trying after one that kept ``words`` words with
    ``link_share`` of its characters in links: it kept little (under PROFILE_SWITCH_BELOW), or
    mostly links (over ``link_limit``)."""
    return words < PROFILE_SWITCH_BELOW or link_share > link_limit


def next_profile_wins(
    words: int,
    link_share: float,
    next_words: int,
    next_empty: bool,
    link_limit: float = PROFILE_SWITCH_LINK,
) -> bool:
    """Whether a later profile's selection (``next_words`` words kept; ``next_empty`` when it
    found no main content) replaces one that kept ``words`` words with ``link_share`` of its
    characters in links: the earlier one kept mostly links, or little while the later keeps
    PROFILE_SWITCH times more."""
    if link_share > link_limit and not next_empty:
        return True
    return words < PROFILE_SWITCH_BELOW and next_words > PROFILE_SWITCH * words


def grows_past_product(words: int, link_share: float, next_words: int, inside: float = 0.0) -> bool:
    """Whether a later profile's selection of ``next_words`` words, on a page that presents one
    product, grew too far past one that kept ``words`` words with ``link_share`` of its
    characters in links: more than PRODUCT_CARDS_GROWTH times (counting at least
    PRODUCT_CARDS_MIN_WORDS), while the earlier one was no list of links. It then holds the
    other products the page recommends, not this one. ``inside``: the share of the blocks it
    adds that lie between the earlier selection's first and last block (:func:`inside_share`);
    over PRODUCT_CARDS_INSIDE they are the page's own grid, whose lines prose kept a few of,
    not a carousel set above or below the product."""
    if link_share > PRODUCT_CARDS_LIST_LINK or inside > PRODUCT_CARDS_INSIDE:
        return False
    return next_words > PRODUCT_CARDS_GROWTH * max(words, PRODUCT_CARDS_MIN_WORDS)


def inside_share(first: Selection, later: Selection) -> float:
    """The share of the blocks ``later`` keeps beyond ``first`` that lie between the first and
    the last block ``first`` kept (0.0 when either keeps none)."""
    kept = {b.index for b in first.blocks if b.label is not BOILERPLATE}
    added = [b.index for b in later.blocks if b.label is not BOILERPLATE and b.index not in kept]
    if not kept or not added:
        return 0.0
    low, high = min(kept), max(kept)
    return sum(low < i < high for i in added) / len(added)


def fills_card_grid(words: int, next_words: int, first: Selection, later: Selection) -> bool:
    """Whether a later profile wins by filling in a grid of card links between the lines the
    first kept: it keeps more than PROFILE_SWITCH_GRID times the first's ``words`` (fewer than
    PROFILE_SWITCH_BELOW), every block the first kept, and of the blocks it adds at least
    GRID_CARD are card links and GRID_INSIDE lie between the first's first and last block (a
    shop's category page: an intro above its tiles, a text for search engines below)."""
    if not 0 < words < PROFILE_SWITCH_BELOW or next_words <= PROFILE_SWITCH_GRID * words:
        return False
    kept = {b.index for b in first.blocks if b.label is not BOILERPLATE}
    later_kept = {b.index for b in later.blocks if b.label is not BOILERPLATE}
    if not kept <= later_kept:
        return False
    added = [b for b in later.blocks if b.label is not BOILERPLATE and b.index not in kept]
    if not added:
        return False
    low, high = min(kept), max(kept)
    cards = sum(b.card for b in added)
    inside = sum(low < b.index < high for b in added)
    return cards >= GRID_CARD * len(added) and inside >= GRID_INSIDE * len(added)


def adds_link_shelf(words: int, first: Selection, later: Selection) -> bool:
    """Whether a later profile's selection only adds a shelf of links beside an article that the
    first one found (``words`` words kept, at least SHELF_MIN_WORDS): the blocks it keeps beyond
    the first selection have more than SHELF_LINK of their characters in links, and fewer than
    SHELF_INSIDE of them lie between the first selection's first and last block. That is the
    "related articles" or "more from this section" list above or below the text, not items of
    the page's own list, which the cards profile finds between the lines prose kept."""
    if words < SHELF_MIN_WORDS:
        return False
    kept = {b.index for b in first.blocks if b.label is not BOILERPLATE}
    added = [b for b in later.blocks if b.label is not BOILERPLATE and b.index not in kept]
    if not kept or not added:
        return False
    chars = sum(len(b.text) for b in added)
    if sum(b.link_chars for b in added) <= SHELF_LINK * chars:
        return False
    low, high = min(kept), max(kept)
    inside = sum(low < b.index < high for b in added)
    return inside < SHELF_INSIDE * len(added)


def _decide(
    blocks: list[Block],
    opts: Options,
    deadline: Deadline,
    discussion: bool = False,
    product: bool = False,
    tree: Tree | None = None,
) -> tuple[Selection, str]:
    """Score and select with each profile in turn; a later one replaces the choice so far when
    :func:`next_profile_wins`. The chosen selection has its titles kept (:func:`keep_titles`);
    titles count in the link share but not in the word counts, so they do not sway the choice
    by length; then a field that most items of a grid keep is kept in all of them
    (:func:`fill_grid_fields`). The standfirst under the headline is kept
    (:func:`keep_standfirst`), then the sentences outside the region between kept blocks
    (:func:`fill_span`), the dropped items of kept lists (:func:`fill_lists`) and repeated code
    between kept blocks (:func:`keep_code`); with the prose profile a grid of teaser cards
    closing the text (:func:`drop_teaser_grid`), then the linked lines set into the text are
    dropped (:func:`drop_inline_links`).
    ``discussion``: the page declares one, so it has no comments box (see :func:`select`).
    ``product``: the page presents one product, so a later profile must not
    :func:`grows_past_product`. A later profile that :func:`adds_link_shelf` never wins.
    ``tree``: the blocks' :func:`element_tree`, made when not given."""
    best: Selection | None = None
    titled: Selection | None = None
    best_profile = PROFILES[0].name
    words, links = 0, 0.0
    layout = page_layout(blocks, tree, not discussion)  # the same whatever the scores
    for profile in PROFILES:
        if best is not None and titled is not None:
            words, links = _kept_words(best), _link_share(titled)
            if not needs_next_profile(words, links):
                break  # a real article was found: no later profile can win
        scored = score(blocks, profile, deadline)
        selection = select(
            scored,
            opts.favor,
            opts.include_title,
            deadline,
            profile.negative_child,
            discussion,
            layout,
        )
        next_words = _kept_words(selection)
        if (
            best is not None
            and product
            and grows_past_product(words, links, next_words, inside_share(best, selection))
        ):
            continue
        if best is not None and adds_link_shelf(words, best, selection):
            continue
        if (
            best is None
            or next_profile_wins(words, links, next_words, bool(selection.reason))
            or fills_card_grid(words, next_words, best, selection)
        ):
            best, titled, best_profile = selection, keep_titles(selection), profile.name
    assert titled is not None
    chosen = keep_standfirst(fill_grid_fields(titled, tree), product)
    chosen = keep_code(fill_lists(fill_span(chosen)))
    if best_profile == PROFILES[0].name:  # prose: a link set into the text is a teaser
        chosen = drop_inline_links(drop_teaser_grid(chosen))
    return chosen, best_profile


def _binary_reason(binary: str, junk: int, kept: bool) -> str:
    """Why nothing came out when the bytes are no page (``binary``: what they are), or when the
    page held ``junk`` bytes of binary data (dropped, :func:`~declutter.load.drop_binary_runs`)
    and nothing else was kept."""
    if binary:
        return f"the input is {binary}, not a page"
    if junk and not kept:
        return f"the input is binary data ({junk:,} bytes), not a page"
    return ""


def extract_result(
    page: str | bytes,
    *,
    url: str | None = None,
    options: Options | None = None,
    site: SiteMemory | None = None,
    **changes: Any,
) -> Result:
    """Extract the main content of a page and return every decision.

    ``page`` is HTML or plain text, as ``str`` or ``bytes`` (any encoding). Options come as an
    :class:`Options` object, keyword arguments (``favor="recall"``), or both (the keywords win).
    ``site`` is a :class:`SiteMemory` shared across pages of one crawl: text repeated across a
    site's pages is then known to be template. When the page has no main content (an empty page,
    a bare index), the result's text is empty and ``reason`` says why.

    Raises :class:`TypeError` for anything but ``str``/``bytes``, :class:`InputTooLargeError`
    over ``max_input_bytes``, :class:`TimeBudgetExceeded` past ``time_budget``.
    """
    if not isinstance(page, _ACCEPTED):
        raise TypeError(
            f"extract() takes the page as str or bytes (HTML or plain text), not {type(page).__name__}"
        )
    opts = _options(options, changes)
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if site is not None and not isinstance(site, SiteMemory):
        raise TypeError(f"site must be a declutter.SiteMemory or None, not {type(site).__name__}")
    deadline = Deadline(opts.time_budget)
    document = load(page, url, opts)
    deadline.check("load")
    metadata = read_metadata(document.root, url)
    blocks = segment(document, deadline, metadata.answers)
    deadline.check("segment")
    # The blocks hold no element: the parsed tree (often several times the page) is freed
    # before the later stages fill memory of their own.
    is_html, encoding = document.is_html, document.encoding
    binary, junk = document.binary, document.junk
    del document
    site_counts = site.counts(url) if site is not None else None
    hint_words = PRODUCT_HINT_WORDS if metadata.product else None
    # a thread whose replies are headed "Re: ..." is a discussion whatever its JSON-LD says
    discussion = metadata.discussion or (is_html and reply_thread(blocks, metadata.title))
    tree = element_tree(blocks) if is_html else None  # measure and select read it
    blocks = measure(blocks, metadata.title, site_counts, deadline, hint_words, discussion, tree)
    deadline.check("measure")
    if is_html:
        selection, profile = _decide(blocks, opts, deadline, discussion, metadata.product, tree)
    else:  # a page already rendered to text: no markup, a decision stage of its own
        selection = select_text(
            blocks, opts.favor, opts.include_title, metadata.title, deadline, opts.include_comments
        )
        profile = "text"
    deadline.check("select")
    if is_html and not opts.include_comments and not discussion:
        selection = end_at_comments(selection)
    if is_html and metadata.product:
        selection = end_at_reviews(selection)
    selection = drop_bylines(drop_closing_notes(selection, metadata.author))
    selection = drop_datelines(drop_edit_notes(selection))
    if site is not None:
        site.remember(url, (b.features.key for b in blocks))
    decided = apply_inclusions(selection.blocks, opts.include_comments, opts.include_tables)
    decided, from_json_ld = apply_declared(decided, metadata, discussion)
    method = "json-ld" if from_json_ld else profile
    headline = next((b.text for b in decided if b.label is HEADLINE), "")
    kept = any(b.label is not BOILERPLATE for b in decided)
    reason = "" if kept else selection.reason
    return Result(
        blocks=decided,
        metadata=metadata,
        title=headline or metadata.title,
        reason=_binary_reason(binary, junk, kept)
        or reason
        or ("" if decided else "the page has no text"),
        input_format="html" if is_html else "text",
        encoding=encoding,
        method=method,
    )


def extract(
    page: str | bytes,
    *,
    url: str | None = None,
    options: Options | None = None,
    **changes: Any,
) -> str:
    """The main content of a page, as text (or markdown, or JSON: see ``output_format``).

    Returns ``""`` when the page has no main content; :func:`extract_result` says why.
    Accepts the same arguments as :func:`extract_result`, apart from ``site``.
    """
    opts = _options(options, changes)
    result = extract_result(page, url=url, options=opts)
    return result.render(opts.output_format)
