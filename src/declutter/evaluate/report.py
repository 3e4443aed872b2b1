"""The readable table of an evaluation report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from .runner import Report, summarize

__all__ = ["TABLE_COLUMNS", "format_table"]

# The metrics each dataset format's table shows, its benchmark's own first; ``--json`` has all.
TABLE_COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "wcxb": ("word_f1", "word_precision", "word_recall", "with_share", "without_share"),
        "corpus": ("word_f1", "word_precision", "word_recall", "shingle_f1"),
        "readability": ("word_f1", "word_precision", "word_recall", "shingle_f1"),
        "scrapinghub": ("shingle_f1", "shingle_precision", "shingle_recall", "word_f1"),
        "trafilatura": ("snippet_f1", "snippet_precision", "snippet_recall", "snippet_accuracy"),
    }
)
_FALLBACK_COLUMNS = (
    "word_f1",
    "shingle_f1",
    "snippet_f1",
    "with_share",
    "without_share",
)
_HEADERS = {
    "word_f1": "word F1",
    "word_precision": "word P",
    "word_recall": "word R",
    "with_share": "with",
    "without_share": "without",
    "shingle_f1": "shingle F1",
    "shingle_precision": "shingle P",
    "shingle_recall": "shingle R",
    "snippet_f1": "snippet F1",
    "snippet_precision": "snippet P",
    "snippet_recall": "snippet R",
    "snippet_accuracy": "accuracy",
}


def format_table(report: Report) -> str:
    """A fixed-width table: one row per extractor and, when grouped, one per group below it;
    then the extractors skipped and the pages that could not be read."""
    columns = TABLE_COLUMNS.get(report.format, _FALLBACK_COLUMNS)
    header = ["extractor", "group", "pages", "errors", *(_HEADERS[c] for c in columns)]
    header += ["ms median", "ms p95"]
    rows: list[list[str]] = []
    for name in report.extractors:
        rows.append(_row(name, "all", summarize(report.results_of(name)), columns))
        if report.by is not None:
            for group, results in report.groups(name, report.by).items():
                rows.append(_row("", group, summarize(results), columns))
    pages = len({r.page_id for r in report.results})
    title = f"{report.dataset or 'dataset'} ({report.format}, split {report.split}, {pages} pages"
    title += ", rendered to text)" if report.as_text else ")"
    lines = [title, *_align([header, *rows])]
    for name, reason in report.skipped.items():
        lines.append(f"skipped {name}: {reason}")
    for page_id, error in report.load_errors:
        lines.append(f"unreadable page {page_id}: {error}")
    timeouts = {n: summarize(report.results_of(n))["timeouts"] for n in report.extractors}
    for name, count in timeouts.items():
        if count:
            lines.append(f"{name}: {count} page(s) hit the time limit")
    return "\n".join(lines)


def _row(name: str, group: str, summary: Mapping[str, Any], columns: Sequence[str]) -> list[str]:
    cells = [name, group, str(summary["pages"]), str(summary["errors"])]
    for column in columns:
        value = summary.get(column)
        cells.append("-" if value is None else f"{value:.3f}")
    cells += [f"{summary['ms_median']:.1f}", f"{summary['ms_p95']:.1f}"]
    return cells


def _align(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = [
            cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        ]
        out.append("  ".join(cells).rstrip())
    return out
