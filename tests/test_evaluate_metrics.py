"""Tests for declutter.evaluate.metrics: each metric against small cases computed by hand."""

from __future__ import annotations

import pytest

from declutter.evaluate.metrics import (
    PRF,
    ShingleCounts,
    SnippetCounts,
    fold_whitespace,
    mean_prf,
    median,
    percentile,
    shingle_counts,
    shingle_prf,
    shingles,
    snippet_counts,
    snippet_scores,
    snippet_share,
    wcxb_tokens,
    word_prf,
)

# --- WCXB word F1 -----------------------------------------------------------------------------


def test_word_prf_counts_tokens_as_multisets() -> None:
    """Overlap is the multiset intersection: 'the' twice, 'cat' once gives 3 of 6 and 3 of 4."""
    score = word_prf("The cat sat on the mat", "the cat the dog")
    assert (score.precision, score.recall) == (0.5, 0.75)
    assert score.f1 == pytest.approx(0.6)


def test_word_prf_is_case_insensitive() -> None:
    """Tokens are lowercased before they are compared."""
    assert word_prf("Hello WORLD", "hello world") == PRF(1.0, 1.0, 1.0)


def test_word_prf_ignores_punctuation_and_spacing() -> None:
    """Only \\w+ runs count, so punctuation and line breaks change nothing."""
    assert word_prf("Hello,\n\nworld!", "hello world") == PRF(1.0, 1.0, 1.0)


def test_word_prf_both_empty_is_perfect() -> None:
    """Gold and output without tokens score 1.0, as the WCXB script defines it."""
    assert word_prf("", "") == PRF(1.0, 1.0, 1.0)
    assert word_prf("...", "!!!") == PRF(1.0, 1.0, 1.0)


def test_word_prf_empty_gold_with_output_is_zero() -> None:
    """Output where the gold has no tokens scores 0.0 on all three."""
    assert word_prf("some text", "") == PRF(0.0, 0.0, 0.0)


def test_word_prf_empty_output_is_zero() -> None:
    """No output where the gold has tokens scores 0.0 on all three."""
    assert word_prf("", "some text") == PRF(0.0, 0.0, 0.0)


def test_word_prf_no_overlap_gives_zero_f1() -> None:
    """Disjoint token sets give precision, recall and F1 of 0.0 without dividing by zero."""
    assert word_prf("alpha beta", "gamma delta") == PRF(0.0, 0.0, 0.0)


def test_wcxb_tokens_keep_unspaced_scripts_as_one_run() -> None:
    """An unspaced Chinese run is one token, so splitting it differently matches nothing."""
    assert wcxb_tokens("中文测试") == ["中文测试"]
    assert word_prf("中文 测试", "中文测试").f1 == 0.0


def test_wcxb_tokens_follow_stdlib_re_word_characters() -> None:
    """Digits and underscores are word characters; a combining mark is not (stdlib ``re``)."""
    assert wcxb_tokens("snake_case 42") == ["snake_case", "42"]
    assert wcxb_tokens("Cafe\u0301 ok") == ["cafe", "ok"]


def test_wcxb_tokens_lowercase_before_matching() -> None:
    """The text is lowercased first, so a dotted capital I splits as str.lower() leaves it."""
    assert wcxb_tokens("İstanbul") == ["i", "stanbul"]


def test_mean_prf_averages_each_field_separately() -> None:
    """F1 is the mean of page F1s (0.8), not the harmonic mean of the mean P and R."""
    score = mean_prf([PRF(1.0, 1.0, 1.0), PRF(0.5, 0.75, 0.6)])
    assert (score.precision, score.recall) == (0.75, 0.875)
    assert score.f1 == pytest.approx(0.8)


def test_mean_prf_of_nothing_is_zero() -> None:
    """No pages gives 0.0 rather than a division error."""
    assert mean_prf([]) == PRF(0.0, 0.0, 0.0)


def test_snippet_share_is_case_insensitive_substring() -> None:
    """Two of three snippets occur, ignoring case: 2/3."""
    text = "Hello World. Foo bar"
    assert snippet_share(text, ["hello world", "BAR", "missing"]) == pytest.approx(2 / 3)


def test_snippet_share_does_not_fold_whitespace() -> None:
    """WCXB compares raw substrings: a snippet across a line break is not found."""
    assert snippet_share("hello\nworld", ["hello world"]) == 0.0


def test_snippet_share_of_no_snippets_is_one() -> None:
    """A page without snippets scores 1.0, as the WCXB script defines it."""
    assert snippet_share("anything", []) == 1.0


# --- ScrapingHub shingles ---------------------------------------------------------------------


def test_shingles_are_overlapping_four_token_windows() -> None:
    """Five tokens give two windows of four."""
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}


def test_shingles_of_short_text_is_one_shingle() -> None:
    """Fewer than four tokens give one shingle holding them all; no tokens give none."""
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("  ,. ") == {}


def test_shingles_keep_case() -> None:
    """The ScrapingHub tokenizer does not lowercase."""
    assert shingles("A b c d") == {("A", "b", "c", "d"): 1}


def test_shingle_counts_normalise_by_their_sum() -> None:
    """One shared, one extra, one missing shingle: a third each."""
    counts = shingle_counts("a b c d x", "a b c d e")
    assert counts == ShingleCounts(1 / 3, 1 / 3, 1 / 3)


def test_shingle_counts_compare_with_counts() -> None:
    """A repeated shingle matches once: tp 1, fp 4 (surplus 1 plus 3 others), fn 0, over 5."""
    assert shingle_counts("a b c d a b c d", "a b c d") == ShingleCounts(0.2, 0.8, 0.0)


def test_shingle_counts_empty_output_is_all_false_negatives() -> None:
    """No output: every gold shingle is missed."""
    assert shingle_counts("", "a b c d e") == ShingleCounts(0.0, 0.0, 1.0)


def test_shingle_counts_both_empty_are_zero() -> None:
    """No shingles on either side leaves all three at 0.0."""
    assert shingle_counts("", "") == ShingleCounts(0.0, 0.0, 0.0)


def test_shingle_prf_averages_over_qualifying_pages() -> None:
    """P averages pages with output (0.5, 0.2), R pages with gold (0.5, 0.0, 1.0); F1 of means."""
    pages = [
        ShingleCounts(1 / 3, 1 / 3, 1 / 3),  # P 0.5, R 0.5
        ShingleCounts(0.0, 0.0, 1.0),  # no output: no precision, R 0.0
        ShingleCounts(0.2, 0.8, 0.0),  # P 0.2, R 1.0
        ShingleCounts(0.0, 0.0, 0.0),  # both empty: in neither mean
    ]
    score = shingle_prf(pages)
    assert score.precision == pytest.approx(0.35)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(2 * 0.35 * 0.5 / 0.85)


def test_shingle_prf_perfect_page_is_one() -> None:
    """A page with no false positives and no false negatives scores 1.0."""
    assert shingle_prf([ShingleCounts(1.0, 0.0, 0.0)]) == PRF(1.0, 1.0, 1.0)


def test_shingle_prf_without_any_output_is_zero() -> None:
    """When no page qualifies for the precision mean, precision and F1 are 0.0."""
    assert shingle_prf([ShingleCounts(0.0, 0.0, 1.0)]) == PRF(0.0, 0.0, 0.0)


# --- trafilatura snippets ---------------------------------------------------------------------


def test_fold_whitespace_replaces_runs_with_one_space() -> None:
    """Tabs, newlines and no-break spaces fold into single spaces; nothing is stripped."""
    assert fold_whitespace(" a\t\n b\u00a0\u00a0c ") == " a b c "


def test_snippet_counts_fold_whitespace_and_keep_case() -> None:
    """Folded spaces match across a line break; a capitalised without-snippet is not found."""
    counts = snippet_counts(
        "The  quick\nbrown fox jumps",
        ["quick brown", "lazy dog"],
        ["fox  jumps", "Quick"],
    )
    assert counts == SnippetCounts(tp=1, fn=1, fp=1, tn=1)


def test_snippet_counts_of_no_output() -> None:
    """No output misses every with-snippet and avoids every without-snippet."""
    assert snippet_counts(None, ["a", "b"], ["c", "d", "e"]) == SnippetCounts(0, 2, 0, 3)


def test_snippet_scores_pool_counts_over_pages() -> None:
    """Pooled tp 3, fn 1, fp 1, tn 4: precision and recall 3/4, F1 6/8, accuracy 7/9."""
    scores = snippet_scores([SnippetCounts(1, 1, 1, 1), SnippetCounts(2, 0, 0, 3)])
    assert scores.precision == 0.75
    assert scores.recall == 0.75
    assert scores.f1 == 0.75
    assert scores.accuracy == pytest.approx(7 / 9)


def test_snippet_scores_with_zero_denominators() -> None:
    """No snippets at all, or no positives, give 0.0 instead of a division error."""
    empty = snippet_scores([])
    assert (empty.precision, empty.recall, empty.f1, empty.accuracy) == (0.0, 0.0, 0.0, 0.0)
    only_negatives = snippet_scores([SnippetCounts(tn=2)])
    assert (only_negatives.precision, only_negatives.accuracy) == (0.0, 1.0)


def test_snippet_f1_differs_from_the_mean_of_page_f1s() -> None:
    """Pooling weighs each snippet, not each page: 2 of 4 snippets found gives F1 2/3."""
    scores = snippet_scores([SnippetCounts(tp=2), SnippetCounts(fn=2)])
    assert scores.f1 == pytest.approx(2 / 3)


# --- timing -----------------------------------------------------------------------------------


def test_percentile_is_nearest_rank() -> None:
    """p95 of 1..20 is the 19th value; of one value, that value; of none, 0.0."""
    assert percentile([float(v) for v in range(20, 0, -1)], 95) == 19.0
    assert percentile([5.0], 95) == 5.0
    assert percentile([], 95) == 0.0


def test_percentile_rejects_out_of_range() -> None:
    """A percentile outside (0, 100] is a ValueError."""
    with pytest.raises(ValueError, match="percentile"):
        percentile([1.0], 0)


def test_median_of_even_count_is_midpoint() -> None:
    """The median of 1, 2, 3, 4 is 2.5; of nothing, 0.0."""
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([]) == 0.0
