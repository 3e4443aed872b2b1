"""Tests for declutter.evaluate.gate: checking, raising and refusing to lower the floors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from declutter.evaluate.datasets import Page
from declutter.evaluate.gate import (
    CHANGELOG_NOTICE,
    FloorLoweringRefused,
    Undercut,
    apply,
    check_floors,
    find_project_root,
    floor_of,
    load_floors,
    measure,
    raise_floors,
    save_floors,
)
from declutter.evaluate.runner import Outcome, Report, score_page


def _report(outputs: dict[tuple[str, str], str]) -> Report:
    """A corpus report of declutter built directly: (page type, gold) -> output."""
    results = tuple(
        score_page(Page(f"p{i}", b"", "html", gold=gold, page_type=pt), "declutter",
                   Outcome(out, 0.01))
        for i, ((pt, gold), out) in enumerate(outputs.items())
    )  # fmt: skip
    return Report("corpus", "corpus", "all", False, "page_type", ("declutter",), results)


def test_check_passes_at_or_above_the_floors() -> None:
    """Scores equal to or above every floor pass."""
    floors = {"overall": 0.5, "page_type/article": 0.8}
    assert check_floors(floors, {"overall": 0.5, "page_type/article": 0.9}) == []


def test_check_reports_each_undercut() -> None:
    """A score below its floor, and a positive floor without a score, are undercuts."""
    floors = {"overall": 0.5, "page_type/article": 0.8, "page_type/forum": 0.3}
    measured = {"overall": 0.49, "page_type/article": 0.9}
    assert check_floors(floors, measured) == [
        Undercut("overall", 0.5, 0.49),
        Undercut("page_type/forum", 0.3, None),
    ]


def test_floor_of_rounds_down_to_three_decimals() -> None:
    """A floor is the score rounded down, so the run that sets it passes it."""
    assert floor_of(0.87659) == 0.876
    assert floor_of(0.9) == 0.9
    assert floor_of(1.0) == 1.0


def test_raise_moves_floors_up_and_adds_new_types() -> None:
    """Higher scores raise their floors; a new page type gets a floor; equal ones stay."""
    update = raise_floors(
        {"overall": 0.5, "page_type/article": 0.8},
        {"overall": 0.61234, "page_type/article": 0.8001, "page_type/forum": 0.4},
    )
    assert update.floors == {"overall": 0.612, "page_type/article": 0.8, "page_type/forum": 0.4}
    assert update.raised == (("overall", 0.5, 0.612), ("page_type/forum", None, 0.4))
    assert update.lowered == ()


def test_raise_refuses_to_lower_without_permission() -> None:
    """A lower score makes raising fail, naming the floor, unless lowering is allowed."""
    floors = {"overall": 0.5, "page_type/article": 0.8}
    measured = {"overall": 0.7, "page_type/article": 0.75}
    with pytest.raises(FloorLoweringRefused, match="page_type/article 0.800 -> 0.750"):
        raise_floors(floors, measured)
    update = raise_floors(floors, measured, allow_lower=True)
    assert update.floors == {"overall": 0.7, "page_type/article": 0.75}
    assert update.lowered == (("page_type/article", 0.8, 0.75),)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    """Floors written to the file read back the same, nested by page type on disk."""
    path = tmp_path / "floors.json"
    floors = {"overall": 0.71, "page_type/article": 0.85, "page_type/forum": 0.6}
    save_floors(path, floors)
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["metric"] == "word_f1"
    assert on_disk["page_type"] == {"article": 0.85, "forum": 0.6}
    assert load_floors(path) == floors


def test_load_rejects_another_metric(tmp_path: Path) -> None:
    """A floors file for a different metric is refused."""
    path = tmp_path / "floors.json"
    path.write_text('{"metric": "rouge", "overall": 0.5}', encoding="utf-8")
    with pytest.raises(ValueError, match="word_f1"):
        load_floors(path)


def test_measure_reads_overall_and_page_type_word_f1() -> None:
    """Measured scores are word F1 overall and per page type."""
    report = _report({("article", "a b"): "a b", ("forum", "c d"): "x y"})
    assert measure(report) == {"overall": 0.5, "page_type/article": 1.0, "page_type/forum": 0.0}


def test_apply_check_fails_on_undercut(tmp_path: Path) -> None:
    """Checking exits 1 and prints UNDERCUT when a score is below its floor."""
    path = tmp_path / "floors.json"
    save_floors(path, {"overall": 0.9})
    out = io.StringIO()
    code = apply(_report({("article", "a b"): "a"}), path, raise_=False, allow_lower=False, out=out)
    assert code == 1
    assert "UNDERCUT overall" in out.getvalue()


def test_apply_raise_writes_file(tmp_path: Path) -> None:
    """Raising rewrites the floors file with the measured scores."""
    path = tmp_path / "floors.json"
    save_floors(path, {"overall": 0.0, "page_type/article": 0.0})
    code = apply(
        _report({("article", "a b c d"): "a b c"}), path, raise_=True, allow_lower=False,
        out=io.StringIO(),
    )  # fmt: skip
    assert code == 0
    assert load_floors(path) == {"overall": 0.857, "page_type/article": 0.857}


def test_apply_lowering_needs_flag_and_asks_for_changelog(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lowering is refused (exit 1, file untouched) unless allowed, then asks for a CHANGELOG."""
    path = tmp_path / "floors.json"
    save_floors(path, {"overall": 0.95})
    report = _report({("article", "a b"): "a"})
    assert apply(report, path, raise_=True, allow_lower=False, out=io.StringIO()) == 1
    assert load_floors(path) == {"overall": 0.95}
    assert "refusing to lower" in capsys.readouterr().err
    assert apply(report, path, raise_=True, allow_lower=True, out=io.StringIO()) == 0
    assert load_floors(path)["overall"] == 0.666
    assert CHANGELOG_NOTICE in capsys.readouterr().err


def test_find_project_root_walks_up(tmp_path: Path) -> None:
    """The project root is the nearest folder above with pyproject.toml and corpus/."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    assert find_project_root(tmp_path / "src" / "pkg") == tmp_path.resolve()
    with pytest.raises(FileNotFoundError):
        find_project_root(tmp_path.parent)
