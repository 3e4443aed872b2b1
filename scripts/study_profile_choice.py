"""Study the choice between the prose and the cards profile (``declutter.api._decide``).

Every page of a development set (WCXB format) is extracted three times through the whole
pipeline: with declutter's own choice, with the prose profile forced and with the cards profile
forced (``api._decide`` is replaced for the run). Each forced text is scored with the benchmark's
word F1. Printed:

* the mean F1 per page type and per slice of the own choice, of each profile alone, and of an
  oracle that takes the better profile on every page (the bound for any rule that chooses);
* where the oracle's gain lies: pages where cards is not tried (prose kept >= 400 words with few
  links) and pages where it is tried, split by the profile that was better;
* the best single-threshold changes to the own rule found on the *dev* slice (veto a switch to
  cards, or force one, on one feature of the two selections), with the holdout slice's gain
  beside each as the check against tuning.

The rule kept from this study, `api.adds_link_shelf`, is a conjunction of three of these
features (prose words, the added blocks' link share and inside share), beyond the single-threshold
search printed here.

The features describe each selection (words, link share, runs of consecutive kept blocks, share
of words in blocks of two or more sentences, in card links, in blocks of 30+ words, where it
starts) and the blocks that cards keeps and prose does not (the "added" part: how many, their
words, the share of their words in repeated sibling items of one kind, headings, links, and how
many of them lie inside the span of prose's selection or before it).

    python scripts/study_profile_choice.py ../shared/datasets/wcxb-dev --rows rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from declutter import api, extract
from declutter.blocks import Block, Label
from declutter.evaluate.datasets import Page, read_wcxb, split_of
from declutter.evaluate.metrics import word_prf
from declutter.select import Selection
from declutter.weights import PROFILES

_SENTENCE_END = re.compile(r"[.!?。！？][\"”’)]?(\s|$)")
_MODE: str | None = None  # None: declutter's own choice; else the profile forced
_SEEN: dict[str, Any] = {}
_OWN_DECIDE = api._decide


def _kept(selection: Selection) -> list[Block]:
    return [b for b in selection.blocks if b.label is not Label.BOILERPLATE]


def _selection_features(
    selection: Selection, titled: Selection, order: dict[int, int]
) -> dict[str, Any]:
    kept = _kept(selection)
    words = sum(b.features.words for b in kept)
    places = sorted(order[b.index] for b in kept if b.index in order)
    runs = sum(1 for k, p in enumerate(places) if k == 0 or p != places[k - 1] + 1)
    shown = _kept(titled)
    chars = max(1, sum(len(b.text) for b in shown))
    return {
        "words": words,
        "blocks": len(kept),
        "runs": runs,
        "link": sum(b.link_chars for b in shown) / chars,
        "start": places[0] / len(order) if places else 1.0,
        "sentences": sum(b.features.words for b in kept if len(_SENTENCE_END.findall(b.text)) >= 2)
        / max(1, words),
        "card": sum(b.features.words for b in kept if b.card) / max(1, words),
        "long": sum(b.features.words for b in kept if b.features.words >= 30) / max(1, words),
        "empty": bool(selection.reason),
    }


def _added_features(prose: Selection, cards: Selection) -> dict[str, float]:
    """The blocks cards keeps and prose does not."""
    in_prose = {b.index for b in _kept(prose)}
    added = [b for b in _kept(cards) if b.index not in in_prose]
    words = max(1, sum(b.features.words for b in added))
    repeated: set[int] = set()
    for depth in (1, 2, 3):  # an element of one tag and class words, three or more times
        kinds: dict[tuple[str, frozenset[str]], set[int]] = defaultdict(set)
        for b in added:
            if len(b.path) >= depth:
                kinds[(b.path[-depth].tag, b.path[-depth].tokens)].add(b.path[-depth].id)
        for b in added:
            if (
                len(b.path) >= depth
                and len(kinds[(b.path[-depth].tag, b.path[-depth].tokens)]) >= 3
            ):
                repeated.add(b.index)
    first, last = (min(in_prose), max(in_prose)) if in_prose else (-1, -1)
    n = max(1, len(added))
    return {
        "a_blocks": len(added),
        "a_words": words,
        "a_repeated": sum(b.features.words for b in added if b.index in repeated) / words,
        "a_headings": sum(b.kind.value == "heading" for b in added) / n,
        "a_link": sum(b.link_chars for b in added) / max(1, sum(len(b.text) for b in added)),
        "a_inside": sum(first < b.index < last for b in added) / n,
        "a_before": sum(b.index < first for b in added) / n,
    }


def _decide(
    blocks: list[Block],
    opts: Any,
    deadline: Any,
    discussion: bool = False,
    product: bool = False,
    tree: Any = None,
) -> tuple[Selection, str]:
    if _MODE is None:
        return _OWN_DECIDE(blocks, opts, deadline, discussion, product, tree)
    order = {b.index: k for k, b in enumerate(blocks)}
    chosen: dict[str, tuple[Selection, Selection]] = {}
    for profile in PROFILES:
        scored = api.score(blocks, profile, deadline)
        selection = api.select(
            scored, opts.favor, opts.include_title, deadline, profile.negative_child, discussion
        )
        chosen[profile.name] = (selection, api.keep_titles(selection))
        _SEEN[profile.name] = _selection_features(*chosen[profile.name], order)
    _SEEN["added"] = _added_features(chosen["prose"][0], chosen["cards"][0])
    _SEEN["product"] = product
    result = api.keep_standfirst(chosen[_MODE][1])
    if _MODE == PROFILES[0].name:
        result = api.drop_inline_links(result)
    return result, _MODE


def page_row(page: Page) -> dict[str, Any]:
    global _MODE
    row: dict[str, Any] = {"id": page.id, "type": page.page_type or "", "split": split_of(page.id)}
    _SEEN.clear()
    for mode in (None, "prose", "cards"):
        _MODE = mode
        text = str(extract(page.content, url=page.url))
        row["f1_" + (mode or "own")] = word_prf(text, page.gold or "").f1
    row.update(_SEEN)
    return row


def _load(ref: Any) -> dict[str, Any]:
    return page_row(ref.load())


def features(row: dict[str, Any]) -> dict[str, float]:
    flat = {f"p_{k}": float(v) for k, v in row["prose"].items()}
    flat.update({f"c_{k}": float(v) for k, v in row["cards"].items()})
    flat.update({k: float(v) for k, v in row["added"].items()})
    flat["ratio"] = row["cards"]["words"] / max(1, row["prose"]["words"])
    flat["product"] = float(row["product"])
    return flat


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("root", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--rows", type=Path, help="write each page's scores and features here (JSON lines)"
    )
    args = parser.parse_args()
    api._decide = _decide  # type: ignore[assignment]
    refs = read_wcxb(args.root)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        rows = [r for r in pool.imap(_load, refs, chunksize=4) if "added" in r]
    if args.rows:
        args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows))
    _report(rows)


def _mean(values: list[float]) -> float:
    return sum(values) / max(1, len(values))


def _report(rows: list[dict[str, Any]]) -> None:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        for g in ("all", r["type"], "slice " + r["split"]):
            groups[g].append(r)
    print(f"{'group':18s} {'pages':>5s} {'own':>7s} {'prose':>7s} {'cards':>7s} {'oracle':>7s}")
    for g, rs in sorted(groups.items()):
        own, p, c = (_mean([r["f1_" + k] for r in rs]) for k in ("own", "prose", "cards"))
        best = _mean([max(r["f1_prose"], r["f1_cards"]) for r in rs])
        print(f"{g:18s} {len(rs):5d} {own:7.4f} {p:7.4f} {c:7.4f} {best:7.4f}")
    for part in ("dev", "holdout"):
        rs = [r for r in rows if r["split"] == part]
        lost: dict[str, float] = defaultdict(float)
        for r in rs:
            tried = r["prose"]["words"] < 400 or r["prose"]["link"] > 0.08
            better = "cards" if r["f1_cards"] > r["f1_prose"] else "prose"
            best = max(r["f1_prose"], r["f1_cards"])
            lost[f"{'tried' if tried else 'not tried'}, {better} better"] += (
                best - r["f1_own"]
            ) / len(rs)
        print(
            part, "oracle gain by where it lies:", {k: round(v, 4) for k, v in sorted(lost.items())}
        )
    _single_thresholds(rows)
    _shelf_grid(rows)


def _switches(r: dict[str, Any]) -> bool:
    """The choice of ``api._decide`` without the shelf rule, from the recorded selections."""
    p, c = r["prose"], r["cards"]
    if not api.needs_next_profile(p["words"], p["link"]):
        return False
    if r["product"] and api.grows_past_product(p["words"], p["link"], c["words"]):
        return False
    return api.next_profile_wins(p["words"], p["link"], c["words"], c["empty"])


def _shelf_grid(rows: list[dict[str, Any]]) -> None:
    """Gain of vetoing the switch when prose kept >= W words and the added blocks have > L of
    their characters in links and < I of them inside prose's span (``api.adds_link_shelf``)."""
    print("shelf veto (dev gain, holdout gain, pages changed on dev) over the rule without it:")
    for words in (80, 100, 150, 200, 300):
        for link in (0.6, 0.7, 0.8):
            for inside in (0.1, 0.2, 0.3):
                gains = {}
                changed = 0
                for part in ("dev", "holdout"):
                    total = 0.0
                    rs = [r for r in rows if r["split"] == part]
                    for r in rs:
                        a = r["added"]
                        if not _switches(r):
                            continue
                        veto = (
                            r["prose"]["words"] >= words
                            and a["a_link"] > link
                            and a["a_inside"] < inside
                        )
                        if veto:
                            total += r["f1_prose"] - r["f1_cards"]
                            changed += part == "dev"
                    gains[part] = total / max(1, len(rs))
                print(
                    f"  W={words:3d} L={link} I={inside}: {gains['dev']:+.4f} {gains['holdout']:+.4f} {changed}"
                )


def _single_thresholds(rows: list[dict[str, Any]]) -> None:
    """Veto or force a switch to cards on one feature; fitted on dev, checked on holdout."""
    data = [(r, features(r), r["f1_own"] == r["f1_cards"] != r["f1_prose"]) for r in rows]
    dev = [d for d in data if d[0]["split"] == "dev"]
    hold = [d for d in data if d[0]["split"] == "holdout"]

    def gain(part: list[Any], rule: Any) -> float:
        return _mean(
            [r["f1_cards" if rule(f, own) else "f1_prose"] - r["f1_own"] for r, f, own in part]
        )

    found = []
    for name in dev[0][1]:
        values = sorted({f[name] for _, f, _ in dev})
        for t in {values[i * (len(values) - 1) // 30] for i in range(31)}:
            for sign in (1, -1):
                veto = lambda f, own, n=name, t=t, s=sign: own and not s * (f[n] - t) > 0
                force = lambda f, own, n=name, t=t, s=sign: (
                    own or (s * (f[n] - t) > 0 and not f["c_empty"])
                )
                for kind, rule in (("veto cards if", veto), ("force cards if", force)):
                    found.append(
                        (
                            gain(dev, rule),
                            gain(hold, rule),
                            f"{kind} {name} {'>' if sign > 0 else '<'} {t:.3g}",
                        )
                    )
    found.sort(key=lambda x: -x[0])
    print("best single-threshold changes (dev gain, holdout gain):")
    for g_dev, g_hold, text in found[:12]:
        print(f"  {g_dev:+.4f} {g_hold:+.4f}  {text}")


if __name__ == "__main__":
    main()
