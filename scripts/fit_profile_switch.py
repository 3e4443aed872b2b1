"""Choose PROFILE_SWITCH_LINK on a development set (WCXB format) and print the evidence.

Every page is scored and selected with each profile on its own (prose and cards), and both
texts are scored against the gold with the benchmark's word F1. The current rule
(``PROFILE_SWITCH_BELOW``, ``PROFILE_SWITCH``) picks one; the search then overrides it with
"cards wins when the prose selection's kept text has more than T of its characters in links"
for a range of T. The threshold is chosen on the *dev* slice alone (the best gain averaged
with its two neighbours, since a threshold beside a cliff does not carry over); the holdout
slice's gain is printed beside it as the check against tuning, with the per-type effect at the
chosen T:

    pip install -e '.[test]'
    python scripts/fit_profile_switch.py ../shared/datasets/wcxb-dev

Also printed: the score if every page took its better profile (an upper bound for any rule).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from declutter.blocks import Label
from declutter.deadline import Deadline
from declutter.evaluate.datasets import PageRef, read_wcxb, split_of
from declutter.evaluate.metrics import word_prf
from declutter.features import measure
from declutter.load import load
from declutter.metadata import read_metadata
from declutter.options import Options
from declutter.render import to_text
from declutter.scoring import score
from declutter.select import Selection, keep_titles, select
from declutter.weights import PROFILE_SWITCH, PROFILE_SWITCH_BELOW, PROFILES
from declutter.segment import segment

THRESHOLDS = tuple(round(0.02 * i, 2) for i in range(1, 16))


@dataclass(frozen=True)
class PageScores:
    """One page: its type and slice, each profile's F1, and what the switch rule reads."""

    id: str
    page_type: str
    split: str
    f1: dict[str, float]
    words: dict[str, int]
    prose_link_share: float


def _kept(selection: Selection) -> list:  # type: ignore[type-arg]
    return [b for b in selection.blocks if b.label is not Label.BOILERPLATE]


def page_scores(ref: PageRef) -> PageScores | None:
    page = ref.load()
    if page.gold is None:
        return None
    doc = load(page.content, page.url, Options())
    meta = read_metadata(doc.root, page.url)
    blocks = measure(segment(doc, Deadline(None)), meta.title)
    f1: dict[str, float] = {}
    words: dict[str, int] = {}
    link_share = 0.0
    for profile in PROFILES:
        selection = select(score(blocks, profile), negative_child=profile.negative_child)
        titled = keep_titles(selection)
        f1[profile.name] = word_prf(to_text(titled.blocks), page.gold).f1
        words[profile.name] = sum(b.features.words for b in _kept(selection))
        if profile is PROFILES[0]:
            kept = _kept(titled)
            link_share = sum(b.link_chars for b in kept) / max(1, sum(len(b.text) for b in kept))
    return PageScores(ref.id, page.page_type or "", split_of(ref.id), f1, words, link_share)


def choice(page: PageScores, threshold: float | None) -> str:
    """The profile the rule picks: the word rule, overridden by link share above ``threshold``."""
    first, second = PROFILES[0].name, PROFILES[1].name
    if threshold is not None and page.prose_link_share > threshold:
        return second
    below = page.words[first] < PROFILE_SWITCH_BELOW
    return second if below and page.words[second] > PROFILE_SWITCH * page.words[first] else first


def mean(pages: list[PageScores], threshold: float | None) -> float:
    return sum(p.f1[choice(p, threshold)] for p in pages) / max(1, len(pages))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wcxb", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        pages = [p for p in pool.map(page_scores, read_wcxb(args.wcxb), chunksize=8) if p]
    dev = [p for p in pages if p.split == "dev"]
    holdout = [p for p in pages if p.split == "holdout"]
    base_dev, base_holdout = mean(dev, None), mean(holdout, None)
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
        by_type[p.page_type].append(p.f1[choice(p, best)] - p.f1[choice(p, None)])
    for page_type, deltas in sorted(by_type.items()):
        print(f"  {page_type:14s} {sum(deltas) / len(deltas):+.4f} over {len(deltas)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
