"""pytest-benchmark setup for declutter: which pages to run on, and ratios to lxml's parse.

Pages: the project's ``corpus/`` by default; ``--bench-pages DIR`` (or ``DECLUTTER_BENCH_PAGES``)
names a dataset folder instead, e.g. ``../shared/datasets/wcxb-dev``, of which the first
``--bench-limit`` pages (``DECLUTTER_BENCH_LIMIT``, default 100) are taken. A folder that is not
there skips the benchmarks with a message rather than failing them.

After the run, a table gives every benchmark's median time per page and its ratio to
``lxml.html.document_fromstring`` of the same pages in the same run.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any, Protocol

import pytest
from bench_support import (
    CORPUS,
    DEFAULT_DATASET_LIMIT,
    LIMIT_ENV,
    PAGES_ENV,
    BenchPage,
    read_bench_pages,
)

REFERENCE = "lxml-parse"
"""The name every other benchmark is compared with."""

_MEDIANS: dict[str, float] = {}
"""Seconds per round (one pass over every page) of each benchmark of this session."""
_PAGE_COUNT: list[int] = []


class Recorder(Protocol):
    """Keeps a finished benchmark's median for the ratio table."""

    def __call__(self, name: str, benchmark: Any) -> None: ...


def pytest_addoption(parser: pytest.Parser) -> None:
    """The page-set options."""
    group = parser.getgroup("declutter benchmarks")
    group.addoption(
        "--bench-pages",
        default=os.environ.get(PAGES_ENV) or None,
        metavar="DIR",
        help=f"dataset folder to benchmark on instead of corpus/ (env {PAGES_ENV})",
    )
    group.addoption(
        "--bench-limit",
        type=int,
        default=int(os.environ[LIMIT_ENV]) if os.environ.get(LIMIT_ENV) else None,
        metavar="N",
        help=f"take the first N pages (env {LIMIT_ENV}; default {DEFAULT_DATASET_LIMIT} "
        "for a dataset folder, all of corpus/)",
    )


@pytest.fixture(scope="session")
def bench_pages(request: pytest.FixtureRequest) -> list[BenchPage]:
    """The fixed page set of this run."""
    given = request.config.getoption("--bench-pages")
    limit = request.config.getoption("--bench-limit")
    if given:
        root = Path(given)
        if not root.is_dir():
            pytest.skip(f"benchmark pages: {root} is not there ({PAGES_ENV} / --bench-pages)")
        limit = limit or DEFAULT_DATASET_LIMIT
    else:
        root = CORPUS
    with warnings.catch_warnings():  # corpus folders still being written are skipped quietly
        warnings.simplefilter("ignore")
        pages = read_bench_pages(root, limit)
    if not pages:
        pytest.skip(f"benchmark pages: no pages in {root}")
    _PAGE_COUNT[:] = [len(pages)]
    return pages


@pytest.fixture
def record() -> Recorder:
    """Keep a benchmark's median (when it was timed) for the ratio table."""

    def keep(name: str, benchmark: Any) -> None:
        stats = getattr(getattr(benchmark, "stats", None), "stats", None)
        if stats is not None:
            _MEDIANS[name] = stats.median

    return keep


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Median ms per page of every benchmark, and its ratio to lxml's parse of the same pages."""
    if not _MEDIANS or not _PAGE_COUNT:
        return
    pages = _PAGE_COUNT[0]
    reference = _MEDIANS.get(REFERENCE)
    write = terminalreporter.write_line
    terminalreporter.section(f"declutter: median per page over {pages} pages, beside lxml parse")
    write(f"{'benchmark':<24} {'ms/page':>9} {'x lxml parse':>13}")
    for name, seconds in sorted(_MEDIANS.items(), key=lambda item: item[1]):
        ratio = f"{seconds / reference:>13.2f}" if reference else f"{'n/a':>13}"
        write(f"{name:<24} {seconds * 1000 / pages:>9.3f} {ratio}")
