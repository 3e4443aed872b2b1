"""Evaluation of declutter and its peers: dataset readers, benchmark metrics, the runner
behind ``declutter evaluate``, and the corpus quality gate.

The metric functions are importable on their own (``declutter.evaluate.metrics``) for other
projects; each follows its benchmark's published scoring script.
"""

from .cli import main
from .datasets import (
    FORMATS,
    DatasetError,
    DatasetWarning,
    Page,
    PageRef,
    as_text_page,
    detect_format,
    iter_pages,
    read_dataset,
    select_split,
    split_of,
)
from .metrics import (
    PRF,
    ShingleCounts,
    SnippetCounts,
    SnippetScores,
    mean_prf,
    shingle_counts,
    shingle_prf,
    snippet_counts,
    snippet_scores,
    snippet_share,
    word_prf,
)
from .peers import c4_lines, resolve_extractors
from .render_text import render_text
from .report import format_table
from .runner import Outcome, PageResult, Report, evaluate, run_jobs, score_page, summarize

__all__ = [
    "FORMATS",
    "PRF",
    "DatasetError",
    "DatasetWarning",
    "Outcome",
    "Page",
    "PageRef",
    "PageResult",
    "Report",
    "ShingleCounts",
    "SnippetCounts",
    "SnippetScores",
    "as_text_page",
    "c4_lines",
    "detect_format",
    "evaluate",
    "format_table",
    "iter_pages",
    "main",
    "mean_prf",
    "read_dataset",
    "render_text",
    "resolve_extractors",
    "run_jobs",
    "score_page",
    "select_split",
    "shingle_counts",
    "shingle_prf",
    "snippet_counts",
    "snippet_scores",
    "snippet_share",
    "split_of",
    "summarize",
    "word_prf",
]
