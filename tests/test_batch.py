"""Tests for declutter.batch: many pages, in order, in this process or in worker processes."""

from __future__ import annotations

import itertools
import multiprocessing
import sys
from collections.abc import Iterator

import pytest

from declutter import Options, extract, extract_result
from declutter.batch import extract_many, extract_many_results
from declutter.errors import InputTooLargeError

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="patches the pipeline, which only fork inherits"
)


def _page(n: int) -> str:
    """A small news-like page whose content differs with n."""
    return (
        f"<html><head><title>Story {n} | Daily</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Story number {n}</h1>"
        f"<p>The council met on day {n} and agreed, after a long debate, to repair the old "
        "bridge over the river before the winter storms arrive in the valley.</p>"
        f"<p>Residents said the decision, number {n} this year, was overdue and welcome.</p>"
        "</article><footer><p>© Daily. All rights reserved.</p></footer></body></html>"
    )


PAGES: list[str | bytes] = [_page(n) for n in range(12)]
PAGES += [_page(12).encode("utf-8"), "A plain text page.\nWith a second line of prose in it.", ""]

TOO_BIG = b"<html><body><p>" + b"word " * 400 + b"</p></body></html>"


def _untouchable() -> Iterator[str]:
    """An input that fails the test if anything reads it."""
    raise AssertionError("the input was read")
    yield ""  # pragma: no cover


def test_sequential_equals_extract() -> None:
    """With one job every output equals extract() of the same page, in input order."""
    assert list(extract_many(PAGES)) == [extract(p) for p in PAGES]


@pytest.mark.parametrize("chunksize", [1, 3, 100])
def test_pool_equals_sequential(chunksize: int) -> None:
    """Two worker processes give the same outputs in the same order, whatever the chunk size."""
    assert list(extract_many(PAGES, jobs=2, chunksize=chunksize)) == list(extract_many(PAGES))


def test_jobs_zero_uses_every_cpu() -> None:
    """jobs=0 (one worker per CPU) gives the same outputs as one job."""
    assert list(extract_many(PAGES, jobs=0)) == list(extract_many(PAGES))


def test_empty_input() -> None:
    """No pages give no outputs, with or without workers."""
    assert list(extract_many([])) == []
    assert list(extract_many([], jobs=2)) == []


@pytest.mark.parametrize("jobs", [1, 2])
def test_streams_from_an_endless_input(jobs: int) -> None:
    """The input is read lazily, so the first outputs of an endless input arrive."""
    endless = (_page(n) for n in itertools.count())
    outputs = extract_many(endless, jobs=jobs, chunksize=2)
    first = list(itertools.islice(outputs, 5))
    outputs.close()
    assert first == [extract(_page(n)) for n in range(5)]


def test_bytes_like_pages() -> None:
    """bytearray and memoryview pages are taken like bytes, in workers too."""
    data = _page(1).encode("utf-8")
    expected = [extract(data)] * 2
    pages: list[object] = [bytearray(data), memoryview(data)]
    assert list(extract_many(pages, jobs=2)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_options_and_keyword_changes_apply(jobs: int) -> None:
    """An Options object and keyword changes reach every page, the keywords winning."""
    options = Options(output_format="json", include_title=False)
    got = list(extract_many(PAGES[:4], jobs=jobs, options=options, output_format="markdown"))
    assert got == [extract(p, options=options, output_format="markdown") for p in PAGES[:4]]


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_match_extract_result(jobs: int) -> None:
    """extract_many_results yields each page's full result, equal to extract_result()."""
    results = list(extract_many_results(PAGES, jobs=jobs, chunksize=4))
    expected = [extract_result(p) for p in PAGES]
    assert [r.text for r in results] == [r.text for r in expected]
    assert [r.blocks for r in results] == [r.blocks for r in expected]
    assert [r.title for r in results] == [r.title for r in expected]


@pytest.mark.parametrize("jobs", [1, 2])
def test_raise_comes_at_the_page_turn(jobs: int) -> None:
    """By default a refused page raises its own error after every earlier page was yielded."""
    pages: list[str | bytes] = [_page(0), _page(1), TOO_BIG, _page(3)]
    outputs = extract_many(pages, jobs=jobs, chunksize=4, max_input_bytes=1000)
    assert next(outputs) == extract(_page(0))
    assert next(outputs) == extract(_page(1))
    with pytest.raises(InputTooLargeError) as caught:
        next(outputs)
    assert (caught.value.size, caught.value.limit) == (len(TOO_BIG), 1000)


@pytest.mark.parametrize("jobs", [1, 2])
def test_empty_policy_yields_empty_text(jobs: int) -> None:
    """With errors="empty" a refused page gives "" and the pages after it still come."""
    pages: list[object] = [_page(0), TOO_BIG, 42, _page(3)]
    got = list(extract_many(pages, jobs=jobs, errors="empty", max_input_bytes=1000))  # type: ignore[arg-type]
    assert got == [extract(_page(0)), "", "", extract(_page(3))]


@pytest.mark.parametrize("jobs", [1, 2])
def test_empty_policy_results_say_why(jobs: int) -> None:
    """With errors="empty" a refused page's result has no blocks and a reason naming the error."""
    pages: list[object] = [TOO_BIG, None]
    results = list(extract_many_results(pages, jobs=jobs, errors="empty", max_input_bytes=1000))  # type: ignore[arg-type]
    assert [r.blocks for r in results] == [[], []]
    assert results[0].reason.startswith("not extracted: InputTooLargeError:")
    assert results[1].reason.startswith("not extracted: TypeError: page 1:")


@pytest.mark.parametrize("jobs", [1, 2])
def test_wrong_page_type_raises_type_error(jobs: int) -> None:
    """A page that is neither str nor bytes raises TypeError naming its position and type."""
    with pytest.raises(TypeError, match=r"page 1: .*not int"):
        list(extract_many([_page(0), 7], jobs=jobs))  # type: ignore[list-item]


@linux_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_defects_raise_under_every_policy(jobs: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error that is not declutter refusing a page is raised even with errors="empty"."""

    def broken(page: str | bytes, **kwargs: object) -> str:
        if "BOOM" in str(page):
            raise ZeroDivisionError("a defect")
        return "ok"

    monkeypatch.setattr("declutter.batch.extract", broken)
    outputs = extract_many(["fine", "BOOM", "fine"], jobs=jobs, errors="empty")
    assert next(outputs) == "ok"
    with pytest.raises(ZeroDivisionError, match="a defect"):
        next(outputs)


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"jobs": -1}, ValueError),
        ({"jobs": 1.5}, TypeError),
        ({"chunksize": 0}, ValueError),
        ({"errors": "skip"}, ValueError),
        ({"options": {"favor": "recall"}}, TypeError),
        ({"favor": "sometimes"}, ValueError),
        ({"no_such_option": True}, TypeError),
    ],
)
def test_bad_arguments_raise_at_the_call(arguments: dict[str, object], error: type) -> None:
    """An invalid argument raises when extract_many is called, before any page is read."""
    with pytest.raises(error):
        extract_many(_untouchable(), **arguments)  # type: ignore[arg-type]


def test_closing_early_stops_the_workers() -> None:
    """Closing the generator before the end leaves no worker process running."""
    outputs = extract_many(PAGES * 10, jobs=2, chunksize=2)
    next(outputs)
    outputs.close()
    assert multiprocessing.active_children() == []
