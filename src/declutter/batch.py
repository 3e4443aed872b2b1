"""Many pages in one call: results stream back in input order, from worker processes if asked.

:func:`extract_many` yields the text of each page, :func:`extract_many_results` the whole
:class:`~declutter.api.Result`. Both read their input lazily and keep only a bounded number of
pages in flight, so an input of millions of pages needs no more memory than a few dozen.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from .api import Result, extract, extract_result
from .errors import DeclutterError
from .metadata import Metadata
from .options import Options

if TYPE_CHECKING:  # the pool's modules are imported only when a pool is used (import time)
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

__all__ = ["DEFAULT_CHUNKSIZE", "ErrorPolicy", "extract_many", "extract_many_results"]

ErrorPolicy = Literal["raise", "empty"]
_POLICIES: tuple[str, ...] = ("raise", "empty")

DEFAULT_CHUNKSIZE = 8
"""Pages sent to a worker in one message. A page takes milliseconds to extract and a fraction
of a millisecond to send, so 8 pages make the messaging cost negligible while keeping the work
split finely enough between workers."""

CHUNKS_IN_FLIGHT_PER_JOB = 4
"""Chunks submitted ahead per worker process. Results are yielded in input order, so a slow
page holds up the ones behind it; this many chunks per worker keep every worker busy meanwhile,
and bound the pages held in memory to ``jobs * CHUNKS_IN_FLIGHT_PER_JOB * chunksize``."""

T = TypeVar("T", str, Result)
_Page = str | bytes


class _RemoteTraceback(Exception):
    """The traceback of an error raised in a worker process, shown as the error's cause."""

    def __init__(self, trace: str) -> None:
        super().__init__(trace)
        self.trace = trace

    def __str__(self) -> str:
        return f'\n"""\n{self.trace}"""'


class _Failure:
    """An error raised while extracting one page, carried to the page's turn in the output.

    declutter's own errors take several constructor arguments and so do not survive the default
    pickling of exceptions; this record rebuilds any exception from its class, ``args`` and
    attributes without calling its constructor.
    """

    __slots__ = ("error", "forgivable", "trace")

    def __init__(self, error: BaseException, forgivable: bool, trace: str = "") -> None:
        self.error = error
        self.forgivable = forgivable
        """Whether ``errors="empty"`` turns it into an empty output (a page declutter refuses),
        rather than re-raising it (a defect)."""
        self.trace = trace

    def __reduce__(self) -> tuple[Any, ...]:
        error = self.error
        state = dict(getattr(error, "__dict__", {}))
        return (_rebuild_failure, (type(error), error.args, state, self.forgivable, self.trace))


def _rebuild_failure(
    cls: type[BaseException],
    args: tuple[Any, ...],
    state: dict[str, Any],
    forgivable: bool,
    trace: str,
) -> _Failure:
    error = cls.__new__(cls)
    error.args = args
    if state:
        error.__dict__.update(state)
    return _Failure(error, forgivable, trace)


def _extract_text(page: _Page, options: Options) -> str:
    return extract(page, options=options)


def _extract_result(page: _Page, options: Options) -> Result:
    return extract_result(page, options=options)


def _empty_text(error: BaseException) -> str:
    return ""


def _empty_result(error: BaseException) -> Result:
    return Result(
        blocks=[],
        metadata=Metadata(),
        title="",
        reason=f"not extracted: {type(error).__name__}: {error}",
        input_format="",
        encoding="",
        method="",
    )


def _attempt(
    run: Callable[[_Page, Options], T], page: _Page | _Failure, options: Options
) -> T | _Failure:
    """One page's outcome here: its output, or the declutter error refusing it."""
    if isinstance(page, _Failure):
        return page
    try:
        return run(page, options)
    except DeclutterError as error:
        return _Failure(error, forgivable=True)


def _attempt_remote(
    run: Callable[[_Page, Options], T], page: _Page | _Failure, options: Options
) -> T | _Failure:
    """One page's outcome in a worker: its output, or any error it raised, with the trace."""
    if isinstance(page, _Failure):
        return page
    try:
        return run(page, options)
    # Any error, because the pool would otherwise lose the chunk's earlier outputs with it; it
    # is not swallowed: the parent re-raises it at the page's turn (or forgives a DeclutterError).
    except Exception as error:  # noqa: BLE001
        trace = "".join(traceback.format_exception(error))
        return _Failure(error, isinstance(error, DeclutterError), trace)


def _work(
    run: Callable[[_Page, Options], T], chunk: list[_Page | _Failure], options: Options
) -> list[T | _Failure]:
    """A worker process's job: the outcomes of one chunk of pages, in order."""
    return [_attempt_remote(run, page, options) for page in chunk]


def _prepared(index: int, item: object) -> _Page | _Failure:
    """A page ready to extract (or to send to a worker), or the error refusing it."""
    if isinstance(item, (str, bytes)):
        return item
    if isinstance(item, (bytearray, memoryview)):
        return bytes(item)
    error = TypeError(
        f"page {index}: declutter takes pages as str or bytes (HTML or plain text), "
        f"not {type(item).__name__}"
    )
    return _Failure(error, forgivable=True)


def _settle(
    outcome: T | _Failure, errors: ErrorPolicy, on_error: Callable[[BaseException], T]
) -> T:
    if not isinstance(outcome, _Failure):
        return outcome
    if errors == "empty" and outcome.forgivable:
        return on_error(outcome.error)
    if outcome.trace:
        outcome.error.__cause__ = _RemoteTraceback(outcome.trace)
    raise outcome.error


def _context() -> BaseContext:
    """Fork on Linux (workers start at once and inherit what is imported); spawn elsewhere."""
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _check(options: Options | None, jobs: int, chunksize: int, errors: str) -> None:
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int, not {type(jobs).__name__}")
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, got {jobs}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int):
        raise TypeError(f"chunksize must be an int, not {type(chunksize).__name__}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be 1 or more, got {chunksize}")
    if errors not in _POLICIES:
        raise ValueError(f"errors must be one of {', '.join(map(repr, _POLICIES))}; got {errors!r}")


def _sequential(
    pages: Iterable[object],
    run: Callable[[_Page, Options], T],
    options: Options,
) -> Generator[T | _Failure, None, None]:
    for index, item in enumerate(pages):
        yield _attempt(run, _prepared(index, item), options)


def _chunks(pages: Iterable[object], size: int) -> Iterator[list[_Page | _Failure]]:
    chunk: list[_Page | _Failure] = []
    for index, item in enumerate(pages):
        chunk.append(_prepared(index, item))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _pooled(
    pages: Iterable[object],
    run: Callable[[_Page, Options], T],
    options: Options,
    jobs: int,
    chunksize: int,
) -> Generator[T | _Failure, None, None]:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    pending: deque[Future[list[T | _Failure]]] = deque()
    window = jobs * CHUNKS_IN_FLIGHT_PER_JOB
    try:
        for chunk in _chunks(pages, chunksize):
            pending.append(pool.submit(_work, run, chunk, options))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        # Reached on exhaustion, on an error, and when the caller stops early (close()).
        pool.shutdown(wait=True, cancel_futures=True)


def _many(
    pages: Iterable[object],
    run: Callable[[_Page, Options], T],
    on_error: Callable[[BaseException], T],
    options: Options | None,
    option_changes: dict[str, Any],
    jobs: int,
    chunksize: int,
    errors: ErrorPolicy,
) -> Generator[T, None, None]:
    _check(options, jobs, chunksize, errors)
    if isinstance(pages, (str, bytes, bytearray, memoryview)):
        # one page, whose characters (or byte values) would be taken for pages one by one
        raise TypeError(
            f"pages must be an iterable of pages (a list of str or bytes), not one {type(pages).__name__}"
            " page: pass [page], or call extract() for one page"
        )
    if not isinstance(pages, Iterable):
        raise TypeError(f"pages must be an iterable of str or bytes, not {type(pages).__name__}")
    base = options or Options()
    opts = base.with_(**option_changes) if option_changes else base
    workers = _cpus() if jobs == 0 else jobs
    if workers == 1:
        outcomes = _sequential(pages, run, opts)
    else:
        outcomes = _pooled(pages, run, opts, workers, chunksize)
    return _settled(outcomes, errors, on_error)


def _settled(
    outcomes: Generator[T | _Failure, None, None],
    errors: ErrorPolicy,
    on_error: Callable[[BaseException], T],
) -> Generator[T, None, None]:
    try:
        for outcome in outcomes:
            yield _settle(outcome, errors, on_error)
    finally:
        outcomes.close()  # stops the workers now, not when the garbage collector gets to it


def extract_many(
    pages: Iterable[str | bytes],
    *,
    jobs: int = 1,
    options: Options | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: ErrorPolicy = "raise",
    **option_changes: Any,
) -> Generator[str, None, None]:
    """The main content of each page, as :func:`~declutter.extract` gives it, in input order.

    Results stream: the input is read lazily, and each output is yielded as soon as it and all
    before it are done. ``jobs`` is the number of worker processes: 1 (the default) works in
    this process, 0 means one per available CPU. Options come as in :func:`~declutter.extract`:
    an :class:`Options`, keyword arguments, or both (the keywords win); they apply to every page.

    ``errors`` says what happens when declutter refuses a page (not ``str``/``bytes``, over
    ``max_input_bytes``, past ``time_budget``): ``"raise"`` (the default) raises that error when
    the page's turn comes, after every earlier page was yielded; ``"empty"`` yields ``""`` for
    it and goes on. Any other exception is a defect and is raised under both policies, with
    the worker's traceback as its cause. Stopping early (``break``, ``close()``) stops the
    workers. Invalid arguments raise at the call, before any page is read.
    """
    return _many(
        pages, _extract_text, _empty_text, options, option_changes, jobs, chunksize, errors
    )


def extract_many_results(
    pages: Iterable[str | bytes],
    *,
    jobs: int = 1,
    options: Options | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: ErrorPolicy = "raise",
    **option_changes: Any,
) -> Generator[Result, None, None]:
    """Each page's whole :class:`~declutter.Result`, as :func:`~declutter.extract_result`
    gives it, in input order.

    Takes the same arguments as :func:`extract_many`. Under ``errors="empty"`` a refused page
    yields a result with no blocks whose ``reason`` starts with ``"not extracted:"`` and names
    the error. Results carry every block, so they cost more to send back from workers than text.
    """
    return _many(
        pages, _extract_result, _empty_result, options, option_changes, jobs, chunksize, errors
    )
