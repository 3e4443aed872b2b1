"""Scores of an extracted text against gold, each exactly as its benchmark defines it.

Three benchmarks, three metrics; none of them is ours, so each function below follows the
benchmark's own evaluation script and its docstring states the definition, edge cases included:

- WCXB (Web Content Extraction Benchmark): word-level precision, recall and F1 per page, averaged
  over pages; plus the share of ``with`` and ``without`` snippets found in the output.
- ScrapingHub article-extraction benchmark: 4-token shingles with counts; per-page tp/fp/fn
  normalised by their sum; precision and recall averaged over pages; F1 from those two means.
- trafilatura's evaluation: ``with`` snippets found are true positives, missed ones false
  negatives; ``without`` snippets found are false positives, missed ones true negatives; counts
  pooled over every snippet of every page, then precision, recall, F1 and accuracy.

Tokens use the standard library ``re`` on purpose: both reference scripts do, and ``\\w`` in
``re`` differs from ``\\w`` in the ``regex`` module (which also matches combining marks), so only
``re`` reproduces their token streams character for character.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "PRF",
    "ShingleCounts",
    "SnippetCounts",
    "SnippetScores",
    "fold_whitespace",
    "mean_prf",
    "median",
    "percentile",
    "shingle_counts",
    "shingle_prf",
    "shingles",
    "snippet_counts",
    "snippet_scores",
    "snippet_share",
    "wcxb_tokens",
    "word_prf",
]

# A word: a maximal run of Unicode word characters (letters, digits, underscore), as both the
# WCXB and the ScrapingHub scripts define it with ``re.findall(r"\w+", ...)``.
_WORD = re.compile(r"\w+")

# A run of whitespace (Unicode-aware, so it includes no-break spaces), for the snippet metric.
_WHITESPACE_RUN = re.compile(r"\s+")

# ScrapingHub compares runs of this many consecutive tokens ("shingles").
SHINGLE_SIZE = 4


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1, each in [0, 1]."""

    precision: float
    recall: float
    f1: float


# --------------------------------------------------------------------------------------------
# WCXB: word-level F1 and snippet shares
# --------------------------------------------------------------------------------------------


def wcxb_tokens(text: str) -> list[str]:
    """The WCXB token stream: the text lowercased first, then every ``\\w+`` run, in order."""
    return _WORD.findall(text.lower())


def word_prf(predicted: str, gold: str) -> PRF:
    """WCXB word-level precision, recall and F1 of one page.

    Both texts become WCXB tokens (:func:`wcxb_tokens`) and are compared as multisets: the
    overlap is the sum over tokens of the smaller of the two counts. Precision is the overlap
    over the number of predicted tokens, recall the overlap over the number of gold tokens, F1
    their harmonic mean (0.0 when both are 0).

    Edge cases, as the WCXB script defines them: gold and prediction both without tokens score
    1.0 on all three; exactly one of them without tokens scores 0.0 on all three.
    """
    pred_tokens = wcxb_tokens(predicted)
    gold_tokens = wcxb_tokens(gold)
    if not gold_tokens:
        return PRF(1.0, 1.0, 1.0) if not pred_tokens else PRF(0.0, 0.0, 0.0)
    if not pred_tokens:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    precision = overlap / len(pred_tokens)
    recall = overlap / len(gold_tokens)
    return PRF(precision, recall, _harmonic_mean(precision, recall))


def mean_prf(scores: Sequence[PRF]) -> PRF:
    """WCXB aggregation: precision, recall and F1 each averaged over pages (F1 is not recomputed
    from the mean precision and recall). No pages gives 0.0 on all three."""
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    return PRF(
        statistics.fmean(s.precision for s in scores),
        statistics.fmean(s.recall for s in scores),
        statistics.fmean(s.f1 for s in scores),
    )


def snippet_share(text: str, snippets: Sequence[str]) -> float:
    """WCXB snippet share: the fraction of snippets found in the text as case-insensitive
    substrings (both sides lowercased, nothing else normalised).

    A page with no snippets scores 1.0, as the WCXB script defines it; note that this holds for
    ``without`` snippets too, where 1.0 is the worst value. Averaged over pages.
    """
    if not snippets:
        return 1.0
    lowered = text.lower()
    return sum(1 for s in snippets if s.lower() in lowered) / len(snippets)


# --------------------------------------------------------------------------------------------
# ScrapingHub: 4-token shingles
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShingleCounts:
    """Shingle true positives, false positives and false negatives of one page, each divided by
    their sum (so they add up to 1), or all 0.0 when both texts have no shingles."""

    tp: float
    fp: float
    fn: float


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The ScrapingHub shingles of a text, with their counts.

    Tokens are ``\\w+`` runs with their case kept (the benchmark's pattern carries IGNORECASE,
    which does not change what it returns). A shingle is a window of ``size`` consecutive tokens;
    a text with fewer tokens than ``size`` has exactly one shingle, all of its tokens; a text
    with no tokens has none.
    """
    tokens = _WORD.findall(text)
    windows = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(windows) if tokens[i : i + size])


def shingle_counts(predicted: str, gold: str, size: int = SHINGLE_SIZE) -> ShingleCounts:
    """ScrapingHub per-page matching: for each shingle, tp += min(gold, predicted count),
    fp += predicted surplus, fn += gold surplus; then tp, fp and fn are divided by their sum so
    that long pages weigh no more than short ones (left at 0.0 when the sum is 0)."""
    pred = shingles(predicted, size)
    true = shingles(gold, size)
    tp = fp = fn = 0
    for key in pred.keys() | true.keys():
        p, t = pred[key], true[key]
        tp += min(p, t)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total == 0:
        return ShingleCounts(0.0, 0.0, 0.0)
    return ShingleCounts(tp / total, fp / total, fn / total)


def shingle_prf(pages: Sequence[ShingleCounts]) -> PRF:
    """ScrapingHub aggregation over pages.

    Precision is the mean, over pages whose tp + fp > 0 (the output had shingles), of the page
    precision; recall the mean, over pages whose tp + fn > 0 (the gold had shingles), of the page
    recall. A page precision is 1.0 when fp = fn = 0, 0.0 when tp = fp = 0, otherwise
    tp / (tp + fp); page recall likewise with fn. F1 is the harmonic mean of the two means.

    Where the benchmark script would fail (no page qualifies for a mean, or both means are 0)
    the value is 0.0.
    """
    precisions = [_sh_precision(c) for c in pages if c.tp + c.fp > 0]
    recalls = [_sh_recall(c) for c in pages if c.tp + c.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    return PRF(precision, recall, _harmonic_mean(precision, recall))


def _sh_precision(c: ShingleCounts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    if c.tp == 0 and c.fp == 0:
        return 0.0
    return c.tp / (c.tp + c.fp)


def _sh_recall(c: ShingleCounts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    if c.tp == 0 and c.fn == 0:
        return 0.0
    return c.tp / (c.tp + c.fn)


# --------------------------------------------------------------------------------------------
# trafilatura: must-have / must-not-have snippets, pooled
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    """Snippet outcomes: true/false positives and negatives, summed with ``+``."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )


@dataclass(frozen=True, slots=True)
class SnippetScores:
    """Pooled snippet precision, recall, F1 and accuracy."""

    precision: float
    recall: float
    f1: float
    accuracy: float


def fold_whitespace(text: str) -> str:
    """Every run of whitespace (Unicode-aware) replaced by one space; nothing stripped."""
    return _WHITESPACE_RUN.sub(" ", text)


def snippet_counts(
    output: str | None, with_snippets: Sequence[str], without_snippets: Sequence[str]
) -> SnippetCounts:
    """trafilatura's per-page snippet outcomes.

    After folding whitespace in the output and in each snippet (:func:`fold_whitespace`), a
    ``with`` snippet found as a case-sensitive substring is a true positive, one not found a
    false negative; a ``without`` snippet found is a false positive, one not found a true
    negative. No output (``None``) counts every ``with`` as a false negative and every
    ``without`` as a true negative.
    """
    if output is None:
        return SnippetCounts(fn=len(with_snippets), tn=len(without_snippets))
    folded = fold_whitespace(output)
    tp = sum(1 for s in with_snippets if fold_whitespace(s) in folded)
    fp = sum(1 for s in without_snippets if fold_whitespace(s) in folded)
    return SnippetCounts(tp, len(with_snippets) - tp, fp, len(without_snippets) - fp)


def snippet_scores(counts: Iterable[SnippetCounts]) -> SnippetScores:
    """trafilatura's scores from counts pooled over all snippets of all pages:
    precision tp / (tp + fp), recall tp / (tp + fn), F1 2tp / (2tp + fp + fn) (the harmonic mean
    of the two), accuracy (tp + tn) / all. A zero denominator gives 0.0."""
    total = sum(counts, SnippetCounts())
    tp, fn, fp, tn = total.tp, total.fn, total.fp, total.tn
    return SnippetScores(
        precision=_ratio(tp, tp + fp),
        recall=_ratio(tp, tp + fn),
        f1=_ratio(2 * tp, 2 * tp + fp + fn),
        accuracy=_ratio(tp + tn, tp + tn + fp + fn),
    )


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    """The median (mean of the two middle values for an even count); 0.0 for no values."""
    return statistics.median(values) if values else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``q`` percent of the values
    at or below it; 0.0 for no values."""
    if not 0 < q <= 100:
        raise ValueError(f"percentile must be in (0, 100], got {q}")
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = math.ceil(q / 100 * len(ordered))
    return ordered[rank - 1]


def _harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0
