"""The quality gate: corpus scores pinned as floors that a change may not undercut.

``tests/quality_floors.json`` holds, for the project's corpus, the lowest acceptable word F1
(WCXB definition) of declutter overall and per page type. ``tests/test_quality_gate.py`` fails
when a score falls below its floor. After an improvement, raise the floors with

    python -m declutter.evaluate.gate --raise        (or: declutter evaluate corpus --raise-floors)

A floor is set to the measured score rounded down to 3 decimals, so the run that set it passes.
Lowering a floor is refused unless ``--allow-lower`` is given, and then needs a line in
CHANGELOG.md saying which score fell and why.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datasets import DatasetWarning, read_corpus
from .peers import resolve_extractors
from .runner import Report, evaluate, summarize

__all__ = [
    "FloorLoweringRefused",
    "FloorUpdate",
    "Undercut",
    "check_floors",
    "find_project_root",
    "load_floors",
    "main",
    "measure",
    "raise_floors",
    "save_floors",
]

# The metric the floors pin, as named in evaluation reports.
GATE_METRIC = "word_f1"

# Floors keep this many decimals, rounded down from the measured score.
FLOOR_DECIMALS = 3

# Scores this close below a floor still pass (float noise, not a regression).
TOLERANCE = 1e-9

# Key of the overall score; page types are "page_type/<type>".
OVERALL = "overall"
_PAGE_TYPE_PREFIX = "page_type/"

CHANGELOG_NOTICE = (
    "Floors were lowered: add a line to CHANGELOG.md saying which corpus score fell and why."
)


class FloorLoweringRefused(ValueError):
    """Raising the floors would lower at least one; pass ``allow_lower`` to accept that."""


@dataclass(frozen=True, slots=True)
class Undercut:
    """A score below its floor (``measured`` is ``None`` when the score is missing)."""

    key: str
    floor: float
    measured: float | None


@dataclass(frozen=True, slots=True)
class FloorUpdate:
    """New floors and what changed: (key, old, new) triples; old is ``None`` for new keys."""

    floors: Mapping[str, float]
    raised: tuple[tuple[str, float | None, float], ...]
    lowered: tuple[tuple[str, float, float | None], ...]


def load_floors(path: Path) -> dict[str, float]:
    """The floors in a floors file, flat: ``overall`` and ``page_type/<type>``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("metric", GATE_METRIC) != GATE_METRIC:
        raise ValueError(f"{path}: expected an object with metric {GATE_METRIC!r}")
    floors = {OVERALL: float(data.get(OVERALL, 0.0))}
    for page_type, value in (data.get("page_type") or {}).items():
        floors[_PAGE_TYPE_PREFIX + page_type] = float(value)
    return floors


def save_floors(path: Path, floors: Mapping[str, float]) -> None:
    """Write flat floors back in the file's nested form, keys sorted."""
    data: dict[str, Any] = {
        "_comment": (
            "Corpus word F1 floors of declutter (see declutter.evaluate.gate). Raise with "
            "`python -m declutter.evaluate.gate --raise`; lowering needs --allow-lower and a "
            "CHANGELOG line."
        ),
        "metric": GATE_METRIC,
        "dataset": "corpus",
        OVERALL: floors.get(OVERALL, 0.0),
        "page_type": {
            key.removeprefix(_PAGE_TYPE_PREFIX): value
            for key, value in sorted(floors.items())
            if key.startswith(_PAGE_TYPE_PREFIX)
        },
    }
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def measure(report: Report, extractor: str = "declutter") -> dict[str, float]:
    """The gated scores of one extractor in a corpus report, flat like the floors."""
    results = report.results_of(extractor)
    if not results:
        raise ValueError(f"the report has no results for {extractor!r}")
    scores = {OVERALL: float(summarize(results).get(GATE_METRIC, 0.0))}
    for group, rs in report.groups(extractor, "page_type").items():
        scores[_PAGE_TYPE_PREFIX + group] = float(summarize(rs).get(GATE_METRIC, 0.0))
    return scores


def check_floors(floors: Mapping[str, float], measured: Mapping[str, float]) -> list[Undercut]:
    """Every floor the measured scores undercut; a positive floor with no score undercuts."""
    undercuts = []
    for key, floor in sorted(floors.items()):
        score = measured.get(key)
        if score is None:
            if floor > 0:
                undercuts.append(Undercut(key, floor, None))
        elif score < floor - TOLERANCE:
            undercuts.append(Undercut(key, floor, score))
    return undercuts


def floor_of(score: float) -> float:
    """A score rounded down to the floors' precision."""
    scale = 10.0**FLOOR_DECIMALS
    return math.floor(score * scale + TOLERANCE) / scale


def raise_floors(
    floors: Mapping[str, float], measured: Mapping[str, float], *, allow_lower: bool = False
) -> FloorUpdate:
    """Floors moved up to the measured scores (rounded down), new page types added.

    A floor the scores would lower (or a positive floor with no score, which would be removed)
    raises :class:`FloorLoweringRefused` unless ``allow_lower`` is true.
    """
    new: dict[str, float] = dict(floors)
    raised: list[tuple[str, float | None, float]] = []
    lowered: list[tuple[str, float, float | None]] = []
    for key in sorted(floors.keys() | measured.keys()):
        old = floors.get(key)
        score = measured.get(key)
        if score is None:
            if old is not None and old > 0:
                lowered.append((key, old, None))
                del new[key]
            continue
        candidate = floor_of(score)
        if old is None or candidate > old:
            raised.append((key, old, candidate))
            new[key] = candidate
        elif candidate < old:
            lowered.append((key, old, candidate))
            new[key] = candidate
    if lowered and not allow_lower:
        listed = ", ".join(
            f"{k} {o:.3f} -> {'gone' if n is None else f'{n:.3f}'}" for k, o, n in lowered
        )
        raise FloorLoweringRefused(
            f"refusing to lower floors ({listed}); pass --allow-lower and add a CHANGELOG line"
        )
    return FloorUpdate(new, tuple(raised), tuple(lowered))


def find_project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the working directory) holding
    ``pyproject.toml`` and ``corpus/``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "corpus").is_dir():
            return folder
    raise FileNotFoundError(f"no project root (pyproject.toml and corpus/) at or above {here}")


def corpus_report(corpus: Path, *, jobs: int = 1, timeout: float | None = 60.0) -> Report:
    """declutter run over the corpus, grouped by page type."""
    extractors, skipped = resolve_extractors(["declutter"])
    if not extractors:
        raise RuntimeError(f"declutter cannot run: {skipped['declutter']}")
    return evaluate(
        read_corpus(corpus),
        extractors,
        dataset=str(corpus),
        fmt="corpus",
        by="page_type",
        jobs=jobs,
        timeout=timeout,
    )


def apply(
    report: Report,
    floors_path: Path,
    *,
    raise_: bool,
    allow_lower: bool,
    out: Any = None,
) -> int:
    """Check (or raise) the floors in ``floors_path`` against a corpus report; an exit code."""
    out = out or sys.stdout
    floors = load_floors(floors_path) if floors_path.is_file() else {OVERALL: 0.0}
    measured = measure(report)
    for key in sorted(floors.keys() | measured.keys()):
        floor, score = floors.get(key), measured.get(key)
        shown_floor = "-" if floor is None else f"{floor:.3f}"
        shown_score = "-" if score is None else f"{score:.3f}"
        print(f"{key:<28} floor {shown_floor:>6}  measured {shown_score:>6}", file=out)
    if not raise_:
        undercuts = check_floors(floors, measured)
        for u in undercuts:
            got = "missing" if u.measured is None else f"{u.measured:.3f}"
            print(f"UNDERCUT {u.key}: {got} < floor {u.floor:.3f}", file=out)
        return 1 if undercuts else 0
    try:
        update = raise_floors(floors, measured, allow_lower=allow_lower)
    except FloorLoweringRefused as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    save_floors(floors_path, update.floors)
    for key, old, new in update.raised:
        print(f"raised {key}: {'-' if old is None else f'{old:.3f}'} -> {new:.3f}", file=out)
    for key, old, low in update.lowered:
        print(f"LOWERED {key}: {old:.3f} -> {'removed' if low is None else f'{low:.3f}'}", file=out)
    if update.lowered:
        print(CHANGELOG_NOTICE, file=sys.stderr)
    if not update.raised and not update.lowered:
        print("floors unchanged", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m declutter.evaluate.gate``: check the corpus floors, or raise them."""
    parser = argparse.ArgumentParser(
        prog="python -m declutter.evaluate.gate",
        description="Check declutter's corpus scores against the pinned floors, or raise them.",
    )
    parser.add_argument(
        "--raise",
        dest="raise_",
        action="store_true",
        help="raise the floors to the measured scores",
    )
    parser.add_argument(
        "--allow-lower",
        action="store_true",
        help="with --raise, accept lowering a floor (needs a CHANGELOG line)",
    )
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: <project>/corpus)")
    parser.add_argument(
        "--floors", type=Path, help="floors file (default: <project>/tests/quality_floors.json)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds allowed per page (default 60)"
    )
    args = parser.parse_args(argv)
    if args.allow_lower and not args.raise_:
        parser.error("--allow-lower only makes sense with --raise")
    corpus: Path = args.corpus or find_project_root() / "corpus"
    floors_path: Path = args.floors or find_project_root() / "tests" / "quality_floors.json"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DatasetWarning)
        report = corpus_report(corpus, jobs=args.jobs, timeout=args.timeout)
    for warning in caught:
        print(f"notice: {warning.message}", file=sys.stderr)
    return apply(report, floors_path, raise_=args.raise_, allow_lower=args.allow_lower)


if __name__ == "__main__":
    raise SystemExit(main())
