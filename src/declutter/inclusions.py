"""After selection: what ``Options.include_comments`` and ``Options.include_tables`` change.

They act on the decided blocks and never change which region is the main content.
"""

from __future__ import annotations

import regex

from .blocks import BOILERPLATE, CONTENT, HEADING, ROW, Block
from .weights import COMMENT_LONG_WORDS, COMMENT_MAX_LINK, COMMENT_MIN_WORDS, COMMENT_PREFIXES

__all__ = ["apply_inclusions"]

_ENDS_SENTENCE = regex.compile(r"[.!?…。！？؟][\"'”’»)\]]*\s*$")
"""A full stop, question or exclamation mark at the end (a colon ends "Anna said:", not a comment)."""


def _in_comments(block: Block) -> bool:
    """Inside a comments container, and not inside the reply form it holds."""
    inside = False
    for node in block.path:
        if inside and node.tag == "form":
            return False
        inside = inside or any(t.startswith(COMMENT_PREFIXES) for t in node.tokens)
    return inside


def _is_comment(block: Block) -> bool:
    """Prose inside a reader-comments container (not its author line, date or reply link)."""
    f = block.features
    return (
        block.kind is not HEADING
        and (
            f.words >= COMMENT_LONG_WORDS
            or (f.words >= COMMENT_MIN_WORDS and _ENDS_SENTENCE.search(block.text) is not None)
        )
        and f.link_density <= COMMENT_MAX_LINK
        and not f.label_word
        and not f.notice
        and _in_comments(block)
    )


def _is_table_row(block: Block) -> bool:
    """A row of a data table: two cells or more (a one-cell row is a paragraph in a layout table)."""
    return block.kind is ROW and " | " in block.text


def apply_inclusions(
    blocks: list[Block], include_comments: bool, include_tables: bool
) -> list[Block]:
    """What ``Options.include_comments`` and ``Options.include_tables`` change after selection.

    With ``include_comments``, prose in a reader-comments container is kept when the page has
    main content of its own (the comments of an article, not a page of comments taken for one).
    Without ``include_tables``, the kept rows of data tables (two cells or more) are dropped.
    """
    has_content = any(b.label is not BOILERPLATE for b in blocks)
    out = []
    for block in blocks:
        if not include_tables and block.label is CONTENT and _is_table_row(block):
            block = block.decided(
                block.score, BOILERPLATE, f"{block.reason}; a table row (include_tables is off)"
            )
        elif include_comments and has_content and block.label is BOILERPLATE and _is_comment(block):
            block = block.decided(
                block.score, CONTENT, f"{block.reason}; a reader comment (include_comments is on)"
            )
        out.append(block)
    return out
