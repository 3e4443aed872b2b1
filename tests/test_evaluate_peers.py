"""Tests for declutter.evaluate.peers: the C4 line rule, text wrapping, extractor resolution
and each installed peer's adapter on one small page."""

from __future__ import annotations

import pytest

from declutter.evaluate.datasets import Page
from declutter.evaluate.peers import (
    EXTRACTORS,
    PEERS,
    UnknownExtractor,
    c4_lines,
    lines_as_html,
    resolve_extractors,
    run_c4,
)

ARTICLE_TEXT = (
    "Engineers in the valley finished the new bridge after three years of work on it. "
    "The structure spans the river at its widest point and carries two lanes of traffic. "
    "Residents gathered on both banks to watch the first cars cross in the morning light."
)
PAGE_HTML = f"""<!DOCTYPE html><html lang="en"><head><title>Bridge opens</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/contact">Contact</a></li></ul></nav>
<article><h1>Bridge opens</h1><p>{ARTICLE_TEXT}</p><p>{ARTICLE_TEXT}</p><p>{ARTICLE_TEXT}</p>
</article><footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


def test_c4_keeps_sentences_and_drops_the_rest() -> None:
    """Lines need terminal punctuation and three words; short, unterminated lines go."""
    lines = (
        "MOST POPULAR",
        "The council approved the budget on Monday.",
        "Read more",
        "Is this the end?",
        "Wow!",
        "He said “yes” and left",
        'She answered "no."',
    )
    assert c4_lines("\n".join(lines)) == [
        "The council approved the budget on Monday.",
        "Is this the end?",
        'She answered "no."',
    ]


def test_c4_drops_ellipsis_javascript_and_policy_lines() -> None:
    """An ellipsis, a mention of JavaScript or a cookie/policy phrase drops the line."""
    lines = (
        "And then the story continues...",
        "Please enable JavaScript to view the comments.",
        "This site uses cookies to improve your experience.",
        "Read our Privacy Policy for details.",
        "A plain sentence that stays here.",
    )
    assert c4_lines("\n".join(lines)) == ["A plain sentence that stays here."]


def test_c4_removes_citation_markers_first() -> None:
    """Citation markers are cut before the line is judged, so a line ending in one is kept."""
    assert c4_lines("The river is long and wide.[12]") == ["The river is long and wide."]
    assert c4_lines("Some heading text here [edit]") == []


def test_run_c4_renders_html_pages_first() -> None:
    """On an HTML page, c4 judges the naive text rendering's lines."""
    page = Page("p", PAGE_HTML.encode(), "html")
    out = run_c4(page)
    assert out.splitlines() == [ARTICLE_TEXT] * 3


def test_lines_as_html_wraps_and_escapes_each_line() -> None:
    """Each non-blank line becomes one <p>, with markup characters escaped."""
    html = lines_as_html("a < b\n\n  second & last  \n")
    assert "<p>a &lt; b</p>\n<p>second &amp; last</p>\n" in html
    assert html.count("<p>") == 2


def test_resolve_expands_all_and_peers() -> None:
    """'all' is declutter, every peer and c4; 'peers' is every peer; duplicates collapse."""
    order = ["declutter", *PEERS, "c4"]
    chosen, skipped = resolve_extractors(["all", "c4"])
    assert set(chosen) | set(skipped) == set(order) and not set(chosen) & set(skipped)
    # Each list keeps the order of 'all', whichever peers are installed here.
    assert list(chosen) == [n for n in order if n in chosen]
    assert list(skipped) == [n for n in order if n in skipped]
    peers, peers_skipped = resolve_extractors(["peers"])
    assert set(peers) | set(peers_skipped) == set(PEERS)


def test_resolve_rejects_unknown_names() -> None:
    """An unknown extractor name raises and lists the known ones."""
    with pytest.raises(UnknownExtractor, match="trafilatura"):
        resolve_extractors(["newspaper"])


def test_resolve_skips_missing_modules_with_a_reason() -> None:
    """An extractor whose module is not importable is skipped, saying what is missing."""
    from declutter.evaluate import peers

    spec = peers.ExtractorSpec("ghost", run_c4, ("no_such_module_xyz",))
    assert peers.missing_modules(spec) == ["no_such_module_xyz"]
    nested = peers.ExtractorSpec("ghost", run_c4, ("no_such_pkg_xyz.sub",))
    assert peers.missing_modules(nested) == ["no_such_pkg_xyz.sub"]


@pytest.mark.parametrize("name", PEERS)
def test_peer_adapter_extracts_the_article(name: str) -> None:
    """Each installed peer returns text holding the article from an HTML page."""
    spec = EXTRACTORS[name]
    for module in spec.requires:
        pytest.importorskip(module)
    out = spec.function(Page("p", PAGE_HTML.encode(), "html", url="https://example.org/b"))
    assert "first cars cross" in out
    assert "<p>" not in out


@pytest.mark.parametrize("name", PEERS)
def test_peer_adapter_accepts_text_pages(name: str) -> None:
    """Each installed peer runs on a text page, which it receives as lines wrapped in <p>."""
    spec = EXTRACTORS[name]
    for module in spec.requires:
        pytest.importorskip(module)
    text = "Home\nNews\n\n" + "\n\n".join([ARTICLE_TEXT] * 4) + "\n\nContact\n"
    out = spec.function(Page("p", text, "text", language="en"))
    assert isinstance(out, str)
    assert "first cars cross" in out


def test_justext_without_stoplist_uses_language_independent_mode() -> None:
    """jusText runs on a page of a language it has no stoplist for (here Japanese)."""
    pytest.importorskip("justext")
    page = Page("p", PAGE_HTML.encode(), "html", language="ja")
    assert "first cars cross" in EXTRACTORS["justext"].function(page)
