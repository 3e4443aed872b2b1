"""The quality gate: declutter's corpus scores may not fall below tests/quality_floors.json.

After an improvement, raise the floors with ``python -m declutter.evaluate.gate --raise``;
lowering one needs ``--allow-lower`` and a line in CHANGELOG.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from declutter.evaluate.cli import main
from declutter.evaluate.gate import check_floors, corpus_report, load_floors, measure
from declutter.evaluate.peers import EXTRACTORS, missing_modules

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FLOORS = ROOT / "tests" / "quality_floors.json"

# Seconds one corpus page may take; generous, so only a hang fails on time.
PAGE_SECONDS = 60.0


def _require_declutter() -> None:
    missing = missing_modules(EXTRACTORS["declutter"])
    if missing:
        pytest.skip(f"the extraction pipeline is not importable yet: {', '.join(missing)}")


@pytest.mark.filterwarnings("ignore::declutter.evaluate.datasets.DatasetWarning")
def test_corpus_scores_meet_their_floors() -> None:
    """Corpus word F1, overall and per page type, is at or above every pinned floor."""
    _require_declutter()
    report = corpus_report(CORPUS, jobs=1, timeout=PAGE_SECONDS)
    assert report.results, "the corpus has no complete page"
    failed = [f"{r.page_id}: {r.error} {r.message}" for r in report.results if r.error]
    assert not failed, "declutter failed on corpus pages:\n" + "\n".join(failed)
    undercuts = check_floors(load_floors(FLOORS), measure(report))
    assert not undercuts, "corpus scores below their floors:\n" + "\n".join(
        f"{u.key}: {'missing' if u.measured is None else f'{u.measured:.3f}'} < {u.floor:.3f}"
        for u in undercuts
    )


@pytest.mark.filterwarnings("ignore::declutter.evaluate.datasets.DatasetWarning")
def test_declutter_evaluate_corpus_prints_scores_by_page_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``declutter evaluate corpus`` prints a row for every page type in the corpus."""
    _require_declutter()
    page_types = {
        json.loads((meta).read_text(encoding="utf-8"))["page_type"]
        for meta in CORPUS.glob("*/meta.json")
        if (meta.parent / "gold.txt").is_file()
    }
    assert main([str(CORPUS), "--no-progress", "--timeout", str(PAGE_SECONDS)]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0] for line in out.splitlines()[2:] if line.startswith(" ")}
    assert page_types <= rows
