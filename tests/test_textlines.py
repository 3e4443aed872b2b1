"""Tests for declutter.textlines: what each line of a plain-text page is."""

from __future__ import annotations

from declutter.features import measure
from declutter.segment import segment_text
from declutter.textlines import Shape, line_keys, read_lines

from helpers import text_page


def test_line_keys_find_copies_behind_labels_and_separators() -> None:
    """A line is keyed by itself, by the pieces of a title bar, and without a section label."""
    title = "Union says Starbucks fired organizing committee at US store"
    key = line_keys(title)[0]
    assert key == "union says starbucks fired organizing committee at us store"
    assert key in line_keys(f"WORLD {title}")[1]
    assert key in line_keys(f"3. {title}")[1]
    assert key in line_keys(f"{title} | The Daily Example")[1]
    assert key in line_keys(f"News › World › {title}")[1]
    assert key in line_keys(f"date 2022-02-09 {title}")[1]
    assert key not in line_keys(f"Four words of label {title}")[1]


def test_paragraph_wrapped_over_lines_is_prose() -> None:
    """Lines that carry on a sentence in lower case are read as one paragraph."""
    wrapped = [
        "The committee published its findings",
        "on Tuesday after a review,",
        "and covered every school.",
    ]
    lines = read_lines(measure(segment_text(text_page("Menu", *wrapped, "Home")), ""))
    assert [line.shape for line in lines] == [
        Shape.SHORT,
        Shape.PROSE,
        Shape.PROSE,
        Shape.PROSE,
        Shape.SHORT,
    ]
