"""Run extract over every page of the development sets and count what goes wrong.

    python scripts/zero_exceptions.py [DATASETS] [--workers 2] [--timeout 30] [--slowest 10]

DATASETS defaults to ../shared/datasets beside the project. Every page of wcxb-dev,
trafilatura-eval-dev and readability-test-pages is extracted twice, as the bytes a crawler
fetches and as a str, in worker processes; a page that runs past the timeout has its worker
killed and counts as a timeout, a worker that dies counts as a crash. Prints the count of
exceptions by type (with an example page each) and the slowest pages. Exits 1 if anything
other than success happened.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing as mp
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_DATASETS = PROJECT.parent / "shared" / "datasets"


def pages(root: Path) -> Iterator[tuple[str, Path]]:
    """(name, path) of every page of the three development sets, in a stable order."""
    for path in sorted((root / "wcxb-dev" / "html").glob("*.html.gz")):
        yield f"wcxb-dev/{path.name}", path
    for path in sorted((root / "trafilatura-eval-dev" / "html").glob("*.gz")):
        yield f"trafilatura-eval-dev/{path.name}", path
    for path in sorted((root / "readability-test-pages").glob("*/source.html")):
        yield f"readability-test-pages/{path.parent.name}", path


def read(path: Path) -> bytes:
    """A page's bytes, gunzipped if need be."""
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one extraction of one page did."""

    name: str
    kind: str
    """``bytes`` or ``str``: how the page was handed over."""
    error: str
    """Exception type (``""`` on success, ``Timeout`` or ``Crash`` from the parent)."""
    detail: str
    seconds: float
    size: int


def work(conn: Connection) -> None:
    """Worker loop: receive (name, path), extract the page both ways, send the outcomes."""
    from declutter import extract

    conn.send("ready")  # imports done: the parent's clock for a page starts after this
    while True:
        job = conn.recv()
        if job is None:
            return
        name, path, kind = job
        data = read(Path(path))
        page: str | bytes = data if kind == "bytes" else data.decode("utf-8", errors="replace")
        start = time.perf_counter()
        try:
            out = extract(page)
            error, detail = ("" if isinstance(out, str) else "NotAStr"), ""
        except Exception as exc:  # noqa: BLE001 - counting every failure is this script's job
            error, detail = type(exc).__name__, str(exc)[:200]
        conn.send(Outcome(name, kind, error, detail, time.perf_counter() - start, len(data)))


class Slot:
    """One worker process and the job it is on."""

    def __init__(self, ctx: mp.context.SpawnContext) -> None:
        self.ctx = ctx
        self.start_process()

    def start_process(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=work, args=(child,), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(120) or self.conn.recv() != "ready":
            raise SystemExit("a worker process did not start")
        self.job: tuple[str, str, str] | None = None
        self.since = 0.0

    def give(self, job: tuple[str, str, str]) -> None:
        self.job, self.since = job, time.perf_counter()
        self.conn.send(job)

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()
        self.start_process()


def run(root: Path, workers: int, timeout: float) -> list[Outcome]:
    """Every page extracted both ways across ``workers`` processes."""
    jobs = [(name, str(path), kind) for name, path in pages(root) for kind in ("bytes", "str")]
    if not jobs:
        raise SystemExit(f"no pages found under {root}")
    ctx = mp.get_context("spawn")
    slots = [Slot(ctx) for _ in range(workers)]
    todo = list(reversed(jobs))
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    while todo or any(s.job for s in slots):
        for slot in slots:
            if slot.job is None and todo:
                slot.give(todo.pop())
        busy = {s.conn: s for s in slots if s.job}
        for ready in wait(list(busy), timeout=0.2):
            slot = busy[ready]  # type: ignore[index]
            try:
                outcomes.append(slot.conn.recv())
                slot.job = None
            except (EOFError, OSError):  # the worker died mid-page
                assert slot.job is not None
                name, path, kind = slot.job
                code = slot.process.exitcode
                outcomes.append(
                    Outcome(
                        name, kind, "Crash", f"exit code {code}", 0.0, Path(path).stat().st_size
                    )
                )
                slot.restart()
        now = time.perf_counter()
        for slot in slots:
            if slot.job and now - slot.since > timeout:
                name, path, kind = slot.job
                outcomes.append(
                    Outcome(
                        name,
                        kind,
                        "Timeout",
                        f"over {timeout:g} s",
                        now - slot.since,
                        Path(path).stat().st_size,
                    )
                )
                slot.restart()
        done = len(outcomes)
        if done % 500 == 0 and done:
            print(
                f"  {done}/{len(jobs)} extractions, {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
    for slot in slots:
        slot.conn.send(None)
        slot.process.join(timeout=5)
    return outcomes


def report(outcomes: list[Outcome], slowest: int, wall: float) -> bool:
    """Print the counts and the slowest pages; whether every extraction succeeded."""
    pages_seen = {o.name for o in outcomes}
    errors = Counter(o.error for o in outcomes if o.error)
    example: dict[str, Outcome] = {}
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        by_kind[o.kind][o.error or "ok"] += 1
        if o.error and o.error not in example:
            example[o.error] = o
    print(f"pages: {len(pages_seen)}   extractions: {len(outcomes)}   wall time: {wall:.1f} s")
    for kind, counts in sorted(by_kind.items()):
        print(f"  as {kind:5s}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    if errors:
        print("exceptions by type:")
        for error, count in errors.most_common():
            o = example[error]
            print(f"  {error:28s} {count:5d}   e.g. {o.name} ({o.kind}): {o.detail}")
    else:
        print("exceptions by type: none")
    times = sorted((o.seconds for o in outcomes if not o.error), reverse=True)
    if times:
        median = times[len(times) // 2]
        print(f"time per extraction: median {median * 1000:.1f} ms, max {times[0] * 1000:.0f} ms")
    print(f"slowest {slowest}:")
    for o in sorted(outcomes, key=lambda o: o.seconds, reverse=True)[:slowest]:
        flag = f"  [{o.error}]" if o.error else ""
        print(f"  {o.seconds * 1000:8.0f} ms  {o.size / 1024:8.0f} KB  {o.kind:5s}  {o.name}{flag}")
    return not errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="?", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page")
    parser.add_argument("--slowest", type=int, default=10)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    outcomes = run(args.datasets, args.workers, args.timeout)
    return 0 if report(outcomes, args.slowest, time.perf_counter() - started) else 1


if __name__ == "__main__":
    sys.exit(main())
