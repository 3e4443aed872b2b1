"""Throughput of declutter beside lxml's own parse and every installed peer, on one page set.

    python benchmarks/throughput.py ../shared/datasets/wcxb-dev            # table to stdout
    python benchmarks/throughput.py ../shared/datasets/wcxb-dev --write    # also README + plots
    python benchmarks/throughput.py corpus --limit 20 --memory none --no-parallel   # quick look

What it measures, in this order:

1. **Time per page.** Each page is read once, then every extractor runs on it in turn (the order
   rotating from page to page), so machine noise at that moment hits them alike. Reading and
   decompressing the page is not timed; each extractor's own decoding of the bytes is. The
   garbage collector runs (untimed) before each call, and the harness's own objects (every
   peer's modules) are frozen out of its sight, so each extractor pays for the collections its
   own allocations cause, as in a process of its own.
   Reported: median, p95 and p99 ms per page, pages per second (pages over summed time), and
   declutter's ratios to lxml's parse and to trafilatura, both as the median of per-page ratios
   and as the ratio of the medians.
2. **Growth.** The pages nearest the median size have their ``<body>`` content repeated ×2, ×4,
   ×8 and ×16; declutter's time on each, over its time on the page itself (best of a few runs).
3. **Peak memory.** Each extractor runs over the whole set in a fresh process that reads the
   pages one at a time; the figure is that process's peak resident memory above what it held
   after its imports (``ru_maxrss``). lxml's parse of the largest page alone, measured the same
   way, is the reference.
4. **Import time** of each extractor's module, in a fresh interpreter, median of several.
5. **Parallel speedup:** pages per second of :func:`declutter.batch.extract_many` with
   ``--parallel-jobs`` worker processes over the same with one, on the same pages held in memory,
   in alternating rounds (best of each), beside the speedup a pure CPU-bound loop gets the same
   way in the same run: on a machine whose cores are busy with other work, that reference shows
   how much parallelism there was to be had.

Quality for the quality/speed plot comes from ``--quality FILE`` (the output of
``declutter evaluate PATH --extractors all --json``) or, when the pages have gold text and
``declutter.evaluate`` is installed, is computed here from the very outputs that were timed
(WCXB word F1, averaged over pages). The plots need matplotlib (``pip install 'declutter[bench]'``).
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import logging
import math
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_support import BenchPage, BenchRef, bench_refs

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"
START_MARK = "<!-- throughput:start -->"
END_MARK = "<!-- throughput:end -->"

DECLUTTER = "declutter"
LXML = "lxml-parse"
TRAFILATURA = "trafilatura"

GROWTH_FACTORS = (2, 4, 8, 16)
GROWTH_PAGES = 5
"""Pages, nearest the median size, whose body is repeated for the growth figure."""
GROWTH_RUNS = 3
"""Runs per page and factor; the best counts (the least disturbed by other work)."""
IMPORT_RUNS = 5
"""Fresh interpreters per import-time figure; the median counts."""
WARMUP_PAGES = 3
"""Pages every extractor runs on, untimed, before timing starts (imports, caches)."""

# The targets of issue 7, checked in the summary table.
TARGET_TRAFILATURA_RATIO = 0.25
TARGET_LXML_RATIO = 3.0
TARGET_P99_OVER_MEDIAN = 10.0
TARGET_GROWTH_X16 = 18.0
TARGET_MEMORY_RATIO = 2.0
TARGET_IMPORT_MS = 150.0
TARGET_PARALLEL_SPEEDUP = 1.8

_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
_BODY_CLOSE = re.compile(rb"</body\s*>", re.IGNORECASE)

Extractor = Callable[[BenchPage], Any]


# ------------------------------------------------------------------------------------------
# The extractors, each called the way its documentation shows for main text
# ------------------------------------------------------------------------------------------


def _as_bytes(page: BenchPage) -> bytes:
    c = page.content
    return c if isinstance(c, bytes) else c.encode("utf-8")


def _as_str(page: BenchPage) -> str:
    """The page as text, for the peers that take only ``str``."""
    if isinstance(page.content, str):
        return page.content
    try:
        from declutter.evaluate.decode import decode_html
    except ImportError:
        return page.content.decode("utf-8", errors="replace")
    return decode_html(page.content)


def _declutter() -> Extractor:
    from declutter import extract

    return lambda page: extract(page.content, url=page.url)


def _lxml() -> Extractor:
    from lxml import etree, html  # type: ignore[import-untyped]

    def parse(page: BenchPage) -> object:
        try:
            return html.document_fromstring(_as_bytes(page))
        except etree.ParserError:  # an empty page
            return None

    return parse


def _trafilatura() -> Extractor:
    import trafilatura

    return lambda page: trafilatura.extract(page.content, url=page.url) or ""


def _readability() -> Extractor:
    from readability import Document  # type: ignore[import-untyped]

    # summary() is HTML; turning it into text is left out of the time (see _as_text).
    return lambda page: Document(page.content).summary()


def _justext() -> Extractor:
    import functools

    import justext  # type: ignore[import-untyped]

    try:
        from declutter.evaluate.peers import JUSTEXT_STOPLISTS
    except ImportError:
        JUSTEXT_STOPLISTS = {"en": "English"}
    names = set(justext.get_stoplists())
    # Loaded once per language, as any batch user would; jusText reads a file per call.
    stoplist = functools.lru_cache(maxsize=None)(justext.get_stoplist)

    def run(page: BenchPage) -> str:
        name = JUSTEXT_STOPLISTS.get(page.language or "en", "")
        if name in names:
            paragraphs = justext.justext(page.content, stoplist(name))
        else:  # jusText's language-independent mode, as ``python -m justext`` runs it
            paragraphs = justext.justext(
                page.content, frozenset(), stopwords_low=0, stopwords_high=0
            )
        return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _boilerpy3() -> Extractor:
    from boilerpy3 import extractors  # type: ignore[import-untyped]

    extractor = extractors.ArticleExtractor()
    return lambda page: extractor.get_content(_as_str(page))


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(page: BenchPage) -> str:
        data = _as_bytes(page)
        tree = HTMLTree.parse(bytes_to_str(data, detect_encoding(data) or "utf-8"))
        return str(extract_plain_text(tree, main_content=True))

    return run


SETUPS: dict[str, Callable[[], Extractor]] = {
    DECLUTTER: _declutter,
    LXML: _lxml,
    TRAFILATURA: _trafilatura,
    "readability": _readability,
    "justext": _justext,
    "boilerpy3": _boilerpy3,
    "resiliparse": _resiliparse,
}
"""Every extractor, declutter first. Names follow ``declutter evaluate``."""

MODULES = {
    DECLUTTER: "declutter",
    LXML: "lxml.html",
    TRAFILATURA: "trafilatura",
    "readability": "readability",
    "justext": "justext",
    "boilerpy3": "boilerpy3.extractors",
    "resiliparse": "resiliparse.extract.html2text",
}
"""The module whose import time is reported for each extractor."""


def available(names: Iterable[str]) -> tuple[dict[str, Extractor], dict[str, str]]:
    """The extractors that import here, and why the others do not."""
    ready: dict[str, Extractor] = {}
    missing: dict[str, str] = {}
    for name in names:
        try:
            ready[name] = SETUPS[name]()
        except ImportError as exc:
            missing[name] = f"not installed ({exc.name or exc})"
    return ready, missing


def _as_text(name: str, output: Any) -> str:
    """An extractor's output as text, for scoring (never timed)."""
    if output is None:
        return ""
    if name == "readability":
        from declutter.evaluate.render_text import render_text

        return render_text(output)
    return str(output)


# ------------------------------------------------------------------------------------------
# 1. Time per page
# ------------------------------------------------------------------------------------------


@dataclass
class Sweep:
    """Per page and extractor: seconds, errors, and word F1 where gold exists."""

    ids: list[str] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, dict[str, str]] = field(default_factory=dict)
    """Extractor to page id to the error it raised."""
    prf: dict[str, list[Any]] = field(default_factory=dict)
    """Extractor to the word PRF of each page with gold (empty when not scored)."""

    def merge(self, other: Sweep) -> None:
        """Add the pages of another sweep (of the same extractors)."""
        self.ids += other.ids
        self.sizes += other.sizes
        for name, values in other.seconds.items():
            self.seconds.setdefault(name, []).extend(values)
        for name, errs in other.errors.items():
            self.errors.setdefault(name, {}).update(errs)
        for name, scores in other.prf.items():
            self.prf.setdefault(name, []).extend(scores)


def _scorer() -> Callable[[str, str], Any] | None:
    try:
        from declutter.evaluate.metrics import word_prf
    except ImportError:
        return None
    return word_prf


def sweep(
    refs: Sequence[BenchRef],
    extractors: dict[str, Extractor],
    *,
    repeat: int = 1,
    score: bool = True,
    progress: bool = False,
) -> Sweep:
    """Time every extractor on every page, interleaved page by page."""
    names = list(extractors)
    result = Sweep(seconds={n: [] for n in names}, errors={n: {} for n in names})
    word_prf = _scorer() if score else None
    bar = _progress(len(refs), progress)
    perf = time.perf_counter
    for index, ref in enumerate(refs):
        page = ref.load()
        result.ids.append(page.id)
        result.sizes.append(page.size)
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            run = extractors[name]
            best = math.inf
            output: Any = None
            error = None
            for _ in range(repeat):
                # Untimed: each call pays only for the collections it causes. Freezing what
                # survived keeps every later full collection as cheap as the garbage is new
                # (unfrozen, a full collection walked every peer's heap: most of the run).
                gc.collect()
                gc.freeze()
                start = perf()
                try:
                    output = run(page)
                except Exception as exc:  # noqa: BLE001  (a peer failing on a page is data)
                    error = f"{type(exc).__name__}: {exc}"[:200]
                best = min(best, perf() - start)
            result.seconds[name].append(best)
            if error is not None:
                result.errors[name][page.id] = error
            if word_prf is not None and page.gold is not None and name != LXML:
                text = "" if error is not None else _as_text(name, output)
                result.prf.setdefault(name, []).append(word_prf(text, page.gold))
            del output
        bar(1)
    bar(0, close=True)
    return result


def _progress(total: int, enabled: bool) -> Callable[..., None]:
    """A tqdm bar on stderr when asked and installed; otherwise nothing."""
    if not enabled:
        return lambda n, close=False: None
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]
    except ImportError:
        return lambda n, close=False: None
    bar = tqdm(total=total, unit="page", file=sys.stderr, mininterval=2.0)

    def update(n: int, close: bool = False) -> None:
        bar.update(n)
        if close:
            bar.close()

    return update


_SLICE: dict[str, Any] = {}
"""What a forked sweep worker inherits: the refs, extractors and settings."""


def _sweep_slice(part: int) -> Sweep:
    refs = _SLICE["refs"][part :: _SLICE["jobs"]]
    return sweep(refs, _SLICE["extractors"], repeat=_SLICE["repeat"], score=_SLICE["score"])


def sweep_parallel(
    refs: Sequence[BenchRef],
    extractors: dict[str, Extractor],
    jobs: int,
    repeat: int,
    score: bool,
    progress: bool,
) -> Sweep:
    """The sweep in one process (``jobs=1``, faithful) or split over forked processes."""
    if jobs <= 1:
        return sweep(refs, extractors, repeat=repeat, score=score, progress=progress)
    import multiprocessing

    _SLICE.update(refs=refs, extractors=extractors, jobs=jobs, repeat=repeat, score=score)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        parts = pool.map(_sweep_slice, range(jobs))
    merged = Sweep()
    for part in parts:
        merged.merge(part)
    return merged


# ------------------------------------------------------------------------------------------
# Statistics
# ------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (the smallest value with q % of values at or below it)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Summary:
    """One extractor's time figures."""

    median_ms: float
    p95_ms: float
    p99_ms: float
    pages_per_second: float
    errors: int


def summarize(seconds: Sequence[float], errors: int) -> Summary:
    """The figures of one extractor's per-page times."""
    ms = [s * 1000 for s in seconds]
    total = sum(seconds)
    return Summary(
        median_ms=statistics.median(ms),
        p95_ms=percentile(ms, 95),
        p99_ms=percentile(ms, 99),
        pages_per_second=len(seconds) / total if total else math.nan,
        errors=errors,
    )


@dataclass(frozen=True)
class Ratio:
    """declutter's time over another extractor's, two ways."""

    median_of_ratios: float
    ratio_of_medians: float
    pages: int


def ratio(result: Sweep, over: str) -> Ratio | None:
    """declutter / ``over``: median of per-page ratios (pages where neither failed) and the
    ratio of medians."""
    if over not in result.seconds or DECLUTTER not in result.seconds:
        return None
    mine, theirs = result.seconds[DECLUTTER], result.seconds[over]
    failed = set(result.errors.get(DECLUTTER, {})) | set(result.errors.get(over, {}))
    per_page = [m / t for pid, m, t in zip(result.ids, mine, theirs) if pid not in failed and t > 0]
    if not per_page:
        return None
    return Ratio(
        statistics.median(per_page),
        statistics.median(mine) / statistics.median(theirs),
        len(per_page),
    )


def mean_f1(scores: Sequence[Any]) -> float | None:
    """WCXB word F1, averaged over pages."""
    if not scores:
        return None
    return statistics.fmean(s.f1 for s in scores)


# ------------------------------------------------------------------------------------------
# 2. Growth with page size
# ------------------------------------------------------------------------------------------


def repeated(content: bytes, factor: int) -> bytes:
    """The page with its ``<body>`` content repeated ``factor`` times (the whole page when it
    has no body tags)."""
    opening = _BODY_OPEN.search(content)
    closings = list(_BODY_CLOSE.finditer(content))
    if opening is None or not closings or closings[-1].start() < opening.end():
        return content * factor
    start, end = opening.end(), closings[-1].start()
    return content[:start] + content[start:end] * factor + content[end:]


def _best_time(run: Extractor, page: BenchPage, runs: int) -> float:
    best = math.inf
    for _ in range(runs):
        start = time.perf_counter()
        run(page)
        best = min(best, time.perf_counter() - start)
    return best


@dataclass(frozen=True)
class Growth:
    """Time on the page repeated k times over time on the page, per factor (median over
    pages), for declutter and for lxml's parse."""

    page_ids: tuple[str, ...]
    median_kb: float
    declutter: dict[int, float]
    lxml: dict[int, float]


def growth(
    refs: Sequence[BenchRef], sizes: Sequence[int], extractors: dict[str, Extractor]
) -> Growth:
    """The growth figure on the pages nearest the median size."""
    middle = statistics.median(sizes)
    nearest = sorted(range(len(sizes)), key=lambda i: abs(sizes[i] - middle))[:GROWTH_PAGES]
    pages = [refs[i].load() for i in nearest]
    curves: dict[str, dict[int, list[float]]] = {DECLUTTER: {}, LXML: {}}
    for page in pages:
        data = _as_bytes(page)
        for name, curve in curves.items():
            if name not in extractors:
                continue
            base = _best_time(extractors[name], page, GROWTH_RUNS)
            for k in GROWTH_FACTORS:
                bigger = BenchPage(page.id, repeated(data, k), page.url)
                curve.setdefault(k, []).append(
                    _best_time(extractors[name], bigger, GROWTH_RUNS) / base
                )
    return Growth(
        tuple(p.id for p in pages),
        statistics.median(p.size for p in pages) / 1024,
        {k: statistics.median(v) for k, v in curves[DECLUTTER].items()},
        {k: statistics.median(v) for k, v in curves[LXML].items()},
    )


# ------------------------------------------------------------------------------------------
# 3. Peak memory, in fresh processes
# ------------------------------------------------------------------------------------------


def _maxrss_kib() -> int:
    """Peak resident memory of this process, in KiB (ru_maxrss is bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def _reset_peak() -> int | None:
    """Reset the peak-memory mark and return the resident memory now, in KiB (Linux: writing 5
    to clear_refs resets VmHWM); ``None`` where that cannot be done."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def _peak_kib() -> int:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return _maxrss_kib()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else _maxrss_kib()


def memory_child(name: str, path: Path, limit: int | None, page_id: str | None) -> dict[str, Any]:
    """Run inside the fresh process: one extractor over the pages (or the one page named),
    reading them one at a time; report peak memory above the level after imports."""
    logging.disable(logging.CRITICAL)
    run = SETUPS[name]()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        refs = bench_refs(path)[:limit]
    if page_id is not None:
        refs = [r for r in refs if r.id == page_id]
    gc.collect()
    baseline = _reset_peak()
    if baseline is None:  # no way to reset the mark: the peak so far (imports) is the floor
        baseline = _maxrss_kib()
    for ref in refs:
        page = ref.load()
        try:
            run(page)
        except Exception:  # noqa: BLE001, S112  (the time sweep reports errors; here only memory counts)
            continue
    return {"name": name, "pages": len(refs), "baseline_kib": baseline, "peak_kib": _peak_kib()}


def measure_memory(
    name: str, path: Path, limit: int | None, page_id: str | None = None
) -> dict[str, Any]:
    """Peak memory of one extractor, measured in a fresh interpreter."""
    command = [sys.executable, str(Path(__file__).resolve()), str(path), "--memory-child", name]
    if limit is not None:
        command += ["--limit", str(limit)]
    if page_id is not None:
        command += ["--page-id", page_id]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:]}
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    report["extra_mib"] = (report["peak_kib"] - report["baseline_kib"]) / 1024
    return report


# ------------------------------------------------------------------------------------------
# 4. Import time
# ------------------------------------------------------------------------------------------


def import_ms(module: str, runs: int = IMPORT_RUNS) -> float | None:
    """Median milliseconds to import a module in a fresh interpreter (startup not counted)."""
    code = (
        "import time; t = time.perf_counter(); import "
        + module
        + "; print((time.perf_counter() - t) * 1000)"
    )
    values = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            return None
        values.append(float(done.stdout.strip()))
    return statistics.median(values)


def slowest_imports(module: str, top: int = 6) -> list[tuple[str, float]]:
    """The direct imports of ``module`` with the largest cumulative import time
    (``python -X importtime``), in ms."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=False,
    )
    children: list[tuple[str, float]] = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip())) // 2
        if depth == 0:  # a top-level import: its children were the lines just before it
            if name.strip() == module:
                return sorted(children, key=lambda r: -r[1])[:top]
            children = []
        elif depth == 1:
            children.append((name.strip(), int(parts[1]) / 1000))
    return []


# ------------------------------------------------------------------------------------------
# 5. Parallel speedup
# ------------------------------------------------------------------------------------------


PARALLEL_ROUNDS = 2
"""Alternating rounds of one process and of ``jobs``; the best of each counts."""
BURN_SECONDS = 0.5
"""Length of the CPU-bound reference task per process."""


@dataclass(frozen=True)
class Parallel:
    """Pages per second of extract_many with one process and with ``jobs``, and beside them
    the speedup of a pure CPU-bound loop run the same way (what the machine had to give)."""

    pages: int
    jobs: int
    one: float
    many: float
    cpu_speedup: float
    cpu_overhead: float
    """CPU seconds (workers and parent) with ``jobs`` processes over those with one: the cost
    of the pool itself, which no busy machine can hide."""

    @property
    def speedup(self) -> float:
        """Pages per second with ``jobs`` processes over those with one."""
        return self.many / self.one


def _burn(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        total += i * i % 7
    return total


def cpu_speedup(jobs: int) -> float:
    """How much faster ``jobs`` copies of a CPU-bound loop finish in ``jobs`` processes than in
    one: close to ``jobs`` on an idle machine, close to 1 when other work holds the cores."""
    import multiprocessing

    start = time.perf_counter()
    _burn(100_000)
    iterations = int(100_000 * BURN_SECONDS / (time.perf_counter() - start))
    start = time.perf_counter()
    for _ in range(jobs):
        _burn(iterations)
    one = time.perf_counter() - start
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        start = time.perf_counter()
        pool.map(_burn, [iterations] * jobs)
        many = time.perf_counter() - start
    return one / many


def parallel(refs: Sequence[BenchRef], jobs: int) -> Parallel:
    """extract_many over the same pages (held in memory) with 1 and with ``jobs`` processes,
    in alternating rounds, beside the CPU-bound reference."""
    from declutter.batch import extract_many

    contents = [ref.load().content for ref in refs]
    rates: dict[int, float] = {1: 0.0, jobs: 0.0}
    cpu: dict[int, float] = {1: math.inf, jobs: math.inf}
    for _ in range(PARALLEL_ROUNDS):
        for n in (1, jobs):
            before = _cpu_seconds()
            start = time.perf_counter()
            for _ in extract_many(contents, jobs=n, errors="empty"):
                pass  # the generator's end shuts the pool down, so its workers are counted
            rates[n] = max(rates[n], len(contents) / (time.perf_counter() - start))
            cpu[n] = min(cpu[n], _cpu_seconds() - before)
    return Parallel(
        len(contents), jobs, rates[1], rates[jobs], cpu_speedup(jobs), cpu[jobs] / cpu[1]
    )


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


# ------------------------------------------------------------------------------------------
# Quality
# ------------------------------------------------------------------------------------------


def quality_from_file(path: Path) -> dict[str, float]:
    """Each extractor's F1 from ``declutter evaluate ... --json`` output: word F1 (WCXB), else
    shingle F1 (ScrapingHub), else snippet F1 (trafilatura's set)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    found = {}
    for name, entry in (data.get("extractors") or {}).items():
        overall = entry.get("overall") or {}
        for key in ("word_f1", "shingle_f1", "snippet_f1"):
            if isinstance(overall.get(key), (int, float)):
                found[name] = float(overall[key])
                break
    return found


# ------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return (
        "n/a"
        if value is None or (isinstance(value, float) and math.isnan(value))
        else format(value, spec)
    )


def _lxml_version() -> str:
    from lxml import etree

    return ".".join(map(str, etree.LXML_VERSION[:3]))


def _holds(ok: bool | None) -> str:
    return "n/a" if ok is None else ("yes" if ok else "**no**")


@dataclass
class Run:
    """Everything one run measured, for the table and the plots."""

    dataset: str
    command: str
    pages: int
    total_mb: float
    largest: tuple[str, int]
    sweep_jobs: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float] | None = None
    summaries: dict[str, Summary] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    ratios: dict[str, Ratio | None] = field(default_factory=dict)
    growth: Growth | None = None
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)
    imports: dict[str, float | None] = field(default_factory=dict)
    slow_imports: list[tuple[str, float]] = field(default_factory=list)
    parallel: Parallel | None = None
    quality: dict[str, float] = field(default_factory=dict)
    quality_source: str = ""


def markdown(run: Run) -> str:
    """The run as a markdown section."""
    lines: list[str] = []
    add = lines.append
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    cpus = os.cpu_count()
    versions = (
        f"{_revision()}, lxml {_lxml_version()}, Python {platform.python_version()}, "
        f"{platform.machine()}, {cpus} CPUs"
    )
    load = ", ".join(f"{x:.2f}" for x in run.load_before)
    after = ", ".join(f"{x:.2f}" for x in run.load_after) if run.load_after else "n/a"
    add(f"Measured {when} on `{run.dataset}`: {run.pages} pages, {run.total_mb:.1f} MB of HTML, "
        f"largest page `{run.largest[0]}` ({run.largest[1] / 1024:.0f} KiB); {versions}; "
        f"load average (1, 5, 15 min) {load} before, {after} after; per-page timing in "
        f"{run.sweep_jobs} process{'es' if run.sweep_jobs > 1 else ''}.")  # fmt: skip
    add("")
    add(f"    {run.command}")
    add("")
    rows = _target_rows(run)
    add("| figure (issue 7) | target | measured | holds |")
    add("|---|---|---|---|")
    for row in rows:
        add("| " + " | ".join(row) + " |")
    add("")
    add("| extractor | median ms | p95 ms | p99 ms | p99 / median | pages/s | median × lxml parse "
        "| median × declutter | errors | " + ("F1 |" if run.quality else ""))  # fmt: skip
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|" + ("---:|" if run.quality else ""))
    lxml_median = run.summaries[LXML].median_ms if LXML in run.summaries else None
    mine = run.summaries[DECLUTTER].median_ms if DECLUTTER in run.summaries else None
    for name, s in run.summaries.items():
        cells = [
            f"**{name}**" if name == DECLUTTER else name,
            _fmt(s.median_ms), _fmt(s.p95_ms), _fmt(s.p99_ms), _fmt(s.p99_ms / s.median_ms, ".1f"),
            _fmt(s.pages_per_second, ".1f"),
            _fmt(s.median_ms / lxml_median if lxml_median else None, ".1f"),
            _fmt(s.median_ms / mine if mine else None, ".2f"),
            str(s.errors),
        ]  # fmt: skip
        if run.quality:
            cells.append(_fmt(run.quality.get(name), ".3f"))
        add("| " + " | ".join(cells) + " |")
    add("")
    if run.quality:
        add(f"F1: {run.quality_source}.")
    if run.skipped:
        add("Not run: " + "; ".join(f"{n} ({why})" for n, why in run.skipped.items()) + ".")
    if run.memory:
        add("")
        add("| peak memory above imports | pages | MiB | × lxml parse of the largest page |")
        add("|---|---:|---:|---:|")
        reference = run.memory.get("lxml-largest", {}).get("extra_mib")
        for name, m in run.memory.items():
            if "error" in m:
                add(f"| {name} | | failed: {m['error']} | |")
                continue
            share = m["extra_mib"] / reference if reference else None
            add(f"| {name} | {m['pages']} | {m['extra_mib']:.1f} | {_fmt(share, '.1f')} |")
    if run.imports:
        add("")
        add("| import time (fresh interpreter, median of "
            f"{IMPORT_RUNS}) | ms |")  # fmt: skip
        add("|---|---:|")
        for name, ms in run.imports.items():
            add(f"| `import {MODULES[name]}` | {_fmt(ms, '.0f')} |")
        if run.slow_imports:
            biggest = ", ".join(f"`{n}` {ms:.0f} ms" for n, ms in run.slow_imports)
            add("")
            add(
                f"Largest imports under `import declutter` (`-X importtime`, cumulative): {biggest}."
            )
    return "\n".join(lines) + "\n"


def _target_rows(run: Run) -> list[list[str]]:
    rows = []
    traf, lxml_ratio = run.ratios.get(TRAFILATURA), run.ratios.get(LXML)
    for label, r, target in (
        ("median time per page, declutter / trafilatura.extract", traf, TARGET_TRAFILATURA_RATIO),
        ("median time per page, declutter / lxml.html parse alone", lxml_ratio, TARGET_LXML_RATIO),
    ):
        if r is None:
            rows.append([label, f"≤ {target:g}", "n/a", "n/a"])
        else:
            rows.append([
                label, f"≤ {target:g}",
                (f"{r.median_of_ratios:.2f} (median of per-page ratios); "
                 f"{r.ratio_of_medians:.2f} (ratio of medians)"),
                _holds(r.median_of_ratios <= target),
            ])  # fmt: skip
    s = run.summaries.get(DECLUTTER)
    if s is not None:
        p99 = s.p99_ms / s.median_ms
        rows.append(["p99 time per page / median", f"≤ {TARGET_P99_OVER_MEDIAN:g}",
                     f"{p99:.1f} ({s.p99_ms:.1f} ms / {s.median_ms:.1f} ms)",
                     _holds(p99 <= TARGET_P99_OVER_MEDIAN)])  # fmt: skip
    g = run.growth
    if g is not None and g.declutter:
        curve = ", ".join(f"×{k}: {v:.1f}" for k, v in g.declutter.items())
        floor = ", ".join(f"×{k}: {v:.1f}" for k, v in g.lxml.items())
        x16 = g.declutter.get(16)
        rows.append([
            (f"time growth, page body repeated (median of {len(g.page_ids)} pages of "
             f"~{g.median_kb:.0f} KiB)"),
            f"×16 ≤ {TARGET_GROWTH_X16:g} × the time",
            f"{curve} (lxml parse: {floor})",
            _holds(x16 <= TARGET_GROWTH_X16 if x16 is not None else None),
        ])  # fmt: skip
    mem = run.memory.get(DECLUTTER, {}).get("extra_mib")
    ref = run.memory.get("lxml-largest", {}).get("extra_mib")
    if mem is not None and ref:
        rows.append(["peak memory over the set / lxml alone on the largest page",
                     f"≤ {TARGET_MEMORY_RATIO:g}",
                     f"{mem / ref:.1f} ({mem:.1f} MiB / {ref:.1f} MiB)",
                     _holds(mem / ref <= TARGET_MEMORY_RATIO)])  # fmt: skip
    ms = run.imports.get(DECLUTTER)
    if ms is not None:
        rows.append(["`import declutter`", f"≤ {TARGET_IMPORT_MS:g} ms", f"{ms:.0f} ms",
                     _holds(ms <= TARGET_IMPORT_MS)])  # fmt: skip
    p = run.parallel
    if p is not None:
        rows.append([f"pages/s, `extract_many(jobs={p.jobs})` / one process",
                     f"≥ {TARGET_PARALLEL_SPEEDUP:g} on 2 cores",
                     (f"{p.speedup:.2f} ({p.many:.1f} / {p.one:.1f} pages/s, {p.pages} pages); "
                      f"a CPU-bound loop got {p.cpu_speedup:.2f} in the same run; CPU time "
                      f"×{p.cpu_overhead:.2f} of one process, so ≈{p.jobs / p.cpu_overhead:.2f} "
                      f"on {p.jobs} idle cores"),
                     _holds(p.speedup >= TARGET_PARALLEL_SPEEDUP)])  # fmt: skip
    return rows


def write_readme(section: str, path: Path = README) -> None:
    """Put the section between the throughput markers of the README (made if missing)."""
    block = f"{START_MARK}\n{section}{END_MARK}"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if START_MARK in text and END_MARK in text:
            head, rest = text.split(START_MARK, 1)
            _, tail = rest.split(END_MARK, 1)
            path.write_text(head + block + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")
        return
    path.write_text(f"# Benchmarks\n\n{block}\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------
# Plots
# ------------------------------------------------------------------------------------------


SIZE_BINS = 12
"""Log-spaced page-size bins for the median lines of the time/size plot."""
MIN_PER_BIN = 8
"""Pages a bin needs for its median to be drawn."""


def _binned_medians(sizes: Sequence[float], ms: Sequence[float]) -> tuple[list[float], list[float]]:
    """Median time per log-spaced size bin (bins with too few pages left out)."""
    low, high = math.log10(min(sizes)), math.log10(max(sizes))
    width = (high - low) / SIZE_BINS or 1.0
    bins: dict[int, list[tuple[float, float]]] = {}
    for size, value in zip(sizes, ms):
        b = min(SIZE_BINS - 1, int((math.log10(size) - low) / width))
        bins.setdefault(b, []).append((size, value))
    xs, ys = [], []
    for b in sorted(bins):
        if len(bins[b]) >= MIN_PER_BIN:
            xs.append(statistics.median(s for s, _ in bins[b]))
            ys.append(statistics.median(v for _, v in bins[b]))
    return xs, ys


def _leading(value: float) -> int:
    """The leading digit of a positive number (2 for 0.2, 20 and 250)."""
    return round(value / 10 ** math.floor(math.log10(value))) if value > 0 else 0


def plot(run: Run, result: Sweep, out_dir: Path) -> list[str]:
    """Draw the two plots; return notices for what could not be drawn."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import FuncFormatter, NullFormatter
    except ImportError:
        return ["plots skipped: matplotlib is not installed (pip install 'declutter[bench]')"]
    notices = []
    colors = plt.get_cmap("tab10")
    plain = FuncFormatter(lambda value, _: f"{value:g}")

    fig, ax = plt.subplots(figsize=(8.5, 6))
    kept = [i for i, size in enumerate(result.sizes) if size > 0]
    kib = [result.sizes[i] / 1024 for i in kept]
    for i, (name, seconds) in enumerate(result.seconds.items()):
        ms = [max(seconds[j] * 1000, 1e-3) for j in kept]
        ax.scatter(kib, ms, s=4, alpha=0.18, color=colors(i), linewidths=0, zorder=2)
        xs, ys = _binned_medians(kib, ms)
        ax.plot(xs, ys, color=colors(i), label=name, zorder=4,
                linewidth=2.6 if name == DECLUTTER else 1.5)  # fmt: skip
    ax.set_xscale("log")
    ax.set_yscale("log")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(plain)
        axis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("page size (KiB of HTML)")
    ax.set_ylabel("time per page (ms)")
    ax.set_title(f"Time against page size: {run.pages} pages of {Path(run.dataset).name}\n"
                 "dots: pages; lines: median per size bin")  # fmt: skip
    ax.grid(True, which="both", alpha=0.2)
    ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    fig.savefig(out_dir / "time_vs_size.png", dpi=130)
    plt.close(fig)

    if not run.quality:
        notices.append("quality/speed plot skipped: no quality numbers (give --quality FILE from "
                       "'declutter evaluate ... --json', or pages with gold text)")  # fmt: skip
        return notices
    fig, ax = plt.subplots(figsize=(7.5, 5))
    points = [(n, run.summaries[n].median_ms, run.quality[n])
              for n in run.summaries if n in run.quality]  # fmt: skip
    for i, name in enumerate(run.summaries):
        if name not in run.quality:
            continue
        x, y = run.summaries[name].median_ms, run.quality[name]
        ax.scatter([x], [y], s=70 if name == DECLUTTER else 40, color=colors(i), zorder=3)
        # A label goes below its point when another point sits just above-right of it.
        crowded = any(o != name and abs(math.log10(ox / x)) < 0.15 and 0 <= oy - y < 0.02
                      for o, ox, oy in points)  # fmt: skip
        ax.annotate(name, (x, y), textcoords="offset points", fontsize=9,
                    xytext=(7, -12) if crowded else (7, 4),
                    fontweight="bold" if name == DECLUTTER else "normal")  # fmt: skip
    if LXML in run.summaries:
        floor = run.summaries[LXML].median_ms
        ax.axvline(floor, color="grey", linestyle="--", linewidth=1)
        ax.annotate("lxml parse alone", (floor, 0.02), xycoords=("data", "axes fraction"),
                    textcoords="offset points", xytext=(4, 0), fontsize=8, color="grey")  # fmt: skip
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(plain)
    ax.xaxis.set_minor_formatter(
        FuncFormatter(lambda v, _: f"{v:g}" if _leading(v) in (2, 5) else "")
    )
    ax.set_xlabel("median time per page (ms, log scale)")
    ax.set_ylabel("F1")
    ax.set_title(f"Quality against speed, {Path(run.dataset).name}")
    ax.grid(True, which="both", alpha=0.2)
    fig.tight_layout()
    fig.savefig(out_dir / "quality_vs_speed.png", dpi=130)
    plt.close(fig)
    return notices


# ------------------------------------------------------------------------------------------
# Main
# ------------------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        description="Time declutter, lxml's parse and the installed peers on a page set.",
        epilog="See the module docstring (and benchmarks/README.md) for what each figure means.",
    )
    p.add_argument("path", type=Path, help="a dataset folder (wcxb-dev, ...) or corpus/")
    p.add_argument("--limit", type=int, help="take only the first N pages")
    p.add_argument("--extractors", default=",".join(SETUPS),
                   help=f"comma-separated subset of {', '.join(SETUPS)}")  # fmt: skip
    p.add_argument("--jobs", type=int, default=1,
                   help="processes for the per-page timing (1, the default, is the faithful "
                        "setting; more is faster on an idle machine)")  # fmt: skip
    p.add_argument("--repeat", type=int, default=1,
                   help="runs per page and extractor, the best counting (default 1)")  # fmt: skip
    p.add_argument("--parallel-jobs", type=int, default=2,
                   help="processes for the extract_many speedup figure (default 2)")  # fmt: skip
    p.add_argument("--parallel-pages", type=int, default=400,
                   help="pages for the speedup figure (default 400; 0 for all)")  # fmt: skip
    p.add_argument("--no-parallel", action="store_true", help="skip the speedup figure")
    p.add_argument("--no-growth", action="store_true", help="skip the growth figure")
    p.add_argument("--memory", choices=("all", "declutter", "none"), default="all",
                   help="peak memory for every extractor, declutter and lxml only, or none")  # fmt: skip
    p.add_argument("--no-imports", action="store_true", help="skip import times")
    p.add_argument("--quality", type=Path, metavar="JSON",
                   help="F1 per extractor from 'declutter evaluate ... --json'")  # fmt: skip
    p.add_argument("--no-score", action="store_true",
                   help="do not compute word F1 from the timed outputs")  # fmt: skip
    p.add_argument("--write", action="store_true",
                   help="write the table into benchmarks/README.md and draw the plots there")  # fmt: skip
    p.add_argument("--plots", action="store_true", help="draw the plots even without --write")
    p.add_argument("--json", type=Path, metavar="FILE", help="save the raw per-page times")
    p.add_argument("--progress", action="store_true", help="a progress bar on stderr")
    p.add_argument("--memory-child", help=argparse.SUPPRESS)
    p.add_argument("--page-id", help=argparse.SUPPRESS)
    return p


def say(text: str) -> None:
    """A progress line on stderr."""
    print(text, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) the report."""
    args = _parser().parse_args(argv)
    if args.memory_child:
        report = memory_child(args.memory_child, args.path, args.limit, args.page_id)
        print(json.dumps(report))
        return 0
    if not args.path.is_dir():
        print(f"throughput: {args.path} is not a folder", file=sys.stderr)
        return 2
    wanted = [n.strip() for n in args.extractors.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in SETUPS]
    if unknown:
        print(f"throughput: unknown extractor(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    for must in (DECLUTTER, LXML):
        if must not in wanted:
            wanted.insert(0 if must == DECLUTTER else 1, must)

    logging.disable(logging.CRITICAL)  # peers log a traceback for each page they fail on
    with warnings.catch_warnings():  # corpus folders still being written are skipped quietly
        warnings.simplefilter("ignore")
        refs = bench_refs(args.path)[: args.limit]
    extractors, skipped = available(wanted)
    say(f"{len(refs)} pages, extractors: {', '.join(extractors)}")
    for ref in refs[:WARMUP_PAGES]:
        page = ref.load()
        for run_one in extractors.values():
            try:
                run_one(page)
            except Exception:  # noqa: BLE001, S110  (errors are counted in the sweep)
                pass

    # Every peer's modules stay alive in this one process; out of the collector's sight, they
    # do not make any extractor's collections slower than in a process of its own.
    gc.collect()
    gc.freeze()
    load_before = os.getloadavg()
    started = time.perf_counter()
    score = not args.no_score and args.quality is None
    result = sweep_parallel(refs, extractors, args.jobs, args.repeat, score, args.progress)
    say(f"timed in {time.perf_counter() - started:.0f} s")
    largest = max(range(len(result.sizes)), key=result.sizes.__getitem__)
    command = _display_command(argv if argv is not None else sys.argv[1:], args.path)
    run = Run(
        dataset=_display_path(args.path),
        command=command,
        pages=len(result.ids),
        total_mb=sum(result.sizes) / 1e6,
        largest=(result.ids[largest], result.sizes[largest]),
        sweep_jobs=max(1, args.jobs),
        load_before=load_before,
        skipped=skipped,
    )
    for name in extractors:
        run.summaries[name] = summarize(result.seconds[name], len(result.errors[name]))
    run.ratios = {LXML: ratio(result, LXML), TRAFILATURA: ratio(result, TRAFILATURA)}
    if args.quality is not None:
        run.quality = quality_from_file(args.quality)
        run.quality_source = f"from `{_display_path(args.quality)}`"
    elif result.prf:
        run.quality = {n: f for n, s in result.prf.items() if (f := mean_f1(s)) is not None}
        run.quality_source = ("WCXB word F1 averaged over pages, computed by this script from "
                              "the outputs it timed (readability's HTML rendered to text)")  # fmt: skip

    if not args.no_growth:
        say("growth ...")
        run.growth = growth(refs, result.sizes, extractors)
    if not args.no_parallel and args.parallel_jobs > 1:
        say("parallel ...")
        count = args.parallel_pages or len(refs)
        run.parallel = parallel(refs[:count], args.parallel_jobs)
    run.load_after = os.getloadavg()
    if args.memory != "none":
        names = list(extractors) if args.memory == "all" else [DECLUTTER, LXML]
        say(f"memory ({', '.join(names)}) ...")
        run.memory["lxml-largest"] = measure_memory(LXML, args.path, args.limit, run.largest[0])
        for name in names:
            run.memory[name] = measure_memory(name, args.path, args.limit)
    if not args.no_imports:
        say("import times ...")
        run.imports = {n: import_ms(MODULES[n]) for n in extractors}
        run.slow_imports = slowest_imports("declutter")

    section = markdown(run)
    print(section)
    if args.write:
        write_readme(section)
        say(f"wrote {README}")
    if args.write or args.plots:
        for notice in plot(run, result, HERE):
            say(notice)
    if args.json is not None:
        raw = {"ids": result.ids, "sizes": result.sizes, "seconds": result.seconds,
               "errors": result.errors}  # fmt: skip
        args.json.write_text(json.dumps(raw), encoding="utf-8")
    return 0


def _display_command(argv: Sequence[str], path: Path) -> str:
    """The command as typed from the project root, without the options that change no figure."""
    shown, skip = [], False
    for token in argv:
        if skip:
            skip = False
        elif token in ("--progress",) or token.startswith("--json="):
            pass
        elif token == "--json":
            skip = True
        elif token == str(path):
            shown.append(_display_path(path))
        else:
            shown.append(token)
    return "python benchmarks/throughput.py " + " ".join(shown)


def _revision() -> str:
    """declutter's version and, from a git checkout, the commit measured."""
    import declutter

    where = Path(declutter.__file__).resolve().parent
    text = f"declutter {declutter.__version__}"
    done = subprocess.run(
        ["git", "-C", str(where), "rev-parse", "--short", "HEAD"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        return text
    dirty = subprocess.run(
        ["git", "-C", str(where), "status", "--porcelain", "--", "."],
        capture_output=True, text=True, check=False,
    ).stdout.strip()  # fmt: skip
    return f"{text} at commit {done.stdout.strip()}" + (
        " plus uncommitted changes" if dirty else ""
    )


def _display_path(path: Path) -> str:
    """A path as the command would be typed from the project root."""
    resolved = path.resolve()
    root = HERE.parent
    try:
        return str(resolved.relative_to(root))
    except ValueError:
        return os.path.relpath(resolved, root)


if __name__ == "__main__":
    sys.exit(main())
