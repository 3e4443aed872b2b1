"""Properties of extraction over generated pages (hypothesis; strategies in tests/strategies.py).

What the generated pages hold, and therefore what is promised here: article prose (an <h1>,
distinct paragraphs, maybe <h2>s, inline markup) inside one container, among site chrome
(navigation, header, footer, "most read", related links, cookie banner, teasers, comments),
tables, lists, code, invisible parts and broken markup whose text is well defined. A block that
repeats another (a heading equal to the headline) is dropped by design, so article parts are
distinct.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import textwrap

import pytest
import strategies as s
from hypothesis import given
from hypothesis import strategies as st

from declutter import Options, extract, extract_result
from declutter.load import decode

FORMATS = st.sampled_from(["text", "markdown", "json"])


def _squash(text: str) -> str:
    return " ".join(text.split())


def _assert_in_order(output: str, seen: str) -> None:
    """Every output line is a run of consecutive words of ``seen``, each after the one before."""
    stream = " " + " ".join(s.words(seen)) + " "
    position = 0
    for line in output.split("\n"):
        found = s.words(line)
        if not found:
            continue
        needle = " " + " ".join(found) + " "
        at = stream.find(needle, position)
        assert at >= 0, f"output line not in the page's order (or not in the page): {line!r}"
        position = at + len(needle) - 1


# ---------------------------------------------------------------------------------------------
# Never raises, always a str
# ---------------------------------------------------------------------------------------------


@given(s.any_text, FORMATS, st.sampled_from(["precision", "balanced", "recall"]))
def test_never_raises_on_any_str(page: str, output_format: str, favor: str) -> None:
    """Any str at all (soup, lone surrogates, controls, pages) gives a str in every format."""
    out = extract(page, output_format=output_format, favor=favor)
    assert isinstance(out, str)
    if output_format == "json":
        json.loads(out)


@given(s.any_bytes, FORMATS)
def test_never_raises_on_any_bytes(page: bytes, output_format: str) -> None:
    """Any bytes (random binary, any codec, true or false declarations, cut anywhere) give a str."""
    out = extract(page, output_format=output_format)
    assert isinstance(out, str)


# ---------------------------------------------------------------------------------------------
# Nothing invented, nothing reordered, same answer every time
# ---------------------------------------------------------------------------------------------


@given(s.pages(), s.styles)
def test_output_words_occur_in_the_page_text(page: s.Page, style: s.Style) -> None:
    """Every word of the output is a word a reader sees on the page (no markup, script, comment)."""
    out = extract(page.html(style))
    invented = set(s.words(out)) - set(s.words(page.visible()))
    assert not invented, f"words not shown by the page: {sorted(invented)}"


@given(s.text_pages())
def test_text_page_output_words_occur_in_the_page(page: str) -> None:
    """A plain-text page gives only words of its own text."""
    out = extract(page, input_format="text")
    assert set(s.words(out)) <= set(s.words(page))


@given(s.pages(), s.styles)
def test_output_keeps_the_page_order(page: s.Page, style: s.Style) -> None:
    """Each output line is a run of the page's visible words, and the lines come in page order."""
    _assert_in_order(extract(page.html(style)), page.visible())


@given(s.text_pages())
def test_text_page_output_keeps_line_order(page: str) -> None:
    """A plain-text page's output lines are its own lines, in their order."""
    _assert_in_order(extract(page, input_format="text"), page)


@given(st.one_of(s.pages().map(lambda p: p.html()), s.text_pages(), s.tag_soup()), FORMATS)
def test_extraction_is_deterministic(page: str, output_format: str) -> None:
    """Two calls on the same page give the same output, reasons and scores included."""
    first = extract_result(page)
    second = extract_result(page)
    assert first.as_dict() == second.as_dict()
    assert extract(page, output_format=output_format) == extract(page, output_format=output_format)


_SEED_SCRIPT = textwrap.dedent(
    """
    import sys
    from declutter import extract
    page = sys.stdin.read()
    sys.stdout.write(extract(page, output_format=sys.argv[1]))
    """
)

_CLASSY_PAGE = """<html><body>
<div class="menu nav sidebar widget"><ul><li><a href="/">Home</a></li><li><a href="/b">Business</a></li></ul></div>
<div class="content article post entry"><h1>A headline of the story</h1>
<p>A paragraph of the article that says something worth reading, with enough words to be kept.</p>
<p class="related promo share">Short related bit.</p></div>
<footer class="footer copyright legal"><p>All rights reserved.</p></footer></body></html>"""
"""Elements whose class words tie in weight (menu/nav, related/promo/share, footer/copyright)."""


@functools.cache
def _under_hash_seeds(output_format: str) -> tuple[str, ...]:
    outputs = []
    for seed in ("1", "2", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _SEED_SCRIPT, output_format],
            input=_CLASSY_PAGE, capture_output=True, text=True, env=env, check=True, timeout=60,
        )  # fmt: skip
        outputs.append(done.stdout)
    return tuple(outputs)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_output_is_the_same_under_any_hash_seed(output_format: str) -> None:
    """A page's output, reasons in the JSON included, does not depend on the string-hash seed
    (class words weighing the same must break their tie the same way in every process)."""
    assert len(set(_under_hash_seeds(output_format))) == 1


# ---------------------------------------------------------------------------------------------
# What extraction keeps
# ---------------------------------------------------------------------------------------------


@given(s.prose_pages())
def test_prose_only_page_comes_back_unchanged(case: tuple[s.Page, str, list[str]]) -> None:
    """A page holding only an article (headline, subheadings, paragraphs) is returned whole."""
    page, _, texts = case
    assert _squash(extract(page.html())) == _squash(" ".join(texts))


@given(s.dressed_articles())
def test_boilerplate_around_an_article_changes_nothing(case: tuple[s.Page, s.Page]) -> None:
    """Navigation, header, footer, "most read", related links, a cookie banner and a repeated
    teaser around an article leave its extraction as it was alone."""
    bare, dressed = case
    assert extract(dressed.html()) == extract(bare.html())


@given(s.pages(malformed=False), s.styles, s.styles)
def test_cosmetic_changes_change_nothing(page: s.Page, one: s.Style, other: s.Style) -> None:
    """Tag case, attribute order and quotes, white space between tags and one more wrapping
    <div> do not change what is extracted."""
    assert extract(page.html(one)) == extract(page.html(other))


# ---------------------------------------------------------------------------------------------
# Encodings: bytes decode to the str they came from
# ---------------------------------------------------------------------------------------------

_WEB_DECODER = {"cp1252": "cp1252", "cp1251": "cp1251", "shift_jis": "cp932", "gb18030": "gb18030"}
"""The decoder a page declaring the codec gets. Shift_JIS pages are read as windows-31j (cp932),
the superset browsers use, which maps a handful of JIS codes (wave dash, double bar, minus,
cent, pound, not) to other code points than Python's shift_jis codec: those characters are left
out of the alphabet below, since no str holding them can round-trip."""


@functools.cache
def _alphabet(codec: str) -> tuple[str, ...]:
    """Printable BMP characters that survive encoding with ``codec`` and web decoding."""
    chars = []
    for point in range(0x20, 0x10000):
        char = chr(point)
        if (
            0x7F <= point < 0xA0
            or 0xD800 <= point < 0xE000
            or point >= 0xF900
            and codec != "gb18030"
        ):
            continue
        try:
            data = char.encode(codec)
        except UnicodeEncodeError:
            continue
        if data.decode(_WEB_DECODER[codec], errors="replace") == char:
            chars.append(char)
    return tuple(chars)


@st.composite
def _text_in(draw: st.DrawFn, codec: str | None) -> str:
    """Natural prose mixed with arbitrary characters that ``codec`` can carry (any if None)."""
    if codec is None:
        chars = st.characters(exclude_categories=["Cs", "Cc"])
    else:
        chars = st.sampled_from(_alphabet(codec))
    return (
        draw(st.text(chars, min_size=1, max_size=80))
        + " "
        + draw(s.prose_paragraphs(min_sentences=1))
    )


@given(st.data(), st.sampled_from(["utf-8", "utf-16"]), st.booleans())
def test_unicode_bytes_decode_like_the_str(data: st.DataObject, codec: str, declared: bool) -> None:
    """UTF-8, and UTF-16 with its BOM, give the very str they encode, declared or not."""
    text = data.draw(_text_in(None))
    page = s.Page(
        title="t", body=(s.El("p", (), (s.Text(text),)),), charset=codec if declared else None
    ).html()
    raw = page.encode(codec)  # Python's "utf-16" writes a BOM
    assert decode(raw)[0] == page
    assert extract(raw) == extract(page)


@given(st.data(), st.sampled_from(sorted(_WEB_DECODER)))
def test_declared_legacy_bytes_decode_like_the_str(data: st.DataObject, codec: str) -> None:
    """A page declaring cp1252, cp1251, Shift_JIS or GB18030 decodes to the str it came from.

    Guaranteed unless the bytes are also valid UTF-8 with non-ASCII sequences: those are taken for
    UTF-8 whatever the page declares (the common mislabelling), so "Ã©" in cp1252 reads as "é".
    """
    label = s.LEGACY[codec][0]
    text = data.draw(_text_in(codec))
    page = s.Page(title="t", body=(s.El("p", (), (s.Text(text),)),), charset=label).html()
    raw = page.encode(codec)
    try:
        raw.decode("utf-8")
        also_utf8 = not raw.isascii()
    except UnicodeDecodeError:
        also_utf8 = False
    if not also_utf8:
        assert decode(raw)[0] == page
        assert extract(raw) == extract(page)


@given(st.data(), st.sampled_from(sorted(_WEB_DECODER)))
def test_undeclared_legacy_bytes_decode_like_the_str(data: st.DataObject, codec: str) -> None:
    """An undeclared page of natural prose in cp1252 (French, German, Spanish), cp1251
    (Russian), Shift_JIS (Japanese) or GB18030 (Chinese) decodes to the str it came from.

    Guaranteed for natural text of at least one sentence in a language the codec serves:
    detection is statistical, and a few random accented letters, or Latin text in a Cyrillic code
    page, are not enough to tell code pages apart.
    """
    page = data.draw(s.legacy_pages(codec, min_sentences=1)).html()
    raw = page.encode(codec)
    assert decode(raw)[0] == page
    assert extract(raw) == extract(page)


def test_options_encoding_overrides_everything() -> None:
    """A codec forced through Options wins over BOM-less detection and the page's declaration."""
    page = '<html><head><meta charset="utf-8"></head><body><p>Привет, мир. Это статья.</p></body></html>'
    assert extract(page.encode("koi8_r"), options=Options(encoding="koi8_r")) == extract(page)
