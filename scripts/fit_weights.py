"""Fit the block-scoring weights on a development set (WCXB format) and print them.

Each block of each page in the *dev* slice (never the holdout slice) is labelled content when
its normalised text occurs in the page's gold main text, then a logistic regression over the
scoring features gives one weight per feature. The printed numbers are what
``src/declutter/weights.py`` carries, rounded; rerun this after changing a feature:

    pip install -e '.[test]' numpy scipy
    python scripts/fit_weights.py ../shared/datasets/wcxb-dev

Needs numpy and scipy, which declutter itself does not use.
"""

from __future__ import annotations

import argparse
import math
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from declutter.deadline import Deadline
from declutter.evaluate.datasets import read_wcxb, select_split
from declutter.features import fingerprint, measure
from declutter.load import load
from declutter.metadata import read_metadata
from declutter.options import Options
from declutter.segment import segment
from declutter.weights import MAX_DUPLICATES, MAX_SENTENCE_BONUS, SHORT_LINK_WORDS

SHORT_BLOCK_WORDS = 4

FEATURES = (
    "bias",
    "words (log2)",
    "link density",
    "short link",
    "region link density",
    "sentence end",
    "sentences",
    "class/id",
    "repeated on page",
    "boilerplate label",
    "site notice",
    "title topic",
    "kind code",
    "kind row",
    "kind quote",
    "kind heading",
    "kind list-item",
)


def vector(block) -> list[float]:  # type: ignore[no-untyped-def]
    f = block.features
    kind = block.kind.value
    return [
        1.0,
        math.log2(1 + f.words),
        f.link_density,
        f.link_density if f.words < SHORT_LINK_WORDS else 0.0,
        f.region_link_density,
        1.0 if f.terminal else 0.0,
        min(max(f.sentences - 1, 0), MAX_SENTENCE_BONUS),
        f.hint,
        min(f.duplicates, MAX_DUPLICATES),
        1.0 if f.label_word else 0.0,
        1.0 if f.notice else 0.0,
        f.title_overlap,
        1.0 if kind == "code" else 0.0,
        1.0 if kind == "row" else 0.0,
        1.0 if kind == "quote" else 0.0,
        1.0 if kind == "heading" else 0.0,
        1.0 if kind == "list-item" else 0.0,
    ]


def page_rows(ref) -> tuple[list[list[float]], list[int], list[float]]:  # type: ignore[no-untyped-def]
    page = ref.load()
    if not page.gold:
        return [], [], []
    gold = " " + fingerprint(page.gold) + " "
    gold_lines = {fingerprint(line) for line in page.gold.splitlines()}
    doc = load(page.content, page.url, Options())
    meta = read_metadata(doc.root, page.url)
    blocks = measure(segment(doc, Deadline(None)), meta.title)
    rows, labels, weights = [], [], []
    for b in blocks:
        key = fingerprint(b.text)
        if not key:
            continue
        rows.append(vector(b))
        # Short blocks ("Home", "Share") occur inside gold prose by chance: they count as content
        # only when they are a whole line of the gold.
        if len(key.split()) < SHORT_BLOCK_WORDS:
            labels.append(1 if key in gold_lines else 0)
        else:
            labels.append(1 if f" {key} " in gold else 0)
        weights.append(1.0 + b.features.words)  # long blocks matter more to word F1
    # Each page weighs the same in total, as pages do in the benchmark's mean F1.
    total = sum(weights) or 1.0
    return rows, labels, [w / total for w in weights]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wcxb", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--l2", type=float, default=1e-3)
    args = parser.parse_args()
    refs = select_split(read_wcxb(args.wcxb), "dev")
    X, y, w = [], [], []
    with ProcessPoolExecutor(args.jobs) as pool:
        for rows, labels, weights in pool.map(page_rows, refs, chunksize=8):
            X += rows
            y += labels
            w += weights
    Xa, ya, wa = np.array(X), np.array(y, dtype=float), np.array(w)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = Xa @ theta
        p = 1 / (1 + np.exp(-z))
        eps = 1e-9
        value = -np.sum(wa * (ya * np.log(p + eps) + (1 - ya) * np.log(1 - p + eps)))
        grad = Xa.T @ (wa * (p - ya))
        value += args.l2 * np.sum(theta[1:] ** 2)
        grad[1:] += 2 * args.l2 * theta[1:]
        return value, grad

    fit = minimize(loss, np.zeros(Xa.shape[1]), jac=True, method="L-BFGS-B")
    print(f"# {len(refs)} dev pages, {len(y)} blocks, {int(ya.sum())} content; converged={fit.success}")
    for name, value in zip(FEATURES, fit.x):
        print(f"{name:22s} {value:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
