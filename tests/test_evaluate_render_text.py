"""Tests for declutter.evaluate.render_text and its decoder: the naive scraper's text."""

from __future__ import annotations

from declutter.evaluate.decode import declared_charset, decode_html
from declutter.evaluate.render_text import render_text


def test_blocks_each_on_their_own_line() -> None:
    """Headings and paragraphs are separated by a blank line, divs by a line break."""
    html = "<body><div>Menu</div><div>Login</div><h1>Title</h1><p>One.</p><p>Two.</p></body>"
    assert render_text(html) == "Menu\nLogin\n\nTitle\n\nOne.\n\nTwo."


def test_inline_markup_joins_and_whitespace_folds() -> None:
    """Inline elements stay on their line and whitespace runs become one space."""
    assert render_text("<p>Some  <b>bold</b>\n and <a href='#'>linked</a>  text</p>") == (
        "Some bold and linked text"
    )


def test_script_style_and_head_are_dropped() -> None:
    """Scripts, styles and the head never reach the text, but tails after them do; noscript
    content does, as a scraper that runs no JavaScript sees it."""
    html = (
        "<html><head><title>Page title</title><style>p{}</style></head><body>"
        "<p>Before<script>var x = 1;</script> after</p><noscript>Enable JS</noscript>"
        "</body></html>"
    )
    assert render_text(html) == "Before after\n\nEnable JS"


def test_image_alt_text_is_its_own_line() -> None:
    """An image's alt text sits on a line of its own; images without alt add nothing."""
    html = "<p>Text before<img alt='A red bicycle' src='x.jpg'>text after<img src='y.jpg'></p>"
    assert render_text(html) == "Text before\nA red bicycle\ntext after"


def test_br_breaks_the_line() -> None:
    """A <br> starts a new line inside a paragraph."""
    assert render_text("<p>line one<br>line two</p>") == "line one\nline two"


def test_list_items_are_consecutive_lines() -> None:
    """Items of one list are on consecutive lines, the list set off by blank lines."""
    html = "<p>Intro</p><ul><li>first</li><li>second</li></ul><p>Outro</p>"
    assert render_text(html) == "Intro\n\nfirst\nsecond\n\nOutro"


def test_table_rows_join_cells_with_bars() -> None:
    """Each row is a line with its cells joined by ' | '."""
    html = "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>"
    assert render_text(html) == "Name | Age\nAnn | 41"


def test_pre_keeps_line_breaks_and_indentation() -> None:
    """Preformatted text keeps its lines and leading spaces."""
    html = "<p>Code:</p><pre>def f():\n    return 1\n</pre>"
    assert render_text(html) == "Code:\n\ndef f():\n    return 1"


def test_comments_are_dropped_but_surrounding_text_joins() -> None:
    """An HTML comment disappears; the text on both sides stays on one line."""
    assert render_text("<p>foo<!-- hidden -->bar</p>") == "foobar"


def test_deep_nesting_does_not_recurse() -> None:
    """Nesting deeper than Python's recursion limit renders without recursion errors."""
    depth = 1500
    html = "<div>" * depth + "deep text" + "</div>" * depth
    assert render_text(html) == "deep text"


def test_bytes_are_decoded_by_declared_charset() -> None:
    """Bytes in a legacy encoding are decoded by their meta charset."""
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    assert render_text(html.encode("cp1251")) == "Привет"


def test_xml_declaration_is_tolerated() -> None:
    """An XHTML page with an XML declaration renders like any other."""
    html = '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi</p></body></html>'
    assert render_text(html) == "Hi"


def test_empty_input_renders_empty() -> None:
    """Empty or blank input gives an empty string."""
    assert render_text("") == ""
    assert render_text(b"   ") == ""


def test_declared_charset_maps_latin1_to_windows_1252() -> None:
    """A page declaring ISO-8859-1 is decoded as Windows-1252, as browsers do."""
    assert (
        declared_charset(
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        )
        == "cp1252"
    )
    assert declared_charset(b"<p>no declaration</p>") is None


def test_decode_html_without_declaration_tries_utf8_then_guesses() -> None:
    """Undeclared UTF-8 decodes as UTF-8; a UTF-8 BOM is honoured and removed."""
    assert decode_html("<p>Grüße</p>".encode()) == "<p>Grüße</p>"
    assert decode_html(b"\xef\xbb\xbf<p>x</p>") == "<p>x</p>"
