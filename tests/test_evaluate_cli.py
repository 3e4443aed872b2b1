"""Tests for declutter.evaluate.cli: ``declutter evaluate`` on a tiny corpus fixture."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from declutter.evaluate.cli import main


def _corpus(root: Path) -> Path:
    pages = {
        "en-article-one": ("article", "The council met today. It approved the new budget."),
        "en-article-two": ("article", "A storm hit the coast overnight. Roads were closed."),
        "de-forum-thread": ("forum", "Wie repariere ich das Fahrrad? Mit einem neuen Schlauch."),
    }
    for slug, (page_type, gold) in pages.items():
        folder = root / slug
        folder.mkdir(parents=True)
        body = "".join(f"<p>{s.strip()}.</p>" for s in gold.split(".") if s.strip())
        (folder / "page.html").write_text(
            f"<html><body><nav>Home News</nav>{body}</body></html>", encoding="utf-8"
        )
        (folder / "gold.txt").write_text(gold + "\n", encoding="utf-8")
        meta = {"page_type": page_type, "language": slug[:2], "input": "html", "traps": []}
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return root


def test_json_output_groups_corpus_by_page_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The corpus format is detected and its JSON report is grouped by page type."""
    code = main([str(_corpus(tmp_path)), "--extractor", "c4", "--json", "--jobs", "0"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dataset"]["format"] == "corpus"
    assert data["dataset"]["pages"] == 3
    c4 = data["extractors"]["c4"]
    assert set(c4["by_page_type"]) == {"article", "forum"}
    assert c4["overall"]["pages"] == 3
    assert 0.0 < c4["overall"]["word_f1"] <= 1.0


def test_table_output_and_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit keeps the first pages and --by none leaves out the group rows."""
    code = main(
        [str(_corpus(tmp_path)), "--extractor", "c4", "--limit", "2", "--by", "none", "--jobs",
         "1", "--no-progress"]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    assert "split all, 2 pages" in out
    assert len([line for line in out.splitlines() if line.startswith("c4")]) == 1
    assert "article" not in out


def test_split_holdout_keeps_only_holdout_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--split holdout evaluates only the pages whose id hashes into the holdout slice."""
    from declutter.evaluate.datasets import split_of

    root = _corpus(tmp_path)
    expected = sum(split_of(p.name) == "holdout" for p in root.iterdir())
    main([str(root), "--extractor", "c4", "--json", "--jobs", "0", "--split", "holdout"])
    assert json.loads(capsys.readouterr().out)["dataset"]["pages"] == expected


def test_unknown_extractor_is_a_usage_error(tmp_path: Path) -> None:
    """An unknown extractor name exits with status 2."""
    with pytest.raises(SystemExit) as exc:
        main([str(_corpus(tmp_path)), "--extractor", "newspaper"])
    assert exc.value.code == 2


def test_unrecognised_folder_is_a_usage_error(tmp_path: Path) -> None:
    """A folder of unknown layout without --format exits with status 2."""
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path)])
    assert exc.value.code == 2


def test_floors_need_the_corpus_and_declutter(tmp_path: Path) -> None:
    """--raise-floors with another extractor is refused."""
    with pytest.raises(SystemExit) as exc:
        main([str(_corpus(tmp_path)), "--extractor", "c4", "--raise-floors"])
    assert exc.value.code == 2


def test_floors_need_the_whole_corpus(tmp_path: Path) -> None:
    """--check-floors on a slice of the corpus is refused."""
    with pytest.raises(SystemExit) as exc:
        main([str(_corpus(tmp_path)), "--check-floors", "--limit", "1"])
    assert exc.value.code == 2


def test_module_entry_point_runs(tmp_path: Path) -> None:
    """``python -m declutter.evaluate`` runs the same command."""
    proc = subprocess.run(
        [sys.executable, "-m", "declutter.evaluate", str(_corpus(tmp_path)), "--extractor", "c4",
         "--json"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["extractors"]["c4"]["overall"]["pages"] == 3
