"""Stage 1: decoding, sniffing and parsing."""

from __future__ import annotations

import codecs
import gzip
import pickle
import random
from pathlib import Path

import pytest

from declutter import extract, extract_result
from declutter.errors import InputTooLargeError
from declutter.load import binary_kind, decode, load, looks_like_html
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
    doc = load(
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Hi there</p></body></html>',
        None,
        Options(),
    )
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


# ---------------------------------------------------------------------------------------------
# Compressed bodies, binary files, UTF-16 without a byte-order mark
# ---------------------------------------------------------------------------------------------

CORPUS_PAGE = Path(__file__).parent.parent / "corpus" / "de-forum-phpbb" / "page.html"


def test_gzip_body_is_the_page_it_holds() -> None:
    """Bytes stored with their Content-Encoding (gzip) give exactly what the page gives."""
    page = CORPUS_PAGE.read_bytes()
    assert extract(gzip.compress(page)) == extract(page) != ""
    half = len(page) // 2
    members = gzip.compress(page[:half]) + gzip.compress(page[half:])
    assert extract(members) == extract(page)  # concatenated members, as `cat a.gz b.gz`
    empty = extract_result(gzip.compress(b""))
    assert (empty.text, empty.reason) == ("", "the page has no text")


def test_cut_off_gzip_gives_what_it_holds() -> None:
    """A gzip stream cut off mid-way decompresses as far as it goes, like a cut-off page."""
    html = "<article><p>" + " ".join(f"word{i}" for i in range(20_000)) + "</p></article>"
    packed = gzip.compress(html.encode())
    doc = load(packed[: len(packed) // 2], None, Options())
    assert doc.root is not None and not doc.binary
    text = doc.root.findtext(".//p")
    assert (
        text is not None and text.startswith("word0 word1 word2") and 1000 < len(text) < len(html)
    )


def test_gzip_is_bounded_by_max_input_bytes() -> None:
    """A gzip bomb stops at max_input_bytes once decompressed: an error, or the cut page."""
    bomb = gzip.compress(b"<p>" + b"a" * 10_000_000)
    assert len(bomb) < 20_000
    with pytest.raises(InputTooLargeError) as info:
        load(bomb, None, Options(max_input_bytes=100_000))
    assert info.value.decompressed and info.value.limit == 100_000
    assert str(info.value).startswith(
        "input is gzip-compressed and decompresses to over the limit of 100,000"
    )
    assert pickle.loads(pickle.dumps(info.value)).decompressed
    doc = load(bomb, None, Options(max_input_bytes=100_000, on_oversize="truncate"))
    assert doc.root is not None and doc.root.findtext(".//p") == "a" * 99_997


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "a GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or an Office document)"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a RIFF file (WebP image, WAV audio or AVI video)"),
        (b"\x00\x00\x00\x18ftypmp42", "an MP4 or HEIF file (video or image)"),
        (b"\x28\xb5\x2f\xfd\x24\x05", "Zstandard-compressed data"),
        (b"\x1f\x8b\x08\x00not deflate at all", "gzip-compressed data that does not decompress"),
        (b"wOF2\x00\x01\x00\x00", "a web font"),
    ],
)
def test_known_files_are_not_pages(data: bytes, kind: str) -> None:
    """A file a crawler fetched in place of a page gives no text and says what it is."""
    assert binary_kind(data) == kind
    result = extract_result(data + b"<p>text after the header</p>" * 10)
    assert result.text == "" and result.blocks == []
    assert result.reason == f"the input is {kind}, not a page"


def test_random_bytes_are_binary_data() -> None:
    """Bytes with many control characters and no markup are binary data, whatever their size."""
    rng = random.Random(3)
    for size in (64, 1000, 65_536):
        result = extract_result(rng.randbytes(size))
        assert (result.text, result.reason) == ("", "the input is binary data, not a page")


def test_text_with_a_few_controls_is_still_text() -> None:
    """Form feeds between pages of a plain-text dump (under 5 % of the bytes) stay text."""
    dump = "\f".join(
        f"Page {i}. The council met on Tuesday to discuss the new bridge." for i in range(20)
    )
    doc = load(dump.encode(), None, Options())
    assert not doc.binary and doc.text.startswith("Page 0. The council met")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    """UTF-16 without a byte-order mark decodes by its NUL pattern: markup or Cyrillic prose."""
    page = f"<html><body><p>{TEXT}</p></body></html>"
    assert decode(page.encode(codec)) == (page, codec)
    prose = "Городской совет обсудил новый мост через реку. " * 12
    assert decode(prose.encode(codec)) == (prose, codec)
    assert load(page.encode(codec), None, Options()).encoding == codec
    assert load(prose.encode(codec), None, Options()).text == prose


def test_nul_padding_is_not_utf16() -> None:
    """NUL on both the odd and the even bytes (padding, not UTF-16) leaves the page UTF-8."""
    page = b"\x00" * 100 + f"<p>{TEXT}</p>".encode()
    doc = load(page, None, Options())
    assert doc.encoding == "utf-8" and doc.root is not None and doc.root.findtext(".//p") == TEXT
