"""Stage 6: text, markdown and JSON output."""

from __future__ import annotations

import json
from dataclasses import replace

from declutter.blocks import Block, Kind, Label
from declutter.render import to_json, to_markdown, to_text


def _kept(*specs: tuple[Kind, str, int]) -> list[Block]:
    return [
        Block(index=i, text=text, kind=kind, level=level, label=Label.CONTENT)
        for i, (kind, text, level) in enumerate(specs)
    ]


BLOCKS = _kept(
    (Kind.HEADING, "Title", 1),
    (Kind.PARAGRAPH, "First paragraph.", 0),
    (Kind.LIST_ITEM, "one", 1),
    (Kind.LIST_ITEM, "two", 1),
    (Kind.ROW, "k | v", 0),
    (Kind.ROW, "a | 1", 0),
    (Kind.CODE, "def f():\n    return 1", 0),
    (Kind.QUOTE, "Quoted.", 0),
)


def test_text_layout() -> None:
    """Blank lines between blocks; list items and rows on consecutive lines; code kept."""
    assert to_text(BLOCKS) == (
        "Title\n\nFirst paragraph.\n\none\ntwo\n\nk | v\na | 1\n\ndef f():\n    return 1\n\nQuoted."
    )


def test_boilerplate_left_out() -> None:
    """Blocks labelled boilerplate are not rendered, and lists split by them are not joined."""
    blocks = list(BLOCKS)
    blocks[2] = replace(blocks[2], label=Label.BOILERPLATE)
    assert "one" not in to_text(blocks)
    assert to_text(blocks).startswith("Title\n\nFirst paragraph.\n\ntwo\n\nk | v")


def test_markdown_layout() -> None:
    """Markdown has heading marks, bullets, a table with a header rule, fences and quotes."""
    assert to_markdown(BLOCKS) == (
        "# Title\n\nFirst paragraph.\n\n- one\n- two\n\n| k | v |\n| --- | --- |\n| a | 1 |\n\n"
        "```\ndef f():\n    return 1\n```\n\n> Quoted."
    )


def test_json_is_valid_and_keeps_unicode() -> None:
    """JSON output parses back and keeps non-ASCII characters as they are."""
    text = to_json({"text": "Ça va — 東京"})
    assert "東京" in text
    assert json.loads(text) == {"text": "Ça va — 東京"}
