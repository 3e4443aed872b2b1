"""Stage 6: kept blocks to text, markdown or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .blocks import BOILERPLATE, CAPTION, CODE, HEADING, HEADLINE, LIST_ITEM, QUOTE, ROW, Block

__all__ = ["block_record", "blocks_json", "kept", "to_json", "to_markdown", "to_text"]

_TIGHT = frozenset({LIST_ITEM, ROW})
"""Kinds whose consecutive blocks are separated by one newline instead of a blank line."""


def kept(blocks: Sequence[Block]) -> list[Block]:
    """The blocks that make the output, in reading order."""
    return [b for b in blocks if b.label is not BOILERPLATE]


def _join(blocks: list[Block], lines: list[str]) -> str:
    out: list[str] = []
    previous: Block | None = None
    for block, line in zip(blocks, lines):
        if previous is not None:
            tight = (
                block.kind is previous.kind
                and block.kind in _TIGHT
                and block.index == previous.index + 1
            )
            out.append("\n" if tight else "\n\n")
        out.append(line)
        previous = block
    return "".join(out)


def to_text(blocks: Sequence[Block]) -> str:
    """Plain text: a block per line, a blank line between paragraphs, list items and table rows
    on consecutive lines, code with its whitespace."""
    chosen = kept(blocks)
    return _join(chosen, [b.text for b in chosen])


def _markdown_line(block: Block, previous: Block | None) -> str:
    kind = block.kind
    if kind is HEADING or block.label is HEADLINE:
        level = block.level or 1
        return "#" * level + " " + block.text.replace("\n", " ")
    if kind is LIST_ITEM:
        indent = "  " * max(0, block.level - 1)
        return indent + "- " + block.text.replace("\n", " ")
    if kind is CODE:
        fence = "````" if "```" in block.text else "```"
        return f"{fence}\n{block.text}\n{fence}"
    if kind is QUOTE:
        return "\n".join("> " + line for line in block.text.split("\n"))
    if kind is ROW:
        cells = "| " + block.text.replace("\n", " ") + " |"
        starts_table = (
            previous is None or previous.kind is not ROW or previous.index != block.index - 1
        )
        if starts_table:
            width = block.text.count(" | ") + 1
            return cells + "\n|" + " --- |" * width
        return cells
    if kind is CAPTION:
        return "*" + block.text.replace("\n", " ") + "*"
    return block.text.replace("\n", "  \n")


def to_markdown(blocks: Sequence[Block]) -> str:
    """Markdown: headings, lists, code fences, quotes and tables kept as such."""
    chosen = kept(blocks)
    lines = []
    previous = None
    for block in chosen:
        lines.append(_markdown_line(block, previous))
        previous = block
    return _join(chosen, lines)


def block_record(block: Block) -> dict[str, Any]:
    """A block as plain JSON-ready data, with its features, score, label and reason."""
    f = block.features
    return {
        "index": block.index,
        "text": block.text,
        "kind": block.kind.value,
        "level": block.level,
        "label": block.label.value,
        "score": block.score,
        "reason": block.reason,
        "path": "/".join(n.tag for n in block.path),
        "features": {
            "words": f.words,
            "link_density": round(f.link_density, 3),
            "text_density": round(f.text_density, 3),
            "terminal": f.terminal,
            "sentences": f.sentences,
            "duplicates": f.duplicates,
            "title_echo": round(f.title_echo, 3),
            "title_overlap": round(f.title_overlap, 3),
            "position": round(f.position, 3),
            "hint": round(f.hint, 3),
            "hint_reason": f.hint_reason,
            "label_word": f.label_word,
            "notice": f.notice,
            "region_link_density": round(f.region_link_density, 3),
            "site_repeats": f.site_repeats,
        },
    }


_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2)


def to_json(document: dict[str, Any]) -> str:
    """Pretty, stable JSON (keys in insertion order, non-ASCII kept)."""
    return _ENCODER.encode(document)


def blocks_json(head: dict[str, Any], blocks: Sequence[Block]) -> str:
    """:func:`to_json` of ``head`` with the :func:`block_record` of each block under a last key
    "blocks", the same text as encoding it whole, written a record at a time: the records are
    never all held, nor the encoder's pieces of the whole document (on a page of 10^5 blocks, 75
    MB of JSON, those took another 470 MB). A record's own line breaks are the layout's (a line
    break in a text is written ``\\n``), so indenting it is a replacement."""
    document = to_json({**head, "blocks": []})
    if not blocks:
        return document
    records = (to_json(block_record(block)).replace("\n", "\n    ") for block in blocks)
    return "".join(
        (document[: document.rindex("[]")], "[\n    ", ",\n    ".join(records), "\n  ]\n}")
    )
