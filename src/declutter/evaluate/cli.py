"""``declutter evaluate``: score declutter and its peers on a dataset folder."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from .datasets import (
    FORMATS,
    DatasetError,
    DatasetWarning,
    detect_format,
    read_dataset,
    select_split,
)
from .peers import UnknownExtractor, resolve_extractors
from .report import format_table
from .runner import GROUPINGS, evaluate

__all__ = ["build_parser", "main"]

# Formats whose pages carry a page type; their reports group by it unless told otherwise.
_TYPED_FORMATS = ("corpus", "wcxb")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``declutter evaluate``."""
    parser = argparse.ArgumentParser(
        prog="declutter evaluate",
        description=(
            "Run declutter and its peers over a gold-annotated dataset and score them with each "
            "benchmark's own metric (word F1 for WCXB and the corpus, shingle F1 for ScrapingHub, "
            "snippet P/R/F1 for trafilatura's set), plus median and p95 ms per page."
        ),
    )
    parser.add_argument("path", type=Path, help="dataset folder")
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        help="dataset format (default: recognised from the folder's layout)",
    )
    parser.add_argument(
        "--extractor",
        default="declutter",
        help="comma-separated: declutter, trafilatura, readability, justext, boilerpy3, "
        "resiliparse, c4; 'peers' for every peer, 'all' for everything (default: declutter)",
    )
    parser.add_argument(
        "--by",
        choices=[*GROUPINGS, "none"],
        help="also report per group (default: page_type for corpus and wcxb, else none)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--limit", type=int, help="evaluate only the first N pages")
    parser.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="worker processes (default 1; 0 runs in-process, no time limit)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds allowed per page and extractor (default 30)",
    )
    parser.add_argument(
        "--save-outputs",
        type=Path,
        metavar="DIR",
        help="write each output and per-page scores under DIR/<extractor>/",
    )
    parser.add_argument(
        "--as-text",
        action="store_true",
        help="render HTML pages to plain text first (each block a line)",
    )
    parser.add_argument(
        "--split",
        choices=["dev", "holdout", "all"],
        default="all",
        help="pages by a stable hash of their id: dev (~81%%), holdout (~19%%); "
        "--by split reports both side by side",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="let extractors print to the terminal (by default their chatter is discarded)",
    )
    floors = parser.add_argument_group("quality gate (corpus, declutter)")
    floors.add_argument(
        "--check-floors",
        action="store_true",
        help="fail (exit 1) when a corpus score undercuts its floor",
    )
    floors.add_argument(
        "--raise-floors",
        action="store_true",
        help="raise the corpus floors to the scores measured now",
    )
    floors.add_argument(
        "--allow-lower",
        action="store_true",
        help="with --raise-floors, accept lowering (needs a CHANGELOG line)",
    )
    floors.add_argument(
        "--floors", type=Path, help="floors file (default: <project>/tests/quality_floors.json)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``declutter evaluate`` with ``argv`` (default: the process arguments); an exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be 0 or more")
    if args.jobs < 0:
        parser.error("--jobs must be 0 or more")
    if args.timeout <= 0:
        parser.error("--timeout must be positive")
    if args.allow_lower and not args.raise_floors:
        parser.error("--allow-lower only makes sense with --raise-floors")
    gating = args.check_floors or args.raise_floors

    fmt = args.format or detect_format(args.path)
    if fmt is None:
        parser.error(f"cannot tell the format of {args.path}; give --format")
    names = [n.strip() for n in args.extractor.split(",") if n.strip()]
    if gating and (fmt != "corpus" or names != ["declutter"]):
        parser.error(
            "the floors gate declutter on the corpus: use --format corpus and --extractor declutter"
        )
    if gating and (args.split != "all" or args.limit is not None or args.as_text):
        parser.error("the floors hold for the whole corpus: no --split, --limit or --as-text")
    try:
        extractors, skipped = resolve_extractors(names)
    except UnknownExtractor as exc:
        parser.error(str(exc))
    for name, reason in skipped.items():
        print(f"notice: skipping {name}: {reason}", file=sys.stderr)
    if not extractors:
        print("error: no extractor can run", file=sys.stderr)
        return 2

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DatasetWarning)
        try:
            refs = read_dataset(args.path, fmt)
        except (DatasetError, OSError, json.JSONDecodeError) as exc:
            print(f"error: cannot read {args.path} as {fmt}: {exc}", file=sys.stderr)
            return 2
    for warning in caught:
        print(f"notice: {warning.message}", file=sys.stderr)
    refs = select_split(refs, args.split)
    if args.limit is not None:
        refs = refs[: args.limit]

    by = args.by if args.by is not None else ("page_type" if fmt in _TYPED_FORMATS else None)
    report = evaluate(
        refs,
        extractors,
        dataset=str(args.path),
        fmt=fmt,
        split=args.split,
        by=None if by == "none" else by,
        jobs=args.jobs,
        timeout=args.timeout,
        as_text=args.as_text,
        progress=False if args.no_progress else None,
        save_outputs=args.save_outputs,
        skipped=skipped,
        quiet=not args.verbose,
    )
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_table(report))
    if gating:
        from . import gate  # imported here so `python -m declutter.evaluate.gate` runs cleanly

        floors_path = args.floors or gate.find_project_root() / "tests" / "quality_floors.json"
        out = sys.stderr if args.json else sys.stdout
        return gate.apply(
            report, floors_path, raise_=args.raise_floors, allow_lower=args.allow_lower, out=out
        )
    return 0
