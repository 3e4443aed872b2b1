"""Run extractors over a dataset: worker processes, a time limit per page, scores, summaries.

Every (page, extractor) pair is one job, run in a worker process so that a page can neither
stall the run nor crash it: a job past its time limit has its worker killed and replaced, and
counts as an error of type ``Timeout``; a worker that dies counts as ``WorkerDied``; an
exception inside the extractor counts under its type name. A failed job is scored as an empty
output, as the benchmarks' own scripts score a missing prediction, so errors cost what they
would cost in use.

``jobs=0`` runs everything in this process, in order, without a time limit (for debugging).
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Protocol

from .datasets import Page, PageRef, as_text_page, split_of
from .metrics import (
    PRF,
    ShingleCounts,
    SnippetCounts,
    mean_prf,
    median,
    percentile,
    shingle_counts,
    shingle_prf,
    snippet_counts,
    snippet_scores,
    snippet_share,
    word_prf,
)

__all__ = [
    "GROUPINGS",
    "Extractor",
    "Outcome",
    "PageResult",
    "Report",
    "evaluate",
    "run_jobs",
    "score_page",
    "summarize",
]

Extractor = Callable[[Page], str]

# Error types the runner itself assigns.
TIMEOUT = "Timeout"
WORKER_DIED = "WorkerDied"

# How long a killed or finishing worker gets to exit before it is killed for good, seconds.
_JOIN_SECONDS = 5.0

# Longest error message kept per failed job, characters.
_MESSAGE_CHARS = 300

# Page attributes a report can group by.
GROUPINGS = ("page_type", "language", "split")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one extractor made of one page: its text, its time, and its error if it failed."""

    text: str
    seconds: float
    error: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class PageResult:
    """The scores of one extractor on one page; a metric is ``None`` where the page's
    annotations do not allow it (no gold text, no snippets)."""

    page_id: str
    extractor: str
    page_type: str | None
    language: str | None
    split: str
    seconds: float
    error: str | None
    message: str | None
    word: PRF | None
    shingle: ShingleCounts | None
    snippets: SnippetCounts | None
    with_share: float | None
    without_share: float | None

    def group(self, by: str) -> str:
        """This page's group under a grouping of :data:`GROUPINGS`; ``unknown`` when unset."""
        if by not in GROUPINGS:
            raise ValueError(f"group by one of {', '.join(GROUPINGS)}, got {by!r}")
        value: str | None = getattr(self, by)
        return value or "unknown"

    def to_json(self) -> dict[str, Any]:
        """A flat JSON object of this result (for ``--save-outputs``)."""
        row: dict[str, Any] = {
            "id": self.page_id,
            "extractor": self.extractor,
            "page_type": self.page_type,
            "language": self.language,
            "split": self.split,
            "ms": round(self.seconds * 1000, 3),
            "error": self.error,
            "message": self.message,
        }
        if self.word is not None:
            row.update(
                word_precision=self.word.precision,
                word_recall=self.word.recall,
                word_f1=self.word.f1,
            )
        if self.shingle is not None:
            row.update(shingle_tp=self.shingle.tp, shingle_fp=self.shingle.fp)
            row.update(shingle_fn=self.shingle.fn)
        if self.snippets is not None:
            s = self.snippets
            row.update(snippet_tp=s.tp, snippet_fn=s.fn, snippet_fp=s.fp, snippet_tn=s.tn)
        if self.with_share is not None:
            row.update(with_share=self.with_share, without_share=self.without_share)
        return row


def score_page(page: Page, extractor: str, outcome: Outcome) -> PageResult:
    """Score one outcome with every metric the page's annotations allow."""
    text = outcome.text
    has_gold = page.gold is not None
    gold = page.gold or ""
    return PageResult(
        page_id=page.id,
        extractor=extractor,
        page_type=page.page_type,
        language=page.language,
        split=split_of(page.id),
        seconds=outcome.seconds,
        error=outcome.error,
        message=outcome.message,
        word=word_prf(text, gold) if has_gold else None,
        shingle=shingle_counts(text, gold) if has_gold else None,
        snippets=(
            snippet_counts(text, page.with_snippets, page.without_snippets)
            if page.snippets_annotated
            else None
        ),
        with_share=snippet_share(text, page.with_snippets) if page.snippets_annotated else None,
        without_share=(
            snippet_share(text, page.without_snippets) if page.snippets_annotated else None
        ),
    )


def summarize(results: Sequence[PageResult]) -> dict[str, Any]:
    """The metrics of a set of page results, under their names.

    Always: ``pages``, ``errors`` (timeouts included), ``timeouts``, ``error_types``,
    ``ms_median`` and ``ms_p95`` (nearest rank, over every job). Where the annotations allow:
    ``word_precision``/``word_recall``/``word_f1`` and ``with_share``/``without_share`` (WCXB),
    ``shingle_precision``/``shingle_recall``/``shingle_f1`` (ScrapingHub),
    ``snippet_precision``/``snippet_recall``/``snippet_f1``/``snippet_accuracy`` (trafilatura).
    """
    ms = [r.seconds * 1000 for r in results]
    errors = Counter(r.error for r in results if r.error is not None)
    summary: dict[str, Any] = {
        "pages": len(results),
        "errors": sum(errors.values()),
        "timeouts": errors.get(TIMEOUT, 0),
        "error_types": dict(sorted(errors.items())),
        "ms_median": round(median(ms), 3),
        "ms_p95": round(percentile(ms, 95), 3) if ms else 0.0,
    }
    words = [r.word for r in results if r.word is not None]
    if words:
        word = mean_prf(words)
        summary.update(word_precision=word.precision, word_recall=word.recall, word_f1=word.f1)
    withs = [r.with_share for r in results if r.with_share is not None]
    withouts = [r.without_share for r in results if r.without_share is not None]
    if withs:
        summary["with_share"] = sum(withs) / len(withs)
        summary["without_share"] = sum(withouts) / len(withouts)
    sh = [r.shingle for r in results if r.shingle is not None]
    if sh:
        shingle = shingle_prf(sh)
        summary.update(
            shingle_precision=shingle.precision,
            shingle_recall=shingle.recall,
            shingle_f1=shingle.f1,
        )
    snippets = [r.snippets for r in results if r.snippets is not None]
    if snippets:
        scores = snippet_scores(snippets)
        summary.update(
            snippet_precision=scores.precision,
            snippet_recall=scores.recall,
            snippet_f1=scores.f1,
            snippet_accuracy=scores.accuracy,
        )
    return summary


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one evaluation run produced."""

    dataset: str
    format: str
    split: str
    as_text: bool
    by: str | None
    extractors: tuple[str, ...]
    results: tuple[PageResult, ...]
    skipped: Mapping[str, str] = field(default_factory=dict)
    load_errors: tuple[tuple[str, str], ...] = ()

    def results_of(self, extractor: str) -> list[PageResult]:
        """The page results of one extractor, in page order."""
        return [r for r in self.results if r.extractor == extractor]

    def groups(self, extractor: str, by: str) -> dict[str, list[PageResult]]:
        """The results of one extractor by group, groups sorted by name."""
        grouped: dict[str, list[PageResult]] = defaultdict(list)
        for r in self.results_of(extractor):
            grouped[r.group(by)].append(r)
        return dict(sorted(grouped.items()))

    def to_json(self) -> dict[str, Any]:
        """One JSON object: the run's settings, then per extractor its ``overall`` metrics and,
        when grouped, ``by_<grouping>`` mapping each group to its metrics."""
        pages = len({r.page_id for r in self.results})
        out: dict[str, Any] = {
            "dataset": {
                "path": self.dataset,
                "format": self.format,
                "split": self.split,
                "as_text": self.as_text,
                "pages": pages,
            },
            "extractors": {},
            "skipped": dict(self.skipped),
            "load_errors": [{"id": i, "error": e} for i, e in self.load_errors],
        }
        for name in self.extractors:
            entry: dict[str, Any] = {"overall": summarize(self.results_of(name))}
            if self.by is not None:
                entry[f"by_{self.by}"] = {
                    group: summarize(rs) for group, rs in self.groups(name, self.by).items()
                }
            out["extractors"][name] = entry
        return out


# --------------------------------------------------------------------------------------------
# Running
# --------------------------------------------------------------------------------------------


class Progress(Protocol):
    """The part of a progress bar the runner uses."""

    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class _NoProgress:
    def update(self, n: int = 1) -> object:
        return None

    def close(self) -> None:
        return None


def progress_bar(total: int, enabled: bool | None) -> Progress:
    """A tqdm bar on stderr when ``enabled`` (``None``: when stderr is a terminal) and tqdm is
    installed; otherwise nothing."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return _NoProgress()
    try:
        from tqdm import tqdm  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return _NoProgress()
    bar: Progress = tqdm(total=total, unit="job", file=sys.stderr, dynamic_ncols=True)
    return bar


def evaluate(
    refs: Sequence[PageRef],
    extractors: Mapping[str, Extractor],
    *,
    dataset: str = "",
    fmt: str = "",
    split: str = "all",
    by: str | None = None,
    jobs: int = 1,
    timeout: float | None = 30.0,
    as_text: bool = False,
    progress: bool | None = False,
    save_outputs: Path | None = None,
    skipped: Mapping[str, str] | None = None,
    quiet: bool = True,
) -> Report:
    """Run every extractor on every page and score the outputs.

    ``refs`` are the pages to run, already split and limited. ``as_text`` renders each HTML
    page to text first (inside the worker, not timed). ``save_outputs`` writes each output to
    ``<dir>/<extractor>/<page id>.txt`` and each extractor's per-page scores to
    ``<dir>/<extractor>/pages.jsonl``.
    """
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"group by one of {', '.join(GROUPINGS)}, got {by!r}")
    names = tuple(extractors)
    order = {ref.id: i for i, ref in enumerate(refs)}
    load_errors: list[tuple[str, str]] = []
    results: list[PageResult] = []
    bar = progress_bar(len(refs) * len(names), progress)
    try:
        for page, name, outcome in run_jobs(
            _load_pages(refs, load_errors),
            names,
            extractors,
            jobs=jobs,
            timeout=timeout,
            as_text=as_text,
            quiet=quiet,
        ):
            results.append(score_page(page, name, outcome))
            if save_outputs is not None:
                _save_output(save_outputs, name, page.id, outcome.text)
            bar.update(1)
    finally:
        bar.close()
    results.sort(key=lambda r: (order.get(r.page_id, 0), names.index(r.extractor)))
    report = Report(
        dataset=dataset,
        format=fmt,
        split=split,
        as_text=as_text,
        by=by,
        extractors=names,
        results=tuple(results),
        skipped=dict(skipped or {}),
        load_errors=tuple(load_errors),
    )
    if save_outputs is not None:
        for name in names:
            lines = (json.dumps(r.to_json(), ensure_ascii=False) for r in report.results_of(name))
            (save_outputs / _safe_name(name) / "pages.jsonl").write_text(
                "".join(line + "\n" for line in lines), encoding="utf-8"
            )
    return report


def _load_pages(refs: Sequence[PageRef], load_errors: list[tuple[str, str]]) -> Iterator[Page]:
    """The pages, loaded one at a time; a page that cannot be read is recorded and left out
    for every extractor alike."""
    for ref in refs:
        try:
            yield ref.load()
        except (OSError, ValueError, EOFError) as exc:
            load_errors.append((ref.id, f"{type(exc).__name__}: {exc}"[:_MESSAGE_CHARS]))


def run_jobs(
    pages: Iterator[Page] | Sequence[Page],
    names: Sequence[str],
    extractors: Mapping[str, Extractor],
    *,
    jobs: int = 1,
    timeout: float | None = 30.0,
    as_text: bool = False,
    quiet: bool = True,
) -> Iterator[tuple[Page, str, Outcome]]:
    """Run each extractor on each page; yield (page, extractor name, outcome) as jobs finish.

    ``jobs`` worker processes run one job at a time each; ``jobs=0`` runs in this process
    without a time limit. ``timeout`` (seconds, ``None`` for none) bounds each job. ``quiet``
    discards what extractors print in the workers (their errors are still recorded per page).
    """
    if jobs < 0:
        raise ValueError(f"jobs must be 0 or more, got {jobs}")
    if timeout is not None and timeout <= 0:
        raise ValueError(f"timeout must be positive, got {timeout}")
    work = ((page, name) for page in pages for name in names)
    if jobs == 0:
        for page, name in work:
            yield page, name, _run_one(extractors[name], page, as_text)
        return
    yield from _WorkerPool(extractors, jobs, timeout, as_text, quiet).run(work)


def _run_one(extractor: Extractor, page: Page, as_text: bool) -> Outcome:
    """Run one job here and now; an exception becomes an error outcome with its type."""
    start = time.perf_counter()
    try:
        if as_text:
            page = as_text_page(page)
            start = time.perf_counter()
        text = extractor(page)
        if not isinstance(text, str):
            raise TypeError(f"extractor returned {type(text).__name__}, not str")
        return Outcome(text, time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - counted and reported per page, never silent
        return Outcome(
            "", time.perf_counter() - start, type(exc).__name__, str(exc)[:_MESSAGE_CHARS]
        )


def _worker_main(
    conn: Connection, extractors: Mapping[str, Extractor], as_text: bool, quiet: bool
) -> None:
    """A worker process: receive (job id, extractor name, page), send back (job id, outcome),
    until it receives ``None``. ``quiet`` sends what extractors print to the null device."""
    if quiet:
        _silence_output()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        job_id, name, page = message
        conn.send((job_id, _run_one(extractors[name], page, as_text)))


def _silence_output() -> None:
    """Send this worker process's output to the null device, at the file descriptors (for C
    extensions) and at ``sys.stdout``/``sys.stderr`` (which may not write to them): some peers
    print a warning or a traceback for every odd page."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


@dataclass(slots=True)
class _Worker:
    """One worker process and the job it is running (a process handle, not a record)."""

    process: BaseProcess
    conn: Connection
    job: int | None = None
    started: float = 0.0


class _WorkerPool:
    """Worker processes fed one job at a time, each job under a deadline."""

    def __init__(
        self,
        extractors: Mapping[str, Extractor],
        size: int,
        timeout: float | None,
        as_text: bool,
        quiet: bool,
    ) -> None:
        self._extractors = dict(extractors)
        self._size = size
        self._timeout = timeout
        self._as_text = as_text
        self._quiet = quiet
        self._context = _context()

    def _start(self) -> _Worker:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end, self._extractors, self._as_text, self._quiet),
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def run(self, work: Iterator[tuple[Page, str]]) -> Iterator[tuple[Page, str, Outcome]]:
        workers = [self._start() for _ in range(self._size)]
        pending: dict[int, tuple[Page, str]] = {}
        next_id = 0
        exhausted = False
        try:
            while True:
                for index, worker in enumerate(workers):
                    while worker.job is None and not exhausted:
                        item = next(work, None)
                        if item is None:
                            exhausted = True
                            break
                        next_id += 1
                        try:
                            worker.conn.send((next_id, item[1], item[0]))
                        except (BrokenPipeError, ConnectionResetError):
                            # The idle worker died; retry the job on a fresh one.
                            self._stop(worker)
                            worker = workers[index] = self._start()
                            worker.conn.send((next_id, item[1], item[0]))
                        pending[next_id] = item
                        worker.job = next_id
                        worker.started = time.monotonic()
                busy = [w for w in workers if w.job is not None]
                if not busy:
                    return
                wait = None
                if self._timeout is not None:
                    first_deadline = min(w.started for w in busy) + self._timeout
                    wait = max(0.0, first_deadline - time.monotonic())
                ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait)
                for index, worker in enumerate(workers):
                    if worker.job is None:
                        continue
                    elapsed = time.monotonic() - worker.started
                    if worker.conn in ready:
                        try:
                            job_id, outcome = worker.conn.recv()
                        except (EOFError, ConnectionResetError):
                            job_id = worker.job
                            code = worker.process.exitcode
                            outcome = Outcome(
                                "", elapsed, WORKER_DIED, f"worker exited with code {code}"
                            )
                            self._stop(worker)
                            workers[index] = self._start()
                        page, name = pending.pop(job_id)
                        worker.job = None
                        yield page, name, outcome
                    elif self._timeout is not None and elapsed >= self._timeout:
                        page, name = pending.pop(worker.job)
                        self._stop(worker)
                        workers[index] = self._start()
                        message = f"no result within {self._timeout:g} s; worker killed"
                        yield page, name, Outcome("", elapsed, TIMEOUT, message)
        finally:
            for worker in workers:
                if worker.job is None:
                    try:
                        worker.conn.send(None)
                    except (BrokenPipeError, ConnectionResetError, OSError):
                        pass
                self._stop(worker, graceful=worker.job is None)

    @staticmethod
    def _stop(worker: _Worker, *, graceful: bool = False) -> None:
        if graceful:
            worker.process.join(_JOIN_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(_JOIN_SECONDS)
        worker.conn.close()
        worker.job = None


def _context() -> BaseContext:
    """Fork on Linux (cheap, and workers inherit imported peers); spawn elsewhere."""
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


_UNSAFE = re.compile(r"[^\w.-]+")


def _safe_name(name: str) -> str:
    return _UNSAFE.sub("_", name)[:150] or "_"


def _save_output(root: Path, extractor: str, page_id: str, text: str) -> None:
    folder = root / _safe_name(extractor)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{_safe_name(page_id)}.txt").write_text(text, encoding="utf-8")
