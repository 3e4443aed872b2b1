"""Tests for declutter.evaluate.runner and report: time limits, errors counted per page,
scores, grouping, saved outputs and the JSON shape, with fake extractor callables."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from declutter.evaluate.datasets import Page, PageRef
from declutter.evaluate.report import format_table
from declutter.evaluate.runner import Outcome, evaluate, run_jobs, score_page, summarize

# --- fake extractors (module level, so worker processes can receive them) ---------------------


def echo_gold(page: Page) -> str:
    """A perfect extractor: returns the gold text."""
    return page.gold or ""


def raises(page: Page) -> str:
    """An extractor that always fails."""
    raise ValueError(f"cannot handle {page.id}")


def sleeps(page: Page) -> str:
    """An extractor that stalls far past any time limit used here."""
    time.sleep(60)
    return "too late"


def dies(page: Page) -> str:
    """An extractor that takes its worker process down."""
    os._exit(3)


def returns_bytes(page: Page) -> str:
    """An extractor that breaks the contract by returning bytes."""
    return b"not text"  # type: ignore[return-value]


def chatty(page: Page) -> str:
    """Prints to both streams, as some peers do for odd pages."""
    print(f"chatter about {page.id}")
    print(f"warning about {page.id}", file=sys.stderr)
    return ""


def content_kind(page: Page) -> str:
    """Reports what it received: the input kind and, for text, the text itself."""
    return f"{page.input_kind}\n{page.content if isinstance(page.content, str) else ''}"


def _pages() -> list[Page]:
    return [
        Page("a", b"<p>Alpha one.</p>", "html", gold="Alpha one.", page_type="article",
             language="en"),
        Page("b", b"<p>Beta two.</p>", "html", gold="Beta two.", page_type="forum",
             language="de"),
        Page("c", b"<p>Gamma three.</p>", "html", gold="Gamma three.", page_type="article",
             language="en"),
    ]  # fmt: skip


def _refs(pages: list[Page]) -> list[PageRef]:
    return [PageRef(p.id, lambda p=p: p) for p in pages]  # type: ignore[misc]


# --- running ----------------------------------------------------------------------------------


def test_timeouts_and_errors_are_counted_not_fatal() -> None:
    """A stalling and a raising extractor are counted per page while the others still score."""
    start = time.monotonic()
    report = evaluate(
        _refs(_pages()),
        {"echo": echo_gold, "raises": raises, "sleeps": sleeps},
        jobs=2,
        timeout=1.0,
        by="page_type",
    )
    elapsed = time.monotonic() - start
    assert elapsed < 20
    echo = summarize(report.results_of("echo"))
    assert (echo["pages"], echo["errors"], echo["word_f1"]) == (3, 0, 1.0)
    failing = summarize(report.results_of("raises"))
    assert (failing["errors"], failing["timeouts"], failing["error_types"]) == (
        3,
        0,
        {"ValueError": 3},
    )
    assert failing["word_f1"] == 0.0
    slow = summarize(report.results_of("sleeps"))
    assert (slow["errors"], slow["timeouts"], slow["error_types"]) == (3, 3, {"Timeout": 3})
    assert all(r.seconds >= 1.0 for r in report.results_of("sleeps"))


def test_dead_worker_is_counted_and_replaced() -> None:
    """A worker killed by its extractor counts as WorkerDied; later jobs still run."""
    report = evaluate(_refs(_pages()), {"dies": dies, "echo": echo_gold}, jobs=1, timeout=10)
    assert summarize(report.results_of("dies"))["error_types"] == {"WorkerDied": 3}
    assert summarize(report.results_of("echo"))["word_f1"] == 1.0


def test_non_text_output_is_a_type_error() -> None:
    """An extractor returning something other than str fails that page with TypeError."""
    report = evaluate(_refs(_pages()[:1]), {"bytes": returns_bytes}, jobs=0)
    (result,) = report.results
    assert result.error == "TypeError"
    assert "bytes" in (result.message or "")


def test_in_process_run_matches_worker_run() -> None:
    """jobs=0 (in-process) and jobs=2 give the same scores."""
    extractors = {"echo": echo_gold, "raises": raises}
    here = evaluate(_refs(_pages()), extractors, jobs=0)
    there = evaluate(_refs(_pages()), extractors, jobs=2, timeout=10)
    assert [(r.page_id, r.extractor, r.word, r.error) for r in here.results] == [
        (r.page_id, r.extractor, r.word, r.error) for r in there.results
    ]


def test_results_follow_page_then_extractor_order() -> None:
    """Results are sorted by page order, then by the order extractors were given."""
    report = evaluate(_refs(_pages()), {"raises": raises, "echo": echo_gold}, jobs=2, timeout=10)
    assert [(r.page_id, r.extractor) for r in report.results] == [
        ("a", "raises"), ("a", "echo"), ("b", "raises"), ("b", "echo"), ("c", "raises"),
        ("c", "echo"),
    ]  # fmt: skip


def test_as_text_renders_pages_before_extraction() -> None:
    """With as_text, the extractor receives the naive text rendering, not the HTML."""
    ((_, _, outcome),) = run_jobs(
        _pages()[:1], ["kind"], {"kind": content_kind}, jobs=1, as_text=True
    )
    assert outcome.text == "text\nAlpha one."


def test_worker_output_is_discarded_unless_asked_for(capfd: pytest.CaptureFixture[str]) -> None:
    """By default what extractors print in workers is dropped; quiet=False lets it through."""
    evaluate(_refs(_pages()[:1]), {"chatty": chatty}, jobs=1, timeout=10)
    quiet = capfd.readouterr()
    assert "chatter" not in quiet.out and "warning" not in quiet.err
    evaluate(_refs(_pages()[:1]), {"chatty": chatty}, jobs=1, timeout=10, quiet=False)
    loud = capfd.readouterr()
    assert "chatter about a" in loud.out and "warning about a" in loud.err


def test_unreadable_page_is_reported_and_left_out() -> None:
    """A page whose files cannot be read is listed and scored for no extractor."""

    def broken() -> Page:
        raise OSError("disk says no")

    refs = [*_refs(_pages()[:1]), PageRef("broken", broken)]
    report = evaluate(refs, {"echo": echo_gold}, jobs=0)
    assert [r.page_id for r in report.results] == ["a"]
    assert report.load_errors == (("broken", "OSError: disk says no"),)


def test_bad_arguments_are_rejected() -> None:
    """Negative jobs, a non-positive timeout and an unknown grouping are ValueErrors."""
    with pytest.raises(ValueError, match="jobs"):
        list(run_jobs(_pages(), ["echo"], {"echo": echo_gold}, jobs=-1))
    with pytest.raises(ValueError, match="timeout"):
        list(run_jobs(_pages(), ["echo"], {"echo": echo_gold}, timeout=0))
    with pytest.raises(ValueError, match="group"):
        evaluate(_refs(_pages()), {"echo": echo_gold}, by="domain")


# --- scoring and the report -------------------------------------------------------------------


def test_score_page_uses_the_annotations_present() -> None:
    """Gold enables word and shingle scores; snippet annotations enable snippet scores."""
    gold_only = score_page(_pages()[0], "x", Outcome("Alpha one.", 0.01))
    assert gold_only.word is not None and gold_only.shingle is not None
    assert gold_only.snippets is None and gold_only.with_share is None
    snippets_only = score_page(
        Page("s", b"", "html", with_snippets=("Alpha",), without_snippets=("Menu",),
             snippets_annotated=True),
        "x",
        Outcome("Alpha and Menu", 0.01),
    )  # fmt: skip
    assert snippets_only.word is None
    assert snippets_only.snippets is not None
    assert (snippets_only.snippets.tp, snippets_only.snippets.fp) == (1, 1)
    assert (snippets_only.with_share, snippets_only.without_share) == (1.0, 1.0)


def test_summary_timing_is_median_and_p95_in_ms() -> None:
    """Median and nearest-rank p95 come from the per-page times, in milliseconds."""
    results = [
        score_page(_pages()[0], "x", Outcome("", seconds)) for seconds in (0.001, 0.002, 0.010)
    ]
    summary = summarize(results)
    assert summary["ms_median"] == 2.0
    assert summary["ms_p95"] == 10.0


def test_json_report_shape() -> None:
    """The JSON object has the run settings and, per extractor, overall and per-group metrics."""
    report = evaluate(
        _refs(_pages()), {"echo": echo_gold, "raises": raises}, jobs=0, by="page_type",
        dataset="fixture", fmt="corpus", skipped={"ghost": "not installed: ghost"},
    )  # fmt: skip
    data = json.loads(json.dumps(report.to_json()))
    assert data["dataset"] == {
        "path": "fixture",
        "format": "corpus",
        "split": "all",
        "as_text": False,
        "pages": 3,
    }
    assert data["skipped"] == {"ghost": "not installed: ghost"}
    assert set(data["extractors"]) == {"echo", "raises"}
    echo = data["extractors"]["echo"]
    assert set(echo) == {"overall", "by_page_type"}
    assert set(echo["by_page_type"]) == {"article", "forum"}
    assert echo["by_page_type"]["article"]["pages"] == 2
    for key in ("pages", "errors", "timeouts", "error_types", "ms_median", "ms_p95", "word_f1",
                "word_precision", "word_recall", "shingle_f1"):  # fmt: skip
        assert key in echo["overall"]
    assert "snippet_f1" not in echo["overall"]
    assert data["extractors"]["raises"]["overall"]["error_types"] == {"ValueError": 3}


def test_grouping_by_language_and_split() -> None:
    """Results group by language and by dev/holdout split."""
    report = evaluate(_refs(_pages()), {"echo": echo_gold}, jobs=0, by="language")
    assert set(report.groups("echo", "language")) == {"de", "en"}
    assert set(report.groups("echo", "split")) <= {"dev", "holdout"}


def test_table_lists_extractors_groups_and_skips() -> None:
    """The table shows a row per extractor and group, and names skipped extractors."""
    report = evaluate(
        _refs(_pages()), {"echo": echo_gold}, jobs=0, by="page_type", fmt="corpus",
        skipped={"ghost": "not installed: ghost"},
    )  # fmt: skip
    table = format_table(report)
    lines = table.splitlines()
    assert "word F1" in lines[1]
    assert lines[2].split()[:4] == ["echo", "all", "3", "0"]
    assert lines[3].split()[:3] == ["article", "2", "0"]
    assert "skipped ghost: not installed: ghost" in table


def test_save_outputs_writes_texts_and_page_scores(tmp_path: Path) -> None:
    """Each output is saved as a text file and each page's scores as a JSON line."""
    evaluate(_refs(_pages()), {"echo": echo_gold}, jobs=0, save_outputs=tmp_path)
    assert (tmp_path / "echo" / "b.txt").read_text(encoding="utf-8") == "Beta two."
    rows = [
        json.loads(line)
        for line in (tmp_path / "echo" / "pages.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[1]["word_f1"] == 1.0
    assert rows[1]["page_type"] == "forum"
