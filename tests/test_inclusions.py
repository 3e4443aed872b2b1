"""After selection: include_comments and include_tables."""

from __future__ import annotations

from dataclasses import replace

from declutter.blocks import Kind, Label
from declutter.inclusions import apply_inclusions

from helpers import PROSE, PROSE_2, block, node, page

BODY = node(0, "body")
ARTICLE = node(1, "article")
COMMENTS = node(2, "section", "comments", "area")
FORM = node(9, "form", "commentform")


def _decided() -> list:
    blocks = page(
        block(PROSE, (BODY, ARTICLE, node(3, "p"))),
        block("Region | Schools | Pupils", (BODY, ARTICLE, node(4, "table"), node(5, "tr")), kind=Kind.ROW),
        block("Single cell of a layout table", (BODY, ARTICLE, node(6, "table"), node(7, "tr")), kind=Kind.ROW),
        block("Anna said:", (BODY, COMMENTS, node(8, "li", "comment"), node(10, "div"))),
        block(PROSE_2, (BODY, COMMENTS, node(8, "li", "comment"), node(11, "p"))),
        block("Your email address will not be published.", (BODY, COMMENTS, FORM, node(12, "p"))),
    )
    labels = [Label.CONTENT, Label.CONTENT, Label.CONTENT, Label.BOILERPLATE, Label.BOILERPLATE, Label.BOILERPLATE]
    return [replace(b, label=label, reason="test") for b, label in zip(blocks, labels)]


def test_defaults_change_nothing() -> None:
    blocks = _decided()
    assert apply_inclusions(blocks, include_comments=False, include_tables=True) == blocks


def test_comments_keep_prose_only() -> None:
    """The comment's prose is kept; the author line and the reply form's note are not."""
    out = apply_inclusions(_decided(), include_comments=True, include_tables=True)
    assert [b.label for b in out][3:] == [Label.BOILERPLATE, Label.CONTENT, Label.BOILERPLATE]
    assert out[4].reason == "test; a reader comment (include_comments is on)"


def test_comments_need_main_content() -> None:
    blocks = [replace(b, label=Label.BOILERPLATE) for b in _decided()]
    assert apply_inclusions(blocks, include_comments=True, include_tables=True) == blocks


def test_no_tables_drops_data_rows_not_layout_cells() -> None:
    out = apply_inclusions(_decided(), include_comments=False, include_tables=False)
    assert [b.label for b in out][:3] == [Label.CONTENT, Label.BOILERPLATE, Label.CONTENT]
    assert out[1].reason == "test; a table row (include_tables is off)"
