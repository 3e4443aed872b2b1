"""Stage 1: decoding, sniffing and parsing."""

from __future__ import annotations

import codecs

import pytest

from declutter.errors import InputTooLargeError
from declutter.load import decode, load, looks_like_html
from declutter.options import Options

TEXT = "Ça coûte 12 € — naïve café"


def test_bom_wins_over_declaration() -> None:
    """A UTF-8 byte-order mark decides the codec even when the page declares another."""
    data = codecs.BOM_UTF8 + f'<meta charset="iso-8859-1"><p>{TEXT}</p>'.encode()
    text, codec = decode(data)
    assert codec == "utf-8"
    assert TEXT in text


def test_utf16_bom() -> None:
    """UTF-16 with a BOM decodes without any declaration."""
    text, codec = decode(f"<p>{TEXT}</p>".encode("utf-16"))
    assert codec.startswith("utf-16")
    assert text == f"<p>{TEXT}</p>"


def test_declared_legacy_encoding() -> None:
    """A meta charset declaration decides the codec for bytes that are not UTF-8."""
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><p>Привет, мир</p></body></html>'
    text, codec = decode(page.encode("cp1251"))
    assert codec == "cp1251"
    assert "Привет, мир" in text


def test_latin1_label_means_cp1252() -> None:
    """The iso-8859-1 label decodes as cp1252, as browsers do (the euro sign survives)."""
    page = f'<meta charset="iso-8859-1"><p>{TEXT}</p>'
    text, codec = decode(page.encode("cp1252"))
    assert codec == "cp1252"
    assert TEXT in text


def test_wrong_declaration_falls_back_to_utf8() -> None:
    """Bytes that declare cp1251 but are valid UTF-8 and invalid cp1251 decode as UTF-8."""
    page = f'<meta charset="ascii"><p>{TEXT}</p>'.encode()
    text, _ = decode(page)
    assert TEXT in text


def test_undeclared_legacy_bytes_are_guessed() -> None:
    """Undeclared cp1251 bytes (not valid UTF-8) are detected, not mangled."""
    body = "Москва сегодня объявила о новых правилах движения транспорта в центре города. " * 5
    text, codec = decode(f"<p>{body}</p>".encode("cp1251"))
    assert body in text
    assert codec != "utf-8"


def test_sniff_html_and_text() -> None:
    """Markup is told from plain text that merely mentions a tag."""
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<div><p>one</p><p>two</p></div>")
    assert not looks_like_html("Breaking news\n\nThe value of a < b was shown.\n")
    assert not looks_like_html("Use the <p> tag for paragraphs.\nThat is all.")


def test_load_str_text_page() -> None:
    """A plain-text page loads without a tree."""
    doc = load("Headline\n\nBody text here.", None, Options())
    assert doc.root is None and not doc.is_html and doc.encoding == "str"


def test_load_forced_format() -> None:
    """input_format='html' parses even text that does not look like markup."""
    doc = load("just words", None, Options(input_format="html"))
    assert doc.is_html and doc.root is not None


def test_xml_declaration_in_str() -> None:
    """A str with an XML declaration parses (lxml refuses those in str otherwise)."""
    doc = load('<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi there</p></body></html>', None, Options())
    assert doc.root is not None
    assert doc.root.findtext(".//p") == "Hi there"


def test_oversize_raises_and_truncates() -> None:
    """Pages over max_input_bytes raise, or are cut when asked."""
    page = b"<p>" + b"a" * 5000 + b"</p>"
    with pytest.raises(InputTooLargeError) as info:
        load(page, None, Options(max_input_bytes=1000))
    assert info.value.limit == 1000 and info.value.size == len(page)
    doc = load(page, None, Options(max_input_bytes=1000, on_oversize="truncate"))
    assert doc.root is not None and doc.root.findtext(".//p") == "a" * 997
    text = load(b"a" * 5000, None, Options(max_input_bytes=1000, on_oversize="truncate"))
    assert text.text == "a" * 1000


def test_control_characters_removed() -> None:
    """NUL and other C0 controls are dropped before parsing; lone surrogates become U+FFFD."""
    doc = load("<p>a\x00b\x07c\ud800d</p>", None, Options(input_format="html"))
    assert doc.root is not None
    assert doc.root.findtext(".//p") == "abc\ufffdd"


def test_empty_page() -> None:
    """An empty page loads as an empty document."""
    doc = load(b"", None, Options())
    assert doc.root is None and doc.text == ""
