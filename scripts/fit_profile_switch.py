"""Choose PROFILE_SWITCH_LINK on a development set (WCXB format) and print the evidence.

Every page is scored and selected with each profile on its own (prose and cards), and both
texts are scored against the gold with the benchmark's word F1. declutter's own rule
(``declutter.api.next_profile_wins``) then picks one with PROFILE_SWITCH_LINK set to T, for a
range of T ("cards wins when the prose selection's kept text has more than T of its characters
in links"; T infinite is the word rule alone). The threshold is chosen on the *dev* slice alone (the best gain averaged
with its two neighbours, since a threshold beside a cliff does not carry over); the holdout
slice's gain is printed beside it as the check against tuning, with the per-type effect at the
chosen T:

    pip install -e '.[test]'
    python scripts/fit_profile_switch.py ../shared/datasets/wcxb-dev

Also printed: the score if every page took its better profile (an upper bound for any rule).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from declutter.api import _kept_words, _link_share, needs_next_profile, next_profile_wins
from declutter.deadline import Deadline
from declutter.evaluate.datasets import PageRef, read_wcxb, split_of
from declutter.evaluate.metrics import word_prf
from declutter.features import measure
from declutter.load import load
from declutter.metadata import read_metadata
from declutter.options import Options
from declutter.render import to_text
from declutter.scoring import score
from declutter.refine import keep_titles
from declutter.select import select
from declutter.weights import PROFILES
from declutter.segment import segment

THRESHOLDS = tuple(round(0.02 * i, 2) for i in range(1, 16))


@dataclass(frozen=True)
class PageScores:
    """One page: its type and slice, each profile's F1 and kept words, and the first profile's
    link share."""

    id: str
    page_type: str
    split: str
    f1: dict[str, float]
    words: dict[str, int]
    empty: dict[str, bool]
    link_share: float


def page_scores(ref: PageRef) -> PageScores | None:
    page = ref.load()
    if page.gold is None:
        return None
    doc = load(page.content, page.url, Options())
    meta = read_metadata(doc.root, page.url)
    blocks = measure(segment(doc, Deadline(None)), meta.title)
    f1: dict[str, float] = {}
    words: dict[str, int] = {}
    shares: dict[str, float] = {}
    empty: dict[str, bool] = {}
    for profile in PROFILES:
        selection = select(score(blocks, profile), negative_child=profile.negative_child)
        titled = keep_titles(selection)
        f1[profile.name] = word_prf(to_text(titled.blocks), page.gold).f1
        words[profile.name] = _kept_words(selection)
        shares[profile.name] = _link_share(titled)
        empty[profile.name] = bool(selection.reason)
    share = shares[PROFILES[0].name]
    return PageScores(ref.id, page.page_type or "", split_of(ref.id), f1, words, empty, share)


def choice(page: PageScores, link_limit: float) -> str:
    """The profile declutter's rule picks with PROFILE_SWITCH_LINK set to ``link_limit``."""
    first, second = PROFILES[0].name, PROFILES[1].name
    if not needs_next_profile(page.words[first], page.link_share, link_limit):
        return first
    wins = next_profile_wins(
        page.words[first], page.link_share, page.words[second], page.empty[second], link_limit
    )
    return second if wins else first


def mean(pages: list[PageScores], link_limit: float) -> float:
    return sum(p.f1[choice(p, link_limit)] for p in pages) / max(1, len(pages))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wcxb", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = [p for p in pool.map(page_scores, read_wcxb(args.wcxb), chunksize=8) if p]
    dev = [p for p in pages if p.split == "dev"]
    holdout = [p for p in pages if p.split == "holdout"]
    base_dev, base_holdout = mean(dev, math.inf), mean(holdout, math.inf)
    oracle = sum(max(p.f1.values()) for p in pages) / len(pages)
    print(f"# {len(dev)} dev and {len(holdout)} holdout pages")
    print(
        f"word rule alone: dev {base_dev:.4f}, holdout {base_holdout:.4f}; better profile per page: {oracle:.4f}"
    )
    print("threshold  dev gain  holdout gain")
    gains = []
    for t in THRESHOLDS:
        gain = mean(dev, t) - base_dev
        gains.append((gain, t))
        print(f"{t:9.2f}  {gain:+.4f}  {mean(holdout, t) - base_holdout:+.4f}")
    # A threshold beside a cliff does not carry over to new pages: choose the best dev gain
    # averaged with its two neighbours.
    smoothed = [
        (sum(g for g, _ in gains[max(0, i - 1) : i + 2]) / len(gains[max(0, i - 1) : i + 2]), t)
        for i, (_, t) in enumerate(gains)
    ]
    best = max(smoothed)[1]
    print(f"chosen on dev (best gain averaged with its neighbours): PROFILE_SWITCH_LINK = {best}")
    by_type: dict[str, list[float]] = defaultdict(list)
    for p in pages:
        by_type[p.page_type].append(p.f1[choice(p, best)] - p.f1[choice(p, math.inf)])
    for page_type, deltas in sorted(by_type.items()):
        print(f"  {page_type:14s} {sum(deltas) / len(deltas):+.4f} over {len(deltas)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
