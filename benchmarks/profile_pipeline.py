"""Where declutter spends its time: the share of each stage, then a profile of the hot path.

    python benchmarks/profile_pipeline.py ../shared/datasets/wcxb-dev --limit 200
    python benchmarks/profile_pipeline.py corpus --profiler pyinstrument

First every page goes through the stages one by one, each timed alone (no profiler), which gives
each stage's share of the total. Then the whole extraction runs under cProfile (functions sorted
by their own time and by cumulative time) or pyinstrument (a call tree; ``pip install
pyinstrument``). A profiler slows the Python it watches more than the C inside lxml, so its
percentages lean towards Python code; the stage shares of the first table do not.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
from pathlib import Path

from bench_support import STAGES, BenchPage, read_bench_pages, stage_calls

from declutter import extract


def stage_times(pages: list[BenchPage]) -> dict[str, float]:
    """Seconds spent in each stage over all pages, each stage timed on its own."""
    calls = stage_calls()
    totals = dict.fromkeys(STAGES, 0.0)

    def timed(stage: str, argument: object) -> object:
        start = time.perf_counter()
        value = calls[stage](argument)
        totals[stage] += time.perf_counter() - start
        return value

    for page in pages:
        document = timed("load", page)
        metadata = timed("metadata", document)
        blocks = timed("segment", document)
        measured = timed("measure", (blocks, metadata.title, None))  # type: ignore[attr-defined]
        scored = timed("score", measured)
        selection = timed("select", scored)
        timed("render", selection.blocks)  # type: ignore[attr-defined]
    return totals


def main(argv: list[str] | None = None) -> int:
    """Print the stage shares and the profile."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a dataset folder, or corpus/")
    parser.add_argument("--limit", type=int, default=200, help="pages to run (default 200)")
    parser.add_argument("--profiler", choices=("cprofile", "pyinstrument"), default="cprofile")
    parser.add_argument("--top", type=int, default=30, help="functions to list (cProfile)")
    args = parser.parse_args(argv)

    pages = read_bench_pages(args.path, args.limit)
    print(f"{len(pages)} pages from {args.path}, {sum(p.size for p in pages) / 1e6:.1f} MB")
    for page in pages[:5]:  # warm up: first calls compile regexes and fill caches
        extract(page.content, url=page.url)

    gc.collect()
    totals = stage_times(pages)
    whole = sum(totals.values())
    print(f"\n{'stage':<10} {'ms/page':>8} {'share':>7}")
    for stage, seconds in totals.items():
        print(f"{stage:<10} {seconds * 1000 / len(pages):>8.3f} {seconds / whole:>7.1%}")
    print(f"{'total':<10} {whole * 1000 / len(pages):>8.3f}")

    if args.profiler == "pyinstrument":
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for page in pages:
            extract(page.content, url=page.url)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return 0

    profile = cProfile.Profile()
    profile.enable()
    for page in pages:
        extract(page.content, url=page.url)
    profile.disable()
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats(key).print_stats(args.top)
        text = out.getvalue()
        print(f"\n--- cProfile, sorted by {key} ---")
        print(text[text.find("   ncalls") :])
    return 0


if __name__ == "__main__":
    sys.exit(main())
