"""Benchmarks of extract() end to end and of each stage alone, beside lxml's own parse.

Run with ``pytest benchmarks/`` (the default test run does not collect them). Every benchmark
makes one pass over the same fixed pages per round, so their medians compare directly; the
summary after the run gives each per page and as a multiple of ``lxml.html.document_fromstring``
measured in the same run, so a regression points at its stage.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

import pytest
from bench_support import STAGES, BenchPage, stage_calls, stage_inputs
from conftest import REFERENCE, Recorder
from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html

from declutter import extract

GROUP = "declutter pipeline (one round = every page once)"


def _each(call: Callable[[Any], Any], inputs: list[Any]) -> None:
    for item in inputs:
        call(item)


def _as_bytes(page: BenchPage) -> bytes:
    return page.content if isinstance(page.content, bytes) else page.content.encode("utf-8")


def _lxml_parse(data: bytes) -> object:
    try:
        return lxml_html.document_fromstring(data)
    except etree.ParserError:  # an empty page: lxml refuses it, declutter returns ""
        return None


@pytest.fixture(scope="session")
def all_stage_inputs(bench_pages: list[BenchPage]) -> list[dict[str, Any]]:
    """What each stage receives for each page, computed once for the session.

    These inputs hold every page's tree and blocks alive at once, far more objects than one
    extraction has; they are moved out of the garbage collector's sight (``gc.freeze``) so that
    its passes over them are not charged to the stage being timed.
    """
    inputs = [stage_inputs(page) for page in bench_pages]
    gc.collect()
    gc.freeze()
    return inputs


def test_lxml_parse(benchmark: Any, bench_pages: list[BenchPage], record: Recorder) -> None:
    """The reference: lxml.html.document_fromstring of every page, the floor for an lxml tool."""
    benchmark.group = GROUP
    benchmark.extra_info["pages"] = len(bench_pages)
    benchmark(_each, _lxml_parse, [_as_bytes(p) for p in bench_pages])
    record(REFERENCE, benchmark)


def test_extract(benchmark: Any, bench_pages: list[BenchPage], record: Recorder) -> None:
    """declutter.extract() end to end on every page."""
    benchmark.group = GROUP
    benchmark.extra_info["pages"] = len(bench_pages)
    benchmark(_each, lambda p: extract(p.content, url=p.url), bench_pages)
    record("extract", benchmark)


@pytest.mark.parametrize("stage", STAGES)
def test_stage(
    stage: str,
    benchmark: Any,
    all_stage_inputs: list[dict[str, Any]],
    record: Recorder,
) -> None:
    """One pipeline stage alone on every page, its input prepared beforehand."""
    call = stage_calls()[stage]
    benchmark.group = GROUP
    benchmark.extra_info["pages"] = len(all_stage_inputs)
    benchmark(_each, call, [inputs[stage] for inputs in all_stage_inputs])
    record(f"stage: {stage}", benchmark)


def test_trafilatura(benchmark: Any, bench_pages: list[BenchPage], record: Recorder) -> None:
    """trafilatura.extract() on every page, the peer users would otherwise pick."""
    trafilatura = pytest.importorskip("trafilatura")
    benchmark.group = GROUP
    benchmark.extra_info["pages"] = len(bench_pages)
    benchmark(_each, lambda p: trafilatura.extract(p.content, url=p.url), bench_pages)
    record("trafilatura.extract", benchmark)
