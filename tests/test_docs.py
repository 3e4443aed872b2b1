"""The documentation keeps up with the code: every weight and every option is described."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from declutter import weights
from declutter.options import Options

ROOT = Path(__file__).resolve().parent.parent


def _mentions(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` as a whole identifier (LABEL_WORDS is not found inside
    TEXT_LABEL_WORDS)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def test_every_weight_is_in_the_algorithm_doc() -> None:
    """Every public constant of declutter.weights is named in docs/algorithm.md."""
    doc = (ROOT / "docs" / "algorithm.md").read_text(encoding="utf-8")
    names = sorted(name for name in vars(weights) if name.isupper() and not name.startswith("_"))
    assert names, "no constants found in declutter.weights"
    missing = [name for name in names if not _mentions(doc, name)]
    assert not missing, f"docs/algorithm.md does not name: {', '.join(missing)}"


def test_every_option_is_in_the_readme() -> None:
    """Every field of Options is mentioned, in backticks, in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f.name for f in dataclasses.fields(Options) if f"`{f.name}`" not in readme]
    assert not missing, f"README.md does not mention the option(s): {', '.join(missing)}"
